"""A JSONL line of gigabytes (a file without line ends) costs a batch worker one line's limit of
memory, not the line: it is refused by its length, as `summarize` refuses it, and the rest goes on."""

from __future__ import annotations

import json
import tracemalloc
from pathlib import Path

import pytest

from synopsis.batch import sources
from synopsis.batch.work import BatchOptions
from synopsis.ingest import jsonl
from synopsis.types import Article

LIMIT = 1_000_000


def test_an_over_long_line_is_refused_without_being_held(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Was: the line was read whole (a 190 MB line: 610 MB peak in batch, 159 MB in summarize)."""
    monkeypatch.setattr(sources, "MAX_LINE_BYTES", LIMIT, raising=False)
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", LIMIT)
    path = tmp_path / "corpus.jsonl"
    good = {"id": "after", "full_text": "Mentors met each young man every week. Those who kept meeting were less often convicted"}
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "big", "full_text": "The study works. " * 1_200_000}) + "\n")  # 20.4 MB
        handle.write(json.dumps(good) + "\n")
    shard = sources.JsonlShard(str(path), str(path), path.stat().st_size)
    tracemalloc.start()
    try:
        items = list(shard.items(BatchOptions()))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5 * LIMIT, f"peak {peak:,} bytes"
    assert [item.id for item in items] == ["corpus:1", "after"]
    assert str(items[0].payload) == f"{path}:1: line is 20.4 MB, over the 1 MB limit for one article"
    assert isinstance(items[1].payload, Article)
