"""Joining lines into paragraphs: hyphens, paragraph breaks, headings, the reference cut."""

from __future__ import annotations

import pytest

pytest.importorskip("pypdfium2")

from synopsis.pdf.headings import BodyStyle, is_heading_line
from synopsis.pdf.lines import Line
from synopsis.pdf.paragraphs import body_blocks, join_lines, vocabulary_of
from synopsis.pdf.removed import Removals

STYLE = BodyStyle(10.0)


def line(text: str, top: float, *, x0: float = 72, x1: float = 520, size: float = 10, bold: bool = False, **kw: object) -> Line:
    return Line(text, x0, top, x1, top + size, size, page=0, bold=bold, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "left, right, elsewhere, joined",
    [
        ("the inter-", "vention of", "", "the intervention of"),
        ("the Soviet-", "dominated bloc", "a Soviet-dominated state", "the Soviet-dominated bloc"),
        ("a self-", "report scale", "", "a self-report scale"),
        ("ideological-", "political types", "ideological and political views", "ideological-political types"),
        ("down-", "stream analyses", "the stream and down", "downstream analyses"),
        ("sport-", "for-change is", "sport-for-change works", "sport-for-change is"),
        ("the", "next line", "", "the next line"),
        ("the IOJ—", "an icon", "", "the IOJ—an icon"),
        # a Greek letter before a Latin word is a compound's hyphen: "Ctβglobin" was read
        ("the Ctβ-", "globin gene", "", "the Ctβ-globin gene"),
        ("an α-", "helix", "", "an α-helix"),
        ("the HbA1-", "globin gene", "", "the HbA1-globin gene"),  # a digit before it: kept already
        ("την επιστη-", "μονική", "", "την επιστημονική"),  # a Greek word's syllables still join
        ("la caté-", "gorie", "", "la catégorie"),
        # a review: only a Greek letter right before the hyphen, and a Latin word after it
        ("the Ωme-", "ga point", "", "the Ωmega point"),
    ],
)
def test_line_end_hyphens(left: str, right: str, elsewhere: str, joined: str) -> None:
    lines = [line(left, 100), line(right, 112)]
    vocabulary = vocabulary_of([*lines, line(elsewhere, 200)])
    assert join_lines(lines, vocabulary) == joined


def test_a_short_line_that_ends_in_a_title_or_reference_abbreviation_goes_on() -> None:
    # Ragged-right text: a line may stop after "Dr." or "(vgl." and the sentence goes on below.
    lines = [
        line("Ob diese Erwartung zutrifft, ist bislang kaum geprüft worden. Dr.", 100, x1=420),
        line("Meier und Prof. Dr. Schulz haben z. B. argumentiert, dass sie bleiben (vgl.", 112, x1=400),
        line("Müller 2021, S. 45). Viele sprachen von einem Schub, wie z.", 124, x1=380),
        line("B. hier. Die Zahl der Formate stieg.", 136, x1=300),
        line("Ein neuer Absatz beginnt nach dem kurzen Satzende.", 148, x1=520),
    ]
    blocks = body_blocks(lines, STYLE, vocabulary_of(lines), {})
    assert [b.text[:24] for b in blocks] == ["Ob diese Erwartung zutri", "Ein neuer Absatz beginnt"]
    assert "worden. Dr. Meier und" in blocks[0].text and "(vgl. Müller 2021" in blocks[0].text


def test_a_short_line_that_ends_in_a_single_letter_ends_its_paragraph_unless_the_next_goes_on() -> None:
    # "S.", "p.", "z." end sentences too ("... in the set S."): only a continuation keeps them open.
    lines = [
        line("The elements were collected in the set S.", 100, x1=300),
        line("We now turn to the second question of this study.", 112, x1=520),
        line("It was discussed before (Robine, 2008, p.", 124, x1=330),
        line("171) and again later by others in the field.", 136, x1=520),
    ]
    blocks = body_blocks(lines, STYLE, vocabulary_of(lines), {})
    assert [b.text[:24] for b in blocks] == ["The elements were collec", "We now turn to the secon"]
    assert "(Robine, 2008, p. 171) and again" in blocks[1].text


def test_soft_hyphen_flag_joins_without_a_hyphen_in_the_text() -> None:
    lines = [line("organizing published scientific litera", 100, hyphenated=True), line("ture into a graph", 112)]
    assert join_lines(lines, vocabulary_of(lines)) == "organizing published scientific literature into a graph"


def test_paragraphs_break_at_gaps_indents_and_short_lines_and_go_on_across_columns() -> None:
    lines = [
        line("First paragraph starts here and fills", 100, x1=290, region=1),
        line("the column to its end.", 112, x1=180, region=1),
        line("Second paragraph is indented at its", 124, x0=84, x1=290, region=1),
        line("start and runs on into the next", 136, x1=290, region=1),
        line("column without a break.", 100, x0=310, x1=420, region=2),
        line("Third paragraph follows a gap.", 130, x0=310, x1=520, region=2),
    ]
    blocks = body_blocks(lines, STYLE, vocabulary_of(lines), {})
    assert [b.text for b in blocks] == [
        "First paragraph starts here and fills the column to its end.",
        "Second paragraph is indented at its start and runs on into the next column without a break.",
        "Third paragraph follows a gap.",
    ]


def test_headings_by_font_and_the_reference_list_cut() -> None:
    removed = Removals()
    lines = [
        line("Introduction", 80, size=12, bold=True),
        *[line(f"Body sentence number {i} of the article goes here.", 100 + 12 * i) for i in range(8)],
        line("Czechoslovakia after the communist coup", 220, bold=True),
        line("Text of the second section ends here.", 240),
        line("References", 270, size=12, bold=True),
        line("Knuth, D. (1984). Literate programming.", 290),
    ]
    blocks = body_blocks(lines, STYLE, vocabulary_of(lines), removed)
    assert [(b.kind, b.text[:20]) for b in blocks] == [
        ("heading", "Introduction"),
        ("paragraph", "Body sentence number"),
        ("heading", "Czechoslovakia after"),
        ("paragraph", "Text of the second s"),
    ]
    assert removed.counts["references"] == 1


def test_heading_lines() -> None:
    assert is_heading_line(line("2. Political History of Czechoslovakia", 0, bold=True), STYLE)
    assert is_heading_line(line("INTRODUCTION", 0), STYLE)
    assert is_heading_line(line("2.1. Four Periods between 1918 and 1948", 0, italic=True), STYLE)
    assert not is_heading_line(line("A bold sentence that ends like one.", 0, bold=True), STYLE)
    assert not is_heading_line(line("an ordinary line of body text", 0), STYLE)
    assert not is_heading_line(line("Figure 3: a caption in bold", 0, bold=True), STYLE)


def test_a_sentence_end_of_figures_on_a_line_of_its_own_is_read_not_dropped_as_a_fragment() -> None:
    # "(Etzioni," / "2011)." and "with R2 =" / "0.81.": the last line has few letters, yet it ends
    # the paragraph's sentence; a line of figures alone (a table's "0.81") is still a fragment.
    lines = [
        line("engines that read the literature for the reader (Etzioni,", 100),
        line("2011).", 112, x1=110),
        line("A new paragraph, set apart, reports the fit of the model with R2 =", 136),
        line("0.81.", 148, x1=100),
        line("0.81", 172, x1=100),
    ]
    removed = Removals()
    blocks = body_blocks(lines, STYLE, vocabulary_of(lines), removed)
    assert [b.text for b in blocks] == [
        "engines that read the literature for the reader (Etzioni, 2011).",
        "A new paragraph, set apart, reports the fit of the model with R2 = 0.81.",
    ]
    assert [r.text for r in removed.items] == ["0.81"]


def test_where_line_end_breaks_are_u2010_a_hyphen_at_a_line_end_is_the_words_own() -> None:
    # Chromium prints a soft hyphen's break as U+2010 and the text's hyphens as "-", which PDFium
    # flags at a line end as if it were a break: "log-" / "transformation" keeps its hyphen,
    # "univa‐" / "riate" is one word (it was "univa-riate" and "logtransformation").
    lines = [
        line("analysed after log", 100, hyphenated=True),
        line("transformation in univa\u2010", 112),
        line("riate models of the well-known data and contri\u2010", 124),
        line("butions of each.", 136),
    ]
    text = join_lines(lines, vocabulary_of(lines))
    assert text == "analysed after log-transformation in univariate models of the well-known data and contributions of each."


def test_a_title_broken_after_its_hyphen_keeps_it() -> None:
    from synopsis.pdf.front import find_title

    lines = [
        line("The Relationship between Telomere Length in Community", 100, size=18, hyphenated=True),
        line("Dwelling Elderly Women", 122, size=18),
        line("Body text in the body font follows here.", 160),
    ]
    title, _ = find_title(lines, STYLE, page_height=800)
    assert title == "The Relationship between Telomere Length in Community-Dwelling Elderly Women"


@pytest.mark.parametrize(
    "heading",
    [
        "2. Study Area and Methods",
        "3.1 Materials and Methods",
        "III. Results and Discussion",
        "2. Literature Review and Hypotheses",  # the second review's: words the lexicon does not know
        "2. Stand der Forschung",
    ],
)
def test_a_numbered_section_heading_is_no_title(heading: str) -> None:
    # A page starting inside an article (its first page cut off): its largest line, a numbered
    # heading, was taken for the title.
    from synopsis.pdf.front import find_title

    lines = [line(heading, 100, size=14), line("Body text in the body font follows here and goes on.", 130)]
    assert find_title(lines, STYLE, page_height=800)[0] == ""


@pytest.mark.parametrize(
    "title",
    [
        "3D Printing of Bone Scaffolds",
        "1984 and the Surveillance State",
        "2 Degrees of Warming in Cities",
        "1.5 °C Pathways and the Future of the Global Energy System",  # the review's: numbered so, no heading
        "9. November 1989: Die Nacht, in der die Mauer fiel",
        "2.5 Million Years of Stone Tools in East Africa",
        "XX. századi magyar irodalom és társadalom",
    ],
)
def test_a_title_opening_with_a_number_is_still_the_title(title: str) -> None:
    from synopsis.pdf.front import find_title

    lines = [line(title, 100, size=18), line("Body text in the body font follows here and goes on.", 130)]
    assert find_title(lines, STYLE, page_height=800)[0] == title


def test_a_bold_label_over_a_tables_notes_goes_with_them_not_into_the_body_as_a_heading() -> None:
    # Was: "Notes." (bold, in the notes' small print) kept as a heading once its notes went as small
    # print; cleaning dropped the "Notes" section it opened, with the body paragraphs after it (a
    # PeerJ article lost three paragraphs of its Results).
    pytest.importorskip("reportlab")
    from pdfgen import BOLD, Page, build, sentences, wrap
    from synopsis.ingest.pdf import read_pdf_bytes
    from synopsis.pdf import extract
    from synopsis.pipeline import build_document

    page = Page()
    page.text(72, 60, "Harbour Bridges of the Old Towns", font=BOLD, size=16)
    page.text(72, 100, "1 Results", font=BOLD, size=12)
    y = page.block(72, 120, wrap(" ".join(sentences("PA", 6)), 450), leading=13) + 14
    page.text(72, y, "Table 1 Bridges counted in each town", size=10)
    page.text(72, y + 14, "Town  Bridges  Keepers  Notes", size=8)
    page.text(72, y + 24, "Ashby  12  3  a", size=8)
    page.text(72, y + 40, "Notes.", font=BOLD, size=7.5)
    page.text(72, y + 49, "a Indicates towns whose keepers were counted twice in the spring survey.", size=7.5)
    y = page.block(72, y + 72, wrap(" ".join(sentences("PB", 6)), 450), leading=13)
    data = build([page])
    found = extract(data, source="notes.pdf")
    assert "Notes." not in [found.text[a:b] for a, b in found.headings]
    assert "Notes." in [item.text for item in found.removed_text if item.reason == "small_print"]
    body = " ".join(s.text for s in build_document(read_pdf_bytes(data, source="notes.pdf")).sentences)
    assert all(sentence in body for sentence in sentences("PB", 6))


def test_a_numbered_list_with_a_hanging_indent_keeps_each_item_whole() -> None:
    # Was: "1. the organization ... within the" | "department 2. the stakeholder views ... quality" |
    # "of care in the Medical Department": each hanging line read as an indented first line.
    lines = [
        line("The first paragraph of the section runs on to", 100, x1=290, region=1),
        line("the end of the column and stops here.", 112, x1=230, region=1),
        line("The specific objectives were to assess", 124, x0=84, x1=240, region=1),
        line("1. the organization of patient flow and care within the", 148, x1=290, region=1),
        line("department", 160, x0=84, x1=130, region=1),
        line("2. the stakeholder views and expectations of the quality", 172, x1=290, region=1),
        line("of care in the Medical Department", 184, x0=84, x1=200, region=1),
        line("A new paragraph opens with its first line indented", 208, x0=84, x1=290, region=1),
        line("and goes on at the left edge of the column.", 220, x1=250, region=1),
    ]
    blocks = body_blocks(lines, STYLE, vocabulary_of(lines), {})
    assert [b.text for b in blocks] == [
        "The first paragraph of the section runs on to the end of the column and stops here.",
        "The specific objectives were to assess",
        "1. the organization of patient flow and care within the department",
        "2. the stakeholder views and expectations of the quality of care in the Medical Department",
        "A new paragraph opens with its first line indented and goes on at the left edge of the column.",
    ]
    # A bullet list so set: each point stays whole, and the next bullet opens its own paragraph
    # after a point that ends its sentence (was: "... the paper. • Mary J. O'Connell conceived ...").
    bullets = [
        line("• Thomas A. Walsh performed the experiments and wrote", 100, x1=290, region=1),
        line("the paper and reviewed drafts of the paper.", 112, x0=84, x1=290, region=1),
        line("• Mary J. O'Connell conceived and designed the study", 124, x1=290, region=1),
        line("and reviewed drafts of the paper.", 136, x0=84, x1=200, region=1),
    ]
    assert [b.text for b in body_blocks(bullets, STYLE, vocabulary_of(bullets), {})] == [
        "• Thomas A. Walsh performed the experiments and wrote the paper and reviewed drafts of the paper.",
        "• Mary J. O'Connell conceived and designed the study and reviewed drafts of the paper.",
    ]


def test_an_indented_paragraph_after_a_one_line_list_item_is_not_glued_onto_it() -> None:
    # Was: "(a) the organization ... within the ward; We then turned to ..." as one paragraph (and
    # sentence): the indented first line of the next paragraph read as the item's hanging line.
    lines = [
        line("(a) the organization of patient flow and of care within the ward;", 100, x1=290, region=1),
        line("We then turned to the second question, which asked how the staff", 112, x0=84, x1=290, region=1),
        line("saw the changes and what they expected of them.", 124, x1=250, region=1),
    ]
    assert [b.text for b in body_blocks(lines, STYLE, vocabulary_of(lines), {})] == [
        "(a) the organization of patient flow and of care within the ward;",
        "We then turned to the second question, which asked how the staff saw the changes and what they expected of them.",
    ]
    # Lower case but after an item that ends in ";": the next line is no wrap of it either.
    lines[1] = line("we then turned to the second question, which asked how the staff", 112, x0=84, x1=290, region=1)
    assert len(body_blocks(lines, STYLE, vocabulary_of(lines), {})) == 2
    # After a "," the item's sentence goes on: the lower-case line is its hanging line (PeerJ's contributions).
    wrapped = [
        line("• Mary J. O'Connell conceived and designed the experiments, analyzed the data,", 100, x1=290, region=1),
        line("contributed reagents/materials/analysis tools, wrote the paper.", 112, x0=84, x1=250, region=1),
    ]
    assert len(body_blocks(wrapped, STYLE, vocabulary_of(wrapped), {})) == 1
