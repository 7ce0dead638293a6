"""Error lines a new user met (issue 15): each names the file and line and reads correctly."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from synopsis.cli import app


def test_a_control_character_in_a_jsonl_line_names_file_line_and_column(tmp_path: Path, example_text: str) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b'{"id": "a", "full_text": "fine text."}\n{"id": "b", "full_text": "tab\x01inside"}\n')
    result = CliRunner().invoke(app, ["summarize", str(path)])
    assert result.exit_code == 1
    assert f"synopsis: {path}:2: is not valid JSON (Invalid control character at column 30)" in result.stderr
    assert "at at" not in result.stderr  # was "Invalid control character at at column 30"


def test_a_size_over_the_limit_reads_as_larger_than_it(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 400_000 + b"w")  # 2,000,001 bytes
    result = CliRunner().invoke(app, ["summarize", str(path), "--max-bytes", "2000000"])
    assert result.exit_code == 1
    # was "is 2.0 MB, over the 2 MB limit"
    assert f"synopsis: {path}: is 2.000001 MB, over the 2 MB limit for one article (raise it with --max-bytes)" in result.stderr
