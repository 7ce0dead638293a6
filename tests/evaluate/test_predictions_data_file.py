"""The data file given as --predictions by mistake: its lines have ids but no summaries."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from synopsis.cli import app


def test_the_data_file_named_as_predictions_is_one_error_before_any_scoring(
    tmp_path: Path, dev_sample: list[dict[str, str]]
) -> None:
    """Was: every line refused ("needs 'summary' ...") one note at a time, and every document scored
    0 and counted failed, exit status 1, though docs/evaluation.md promised one line and nothing scored."""
    data = tmp_path / "data.jsonl"
    data.write_text("".join(json.dumps(row) + "\n" for row in dev_sample[:2]), encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(data), "--predictions", str(data)])
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "data.jsonl: is not a predictions file" in lines[0], result.stderr
    assert "needs 'summary'" in lines[0] and "ROUGE" not in result.stdout


def test_a_predictions_file_with_one_good_line_is_still_scored(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """Refusing a file whose lines are all refused must not refuse one with a single usable line."""
    data = tmp_path / "data.jsonl"
    data.write_text("".join(json.dumps(row) + "\n" for row in dev_sample[:2]), encoding="utf-8")
    mine = tmp_path / "mine.jsonl"
    good = {"id": dev_sample[0]["id"], "summary": dev_sample[0]["abstract"]}
    mine.write_text(json.dumps(good) + "\n" + json.dumps({"id": dev_sample[1]["id"]}) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["evaluate", str(data), "--predictions", str(mine)])
    assert result.exit_code == 1, result.output  # the second document failed for `mine`, and is listed
    assert "│ mine " in result.stdout and "mine.jsonl:2: needs 'summary'" in result.stderr
