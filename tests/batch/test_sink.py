"""The crash-safe output: what a crash leaves is repaired on reopen, and nothing else is touched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from synopsis.batch.sink import JsonlSink, SinkError, _lock, row_head, row_language
from synopsis.batch.work import encode_row

ROWS = [
    {"id": "a", "method": "centroid", "budget": {"words": 60, "sentences": None}, "sentences": []},
    {"id": 'b "quoted" é', "error": "corpus.jsonl:2: is not valid JSON", "input": "corpus.jsonl", "line": 2},
    {"id": "c", "method": "centroid", "budget": {"words": 60, "sentences": None}, "sentences": []},
]


def _write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def _lines() -> list[str]:
    return [encode_row(row) + "\n" for row in ROWS]


def test_row_head_reads_the_id_and_whether_the_row_is_an_error() -> None:
    heads = [row_head(line.encode("utf-8")) for line in _lines()]
    assert heads == [("a", False), ('b "quoted" é', True), ("c", False)]


def test_row_head_rejects_a_cut_line_and_foreign_json() -> None:
    line = _lines()[0].encode("utf-8")
    assert row_head(line[: len(line) // 2]) is None
    assert row_head(b'{"name": "a"}\n') is None
    assert row_head(b"\x00\x00\x00\n") is None


def test_reopening_cuts_a_half_written_last_row_and_keeps_the_whole_ones(tmp_path: Path) -> None:
    lines = _lines()
    out = _write(tmp_path / "out.jsonl", lines[0] + lines[1] + lines[2][:40])
    with JsonlSink(out) as sink:
        assert sink.recovered.ids == {"a", 'b "quoted" é'}
        assert sink.recovered.rows == 2 and sink.recovered.errors == 1
        assert sink.recovered.cut_bytes == 40
        assert sink.recovered.first_summary == ROWS[0]
        sink.add(encode_row(ROWS[2]))
    assert out.read_text(encoding="utf-8") == "".join(lines)


def test_a_damaged_row_followed_by_good_rows_is_refused_not_cut(tmp_path: Path) -> None:
    lines = _lines()
    out = _write(tmp_path / "out.jsonl", lines[0] + "not a row\n" + lines[2])
    with pytest.raises(SinkError, match=r"out.jsonl:2: is not a row written by `synopsis batch`; is -o the right file"):
        JsonlSink(out)
    assert out.read_text(encoding="utf-8") == lines[0] + "not a row\n" + lines[2]


THEIRS = ['{"title": "someone else\'s data"}\n{"title": "more"}\n', '{"title": "no newline at the end"}']


@pytest.mark.parametrize("content", THEIRS)
def test_a_file_we_did_not_write_is_left_alone(tmp_path: Path, content: str) -> None:
    out = _write(tmp_path / "theirs.jsonl", content)
    with pytest.raises(SinkError, match=r"theirs\.jsonl:1: is not a row written by `synopsis batch`"):
        JsonlSink(out)
    assert out.read_text(encoding="utf-8") == content


def test_zero_filled_tail_after_a_power_cut_is_cut(tmp_path: Path) -> None:
    lines = _lines()
    out = tmp_path / "out.jsonl"
    out.write_bytes((lines[0] + lines[1]).encode("utf-8") + b"\x00" * 300)
    with JsonlSink(out) as sink:
        assert sink.recovered.rows == 2
    assert out.read_text(encoding="utf-8") == lines[0] + lines[1]


def test_a_second_writer_is_refused_before_it_touches_the_file(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    lines = _lines()
    with JsonlSink(out, rows_per_commit=1) as first:
        first.add(encode_row(ROWS[0]))
        with out.open("ab") as mid_write:  # the first writer is in the middle of its next row
            mid_write.write(lines[2][:30].encode("utf-8"))
        with pytest.raises(SinkError, match="another `synopsis batch` is writing it"):
            JsonlSink(out)
        assert out.read_text(encoding="utf-8") == lines[0] + lines[2][:30]


def test_rows_are_on_disk_after_each_commit(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    sink = JsonlSink(out, rows_per_commit=2, seconds_per_commit=3600)
    sink.add(encode_row(ROWS[0]))
    assert out.read_bytes() == b""
    sink.add(encode_row(ROWS[2]))
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["a", "c"]
    sink.close()


def test_dropping_error_rows_keeps_the_others_in_order_and_the_lock(tmp_path: Path) -> None:
    lines = _lines()
    out = _write(tmp_path / "out.jsonl", "".join(lines))
    with JsonlSink(out, drop_errors=True) as sink:
        assert sink.dropped == 1 and sink.recovered.ids == {"a", "c"}
        with pytest.raises(SinkError, match="another `synopsis batch`"):
            JsonlSink(out)
    assert out.read_text(encoding="utf-8") == lines[0] + lines[2]
    assert not (tmp_path / "out.jsonl.tmp").exists()


def test_row_language_finds_the_rows_own_key_without_parsing_it() -> None:
    row = {
        "id": "x",
        "method": "supervised",
        "sentences": [{"text": 'He wrote , "language": "fr" there'}],
        "language": "de",
        "document": {"sections": [', "language": "es"']},
    }
    assert row_language(encode_row(row).encode("utf-8")) == "de"
    assert row_language(encode_row(ROWS[0]).encode("utf-8")) == "en", "rows from before languages were named"


def test_recovery_keeps_the_first_summary_of_each_language(tmp_path: Path) -> None:
    rows = [
        {**ROWS[0], "language": "de"},
        ROWS[1],
        {**ROWS[2], "language": "en"},
        {**ROWS[2], "id": "d", "language": "de"},
    ]
    out = _write(tmp_path / "out.jsonl", "".join(encode_row(row) + "\n" for row in rows))
    with JsonlSink(out) as sink:
        assert sink.recovered.by_language == {"de": rows[0], "en": rows[2]}
        assert sink.recovered.first_summary == rows[0]


def test_a_lock_on_a_file_the_other_run_has_just_deleted_is_refused(tmp_path: Path) -> None:
    """A run that opened the journal just before the run holding it deleted it (its Parquet OUT
    written) would lock a deleted file and append its rows there: it is refused instead."""
    path = tmp_path / "out.parquet.journal.jsonl"
    path.write_bytes(b"")
    handle = path.open("ab")
    path.unlink()
    with pytest.raises(SinkError, match="another `synopsis batch` has just written or replaced it; run the same command again"):
        _lock(handle, path)
    assert handle.closed


def test_a_commit_that_fails_still_lets_go_of_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Was: a full disk left the file open and locked, so the Dask retry of a partition (same
    worker process) said "another `synopsis batch` is writing it" instead of the disk's error."""
    import errno
    import os

    out = tmp_path / "part.jsonl"
    fsync = os.fsync

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError, match="No space left"), JsonlSink(out) as sink:
        sink.add(encode_row(ROWS[0]))
        monkeypatch.setattr(os, "fsync", disk_full)
    monkeypatch.setattr(os, "fsync", fsync)
    with JsonlSink(out) as again:  # the retry
        assert again.recovered.rows <= 1
