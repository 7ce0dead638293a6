"""What a new user hit in `synopsis batch` (issue 15): an unreachable scheduler blamed OUT, files
differing only in their extension shared an id (one was dropped), and a re-run exited 0 while
error rows of the first run stayed in OUT."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from batch_helpers import read_rows, write_jsonl
from typer.testing import CliRunner

from synopsis.batch import dask_engine
from synopsis.cli import app


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["batch", *args, "--no-progress"])
    return result.exit_code, result.stderr


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_unreachable_scheduler_is_named_not_the_output(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "1s")
    scheduler = f"tcp://127.0.0.1:{_free_port()}"
    out = tmp_path / "summ.jsonl"
    code, stderr = _invoke(str(corpus), "-o", str(out), "--engine", "dask", "--scheduler", scheduler)
    assert code == 1
    line = stderr.strip().splitlines()[-1]
    assert line.startswith(f"synopsis: Dask scheduler {scheduler}: cannot connect"), line
    assert not line.startswith(f"synopsis: {out}"), line


def test_files_that_differ_only_in_extension_both_get_a_row(tmp_path: Path, example_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "binary.txt").write_bytes(example_path.read_bytes())
    (folder / "binary.pdf").write_bytes(b"\x00\x01 not a pdf at all")
    (folder / "other.txt").write_bytes(example_path.read_bytes())
    out = tmp_path / "out.jsonl"
    code, stderr = _invoke(str(folder), "-o", str(out), "--words", "60")
    rows = {row["id"]: row for row in read_rows(out)}
    assert sorted(rows) == ["binary.pdf", "binary.txt", "other"], stderr
    assert "error" in rows["binary.pdf"] and "sentences" in rows["binary.txt"]
    assert "duplicate" not in stderr
    assert code == 1  # the PDF failed; nothing was silently dropped


def test_a_rerun_says_that_error_rows_are_still_in_the_output(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", short_articles[:2], extra=[(1, "{oops")])
    out = tmp_path / "out.jsonl"
    code, stderr = _invoke(str(corpus), "-o", str(out), "--words", "60")
    assert code == 1 and "1 failed" in stderr
    code, stderr = _invoke(str(corpus), "-o", str(out), "--words", "60")
    last = stderr.strip().splitlines()[-1]
    assert "0 done, 3 skipped (already in the output), 0 failed" in last
    assert f"{out} still holds 1 error row from an earlier run (--retry-failed tries them again)" in last
    assert code == 1  # OUT is not all summaries: a script must not take it for a clean run
    assert sum("error" in row for row in read_rows(out)) == 1
    code, stderr = _invoke(str(corpus), "-o", str(out), "--words", "60", "--retry-failed")
    assert "still holds" not in stderr and "0 done, 2 skipped (already in the output), 1 failed" in stderr
    assert [json.dumps(row["id"]) for row in read_rows(out) if "error" in row] == ['"corpus:2"']
