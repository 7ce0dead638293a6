"""Progress: what a user reads while a long run goes on."""

from __future__ import annotations

import pytest

from synopsis.batch.progress import MAX_WARNINGS, StderrReporter


def test_a_log_line_gives_share_docs_rate_errors_and_eta(capsys: pytest.CaptureFixture[str]) -> None:
    reporter = StderrReporter(every=0.0)
    reporter.start()
    reporter.set_total(1000)
    reporter.advance(docs=5, failed=1, size=250)
    line = capsys.readouterr().err.strip().splitlines()[-1]
    assert line.startswith("synopsis: batch: 25%, 5 docs, ")
    assert " docs/s, 1 error, ETA " in line


def test_input_skipped_on_resume_leaves_the_total_so_the_eta_counts_only_work_left() -> None:
    reporter = StderrReporter(every=float("inf"))
    reporter.set_total(1000)
    reporter.passed(600)
    reporter.advance(docs=1, failed=0, size=200)
    assert reporter.remaining_total == 400


def test_warnings_beyond_the_first_ones_are_counted_not_kept(capsys: pytest.CaptureFixture[str]) -> None:
    reporter = StderrReporter(every=float("inf"))
    for number in range(MAX_WARNINGS + 5):
        reporter.warn(f"duplicate {number}")
    shown = capsys.readouterr().err.strip().splitlines()
    assert len(shown) == MAX_WARNINGS + 1 and "the rest are counted in the final line" in shown[-1]
    assert len(reporter.warnings) == MAX_WARNINGS and reporter.warned == MAX_WARNINGS + 5
