"""A file whose name holds a byte that is no UTF-8 (a Latin-1 name on a Linux disk): its id holds
that byte as a lone surrogate, which the JSONL output could not encode (a UnicodeEncodeError
traceback ended the run). The row keeps it as JSON's escape, and a re-run resumes it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

TEXT = (
    "The study measured sleep and memory in forty adults over two weeks. Participants who slept "
    "longer recalled more words. These results suggest that sleep supports memory.\n"
)


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes in a name")
def test_a_file_name_that_is_no_utf8_is_summarized_and_resumed(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"bad\xffname.txt"), "wb") as handle:
        handle.write(TEXT.encode())
    out = tmp_path / "out.jsonl"
    command = [sys.executable, "-m", "synopsis", "batch", str(folder), "-o", str(out)]
    first = subprocess.run(command, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    row = json.loads(out.read_bytes().decode("utf-8"))  # valid UTF-8, valid JSON
    assert row["id"] == "bad\udcffname" and row["sentences"]
    again = subprocess.run(command, capture_output=True, text=True, check=False)
    assert again.returncode == 0 and "0 done, 1 skipped" in again.stderr, again.stderr


def test_a_part_file_key_takes_a_file_names_undecodable_byte() -> None:
    """`--engine dask` names each shard's part file by a hash of its source: a file name's
    undecodable byte (a lone surrogate) ended the run with a UnicodeEncodeError."""
    import hashlib

    from synopsis.batch.sources import _key

    assert _key("corpus/bad\udcffname.txt", 0) != _key("corpus/badname.txt", 0)
    assert _key("corpus/bad\udcffname.txt", 0) == _key("corpus/bad\udcffname.txt", 0)
    # a valid name hashes as before, so an earlier run's part files are found again
    assert _key("corpus/a.txt", 0) == hashlib.sha1(b"corpus/a.txt\x1f0").hexdigest()[:10]


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes in a name")
def test_parquet_out_says_in_one_line_what_it_cannot_store(tmp_path: Path) -> None:
    """Parquet's strings are UTF-8: an id holding a file name's undecodable byte ended the run with
    a UnicodeEncodeError traceback. It is one line, exit 1, and the journal keeps every row."""
    pytest.importorskip("pyarrow")
    folder = tmp_path / "corpus"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"bad\xffname.txt"), "wb") as handle:
        handle.write(TEXT.encode())
    out = tmp_path / "out.parquet"
    done = subprocess.run(
        [sys.executable, "-m", "synopsis", "batch", str(folder), "-o", str(out)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "which Parquet cannot store" in done.stderr and "-o OUT.jsonl" in done.stderr
    assert not out.exists() and (tmp_path / "out.parquet.journal.jsonl").exists()
