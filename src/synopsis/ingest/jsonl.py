"""JSONL: one article per line, streamed, with field names the user can change.

A bad line becomes an `InputError` in the stream, located by line number, and the other lines go
on: one broken line in a million-line corpus must not lose the rest.
"""

from __future__ import annotations

import codecs
import json
import math
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from ..sizes import over_limit
from ..types import Article
from .decode import check_characters, check_surrogates
from .stream import GZIP_DAMAGE, bounded_lines


@dataclass(frozen=True, slots=True)
class JsonlFields:
    """Which JSON fields hold the article's parts."""

    text: str = "full_text"
    id: str = "id"
    title: str = "title"
    abstract: str = "abstract"


# Per-line limit: a line this long is not one article.
MAX_LINE_BYTES = 50_000_000
# json builds every value of a line before any field is read: a 48 MB line of `{},` took 1.3 GB
# (82 bytes a value) and 12 s. A line with more commas between values than this (outside its
# strings) is refused unread: 5,000,000 values cost about 400 MB, a fifth of the CLI's memory for
# one article (`synopsis.limits`); an article's own commas are in its text, nested metadata
# (authors, references with their spans) comes to thousands of values, and a layout record of
# 260,000 tokens with their boxes to about 1.5 million (a review found 1,000,000 refusing it).
MAX_LINE_VALUES = 5_000_000
# A JSON string, escapes included, or one cut short, up to the text's end. Possessive, so that a
# string of millions of escapes ("\u043f" for every Cyrillic letter, as json.dumps writes them)
# keeps no state per escape (a review: the backtracking form took 450 MB for a 23 MB body of
# Cyrillic); and it matches at every quote, so no failed attempt is tried again from the next one
# (an unclosed string of escaped quotes would cost its length squared).
_STRING_TO_END = re.compile(
    r'(?s)"(?:[^"\\]++|\\.)*+\\?(?:"|\Z)'
    if sys.version_info >= (3, 11)  # possessive quantifiers came with 3.11; 3.10 backtracks (more memory)
    else r'(?s)"(?:[^"\\]|\\.)*\\?(?:"|\Z)'
)


def too_many_values(text: str, limit: int) -> bool:
    """Whether `text`, a JSON object or array, has over `limit` commas outside its strings (a
    string cut short runs to the end: a text truncated inside a string keeps json's own error). The
    strings are cut out in one C-level pass, with no Python step per token (a review: 12.5 million
    empty strings took 13 s token by token), and only where the text has that many commas at all.
    A text that opens with neither "{" nor "[" is left to json, which names its error."""
    if text.count(",") <= limit or text.lstrip()[:1] not in ("{", "["):
        return False
    return _STRING_TO_END.sub("", text).count(",") > limit


def looks_like_jsonl(text: str) -> bool:
    """The first line is a JSON object; or, where the head read for sniffing ends inside the first
    line (an article of 64 KB and more on one line, as real corpora have), that line starts as a
    JSON object with a key does."""
    first, newline, _ = text.lstrip("\ufeff \t\r\n").partition("\n")
    first = first.strip()
    if not first.startswith("{"):
        return False
    try:
        return isinstance(json.loads(first), dict)
    except ValueError:
        return not newline and _OBJECT_START.match(first) is not None


# A JSON object's start: "{", then a key and its colon.
_OBJECT_START = re.compile(r'\{\s*"(?:[^"\\]|\\.)*"\s*:')


def read_jsonl_lines(
    lines: Iterable[bytes], *, source: str, fields: JsonlFields = JsonlFields(), stem: str = "doc"
) -> Iterator[Article | InputError]:
    """Articles (or errors) from JSONL lines, in order; blank lines are skipped silently."""
    yield from _read_sized(((raw, len(raw)) for raw in lines), source=source, fields=fields, stem=stem)


def read_jsonl_stream(
    parts: Iterable[bytes],
    *,
    source: str,
    fields: JsonlFields = JsonlFields(),
    stem: str = "doc",
    encoding: str | None = None,
) -> Iterator[Article | InputError]:
    """Articles (or errors) from JSONL bytes that arrive in parts (a file, a pipe, a .gz), holding
    at most one line of `MAX_LINE_BYTES` in memory however long a line is. `encoding` reads a line
    that is not UTF-8 (`parse_line`)."""
    lines = bounded_lines(parts, MAX_LINE_BYTES)
    yield from _read_sized(lines, source=source, fields=fields, stem=stem, encoding=encoding)


def looks_like_json_document(text: str) -> bool:
    """A JSON document rather than JSONL: an array of objects (`json.dump` of a list, on one line
    or many), or an object printed over several lines (its first line ends open, in "{", "[" or
    ","). A JSONL file whose first line is broken is not one: its other lines are still read. Nor
    is prose that opens with a bracket ("[ ] done", "[] is the empty list", "{x : x > 0} is ...,"):
    an array starts with an object or ends on its line, an object with a key or alone on its line."""
    start = text.lstrip("\ufeff \t\r\n")
    first, newline, rest = start.partition("\n")
    if start.startswith("["):
        if _ARRAY_START.match(first) is None:
            return False
        try:
            json.loads(first)
        except ValueError:
            # The array goes on past its first line (or past the head read); "[ ] done" is prose.
            return not _EMPTY_ARRAY_START.match(first)
        return not rest.strip()
    if not (start.startswith("{") and newline and first.rstrip().endswith(("{", "[", ","))):
        return False
    if first.strip() != "{" and (_OBJECT_START.match(first) is None or _ends_in_string(first)):
        return False  # prose, or a JSONL line cut by a line break inside its text: not JSON at all
    if first.rstrip().endswith(",") and _is_object(rest.lstrip().partition("\n")[0]):
        return False  # the next line is a whole article: JSONL whose first line was cut short
    try:
        json.loads(first.rstrip().removesuffix(","))  # a whole object and a comma: a JSONL line, miswritten
    except ValueError:
        return True
    return False


# The first line of an array of articles: "[" alone, "[]", or "[" and an object ("[{", '[ {"id"').
_ARRAY_START = re.compile(r'\[\s*(?:\{\s*(?:"|$)|\]|$)')
_EMPTY_ARRAY_START = re.compile(r"\[\s*\]")
_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')


def _is_object(line: str) -> bool:
    """Whether `line` is one whole JSON object (a JSONL line)."""
    if not line.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def _ends_in_string(line: str) -> bool:
    """Whether `line` ends inside a JSON string: a line break there is no JSON (a JSONL writer that
    did not escape a newline in a text), so the line is no start of a document printed over lines."""
    return '"' in _JSON_STRING.sub("", line)


def read_json_document(
    text: str, *, source: str, fields: JsonlFields = JsonlFields(), stem: str = "doc"
) -> Iterator[Article | InputError]:
    """The articles of a JSON document: each object of an array, or the one object. Each is
    located by the line it starts on, as JSONL lines are, and a bad item is an error for that item
    only; a syntax error ends the reading there (what follows it cannot be told apart)."""
    lines = _LineCounter(text)
    position = _skip_space(text, 0)
    if _EMPTY_ARRAY.fullmatch(text, position):
        yield InputError("is an empty JSON array, no articles", source=source)
        return
    if text.startswith("{", position):
        yield from _document_items(text, position, lines, source=source, fields=fields, stem=stem, single=True)
        return
    if not text.startswith("[", position):  # a bare number or string: skipping its first character misread it
        yield _not_a_container(text, position, source=source, line=lines.at(position))
        return
    yield from _document_items(text, _skip_space(text, position + 1), lines, source=source, fields=fields, stem=stem)


def _not_a_container(text: str, position: int, *, source: str, line: int) -> InputError:
    """The error for a JSON document that is neither an array nor an object: what it holds, or
    that it is no JSON at all (a paper saved under a .json name)."""
    try:
        value, _ = _DECODER.raw_decode(text, position)
    except (ValueError, RecursionError):
        return InputError("is not valid JSON (a JSON file holds an array of articles or one article)", source=source, line=line)
    return InputError(f"is JSON but not an array or an object (got {_kind(value)})", source=source, line=line)


def _document_items(
    text: str, position: int, lines: _LineCounter, *, source: str, fields: JsonlFields, stem: str, single: bool = False
) -> Iterator[Article | InputError]:
    """The items from `position` on: one object (`single`), or an array's items up to its "]".
    An item that starts on the line of another (`json.dump`'s one-line array) is named by its
    number: "line 1" would name them all, in error lines and in the ids made up for them."""
    previous_line = 0
    item = 0
    while True:
        line = lines.at(position)
        if not single and text.startswith("]", position):
            position = _skip_space(text, position + 1)
            break
        try:
            value, position = _DECODER.raw_decode(text, position)
        except json.JSONDecodeError as err:
            what = err.msg.removesuffix(" at")
            yield InputError(f"is not valid JSON ({what} at column {err.colno})", source=source, line=err.lineno)
            return
        except (RecursionError, ValueError):
            yield InputError("is not valid JSON for an article (nested too deeply)", source=source, line=line)
            return
        item += 1
        position = _skip_space(text, position)
        following = not single and text.startswith(",", position)
        if following:
            position = _skip_space(text, position + 1)
        shares_line = line == previous_line or (following and lines.at(position) == line)
        found = _document_article(value, source=source, line=line, fields=fields, stem=stem)
        yield _numbered(found, value, item, fields=fields, stem=stem) if shares_line else found
        previous_line = line
        if single:
            break
        if not following and not text.startswith("]", position):
            column = position - text.rfind("\n", 0, position)
            message = f"is not valid JSON (Expecting ',' delimiter at column {column})"
            yield InputError(message, source=source, line=lines.at(position))
            return
    if position < len(text):
        message = "has more after its JSON document ends; a JSON file holds one array or one object"
        yield InputError(message, source=source, line=lines.at(position))


def _wrapped_articles(record: dict[str, Any], fields: JsonlFields) -> tuple[str, int] | None:
    """The field and the length of a list of objects that hold the text field, in a record without
    the text field itself (`{"data": [...articles...]}`, as APIs and dataset exports wrap them), or
    None. Only the first 100 items are looked at: a record is read in time linear in its size."""
    for name, items in record.items():
        sample = items[:100] if isinstance(items, list) else []
        if sample and all(isinstance(item, dict) for item in sample) and any(fields.text in item for item in sample):
            return str(name), len(items)
    return None


def _document_article(value: object, *, source: str, line: int, fields: JsonlFields, stem: str) -> Article | InputError:
    try:
        if not isinstance(value, dict):
            raise InputError(f"is JSON but not an object (got {_kind(value)})", source=source, line=line)
        return article_from_record(value, source=source, line=line, fields=fields, stem=stem)
    except InputError as err:
        return err


def _numbered(found: Article | InputError, value: object, item: int, *, fields: JsonlFields, stem: str) -> Article | InputError:
    """An array item that shares its line with another, named by its number: "item 2: ..." in
    its error, and the id `STEM:item2` where the record has no id of its own."""
    if isinstance(found, InputError):
        joint = "" if found.message.startswith("is ") else ":"
        return found.changed(message=f"item {item} of the array{joint} {found.message}", item=item)
    if not (isinstance(value, dict) and value.get(fields.id) is not None):
        found = Article(f"{stem}:item{item}", found.text, found.body, found.title, found.abstract, found.meta)
    return found


class _LineCounter:
    """Line numbers of positions that only grow, counting each stretch of text once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.position = 0
        self.line = 1

    def at(self, position: int) -> int:
        self.line += self.text.count("\n", self.position, position)
        self.position = position
        return self.line


def _skip_space(text: str, position: int) -> int:
    match = _SPACE.match(text, position)
    return match.end() if match else position


_SPACE = re.compile(r"[ \t\r\n]*")
_EMPTY_ARRAY = re.compile(r"\[[ \t\r\n]*\][ \t\r\n]*")


def _read_sized(
    lines: Iterable[tuple[bytes, int]], *, source: str, fields: JsonlFields, stem: str, encoding: str | None = None
) -> Iterator[Article | InputError]:
    number = 0
    read_any = False
    try:
        for number, (raw, size) in enumerate(lines, start=1):
            if not raw.strip():
                continue
            read_any = True
            try:
                yield parse_line(raw, source=source, line=number, fields=fields, stem=stem, size=size, encoding=encoding)
            except InputError as err:
                yield err
    except GZIP_DAMAGE as err:  # said as `batch` says it: where, and that what came before was read
        if not number:
            yield InputError(f"is damaged compressed data ({err})", source=source)
            return
        message = f"compressed data is damaged after line {number} ({err}); the lines before it were read"
        yield InputError(message, source=source, line=number + 1)
        return
    if not read_any:  # said, as an empty text file is: no output and exit 0 would look like success
        yield InputError("is empty" if number == 0 else "has only blank lines, no articles", source=source)


def parse_line(
    raw: bytes | str,
    *,
    source: str,
    line: int,
    fields: JsonlFields,
    stem: str,
    size: int | None = None,
    encoding: str | None = None,
) -> Article:
    """One line's article. `size` is the line's length in bytes where `raw` holds only its start
    (an over-long line, cut short so as not to hold it all). `encoding`, one the user named for a
    file whose byte-order mark says UTF-8, reads a line that is not UTF-8, as it reads a text file
    that its BOM does not decode (`decode.decode`)."""
    if isinstance(raw, bytes):
        size = len(raw) if size is None else size
        if size > MAX_LINE_BYTES:
            raise InputError(f"line is {over_limit(size, MAX_LINE_BYTES)} for one article", source=source, line=line)
        raw = _decoded(raw, source=source, line=line, encoding=encoding)
    return article_from_record(_parsed(raw, source=source, line=line), source=source, line=line, fields=fields, stem=stem)


def _decoded(raw: bytes, *, source: str, line: int, encoding: str | None = None) -> str:
    """A line's text. A BOM is dropped on every line, not only the first: `cat a.jsonl b.jsonl`
    puts b's BOM at the start of a line in the middle. A line that is not UTF-8 is read in
    `encoding` where one is given, its UTF-8 BOM dropped (no JSON line begins with "ï»¿")."""
    bom = next((name for mark, name in _WIDE_BOMS if raw.startswith(mark)), None)
    if bom is not None:
        raise InputError(f"is {bom} text (by its byte-order mark), not UTF-8", source=source, line=line)
    if b"\x00" in raw:  # checked in the bytes: searching the decoded text costs more
        raise InputError(
            "contains NUL bytes: is the file UTF-16 or UTF-32? JSONL is read as UTF-8",
            source=source,
            line=line,
            setting="encoding",
            hint=" unless its encoding is named with {name}",
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        at = err.start + (len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0)  # utf-8-sig counts after it
        if encoding is not None:
            return _in_named(raw.removeprefix(codecs.BOM_UTF8), encoding, source=source, line=line, utf8_byte=raw[at])
        raise InputError(
            f"is not valid UTF-8 (byte 0x{raw[at]:02x})",
            source=source,
            line=line,
            setting="encoding",
            hint=" (name the file's encoding with {name})",
        ) from None
    return text


def _in_named(raw: bytes, encoding: str, *, source: str, line: int, utf8_byte: int) -> str:
    """A line that is not UTF-8 read in the encoding the user named, or one line saying it is neither."""
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as err:
        message = f"is not valid UTF-8 (byte 0x{utf8_byte:02x}) nor {encoding} (byte 0x{raw[err.start]:02x})"
        raise InputError(message, source=source, line=line) from None


def _parsed(raw: str, *, source: str, line: int) -> dict[str, Any]:
    """The JSON object on a line, or an InputError saying why it is not one."""
    if too_many_values(raw, MAX_LINE_VALUES):
        raise InputError(
            f"holds over {MAX_LINE_VALUES:,} JSON values (commas outside its strings), not one article's fields",
            source=source,
            line=line,
            limit=MAX_LINE_VALUES,
        )
    try:
        record = _DECODER.decode(raw)
    except json.JSONDecodeError as err:
        # json's messages end in "at" ("Invalid control character at"), ready for its own position
        what = err.msg.removesuffix(" at")
        advice = ""
        if what == "Extra data" and _LONE_CR.search(raw) is not None:
            advice = "; its lines end in a lone CR (old Mac line endings): convert them to LF"
        elif what == "Extra data" and raw[err.pos :].strip() == ",":
            advice = "; a JSONL line is one object, without a comma after it"
        elif err.pos == len(raw) - len(raw.lstrip()) and raw.lstrip().startswith(("//", "/*", "#")):
            advice = "; JSON has no comments: remove the line"
        raise InputError(f"is not valid JSON ({what} at column {err.colno}){advice}", source=source, line=line) from None
    except RecursionError:  # json recurses once per [ or {: a line of 100,000 "[" is not an article
        raise InputError(
            "is not valid JSON for an article (its arrays or objects are nested too deeply)", source=source, line=line
        ) from None
    except ValueError as err:  # whatever else json's parsing lets through: one line, never a traceback
        raise InputError(f"is not valid JSON ({err})", source=source, line=line) from None
    if not isinstance(record, dict):
        raise InputError(f"is JSON but not an object (got {_kind(record)})", source=source, line=line)
    return record


def article_from_record(record: dict[str, Any], *, source: str, line: int, fields: JsonlFields, stem: str) -> Article:
    """An article from one parsed record (a JSONL object or a Parquet row), validated the same way:
    the text must be a string (a Parquet binary column holding UTF-8 counts), the title and
    abstract a string or null, the id a string or a number; anything else is an error that says
    what the field holds, never a field dropped or turned into Python's repr of it."""
    _check_repeated(record, fields, source=source, line=line)
    text = _text(record, fields, source=source, line=line)
    doc_id = record_id(record.get(fields.id), field=fields.id, source=source, line=line) or f"{stem}:{line}"
    title = _optional_text(record.get(fields.title), fields.title, source=source, line=line)
    abstract = _optional_text(record.get(fields.abstract), fields.abstract, source=source, line=line)
    own = {fields.text, fields.title, fields.abstract, fields.id}
    meta = {k: float(v) if isinstance(v, _Number) else v for k, v in record.items() if k not in own and isinstance(v, _SCALARS)}
    for name, value in {fields.text: text, fields.id: doc_id, fields.title: title, fields.abstract: abstract, **meta}.items():
        if isinstance(value, str):
            check_surrogates(value, source=source, line=line, what=f"field {name!r} ")
    for name, value in ((fields.text, text), (fields.title, title), (fields.abstract, abstract)):
        check_characters(value, source=source, line=line, what=f"field {name!r} ")  # "\u0000", as in a file's bytes
    meta.update({"format": "jsonl", "input": source, "line": line})
    return Article(id=doc_id, text=text, body=(0, len(text)), title=title, abstract=abstract, meta=meta)


def _text(record: dict[str, Any], fields: JsonlFields, *, source: str, line: int) -> str:
    if fields.text not in record:
        wrapper = _wrapped_articles(record, fields)
        if wrapper is not None:  # was: "none of the 1 record read has a 'full_text' field: set --text-field"
            raise InputError(
                f"is one object that holds its articles in the field {wrapper[0]!r} (a list of {wrapper[1]:,}), not an"
                " article: save that list as the file (a JSON array), or its articles as JSONL, one a line",
                source=source,
                line=line,
            )
        hint = " (set the text field with {name})"
        raise InputError(
            f"has no {fields.text!r} field", source=source, line=line, setting="text_field", hint=hint, fields=tuple(record)
        )
    value = record[fields.text]
    if value is None:
        raise InputError(f"field {fields.text!r} is null, not the article's text", source=source, line=line)
    text = _as_text(value, fields.text, source=source, line=line)
    if text is None and (columns := _columns(record, value, fields)) is not None:
        raise InputError(
            f"is one object with a list per field (columns {columns}), as a dataset's columns are"
            " dumped, not an article: write one article a line as JSONL (a datasets.Dataset: .to_json('x.jsonl'))",
            source=source,
            line=line,
        )
    if text is None:
        kind, advice = _kind(value), " (join its parts into one string)" if isinstance(value, list | tuple) else ""
        if isinstance(value, list) and value and all(isinstance(part, dict) and "text" in part for part in value[:100]):
            # S2ORC's body_text: [{"text": ..., "section": ...}, ...]
            kind, advice = "a list of paragraphs", " (join their 'text' into one string, a blank line between them)"
        raise InputError(f"field {fields.text!r} is {kind}, not a string{advice}", source=source, line=line)
    if not text.strip():
        raise InputError(f"field {fields.text!r} is empty", source=source, line=line)
    return text


def _columns(record: dict[str, Any], value: object, fields: JsonlFields) -> str | None:
    """The fields of a columnar object (`{"id": [...], "full_text": [...]}`: a dataset's columns
    dumped as one JSON object), named with their length, or None when `value`, the text field's,
    is not one such column of strings beside an id column of the same length (an article with
    one id, or none, and its text in parts is no column)."""
    if not (isinstance(value, list) and value and all(isinstance(cell, str | None) for cell in value[:100])):
        return None
    if not isinstance(record.get(fields.id), list):
        return None  # a review: one article's paragraphs beside as many authors is no column
    names = [name for name, column in record.items() if isinstance(column, list) and len(column) == len(value)]
    if len(names) < 2:
        return None
    return f"{', '.join(repr(name) for name in names[:5])}{', ...' if len(names) > 5 else ''} of {len(value):,} values each"


def _optional_text(value: object, name: str, *, source: str, line: int) -> str:
    """A title or an abstract: a string, or null (none)."""
    if value is None:
        return ""
    text = _as_text(value, name, source=source, line=line)
    if text is None:
        raise InputError(f"field {name!r} is {_kind(value)}, not a string", source=source, line=line)
    return text


def _as_text(value: object, name: str, *, source: str | None, line: int | None) -> str | None:
    """`value` as text: a string, or bytes that are UTF-8 (Parquet's binary columns); None for
    anything else."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray):
        try:
            return bytes(value).decode("utf-8")
        except UnicodeDecodeError as err:
            message = f"field {name!r} is binary data, not UTF-8 text (byte 0x{value[err.start]:02x} at offset {err.start})"
            raise InputError(message, source=source, line=line) from None
    return None


def record_id(value: object, *, field: str = "id", source: str | None = None, line: int | None = None) -> str | None:
    """A record's id as text, or None where it has none (null, missing, empty or blank): a string
    as it is, a number as it was written (`1e400`, `12.50`; a Parquet float that is a whole number,
    as pandas writes an integer column with gaps, without its `.0`). true/false, a list, an object
    or NaN are not ids: an InputError, rather than an id such as "['a', 'b']" that no one will find."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, _Number):
        return value.literal
    if isinstance(value, bytes | bytearray):
        return _as_text(value, field, source=source, line=line)
    if isinstance(value, float) and math.isfinite(value):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, bool | float | list | tuple | dict):
        raise InputError(f"field {field!r} is {_kind(value)}, not a string or a number", source=source, line=line)
    return str(value)  # an int, or a Parquet scalar such as a Decimal or a date


def _check_repeated(record: dict[str, Any], fields: JsonlFields, *, source: str, line: int) -> None:
    """A field the article is made of may not appear twice with different values: JSON would keep
    the last one and drop the first without a word."""
    repeated: frozenset[str] = getattr(record, "repeated", frozenset())
    for name in (fields.text, fields.id, fields.title, fields.abstract):
        if name in repeated:
            raise InputError(
                f"has the field {name!r} more than once, with different values (JSON keeps only the last; keep one)",
                source=source,
                line=line,
            )


def _kind(value: object) -> str:
    """What a JSON (or Parquet) value is, in the words a user knows: "a list", "true", "NaN"."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value) and not isinstance(value, _Number):
        return "NaN" if math.isnan(value) else "Infinity" if value > 0 else "-Infinity"
    if isinstance(value, int | float):
        return "a number"
    for types, word in ((str, "a string"), ((list, tuple), "a list"), (dict, "an object"), ((bytes, bytearray), "binary data")):
        if isinstance(value, types):
            return word
    return f"a {type(value).__name__}"


class _Number(float):
    """A JSON number that remembers how it was written, for ids (`1e400` would be "inf", `12.50`
    "12.5"); integers over Python's conversion limit (4,300 digits) are read as one too, rather
    than stopping the reader with a ValueError."""

    __slots__ = ("literal",)
    literal: str

    @classmethod
    def of(cls, text: str) -> _Number:
        number = cls(text)
        number.literal = text
        return number


def _integer(text: str) -> int | _Number:
    try:
        return int(text)
    except ValueError:  # more digits than sys.get_int_max_str_digits() allows
        return _Number.of(text)


class _Repeated(dict[str, Any]):
    """An object in which a key appears more than once with different values (`repeated`)."""

    repeated: frozenset[str] = frozenset()


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record = dict(pairs)
    if len(record) == len(pairs):
        return record
    first: dict[str, Any] = {}
    repeated = {key for key, value in pairs if first.setdefault(key, value) is not value and first[key] != value}
    found = _Repeated(record)
    found.repeated = frozenset(repeated)
    return found


_SCALARS = (str, int, float, bool)  # the other fields an article keeps in its meta
_DECODER = json.JSONDecoder(parse_float=_Number.of, parse_int=_integer, object_pairs_hook=_object)
_LONE_CR = re.compile(r"\r(?!\n)")
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
