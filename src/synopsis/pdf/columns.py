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
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from .lines import Line
from .reader import Word

# The gutter is searched for in this share of the page width, centred.
GUTTER_SEARCH = (0.2, 0.8)
# At most this share of a page's rows may cross the gutter (full-width title, abstract, tables),
# and at least this many rows must have text beside it.
GUTTER_MAX_CROSSING = 0.65
GUTTER_MIN_ROWS = 4
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


def find_gutter(rows: Sequence[Sequence[Word]], width: float) -> Gutter | None:
    """The column gutter of a page (from its rows of words), or None for a one-column page.

    The gutter is where the fewest words lie, near the middle of the page. Rows with a word
    across it are full-width (a title, an abstract); the page has columns when, apart from those,
    enough rows have text on either side, and the strip between the two sides is wide enough.
    """
    words = [w for row in rows for w in row]
    if len(words) < 20 or width <= 0:
        return None
    size = int(width) + 2
    x0 = np.clip(np.fromiter((w.x0 for w in words), float, len(words)), 0, size).astype(int)
    x1 = np.clip(np.fromiter((w.x1 for w in words), float, len(words)), 0, size).astype(int)
    # Words of a row do not overlap, so this counts, for each x, the rows with a word over it.
    cover = np.zeros(size + 1)
    np.add.at(cover, x0, 1.0)
    np.add.at(cover, x1, -1.0)
    rows_over = np.cumsum(cover)[:size]
    # A gutter is a strip, not a line: take the most rows over any point of a strip around x.
    half = int(GUTTER_MIN_WIDTH // 2)
    strip = np.lib.stride_tricks.sliding_window_view(np.pad(rows_over, half, mode="edge"), 2 * half + 1).max(axis=1)
    a, b = int(GUTTER_SEARCH[0] * width), int(GUTTER_SEARCH[1] * width)
    if b <= a:
        return None
    lowest = strip[a:b].min()
    low = np.flatnonzero(strip[a:b] == lowest) + a
    # The middle of the longest run of equally empty strips.
    runs = np.split(low, np.flatnonzero(np.diff(low) > 1) + 1)
    longest = max(runs, key=len)
    center = float(longest[len(longest) // 2])
    crossing = left = right = both = 0
    columns_top = _columns_top(rows, center)
    inner_left, inner_right = 0.0, float(width)
    left_mass = right_mass = 0.0
    left_edge, right_edge = float(width), 0.0
    for row in rows:
        if any(w.x0 < center < w.x1 for w in row):
            crossing += 1
            continue
        on_left = [w for w in row if w.x1 <= center]
        on_right = [w for w in row if w.x0 >= center]
        if on_left and on_right and on_right[0].x0 - on_left[-1].x1 < GUTTER_MIN_WIDTH and row[0].top < columns_top:
            crossing += 1  # a word space of a full-width justified line above the columns (an abstract)
            continue
        if on_left:
            inner_left = max(inner_left, on_left[-1].x1)
            left_edge = min(left_edge, on_left[0].x0)
            left_mass += sum(w.x1 - w.x0 for w in on_left)
        if on_right:
            inner_right = min(inner_right, on_right[0].x0)
            right_edge = max(right_edge, on_right[-1].x1)
            right_mass += sum(w.x1 - w.x0 for w in on_right)
        both += bool(on_left and on_right)
        left += bool(on_left and not on_right)
        right += bool(on_right and not on_left)
    total_rows = crossing + left + right + both
    if inner_right - inner_left < GUTTER_MIN_WIDTH or crossing > GUTTER_MAX_CROSSING * total_rows:
        return None
    if not (both >= GUTTER_MIN_ROWS or (left >= GUTTER_MIN_ROWS and right >= GUTTER_MIN_ROWS)):
        return None
    left_extent, right_extent = inner_left - left_edge, right_edge - inner_right
    mass = left_mass + right_mass
    if mass <= 0:
        return None
    if left_mass / mass < MARGIN_MAX_MASS and left_extent < MARGIN_MAX_EXTENT * right_extent:
        return Gutter(inner_left, inner_right, margin="left")
    if right_mass / mass < MARGIN_MAX_MASS and right_extent < MARGIN_MAX_EXTENT * left_extent:
        return Gutter(inner_left, inner_right, margin="right")
    if min(left_extent, right_extent) < MARGIN_MAX_EXTENT * max(left_extent, right_extent):
        return None  # lopsided but not a margin: a figure or table beside text; read as one column
    return Gutter(inner_left, inner_right)


def _columns_top(rows: Sequence[Sequence[Word]], center: float) -> float:
    """The top of the highest row with a real gap (not a word space) at `center`: where columns begin."""
    top = float("inf")
    for row in rows:
        left = [w for w in row if w.x1 <= center]
        right = [w for w in row if w.x0 >= center]
        if left and right and len(left) + len(right) == len(row) and right[0].x0 - left[-1].x1 >= GUTTER_MIN_WIDTH:
            top = min(top, row[0].top)
    return top


def order_page(lines: list[Line], gutter: Gutter | None, *, region_base: int) -> OrderedPage:
    """Put a page's lines in reading order; `region` numbers start at `region_base`."""
    if gutter is None:
        in_rows = sorted(lines, key=lambda line: (line.top, line.x0))
        return OrderedPage(tuple(replace(line, region=region_base) for line in in_rows), (), (), None)
    tolerance = 2.0
    left: list[Line] = []
    right: list[Line] = []
    spanning: list[Line] = []
    margin: list[Line] = []
    for line in lines:
        if line.x1 <= gutter.center + tolerance:
            position = "left"
        elif line.x0 >= gutter.center - tolerance:
            position = "right"
        else:
            position = "span"
        if position == gutter.margin:
            margin.append(line)
        elif position == "left":
            left.append(line)
        elif position == "right":
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
        if _CAPTION.match(line.text) or (floats and _same_block(floats[-1], line)):
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
