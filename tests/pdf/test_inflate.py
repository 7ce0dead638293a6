"""A PDF whose streams inflate far past their size (a "flate bomb") is refused before PDFium reads
it, with one line: PDFium would hold the inflated stream in memory (2.6 GB for a 1.5 MB file)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdfgen import bomb_pdf
from synopsis.errors import InputError
from synopsis.ingest import read_articles
from synopsis.pdf import PdfOptions
from synopsis.pdf.inflate import TOTAL_FACTOR, inflation

# The limit the tests set, so that a bomb of a few megabytes stands for one of a gigabyte.
LIMIT = 200_000
CHAINS = [
    ("FlateDecode",),
    ("FlateDecode", "FlateDecode"),  # inflated twice: the first pass alone looks small
    ("ASCII85Decode", "FlateDecode"),
    ("LZWDecode",),
    ("RunLengthDecode",),
]


def _read(data: bytes, tmp_path: Path) -> InputError | object:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(data)
    [item] = list(read_articles(str(path), pdf=PdfOptions(max_inflated_bytes=LIMIT)))
    return item


@pytest.mark.parametrize("filters", CHAINS)
def test_a_stream_that_inflates_past_the_limit_is_refused_in_one_line(filters: tuple[str, ...], tmp_path: Path) -> None:
    data = bomb_pdf(2 * LIMIT, filters=filters)
    assert len(data) < LIMIT // 20  # small on disk: the size check alone cannot see it
    error = _read(data, tmp_path)
    assert isinstance(error, InputError), error
    # Counted until it passes the limit: "at least" the size counted by then.
    expected = (
        r"has a compressed stream that inflates to at least [\d.]+ [kM]B, over the 200 kB limit for one stream "
        r"\(a compression bomb\?\)"
    )
    assert re.fullmatch(re.escape(f"{tmp_path / 'bomb.pdf'}: ") + expected, str(error)), str(error)


@pytest.mark.parametrize("filters", CHAINS)
def test_streams_under_the_limit_are_counted_exactly(filters: tuple[str, ...]) -> None:
    data = bomb_pdf(LIMIT // 2, filters=filters)
    content = LIMIT // 2 + len(b"BT /F1 10 Tf 56 780 Td (Hello) Tj ET\n")
    if len(filters) == 1:
        assert inflation(data, LIMIT).largest == content
    else:  # each step's output is counted: the last one's, and the smaller ones before it
        assert content < inflation(data, LIMIT).largest < content + len(data)


def test_a_chain_whose_first_step_inflates_past_the_limit_is_stopped_there() -> None:
    """Flate, then ASCIIHex (which needs its input whole): the hex text Flate inflates to is
    counted as it comes, so it is never held whole past the limit."""
    data = bomb_pdf(2 * LIMIT, filters=("FlateDecode", "ASCIIHexDecode"))
    assert len(data) < LIMIT // 20
    assert LIMIT < inflation(data, LIMIT).largest <= LIMIT + (1 << 20)


def test_an_image_is_not_counted_reading_text_never_decodes_it(tmp_path: Path) -> None:
    data = bomb_pdf(2 * LIMIT, image=True)
    assert inflation(data, LIMIT).largest == 0
    error = _read(data, tmp_path)
    assert "compression bomb" not in str(error)


def test_the_limit_is_a_checked_option() -> None:
    with pytest.raises(ValueError, match="max_inflated_bytes"):
        PdfOptions(max_inflated_bytes=-1)


def test_streams_each_under_the_limit_pass_and_only_many_times_it_in_all_are_refused(tmp_path: Path) -> None:
    """PDFium holds one stream at a time: three streams of 60% of the limit are a normal document
    (a thesis's pages), however their sum compares with the limit; only a sum past sixteen times
    the limit (time spent inflating) is refused, in one line that says so."""
    three = b"".join(bomb_pdf(LIMIT * 6 // 10) for _ in range(3))
    found = inflation(three, LIMIT)
    assert found.largest < LIMIT < found.total < TOTAL_FACTOR * LIMIT
    many = b"".join(bomb_pdf(LIMIT * 9 // 10) for _ in range(TOTAL_FACTOR + 2))
    found = inflation(many, LIMIT)
    assert found.largest < LIMIT and found.total > TOTAL_FACTOR * LIMIT
    error = _read(many, tmp_path)
    assert isinstance(error, InputError) and "in all (a compression bomb?)" in str(error), error
    assert "compression bomb" not in str(_read(bomb_pdf(LIMIT * 6 // 10), tmp_path))  # "Hello" alone: no text layer
