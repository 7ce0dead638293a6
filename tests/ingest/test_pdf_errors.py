"""Every way a PDF can be unusable gives one clear InputError naming the file, never a crash."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdfgen import BOLD, Page, build, wrap, zero_page_pdf
from synopsis.errors import InputError
from synopsis.ingest import read_articles
from synopsis.ingest.pdf import read_pdf_bytes
from synopsis.pdf import PdfOptions, extract

TEXT = (
    "A page of ordinary text that a reader can extract without trouble, long enough to count as an "
    "article body for the purposes of these tests and ending with a full stop."
)


def text_pdf(pages: int = 1, *, encrypt: str | None = None) -> bytes:
    built = []
    for number in range(pages):
        page = Page()
        page.text(72, 60, f"Page {number + 1} Title Of A Test Article", font=BOLD, size=16)
        page.text(72, 100, "1 Introduction", font=BOLD, size=12)
        page.block(72, 120, wrap(TEXT * 3, 450))
        built.append(page)
    return build(built, encrypt=encrypt)


def image_only_pdf() -> bytes:
    page = Page()
    page.images.append((72, 72, 450, 600))
    return build([page, page])


def stamped_scan_pdf() -> bytes:
    """Scanned pages whose only text is the line a download service stamps on each of them."""
    page = Page()
    page.images.append((72, 72, 450, 600))
    stamp = "This content downloaded from 192.0.2.1 on Mon, 06 Jan 2020 12:00:00 UTC; all use subject to the terms"
    page.text(72, 790, stamp, size=7)
    return build([page, page, page])


def error_of(data: bytes, tmp_path: Path, name: str = "paper.pdf", **options: object) -> InputError:
    path = tmp_path / name
    path.write_bytes(data)
    items = list(read_articles(str(path), pdf=PdfOptions(**options)))  # type: ignore[arg-type]
    assert len(items) == 1
    error = items[0]
    assert isinstance(error, InputError), f"expected an error, got an article: {error!r}"
    assert error.source == str(path)
    assert "\n" not in str(error)
    return error


@pytest.mark.parametrize(
    "make, message",
    [
        (lambda: text_pdf(encrypt="secret"), "is encrypted"),
        (image_only_pdf, "no text layer.*OCR"),
        (stamped_scan_pdf, "no text left after removing page headers.*scanned pages.*OCR"),
        (lambda: text_pdf()[: len(text_pdf()) // 2], "damaged or truncated"),
        (lambda: b"%PDF-1.4\n" + bytes(range(256)) * 40, "damaged"),
        (lambda: b"<!DOCTYPE html><html><body>Not found</body></html>", "not a PDF.*HTML page"),
        (lambda: b"just some words in a file named like a PDF", "not a PDF"),
        (lambda: b"", "empty"),
        (zero_page_pdf, "no pages"),
    ],
    ids=["encrypted", "image-only", "stamped-scan", "truncated", "corrupt", "html", "text", "empty", "zero-pages"],
)
def test_bad_pdfs_give_one_clear_error(make, message: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    error = error_of(make(), tmp_path)
    assert re.search(message, error.message), error.message


def test_page_limit(tmp_path: Path) -> None:
    error = error_of(text_pdf(pages=4), tmp_path, max_pages=3)
    assert "has 4 pages, over the limit of 3" in error.message and "--" not in error.message  # core names no CLI flag
    assert (error.setting, error.value, error.limit) == ("max_pages", 4, 3)
    assert error.worded({"max_pages": "--max-pages"}).endswith("(raise it with --max-pages)")


def test_size_limit(tmp_path: Path) -> None:
    data = text_pdf()
    error = error_of(data, tmp_path, max_bytes=len(data) - 1)
    assert f"kB, over the {(len(data) - 1) / 1e3:.3f} kB limit" in error.message and "--" not in error.message
    assert (error.setting, error.value, error.limit) == ("max_pdf_bytes", len(data), len(data) - 1)
    assert error.worded({"max_pdf_bytes": "--max-pdf-mb"}).endswith("(raise it with --max-pdf-mb)")


def test_time_limit_stops_a_slow_file(tmp_path: Path) -> None:
    error = error_of(text_pdf(pages=3), tmp_path, max_seconds=1e-9)
    assert "took more than" in error.message


def test_character_limit_per_page(tmp_path: Path) -> None:
    error = error_of(text_pdf(), tmp_path, max_chars_per_page=100)
    assert "page 1 has" in error.message and "characters" in error.message


def test_owner_password_only_is_readable(tmp_path: Path) -> None:
    """A PDF that only restricts printing or copying opens without a password: it is read."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    page = Page()
    page.text(72, 60, "A Restricted But Readable Article", font=BOLD, size=16)
    page.text(72, 100, "1 Introduction", font=BOLD, size=12)
    page.block(72, 120, wrap(TEXT, 450))
    data = build([page], encrypt=StandardEncryption("", ownerPassword="owner", canPrint=0, canCopy=0))
    article = read_pdf_bytes(data, source="restricted.pdf")
    assert article.title == "A Restricted But Readable Article"


def test_extract_names_its_source_when_only_page_furniture_is_left() -> None:
    # Every other error of `synopsis.pdf.extract` named the file; this one said "<input>".
    with pytest.raises(InputError) as caught:
        extract(stamped_scan_pdf(), source="stamped.pdf")
    assert str(caught.value).startswith("stamped.pdf: has no text left")


def running_heads_pdf() -> bytes:
    """Pages whose only text is a running head and a page number (no images: no scan)."""
    pages = []
    for number in range(3):
        page = Page()
        page.text(72, 30, "Journal of Harbour Studies, Volume 12, Issue 3, Smith and Jones", size=8)
        page.text(290, 800, str(number + 1), size=9)
        pages.append(page)
    return build(pages)


def table_pdf() -> bytes:
    """A page of nothing but a three-column table."""
    page = Page()
    for i in range(30):
        page.text(72, 72 + 14 * i, f"Station {i}")
        page.text(250, 72 + 14 * i, f"Village {i}")
        page.text(420, 72 + 14 * i, f"{i * 3.5:.1f} metres")
    return build([page])


@pytest.mark.parametrize(
    "make, set_aside",
    [(running_heads_pdf, "running headers and page numbers"), (table_pdf, "tables")],
    ids=["running-heads", "table"],
)
def test_a_text_pdf_with_nothing_to_read_says_what_its_text_was(make, set_aside: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    # Both were told to run OCR (--force-ocr on a PDF that has its text layer, which changes
    # nothing), or, for the table, nothing at extraction and then "is it only a reference list or
    # front matter?" when summarized.
    error = error_of(make(), tmp_path)
    assert (
        error.message
        == f"has no article text: all its text was set aside as {set_aside} (it has a text layer: OCR would not help)"
    )


def test_bytes_input_names_its_source() -> None:
    with pytest.raises(InputError) as caught:
        read_pdf_bytes(b"%PDF-1.4\n garbage", source="<upload>")
    assert str(caught.value).startswith("<upload>: ")


def test_bad_options_are_refused() -> None:
    for bad in ({"max_pages": 0}, {"max_bytes": -1}, {"max_seconds": 0}, {"max_pages": True}):
        with pytest.raises(ValueError):
            PdfOptions(**bad)  # type: ignore[arg-type]


def test_read_pdf_takes_a_str_path_as_well_as_a_path(tmp_path: Path) -> None:
    from synopsis.ingest.pdf import read_pdf

    path = tmp_path / "paper.pdf"
    path.write_bytes(text_pdf())
    assert read_pdf(str(path)).text == read_pdf(path).text  # a str was an AttributeError ('stem')
