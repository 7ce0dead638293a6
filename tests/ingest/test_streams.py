"""Inputs that can be read only once or never end: stdin, pipes, FIFOs, devices, gzip bombs.

Each is read once, from one handle, and never more than the limit plus one byte (or one line),
so nothing is lost and nothing exhausts memory.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import sys
import threading
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from synopsis.errors import InputError
from synopsis.ingest import jsonl, read_articles
from synopsis.ingest.stream import HEAD_BYTES, bounded_lines, read_rest
from synopsis.types import Article

LIMIT = 200_000  # more than the head that format detection reads, far less than the default
PARAGRAPH = "Mentoring schemes for offenders grew quickly in England. We studied three of them closely. "


class Endless(io.RawIOBase):
    """/dev/zero as an object: counts what it hands out, so a test can see how much was read."""

    def __init__(self, byte: bytes = b"a") -> None:
        self.byte = byte
        self.served = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        buffer[:] = self.byte * len(buffer)
        self.served += len(buffer)
        return len(buffer)


class Capped(Endless):
    """An endless stream that fails a test reading far past its head, rather than filling memory."""

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        assert self.served < 1 << 20, "read on past the head"
        return super().readinto(buffer)


class Stdin:
    def __init__(self, buffer: io.BufferedIOBase) -> None:
        self.buffer = buffer


def items(path: str | Path, **kwargs: object) -> list[Article | InputError]:
    return list(read_articles(str(path), **kwargs))  # type: ignore[arg-type]


def only_error(found: list[Article | InputError]) -> InputError:
    assert len(found) == 1 and isinstance(found[0], InputError), found
    return found[0]


def in_thread(target: Callable[[], None], seconds: float = 30) -> None:
    """Run `target`, failing (not hanging the suite) if it blocks: a FIFO reopened would."""
    failure: list[BaseException] = []

    def run() -> None:
        try:
            target()
        except BaseException as err:
            failure.append(err)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "reading the input hung"
    if failure:
        raise failure[0]


def feed(path_or_fd: str | int, data: bytes) -> threading.Thread:
    """Write `data` into a FIFO or a pipe from another thread, as `cat file > fifo &` does."""

    def write() -> None:
        # BrokenPipeError: the reader stopped early, which is what a limit is for
        with open(path_or_fd, "wb") as handle, contextlib.suppress(BrokenPipeError):
            handle.write(data)

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    return thread


# ---- the limit: at most limit + 1 bytes are read ---------------------------------------------------


def test_endless_stdin_stops_one_byte_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    endless = Endless()
    monkeypatch.setattr(sys, "stdin", Stdin(io.BufferedReader(endless)))
    err = only_error(items("-", max_bytes=LIMIT))
    assert str(err) == "<stdin>: is at least 200.001 kB, over the 200 kB limit for one article (raise it with max_bytes)"
    assert (err.setting, err.value, err.limit) == ("max_bytes", LIMIT + 1, LIMIT)
    assert endless.served < LIMIT + 2 * 8192  # what was asked for, plus the BufferedReader's buffer


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_binary_device_is_refused_from_its_head() -> None:
    """Was: /dev/zero read to the limit (50 MB by default), then "is at least 50.000001 MB"."""
    err = only_error(items("/dev/zero", max_bytes=LIMIT))
    assert str(err) == "/dev/zero: looks like binary data (it contains NUL bytes), not text"


@pytest.mark.parametrize(
    ("byte", "message"),
    [
        (b"\x00", "<stdin>: looks like binary data (it contains NUL bytes), not text"),
        (b"\xff", "<stdin>: is not valid UTF-8 (byte 0xff at offset 0); save it as UTF-8 or name its encoding"),
        (b"\x01", "<stdin>: looks like binary data (many control characters), not text"),
    ],
)
@pytest.mark.parametrize("limit", [LIMIT, 0])
def test_an_endless_binary_stream_is_refused_after_its_head(
    monkeypatch: pytest.MonkeyPatch, byte: bytes, message: str, limit: int
) -> None:
    """Was: read to the limit before the bytes were looked at (50 MB of /dev/urandom by default),
    and forever with no limit (`max_bytes=0`)."""
    endless = Capped(byte)
    monkeypatch.setattr(sys, "stdin", Stdin(io.BufferedReader(endless)))
    assert str(only_error(items("-", max_bytes=limit))).startswith(message)
    assert endless.served <= HEAD_BYTES + 8192  # the head, plus the BufferedReader's buffer


def test_a_gzip_bomb_is_decompressed_only_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.txt.gz"
    with gzip.open(path, "wb", compresslevel=1) as handle:
        for _ in range(20):  # 20 MB of text in about 20 kB
            handle.write(b"the mentoring study works. " * 40_000)
    err = only_error(items(path, max_bytes=LIMIT))
    assert "is at least 200.001 kB, over the 200 kB limit for one article" in str(err)
    assert err.value == LIMIT + 1  # was the whole 21.6 MB, decompressed before the check


def test_a_plain_file_over_the_limit_is_refused_with_its_size_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 100_000)
    err = only_error(items(path, max_bytes=LIMIT))
    assert str(err) == f"{path}: is 500.0 kB, over the 200 kB limit for one article (raise it with max_bytes)"


def test_read_rest_never_asks_for_more_than_limit_plus_one() -> None:
    endless = Endless()
    data = read_rest(b"head", io.BufferedReader(endless, buffer_size=1), 10)
    assert data == b"head" + b"a" * 7 and endless.served == 7


def test_a_gz_input_under_the_limit_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt.gz"
    text = PARAGRAPH * 3000  # past the head
    path.write_bytes(gzip.compress(text.encode()))
    (article,) = items(path, max_bytes=LIMIT * 2)
    assert isinstance(article, Article) and article.text == text


def test_damaged_gzip_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt.gz"
    path.write_bytes(gzip.compress((PARAGRAPH * 100).encode())[:-30])
    err = only_error(items(path))
    assert str(err).startswith(f"{path}: is damaged compressed data (")


# ---- JSONL: one bounded line at a time ----------------------------------------------------------


def test_bounded_lines_cut_an_endless_line_and_go_on() -> None:
    parts = [b"one\nlo", b"n" * 30, b"g\ntwo", b"\nlast"]
    found = list(bounded_lines(parts, 10))
    assert found == [(b"one\n", 4), (b"lo" + b"n" * 9, 34), (b"two\n", 4), (b"last", 4)]


def test_a_jsonl_line_over_the_limit_is_an_error_and_the_next_line_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(jsonl, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "bomb.jsonl.gz"
    with gzip.open(path, "wb", compresslevel=1) as handle:
        for _ in range(20):  # one 20 MB line: held only to 1,001 bytes
            handle.write(b"\x00" * 1_000_000)
        handle.write(b"\n" + json.dumps({"id": "ok", "full_text": PARAGRAPH}).encode() + b"\n")
    tracemalloc.start()
    try:
        error, article = items(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert str(error) == f"{path}:1: line is 20000.0 kB, over the 1 kB limit for one article"
    assert peak < 8_000_000  # a few 1 MiB read chunks, not the line
    assert isinstance(article, Article) and article.id == "ok"


# ---- pipes and FIFOs: read once, nothing lost -------------------------------------------------------


def _jsonl_corpus(dev_sample: list[dict[str, str]]) -> bytes:
    data = b"".join(json.dumps(record).encode() + b"\n" for record in dev_sample)
    assert len(data) > HEAD_BYTES  # the bug lost exactly the head
    return data


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
@pytest.mark.parametrize("kind", ["text", "jsonl"])
def test_a_fifo_is_read_once_and_whole(tmp_path: Path, kind: str, dev_sample: list[dict[str, str]]) -> None:
    fifo = tmp_path / "input"
    os.mkfifo(fifo)
    data = (PARAGRAPH * 2000).encode() if kind == "text" else _jsonl_corpus(dev_sample)
    writer = feed(str(fifo), data)
    found: list[Article | InputError] = []
    in_thread(lambda: found.extend(read_articles(str(fifo))))
    writer.join(5)
    if kind == "text":
        (article,) = found
        assert isinstance(article, Article) and article.text == data.decode()
    else:
        assert [a.id for a in found if isinstance(a, Article)] == [r["id"] for r in dev_sample]


@pytest.mark.skipif(not Path("/dev/fd").is_dir(), reason="needs /dev/fd (process substitution, <(cat file))")
def test_a_pipe_by_name_keeps_its_first_lines(dev_sample: list[dict[str, str]]) -> None:
    read_end, write_end = os.pipe()
    writer = feed(write_end, _jsonl_corpus(dev_sample))
    try:
        found: list[Article | InputError] = []
        in_thread(lambda: found.extend(read_articles(f"/dev/fd/{read_end}")))
    finally:
        os.close(read_end)
    writer.join(5)
    assert [a.id if isinstance(a, Article) else str(a) for a in found] == [r["id"] for r in dev_sample]


def test_jsonl_on_stdin_is_streamed_not_limited_as_one_article(
    monkeypatch: pytest.MonkeyPatch, dev_sample: list[dict[str, str]]
) -> None:
    data = _jsonl_corpus(dev_sample)
    monkeypatch.setattr(sys, "stdin", Stdin(io.BufferedReader(io.BytesIO(data))))
    found = items("-", max_bytes=1000)  # a corpus is not one article: max_bytes does not apply to it
    assert [a.id for a in found if isinstance(a, Article)] == [r["id"] for r in dev_sample]
