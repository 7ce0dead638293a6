"""What a demanding user met trying the CLI with odd but plausible options: each gets one
plain line naming the option, before any work, and the right exit status."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synopsis.cli import app

runner = CliRunner()


@pytest.mark.parametrize("out", ["paper.txt/out.jsonl", "paper.txt/sub/out.jsonl", "paper.txt/out.parquet"])
def test_batch_output_below_a_file_is_one_usage_line(tmp_path: Path, example_text: str, out: str) -> None:
    """Was "synopsis: paper.txt: File exists" or "paper.txt/sub: Not a directory", exit 1."""
    if out.endswith(".parquet"):
        pytest.importorskip("pyarrow")
    paper = tmp_path / "paper.txt"
    paper.write_text(example_text, encoding="utf-8")
    result = runner.invoke(app, ["batch", str(paper), "-o", str(tmp_path / out), "--no-progress"])
    assert (result.exit_code, result.stderr) == (2, f"synopsis: -o {tmp_path / out}: {paper} is not a folder\n")
    assert paper.read_text(encoding="utf-8") == example_text


def test_batch_output_in_a_folder_without_write_permission_is_refused_before_any_work(
    tmp_path: Path, example_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked with os.access (a read-only folder does not stop root, who runs some test machines)."""
    paper = tmp_path / "paper.txt"
    paper.write_text(example_text, encoding="utf-8")
    folder = tmp_path / "ro"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: Path(path) != folder and real_access(path, mode, **kw))
    result = runner.invoke(app, ["batch", str(paper), "-o", str(folder / "out.jsonl"), "--no-progress"])
    assert (result.exit_code, result.stderr) == (  # 2: a usage error, as every other -o that cannot be written
        2,
        f"synopsis: -o {folder / 'out.jsonl'}: permission denied (cannot write {folder})\n",
    )


@pytest.mark.parametrize("command", ["batch", "evaluate"])
def test_more_jobs_than_cpus_run_one_worker_per_cpu_and_say_so(
    tmp_path: Path, example_text: str, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """Was: -j 64 on two CPUs started 64 worker processes (19 s before a one-article batch ended)."""
    from synopsis.cli.batch import worker_count

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    assert (worker_count(0), worker_count(1), worker_count(2)) == (2, 1, 2)
    assert worker_count(64) == 2
    paper = tmp_path / "paper.txt"
    paper.write_text(example_text, encoding="utf-8")
    args = ["-o", str(tmp_path / "out.jsonl"), "--no-progress", "-w", "60"] if command == "batch" else ["-m", "lead"]
    if command == "evaluate":
        pytest.importorskip("rouge_score_rs")
    result = runner.invoke(app, [command, str(paper), *args, "-j", "64"])
    assert result.exit_code == 0, result.output
    assert "synopsis: warning: --jobs 64 is more than the 2 CPU(s) this process may use; running 2 workers\n" in result.stderr


def test_jobs_with_a_dask_scheduler_are_not_capped_and_one_cpu_says_one_worker(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """-j is not used with --scheduler (the cluster's workers run the work): no warning about this
    machine's CPUs; and one CPU runs "1 worker", not "1 workers"."""
    from synopsis.cli.batch import worker_count

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert worker_count(8, local=False) == 8 and capsys.readouterr().err == ""
    assert worker_count(8) == 1
    assert capsys.readouterr().err.endswith("running 1 worker\n")


@pytest.fixture
def paper(tmp_path: Path, example_text: str) -> Path:
    path = tmp_path / "paper.txt"
    path.write_text(example_text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("option", "target", "says"),
    [
        ("--json", "paper.txt/r.json", "--json {tmp}/paper.txt/r.json: {tmp}/paper.txt is not a folder"),
        ("--html", ".", "--html {tmp} is a folder; name the report file (e.g. --html {tmp}/report.html)"),
        ("--json", "paper.txt", "--json {tmp}/paper.txt is also an input; write the report elsewhere"),
    ],
)
def test_an_evaluate_report_that_cannot_be_written_is_refused_before_the_evaluation(
    paper: Path, option: str, target: str, says: str
) -> None:
    """Was: the whole evaluation ran, then "cannot write the report (...)", exit 1; and --json naming
    the data overwrote the data with the report."""
    pytest.importorskip("rouge_score_rs")
    before = paper.read_bytes()
    path = os.path.normpath(paper.parent / target)
    result = runner.invoke(app, ["evaluate", str(paper), "-m", "lead", option, path])
    assert (result.exit_code, result.stderr) == (2, "synopsis: " + says.format(tmp=paper.parent) + "\n")
    assert "evaluate:" not in result.stdout and paper.read_bytes() == before


def test_an_evaluate_report_in_a_missing_folder_is_written_there(paper: Path) -> None:
    """Was: "cannot write the report (No such file or directory ...)", after the evaluation."""
    pytest.importorskip("rouge_score_rs")
    report = paper.parent / "reports" / "2026" / "r.json"
    result = runner.invoke(app, ["evaluate", str(paper), "-m", "lead", "--json", str(report)])
    assert result.exit_code == 0, result.output
    assert report.is_file() and report.read_text(encoding="utf-8").startswith("{")


def test_a_jsonl_input_with_record_output_is_one_line_and_nothing_summarized(
    tmp_path: Path, paper: Path, dev_sample: list[dict[str, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was one error line per JSONL record, each after its summary had been computed and thrown away."""
    import synopsis.cli.summarize as summarize

    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(record) + "\n" for record in dev_sample), encoding="utf-8")
    summarized: list[str] = []
    real_process = summarize.process
    monkeypatch.setattr(summarize, "process", lambda item, options: summarized.append(item.id) or real_process(item, options))
    result = runner.invoke(app, ["summarize", str(corpus), str(paper), "-o", "record"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"synopsis: {corpus}: the record output needs a record, a plain-text or a PDF input, not a corpus (JSONL or JSON);"
        " nothing of it was summarized (-o json or -o text can)\n"
    )
    assert summarized == ["paper"] and "PREDICTION:" in result.stdout  # the record input still is
