"""Inputs QA found that broke a command: endless or once-only streams, deeply nested JSON, lone
surrogates. Each gives one line naming the input (or an error row), exit 1, and the rest goes on."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synopsis.cli import app

runner = CliRunner()
DEEP = "[" * 100_000 + "]" * 100_000
SURROGATE_LINE = '{"id": "s", "full_text": "The study \\ud800 works."}'


def synopsis(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    """The command in a real process, for real stdin, pipes and devices."""
    return subprocess.run(  # type: ignore[call-overload,no-any-return]
        [sys.executable, "-m", "synopsis", *args], capture_output=True, text=True, timeout=120, **kwargs
    )


@pytest.mark.skipif(not Path("/dev/urandom").exists() or shutil.which("yes") is None, reason="needs /dev/urandom and yes")
def test_endless_stdin_and_devices_stop_at_the_limit() -> None:
    with subprocess.Popen(["yes", "The mentoring study works."], stdout=subprocess.PIPE) as endless:
        proc = synopsis("summarize", "-", "--max-bytes", "100000", stdin=endless.stdout)
        endless.kill()
    assert proc.returncode == 1
    assert proc.stderr == (
        "synopsis: <stdin>: is at least 100.001 kB, over the 100 kB limit for one article (raise it with --max-bytes)\n"
    )
    # Binary data is refused from its head (was: read to the 50 MB default limit; before that, killed for memory).
    proc = synopsis("summarize", "/dev/zero")
    assert proc.returncode == 1
    assert proc.stderr == "synopsis: /dev/zero: looks like binary data (it contains NUL bytes), not text\n"
    proc = synopsis("summarize", "/dev/urandom")  # its first bytes are binary data of some kind: one line
    assert proc.returncode == 1 and proc.stderr.startswith("synopsis: /dev/urandom: ") and proc.stderr.count("\n") == 1


@pytest.mark.skipif(shutil.which("bash") is None or not Path("/dev/fd").is_dir(), reason="needs bash and /dev/fd")
def test_process_substitution_loses_nothing(dev_sample_path: Path, dev_sample: list[dict[str, str]]) -> None:
    command = f'"{sys.executable}" -m synopsis summarize <(cat "{dev_sample_path}") --output json --method lead'
    proc = subprocess.run(["bash", "-c", command], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == [r["id"] for r in dev_sample]


def test_deep_json_and_lone_surrogates_are_one_line_each(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join([DEEP, SURROGATE_LINE, json.dumps(dev_sample[0])]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(path), "--output", "json", "--method", "lead"])
    assert result.exit_code == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [dev_sample[0]["id"]]
    assert result.stderr.splitlines() == [
        f"synopsis: {path}:1: is not valid JSON for an article (its arrays or objects are nested too deeply)",
        f"synopsis: {path}:2: field 'full_text' contains an unpaired surrogate (\\ud800) at character 10 "
        "(half of a UTF-16 pair, not a character)",
    ]


def test_batch_gives_error_rows_for_endless_and_bad_text_inputs(tmp_path: Path, example_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(SURROGATE_LINE + "\n", encoding="utf-8")
    inputs = [str(bad), str(example_path)] + (["/dev/zero"] if Path("/dev/zero").exists() else [])
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", *inputs, "-o", str(out), "--method", "lead", "--no-progress"])
    assert result.exit_code == 1, result.output
    rows = {row["id"]: row for row in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert "unpaired surrogate (\\ud800) at character 10" in rows["s"]["error"]
    assert "sentences" in rows[example_path.stem]
    if "/dev/zero" in inputs:
        assert rows["zero"]["error"] == "/dev/zero: looks like binary data (it contains NUL bytes), not text"


def test_batch_gives_an_error_row_for_deep_json_and_goes_on(tmp_path: Path, example_path: Path) -> None:
    deep = tmp_path / "deep.jsonl"
    deep.write_text(DEEP + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(deep), str(example_path), "-o", str(out), "--method", "lead", "--no-progress"])
    assert result.exit_code == 1 and out.exists(), result.output
    rows = {row["id"]: row for row in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert "nested too deeply" in rows["deep:1"]["error"] and "sentences" in rows[example_path.stem]


def test_evaluate_lists_a_deep_json_line_as_failed(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    pytest.importorskip("rouge_score_rs")
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join([DEEP, json.dumps(dev_sample[0])]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path), "-m", "lead"])
    assert result.exit_code == 1, result.output
    shown = " ".join(result.output.split())  # the report wraps long lines
    assert f"{path}:1: is not valid JSON for an article (its arrays or objects are nested too deeply)" in shown
