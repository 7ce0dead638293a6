"""Footnote markers of raised letters ("worldwide.ᵃ"), as tables' and some journals' notes use
them: cut from the word like a raised number, never a letter on the line ("Fig. 2a")."""

from __future__ import annotations

import io
import re

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

from pdfgen import sentences
from synopsis.pdf import extract

TITLE = ParagraphStyle("title", fontName="Times-Bold", fontSize=16, leading=20)
BODY = ParagraphStyle("body", fontName="Times-Roman", fontSize=10, leading=12, alignment=4)
NOTE = ParagraphStyle("note", fontName="Times-Roman", fontSize=7, leading=9)


def marked_page(line: str, *, note: str = "") -> bytes:
    """A page of running text with a paragraph holding `line` (reportlab markup: "<super>a</super>"
    is raised and smaller in the same run of text, as a typesetter sets a marker) in the middle."""
    buffer = io.BytesIO()
    story = [Paragraph("Groundwater Recharge in Semi-Arid Basins", TITLE), Spacer(1, 12)]
    story.append(Paragraph(" ".join(sentences("F", 6)), BODY))
    story.append(Paragraph(" ".join([*sentences("E", 2), line, *sentences("G", 2)]), BODY))
    story.append(Paragraph(" ".join(sentences("H", 6)), BODY))
    if note:
        story += [Spacer(1, 400), Paragraph(note, NOTE)]
    SimpleDocTemplate(buffer, pagesize=A4).build(story)
    return buffer.getvalue()


def plain(line: str) -> str:
    return re.sub(r"<super>.*?</super>", "", line)


@pytest.mark.parametrize(
    "line",
    [
        "Groundwater supplies drinking water to two billion people worldwide.<super>a</super> In dry regions it runs short.",
        "Grundwasser versorgt zwei Milliarden Menschen mit Trinkwasser.<super>a</super> In semiariden Regionen fehlt es.",
        "Groundwater supplies drinking water worldwide<super>a,b</super> and it runs short in dry regions.",
        # The second review: after a year and its stop, an acronym shaped like a Roman numeral, a bracket.
        "The survey was carried out in 2020.<super>a</super> Patients with MCI<super>a</super> were seen twice.",
        "The guidance of the World Health Organization (WHO)<super>a</super> was followed in every basin.",
    ],
    ids=["after-a-stop", "german", "after-a-word", "after-a-year", "after-a-bracket"],
)
def test_a_raised_letter_marker_is_cut_from_its_word(line: str) -> None:
    # "worldwide.a In semi-arid ...": the marker stayed in the text, and the two sentences were
    # one (no sentence ends in ".a"); raised numbers, "*" and "†" were cut already.
    note = "a According to the 2022 report of the United Nations World Water Assessment Programme."
    found = extract(marked_page(line, note=note), source="marker.pdf")
    text = re.sub(r"\s+", " ", found.text)
    assert plain(line) in text
    assert found.footnotes == (note,)


@pytest.mark.parametrize(
    "line",
    [
        "The pattern is shown in Fig. 2a for the three basins.",
        "The difference was significant at p < 0.05a in every basin.",
        "Deficiency of vitamin A was common. Its share was 3.a in the table.",
        "The growth follows the curve e<super>x</super> over the whole period.",
        "The unit is one ml<super>a</super> in the table of the first basin.",
        # Ordinals and powers (review of stop 33: "XIXe siècle" was "XIX siècle", "1.ª" was "1."):
        "La presse du XIX<super>e</super> siècle et du III<super>e</super> Reich fut abondante.",
        "A 1.<super>a</super> edição e o art. 2.<super>o</super> do decreto, segundo D.<super>a</super> Maria.",
        "The value grows as (1 + r)<super>t</super> over the whole period.",
    ],
    ids=["figure", "p-value", "on-the-line", "power", "short-word", "roman-ordinal", "ordinal-after-stop", "bracket-power"],
)
def test_a_letter_not_raised_after_a_word_stays_in_the_text(line: str) -> None:
    found = extract(marked_page(line), source="letters.pdf")
    assert re.sub(r"<super>(.*?)</super>", r"\1", line) in re.sub(r"\s+", " ", found.text)
