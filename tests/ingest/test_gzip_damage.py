"""A .gz damaged after its first articles (a bad CRC, bytes after its last member): the articles
before the damage are summarized and the damage is said with where it is, as `batch` does."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from synopsis.errors import InputError
from synopsis.ingest import read_articles
from synopsis.types import Article

TEXT = "The mentoring study works. Mentors met their mentees every week for a year. "


def corpus(size: int) -> bytes:
    """Two JSONL lines of about `size` characters of text each, gzipped."""
    lines = [json.dumps({"id": name, "full_text": TEXT * (size // len(TEXT))}) + "\n" for name in ("a", "b")]
    return gzip.compress("".join(lines).encode())


def bad_crc(data: bytes) -> bytes:
    damaged = bytearray(data)
    damaged[-8] ^= 0xFF  # the CRC-32 of the gzip trailer
    return bytes(damaged)


def test_articles_before_bytes_after_the_last_member_are_read_and_the_damage_named(tmp_path: Path) -> None:
    """Was: nothing summarized and "cannot be read (Not a gzipped file (b'ju'))", as if the file
    were no gzip at all (a small file); a large one lost the articles of the last read."""
    for size in (1_000, 60_000):  # within the head that sniffs the format, and past it
        path = tmp_path / f"c{size}.jsonl.gz"
        path.write_bytes(corpus(size) + b"junk")
        *articles, error = list(read_articles(path))
        assert [article.id for article in articles if isinstance(article, Article)] == ["a", "b"]
        assert str(error) == (
            f"{path}:3: compressed data is damaged after line 2 (Not a gzipped file (b'ju')); the lines before it were read"
        )


def test_a_bad_crc_is_damage_after_the_lines_read(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(bad_crc(corpus(60_000)))
    *articles, error = list(read_articles(path))
    assert [article.id for article in articles if isinstance(article, Article)] == ["a", "b"]
    assert isinstance(error, InputError) and error.line == 3
    assert "compressed data is damaged after line 2 (CRC check failed" in str(error)


def test_a_damaged_text_gz_is_damaged_compressed_data_and_a_plain_file_named_gz_cannot_be_read(tmp_path: Path) -> None:
    damaged = tmp_path / "paper.txt.gz"
    damaged.write_bytes(gzip.compress((TEXT * 50).encode()) + b"junk")
    (error,) = read_articles(damaged)
    assert str(error) == f"{damaged}: is damaged compressed data (Not a gzipped file (b'ju'))"
    plain = tmp_path / "paper2.txt.gz"
    plain.write_bytes((TEXT * 50).encode())
    (error,) = read_articles(plain)
    assert str(error) == f"{plain}: cannot be read (Not a gzipped file (b'Th'))"


def test_summarize_prints_the_articles_before_the_damage_and_exits_1(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from synopsis.cli import app

    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(bad_crc(corpus(60_000)))
    result = CliRunner().invoke(app, ["summarize", "--words", "20", str(path)])
    assert result.exit_code == 1
    assert "# a\n" in result.stdout and "# b\n" in result.stdout
    assert result.stderr.count("\n") == 1 and "compressed data is damaged after line 2" in result.stderr


def test_a_damaged_text_or_json_gz_of_any_size_is_refused_whole(tmp_path: Path) -> None:
    """A review: a text or JSON document is read whole, and one over 64 KB whose damage came after
    the first read was summarized as if whole (exit 0); it is refused, as a small one is."""
    text = ("The study measured sleep and memory in forty adults over two weeks. " * 2_000).encode()
    document = json.dumps({"id": "a", "full_text": text.decode()}).encode()
    cases = {
        "cut.txt.gz": gzip.compress(text)[:-20],
        "crc.txt.gz": bad_crc(gzip.compress(text)),
        "tail.txt.gz": gzip.compress(text) + b"garbage",
        "crc.json.gz": bad_crc(gzip.compress(document)),
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        found = list(read_articles(str(path)))
        assert len(found) == 1 and isinstance(found[0], InputError), (name, found)
        assert "is damaged compressed data" in str(found[0]), (name, str(found[0]))
