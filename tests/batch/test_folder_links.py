"""A symbolic link to a folder inside a batch INPUT folder is not followed (one may lead back to
a folder above it): the articles behind it were left out without a word, exit status 0, and a
user whose corpus links its years in (`corpus/2023 -> /data/2023`) could not tell."""

from __future__ import annotations

import os
from pathlib import Path

from batch_helpers import read_rows
from typer.testing import CliRunner

from synopsis.cli import app


def test_a_linked_folder_is_named_and_a_link_loop_ends_the_walk(tmp_path: Path, example_text: str) -> None:
    corpus, elsewhere = tmp_path / "corpus", tmp_path / "elsewhere"
    (corpus / "a").mkdir(parents=True)
    elsewhere.mkdir()
    (corpus / "a" / "one.txt").write_text(example_text, encoding="utf-8")
    (elsewhere / "two.txt").write_text(example_text, encoding="utf-8")
    os.symlink(elsewhere, corpus / "linked")
    os.symlink("..", corpus / "a" / "loop")  # back to corpus: never walked round and round
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(corpus), "-o", str(out), "-w", "60", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert [row["id"] for row in read_rows(out)] == ["a/one"]
    warnings = [line for line in result.stderr.splitlines() if "symbolic link" in line]
    assert warnings == [
        f"synopsis: {corpus}: not following symbolic links to folders (e.g. {corpus / 'linked'});"
        " give such a folder as an INPUT of its own to read it"
    ]


def test_a_folder_without_links_says_nothing_of_them(tmp_path: Path, example_text: str) -> None:
    (tmp_path / "corpus" / "a").mkdir(parents=True)
    (tmp_path / "corpus" / "a" / "one.txt").write_text(example_text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(tmp_path / "corpus"), "-o", str(out), "-w", "60", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "symbolic link" not in result.stderr
