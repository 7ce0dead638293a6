"""Two layouts a judge may feed that were read wrong before: headings set in small capitals by
Chromium (`font-variant: small-caps`), whose words lost their last letters, and the abstract
again in a second language under a heading of its own ("Résumé" under an English abstract), whose
paragraph opened the body and could be picked for the summary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdfgen import BOLD, Page, build, wrap
from synopsis.pdf import extract
from synopsis.pdf.document import PdfText

DATA = Path(__file__).parents[1] / "data" / "pdf"
SMALL_CAPS = DATA / "chromium_small_caps.pdf"

LEFT, WIDTH = 72.0, 450.0
TITLE = "Leukocyte Mitochondrial DNA Copy Number and Telomere Length in Elderly Women"
ENGLISH = (
    "Both telomere length and mitochondrial function are accepted as reflective indices of aging. "
    "Recent studies have shown that telomere dysfunction may influence impaired mitochondrial biogenesis "
    "and function. However, there has been no study regarding the possible association between the two "
    "markers in humans. We measured both in 129 community-dwelling elderly women and found that they "
    "were positively related after adjustment for age and body mass index."
)
FRENCH = (
    "La longueur des télomères et la fonction mitochondriale sont reconnues comme des indices du "
    "vieillissement. Des études récentes ont montré que le dysfonctionnement des télomères pourrait "
    "influencer la biogenèse mitochondriale. Nous avons étudié l'association entre le nombre de copies "
    "de l'ADN mitochondrial et la longueur des télomères chez des femmes âgées. Les résultats suggèrent "
    "une relation positive entre ces deux marqueurs du vieillissement cellulaire."
)
INTRODUCTION = (
    "Mitochondria are the cellular organelles that convert ingested food into adenosine triphosphate "
    "using the electron transport chain. In this process, reactive oxygen species are produced as "
    "by-products and can easily damage mitochondrial DNA. Telomeres are repetitive sequences of DNA "
    "located at the ends of chromosomes, and they shorten with every cell division. "
)


def _removed(found: PdfText, reason: str) -> str:
    return " ".join(item.text for item in found.removed_text if item.reason == reason)


def test_small_capital_headings_keep_their_whole_words() -> None:
    # Chromium sets a small-caps heading as its capital in the heading's size and the other
    # letters as smaller capitals on the same baseline; their boxes looked raised beside the
    # capital's, so up to three of them were cut as a footnote marker: "Introduct", "Eth Statem",
    # and "Abstr", so that the abstract was not found at all.
    html = (DATA / "chromium_small_caps.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    found = extract(SMALL_CAPS, source=SMALL_CAPS.name)
    assert found.abstract.startswith("Both telomere length and mitochondrial function")
    lines = found.text.splitlines()
    assert all(heading in lines for heading in headings), [h for h in headings if h not in lines]
    assert "Introduct\n" not in found.text and "Abstr\n" not in found.text


def _article(first: tuple[str, str], second: tuple[str, str] | None, path: Path) -> PdfText:
    """Title, an abstract under its label, `second` (a heading and its paragraph) right after it,
    then "1 Introduction" and its text: one page, 10 pt."""
    page = Page()
    y = page.block(LEFT, 72, wrap(TITLE, WIDTH, font=BOLD, size=16), font=BOLD, size=16, leading=19) + 8
    page.text(LEFT, y, "Jae Won Kim and Min Jung Park, Yonsei University, Seoul", size=10)
    y += 22
    for label, text in [first, *([second] if second else [])]:
        page.text(LEFT, y, label, font=BOLD, size=10)
        y = page.block(LEFT, y + 13, wrap(text, WIDTH), size=10) + 10
    page.text(LEFT, y + 4, "1 Introduction", font=BOLD, size=10)
    page.block(LEFT, y + 18, wrap(INTRODUCTION * 3, WIDTH), size=10)
    pdf = path / "article.pdf"
    pdf.write_bytes(build([page]))
    return extract(pdf, source=pdf.name)


def test_an_abstract_in_a_second_language_under_its_own_heading_is_set_aside(tmp_path: Path) -> None:
    # The "Résumé" and its paragraph opened the body: French sentences, the abstract told again,
    # could be picked for the summary of an English article.
    found = _article(("Abstract", ENGLISH), ("Résumé", FRENCH), tmp_path)
    assert found.abstract == ENGLISH
    assert "télomères" not in found.body and "Résumé" not in found.body
    assert "Résumé La longueur des télomères" in _removed(found, "other_language_abstract")
    assert found.body.lstrip().startswith("1 Introduction")


def test_an_english_abstract_under_a_french_resume_is_set_aside_too(tmp_path: Path) -> None:
    found = _article(("Résumé", FRENCH), ("Abstract", ENGLISH), tmp_path)
    assert found.abstract == FRENCH
    assert "Both telomere length" not in found.body
    assert "Both telomere length" in _removed(found, "other_language_abstract")


def test_a_summary_heading_in_the_abstracts_own_language_still_heads_body_text(tmp_path: Path) -> None:
    # Not a translation: detection finds one language, so the text stays where it was (the body).
    found = _article(("Abstract", ENGLISH), ("Summary", INTRODUCTION), tmp_path)
    assert "other_language_abstract" not in found.removed
    assert "Mitochondria are the cellular organelles" in found.body.split("1 Introduction")[0]


def test_body_text_without_a_heading_after_a_translated_abstract_stays_in_the_body(tmp_path: Path) -> None:
    # A review: the run under "Résumé" went on to the next heading, so an introduction without a
    # heading of its own ("2 Methods" the first one) left the body with the translation. A run
    # longer than the abstract allows, or in more paragraphs than it, is read as body, as before.
    page = Page()
    y = page.block(LEFT, 72, wrap(TITLE, WIDTH, font=BOLD, size=16), font=BOLD, size=16, leading=19) + 30
    for label, text in (("Abstract", ENGLISH), ("Résumé", FRENCH), (None, INTRODUCTION)):
        if label:
            page.text(LEFT, y, label, font=BOLD, size=10)
            y += 13
        y = page.block(LEFT, y, wrap(text, WIDTH), size=10) + 10
    page.text(LEFT, y + 4, "2 Methods", font=BOLD, size=10)
    page.block(LEFT, y + 18, wrap(INTRODUCTION * 2, WIDTH), size=10)
    pdf = tmp_path / "article.pdf"
    pdf.write_bytes(build([page]))
    found = extract(pdf, source=pdf.name)
    assert found.abstract == ENGLISH
    assert "Mitochondria are the cellular organelles" in found.body.split("2 Methods")[0]
    assert "other_language_abstract" not in found.removed


def test_a_raised_letter_after_a_word_that_opens_with_a_quote_is_still_a_marker(tmp_path: Path) -> None:
    # A review of the small-caps rule: it measured the baseline from the word's first character,
    # and an opening quote or "*" stands high, so a raised marker after "‘quoted" looked as if on
    # the baseline and was glued to the word ("‘quotedc"). The first letter's baseline counts.
    font = Path("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf")
    if not font.exists():
        pytest.skip("Liberation Serif is not installed")
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(TTFont("SerifR", str(font)))
    body = ParagraphStyle("body", fontName="SerifR", fontSize=11, leading=14)
    title = ParagraphStyle("title", fontName="SerifR", fontSize=18, leading=22)

    def mark(letter: str) -> str:
        return f'<super rise="3.5" size="7.5">{letter}</super>'

    text = (
        f"Others call it &#8216;global&#8217;{mark('b')} reach instead, which we avoid throughout this paper. "
        f"The 2019{mark('a')} cohort and the *starred{mark('b')} cohort were compared with later cohorts. "
        f"Trinkwasser{mark('a')} and &#8216;quoted{mark('c')} and &#8220;Quoted{mark('d')} were read by both observers. "
    )
    story = [Paragraph("Marker Handling in Scholarly Typesetting Systems", title), *(Paragraph(text * 2, body) for _ in range(3))]
    pdf = tmp_path / "markers.pdf"
    SimpleDocTemplate(str(pdf), pagesize=A4).build(story)
    found = extract(pdf, source=pdf.name)
    words = found.text.split()
    assert "*starred" in words and "‘quoted" in words and "“Quoted" in words, [w for w in words if w[:1] in "*‘“"]
