"""Reading an input once, and never more of it than a limit allows.

Pipes, FIFOs and stdin can be read only once, and stdin, /dev/zero or a gzip bomb may never end
(or end only after gigabytes), so an input is opened once, its first bytes are kept in memory to
sniff the format, and the rest comes from the same handle: at most one byte more than the limit
(enough to know that it is over), or line by line with each line bounded.
"""

from __future__ import annotations

import codecs
import gzip
import zlib
from collections.abc import Iterable, Iterator
from typing import Protocol

# What format detection looks at; also what we read before knowing the format.
HEAD_BYTES = 65536
# One read: large enough to be fast, small enough that overshooting a limit costs little.
CHUNK_BYTES = 1 << 20


class ByteStream(Protocol):
    """What an input is read through: a file, stdin's buffer, a `gzip.GzipFile`."""

    def read(self, size: int = -1, /) -> bytes: ...


# What a damaged .gz raises part way: a bad CRC or bytes after its last member (BadGzipFile), a
# cut (EOFError), bad deflate data (zlib.error).
GZIP_DAMAGE: tuple[type[Exception], ...] = (gzip.BadGzipFile, EOFError, zlib.error)


class GzipInput:
    """A .gz read so that what it decompressed before its damage is returned, and the damage
    raised at the read after: `GzipFile.read(n)` drops what it had in hand when it fails, so the
    articles before a bad CRC or bytes after the last member went unsummarized (and unnamed),
    while `batch` read them. `damaged` says that data came before the error."""

    def __init__(self, handle: gzip.GzipFile) -> None:
        self.handle = handle
        self.error: Exception | None = None
        self.damaged = False

    def read(self, size: int = -1, /) -> bytes:
        if self.error is not None:
            self.damaged = True
            raise self.error
        parts: list[bytes] = []
        left = size
        while left < 0 or left > 0:
            try:
                part = self.handle.read1(CHUNK_BYTES if left < 0 else left)
            except GZIP_DAMAGE as err:
                if not parts:
                    raise
                self.error = err
                break
            if not part:
                break
            parts.append(part)
            left = left if left < 0 else left - len(part)
        return b"".join(parts)


def read_at_most(handle: ByteStream, size: int | None) -> bytes:
    """Up to `size` bytes (all of it when None), looping because a pipe returns what it has."""
    parts: list[bytes] = []
    left = size
    while left is None or left > 0:
        part = handle.read(CHUNK_BYTES if left is None else min(CHUNK_BYTES, left))
        if not part:
            break
        parts.append(part)
        if left is not None:
            left -= len(part)
        if isinstance(handle, GzipInput) and handle.error is not None:
            break  # what came before the damage, to be read as such; the next read raises it
    return b"".join(parts)


def read_rest(head: bytes, handle: ByteStream, limit: int | None) -> bytes:
    """`head` and what follows it in `handle`, at most `limit + 1` bytes in all (when a limit is
    given and the head has not passed it already), so that `len(result) > limit` says "too large"."""
    rest = read_at_most(handle, None if limit is None else max(0, limit + 1 - len(head)))
    if isinstance(handle, GzipInput) and handle.error is not None:
        # Read whole (a text, a record, a JSON document): a damaged .gz is refused, not read as far
        # as its damage (a review: a cut .txt.gz over 64 KB was summarized as if whole, exit 0).
        handle.damaged = True
        raise handle.error
    return head + rest


def chunks(head: bytes, handle: ByteStream) -> Iterator[bytes]:
    """`head`, then the rest of `handle` a chunk at a time."""
    if head:
        yield head
    while part := handle.read(CHUNK_BYTES):
        yield part


def bounded_lines(parts: Iterable[bytes], limit: int) -> Iterator[tuple[bytes, int]]:
    """The lines (split after each b"\\n", kept) of a byte stream, each with its size in bytes.

    A line longer than `limit` keeps only its first `limit + 1` bytes (its size still counts all
    of it): one endless line (a gzip bomb, /dev/zero) cannot fill memory, and the lines after it
    are still read.
    """
    pending = bytearray()
    size = 0
    for part in parts:
        start = 0
        while start < len(part):
            end = part.find(b"\n", start)
            stop = len(part) if end < 0 else end + 1
            room = limit + 1 - len(pending)
            if room > 0:
                pending += part[start : min(stop, start + room)]
            size += stop - start
            start = stop
            if end >= 0:
                yield bytes(pending), size
                pending.clear()
                size = 0
    if size:
        yield bytes(pending), size


def transcoded(parts: Iterable[bytes], codec: str) -> Iterator[bytes]:
    """The parts of a stream in `codec` (UTF-16 by its BOM, or an encoding the user named) as
    UTF-8, decoded as they arrive, so that a JSONL reader can split them into lines as it splits
    UTF-8. A byte sequence that is not `codec` raises UnicodeDecodeError where it is met."""
    decoder = codecs.getincrementaldecoder(codec)()
    for part in parts:
        try:
            text = decoder.decode(part)
        except UnicodeDecodeError as err:
            yield _before_error(decoder, err).encode("utf-8", "surrogatepass")
            raise
        if text:
            yield text.encode("utf-8", "surrogatepass")
    text = decoder.decode(b"", final=True)
    if text:
        yield text.encode("utf-8", "surrogatepass")


def _before_error(decoder: codecs.IncrementalDecoder, err: UnicodeDecodeError) -> str:
    """The text before the byte that failed, so that the lines before it are still read: the part
    of the failed input before it, given to the same decoder (a buffered one, such as UTF-16's,
    holds back its pending bytes, which the error's data starts with). "" when that fails too."""
    pending = getattr(decoder, "buffer", b"")
    data = err.object
    if not isinstance(data, bytes) or not data.startswith(pending) or err.start < len(pending):
        return ""
    try:
        return decoder.decode(data[len(pending) : err.start])
    except UnicodeDecodeError:
        return ""
