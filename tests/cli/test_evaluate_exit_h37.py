"""`synopsis evaluate` as a script reads it: a predictions file that gives an id twice is ambiguous
(which summary was meant?) and ends the run with exit status 1, as a repeated id in DATA does; the
report's first line names bootstrap intervals only where the table has them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from synopsis.cli import app

pytest.importorskip("rouge_score_rs")
runner = CliRunner()


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path, dev_sample: list[dict[str, str]]) -> Path:
    """Three dev articles cut to their first 8,000 characters: the same checks, a fraction of the time."""
    return _write(tmp_path / "c.jsonl", [{**r, "full_text": r["full_text"][:8000]} for r in dev_sample[:3]])


def _predictions(corpus: Path) -> list[dict[str, str]]:
    ids = [json.loads(line)["id"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    return [{"id": doc_id, "summary": f"the findings of {doc_id}"} for doc_id in ids]


def test_an_id_predicted_twice_in_a_file_exits_1_naming_the_file_and_the_id(tmp_path: Path, corpus: Path) -> None:
    rows = _predictions(corpus)
    mine = _write(tmp_path / "mine.jsonl", [*rows, {"id": rows[1]["id"], "summary": "another summary"}])
    result = runner.invoke(app, ["evaluate", str(corpus), "-p", str(mine)])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"synopsis: {mine}:4: id {rows[1]['id']!r} appears again (the first one is kept)",
        f"synopsis: {mine}: 1 id predicted more than once (the first prediction scored, named above)",
    ]
    assert "mine" in result.stdout  # the report is written all the same, as for a repeated id in DATA


def test_an_id_predicted_by_two_files_of_a_folder_exits_1(tmp_path: Path, corpus: Path) -> None:
    rows = _predictions(corpus)
    folder = tmp_path / "system"
    folder.mkdir()
    _write(folder / "a.jsonl", rows[:2])
    _write(folder / "b.jsonl", [{**rows[1], "summary": "another summary"}, *rows[2:]])
    result = runner.invoke(app, ["evaluate", str(corpus), "-p", str(folder)])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[-1] == (
        f"synopsis: {folder}: 1 id predicted more than once (the first prediction scored, named above)"
    )


def test_predictions_that_give_each_id_once_still_exit_0(tmp_path: Path, corpus: Path) -> None:
    mine = _write(tmp_path / "mine.jsonl", _predictions(corpus))
    result = runner.invoke(app, ["evaluate", str(corpus), "-p", str(mine)])
    assert (result.exit_code, result.stderr) == (0, "")


def test_under_five_documents_the_header_names_no_bootstrap_intervals(corpus: Path) -> None:
    """Was: "..., 95% bootstrap CI (2000 resamples, seed 0)" above a table without one and a line
    saying there are none."""
    result = runner.invoke(app, ["evaluate", str(corpus), "-m", "lead"])
    assert result.exit_code == 0, result.output
    header = result.stdout.splitlines()[0]
    assert header.startswith("synopsis evaluate: 3 documents;") and "CI" not in header and "resamples" not in header
    assert "fewer than 5 documents: no confidence intervals or p-values" in result.stdout


def test_an_id_given_three_times_counts_once(tmp_path: Path, corpus: Path) -> None:
    """A review: the last line counted the repeated lines ("2 ids") for one id given three times."""
    rows = _predictions(corpus)
    again = [{"id": rows[1]["id"], "summary": f"another summary {k}"} for k in range(2)]
    mine = _write(tmp_path / "mine.jsonl", [*rows, *again])
    result = runner.invoke(app, ["evaluate", str(corpus), "-p", str(mine)])
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[-1] == (
        f"synopsis: {mine}: 1 id predicted more than once (the first prediction scored, named above)"
    )


def test_the_same_line_twice_is_said_and_scored_once_with_exit_0(tmp_path: Path, corpus: Path) -> None:
    """Two shards that overlap give a line twice: nothing is ambiguous, so the run is not failed
    (a review: it ended with exit status 1)."""
    rows = _predictions(corpus)
    mine = _write(tmp_path / "mine.jsonl", [*rows, rows[1]])
    result = runner.invoke(app, ["evaluate", str(corpus), "-p", str(mine)])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        f"synopsis: {mine}:4: id {rows[1]['id']!r} appears again with the same prediction (scored once)"
    ]


def test_an_id_not_in_data_predicted_twice_is_no_conflict(tmp_path: Path, corpus: Path) -> None:
    """An id no document of DATA has is scored for none, so its two predictions mislead nothing: it
    is counted with the ids not in DATA, and the run passes (was: exit status 1, "1 id predicted
    more than once")."""
    rows = _predictions(corpus)
    stray = [{"id": "not-in-data", "summary": "one summary"}, {"id": "not-in-data", "summary": "another summary"}]
    mine = _write(tmp_path / "mine.jsonl", [*rows, *stray])
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["evaluate", str(corpus), "-p", str(mine), "--json", str(report)])
    assert result.exit_code == 0, result.output
    assert "predicted more than once" not in result.stderr
    notes = json.loads(report.read_text(encoding="utf-8"))["notes"]
    assert any("have an id that is not among the documents read (not scored): 'not-in-data'" in note for note in notes)
    assert not any("predicted more than once" in note for note in notes)


def test_an_empty_predictions_file_is_an_input_error_and_a_missing_one_a_usage_error(tmp_path: Path, corpus: Path) -> None:
    """README: input that cannot be used is exit status 1, a usage error 2 (was: 2 for an empty
    file, as for a path that does not exist)."""
    empty = tmp_path / "mine.jsonl"
    empty.write_text("\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(corpus), "-p", str(empty)])
    assert (result.exit_code, result.stderr) == (1, f"synopsis: {empty}: is empty: no predictions to score\n")
    missing = tmp_path / "nowhere.jsonl"
    result = runner.invoke(app, ["evaluate", str(corpus), "-p", str(missing)])
    assert (result.exit_code, result.stderr) == (2, f"synopsis: {missing}: no such file or folder\n")
