"""The Dask engine: the same per-document function over partitions of the input, on a cluster.

Each shard (a ~16 MB slice of a JSONL file, a group of files, some Parquet row groups) is one
task, `parts.run_shard`, that reads its slice itself (so the input must be on storage every worker
sees) and writes its own part file next to OUT. The client merges finished parts into OUT in shard
order, so OUT has the same rows in the same order as the local engine's. Shards are submitted a
few at a time, so neither the client nor the scheduler ever holds the whole plan.

Needs the optional extra: pip install 'synopsis[dask]'.
"""

from __future__ import annotations

import json
import logging
import sys
import time
import uuid
from collections.abc import Sequence
from typing import Any

from ..errors import MethodError, MissingExtra, counted
from ..language import check_lang_option
from ..scorers import usable_method
from ..workers import sigint_ignored
from .job import BatchError, Interrupted, RunResult, open_output
from .parts import PartsDir, run_shard
from .progress import Reporter
from .sink import Recovered, SinkError
from .sources import Shard, iter_shards
from .work import BatchOptions, with_model_digest

# About 500 dev-sized articles: long enough to amortise a task, short enough to balance load.
DEFAULT_PARTITION_BYTES = 16_000_000  # the CLI's --partition-size 16MB, so a run started from Python resumes from the CLI
# Tasks in flight per worker thread; finished parts waiting for an earlier one wait on disk.
TASKS_PER_THREAD = 2
# How long to wait for --scheduler: a scheduler under load can take seconds to accept.
CONNECT_TIMEOUT = "30s"


def _distributed():  # type: ignore[no-untyped-def]
    try:
        import distributed
    except ImportError:
        raise MissingExtra("The Dask engine", "dask") from None
    return distributed


def _connect(distributed: Any, scheduler: str) -> Any:
    """A client of the user's scheduler; one that cannot be reached is named (distributed's
    OSError carries no file name, and would otherwise be reported against OUT)."""
    try:
        return distributed.Client(scheduler, timeout=CONNECT_TIMEOUT)
    except OSError as err:
        raise BatchError(f"Dask scheduler {scheduler}: cannot connect ({err}); is it running and reachable?") from None


def run_dask(
    inputs: Sequence[str],
    out: str,
    options: BatchOptions,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    split_bytes: int = DEFAULT_PARTITION_BYTES,
    reporter: Reporter | None = None,
) -> RunResult:
    """Summarize `inputs` into `out` on a Dask cluster: the one at `scheduler`
    (tcp://HOST:PORT), or a LocalCluster of `workers` processes on 127.0.0.1 started for the run."""
    distributed = _distributed()
    reporter = reporter or Reporter()
    options = with_model_digest(options)
    try:
        method = usable_method(options.method).name
    except MethodError as err:
        raise SinkError(str(err)) from None
    from .sink import OutputTarget

    target = OutputTarget(out)
    parts = PartsDir(target.out)
    parts.sweep()
    if not any(path.exists() and path.stat().st_size for path in (target.out, target.journal)):
        forgotten = parts.forget_merged()  # OUT deleted to start over: its merged rows are gone
        if forgotten:
            gone = f"{forgotten} partition(s) had been merged into {out}, which is gone"
            reporter.warn(f"{parts.path}: {gone}; computing them again")
    base_rows = parts.base_rows()
    if base_rows is None:  # no partitioned run yet: every row of OUT predates it
        base_rows = sys.maxsize
    budget = options.budget.as_dict()
    # A Parquet OUT without its journal: the journal is rebuilt from OUT, the rows of its last
    # completed run; parts merged into the journal after that went with it.
    rebuilt = target.parquet and target.out.exists() and not target.journal.exists()

    def check_parts(recovered: Recovered) -> None:
        """The parts folder's own state must match too, before anything is said about resuming, and
        OUT must still hold the rows its merged parts put there."""
        markers = parts.markers()
        if rebuilt:
            markers = forget_lost(recovered, markers)
        merged = parts.merged_rows(markers)
        expected = (0 if base_rows == sys.maxsize else base_rows) + merged
        if merged and recovered.rows < expected and rebuilt:
            raise SinkError(
                f"{target.journal} was deleted, and {out} holds the rows of an earlier completed run ({recovered.rows}),"
                f" fewer than the {expected} merged into the journal by partitions of {parts.path} too old to say which;"
                f" restore the journal, or remove {parts.path} to compute every partition again"
            )
        if merged and recovered.rows < expected:
            raise SinkError(
                f"{target.journal} holds {counted(recovered.rows, 'row')}, fewer than the {expected} that {parts.path} says were "
                f"merged into it (was it replaced or cut?); restore it, or remove {parts.path} to compute them again"
            )
        missing = parts.not_in(recovered.ids, markers)
        if missing:  # replaced by a file with as many rows or more: the ids tell
            raise SinkError(
                f"{target.journal} does not hold the rows that {counted(len(missing), 'partition')} of {parts.path} merged into"
                f" it ({missing[0]} first; was it replaced?); restore it, or remove {parts.path} to compute them again"
            )
        parts.check_state(
            split_bytes=split_bytes,
            method=method,
            budget=budget,
            journal_rows=recovered.rows,
            method_option=options.method,
            lang=check_lang_option(options.lang),  # valid: open_output checked it first
            model=dict(options.params).get("model", ""),
            model_sha256=options.model_sha256,
        )

    def forget_lost(recovered: Recovered, markers: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """The journal was deleted and rebuilt from the Parquet OUT: the partitions merged since OUT
        was last written are not in it (their last row is not), so they are computed again rather
        than the run refused for rows the user deleted. OUT is a snapshot of the journal, which
        parts are only appended to, so what it lacks is exactly those partitions' rows; unless it
        holds none of them and not the rows from before the parts either (another file: refused)."""
        lost = parts.not_in(recovered.ids, markers)
        known = [name for name, marker in markers.items() if "last_id" in marker]
        if not lost or (len(lost) == len(known) and recovered.rows != base_rows):
            return markers
        parts.forget(lost)
        reporter.warn(
            f"{target.journal} was deleted: {out} holds the rows of its last completed run only, without the"
            f" {len(lost)} partition(s) merged into the journal since; computing them again"
        )
        return parts.markers()

    _, sink = open_output(
        out,
        options,
        retry_failed=False,
        reporter=reporter,
        base_rows=base_rows,
        before_recovery=lambda: parts.undo_interrupted_merge(target.journal),
        engine_check=check_parts,
    )
    result = RunResult(out, earlier_errors=sink.recovered.errors)
    started = time.monotonic()
    cluster = client = None
    try:
        try:
            base_ids = sink.recovered.base_ids
            reporter.start()
            _quiet_logs()
            if scheduler:
                client = _connect(distributed, scheduler)
            else:
                # Ctrl-C reaches the whole process group: workers that heard it each printed a
                # KeyboardInterrupt traceback, and then warned of their cancelled tasks (some 70
                # lines about one interrupt); they start with it ignored, and this process stops
                # them itself. (A Ctrl-C in the seconds they take to start is not heard: blocking
                # it instead, to deliver it after, was tried — the workers, spawned from Dask's
                # own threads, did not inherit the block and printed their tracebacks again.)
                with sigint_ignored():
                    cluster = distributed.LocalCluster(
                        n_workers=workers,
                        threads_per_worker=1,
                        processes=True,
                        host="127.0.0.1",
                        # None still serves HTTP on 8787: a second run (or a notebook's dashboard)
                        # got distributed's "Port 8787 is already in use" warning, 4 lines
                        dashboard_address="127.0.0.1:0",
                        scheduler_kwargs={"dashboard": False},
                        # A task cancelled by Ctrl-C is no news to its user, nor a worker's heartbeat
                        # that found the scheduler gone while the cluster shut down (logged at ERROR
                        # with its traceback: the Ctrl-C test failed on it once in a clean-clone CI
                        # run). What fails a document or a part comes back through its future and is
                        # said by this process, as an error row or a problem line.
                        silence_logs=logging.CRITICAL,
                    )
                client = distributed.Client(cluster)
            threads = sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values()) or 1
            scheduler_run = _Scheduler(
                client, distributed, parts, sink, options, reporter, result, base_ids, window=threads * TASKS_PER_THREAD
            )
            scheduler_run.run(
                iter_shards(inputs, options, split_bytes=split_bytes, warn=reporter.warn, output=out, sized=reporter.set_total)
            )
        except KeyboardInterrupt:
            result.complete = False
            result.problems.append("interrupted")
        finally:
            reporter.stop()
            if client is not None:
                client.close()
            if cluster is not None:
                cluster.close()
            result.seconds = time.monotonic() - started
        if "interrupted" in result.problems:
            raise Interrupted(result)
        if result.complete:
            target.finish(sink)
    finally:
        sink.close()
    return result


def _quiet_logs() -> None:
    """distributed logs every worker start and stop at INFO; a user wants our one line instead."""
    for name in ("distributed", "distributed.nanny", "distributed.scheduler", "distributed.worker", "distributed.core"):
        logging.getLogger(name).setLevel(logging.ERROR)


class _Scheduler:
    """Submit shards a window at a time and merge finished parts into OUT in shard order."""

    def __init__(
        self,
        client: Any,
        distributed: Any,
        parts: PartsDir,
        sink: Any,
        options: BatchOptions,
        reporter: Reporter,
        result: RunResult,
        base_ids: set[str],
        *,
        window: int,
    ) -> None:
        self.client = client
        self.distributed = distributed
        self.parts = parts
        self.sink = sink
        self.options = options
        self.reporter = reporter
        self.result = result
        self.base_ids = base_ids
        self.window = window
        # index -> (part path, shard size, state) where state is "merged", "ready" or "failed"
        self.finished: dict[int, tuple[Any, int, str]] = {}
        self.next_merge = 0
        self.blocked = False
        # Told to each task: a document's worker deaths are counted within this run only (a run
        # stopped by Ctrl-C also ends its workers mid-document).
        self.run_id = uuid.uuid4().hex
        # index -> the part's `.trying` line when it was last given up by Dask (KilledWorker)
        self.killed: dict[int, bytes] = {}
        self.tasks = 0

    def run(self, shards: Any) -> None:
        in_flight: dict[Any, tuple[int, Shard]] = {}
        pending = self.distributed.as_completed()
        plan = enumerate(shards)
        exhausted = False
        try:
            while True:
                while not exhausted and len(in_flight) < self.window:
                    following = next(plan, None)
                    if following is None:
                        exhausted = True
                        break
                    index, shard = following
                    future = self._submit(index, shard)
                    if future is not None:
                        in_flight[future] = (index, shard)
                        pending.add(future)
                self._merge_ready()
                if not in_flight:
                    if exhausted:
                        break
                    continue
                future = next(pending)
                index, shard = in_flight.pop(future)
                part, size = self.parts.part(index, shard), shard.size
                try:
                    stats = future.result()
                except Exception as err:  # the task failed twice: report it, keep the others going
                    if isinstance(err, self.distributed.KilledWorker) and self._went_on(index, part):
                        again = self._task(shard, part)
                        in_flight[again] = (index, shard)
                        pending.add(again)
                        continue
                    finished = self.parts.finished(part)
                    if finished is not None:  # written whole before the error (a result lost with its worker)
                        for message in finished.get("warnings", []):
                            self.reporter.warn(message)
                        self.finished[index] = (part, size, "ready")
                        continue
                    self.result.complete = False
                    self.result.problems.append(f"partition {part.name} failed: {type(err).__name__}: {err}")
                    self.reporter.warn(self.result.problems[-1])
                    self.finished[index] = (part, size, "failed")
                    continue
                future.release()  # held on, Dask would compute it again if its worker died
                for message in stats.get("warnings", []):
                    self.reporter.warn(message)
                self.finished[index] = (part, size, "ready")
            self._merge_ready()
        finally:
            for future in in_flight:
                future.cancel()

    def _submit(self, index: int, shard: Shard) -> Any:
        part = self.parts.part(index, shard)
        merged = self.parts.merged(part)
        if merged is not None:  # an earlier run merged it: its rows are in OUT
            self.result.counts.skipped += merged["rows"]
            self.result.counts.duplicates += merged["duplicates"]
            self.reporter.passed(shard.size)
            self.finished[index] = (part, shard.size, "merged")
            return None
        if self.parts.finished(part) is not None:  # an earlier run computed it: just merge
            self.finished[index] = (part, shard.size, "ready")
            return None
        return self._task(shard, part)

    def _task(self, shard: Shard, part: Any) -> Any:
        self.tasks += 1  # a key of its own: a part submitted again is a new task to Dask
        key = f"synopsis-{part.stem}-{self.run_id[:8]}-{self.tasks}"  # unique on a long-lived scheduler too
        return self.client.submit(run_shard, shard, self.options, str(part), self.run_id, key=key, pure=False, retries=1)

    def _went_on(self, index: int, part: Any) -> bool:
        """Whether a part Dask gave up on (its workers died) got further since it was last given up
        on: each document that kills workers costs two deaths before its error row, so Dask's
        allowance (3 deaths) can run out on a part with two; it is submitted again while the
        documents it dies on move on (a death outside any document, or on the same one again, does not)."""
        trying = part.with_suffix(".trying")
        try:
            now = trying.read_bytes().split(b"\n", 1)[0]
            line = json.loads(now) if now else None
        except (OSError, ValueError):
            return False
        if not isinstance(line, dict) or line.get("run") != self.run_id:
            return False  # a line of a run stopped earlier: this run's attempts got nowhere
        went_on = self.killed.get(index) != now
        self.killed[index] = now
        return went_on

    def _merge_ready(self) -> None:
        """Merge the finished parts that follow the last merged one; a failed part stops merging
        (OUT keeps input order), while the rest are still computed for the next run."""
        while not self.blocked and self.next_merge in self.finished:
            part, size, state = self.finished.pop(self.next_merge)
            if state == "failed":
                self.blocked = True
                return
            if state == "ready":
                before = self.result.counts.written
                failed_before = self.result.counts.failed
                self.parts.merge(part, self.sink, base_ids=self.base_ids, counts=self.result.counts, warn=self.reporter.warn)
                self.reporter.advance(
                    docs=self.result.counts.written - before, failed=self.result.counts.failed - failed_before, size=size
                )
            self.next_merge += 1
