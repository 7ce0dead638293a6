"""Running headers, page numbers and footnotes."""

from __future__ import annotations

import pytest

pytest.importorskip("pypdfium2")

from synopsis.pdf.furniture import PAGE_NUMBER, find_running, furniture_key, line_numbers, number_columns, split_footnotes
from synopsis.pdf.lines import Line
from synopsis.pdf.reader import Word

HEIGHT = 842.0


def line(text: str, top: float, size: float = 10, **kw: object) -> Line:
    return Line(text, 72, top, 520, top + size, size, page=0, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["12", "Page 3 of 16", "- 4 -", "xii", "3/16"])
def test_page_number_forms(text: str) -> None:
    assert PAGE_NUMBER.match(text)


def test_furniture_key_masks_digits() -> None:
    assert furniture_key("Social Inclusion, 2015, Pages 19-23  19") == furniture_key("Social  inclusion, 2015, Pages 19-23 21")


def test_repeated_edge_lines_are_running_headers_not_body_lines() -> None:
    pages = []
    for number in range(5):
        lines = [
            line(f"Journal of Tests 3 ({2020 + number % 2})", 30),
            line("The same sentence starts every page body.", 300),
            line(str(number + 1), 815),
        ]
        pages.append((lines, HEIGHT))
    marks = find_running(pages)
    assert all(page == {0: "running_header", 2: "page_number"} for page in marks)


def test_footnote_block_at_the_foot_of_a_column() -> None:
    lines = [line(f"Body line {i} of the column.", 100 + 12 * i, region=1) for i in range(40)]
    lines += [
        line("1 A note in smaller print.", 640, size=8, region=1),
        line("continued on its second line.", 650, size=8, region=1),
    ]
    body, notes = split_footnotes(lines, HEIGHT, 10)
    assert len(body) == 40 and [[n.text for n in note] for note in notes] == [
        ["1 A note in smaller print.", "continued on its second line."]
    ]


def test_small_print_in_the_upper_page_is_not_a_footnote() -> None:
    lines = [line(f"Body line {i} of the column.", 100 + 12 * i, region=1) for i in range(10)]
    lines += [line("1 A table note in small print.", 240, size=8, region=1)]
    body, notes = split_footnotes(lines, HEIGHT, 10)
    assert len(body) == 11 and notes == []


def test_manuscript_line_numbers_are_found_left_of_the_text_and_counting_up() -> None:
    text = "temperature and an index of urban heat island intensity was linked to deaths"
    lines = [Line(text, 72, 100 + 12 * k, 520, 110 + 12 * k, 10, page=0) for k in range(12)]
    # Every fifth line: the number glued to its line (a narrow gap) or a piece of its own.
    lines[4] = Line(f"5 {text}", 62, 148, 520, 158, 10, page=0)
    lines[9] = Line("10", 60, 208, 68, 218, 10, page=0)
    lines.append(Line(f"15 {text}", 60, 244, 520, 254, 10, page=0))
    numbers, edge = line_numbers(lines)
    assert numbers == {4: "5", 9: "10", 12: "15"} and edge == 72
    # A numbered list starts at the text's edge, and numbers that do not count up are no line numbers.
    listed = [Line(f"{k}. {text}", 72, 100 + 12 * k, 520, 110 + 12 * k, 10, page=0) for k in range(1, 6)]
    assert line_numbers(listed)[0] == {}
    shuffled = [Line(f"{n} {text}", 62, 100 + 12 * k, 520, 110 + 12 * k, 10, page=0) for k, n in enumerate((5, 3, 9))]
    assert line_numbers([*lines[:4], *shuffled])[0] == {}


def notes_of(texts: list[str], markers: list[tuple[str, ...]] | None = None) -> list[list[str]]:
    lines = [line(f"Body line {i} of the column.", 100 + 12 * i, region=1) for i in range(40)]
    marks = markers or [()] * len(texts)
    lines += [line(text, 640 + 10 * i, size=8, region=1, markers=marks[i]) for i, text in enumerate(texts)]
    body, notes = split_footnotes(lines, HEIGHT, 10)
    assert len(body) == 40
    return [[n.text for n in note] for note in notes]


def test_footnotes_of_one_block_are_split_at_their_markers() -> None:
    # Several notes at the foot of a page came out as one footnote.
    assert notes_of(["1 The first note.", "2 The second note runs", "on to a second line.", "3. The third note."]) == [
        ["1 The first note."],
        ["2 The second note runs", "on to a second line."],
        ["3. The third note."],
    ]
    assert notes_of(["* Corresponding author.", "† Deceased in 2019.", "‡ Equal contribution."]) == [
        ["* Corresponding author."],
        ["† Deceased in 2019."],
        ["‡ Equal contribution."],
    ]
    # Raised markers, cut from the text by the reader, count as well.
    raised = notes_of(["The first note.", "The second note.", "The third."], [("4",), ("5",), ("6",)])
    assert raised == [["The first note."], ["The second note."], ["The third."]]


def test_a_note_line_that_opens_with_another_number_goes_on_the_note() -> None:
    assert notes_of(["1 The survey reached harbours in", "12 countries and three islands.", "2 A second note."]) == [
        ["1 The survey reached harbours in", "12 countries and three islands."],
        ["2 A second note."],
    ]
    assert notes_of(["3 The charter was sealed in", "4 parts; each went to a town.", "4 The next note."]) == [
        ["3 The charter was sealed in", "4 parts; each went to a town."],
        ["4 The next note."],
    ]


def numbered_rows(tops: list[float], numbers: list[int], beside: str = "the team mapped the harbour") -> list[Word]:
    """A number at x 40 and a row of words at x 60 for each top."""
    words = []
    for top, number in zip(tops, numbers, strict=True):
        words.append(Word(str(number), 40, top, 45, top + 7, 7))
        words.extend(Word(text, 60 + 40 * k, top, 95 + 40 * k, top + 10, 10) for k, text in enumerate(beside.split()))
    return words


def test_a_column_of_line_numbers_is_found_among_the_words_and_a_numbered_list_is_not() -> None:
    pitch = [72 + 12 * i for i in range(12)]
    found = number_columns(numbered_rows(pitch, list(range(31, 43))))
    assert len(found) == 1 and len(found[0]) == 12
    # A reference list: numbers as far apart as the entries are long.
    uneven = [72, 84, 120, 132, 168, 204, 216, 252, 288, 300, 336, 372]
    assert number_columns(numbered_rows(uneven, list(range(1, 13)))) == []
    # A table of five numbered rows (as in two of the real PDFs), a column of years beside numbers,
    # and numbers that do not count up.
    assert number_columns(numbered_rows(pitch[:5], [1, 2, 3, 4, 5])) == []
    assert number_columns(numbered_rows(pitch, list(range(2001, 2013)), beside="12.5 13.1 0.4 7")) == []
    assert number_columns(numbered_rows(pitch, [5, 3, 8, 1, 9, 2, 7, 4, 6, 10, 12, 11])) == []
    # A table's labels "Station 1" ... "Station 12": each number a word space from its word.
    labels = [Word("Station", 5, top, 37.5, top + 10, 10) for top in pitch]
    assert number_columns([*labels, *numbered_rows(pitch, list(range(1, 13)))]) == []


def test_numbered_rows_where_the_text_lines_start_are_no_line_numbers() -> None:
    # A numbered table under a paragraph: its numbers stand where the paragraph's lines start, for
    # a block of rows, not in a margin or down the page; they were taken for line numbers.
    pitch = [300 + 12 * i for i in range(12)]
    paragraph = [
        Word(text, 40 + 40 * k, top, 75 + 40 * k, top + 10, 10)
        for top in range(72, 290, 12)
        for k, text in enumerate("we mapped the old harbour".split())
    ]
    assert number_columns([*paragraph, *numbered_rows(pitch, list(range(1, 13)))]) == []
    # The same numbers in a margin of their own are a review copy's line numbers.
    margin = [
        Word(text, 60 + 40 * k, top, 95 + 40 * k, top + 10, 10)
        for top in range(72, 290, 12)
        for k, text in enumerate("we mapped the old harbour".split())
    ]
    assert len(number_columns([*margin, *numbered_rows(pitch, list(range(1, 13)))])) == 1


@pytest.mark.parametrize("cells", ["ranges", "integers"])
def test_a_small_table_at_the_foot_of_page_one_is_no_edge_print(cells: str) -> None:
    # A table whose last rows reach into the bottom edge zone of the first page: those rows were
    # listed as `first_page_print` (or, cells of whole numbers, as page numbers with their rows'
    # names as running footers), the rows above them as the table's.
    pytest.importorskip("reportlab")
    from pdfgen import BOLD, Page, build, sentences, wrap
    from pdfgen import HEIGHT as PAGE_HEIGHT
    from synopsis.pdf import extract

    first = Page()
    first.text(72, 60, "Harbour Tables of the North Coast in the Nineteenth Century", font=BOLD, size=16)
    first.text(72, 100, "1 Introduction", font=BOLD, size=12)
    first.block(72, 120, wrap(" ".join(sentences("A", 40)), 450))
    top = PAGE_HEIGHT - 128
    first.text(72, top, "Table 1. Harbour tables copied by each clerk and year.", size=9)
    names = ["Moss", "Hale", "Price", "Dunn", "Webb", "Shaw"]
    for k, name in enumerate(names):
        y = top + 13 + 11 * (k + 1)
        first.text(72, y, name, size=8)
        first.text(222, y, f"{1851 + k}–{1860 + k}" if cells == "ranges" else str(1851 + k), size=8)
        first.text(372, y, f"{12 + 3 * k}.4 (3.1)" if cells == "ranges" else str(12 + 3 * k), size=8)
    first.text(295, PAGE_HEIGHT - 25, "1", size=9)
    pages = [first]
    for n, tag in enumerate("BCDE", start=2):
        pages.append(Page())
        pages[-1].block(72, 60, wrap(" ".join(sentences(tag, 40)), 450))
        pages[-1].text(295, PAGE_HEIGHT - 25, str(n), size=9)
    found = extract(build(pages), source="table.pdf")
    reasons = {item.text: item.reason for item in found.removed_text}
    assert all(reasons[name] == reasons["Moss"] == "small_print" for name in names)
    assert not {"first_page_print", "running_header"} & set(reasons.values())
    assert [item.text for item in found.removed_text if item.reason == "page_number"] == ["1", "2", "3", "4", "5"]


def test_a_running_footer_just_under_a_tables_last_row_is_no_part_of_the_table() -> None:
    # A running footer of the journal's name and the page number on every page; on page 3 a small
    # table's rows run down to just above it: the page number was taken into the table's rows at
    # the page's foot and listed as a fragment.
    pytest.importorskip("reportlab")
    from pdfgen import BOLD, Page, build, sentences, wrap
    from pdfgen import HEIGHT as PAGE_HEIGHT
    from synopsis.pdf import extract

    pages = []
    for n, tag in enumerate("ABCDE", start=1):
        page = Page()
        if n == 1:
            page.text(72, 60, "Harbour Tables of the North Coast in the Nineteenth Century", font=BOLD, size=16)
            page.text(72, 100, "1 Introduction", font=BOLD, size=12)
        page.block(72, 120 if n == 1 else 60, wrap(" ".join(sentences(tag, 30 if n == 3 else 40)), 450))
        if n == 3:
            top = PAGE_HEIGHT - 120
            page.text(72, top, "Table 1. Harbour tables copied by each clerk and year.", size=9)
            for k, name in enumerate(["Moss", "Hale", "Price", "Dunn", "Webb", "Shaw", "Lane"], start=1):
                page.text(72, top + 13 + 11 * k, name, size=8)
                page.text(222, top + 13 + 11 * k, str(1850 + k), size=8)
                page.text(372, top + 13 + 11 * k, str(9 + 3 * k), size=8)
        page.text(72, PAGE_HEIGHT - 25, "Journal of Harbour Studies 12 (2020)", size=8)
        page.text(512, PAGE_HEIGHT - 25, str(n), size=8)
        pages.append(page)
    found = extract(build(pages), source="footer.pdf")
    assert [item.text for item in found.removed_text if item.reason == "page_number"] == ["1", "2", "3", "4", "5"]
    assert [item.page for item in found.removed_text if item.reason == "running_header"] == [1, 2, 3, 4, 5]
    assert [item.text for item in found.removed_text if item.reason == "small_print"][-1] == "Lane"
