"""JSONL: one article per line, streamed, with field names the user can change.

A bad line becomes an `InputError` in the stream, located by line number, and the other lines go
on: one broken line in a million-line corpus must not lose the rest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..sizes import over_limit
from ..types import Article
from .decode import check_surrogates
from .stream import bounded_lines


@dataclass(frozen=True, slots=True)
class JsonlFields:
    """Which JSON fields hold the article's parts."""

    text: str = "full_text"
    id: str = "id"
    title: str = "title"
    abstract: str = "abstract"


# Per-line limit: a line this long is not one article.
MAX_LINE_BYTES = 50_000_000


def looks_like_jsonl(text: str) -> bool:
    first = text.lstrip("\ufeff \t\r\n").split("\n", 1)[0].strip()
    if not first.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return False


def read_jsonl_lines(
    lines: Iterable[bytes], *, source: str, fields: JsonlFields = JsonlFields(), stem: str = "doc"
) -> Iterator[Article | InputError]:
    """Articles (or errors) from JSONL lines, in order; blank lines are skipped silently."""
    yield from _read_sized(((raw, len(raw)) for raw in lines), source=source, fields=fields, stem=stem)


def read_jsonl_stream(
    parts: Iterable[bytes], *, source: str, fields: JsonlFields = JsonlFields(), stem: str = "doc"
) -> Iterator[Article | InputError]:
    """Articles (or errors) from JSONL bytes that arrive in parts (a file, a pipe, a .gz), holding
    at most one line of `MAX_LINE_BYTES` in memory however long a line is."""
    yield from _read_sized(bounded_lines(parts, MAX_LINE_BYTES), source=source, fields=fields, stem=stem)


def _read_sized(
    lines: Iterable[tuple[bytes, int]], *, source: str, fields: JsonlFields, stem: str
) -> Iterator[Article | InputError]:
    for number, (raw, size) in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            yield parse_line(raw, source=source, line=number, fields=fields, stem=stem, size=size)
        except InputError as err:
            yield err


def parse_line(raw: bytes | str, *, source: str, line: int, fields: JsonlFields, stem: str, size: int | None = None) -> Article:
    """One line's article. `size` is the line's length in bytes where `raw` holds only its start
    (an over-long line, cut short so as not to hold it all)."""
    if isinstance(raw, bytes):
        size = len(raw) if size is None else size
        if size > MAX_LINE_BYTES:
            raise InputError(f"line is {over_limit(size, MAX_LINE_BYTES)} for one article", source=source, line=line)
        try:
            raw = raw.decode("utf-8-sig" if line == 1 else "utf-8")
        except UnicodeDecodeError as err:
            raise InputError(f"is not valid UTF-8 (byte 0x{raw[err.start]:02x})", source=source, line=line) from None
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as err:
        # json's messages end in "at" ("Invalid control character at"), ready for its own position
        what = err.msg.removesuffix(" at")
        raise InputError(f"is not valid JSON ({what} at column {err.colno})", source=source, line=line) from None
    except RecursionError:  # json recurses once per [ or {: a line of 100,000 "[" is not an article
        raise InputError(
            "is not valid JSON for an article (its arrays or objects are nested too deeply)", source=source, line=line
        ) from None
    if not isinstance(record, dict):
        raise InputError(f"is JSON but not an object (got {type(record).__name__})", source=source, line=line)
    return article_from_record(record, source=source, line=line, fields=fields, stem=stem)


def article_from_record(record: dict[str, Any], *, source: str, line: int, fields: JsonlFields, stem: str) -> Article:
    """An article from one parsed record (a JSONL object or a Parquet row), validated the same way."""
    text = record.get(fields.text)
    if text is None:
        hint = " (set the text field with {name})"
        raise InputError(f"has no {fields.text!r} field", source=source, line=line, setting="text_field", hint=hint)
    if not isinstance(text, str):
        raise InputError(f"field {fields.text!r} is not a string", source=source, line=line)
    if not text.strip():
        raise InputError(f"field {fields.text!r} is empty", source=source, line=line)
    doc_id = record.get(fields.id)
    doc_id = str(doc_id) if doc_id not in (None, "") else f"{stem}:{line}"
    meta = {
        k: v
        for k, v in record.items()
        if k not in {fields.text, fields.title, fields.abstract, fields.id} and isinstance(v, str | int | float | bool)
    }
    _check_strings(record, fields, doc_id, meta, source=source, line=line)
    meta.update({"format": "jsonl", "input": source, "line": line})
    return Article(
        id=doc_id,
        text=text,
        body=(0, len(text)),
        title=_string(record.get(fields.title)),
        abstract=_string(record.get(fields.abstract)),
        meta=meta,
    )


def _check_strings(
    record: dict[str, Any], fields: JsonlFields, doc_id: str, meta: dict[str, Any], *, source: str, line: int
) -> None:
    """Every string the article keeps must be text that can be written out (JSON lets a lone
    surrogate through as an escape)."""
    kept = {fields.text: record.get(fields.text), fields.id: doc_id, fields.title: record.get(fields.title)}
    kept |= {fields.abstract: record.get(fields.abstract), **meta}
    for name, value in kept.items():
        if isinstance(value, str):
            check_surrogates(value, source=source, line=line, what=f"field {name!r} ")


def _string(value: object) -> str:
    return value if isinstance(value, str) else ""
