"""`synopsis batch` as a user meets it: one line per problem, a final count line, and a run that
survives `kill -9`."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_helpers import pipeline_rows, read_rows, write_jsonl
from typer.testing import CliRunner

from synopsis.cli import app

RUN_CLI = [sys.executable, "-c", "from synopsis.cli import main; main()"]


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["batch", *args])
    return result.exit_code, result.stderr if hasattr(result, "stderr") else result.output


def test_rows_and_a_final_count_line(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    code, stderr = _invoke(str(corpus), "-o", str(out), "--words", "60", "--no-progress")
    assert code == 0, stderr
    assert read_rows(out) == pipeline_rows(corpus)
    assert stderr.strip().splitlines()[-1].startswith("synopsis: batch: 8 done, 0 skipped (already in the output), 0 failed; ")


def test_failures_give_exit_1_and_are_counted(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", short_articles[:2], extra=[(1, "{oops"), (2, json.dumps(short_articles[0]))])
    out = tmp_path / "out.jsonl"
    code, stderr = _invoke(str(corpus), "-o", str(out), "--words", "60", "--no-progress")
    assert code == 1
    assert f"{corpus}:3: duplicate id {short_articles[0]['id']!r}" in stderr
    assert "2 done, 0 skipped (already in the output), 1 failed, 1 duplicate id left out" in stderr
    assert [row["id"] for row in read_rows(out)] == [short_articles[0]["id"], "corpus:2", short_articles[1]["id"]]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.jsonl", "-o", "out.jsonl"], "synopsis: missing.jsonl: no such file or folder"),
        (["{corpus}", "-o", "out.csv"], "synopsis: -o out.csv: name the output .jsonl (rows appended as they are done)"),
        (["{corpus}", "-o", "out.jsonl", "--engine", "spark"], "synopsis: unknown engine 'spark'; choose one of local, dask"),
        (["{corpus}", "-o", "out.jsonl", "--engine", "dask", "--retry-failed"], "synopsis: --retry-failed works with the local"),
        (["{corpus}", "-o", "out.jsonl", "--scheduler", "tcp://10.0.0.1:8786"], "synopsis: --scheduler needs --engine dask"),
        (["{corpus}", "-o", "o.jsonl", "--engine", "dask", "--partition-size", "lots"], "--partition-size 'lots': give"),
        (["{corpus}", "-o", "{corpus}"], "is also an input"),
        (["{corpus}", "-o", "out.jsonl", "--method", "nope"], "synopsis: unknown method 'nope'"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, stderr = _invoke(*(a.replace("{corpus}", str(corpus)) for a in args))
    assert code == 2
    assert len(stderr.strip().splitlines()) == 1 and message in stderr and "Traceback" not in stderr


def _children(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc to find the worker processes")
def test_kill_9_mid_run_leaves_whole_rows_and_a_rerun_finishes_each_id_once(
    tmp_path: Path, short_articles: list[dict[str, str]]
) -> None:
    copies = 25
    records = [{**article, "id": f"{article['id']}#{k}"} for k in range(copies) for article in short_articles]
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records)
    out = tmp_path / "out.jsonl"
    command = [*RUN_CLI, "batch", str(corpus), "-o", str(out), "--words", "60", "-j", "2", "--no-progress"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not out.exists() or out.read_bytes().count(b"\n") < 40):
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        time.sleep(0.01)
    workers = _children(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    written = out.read_bytes()
    whole = written[: written.rfind(b"\n") + 1]
    assert 40 <= whole.count(b"\n") < len(records), "the run must be killed half way"
    assert all(json.loads(line)["id"] for line in whole.splitlines())  # every whole line is a row
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)], "worker processes outlived their killed parent"

    rerun = subprocess.run(command, stderr=subprocess.PIPE, text=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert "resuming" in rerun.stderr
    rows = read_rows(out)
    assert sorted(row["id"] for row in rows) == sorted(record["id"] for record in records)  # each id exactly once
    expected = {row["id"]: row for row in pipeline_rows(write_jsonl(tmp_path / "base.jsonl", short_articles))}
    for row in rows:
        reference = expected[row["id"].split("#")[0]]
        assert {**row, "id": "", "input": ""} == {**reference, "id": "", "input": ""}


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_a_full_disk_says_the_rows_are_kept_and_how_to_resume(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was `synopsis: out.jsonl: No space left on device` and nothing else: is OUT damaged, must the
    job start over? Neither: the whole rows stay and the same command resumes."""
    import errno

    from synopsis.batch.sink import JsonlSink

    out = tmp_path / "out.jsonl"
    commit = JsonlSink.commit
    full: list[bool] = []

    def disk_fills(sink: JsonlSink) -> None:
        if len(sink._buffer) > 2 or full:  # two rows and half of the third fit on the disk
            if not full:
                data = "\n".join(sink._buffer[:3]).encode("utf-8")
                with out.open("ab") as handle:
                    handle.write(data[: len(data) - 40])
                full.append(True)
            raise OSError(errno.ENOSPC, "No space left on device", str(out))
        commit(sink)

    monkeypatch.setattr(JsonlSink, "commit", disk_fills)
    code, stderr = _invoke(str(corpus), "-o", str(out), "--words", "60", "--no-progress")
    assert code == 1
    assert stderr.strip().splitlines()[-1] == (
        f"synopsis: {out}: No space left on device; the rows written so far are kept:"
        " free space (or make it writable) and run the same command again to resume"
    )
    monkeypatch.undo()
    code, _ = _invoke(str(corpus), "-o", str(out), "--words", "60", "--no-progress")
    assert code == 0 and read_rows(out) == pipeline_rows(corpus)
