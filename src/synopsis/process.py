"""One document through the run layer, with the one error policy every front end shares.

`process` never raises for a document's own fault: a bad input, a bad method parameter, a text too
large for memory or a bug in a scorer each become an `ErrorRow` that says which, so one bad
document costs one row (batch), one exit status (CLI), one HTTP status (server) or one scored 0
(evaluate), the same way everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .errors import InputError, SynopsisError
from .pipeline import Result, RunOptions, run
from .types import Article

# Why a document failed; front ends map it (the server to a status: input 400, limit and memory
# 413, method 422, internal 500). "limit": the input is over a size limit (the error names it).
ErrorKind = Literal["input", "limit", "method", "memory", "internal"]
INTERNAL = "internal error ({name}: {error}); please report it with this document"


@dataclass(frozen=True, slots=True)
class Row:
    """A summarized document: everything the run produced, for the front end to render."""

    id: str
    result: Result


@dataclass(frozen=True, slots=True)
class ErrorRow:
    """A document that could not be summarized: `error` is located (file, line) and carries the
    setting that fixes it, if any, for the front end to word."""

    id: str
    kind: ErrorKind
    error: InputError


def process(item: Article | InputError, options: RunOptions, *, doc_id: str | None = None) -> Row | ErrorRow:
    """Summarize `item` (an article, or the reason it could not be read) with `options`."""
    if isinstance(item, InputError):
        return ErrorRow(doc_id or item.where, "input" if item.limit is None else "limit", item)
    source, line = item.meta.get("input"), item.meta.get("line")
    try:
        return Row(doc_id or item.id, run(item, options))
    except Exception as err:  # the policy: every failure of this document is this document's row
        return failure(err, doc_id=doc_id or item.id, source=source, line=line)


def failure(err: BaseException, *, doc_id: str, source: str | None, line: int | None) -> ErrorRow:
    """The error row for `err` raised while summarizing the document at `source` (`line`)."""
    where = source or "<input>"
    if isinstance(err, InputError):
        return ErrorRow(doc_id, "input" if err.limit is None else "limit", err if err.source else err.at(where, line))
    if isinstance(err, SynopsisError):
        return ErrorRow(doc_id, "method", InputError(str(err), source=source, line=line))
    if isinstance(err, MemoryError):
        message = "is too large to summarize in the memory available"
        error = InputError(message, source=source, line=line, setting="memory", hint=" ({name})")
        return ErrorRow(doc_id, "memory", error)
    message = INTERNAL.format(name=type(err).__name__, error=err)
    return ErrorRow(doc_id, "internal", InputError(message, source=source, line=line))
