"""Batch: summarize whole corpora, streamed, in parallel, resumable after a crash.

sources  INPUT paths -> shards (byte ranges, file groups, row groups) -> documents
work     the per-document function both engines run (pipeline -> output row)
sink     crash-safe JSONL output (whole lines, fsync per batch, tail repaired on reopen)
local    the local engine: worker processes, ordered, bounded memory
parts    shard -> part file, and merging parts into OUT in order (the Dask engine's pieces)
dask_engine  the same work on a Dask cluster (optional extra `synopsis[dask]`)
"""

from __future__ import annotations

from .job import Interrupted, RunResult
from .local import run_local
from .work import BatchOptions, Counts, SourceItem, summarize_item

__all__ = ["BatchOptions", "Counts", "Interrupted", "RunResult", "SourceItem", "run_local", "summarize_item"]
