"""Manuscript and journal styles that set their parts apart by other means than size: an APA
manuscript (the title bold in the body's size, repeated over the first page of text), and a
JAMA-like "Key Points" box beside the article's text."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from reportlab.pdfbase.pdfmetrics import stringWidth

from pdfgen import BOLD, REGULAR, WIDTH, Page, build, sentences, wrap
from synopsis.pdf import extract

L, W = 72.0, WIDTH - 144.0
TITLE = ("Leukocyte Mitochondrial DNA Copy Number and Telomere Length", "in Community-Dwelling Elderly Women")


def _centred(page: Page, y: float, text: str, *, font: str = REGULAR, size: float = 12) -> None:
    page.text((WIDTH - stringWidth(text, font, size)) / 2, y, text, font=font, size=size)


def _apa_manuscript() -> bytes:
    """An APA manuscript: a title page (bold title in the body's size, authors, author note), the
    abstract page ("Keywords:" under it) and the text, the title repeated over its first page."""
    title_page, abstract_page, text_page = Page(), Page(), Page()
    for k, line in enumerate(TITLE):
        _centred(title_page, 200 + 24 * k, line, font=BOLD)
    _centred(title_page, 260, "Wei Chen and Hana Park")
    _centred(title_page, 284, "Department of Psychology, Yonsei University")
    _centred(title_page, 380, "Author Note", font=BOLD)
    note = "Correspondence concerning this article should be addressed to Hana Park, Department of Psychology, Seoul."
    title_page.block(L, 404, wrap(note, W, size=12), size=12, leading=24)
    _centred(abstract_page, 72, "Abstract", font=BOLD)
    y = abstract_page.block(L, 96, wrap(" ".join(sentences("AB", 5)), W, size=12), size=12, leading=24)
    abstract_page.text(L + 36, y, "Keywords: telomere length, mitochondria, aging", size=12)
    for k, line in enumerate(TITLE):
        _centred(text_page, 72 + 24 * k, line, font=BOLD)
    y = text_page.block(L, 120, wrap(" ".join(sentences("PA", 14)), W, size=12), size=12, leading=24)
    _centred(text_page, y, "Method", font=BOLD)
    text_page.block(L, y + 24, wrap(" ".join(sentences("PB", 6)), W, size=12), size=12, leading=24)
    return build([title_page, abstract_page, text_page])


def test_an_apa_title_in_bold_at_the_body_size_is_the_title_and_its_repeat_is_set_aside() -> None:
    found = extract(_apa_manuscript(), source="apa.pdf")
    title = " ".join(TITLE)
    assert found.title == title
    assert found.abstract.startswith("In part AB0 ") and found.abstract.endswith(sentences("AB", 5)[-1])
    body = re.sub(r"\s+", " ", found.body)
    assert body.startswith("In part PA0 "), body[:120]  # no keywords line, no title as headings
    assert [found.text[start:end] for start, end in found.headings] == ["Method"]
    removed = {(item.reason, re.sub(r"\s+", " ", item.text)) for item in found.removed_text}
    assert ("keywords", "Keywords: telomere length, mitochondria, aging") in removed
    assert " ".join(item.text for item in found.removed_text if item.reason == "title_repeat") == title
    assert ("authors", "Wei Chen and Hana Park") in removed


KEY_POINTS = (
    ("Question", "Is mitochondrial copy number associated with telomere length in adults?"),
    ("Findings", "In this cohort of 500 adults, longer telomeres went with a higher copy number."),
    ("Meaning", "The two markers of aging may share a cause."),
)


def test_a_key_points_box_after_the_abstract_is_set_aside_as_a_box() -> None:
    page = Page()
    page.text(L, 60, "Mitochondrial Copy Number and Telomere Length in Older Women", font=BOLD, size=18)
    page.text(L, 100, "Abstract", font=BOLD, size=12)
    y = page.block(L, 120, wrap(" ".join(sentences("AB", 4)), W), leading=13) + 14
    page.boxes.append((L - 6, y - 6, W + 12, 70))
    page.text(L, y, "Key Points", font=BOLD)
    y += 14
    for label, text in KEY_POINTS:
        page.text(L, y, label, font=BOLD, size=9)
        page.text(L + stringWidth(f"{label} ", BOLD, 9), y, text, size=9)
        y += 12
    page.text(L, y + 24, "Introduction", font=BOLD, size=12)
    page.block(L, y + 44, wrap(" ".join(sentences("PA", 12)), W), leading=13)
    found = extract(build([page]), source="keypoints.pdf")
    body = re.sub(r"\s+", " ", found.body)
    assert body.startswith("Introduction In part PA0 "), body[:120]
    assert [found.text[start:end] for start, end in found.headings] == ["Introduction"]
    box = " ".join(item.text for item in found.removed_text if item.reason == "box")
    assert box.startswith("Key Points Question Is mitochondrial") and box.endswith("may share a cause.")


def test_displayed_equations_and_their_numbers_are_set_aside_as_formulas() -> None:
    page = Page()
    page.text(L, 60, "Estimating the Decline of Telomere Length with Age", font=BOLD, size=18)
    page.text(L, 100, "1 Model", font=BOLD, size=12)
    y = page.block(L, 120, wrap(" ".join(sentences("PA", 5)), W), leading=13) + 8
    for formula, number in (("L(t) = L0 - b t + e", "(1)"), ("c(t) = c0 + g t", "(2)")):
        page.text((WIDTH - stringWidth(formula, REGULAR, 10)) / 2, y, formula)
        page.text(L + W - stringWidth(number, REGULAR, 10), y, number)
        y = page.block(L, y + 21, wrap(" ".join(sentences(f"P{number[1]}", 4)), W), leading=13) + 8
    found = extract(build([page]), source="equations.pdf")
    body = re.sub(r"\s+", " ", found.body)
    assert "L0" not in body and "(1)" not in body and "In part P10 " in body and "In part P23 " in body
    formulas = [item.text for item in found.removed_text if item.reason == "formula"]
    assert sorted(formulas) == sorted(["L(t) = L0 - b t + e", "(1)", "c(t) = c0 + g t", "(2)"])
    assert not [item for item in found.removed_text if item.reason in ("fragment", "margin")]


def test_a_raised_note_number_under_a_note_marked_with_a_symbol_opens_a_note_of_its_own() -> None:
    # "*Department ..." then "¹Telomere length ..." came out as one footnote.
    page = Page()
    page.text(L, 40, "Harbour Tables of the North Coast", font=BOLD, size=18)
    page.block(L, 80, wrap(" ".join(sentences("N", 30)), W))
    notes = [("*", "Department of Medicine, Yonsei University."), ("1", "Telomere length was measured in every sample.")]
    for k, (marker, note) in enumerate(notes):
        y = 740 + 10 * k
        page.text(L, y - 3, marker, size=5)
        page.text(L + stringWidth(marker, REGULAR, 5), y, note, size=8)
    found = extract(build([page]), source="notes.pdf")
    assert list(found.footnotes) == [note for _, note in notes]
