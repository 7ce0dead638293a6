"""The local engine: stream the input in this process, summarize in N worker processes, write in
input order.

Order is preserved: results are written in input order, so OUT is the same file whatever -j is,
and a resumed run appends exactly the rows the interrupted one had not written yet. At most
`window` chunks are in flight (executors read their whole input eagerly otherwise), which is what
keeps memory flat however long the corpus is.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain, islice

from ..workers import WorkerPool, WorkersCannotStart
from .job import BatchError, Interrupted, RunResult, open_output
from .progress import Reporter
from .sources import iter_shards
from .work import (
    DIED,
    BatchOptions,
    Counts,
    EncodedRow,
    SourceItem,
    died_row,
    lacks_text,
    new_items,
    summarize_to_line,
    with_model_digest,
)

Lines = list[EncodedRow]
Write = Callable[[list[SourceItem], Lines], None]
ChunkWork = Callable[[list[SourceItem], BatchOptions], Lines]
# Chunks in flight per worker: enough that a slow document does not idle the others for long.
CHUNKS_PER_WORKER = 6


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
    options = with_model_digest(options)
    target, sink = open_output(out, options, retry_failed=retry_failed, reporter=reporter)
    result.earlier_errors = sink.recovered.errors
    started = time.monotonic()
    reporter.start()
    counts = result.counts
    shards = iter_shards(inputs, options, warn=reporter.warn, output=out, sized=reporter.set_total)
    items = chain.from_iterable(shard.items(options) for shard in shards)
    done = sink.recovered.ids
    todo = new_items(items, done=done, counts=counts, warn=reporter.warn, passed=lambda item: reporter.passed(item.size))

    def write(chunk: list[SourceItem], lines: Lines) -> None:
        failed = 0
        for row in lines:
            sink.add(row.line)
            failed += row.failed
            counts.warned += row.warned
            if row.warning:
                counts.over_budget += 1
                reporter.warn(row.warning)
        counts.failed += failed
        counts.summarized += len(lines) - failed
        counts.no_text += sum(map(lacks_text, chunk))
        reporter.advance(docs=len(lines), failed=failed, size=sum(item.size for item in chunk))

    try:
        try:
            if jobs <= 1:
                for chunk in _chunked(todo, chunk_docs):
                    write(chunk, work(chunk, options))
            else:
                with _pool(jobs, work, options) as pool:
                    for chunk, lines in pool.map(_chunked(todo, chunk_docs)):
                        write(chunk, lines)
        except KeyboardInterrupt:
            result.complete = False
        except WorkersCannotStart as err:
            raise BatchError(str(err)) from None
        finally:
            reporter.stop()
            result.seconds = time.monotonic() - started
        if not result.complete:
            raise Interrupted(result)
        target.finish(sink)
    finally:
        sink.close()
    return result


def _chunked(items: Iterable[SourceItem], size: int) -> Iterator[list[SourceItem]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass(frozen=True, slots=True)
class _ChunkTask:
    """`work` with the run's options bound: what the pool ships to its workers (it pickles)."""

    work: ChunkWork
    options: BatchOptions

    def __call__(self, chunk: list[SourceItem]) -> Lines:
        return self.work(chunk, self.options)


def _pool(jobs: int, work: ChunkWork, options: BatchOptions) -> WorkerPool[list[SourceItem], Lines]:
    """The shared worker pool, set up so that a document that kills its worker costs only its own
    row: after a death, chunks in flight are redone document by document."""

    def died(chunk: list[SourceItem]) -> Lines:
        return [died_row(chunk[0], options)]

    return WorkerPool(
        _ChunkTask(work, options),
        jobs,
        on_death=died,
        split=lambda chunk: [[item] for item in chunk],
        merge=lambda parts: [line for part in parts for line in part],
        window=jobs * CHUNKS_PER_WORKER,
    )


__all__ = ["DIED", "Counts", "died_row", "run_local", "summarize_chunk"]
