"""A batch that finds no article in its inputs says so and exits 1, as `summarize` does for an
empty input, instead of "0 done, 0 failed" and exit status 0."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import synopsis
from synopsis.cli import app


@pytest.mark.parametrize("kind", ["empty-folder", "folder-of-other-files", "blank-jsonl"])
def test_inputs_without_an_article_are_said_and_fail(tmp_path: Path, kind: str) -> None:
    given = tmp_path / "in"
    if kind == "blank-jsonl":
        given = tmp_path / "corpus.jsonl"
        given.write_text("\n  \n\n", encoding="utf-8")
    else:
        given.mkdir()
        if kind == "folder-of-other-files":
            (given / "notes.docx").write_bytes(b"PK\x03\x04")
    result = CliRunner().invoke(app, ["batch", str(given), "-o", str(tmp_path / "out.jsonl"), "--no-progress"])
    assert result.exit_code == 1, result.output
    last = result.stderr.splitlines()[-1]
    assert last.startswith(f"synopsis: no article found in {given}: nothing was summarized (a folder is read for its .txt")


def test_a_resumed_run_with_every_id_done_is_no_failure(tmp_path: Path, example_text: str) -> None:
    paper = tmp_path / "paper.txt"
    paper.write_text(example_text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["batch", str(paper), "-o", str(out), "--no-progress"]
    assert CliRunner().invoke(app, args).exit_code == 0
    again = CliRunner().invoke(app, args)
    assert again.exit_code == 0 and "no article found" not in again.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_in_a_folder_gets_an_error_row_instead_of_waiting_forever(tmp_path: Path, example_text: str) -> None:
    """Was: the run opened the FIFO and waited for a writer that never came."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "paper.txt").write_text(example_text, encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    out = tmp_path / "out.jsonl"
    result = run_with_timeout(["batch", str(folder), "-o", str(out), "--no-progress"])
    assert result.returncode == 1, result.stderr
    rows = {row["id"]: row for row in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert rows["paper"]["sentences"]
    assert rows["pipe"]["error"] == (
        f"{folder / 'pipe.txt'}: is a named pipe (FIFO), not a file: batch reads files, which a resumed run reads again;"
        " save it to a file"
    )


def run_with_timeout(args: list[str]) -> subprocess.CompletedProcess[str]:
    """The CLI in a process of its own, so that a run that hangs fails the test instead of the suite."""
    env = {**os.environ, "PYTHONPATH": str(Path(synopsis.__file__).parents[1])}
    return subprocess.run([sys.executable, "-m", "synopsis", *args], capture_output=True, text=True, timeout=60, env=env)
