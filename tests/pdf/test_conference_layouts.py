"""First pages of IEEE, ACM and Elsevier articles: an abstract set in bold after a run-in
"Abstract—", author blocks side by side above two columns, and an "Article info" sidebar beside
the abstract. Each was read wrong before: the abstract cut after its first line, the second
author's block read into the body's sentence, the sidebar's lines read between the abstract's."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from reportlab.pdfbase.pdfmetrics import stringWidth

from pdfgen import BOLD, HEIGHT, REGULAR, WIDTH, Page, build, sentences, wrap
from synopsis.pdf import extract
from synopsis.pdf.document import PdfText

ITALIC = "Times-Italic"
LEFT, GUTTER = 54.0, 14.0
COLUMN = (WIDTH - 2 * LEFT - GUTTER) / 2


def _justified(page: Page, x: float, y: float, line: str, width: float | None, *, font: str = REGULAR, size: float = 10) -> None:
    """One line, its words spread to `width` (None: ragged, a paragraph's last line)."""
    words = line.split()
    widths = [stringWidth(word, font, size) for word in words]
    space = stringWidth(" ", font, size)
    if width is not None and len(words) > 1:
        space = max(space, (width - sum(widths)) / (len(words) - 1))
    for word, w in zip(words, widths, strict=True):
        page.text(x, y, word, font=font, size=size)
        x += w + space


class _Columns:
    """Paragraphs flowed down two columns from `top`, then onto new pages."""

    def __init__(self, pages: list[Page], top: float) -> None:
        self.pages, self.top, self.y, self.column = pages, top, top, 0

    def paragraph(self, text: str, *, font: str = REGULAR, size: float = 10, gap: float = 4) -> None:
        lines = wrap(text, COLUMN, font=font, size=size)
        for i, line in enumerate(lines):
            if self.y + 1.2 * size > HEIGHT - 70:
                if self.column == 0:
                    self.column, self.y = 1, self.top
                else:
                    self.pages.append(Page())
                    self.column, self.y, self.top = 0, 60.0, 60.0
            x = LEFT + self.column * (COLUMN + GUTTER)
            _justified(self.pages[-1], x, self.y, line, None if i == len(lines) - 1 else COLUMN, font=font, size=size)
            self.y += 1.2 * size
        self.y += gap


def _body(flow: _Columns, headings: tuple[str, ...]) -> None:
    for k, heading in enumerate(headings):
        flow.paragraph(heading, font=BOLD, gap=3)
        for j in range(3):
            flow.paragraph(" ".join(sentences(f"S{k}P{j}", 4)))


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _assert_body_whole(found: PdfText, sections: int) -> None:
    """Every body sentence once, whole and in order, with nothing between two of them."""
    body = _flat(found.body)
    expected = [sentence for k in range(sections) for j in range(3) for sentence in sentences(f"S{k}P{j}", 4)]
    at = [body.find(sentence) for sentence in expected]
    assert -1 not in at and at == sorted(at)


def test_an_abstract_set_in_bold_after_a_run_in_label_is_read_whole() -> None:
    # IEEE: "Abstract—" in bold italic, the abstract in bold, in the first column; the body's
    # bold headings would cut the abstract at its second line, read as a heading.
    pages = [Page()]
    title = "Learning Sparse Graph Representations for Traffic Forecasting"
    pages[0].text((WIDTH - stringWidth(title, REGULAR, 22)) / 2, 60, title, size=22)
    flow = _Columns(pages, 120)
    abstract = " ".join(sentences("AB", 5))
    lines = wrap(f"Abstract\u2014{abstract}", COLUMN, font=BOLD, size=9)
    for i, line in enumerate(lines):
        y = 120 + i * 10.8
        if i == 0:
            pages[0].text(LEFT, y, "Abstract\u2014", font="Times-BoldItalic", size=9)
            line = line.removeprefix("Abstract\u2014")
            _justified(
                pages[0], LEFT + stringWidth("Abstract\u2014", "Times-BoldItalic", 9), y, line, COLUMN - 42, font=BOLD, size=9
            )
        else:
            _justified(pages[0], LEFT, y, line, None if i == len(lines) - 1 else COLUMN, font=BOLD, size=9)
    flow.y = 120 + len(lines) * 10.8 + 6
    flow.paragraph("Index Terms\u2014deep learning, graph neural networks, traffic forecasting", font=BOLD, size=9, gap=8)
    _body(flow, ("I. INTRODUCTION", "II. RELATED WORK", "III. METHOD"))
    found = extract(build(pages), source="ieee.pdf")
    assert found.title == title
    assert _flat(found.abstract) == abstract
    assert "AB" not in found.body and "Index Terms" not in found.body
    _assert_body_whole(found, 3)


def test_author_blocks_side_by_side_above_two_columns_stay_out_of_the_body() -> None:
    # ACM: a title in two tightly led lines (their font boxes touch), then one author block over
    # each column, then the abstract and the body in two columns.
    pages = [Page()]
    pages[0].text(LEFT, 56, "Scaling Retrieval-Augmented Generation for Scientific", font="Helvetica-Bold", size=17)
    pages[0].text(LEFT, 76, "Question Answering", font="Helvetica-Bold", size=17)
    authors = (
        ("Alice Smith", "University of Leeds", "Leeds, United Kingdom", "a.smith@leeds.ac.uk"),
        ("Bob Jones", "Tsinghua University", "Beijing, China", "bjones@tsinghua.edu.cn"),
    )
    for k, block in enumerate(authors):
        for j, line in enumerate(block):
            pages[0].text(140 + 200 * k, 105 + 12 * j, line, font="Helvetica", size=11 if j == 0 else 9)
    flow = _Columns(pages, 175)
    flow.paragraph("ABSTRACT", font="Helvetica-Bold", size=9, gap=2)
    flow.paragraph(" ".join(sentences("AB", 6)), size=9, gap=6)
    _body(flow, ("1 INTRODUCTION", "2 RELATED WORK", "3 METHOD", "4 RESULTS"))
    found = extract(build(pages), source="acm.pdf")
    assert found.title == "Scaling Retrieval-Augmented Generation for Scientific Question Answering"
    assert _flat(found.abstract) == " ".join(sentences("AB", 6))
    for line in (*authors[0], *authors[1]):
        assert line not in found.text
        assert any(item.text == line for item in found.removed_text)
    _assert_body_whole(found, 4)


def test_an_article_info_sidebar_beside_the_abstract_is_read_apart() -> None:
    # Elsevier: "ARTICLE INFO" (history dates, editor) in a narrow column left of the abstract,
    # whose lines cross the body's gutter; the body in two columns under both.
    pages = [Page()]
    page = pages[0]
    page.text(40, 120, "Soil carbon dynamics under conservation agriculture in", size=16)
    page.text(40, 140, "semi-arid smallholder farming systems", size=16)
    page.text(40, 166, "Hannah Schmidt a,*, Peter Novak b", size=11)
    page.text(40, 184, "a Institute of Soil Science, University of Basel, Switzerland", font=ITALIC, size=7.5)
    sidebar = [
        "Article history:",
        "Received 4 January 2024",
        "Received in revised form",
        "1 March 2024",
        "Accepted 9 March 2024",
        "Available online 20 March 2024",
        "Handling Editor: Lixiao Zhang",
    ]
    page.text(40, 216, "A R T I C L E  I N F O", font=BOLD, size=8)
    page.text(200, 216, "A B S T R A C T", font=BOLD, size=8)
    for j, line in enumerate(sidebar):
        page.text(40, 236 + 10 * j, line, font=ITALIC if line.endswith(":") else REGULAR, size=7.5)
    abstract = " ".join(sentences("AB", 8))
    lines = wrap(abstract, WIDTH - 240, size=8.5)
    for i, line in enumerate(lines):
        _justified(page, 200, 236 + 10.5 * i, line, None if i == len(lines) - 1 else WIDTH - 240, size=8.5)
    _body(_Columns(pages, 236 + 10.5 * len(lines) + 20), ("1. Introduction", "2. Methods", "3. Results"))
    found = extract(build(pages), source="elsevier.pdf")
    assert found.title == "Soil carbon dynamics under conservation agriculture in semi-arid smallholder farming systems"
    assert _flat(found.abstract) == abstract
    removed = " ".join(item.text for item in found.removed_text)
    assert all(line in removed and line not in found.text for line in sidebar)
    _assert_body_whole(found, 3)


def test_a_bold_abstract_without_a_label_over_two_columns_is_the_abstract() -> None:
    # Nature: the summary paragraph in bold, with no heading, beside the article's dates; the body
    # opens under it in two columns with no introduction heading. It was read as one long heading.
    pages = [Page()]
    page = pages[0]
    page.text(LEFT, 50, "Article", font="Helvetica-Bold", size=12)
    page.text(LEFT, 80, "A widespread decline of river ice", font="Helvetica-Bold", size=24)
    page.text(LEFT, 108, "across the Northern Hemisphere", font="Helvetica-Bold", size=24)
    for j, line in enumerate(("Received: 4 January 2023", "Accepted: 9 March 2024", "Published online: 20 March 2024")):
        page.text(LEFT, 156 + 10 * j, line, size=7)
    page.text(LEFT + 140, 146, "Xiao Yang, Tamlin M. Pavelsky & George H. Allen", size=10)
    abstract = " ".join(sentences("AB", 7))
    lines = wrap(abstract, WIDTH - 2 * LEFT - 140, font=BOLD)
    y = page.block(LEFT + 140, 176, lines, font=BOLD, leading=12.5) + 14
    _body(_Columns(pages, y), ("River ice observations", "Drivers of decline", "Discussion"))
    found = extract(build(pages), source="nature.pdf")
    assert _flat(found.abstract) == abstract
    assert "AB0" not in found.body
    assert found.text[slice(*found.headings[0])] == "River ice observations"  # no heading of the abstract
    _assert_body_whole(found, 3)


def _titled_page() -> tuple[Page, float]:
    """A page with a title and a four-sentence abstract, and the height under them."""
    page = Page()
    page.text(72, 60, "Learning Sparse Graph Representations for Traffic Forecasting", font=BOLD, size=18)
    page.text(72, 100, "Abstract", font=BOLD, size=11)
    return page, page.block(72, 118, wrap(" ".join(sentences("AB", 4)), 450), leading=12) + 12


def test_a_subsection_heading_right_under_a_section_heading_is_a_heading_of_its_own() -> None:
    # IEEE: "III. METHOD" in capitals, then at once "A. Graph Construction" in italics.
    page, y = _titled_page()
    page.text(250, y, "III. METHOD")
    page.text(72, y + 13, "A. Graph Construction", font=ITALIC)
    page.block(72, y + 28, wrap(" ".join(sentences("PA", 6)), 450), leading=12)
    found = extract(build([page]), source="ieee.pdf")
    assert [found.text[start:end] for start, end in found.headings] == ["III. METHOD", "A. Graph Construction"]
    assert " ".join(sentences("PA", 6)) in _flat(found.body)


def test_a_drop_cap_joins_its_word_and_keeps_the_paragraph_whole() -> None:
    # IEEE Transactions: the introduction's first letter set large over two lines, the rest of
    # the word in small capitals ("T" "HIS"); the second line starts right of the letter.
    page, y = _titled_page()
    page.text(72, y, "1 Introduction", font=BOLD, size=11)
    y += 20
    page.text(72, y - 2, "T", size=26)
    indent = 72 + stringWidth("T", REGULAR, 26) + 2
    text = "HIS paper studies how sparse graphs help forecasting. " + " ".join(sentences("PA", 6))
    first, second, *rest = wrap(text, 450 - (indent - 72))
    page.text(indent, y, "HIS", size=8)
    page.text(indent + stringWidth("HIS ", REGULAR, 8), y, first.removeprefix("HIS "))
    page.text(indent, y + 12, second)
    page.block(72, y + 24, wrap(" ".join(rest), 450), leading=12)
    found = extract(build([page]), source="dropcap.pdf")
    paragraphs = found.body.split("\n\n")
    assert paragraphs[1].strip() == "THIS paper studies how sparse graphs help forecasting. " + " ".join(sentences("PA", 6))


def test_a_reference_list_in_smaller_print_is_listed_as_references() -> None:
    # IEEE and ACM set the references smaller than the text: they were listed line by line as
    # small print, with only the heading under "references".
    page, y = _titled_page()
    page.text(72, y, "1 Introduction", font=BOLD, size=11)
    y = page.block(72, y + 18, wrap(" ".join(sentences("PA", 8)), 450), leading=12) + 10
    page.text(72, y, "References", font=BOLD, size=11)
    entries = [
        f"[{i}] A. Author and B. Writer, A paper on graphs number {i}, in Proc. CVPR, 2020, pp. {i}1-{i}9." for i in range(1, 6)
    ]
    page.block(72, y + 16, entries, size=8, leading=10)
    found = extract(build([page]), source="refs.pdf")
    assert found.removed.get("small_print", 0) == 0
    references = " ".join(item.text for item in found.removed_text if item.reason == "references")
    assert all(entry in references for entry in entries)


def test_highlights_above_the_abstract_are_a_box_not_the_body_opening() -> None:
    # An Elsevier manuscript: "Highlights", three bulleted points in the body's size, then the
    # abstract. The points opened the body (and could be chosen for the summary).
    page = Page()
    page.text(72, 60, "Soil carbon dynamics under conservation agriculture", font=BOLD, size=16)
    page.text(72, 90, "Hannah Schmidt, Peter Novak", size=11)
    page.text(72, 120, "Highlights", font=BOLD, size=11)
    points = ["Conservation tillage raised soil carbon by a fifth within six years.", "Gains were largest on sandy soils."]
    for j, point in enumerate(points):
        page.text(80, 138 + 13 * j, f"\u2022 {point}")
    page.text(72, 180, "Abstract", font=BOLD, size=11)
    y = page.block(72, 198, wrap(" ".join(sentences("AB", 4)), 450), leading=12) + 18
    page.text(72, y, "1. Introduction", font=BOLD, size=11)
    page.block(72, y + 18, wrap(" ".join(sentences("PA", 10)), 450), leading=12)
    found = extract(build([page]), source="highlights.pdf")
    assert _flat(found.abstract) == " ".join(sentences("AB", 4))
    assert found.body.lstrip().startswith("1. Introduction")
    boxed = [item.text for item in found.removed_text if item.reason == "box"]
    assert boxed == ["Highlights", *(f"\u2022 {point}" for point in points)]


# What a review of these rules found them doing to pages they were not made for.


def _two_columns(page: Page, x: float, y: float, paragraphs: list[str]) -> None:
    for paragraph in paragraphs:
        for line in wrap(paragraph, COLUMN):
            page.text(x, y, line)
            y += 12
        y += 4


def test_short_lines_opening_both_columns_of_a_body_page_are_no_author_blocks() -> None:
    # Page 2 opens each column with two short lines (a list, a displayed clause) over a blank strip:
    # read across the columns as author blocks, the right column's lines landed in the left's text.
    first = Page()
    first.text(LEFT, 60, "Harbour Bridges of the Old Coast", font=BOLD, size=18)
    _two_columns(first, LEFT, 100, [" ".join(sentences(f"L{k}", 5)) for k in range(5)])
    _two_columns(first, LEFT + COLUMN + GUTTER, 100, [" ".join(sentences(f"R{k}", 5)) for k in range(5)])
    second = Page()
    for k, text in enumerate(["(a) the harbour and the old bridge;", "(b) the market by the river."]):
        second.text(LEFT + 60, 60 + 12 * k, text)
    for k, text in enumerate(["the garden by the forest, and", "the letter in the window are"]):
        second.text(LEFT + COLUMN + GUTTER + 60, 60 + 12 * k, text)
    _two_columns(second, LEFT, 100, ["where the terms are as follows. " + " ".join(sentences("PL", 6))])
    _two_columns(second, LEFT + COLUMN + GUTTER, 100, ["which closes the set. " + " ".join(sentences("PR", 6))])
    body = extract(build([first, second]), source="body.pdf").body
    assert "(b) the market by the river.\n\nwhere the terms" in body
    assert "window are\n\nwhich closes the set" in body or "window are which closes the set" in body


def test_bullet_points_after_the_abstract_without_a_highlights_heading_stay_in_the_body() -> None:
    # An introduction without a heading listing its contributions: the points were removed as a box.
    page = Page()
    y = 60
    page.text(72, y, "A Study of Harbour Bridges and Their Markets", font=BOLD, size=18)
    y += 30
    page.text(72, y, "Jane Doe and John Smith", size=11)
    y += 24
    page.text(72, y, "Abstract", font=BOLD, size=10)
    y += 14
    for line in wrap(" ".join(sentences("AB", 5)), 450):
        page.text(72, y, line)
        y += 12
    y += 10
    page.text(72, y, "We study harbour bridges in old towns. Our contributions are as follows.")
    y += 12
    for sentence in sentences("BU", 2):
        page.text(72, y, "• " + sentence)
        y += 12
    y += 10
    page.text(72, y, "2 Methods", font=BOLD, size=12)
    y += 16
    for line in wrap(" ".join(sentences("M0", 4)), 450):
        page.text(72, y, line)
        y += 12
    found = extract(build([page]), source="probe.pdf")
    assert "• In part BU0" in found.body and "• In part BU1" in found.body
    assert all(item.reason != "box" for item in found.removed_text)


def test_a_bold_run_in_abstract_ends_at_an_unnumbered_bold_heading_close_under_it() -> None:
    # "Harbour Bridges in Context", bold in the abstract's size 3 pt under it: the heading and the
    # paragraph under it were read into the abstract.
    page = Page()
    y = 60
    page.text(72, y, "A Study of Harbour Bridges and Their Markets", font=BOLD, size=18)
    y += 30
    page.text(72, y, "Jane Doe and John Smith", size=11)
    y += 24
    for line in wrap("Abstract—" + " ".join(sentences("AB", 5)), 450, font=BOLD):
        page.text(72, y, line, font=BOLD)
        y += 12
    y += 3
    for heading, parts in (("Harbour Bridges in Context", ("B0", "B1")), ("Methods of the Survey", ("M0", "M1", "M2"))):
        page.text(72, y, heading, font=BOLD, size=10)
        y += 14
        for part in parts:
            for line in wrap(" ".join(sentences(part, 4)), 450):
                page.text(72, y, line)
                y += 12
            y += 6
    found = extract(build([page]), source="probe.pdf")
    assert found.abstract.startswith("In part AB0") and "AB4" in found.abstract
    assert "Harbour Bridges" not in found.abstract and "B00" not in found.abstract
    assert found.body.startswith("Harbour Bridges in Context")
