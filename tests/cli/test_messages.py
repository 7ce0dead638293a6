"""Error lines a new user met (issue 15): each names the file and line and reads correctly."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import typer
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


def test_evaluate_and_train_do_not_send_the_user_to_a_format_option_they_lack(tmp_path: Path) -> None:
    """A record without FULL TEXT: `summarize` rightly says "use --format text", but `evaluate` and
    `train` said it too, and both answer --format with "No such option"."""
    record = tmp_path / "record.txt"
    record.write_text("ABSTRACT:\nA short abstract.\nPREDICTION:\nA prediction.\n", encoding="utf-8")
    said = "record has no FULL TEXT section (the article's text goes after a line 'FULL TEXT:')"
    summarized = CliRunner().invoke(app, ["summarize", str(record)])
    assert f"{said}; to read the file as plain text, use --format text" in summarized.stderr
    for command in (["evaluate", str(record), "-m", "lead"], ["train", str(record), "-o", str(tmp_path / "m.json")]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 1, (command, result.output)
        assert said in result.stderr and "--format" not in result.stderr, (command, result.stderr)


def test_a_batch_error_row_names_no_pdf_limit_option_batch_lacks(tmp_path: Path) -> None:
    """A PDF over the 1,000-page default in `synopsis batch`: its row said "(raise it with
    --max-pages)", an option `batch` does not have (a PDF in a batch gets the default limits)."""
    pytest.importorskip("pypdfium2")
    from pdfgen import blank_pages_pdf

    pdf = tmp_path / "long.pdf"
    pdf.write_bytes(blank_pages_pdf(1001))
    limit = "has 1001 pages, over the limit of 1000 for one article"
    summarized = CliRunner().invoke(app, ["summarize", str(pdf)])
    assert f"{limit} (raise it with --max-pages)" in summarized.stderr
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(pdf), "-o", str(out), "--no-progress"])
    assert result.exit_code == 1, result.output
    [row] = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["error"] == f"{pdf}: {limit}", row


def test_every_command_names_only_options_it_has() -> None:
    """What the error lines of each command that reads articles name as the fix (`names_for`) is one
    of its own options, so a command that loses an option cannot send users to "No such option"."""
    from synopsis.cli.app import names_for

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    for name in ("summarize", "batch", "evaluate", "extract", "train"):
        command = commands[name]
        options = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
        for setting, named in names_for(name).items():
            for option in re.findall(r"--[a-z][a-z-]*", named):
                assert option in options, f"synopsis {name}: errors about {setting} name {option}, which it lacks"
