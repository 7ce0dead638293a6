"""PDF input: one article per PDF, extracted with layout analysis (`synopsis.pdf`).

The Article's `text` is the *extracted* text (title, abstract, then the body's headings and
paragraphs one per line), not the PDF's bytes: for a PDF, every span (`Sentence.start/end`)
is an offset into this text, which `synopsis extract FILE` prints exactly. `body` covers the
headings and paragraphs after the abstract, so the abstract is never a summary candidate.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import InputError
from ..pdf import PdfOptions, extract
from ..pdf.document import UNREAD_REASONS, PdfText  # imports pypdfium2: this module needs the `pdf` extra
from ..types import Article


def read_pdf(path: str | os.PathLike[str], *, options: PdfOptions = PdfOptions()) -> Article:
    """The article in the PDF at `path` (a str or a Path); a bad PDF raises `InputError` naming the file."""
    file = Path(path)
    return _article(_extract(file, source=str(path), options=options), source=str(path), stem=file.stem)


def read_pdf_bytes(data: bytes, *, source: str, options: PdfOptions = PdfOptions()) -> Article:
    """The article in a PDF given as bytes (stdin, an upload); `source` names it in errors."""
    stem = Path(source).stem if source not in ("<stdin>", "-") else "stdin"
    return _article(_extract(data, source=source, options=options), source=source, stem=stem)


def _extract(data: bytes | Path, *, source: str, options: PdfOptions) -> PdfText:
    """Extraction with every failure as an InputError, so one strange PDF never stops a batch."""
    try:
        return extract(data, source=source, options=options)
    except InputError as err:
        raise (err if err.source else err.at(source)) from None
    except MemoryError:
        raise InputError(
            "is too large to extract in the memory available", source=source, setting="max_pages", hint=" (lower {name})"
        ) from None
    except Exception as err:  # a layout bug on an unusual file: report it as this file's error
        raise InputError(f"could not be extracted ({type(err).__name__}: {err}); please report this PDF", source=source) from err


def _article(found: PdfText, *, source: str, stem: str) -> Article:
    body = (found.body_start, len(found.text))
    return Article(
        id=stem,
        text=found.text,
        body=body,
        title=found.title,
        abstract=found.abstract,
        meta={
            "format": "pdf",
            "input": source,
            "pages": found.pages,
            "body": body,
            "headings": list(found.headings),
            "footnotes": list(found.footnotes),
            "pdf_removed": dict(found.removed),
            "removed_text": [{"reason": r.reason, "page": r.page, "text": r.text} for r in found.removed_text],
            "abstract_parts": [{"label": label, "text": text} for label, text in found.abstract_parts],
            # Pages whose text was not read (scanned, unreadable glyph codes): the tally, which a
            # summary's `document.removed` shows, and one line for the user per kind of page.
            "pdf_unread": {reason: count for reason, count in found.removed.items() if reason in UNREAD_REASONS},
            "pdf_warnings": list(found.warnings),
        },
    )
