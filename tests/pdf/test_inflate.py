"""A PDF whose streams inflate far past their size (a "flate bomb") is refused before PDFium reads
it, with one line: PDFium would hold the inflated stream in memory (2.6 GB for a 1.5 MB file)."""

from __future__ import annotations

import base64
import re
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdfgen import _raw_pdf, bomb_pdf
from synopsis.errors import InputError
from synopsis.ingest import read_articles
from synopsis.pdf import PdfOptions
from synopsis.pdf.inflate import MAX_STREAMS, PYTHON_DECODED_BYTES, TOTAL_FACTOR, inflation

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


# A review's ways to shape a bomb that PDFium reads but a scan of dictionaries by regex missed.
_CONTENT = b"BT /F1 24 Tf 56 780 Td (HELLOBOMB) Tj ET\n" + b" " * (2 * LIMIT)
_Z = zlib.compress(_CONTENT, 9)


def _one_page(stream: bytes, extra: tuple[bytes, ...] = ()) -> bytes:
    return _raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
            stream,
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            *extra,
        ]
    )


def _fake_endstream_zlib() -> bytes:
    """zlib data whose first (stored) block holds the bytes "endstream", then the bomb."""
    block = b"endstream "
    stored = b"\x00" + len(block).to_bytes(2, "little") + (len(block) ^ 0xFFFF).to_bytes(2, "little") + block
    raw = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = b"\x78\x9c" + stored + raw.compress(_CONTENT) + raw.flush() + zlib.adler32(block + _CONTENT).to_bytes(4, "big")
    assert zlib.decompress(data) == block + _CONTENT
    return data


@pytest.mark.parametrize(
    "make",
    [
        lambda: _one_page(b"<< /Length %d /Filter 6 0 R >>\nstream\n" % len(_Z) + _Z + b"\nendstream", (b"/FlateDecode",)),
        lambda: _one_page(b"<< /Length %d /Filter /Fl#61teDecode >>\nstream\n" % len(_Z) + _Z + b"\nendstream"),
        lambda: _one_page(b"<< /Length %d /Filter %%x\n/FlateDecode >>\nstream\n" % len(_Z) + _Z + b"\nendstream"),
        lambda: _one_page(
            b"<< /X << /Filter /DCTDecode >> /Length %d /Filter /FlateDecode >>\nstream\n" % len(_Z) + _Z + b"\nendstream"
        ),
        lambda: _one_page(b"<< /Length %d /Filter /FlateDecode >>%%c\nstream\n" % len(_Z) + _Z + b"\nendstream"),
        lambda: _one_page(
            b"<< /Length 6 0 R /Filter /FlateDecode >>\nstream\n" + _fake_endstream_zlib() + b"\nendstream",
            (b"%d" % len(_fake_endstream_zlib()),),
        ),
        lambda: _one_page(
            b"<< /Length 1 /Filter /FlateDecode /Length %d >>\nstream\n" % len(_fake_endstream_zlib())
            + _fake_endstream_zlib()
            + b"\nendstream"
        ),
    ],
    ids=["indirect", "escaped", "comment", "decoy", "comment-before", "fake-end", "two-lengths"],
)
def test_a_bomb_behind_a_dictionary_trick_is_still_counted(make: Callable[[], bytes]) -> None:
    """PDFium reads each of these (the page's text is "HELLOBOMB") and inflates the stream; the
    count sees it too: the data start as zlib data, whatever the dictionary says."""
    assert inflation(make(), LIMIT).largest > LIMIT


def test_an_attachment_without_its_type_is_not_counted() -> None:
    """An embedded file's stream (a review: a CSV twice the limit, with /Params and a MIME type but
    no /Type) is never decoded to read the text."""
    csv = b"id,value\n" + b"".join(b"%d,%d\n" % (i, i * 7 % 1000) for i in range(40_000))
    packed = zlib.compress(csv)
    data = _one_page(
        b"<< /Length 5 >>\nstream\nBT ET\nendstream",
        (
            b"<< /Subtype /text#2Fcsv /Length %d /Filter /FlateDecode /Params << /Size %d >> >>\nstream\n"
            % (len(packed), len(csv))
            + packed
            + b"\nendstream",
        ),
    )
    assert inflation(data, len(csv) // 2).largest == 0


@pytest.mark.parametrize("token", [b">>stream\n", b"1 0 obj<</Filter/FlateDecode>>stream\n"], ids=["no-obj", "no-endstream"])
def test_the_scan_is_linear_in_the_file(token: bytes) -> None:
    """A review: a file of stream keywords without "obj" was read from its start at each one, one
    without "endstream" copied the file's rest at each (191 s for 400 kB; 115 s for 2 MB)."""
    data = b"%PDF-1.4\n" + token * (1_000_000 // len(token))
    started = time.perf_counter()
    inflation(data, 256_000_000)
    assert time.perf_counter() - started < 10


def test_the_filters_decoded_in_python_read_a_bounded_amount() -> None:
    """A review: 40 MB of ASCII85 "z" (four zero bytes each) behind Flate took 3.6 GB and 10 s to
    count, and RunLength behind Flate 40 s: the Python decoders read at most PYTHON_DECODED_BYTES."""
    packed = zlib.compress(b"z" * 20_000_000, 9)
    data = b"%%PDF-1.4\n4 0 obj\n<< /Length %d /Filter [/FlateDecode /ASCII85Decode] >>\nstream\n" % len(packed) + packed
    data += b"\nendstream\nendobj\n%%EOF\n"
    started = time.perf_counter()
    found = inflation(data, 256_000_000)
    assert time.perf_counter() - started < 10
    assert found.largest <= 20_000_000 + 4 * PYTHON_DECODED_BYTES + (1 << 20)


@pytest.mark.parametrize(
    ("before", "after"),
    [(b">>", b"stream \n"), (b">>", b"stream%junk\n"), (b">>\x00", b"stream\n"), (b">>\x0c", b"stream\n")],
    ids=["space-after", "comment-after", "nul-before", "form-feed-before"],
)
def test_the_stream_keyword_as_pdfium_reads_it(before: bytes, after: bytes) -> None:
    """A review: PDFium skips the rest of the keyword's line and takes NUL and form feed for white
    space; the screen started the data at the space (or found no keyword) and counted nothing."""
    stream = b"<< /Length %d /Filter /FlateDecode " % len(_Z) + before + after + _Z + b"\nendstream"
    assert inflation(_one_page(stream), LIMIT).largest > LIMIT


@pytest.mark.parametrize("filler", [b">>" + b"%" * 40, b">>" + b"% " * 40, b"<< /X " + b"\\(" * 30_000 + b" >>"])
def test_hostile_dictionaries_cost_no_time(filler: bytes) -> None:
    """A review: a run of "%" after ">>" was split into comments in 2^n ways (minutes for 30), and a
    run of "\\(" made cutting strings out quadratic (30 s for one 64 KB dictionary)."""
    data = b"%PDF-1.4\n" + (filler + b"\nBT ET\n") * 3  # no keyword after them: every way to match is tried
    started = time.perf_counter()
    inflation(data, LIMIT)
    assert time.perf_counter() - started < 2


def test_a_file_of_more_streams_than_any_article_is_refused(tmp_path: Path) -> None:
    """A review: past 200,000 stream keywords the rest went uncounted, so a bomb passed behind them."""
    data = bomb_pdf(2 * LIMIT).replace(b"%PDF-1.4\n", b"%PDF-1.4\n" + b">>stream\n" * (MAX_STREAMS + 1), 1)
    assert inflation(data, LIMIT).streams > MAX_STREAMS
    error = _read(data, tmp_path)
    assert isinstance(error, InputError) and f"has over {MAX_STREAMS:,} streams" in str(error), error


def test_an_ascii_hex_decoy_does_not_spend_the_budget_a_bomb_needs() -> None:
    """ASCIIHex is decoded by C code and reads no Python budget: a 1.1 MB decoy before an ASCII85 +
    Flate bomb (the common Distiller form) left the bomb uncounted."""
    decoy = b"<< /Length 1200000 /Filter /ASCIIHexDecode >>\nstream\n" + b"00 " * 400_000 + b">\nendstream"
    packed = base64.a85encode(_Z) + b"~>"
    bomb = b"<< /Length %d /Filter [/ASCII85Decode /FlateDecode] >>\nstream\n" % len(packed) + packed + b"\nendstream"
    assert inflation(_one_page(bomb, (decoy,)), LIMIT).largest > LIMIT


@pytest.mark.parametrize("key", [b"/Subtype /Image", b"/Params 0", b"/Type /Metadata", b"/X << /Subtype /Image >>"])
def test_a_pages_contents_count_whatever_keys_they_carry(key: bytes) -> None:
    """A review: a skip key added to a bomb's content stream (PDFium decodes a page's /Contents
    whatever else its dictionary says) made the screen count nothing."""
    stream = b"<< /Length %d /Filter /FlateDecode " % len(_Z) + key + b" >>\nstream\n" + _Z + b"\nendstream"
    assert inflation(_one_page(stream), LIMIT).largest > LIMIT


def test_a_run_of_contents_keys_costs_linear_time() -> None:
    data = b"%PDF-1.4\n" + b"/Contents [" * 1_000_000
    started = time.perf_counter()
    inflation(data, LIMIT)
    assert time.perf_counter() - started < 5


def test_numbers_too_long_for_an_int_are_no_crash(tmp_path: Path) -> None:
    """A review: a reference or a /Length of 5,000 digits made int() raise ("please report this PDF")."""
    long = b"1" * 5000
    stream = b"<< /Length " + long + b" /Filter /FlateDecode >>\nstream\n" + _Z + b"\nendstream"
    run_length = b"<< /Length " + long + b" /Filter /RunLengthDecode >>\nstream\n\x00A\x80\nendstream"
    data = _one_page(stream, (b"<< /Contents " + long + b" 0 R >>", run_length))
    assert inflation(data, LIMIT).largest > LIMIT  # zlib data: counted to their own end
