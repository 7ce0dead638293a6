"""Ingest: turn what a user hands us (a path, stdin, a string) into `Article`s.

Formats are detected from the extension and the content, and can be forced with `format=`.
Readers yield errors as values (`InputError`) so that a corpus reader can report a bad line and go
on with the next one; single-article readers raise them. Every input (a file, a pipe, a FIFO, a
device, stdin, a .gz) is read once and never past its limit (`stream.py`): the format is sniffed
from the bytes already read, not by opening the input a second time.
"""

from __future__ import annotations

import codecs
import errno
import gzip
import json
import os
import re
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
from .decode import (
    MAX_TEXT_BYTES,
    NAMED_ENCODING,
    PDF_SIGNATURE,
    binary_kind,
    bom_codec,
    check_characters,
    check_head,
    check_markup,
    check_surrogates,
    decode,
    named_reading,
    too_large,
    utf16_without_bom_error,
)
from .jsonl import JsonlFields, looks_like_json_document, looks_like_jsonl, read_json_document, read_jsonl_stream
from .record import looks_like_record, read_record
from .stream import HEAD_BYTES, ByteStream, GzipInput, chunks, read_at_most, read_rest, transcoded

Format = Literal["auto", "text", "record", "jsonl", "json", "pdf"]
FORMATS: tuple[str, ...] = get_args(Format)  # the names `--format` accepts, from the one definition
STDIN = "-"
# A JSON document is read whole, so `max_bytes` limits all of it; JSONL has no such limit.
_JSON_DOCUMENT = "a JSON document (read whole, unlike JSONL)"


def detect_format(path: str, head: bytes, encoding: str | None = None) -> str:
    """Guess the format from the file name, then from the first bytes, read in `encoding` when one
    is named (a record saved as UTF-16 without a BOM is still a record): "json" is a JSON document
    (an array of articles, or one article printed over several lines), which is summarized as
    its articles rather than as prose made of JSON."""
    name = path.lower()
    if name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        return "jsonl"
    if name.endswith(".pdf") or head.startswith(b"%PDF-"):
        return "pdf"
    text = _head_text(head, encoding)
    if looks_like_jsonl(text):
        return "jsonl"
    if looks_like_json_document(text) or name.endswith((".json", ".json.gz")):
        return "json"  # a .json file is JSON however it starts: `5` or `["a"]` is no article's prose
    if looks_like_record(text):
        return "record"
    return "text"


def _head_text(head: bytes, encoding: str | None = None) -> str:
    """The first bytes as text for sniffing: by their BOM (a record saved as UTF-16 is still a
    record; a BOM wins over a named encoding, `decode.bom_codec`), else in the encoding named,
    anything else as UTF-8; a character cut at the end is dropped. An unknown encoding is sniffed
    as UTF-8 (decoding then says it is unknown)."""
    codec = bom_codec(head)[1]
    if codec is not None:
        encoding = None
    codec = codec or "utf-8-sig"
    try:
        return head.decode(encoding or codec, errors="ignore").lstrip("\ufeff")
    except LookupError:
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
    opened: ByteStream | None = None
    try:
        if read.format not in FORMATS:
            raise InputError(f"unknown format {read.format!r}; choose one of {', '.join(FORMATS)}", source=path)
        if path == STDIN:
            if sys.stdin is None:  # started with stdin closed (`synopsis summarize - <&-`)
                raise InputError("stdin is closed: there is nothing to read (give a file, or pipe the text in)", source="<stdin>")
            yield from read.stream(sys.stdin.buffer, source="<stdin>", stem="stdin")
            return
        file = Path(path)
        if (missing := absent(path)) is not None:
            raise InputError(missing, source=path)
        if file.is_dir():
            raise InputError("is a directory, not a file (give the files inside it, e.g. DIR/*.txt)", source=path)
        compressed = path.endswith(".gz")
        info = file.stat()
        plain = stat.S_ISREG(info.st_mode) and not compressed  # not a pipe, FIFO, device or .gz
        with gzip.open(file, "rb") if compressed else file.open("rb") as handle:
            opened = GzipInput(handle) if isinstance(handle, gzip.GzipFile) else handle
            yield from read.stream(
                opened, source=path, stem=file.stem, file=file if plain else None, size=info.st_size if plain else None
            )
    except InputError as err:
        yield err if err.source else err.at(path)
    except gzip.BadGzipFile as err:  # after data: a bad CRC, or bytes after the last member
        damaged = isinstance(opened, GzipInput) and opened.damaged
        yield InputError(f"is damaged compressed data ({err})" if damaged else f"cannot be read ({err})", source=path)
    except OSError as err:
        yield InputError(f"cannot be read ({err.strerror or err})", source=path)
    except (EOFError, zlib.error) as err:  # gzip's "ended before the end-of-stream marker", bad deflate data
        yield InputError(f"is damaged compressed data ({err})", source=path)


def absent(path: str, missing: str = "no such file") -> str | None:
    """Why there is nothing to read at `path`, or None when there is: `missing` when nothing has
    that name, and what is wrong otherwise, which "no such file" would hide from someone looking
    at the name in `ls` (a symbolic link to a missing file, or to itself)."""
    try:
        os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            return f"is a broken symbolic link (it points to {os.readlink(path)!r}, which does not exist)"
        if any(mark in os.path.basename(path) for mark in "*?"):
            # `dir/*.txt` reached us as it is: the shell passes on a pattern that matches nothing (or a quoted one)
            return f"{missing}: no file matches this pattern (a shell passes a pattern on as it is when nothing matches it)"
        return missing
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "is a symbolic link loop (following its links leads back to one of them)"
        if err.errno == errno.ENOTDIR:
            return missing
        return f"cannot be read ({err.strerror or err})"
    except ValueError as err:  # a NUL in the name
        return f"is not a usable path ({err})"
    return None


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
        fmt = self.format if self.format != "auto" else detect_format(source, head, self.encoding)
        if self.format == "auto" and fmt == "text" and (table := table_refusal(source)) is not None:
            raise table
        if fmt == "jsonl" and looks_like_json_document(_head_text(head, self.encoding)):
            fmt = "json"  # a .jsonl that holds a JSON array: its articles, not an error per line
        if fmt == "jsonl" and (columns := csv_columns(_head_text(head, self.encoding))) is not None:
            raise InputError(  # one line, not "is not valid JSON" for each of its rows
                f"is a CSV/TSV table (columns {columns}), not JSONL: convert it to JSONL (one article a line) or Parquet",
                source=source,
            )
        if fmt == "jsonl" and (what := binary_kind(head) or ("a PDF file" if head.startswith(PDF_SIGNATURE) else None)):
            raise InputError(f"is {what}, not JSONL text", source=source)  # one line, not one per "line"
        if fmt == "jsonl":
            codec = _jsonl_codec(head, self.encoding, source=source)
            if codec is None and (utf16 := utf16_without_bom_error(head, source=source)) is not None:
                raise utf16
            parts = chunks(head, handle)
            yield from read_jsonl_stream(
                parts if codec is None else _transcoded(parts, codec, source=source),
                source=source,
                fields=self.fields,
                stem=stem,
                encoding=named_reading(self.encoding, b"") if codec is None else None,  # a UTF-8 BOM won over it
            )
        elif fmt == "json":
            text = self._decoded(head, handle, source=source, size=size, what=_JSON_DOCUMENT, bom_is_text=False)[0]
            yield from read_json_document(text, source=source, fields=self.fields, stem=stem)
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

    def _decoded(
        self,
        head: bytes,
        handle: ByteStream,
        *,
        source: str,
        size: int | None,
        what: str = "one article",
        bom_is_text: bool = True,
    ) -> tuple[str, bytes]:
        """The whole input as text (and its BOM), read to at most `max_bytes`, once its head is
        known to be text: binary data is not read on to the limit (or forever, with no limit)."""
        check_head(head, source=source, encoding=self.encoding)
        limit = self.max_bytes or None
        if limit is not None and size is not None and size > limit:
            raise too_large(size, limit, source=source, what=what)  # known before reading: say the whole size
        data = read_rest(head, handle, limit)
        if limit is not None and len(data) > limit:
            raise too_large(len(data), limit, source=source, read_all=size is not None, what=what)
        return decode(data, source=source, encoding=self.encoding, max_bytes=self.max_bytes, bom_is_text=bom_is_text)

    def _text(self, head: bytes, handle: ByteStream, *, source: str, stem: str, fmt: str, size: int | None) -> Article:
        text, bom = self._decoded(head, handle, source=source, size=size)
        article = (
            read_record(text, source=source, doc_id=stem)
            if fmt == "record"
            else Article(id=stem, text=text, body=(0, len(text)), meta={"format": "text", "input": source})
        )
        article.meta["bom"] = bom
        if (named := named_reading(self.encoding, bom)) is not None:
            article.meta[NAMED_ENCODING] = named  # a refusal of the text says it was read so (`pipeline`)
        return article


# A table of articles, one a row: read as text it was one "article" made of every row, summarized
# across documents with exit status 0.
_TABLE_SUFFIXES = (".csv", ".tsv", ".csv.gz", ".tsv.gz")


def table_refusal(source: str) -> InputError | None:
    """The error for a file named as a CSV/TSV table that is about to be read as text (the CLI, a
    batch and the server's uploads alike), or None for any other name."""
    if not source.lower().endswith(_TABLE_SUFFIXES):
        return None
    return InputError(
        "is a CSV/TSV table, which synopsis does not read: convert it to JSONL (one article a line) or Parquet",
        source=source,
        setting="format",
        hint="; to summarize the whole file as one text, use {name} text",
    )


def csv_columns(text: str) -> str | None:
    """The column names of a CSV/TSV table with a header line (`id,title,full_text`), shown as
    "id, title, full_text", or None. Only for a text read as JSONL (by its name, `.jsonl`): none
    of its lines in `text` (the head) may start as a JSON object, so a JSONL file whose first
    line is broken is still read line by line."""
    lines = [line.strip() for line in text.lstrip("\ufeff").splitlines() if line.strip()]
    if not lines or any(line.startswith("{") for line in lines) or _is_json(lines[0]):
        return None  # a JSON value a line (a string: "hello, world") is JSONL of the wrong kind
    for delimiter in (",", "\t", ";"):
        names = [name.strip().strip('"').strip() for name in lines[0].split(delimiter)]
        if len(names) >= 2 and all(_COLUMN_NAME.fullmatch(name) for name in names):
            shown = names[:6] + (["..."] if len(names) > 6 else [])
            return ", ".join(shown)
    return None


def _is_json(line: str) -> bool:
    try:
        json.loads(line)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than json reads (no table either)
        return False
    return True


# A header's column name: a short identifier ("full_text", "paper id", "doi").
_COLUMN_NAME = re.compile(r"[A-Za-z_][\w .\-]{0,63}")


def reads_line_by_line(head: bytes, encoding: str | None = None) -> bool:
    """Whether a JSONL input can be read as its UTF-8 lines one by one, as a batch's JSONL shards
    read it. Those that cannot go through `read_articles`, which reads them or says in one line
    what they are: a JSON document (an array), UTF-16/32 or another named encoding, binary data."""
    text = _head_text(head)
    if looks_like_json_document(text) or binary_kind(head) is not None or head.startswith(PDF_SIGNATURE):
        return False
    if csv_columns(text) is not None or utf16_without_bom_error(head, source="") is not None:
        return False
    if encoding is not None and named_reading(encoding, b"") is not None and bom_codec(head)[1] == "utf-8-sig":
        return False  # a UTF-8 BOM, and the named encoding for the lines it does not read (`parse_line`)
    try:
        return _jsonl_codec(head, encoding, source="") is None
    except InputError:
        return False


def _jsonl_codec(head: bytes, encoding: str | None, *, source: str) -> str | None:
    """The codec a JSONL input is in when it is not UTF-8: the one the user named, or UTF-16/32 by
    its BOM (as text inputs are read; a BOM wins, `decode.bom_codec`); None for UTF-8, which is
    read as it is."""
    try:
        name = codecs.lookup(encoding).name if encoding is not None else "utf-8"
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", source=source) from None
    bom = bom_codec(head)[1]
    if bom is not None:
        return None if bom == "utf-8-sig" else bom
    return None if name in ("utf-8", "utf-8-sig") else encoding


def _transcoded(parts: Iterator[bytes], codec: str, *, source: str) -> Iterator[bytes]:
    """`transcoded`, with a byte that is not `codec` as this input's error: the lines before it
    have been read."""
    try:
        yield from transcoded(parts, codec)
    except UnicodeDecodeError as err:
        byte = f"byte 0x{err.object[err.start]:02x}: " if err.start < len(err.object) else ""
        message = f"is not valid {codec.upper()} ({byte}{err.reason}); the lines before it were read"
        raise InputError(message, source=source) from None
    except UnicodeError:  # "UTF-16 stream does not start with BOM": no byte order named or marked
        name = codecs.lookup(codec).name
        message = f"has no byte-order mark, which {name.upper()} needs for its byte order; name {name}-le or {name}-be"
        raise InputError(message, source=source, setting="encoding", hint=" with {name}") from None


def article_from_text(
    text: str, *, doc_id: str = "doc", title: str = "", abstract: str = "", format: str = "auto", source: str = "<text>"
) -> Article:
    """One article from a string (the Python API and the server use this)."""
    if not text or not text.strip():
        raise InputError("contains no text (only whitespace)", source=source)
    if _is_file_name(text):  # summarize("paper.txt") summarized those nine characters
        what = "a URL" if "://" in text else "a file name"
        hint = "download it and pass the text it holds" if "://" in text else "pass the text the file holds"
        raise InputError(f"is {what} ({text.strip()!r}), not an article's text: {hint}", source=source)
    for what, value in (("", text), ("the title ", title), ("the abstract ", abstract)):
        check_surrogates(value, source=source, what=what)
        check_characters(value, source=source, what=what)  # as a file's bytes are checked (`decode`)
    check_markup(text, source=source)  # as a file of it is refused (`decode`)
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


# The names of files synopsis reads: a "text" that is one such name is a path passed as the text.
_FILE_SUFFIXES = (".txt", ".text", ".md", ".rst", ".record", ".pdf", ".json", ".jsonl", ".ndjson", ".gz", ".parquet", ".pq")


def _is_file_name(text: str) -> bool:
    """Whether `text` is one word that ends like the name of a file synopsis reads (no article is)."""
    word = text.strip()
    return len(word) <= 4096 and not any(ch.isspace() for ch in word) and word.lower().endswith(_FILE_SUFFIXES)


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
    "absent",
    "article_from_text",
    "detect_format",
    "read_articles",
    "reads_line_by_line",
    "table_refusal",
]
