"""Captions in the body's font: set aside with the table rows under them, but never the running
text that follows them, on the same page or the next."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdfgen import BOLD, Page, build, sentences, wrap
from synopsis.pdf import extract
from synopsis.pdf.document import PdfText

L, W = 72.0, 450.0


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _numbered_table(page: Page, y: float, rows: int) -> float:
    """A questionnaire table in the body's font: a bold caption, then numbered rows with a score."""
    page.text(L, y, "Table 1. Items of the questionnaire", font=BOLD)
    y += 16
    for i in range(1, rows + 1):
        page.text(L, y, str(i))
        page.text(L + 20, y, f"I often cross the old bridge near the market {i}")
        page.text(L + 380, y, f"{3 + i / 10:.1f}")
        y += 13
    return y


def _front(page: Page) -> float:
    page.text(L, 60, "Harbour Bridges of the Old Towns and Their Keepers", font=BOLD, size=18)
    page.text(L, 115, "Abstract", font=BOLD)
    y = page.block(L, 130, wrap(" ".join(sentences("AB", 5)), W), leading=13) + 15
    page.text(L, y, "1 Introduction", font=BOLD, size=12)
    return page.block(L, y + 20, wrap(" ".join(sentences("PA", 10)), W), leading=13) + 10


def _caption_text(found: PdfText) -> str:
    return " ".join(item.text for item in found.removed_text if item.reason == "caption")


def test_a_table_at_a_page_foot_does_not_swallow_the_next_pages_paragraph() -> None:
    first, second = Page(), Page()
    _numbered_table(first, _front(first), 12)
    y = second.block(L, 72, wrap(" ".join(sentences("PB", 12)), W), leading=13) + 15
    second.text(L, y, "References", font=BOLD, size=12)
    found = extract(build([first, second]), source="refs.pdf")
    body = _flat(found.body)
    assert all(sentence in body for sentence in sentences("PB", 12))
    assert "PB" not in _caption_text(found)
    assert all(item.page == 1 for item in found.removed_text if item.reason == "caption")
    assert "I often cross" not in body  # the table's rows stay out of the body


def test_running_text_right_under_a_table_on_the_same_page_is_read() -> None:
    page = Page()
    y = _numbered_table(page, _front(page), 6)
    page.block(L, y, wrap(" ".join(sentences("PC", 8)), W), leading=13)  # no gap: the table just ends
    found = extract(build([page]), source="table.pdf")
    body = _flat(found.body)
    assert all(sentence in body for sentence in sentences("PC", 8))
    assert "I often cross" not in body


def test_a_one_line_sentence_right_under_a_table_is_read() -> None:
    page = Page()
    y = _numbered_table(page, _front(page), 6)
    page.text(L, y, "The keepers scored every item alike.")  # no gap, and short like the rows above it
    page.block(L, y + 23, wrap(" ".join(sentences("PC", 6)), W), leading=13)
    found = extract(build([page]), source="table.pdf")
    body = _flat(found.body)
    assert "The keepers scored every item alike." in body
    assert "The keepers" not in _caption_text(found)
    assert "I often cross" not in body and all(sentence in body for sentence in sentences("PC", 6))


def test_a_caption_wrapped_over_lines_of_the_body_font_is_set_aside_whole() -> None:
    page = Page()
    y = _front(page)
    caption = "Figure 2. The old bridge near the market and the harbour " + " ".join(sentences("CA", 2))
    y = page.block(L, y, wrap(caption, W), leading=13) + 10
    page.block(L, y, wrap(" ".join(sentences("PD", 6)), W), leading=13)
    found = extract(build([page]), source="figure.pdf")
    body = _flat(found.body)
    assert "CA0" not in body and "CA1" not in body
    assert all(sentence in body for sentence in sentences("PD", 6))
