"""The file primitives batch output is built on: whole lines streamed, and files replaced
durably (written beside, fsynced, renamed over), so a crash leaves the old file or the new one.

Below `sink` and `parquet` both, so neither imports the other for them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from ..errors import SynopsisError


class SinkError(SynopsisError):
    """OUT cannot be used: damaged in the middle, locked by another run, written with other options."""


def temporary_for(path: Path) -> Path:
    """Where a new version of `path` is written before it replaces `path`."""
    return path.with_name(path.name + ".tmp")


def replace_durably(temporary: Path, path: Path) -> None:
    """Make `temporary` durable, then put it in place of `path` in one rename."""
    with temporary.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def write_atomically(path: Path, text: str) -> None:
    """Small state files: written whole or not at all."""
    temporary = temporary_for(path)
    temporary.write_text(text, encoding="utf-8")
    replace_durably(temporary, path)


def iter_lines(path: Path, *, start: int = 0) -> Iterator[tuple[int, bytes]]:
    """(offset, line) of every line from `start`, streamed."""
    with path.open("rb") as handle:
        handle.seek(start)
        offset = start
        for line in handle:
            yield offset, line
            offset += len(line)
