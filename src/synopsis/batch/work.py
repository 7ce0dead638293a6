"""The one per-document function both engines run, and the bookkeeping around it.

`summarize_item` is deliberately a plain module-level function of picklable arguments: the local
engine ships it to worker processes and the Dask engine to cluster workers, so the two engines
produce the same row for the same document by construction.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from ..errors import InputError
from ..ingest import JsonlFields
from ..ingest.decode import MAX_TEXT_BYTES
from ..limits import MAX_CHARS
from ..output import over_budget_warning, summary_to_dict
from ..pipeline import RunOptions
from ..process import ErrorRow, process
from ..types import Article, Budget


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """How to read the inputs and what summary to make; the same for every document of a run."""

    method: str = "auto"
    budget: Budget = field(default_factory=Budget)
    fields: JsonlFields = field(default_factory=JsonlFields)
    format: str = "auto"
    encoding: str | None = None
    max_bytes: int = MAX_TEXT_BYTES
    max_chars: int | None = MAX_CHARS
    lang: str = "auto"  # a language code, or auto: detected per document (rows say which)
    # Scorer parameters as (name, value) pairs, as in RunOptions: a model file's (checked) path.
    params: tuple[tuple[str, str], ...] = ()
    # How error rows name the settings that fix them (the CLI's flags, from `synopsis batch`).
    names: tuple[tuple[str, str], ...] = ()
    # SHA-256 of the model file's bytes ("": no --model), set by `with_model_digest`: recorded beside
    # OUT (`OUT.model.json`, not in the rows), so a resume notices a model retrained in place.
    model_sha256: str = ""

    @property
    def run(self) -> RunOptions:
        return RunOptions(self.method, self.budget, self.params, max_chars=self.max_chars, lang=self.lang)


@dataclass(frozen=True, slots=True)
class SourceItem:
    """One document of the input stream: its id, the article (or why it could not be read), and
    how many input bytes it stands for (progress is measured in bytes, known before reading)."""

    id: str
    payload: Article | InputError
    size: int = 0

    @property
    def where(self) -> str:
        """file:line of the item, for messages."""
        if isinstance(self.payload, InputError):
            return f"{self.payload.source or '<input>'}" + (f":{self.payload.line}" if self.payload.line is not None else "")
        meta = self.payload.meta
        line = meta.get("line")
        return f"{meta.get('input', '<input>')}" + (f":{line}" if line is not None else "")


@dataclass(slots=True)
class Counts:
    """What a run did; `summarized + failed` rows were written by this run."""

    summarized: int = 0
    failed: int = 0
    skipped: int = 0
    duplicates: int = 0
    over_budget: int = 0  # summarized, but longer than the word budget (each one warned about)
    no_text: int = 0  # failed for want of the text field (a mistyped --text-field: said in one line)
    # summarized with a `warning` in the row (an unsupported language, PDF pages not read, punctuation missing): said
    # only there, so the final line counts them, as it counts those over their budget
    warned: int = 0

    @property
    def written(self) -> int:
        return self.summarized + self.failed

    def add(self, other: Counts) -> None:
        self.summarized += other.summarized
        self.failed += other.failed
        self.skipped += other.skipped
        self.duplicates += other.duplicates
        self.over_budget += other.over_budget
        self.no_text += other.no_text
        self.warned += other.warned

    def as_dict(self) -> dict[str, int]:
        return {
            "summarized": self.summarized,
            "failed": self.failed,
            "skipped": self.skipped,
            "duplicates": self.duplicates,
            "over_budget": self.over_budget,
            "no_text": self.no_text,
            "warned": self.warned,
        }


def lacks_text(item: SourceItem) -> bool:
    """Whether `item` is a record without the text field: counted, not said per record, since a
    mistyped --text-field misses it in every record of a corpus."""
    return isinstance(item.payload, InputError) and item.payload.setting == "text_field"


class EncodedRow(NamedTuple):
    """One row as a worker hands it back: the JSONL line, whether it is an error row, and the
    warning line to show for it (a summary over its word budget), since only the worker has the
    summary and the engine is where warnings are said and counted."""

    line: str
    failed: bool
    warning: str | None = None
    warned: bool = False  # the row has a `warning` (language, PDF pages), counted in the final line


def summarize_item(item: SourceItem, options: BatchOptions) -> dict[str, Any]:
    """The output row for one document: the summary (as `synopsis summarize -o json` gives it) or
    `{"id", "error", "input", "line"}`. Never raises: in a batch one bad document must not stop
    the other million."""
    return _row_and_warning(item, options)[0]


def _row_and_warning(item: SourceItem, options: BatchOptions) -> tuple[dict[str, Any], str | None]:
    """`summarize_item`'s row, and the warning line for a summary over its word budget (located
    like `synopsis summarize` locates it: file, or file:line)."""
    row = process(item.payload, options.run, doc_id=item.id)
    if isinstance(row, ErrorRow):
        return error_row(row.id, row.error, dict(options.names)), None
    summary = row.result.summary
    warning = over_budget_warning(summary)
    return summary_to_dict(summary, row.result.document), warning and f"{item.where}: warning: {warning}"


def with_model_digest(options: BatchOptions) -> BatchOptions:
    """`options` with the SHA-256 of its --model file's bytes: the path alone let a resume append a
    retrained model's summaries to rows of the old one (the file is read once more, cheaply: a
    model is a few MB). Unchanged without a model file or when the digest is already set."""
    model = dict(options.params).get("model")
    if not model or options.model_sha256:
        return options
    digest = hashlib.sha256()
    with open(model, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return dataclasses.replace(options, model_sha256=digest.hexdigest())


def error_row(doc_id: str, err: InputError, names: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The row of a document that failed: its id, the one-line message, and where it came from."""
    row: dict[str, Any] = {"id": doc_id, "error": err.worded(names or {})}
    if err.source:
        row["input"] = err.source
    if err.line is not None:
        row["line"] = err.line
    return row


def encode_row(row: dict[str, Any]) -> str:
    """One JSONL line (without the newline). `id` comes first (`sink` reads it from the line's start)."""
    return json.dumps(row, ensure_ascii=False)


def summarize_to_line(item: SourceItem, options: BatchOptions) -> EncodedRow:
    """`summarize_item` encoded where it ran (workers do the JSON work too), with its warning."""
    row, warning = _row_and_warning(item, options)
    return EncodedRow(encode_row(row), "error" in row, warning, "warning" in row)


def new_items(
    items: Iterable[SourceItem],
    *,
    done: set[str],
    counts: Counts,
    warn: Callable[[str], None],
    passed: Callable[[SourceItem], None] = lambda item: None,
) -> Iterator[SourceItem]:
    """The items still to do: skip ids already written (`done`, emptied as we go) and report ids
    seen earlier in this stream, so duplicates are never silently merged. The first occurrence of
    an id wins, in every engine. `passed` hears of every item not yielded (progress counts it)."""
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            counts.duplicates += 1
            warn(f"{item.where}: duplicate id {item.id!r}; only its first occurrence is summarized")
            passed(item)
            continue
        seen.add(item.id)
        if item.id in done:
            done.discard(item.id)  # it now lives in `seen`; keep one copy of each id in memory
            counts.skipped += 1
            passed(item)
            continue
        yield item


# The error of a document whose worker process died: each engine writes the same row.
DIED = "the worker process died while summarizing it (out of memory, or a crash in a native library)"


def died_row(item: SourceItem, options: BatchOptions) -> EncodedRow:
    """The error row of a document that killed its worker (each engine gives it the same one)."""
    error = InputError(DIED, source=_source(item), line=_line(item))
    return EncodedRow(encode_row(error_row(item.id, error, dict(options.names))), True)


def _source(item: SourceItem) -> str | None:
    payload = item.payload
    return payload.source if isinstance(payload, InputError) else payload.meta.get("input")


def _line(item: SourceItem) -> int | None:
    payload = item.payload
    return payload.line if isinstance(payload, InputError) else payload.meta.get("line")
