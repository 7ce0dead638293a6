"""A stderr no one reads (`2>&-`, or a pipe whose reader is gone) loses its lines and nothing else:
the command does all its work and ends with its own exit status (0, or 1 where an input failed).
Was: the first line on stderr ended the run with 141 (what a closed stdout gives), the inputs after
it left undone; with no stderr at all the error line went to stdout, among the summaries, and
`batch` ended with status 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
ENV = {**os.environ, "PYTHONPATH": str(SRC)}


@pytest.fixture
def article(tmp_path: Path, dev_sample: list[dict[str, str]]) -> Path:
    path = tmp_path / "paper.txt"
    path.write_text(dev_sample[0]["full_text"], encoding="utf-8")
    return path


def _stderr_closed_pipe(*args: str) -> tuple[int, str]:
    """Run `synopsis ARGS` with stderr a pipe whose reader is gone: its exit status and stdout."""
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "synopsis", *args], stdout=subprocess.PIPE, stderr=write, env=ENV, timeout=120
        )
    finally:
        os.close(write)
    return done.returncode, done.stdout.decode()


def _without_stderr(*args: str, cwd: Path | None = None) -> tuple[int, str]:
    """Run `synopsis ARGS 2>&-` (no descriptor 2 at all): its exit status and stdout."""
    command = ["sh", "-c", 'exec "$0" "$@" 2>&-', sys.executable, "-m", "synopsis", *args]
    done = subprocess.run(command, stdout=subprocess.PIPE, env=ENV, cwd=cwd, timeout=120)
    return done.returncode, done.stdout.decode()


def test_a_failed_input_with_stderr_a_closed_pipe_still_exits_1_and_the_rest_is_summarized(article: Path) -> None:
    status, out = _stderr_closed_pipe("summarize", "missing.txt", str(article))
    assert status == 1
    assert f"# {article.stem}" in out and len(out.splitlines()) > 3


def test_a_warning_into_a_closed_stderr_pipe_leaves_a_done_run_at_0(tmp_path: Path, article: Path) -> None:
    """A second paper.txt is written as paper-2.txt, said on stderr."""
    (tmp_path / "b").mkdir()
    again = tmp_path / "b" / article.name
    again.write_bytes(article.read_bytes())
    status, _ = _stderr_closed_pipe("extract", str(article), str(again), "--out-dir", str(tmp_path / "out"))
    assert status == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["paper-2.txt", "paper.txt"]


def test_without_stderr_an_error_line_does_not_go_to_stdout(article: Path) -> None:
    status, out = _without_stderr("summarize", "missing.txt", str(article))
    assert status == 1
    assert "synopsis:" not in out and "missing.txt" not in out
    assert f"# {article.stem}" in out


def test_batch_without_stderr_does_its_work_and_exits_0(tmp_path: Path, dev_sample_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    status, _ = _without_stderr("batch", str(dev_sample_path), "-o", str(out))
    assert status == 0
    assert len([json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]) == 8


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_stderr_loses_its_lines_and_the_run_goes_on(tmp_path: Path, article: Path) -> None:
    """A review: `2>/dev/full` (ENOSPC on every write) ended `extract` at its first warning, exit 1,
    the second article left undone."""
    (tmp_path / "b").mkdir()
    again = tmp_path / "b" / article.name
    again.write_bytes(article.read_bytes())
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "synopsis", "extract", str(article), str(again), "--out-dir", str(tmp_path / "out")],
            stdout=subprocess.PIPE,
            stderr=full,
            env=ENV,
            timeout=120,
        )
    assert done.returncode == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["paper-2.txt", "paper.txt"]


def test_a_closed_stdout_is_one_line_where_output_is_written_and_nothing_where_none_is(tmp_path: Path, article: Path) -> None:
    """`>&-`: summarize has nowhere to write (one line, exit 1, as README says of output that cannot
    be written; was an AttributeError traceback); batch writes its OUT and ends 0."""

    def closed_stdout(*args: str) -> subprocess.CompletedProcess[str]:
        command = ["sh", "-c", 'exec "$0" "$@" >&-', sys.executable, "-m", "synopsis", *args]
        return subprocess.run(command, stderr=subprocess.PIPE, env=ENV, text=True, timeout=120)

    done = closed_stdout("summarize", str(article))
    assert done.returncode == 1
    assert done.stderr == "synopsis: cannot write the output: standard output is closed\n"
    done = closed_stdout("batch", str(article), "-o", str(tmp_path / "out.jsonl"))
    assert done.returncode == 0, done.stderr
    assert len((tmp_path / "out.jsonl").read_text().splitlines()) == 1
