"""Front matter beyond an article's first page: an abstract set in two balanced columns, a table
of contents (with dot leaders, on a report's first page or a thesis's third), and a thesis's
front pages (title page, declaration, abstract, acknowledgements, contents, list of figures)
before chapters that open with "Chapter 1" under running heads with the chapter's name."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdfgen import BOLD, Page, build, sentences, wrap
from synopsis.pdf import extract
from synopsis.pdf.document import PdfText

LEFT, RIGHT, COLUMN = 56.0, 309.0, 230.0
TITLE = "Harbour Bridges of the Old Towns"


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def assert_in_order(text: str, expected: list[str]) -> None:
    text = flat(text)
    broken = [sentence for sentence in expected if sentence not in text]
    assert not broken, f"not whole: {broken[:2]}"
    positions = [text.index(sentence) for sentence in expected]
    assert positions == sorted(positions)


def removed(found: PdfText, reason: str) -> str:
    return " ".join(item.text for item in found.removed_text if item.reason == reason)


def two_column_abstract(label: str, *, balanced: bool) -> tuple[bytes, list[str], list[str]]:
    """A title, an abstract in two columns under `label`, then a two-column body under "1 Introduction".

    `balanced`: the abstract's columns end level and the body starts below both (a multicols box);
    otherwise the abstract fills the top of the left column and the introduction starts under it
    while the right column goes on with the body from the top (IEEE's layout)."""
    abstract, body = sentences("AB", 10), sentences("BD", 30)
    page = Page()
    page.text(LEFT, 50, TITLE, font=BOLD, size=16)
    page.text(LEFT, 80, "Anna Smith and John Brown", size=11)
    if balanced:
        page.text(LEFT, 110, label, font=BOLD)
        left, right = wrap(" ".join(abstract[:5]), COLUMN), wrap(" ".join(abstract[5:]), COLUMN)
        page.block(LEFT, 128, left)
        page.block(RIGHT, 128, right)
        top = 128 + 12 * max(len(left), len(right)) + 20
        page.text(LEFT, top, "1 Introduction", font=BOLD, size=12)
        page.block(LEFT, top + 18, wrap(" ".join(body[:15]), COLUMN))
        page.block(RIGHT, top + 18, wrap(" ".join(body[15:]), COLUMN))
    else:
        abstract = abstract[:5]
        top = page.block(LEFT, 110, wrap(f"{label}: " + " ".join(abstract), COLUMN)) + 16
        page.text(LEFT, top, "1 Introduction", font=BOLD, size=12)
        page.block(LEFT, top + 18, wrap(" ".join(body[:8]), COLUMN))
        page.block(RIGHT, 110, wrap(" ".join(body[8:20]), COLUMN))
        body = body[:20]
    return build([page]), abstract, body


def test_an_abstract_in_two_balanced_columns_is_read_whole_before_the_body() -> None:
    # The abstract's right column was read after the body's left column: half the abstract was
    # missing and its second half sat in the middle of the introduction.
    data, abstract, body = two_column_abstract("Abstract", balanced=True)
    found = extract(data, source="abstract2.pdf")
    assert found.abstract == " ".join(abstract)
    assert_in_order(found.body, body)
    assert "AB" not in " ".join(re.findall(r"part (\w+)", found.body))


def test_an_abstract_atop_the_left_column_keeps_the_columns_flowing() -> None:
    # IEEE's layout: no blank strip across the page where the introduction starts, so no cut.
    data, abstract, body = two_column_abstract("Abstract", balanced=False)
    found = extract(data, source="ieee.pdf")
    assert found.abstract == " ".join(abstract)
    assert_in_order(found.body, body)


def test_a_table_of_contents_on_the_first_page_is_listed_as_contents() -> None:
    # Its entries were listed as names of authors.
    page1, page2 = Page(), Page()
    page1.text(LEFT, 60, TITLE, font=BOLD, size=18)
    page1.text(LEFT, 100, "Contents", font=BOLD, size=14)
    entries = [("1 Introduction", 2), ("2 Methods", 3), ("2.1 Field work", 3), ("3 Results", 4), ("References", 5)]
    for i, (entry, number) in enumerate(entries):
        page1.text(LEFT, 130 + 16 * i, f"{entry} {'.' * (90 - 2 * len(entry))} {number}", size=11)
    text = sentences("IN", 30)
    page2.text(LEFT, 60, "1 Introduction", font=BOLD, size=14)
    page2.block(LEFT, 90, wrap(" ".join(text), 480, size=11), size=11, leading=14)
    found = extract(build([page1, page2]), source="toc.pdf")
    assert found.title == TITLE
    listed = removed(found, "contents")
    assert all(entry in listed for entry, _ in entries) and listed.startswith("Contents")
    assert "authors" not in found.removed
    assert flat(found.body).startswith("1 Introduction " + text[0])
    assert_in_order(found.body, text)


def thesis(*, with_abstract: bool) -> tuple[bytes, list[str], list[str]]:
    """A thesis: title page, declaration, (abstract,) acknowledgements, contents and list of
    figures with roman page numbers, then three chapters of two pages each under "Chapter N",
    with a running head "Chapter N. Name" and the page number on their second pages."""
    pages = []
    title = Page()
    title.text(120, 200, TITLE, font=BOLD, size=20)
    lines = ["A thesis submitted for the degree of", "Doctor of Philosophy", "by Anna Smith", "University of Leeds", "2021"]
    title.block(200, 300, lines, size=12, leading=18)
    pages.append(title)
    abstract = sentences("AB", 6)
    front = [("Declaration", ["I declare that this thesis is my own work and has not been submitted for any other degree."])]
    if with_abstract:
        front.append(("Abstract", abstract))
    front.append(("Acknowledgements", ["I thank my supervisor for her patience and my family for their support."]))
    for heading, text in front:
        page = Page()
        page.text(LEFT, 80, heading, font=BOLD, size=16)
        page.block(LEFT, 110, wrap(" ".join(text), 480, size=12), size=12, leading=18)
        pages.append(page)
    lists = {
        "Contents": [("Declaration", "i"), ("Acknowledgements", "ii"), ("1 Introduction", "1"), ("1.1 Background", "2")],
        "List of Figures": [("1.1 A map of the harbour", "2"), ("2.1 The old bridge", "4")],
    }
    lists["Contents"] += [("2 Methods", "3"), ("3 Results", "5"), ("Bibliography", "7")]
    for heading, entries in lists.items():
        page = Page()
        page.text(LEFT, 80, heading, font=BOLD, size=16)
        for i, (entry, number) in enumerate(entries):
            page.text(LEFT, 110 + 18 * i, f"{entry} {'.' * (100 - 2 * len(entry))}", size=12)
            page.text(520, 110 + 18 * i, number, size=12)
        pages.append(page)
    for number, page in enumerate(pages[1:], start=1):
        page.text(290, 800, ("i", "ii", "iii", "iv", "v")[number - 1], size=10)
    text = sentences("TH", 108)
    for chapter, name in enumerate(["Introduction", "Methods", "Results"], start=1):
        for half in range(2):
            page, number = Page(), 2 * chapter - 1 + half
            top = 72
            if half == 0:
                page.text(LEFT, 100, f"Chapter {chapter}", font=BOLD, size=18)
                page.text(LEFT, 130, name, font=BOLD, size=22)
                top = 170
            else:
                page.text(LEFT, 30, f"Chapter {chapter}. {name}", size=9)
                page.text(520, 30, str(number), size=9)
            start = 36 * (chapter - 1) + 18 * half
            page.block(LEFT, top, wrap(" ".join(text[start : start + 18]), 480, size=12), size=12, leading=18)
            page.text(290, 800, str(number), size=10)
            pages.append(page)
    return build(pages), abstract, text


@pytest.mark.parametrize("with_abstract", [True, False], ids=["abstract", "no-abstract"])
def test_a_thesis_reads_its_chapters_in_order_with_its_front_matter_set_aside(with_abstract: bool) -> None:
    # Before: the title page, declaration, acknowledgements and list of figures opened the body,
    # the contents were listed as fragments and a margin, each chapter's "Chapter 1" heading was
    # taken for a running head, and an abstract on page 3 stayed in the body.
    data, abstract, text = thesis(with_abstract=with_abstract)
    found = extract(data, source="thesis.pdf")
    assert found.title == TITLE
    assert found.abstract == (" ".join(abstract) if with_abstract else "")
    assert flat(found.body).startswith("Chapter 1 Introduction " + text[0])
    assert_in_order(found.body, text)
    headings = [found.text[start:end] for start, end in found.headings]
    assert headings == ["Chapter 1", "Introduction", "Chapter 2", "Methods", "Chapter 3", "Results"]
    for words in ("declare", "supervisor", "Doctor of Philosophy", "map of the harbour", "Bibliography"):
        assert words not in found.text
    assert "I declare that" in removed(found, "front_matter") and "I thank my" in removed(found, "front_matter")
    contents = removed(found, "contents")
    assert "1.1 Background" in contents and "List of Figures 1.1 A map of the harbour" in contents
    heads = [item.text for item in found.removed_text if item.reason == "running_header"]
    assert heads == ["Chapter 1. Introduction", "Chapter 2. Methods", "Chapter 3. Results"]


def leaders_article(table: str) -> bytes:
    """A five-page article (title, abstract and "1 Introduction" on page 1) with rows set with dot
    leaders on page 3: `table` is a small table in the text ("Mean age . . . . 34"), the same with
    values that go up, or a page of nothing but such rows; page 4 opens with "3 Results"."""
    pages = []
    first = Page()
    first.text(LEFT, 60, TITLE + " and Their Keepers", font=BOLD, size=18)
    first.text(LEFT, 90, "Anna Smith and John Brown", size=11)
    first.text(LEFT, 115, "Abstract", font=BOLD)
    y = first.block(LEFT, 130, wrap(" ".join(sentences("AB", 5)), 450), leading=13) + 15
    first.text(LEFT, y, "1 Introduction", font=BOLD, size=12)
    first.block(LEFT, y + 20, wrap(" ".join(sentences("PA", 14)), 450), leading=13)
    pages.append(first)
    for tag, heading in (("PB", "2 Methods"), ("PC", ""), ("PE", "3 Results"), ("PF", "4 Discussion")):
        page, y = Page(), 72.0
        if heading:
            page.text(LEFT, y, heading, font=BOLD, size=12)
            y += 22
        if tag == "PC" and table == "page":
            for i, label in enumerate(["Mean age", "Women", "Households", "Villages", "Bridges", "Towers"]):
                page.text(LEFT, y + 16 * i, f"{label} {'. ' * 30}{12 + 20 * i}")
        else:
            y = page.block(LEFT, y, wrap(" ".join(sentences(tag, 22 if heading else 12)), 450), leading=13)
        if tag == "PC" and table != "page":
            values = ["34", "52", "118", "12"] if table == "table" else ["12", "34", "52", "118"]
            page.text(LEFT, y + 20, "Table 1. Sample characteristics", font=BOLD)
            for i, (label, value) in enumerate(zip(["Mean age", "Women", "Households", "Villages"], values, strict=True)):
                page.text(LEFT, y + 36 + 13 * i, f"{label} {'. ' * 20}{value}")
            page.block(LEFT, y + 100, wrap(" ".join(sentences("PD", 6)), 450), leading=13)
        pages.append(page)
    return build(pages)


@pytest.mark.parametrize("table", ["table", "rising", "page"])
def test_rows_with_dot_leaders_after_the_body_began_make_no_front_matter(table: str) -> None:
    # A table set with dot leaders on page 3 was read as a thesis's table of contents, page 4's
    # "3 Results" as its first chapter, and pages 1-3 (4,423 characters) were set aside as front matter.
    found = extract(leaders_article(table), source="leaders.pdf")
    assert found.title == TITLE + " and Their Keepers"
    assert found.abstract.startswith("In part AB0 ")
    assert "front_matter" not in found.removed
    tags = ["PA", "PB", "PE", "PF"] + ([] if table == "page" else ["PC", "PD"])
    assert all(f"In part {tag}0 " in found.body for tag in tags)
    if table != "page":  # a table among text is no table of contents, whatever its values
        assert "contents" not in found.removed
