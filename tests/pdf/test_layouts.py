"""Page layouts on made PDFs: a column holding a single line, three columns, pages turned for
display, a text block narrower than its page. Each test reads the extracted text as a user
would: every sentence whole (nothing spliced from another column) and in reading order."""

from __future__ import annotations

import math
import re
from itertools import pairwise

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


def columns_page(text: list[str], count: int, *, lone: int = 0, width: float = 0.0, top: float = 80) -> Page:
    """`text` in `count` equal columns across an A4 page in 9-point type, filled one after the
    other; with `lone`, the last column holds only the last `lone` lines (the others share the rest)."""
    gap, left = 12.0, 40.0
    width = width or (WIDTH - 2 * left - (count - 1) * gap) / count
    lines = wrap(" ".join(text), width, size=9)
    if lone:
        per = (len(lines) - lone + count - 2) // (count - 1)
        counts = [per] * (count - 1) + [len(lines)]
    else:
        counts = [(len(lines) + count - 1) // count] * count
    page, start = Page(), 0
    for column, n in enumerate(counts):
        page.block(left + column * (width + gap), top, lines[start : start + n], size=9, leading=11)
        start += n
    return page


@pytest.mark.parametrize("lone", [1, 2], ids=["one-line", "two-lines"])
def test_a_lone_line_in_the_last_of_three_columns_is_read_after_the_others(lone: int) -> None:
    # With one or two lines in the third column the page was read as one column of table rows:
    # every sentence was cut into cells or spliced with the lines beside it.
    text = sentences("P", 34)
    found = extract(build([columns_page(text, 3, lone=lone)]), source="lone3.pdf")
    assert_read_in_order(found, text)
    assert not found.removed


def test_a_short_lone_line_in_three_columns_on_a_later_page() -> None:
    # The document's three columns are known from the first page; the last column of the second
    # holds one short word ("spring."), which was cut off as a table cell.
    first, second = sentences("Q", 45), sentences("R", 36)
    page2 = columns_page(second, 3, lone=1)
    assert len(page2.lines[-1][2].split()) <= 2
    found = extract(build([columns_page(first, 3), page2]), source="later3.pdf")
    assert_read_in_order(found, first + second)
    assert not found.removed


def test_a_lone_line_under_a_figure_in_the_first_of_three_columns() -> None:
    text = sentences("S", 34)
    width, gap = 157.0, 12.0
    lines = wrap(" ".join(text), width, size=9)
    page = Page()
    page.images.append((50, 80, width, 300))
    page.text(50, 400, lines[0], size=9)
    half = (len(lines) - 1) // 2
    page.block(50 + width + gap, 80, lines[1 : 1 + half], size=9, leading=11)
    page.block(50 + 2 * (width + gap), 80, lines[1 + half :], size=9, leading=11)
    assert_read_in_order(extract(build([page]), source="figure3.pdf"), text)


@pytest.mark.parametrize("count", [4, 5, 6])
def test_pages_of_four_or_more_columns_are_read_column_by_column(count: int) -> None:
    # A newsletter or a conference programme: the page was taken for a margin column beside
    # one of text, or for two columns, and its lines were cut into table cells.
    text = sentences("T", 15 * count)
    page = columns_page(text, count)
    page.text(40, 40, "The Harbour Newsletter", font=BOLD, size=18)
    found = extract(build([page]), source=f"columns{count}.pdf")
    assert found.title == "The Harbour Newsletter"
    assert_read_in_order(found, text)
    assert not found.removed


def test_four_columns_under_a_headline_across_two_of_them() -> None:
    # A headline over the first two of four columns, whose word space happened to lie over
    # their gutter, made the columns too close together to count.
    above, below = sentences("U", 40), sentences("V", 30)
    page = columns_page(above, 4)
    page.text(40, 40, "The Harbour Gazette", font=BOLD, size=20)
    top = max(y for _, y, *_ in page.lines) + 30
    page.text(40, top, "Bridges reopen after the winter", font=BOLD, size=14)
    page.lines.extend(columns_page(below, 4, top=top + 25).lines)
    found = extract(build([page]), source="headline.pdf")
    assert_read_in_order(found, [*above, "Bridges reopen after the winter", *below])


def side_noted(text: list[str], notes: list[list[str]], *, size: float = 10) -> bytes:
    """Pages of one wide column with a side note (`notes[page]`, a few lines) in the outer margin:
    on the right of odd pages and the left of even ones, as a book-like layout has them."""
    pages = []
    for number, note in enumerate(notes):
        page = Page()
        outer_left = number % 2 == 1
        body_x, note_x = (202.0, 72.0) if outer_left else (72.0, 392.0)
        page.block(body_x, 72, wrap(" ".join(text[30 * number : 30 * (number + 1)]), 300))
        page.block(note_x, 150, note, size=size, leading=size + 2)
        pages.append(page)
    return build(pages)


@pytest.mark.parametrize("size", [9, 10], ids=["smaller", "body-size"])
def test_side_notes_in_the_outer_margin_are_set_aside_not_spliced(size: float) -> None:
    # One note of two lines per page (too few rows for a margin column): each note line was read
    # into the body line beside it, in the middle of a sentence.
    text = sentences("W", 90)
    notes = [wrap(f"Note {n}: the harbour charter of {1700 + n} and its seal.", 110, size=size) for n in range(3)]
    found = extract(side_noted(text, notes, size=size), source="sidenotes.pdf")
    assert_read_in_order(found, text)
    assert "charter" not in found.text
    margin = [item for item in found.removed_text if item.reason == "margin"]
    assert [item.page for item in margin] == [1, 2, 3]
    assert [item.text for item in margin] == [" ".join(note) for note in notes]


@pytest.mark.parametrize(("body_x", "note_x", "size"), [(202, 72, 9), (72, 490, 10)], ids=["left-smaller", "right-body-size"])
def test_a_two_word_side_note_is_set_aside_not_spliced(body_x: float, note_x: float, size: float) -> None:
    # Two words were too few for a side note: "See Figure" became a paragraph of its own in the
    # middle of the sentence beside it.
    text = sentences("M", 30)
    page = Page()
    page.block(body_x, 72, wrap(" ".join(text), 300 if body_x > 100 else 400))
    page.text(note_x, 200, "See Figure", size=size)
    found = extract(build([page]), source="note.pdf")
    assert_read_in_order(found, text)
    assert "See Figure" not in found.text
    assert [(item.reason, item.text) for item in found.removed_text] == [("margin", "See Figure")]


def test_a_page_number_beside_a_one_column_page_is_no_side_note() -> None:
    # A side note holds words: a number or two beside the text (a page number set outside the
    # text block, a footnote's number standing apart) does not make a margin.
    text = sentences("X", 30)
    page = Page()
    page.block(72, 72, wrap(" ".join(text), 300))
    page.text(392, 300, "17", size=10)
    found = extract(build([page]), source="number.pdf")
    assert "margin" not in found.removed


def test_a_vertical_arxiv_stamp_is_set_aside_whole() -> None:
    # arXiv's identifier runs up the left margin of the first page. Its one-character word ("5")
    # cannot show that it leaves the baseline, so it reached the page text as a fragment.
    stamp = "arXiv:2101.01234v2 [cs.CL] 5 Jan 2021"
    text = sentences("Y", 40)
    first, second = Page(), Page()
    first.text(LEFT, 60, "A Study of Harbour Bridges", font=BOLD, size=16)
    first.block(LEFT, 100, wrap(" ".join(text[:10]), COLUMN))
    first.block(RIGHT, 100, wrap(" ".join(text[10:20]), COLUMN))
    first.turned.append((30, 600, stamp, 90, 20))
    second.block(LEFT, 72, wrap(" ".join(text[20:30]), COLUMN))
    second.block(RIGHT, 72, wrap(" ".join(text[30:]), COLUMN))
    found = extract(build([first, second]), source="arxiv.pdf")
    assert found.title == "A Study of Harbour Bridges"
    assert_read_in_order(found, text)
    assert "arXiv" not in found.text and "2021" not in found.text
    assert [(item.reason, item.page, item.text) for item in found.removed_text] == [("rotated_text", 1, stamp)]
    assert not found.removed


@pytest.mark.parametrize("angle", [-90, 45], ids=["downwards", "slanted"])
def test_a_turned_stamp_is_listed_as_rotated_text(angle: float) -> None:
    text = sentences("Z", 30)
    page = Page()
    page.block(72, 72, wrap(" ".join(text), 450))
    page.turned.append((300, 500 if angle < 0 else 780, "Accepted manuscript 5 May 2020", angle, 24))
    found = extract(build([page]), source="stamp.pdf")
    assert_read_in_order(found, text)
    assert [item.text for item in found.removed_text if item.reason == "rotated_text"] == ["Accepted manuscript 5 May 2020"]
    assert not found.removed


def test_a_slightly_skewed_text_layer_is_read_whole() -> None:
    # An OCR layer on a scan turned by 0.05 rad: a line that slant is text (SIDEWAYS_MIN_ANGLE),
    # but a word long enough to leave its baseline (a DOI) met a second, stricter test (any angle
    # over 0.01 rad) and was set aside as rotated text, out of its sentence.
    text = sentences("Q", 12)
    text[5] = text[5][:-1] + " at https://doi.org/10.5281/zenodo.1234567."
    page = Page()
    for i, line in enumerate(wrap(" ".join(text), 300)):
        page.turned.append((72, 100 + 30 * i, line, -math.degrees(0.05), 10))
    found = extract(build([page]), source="skewed.pdf")
    assert_read_in_order(found, text)
    assert not found.removed_text


@pytest.mark.parametrize("font", [BOLD, "Times-Roman", "plain", ""], ids=["bold", "capitals", "body-font", "no-label"])
def test_a_full_width_abstract_under_two_column_affiliations(font: str) -> None:
    # A word space of the abstract over the gutter, below the affiliations' two columns, hid the
    # gutter: the two-column body was read across, line by line. And "Abstract" starts where the
    # left column does, so it was read with the left author's affiliation, before the right
    # author's: the right author's name, university and e-mail began the abstract (still so for
    # a label in the body's font, neither bold nor capitals, until an abstract label counted).
    abstract, body = " ".join(sentences("AB", 5)), sentences("BD", 30)
    page = Page()
    page.text(LEFT, 60, "Harbour Bridges and Their Keepers", font=BOLD, size=16)
    for x, name, place in ((LEFT, "Anna Smith", "Leeds"), (RIGHT, "Ben Jones", "York")):
        mail = f"{name.split()[0].lower()}@{place.lower()}.ac.uk"
        page.block(x, 90, [name, f"University of {place}, {place}, UK", mail], size=9)
    if font:
        label = {BOLD: "Abstract", "plain": "Abstract"}.get(font, "ABSTRACT")
        page.text(LEFT, 140, label, font=BOLD if font == BOLD else "Times-Roman")
    top = page.block(LEFT, 154, wrap(abstract, 483)) + 14
    page.text(LEFT, top, "1 Introduction", font=BOLD, size=11)
    page.block(LEFT, top + 16, wrap(" ".join(body[:15]), COLUMN))
    page.block(RIGHT, top, wrap(" ".join(body[15:]), COLUMN))
    found = extract(build([page]), source="affiliations.pdf")
    assert found.abstract == abstract
    assert_read_in_order(found, body)
    assert "Jones" not in found.text and "york.ac.uk" not in found.text


def test_a_page_drawn_glyph_by_glyph_is_read_as_words() -> None:
    text = sentences("GL", 20)
    page = Page(glyphs=True)
    page.text(LEFT, 60, "Harbour Bridges Drawn Glyph by Glyph", font=BOLD, size=16)
    page.block(LEFT, 100, wrap(" ".join(text[:10]), COLUMN))
    page.block(RIGHT, 100, wrap(" ".join(text[10:]), COLUMN))
    found = extract(build([page]), source="glyphs.pdf")
    assert found.title == "Harbour Bridges Drawn Glyph by Glyph"
    assert_read_in_order(found, text)


def test_ligatures_and_a_soft_hyphen_at_a_line_end_in_an_embedded_font() -> None:
    # Vera (shipped with reportlab) has the fi and fl ligature glyphs; the standard Times has none.
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("Vera", "Vera.ttf"))
    page = Page()
    lines = ["The \ufb01rst \ufb02ow of of\ufb01ce work was signi\ufb01cant for the harbour and the tra\u00ad", "f\ufb01c on it."]
    page.block(LEFT, 72, lines, font="Vera")
    page.block(LEFT, 110, wrap(" ".join(sentences("LG", 10)), 450), font="Vera")
    found = extract(build([page]), source="ligatures.pdf")
    assert "The first flow of office work was significant for the harbour and the traffic on it." in found.text


def unequal_page(text: list[str], widths: tuple[float, float], *, title: str = "", gap: float = 16.0) -> tuple[Page, list[str]]:
    """Two columns of the given widths (left, right) across an A4 page, the left one filled first;
    returns the page and the sentences that are on it whole, in reading order."""
    page = Page()
    top = 72.0
    if title:
        page.text(56, 40, title, font=BOLD, size=18)
    lines = wrap(" ".join(text), widths[0])[:56]
    page.block(56, top, lines)
    rest = " ".join(text)[len(" ".join(lines)) :].strip()
    right = wrap(rest, widths[1])[:56]
    page.block(56 + widths[0] + gap, top, right)
    shown = " ".join(lines + right)
    return page, [sentence for sentence in text if sentence in shown]


@pytest.mark.parametrize(
    "widths",
    [(330, 150), (344, 120), (150, 330), (120, 344), (290, 190)],
    ids=["wide-narrow-0.45", "wide-narrow-0.35", "narrow-wide-0.45", "narrow-wide-0.35", "0.65"],
)
def test_two_columns_of_unequal_width_are_read_one_after_the_other(widths: tuple[float, float]) -> None:
    # Columns whose widths differ by more than 0.6 : 1 were read as one, each line of the wide
    # column spliced with the narrow column's line beside it (or the narrow one set aside as margin).
    page, expected = unequal_page(sentences("U", 80), widths, title="Harbour Tables of the North Coast")
    found = extract(build([page]), source="unequal.pdf")
    assert_read_in_order(found, expected)
    assert "margin" not in found.removed


def test_pages_of_unequal_columns_through_a_document() -> None:
    text = sentences("V", 240)
    pages, expected = [], []
    for number in range(3):
        page, on_page = unequal_page(text[80 * number : 80 * (number + 1)], (340, 140))
        page.text(56, 20, "Harbour Studies Quarterly", size=8)
        page.text(520, 20, str(number + 1), size=8)
        pages.append(page)
        expected += on_page
    found = extract(build(pages), source="unequal.pdf")
    assert_read_in_order(found, expected)


def test_a_column_of_side_notes_down_the_page_stays_a_margin() -> None:
    # Notes beside many paragraphs of a one-column body: narrow, prose, but little of the text.
    text = sentences("W", 40)
    page = Page()
    page.block(202, 72, wrap(" ".join(text), 300))
    for n in range(6):
        page.block(72, 80 + 90 * n, wrap(f"Note {n}: the harbour charter of {1700 + n} and its seal.", 110, size=9), size=9)
    found = extract(build([page]), source="notes.pdf")
    assert_read_in_order(found, text)
    assert "charter" not in found.text
    assert found.removed["margin"] >= 6


def side_headed(text: list[str], heads: list[list[str]], *, font: str = BOLD, size: float = 10) -> bytes:
    """Pages of one narrow column, each with a paragraph, a blank line and a paragraph whose
    heading (`heads[page]`, its lines) hangs in the left margin at the height of its first line;
    the first page under a title."""
    pages = []
    for number, head in enumerate(heads):
        page = Page()
        if number == 0:
            page.text(202, 40, "A Study of Harbour Bridges", font=BOLD, size=16)
        chunk = text[30 * number : 30 * (number + 1)]
        y = page.block(202, 72, wrap(" ".join(chunk[:15]), 300)) + 12
        page.block(72, y, head, font=font, size=size, leading=size + 2)
        page.block(202, y, wrap(" ".join(chunk[15:]), 300))
        pages.append(page)
    return build(pages)


@pytest.mark.parametrize(
    ("head", "font", "size"),
    [
        ("Results of the survey", BOLD, 10),
        ("Introduction", BOLD, 10),
        ("Results of the survey", "Times-Roman", 12),
        ("Materials and methods", "Times-Roman", 10),
        ("Results of the survey among the villagers", BOLD, 10),
    ],
    ids=["bold", "one-word", "larger", "known-words", "wrapped"],
)
def test_a_side_heading_heads_its_paragraph(head: str, font: str, size: float) -> None:
    # A heading hanging in the margin beside a narrow body (humanities and report layouts) was
    # set aside as a margin note (three words or more) or as a table cell (fewer): no headings.
    text = sentences("H", 60)
    heads = [wrap(head, 110, font=font, size=size), ["Discussion of findings"]]
    found = extract(side_headed(text, heads, font=font, size=size), source="sideheads.pdf")
    assert found.title == "A Study of Harbour Bridges"
    assert [found.text[a:b] for a, b in found.headings] == [head, "Discussion of findings"]
    assert_read_in_order(found, [*text[:15], head, *text[15:45], "Discussion of findings", *text[45:]])
    assert not found.removed


def test_many_side_headings_on_a_page_head_their_paragraphs() -> None:
    # Five of them make a column of margin lines: they were all set aside as a margin column.
    text = sentences("V", 30)
    heads = [
        "Origins of the harbour",
        "Building the bridge",
        "Trade across the river",
        "The village school",
        "Decline after 1900",
    ]
    page = Page()
    y = 72.0
    for n, head in enumerate(heads):
        page.text(72, y, head, font=BOLD)
        y = page.block(202, y, wrap(" ".join(text[6 * n : 6 * n + 6]), 300)) + 12
    found = extract(build([page]), source="sideheads.pdf")
    assert [found.text[a:b] for a, b in found.headings] == heads
    assert_read_in_order(found, [part for n, head in enumerate(heads) for part in (head, *text[6 * n : 6 * n + 6])])


@pytest.mark.parametrize(
    ("note", "font", "line"),
    [("Charter and seal", BOLD, 4), ("Charter and seal", "Times-Roman", 0)],
    ids=["mid-paragraph", "plain"],
)
def test_a_side_note_that_heads_no_paragraph_stays_a_margin_note(note: str, font: str, line: int) -> None:
    # Bold beside the middle of a paragraph, or in the body's font beside its first line: a note.
    text = sentences("G", 30)
    page = Page()
    y = page.block(202, 72, wrap(" ".join(text[:15]), 300)) + 12
    page.block(202, y, wrap(" ".join(text[15:30]), 300))
    page.text(72, y + 12 * line, note, font=font)
    found = extract(build([page]), source="notes.pdf")
    assert not found.headings
    assert_read_in_order(found, text)
    assert [(item.reason, item.text) for item in found.removed_text] == [("margin", note)]


def test_several_footnotes_in_one_block_are_several_footnotes() -> None:
    # Three notes set one under the other at the foot of the page came out as one footnote.
    text = sentences("N", 30)
    page = Page()
    page.text(72, 40, "Harbour Tables of the North Coast", font=BOLD, size=18)
    page.block(72, 80, wrap(" ".join(text), 450))
    notes = [
        ["1 The tables were first printed in 1881 by the harbour board."],
        ["2 The survey of the north coast took three summers and the charts of it were", "redrawn twice."],
        ["3 See the appendix for the soundings."],
        ["* Corresponding author: the harbour archive."],
    ]
    y = 730.0
    for note in notes:
        y = page.block(72, y, note, size=8, leading=10)
    found = extract(build([page]), source="notes.pdf")
    assert list(found.footnotes) == [" ".join(note) for note in notes]
    assert found.removed["footnote"] == 4
    assert_read_in_order(found, text)


@pytest.mark.parametrize("title", ["Harbour Tables", "HARBOUR TABLES"])
def test_a_two_word_title_is_the_title(title: str) -> None:
    # The title rule wanted three words: the title was empty and "Harbour Tables" opened the body.
    text = sentences("T", 60)
    pages = []
    for number in range(2):
        page = Page()
        page.text(72, 30, "Harbour Studies", size=8)  # a two-word running head
        page.text(520, 30, str(number + 1), size=8)
        top = 100.0
        if number == 0:
            page.text(72, 60, title, font=BOLD, size=18)
            page.text(72, 90, "Ada Lovelace, University of Harbourton")
            page.text(72, 120, "1 Introduction", font=BOLD, size=12)
            top = 140.0
        page.block(72, top, wrap(" ".join(text[30 * number : 30 * (number + 1)]), 450))
        pages.append(page)
    found = extract(build(pages), source="title.pdf")
    assert found.title == title
    assert found.body.startswith("1 Introduction")
    assert_read_in_order(found, text)


@pytest.mark.parametrize("sides", ["both", "right"])
def test_manuscript_line_numbers_on_both_sides_or_the_right_are_set_aside(sides: str) -> None:
    # Numbered on both sides, every row was three pieces, a table row: the whole text was dropped
    # as `table`; numbered on the right, the numbers were listed as fragments.
    text = sentences("L", 40)
    page = Page()
    lines = wrap(" ".join(text), 400)
    for i, line in enumerate(lines):
        page.text(100, 72 + 14 * i, line)
        if sides == "both":
            page.text(60, 72 + 14 * i, str(i + 1), size=8)
        page.text(530, 72 + 14 * i, str(i + 1), size=8)
    found = extract(build([page]), source="numbered.pdf")
    assert_read_in_order(found, text)
    numbers = [item.text for item in found.removed_text if item.reason == "line_number"]
    per_side = [str(i + 1) for i in range(len(lines))]
    assert sorted(numbers, key=int) == sorted(per_side * (2 if sides == "both" else 1), key=int)
    assert set(found.removed) == {"line_number"}


def test_text_in_form_fields_and_comments_is_listed_not_lost() -> None:
    # A filled-in form field and a comment hold text that is no page text: it was dropped unseen.
    text = sentences("Q", 20)
    page = Page()
    page.block(72, 72, wrap(" ".join(text), 450))
    page.fields.append((72, 500, 450, 20, "The harbour tables were filled in by hand in 1881."))
    page.comments.append((530, 100, "Check the soundings against the 1881 survey."))
    found = extract(build([page]), source="form.pdf")
    assert_read_in_order(found, text)
    listed = [(item.reason, item.page, item.text) for item in found.removed_text]
    assert listed == [
        ("annotation", 1, "The harbour tables were filled in by hand in 1881."),
        ("annotation", 1, "Check the soundings against the 1881 survey."),
    ]


@pytest.mark.parametrize("where", ["left-of-each-column", "both-sides-of-the-gutter"])
def test_line_numbers_in_the_gutter_of_a_two_column_review_copy_are_set_aside(where: str) -> None:
    # ICML-style numbers left of each column (the right column's stand in the gutter), or numbers
    # right of the left column and left of the right one: the numbers hid the gutter, rows of both
    # columns were read as table rows and dropped, and the numbers were read into the text.
    text = sentences("N", 60)
    pages, number = [], 1
    for half in (text[:30], text[30:]):
        page = Page()
        left, right = wrap(" ".join(half[:15]), 220), wrap(" ".join(half[15:]), 220)
        page.block(LEFT + 10, 72, left)
        page.block(RIGHT + 10, 72, right)
        for x, column in ((LEFT - 14 if where == "left-of-each-column" else LEFT + 236, left), (RIGHT - 12, right)):
            for i in range(len(column)):
                page.text(x, 73 + 12 * i, str(number), size=7)
                number += 1
        pages.append(page)
    found = extract(build(pages), source="review.pdf")
    assert_read_in_order(found, text)
    assert not re.sub(r"\s+", " ", found.text).replace(" ".join(text), "").strip()  # nothing else read
    numbers = [item.text for item in found.removed_text if item.reason == "line_number"]
    assert numbers == [str(n) for n in range(1, number)]  # each column's, in reading order
    assert found.removed == {"line_number": number - 1}


def skewed(page: Page, degrees: float) -> Page:
    """`page` as a scan turned by `degrees` (anticlockwise) about its centre, its text layer turned alike."""
    theta, cx, cy = math.radians(degrees), WIDTH / 2, HEIGHT / 2
    out = Page()
    for x, y, text, _, size in page.lines:
        dx, dy = x - cx, y + size - cy  # from the baseline's start
        out.turned.append(
            (
                cx + dx * math.cos(theta) + dy * math.sin(theta),
                cy - dx * math.sin(theta) + dy * math.cos(theta),
                text,
                degrees,
                size,
            )
        )
    return out


@pytest.mark.parametrize("degrees", [1.5, -2.5], ids=["upward", "downward"])
def test_a_skewed_two_column_scan_is_read_in_order(degrees: float) -> None:
    # The text layer of a scan turned by 1.5 degrees: a line climbs (or falls) by more than the
    # line pitch across its column, so rows mixed words of neighbouring lines: sentences came out
    # scrambled or dropped as table cells.
    text = sentences("S", 36)
    page = Page()
    page.text(LEFT, 60, "Skewed Scans of Harbour Records", size=16)
    page.block(LEFT, 100, wrap(" ".join(text[:18]), COLUMN))
    page.block(RIGHT, 100, wrap(" ".join(text[18:]), COLUMN))
    page.text(290, 790, "1", size=9)
    found = extract(build([skewed(page, degrees)]), source="skewed.pdf")
    assert found.title == "Skewed Scans of Harbour Records"
    assert_read_in_order(found, text)
    assert found.removed == {"page_number": 1}


@pytest.mark.parametrize(
    "title",
    ["Tables of the North Coast and Their Makers", "Harbour Bridges, Old Towns and Their Keepers"],
    ids=["title-case", "comma-pairs"],
)
def test_a_masthead_above_the_title_is_not_the_title(title: str) -> None:
    # The journal's name, the largest print on the page, was the title; the paper's title was
    # listed as an author line. A title of capitalised pairs between commas read as a list of
    # people's names ("Harbour Bridges", "Old Towns", "Their Keepers") and lost to the masthead.
    body = sentences("M", 20)
    page = Page()
    page.text(LEFT, 40, "The Harbour Studies Quarterly", font=BOLD, size=22)
    page.text(LEFT, 70, "Volume 12, Issue 3, 2020, pages 1-12", size=9)
    page.text(LEFT, 110, title, font=BOLD, size=16)
    page.text(LEFT, 140, "Ada Lovelace and Grace Hopper", size=11)
    page.text(LEFT, 190, "Abstract", font=BOLD)
    page.block(LEFT, 205, wrap(" ".join(sentences("AB", 5)), 480))
    page.text(LEFT, 300, "1 Introduction", font=BOLD, size=12)
    page.block(LEFT, 320, wrap(" ".join(body), 480))
    found = extract(build([page]), source="masthead.pdf")
    assert found.title == title
    assert found.text.startswith(f"{title}\n\nAbstract\n\nIn part AB0 ")
    assert_read_in_order(found, body)
    assert "The Harbour Studies Quarterly" in [item.text for item in found.removed_text]


@pytest.mark.parametrize("lead", ["left", "right"])
@pytest.mark.parametrize("narrow", [2, 3], ids=["two-narrow", "three-narrow"])
def test_a_newsletters_wide_lead_column_beside_narrow_ones_is_read_column_by_column(lead: str, narrow: int) -> None:
    # On a grid: the lead column spans two narrow ones and their gutter. Read as one column, the
    # rows were cut into table cells (most of the page listed as "table") and the rest spliced.
    gap, unit = 12.0, (WIDTH - 80 - (narrow + 1) * 12.0) / (narrow + 2)
    widths = [2 * unit + gap] + [unit] * narrow
    if lead == "right":
        widths.reverse()
    text = sentences("NL", 26 + 14 * narrow)
    cut = (
        [0, *(26 + 14 * k for k in range(narrow)), len(text)]
        if lead == "left"
        else [0, *(14 * k for k in range(1, narrow + 1)), len(text)]
    )
    page, x = Page(), 40.0
    page.text(40, 40, "The Harbour Newsletter of the Old Towns", font=BOLD, size=20)
    for width, (start, end) in zip(widths, pairwise(cut), strict=True):
        page.block(x, 80, wrap(" ".join(text[start:end]), width, size=9), size=9, leading=11)
        x += width + gap
    found = extract(build([page]), source="newsletter.pdf")
    assert found.title == "The Harbour Newsletter of the Old Towns"
    assert_read_in_order(found, text)
    assert not found.removed_text


@pytest.mark.parametrize(
    ("title", "under"),
    [
        ("Harbour Bridges of the Old Towns", "https://doi.org/10.1234/hb.2021.5"),
        ("Harbour Bridges of the Old Towns", "doi: 10.1234/hb.2021.5"),
        ("Harbour Bridges of the Old Towns", "Volume 12, Issue 3, 2021"),
        ("Reading Defoe's A Journal of the Plague Year Today", ""),
        ("Original Research in Harbour Engineering", ""),
    ],
    ids=["doi-link", "doi", "issue", "journal-in-title", "label-in-title"],
)
def test_an_article_doi_or_a_journal_phrase_in_the_title_does_not_hand_the_title_to_the_authors(title: str, under: str) -> None:
    # An article's DOI under its title, or "Journal of" / "Original Research" in the title, marked
    # the title as a journal's masthead, and the authors' line (set large) became the title.
    page, second = Page(), Page()
    page.text(LEFT, 60, title, font=BOLD, size=18)
    y = 84.0
    if under:
        page.text(LEFT, y, under, size=9)
        y += 20
    page.text(LEFT, y, "Anna Smith, John Brown and Li Wei", size=12)
    page.text(LEFT, y + 25, "Abstract", font=BOLD)
    y = page.block(LEFT, y + 40, wrap(" ".join(sentences("AB", 5)), 450), leading=13) + 15
    page.text(LEFT, y, "1 Introduction", font=BOLD, size=12)
    page.block(LEFT, y + 20, wrap(" ".join(sentences("PA", 14)), 450), leading=13)
    second.block(LEFT, 72, wrap(" ".join(sentences("PB", 30)), 450), leading=13)
    found = extract(build([page, second]), source="title.pdf")
    assert found.title == title
    assert "Anna Smith, John Brown and Li Wei" in [item.text for item in found.removed_text]


def test_numbers_of_a_table_and_of_a_reference_list_are_no_line_numbers() -> None:
    # A numbered table's rows and a numbered reference list (numbers where the text's lines start,
    # at an even pitch) were listed as a review copy's line numbers.
    first, second = Page(), Page()
    first.text(LEFT, 60, "Harbour Bridges of the Old Towns and Their Keepers", font=BOLD, size=18)
    first.text(LEFT, 115, "Abstract", font=BOLD)
    y = first.block(LEFT, 130, wrap(" ".join(sentences("AB", 5)), 450), leading=13) + 15
    first.text(LEFT, y, "1 Introduction", font=BOLD, size=12)
    y = first.block(LEFT, y + 20, wrap(" ".join(sentences("PA", 10)), 450), leading=13) + 10
    first.text(LEFT, y, "Table 1. Items of the questionnaire", font=BOLD)
    for i in range(1, 13):
        first.text(LEFT, y + 13 * i + 3, str(i))
        first.text(LEFT + 20, y + 13 * i + 3, f"I often cross the old bridge near the market {i}")
        first.text(LEFT + 380, y + 13 * i + 3, f"{3 + i / 10:.1f}")
    y = second.block(LEFT, 72, wrap(" ".join(sentences("PB", 12)), 450), leading=13) + 15
    second.text(LEFT, y, "References", font=BOLD, size=12)
    for i in range(1, 16):
        second.text(LEFT, y + 18 + 13 * (i - 1), str(i))
        second.text(
            LEFT + 18, y + 18 + 13 * (i - 1), f"Smith J, Brown A. Harbour bridges of towns {i}. J Eng Hist 2001;12:34-56."
        )
    found = extract(build([first, second]), source="refs.pdf")
    assert "line_number" not in found.removed
    assert "J Eng Hist" not in found.body and "references" in found.removed
    assert_read_in_order(found, sentences("PA", 10))
