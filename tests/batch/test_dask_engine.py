"""The Dask engine gives the local engine's output, document by document, and resumes per part."""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_helpers import OPTIONS, read_rows, write_jsonl

from synopsis.batch import BatchOptions, run_local
from synopsis.batch.local import summarize_chunk
from synopsis.batch.parts import PartsDir, run_shard
from synopsis.batch.sources import iter_shards
from synopsis.batch.work import DIED, EncodedRow, SourceItem
from synopsis.types import Budget


@pytest.fixture
def mixed_input(tmp_path: Path, short_articles: list[dict[str, str]], example_text: str) -> list[str]:
    """JSONL with a bad line and an id repeated in a later partition, plus a folder of records."""
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [*short_articles, short_articles[0]], extra=[(2, "{bad json")])
    folder = tmp_path / "records"
    folder.mkdir()
    (folder / "one.txt").write_text(example_text, encoding="utf-8")
    changed = example_text.replace("FULL TEXT:", "FULL TEXT:\nA first sentence that was added here.")
    (folder / "two.txt").write_text(changed, encoding="utf-8")
    return [str(corpus), str(folder)]


distributed = pytest.importorskip("distributed", reason="the Dask engine needs the dask extra")


@pytest.mark.slow
def test_dask_on_a_local_cluster_gives_the_local_engines_rows(tmp_path: Path, mixed_input: list[str]) -> None:
    from synopsis.batch.dask_engine import run_dask

    local, dask = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    by_local = run_local(mixed_input, str(local), OPTIONS)
    by_dask = run_dask(mixed_input, str(dask), OPTIONS, workers=2, split_bytes=9000)
    assert len(list(PartsDir(dask).path.glob("part-*.merged"))) >= 4  # it really was split
    local_rows, dask_rows = read_rows(local), read_rows(dask)
    assert len(dask_rows) == len(local_rows) == 11
    for by_local_row, by_dask_row in zip(local_rows, dask_rows, strict=True):
        assert by_dask_row == by_local_row
    assert by_dask.counts == by_local.counts
    assert (by_dask.counts.summarized, by_dask.counts.failed, by_dask.counts.duplicates) == (10, 1, 1)
    again = run_dask(mixed_input, str(dask), OPTIONS, workers=1, split_bytes=9000)
    assert read_rows(dask) == local_rows
    assert (again.counts.written, again.counts.skipped, again.counts.duplicates) == (0, 11, 1)


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """An existing cluster, reached by address, as `--scheduler tcp://HOST:PORT` would."""
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None) as cluster:
        yield cluster.scheduler_address


@pytest.mark.slow
def test_dask_reuses_a_finished_part_and_computes_the_rest(tmp_path: Path, corpus: Path, scheduler: str) -> None:
    from synopsis.batch.dask_engine import run_dask

    out = tmp_path / "out.jsonl"
    shards = list(iter_shards([str(corpus)], OPTIONS, split_bytes=9000))
    parts = PartsDir(out)
    parts.path.mkdir()
    first = parts.part(0, shards[0])
    run_shard(shards[0], OPTIONS, str(first))
    lines = first.read_text(encoding="utf-8").splitlines(keepends=True)
    row = json.loads(lines[0])
    row["sentences"][0]["text"] = "A SENTINEL the run must keep, proving the part was not recomputed."
    first.write_text(json.dumps(row, ensure_ascii=False) + "\n" + "".join(lines[1:]), encoding="utf-8")
    result = run_dask([str(corpus)], str(out), OPTIONS, scheduler=scheduler, split_bytes=9000)
    rows = read_rows(out)
    assert rows[0]["sentences"][0]["text"].startswith("A SENTINEL")
    reference = tmp_path / "reference.jsonl"
    run_local([str(corpus)], str(reference), OPTIONS)
    assert rows[1:] == read_rows(reference)[1:]
    assert result.counts.summarized == 8 and result.complete


@pytest.mark.slow
def test_out_deleted_to_start_over_is_computed_again_and_out_cut_is_refused(tmp_path: Path, corpus: Path, scheduler: str) -> None:
    """Was: with OUT deleted and OUT.parts kept, a re-run said "8 skipped (already in the output)",
    exited 0 and left OUT empty."""
    from synopsis.batch.dask_engine import run_dask
    from synopsis.batch.sink import SinkError

    out = tmp_path / "out.jsonl"
    run_dask([str(corpus)], str(out), OPTIONS, scheduler=scheduler, split_bytes=9000)
    rows = read_rows(out)
    out.unlink()
    again = run_dask([str(corpus)], str(out), OPTIONS, scheduler=scheduler, split_bytes=9000)
    assert read_rows(out) == rows and again.counts.summarized == len(rows) and again.counts.skipped == 0
    out.write_text("".join(json.dumps(row) + "\n" for row in rows[:3]), encoding="utf-8")  # cut by hand
    with pytest.raises(SinkError, match=rf"holds 3 rows, fewer than the {len(rows)} that .*out.jsonl.parts says were merged"):
        run_dask([str(corpus)], str(out), OPTIONS, scheduler=scheduler, split_bytes=9000)
    assert len(read_rows(out)) == 3  # nothing appended


@pytest.mark.slow
def test_out_replaced_by_another_file_with_more_rows_is_refused(tmp_path: Path, corpus: Path, scheduler: str) -> None:
    """Was: OUT replaced by another run's output (other ids, one row more) passed the row count,
    the run said "8 skipped (already in the output)", exited 0, and OUT held none of its articles."""
    from synopsis.batch.dask_engine import run_dask
    from synopsis.batch.sink import SinkError

    out = tmp_path / "out.jsonl"
    run_dask([str(corpus)], str(out), OPTIONS, scheduler=scheduler, split_bytes=9000)
    rows = read_rows(out)
    others = [{**row, "id": f"other-{row['id']}"} for row in [*rows, rows[0]]]
    others[-1]["id"] = "other-extra"
    replacement = "".join(json.dumps(row) + "\n" for row in others)
    out.write_text(replacement, encoding="utf-8")
    with pytest.raises(SinkError, match=r"does not hold the rows that \d+ partitions? of .*out.jsonl.parts merged into it"):
        run_dask([str(corpus)], str(out), OPTIONS, scheduler=scheduler, split_bytes=9000)
    assert out.read_text(encoding="utf-8") == replacement  # nothing appended


@pytest.mark.slow
def test_out_deleted_to_start_over_with_another_budget_mixes_no_rows(tmp_path: Path, corpus: Path, scheduler: str) -> None:
    """Was: deleting OUT also forgot the parts folder's settings, so a part an interrupted run had
    finished but not merged (made with -w 60) went into the new OUT of a -w 100 run: two budgets
    in one OUT, exit 0. The settings stay and the run is refused, as with OUT there."""
    from synopsis.batch.dask_engine import run_dask
    from synopsis.batch.sink import SinkError

    out = tmp_path / "out.jsonl"
    run_dask([str(corpus)], str(out), OPTIONS, scheduler=scheduler, split_bytes=9000)
    parts = PartsDir(out)
    shards = list(iter_shards([str(corpus)], OPTIONS, split_bytes=9000))
    last = parts.part(len(shards) - 1, shards[-1])
    last.with_suffix(".merged").unlink()  # the interrupted run: its last part finished, not merged
    run_shard(shards[-1], OPTIONS, str(last))
    out.unlink()
    other = dataclasses.replace(OPTIONS, budget=Budget(words=100))
    with pytest.raises(SinkError, match=r"out.jsonl.parts was made with budget \{'words': 60, 'sentences': None\}, not"):
        run_dask([str(corpus)], str(out), other, scheduler=scheduler, split_bytes=9000)
    again = run_dask([str(corpus)], str(out), OPTIONS, scheduler=scheduler, split_bytes=9000)  # same options: resumes
    assert again.complete and {json.dumps(row["budget"]) for row in read_rows(out)} == {json.dumps(OPTIONS.budget.as_dict())}
    assert len(read_rows(out)) == 8


@pytest.mark.slow
def test_a_parquet_out_whose_journal_was_deleted_resumes_from_its_last_completed_run(
    tmp_path: Path, short_articles: list[dict[str, str]], scheduler: str
) -> None:
    """Was refused with "OUT.journal.jsonl holds 4 rows, fewer than the 8 that OUT.parts says were
    merged into it (was it replaced or cut?)": the journal was deleted, not replaced or cut, and the
    way out it gave (remove OUT.parts) recomputed every partition. Now the partitions merged since
    OUT.parquet was written are computed again, said in one line, and OUT is whole."""
    pytest.importorskip("pyarrow")
    from synopsis.batch.dask_engine import run_dask
    from synopsis.batch.parquet import read_rows as parquet_rows
    from synopsis.batch.progress import Reporter

    first = write_jsonl(tmp_path / "first.jsonl", short_articles[:4])
    second = write_jsonl(tmp_path / "second.jsonl", short_articles[4:])
    out = tmp_path / "out.parquet"
    run_dask([str(first)], str(out), OPTIONS, scheduler=scheduler, split_bytes=9000)
    older = out.read_bytes()  # OUT after its first completed run
    run_dask([str(first), str(second)], str(out), OPTIONS, scheduler=scheduler, split_bytes=9000)
    whole = list(parquet_rows(out))
    out.write_bytes(older)  # as if the second run was stopped, and its journal then deleted
    warnings: list[str] = []
    reporter = Reporter()
    reporter.warn = warnings.append  # type: ignore[method-assign]
    again = run_dask([str(first), str(second)], str(out), OPTIONS, scheduler=scheduler, split_bytes=9000, reporter=reporter)
    assert again.complete and list(parquet_rows(out)) == whole
    assert (again.counts.summarized, again.counts.skipped) == (4, 4)
    assert any(
        f"{out}.journal.jsonl was deleted: {out} holds the rows of its last completed run only, without the" in line
        and "merged into the journal since; computing them again" in line
        for line in warnings
    ), warnings


@pytest.mark.slow
def test_rows_a_killed_attempt_left_in_a_part_count_as_written_by_the_run_that_merges_them(
    tmp_path: Path, short_articles: list[dict[str, str]], scheduler: str
) -> None:
    """A worker killed mid-partition (kill -9, out of memory) left rows in its part file; Dask's
    retry resumed the part, and the run that merged those rows into OUT counted them as "skipped
    (already in the output)": a fresh OUT said "6 done, 2 skipped", and an error row among them
    was in no count, so the run ended "0 failed" with exit status 0. They are this run's rows."""
    from synopsis.batch.dask_engine import run_dask

    corpus = write_jsonl(tmp_path / "corpus.jsonl", short_articles, extra=[(1, "{bad json")])
    out = tmp_path / "out.jsonl"
    shards = list(iter_shards([str(corpus)], OPTIONS, split_bytes=100_000))
    assert len(shards) == 1
    parts = PartsDir(out)
    parts.path.mkdir()
    part = parts.part(0, shards[0])
    run_shard(shards[0], OPTIONS, str(part))
    part.with_suffix(".done").unlink()  # as if killed after its first two rows: the second is an error row
    part.write_text("".join(part.read_text(encoding="utf-8").splitlines(keepends=True)[:2]), encoding="utf-8")
    result = run_dask([str(corpus)], str(out), OPTIONS, scheduler=scheduler, split_bytes=100_000)
    reference = tmp_path / "reference.jsonl"
    by_local = run_local([str(corpus)], str(reference), OPTIONS)
    assert read_rows(out) == read_rows(reference)
    assert result.counts == by_local.counts
    assert (result.counts.summarized, result.counts.failed, result.counts.skipped) == (len(short_articles), 1, 0)
    assert "0 skipped" in result.summary_line() and "1 failed" in result.summary_line()


@pytest.mark.slow
def test_ctrl_c_of_a_local_cluster_run_says_one_line_and_the_rerun_finishes(
    tmp_path: Path, short_articles: list[dict[str, str]]
) -> None:
    """Ctrl-C reaches the whole process group, so the LocalCluster's workers heard it too: each
    printed a KeyboardInterrupt traceback and warned of its cancelled task (some 70 lines) above
    the INCOMPLETE line. Now the workers leave Ctrl-C to the run, which says one line."""
    import os
    import signal
    import subprocess
    import sys
    import time

    records = [{**article, "id": f"{article['id']}#{k}"} for k in range(12) for article in short_articles]
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records)
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "synopsis", "batch", str(corpus), "-o", str(out), "--words", "60"]
    command += ["--engine", "dask", "-j", "2", "--partition-size", "20KB", "--no-progress"]
    run = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)  # a terminal's job
    parts = PartsDir(out).path
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not list(parts.glob("part-*.merged")):  # workers busy with the rest
        assert run.poll() is None, run.stderr.read() if run.stderr else ""
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGINT)  # what Ctrl-C does: the signal goes to every process of the job
    _, stderr = run.communicate(timeout=120)
    assert run.returncode == 130, stderr
    assert "Traceback" not in stderr and "CancelledError" not in stderr
    assert stderr.splitlines() == [line for line in stderr.splitlines() if line.startswith("synopsis: ")], stderr
    assert "INCOMPLETE (run the same command again to resume)" in stderr.splitlines()[-1]
    rerun = subprocess.run(command, stderr=subprocess.PIPE, text=True, timeout=300, check=False)
    assert rerun.returncode == 0, rerun.stderr
    assert sorted(row["id"] for row in read_rows(out)) == sorted(record["id"] for record in records)


@pytest.mark.slow
def test_a_local_cluster_run_beside_another_on_port_8787_says_nothing_of_it(
    tmp_path: Path, short_articles: list[dict[str, str]]
) -> None:
    """The LocalCluster's scheduler served HTTP on port 8787 (`dashboard_address=None` does not turn
    it off), so a second run at the same time, or a Jupyter session's Dask dashboard, made every
    run start with distributed's four-line "UserWarning: Port 8787 is already in use". A run's
    cluster now listens on a free port of 127.0.0.1, whatever else is running."""
    import socket
    import subprocess
    import sys

    corpus = write_jsonl(tmp_path / "corpus.jsonl", short_articles[:2])
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "synopsis", "batch", str(corpus), "-o", str(out), "--words", "60"]
    with socket.socket() as other:  # another cluster's dashboard
        other.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            other.bind(("127.0.0.1", 8787))
            other.listen()
        except OSError:
            pass  # something on this machine holds it already: the same case
        done = subprocess.run([*command, "--engine", "dask", "--no-progress"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines() == [line for line in done.stderr.splitlines() if line.startswith("synopsis: ")], done.stderr
    assert len(read_rows(out)) == 2


def _is_killer(doc_id: str) -> bool:
    return doc_id.startswith("killer")


class _KillerDocument(distributed.WorkerPlugin):  # type: ignore[misc]
    """Makes the worker process exit, as the out-of-memory killer would, when it summarizes a
    document whose id starts with 'killer' (installed on every worker the cluster starts, restarts
    included)."""

    def setup(self, worker: object) -> None:
        import os

        import synopsis.batch.parts as parts

        summarize = parts.summarize_to_line

        def killing(item, options):  # type: ignore[no-untyped-def]
            if _is_killer(item.id):
                os._exit(9)
            return summarize(item, options)

        parts.summarize_to_line = killing


def _die_on_killers(items: list[SourceItem], options: BatchOptions) -> list[EncodedRow]:
    """The same killer for the local engine's workers."""
    if any(_is_killer(item.id) for item in items):
        os._exit(9)
    return summarize_chunk(items, options)


@pytest.mark.slow
@pytest.mark.parametrize(("split_bytes", "killers"), [(9000, 1), (100_000, 2)], ids=["partitions", "two-in-one-partition"])
def test_a_document_that_kills_its_dask_worker_gets_an_error_row_and_the_rest_are_merged(
    tmp_path: Path, short_articles: list[dict[str, str]], split_bytes: int, killers: int
) -> None:
    """Was: the document killed every worker that retried its partition until Dask gave up on the
    task (KilledWorker); the partition failed, the later ones were computed but never merged, and
    the run ended INCOMPLETE. Now, as with the local engine, that one document gets an error row
    (the worker died while summarizing it) and every other row is written: OUT and the counts are
    the local engine's. Two such documents in one partition cost four deaths, as many as Dask
    allows a task: the part is submitted again, since it got further."""
    from synopsis.batch.dask_engine import run_dask

    doomed = [{**short_articles[k], "id": "killer" + "-2" * (k - 1)} for k in range(1, killers + 1)]
    records = [short_articles[0], *doomed, *short_articles[killers + 1 : 6]]
    corpus = write_jsonl(tmp_path / "corpus.jsonl", records)
    assert len(list(iter_shards([str(corpus)], OPTIONS, split_bytes=split_bytes))) == (1 if killers > 1 else 3)
    out, reference = tmp_path / "out.jsonl", tmp_path / "reference.jsonl"
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, host="127.0.0.1", dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        client.register_plugin(_KillerDocument())
        result = run_dask([str(corpus)], str(out), OPTIONS, scheduler=cluster.scheduler_address, split_bytes=split_bytes)
    by_local = run_local([str(corpus)], str(reference), OPTIONS, jobs=2, chunk_docs=2, work=_die_on_killers)
    assert result.complete and result.problems == [], result.problems
    assert out.read_bytes() == reference.read_bytes()
    rows = read_rows(out)
    assert rows[1] == {"id": "killer", "error": f"{corpus}:2: {DIED}", "input": str(corpus), "line": 2}
    assert [row["id"] for row in rows if "error" in row] == [record["id"] for record in doomed]
    assert result.counts == by_local.counts
    assert (result.counts.summarized, result.counts.failed) == (6 - killers, killers)
    assert not list(PartsDir(out).path.glob("*.trying"))
