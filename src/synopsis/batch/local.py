"""The local engine: stream the input in this process, summarize in N worker processes, write in
input order.

Order is preserved: results are written in input order, so OUT is the same file whatever -j is,
and a resumed run appends exactly the rows the interrupted one had not written yet. At most
`window` chunks are in flight (executors read their whole input eagerly otherwise), which is what
keeps memory flat however long the corpus is.
"""

from __future__ import annotations

import concurrent.futures
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import chain, islice

from ..errors import InputError
from .job import BatchError, Interrupted, RunResult, measure_input, open_output
from .progress import Reporter
from .sources import iter_shards
from .work import BatchOptions, Counts, SourceItem, encode_row, error_row, new_items, summarize_to_line

Lines = list[tuple[str, bool]]
Write = Callable[[list[SourceItem], Lines], None]
ChunkWork = Callable[[list[SourceItem], BatchOptions], Lines]
# Chunks in flight per worker: enough that a slow document does not idle the others for long.
CHUNKS_PER_WORKER = 6
DIED = "the worker process died while summarizing it (out of memory, or a crash in a native library)"
WORKER_START_SECONDS = 300


def summarize_chunk(items: list[SourceItem], options: BatchOptions) -> Lines:
    """What a worker process runs: the per-document function over a few documents at a time."""
    return [summarize_to_line(item, options) for item in items]


def run_local(
    inputs: Sequence[str],
    out: str,
    options: BatchOptions,
    *,
    jobs: int = 1,
    chunk_docs: int = 4,
    retry_failed: bool = False,
    reporter: Reporter | None = None,
    work: ChunkWork = summarize_chunk,
) -> RunResult:
    """Summarize every document of `inputs` into `out`, resuming what an earlier run left."""
    reporter = reporter or Reporter()
    result = RunResult(out)
    target, sink = open_output(out, options, retry_failed=retry_failed, reporter=reporter)
    result.earlier_errors = sink.recovered.errors
    started = time.monotonic()
    reporter.start()
    measure_input(inputs, reporter)
    counts = result.counts
    items = chain.from_iterable(shard.items(options) for shard in iter_shards(inputs, options, warn=reporter.warn, output=out))
    done = sink.recovered.ids
    todo = new_items(items, done=done, counts=counts, warn=reporter.warn, passed=lambda item: reporter.passed(item.size))

    def write(chunk: list[SourceItem], lines: Lines) -> None:
        failed = 0
        for line, is_error in lines:
            sink.add(line)
            failed += is_error
        counts.failed += failed
        counts.summarized += len(lines) - failed
        reporter.advance(docs=len(lines), failed=failed, size=sum(item.size for item in chunk))

    try:
        if jobs <= 1:
            for chunk in _chunked(todo, chunk_docs):
                write(chunk, work(chunk, options))
        else:
            with _Pool(jobs, work, options) as pool:
                pool.run(_chunked(todo, chunk_docs), write)
    except KeyboardInterrupt:
        result.complete = False
    finally:
        sink.close()
        reporter.stop()
        result.seconds = time.monotonic() - started
    if not result.complete:
        raise Interrupted(result)
    target.finish()
    return result


def _chunked(items: Iterable[SourceItem], size: int) -> Iterator[list[SourceItem]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _init_worker(parent: int) -> None:
    """Workers leave Ctrl-C to the parent, which stops cleanly (otherwise each prints a traceback),
    and exit when the parent is gone: after a `kill -9` of the parent, pool workers would
    otherwise wait on their task queue forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), name="synopsis-parent-watch", daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


def _context() -> multiprocessing.context.BaseContext:
    """spawn: workers are children of this process (so they can tell when it dies), and no
    process that runs threads (the progress bar's) is forked. The price is one import per worker."""
    return multiprocessing.get_context("spawn")


class _Pool:
    """Worker processes with a bounded, ordered window of chunks in flight.

    If a worker dies (the OS killed it for memory, a native crash), the executor breaks and every
    chunk in flight is lost. The chunks are then redone one document at a time in a fresh
    one-worker pool, so the document that kills its worker gets an error row and the run goes on.
    """

    def __init__(self, jobs: int, work: ChunkWork, options: BatchOptions) -> None:
        self.jobs = jobs
        self.work = work
        self.options = options
        self.window = jobs * CHUNKS_PER_WORKER
        self.executor = self._executor(jobs)

    def _executor(self, jobs: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, mp_context=_context(), initializer=_init_worker, initargs=(os.getpid(),))

    def run(self, chunks: Iterable[list[SourceItem]], write: Write) -> None:
        pending: deque[tuple[Future[Lines], list[SourceItem]]] = deque()
        for chunk in chunks:
            pending.append((self.executor.submit(self.work, chunk, self.options), chunk))
            while len(pending) >= self.window:
                self._collect(pending, write)
        while pending:
            self._collect(pending, write)

    def _collect(self, pending: deque[tuple[Future[Lines], list[SourceItem]]], write: Write) -> None:
        future, chunk = pending.popleft()
        try:
            write(chunk, future.result())
            return
        except BrokenProcessPool:
            suspects = [chunk, *(c for _, c in pending)]
            pending.clear()
        self.executor.shutdown(wait=True, cancel_futures=True)
        single = self._working_executor()
        try:
            for suspect in suspects:
                for item in suspect:
                    try:
                        lines = single.submit(self.work, [item], self.options).result()
                    except BrokenProcessPool:
                        single.shutdown(wait=True)
                        single = self._working_executor()  # a fresh worker runs: this document killed its own
                        lines = [(encode_row(error_row(item.id, InputError(DIED, source=_source(item), line=_line(item)))), True)]
                    write([item], lines)
        finally:
            single.shutdown(wait=True)
        self.executor = self._executor(self.jobs)

    def _working_executor(self) -> ProcessPoolExecutor:
        """A one-worker pool that has shown it can run a task. If even that fails, workers cannot
        start here at all, and blaming documents for it would fill OUT with false error rows."""
        executor = self._executor(1)
        try:
            executor.submit(os.getpid).result(timeout=WORKER_START_SECONDS)
        except (BrokenProcessPool, concurrent.futures.TimeoutError) as err:
            executor.shutdown(wait=False, cancel_futures=True)
            raise BatchError(
                f"worker processes cannot start ({type(err).__name__}); run with -j 1, or from a script file "
                "rather than standard input"
            ) from None
        return executor

    def __enter__(self) -> _Pool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.executor.shutdown(wait=exc[0] is None, cancel_futures=True)


def _source(item: SourceItem) -> str | None:
    payload = item.payload
    return payload.source if isinstance(payload, InputError) else payload.meta.get("input")


def _line(item: SourceItem) -> int | None:
    payload = item.payload
    return payload.line if isinstance(payload, InputError) else payload.meta.get("line")


__all__ = ["Counts", "run_local", "summarize_chunk"]
