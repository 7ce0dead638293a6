"""`synopsis evaluate` as a user runs it: the table, --json, --html, predictions, failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synopsis.cli import app

pytest.importorskip("rouge_score_rs")
runner = CliRunner()


@pytest.fixture()
def five_docs(tmp_path: Path, dev_sample_path: Path) -> Path:
    path = tmp_path / "five.jsonl"
    path.write_text("".join(dev_sample_path.read_text(encoding="utf-8").splitlines(keepends=True)[:5]), encoding="utf-8")
    return path


@pytest.mark.slow
def test_end_to_end_with_json_and_html(five_docs: Path, tmp_path: Path) -> None:
    report, page = tmp_path / "r.json", tmp_path / "r.html"
    result = runner.invoke(
        app, ["evaluate", str(five_docs), "-m", "lead", "-m", "textrank", "--json", str(report), "--html", str(page)]
    )
    assert result.exit_code == 0, result.output
    assert "textrank" in result.stdout and "oracle" in result.stdout and "gap closed" in result.stdout
    assert "│ textrank vs lead │" in result.stdout  # the paired tests, a row per pair
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["documents"] == 5 and data["methods"] == ["lead", "textrank", "oracle"]
    assert data["protocol"]["words"] == 200 and data["protocol"]["use_stemmer"] is True
    overall = data["overall"]
    assert overall["oracle"]["rouge2"]["f1"]["mean"] > overall["lead"]["rouge2"]["f1"]["mean"]
    assert overall["lead"]["gap_closed"]["mean"] == 0 and overall["oracle"]["gap_closed"]["mean"] == 1
    f1 = overall["textrank"]["rouge1"]["f1"]
    assert f1["low"] <= f1["mean"] <= f1["high"]
    per_doc = [d["scores"]["textrank"]["rouge1"]["f"] for d in data["per_document"]]
    assert f1["mean"] == pytest.approx(sum(per_doc) / 5)
    assert all(d["scores"]["textrank"]["words"] <= 200 for d in data["per_document"])
    assert len(data["by_source"]) == 3  # 2 scisummnet, 2 sumpubmed, 1 plos
    html = page.read_text(encoding="utf-8")
    assert html.count("<svg") >= 4 and "textrank" in html
    # self-contained: nothing is fetched when the page opens
    assert "<script" not in html and "src=" not in html and "<link" not in html and "@import" not in html


@pytest.mark.slow
def test_predictions_file_is_scored(five_docs: Path, tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """The reference itself as the prediction scores 100 (with a budget that does not cut it);
    a document without a prediction is scored 0 and listed, and the exit status says so."""
    predictions = tmp_path / "mine.jsonl"
    predictions.write_text(
        "".join(json.dumps({"id": r["id"], "summary": r["abstract"]}) + "\n" for r in dev_sample[:4]), encoding="utf-8"
    )
    report = tmp_path / "r.json"
    result = runner.invoke(app, ["evaluate", str(five_docs), "-p", str(predictions), "--words", "2000", "--json", str(report)])
    assert result.exit_code == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["methods"] == ["lead", "mine", "oracle"]
    scores = [d["scores"]["mine"] for d in data["per_document"]]
    assert [s["rouge1"]["f"] for s in scores[:4]] == pytest.approx([1.0] * 4)
    assert [s["rougeLsum"]["f"] for s in scores[:4]] == pytest.approx([1.0] * 4)
    assert scores[4]["rouge1"]["f"] == 0 and scores[4]["error"] == "no prediction with this id"
    assert data["overall"]["mine"]["failed"] == 1
    assert data["failures"] == [
        {"id": dev_sample[4]["id"], "method": "mine", "reason": "no prediction with this id", "input": str(five_docs)}
    ]
    assert "1 document(s) failed" in result.output


def test_bad_options_get_one_line() -> None:
    for args, message in [
        (["evaluate", "nowhere.jsonl"], "nowhere.jsonl: no such file or folder"),
        (["evaluate", "README.md", "--words", "0"], "--words must be at least 1"),
        (["evaluate", "README.md", "-m", "nope"], "unknown method 'nope'"),
    ]:
        result = runner.invoke(app, args)
        assert result.exit_code == 2
        assert message in result.output and "Traceback" not in result.output


def test_a_failure_names_the_option_that_fixes_it(tmp_path: Path) -> None:
    """The CLI words a failure with its flags, as summarize and batch do (was "... with text_field")."""
    path = tmp_path / "body.jsonl"
    path.write_text(json.dumps({"id": "a", "body": "Some text.", "abstract": "An abstract."}) + "\n", encoding="utf-8")
    report = tmp_path / "r.json"
    result = runner.invoke(app, ["evaluate", str(path), "-m", "lead", "--json", str(report)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"synopsis: {path}: none of the 1 record read has a 'full_text' field (the first record's fields are 'id', 'body',"
        " 'abstract'): set the text field with --text-field (now full_text)\n"
    )


@pytest.mark.slow
def test_jobs_0_means_one_worker_per_cpu_as_in_batch(five_docs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    one = runner.invoke(app, ["evaluate", str(five_docs), "-m", "lead"])
    result = runner.invoke(app, ["evaluate", str(five_docs), "-m", "lead", "-j", "0"])
    assert result.exit_code == 0, result.output
    assert "docs/s, 2 worker(s))" in result.stdout, "-j 0 is one worker per CPU this process may use"
    table = [line for line in result.stdout.splitlines() if line.startswith("│ lead")]
    assert table and table == [line for line in one.stdout.splitlines() if line.startswith("│ lead")]
    negative = runner.invoke(app, ["evaluate", str(five_docs), "-j", "-1"])
    assert negative.exit_code == 2 and negative.output == "synopsis: --jobs must be 0 (one per CPU) or more, got -1\n"


def test_a_utf16_file_without_a_bom_is_told_the_encoding_option_evaluate_has(tmp_path: Path) -> None:
    """Was (stop 38): the line named no option, since evaluate had no --encoding; it has one now, as
    summarize and batch do (stop 39), so the line names it and following it reads the file."""
    path = tmp_path / "corpus.jsonl"
    text = "The mentoring study works. Mentors met their mentees every week for a year. " * 20
    path.write_bytes((json.dumps({"id": "a", "full_text": text, "abstract": "Mentoring works."}) + "\n").encode("utf-16-le"))
    result = runner.invoke(app, ["evaluate", str(path)])
    assert result.exit_code != 0
    assert "without a byte-order mark (little-endian); name its encoding, utf-16-le, with --encoding" in result.stderr
    followed = runner.invoke(app, ["evaluate", str(path), "-m", "lead", "--encoding", "utf-16-le"])
    assert followed.exit_code == 0, followed.stderr
    assert "failed documents: 0" in followed.stdout
