"""Front matter: cover sheets, title, abstract labels and their end, where the body starts."""

from __future__ import annotations

import pytest

pytest.importorskip("pypdfium2")

from synopsis.pdf.front import find_front, is_cover_page
from synopsis.pdf.headings import BodyStyle
from synopsis.pdf.lines import Line

STYLE = BodyStyle(10.0)


def line(text: str, top: float, *, size: float = 10, bold: bool = False, bold_lead: int = 0, region: int = 0) -> Line:
    return Line(text, 72, top, 520, top + size, size, page=0, bold=bold, bold_lead=bold_lead, region=region)


def test_cover_sheet() -> None:
    cover = [
        line("This is a repository copy. Downloaded from https://eprints.example.org", 100),
        line("Terms of use apply.", 120),
    ]
    assert is_cover_page(cover)
    assert not is_cover_page([line("1 Introduction", 100), line("We deposited samples in the freezer.", 120)])


def test_title_abstract_and_body_start() -> None:
    lines = [
        line("Journal of Tests", 40, size=8),
        line("A Title Set Large", 80, size=18, bold=True),
        line("Ada Lovelace", 110),
        line("Abstract", 150, bold=True),
        line("We did one thing.", 165),
        line("It worked well.", 177),
        line("Keywords: tests; more tests", 200),
        line("© 2024 The Authors", 215),
        line("1. Introduction", 240, size=12, bold=True),
        line("Body text.", 260),
    ]
    front = find_front(lines, STYLE, page_height=842, first_page=0)
    assert front.title == "A Title Set Large"
    assert [[item.text for item in paragraph] for paragraph in front.abstract] == [["We did one thing.", "It worked well."]]
    assert lines[front.body_start].text == "1. Introduction"


def test_structured_abstract_parts_do_not_end_it_but_a_gap_does() -> None:
    lines = [
        line("Title Of The Structured Paper", 60, size=16, bold=True),
        line("ABSTRACT", 100, bold=True),
        line("Background. Something was unknown.", 115, bold_lead=1),
        line("Methods. We measured it.", 133, bold_lead=1),
        line("Results. It is known now.", 151, bold_lead=1),
        line("Unrelated body text after a wide gap.", 200),
    ]
    front = find_front(lines, STYLE, page_height=842, first_page=0)
    assert [p[0].text.split(".")[0] for p in front.abstract] == ["Background", "Methods", "Results"]
    assert lines[front.body_start].text.startswith("Unrelated")


def test_run_in_label_and_no_label() -> None:
    lines = [line("The Title Of It All", 60, size=16, bold=True), line("Abstract: This paper is short.", 100), line("Body.", 140)]
    front = find_front(lines, STYLE, page_height=842, first_page=0)
    assert front.abstract[0][0].text == "This paper is short."
    no_label = [line("The Title Of It All", 60, size=16, bold=True), line("Summary statistics were computed.", 100)]
    front = find_front(no_label, STYLE, page_height=842, first_page=0)
    assert front.abstract == () and front.body_start == 1


def test_structured_abstract_without_a_heading() -> None:
    lines = [
        line("A Title Set Large Enough", 60, size=16, bold=True),
        line("Academic Editor: Hugo Martins", 90, size=8),
        line("Objectives. We asked a question.", 120, bold_lead=1),
        line("Methods. We measured it.", 134, bold_lead=1),
        line("Conclusion. It is known now.", 148, bold_lead=1),
        line("1. Introduction", 190, size=12, bold=True),
        line("Body text.", 210),
    ]
    front = find_front(lines, STYLE, page_height=842, first_page=0)
    assert [p[0].text for p in front.abstract] == [lines[2].text, lines[3].text, lines[4].text]
    assert front.label == "" and lines[front.body_start].text == "1. Introduction"
    assert front.removed == ((1, "editor"),)


def test_run_in_parts_of_the_body_are_not_a_headless_abstract() -> None:
    lines = [
        line("A Title Set Large Enough", 60, size=16, bold=True),
        line("1. Introduction", 100, size=12, bold=True),
        line("Methods. We measured it.", 120, bold_lead=1),
        line("Results. It is known now.", 134, bold_lead=1),
    ]
    front = find_front(lines, STYLE, page_height=842, first_page=0)
    assert front.abstract == () and lines[front.body_start].text == "1. Introduction"


def test_unrecognised_front_matter_is_kept() -> None:
    lines = [
        line("A Title Set Large Enough", 60, size=16, bold=True),
        line("Amara Okafor and Liam Chen", 85),
        line("We thank the nurses who helped with this work in many ways.", 110, size=8),
        line("Abstract", 140, bold=True),
        line("We did one thing.", 155),
        line("1. Introduction", 190, size=12, bold=True),
    ]
    front = find_front(lines, STYLE, page_height=842, first_page=0)
    assert front.kept == (2,) and front.removed == ((1, "authors"),)
    assert front.label == "Abstract"


PROSE = (
    "Many readmissions after discharge could be prevented by a short call. We followed four thousand adults "
    "from four hospitals for a month after discharge. A call within two days halved avoidable readmissions, "
    "and the effect was largest for patients who live alone at home without help. The calls are cheap."
)


def _plain(after: list[Line]) -> list[Line]:
    words = PROSE.split()
    prose = [line(" ".join(words[k : k + 12]), 120 + 12 * (k // 12)) for k in range(0, len(words), 12)]
    return [
        line("A Title Set Large Enough", 60, size=16, bold=True),
        line("Received: 2 December 2023 Accepted: 30 January 2024", 95, size=8),
        *prose,
        *after,
    ]


def test_plain_abstract_without_a_heading_between_named_front_matter_and_the_introduction() -> None:
    lines = _plain([line("Keywords: calls, discharge", 200), line("1. Introduction", 230, size=12, bold=True)])
    front = find_front(lines, STYLE, page_height=842, first_page=0)
    assert " ".join(item.text for paragraph in front.abstract for item in paragraph) == PROSE
    assert lines[front.body_start].text == "1. Introduction" and front.kept == ()


def test_prose_before_a_heading_that_is_not_the_introduction_stays_in_the_body() -> None:
    lines = _plain([line("2. Data", 230, size=12, bold=True)])
    front = find_front(lines, STYLE, page_height=842, first_page=0)
    assert front.abstract == () and len(front.kept) >= 4


def two_word_page(*top: Line) -> list[Line]:
    return [
        *top,
        line("Ada Lovelace, University of Harbourton", 110),
        line("Abstract", 150, bold=True),
        line("We measured the harbour tables of the coast.", 165),
        line("1. Introduction", 240, size=12, bold=True),
        line("Body text about the tables.", 260),
    ]


def test_a_two_word_title_is_the_title() -> None:
    # The title rule wanted three words: "Harbour Tables" was read into the body, the title empty.
    front = find_front(two_word_page(line("Harbour Tables", 70, size=18, bold=True)), STYLE, page_height=842, first_page=0)
    assert front.title == "Harbour Tables"
    running_head = line("Harbour Studies 12 (2020)", 30, size=8)
    front = find_front(two_word_page(running_head, line("Harbour Tables", 70, size=18)), STYLE, page_height=842, first_page=0)
    assert front.title == "Harbour Tables"


@pytest.mark.parametrize(
    ("top", "title"),
    [
        (
            [line("Harbour Review", 40, size=18, bold=True), line("Tables of the North Coast", 70, size=16, bold=True)],
            "Tables of the North Coast",
        ),
        ([line("Harbour Tables", 40, size=12, bold=True)], ""),  # a heading's size, not a title's
        ([line("Research Article", 40, size=18, bold=True)], ""),  # a journal label
        ([line("Study Area", 70, size=18, bold=True)], ""),  # a heading
        ([line("In part A0 the team crossed the old harbour near the bridge.", 40), line("Related Work", 70, size=18)], ""),
        ([line("Harbour Studies", 40, size=15, bold=True), line("2020", 70, size=24)], ""),  # not the largest print
        ([line("Harbour Tables", 600, size=18, bold=True)], ""),  # low on the page
    ],
    ids=["journal-name-above-a-title", "heading-size", "journal-label", "known-heading", "under-prose", "not-largest", "low"],
)
def test_a_two_word_line_that_is_no_title_is_not_taken(top: list[Line], title: str) -> None:
    lines = two_word_page(*top)
    lines.sort(key=lambda item: item.top)
    front = find_front(lines, STYLE, page_height=842, first_page=0)
    assert front.title == title


ISSUE = line("Volume 12, Issue 3, 2020, pages 1-12", 66, size=8)


@pytest.mark.parametrize(
    ("masthead", "issue_line"),
    [
        ("The Harbour Studies Quarterly", "printed"),
        ("The Harbour Studies Quarterly", "in-text"),
        ("Journal of Harbour Studies", ""),
    ],
)
def test_a_journal_masthead_larger_than_the_title_is_not_the_title(masthead: str, issue_line: str) -> None:
    # The largest print on the page won: the journal's name became the title and the paper's
    # title was listed as an author line.
    top = [line(masthead, 36, size=22, bold=True)]
    if issue_line == "in-text":
        top.append(ISSUE)
    lines = two_word_page(*top, line("Tables of the North Coast and Their Makers", 80, size=16, bold=True))
    lines.sort(key=lambda item: item.top)
    printed = [ISSUE] if issue_line == "printed" else []  # set aside as the first page's small print
    front = find_front(lines, STYLE, page_height=842, first_page=0, printed=printed)
    assert front.title == "Tables of the North Coast and Their Makers"
    assert masthead in [lines[i].text for i, _ in front.removed]  # listed, not lost


def test_a_two_word_masthead_is_no_title_where_no_other_stands_out() -> None:
    # The paper's title in the body's font: the masthead "Harbour Review" was taken as the title.
    lines = two_word_page(line("Harbour Review", 36, size=22, bold=True), line("Tables of the North Coast and Their Makers", 80))
    lines.sort(key=lambda item: item.top)
    assert find_front(lines, STYLE, page_height=842, first_page=0, printed=[ISSUE]).title == ""
    assert find_front(lines, STYLE, page_height=842, first_page=0).title == "Harbour Review"  # no issue line: a title
