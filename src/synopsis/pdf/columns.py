"""Columns and reading order on one page.

A page is read as horizontal bands separated by full-width lines (title, a full-width abstract, a
heading that spans both columns); inside a band, the left column is read before the right one.
Columns are found from the gutter: a vertical strip, near the middle of the page, that (almost) no
word crosses. A gutter with a narrow strip of text on one side is a margin (PeerJ metadata,
FQS key words, paragraph numbers): those lines are set aside, not read as body text.

Full-width figure captions and tables ("floats") do not separate bands: LaTeX and journal layouts
let the columns flow around them, so the left column goes on below a float in the middle of the
page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np

from .lines import Line
from .reader import Word

# The gutter is searched for in this share of the page width, centred.
GUTTER_SEARCH = (0.2, 0.8)
# At the gutter at most this share of the typical coverage of a text column may be covered.
GUTTER_MAX_COVER = 0.12
GUTTER_MIN_WIDTH = 6.0  # points
# A side with less than this share of the text beside a side this much wider is a margin column.
MARGIN_MAX_MASS = 0.25
MARGIN_MAX_EXTENT = 0.6
_CAPTION = re.compile(r"^\s*(?:fig(?:ure)?|table|scheme|plate|chart|box)\.?\s*[A-Z]?\d+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Gutter:
    """The empty strip between two columns (or between the text and a margin column)."""

    x0: float
    x1: float
    margin: str = ""  # "left" or "right" when one side is a margin column, else ""

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True, slots=True)
class OrderedPage:
    """A page's lines in reading order, each tagged with its region; margin lines set aside."""

    lines: tuple[Line, ...]
    margin: tuple[Line, ...]
    floats: tuple[Line, ...]
    gutter: Gutter | None


def find_gutter(words: tuple[Word, ...], width: float) -> Gutter | None:
    """The column gutter of a page, or None for a one-column page."""
    if len(words) < 20 or width <= 0:
        return None
    size = int(width) + 2
    cover = np.zeros(size + 1)
    x0 = np.clip(np.fromiter((w.x0 for w in words), float, len(words)), 0, size).astype(int)
    x1 = np.clip(np.fromiter((w.x1 for w in words), float, len(words)), 0, size).astype(int)
    heights = np.fromiter((w.bottom - w.top for w in words), float, len(words))
    np.add.at(cover, x0, heights)
    np.add.at(cover, x1, -heights)
    coverage = np.cumsum(cover)[:size]
    filled = coverage[coverage > 0]
    if filled.size == 0:
        return None
    typical = float(np.percentile(filled, 75))
    low = coverage <= GUTTER_MAX_COVER * typical
    a, b = int(GUTTER_SEARCH[0] * width), int(GUTTER_SEARCH[1] * width)
    text_left, text_right = int(np.argmax(coverage > 0)), size - int(np.argmax(coverage[::-1] > 0))
    best: tuple[int, int] | None = None
    i = max(a, text_left + 1)
    while i < min(b, text_right - 1):
        if low[i]:
            j = i
            while j < text_right - 1 and low[j]:
                j += 1
            start = i
            while start > text_left and low[start - 1]:
                start -= 1
            if j - start >= GUTTER_MIN_WIDTH and (best is None or j - start > best[1] - best[0]):
                best = (start, j)
            i = j
        i += 1
    if best is None:
        return None
    start, end = best
    left_mass, right_mass = float(coverage[:start].sum()), float(coverage[end:].sum())
    total = left_mass + right_mass
    if total <= 0 or min(left_mass, right_mass) <= 0:
        return None
    left_extent, right_extent = start - text_left, text_right - end
    if left_mass / total < MARGIN_MAX_MASS and left_extent < MARGIN_MAX_EXTENT * right_extent:
        return Gutter(float(start), float(end), margin="left")
    if right_mass / total < MARGIN_MAX_MASS and right_extent < MARGIN_MAX_EXTENT * left_extent:
        return Gutter(float(start), float(end), margin="right")
    if min(left_extent, right_extent) < MARGIN_MAX_EXTENT * max(left_extent, right_extent):
        return None  # lopsided but not a margin: a figure or table beside text; read as one column
    return Gutter(float(start), float(end))


def order_page(lines: list[Line], gutter: Gutter | None, *, region_base: int) -> OrderedPage:
    """Put a page's lines in reading order; `region` numbers start at `region_base`."""
    if gutter is None:
        ordered = sorted(lines, key=lambda line: (line.top, line.x0))
        return OrderedPage(tuple(replace(line, region=region_base) for line in ordered), (), (), None)
    tolerance = 2.0
    left: list[Line] = []
    right: list[Line] = []
    spanning: list[Line] = []
    margin: list[Line] = []
    for line in lines:
        if line.x1 <= gutter.center + tolerance:
            side = "left"
        elif line.x0 >= gutter.center - tolerance:
            side = "right"
        else:
            side = "span"
        if side == gutter.margin:
            margin.append(line)
        elif side == "left":
            left.append(line)
        elif side == "right":
            right.append(line)
        else:
            spanning.append(line)
    if gutter.margin:
        # With a margin column there is one text column: a line crossing the gutter is text.
        body = sorted(left + right + spanning, key=lambda line: (line.top, line.x0))
        return OrderedPage(tuple(replace(line, region=region_base) for line in body), tuple(margin), (), gutter)

    spanning.sort(key=lambda line: line.top)
    floats = _floats(spanning)
    if floats:
        spanning = [line for line in spanning if not any(line is f for f in floats)]
    _widen_blocks(spanning, left, right)
    ordered: list[Line] = []
    region = region_base
    columns = (sorted(left, key=lambda line: line.top), sorted(right, key=lambda line: line.top))
    taken = [0, 0]
    previous_separator: Line | None = None
    for separator in [*spanning, None]:
        limit = separator.top if separator is not None else float("inf")
        for side, column in enumerate(columns):
            band = []
            while taken[side] < len(column) and column[taken[side]].top < limit:
                band.append(column[taken[side]])
                taken[side] += 1
            if band:
                region += 1
                ordered.extend(replace(line, region=region) for line in band)
                previous_separator = None
        if separator is not None:
            if previous_separator is None or not _same_block(previous_separator, separator):
                region += 1
            ordered.append(replace(separator, region=region))
            previous_separator = separator
    return OrderedPage(tuple(ordered), (), tuple(floats), gutter)


def _floats(spanning: list[Line]) -> list[Line]:
    """Full-width captions (with their continuation lines): the columns flow around them."""
    floats: list[Line] = []
    for line in spanning:
        if _CAPTION.match(line.text) or floats and _same_block(floats[-1], line):
            floats.append(line)
    return floats


def _widen_blocks(spanning: list[Line], left: list[Line], right: list[Line]) -> None:
    """Move the short last lines of full-width blocks (a title's "of dementia") to the blocks.

    Such a line ends before the gutter, so it looks like a left-column line; it is one when it sits
    right under a full-width line of the same size with nothing beside it in the other column.
    """
    if not spanning:
        return
    for side, other in ((left, right), (right, left)):
        moved = []
        for line in side:
            above = [s for s in spanning if _same_block(s, line)]
            beside = any(o.top < line.bottom and line.top < o.bottom for o in other)
            if above and not beside:
                moved.append(line)
        for line in moved:
            side.remove(line)
            spanning.append(line)
    spanning.sort(key=lambda line: line.top)


def _same_block(previous: Line, line: Line) -> bool:
    """Consecutive full-width lines of one block (a wrapped title or abstract)."""
    return abs(previous.size - line.size) < 0.6 and 0 <= line.top - previous.bottom < 1.2 * line.size
