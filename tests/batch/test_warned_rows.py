"""`synopsis batch` over a folder of mixed inputs (PDFs, .txt, .jsonl.gz, a subfolder): every
document gets its row, and the final line counts the rows that carry a `warning` (a PDF page not
read, an unsupported language), as it counts those over their budget; the row was the only place
that said it. In the local engine and in the parts the Dask engine merges."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from batch_helpers import OPTIONS, read_rows, write_jsonl
from typer.testing import CliRunner

from synopsis.batch.parts import PartsDir, run_shard
from synopsis.batch.sink import JsonlSink
from synopsis.batch.sources import iter_shards
from synopsis.batch.work import Counts
from synopsis.cli import app

UKRAINIAN = (Path(__file__).resolve().parents[1] / "data" / "lang" / "uk.txt").read_text(encoding="utf-8")


def test_a_mixed_folder_gets_a_row_each_and_the_final_line_counts_the_warned_ones(
    tmp_path: Path, short_articles: list[dict[str, str]]
) -> None:
    pytest.importorskip("pypdfium2")
    pytest.importorskip("reportlab")
    from test_unread_pdf_pages import _with_a_scanned_page

    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    _with_a_scanned_page(folder / "sub" / "scan.pdf")
    (folder / "paper.txt").write_text(short_articles[0]["full_text"], encoding="utf-8")
    (folder / "uk.txt").write_text(UKRAINIAN, encoding="utf-8")
    with gzip.open(folder / "more.jsonl.gz", "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(record) + "\n" for record in short_articles[1:3])
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    rows = {row["id"]: row for row in read_rows(out)}
    assert set(rows) == {"paper", "uk", "sub/scan", short_articles[1]["id"], short_articles[2]["id"]}
    assert "error" not in json.dumps(list(rows.values()))
    assert "has no text layer" in rows["sub/scan"]["warning"] and "not supported" in rows["uk"]["warning"]
    assert result.stderr.splitlines()[-1].startswith(
        "synopsis: batch: 5 done, 0 skipped (already in the output), 0 failed,"
        " 2 with a warning in their row (an unsupported language, PDF pages not read, punctuation missing);"
    )


def test_parts_count_warned_rows_and_a_duplicate_left_out_at_merge_is_uncounted(
    tmp_path: Path, short_articles: list[dict[str, str]]
) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [short_articles[0], {"id": "uk", "full_text": UKRAINIAN}])
    out = tmp_path / "out.jsonl"
    parts = PartsDir(out)
    parts.path.mkdir()
    shard = next(iter(iter_shards([str(corpus)], OPTIONS)))
    stats = run_shard(shard, OPTIONS, str(parts.part(0, shard)))
    assert stats["warned"] == 1
    copy = parts.part(1, shard).with_name("part-000001-copy.jsonl")  # the same rows again: all duplicates
    copy.write_bytes(parts.part(0, shard).read_bytes())
    copy.with_suffix(".done").write_text(json.dumps(stats), encoding="utf-8")
    counts = Counts()
    with JsonlSink(out) as sink:
        parts.merge(parts.part(0, shard), sink, base_ids=set(), counts=counts, warn=lambda message: None)
        parts.merge(copy, sink, base_ids=set(), counts=counts, warn=lambda message: None)
    assert (counts.summarized, counts.duplicates, counts.warned) == (2, 2, 1)
