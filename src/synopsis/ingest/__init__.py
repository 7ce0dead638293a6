"""Ingest: turn what a user hands us (a path, stdin, a string) into `Article`s.

Formats are detected from the extension and the content, and can be forced with `format=`.
Readers yield errors as values (`InputError`) so that a corpus reader can report a bad line and go
on with the next one; single-article readers raise them.
"""

from __future__ import annotations

import gzip
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Literal, get_args

from ..errors import InputError, MissingExtra
from ..pdf.options import PdfOptions
from ..types import Article
from .decode import MAX_TEXT_BYTES, decode
from .jsonl import JsonlFields, looks_like_jsonl, read_jsonl_lines
from .record import looks_like_record, read_record

Format = Literal["auto", "text", "record", "jsonl", "pdf"]
FORMATS: tuple[str, ...] = get_args(Format)  # the names `--format` accepts, from the one definition
STDIN = "-"


def detect_format(path: str, head: bytes) -> str:
    """Guess the format from the file name, then from the first bytes."""
    name = path.lower()
    if name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        return "jsonl"
    if name.endswith(".pdf") or head.startswith(b"%PDF-"):
        return "pdf"
    try:
        text = head.decode("utf-8-sig", errors="ignore")
    except LookupError:  # pragma: no cover - utf-8 always exists
        text = ""
    if looks_like_jsonl(text):
        return "jsonl"
    if looks_like_record(text):
        return "record"
    return "text"


def read_articles(
    path: str,
    *,
    format: str = "auto",
    fields: JsonlFields = JsonlFields(),
    encoding: str | None = None,
    max_bytes: int = MAX_TEXT_BYTES,
    pdf: PdfOptions = PdfOptions(),
) -> Iterator[Article | InputError]:
    """Every article in `path` (a file, or "-" for stdin), errors included, in input order.

    `pdf` sets the limits for PDF inputs (pages, size, time); `max_bytes` is for text inputs.
    """
    try:
        if format not in FORMATS:
            raise InputError(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}", source=path)
        if path == STDIN:
            data = sys.stdin.buffer.read()
            yield from _from_bytes(
                data,
                source="<stdin>",
                stem="stdin",
                format=format,
                fields=fields,
                encoding=encoding,
                max_bytes=max_bytes,
                pdf=pdf,
            )
            return
        file = Path(path)
        if not file.exists():
            raise InputError("no such file", source=path)
        if file.is_dir():
            raise InputError("is a directory, not a file (give the files inside it, e.g. DIR/*.txt)", source=path)
        fmt = format if format != "auto" else detect_format(path, _head(file))
        if fmt == "jsonl":
            yield from _read_jsonl_file(file, fields=fields)
            return
        if fmt == "pdf":
            yield _pdf_reader("read_pdf")(file, options=pdf)
            return
        data = file.read_bytes() if not path.endswith(".gz") else gzip.decompress(file.read_bytes())
        yield from _from_bytes(
            data, source=path, stem=file.stem, format=fmt, fields=fields, encoding=encoding, max_bytes=max_bytes, pdf=pdf
        )
    except InputError as err:
        yield err if err.source else err.at(path)
    except OSError as err:
        yield InputError(f"cannot be read ({err.strerror or err})", source=path)


def article_from_text(
    text: str, *, doc_id: str = "doc", title: str = "", abstract: str = "", format: str = "auto", source: str = "<text>"
) -> Article:
    """One article from a string (the Python API and the server use this)."""
    if not text or not text.strip():
        raise InputError("contains no text (only whitespace)", source=source)
    if format == "auto":
        format = "record" if looks_like_record(text) else "text"
    if format == "record":
        article = read_record(text, source=source, doc_id=doc_id)
        return _with(article, title=title or article.title, abstract=abstract or article.abstract)
    if format != "text":
        raise InputError(f"format {format!r} is not available for a text string", source=source)
    return Article(
        id=doc_id, text=text, body=(0, len(text)), title=title, abstract=abstract, meta={"format": "text", "input": source}
    )


def _with(article: Article, *, title: str, abstract: str) -> Article:
    return Article(article.id, article.text, article.body, title, abstract, article.meta)


def _pdf_reader(name: str):  # type: ignore[no-untyped-def]
    """The PDF reader, imported only when a PDF arrives: it needs the optional `pdf` extra."""
    try:
        from . import pdf  # type: ignore[attr-defined,unused-ignore]
    except ImportError as err:
        raise MissingExtra("PDF input", "pdf", str(err)) from None
    return getattr(pdf, name)


def require_pdf() -> None:
    """Raise MissingExtra now when PDFs cannot be read, before a run sends any to its workers."""
    _pdf_reader("read_pdf")


def _head(file: Path, size: int = 65536) -> bytes:
    with file.open("rb") as handle:
        return handle.read(size)


def _read_jsonl_file(file: Path, *, fields: JsonlFields) -> Iterator[Article | InputError]:
    opener = gzip.open if file.name.endswith(".gz") else open
    with opener(file, "rb") as handle:
        yield from read_jsonl_lines(handle, source=str(file), fields=fields, stem=file.stem)


def _from_bytes(
    data: bytes,
    *,
    source: str,
    stem: str,
    format: str,
    fields: JsonlFields,
    encoding: str | None,
    max_bytes: int,
    pdf: PdfOptions = PdfOptions(),
) -> Iterator[Article | InputError]:
    fmt = format if format != "auto" else detect_format(source, data[:65536])
    if fmt == "jsonl":
        yield from read_jsonl_lines(data.splitlines(), source=source, fields=fields, stem=stem)
        return
    if fmt == "pdf":
        yield _pdf_reader("read_pdf_bytes")(data, source=source, options=pdf)
        return
    text, bom = decode(data, source=source, encoding=encoding, max_bytes=max_bytes)
    article = (
        read_record(text, source=source, doc_id=stem)
        if fmt == "record"
        else Article(id=stem, text=text, body=(0, len(text)), meta={"format": "text", "input": source})
    )
    article.meta["bom"] = bom
    yield article


__all__ = [
    "FORMATS",
    "STDIN",
    "Article",
    "InputError",
    "JsonlFields",
    "PdfOptions",
    "article_from_text",
    "detect_format",
    "read_articles",
]
