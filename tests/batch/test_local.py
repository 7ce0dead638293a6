"""The local engine: the pipeline's rows, in input order, resumable, with failures as rows."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from batch_helpers import OPTIONS, pipeline_rows, read_rows, write_jsonl

from synopsis.batch import BatchOptions, SourceItem, run_local
from synopsis.batch.local import summarize_chunk
from synopsis.batch.progress import Reporter
from synopsis.batch.sink import SinkError
from synopsis.batch.work import DIED
from synopsis.errors import InputError
from synopsis.types import Article, Budget, Document


def test_rows_are_what_the_pipeline_gives_in_input_order(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = run_local([str(corpus)], str(out), OPTIONS)
    assert read_rows(out) == pipeline_rows(corpus)
    assert (result.counts.summarized, result.counts.failed, result.counts.skipped) == (8, 0, 0)
    assert result.complete


def test_bad_lines_give_error_rows_and_the_rest_carry_on(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    bad = [(1, "{not json"), (3, json.dumps({"id": "no-text", "title": "x"})), (5, json.dumps({"id": "blank", "full_text": " "}))]
    corpus = write_jsonl(tmp_path / "corpus.jsonl", short_articles[:4], extra=bad)
    out = tmp_path / "out.jsonl"
    result = run_local([str(corpus)], str(out), OPTIONS)
    rows = read_rows(out)
    ids = [a["id"] for a in short_articles]
    assert [row["id"] for row in rows] == [ids[0], "corpus:2", ids[1], "no-text", ids[2], "blank", ids[3]]
    errors = {row["id"]: row for row in rows if "error" in row}
    assert set(errors) == {"corpus:2", "no-text", "blank"}
    assert errors["corpus:2"]["error"].startswith(f"{corpus}:2: is not valid JSON")
    message = f"{corpus}:4: has no 'full_text' field (set the text field with --text-field)"
    assert errors["no-text"] == {"id": "no-text", "error": message, "input": str(corpus), "line": 4}
    assert (result.counts.summarized, result.counts.failed) == (4, 3)


@pytest.mark.parametrize(
    ("raised", "message"),
    [
        (InputError("has no body text left after cleaning"), "has no body text left after cleaning"),
        (ValueError("boom"), "internal error (ValueError: boom); please report it with this document"),
    ],
)
def test_a_failure_inside_the_pipeline_costs_one_row(
    tmp_path: Path, short_articles: list[dict[str, str]], monkeypatch: pytest.MonkeyPatch, raised: Exception, message: str
) -> None:
    import synopsis.pipeline as pipeline

    real = pipeline.build_document

    def build(article: Article, **options: str | None) -> Document:
        if article.id == "bad":
            raise raised
        return real(article, **options)

    monkeypatch.setattr(pipeline, "build_document", build)
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [short_articles[0], {**short_articles[1], "id": "bad"}, short_articles[2]])
    out = tmp_path / "out.jsonl"
    result = run_local([str(corpus)], str(out), OPTIONS)
    rows = read_rows(out)
    assert rows[1] == {"id": "bad", "error": f"{corpus}:2: {message}", "input": str(corpus), "line": 2}
    assert "sentences" in rows[0] and "sentences" in rows[2]
    assert (result.counts.summarized, result.counts.failed) == (2, 1)


def test_duplicate_ids_are_reported_and_only_the_first_is_kept(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    second_copy = {**short_articles[1], "full_text": short_articles[2]["full_text"]}
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [*short_articles[:3], second_copy])
    out = tmp_path / "out.jsonl"
    reporter = Reporter()
    result = run_local([str(corpus)], str(out), OPTIONS, reporter=reporter)
    rows = read_rows(out)
    assert [row["id"] for row in rows] == [a["id"] for a in short_articles[:3]]
    first_three = pipeline_rows(write_jsonl(tmp_path / "first3.jsonl", short_articles[:3]))
    assert [{**row, "input": ""} for row in rows] == [{**row, "input": ""} for row in first_three]  # the first occurrence won
    assert result.counts.duplicates == 1
    assert reporter.warnings == [f"{corpus}:4: duplicate id {short_articles[1]['id']!r}; only its first occurrence is summarized"]


def test_resume_after_a_crash_mid_line_gives_each_id_once_and_the_same_rows(corpus: Path, tmp_path: Path) -> None:
    reference = tmp_path / "reference.jsonl"
    run_local([str(corpus)], str(reference), OPTIONS)
    data = reference.read_bytes()
    lines = data.splitlines(keepends=True)
    crashed = tmp_path / "out.jsonl"
    crashed.write_bytes(b"".join(lines[:3]) + lines[3][: len(lines[3]) // 2])  # what kill -9 mid-write leaves
    result = run_local([str(corpus)], str(crashed), OPTIONS)
    assert crashed.read_bytes() == data
    assert (result.counts.skipped, result.counts.summarized) == (3, 5)


def test_a_rerun_of_a_finished_job_does_nothing(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run_local([str(corpus)], str(out), OPTIONS)
    before = out.read_bytes()
    result = run_local([str(corpus)], str(out), OPTIONS)
    assert out.read_bytes() == before
    assert (result.counts.skipped, result.counts.written) == (8, 0)


def test_new_inputs_are_appended_on_a_rerun(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    first = write_jsonl(tmp_path / "first.jsonl", short_articles[:3])
    second = write_jsonl(tmp_path / "second.jsonl", short_articles[3:5])
    out = tmp_path / "out.jsonl"
    run_local([str(first)], str(out), OPTIONS)
    result = run_local([str(first), str(second)], str(out), OPTIONS)
    assert [row["id"] for row in read_rows(out)] == [a["id"] for a in short_articles[:5]]
    assert (result.counts.skipped, result.counts.summarized) == (3, 2)


def test_other_options_than_the_rows_already_written_are_refused(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run_local([str(corpus)], str(out), OPTIONS)
    with pytest.raises(SinkError, match=r"budget \{'words': 60, 'sentences': None\}, not \w+ and \{'words': 100"):
        run_local([str(corpus)], str(out), replace(OPTIONS, budget=Budget(words=100)))


def test_retry_failed_redoes_the_error_rows_only(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    out = tmp_path / "out.jsonl"
    broken = write_jsonl(tmp_path / "corpus.jsonl", short_articles[:3], extra=[(1, json.dumps({"id": "late", "title": "x"}))])
    run_local([str(broken)], str(out), OPTIONS)
    late = json.dumps({"id": "late", "full_text": short_articles[4]["full_text"]})
    fixed = write_jsonl(tmp_path / "corpus.jsonl", short_articles[:3], extra=[(1, late)])
    again = run_local([str(fixed)], str(out), OPTIONS)
    assert again.counts.written == 0  # failures are done too, unless asked
    retried = run_local([str(fixed)], str(out), OPTIONS, retry_failed=True)
    rows = read_rows(out)
    assert sorted(row["id"] for row in rows) == sorted([*(a["id"] for a in short_articles[:3]), "late"])
    assert all("error" not in row for row in rows)
    assert (retried.counts.summarized, retried.counts.skipped) == (1, 3)


def test_progress_counts_documents_errors_and_bytes(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    corpus = write_jsonl(tmp_path / "corpus.jsonl", short_articles[:3], extra=[(0, "{bad")])
    reporter = Reporter()
    run_local([str(corpus)], str(tmp_path / "out.jsonl"), OPTIONS, reporter=reporter)
    assert (reporter.docs, reporter.failed) == (4, 1)
    assert reporter.done_bytes == corpus.stat().st_size
    assert reporter.total_bytes in (None, corpus.stat().st_size)  # sized in the background


def crash_on_second_article(items: list[SourceItem], options: BatchOptions) -> list[tuple[str, bool]]:
    """A chunk worker that dies like an out-of-memory kill when it meets the doc with id 'killer'."""
    if any(item.id == "killer" for item in items):
        os._exit(9)
    return summarize_chunk(items, options)


@pytest.mark.slow
def test_two_workers_write_the_same_file_as_one(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    run_local([str(corpus)], str(one), OPTIONS, jobs=1)
    result = run_local([str(corpus)], str(two), OPTIONS, jobs=2, chunk_docs=1)
    assert two.read_bytes() == one.read_bytes()
    assert result.counts.summarized == 8


@pytest.mark.slow
def test_a_document_that_kills_its_worker_gets_an_error_row_and_the_rest_go_on(
    tmp_path: Path, short_articles: list[dict[str, str]]
) -> None:
    killer = {**short_articles[1], "id": "killer"}
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [short_articles[0], killer, *short_articles[2:6]])
    out = tmp_path / "out.jsonl"
    result = run_local([str(corpus)], str(out), OPTIONS, jobs=2, chunk_docs=2, work=crash_on_second_article)
    rows = read_rows(out)
    assert [row["id"] for row in rows] == [short_articles[0]["id"], "killer", *(a["id"] for a in short_articles[2:6])]
    assert rows[1]["error"] == f"{corpus}:2: {DIED}"
    assert sum("error" in row for row in rows) == 1
    assert (result.counts.summarized, result.counts.failed) == (5, 1)


def test_an_output_inside_the_input_folder_is_not_read_as_input(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    write_jsonl(folder / "part.jsonl", short_articles[:2])
    out = folder / "summaries.jsonl"
    run_local([str(folder)], str(out), OPTIONS)
    again = run_local([str(folder)], str(out), OPTIONS)
    assert [row["id"] for row in read_rows(out)] == [a["id"] for a in short_articles[:2]]
    assert (again.counts.skipped, again.counts.written, again.counts.duplicates) == (2, 0, 0)


@pytest.mark.slow
def test_workers_that_cannot_start_stop_the_run_instead_of_blaming_documents(corpus: Path, tmp_path: Path) -> None:
    """Spawned workers cannot re-import a main module read from standard input: one clear error,
    and no document gets an error row for it."""
    import subprocess
    import sys

    out = tmp_path / "out.jsonl"
    script = (
        "from synopsis.batch import BatchOptions, run_local\n"
        f"run_local([{str(corpus)!r}], {str(out)!r}, BatchOptions(), jobs=2)\n"
    )
    done = subprocess.run([sys.executable, "-"], input=script, capture_output=True, text=True, timeout=600, check=False)
    assert done.returncode != 0
    assert "BatchError: worker processes cannot start" in done.stderr
    assert 'under `if __name__ == "__main__":`' in done.stderr  # the way out, also for a script without the guard
    assert out.read_text(encoding="utf-8") == ""


def test_an_engine_refusal_says_nothing_about_resuming_first(corpus: Path, tmp_path: Path) -> None:
    """The Dask engine's own state check runs inside open_output: a refused re-run printed
    "resuming; its N rows are kept" and then the refusal."""
    from synopsis.batch.job import open_output

    out = tmp_path / "out.jsonl"
    run_local([str(corpus)], str(out), OPTIONS)

    def refuse(recovered: object) -> None:
        raise SinkError("out.jsonl.parts was made with lang=auto, not en")

    reporter = Reporter()
    with pytest.raises(SinkError, match="lang=auto"):
        open_output(str(out), OPTIONS, retry_failed=False, reporter=reporter, engine_check=refuse)
    assert not any("resuming" in warning for warning in reporter.warnings)
    _, sink = open_output(str(out), OPTIONS, retry_failed=False, reporter=reporter)  # the lock was let go
    sink.close()
    assert any("resuming" in warning for warning in reporter.warnings)
