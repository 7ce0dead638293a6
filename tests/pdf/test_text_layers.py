"""Text layers that are no text, and OCR layers (invisible text over a page image).

A text layer whose characters are no language's (pdfminer's "(cid:12)" codes, every letter the
same glyph) was summarized as junk with exit status 0; a sentence's last word wrapped onto a line
of its own was taken for a heading when it is a heading word ("... for this / dataset.").
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from typer.testing import CliRunner

from pdfgen import BOLD, HEIGHT, WIDTH, Page, _image, build, sentences, wrap
from synopsis.cli import app
from synopsis.pdf import extract
from synopsis.pdf.glyphs import unreadable_text

runner = CliRunner()
TITLE = "Harbour Tables of the North Coast"

LEFT = 72.0  # the left margin of the pages drawn here


def article(transform: Callable[[str], str]) -> bytes:
    """Two pages of title, abstract and body, every line passed through `transform`."""
    pages = []
    for number, tag in enumerate("AB"):
        page = Page()
        if not number:
            page.text(72, 60, transform(TITLE), font=BOLD, size=18)
            page.text(72, 100, "Abstract", font=BOLD, size=11)
        page.block(72, 130, [transform(line) for line in wrap(" ".join(sentences(tag, 24)), 450)])
        pages.append(page)
    return build(pages)


def cid_codes(text: str) -> str:
    """pdfminer's rendering of glyph codes it cannot map, as a PDF made from its output has it."""
    return " ".join("".join(f"(cid:{ord(ch) % 90})" for ch in word) for word in text.split())


def one_glyph(text: str) -> str:
    """Every letter the same glyph: a font whose map gives each glyph one character."""
    return re.sub(r"[A-Za-z]", "x", text)


@pytest.mark.parametrize("transform", [cid_codes, one_glyph], ids=["cid-codes", "one-glyph"])
def test_a_text_layer_that_is_no_text_is_refused_in_one_line(transform: Callable[[str], str], tmp_path: Path) -> None:
    path = tmp_path / "J.pdf"
    path.write_bytes(article(transform))
    for command in ("summarize", "extract"):
        result = runner.invoke(app, [command, str(path)])
        assert result.exit_code == 1
        assert result.stdout == ""
        assert result.stderr.splitlines() == [
            f"synopsis: {path}: has no readable text: its characters are glyph codes of fonts without a Unicode map "
            "(Type3 or custom-encoded fonts without a ToUnicode map); run OCR on it first, "
            "e.g. ocrmypdf --force-ocr in.pdf out.pdf"
        ]


def test_a_page_of_cid_codes_in_a_text_pdf_is_set_aside_and_said() -> None:
    pages = []
    for tag in "ABC":
        page = Page()
        lines = wrap(" ".join(sentences(tag, 24)), 450)
        page.block(72, 100, [cid_codes(line) for line in lines] if tag == "B" else lines)
        pages.append(page)
    found = extract(build(pages), source="J.pdf")
    assert "In part A0 " in found.text and "In part C0 " in found.text
    assert "cid:" not in found.text
    assert [(item.reason, item.page) for item in found.removed_text] == [("unreadable_text", 2)]
    assert found.warnings[0].startswith("page 2 of J.pdf holds unreadable text")


@pytest.mark.parametrize(
    "text",
    [cid_codes(" ".join(sentences("A", 2))), one_glyph(" ".join(sentences("A", 3)))],
    ids=["cid-codes", "one-glyph"],
)
def test_codes_and_one_repeated_letter_are_unreadable(text: str) -> None:
    assert unreadable_text(text)


@pytest.mark.parametrize(
    "text",
    [
        " ".join(sentences("A", 3)) + " pdfminer writes (cid:12) for a glyph it cannot map.",
        "Aloha kakou, ua hala ka la a ua hoi na kanaka a pau i ka hale ma ka aina o Hawaii nei i ka manawa "
        "kahiko loa, a ua nana lakou i ka moana nui a me ka lani.",
        "x " * 30,  # too few letters to tell: a column of crosses in a table
        # A review: pages where one letter is half of all letters, which no font map makes (its
        # repeated letter fills words "xx xxxxx"): a table of marks, an alignment, SMILES.
        "Table 2 compares the features of the tools. " + "X X X X X X " * 40 + "We recommend combining them.",
        "Appendix alignment of the conserved region. " + "AAAAGAAAAAAAAGAAAA AAAAAAGAAAAA " * 12,
        "Compounds tested. " + "CC(C)CC1=CC=C(C=C1)C(C)C(=O)O CCOCC CCCCCC " * 8,
    ],
    ids=["mentions-cid", "hawaiian", "few-crosses", "table-of-marks", "poly-a-alignment", "smiles"],
)
def test_text_that_mentions_codes_or_favours_one_letter_is_readable(text: str) -> None:
    assert not unreadable_text(text)


def _wrapped_word_article() -> bytes:
    """An abstract and a paragraph each ending in a heading word wrapped onto a line of its own."""
    page = Page()
    page.text(72, 60, TITLE, font=BOLD, size=18)
    page.text(72, 100, "Abstract", font=BOLD, size=11)
    abstract = wrap(" ".join(sentences("A", 5)), 450)
    y = page.block(72, 116, [*abstract[:-1], abstract[-1].rsplit(" ", 1)[0], "results."])
    y = page.block(72, y + 14, ["1 Introduction"], font=BOLD, size=11)
    body = wrap(" ".join(sentences("B", 8)), 450)
    y = page.block(72, y + 4, [*body[:-1], body[-1].rsplit(" ", 1)[0], "methods."])
    page.block(72, y + 6, wrap(" ".join(sentences("C", 8)), 450))
    return build([page])


def test_a_sentences_last_word_wrapped_alone_is_no_heading_and_no_part() -> None:
    # "results." was a part of the abstract of its own (a structured abstract's label), and
    # "methods." a heading that cut the body's sentence short.
    found = extract(_wrapped_word_article(), source="W.pdf")
    assert found.abstract.endswith("near the market in the early results.")
    assert found.abstract_parts == ()
    assert [found.text[a:b] for a, b in found.headings] == ["1 Introduction"]
    assert "the quiet window near the school after the storm methods.\n" in found.text
    assert "\nresults.\n" not in found.text and "\nmethods.\n" not in found.text


def test_a_lower_case_heading_after_an_abstract_that_ends_without_a_stop_still_ends_it() -> None:
    # A review: the wrapped-word rule read "introduction" (no stop) on as the abstract's last
    # word, and the abstract ran into the body until it was too long to be one.
    page = Page()
    page.text(LEFT, 60, "Exercise Programmes and Falls in Care Homes: A Cluster Trial", font=BOLD, size=16)
    page.text(LEFT, 100, "Abstract", font=BOLD, size=11)
    lines = [
        "Falls are common in older adults living in care homes and costly for health services, and",
        "exercise may prevent them. We ran a cluster randomised trial in 24 homes with 480 residents.",
        "Falls fell by a third in the homes that offered the exercise programme twice a week. The trial",
        "is registered as ISRCTN12345678",
        "introduction",
    ]
    y = page.block(LEFT, 116, lines, leading=13)
    page.block(LEFT, y, wrap(" ".join(sentences("B", 20)), 440))
    found = extract(build([page]), source="L.pdf")
    assert found.abstract.startswith("Falls are common") and found.abstract.endswith("ISRCTN12345678")


# The sizes an OCR engine gives the lines of text printed in one size: measured from each line's
# height in pixels, they scatter by a point or two (a line with capitals and descenders is taller).
MEASURED_SIZES = (10.0, 11.0, 9.0, 12.0, 10.0, 9.0, 11.0, 8.5, 10.0)


def ocr_layer(sizes: Sequence[float] = (10.0,)) -> bytes:
    """Scanned pages with an OCR layer: a page image under invisible text (render mode 3) in one
    font, its lines in `sizes` in turn, each word placed on its own and stretched to the printed
    word's width (as Tesseract and OCRmyPDF write it), a running header and page number on every
    page, and the abstract's last word wrapped onto a line of its own."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(WIDTH, HEIGHT))
    turn = iter(sizes * 100)

    def line(x: float, y: float, text: str) -> None:
        size = next(turn)
        for word in text.split():
            shown = canvas.beginText(x, HEIGHT - y - 10)
            shown.setFont("Helvetica", size)
            shown.setTextRenderMode(3)
            printed = stringWidth(word, "Helvetica", 10)
            shown.setHorizScale(100 * printed / stringWidth(word, "Helvetica", size))
            shown.textOut(word + " ")
            canvas.drawText(shown)
            x += printed + stringWidth(" ", "Helvetica", 10)

    for number, tag in enumerate("BCD"):
        canvas.drawImage(_image(), 20, 20, WIDTH - 40, HEIGHT - 40)
        line(72, 40, "Journal of Coastal Studies, Vol. 12, No. 3")
        line(500, 40, str(141 + number))
        y = 80.0
        if not number:
            line(72, y, "Abstract")
            abstract = wrap(" ".join(sentences("A", 4)), 440, font="Helvetica")
            for text in [*abstract[:-1], abstract[-1].rsplit(" ", 1)[0], "dataset."]:
                y += 13
                line(72, y, text)
            y += 26
            line(72, y, "1 Introduction")
        body = wrap(" ".join(sentences(tag, 20)), 440, font="Helvetica")
        for text in body:
            y += 13
            line(72, y, text)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


@pytest.mark.parametrize("sizes", [(10.0,), MEASURED_SIZES], ids=["one-size", "measured-sizes"])
def test_an_ocr_layer_is_read_without_its_running_header_and_with_its_abstract_whole(sizes: Sequence[float]) -> None:
    # With the sizes an OCR engine measures, each step between two lines ended a paragraph (the
    # abstract after its first line, the body's sentences cut in two) and lines measured small
    # were set aside as small print: text lost from a scanned article.
    found = extract(ocr_layer(sizes), source="O.pdf")
    assert found.abstract.endswith("In part A3 the team crossed the grey window near the harbour at dataset.")
    assert "Journal of Coastal Studies" not in found.text
    assert {item.reason for item in found.removed_text} >= {"running_header", "page_number"}
    for tag in "BCD":
        for sentence in sentences(tag, 20):
            assert sentence in found.text
    assert {item.reason for item in found.removed_text} == {"running_header", "page_number", "abstract_heading"}
    assert not found.warnings


def ocr_over_text() -> bytes:
    """A text page with an OCR layer laid over it (an OCR run on a page that had text already):
    each printed word again, invisible, in the engine's font and a size it measured, two of them
    misread; and one word it found where no text is printed (a label in a pictured figure)."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(WIDTH, HEIGHT))
    lines = [(60.0, TITLE, BOLD, 18.0), (100.0, "Abstract", BOLD, 11.0)]
    y = 116.0
    for text in wrap(" ".join(sentences("A", 5)), 450):
        lines.append((y, text, "Times-Roman", 10.0))
        y += 12
    lines.append((y + 14, "1 Introduction", BOLD, 11.0))
    y += 30
    for text in wrap(" ".join(sentences("B", 20)), 450):
        lines.append((y, text, "Times-Roman", 10.0))
        y += 12
    for top, text, font, size in lines:
        canvas.setFont(font, size)
        canvas.drawString(LEFT, HEIGHT - top - size, text)
    misread = {"valley": "vaIley", "harbour": "harbonr"}
    for top, text, font, size in lines:
        x = LEFT
        for word in text.split():
            shown = canvas.beginText(x, HEIGHT - top - size)
            shown.setFont("Helvetica", size * 1.1)
            shown.setTextRenderMode(3)
            read = misread.pop(word, word)
            shown.setHorizScale(100 * stringWidth(word, font, size) / stringWidth(read, "Helvetica", size * 1.1))
            shown.textOut(read)
            canvas.drawText(shown)
            x += stringWidth(word + " ", font, size)
    label = canvas.beginText(LEFT, 80)
    label.setFont("Helvetica", 10)
    label.setTextRenderMode(3)
    label.textOut("Figure label read by OCR")
    canvas.drawText(label)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_an_ocr_layer_over_a_page_with_text_is_not_read_twice() -> None:
    # Every word came twice, the two copies interleaved: "Harbour Harbour Tables Tables".
    found = extract(ocr_over_text(), source="D.pdf")
    assert found.title == TITLE
    assert found.abstract == " ".join(sentences("A", 5))
    for sentence in sentences("B", 20):
        assert found.text.count(sentence) == 1
    assert "vaIley" not in found.text and "harbonr" not in found.text
    assert "Figure label read by OCR" in found.text


def test_an_ocr_copy_test_reads_a_bounded_number_of_words_at_any_spot() -> None:
    """A crafted page stacked thousands of visible words at one spot with invisible words over
    them: each invisible word read every one of them (16,000 words: 42 s on one page). A cell of
    the index holds a bounded number, so the test costs the same per word however they are piled."""
    from synopsis.pdf.reader import _MAX_PER_CELL, Word, _cells, _ocr_layer

    piled = [Word("harbour", 100.0, 100.0, 140.0, 110.0, 10.0) for _ in range(500)]
    assert max(len(cell) for cell in _cells(piled).values()) <= _MAX_PER_CELL
    invisible = [Word("harbour", 101.0, 101.0, 139.0, 109.0, 10.0) for _ in range(50)]
    words = piled + invisible
    lines = [(0, False), (len(piled), True)]
    assert _ocr_layer(words, lines) == piled  # the copy is still found and dropped
