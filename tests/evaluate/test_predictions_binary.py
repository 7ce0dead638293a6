"""A predictions file that is a known binary format is named as the data's reader names it."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from typer.testing import CliRunner

from synopsis.cli import app


def test_a_gzipped_predictions_file_without_its_gz_is_named_as_gzip(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """Was: "mine.jsonl: is not valid UTF-8 (byte 0x8b)", where the same file given as DATA says
    "is gzip-compressed data": the user could not tell the file was compressed."""
    data = tmp_path / "data.jsonl"
    data.write_text(json.dumps(dev_sample[0]) + "\n", encoding="utf-8")
    mine = tmp_path / "mine.jsonl"
    mine.write_bytes(gzip.compress((json.dumps({"id": dev_sample[0]["id"], "summary": "We study it."}) + "\n").encode()))
    result = CliRunner().invoke(app, ["evaluate", str(data), "-m", "lead", "-p", str(mine)])
    assert result.exit_code == 1, result.output
    assert result.stderr.strip() == (
        f"synopsis: {mine}: is gzip-compressed data, not a predictions file (JSONL text)"
        " (name it .jsonl.gz to read it compressed, or decompress it)"
    )
    named = tmp_path / "mine.jsonl.gz"  # the same bytes under their name are read
    named.write_bytes(mine.read_bytes())
    result = CliRunner().invoke(app, ["evaluate", str(data), "-m", "lead", "-p", str(named)])
    assert result.exit_code == 0, result.output
    assert "│ mine " in result.stdout


def test_a_predictions_file_gzipped_twice_is_not_told_to_be_named_gz(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """A review: "name it .jsonl.gz" was said to a file already so named (compressed twice)."""
    data = tmp_path / "data.jsonl"
    data.write_text(json.dumps(dev_sample[0]) + "\n", encoding="utf-8")
    twice = tmp_path / "mine.jsonl.gz"
    line = (json.dumps({"id": dev_sample[0]["id"], "summary": "We study it."}) + "\n").encode()
    twice.write_bytes(gzip.compress(gzip.compress(line)))
    result = CliRunner().invoke(app, ["evaluate", str(data), "-m", "lead", "-p", str(twice)])
    assert result.exit_code == 1, result.output
    assert "gzip-compressed data" in result.stderr and "name it .jsonl.gz" not in result.stderr
