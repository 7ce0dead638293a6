"""A summary longer than its word budget (no whole sentence fits it) is said on stderr, in the
style of the language warnings; the summary itself is unchanged (QA: `-w 50` printed 20,000
words with exit status 0 and nothing on stderr)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from synopsis.cli import app

runner = CliRunner()
ONE_SENTENCE = " ".join(["the mentoring study and"] * 15) + "."  # one sentence of 60 words
WARNING = (
    "warning: summary is over the 50-word budget: no whole sentence fits it, and the shortest one, "
    "returned instead, has 60 words (10 over); sentences are never cut"
)


def test_text_output_over_its_budget_gets_one_warning_line(tmp_path: Path) -> None:
    path = tmp_path / "one.txt"
    path.write_text(ONE_SENTENCE, encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(path), "-w", "50"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ONE_SENTENCE + "\n"  # the summary is what it was
    assert result.stderr == f"synopsis: {path}: {WARNING}\n"


def test_json_output_keeps_its_fields_and_warns_with_the_jsonl_line(tmp_path: Path, example_text: str) -> None:
    path = tmp_path / "corpus.jsonl"
    records = [{"id": "fits", "full_text": example_text}, {"id": "long", "full_text": ONE_SENTENCE}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(path), "-w", "50", "-o", "json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["id"], r["over_budget"]) for r in rows] == [("fits", False), ("long", True)]
    assert rows[1]["words"] == 60 and "note" in rows[1]
    assert result.stderr == f"synopsis: {path}:2: {WARNING}\n"


def test_a_summary_within_its_budget_says_nothing(example_path: Path) -> None:
    result = runner.invoke(app, ["summarize", str(example_path), "-w", "50"])
    assert result.exit_code == 0 and result.stderr == ""
