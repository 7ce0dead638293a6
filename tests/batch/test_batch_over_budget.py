"""`synopsis batch` and a summary over its word budget: the row says it (`over_budget`, `note`),
a warning line says it like batch's other per-document warnings (duplicate ids), and the final
line counts it, in the local engine and in the parts the Dask engine is built from."""

from __future__ import annotations

import json
from pathlib import Path

from batch_helpers import OPTIONS, read_rows, write_jsonl
from typer.testing import CliRunner

from synopsis.batch import run_local
from synopsis.batch.parts import PartsDir, run_shard
from synopsis.batch.progress import Reporter
from synopsis.batch.sink import JsonlSink
from synopsis.batch.sources import iter_shards
from synopsis.batch.work import Counts
from synopsis.cli import app

LONG = " ".join(["the mentoring study and"] * 50) + "."  # one sentence of 200 words; the budget is 60
WARNING = (
    "warning: summary is over the 60-word budget: no whole sentence fits it, and the shortest one, "
    "returned instead, has 200 words (140 over); sentences are never cut"
)


def _corpus(tmp_path: Path, short_articles: list[dict[str, str]]) -> Path:
    return write_jsonl(tmp_path / "corpus.jsonl", [short_articles[0], {"id": "long", "full_text": LONG}, short_articles[1]])


def test_the_cli_warns_and_counts_rows_over_their_budget(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    corpus, out = _corpus(tmp_path, short_articles), tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(corpus), "-o", str(out), "--words", "60", "--no-progress"])
    assert result.exit_code == 0, result.output  # a warning, not a failure
    lines = result.stderr.splitlines()
    assert lines[0] == f"synopsis: {corpus}:2: {WARNING}"
    assert lines[-1].startswith("synopsis: batch: 3 done, 0 skipped (already in the output), 0 failed, 1 over their word budget")
    rows = read_rows(out)
    assert [(row["id"], row["over_budget"]) for row in rows] == [
        (short_articles[0]["id"], False),
        ("long", True),
        (short_articles[1]["id"], False),
    ]
    again = CliRunner().invoke(app, ["batch", str(corpus), "-o", str(out), "--words", "60", "--no-progress"])
    assert "warning" not in again.stderr and "over their word budget" not in again.stderr  # skipped rows: said once


def test_the_local_engine_counts_and_reports_them(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    reporter = Reporter()
    result = run_local([str(_corpus(tmp_path, short_articles))], str(tmp_path / "out.jsonl"), OPTIONS, reporter=reporter)
    assert (result.counts.summarized, result.counts.over_budget) == (3, 1)
    assert reporter.warnings == [f"{tmp_path / 'corpus.jsonl'}:2: {WARNING}"]


def test_parts_count_them_and_a_duplicate_left_out_at_merge_is_uncounted(
    tmp_path: Path, short_articles: list[dict[str, str]]
) -> None:
    corpus = _corpus(tmp_path, short_articles)
    out = tmp_path / "out.jsonl"
    parts = PartsDir(out)
    parts.path.mkdir()
    shard = next(iter(iter_shards([str(corpus)], OPTIONS)))
    stats = run_shard(shard, OPTIONS, str(parts.part(0, shard)))
    assert (stats["over_budget"], stats["warnings"]) == (1, [f"{corpus}:2: {WARNING}"])
    copy = parts.part(1, shard).with_name("part-000001-copy.jsonl")  # the same rows again: all duplicates
    copy.write_bytes(parts.part(0, shard).read_bytes())
    copy.with_suffix(".done").write_text(json.dumps(stats), encoding="utf-8")
    counts = Counts()
    with JsonlSink(out) as sink:
        parts.merge(parts.part(0, shard), sink, base_ids=set(), counts=counts, warn=lambda message: None)
        parts.merge(copy, sink, base_ids=set(), counts=counts, warn=lambda message: None)
    assert (counts.summarized, counts.duplicates, counts.over_budget) == (3, 3, 1)
