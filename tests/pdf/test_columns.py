"""Gutter detection and reading order on synthetic pages."""

from __future__ import annotations

import pytest

pytest.importorskip("pypdfium2")

from synopsis.pdf.columns import Gutter, find_gutter, lone_column_gutter, order_page
from synopsis.pdf.lines import Line, rows_of
from synopsis.pdf.reader import Word

WIDTH = 595.0


def column_words(x0: float, x1: float, top: float, rows: int, tag: str) -> list[Word]:
    """`rows` lines of words filling [x0, x1], 12 points apart, texts tagged with `tag`."""
    words = []
    for row in range(rows):
        x = x0
        n = 0
        while x + 30 <= x1:
            words.append(Word(f"{tag}{row}w{n}", x, top + 12 * row, x + 27, top + 12 * row + 10, 10))
            x += 30
            n += 1
    return words


def line(text: str, x0: float, x1: float, top: float, size: float = 10) -> Line:
    return Line(text, x0, top, x1, top + size, size, page=0)


def test_two_columns_under_a_full_width_block() -> None:
    words = column_words(72, 520, 80, 6, "abstract") + column_words(72, 290, 200, 30, "L") + column_words(310, 520, 200, 30, "R")
    gutter = find_gutter(rows_of(words), WIDTH)
    assert gutter is not None and not gutter.margin
    assert 270 <= gutter.x0 < gutter.x1 <= 312


def test_one_column_page_has_no_gutter() -> None:
    assert find_gutter(rows_of(column_words(72, 520, 80, 40, "T")), WIDTH) is None


def test_a_narrow_side_column_is_a_margin() -> None:
    words = column_words(30, 120, 80, 12, "M") + column_words(180, 560, 80, 40, "T")
    gutter = find_gutter(rows_of(words), WIDTH)
    assert gutter is not None and gutter.margin == "left"


def test_bands_read_left_column_then_right_and_spanning_lines_in_place() -> None:
    lines = [
        line("Title across the page", 72, 520, 40),
        line("left one", 72, 290, 100),
        line("right one", 310, 520, 100),
        line("left two", 72, 290, 112),
        line("right two", 310, 520, 112),
        line("A full-width heading between bands", 72, 520, 140),
        line("left three", 72, 290, 170),
        line("right three", 310, 520, 170),
    ]
    ordered = order_page(lines, Gutter(292, 308), region_base=0)
    assert [item.text for item in ordered.lines] == [
        "Title across the page",
        "left one",
        "left two",
        "right one",
        "right two",
        "A full-width heading between bands",
        "left three",
        "right three",
    ]
    regions = [item.region for item in ordered.lines]
    assert regions[1] == regions[2] != regions[3] == regions[4]


def test_columns_flow_around_a_full_width_caption() -> None:
    lines = [
        line("left above", 72, 290, 100),
        line("right above", 310, 520, 100),
        line("Figure 2: a wide figure's caption", 72, 520, 300),
        line("left below", 72, 290, 400),
        line("right below", 310, 520, 400),
    ]
    ordered = order_page(lines, Gutter(292, 308), region_base=0)
    assert [item.text for item in ordered.lines] == ["left above", "left below", "right above", "right below"]
    assert [item.text for item in ordered.floats] == ["Figure 2: a wide figure's caption"]


def test_short_last_line_of_a_full_width_block_stays_with_it() -> None:
    lines = [
        line("Stressful life events are not associated with the development", 72, 525, 70, size=18),
        line("of dementia", 72, 178, 90, size=18),
        line("left text", 72, 290, 200),
        line("right text", 310, 520, 200),
    ]
    ordered = order_page(lines, Gutter(292, 308), region_base=0)
    assert [item.text for item in ordered.lines][:2] == [
        "Stressful life events are not associated with the development",
        "of dementia",
    ]
    assert ordered.lines[0].region == ordered.lines[1].region


def test_margin_lines_are_set_aside() -> None:
    lines = [line("Submitted 25 March", 30, 120, 100), line("Body text of the article", 180, 560, 100)]
    ordered = order_page(lines, Gutter(125, 175, margin="left"), region_base=0)
    assert [item.text for item in ordered.lines] == ["Body text of the article"]
    assert [item.text for item in ordered.margin] == ["Submitted 25 March"]


def test_three_columns_have_two_gutters() -> None:
    words = column_words(50, 200, 80, 30, "L") + column_words(220, 370, 80, 30, "M") + column_words(390, 540, 80, 12, "R")
    gutter = find_gutter(rows_of(words), WIDTH)
    assert gutter is not None and not gutter.margin
    (first, second) = gutter.strips
    assert 190 <= first[0] < first[1] <= 222 and 360 <= second[0] < second[1] <= 392


def left_column(rows: int = 12) -> list[Line]:
    return [line(f"left column line {i} of running text", 56, 286, 72 + 12 * i) for i in range(rows)]


def test_a_lone_line_beside_a_full_column_makes_a_gutter() -> None:
    gutter = lone_column_gutter([*left_column(), line("the end of a sentence.", 309, 420, 72)], WIDTH)
    assert gutter is not None and 286 <= gutter.center <= 309


@pytest.mark.parametrize(
    "others",
    [
        [line("12 March 2020", 470, 539, 72)],  # a date set flush right: not where a column starts
        [line(f"cell {i}", 309, 340, 72 + 12 * i) for i in range(8)],  # a table's second column
        [line("a line across the gutter of the page", 56, 539, 150)],  # the page is one column
    ],
    ids=["flush-right", "table", "crossing"],
)
def test_no_gutter_for_lines_that_are_no_second_column(others: list[Line]) -> None:
    assert lone_column_gutter([*left_column(), *others], WIDTH) is None


def test_four_columns_have_three_gutters() -> None:
    words = [word for i, x in enumerate((40, 175, 310, 445)) for word in column_words(x, x + 120, 80, 30, f"C{i}")]
    gutter = find_gutter(rows_of(words), WIDTH)
    assert gutter is not None and not gutter.margin
    assert len(gutter.strips) == 3
    for (x0, x1), start in zip(gutter.strips, (175, 310, 445), strict=True):
        assert start - 30 <= x0 < x1 <= start


def test_a_lone_line_in_the_third_column_keeps_its_gutter() -> None:
    words = column_words(50, 200, 80, 30, "L") + column_words(220, 370, 80, 30, "M") + column_words(390, 540, 80, 1, "R")
    gutter = find_gutter(rows_of(words), WIDTH)
    assert gutter is not None and len(gutter.strips) == 2


def test_a_side_note_beside_one_wide_column_is_a_margin() -> None:
    words = column_words(72, 372, 80, 30, "T") + column_words(392, 480, 140, 2, "N")
    gutter = find_gutter(rows_of(words), WIDTH)
    assert gutter is not None and gutter.margin == "right" and gutter.notes


def test_a_lone_line_beside_one_column_of_two_is_no_side_note() -> None:
    # The full column is one of two (under half the page wide): the lone line is the other's.
    words = column_words(56, 286, 80, 30, "L") + column_words(309, 400, 80, 1, "R")
    assert find_gutter(rows_of(words), WIDTH) is None


def test_stretched_word_spaces_lined_up_in_a_justified_page_are_no_margin() -> None:
    # A one-column reference list, justified: on five lines a stretched word space (7 points,
    # under a column break) fell at the same place near the right edge, and the pieces right of
    # it were taken for a margin column and set aside as margin notes.
    words = column_words(50, 546, 80, 20, "full")
    words += column_words(50, 300, 330, 12, "short")
    for row in range(5):
        top = 480 + 12 * row
        left = column_words(50, 450, top, 1, f"left{row}")
        start = max(w.x1 for w in left) + 7
        words += left + [Word(f"right{row}w{n}", start + 30 * n, top, start + 27 + 30 * n, top + 10, 10) for n in range(3)]
    gutter = find_gutter(rows_of(words), WIDTH)
    assert gutter is None or not gutter.margin
