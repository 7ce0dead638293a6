"""What cleaning removes, and why: every removal keeps its reason and its spans of the input.

Nothing may be dropped silently: `synopsis extract --output json` lists each removal with its text,
and a summary's JSON counts them by reason. Each cleaning step tells the log what it deletes, in
offsets of the text it works on; the log keeps the original offsets, one span per run of input
characters (a deletion in text that earlier steps already thinned may cover several runs).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from .tracked import Edit, Tracked


@dataclass(frozen=True, slots=True)
class Removal:
    """`[start, end)` of the original input, removed as `reason` ("references", "email" ...)."""

    reason: str
    start: int
    end: int


class RemovalLog:
    """The removals of one cleaning run in the order made, and how many each reason made."""

    def __init__(self) -> None:
        self.items: list[Removal] = []
        self.counts: dict[str, int] = {}

    def add(self, reason: str, text: Tracked, start: int, end: int) -> None:
        """`text[start:end]` (offsets into `text`) goes, for `reason`."""
        self.counts[reason] = self.counts.get(reason, 0) + 1
        if end <= start:
            return
        origin = text.origin[start:end]
        if text.ends is None and int(origin[-1]) - int(origin[0]) == end - start - 1:  # one run of the input: the usual case
            self.items.append(Removal(reason, int(origin[0]), int(origin[-1]) + 1))
            return
        ends = text.ends_of(start, end)  # past each character's origin: past its accents for a composed one
        bounds = [0, *(np.flatnonzero(origin[1:] != ends[:-1]) + 1).tolist(), end - start]
        for a, b in pairwise(bounds):
            if not text.text[start + a : start + b].isspace():  # a space between two runs: no news
                self.items.append(Removal(reason, int(origin[a]), int(ends[b - 1])))

    def add_edits(self, reason: str, text: Tracked, edits: Iterable[Edit]) -> None:
        """Each deletion of `edits` (offsets into `text`) goes, for `reason`."""
        for edit in edits:
            self.add(reason, text, edit.start, edit.end)

    def add_original(self, reason: str, start: int, end: int) -> None:
        """`[start, end)` of the original input goes, for `reason`."""
        self.counts[reason] = self.counts.get(reason, 0) + 1
        if end > start:
            self.items.append(Removal(reason, start, end))
