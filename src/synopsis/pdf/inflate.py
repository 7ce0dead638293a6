"""How many bytes a PDF's compressed streams inflate to, counted before PDFium reads them.

Why: a page's content stream may be a "flate bomb", a few megabytes that inflate to a gigabyte of
spaces. PDFium inflates a whole stream into memory when it loads the page (up to 1 GiB a stream,
then about 2.5 GB of memory for it) and aborts the process where memory is capped, so the size is
checked here first: each stream the reader would inflate (page contents, forms, fonts, object and
cross-reference streams; not images, embedded files or metadata, which reading text never
decodes) is inflated in chunks that are counted and dropped, and a document with a stream that
inflates to more than the limit (or all of whose streams come to many times it) is refused. Its
cost is linear in the file: one forward pass over its bytes, zlib over its compressed text and
fonts (a few ms per megabyte), and at most `PYTHON_DECODED_BYTES` through the filters decoded here
in Python (LZW, RunLength, ASCII85; rare in articles), past which those go uncounted.

This is a screen of the file's bytes against the ordinary bomb, not PDFium's parser nor a defence
against a file made to pass it: a stream whose data start as zlib data is counted whatever its
filter says (an indirect /Filter, escaped or commented names), and a page's contents, fonts and
their maps whatever other keys they carry; but another stream whose dictionary carries an image's,
attachment's or metadata's key is skipped as one, and streams of an encrypted
PDF (decrypted only by PDFium), inline images inside a content stream and amplification without a
large stream (one form drawn many times) are not counted; the per-page character limit, the time
limit and, in the server, each worker's memory cap are the guards there.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

# A stream's data follow its dictionary's `>>`, the keyword and one end of line.
# PDF's white space (NUL too) or a comment of one line may stand between `>>` and the keyword, and
# the rest of the keyword's line is skipped, as PDFium does ("stream \n", "stream%x\n"); a comment
# must end its line within 256 bytes, so each `>>` is looked at in bounded time (a review: the
# first form split a run of "%" into comments in 2^n ways, and ran for minutes on 30 of them).
_STREAM = re.compile(rb">>(?:[\0\t\n\f\r ]|%[^\r\n]{0,256}[\r\n]){0,64}stream(?:[^\r\n]{0,256}?(?:\r\n|\n|\r))?")
_FILTER = re.compile(rb"/Filter\s*(\[[^\]]*\]|/[^\s/\[\]<>()]+)")
_NAME = re.compile(rb"/([^\s/\[\]<>()]+)")
_LENGTH = re.compile(rb"/Length\s+(\d{1,12})\b(?!\s+\d+\s+R)")  # 12 digits: past any file, and int() takes it
_ESCAPE = re.compile(rb"#([0-9A-Fa-f]{2})")
_COMMENT = re.compile(rb"%[^\r\n]*")
# Streams that extracting text never inflates: their size is no cost of reading the article. An
# attachment's stream may lack its /Type but has /Params or a MIME type as /Subtype (a review: a
# CSV attached twice the limit's size was refused as a bomb).
_NOT_READ = re.compile(rb"/Subtype\s*/Image\b|/Type\s*/(?:EmbeddedFile|Metadata)\b|/Params\b|/Subtype\s*/[\w.+-]+/")
# Objects PDFium decodes to read text whatever other keys their dictionaries carry: a page's
# contents, a font's program and its ToUnicode map (referenced as `N 0 R`), object and
# cross-reference streams. A skip key in such a dictionary ("/Subtype /Image" added to a bomb's
# content stream, a review found) does not make it unread.
# (An array of references is matched token by token, so a run of "/Contents [" costs linear time;
# numbers of at most 10 digits, as object numbers are: int() refuses 4,300 digits, a review found.)
_READ_REFERENCE = re.compile(
    rb"/(?:Contents|FontFile[23]?|ToUnicode)\s*(\[\s*(?:\d{1,10}\s+\d+\s+R\s*){1,256}\]|\d{1,10}\s+\d+\s+R)"
)
_REFERENCE = re.compile(rb"(\d{1,10})\s+\d+\s+R")
_OBJECT_NUMBER = re.compile(rb"(?<!\d)(\d{1,10})\s+\d+\s*\Z")
_ALWAYS_READ = re.compile(rb"/Type\s*/(?:ObjStm|XRef)\b")
# How far back a stream's dictionary may start (a palette or decode array makes it long); never
# before the previous stream's keyword, so that the whole scan reads each byte a bounded number of
# times (a review: a file of "obj"-less ">>stream" tokens was read from its start at each one).
_DICT_WINDOW = 65536
# Streams looked at, at most (a 1,000-page book has tens of thousands; a file of 5 million stream
# keywords would take minutes): a file with more is refused (a review: passing the rest uncounted
# let a bomb through behind 200,000 empty ones).
MAX_STREAMS = 200_000
# Inflated in pieces of at most this many bytes, so counting costs no more memory than one piece.
CHUNK = 1 << 20
# What the filters decoded here in Python (LZW, RunLength, ASCII85) may read in all, per
# document: a second or two of CPU at most; past it they are not counted (a review: 255 MB of
# RunLength after Flate took 40 s to count, 40 MB of ASCII85 "z" 3.6 GB).
PYTHON_DECODED_BYTES = 1 << 20
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
    streams: int = 0  # stream keywords seen, up to just past MAX_STREAMS


class _Count:
    """Bytes produced so far by every decoding step of one stream; it stops the decoding as soon as
    it passes the limit (so a step that needs its input whole never gets more). `python` is what the
    Python decoders may still read in the document (`PYTHON_DECODED_BYTES`)."""

    def __init__(self, limit: int, python: list[int]) -> None:
        self.limit = limit
        self.total = 0
        self.python = python

    def fed(self, chunks: Iterable[bytes | memoryview]) -> Iterator[bytes]:
        """`chunks` as far as the document's Python decoding budget reaches, as bytes."""
        for chunk in chunks:
            take = min(len(chunk), self.python[0])
            self.python[0] -= take
            if take:
                yield bytes(chunk[:take])
            if take < len(chunk):
                return

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
    python = [PYTHON_DECODED_BYTES]
    view = memoryview(data)
    seen = [0]
    for start, end, filters in _streams(data, seen):
        count = _Count(limit, python)
        for _ in _decoded(_pieces(view, start, end), filters, count):
            if count.total > limit:
                break
        largest, total = max(largest, count.total), total + count.total
        if largest > limit or total > TOTAL_FACTOR * limit:
            break
    return Inflation(largest, total, seen[0])


def _streams(data: bytes, seen: list[int]) -> Iterator[tuple[int, int, list[bytes]]]:
    """(start, end, filters) of each stream that reading text inflates, in one forward pass.

    A stream whose filters start with Flate, or whose data start as zlib data whatever its
    dictionary says, is read to the file's end: zlib data end themselves, so a wrong /Length or the
    word "endstream" inside the data cannot cut the count short."""
    following = -1  # the next "endstream" found so far: looked for only past it (linear, no list)
    references = itertools.islice(_READ_REFERENCE.finditer(data), MAX_STREAMS)  # bounded memory (a review)
    read = {int(number) for found in references for number in _REFERENCE.findall(found.group(1))}
    floor = 0
    for match in itertools.islice(_STREAM.finditer(data), MAX_STREAMS + 1):
        seen[0] += 1
        if seen[0] > MAX_STREAMS:
            return
        low = max(floor, match.start() - _DICT_WINDOW)
        floor = match.end()
        head = data.rfind(b"obj", low, match.start())
        dictionary = _plain(data[head + 3 if head >= 0 else low : match.start()])
        if _NOT_READ.search(dictionary) and not _ALWAYS_READ.search(dictionary):
            number = _OBJECT_NUMBER.search(data, max(low, head - 24), head) if head >= 0 else None
            if number is None or int(number.group(1)) not in read:
                continue
        start = match.end()
        filters = _filters(dictionary)
        if _zlib_header(data, start) and (not filters or filters[0] not in _DECODED):
            filters = [b"FlateDecode"]  # an indirect or decoy /Filter: the data say Flate
        if not filters or filters[0] not in _DECODED:
            continue  # stored as is, or an image coding: no larger inflated
        if filters[0] == b"FlateDecode":
            yield start, len(data), filters
            continue
        lengths = _LENGTH.findall(dictionary)
        end = start + int(lengths[-1]) if lengths else -1  # PDFium takes a key's last value
        if end < 0 or end > len(data) or b"endstream" not in data[end : end + 32]:
            if following < start:
                following = data.find(b"endstream", start)
                following = len(data) if following < 0 else following
            end = following
        yield start, end, filters


def _plain(dictionary: bytes) -> bytes:
    """A dictionary's keys and names as PDFium reads them: comments dropped, #xx escapes in names
    decoded ("/Fl#61teDecode" is /FlateDecode). (Strings are left in: cutting them out by regex was
    quadratic in a run of "(" — a review —, so a key written inside a string still counts.)"""
    return _ESCAPE.sub(lambda m: bytes([int(m.group(1), 16)]), _COMMENT.sub(b"", dictionary))


def _zlib_header(data: bytes, at: int) -> bool:
    """Whether zlib data (deflate, a window of up to 32 KB, its check bits right) start at `at`."""
    return at + 1 < len(data) and data[at] & 0x0F == 8 and data[at] >> 4 <= 7 and (data[at] * 256 + data[at + 1]) % 31 == 0


def _pieces(view: memoryview, start: int, end: int) -> Iterator[memoryview]:
    """`view[start:end]` in pieces, not copied (zlib reads them as they are), of 4 KB first and four
    times larger each up to `CHUNK`: a stream read "to the file's end" stops at its own end, and zlib
    copies what is left of the last piece (a review: 1 MB pieces cost 17 s over 200,000 small streams)."""
    size = 4096
    at = start
    while at < end:
        yield view[at : min(end, at + size)]
        at += size
        size = min(CHUNK, size * 4)


def _filters(dictionary: bytes) -> list[bytes]:
    found = _FILTER.search(dictionary)
    if found is None:
        return []
    return [_SHORT.get(name, name) for name in _NAME.findall(found.group(1))]


def _decoded(chunks: Iterable[bytes | memoryview], filters: list[bytes], count: _Count) -> Iterator[bytes | memoryview]:
    """The stream's data decoded through `filters` in pieces, each step's output counted; a filter
    that fails ends the data where it failed (PDFium keeps what it decoded too), one that inflates
    nothing stops the chain."""
    for name in filters:
        if name == b"FlateDecode":
            chunks = count(_inflate(chunks))
        elif name == b"LZWDecode":
            chunks = count(_lzw(count.fed(chunks)))
        elif name == b"RunLengthDecode":
            chunks = count(_run_length(count.fed(chunks)))
        elif name == b"ASCIIHexDecode":  # C-level work (a regex, unhexlify): no budget for a decoy to spend
            chunks = count(_hex(bytes(chunk) for chunk in chunks))
        elif name == b"ASCII85Decode":
            chunks = count(_a85(count.fed(chunks)))
        else:
            break
    return iter(chunks)


def _inflate(chunks: Iterable[bytes | memoryview]) -> Iterator[bytes]:
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


def _hex(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """ASCIIHex decoded piece by piece (half its input), up to its end mark ">"."""

    def prepare(text: bytes, first: bool) -> bytes:
        return re.sub(rb"\s+", b"", text)

    return _in_groups(chunks, b">", 2, prepare, binascii.unhexlify, lambda rest: binascii.unhexlify(rest + b"0"))


def _a85(chunks: Iterable[bytes]) -> Iterator[bytes]:
    """ASCII85 decoded piece by piece up to its end mark "~>": "z" stands for four zero bytes (so it
    may grow fourfold: a review's 40 MB of "z" took 3.6 GB decoded whole), each piece whole groups."""

    def prepare(text: bytes, first: bool) -> bytes:
        return re.sub(rb"\s+", b"", text.removeprefix(b"<~") if first else text).replace(b"z", b"!!!!!")

    return _in_groups(chunks, b"~>", 5, prepare, base64.a85decode, base64.a85decode)


def _in_groups(
    chunks: Iterable[bytes],
    end_mark: bytes,
    group: int,
    prepare: Callable[[bytes, bool], bytes],
    decode: Callable[[bytes], bytes],
    last: Callable[[bytes], bytes],
) -> Iterator[bytes]:
    """An ASCII filter decoded piece by piece: each piece's text up to `end_mark`, made plain by
    `prepare` (told whether it is the first piece), decoded in whole groups of `group` characters,
    the rest carried to the next piece; `last` decodes what is left at the end. Text out of the
    filter's alphabet ends the data where it stands (PDFium keeps what it decoded too)."""
    carry = b""
    try:
        for number, chunk in enumerate(chunks):
            text, end, _ = chunk.partition(end_mark)
            text = carry + prepare(text, number == 0)
            whole = len(text) - len(text) % group
            yield decode(text[:whole])
            carry = text[whole:]
            if end:
                break
        if carry:
            yield last(carry)
    except ValueError:
        return
