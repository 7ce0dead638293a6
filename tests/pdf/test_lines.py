"""Words to lines: rows, column and table cuts, superscript markers, character normalisation."""

from __future__ import annotations

import pytest

pytest.importorskip("pypdfium2")

from synopsis.pdf.lines import build_lines, rows_of
from synopsis.pdf.reader import Word


def words_at(y: float, *items: tuple[float, str], size: float = 10, **style: object) -> list[Word]:
    """Words on one baseline; each item is (x0, text) and a word is 5 points per character wide."""
    return [Word(text, x, y, x + 5 * len(text), y + size, size, **style) for x, text in items]  # type: ignore[arg-type]


def sentence(y: float, text: str, *, x: float = 72, size: float = 10, **style: object) -> list[Word]:
    """Words of `text` set one after the other with word spaces, 5 points per character."""
    words = []
    for token in text.split(" "):
        words.append(Word(token, x, y, x + 5 * len(token), y + size, size, **style))  # type: ignore[arg-type]
        x += 5 * len(token) + 3
    return words


def test_rows_group_by_baseline_and_sort_left_to_right() -> None:
    words = words_at(100, (200, "world"), (72, "hello")) + words_at(102, (130, "there")) + words_at(120, (72, "next"))
    rows = rows_of(words)
    assert [[w.text for w in row] for row in rows] == [["hello", "there", "world"], ["next"]]


def test_wide_gaps_cut_a_row_and_short_pieces_are_table_cells() -> None:
    row = words_at(100, (72, "Age"), (85, "(years)"), (300, "67.7"), (400, "72.8"))
    lines = build_lines(rows_of(row), page=0)
    assert [(line.text, line.cell) for line in lines] == [("Age (years)", True), ("67.7", True), ("72.8", True)]


def spaced(y: float, text: str, space: float, *, x: float = 72, size: float = 10) -> list[Word]:
    """Words of `text` with every gap `space` points wide (a justified line stretches them alike)."""
    words = []
    for token in text.split(" "):
        words.append(Word(token, x, y, x + 5 * len(token), y + size, size))
        x += 5 * len(token) + space
    return words


def test_a_justified_line_with_stretched_spaces_stays_one_line() -> None:
    # Chromium justifies a narrow column by widening every space alike, here 2 em and 5 em.
    for text, space in (("and linked daily deaths to land-surface", 20.0), ("Erwartung eines umfassenden", 50.0)):
        lines = build_lines(rows_of(spaced(100, text, space)), page=0)
        assert [(line.text, line.cell) for line in lines] == [(text, False)]
    # ... and a row of two justified column lines is still cut at the gutter between them.
    row = spaced(100, "Germany, Italy, the Netherlands,", 18.0) + spaced(100, "wir danken der Deutschen", 41.0, x=330)
    assert [line.text for line in build_lines(rows_of(row), page=0, gutter=(310.0, 325.0))] == [
        "Germany, Italy, the Netherlands,",
        "wir danken der Deutschen",
    ]


def test_table_cells_alike_in_width_are_still_cells() -> None:
    # Right-aligned numbers and labels of one width have equal gaps too; they do not read as text.
    for text in ("12.5 13.2 14.1 15.0", "8.a 8.b 8.c", "Nantes France 314,138"):
        lines = build_lines(rows_of(spaced(100, text, 30.0)), page=0)
        assert [line.text for line in lines] == text.split(" ")
    # Lower-case word cells centred in equal columns, or one answer repeated: a table, not text.
    for text in ("army town verse judge", "yes no yes yes"):
        assert [line.text for line in build_lines(rows_of(spaced(100, text, 30.0)), page=0)] == text.split(" ")
    # ... while four stretched words of a German line, nouns and verbs mixed, stay one line.
    german = "Innovationen dann dauerhaft übernommen"
    assert [line.text for line in build_lines(rows_of(spaced(100, german, 30.0)), page=0)] == [german]
    # Gaps that differ with the cells' contents are cut whatever the words are.
    row = words_at(100, (72, "mean"), (120, "age"), (200, "of"), (232, "cases"))
    assert [line.text for line in build_lines(rows_of(row), page=0)] == ["mean", "age", "of", "cases"]


def test_a_text_line_beside_an_equation_number_stays_text() -> None:
    row = sentence(100, "the total is the sum of all parts") + words_at(100, (500, "(3)"))
    lines = build_lines(rows_of(row), page=0)
    assert [(line.text, line.cell) for line in lines] == [("the total is the sum of all parts", False), ("(3)", True)]


def test_the_gutter_cuts_a_row_even_when_the_gap_is_narrow() -> None:
    # 10-point text, a 12-point gutter: narrower than a wide gap (13 points), wider than a space.
    row = words_at(100, (200, "left"), (225, "end"), (252, "right"), (282, "start"))
    assert [line.text for line in build_lines(rows_of(row), page=0)] == ["left end right start"]
    assert [line.text for line in build_lines(rows_of(row), page=0, gutter=(240.0, 252.0))] == ["left end", "right start"]


def test_superscript_marker_words_are_dropped_and_kept_as_markers() -> None:
    row = [*sentence(100, "Kaarle Nordenstreng"), Word("2", 172, 97, 176, 104, 6.5)]
    (line,) = build_lines(rows_of(row), page=0)
    assert line.text == "Kaarle Nordenstreng" and line.markers == ("2",)


def test_ligatures_odd_spaces_and_soft_hyphens_are_normalised() -> None:
    row = sentence(100, "e\ufb03cient \ufb01eld\u00a0work signi\ufb01- litera\ufffe")
    (line,) = build_lines(rows_of(row), page=0)
    assert line.text == "efficient field work signifi- litera" and line.hyphenated


def test_bold_line_and_bold_run_in_label() -> None:
    heading = sentence(100, "2. Methods", bold=True)
    run_in = sentence(120, "Methods. We did", bold=False)
    run_in[0] = run_in[0]._replace(bold=True)
    lines = build_lines(rows_of(heading + run_in), page=0)
    assert [(line.bold, line.bold_lead) for line in lines] == [(True, 0), (False, 1)]


def test_a_raised_number_after_one_letter_is_a_power_not_a_footnote_marker() -> None:
    # Chromium sets <sup>2</sup> apart from its base word: "R" "2" is R2 (and "kg/m" "2" kg/m2),
    # while the "1" raised after "Chen" is an affiliation marker, kept off the line's text.
    row = words_at(100, (72, "with"), (95, "R"), (107, "="), (115, "0.81"), (138, "kg/m"), (165, "Chen"))
    raised = [
        Word("2", 100, 97, 104, 105, 8.3),  # right after "R" (x1 = 100)
        Word("2", 158, 97, 162, 105, 8.3),  # right after "kg/m" (x1 = 158)
        Word("1", 185, 97, 189, 105, 8.3),  # right after "Chen" (x1 = 185)
    ]
    (line,) = build_lines(rows_of(row + raised), 0)
    assert line.text == "with R2 = 0.81 kg/m2 Chen"
    assert line.markers == ("1",)


def test_a_stretched_row_is_text_only_where_a_line_of_text_beside_it_has_its_edges() -> None:
    # A narrow justified column: the lines above and below run from x = 72 to the row's last word.
    cells = spaced(112, "army town verse judge", 30.0)
    above = spaced(100, "the words of this line are set", 0.0)
    end = cells[-1].x1
    gap = (end - 72 - sum(w.x1 - w.x0 for w in above)) / (len(above) - 1)
    above = spaced(100, "the words of this line are set", gap)
    texts = [line.text for line in build_lines(rows_of(above + cells), page=0)]
    assert texts == ["the words of this line are set", "army town verse judge"]
    # ... a line of text that ends elsewhere vouches for nothing: the row is still table cells.
    short = spaced(100, "the words of this line", 3.0)
    assert [line.text for line in build_lines(rows_of(short + cells), page=0)][1:] == "army town verse judge".split()


def test_a_marker_word_in_a_stretched_line_neither_cuts_it_nor_stays_in_its_text() -> None:
    # Chromium's geometry (tr_2c): "yayılmıştır." then its <sup>1</sup> as a word of its own, 0.83
    # of the size, in the row; its zero gap broke the run of alike gaps and the line became cells.
    row = [
        Word("yayılmıştır.", 56.2, 362.7, 114.6, 375.0, 10.5),
        Word("1", 114.6, 360.1, 120.1, 370.3, 8.7),
        Word("Ticaret", 150.4, 362.7, 188.3, 375.0, 10.5),
        Word("Bakanlığı'nın", 218.6, 362.7, 288.5, 375.0, 10.5),
    ]
    (line,) = build_lines(rows_of(row), page=0)
    assert (line.text, line.cell, line.markers) == ("yayılmıştır. Ticaret Bakanlığı'nın", False, ("1",))


def test_a_stretched_row_of_capitalised_words_is_text_where_a_line_of_text_has_its_edges() -> None:
    # "Correspondence Metadata Interchange" in a justified column: no lower-case word, no clause
    # mark, but it starts and ends where the line of text above it does.
    above = spaced(100, "und Datum stark strukturiert sind. Die", 0.0)
    row = spaced(114, "Correspondence Metadata Interchange", 0.0)
    end = above[-1].x1 + 40
    for words in (above, row):
        gap = (end - 72 - sum(w.x1 - w.x0 for w in words)) / (len(words) - 1)
        words[:] = spaced(words[0].top, " ".join(w.text for w in words), gap)
    texts = [line.text for line in build_lines(rows_of(above + row), page=0)]
    assert texts == ["und Datum stark strukturiert sind. Die", "Correspondence Metadata Interchange"]
    # ... while short codes or numbers on their own between those edges stay cells.
    codes = spaced(114, "Ta Tb 8.a", (end - 72 - 5 * 7) / 2)
    assert [line.text for line in build_lines(rows_of(above + codes), page=0)][1:] == ["Ta", "Tb", "8.a"]


def justified_to(y: float, text: str, end: float) -> list[Word]:
    """Words of `text` from x = 72 to `end`, every gap alike (a justified line)."""
    words = spaced(y, text, 0.0)
    return spaced(y, text, (end - 72 - sum(w.x1 - w.x0 for w in words)) / (len(words) - 1))


def test_a_stretched_row_over_a_stretched_line_of_text_is_text() -> None:
    # rl_de.pdf: a paragraph's first line of three long German words, 6.9 em apart, over a line
    # whose word spaces are stretched too (1.9 em): no line of plain word spaces beside it, so the
    # first line was dropped as three table cells.
    first = justified_to(100, "Frühere Arbeiten nutzten", 320)
    below = justified_to(111.5, "Grundwasserstandsschwankungen, Lysimeter und", 320)
    lines = build_lines(rows_of(first + below), page=0)
    assert [(line.text, line.cell) for line in lines] == [
        ("Frühere Arbeiten nutzten", False),
        ("Grundwasserstandsschwankungen, Lysimeter und", False),
    ]
    # ... while short codes between those edges stay cells.
    codes = justified_to(100, "Ta Tb 8.a", 320)
    assert [line.text for line in build_lines(rows_of(codes + below), page=0)][:3] == ["Ta", "Tb", "8.a"]


def test_a_word_space_of_a_full_width_line_over_a_narrow_gutter_is_no_column_break() -> None:
    # band.pdf: table cells spilling into the gutter of the columns under a full-width block made
    # the gutter 0.8 em wide, and that block's justified line was cut at the word space over it
    # ("... with a Monte" | "Carlo simulation ...").
    row = spaced(100, "was propagated with a Monte Carlo simulation of ten", 5.5, x=200)
    start = next(w.x1 for w in row if w.text == "Monte")
    gutter = (start - 1.0, start + 7.0)
    lines = build_lines(rows_of(row), page=0, gutter=gutter)
    assert [line.text for line in lines] == ["was propagated with a Monte Carlo simulation of ten"]
    # ... while two lines of the columns, their word spaces narrower than that gutter, are cut there.
    left = spaced(120, "the left column ends here", 2.5, x=gutter[0] - 115.0)
    right = spaced(120, "and the right one starts", 2.5, x=gutter[1])
    assert [line.text for line in build_lines(rows_of(left + right), page=0, gutter=gutter)] == [
        "the left column ends here",
        "and the right one starts",
    ]


def tracked(y: float, text: str, *, x: float = 72, size: float = 10, tracking: float = 3.0) -> list[Word]:
    """`text` letter-spaced, one word per letter as PDFium gives it: each letter 6 points wide,
    `tracking` points after it, a word space of 2.5 points more."""
    words = []
    for char in text:
        if char == " ":
            x += 2.5
            continue
        words.append(Word(char, x, y, x + 6, y + size, size))
        x += 6 + tracking
    return words


def test_letter_spaced_capitals_are_read_as_the_words_they_spell() -> None:
    # A title or heading set in tracked capitals came one letter a word ("I N T R O D U C T I O N"):
    # the title was listed as `authors` (the document had none) and the heading as a `fragment`.
    rows = rows_of(tracked(100, "HARBOUR TABLES OF THE NORTH COAST") + tracked(140, "INTRODUCTION", tracking=5))
    assert [[w.text for w in row] for row in rows] == [["HARBOUR", "TABLES", "OF", "THE", "NORTH", "COAST"], ["INTRODUCTION"]]
    assert rows[1][0].x0 == 72 and rows[1][0].x1 == 72 + 11 * 11 + 6


@pytest.mark.parametrize(
    "row",
    [
        sentence(100, "we set a b c as the three values of the scale"),  # three one-letter words
        sentence(100, "I think a x is a y"),  # one-letter words between longer ones
        words_at(100, (72, "A"), (100, "C"), (128, "G"), (156, "T"), (184, "A")),  # a table's cells, far apart
        # Four one-letter words in a row of prose (the review's "ACGT", "xyzw") and a narrow table's
        # Y/N cells (a row of its own, no vowel): were joined into one word.
        sentence(100, "the genome uses the four bases A C G T in every strand we read"),
        sentence(100, "and the variables x y z w denote the four coordinates"),
        tracked(100, "Y N N Y Y N", tracking=4.0),
    ],
    ids=["three-letters", "scattered", "table-cells", "bases-in-prose", "variables-in-prose", "yes-no-cells"],
)
def test_one_letter_words_of_prose_or_a_table_stay_as_they_are(row: list[Word]) -> None:
    assert [w.text for w in rows_of(row)[0]] == [w.text for w in sorted(row, key=lambda w: w.x0)]


def test_a_letter_spaced_title_and_headings_are_found_in_a_pdf() -> None:
    reportlab = pytest.importorskip("reportlab")
    del reportlab
    from pdfgen import sentences, tracked_pdf
    from synopsis.pdf import extract

    found = extract(tracked_pdf(), source="T.pdf")
    assert found.title == "HARBOUR TABLES OF THE NORTH COAST"
    assert [found.text[a:b] for a, b in found.headings] == ["INTRODUCTION", "MATERIALS AND METHODS"]
    assert found.abstract == " ".join(sentences("A", 5))
    assert {item.reason for item in found.removed_text} == {"abstract_heading"}
