"""Pages whose text cannot be read are said, never passed over: a scanned page inside a text PDF,
and text in a font without a Unicode map (glyph codes, not characters). Each is listed with its
page and reason, counted in a summary's `document.removed`, and said in one warning line."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from reportlab.pdfgen.canvas import Canvas
from typer.testing import CliRunner

from pdfgen import BOLD, HEIGHT, REGULAR, WIDTH, Page, build, glyph_code_pdf, sentences, wrap
from synopsis.cli import app
from synopsis.errors import InputError
from synopsis.pdf import extract
from synopsis.pdf.glyphs import unreadable_text

runner = CliRunner()
STAMP = "This content downloaded from 192.0.2.1 on Mon, 06 Jan 2020 12:00:00 UTC; all use subject to the terms"


def text_page(tag: str, *, title: str = "") -> Page:
    page = Page()
    if title:
        page.text(72, 60, title, font=BOLD, size=18)
    page.block(72, 100, wrap(" ".join(sentences(tag, 22)), 450))
    return page


def scanned_page() -> Page:
    page = Page()
    page.images.append((20, 20, WIDTH - 40, HEIGHT - 40))
    return page


def with_scan(*, stamp: bool = False) -> bytes:
    """Five pages, the fourth a page image with no text over it (a scanned page)."""
    pages = [text_page(tag, title="Harbour Tables of the North Coast" if tag == "A" else "") for tag in "ABC"]
    pages += [scanned_page(), text_page("E")]
    if stamp:
        for page in pages:
            page.text(72, 815, STAMP, size=7)
    return build(pages)


@pytest.mark.parametrize("stamp", [False, True], ids=["bare", "under-a-stamped-line"])
def test_a_scanned_page_in_a_text_pdf_is_listed_and_said(stamp: bool) -> None:
    found = extract(with_scan(stamp=stamp), source="X.pdf")
    assert [(item.reason, item.page) for item in found.removed_text if item.reason == "no_text_layer"] == [("no_text_layer", 4)]
    assert found.removed["no_text_layer"] == 1
    assert found.warnings == (
        "page 4 of X.pdf has no text layer (scanned?): its text is not read; OCR it first, e.g. ocrmypdf in.pdf out.pdf",
    )
    assert "In part E0 " in found.text  # the pages after it are read


def test_the_cli_says_a_scanned_page_in_one_line_and_both_jsons_list_it(tmp_path: Path) -> None:
    path = tmp_path / "X.pdf"
    path.write_bytes(with_scan())
    extracted = runner.invoke(app, ["extract", str(path), "-o", "json"])
    assert extracted.exit_code == 0, extracted.output
    assert extracted.stderr.splitlines() == [
        f"synopsis: warning: page 4 of {path} has no text layer (scanned?): its text is not read; "
        "OCR it first, e.g. ocrmypdf in.pdf out.pdf"
    ]
    listed = json.loads(extracted.stdout)
    assert {"reason": "no_text_layer", "page": 4, "text": ""} in listed["removed_text"]
    summary = runner.invoke(app, ["summarize", str(path), "-o", "json"])
    assert summary.exit_code == 0, summary.output
    assert json.loads(summary.stdout)["document"]["removed"]["no_text_layer"] == 1
    assert [line for line in summary.stderr.splitlines() if "no text layer" in line] == [
        f"synopsis: warning: page 4 of {path} has no text layer (scanned?): its text is not read; "
        "OCR it first, e.g. ocrmypdf in.pdf out.pdf"
    ]


def test_pages_with_text_or_with_nothing_are_no_scans() -> None:
    # A figure with its caption, and an empty page, are no scanned pages.
    figure = Page()
    figure.images.append((72, 72, 450, 500))
    figure.text(72, 600, "Figure 3. The harbour tables of the north coast, as drawn by the survey in 1881.")
    found = extract(build([text_page("A"), figure, Page(), text_page("C")]), source="figure.pdf")
    assert "no_text_layer" not in found.removed
    assert found.warnings == ()


def glyph_pages(tags: str, garbled: str) -> bytes:
    return glyph_code_pdf([(wrap(" ".join(sentences(tag, 24)), 470), tag in garbled) for tag in tags])


def test_a_page_of_glyph_codes_is_set_aside_and_said() -> None:
    # A Type3 font with its own encoding and no ToUnicode map: the page read as control codes,
    # which the reader drops, so the page vanished without a word.
    found = extract(glyph_pages("ABC", "B"), source="G.pdf")
    assert "In part A0 " in found.text and "In part C0 " in found.text
    assert "In part B" not in found.text
    assert [(item.reason, item.page) for item in found.removed_text] == [("unreadable_text", 2)]
    assert found.warnings == (
        "page 2 of G.pdf holds unreadable text (glyph codes of a font without a Unicode map, e.g. Type3): "
        "it is set aside, not read; OCR it first, e.g. ocrmypdf --force-ocr in.pdf out.pdf",
    )


def test_a_page_of_glyph_codes_that_happen_to_be_letters_is_set_aside_and_said() -> None:
    # A subset font re-encoded A-Z, a-z in the order its glyphs were first used, with no Unicode
    # map: "In part B0 the team" read "AB CDEF GH FIJ FJDK", and those letters were summarized.
    found = extract(
        glyph_code_pdf([(wrap(" ".join(sentences(tag, 24)), 470), tag == "B") for tag in "ABC"], codes="letters"), source="G.pdf"
    )
    assert "In part A0 " in found.text and "In part C0 " in found.text
    assert "FIJ" not in found.text  # "the", in codes
    assert [(item.reason, item.page) for item in found.removed_text] == [("unreadable_text", 2)]
    assert found.removed_text[0].text.startswith("AB CDEF GH FIJ ")  # listed as read, not dropped
    assert found.warnings[0].startswith("page 2 of G.pdf holds unreadable text")


def test_a_few_lines_of_glyph_codes_on_a_page_of_text_are_set_aside_the_rest_is_read() -> None:
    # Under half the page: the codes were read as words, in the middle of the page's text.
    lines = wrap(" ".join(sentences("B", 24)), 470)
    found = extract(glyph_code_pdf([(lines, {3, 4, 5})], codes="letters"), source="G.pdf")
    kept = " ".join(lines[:3] + lines[6:])
    assert " ".join(found.text.split()) == kept  # every other line, and nothing else
    assert [(item.reason, item.page) for item in found.removed_text] == [("unreadable_text", 1)]
    assert len(found.removed_text[0].text.split()) == len(" ".join(lines[3:6]).split())
    assert found.warnings[0].startswith("page 1 of G.pdf holds unreadable text")


def test_an_unmapped_font_whose_codes_are_the_letters_is_read() -> None:
    # Old TeX bitmap fonts have no Unicode map either, but their codes are ASCII: the text is right.
    found = extract(
        glyph_code_pdf([(wrap(" ".join(sentences(tag, 24)), 470), tag == "B") for tag in "AB"], codes="ascii"), source="T.pdf"
    )
    assert "In part B0 the team reached the old valley" in found.text
    assert not found.removed_text and not found.warnings


def test_several_pages_of_glyph_codes_are_said_in_one_line() -> None:
    found = extract(glyph_pages("ABCDEF", "BDEF"), source="G.pdf")
    assert [item.page for item in found.removed_text] == [2, 4, 5, 6]
    assert len(found.warnings) == 1
    assert found.warnings[0].startswith("pages 2 and 4-6 of G.pdf hold unreadable text")


def test_a_pdf_of_glyph_codes_only_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"^G\.pdf: has no readable text: .*glyph codes.*Type3.*ocrmypdf"):
        extract(glyph_pages("AB", "AB"), source="G.pdf")
    path = tmp_path / "G.pdf"
    path.write_bytes(glyph_pages("AB", "AB"))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"synopsis: {path}: has no readable text: its characters are glyph codes of fonts without a Unicode map "
        "(Type3 or custom-encoded fonts without a ToUnicode map); run OCR on it first, e.g. ocrmypdf --force-ocr in.pdf out.pdf"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "\x13\x1a\x19 \t\x04 \x19\x0f\x10\x15\r \x04\x10\x01 \x0e\x14\x19\x19\x01 \x0f\t\x18\x1a\x08\x13\x04",  # codes 1-31
        "\x92\x99 \x88\x83 \x8e\x8f\x8c \x83\x8f\x80 \x8d\x80 \x8e\x88\x99\x87\x92\x83 \x80\x80\x80 \x80\x8c\x95",  # 128-159
        "Úáà ÐË àÖ×ÜÔ Ë×È ÕÛààÈ ÖÐßáÏÚË ÈÈÈÜ ÈÔÝÎÕß ØÏ ×ÙÏÓÏ",  # codes 192-255 read as Latin-1
        "\uf041\uf062\uf063 \uf064\uf065\uf066\uf067 \uf068\uf069 \uf06a\uf06b\uf06c\uf06d\uf06e \uf06f\uf070\uf071\uf072",
        "\ufffd\ufffd\ufffd \ufffd\ufffd \ufffd\ufffd\ufffd\ufffd \ufffd\ufffd\ufffd \ufffd\ufffd\ufffd\ufffd\ufffd\ufffd the",
    ],
    ids=["c0-controls", "c1-controls", "latin-1", "private-use", "replacement"],
)
def test_glyph_codes_are_unreadable(text: str) -> None:
    assert unreadable_text(f"{text} {text}")


@pytest.mark.parametrize(
    "text",
    [
        " ".join(sentences("A", 3)),
        "Les équipes ont mesuré à Genève l'été dernier la qualité de l'eau près du lac Léman.",
        "Ο λιμένας της πόλης επισκευάστηκε πριν από τον χειμώνα του δεκαεννέα.",
        "Þá fóru þeir í ána og sáu þar marga fiska á báðum bökkum hennar í ágúst.",
        "\uf0b7 The harbour tables \uf0b7 the river \uf0b7 the old bridge \uf0b7 the market near the garden",
    ],
    ids=["english", "french", "greek", "icelandic", "symbol-bullets"],
)
def test_text_with_accents_or_a_few_symbols_is_readable(text: str) -> None:
    assert not unreadable_text(text)


def spread_cut_by_crop_boxes() -> bytes:
    """A two-page spread drawn whole on each of two pages, each page's crop box one half of it (a
    book's scan or a booklet cut into pages so), with a printer's slug line under the spread."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(2 * WIDTH, HEIGHT + 36))
    for half in range(2):
        canvas.setCropBox((half * WIDTH, 36, (half + 1) * WIDTH, HEIGHT + 36))
        canvas.setFont(BOLD, 18)
        canvas.drawString(72, HEIGHT - 60, "Harbour Tables of the North Coast")
        canvas.setFont(REGULAR, 10)
        for left, tag in ((72, "B"), (WIDTH + 72, "C")):
            for row, line in enumerate(wrap(" ".join(sentences(tag, 30)), 450)):
                canvas.drawString(left, HEIGHT - 100 - 12 * row, line)
        canvas.setFont(REGULAR, 7)
        canvas.drawString(40, 12, "JCS_proof.indd 141-142 12/03/2020 10:40 AM")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_text_outside_a_cropped_pages_visible_area_is_listed_not_read() -> None:
    # Each page's text was read with the other half of the spread beside it: every sentence came
    # twice, and the two halves' rows were cut into table cells.
    found = extract(spread_cut_by_crop_boxes(), source="S.pdf")
    for tag in "BC":
        for sentence in sentences(tag, 30):
            assert found.text.count(sentence) == 1
    assert found.text.index("In part B29 ") < found.text.index("In part C0 ")
    outside = [item for item in found.removed_text if item.reason == "outside_page"]
    assert [(item.page, item.text[:14]) for item in outside] == [(1, "In part C0 the"), (2, "Harbour Tables")]
    assert "In part B29 " in outside[1].text
    assert all(item.text.endswith(" JCS_proof.indd 141-142 12/03/2020 10:40 AM") for item in outside)
    assert found.removed == {}  # listed only, as rotated text and watermarks are


def test_a_line_past_the_edge_of_an_uncropped_page_is_read() -> None:
    # Only a cropped page hides what is drawn outside it: a line overflowing the paper (a long
    # link a word processor did not break) is the producer's text, and is read as before.
    page = text_page("B", title="Harbour Tables of the North Coast")
    page.text(72, 400, "The tables are kept at https://archive.example.org/harbour/tables/north-coast/" + "x" * 60 + " today.")
    found = extract(build([page]), source="O.pdf")
    assert "today." in found.text
    assert "outside_page" not in {item.reason for item in found.removed_text}


def test_a_pdf_whose_text_is_all_outside_its_crop_boxes_says_so(tmp_path: Path) -> None:
    # It was told it had no text layer and to run OCR, which would find nothing on a blank page.
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(2 * WIDTH, HEIGHT))
    canvas.setCropBox((WIDTH, 0, 2 * WIDTH, HEIGHT))
    canvas.setFont(REGULAR, 10)
    for row, line in enumerate(wrap(" ".join(sentences("B", 30)), 450)):
        canvas.drawString(72, HEIGHT - 100 - 12 * row, line)
    canvas.showPage()
    canvas.save()
    path = tmp_path / "C.pdf"
    path.write_bytes(buffer.getvalue())
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"synopsis: {path}: has no text on its pages as shown: its text is drawn outside the pages' visible area "
        "(their crop boxes), which a viewer does not show (it has a text layer: OCR would not help)"
    ]
