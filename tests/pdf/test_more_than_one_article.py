"""A PDF holding two articles (a proceedings excerpt): the second one's title page after the
first one's reference list ends the first article; an appendix, a thesis's next chapter or a
translated abstract after the reference list does not."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdfgen import BOLD, Page, build, sentences, wrap
from synopsis.pdf import extract
from synopsis.pdf.document import PdfText

L, W = 72.0, 450.0
SECTIONS = ("1 Introduction", "2 Methods", "3 Results", "4 Discussion")


def _sections(pages: list[Page], y: float, tag: str, count: int, titles: tuple[str, ...] = SECTIONS) -> float:
    for k, heading in enumerate(titles):
        if y > 600:
            pages.append(Page())
            y = 60.0
        pages[-1].text(L, y, heading, font=BOLD, size=12)
        # letters, not digits, tell the sections apart: lines alike but for digits are running heads
        y = pages[-1].block(L, y + 20, wrap(" ".join(sentences(f"{tag}{'abcd'[k]}", count)), W), leading=13) + 15
    return y


def _references(pages: list[Page], y: float, tag: str, count: int = 8) -> None:
    if y > 600:
        pages.append(Page())
        y = 60.0 + 240 * (tag == "B")  # a heading near the top of two pages is a running head
    pages[-1].text(L, y, "References", font=BOLD, size=12)
    for r in range(count):
        pages[-1].text(L, y + 20 + 13 * r, f"[{r + 1}] Author {tag}{r}. A study of things. Journal of Studies {r} (2001) 1-10.")


def _article(tag: str, title: str, count: int, abstract: int = 4) -> list[Page]:
    pages = [Page()]
    pages[0].text(L, 60, title, font=BOLD, size=18)
    pages[0].text(L, 90, "Anna Berg and Tomasz Nowak")
    pages[0].text(L, 104, "Department of Geography, University of Bergen")
    pages[0].text(L, 130, "Abstract", font=BOLD, size=12)
    y = pages[0].block(L, 150, wrap(" ".join(sentences(f"{tag}Q", abstract)), W), leading=13) + 15
    y = _sections(pages, y, tag, count)
    _references(pages, y, tag)
    return pages


def _other(found: PdfText) -> str:
    return " ".join(item.text for item in found.removed_text if item.reason == "other_article")


# The first article's reference list past a quarter of the body: the second article was listed
# as the first one's references. (Before a quarter, where a "2 Literature" section may stand, a
# reference list does not end the body and the second article is read into it: a known limit.)
@pytest.mark.parametrize("second", [8])
def test_a_second_article_after_the_reference_list_is_set_aside_and_said(second: int) -> None:
    first = _article("A", "Harbour Towns of the Northern Coast", 6)
    other = _article("B", "River Valleys and Their Markets in Spring", second, abstract=7)
    found = extract(build(first + other), source="proceedings.pdf")
    body = re.sub(r"\s+", " ", found.body)
    assert found.title == "Harbour Towns of the Northern Coast"
    assert all(sentence in body for k in "abcd" for sentence in sentences(f"A{k}", 6))
    assert "In part B" not in body and "River Valleys" not in body and "Abstract" not in body
    assert _other(found).startswith("River Valleys and Their Markets in Spring Anna Berg")
    assert "In part Bd0 " in _other(found)
    assert "Author A7" in " ".join(item.text for item in found.removed_text if item.reason == "references")
    assert "Author B0" not in " ".join(item.text for item in found.removed_text if item.reason == "references")
    assert found.warnings == (
        f"proceedings.pdf holds more than one article: summarized the first, pages 1-2; the rest (pages 3-{len(first + other)}) "
        "is set aside as other_article",
    )


def test_an_appendix_after_the_reference_list_is_no_second_article() -> None:
    pages = _article("A", "Harbour Towns of the Northern Coast", 6)
    pages.append(Page())
    pages[-1].text(L, 60, "Appendix A: Survey Questions", font=BOLD, size=18)
    pages[-1].text(L, 90, "Prepared by the survey team")
    _sections(pages, 120, "X", 10, ("A.1 Households", "A.2 Markets"))
    found = extract(build(pages), source="appendix.pdf")
    assert "other_article" not in found.removed and found.warnings == ()


def test_a_thesis_chapter_after_a_chapter_reference_list_stays_in_the_body() -> None:
    # chapter 1 ends with its references before a quarter of the body; chapter 2 opens with its
    # label and title, no abstract label: its text stays in the body, as before
    pages = _article("A", "Harbour Towns of the Northern Coast", 3)
    pages.append(Page())
    pages[-1].text(L, 60, "Chapter 2", font=BOLD, size=20)
    pages[-1].text(L, 90, "Markets of the River Valleys", font=BOLD, size=18)
    pages[-1].text(L, 120, "Anna Berg")
    y = _sections(pages, 150, "C", 30, ("2.1 Sources", "2.2 Markets", "2.3 Towns", "2.4 Findings"))
    found = extract(build(pages), source="thesis.pdf")
    assert "other_article" not in found.removed and found.warnings == ()
    assert "In part Cd0 " in found.body and y > 0


def test_a_translated_abstract_after_the_reference_list_is_no_second_article() -> None:
    # a Brazilian journal's English title, authors and abstract after the Portuguese article's references
    pages = _article("A", "Cidades Portuárias da Costa Norte", 6)
    pages.append(Page())
    pages[-1].text(L, 60, "Harbour Towns of the Northern Coast", font=BOLD, size=18)
    pages[-1].text(L, 90, "Anna Berg and Tomasz Nowak")
    pages[-1].text(L, 120, "Abstract", font=BOLD, size=12)
    y = pages[-1].block(L, 140, wrap(" ".join(sentences("E", 8)), W), leading=13) + 10
    pages[-1].text(L, y, "Keywords: harbours; markets; northern coast.")
    found = extract(build(pages), source="translated.pdf")
    assert "other_article" not in found.removed and found.warnings == ()


def test_an_early_literature_section_before_an_online_appendix_keeps_the_body() -> None:
    """A review: "2 Literature", a section before a quarter of the body, was taken for the
    reference list when a title page with an abstract label came later (an online appendix):
    four fifths of the body went as references."""
    pages = [Page()]
    pages[0].text(L, 60, "Trade Costs and Harbour Towns", font=BOLD, size=18)
    pages[0].text(L, 90, "Anna Berg and Tomasz Nowak")
    pages[0].text(L, 130, "Abstract", font=BOLD, size=12)
    y = pages[0].block(L, 150, wrap(" ".join(sentences("AQ", 4)), W), leading=13) + 15
    titles = ("1 Introduction", "2 Literature", "3 Data", "4 Results", "5 Discussion", "6 Conclusion")
    y = _sections(pages, y, "A", 8, titles[:4])
    y = _sections(pages, y, "C", 8, titles[4:])
    _references(pages, y, "A")
    appendix = _article("B", "Trade Costs Revisited: Further Evidence from Ports", 6)
    found = extract(build(pages + appendix), source="paper.pdf")
    body = re.sub(r"\s+", " ", found.body)
    assert all(sentence in body for k in "abcd" for sentence in sentences(f"A{k}", 8))
    assert all(sentence in body for k in "ab" for sentence in sentences(f"C{k}", 8))
