"""A --text-field that records lack is said once for the run, not once per record: summarize,
extract and batch, as train does. A corpus of 40,000 records with a misspelt field printed 40,000
identical lines (batch printed none, only "40000 failed")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from synopsis.cli import app

runner = CliRunner()


def _corpus(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


@pytest.fixture
def short(dev_sample: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{**record, "full_text": record["full_text"][:4000]} for record in dev_sample]


@pytest.mark.parametrize("command", [["summarize"], ["extract"], ["summarize", "-o", "json"], ["extract", "-o", "json"]])
def test_a_field_no_record_has_is_one_line_for_the_run(tmp_path: Path, short: list[dict[str, str]], command: list[str]) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", short)
    result = runner.invoke(app, [*command, str(corpus), "--text-field", "nosuch"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"synopsis: {corpus}: none of the 8 records read has a 'nosuch' field"
        " (the first record's fields are 'id', 'title', 'abstract', 'full_text', 'source', 'domain', 'license'):"
        " set the text field with --text-field (now nosuch)\n"
    )


@pytest.mark.parametrize("command", ["summarize", "extract"])
def test_records_without_the_field_are_counted_in_one_line_and_the_rest_done(
    tmp_path: Path, short: list[dict[str, str]], command: str
) -> None:
    records = [dict(record) for record in short]
    for record in records[2:]:
        record["body"] = record.pop("full_text")
    corpus = _corpus(tmp_path / "c.jsonl", records)
    result = runner.invoke(app, [command, str(corpus), "-o", "json"])
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [short[0]["id"], short[1]["id"]]
    places = ", ".join(f"{corpus}:{line}" for line in range(3, 9))
    assert result.stderr == (
        f"synopsis: skipped 6 records without a 'full_text' field (set the text field with --text-field (now full_text)):"
        f" {places}\n"
    )


def test_a_long_corpus_names_the_first_places_and_counts_the_rest(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", [{"id": str(n), "body": "Some text here."} for n in range(25)])
    corpus2 = _corpus(tmp_path / "d.jsonl", [{"id": "x", "full_text": "One sentence of text is here."}])
    result = runner.invoke(app, ["extract", str(corpus), str(corpus2)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("synopsis: skipped 25 records without a 'full_text' field")
    assert result.stderr.endswith(f"{corpus}:10, ... (15 more)\n")


def test_batch_says_in_one_line_that_no_record_has_the_field_and_keeps_the_rows(
    tmp_path: Path, short: list[dict[str, str]]
) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", short)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(corpus), "-o", str(out), "--text-field", "nosuch", "--no-progress"])
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and lines[0].startswith("synopsis: batch: 0 done, 0 skipped (already in the output), 8 failed")
    assert lines[1] == (
        "synopsis: none of the 8 records read has a 'nosuch' field: set the text field with --text-field (now nosuch);"
        f" their error rows are in {out}: run again with the right field and --retry-failed"
    )
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == [record["id"] for record in short]
    assert all("has no 'nosuch' field" in row["error"] for row in rows)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_batch_counts_the_records_without_the_field_among_others(tmp_path: Path, short: list[dict[str, str]], jobs: str) -> None:
    records = [dict(record) for record in short]
    for record in records[5:]:
        record["body"] = record.pop("full_text")
    corpus = _corpus(tmp_path / "c.jsonl", records)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(corpus), "-o", str(out), "-j", jobs, "-w", "60", "--no-progress"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[1:] == [
        "synopsis: 3 records without a 'full_text' field got an error row (set the text field with --text-field (now full_text))"
    ]
    assert sum("error" in json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()) == 3
