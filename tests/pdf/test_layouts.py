"""Page layouts on made PDFs: a column holding a single line, three columns, pages turned for
display, a text block narrower than its page. Each test reads the extracted text as a user
would: every sentence whole (nothing spliced from another column) and in reading order."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdfgen import BOLD, HEIGHT, WIDTH, Page, build, sentences, wrap
from synopsis.pdf import extract
from synopsis.pdf.document import PdfText

LEFT, RIGHT, COLUMN = 56.0, 309.0, 230.0  # two columns on A4


def assert_read_in_order(found: PdfText, expected: list[str]) -> None:
    """Every expected sentence is in the text whole, and they come in the given order."""
    text = re.sub(r"\s+", " ", found.text)
    broken = [sentence for sentence in expected if sentence not in text]
    assert not broken, f"not whole: {broken[:2]}"
    positions = [text.index(sentence) for sentence in expected]
    assert positions == sorted(positions)


def full_left_column(page: Page, sentences_: list[str], last: str, *, top: float = 72) -> str:
    """Fill the left column with `sentences_` and all but the last line of `last`; returns that line."""
    lines = wrap(" ".join([*sentences_, last]), COLUMN)
    page.block(LEFT, top, lines[:-1])
    return lines[-1]


@pytest.mark.parametrize("height", [72, 300], ids=["beside-the-first-line", "mid-page"])
def test_a_lone_line_in_the_right_column_ends_the_left_columns_sentence(height: float) -> None:
    # The left column's last sentence ends on the right column's only line; read by height, the
    # line landed inside the left-column sentence beside it.
    text = sentences("A", 15)
    page = Page()
    page.text(RIGHT, height, full_left_column(page, text[:-1], text[-1]))
    assert_read_in_order(extract(build([page]), source="lone.pdf"), text)


def test_a_lone_line_on_a_later_page_of_a_two_column_article() -> None:
    first, second = sentences("B", 30), sentences("C", 15)
    page1 = Page()
    page1.block(LEFT, 72, wrap(" ".join(first[:15]), COLUMN))
    page1.block(RIGHT, 72, wrap(" ".join(first[15:]), COLUMN))
    page2 = Page()
    page2.text(RIGHT, 72, full_left_column(page2, second[:-1], second[-1]))
    for number, page in enumerate((page1, page2), start=1):
        page.text(LEFT, 30, "Journal of Harbour Studies 12 (2020)", size=8)
        page.text(520, 30, str(number), size=8)
    found = extract(build([page1, page2]), source="later.pdf")
    assert_read_in_order(found, first + second)
    assert found.removed == {"running_header": 2, "page_number": 2}


def test_a_lone_heading_in_the_right_column_heads_what_follows() -> None:
    # Alone in its column at the foot of the page, the heading was cut off as a table cell.
    before, after = sentences("D", 14), sentences("E", 14)
    page1 = Page()
    page1.block(LEFT, 72, wrap(" ".join(before), COLUMN))
    page1.text(RIGHT, 230, "Conclusions", font=BOLD, size=12)
    page2 = Page()
    page2.block(LEFT, 72, wrap(" ".join(after[:7]), COLUMN))
    page2.block(RIGHT, 72, wrap(" ".join(after[7:]), COLUMN))
    found = extract(build([page1, page2]), source="heading.pdf")
    assert_read_in_order(found, [*before, "Conclusions", *after])
    assert [found.text[start:end] for start, end in found.headings] == ["Conclusions"]
    assert "table" not in found.removed


def test_a_lone_line_in_the_left_column_is_read_before_the_full_right_column() -> None:
    # A figure fills the top of the left column; the paragraph's last line sits under it.
    text = sentences("F", 16)
    page = Page()
    page.images.append((LEFT, 72, COLUMN, 220))
    lines = wrap(" ".join(text), COLUMN)
    page.text(LEFT, 310, lines[0])
    page.block(RIGHT, 72, lines[1:])
    assert_read_in_order(extract(build([page]), source="mirror.pdf"), text)


def test_a_page_of_three_columns_is_read_column_by_column() -> None:
    # Three columns were read as one table: every line was dropped as a table cell, or spliced
    # with the lines beside it. The last column is shorter, which made it look like a margin.
    text = sentences("G", 40)
    page = Page()
    page.text(50, 40, "Three Columns of Harbour Notes", font=BOLD, size=16)
    width, gap = 157.0, 12.0
    for column, part in enumerate((text[:16], text[16:32], text[32:])):
        page.block(50 + column * (width + gap), 80, wrap(" ".join(part), width, size=9), size=9, leading=11)
    found = extract(build([page]), source="three.pdf")
    assert found.title == "Three Columns of Harbour Notes"
    assert_read_in_order(found, text)
    assert not found.removed


@pytest.mark.parametrize("rotate", [90, 180, 270])
def test_a_page_turned_for_display_is_read_as_shown(rotate: int) -> None:
    # A landscape page stored portrait and turned by its /Rotate (LaTeX's pdflscape): its text
    # runs sideways in the page's own coordinates, and all of it was set aside ("no text layer").
    text = sentences("H", 30)
    page = Page(size=(HEIGHT, WIDTH), rotate=rotate, upright=True)
    page.block(60, 60, wrap(" ".join(text[:15]), 340))
    page.block(440, 60, wrap(" ".join(text[15:]), 340))
    assert_read_in_order(extract(build([page]), source="turned.pdf"), text)


def test_a_turned_page_of_prose_in_a_portrait_article_is_read_and_a_turned_table_is_not() -> None:
    text = sentences("J", 60)
    first, last = Page(), Page()
    first.block(LEFT, 72, wrap(" ".join(text[:12]), COLUMN))
    first.block(RIGHT, 72, wrap(" ".join(text[12:24]), COLUMN))
    last.block(LEFT, 72, wrap(" ".join(text[48:54]), COLUMN))
    last.block(RIGHT, 72, wrap(" ".join(text[54:]), COLUMN))
    prose = Page(size=(HEIGHT, WIDTH), rotate=90, upright=True)
    prose.block(60, 60, wrap(" ".join(text[24:48]), 720))
    assert_read_in_order(extract(build([first, prose, last]), source="mixed.pdf"), text)

    table = Page(size=(HEIGHT, WIDTH), rotate=90, upright=True)
    table.text(60, 40, "Table 3. Harbours and their bridges")
    for row in range(20):
        for column, x in enumerate((60, 200, 340, 480, 620)):
            table.text(x, 60 + 14 * row, f"{('north', 'south', 'east', 'west', 'grey')[column]} {row * column}")
    found = extract(build([first, table, last]), source="table.pdf")
    assert_read_in_order(found, text[:24] + text[48:])
    assert "Harbours and their bridges" not in found.text
    assert any(item.reason == "rotated_text" and "Table 3" in item.text for item in found.removed_text)


def test_two_columns_narrower_than_their_page_are_found() -> None:
    # A portrait layout on a landscape page: the empty right half of the page is no gutter.
    text = sentences("K", 30)
    page = Page(size=(HEIGHT, WIDTH))
    page.block(LEFT, 60, wrap(" ".join(text[:15]), COLUMN))
    page.block(RIGHT, 60, wrap(" ".join(text[15:]), COLUMN))
    assert_read_in_order(extract(build([page]), source="narrow.pdf"), text)
