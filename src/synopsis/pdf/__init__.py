"""Layout-aware text extraction from PDF articles (needs the `pdf` extra: pypdfium2).

    pages (reader) -> lines (lines) -> running headers, page numbers (furniture)
      -> columns and reading order (columns) -> footnotes (furniture)
      -> cover sheet, title, abstract, body start (front) -> headings (headings)
      -> paragraphs, hyphenation (paragraphs) -> one text (document)

Importing this package does not import the PDF library, so `PdfOptions` is available (for
option parsing and help texts) without the extra installed; `extract` imports it when called.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .options import PdfOptions

if TYPE_CHECKING:
    from .document import PdfText


def extract(data: bytes | Path, *, source: str, options: PdfOptions = PdfOptions()) -> PdfText:
    """Extract title, abstract and body text from a PDF's bytes or path (see `document.extract`)."""
    from .document import extract as run

    return run(data, source=source, options=options)


__all__ = ["PdfOptions", "PdfText", "extract"]
