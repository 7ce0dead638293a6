"""Layouts of word processors, reports, theses and law reviews: a thesis's abstract page of several
paragraphs, a report's executive summary, a plain language summary after the abstract, a figure's
caption in small print low on the page, author lines under a title with no abstract or heading,
and a subtitle under the title. Each was read wrong before (the abstract cut after its first
paragraph, the executive summary set aside, the lay summary or the author lines opening the body,
the caption listed as a footnote, the subtitle read as the body's first heading)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from reportlab.pdfbase.pdfmetrics import stringWidth

from pdfgen import HEIGHT, REGULAR, WIDTH, Page, build, sentences, wrap
from synopsis.pdf import extract
from synopsis.pdf.document import PdfText

SANS, SANS_BOLD, BOLD = "Helvetica", "Helvetica-Bold", "Times-Bold"
LEFT = 72.0


class _Flow:
    """Paragraphs down one column from the top of each page, a new page when one is full."""

    def __init__(self, *, font: str = REGULAR, size: float = 11) -> None:
        self.pages: list[Page] = []
        self.font, self.size = font, size
        self.new_page()

    def new_page(self, top: float = 72.0) -> None:
        self.pages.append(Page())
        self.y = top

    def para(self, text: str, *, font: str | None = None, size: float | None = None, gap: float = 6, indent: float = 0) -> None:
        font, size = font or self.font, size or self.size
        for line in wrap(text, WIDTH - 2 * LEFT - indent, font=font, size=size):
            if self.y + 1.2 * size > HEIGHT - 72:
                self.new_page()
            self.pages[-1].text(LEFT + indent, self.y, line, font=font, size=size)
            self.y += 1.2 * size
        self.y += gap

    def pdf(self, tmp_path: Path, name: str) -> PdfText:
        path = tmp_path / f"{name}.pdf"
        path.write_bytes(build(self.pages))
        return extract(path, source=name)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _removed(found: PdfText, reason: str) -> str:
    return _flat(" ".join(item.text for item in found.removed_text if item.reason == reason))


def _headings(found: PdfText) -> list[str]:
    return [found.text[start:end] for start, end in found.headings]


def _contents(flow: _Flow, entries: list[str]) -> None:
    flow.para("Contents", font=BOLD, size=16, gap=12)
    for number, entry in enumerate(entries, start=1):
        width = stringWidth(entry, REGULAR, 12)
        dots = "." * int((WIDTH - 2 * LEFT - width - 30) / stringWidth(".", REGULAR, 12))
        flow.pages[-1].text(LEFT, flow.y, f"{entry} {dots}", size=12)
        flow.pages[-1].text(WIDTH - 84, flow.y, str(number), size=12)
        flow.y += 18


def _chapters(flow: _Flow, titles: list[str], *, numbered: str = "Chapter {k}") -> list[str]:
    """Each chapter on a new page; returns its sentences in order."""
    expected: list[str] = []
    for k, title in enumerate(titles, start=1):
        flow.new_page(150)
        flow.para(numbered.format(k=k), font=BOLD, size=18, gap=8)
        flow.para(title, font=BOLD, size=22, gap=24)
        for j in range(2):
            expected += sentences(f"K{k}P{j}", 4)
            flow.para(" ".join(sentences(f"K{k}P{j}", 4)))
    return expected


THESIS_ABSTRACT = (
    "This thesis studies how village councils in upland Nepal allocated irrigation water between 1950 and 2010.",
    "The first part shows that councils kept older rules of rotation when the state introduced new water laws.",
    "The thesis argues that local rules survived because they were cheaper to enforce than the state's rules.",
)


def _thesis_with_abstract_page() -> _Flow:
    """A thesis's title page, then its abstract page (THESIS_ABSTRACT's paragraphs), the flow left on it."""
    flow = _Flow(size=12)
    flow.y = 200
    flow.para("Water Rights and Village Councils in Upland Nepal, 1950-2010", font=BOLD, size=20, gap=40)
    flow.para("A thesis submitted for the degree of Doctor of Philosophy, University of Edinburgh")
    flow.new_page()
    flow.para("Abstract", font=BOLD, size=16, gap=12)
    for paragraph in THESIS_ABSTRACT:
        flow.para(paragraph, gap=10)
    return flow


def test_a_thesis_abstract_page_of_several_paragraphs_is_read_whole(tmp_path: Path) -> None:
    # The abstract was cut after its first paragraph, the rest listed as front matter.
    flow = _thesis_with_abstract_page()
    flow.new_page()
    flow.para("Acknowledgements", font=BOLD, size=16, gap=12)
    flow.para("I thank my supervisors for their patience and the farmers of the four villages for their time.")
    flow.new_page()
    _contents(flow, ["1 Introduction", "2 Sources", "3 Councils and the state"])
    expected = _chapters(flow, ["Introduction", "Sources", "Councils and the state"])
    found = flow.pdf(tmp_path, "thesis")
    assert found.abstract == " ".join(THESIS_ABSTRACT)
    assert "I thank my supervisors" in _removed(found, "front_matter")
    body = _flat(found.body)
    assert [body.find(sentence) for sentence in expected] == sorted(body.find(sentence) for sentence in expected)
    assert -1 not in [body.find(sentence) for sentence in expected] and "thesis" not in body


def test_a_reports_executive_summary_is_its_abstract(tmp_path: Path) -> None:
    # A report: cover page, contents, "Executive summary" with bullet points, then numbered
    # chapters. The summary was listed as front matter and no abstract found.
    flow = _Flow(font=SANS, size=11)
    flow.y = 250
    flow.para("Rural Bus Services After the Funding Cuts: Who Lost Access", font=SANS_BOLD, size=26, gap=4)
    flow.para("Research Report 2023/07", size=14, gap=30)  # no subtitle: a report's number
    flow.para("Northfield Policy Institute", size=12)
    flow.new_page()
    _contents(flow, ["Executive summary", "1. Introduction", "2. Findings"])
    flow.new_page()
    flow.para("Executive summary", font=SANS_BOLD, size=18, gap=10)
    flow.para("Between 2015 and 2022 the county withdrew funding from 41 rural bus routes.", gap=8)
    points = ["About 18,000 residents no longer have a bus to a town with a surgery.", "Older residents without a car lost most."]
    for point in points:
        flow.pages[-1].text(LEFT + 6, flow.y, "•", font=SANS, size=11)
        flow.para(point, indent=18, gap=3)
    flow.para("We recommend restoring the six routes that served the most residents without a car.", gap=6)
    flow.new_page()
    flow.para("1. Introduction", font=SANS_BOLD, size=16)
    flow.para(" ".join(sentences("R0P", 4)))
    flow.para("2. Findings", font=SANS_BOLD, size=16)
    flow.para(" ".join(sentences("R1P", 4)))
    found = flow.pdf(tmp_path, "report")
    assert found.title == "Rural Bus Services After the Funding Cuts: Who Lost Access"
    assert found.abstract.startswith("Between 2015 and 2022 the county withdrew funding")
    assert found.abstract.endswith("served the most residents without a car.")
    assert all(point in found.abstract for point in points)
    assert _flat(found.body).startswith("1. Introduction In part R0P0")


def _article_with_second_summary(heading: str, *, later: bool = False) -> _Flow:
    """Title, authors, an abstract, a second summary under `heading` in the body's size (right
    after the abstract, or `later` in the body), then two numbered sections."""
    flow = _Flow(size=10)
    flow.para("Woodland Loss and Rising Flood Peaks in Upland Catchments", font=BOLD, size=18, gap=8)
    flow.para("Megan Rhys and Tomasz Nowak, School of Geography, University of Bangor", gap=12)
    flow.para("Abstract", font=BOLD, gap=2)
    flow.para("Flooding of small rivers is rising in upland catchments. " + " ".join(sentences("AB", 2)), gap=10)
    second = [heading, "Rivers in hilly areas flood more often than they used to, most where woods were cut down."]
    if not later:
        flow.para(second[0], font=BOLD, gap=2)
        flow.para(second[1], gap=12)
    flow.para("1 Introduction", font=BOLD, gap=3)
    flow.para(" ".join(sentences("B0P", 4)))
    if later:
        flow.para(second[0], font=BOLD, gap=2)
        flow.para(second[1], gap=12)
    flow.para("2 Data and Methods", font=BOLD, gap=3)
    flow.para(" ".join(sentences("B1P", 4)))
    return flow


@pytest.mark.parametrize("heading", ["Plain Language Summary", "Author summary", "Lay summary"])
def test_a_plain_language_summary_after_the_abstract_is_set_aside(tmp_path: Path, heading: str) -> None:
    # AGU, PLOS: the second summary in the body's size opened the body, and its sentences, the
    # abstract's told again, could be picked for the summary.
    found = _article_with_second_summary(heading).pdf(tmp_path, "agu")
    assert found.abstract.startswith("Flooding of small rivers")
    assert "hilly areas" not in found.body and "hilly areas" in _removed(found, "box")
    assert _flat(found.body).startswith("1 Introduction In part B0P0")
    assert _headings(found) == ["1 Introduction", "2 Data and Methods"]


def test_a_significance_section_inside_the_body_stays_in_it(tmp_path: Path) -> None:
    found = _article_with_second_summary("Significance", later=True).pdf(tmp_path, "later")
    assert "hilly areas" in found.body and "box" not in found.removed


def _article_opening() -> _Flow:
    """A title, a short abstract and the introduction's first paragraph, in 10 pt."""
    flow = _Flow(size=10)
    flow.para("Woodland Loss and Rising Flood Peaks in Upland Catchments", font=BOLD, size=18, gap=8)
    flow.para("Abstract", font=BOLD, gap=2)
    flow.para("Flooding of small rivers is rising in upland catchments. " + " ".join(sentences("AB", 2)), gap=10)
    flow.para("1 Introduction", font=BOLD, gap=3)
    flow.para(" ".join(sentences("C0P", 6)))
    return flow


def test_a_small_caption_under_a_figure_at_the_foot_of_the_page_is_a_caption_not_a_footnote(tmp_path: Path) -> None:
    # A word processor's figure at the foot of a page, its caption in small print under it: the
    # caption was listed among the footnotes.
    flow = _article_opening()
    flow.pages[-1].images.append((LEFT + 60, 560, 300, 150))
    flow.y = 720
    flow.para("Figure 3. Peak flow change against woodland loss for the 31 catchments; the line shows the fitted model.", size=8)
    flow.new_page()
    flow.para(" ".join(sentences("C1P", 4)))
    found = flow.pdf(tmp_path, "figure")
    # Listed with the body's small print (a caption set in the body's size is a `caption`).
    assert "Figure 3. Peak flow change" in _removed(found, "small_print")
    assert not any("Figure 3" in note for note in found.footnotes)
    assert "Figure 3" not in found.body and "In part C1P0" in found.body


def test_a_note_at_the_foot_of_the_page_is_still_a_footnote(tmp_path: Path) -> None:
    flow = _Flow(size=10)
    flow.para("Woodland Loss and Rising Flood Peaks in Upland Catchments", font=BOLD, size=18, gap=8)
    flow.para(" ".join(sentences("C2P", 6)))
    flow.y = 740
    flow.para("1 Figure 3 of the earlier report shows the same catchments in 1990.", size=8)
    found = flow.pdf(tmp_path, "note")
    assert found.footnotes == ("1 Figure 3 of the earlier report shows the same catchments in 1990.",)


def _titled(lines: list[tuple[str, str, float]], paragraphs: list[str]) -> _Flow:
    flow = _Flow(size=11)
    for text, font, size in lines:
        flow.para(text, font=font, size=size, gap=4)
    flow.y += 10
    for paragraph in paragraphs:
        flow.para(paragraph)
    return flow


def test_author_lines_under_a_title_with_no_abstract_or_heading_stay_out_of_the_body(tmp_path: Path) -> None:
    # A one-page conference abstract (or a law review's first page): no "Abstract", no
    # "Introduction"; the author and affiliation lines opened the body's first paragraph.
    title = ("Mapping Flood Risk with Volunteered Photographs", BOLD, 14)
    authors = [
        ("Lena Ortiz and Paul Hart", REGULAR, 10),
        ("University of Valencia, Spain; University of Reading, UK", REGULAR, 10),
    ]
    found = _titled([title, *authors], [" ".join(sentences("D0P", 5))]).pdf(tmp_path, "conference")
    assert _flat(found.body).startswith("In part D0P0")
    assert _removed(found, "authors") == "Lena Ortiz and Paul Hart University of Valencia, Spain; University of Reading, UK"


def test_a_first_paragraph_under_a_title_with_no_authors_stays_the_body(tmp_path: Path) -> None:
    found = _titled([("Mapping Flood Risk with Volunteered Photographs", BOLD, 14)], [" ".join(sentences("D1P", 5))]).pdf(
        tmp_path, "plain"
    )
    assert _flat(found.body).startswith("In part D1P0") and "authors" not in found.removed


def test_a_subtitle_under_the_title_joins_it(tmp_path: Path) -> None:
    # Google Docs: Title 26 pt, Subtitle 15 pt, both regular; the subtitle was read as the body's
    # first heading.
    lines = [("Woodland Loss and Rising Flood Peaks", SANS, 26), ("A study of 31 upland rivers", SANS, 15)]
    flow = _titled(lines, [])
    flow.para("Summary", size=20)
    flow.para("Flooding of small rivers is rising in upland catchments. " + " ".join(sentences("AB", 2)), gap=12)
    flow.para("Introduction", size=20)
    flow.para(" ".join(sentences("E0P", 4)))
    found = flow.pdf(tmp_path, "gdocs")
    assert found.title == "Woodland Loss and Rising Flood Peaks: A study of 31 upland rivers"
    assert _headings(found) == ["Introduction"]


def test_one_author_set_large_under_the_title_is_no_subtitle(tmp_path: Path) -> None:
    lines = [("Woodland Loss and Rising Flood Peaks", SANS, 26), ("Megan Rhys", SANS, 15)]
    flow = _titled(lines, [])
    flow.para("Introduction", size=20)
    flow.para(" ".join(sentences("E1P", 4)))
    found = flow.pdf(tmp_path, "author")
    assert found.title == "Woodland Loss and Rising Flood Peaks"


# What a review of these rules found them doing to pages they were not made for.


@pytest.mark.parametrize(
    "line",
    ["Megan Rhys*, Tomasz Nowak", "Megan Rhys†, Tomasz Nowak‡", "by Megan Rhys", "Megan Rhys, Bangor", "Accepted manuscript"],
)
def test_author_lines_set_large_under_the_title_are_no_subtitle(tmp_path: Path, line: str) -> None:
    flow = _titled([("Woodland Loss and Rising Flood Peaks", SANS, 26), (line, SANS, 15)], [])
    flow.para("Introduction", size=20)
    flow.para(" ".join(sentences("E0P", 4)))
    assert flow.pdf(tmp_path, "authors").title == "Woodland Loss and Rising Flood Peaks"


@pytest.mark.parametrize("after", ["dedication", "supervisor"])
def test_a_thesis_abstract_page_ends_before_a_dedication_or_a_label_line_set_apart(tmp_path: Path, after: str) -> None:
    flow = _thesis_with_abstract_page()
    flow.y += 40
    if after == "dedication":
        flow.para("For my grandmother, who carried water up the hill every morning of her life.", font="Times-Italic", indent=80)
    else:
        flow.para("Supervisor: Professor Jane Doe")
        flow.para("Word count: 79,850")
    flow.new_page()
    _contents(flow, ["1 Introduction", "2 Sources", "3 Councils and the state"])
    _chapters(flow, ["Introduction", "Sources", "Councils and the state"])
    found = flow.pdf(tmp_path, "thesis")
    assert _flat(found.abstract) == _flat(" ".join(THESIS_ABSTRACT))


def test_notes_under_a_caption_at_the_foot_of_a_page_are_still_footnotes(tmp_path: Path) -> None:
    flow = _article_opening()
    flow.y = 715
    flow.para("Figure 3. Peak flow change against woodland loss.", size=8, gap=0)
    flow.para("1 The gauges are those of the national register.", size=8, gap=0)
    flow.para("2 Rainfall is from the Met Office grid.", size=8, gap=0)
    flow.new_page()
    flow.para(" ".join(sentences("C1P", 4)))
    found = flow.pdf(tmp_path, "foot")
    assert found.footnotes == ("1 The gauges are those of the national register.", "2 Rainfall is from the Met Office grid.")
    assert "Figure 3. Peak flow change" not in found.body
