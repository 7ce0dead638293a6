"""Text that remembers where each character came from.

Cleaning deletes and rewrites parts of the input, yet every sentence must still point at its place
in the original input. `Tracked` carries, for every character of the current text, the index of the
original character it came from; every cleaning step is a list of `Edit`s applied in one pass, so
no step has to think about offsets.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray


def stripped_bounds(text: str, start: int = 0, end: int | None = None) -> tuple[int, int]:
    """`[start, end)` narrowed to exclude leading and trailing whitespace (offsets, not a copy,
    so that the stripped part can still be mapped back to the original)."""
    end = len(text) if end is None else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace `text[start:end]` with `replacement` (empty to delete)."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True, slots=True)
class Tracked:
    """A text and, per character, its index in the original input.

    `origin` has one entry more than `text`: the original index just past the last character, so
    that a span `[i, j)` of the text maps to `[origin[i], ends[j - 1])` of the original. `ends`
    holds, per character, the original index just past what it came from; None (the usual case)
    means `origin + 1`: only a character composed of several ("e" + U+0301 -> "é", `apply(...,
    whole=True)`) ends further on, so that a span that ends with it takes in its accent.
    """

    text: str
    origin: NDArray[np.int64]
    ends: NDArray[np.int64] | None = None

    @classmethod
    def of(cls, text: str, start: int = 0) -> Tracked:
        return cls(text, np.arange(start, start + len(text) + 1, dtype=np.int64))

    def end_of(self, i: int) -> int:
        """The original index just past what character `i` came from."""
        return int(self.origin[i]) + 1 if self.ends is None else int(self.ends[i])

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original `[start, end)` of the text slice `[start, end)`; empty slices stay empty."""
        if end <= start:
            return int(self.origin[start]), int(self.origin[start])
        return int(self.origin[start]), int(self.origin[end - 1]) + 1 if self.ends is None else int(self.ends[end - 1])

    def slice(self, start: int, end: int) -> Tracked:
        """The part `[start, end)`, still pointing into the same original."""
        if end > start and self.origin[end] == self._slice_end(end):
            # The character after it starts where a slice would end (the usual case: nothing was
            # removed right after it): a view of `origin`, not a copy (0.15 ms of an 8k-word article).
            if start == 0 and end == len(self.text):
                return self  # the whole text (paragraphs mostly are)
            ends = None if self.ends is None else self.ends[start:end]
            return Tracked(self.text[start:end], self.origin[start : end + 1], ends)
        origin = np.empty(max(0, end - start) + 1, dtype=np.int64)
        origin[:-1] = self.origin[start:end]
        if self.ends is None:
            origin[-1] = self.origin[end - 1] + 1 if end > start else self.origin[start]
            return Tracked(self.text[start:end], origin)
        origin[-1] = self.ends[end - 1] if end > start else self.origin[start]
        return Tracked(self.text[start:end], origin, self.ends[start:end])

    def _slice_end(self, end: int) -> int:
        """The last origin entry of a slice that ends at `end` (and starts before it)."""
        return int(self.origin[end - 1]) + 1 if self.ends is None else int(self.ends[end - 1])

    def apply(self, edits: Iterable[Edit], *, whole: bool = False) -> Tracked:
        """Apply non-overlapping edits; overlapping ones are skipped (first come, first served).

        A replacement of the same length maps character by character (e.g. a newline turned into a
        space keeps its exact origin); any other replacement maps all its characters to the start
        of what it replaced, or, with `whole`, to all of what it replaced (a composed letter: its
        span ends past its accent).
        """
        ordered = sorted(edits, key=lambda e: (e.start, e.end))
        if not ordered:
            return self
        keep_ends = whole or self.ends is not None
        parts: list[str] = []
        origins: list[NDArray[np.int64]] = []
        ends: list[NDArray[np.int64]] = []
        cursor = 0
        for edit in ordered:
            if edit.start < cursor or edit.end < edit.start:
                continue
            parts.append(self.text[cursor : edit.start])
            origins.append(self.origin[cursor : edit.start])
            if keep_ends:
                ends.append(self.ends_of(cursor, edit.start))
            if edit.replacement:
                if len(edit.replacement) == edit.end - edit.start:
                    origins.append(self.origin[edit.start : edit.end])
                    if keep_ends:
                        ends.append(self.ends_of(edit.start, edit.end))
                else:
                    origins.append(np.full(len(edit.replacement), self.origin[edit.start]))
                    if keep_ends:
                        last = edit.end - 1 if whole and edit.end > edit.start else edit.start
                        end = self.end_of(last) if last < len(self.text) else int(self.origin[last]) + 1
                        ends.append(np.full(len(edit.replacement), end, dtype=np.int64))
                parts.append(edit.replacement)
            cursor = edit.end
        parts.append(self.text[cursor:])
        origins.append(self.origin[cursor:])
        if keep_ends:
            ends.append(self.ends_of(cursor, len(self.text)))
        joined = np.concatenate(ends).astype(np.int64, copy=False) if keep_ends else None
        return Tracked("".join(parts), np.concatenate(origins).astype(np.int64, copy=False), joined)

    def ends_of(self, start: int, end: int) -> NDArray[np.int64]:
        """`ends` of the characters `[start, end)`, made from `origin` where there is none."""
        return self.origin[start:end] + 1 if self.ends is None else self.ends[start:end]

    def translate(self, table: dict[int, int]) -> Tracked:
        """`str.translate` by a one-character-for-one table: every character keeps its origin, so
        no `Edit` is made per character (a text of millions of them stays one C call)."""
        text = self.text.translate(table)
        if len(text) != len(self.text):
            raise ValueError("Tracked.translate needs a table of one character for one")
        return self if text == self.text else Tracked(text, self.origin, self.ends)

    def sub(self, pattern: re.Pattern[str], replacement: str | Callable[[re.Match[str]], str], *, whole: bool = False) -> Tracked:
        """`re.sub` that keeps the origins (the callable form may return the match unchanged);
        `whole` as in `apply`."""
        edits = []
        for match in pattern.finditer(self.text):
            new = replacement(match) if callable(replacement) else match.expand(replacement)
            if new != match.group(0):
                edits.append(Edit(match.start(), match.end(), new))
        return self.apply(edits, whole=whole)
