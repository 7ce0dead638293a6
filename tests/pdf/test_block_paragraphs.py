"""What a review of stop 37's paragraph rules found them doing to ordinary pages: block paragraphs
(no indent, a gap between them) glued where one ended without a stop and the next opened in lower
case, a caption taking the paragraph its float interrupted, a paragraph's last line making the
next paragraph's first a formula, and a numbered body line under an algorithm box taken as a step.
Each page is built here; each was read wrong before the mend."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from reportlab.pdfbase.pdfmetrics import stringWidth

from pdfgen import BOLD, REGULAR, Page, build, sentences, wrap
from synopsis.pdf import extract

L, W = 72.0, 450.0
FILL = "moreover the harbour records of the northern coast were kept by several clerks over many years".split()


def _title(page: Page) -> None:
    page.text(L, 60, "Harbour Tables of the North Coast in the Nineteenth Century", font=BOLD, size=16)
    page.text(L, 100, "1 Introduction", font=BOLD, size=12)


def _full_last_line(tag: str, ending: str) -> list[str]:
    """A paragraph's lines, its last one (nearly) full width and ending in `ending`."""
    base = " ".join(sentences(tag, 4))
    for k in range(200):
        lines = wrap(" ".join([base, *(FILL * 10)[:k], ending]), W)
        if stringWidth(lines[-1], REGULAR, 10) > W - 25:
            return lines
    raise AssertionError("no line fits")


def _paragraphs(page: Page) -> list[str]:
    found = extract(build([page]), source="page.pdf")
    return [re.sub(r"\s+", " ", p) for p in found.body.split("\n\n")]


@pytest.mark.parametrize(
    ("ending", "opening"),
    [
        ("as described previously (Smith et al., 2019)", "e.g. the tables of the northern harbours were kept in another hand."),
        ("available at https://github.com/example/harbour-tables", "de Gaulle visited the harbour in the spring of that year."),
        ("as the earlier studies found [12, 13]", "β-blockers were given to none of the clerks in those years."),
    ],
    ids=["citation", "url", "bracket"],
)
def test_block_paragraphs_a_gap_apart_stay_two_paragraphs(ending: str, opening: str) -> None:
    # 20 pt from line top to line top at a 12 pt pitch: 1.67 pitches, the gap HTML's <p> leaves
    page = Page()
    _title(page)
    y = page.block(L, 120, _full_last_line("A", ending))
    y = page.block(L, y + 8, wrap(" ".join([opening, *sentences("B", 4)]), W))
    page.block(L, y + 8, wrap(" ".join(sentences("C", 4)), W))
    paragraphs = _paragraphs(page)
    first = next(p for p in paragraphs if p.endswith(ending))
    assert opening not in first
    assert any(p.startswith(opening) for p in paragraphs)


def test_a_caption_does_not_take_the_paragraph_its_float_interrupted() -> None:
    page = Page()
    _title(page)
    lines = wrap(" ".join(sentences("A", 4)) + " The clerks of the harbour wrote the tables of the northern coast", W)
    y = page.block(L, 120, lines)
    page.images.append((L + 100, y + 6, 250, 120))
    y += 134
    for k in range(60):  # a caption whose last line runs (nearly) full width and ends in no stop
        caption = wrap(
            "Figure 1. The tables of the harbours of the northern coast by year and by clerk, as read by the team "
            + " ".join((FILL * 3)[:k])
            + " in the three harbours (n = 412)",
            W,
        )
        if stringWidth(caption[-1], REGULAR, 10) > W - 25:
            break
    y = page.block(L, y, caption)
    page.block(L, y + 8, wrap("in a careful hand that we could read with ease. " + " ".join(sentences("B", 4)), W))
    found = extract(build([page]), source="float.pdf")
    body = re.sub(r"\s+", " ", found.body)
    assert "in a careful hand that we could read with ease." in body
    assert all(sentence in body for sentence in sentences("B", 4))
    assert "careful hand" not in " ".join(item.text for item in found.removed_text if item.reason == "caption")


def test_a_line_under_a_paragraphs_last_line_that_ends_its_sentence_is_no_formula() -> None:
    # A short last line that ends its sentence leads into no display: the next paragraph's first
    # line of statistics, ending in a citation number "(12)", is text (it was set aside as a formula).
    page = Page()
    _title(page)
    y = page.block(L, 120, wrap(" ".join(sentences("A", 4)) + " We read them twice.", W))
    first = "Overall, N = 412 (M = 41.2, SD = 9.6; 58% women; range 18–80; 12% smokers) (12)"
    page.text(L + 36, y, first)
    page.block(L, y + 12, wrap("were enrolled from the harbour towns of the northern coast. " + " ".join(sentences("B", 5)), W))
    found = extract(build([page]), source="apa.pdf")
    assert "Overall, N = 412" in re.sub(r"\s+", " ", found.body)
    assert not any("Overall" in item.text for item in found.removed_text if item.reason == "formula")


def test_a_numbered_body_line_under_an_algorithm_box_is_no_step() -> None:
    page = Page()
    _title(page)
    y = page.block(L, 120, wrap(" ".join(sentences("A", 5)), W)) + 10
    page.text(L, y, "Algorithm 1", font=BOLD)
    page.text(L + stringWidth("Algorithm 1 ", BOLD, 10), y, "Greedy selection of the harbour tables")
    for k, step in enumerate(["for each table t do", "end for", "return s"], start=1):
        page.text(L + 6, y + 12 * k, f"{k}: {step}", size=9)
    y += 12 * 4 + 10
    page.text(L, y - 4, "4: the clerks then kept the tables of the harbour in the same hand for years.")
    page.block(L, y + 10, wrap(" ".join(sentences("B", 5)), W))
    found = extract(build([page]), source="algorithm.pdf")
    captions = " ".join(item.text for item in found.removed_text if item.reason == "caption")
    assert "end for" in captions  # the box's steps are set aside
    assert "the clerks then kept the tables" not in captions
    assert "the clerks then kept the tables of the harbour in the same hand for years." in re.sub(r"\s+", " ", found.body)
