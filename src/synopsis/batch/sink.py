"""Crash-safe JSONL output: append whole lines, fsync per batch, and repair the tail on reopen.

Why this is enough to survive `kill -9` (or a power cut): the file is only ever appended to, so
whatever a crash leaves is a prefix of what we meant to write. Everything up to the last newline is
whole rows; a trailing partial line is cut off when the file is reopened, and the ids of the whole
rows are what a re-run skips. fsync after each batch bounds the work a crash can lose to one batch.

A Parquet OUT cannot be appended to, so it is written through a JSONL journal next to it
(`OUT.journal.jsonl`) and converted when the run completes; see `OutputTarget`.
"""

from __future__ import annotations

import importlib.util
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import MissingExtra
from .files import SinkError, iter_lines, replace_durably, temporary_for, write_atomically

__all__ = [
    "OUTPUT_SUFFIXES",
    "JsonlSink",
    "OutputTarget",
    "Recovered",
    "SinkError",
    "iter_lines",
    "row_head",
    "row_language",
    "write_atomically",
]

_ID_PREFIX = b'{"id": '
_DECODER = json.JSONDecoder()
_ERROR_KEY = ', "error": '
# A summary row's language key (`output.summary_to_dict`, encoded by `work.encode_row`). Inside a
# JSON string every quote is escaped, so this byte sequence can only be a key; the last one in the
# line is the row's own (what follows it, the document's counts, names and input, holds no such key).
_LANGUAGE_KEY = b', "language": '
# Rows written before rows named their language: every article was then read as English.
_UNNAMED_LANGUAGE = "en"
OUTPUT_SUFFIXES = (".jsonl", ".ndjson", ".parquet", ".pq")


def row_head(line: bytes) -> tuple[str, bool] | None:
    """(id, is an error row) of one output row, or None when the line is not a whole row we wrote.

    Rows start with `{"id": ` and error rows go on with `"error"` (see `work.encode_row`), so this
    decodes only the id: reopening a multi-gigabyte OUT costs a read, not a full JSON parse.
    """
    line = line.rstrip(b"\r\n")
    if not line.startswith(_ID_PREFIX) or not line.endswith(b"}"):
        return None
    try:
        text = line.decode("utf-8")
        value, end = _DECODER.raw_decode(text, len(_ID_PREFIX))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(value, str):
        return None
    return value, text.startswith(_ERROR_KEY, end)


def row_language(line: bytes) -> str:
    """The language a summary row was read in, found without parsing the row (its `sentences` are
    most of it): the resume check needs one row per language, and OUT may hold millions of rows."""
    at = line.rfind(_LANGUAGE_KEY)
    if at < 0:
        return _UNNAMED_LANGUAGE
    try:
        value, _ = _DECODER.raw_decode(line[at + len(_LANGUAGE_KEY) :].decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return _UNNAMED_LANGUAGE
    return value if isinstance(value, str) else _UNNAMED_LANGUAGE


@dataclass(slots=True)
class Recovered:
    """What an existing OUT already holds."""

    ids: set[str] = field(default_factory=set)
    rows: int = 0
    errors: int = 0
    cut_bytes: int = 0
    first_summary: dict[str, Any] | None = None
    base_ids: set[str] = field(default_factory=set)
    # The first summary row of each language, in file order: what `auto` means (so the method a row
    # must have) depends on the language, and --lang must match the languages already there.
    by_language: dict[str, dict[str, Any]] = field(default_factory=dict)


def recover(path: Path, *, base_rows: int = 0) -> Recovered:
    """Read the ids already in `path` and cut off what a crash left half-written.

    Ids of the first `base_rows` rows go to `base_ids` as well (the Dask engine uses this to tell
    rows some other run wrote from rows it merged itself). Only what a crash can leave is cut: a
    last line without its newline that begins like one of our rows, and zero bytes (what a power
    cut can leave at the end of a file). Any other line that is not a row means -o names a file
    we did not write (or one damaged otherwise): refuse, and change nothing.
    """
    found = Recovered()
    if not path.exists():
        return found
    cut_from: int | None = None
    end = 0
    for number, (offset, line) in enumerate(iter_lines(path), start=1):
        head = row_head(line) if line.endswith(b"\n") else None
        if head is None and _crash_debris(line):
            cut_from = offset if cut_from is None else cut_from
            continue
        if head is None or cut_from is not None:
            what = "is not a row written by `synopsis batch`" if head is None else "follows a damaged line"
            raise SinkError(f"{path}:{number}: {what}; is -o the right file? (nothing was changed)")
        doc_id, failed = head
        found.ids.add(doc_id)
        if found.rows < base_rows:
            found.base_ids.add(doc_id)
        found.rows += 1
        if failed:
            found.errors += 1
        elif not _note_summary(found, line):  # `{"id": ..., "full_text": ...}`: -o names an input corpus
            raise SinkError(
                f"{path}:{number}: is not a row written by `synopsis batch`; is -o the right file? (nothing was changed)"
            )
        end = offset + len(line)
    size = path.stat().st_size
    if end < size:
        found.cut_bytes = size - end
        with path.open("r+b") as handle:
            handle.truncate(end)
            handle.flush()
            os.fsync(handle.fileno())
    return found


def _note_summary(found: Recovered, line: bytes) -> bool:
    """Keep the first summary row, and the first of each language (parsed only when it is new);
    False when that row is no summary (no method, no sentences): an article of a corpus starts
    with `{"id": ` too, and was taken for a summary made "with method None and budget None"."""
    language = row_language(line)
    if language in found.by_language:
        return True
    row = json.loads(line)
    if not isinstance(row, dict) or "method" not in row or "sentences" not in row:
        return False
    found.by_language[language] = row
    if found.first_summary is None:
        found.first_summary = row
    return True


def _crash_debris(line: bytes) -> bool:
    """A row cut short by a crash (no newline yet), or zeros from a power cut."""
    if not line.strip(b"\x00\n"):
        return True
    return not line.endswith(b"\n") and (line.startswith(_ID_PREFIX) or _ID_PREFIX.startswith(line))


class JsonlSink:
    """Append rows to a JSONL file, durably, in batches; reopening resumes where a crash stopped.

    One writer per file: an exclusive lock (where the OS has one) stops a second run from
    interleaving rows into the same OUT.
    """

    def __init__(
        self,
        path: Path,
        *,
        rows_per_commit: int = 32,
        seconds_per_commit: float = 1.0,
        base_rows: int = 0,
        drop_errors: bool = False,
        before_recovery: Callable[[], None] | None = None,
    ) -> None:
        """Lock `path`, then (holding the lock, so no other run is writing it meanwhile) run
        `before_recovery`, drop the error rows if asked, and repair and read what is there."""
        self.path = path
        self._handle: IO[bytes] = path.open("ab")
        _lock(self._handle, path)
        try:
            if before_recovery is not None:
                before_recovery()
            self.dropped = self._drop_error_rows() if drop_errors else 0
            self.recovered = recover(path, base_rows=base_rows)
        except BaseException:
            self._handle.close()
            raise
        self._buffer: list[str] = []
        self._rows_per_commit = rows_per_commit
        self._seconds_per_commit = seconds_per_commit
        self._last_commit = time.monotonic()

    def _drop_error_rows(self) -> int:
        """Rewrite the file without its error rows (for --retry-failed), atomically. The new file
        is locked before it replaces the old one, so the file at `path` is never unlocked."""
        temporary = temporary_for(self.path)
        dropped = 0
        with temporary.open("wb") as out:
            for _, line in iter_lines(self.path):
                head = row_head(line) if line.endswith(b"\n") else None
                if head is not None and head[1]:
                    dropped += 1
                    continue
                out.write(line)
        if not dropped:
            temporary.unlink()
            return 0
        handle = temporary.open("ab")
        _lock(handle, temporary)
        replace_durably(temporary, self.path)
        self._handle.close()
        self._handle = handle
        return dropped

    def add(self, line: str) -> None:
        """Queue one encoded row; it is on disk after the next commit (at most a batch later)."""
        self._buffer.append(line)
        if len(self._buffer) >= self._rows_per_commit or time.monotonic() - self._last_commit >= self._seconds_per_commit:
            self.commit()

    def add_raw(self, data: bytes) -> None:
        """Append already-encoded whole lines (merging a part file); committed by the caller."""
        self.commit()
        self._handle.write(data)

    def commit(self) -> None:
        """Write the queued rows as whole lines and make them durable."""
        if self._buffer:
            # A lone surrogate (an undecodable byte of a file name in an id) only stands inside a
            # JSON string, where its backslash escape ("\\udcff") is JSON's own: the row stays valid
            # JSON in valid UTF-8 and reads back as the same id (it was a UnicodeEncodeError traceback).
            data = ("\n".join(self._buffer) + "\n").encode("utf-8", "backslashreplace")
            self._buffer.clear()  # a failed write is not tried again on close: a re-run redoes those rows
            self._handle.write(data)
        self._handle.flush()
        os.fsync(self._handle.fileno())
        self._last_commit = time.monotonic()

    def tell(self) -> int:
        self.commit()
        return self._handle.tell()

    def close(self) -> None:
        """Commit and let go of the file, and of its lock even when the commit fails (a full disk):
        a Dask worker retrying the partition was refused by its own leaked lock, "another
        `synopsis batch` is writing it", in place of the disk's error."""
        if not self._handle.closed:
            try:
                self.commit()
            finally:
                self._handle.close()

    def __enter__(self) -> JsonlSink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _lock(handle: IO[bytes], path: Path) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows: no advisory locks, run one job per OUT
        return
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        handle.close()
        raise SinkError(f"{path}: another `synopsis batch` is writing it; wait for it or choose another -o") from None
    # The run that held the lock may have removed or replaced the file (a Parquet journal is
    # deleted once OUT is written) between our open and our lock: a lock on that old file guards
    # nothing, and rows appended to it would be lost.
    try:
        same = os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
    except FileNotFoundError:
        same = False
    if not same:
        handle.close()
        raise SinkError(f"{path}: another `synopsis batch` has just written or replaced it; run the same command again")


class OutputTarget:
    """OUT as the user named it, and the JSONL file rows are appended to while the run goes on.

    For JSONL they are the same file. For Parquet the journal `OUT.journal.jsonl` holds the rows
    until the run completes; an existing OUT.parquet from an earlier run is first turned back into
    a journal, so a re-run with more inputs adds to it instead of starting over.
    """

    def __init__(self, out: str) -> None:
        self.out = Path(out)
        lower = out.lower()
        if not lower.endswith(OUTPUT_SUFFIXES):
            raise SinkError(f"-o {out}: name the output .jsonl (rows appended as they are done) or .parquet")
        self.parquet = lower.endswith((".parquet", ".pq"))
        if self.parquet and importlib.util.find_spec("pyarrow") is None:  # said before any work, not after it
            raise MissingExtra("Parquet output", "parquet")
        self.journal = self.out.with_name(self.out.name + ".journal.jsonl") if self.parquet else self.out

    def prepare(self) -> None:
        self.out.parent.mkdir(parents=True, exist_ok=True)
        if self.parquet and self.out.exists() and not self.journal.exists():
            from .parquet import parquet_to_journal

            parquet_to_journal(self.out, self.journal)

    def finish(self, sink: JsonlSink) -> None:
        """The run completed: write the Parquet file (atomically) and drop the journal, holding the
        journal's lock (`sink`, closed by the caller) all along: a second run started meanwhile is
        refused instead of appending rows to a journal about to be deleted."""
        sink.commit()
        if self.parquet:
            from .parquet import journal_to_parquet

            journal_to_parquet(self.journal, self.out)
            self.journal.unlink()
