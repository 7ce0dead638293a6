"""`synopsis evaluate` on a Parquet corpus, read by `synopsis batch`'s reader: the same scores as
the same records in JSONL, the column options, and one line when pyarrow is missing."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from synopsis.cli import app

pytest.importorskip("rouge_score_rs")
pa = pytest.importorskip("pyarrow", reason="Parquet needs the parquet extra")
pq = pytest.importorskip("pyarrow.parquet")
runner = CliRunner()


def _records(dev_sample: list[dict[str, str]], count: int = 4) -> list[dict[str, Any]]:
    """Dev articles cut to their first 8,000 characters, from two sources."""
    return [{**r, "full_text": r["full_text"][:8000]} for r in dev_sample[:count]]


def _parquet(path: Path, records: list[dict[str, Any]]) -> Path:
    pq.write_table(pa.Table.from_pylist(records), path, row_group_size=2)
    return path


def _report(*args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["evaluate", *args])
    assert result.exit_code == 0, result.output
    report = Path(args[args.index("--json") + 1])
    data: dict[str, Any] = json.loads(report.read_text(encoding="utf-8"))
    return data


def test_a_parquet_corpus_scores_as_the_same_records_in_jsonl(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """A .parquet DATA was one unreadable document ("a Parquet file (a corpus: batch runs read
    Parquet)"); it is read as `synopsis batch` reads it, with the `source` column for --by."""
    records = _records(dev_sample)
    corpus = _parquet(tmp_path / "c.parquet", records)
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    from_parquet = _report(str(corpus), "-m", "lead", "-j", "2", "--json", str(tmp_path / "p.json"))
    from_jsonl = _report(str(jsonl), "-m", "lead", "--json", str(tmp_path / "j.json"))
    assert from_parquet["documents"] == 4 and from_parquet["not_evaluated"] == []
    for key in ("id", "source", "language", "words", "scores"):
        assert [d[key] for d in from_parquet["per_document"]] == [d[key] for d in from_jsonl["per_document"]]
    assert sorted(from_parquet["by_source"]) == sorted({" ".join(r["source"].split()) for r in records})
    assert from_parquet["overall"] == from_jsonl["overall"]


def test_the_column_options_name_parquet_columns(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """--text-field, --id-field and --abstract-field name the columns, as for JSONL; a mistyped
    text column is the same one line as for JSONL, with no report of zeros."""
    renamed = [
        {"key": f"doc-{i}", "body": r["full_text"], "summary": r["abstract"]} for i, r in enumerate(_records(dev_sample, 2))
    ]
    corpus = _parquet(tmp_path / "renamed.parquet", renamed)
    options = ["--text-field", "body", "--id-field", "key", "--abstract-field", "summary"]
    data = _report(str(corpus), "-m", "lead", *options, "--json", str(tmp_path / "r.json"))
    assert [d["id"] for d in data["per_document"]] == ["doc-0", "doc-1"]
    assert all(d["scores"]["lead"]["rouge1"]["f"] > 0 for d in data["per_document"])
    mistyped = runner.invoke(app, ["evaluate", str(corpus), "-m", "lead"])
    assert mistyped.exit_code == 1 and mistyped.stdout == ""
    assert mistyped.stderr == (
        f"synopsis: {corpus}: none of the 2 records read has a 'full_text' field: set the text field with --text-field"
        " (now full_text)\n"
    )


def test_without_pyarrow_a_parquet_corpus_is_one_line_naming_the_file_and_the_extra(
    tmp_path: Path, dev_sample: list[dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = _parquet(tmp_path / "c.parquet", _records(dev_sample, 1))
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = runner.invoke(app, ["evaluate", str(corpus), "-m", "lead"])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"synopsis: {corpus}: reading Parquet needs the parquet extra: pip install 'synopsis[parquet]'"
        " (from a source checkout: pip install '.[parquet]')\n"
    )
