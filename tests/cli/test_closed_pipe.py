"""A reader that closes stdout early (`synopsis summarize many.jsonl | head -1`) ends the command
quietly with exit status 141, 128 + SIGPIPE, as a shell reports for `cat`. Was: exit status 1 (click's
and rich's handling of EPIPE), which README gives input errors and `set -o pipefail` scripts fail on."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"


@pytest.fixture
def many(tmp_path: Path, dev_sample: list[dict[str, str]]) -> Path:
    """The dev sample three times over (distinct ids): more output than a pipe holds at once."""
    path = tmp_path / "many.jsonl"
    rows = [{**row, "id": f"{row['id']}-{copy}"} for copy in range(3) for row in dev_sample]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _close_stdout_early(*args: str, read: bool = True) -> tuple[int, bytes]:
    """Run `synopsis ARGS`, read one line of its stdout (`read`) and close the pipe: its exit status
    and stderr."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    process = subprocess.Popen([sys.executable, "-m", "synopsis", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    assert process.stdout is not None and process.stderr is not None
    if read:
        assert process.stdout.readline()
    process.stdout.close()
    stderr = process.stderr.read()
    return process.wait(timeout=120), stderr


@pytest.mark.parametrize("command", [["summarize"], ["summarize", "-o", "json"], ["extract"]])
def test_a_closed_stdout_ends_the_command_quietly_with_141(many: Path, command: list[str]) -> None:
    """Each article's output is written as it is done: the pipe is closed after the first article's."""
    assert _close_stdout_early(*command, str(many)) == (141, b"")


def test_a_closed_stdout_ends_evaluate_s_report_quietly_with_141(dev_sample_path: Path) -> None:
    """The report is a rich table (rich's own handler exited with 1), written at the end in one go,
    which a pipe may hold whole: the pipe is closed before it, as `| head -0` would."""
    assert _close_stdout_early("evaluate", str(dev_sample_path), "-m", "lead", read=False) == (141, b"")


def test_methods_closed_stdout_ends_quietly_with_141() -> None:
    assert _close_stdout_early("methods", read=False) == (141, b"")


@pytest.mark.parametrize("args", [["--help"], ["-h"], ["--version"], ["summarize", "--help"], ["evaluate", "-h"], []])
def test_help_and_version_into_a_closed_pipe_end_quietly_with_141(args: list[str]) -> None:
    """`synopsis --help | head -0`, as any other output. Was: exit status 1 (typer's help console and
    click's handling of --version's EPIPE), which README gives input errors. Bare `synopsis` shows
    the help too (exit status 2 when it is read)."""
    assert _close_stdout_early(*args, read=False) == (141, b"")


class _ClosedPipe:
    """A stdout whose reader is gone, holding output not yet written (a `print` without flush)."""

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")

    def write(self, text: str) -> int:
        return len(text)

    def fileno(self) -> int:
        raise OSError("no file descriptor")


def test_a_pipe_found_closed_at_the_last_flush_ends_as_one_found_earlier(monkeypatch: pytest.MonkeyPatch) -> None:
    """Was: Python's own flush at exit said 'Exception ignored ... BrokenPipeError' (status 120)."""
    from synopsis.cli import _last_flush

    monkeypatch.setattr(sys, "stdout", _ClosedPipe())
    with pytest.raises(SystemExit) as ended:
        _last_flush()
    assert ended.value.code == 141
