"""Columns and reading order on one page.

A page is read as horizontal bands separated by full-width lines (title, a full-width abstract, a
heading that spans both columns); inside a band, the left column is read before the right one.
Columns are found from the gutter: a vertical strip, near the middle of the page, that (almost) no
word crosses. A gutter with a narrow strip of text on one side is a margin (PeerJ metadata,
FQS key words, paragraph numbers): those lines are set aside, not read as body text.

Full-width figure captions and tables ("floats") do not separate bands: LaTeX and journal layouts
let the columns flow around them, so the left column goes on below a float in the middle of the
page.

A page of three columns has two gutters (`Gutter.more`), read the same way, column by column. A
page whose second column holds only a line or two (a paragraph's last line, a heading) has too
few rows for the gutter search; `lone_column_gutter` finds its gutter from the full column, so the
lone line is read after that column instead of inside the sentence beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

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
    # The strips (x0, x1) between further columns, left to right, on a page of three columns.
    more: tuple[tuple[float, float], ...] = ()

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def strips(self) -> tuple[tuple[float, float], ...]:
        """Every strip between two columns, left to right."""
        return ((self.x0, self.x1), *self.more)


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
    # ... and within the text's extent: a text block narrower than its page (wide margins, a
    # portrait layout on a landscape page) leaves empty strips at its sides that are no gutter.
    a = max(int(GUTTER_SEARCH[0] * width), int(x0.min() + GUTTER_MIN_WIDTH))
    b = min(int(GUTTER_SEARCH[1] * width), int(x1.max() - GUTTER_MIN_WIDTH))
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
    if min(left_extent, right_extent) < MARGIN_MAX_EXTENT * max(left_extent, right_extent):
        # Lopsided: three columns (the shorter last one is no margin), a margin column, or a
        # figure or table beside text (one column).
        three = _three_columns(rows, strip, center, (float(x0.min()), float(x1.max())))
        if three is not None:
            return three
    if left_mass / mass < MARGIN_MAX_MASS and left_extent < MARGIN_MAX_EXTENT * right_extent:
        return Gutter(inner_left, inner_right, margin="left")
    if right_mass / mass < MARGIN_MAX_MASS and right_extent < MARGIN_MAX_EXTENT * left_extent:
        return Gutter(inner_left, inner_right, margin="right")
    if min(left_extent, right_extent) < MARGIN_MAX_EXTENT * max(left_extent, right_extent):
        return None  # lopsided but not a margin: a figure or table beside text; read as one column
    return Gutter(inner_left, inner_right)


def _three_columns(
    rows: Sequence[Sequence[Word]], strip: np.ndarray, center: float, extent: tuple[float, float]
) -> Gutter | None:
    """The two gutters of a page of three columns, one of them at `center`, or None.

    The other is the emptiest strip in the middle of the wider side of `center` (within the text's
    `extent`). Apart from rows across either (a title), each of the three columns needs
    GUTTER_MIN_ROWS rows of text, and the narrowest column MARGIN_MAX_EXTENT of the widest (a
    figure beside text makes a narrow "column").
    """
    low, high = extent
    start, end = (low, center) if center - low > high - center else (center, high)
    a, b = int(start + 0.3 * (end - start)), int(start + 0.7 * (end - start))
    if b <= a:
        return None
    lowest = np.flatnonzero(strip[a:b] == strip[a:b].min()) + a
    runs = np.split(lowest, np.flatnonzero(np.diff(lowest) > 1) + 1)
    longest = max(runs, key=len)
    centers = sorted((center, float(longest[len(longest) // 2])))
    rows_with_text = [0, 0, 0]
    starts, ends = [np.inf] * 3, [-np.inf] * 3
    crossing = 0
    for row in rows:
        if any(w.x0 < at < w.x1 for w in row for at in centers):
            crossing += 1
            continue
        seen = set()
        for w in row:
            column = (w.x0 >= centers[0]) + (w.x0 >= centers[1])
            seen.add(column)
            starts[column] = min(starts[column], w.x0)
            ends[column] = max(ends[column], w.x1)
        for column in seen:
            rows_with_text[column] += 1
    if min(rows_with_text) < GUTTER_MIN_ROWS or crossing > GUTTER_MAX_CROSSING * len(rows):
        return None
    widths = [end - start for start, end in zip(starts, ends, strict=True)]
    if min(widths) < MARGIN_MAX_EXTENT * max(widths) or min(starts[1] - ends[0], starts[2] - ends[1]) < GUTTER_MIN_WIDTH:
        return None
    return Gutter(ends[0], starts[1], more=((ends[1], starts[2]),))


# A page whose second column holds only a line or a few (the end of a paragraph, a heading, a
# short line beside a figure) has too few rows on that side for `find_gutter`. LONE_MIN_LINES
# lines of LONE_MIN_WORDS words or more, each within LONE_SIDES of the page width (a left one
# ends before the first share, a right one starts after the second), make the full column; at
# most LONE_MAX_LINES lines may stand beside it (more is a table or a figure's labels), starting
# where the mirror image of the full column would (within LONE_MIRROR_EM font sizes or
# LONE_MIRROR_SHARE of the page width), and no line but a full-width caption may cross between.
LONE_MIN_LINES = 4
LONE_MIN_WORDS = 3
LONE_MAX_LINES = 3
LONE_SIDES = (0.6, 0.4)
LONE_MIRROR_EM = 2.0
LONE_MIRROR_SHARE = 0.03


def lone_column_gutter(lines: Sequence[Line], width: float, known: Gutter | None = None) -> Gutter | None:
    """The gutter of a two-column page where one column is full and the other holds a line or two.

    Without it such a page is read as one column, top to bottom, and a lone line lands inside the
    sentence of the full column at its height. `known` is the document's gutter, where other
    pages found one: the full column must keep to its side of it; without one, the lone lines
    must start where a column mirroring the full one about the page centre would start.
    """
    for full_left in (True, False):
        gutter = _lone_side_gutter(lines, width, known, full_left=full_left)
        if gutter is not None:
            return gutter
    return None


def _lone_side_gutter(lines: Sequence[Line], width: float, known: Gutter | None, *, full_left: bool) -> Gutter | None:
    """`lone_column_gutter` for a full column on the left (`full_left`) or on the right."""
    end, start = LONE_SIDES[0] * width, LONE_SIDES[1] * width
    if full_left:
        column = [line for line in lines if line.words >= LONE_MIN_WORDS and line.x1 <= end and line.x0 < start]
    else:
        column = [line for line in lines if line.words >= LONE_MIN_WORDS and line.x0 >= start and line.x1 > end]
    if len(column) < LONE_MIN_LINES:
        return None
    # The column's side ends at `inner`; the lone side starts at `outer` (x grows away from the column).
    if known is not None:
        if any(line.x1 > known.center if full_left else line.x0 < known.center for line in column):
            return None
        inner = outer = known.center
    else:
        inner = max(line.x1 for line in column) if full_left else min(line.x0 for line in column)
        outer = inner + GUTTER_MIN_WIDTH if full_left else inner - GUTTER_MIN_WIDTH
    top = min(line.top for line in column)
    bottom = max(line.bottom for line in column)
    # Lines beside the column's height: on its side, on the other side, or across the gutter.
    level = [line for line in lines if line.bottom > top and line.top < bottom]
    slack = 2.0
    if full_left:
        lone = [line for line in level if line.x0 >= outer - slack]
        crossing = [line for line in level if line.x0 < outer - slack and line.x1 > inner + slack]
    else:
        lone = [line for line in level if line.x1 <= outer + slack]
        crossing = [line for line in level if line.x1 > outer + slack and line.x0 < inner - slack]
    if not 1 <= len(lone) <= LONE_MAX_LINES or len(_floats(sorted(crossing, key=lambda line: line.top))) < len(crossing):
        return None
    if known is not None:
        return known
    lone_start = min(line.x0 for line in lone)
    mirrored = width - max(line.x1 for line in column)
    if abs(lone_start - mirrored) > max(LONE_MIRROR_EM * max(line.size for line in lone), LONE_MIRROR_SHARE * width):
        return None
    if full_left:
        return Gutter(inner, lone_start)
    # A short lone line ends well before the gutter; the full column's mirror image ends at it.
    return Gutter(max(max(line.x1 for line in lone), min(width - inner, inner - GUTTER_MIN_WIDTH)), inner)


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
    if gutter.more:
        return _order_columns(lines, gutter, region_base=region_base)
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
    return _in_bands([left, right], spanning, gutter, region_base=region_base)


def _order_columns(lines: list[Line], gutter: Gutter, *, region_base: int) -> OrderedPage:
    """`order_page` for a page of three columns: a line within two strips' centres is in that column."""
    tolerance = 2.0
    bounds = [-np.inf, *((x0 + x1) / 2 for x0, x1 in gutter.strips), np.inf]
    sides: list[list[Line]] = [[] for _ in range(len(bounds) - 1)]
    spanning: list[Line] = []
    for line in lines:
        for side, (start, end) in enumerate(pairwise(bounds)):
            if line.x0 >= start - tolerance and line.x1 <= end + tolerance:
                sides[side].append(line)
                break
        else:
            spanning.append(line)
    return _in_bands(sides, spanning, gutter, region_base=region_base)


def _in_bands(sides: list[list[Line]], spanning: list[Line], gutter: Gutter, *, region_base: int) -> OrderedPage:
    """Columns read one after the other within each band between full-width lines."""
    spanning.sort(key=lambda line: line.top)
    floats = _floats(spanning)
    if floats:
        spanning = [line for line in spanning if not any(line is f for f in floats)]
    _widen_blocks(spanning, sides)
    ordered: list[Line] = []
    region = region_base
    columns = [sorted(side, key=lambda line: line.top) for side in sides]
    taken = [0] * len(columns)
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


def _widen_blocks(spanning: list[Line], sides: list[list[Line]]) -> None:
    """Move the short last lines of full-width blocks (a title's "of dementia") to the blocks.

    Such a line ends before the gutter, so it looks like a left-column line; it is one when it sits
    right under a full-width line of the same size with nothing beside it in another column.
    """
    if not spanning:
        return
    for side in sides:
        other = [line for column in sides if column is not side for line in column]
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
