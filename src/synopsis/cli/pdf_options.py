"""The PDF limits every command that reads inputs shares (--max-pages, --max-pdf-mb)."""

from __future__ import annotations

from ..pdf.options import MAX_BYTES, MAX_PAGES, PdfOptions
from .app import check_whole, fail, megabytes

MAX_PAGES_HELP = f"Refuse PDFs with more pages than this [default: {MAX_PAGES}]."
MAX_PDF_MB_HELP = f"Refuse PDFs larger than this many megabytes [default: {MAX_BYTES // 1_000_000}]."


def pdf_options(max_pages: int | None, max_pdf_mb: float | None) -> PdfOptions:
    """PdfOptions from the command-line values (None: the default); a bad value is a usage error
    that names the option as typed (PdfOptions' own check names its field)."""
    check_whole(max_pages=max_pages)
    max_bytes = megabytes("max_pdf_mb", max_pdf_mb)
    try:
        return PdfOptions(
            max_pages=MAX_PAGES if max_pages is None else max_pages,
            max_bytes=MAX_BYTES if max_bytes is None else max_bytes,
        )
    except ValueError as err:
        fail(str(err))
