"""One run layer under every front end: the same input and options give the same summary in the
library, the CLI, batch and the server, with one budget rule and one error policy."""

from __future__ import annotations

import json
import os
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from typer.testing import CliRunner

import synopsis
from synopsis.batch import BatchOptions, run_local
from synopsis.cli import app
from synopsis.errors import InputError
from synopsis.ingest import article_from_text
from synopsis.pipeline import RunOptions, run
from synopsis.process import ErrorRow, Row, process
from synopsis.types import Budget
from synopsis.workers import WorkerDied, WorkerPool


def _texts(sentences: list[dict[str, object]]) -> list[object]:
    return [s["text"] for s in sentences]


@pytest.mark.parametrize(("words", "sentences"), [(None, None), (None, 10), (60, None), (60, 2)])
def test_every_front_end_gives_the_same_summary(
    tmp_path: Path, dev_sample: list[dict[str, str]], words: int | None, sentences: int | None
) -> None:
    fastapi = pytest.importorskip("fastapi.testclient")
    from synopsis.server import Limits, create_app

    record = dev_sample[0]
    text = record["full_text"]
    source = tmp_path / "article.txt"
    source.write_text(text, encoding="utf-8")
    budget_args = [*(["--words", str(words)] if words else []), *(["--sentences", str(sentences)] if sentences else [])]

    library = synopsis.summarize(text, words=words, sentences=sentences)
    expected = [s.text for s in library.sentences]

    cli = CliRunner().invoke(app, ["summarize", str(source), "-o", "json", *budget_args])
    assert cli.exit_code == 0, cli.output
    assert _texts(json.loads(cli.stdout)["sentences"]) == expected

    out = tmp_path / "out.jsonl"
    run_local([str(source)], str(out), BatchOptions(budget=Budget.of(words, sentences)))
    assert _texts(json.loads(out.read_text(encoding="utf-8"))["sentences"]) == expected

    body: dict[str, object] = {"text": text, "words": words, "sentences": sentences}
    with fastapi.TestClient(create_app(Limits(workers=0))) as client:
        response = client.post("/api/summarize", json={k: v for k, v in body.items() if v is not None})
    assert response.status_code == 200, response.text
    assert _texts(response.json()["summary"]["sentences"]) == expected
    if sentences is not None and words is None:
        assert len(expected) == sentences  # the library used to keep the 200-word default too


def test_the_library_takes_the_clis_budget_rule(dev_sample: list[dict[str, str]]) -> None:
    text = dev_sample[0]["full_text"]
    ten = synopsis.summarize(text, sentences=10)
    assert len(ten.sentences) == 10 and ten.budget == Budget(None, 10)
    assert synopsis.summarize(text).budget == Budget(200, None) == Budget.of()
    assert Budget.of(words=50, sentences=3) == Budget(50, 3)


def test_run_keeps_every_score_and_the_summary_agrees(dev_sample: list[dict[str, str]]) -> None:
    result = run(article_from_text(dev_sample[1]["full_text"]), RunOptions(budget=Budget(words=80)))
    assert len(result.scores) == len(result.document.sentences)
    assert [s.index for s in result.summary.sentences] == list(result.selection.indices)
    assert result.summary.scores == tuple(float(result.scores[i]) for i in result.selection.indices)


def test_process_turns_every_failure_into_one_row(monkeypatch: pytest.MonkeyPatch) -> None:
    article = article_from_text("Introduction\n\nOne short sentence here. Another one follows it.", source="a.txt")
    assert isinstance(process(article, RunOptions()), Row)
    unknown = process(article, RunOptions(method="no-such-method"))
    assert isinstance(unknown, ErrorRow) and unknown.kind == "method" and unknown.error.source == "a.txt"
    unread = process(InputError("is empty", source="b.txt"), RunOptions())
    assert isinstance(unread, ErrorRow) and (unread.kind, str(unread.error)) == ("input", "b.txt: is empty")

    import synopsis.pipeline as pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(pipeline, "compute_features", broken)
    bug = process(article, RunOptions())
    assert isinstance(bug, ErrorRow) and bug.kind == "internal"
    assert str(bug.error) == "a.txt: internal error (ZeroDivisionError: boom); please report it with this document"


def test_core_errors_name_no_cli_flag_and_each_front_end_words_them(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * 400)
    cli = CliRunner().invoke(app, ["summarize", str(big), "--max-bytes", "1000"])
    assert cli.exit_code == 1
    assert "is 2.0 kB, over the 1 kB limit for one article (raise it with --max-bytes)" in cli.stderr
    from synopsis.ingest.decode import decode

    with pytest.raises(InputError) as caught:
        decode(big.read_bytes(), source=str(big), max_bytes=1000)
    err = caught.value
    assert "--" not in str(err) and (err.setting, err.value, err.limit) == ("max_bytes", 2000, 1000)


# -- the worker pool ------------------------------------------------------------------------------
def _square_or_die(n: int) -> int:
    if n < 0:
        os._exit(3)  # what the OS's out-of-memory killer does to a worker, as far as the pool can tell
    return n * n


def test_worker_pool_keeps_order_and_a_dead_worker_costs_only_its_task() -> None:
    with WorkerPool(_square_or_die, 2, on_death=lambda n: -1, window=4) as pool:
        got = [result for _, result in pool.map([1, 2, -5, 3, 4, 5, 6])]
    assert got == [1, 4, -1, 9, 16, 25, 36]


def test_worker_pool_without_on_death_raises_for_that_task_only() -> None:
    pool: WorkerPool[int, int] = WorkerPool(_square_or_die, 2)
    try:
        futures = [pool.submit(n) for n in (2, -1, 3)]
        assert futures[0].result(timeout=120) == 4 and futures[2].result(timeout=120) == 9
        with pytest.raises(WorkerDied):
            futures[1].result(timeout=120)
        assert pool.submit(5).result(timeout=120) == 25  # replaced: the pool goes on
    finally:
        pool.close()


class _BrokenExecutor:
    """An executor a worker's death broke before the next task came (as ProcessPoolExecutor is then)."""

    def submit(self, *_args: object) -> None:
        raise BrokenProcessPool("a worker died running another task")

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def test_a_pool_broken_before_a_task_arrives_still_runs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server once answered "shutting down" (503) when the pool and its replacement were both
    broken by deaths of other tasks: the task must run (alone, in quarantine) and the pool go on."""
    pool: WorkerPool[int, int] = WorkerPool(_square_or_die, 2)
    real = pool._new_executor
    made: list[int] = []

    def broken_twice(jobs: int):  # type: ignore[no-untyped-def]
        made.append(jobs)
        return _BrokenExecutor() if len(made) <= 2 else real(jobs)

    monkeypatch.setattr(pool, "_new_executor", broken_twice)
    try:
        assert pool.submit(4).result(timeout=120) == 16
        assert pool.submit(5).result(timeout=120) == 25
        assert made[:3] == [2, 2, 1], "two broken pools, then the task alone in a one-worker quarantine"
    finally:
        pool.close()


def test_max_chars_refuses_a_long_input_with_one_line_naming_the_flag(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    article = tmp_path / "long.txt"
    article.write_text(dev_sample[0]["full_text"], encoding="utf-8")
    chars = len(dev_sample[0]["full_text"])
    cli = CliRunner().invoke(app, ["summarize", str(article), "--max-chars", "1000"])
    assert cli.exit_code == 1
    limit = "over the limit of 1,000 for one article (raise it with --max-chars)"
    assert cli.stderr == f"synopsis: {article}: is {chars:,} characters, {limit}\n"
    assert CliRunner().invoke(app, ["summarize", str(article), "--max-chars", "0"]).exit_code == 2


def test_limits_agree_with_memory() -> None:
    from synopsis.limits import CLI_MEMORY_MB, MAX_CHARS, SERVER_MAX_CHARS, SERVER_MEMORY_MB, max_chars_for, memory_mb_for

    assert memory_mb_for(MAX_CHARS) <= CLI_MEMORY_MB and memory_mb_for(SERVER_MAX_CHARS) <= SERVER_MEMORY_MB
    assert max_chars_for(SERVER_MEMORY_MB) == SERVER_MAX_CHARS < MAX_CHARS
    assert RunOptions().max_chars == MAX_CHARS
    pytest.importorskip("fastapi")
    from synopsis.server import Limits

    with pytest.raises(ValueError, match="over memory_mb 1,024"):
        Limits(max_text_chars=20_000_000, workers=1)
    assert Limits.from_env({}, memory_mb=2048).max_text_chars == max_chars_for(2048)


# Peak RSS (MB) measured for texts of the costliest shapes (characters -> MB; src/synopsis/limits.py):
# one word per line, a heading every eight words, dev text flattened into one line.
MEASURED_PEAKS = {
    "one word per line": {2_000_000: 271, 8_000_000: 857},
    "a heading every eight words": {1_000_000: 242, 2_000_000: 321, 8_000_000: 542},
    "flattened": {100_000: 133, 1_000_000: 200, 4_000_000: 298, 8_000_000: 483},
}


@pytest.mark.parametrize("shape", sorted(MEASURED_PEAKS))
def test_the_memory_model_lies_over_every_measured_shape(shape: str) -> None:
    """Was: 77 bytes per character above 133 MB, measured on flattened text only: a 2.2M-character
    text of one word per line, under the limit `--memory-mb 300` allowed, was refused 413 for memory."""
    from synopsis.limits import memory_mb_for

    assert all(memory_mb_for(chars) >= peak for chars, peak in MEASURED_PEAKS[shape].items())


def test_output_rows_have_exactly_the_fields_of_their_one_definition(dev_sample: list[dict[str, str]]) -> None:
    from synopsis import rows
    from synopsis.batch.work import error_row
    from synopsis.output import summary_to_dict

    result = run(article_from_text(dev_sample[2]["full_text"], source="a.txt"))
    row = summary_to_dict(result.summary, result.document)
    required = {f.name for f in rows.SUMMARY if not f.optional}
    assert required <= set(row) <= set(rows.names(rows.SUMMARY))
    assert all(set(s) == set(rows.names(rows.SENTENCE)) for s in row["sentences"])
    assert set(row["document"]) == set(rows.names(rows.DOCUMENT)) and set(row["budget"]) == set(rows.names(rows.BUDGET))
    failed = error_row("x", InputError("is empty", source="b.txt", line=3))
    assert set(failed) == set(rows.names(rows.ERROR))
    pytest.importorskip("pydantic")
    from synopsis.server.schemas import SummaryOut

    assert set(SummaryOut.model_fields) == set(rows.names(rows.SUMMARY))
    assert SummaryOut.model_validate(row).model_dump(exclude_none=True)["sentences"] == row["sentences"]


def test_the_version_has_one_source() -> None:
    import tomllib

    from synopsis.version import __version__

    project = tomllib.loads((Path(__file__).resolve().parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "synopsis.version.__version__"}
    assert synopsis.__version__ == __version__ == "0.2.0"
