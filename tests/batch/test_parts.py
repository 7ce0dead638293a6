"""Partitioned runs: a part resumes from its last whole row, and a merge cut short is redone."""

from __future__ import annotations

import json
from pathlib import Path

from batch_helpers import OPTIONS

from synopsis.batch import run_local
from synopsis.batch.parts import PartsDir, run_shard
from synopsis.batch.sink import JsonlSink
from synopsis.batch.sources import iter_shards
from synopsis.batch.work import Counts


def test_a_half_written_part_resumes_from_its_last_whole_row(tmp_path: Path, corpus: Path) -> None:
    shard = next(iter(iter_shards([str(corpus)], OPTIONS)))
    part = tmp_path / "part-000000-x.jsonl"
    first = run_shard(shard, OPTIONS, str(part))
    complete = part.read_bytes()
    lines = complete.splitlines(keepends=True)
    part.write_bytes(b"".join(lines[:5]) + lines[5][:100])
    part.with_suffix(".done").unlink()
    again = run_shard(shard, OPTIONS, str(part))
    assert part.read_bytes() == complete
    assert (first["summarized"], again["summarized"], again["skipped"], again["rows"]) == (8, 3, 5, 8)


def test_a_merge_cut_short_is_undone_then_redone(tmp_path: Path, corpus: Path) -> None:
    out = tmp_path / "out.jsonl"
    parts = PartsDir(out)
    parts.path.mkdir()
    shards = list(iter_shards([str(corpus)], OPTIONS, split_bytes=20000))
    assert len(shards) >= 2
    for index, shard in enumerate(shards):
        run_shard(shard, OPTIONS, str(parts.part(index, shard)))
    counts = Counts()
    with JsonlSink(out) as sink:
        parts.merge(parts.part(0, shards[0]), sink, base_ids=set(), counts=counts, warn=print)
        size = sink.tell()
    second = parts.part(1, shards[1])
    (parts.path / "merging.json").write_text(json.dumps({"part": second.name, "out_size": size}))
    with out.open("ab") as handle:  # the crash: some of part 1's rows were appended, not all
        handle.write(second.read_bytes().splitlines(keepends=True)[0])
    parts.undo_interrupted_merge(out)
    assert out.stat().st_size == size
    with JsonlSink(out) as sink:
        for index in range(1, len(shards)):
            parts.merge(parts.part(index, shards[index]), sink, base_ids=set(), counts=counts, warn=print)
    reference = tmp_path / "reference.jsonl"
    run_local([str(corpus)], str(reference), OPTIONS)
    assert out.read_bytes() == reference.read_bytes()
    assert counts.summarized == 8
