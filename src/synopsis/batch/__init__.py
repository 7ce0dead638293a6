"""Batch: summarize whole corpora, streamed, in parallel, resumable after a crash.

sources  INPUT paths -> shards (byte ranges, file groups, row groups) -> documents
work     the per-document function both engines run (pipeline -> output row)
sink     crash-safe JSONL output (whole lines, fsync per batch, tail repaired on reopen)
local    the local engine: worker processes, ordered, bounded memory
parts    shard -> part file, and merging parts into OUT in order (the Dask engine's pieces)
dask_engine  the same work on a Dask cluster (optional extra `synopsis[dask]`)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .job import Interrupted, RunResult
    from .local import run_local
    from .work import BatchOptions, Counts, SourceItem, summarize_item

# Loaded on first use (PEP 562): `synopsis summarize` imports the CLI, which names the batch
# command's output formats; it should not pay for the engine and its progress display (rich).
_LAZY = {
    "Interrupted": "job",
    "RunResult": "job",
    "run_local": "local",
    "BatchOptions": "work",
    "Counts": "work",
    "SourceItem": "work",
    "summarize_item": "work",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f".{module}", __name__), name)


__all__ = ["BatchOptions", "Counts", "Interrupted", "RunResult", "SourceItem", "run_local", "summarize_item"]
