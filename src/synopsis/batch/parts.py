"""Partitioned runs: each shard is summarized into its own part file, and parts are merged into
OUT in shard order. The Dask engine is built from these pieces; nothing here imports Dask, so a
worker needs only synopsis itself.

On disk, next to OUT:

    OUT.parts/state.json             options and partition size of the run (a re-run must match)
    OUT.parts/part-000012-<key>.jsonl  rows of shard 12, appended crash-safely like OUT itself
    OUT.parts/part-000012-<key>.done   shard 12 finished (its counts)
    OUT.parts/part-000012-<key>.merged shard 12's rows are in OUT (the part file is then deleted)
    OUT.parts/part-000012-<key>.trying only while shard 12 is computed: the document it is on
    OUT.parts/merging.json           only while a part is being appended to OUT: where OUT ended

Resumability holds per part: a finished part is never recomputed, a half-written one resumes
from its last whole row, and a merge cut short is undone (OUT truncated back) and redone. The
small `.merged` markers stay after the run, so running the command again finds nothing to do.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from .sink import JsonlSink, SinkError, iter_lines, row_head, write_atomically
from .sources import Shard
from .work import BatchOptions, Counts, SourceItem, died_row, lacks_text, new_items, summarize_to_line

# Warnings a part keeps for the client to show (the counts are always complete).
PART_WARNINGS = 20
# Deaths of the worker on one document, in one run, after which it gets an error row: the local
# engine's rule (a death, then the document alone in a fresh worker, then the row).
KILLS = 2
# How a summary row over its word budget reads in a part file (`work.encode_row`: json.dumps' own
# separators; inside a JSON string a quote is escaped, so sentence text cannot contain this).
OVER_BUDGET = b'"over_budget": true'
# A row's `warning` key (inside a JSON string every quote is escaped, so no text can hold this).
WARNED = b'"warning": '
# How a refusal names each setting `state.json` records: as the options of `synopsis batch` set it.
_OPTION_NAMES = {
    "split_bytes": "--partition-size (bytes)",
    "method": "method",
    "method_option": "--method",
    "budget": "budget",
    "lang": "--lang",
    "model": "--model",
    "model_sha256": "--model contents (SHA-256)",
}
# Settings `state.json` records that folders of earlier versions do not have.
_LATER_KEYS = frozenset({"method_option", "lang", "model", "model_sha256"})
# Of those, the ones recorded into such a folder when a run finds them missing: the model file's
# digest, else a model retrained in place is never caught in a folder older than the key.
_RECORDED_LATER = frozenset({"model_sha256"})


def run_shard(shard: Shard, options: BatchOptions, part: str, run: str = "") -> dict[str, Any]:
    """Summarize one shard into `part` (a task on a Dask worker). Safe to run again: a finished
    part returns its counts, a half-written one resumes, and a document that killed the worker
    twice in this `run` (an id of the client's run) gets an error row, as the local engine gives
    it. Returns the counts and some warnings."""
    path = Path(part)
    done = path.with_suffix(".done")
    # A finished part returns its counts; so does one merged already (its `.done` and rows went
    # then, its `.merged` was written first): Dask computes a task again when the worker holding
    # its result dies, and a rerun from scratch left a second part and `.done` beside `.merged`.
    for marker in (done, path.with_suffix(".merged")):
        try:
            stats: dict[str, Any] = {"warnings": [], **json.loads(marker.read_text(encoding="utf-8"))}
        except FileNotFoundError:
            continue
        return stats
    counts = Counts()
    warnings: list[str] = []

    def warn(message: str) -> None:
        if len(warnings) < PART_WARNINGS:
            warnings.append(message)

    with JsonlSink(path) as sink, _Attempt(path.with_suffix(".trying"), run) as attempt:
        left = set(sink.recovered.ids)
        _count_resumed(path, counts)
        resumed = Counts()  # the ids of those rows, skipped by `new_items`: not "already in the output"

        def passed(item: SourceItem) -> None:
            """A row a killed attempt left: its want of a text field is counted as its failure is."""
            if item.id in left:
                left.discard(item.id)
                counts.no_text += lacks_text(item)

        for item in new_items(shard.items(options), done=sink.recovered.ids, counts=resumed, warn=warn, passed=passed):
            killer = attempt.killed_by(item.id)
            row = died_row(item, options) if killer else summarize_to_line(item, options)
            sink.add(row.line)
            if killer or (attempt.deaths and item.id == attempt.suspect):
                # On disk now: a death after it (a later document, or reading the next one) must not
                # be blamed on it (a review: a suspect that survived got the error row at the next death).
                sink.commit()
            counts.failed += row.failed
            counts.summarized += not row.failed
            counts.no_text += lacks_text(item)
            counts.warned += row.warned
            if row.warning:
                counts.over_budget += 1
                warn(row.warning)
    counts.duplicates += resumed.duplicates
    stats = {**counts.as_dict(), "rows": counts.written, "warnings": warnings}
    write_atomically(done, json.dumps(stats))
    return stats


class _Attempt:
    """Which document this attempt at a part is summarizing, in `OUT.parts/part-*.trying`, so that
    the next attempt knows which one a killed worker was on (the client's run id, with it, tells a
    death in this run from a run stopped earlier). The file goes when the attempt ends, by success
    or by an exception: only a dead process leaves it. Written in place, not fsync'd: it has to
    outlive a process, not the machine."""

    def __init__(self, path: Path, run: str) -> None:
        self.path = path
        self.run = run
        self.suspect, self.deaths = "", 0
        try:
            earlier = json.loads(path.read_bytes().split(b"\n", 1)[0])
        except (OSError, ValueError):
            earlier = None
        if isinstance(earlier, dict) and earlier.get("run") == run and isinstance(earlier.get("id"), str):
            self.suspect, self.deaths = earlier["id"], int(earlier.get("deaths", 0)) + 1
        self._handle = path.open("wb")

    def killed_by(self, doc_id: str) -> bool:
        """Whether `doc_id` killed the worker KILLS times in this run; otherwise it is recorded as
        the document now being summarized."""
        deaths = self.deaths if doc_id == self.suspect else 0
        if deaths >= KILLS:
            return True
        self._handle.seek(0)
        self._handle.write(json.dumps({"run": self.run, "id": doc_id, "deaths": deaths}).encode() + b"\n")
        self._handle.truncate()  # flushes first: the line is the OS's, whatever happens to this process
        return False

    def __enter__(self) -> _Attempt:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()
        self.path.unlink(missing_ok=True)


def _count_resumed(part: Path, counts: Counts) -> None:
    """Count the rows an earlier attempt left in `part` (a worker killed mid-partition, a run
    stopped) as this attempt's: the run that merges the part is the one that puts them into OUT.
    Counted as skipped, a fresh OUT said "2 skipped (already in the output)", and an error row
    among them was in no count (the run ended "0 failed", exit status 0)."""
    for _, line in iter_lines(part):
        head = row_head(line)  # a whole row: the sink has cut what a crash left
        if head is not None and head[1]:
            counts.failed += 1
            continue
        counts.summarized += 1
        counts.over_budget += OVER_BUDGET in line
        counts.warned += WARNED in line


class PartsDir:
    """The OUT.parts folder of a partitioned run."""

    def __init__(self, out: Path) -> None:
        self.path = out.with_name(out.name + ".parts")

    def part(self, index: int, shard: Shard) -> Path:
        return self.path / f"part-{index:06d}-{shard.key}.jsonl"

    @staticmethod
    def merged(part: Path) -> dict[str, Any] | None:
        marker = part.with_suffix(".merged")
        return json.loads(marker.read_text(encoding="utf-8")) if marker.exists() else None

    @staticmethod
    def finished(part: Path) -> dict[str, Any] | None:
        marker = part.with_suffix(".done")
        return json.loads(marker.read_text(encoding="utf-8")) if marker.exists() else None

    def base_rows(self) -> int | None:
        """How many rows of OUT predate this folder's parts (None: no partitioned run yet)."""
        state_file = self.path / "state.json"
        if not state_file.exists():
            return None
        rows: int = json.loads(state_file.read_text(encoding="utf-8"))["base_rows"]
        return rows

    def check_state(
        self,
        *,
        split_bytes: int,
        method: str,
        budget: dict[str, int | None],
        journal_rows: int,
        method_option: str = "auto",
        lang: str = "auto",
        model: str = "",
        model_sha256: str = "",
    ) -> None:
        """Check (or record) the run's settings.

        Shard boundaries depend on the partition size, and rows on the options, so a re-run with
        other values would not find its parts: refuse rather than recompute and mix. `method` is
        what `method_option` stands for in English; `auto` stands for another method outside it,
        so the option as given is recorded too, with --lang and --model ("": the shipped model) and
        the SHA-256 of its bytes (a model retrained in place keeps its path; parts finished but not
        yet merged are in no OUT, so `OUT.model.json` does not cover them).
        """
        self.path.mkdir(parents=True, exist_ok=True)
        state_file = self.path / "state.json"
        wanted = {
            "split_bytes": split_bytes,
            "method": method,
            "budget": budget,
            "method_option": method_option,
            "lang": lang,
            "model": model,
            "model_sha256": model_sha256,
        }
        if not state_file.exists():
            write_atomically(state_file, json.dumps({**wanted, "base_rows": journal_rows}))
            return
        state = json.loads(state_file.read_text(encoding="utf-8"))
        missing = {key: value for key, value in wanted.items() if key in _RECORDED_LATER and key not in state}
        for key, value in wanted.items():
            if key in _LATER_KEYS and key not in state:
                continue  # a folder from before the key was recorded: its merged rows are checked in OUT
            if state.get(key) != value:
                shown = _OPTION_NAMES.get(key, key)
                was, now = (v or "(the shipped model)" if key == "model" else v for v in (state.get(key), value))
                raise SinkError(
                    f"{self.path} was made with {shown} {was}, not {now}; run with the same options, "
                    "or remove that folder (its partitions are then recomputed)"
                )
        if missing:  # checked this once through OUT's own record; from now on here too
            write_atomically(state_file, json.dumps({**state, **missing}))

    def undo_interrupted_merge(self, journal: Path) -> None:
        """A merge cut short left some of a part's rows in OUT: cut them, the merge is redone."""
        merging = self.path / "merging.json"
        if not merging.exists():
            return
        state = json.loads(merging.read_text(encoding="utf-8"))
        part = self.path / state["part"]
        if self.merged(part) is None and journal.exists() and journal.stat().st_size > state["out_size"]:
            with journal.open("r+b") as handle:
                handle.truncate(state["out_size"])
                handle.flush()
                os.fsync(handle.fileno())
        merging.unlink()

    def merge(self, part: Path, sink: JsonlSink, *, base_ids: set[str], counts: Counts, warn: Any) -> dict[str, Any]:
        """Append a finished part's rows to OUT in order, leaving out ids OUT already has: ids an
        earlier (non-partitioned) run wrote count as skipped, ids from an earlier part are
        duplicates. Returns the part's counts, corrected for the rows left out."""
        stats = self.finished(part)
        if stats is None:
            raise SinkError(f"{part}: merged before it was finished")
        write_atomically(self.path / "merging.json", json.dumps({"part": part.name, "out_size": sink.tell()}))
        # Parts finished before over-budget rows were counted have no such count.
        part_counts = Counts(
            stats["summarized"],
            stats["failed"],
            stats["skipped"],
            stats["duplicates"],
            stats.get("over_budget", 0),
            stats.get("no_text", 0),
            stats.get("warned", 0),
        )
        appended = 0
        last_id: str | None = None
        for _, line in iter_lines(part):
            head = row_head(line)
            if head is None:
                raise SinkError(f"{part}: a row is damaged; remove that part file and run again to recompute it")
            doc_id, failed = head
            if doc_id in base_ids or doc_id in sink.recovered.ids:
                _uncount(part_counts, failed, already=doc_id in base_ids, over_budget=OVER_BUDGET in line, warned=WARNED in line)
                if doc_id not in base_ids:
                    warn(f"{part.name}: duplicate id {doc_id!r} (in an earlier partition too); only its first occurrence is kept")
                continue
            sink.recovered.ids.add(doc_id)
            sink.add_raw(line)
            appended += 1
            last_id = doc_id
        sink.commit()
        merged = part_counts.as_dict()
        # The last id it appended lets a later run tell that OUT still holds this part's rows.
        marker = {**merged, "rows": appended} if last_id is None else {**merged, "rows": appended, "last_id": last_id}
        write_atomically(part.with_suffix(".merged"), json.dumps(marker))
        for leftover in (part, part.with_suffix(".done"), self.path / "merging.json"):
            leftover.unlink(missing_ok=True)
        counts.add(part_counts)
        return merged

    def merged_rows(self, markers: dict[str, dict[str, Any]] | None = None) -> int:
        """How many rows the parts merged so far put into OUT (their markers count them; `markers`:
        `self.markers()`, when the caller has them already)."""
        return sum(int(marker.get("rows", 0)) for marker in (self.markers() if markers is None else markers).values())

    def not_in(self, ids: set[str], markers: dict[str, dict[str, Any]] | None = None) -> list[str]:
        """The merged parts whose last row is not among `ids`, the ids OUT holds: OUT was replaced by
        another file (one with as many rows or more passes the row count), and their rows are not
        in it. Markers written before they named their last row are not asked."""
        found = (self.markers() if markers is None else markers).items()
        return [name for name, marker in found if "last_id" in marker and marker["last_id"] not in ids]

    def markers(self) -> dict[str, dict[str, Any]]:
        """Each merged part's marker, by the part's name, in part order."""
        if not self.path.exists():
            return {}
        markers = sorted(self.path.glob("part-*.merged"))
        return {marker.with_suffix(".jsonl").name: json.loads(marker.read_text(encoding="utf-8")) for marker in markers}

    def forget(self, names: list[str]) -> None:
        """The merged parts `names` (part file names) are no longer in OUT: drop their markers, so
        that those partitions are computed again (their part files went when they were merged)."""
        for name in names:
            (self.path / name).with_suffix(".merged").unlink(missing_ok=True)

    def forget_merged(self) -> int:
        """OUT is gone (deleted to start over): the merged parts' rows went with it, so their markers
        go too, and those partitions are computed again. Finished parts that were never merged stay:
        their rows are still to be merged, so the recorded settings stay to be checked (a run with
        another budget refused, not mixed into the new OUT); only OUT's rows before the parts, now
        gone, are no longer counted. Returns how many were forgotten."""
        if not self.path.exists():
            return 0
        markers = list(self.path.glob("part-*.merged"))
        for marker in markers:
            marker.unlink()
        (self.path / "merging.json").unlink(missing_ok=True)
        state_file = self.path / "state.json"
        if state_file.exists():
            state = json.loads(state_file.read_text(encoding="utf-8"))
            write_atomically(state_file, json.dumps({**state, "base_rows": 0}))
        return len(markers)

    def sweep(self) -> None:
        """Part files whose rows are already in OUT (a crash between marking and deleting)."""
        if not self.path.exists():
            return
        for marker in self.path.glob("part-*.merged"):
            for leftover in (marker.with_suffix(".jsonl"), marker.with_suffix(".done"), marker.with_suffix(".trying")):
                leftover.unlink(missing_ok=True)


def _uncount(counts: Counts, failed: bool, *, already: bool, over_budget: bool = False, warned: bool = False) -> None:
    """A row left out at merge time was counted as done (and as over its budget, or warned) by its part."""
    if failed:
        counts.failed -= 1
    else:
        counts.summarized -= 1
        counts.over_budget -= over_budget
        counts.warned -= warned
    if already:
        counts.skipped += 1
    else:
        counts.duplicates += 1
