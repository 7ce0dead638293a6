"""Parquet in and out (with the parquet extra): the same rows as JSONL, resumable the same way."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_helpers import OPTIONS, read_rows

from synopsis.batch import run_local
from synopsis.batch.sources import ParquetShard, iter_shards
from synopsis.errors import InputError

pa = pytest.importorskip("pyarrow", reason="Parquet needs the parquet extra")
pq = pytest.importorskip("pyarrow.parquet")


def _write_parquet(path: Path, records: list[dict[str, object]], *, row_group_size: int = 3) -> Path:
    pq.write_table(pa.Table.from_pylist(records), path, row_group_size=row_group_size)
    return path


def _without_input(rows: list[dict[str, object]]) -> list[dict[str, object]]:
    return [{k: v for k, v in row.items() if k != "input"} for row in rows]


def test_parquet_input_gives_the_rows_jsonl_input_gives(
    corpus: Path, tmp_path: Path, short_articles: list[dict[str, str]]
) -> None:
    table = _write_parquet(tmp_path / "corpus.parquet", list(short_articles))
    from_parquet, from_jsonl = tmp_path / "p.jsonl", tmp_path / "j.jsonl"
    run_local([str(table)], str(from_parquet), OPTIONS)
    run_local([str(corpus)], str(from_jsonl), OPTIONS)
    assert _without_input(read_rows(from_parquet)) == _without_input(read_rows(from_jsonl))
    assert read_rows(from_parquet)[0]["input"] == str(table)


def test_parquet_rows_are_numbered_across_row_groups_and_bad_rows_are_errors(
    tmp_path: Path, short_articles: list[dict[str, str]]
) -> None:
    records: list[dict[str, object]] = [dict(r) for r in short_articles]
    records[4] = {**records[4], "full_text": None}
    table = _write_parquet(tmp_path / "corpus.parquet", records)
    shards = list(iter_shards([str(table)], OPTIONS, split_bytes=1))
    assert len(shards) == 3 and all(isinstance(s, ParquetShard) for s in shards)
    items = [item for shard in shards for item in shard.items(OPTIONS)]
    assert [item.id for item in items] == [r["id"] for r in short_articles]
    bad = items[4].payload
    assert isinstance(bad, InputError)
    assert bad.worded({"text_field": "--text-field"}) == f"{table}:5: field 'full_text' is null, not the article's text"


def test_parquet_output_holds_the_jsonl_rows(corpus: Path, tmp_path: Path) -> None:
    from synopsis.batch.parquet import read_rows as read_parquet_rows

    out, reference = tmp_path / "out.parquet", tmp_path / "ref.jsonl"
    run_local([str(corpus)], str(out), OPTIONS)
    run_local([str(corpus)], str(reference), OPTIONS)
    assert list(read_parquet_rows(out)) == read_rows(reference)
    assert not (tmp_path / "out.parquet.journal.jsonl").exists()
    assert pq.read_table(out).column("id").to_pylist() == [row["id"] for row in read_rows(reference)]


def test_a_parquet_output_grows_on_a_rerun_and_resumes_from_its_journal(
    tmp_path: Path, short_articles: list[dict[str, str]]
) -> None:
    from batch_helpers import write_jsonl

    from synopsis.batch.parquet import read_rows as read_parquet_rows

    first = write_jsonl(tmp_path / "first.jsonl", short_articles[:3])
    everything = write_jsonl(tmp_path / "all.jsonl", short_articles)
    out = tmp_path / "out.parquet"
    run_local([str(first)], str(out), OPTIONS)
    grown = run_local([str(everything)], str(out), OPTIONS)
    assert (grown.counts.skipped, grown.counts.summarized) == (3, 5)
    rows = list(read_parquet_rows(out))
    assert [row["id"] for row in rows] == [a["id"] for a in short_articles]
    assert rows[0]["input"] == str(first) and rows[3]["input"] == str(everything)

    journal = tmp_path / "out.parquet.journal.jsonl"  # a crash mid-run leaves the journal, cut mid-row
    run_local([str(everything)], str(tmp_path / "ref.jsonl"), OPTIONS)
    lines = (tmp_path / "ref.jsonl").read_bytes().splitlines(keepends=True)
    out.unlink()
    journal.write_bytes(b"".join(lines[:2]) + lines[2][:50])
    resumed = run_local([str(everything)], str(out), OPTIONS)
    assert (resumed.counts.skipped, resumed.counts.summarized) == (2, 6)
    assert list(read_parquet_rows(out)) == read_rows(tmp_path / "ref.jsonl")


def test_a_second_run_while_the_parquet_out_is_written_is_refused(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the journal's lock was let go before it was converted to OUT.parquet (minutes for
    millions of rows), so a second run started then appended rows to a journal about to be deleted,
    and both wrote OUT.parquet.tmp (the second ended with `OUT.parquet.tmp: No such file`)."""
    import synopsis.batch.parquet as parquet_module
    from synopsis.batch.sink import JsonlSink, SinkError

    out = tmp_path / "out.parquet"
    journal = tmp_path / "out.parquet.journal.jsonl"
    convert = parquet_module.journal_to_parquet
    second_run: list[str] = []

    def convert_while_another_run_starts(path: Path, target: Path) -> None:
        try:
            JsonlSink(journal).close()
            second_run.append("let in")
        except SinkError as err:
            second_run.append(str(err))
        convert(path, target)

    monkeypatch.setattr(parquet_module, "journal_to_parquet", convert_while_another_run_starts)
    run_local([str(corpus)], str(out), OPTIONS)
    assert second_run == [f"{journal}: another `synopsis batch` is writing it; wait for it or choose another -o"]
    assert not journal.exists() and len(list(parquet_module.read_rows(out))) == len(read_rows(corpus))


def test_a_parquet_out_that_fills_the_disk_leaves_no_partial_file(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: OUT.parquet.tmp stayed, half written, holding on to the space the re-run needs."""
    import errno

    import synopsis.batch.parquet as parquet_module

    out = tmp_path / "out.parquet"
    to_columns = parquet_module._to_columns
    calls: list[int] = []

    def disk_fills(row: dict[str, object]) -> dict[str, object]:
        calls.append(1)  # two rows are written, the third finds the disk full
        if len(calls) > 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return to_columns(row)

    monkeypatch.setattr(parquet_module, "_BATCH_ROWS", 2)
    monkeypatch.setattr(parquet_module, "_to_columns", disk_fills)
    with pytest.raises(OSError, match="No space left"):
        run_local([str(corpus)], str(out), OPTIONS)
    assert sorted(path.name for path in tmp_path.iterdir()) == ["corpus.jsonl", "out.parquet.journal.jsonl"]
    monkeypatch.undo()
    run_local([str(corpus)], str(out), OPTIONS)
    assert len(list(parquet_module.read_rows(out))) == len(read_rows(corpus))
