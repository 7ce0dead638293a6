"""Ingest: turn what a user hands us (a path, stdin, a string) into `Article`s.

Formats are detected from the extension and the content, and can be forced with `format=`.
Readers yield errors as values (`InputError`) so that a corpus reader can report a bad line and go
on with the next one; single-article readers raise them. Every input (a file, a pipe, a FIFO, a
device, stdin, a .gz) is read once and never past its limit (`stream.py`): the format is sniffed
from the bytes already read, not by opening the input a second time.
"""

from __future__ import annotations

import gzip
import os
import stat
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from ..errors import InputError, MissingExtra
from ..pdf.options import PdfOptions
from ..sizes import over_limit
from ..types import Article
from .decode import BOMS, MAX_TEXT_BYTES, check_surrogates, decode, too_large
from .jsonl import JsonlFields, looks_like_jsonl, read_jsonl_stream
from .record import looks_like_record, read_record
from .stream import HEAD_BYTES, ByteStream, chunks, read_at_most, read_rest

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
    if looks_like_jsonl(head.decode("utf-8-sig", errors="ignore")):
        return "jsonl"
    if looks_like_record(_head_text(head)):
        return "record"
    return "text"


def _head_text(head: bytes) -> str:
    """The first bytes as text for sniffing: UTF-16/32 by their BOM (a record saved as UTF-16 is
    still a record), anything else as UTF-8; a character cut at the end is dropped."""
    codec = next((name for mark, name in BOMS if head.startswith(mark)), "utf-8-sig")
    return head.decode(codec, errors="ignore")


def read_articles(
    path: str | os.PathLike[str],
    *,
    format: str = "auto",
    fields: JsonlFields = JsonlFields(),
    encoding: str | None = None,
    max_bytes: int = MAX_TEXT_BYTES,
    pdf: PdfOptions = PdfOptions(),
) -> Iterator[Article | InputError]:
    """Every article in `path` (a file as a str or a `pathlib.Path`, or "-" for stdin), errors
    included, in input order.

    `pdf` sets the limits for PDF inputs (pages, size, time); `max_bytes` is for text inputs
    (0: no limit). Every input is read once, from one handle, so pipes, FIFOs and stdin work, and
    never more than the limits allow, so stdin, /dev/zero or a gzip bomb cannot exhaust memory.
    A path of another type is a TypeError at the call, not at the first article.
    """
    name = _path_str(path)
    return _read_articles(name, _Reading(format=format, fields=fields, encoding=encoding, max_bytes=max_bytes, pdf=pdf))


def _path_str(path: object) -> str:
    """`path` (a str or an os.PathLike such as pathlib.Path) as a str; anything else is a one-line
    TypeError, since a wrong type would otherwise fail deep in reading with an AttributeError."""
    name = os.fspath(path) if isinstance(path, (str, os.PathLike)) else None
    if not isinstance(name, str):
        got = "None" if path is None else type(name if name is not None else path).__name__
        raise TypeError(f"read_articles: path must be a str or a pathlib.Path (os.PathLike of str), not {got}")
    return name


def _read_articles(path: str, read: _Reading) -> Iterator[Article | InputError]:
    """`read_articles` once its arguments are checked: read errors are yielded, not raised."""
    try:
        if read.format not in FORMATS:
            raise InputError(f"unknown format {read.format!r}; choose one of {', '.join(FORMATS)}", source=path)
        if path == STDIN:
            yield from read.stream(sys.stdin.buffer, source="<stdin>", stem="stdin")
            return
        file = Path(path)
        if not file.exists():
            raise InputError("no such file", source=path)
        if file.is_dir():
            raise InputError("is a directory, not a file (give the files inside it, e.g. DIR/*.txt)", source=path)
        compressed = path.endswith(".gz")
        info = file.stat()
        plain = stat.S_ISREG(info.st_mode) and not compressed  # not a pipe, FIFO, device or .gz
        with gzip.open(file, "rb") if compressed else file.open("rb") as handle:
            yield from read.stream(
                handle, source=path, stem=file.stem, file=file if plain else None, size=info.st_size if plain else None
            )
    except InputError as err:
        yield err if err.source else err.at(path)
    except OSError as err:
        yield InputError(f"cannot be read ({err.strerror or err})", source=path)
    except (EOFError, zlib.error) as err:  # gzip's "ended before the end-of-stream marker", bad deflate data
        yield InputError(f"is damaged compressed data ({err})", source=path)


@dataclass(frozen=True, slots=True)
class _Reading:
    """How `read_articles` reads one input: the format asked for, and the limits."""

    format: str
    fields: JsonlFields
    encoding: str | None
    max_bytes: int
    pdf: PdfOptions

    def stream(
        self, handle: ByteStream, *, source: str, stem: str, file: Path | None = None, size: int | None = None
    ) -> Iterator[Article | InputError]:
        """The articles in an open input: its head sniffed for the format, then the rest read from
        the same handle. `file` and `size` are given for a plain file (not a pipe, a device or a
        .gz), which a PDF reader may open itself and whose size is known before reading."""
        head = read_at_most(handle, HEAD_BYTES)
        fmt = self.format if self.format != "auto" else detect_format(source, head)
        if fmt == "jsonl":
            yield from read_jsonl_stream(chunks(head, handle), source=source, fields=self.fields, stem=stem)
        elif fmt == "pdf":
            yield self._pdf(head, handle, source=source, file=file)
        else:
            yield self._text(head, handle, source=source, stem=stem, fmt=fmt, size=size)

    def _pdf(self, head: bytes, handle: ByteStream, *, source: str, file: Path | None) -> Article:
        if file is not None:
            return _pdf_reader("read_pdf")(file, options=self.pdf)
        limit = self.pdf.max_bytes
        data = read_rest(head, handle, limit)
        if len(data) > limit:  # the reader's own check would give this size as if it were all of it
            raise InputError(
                f"is at least {over_limit(len(data), limit)} for one PDF",
                source=source,
                setting="max_pdf_bytes",
                hint=" (raise it with {name})",
                value=len(data),
                limit=limit,
            )
        return _pdf_reader("read_pdf_bytes")(data, source=source, options=self.pdf)

    def _text(self, head: bytes, handle: ByteStream, *, source: str, stem: str, fmt: str, size: int | None) -> Article:
        limit = self.max_bytes or None
        if limit is not None and size is not None and size > limit:
            raise too_large(size, limit, source=source)  # known before reading: say the whole size
        data = read_rest(head, handle, limit)
        if limit is not None and len(data) > limit:
            raise too_large(len(data), limit, source=source, read_all=size is not None)
        text, bom = decode(data, source=source, encoding=self.encoding, max_bytes=self.max_bytes)
        article = (
            read_record(text, source=source, doc_id=stem)
            if fmt == "record"
            else Article(id=stem, text=text, body=(0, len(text)), meta={"format": "text", "input": source})
        )
        article.meta["bom"] = bom
        return article


def article_from_text(
    text: str, *, doc_id: str = "doc", title: str = "", abstract: str = "", format: str = "auto", source: str = "<text>"
) -> Article:
    """One article from a string (the Python API and the server use this)."""
    if not text or not text.strip():
        raise InputError("contains no text (only whitespace)", source=source)
    for what, value in (("", text), ("the title ", title), ("the abstract ", abstract)):
        check_surrogates(value, source=source, what=what)
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
