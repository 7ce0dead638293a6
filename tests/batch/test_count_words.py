"""The lines a batch run says about itself read as English: "1 row", not "1 rows", and no speed
where nothing was done."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_helpers import OPTIONS, read_rows

from synopsis.batch import run_local
from synopsis.batch.job import RunResult, open_output
from synopsis.batch.progress import Reporter, StderrReporter
from synopsis.batch.work import Counts


def test_a_run_that_summarized_nothing_shows_no_rate() -> None:
    """Was: "0 done, 0 skipped ..., 3 failed; 0.0 s, 293.5 docs/s": a speed for rows that were only errors."""
    line = RunResult("out.jsonl", Counts(failed=3), seconds=0.01).summary_line()
    assert line == "batch: 0 done, 0 skipped (already in the output), 3 failed; 0.0 s -> out.jsonl"
    done = RunResult("out.jsonl", Counts(summarized=4), seconds=2.0).summary_line()
    assert done.endswith("; 2.0 s, 2.0 docs/s -> out.jsonl")


def test_one_of_a_kind_is_counted_in_the_singular() -> None:
    """Was: "1 duplicate ids left out", "1 error row(s) from an earlier run"."""
    line = RunResult("out.jsonl", Counts(summarized=1, duplicates=1), seconds=1.0, earlier_errors=1).summary_line()
    assert ", 1 duplicate id left out;" in line
    assert "out.jsonl still holds 1 error row from an earlier run" in line


def test_resuming_with_one_row_and_one_error_row_says_so_in_the_singular(tmp_path: Path) -> None:
    """Was: "1 error rows removed; those documents are tried again", "its 1 rows are kept and their ids skipped"."""
    corpus = tmp_path / "corpus.jsonl"
    body = "Mentors met their mentees every week for a year. The mentoring study found fewer arrests. " * 3
    corpus.write_text(json.dumps({"id": "a", "full_text": body}) + "\n{broken\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run_local([str(corpus)], str(out), OPTIONS)
    assert [("error" in row) for row in read_rows(out)] == [False, True]
    reporter = Reporter()
    _, sink = open_output(str(out), OPTIONS, retry_failed=True, reporter=reporter)
    sink.close()
    journal = f"{out}.journal.jsonl" if Path(f"{out}.journal.jsonl").exists() else str(out)
    assert reporter.warnings == [
        f"{journal}: 1 error row removed; that document is tried again",
        f"{journal}: resuming; its 1 row is kept and its id skipped",
    ]


def test_the_progress_line_counts_one_doc_and_one_error_in_the_singular(capsys: pytest.CaptureFixture[str]) -> None:
    reporter = StderrReporter(every=0.0)
    reporter.start()
    reporter.advance(docs=1, failed=1, size=10)
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert line.startswith("synopsis: batch: 1 doc, ") and line.endswith(" docs/s, 1 error")


def test_a_one_line_json_array_gives_a_row_per_item(tmp_path: Path) -> None:
    """Was: every item of `json.dump`'s one-line array got the id "corpus:1", so batch summarized
    the first and left the others out as duplicates (and `["a", "b"]` gave two error rows of one id)."""
    body = "Mentors met their mentees every week for a year. The mentoring study found fewer arrests. " * 3
    corpus = tmp_path / "corpus.json"
    corpus.write_text(json.dumps([{"full_text": body}, {"full_text": body}, "c"]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run_local([str(corpus)], str(out), OPTIONS)
    assert [row["id"] for row in read_rows(out)] == ["corpus:item1", "corpus:item2", "corpus:item3"]
    assert (result.counts.summarized, result.counts.failed, result.counts.duplicates) == (2, 1, 0)
