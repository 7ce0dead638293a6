"""PDF extraction on generated PDFs whose true reading order and furniture are known."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdfgen import BOLD, HEIGHT, Page, build, superscript, wrap
from synopsis.ingest import read_articles
from synopsis.ingest.pdf import read_pdf, read_pdf_bytes
from synopsis.pipeline import build_document
from synopsis.types import Article

TITLE = "Reading Order in Scholarly Documents"
ABSTRACT = (
    "We study how text is laid out in scholarly articles and why a reader that ignores layout mixes "
    "columns, headers and notes into one stream. We show that a few rules about columns and fonts "
    "recover the order an author intended for almost every page we examined."
)
P1 = (
    "Scholarly articles reach most readers as files built for printing. Their text is placed on "
    "the page in boxes, and the order of the boxes in the file need not be the order of reading. "
    "A reader that follows the file order will often interleave the two columns of a page."
)
P2 = (
    "This paper describes the rules we use to restore the order. Each rule is simple, and together "
    "they handle the common layouts of journals in the humanities and the sciences alike."
)
P3 = (
    "We collected one hundred articles from open repositories. For each page we marked the true "
    "reading order by hand and compared it with the order each extractor produced."
)


def paragraphs(article: Article) -> list[str]:
    """The body's blocks (headings and paragraphs), as the extracted text lays them out."""
    start, end = article.body
    return [block.strip() for block in article.text[start:end].split("\n\n") if block.strip()]


def one_column_pdf() -> bytes:
    page = Page()
    page.text(72, 40, "Journal of Layout Studies 3 (2024)", size=8)
    page.text(72, 72, TITLE, font=BOLD, size=18)
    page.text(72, 100, "Ada Lovelace and Alan Turing", size=11)
    page.text(72, 114, "University of Nowhere; ada@example.org", size=9)
    page.text(72, 150, "Abstract", font=BOLD, size=11)
    y = page.block(72, 166, wrap(ABSTRACT, 450, size=10), size=10)
    page.text(72, y + 20, "1 Introduction", font=BOLD, size=12)
    y = page.block(72, y + 40, wrap(P1, 450), size=10)
    y = page.block(72, y + 8, wrap(P2, 450), size=10)
    page.text(72, y + 20, "2 Methods", font=BOLD, size=12)
    y = page.block(72, y + 40, wrap(P3, 450), size=10)
    page.text(72, y + 20, "References", font=BOLD, size=12)
    page.block(72, y + 40, ["Knuth, D. (1984). Literate programming. The Computer Journal 27(2), 97-111."], size=9)
    return build([page])


def test_one_column_title_abstract_headings_and_paragraphs() -> None:
    article = read_pdf_bytes(one_column_pdf(), source="one.pdf")
    assert article.title == TITLE
    assert article.abstract == ABSTRACT
    assert paragraphs(article) == ["1 Introduction", P1, P2, "2 Methods", P3]
    assert "Knuth" not in article.text and "References" not in article.text  # the reference list is cut
    assert "Lovelace" not in article.text and "Journal of Layout" not in article.text  # front matter
    assert article.meta["format"] == "pdf" and article.meta["pages"] == 1


def test_abstract_is_not_a_summary_candidate() -> None:
    article = read_pdf_bytes(one_column_pdf(), source="one.pdf")
    doc = build_document(article)
    start, _ = article.body
    assert all(sentence.start >= start for sentence in doc.sentences)
    assert not any("We study how text is laid out" in sentence.text for sentence in doc.sentences)
    assert doc.abstract == ABSTRACT
    assert [section.title for section in doc.sections if section.title] == ["Introduction", "Methods"]


def test_spans_point_into_the_extracted_text() -> None:
    article = read_pdf_bytes(one_column_pdf(), source="one.pdf")
    doc = build_document(article)
    for sentence in doc.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


LEFT_A = (
    "The left column opens the article with a first paragraph that fills several lines of the "
    "narrow column, so that the reader has to follow it down the page before moving right."
)
LEFT_B = (
    "A second paragraph starts low in the left column and does not end there: it runs on past the "
    "bottom of the column and continues at the top of the right column without any break in the sentence."
)
RIGHT_C = (
    "Results are reported in the right column under their own heading, after the paragraph from "
    "the left column has ended, which is the order a human reader would follow."
)


def two_column_pdf(*, interleave: bool) -> bytes:
    """Title and abstract across the page, then two columns; B flows from left into right."""
    page = Page()
    page.text(72, 60, TITLE, font=BOLD, size=18)
    page.text(72, 100, "Abstract", font=BOLD, size=11)
    y = page.block(72, 116, wrap(ABSTRACT, 450), size=10)
    left: list[tuple[float, str, str, float]] = [(y + 24, "1 Introduction", BOLD, 12)]
    top = y + 44
    lines_a = wrap(LEFT_A, 215)
    lines_b = wrap(LEFT_B, 215)
    for i, line in enumerate(lines_a):
        left.append((top + 12 * i, line, "Times-Roman", 10))
    row = top + 12 * len(lines_a) + 8
    split = len(lines_b) - 3  # the last three lines of B go to the right column
    for i, line in enumerate(lines_b[:split]):
        left.append((row + 12 * i, line, "Times-Roman", 10))
    right: list[tuple[float, str, str, float]] = []
    for i, line in enumerate(lines_b[split:]):
        right.append((top + 12 * i, line, "Times-Roman", 10))
    heading_y = top + 12 * (len(lines_b) - split) + 14
    right.append((heading_y, "2 Results", BOLD, 12))
    for i, line in enumerate(wrap(RIGHT_C, 215)):
        right.append((heading_y + 20 + 12 * i, line, "Times-Roman", 10))
    drawn = sorted(left + right, key=lambda item: item[0]) if interleave else left + right
    right_set = {id(item) for item in right}
    for item in drawn:
        y_pos, text, font, size = item
        page.text(310 if id(item) in right_set else 72, y_pos, text, font=font, size=size)
    return build([page])


@pytest.mark.parametrize("interleave", [False, True], ids=["column-stream", "row-stream"])
def test_two_columns_read_left_then_right(interleave: bool) -> None:
    article = read_pdf_bytes(two_column_pdf(interleave=interleave), source="two.pdf")
    assert article.title == TITLE
    assert article.abstract == ABSTRACT
    assert paragraphs(article) == ["1 Introduction", LEFT_A, LEFT_B, "2 Results", RIGHT_C]


BODY = " ".join([P1, P2, P3, P1.replace("Scholarly", "Printed"), P2.replace("This paper", "Our study")])


def running_header_pdf(pages: int = 4) -> bytes:
    """One long paragraph over several pages under a running header, with page numbers."""
    lines = wrap(BODY * 2, 450)
    per_page = (len(lines) + pages - 1) // pages
    built = []
    for number in range(pages):
        page = Page()
        header = "Journal of Layout Studies 3 (2024) 101-112" if number % 2 else "Lovelace and Turing: Reading Order"
        page.text(72, 36, header, size=9)
        page.text(500, 36, str(101 + number), size=9)
        y = 80
        if number == 0:
            page.text(72, 60, TITLE, font=BOLD, size=18)
            page.text(72, 100, "1 Introduction", font=BOLD, size=12)
            y = 120
        page.block(72, y, lines[number * per_page : (number + 1) * per_page])
        page.text(290, HEIGHT - 40, f"Page {number + 1} of {pages}", size=9)
        built.append(page)
    return build(built)


def test_running_headers_and_page_numbers_removed_and_text_rejoined() -> None:
    article = read_pdf_bytes(running_header_pdf(), source="running.pdf")
    text = article.text
    for furniture in ("Journal of Layout Studies", "Lovelace and Turing", "Page 2 of 4", "102", "103"):
        assert furniture not in text
    assert paragraphs(article) == ["1 Introduction", " ".join((BODY * 2).split())]
    removed = article.meta["pdf_removed"]
    assert removed["running_header"] == 4 and removed["page_number"] == 8


def footnote_pdf() -> bytes:
    page = Page()
    page.text(72, 60, TITLE, font=BOLD, size=18)
    page.text(72, 100, "1 Introduction", font=BOLD, size=12)
    y = page.block(72, 120, wrap(P1, 450))
    x = superscript(page, 72, y, "Footnotes are common in the humanities", "1")
    page.text(x + 3, y, "and they interrupt the text of a page.", size=10)
    y = page.block(72, y + 12, wrap(P2, 450))
    page.text(72, 760, "1 The footnote explains where the marker points and is set in smaller print.", size=8)
    page.text(72, 770, "It runs over a second line of the note.", size=8)
    return build([page])


def test_footnotes_are_kept_apart_and_markers_removed() -> None:
    article = read_pdf_bytes(footnote_pdf(), source="notes.pdf")
    assert "footnote explains" not in article.text
    assert article.meta["footnotes"] == [
        "1 The footnote explains where the marker points and is set in smaller print. It runs over a second line of the note."
    ]
    assert "Footnotes are common in the humanities and they interrupt the text of a page." in article.text
    assert "humanities1" not in article.text


def test_line_end_hyphens_rejoined_unless_the_compound_is_real() -> None:
    page = Page()
    page.text(72, 60, TITLE, font=BOLD, size=18)
    page.text(72, 100, "1 Introduction", font=BOLD, size=12)
    page.block(
        72,
        120,
        [
            "A well-known problem of extraction is that the inter-",
            "vention of line breaks splits words, and a well-",
            "known compound must keep its hyphen while a self-",
            "report keeps its hyphen as well and the word ex-",
            "traction is joined again in every case we examined here.",
        ],
    )
    article = read_pdf_bytes(build([page]), source="hyphens.pdf")
    body = paragraphs(article)[1]
    assert "the intervention of line breaks" in body
    assert "a well-known compound" in body and "self-report" in body and "word extraction" in body


def test_structured_abstract_with_run_in_label_and_keywords() -> None:
    page = Page()
    page.text(72, 60, TITLE, font=BOLD, size=18)
    page.text(72, 100, "Abstract: Background: layout matters for extraction of articles.", size=10)
    page.text(72, 112, "Methods: we placed text by hand on generated pages.", size=10)
    page.text(72, 124, "Results: the order was recovered on every page we built.", size=10)
    page.text(72, 146, "Keywords: layout; reading order; extraction", size=10)
    page.text(72, 180, "1 Introduction", font=BOLD, size=12)
    page.block(72, 200, wrap(P1, 450))
    article = read_pdf_bytes(build([page]), source="structured.pdf")
    assert article.abstract == (
        "Background: layout matters for extraction of articles. Methods: we placed text by hand on generated "
        "pages. Results: the order was recovered on every page we built."
    )
    assert "Keywords" not in article.text
    assert paragraphs(article) == ["1 Introduction", P1]


def test_repository_cover_sheet_is_skipped() -> None:
    cover = Page()
    cover.text(72, 80, "This is a repository copy of the article below.", size=11)
    cover.text(72, 100, "Version: Accepted manuscript. Deposited in the University Research Portal.", size=11)
    cover.text(72, 120, "Terms of use: this copy is for private study. Downloaded from https://example.org", size=11)
    article = Page()
    article.text(72, 60, TITLE, font=BOLD, size=18)
    article.text(72, 100, "1 Introduction", font=BOLD, size=12)
    article.block(72, 120, wrap(P1, 450))
    found = read_pdf_bytes(build([cover, article]), source="cover.pdf")
    assert found.title == TITLE
    assert "repository" not in found.text.lower()
    assert found.meta["pdf_removed"]["cover_page"] == 1
    assert paragraphs(found) == ["1 Introduction", P1]


def test_read_pdf_from_a_path_and_through_read_articles(tmp_path: Path) -> None:
    path = tmp_path / "paper.pdf"
    path.write_bytes(one_column_pdf())
    article = read_pdf(path)
    assert article.id == "paper" and article.meta["input"] == str(path)
    (again,) = list(read_articles(str(path)))
    assert isinstance(again, Article) and again.text == article.text
    # Detected by content, whatever the name says.
    other = tmp_path / "paper.bin"
    other.write_bytes(one_column_pdf())
    (by_content,) = list(read_articles(str(other)))
    assert isinstance(by_content, Article) and by_content.title == TITLE


def test_extracted_text_has_one_block_per_line() -> None:
    article = read_pdf_bytes(one_column_pdf(), source="one.pdf")
    assert article.text.startswith(f"{TITLE}\n\nAbstract\n\n{ABSTRACT}\n\n1 Introduction\n\n")
    assert not re.search(r"\n{3,}", article.text)


def test_threads_share_pdfium_safely() -> None:
    """PDFium is not thread-safe; a server reading PDFs from several threads must still work."""
    from concurrent.futures import ThreadPoolExecutor

    data = two_column_pdf(interleave=True)
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(lambda _: read_pdf_bytes(data, source="two.pdf").text, range(8)))
    assert len(set(texts)) == 1 and LEFT_B in texts[0]


def test_table_between_paragraphs_is_left_out() -> None:
    page = Page()
    page.text(72, 60, TITLE, font=BOLD, size=18)
    page.text(72, 100, "1 Introduction", font=BOLD, size=12)
    y = page.block(72, 120, wrap(P1, 450))
    for row, cells in enumerate([("Source", "Pages", "Share"), ("Journals", "1200", "0.61"), ("Books", "310", "0.16")]):
        for column, cell in enumerate(cells):
            page.text(72 + 150 * column, y + 12 + 12 * row, cell)
    page.block(72, y + 60, wrap(P2, 450))
    article = read_pdf_bytes(build([page]), source="table.pdf")
    assert paragraphs(article) == ["1 Introduction", P1, P2]
    removed = article.meta["pdf_removed"]
    assert removed["table"] + removed["fragment"] == 9  # numbers alone count as fragments
