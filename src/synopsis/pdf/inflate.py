"""How many bytes a PDF's compressed streams inflate to, counted before PDFium reads them.

Why: a page's content stream may be a "flate bomb", a few megabytes that inflate to a gigabyte of
spaces. PDFium inflates a whole stream into memory when it loads the page (up to 1 GiB a stream,
then about 2.5 GB of memory for it) and aborts the process where memory is capped, so the size is
checked here first: each stream the reader would inflate (page contents, forms, fonts, object and
cross-reference streams; not images, embedded files or metadata, which reading text never
decodes) is inflated in chunks that are counted and dropped, and a document with a stream that
inflates to more than the limit (or all of whose streams come to many times it) is refused. Its
cost for a normal article is one pass of zlib over its compressed text and fonts (a few ms per
megabyte).

Not covered: streams of an encrypted PDF (decrypted only by PDFium), and amplification without a
large stream (one form drawn many times); the per-page character limit and time limit are the
guards there.
"""

from __future__ import annotations

import base64
import binascii
import re
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# A stream's data follow its dictionary's `>>`, the keyword and one end of line.
_STREAM = re.compile(rb">>\s*stream(?:\r\n|\n|\r)?")
_OBJ = re.compile(rb"\bobj\b")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_LENGTH = re.compile(rb"/Length\s+(\d+)\b(?!\s+\d+\s+R)")
# Streams that extracting text never inflates: their size is no cost of reading the article.
_NOT_READ = re.compile(rb"/Subtype\s*/Image\b|/Type\s*/(?:EmbeddedFile|Metadata)\b")
# How far back a stream's dictionary may start (a palette or decode array makes it long).
_DICT_WINDOW = 65536
# Inflated in pieces of at most this many bytes, so counting costs no more memory than one piece.
CHUNK = 1 << 20
# The filters a stream of text or fonts may use (PDF's abbreviations for them, as inline images use
# them, are read too); any other is an image coding, which reading text never decodes.
_SHORT = {
    b"Fl": b"FlateDecode",
    b"LZW": b"LZWDecode",
    b"RL": b"RunLengthDecode",
    b"AHx": b"ASCIIHexDecode",
    b"A85": b"ASCII85Decode",
}
_DECODED = frozenset(_SHORT.values())


# PDFium inflates one stream at a time and lets it go with its page, so its memory follows the
# largest stream; the sum over all streams, up to this many times the limit, bounds the time that
# inflating takes (here and then in PDFium).
TOTAL_FACTOR = 16


@dataclass(frozen=True, slots=True)
class Inflation:
    """What a PDF's streams inflate to: the largest stream and all of them, each decoding step's
    output counted (PDFium holds each step's output: Flate, then RunLength, holds both)."""

    largest: int
    total: int


class _Count:
    """Bytes produced so far by every decoding step of one stream; it stops the decoding as soon as
    it passes the limit (so a step that needs its input whole never gets more)."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.total = 0

    def __call__(self, chunks: Iterable[bytes]) -> Iterator[bytes]:
        for chunk in chunks:
            self.total += len(chunk)
            yield chunk
            if self.total > self.limit:
                return


def inflation(data: bytes, limit: int) -> Inflation:
    """What `data`'s streams inflate to, each stream counted up to just past `limit` and all of
    them up to just past `TOTAL_FACTOR` × `limit` (the counting stops as soon as either passes)."""
    largest = total = 0
    for start, end, filters in _streams(data):
        count = _Count(limit)
        for _ in _decoded([data[start:end]], filters, count):
            if count.total > limit:
                break
        largest, total = max(largest, count.total), total + count.total
        if largest > limit or total > TOTAL_FACTOR * limit:
            break
    return Inflation(largest, total)


def _streams(data: bytes) -> Iterator[tuple[int, int, list[bytes]]]:
    """(start, end, filters) of each stream that reading text inflates."""
    for match in _STREAM.finditer(data):
        head = data.rfind(b"obj", max(0, match.start() - _DICT_WINDOW), match.start())
        found = list(_OBJ.finditer(data, max(0, head - 3), match.start()))
        dictionary = data[found[-1].end() if found else max(0, match.start() - _DICT_WINDOW) : match.start()]
        if _NOT_READ.search(dictionary):
            continue
        filters = _filters(dictionary)
        if not filters or filters[0] not in _DECODED:
            continue  # stored as is, or an image coding: no larger inflated
        start = match.end()
        length = _LENGTH.search(dictionary)
        end = start + int(length.group(1)) if length else -1
        if end < 0 or end > len(data) or b"endstream" not in data[end : end + 32]:
            end = data.find(b"endstream", start)
            end = len(data) if end < 0 else end
        yield start, end, filters


def _filters(dictionary: bytes) -> list[bytes]:
    found = _FILTER.search(dictionary)
    if found is None:
        return []
    return [_SHORT.get(name, name) for name in _NAME.findall(found.group(1))]


def _decoded(chunks: Iterable[bytes], filters: list[bytes], count: _Count) -> Iterator[bytes]:
    """The stream's data decoded through `filters` in pieces, each step's output counted; a filter
    that fails ends the data where it failed (PDFium keeps what it decoded too), one that inflates
    nothing stops the chain."""
    for name in filters:
        if name == b"FlateDecode":
            chunks = count(_inflate(chunks))
        elif name == b"LZWDecode":
            chunks = count(_lzw(chunks))
        elif name == b"RunLengthDecode":
            chunks = count(_run_length(chunks))
        elif name in (b"ASCIIHexDecode", b"ASCII85Decode"):
            chunks = count(_ascii(chunks, name))
        else:
            break
    return iter(chunks)


def _inflate(chunks: Iterable[bytes]) -> Iterator[bytes]:
    inflater = zlib.decompressobj()
    try:
        for chunk in chunks:
            while chunk and not inflater.eof:
                out = inflater.decompress(chunk, CHUNK)
                chunk = inflater.unconsumed_tail
                if out:
                    yield out
            if inflater.eof:
                return
    except zlib.error:
        return


def _run_length(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """RunLength decoded piece by piece (a run cut by a piece's end waits for the next piece), so
    that a chain after Flate never holds the inflated data whole."""
    data = b""
    out = bytearray()
    for chunk in chunks:
        data += chunk
        i = 0
        while i < len(data):
            code = data[i]
            if code == 128:
                yield bytes(out)
                return
            size = 2 + code if code < 128 else 2
            if i + size > len(data):
                break  # the run continues in the next piece
            out += data[i + 1 : i + size] if code < 128 else data[i + 1 : i + 2] * (257 - code)
            i += size
            if len(out) >= CHUNK:
                yield bytes(out)
                out.clear()
        data = data[i:]
    out += data[1:]  # a literal run cut short by the data's end: what is there
    yield bytes(out)


def _lzw(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """LZW as PDF uses it (codes of 9 to 12 bits, EarlyChange 1), read piece by piece."""
    table = [bytes([i]) for i in range(256)] + [b"", b""]
    bits, buffer, width, previous = 0, 0, 9, b""
    out = bytearray()
    for byte in (byte for chunk in chunks for byte in chunk):
        buffer = (buffer << 8) | byte
        bits += 8
        while bits >= width:
            bits -= width
            code = (buffer >> bits) & ((1 << width) - 1)
            if code == 256:
                table, width, previous = table[:258], 9, b""
                continue
            if code == 257:
                yield bytes(out)
                return
            if code < len(table):
                entry = table[code]
            elif code == len(table) and previous:
                entry = previous + previous[:1]
            else:
                yield bytes(out)
                return
            if previous and len(table) < 4096:
                table.append(previous + entry[:1])
            previous = entry
            out += entry
            width = min(12, (len(table) + 1).bit_length())
            if len(out) >= CHUNK:
                yield bytes(out)
                out.clear()
        buffer &= (1 << bits) - 1
    yield bytes(out)


def _ascii(chunks: Iterable[bytes], name: bytes) -> Iterator[bytes]:
    """ASCIIHex and ASCII85 make data smaller, never larger: decoded whole (their input is the
    file's bytes, or a previous step's output that the count has already held to the limit)."""
    data = b"".join(chunks)
    try:
        if name == b"ASCIIHexDecode":
            text = re.sub(rb"\s+", b"", data.split(b">", 1)[0])
            yield binascii.unhexlify(text + b"0" * (len(text) % 2))
        else:
            yield base64.a85decode(data.split(b"~>", 1)[0].strip().removeprefix(b"<~"), ignorechars=b" \t\n\r\f\v\x00")
    except ValueError:
        return
