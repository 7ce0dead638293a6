"""Layouts a browser prints (CSS columns through Chromium), on made PDFs with their geometry: the
columns of the last page balanced above a block set outside them, a narrow column justified by
stretching its word spaces. Each test reads the text as a user would: every sentence whole, in
order, in the body."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from reportlab.pdfbase.pdfmetrics import stringWidth

from pdfgen import BOLD, Page, build, sentences, wrap
from synopsis.pdf import extract
from synopsis.pdf.document import PdfText

LEFT, RIGHT, COLUMN = 56.0, 309.0, 230.0  # two columns on A4, the gutter's middle at 297.5
MIDDLE = (LEFT + COLUMN + RIGHT) / 2
SMALL = 8.0  # a reference list's print
ACK = "We thank the harbour office of the old town for its help with the archive."
REFS = [
    f"{name} ({year}). The {noun} of the northern coast and its trade in the long nineteenth century. "
    f"Journal of Harbour Studies {volume}: {volume * 3}-{volume * 3 + 9}."
    for name, year, noun, volume in (
        ("Andersen, K.", 2011, "harbours", 12),
        ("Berg, L. and Holm, P.", 2015, "bridges", 17),
        ("Carlsen, M.", 2019, "markets", 21),
        ("Dahl, S.", 2020, "stations", 23),
    )
]


def body_text(found: PdfText) -> str:
    return re.sub(r"\s+", " ", found.body)


def in_order(text: str, expected: list[str]) -> None:
    broken = [sentence for sentence in expected if sentence not in text]
    assert not broken, f"not whole: {broken[:2]}"
    positions = [text.index(sentence) for sentence in expected]
    assert positions == sorted(positions)


def assert_references_listed(found: PdfText) -> None:
    """The heading is listed as what ends the body, nothing of the acknowledgement with it."""
    listed = [(r.reason, r.text) for r in found.removed_text]
    assert ("references", "References") in listed or any(
        reason == "references" and text.startswith("References Andersen") for reason, text in listed
    )
    assert not any("harbour office" in text for _, text in listed)


def full_width(page: Page, y: float, text: str, *, space_over_gutter: bool) -> None:
    """A line of small print across both columns, with a word space (or a word) over the gutter's
    middle: a reference list set outside the CSS columns."""
    starts = [m.start() for m in re.finditer(" ", text)]
    at = [LEFT + stringWidth(text[:i], "Times-Roman", SMALL) for i in starts]
    space = stringWidth(" ", "Times-Roman", SMALL)
    i = min(range(len(at)), key=lambda k: abs(at[k] - (MIDDLE - space / 2)))
    shift = MIDDLE - space / 2 - at[i] if space_over_gutter else MIDDLE - at[i] - 3 * space
    page.text(LEFT + shift, y, text, size=SMALL)


def balanced(page: Page, text: list[str], *, top: float = 72, tail: list[str] = ()) -> float:
    """Two columns balanced (the right one as long as the left or a line shorter), the right
    column ending with `tail` (an acknowledgement under its heading); returns the lowest y."""
    lines = wrap(" ".join(text), COLUMN)
    half = (len(lines) + len(tail) + 1) // 2
    left_end = page.block(LEFT, top, lines[:half])
    y = page.block(RIGHT, top, lines[half:])
    for line in tail:
        bold = line == "Acknowledgements"
        page.text(RIGHT, y + (4 if bold else 0), line, font=BOLD if bold else "Times-Roman")
        y += 16 if bold else 12
    return max(left_end, y)


def first_page(text: list[str]) -> Page:
    page = Page()
    page.text(LEFT, 40, "Harbours of the Northern Coast in the Nineteenth Century", font=BOLD, size=16)
    balanced(page, text, top=80)
    return page


@pytest.mark.parametrize("continued", [False, True], ids=["one-page", "list-goes-on"])
def test_a_full_width_reference_list_under_balanced_columns(continued: bool) -> None:
    # The last page's columns are balanced; the reference list under them is set full width, one
    # of its lines with a word space over the gutter. That line hid the gutter, and the page was
    # read across both columns, row by row, sentences of the two columns interleaved.
    first, last = sentences("A", 44), sentences("B", 16)
    page = Page()
    y = balanced(page, last, tail=["Acknowledgements", *wrap(ACK, COLUMN)])
    page.text(LEFT, y + 14, "References", font=BOLD, size=10.5)
    for k, ref in enumerate(REFS[:3]):
        full_width(page, y + 40 + 10 * k, ref, space_over_gutter=k == 1)
    pages = [first_page(first), page]
    if continued:  # a third page, the list going on in one column: no gutter on two pages of three
        more = Page()
        for k, ref in enumerate(REFS[3:] * 3):
            full_width(more, 72 + 10 * k, ref, space_over_gutter=k % 2 == 0)
        pages.append(more)
    found = extract(build(pages), source="balanced.pdf")
    body = body_text(found)
    in_order(body, first + last + [ACK])
    assert "References" not in body and "Andersen" not in body
    assert_references_listed(found)


def test_a_reference_heading_over_columns_of_its_own() -> None:
    # The reference list is in two columns of its own under a full-width "References": the heading
    # starts at the left, like a first-column line, and came before the right column's end of the
    # body (its acknowledgement was listed under the references).
    first, last = sentences("C", 44), sentences("D", 12)
    page = Page()
    y = balanced(page, last, tail=["Acknowledgements", *wrap(ACK, COLUMN)])
    page.text(LEFT, y + 14, "References", font=BOLD, size=10.5)
    refs = [line for ref in REFS for line in wrap(ref, COLUMN, size=SMALL)]
    half = len(refs) // 2
    page.block(LEFT, y + 34, refs[:half], size=SMALL, leading=10)
    page.block(RIGHT, y + 34, refs[half:], size=SMALL, leading=10)
    found = extract(build([first_page(first), page]), source="refs.pdf")
    body = body_text(found)
    in_order(body, first + last + [ACK])
    assert "References" not in body and "Andersen" not in body
    assert_references_listed(found)


# A paragraph of a narrow justified column (9 points, 200 wide) as Chromium sets it: every space
# of a line stretched alike to reach the right edge; the third line's long words leave 1.7 em
# between them (lower-case words, no function word: like a table row of lower-case cells), the
# sixth line's two words 6.1 em.
JUSTIFIED = [
    "Die Gespräche mit den Mitgliedern der Kooperativen",
    "wurden in allen Fällen aufgezeichnet und danach",
    "anschließend sorgfältig wörtlich transkribiert",
    "und kodiert. Die Namen der Teilnehmenden wurden",
    "durch Kürzel ersetzt, die Ortsangaben wurden den",
    "Datenschutzbestimmungen entsprechend",
    "verallgemeinert und gesondert gespeichert.",
]


def justified(page: Page, x: float, y: float, line: str, width: float, *, size: float = 9) -> None:
    """`line` word by word, its spaces stretched alike so that it ends at `x + width`."""
    words = line.split()
    natural = sum(stringWidth(word, "Times-Roman", size) for word in words)
    gap = (width - natural) / (len(words) - 1)
    for word in words:
        page.text(x, y, word, size=size)
        x += stringWidth(word, "Times-Roman", size) + gap


def _stretched_column(page: Page, x: float, y: float, lines: list[str], width: float, size: float) -> None:
    """`lines` justified to `width`, one under the other at an 11-point pitch."""
    for k, line in enumerate(lines):
        justified(page, x, y + 11 * k, line, width, size=size)


def test_a_short_line_stretched_in_a_narrow_justified_column_is_text() -> None:
    # Such a line was cut at its wide spaces into table cells and its words left the body.
    width, size = 200.0, 9.0
    page = Page()
    page.text(LEFT, 40, "Harbours of the Northern Coast in the Nineteenth Century", font=BOLD, size=16)
    english = sentences("E", 24)
    y = page.block(LEFT, 80, wrap(" ".join(english[:8]), width, size=size), size=size, leading=11)
    _stretched_column(page, LEFT, y, JUSTIFIED[:-1], width, size)
    page.text(LEFT, y + 11 * (len(JUSTIFIED) - 1), JUSTIFIED[-1], size=size)  # a paragraph's last line is not justified
    page.block(LEFT, y + 11 * len(JUSTIFIED) + 11, wrap(" ".join(english[8:12]), width, size=size), size=size, leading=11)
    page.block(LEFT + width + 20, 80, wrap(" ".join(english[12:]), width, size=size), size=size, leading=11)
    found = extract(build([page]), source="justified.pdf")
    in_order(
        body_text(found),
        [
            "und danach anschließend sorgfältig wörtlich transkribiert und kodiert.",
            "wurden den Datenschutzbestimmungen entsprechend verallgemeinert",
        ],
    )
    assert not [r.text for r in found.removed_text if r.reason in ("table", "fragment")]


# Lines of a narrow justified column that no rule on their words alone vouches for: three
# capitalised nouns (a German name of a standard), and a sentence's end with its footnote marker
# (Chromium's <sup>, 0.83 of the text's size, a word of its own) before two capitalised words.
STRETCHED = [
    ["Die", "Gespräche", "mit", "den", "Mitgliedern", "der", "Kooperativen"],
    ["wurden", "nach", "dem", "Standard", "der", "Initiative", "erfasst,"],
    ["Correspondence", "Metadata", "Interchange"],
    ["Format.", "Die", "Verbreitung", "war", "sehr", "weit", "und"],
    ["erreichte", "alle", "Orte", "der", "Region", "ohne", "Ausnahme"],
    ["verbreitet.", "Trade", "Ministry"],  # "verbreitet." carries the marker
    ["records", "show", "that", "the", "rest", "of", "them", "were"],
]


def test_stretched_lines_of_capitalised_words_or_with_a_marker_stay_text() -> None:
    # Both were cut into table cells and left the body, gluing the sentences around them.
    width, size, marker = 200.0, 9.0, 0.83 * 9.0
    page = Page()
    page.text(LEFT, 40, "Harbours of the Northern Coast in the Nineteenth Century", font=BOLD, size=16)
    english = sentences("E", 24)
    y = page.block(LEFT, 80, wrap(" ".join(english[:8]), width, size=size), size=size, leading=11)
    for k, words in enumerate(STRETCHED):
        raised = stringWidth("1", "Times-Roman", marker) if words[0] == "verbreitet." else 0.0
        gap = (width - raised - sum(stringWidth(word, "Times-Roman", size) for word in words)) / (len(words) - 1)
        x = LEFT
        for word in words:
            page.text(x, y + 11 * k, word, size=size)
            x += stringWidth(word, "Times-Roman", size)
            if raised and word == words[0]:
                page.text(x, y + 11 * k - 0.5 * size, "1", size=marker)
                x += raised
            x += gap
    page.text(LEFT, y + 11 * len(STRETCHED), "kept in the town archive.", size=size)
    page.block(LEFT + width + 20, 80, wrap(" ".join(english[8:]), width, size=size), size=size, leading=11)
    page.text(LEFT, 760, "1 Die Zahlen nennt das Handelsministerium.", size=7)
    found = extract(build([page]), source="justified.pdf")
    in_order(
        body_text(found),
        [
            "nach dem Standard der Initiative erfasst, Correspondence Metadata Interchange Format.",
            "ohne Ausnahme verbreitet. Trade Ministry records show",
        ],
    )
    assert not [r.text for r in found.removed_text if r.reason in ("table", "fragment")]


# A narrow justified column's lines around a stretched one that only its bracketed sentence end
# vouches for (capitalised words, no comma, no lower-case word), and one of two words, a code and
# "respectively.", whose one gap nothing but the lines above and below can vouch for.
BRACKETED = [
    "Cognitive function was evaluated with the Korean Mini-",
    "Mental State Examination (K-MMSE). Both",
    "questionnaires were administered by two experienced",
]
CODED = [
    "The primers for the gene were AACATACCCATG and",
    "AGCGAAGGGTTGTAG, respectively.",
    "The amplification was run in triplicate on each plate.",
]


def test_a_stretched_line_ending_a_sentence_in_brackets_stays_text() -> None:
    # "Mental State Examination (K-MMSE). Both" was cut into five table cells and left the body.
    width, size = 200.0, 9.0
    page = Page()
    page.text(LEFT, 40, "Telomere Length and Mitochondrial DNA in Elderly Women", font=BOLD, size=16)
    english = sentences("E", 24)
    y = page.block(LEFT, 80, wrap(" ".join(english[:8]), width, size=size), size=size, leading=11)
    _stretched_column(page, LEFT, y, BRACKETED, width, size)
    page.block(LEFT, y + 33, wrap(" ".join(english[8:12]), width, size=size), size=size, leading=11)
    page.block(LEFT + width + 20, 80, wrap(" ".join(english[12:]), width, size=size), size=size, leading=11)
    found = extract(build([page]), source="bracketed.pdf")
    in_order(body_text(found), ["the Korean Mini-Mental State Examination (K-MMSE). Both questionnaires were"])
    assert not [r.text for r in found.removed_text if r.reason in ("table", "fragment")]


def _columns_out_of_step(count: int, right_end: int, width: float, size: float) -> tuple[Page, list[str], float, float]:
    """A page of two columns whose right one stands half a line lower than the left (as under a
    heading of another height): `count` sentences, the left column's first 14, the right's up to
    `right_end`; the page, the sentences, the right column's x and the y under its text."""
    page = Page()
    page.text(LEFT, 40, "Telomere Length and Mitochondrial DNA in Elderly Women", font=BOLD, size=16)
    english = sentences("E", count)
    page.block(LEFT, 80, wrap(" ".join(english[:14]), width, size=size), size=size, leading=11)
    right = LEFT + width + 20
    y = page.block(right, 85.5, wrap(" ".join(english[14:right_end]), width, size=size), size=size, leading=11)
    return page, english, right, y


def test_a_stretched_line_in_a_column_out_of_step_with_the_other_stays_text() -> None:
    # The right column's lines stand half a line lower than the left's (as under a heading of
    # another height): the rows right above and below its stretched line were the left column's,
    # so no line vouched for it and "AGCGAAGGGTTGTAG, respectively." left the body.
    width, size = 200.0, 9.0
    page, english, right, y = _columns_out_of_step(30, 18, width, size)
    _stretched_column(page, right, y, CODED[:2], width, size)
    page.text(right, y + 22, CODED[2], size=size)
    page.block(right, y + 33, wrap(" ".join(english[18:22]), width, size=size), size=size, leading=11)
    found = extract(build([page]), source="coded.pdf")
    in_order(body_text(found), ["AACATACCCATG and AGCGAAGGGTTGTAG, respectively. The amplification"])
    assert not [r.text for r in found.removed_text if r.reason in ("table", "fragment")]


def test_a_footnote_marker_after_a_year_ending_a_sentence_is_cut_from_it() -> None:
    # "2000." with a raised "1" read as the number 2000.1, and the sentence ran on into the next.
    page = Page()
    page.text(LEFT, 40, "Les archives municipales en ligne", font=BOLD, size=16)
    first, rest = sentences("F", 6), sentences("G", 6)
    y = page.block(LEFT, 80, wrap(" ".join(first), 480))
    start = "Les fonds sont numérisés depuis les années 2000."
    page.text(LEFT, y, start)
    x = LEFT + stringWidth(start, "Times-Roman", 10)
    page.text(x, y - 3.3, "1", size=8.3)  # Chromium's <sup>: 0.83 of the size, a third of it up
    page.text(x + 7, y, "Les registres paroissiaux sont désormais consultables en ligne.")
    page.block(LEFT, y + 12, wrap(" ".join(rest), 480))
    page.text(LEFT, 760, "1 Cette enquête a bénéficié du soutien de l'Agence nationale de la recherche.", size=8)
    found = extract(build([page]), source="notes.pdf")
    assert "2000.1" not in found.body
    assert "depuis les années 2000. Les registres paroissiaux" in body_text(found)
    assert found.footnotes == ("1 Cette enquête a bénéficié du soutien de l'Agence nationale de la recherche.",)


@pytest.mark.parametrize(("gap", "count"), [(14.0, 16), (8.0, 40)], ids=["swallowed", "lost"])
def test_a_full_width_abstract_with_nothing_under_it_ends_at_the_columns(gap: float, count: int) -> None:
    # No keywords line or heading between the abstract and the body's columns: the abstract was
    # read on down the first column, or, past 700 words with it, not found at all.
    page = Page()
    page.text(LEFT, 40, "Harbours of the Northern Coast in the Nineteenth Century", font=BOLD, size=16)
    page.text(LEFT, 70, "Abstract", font=BOLD)
    abstract, body = sentences("X", 5), sentences("A", count)
    y = page.block(LEFT, 84, wrap(" ".join(abstract), RIGHT + COLUMN - LEFT))
    balanced(page, body, top=y + gap)
    found = extract(build([page]), source="abstract.pdf")
    assert found.abstract == " ".join(abstract)
    assert body_text(found).startswith(body[0])
    in_order(body_text(found), body)


def test_a_table_row_with_a_bracketed_count_under_out_of_step_columns_stays_a_table() -> None:
    # A review of the bracketed-sentence-end rule: "(n=12)." is a table cell, no sentence end, so
    # the row "Women (n=12). Baseline Change" over a justified paragraph stays out of the body.
    width, size = 200.0, 9.0
    page, english, right, y = _columns_out_of_step(40, 17, width, size)
    y += 6
    rows = [
        ["Group", "Placebo", "Treated", "Total"],
        ["Women", "(n=12).", "Baseline", "Change"],
        ["Visits", "weekly", "monthly", "yearly"],
    ]
    for k, cells in enumerate(rows):
        widths = [stringWidth(cell, "Times-Roman", size) for cell in cells]
        gap, x = (width - sum(widths)) / (len(cells) - 1), right
        for cell, cell_width in zip(cells, widths, strict=True):
            page.text(x, y + 11 * k, cell, size=size)
            x += cell_width + gap
    y += 11 * len(rows)
    text = wrap(" ".join(english[17:24]), width, size=size)
    for k, line in enumerate(text[:-1]):
        justified(page, right, y + 11 * k, line, width, size=size)
    page.text(right, y + 11 * (len(text) - 1), text[-1], size=size)
    found = extract(build([page]), source="table.pdf")
    assert "(n=12)" not in found.body and "Baseline" not in found.body
    assert english[17].split()[0] in found.body
