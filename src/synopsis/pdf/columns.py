"""Columns and reading order on one page.

A page is read as horizontal bands separated by full-width lines (title, a full-width abstract, a
heading that spans both columns); inside a band, the left column is read before the right one.
Columns are found from the gutter: a vertical strip, near the middle of the page, that (almost) no
word crosses. A gutter with a narrow strip of text on one side is a margin (PeerJ metadata,
FQS key words, paragraph numbers, the side notes of a humanities or law paper, even one or two
of them: `_side_notes`): those lines are set aside, not read as body text -- except side
headings, hanging in the margin level with their paragraph's first line (`_side_headings`), which
are read as that paragraph's heading.

Full-width figure captions and tables ("floats") do not separate bands: LaTeX and journal layouts
let the columns flow around them, so the left column goes on below a float in the middle of the
page.

A page of three columns or more (a newsletter, a conference programme, an index) has further
gutters (`Gutter.more`, `_more_columns`), read the same way, column by column; one of its columns
may hold only a line or two where it starts one column pitch from the others. A two-column page
whose second column holds only a line or two (a paragraph's last line, a heading) has too few
rows for the gutter search; `lone_column_gutter` finds its gutter from the full column, so the
lone line is read after that column instead of inside the sentence beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

import numpy as np

from .headings import LARGER, BodyStyle, is_end_matter, is_heading_line, is_keywords, is_known_heading
from .lexicon import lexicon
from .lines import SPLIT_GAP_EM, Line
from .paragraphs import Geometry, new_paragraph
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
# A margin with fewer than GUTTER_MIN_ROWS rows (a side note or two on a page of a humanities or
# law paper) needs a body at least this share of the page wide: one column of a two-column page
# (at most 0.42 of it) beside a lone line in the other is no body with a side note.
SIDE_NOTE_MIN_BODY = 0.45
SIDE_NOTE_MIN_WORDS = 2
# A side heading (a heading hanging in the margin at the height of its paragraph's first line, as
# some humanities and report layouts set them) is a margin block of at most this many lines, set
# off by its font (bold, larger) or a known heading ("Introduction"): it is read before that
# paragraph, not set aside (`_side_headings`). Being set off, it needs fewer words than a note.
SIDE_HEADING_MAX_LINES = 3
# Two columns of unequal width (a wide main column beside a narrow one): the narrow one at least
# UNEQUAL_MIN_EXTENT of the wide one's width (a 0.35 : 1 layout whose lines end short of it),
# holding UNEQUAL_MIN_MASS of the text or more, in rows of running text (UNEQUAL_MIN_WORDS words a
# row on average, UNEQUAL_LOWER_SHARE of them with a lower-case word). The margins of the real
# PDFs (PeerJ's metadata, FQS's key words: 0.18-0.31 of the body's width, 1.5-2.8 words a row,
# 0.04-0.10 of the text) and a figure's labels beside text are none of that.
UNEQUAL_MIN_EXTENT = 0.32
UNEQUAL_MIN_MASS = 0.15
UNEQUAL_MIN_WORDS = 3.5
UNEQUAL_LOWER_SHARE = 0.6
_CAPTION = re.compile(r"^\s*(?:fig(?:ure)?|table|scheme|plate|chart|box)\.?\s*[A-Z]?\d+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Gutter:
    """The empty strip between two columns (or between the text and a margin column)."""

    x0: float
    x1: float
    margin: str = ""  # "left" or "right" when one side is a margin column, else ""
    # The strips (x0, x1) between further columns, left to right, on a page of three or more.
    more: tuple[tuple[float, float], ...] = ()
    # A margin found from a side note or two (`_side_notes`) rather than a column of them: a
    # two-column document keeps its gutter on such a page.
    notes: bool = False

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
    # Runs of words of a row do not overlap, so this counts, for each x, the rows with a run over it.
    starts, ends = _runs(rows, size)
    cover = np.zeros(size + 1)
    np.add.at(cover, starts, 1.0)
    np.add.at(cover, ends, -1.0)
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
    columns_end = _columns_end(rows, center)
    foot = _page_foot(rows, center)
    inner_left, inner_right = 0.0, float(width)
    left_mass = right_mass = 0.0
    left_edge, right_edge = float(width), 0.0
    for row in rows:
        if any(w.x0 < center < w.x1 for w in row):
            crossing += 1
            continue
        if row[0].top >= foot and row[0].x0 > FOOT_SIDE * width and row[-1].x1 < (1 - FOOT_SIDE) * width:
            crossing += 1  # a centred page number under the columns, beside the gutter's middle
            continue
        on_left = [w for w in row if w.x1 <= center]
        on_right = [w for w in row if w.x0 >= center]
        if (
            on_left
            and on_right
            and on_right[0].x0 - on_left[-1].x1 < GUTTER_MIN_WIDTH
            and not columns_top <= row[0].top <= columns_end
        ):
            # a word space of a full-width line above the columns (a justified abstract) or below
            # them (a reference list set full width under balanced columns, a centred "Page 2 of
            # 7" footer, as Chromium prints them)
            crossing += 1
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
    left_extent, right_extent = inner_left - left_edge, right_edge - inner_right
    mass = left_mass + right_mass
    if mass <= 0:
        return None
    if not (both >= GUTTER_MIN_ROWS or (left >= GUTTER_MIN_ROWS and right >= GUTTER_MIN_ROWS)):
        # Too few rows on one side for two columns: a side note or two beside a one-column body,
        # or three columns where that side is a column holding a lone line (under a figure).
        edges = (left_edge, inner_left, inner_right, right_edge)
        shares = (left_mass / mass, right_mass / mass)
        margin = _side_notes(rows, strip, center, width, edges, (left + both, right + both), shares)
        if margin:
            return Gutter(inner_left, inner_right, margin=margin, notes=True)
        return _more_columns(rows, strip, center, (float(x0.min()), float(x1.max())), width)
    if min(left_extent, right_extent) < MARGIN_MAX_EXTENT * max(left_extent, right_extent):
        # Lopsided: three columns (the shorter last one is no margin), a margin column, or a
        # figure or table beside text (one column).
        more = _more_columns(rows, strip, center, (float(x0.min()), float(x1.max())), width)
        if more is not None:
            return more
        narrow = "left" if left_extent < right_extent else "right"
        if (
            min(left_extent, right_extent) >= UNEQUAL_MIN_EXTENT * max(left_extent, right_extent)
            and min(left_mass, right_mass) >= UNEQUAL_MIN_MASS * mass
            and _prose_side(rows, center, narrow)
        ):
            return Gutter(inner_left, inner_right)  # a wide and a narrow column of text
    # A margin column stands a column break (SPLIT_GAP_EM) from the body; a narrower "gutter" is
    # where the stretched word spaces of a justified one-column page happen to line up.
    spaced_apart = inner_right - inner_left >= SPLIT_GAP_EM * float(np.median([w.size for w in words]))
    if left_mass / mass < MARGIN_MAX_MASS and left_extent < MARGIN_MAX_EXTENT * right_extent:
        return Gutter(inner_left, inner_right, margin="left") if spaced_apart else None
    if right_mass / mass < MARGIN_MAX_MASS and right_extent < MARGIN_MAX_EXTENT * left_extent:
        return Gutter(inner_left, inner_right, margin="right") if spaced_apart else None
    if min(left_extent, right_extent) < MARGIN_MAX_EXTENT * max(left_extent, right_extent):
        return None  # lopsided but not a margin: a figure or table beside text; read as one column
    # Four columns (or six) split evenly at `center`: each side holds columns of its own.
    return _more_columns(rows, strip, center, (float(x0.min()), float(x1.max())), width) or Gutter(inner_left, inner_right)


def _runs(rows: Sequence[Sequence[Word]], size: int) -> tuple[np.ndarray, np.ndarray]:
    """The (starts, ends) of each row's runs of words, as whole points within `size`: words
    closer than GUTTER_MIN_WIDTH make one run. A word space is narrower than any gutter, so a
    full-width line covers the page's middle whole: counted word by word, the word spaces of a
    justified abstract happened to leave a strip in the gutter's place less covered than the
    gutter, and the gutter was looked for there."""
    starts: list[float] = []
    ends: list[float] = []
    for row in rows:
        starts.append(row[0].x0)
        end = row[0].x1
        for word in row[1:]:
            if word.x0 - end >= GUTTER_MIN_WIDTH:
                ends.append(end)
                starts.append(word.x0)
            end = max(end, word.x1)
        ends.append(end)
    return (
        np.clip(np.asarray(starts), 0, size).astype(int),
        np.clip(np.asarray(ends), 0, size).astype(int),
    )


# Further gutters (`_more_columns`) are searched for in this share of a side, centred, and are
# strips crossed by fewer rows than MORE_MAX_CROSSING of the rows over most of that side (its
# upper quartile): a column's own text covers every strip of it in almost every row.
MORE_SEARCH = (0.3, 0.7)
MORE_MAX_CROSSING = 0.35
MAX_COLUMNS = 8


def _more_columns(
    rows: Sequence[Sequence[Word]], strip: np.ndarray, center: float, extent: tuple[float, float], width: float
) -> Gutter | None:
    """The gutters of a page of three or more columns, one of them at `center`, or None.

    The sides of `center` are searched for further gutters, and the sides of those, as long as
    one is found (`_side_gutter`). Apart from rows across a gutter (a title), every column needs
    GUTTER_MIN_ROWS rows of text and the narrowest MARGIN_MAX_EXTENT of the widest width (a figure
    beside text makes a narrow "column") -- except that a column may hold up to LONE_MAX_LINES
    lines, no wider than a full one, where it starts one column pitch (the full ones' spacing)
    from the nearest full one: a paragraph's last line alone in the last column.
    """
    low, high = extent
    bounds = [low, center, high]
    side = 0
    while side < len(bounds) - 1 and len(bounds) <= MAX_COLUMNS:
        start, end = bounds[side], bounds[side + 1]
        found = _side_gutter(strip, start + MORE_SEARCH[0] * (end - start), start + MORE_SEARCH[1] * (end - start), start, end)
        if found is None:
            side += 1
        else:
            bounds.insert(side + 1, found)
    # A short lone line in the last column ends the page's text early: the last side is then a
    # column and a bit, and its gutter lies beyond the middle.
    start, end = bounds[-2], bounds[-1]
    widest = max(b - a for a, b in pairwise(bounds[:-1]))
    if end - start > widest + GUTTER_MIN_WIDTH:
        found = _side_gutter(strip, start + MARGIN_MAX_EXTENT * widest, end - GUTTER_MIN_WIDTH, start, end)
        if found is not None:
            bounds.insert(-1, found)
    centers = bounds[1:-1]
    if len(centers) < 2:
        return None
    count = len(centers) + 1
    rows_with_text = [0] * count
    words_in = [0] * count
    starts, ends = [np.inf] * count, [-np.inf] * count
    sizes = [0.0] * count
    crossing = 0
    for row in rows:
        if any(w.x0 < at < w.x1 for w in row for at in centers) or _spaced_across(row, centers):
            crossing += 1
            continue
        seen = set()
        for w in row:
            column = int(np.searchsorted(centers, w.x0, side="right"))
            seen.add(column)
            words_in[column] += 1
            starts[column] = min(starts[column], w.x0)
            ends[column] = max(ends[column], w.x1)
            sizes[column] = max(sizes[column], w.size)
        for column in seen:
            rows_with_text[column] += 1
    if crossing > GUTTER_MAX_CROSSING * len(rows) or min(rows_with_text) == 0:
        return None
    full = [i for i in range(count) if rows_with_text[i] >= GUTTER_MIN_ROWS]
    widths = [ends[i] - starts[i] for i in full]
    if any(starts[i + 1] - ends[i] < GUTTER_MIN_WIDTH for i in range(count - 1)):
        return None
    if len(full) < 2:
        return None
    if min(widths) < MARGIN_MAX_EXTENT * max(widths):
        gaps = [starts[i + 1] - ends[i] for i in range(count - 1)]
        prose = all(words_in[i] >= UNEQUAL_MIN_WORDS * rows_with_text[i] for i in full)
        if len(full) < count or not prose or not _on_grid(widths, float(np.median(gaps))):
            return None
    pitch = (starts[full[-1]] - starts[full[0]]) / (full[-1] - full[0])
    tolerance = [max(LONE_MIRROR_EM * size, LONE_MIRROR_SHARE * width) for size in sizes]
    for i in range(count):
        if i in full:
            continue
        nearest = min(full, key=lambda f: abs(f - i))
        expected = starts[nearest] + (i - nearest) * pitch
        if rows_with_text[i] > LONE_MAX_LINES or abs(starts[i] - expected) > tolerance[i]:
            return None
        if ends[i] - starts[i] > max(widths) + tolerance[i]:
            return None
    return Gutter(ends[0], starts[1], more=tuple((ends[i], starts[i + 1]) for i in range(1, count - 1)))


# A column on a page's grid is this close (share of a grid unit) to a whole number of units.
GRID_TOLERANCE = 0.12


def _on_grid(widths: Sequence[float], gap: float) -> bool:
    """Whether columns of unequal width are set on one grid, as a newsletter's are: a wide lead
    column spans two or three of the narrow ones (with the gutters between them), and at least two
    are one unit wide. A figure or table beside text makes no such widths."""
    unit = min(widths) + gap
    spans = [(width + gap) / unit for width in widths]
    whole = all(abs(span - round(span)) <= GRID_TOLERANCE * round(span) for span in spans)
    return whole and max(spans) < 3.5 and sum(round(span) == 1 for span in spans) >= 2


def _side_notes(
    rows: Sequence[Sequence[Word]],
    strip: np.ndarray,
    center: float,
    width: float,
    edges: tuple[float, float, float, float],
    rows_per_side: tuple[int, int],
    mass_share: tuple[float, float],
) -> str:
    """The side ("left" or "right") of `center` that holds a side note or two beside a one-column
    body (too few rows for `find_gutter`'s two columns), else "".

    `edges` are the left side's outer and inner edge, then the right side's inner and outer one.
    Like a margin column, the notes are narrow and hold little of the text; they also hold
    SIDE_NOTE_MIN_WORDS words or more (not a page number, nor a footnote's number that stands
    apart), or fewer set off as side headings ("Introduction" in bold: `_set_off`), and stand at
    least a wide gap (SPLIT_GAP_EM) from the body.
    """
    left_edge, inner_left, inner_right, right_edge = edges
    extents = (inner_left - left_edge, right_edge - inner_right)
    bodies = ((inner_right, right_edge), (left_edge, inner_left))
    for side, name in enumerate(("left", "right")):
        body = 1 - side
        if not rows_per_side[side] or rows_per_side[body] < GUTTER_MIN_ROWS or mass_share[side] >= MARGIN_MAX_MASS:
            continue
        if extents[side] >= MARGIN_MAX_EXTENT * extents[body]:
            continue
        sides: tuple[list[list[Word]], list[list[Word]]] = ([], [])
        for row in rows:
            if not any(w.x0 < center < w.x1 for w in row):
                sides[0].append([w for w in row if w.x1 <= center])
                sides[1].append([w for w in row if w.x0 >= center])
        note_rows = [row for row in sides[side] if row]
        notes = [w for row in note_rows for w in row]
        if len(notes) < SIDE_NOTE_MIN_WORDS and not _set_off(note_rows, [w for row in sides[body] for w in row]):
            continue
        if inner_right - inner_left < SPLIT_GAP_EM * max(w.size for w in notes):
            continue
        if _one_column(strip, bodies[side], width):
            return name
    return ""


def _set_off(note_rows: Sequence[Sequence[Word]], body: Sequence[Word]) -> bool:
    """Whether every row of a side note too short for one (SIDE_NOTE_MIN_WORDS words) reads as a
    side heading: bold beside a body that is not, printed larger (LARGER) than the body, or
    heading words ("Introduction"). A page number or a footnote's number is none of these."""
    if not body or sum(ch.isalpha() for row in note_rows for w in row for ch in w.text) < 2:
        return False
    body_bold = 2 * sum(w.bold for w in body) > len(body)
    body_size = float(np.median([w.size for w in body]))
    return all(
        (all(w.bold for w in row) and not body_bold)
        or min(w.size for w in row) >= LARGER * body_size
        or is_known_heading(" ".join(w.text for w in row))
        for row in note_rows
    )


def _prose_side(rows: Sequence[Sequence[Word]], center: float, side: str) -> bool:
    """Whether the words on `side` ("left" or "right") of `center` read as a column of running
    text: UNEQUAL_MIN_WORDS words a row, most rows with a lower-case word (see UNEQUAL_LOWER_SHARE)."""
    pieces = [
        [w.text for w in row if (w.x1 <= center if side == "left" else w.x0 >= center)]
        for row in rows
        if not any(w.x0 < center < w.x1 for w in row)
    ]
    pieces = [piece for piece in pieces if piece]
    if len(pieces) < GUTTER_MIN_ROWS:
        return False
    words = sum(len(piece) for piece in pieces)
    lower = sum(any(text[:1].islower() and len(text) > 2 for text in piece) for piece in pieces)
    return words >= UNEQUAL_MIN_WORDS * len(pieces) and lower >= UNEQUAL_LOWER_SHARE * len(pieces)


def _one_column(strip: np.ndarray, body: tuple[float, float], width: float) -> bool:
    """Whether the text from `body[0]` to `body[1]` is one column as wide as a page's body (see
    SIDE_NOTE_MIN_BODY): no two columns of a page, nor a column beside a lone line."""
    start, end = body
    if end - start < SIDE_NOTE_MIN_BODY * width:
        return False
    middle = (start + MORE_SEARCH[0] * (end - start), start + MORE_SEARCH[1] * (end - start))
    return _side_gutter(strip, *middle, start, end) is None


def _spaced_across(row: Sequence[Word], centers: Sequence[float]) -> bool:
    """Whether a word space (narrower than any gutter) of `row` lies over one of `centers`: a
    headline across two of four columns whose space happens to fall there."""
    for at in centers:
        before = [w.x1 for w in row if w.x1 <= at]
        after = [w.x0 for w in row if w.x0 >= at]
        if before and after and min(after) - max(before) < GUTTER_MIN_WIDTH:
            return True
    return False


def _side_gutter(strip: np.ndarray, first: float, last: float, start: float, end: float) -> float | None:
    """The centre of a further gutter between `first` and `last` on the side from `start` to
    `end` (see MORE_MAX_CROSSING), or None."""
    a, b = int(first), int(last)
    if b <= a:
        return None
    window = strip[a:b]
    side = strip[int(start) : int(end)]
    if window.min() > MORE_MAX_CROSSING * np.percentile(side, 75):
        return None
    lowest = np.flatnonzero(window == window.min()) + a
    runs = np.split(lowest, np.flatnonzero(np.diff(lowest) > 1) + 1)
    longest = max(runs, key=len)
    return float(longest[len(longest) // 2])


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
    """Where the columns begin: the top of the highest row with a real gap (not a word space) at
    `center`. Where rows of text with only a word space there (no wider gap anywhere: not a
    figure's labels) make one block with no row of a real gap among them, and below it rows with
    a real gap (GUTTER_MIN_ROWS at least) outnumber those with a word across `center`, the columns
    begin below that block (affiliations set in two columns above a full-width abstract; a
    journal line and a page number over a title whose line has a word space there). Rows with
    text on one side only count as rows of the columns: the two columns' baselines need not be
    level (a heading, a space between paragraphs shifts them), and rows with a gap then were too
    few, the title's word space a row of the columns, the gutter as narrow as a word space, and
    the page was read line by line across both columns."""
    gaps: list[float] = []
    spaced: list[float] = []
    across: list[float] = []
    prose = True  # every row with a word space at `center` is a line of text (no figure labels)
    sided: list[float] = []  # rows with text on one side only
    for row in rows:
        left = [w for w in row if w.x1 <= center]
        right = [w for w in row if w.x0 >= center]
        if len(left) + len(right) < len(row):
            across.append(row[0].top)
        elif left and right:
            if right[0].x0 - left[-1].x1 >= GUTTER_MIN_WIDTH:
                gaps.append(row[0].top)
            else:
                spaced.append(row[0].top)
                prose = prose and all(b.x0 - a.x1 < SPLIT_GAP_EM * a.size for a, b in pairwise(row))
        else:
            sided.append(row[0].top)
    if spaced and prose:
        end = max(spaced)
        below = [top for top in gaps if top > end]
        within = any(min(spaced) < top < end for top in gaps)
        column_rows = len(below) + sum(top > end for top in sided)
        if below and column_rows >= max(GUTTER_MIN_ROWS, sum(top > end for top in across)) and not within:
            return min(below)
    return min(gaps, default=float("inf"))


def _columns_end(rows: Sequence[Sequence[Word]], center: float) -> float:
    """Where the columns end: the top of the lowest row with a real gap (not a word space) at
    `center`, where only full-width rows and lines left of `center` (a heading) follow it: a row
    with a word space there is a full-width line under the columns. Text right of `center` below
    it (the body beside a margin, under a full-width table and its notes) leaves no end: infinity."""
    gaps = [
        row[0].top
        for row in rows
        if (left := [w for w in row if w.x1 <= center])
        and (right := [w for w in row if w.x0 >= center])
        and len(left) + len(right) == len(row)
        and right[0].x0 - left[-1].x1 >= GUTTER_MIN_WIDTH
    ]
    end = max(gaps, default=float("inf"))
    if any(row[0].top > end and row[0].x0 >= center and len(row) >= LONE_MIN_WORDS for row in rows):
        return float("inf")
    return end


# A footer stands apart from the text above it by this many times its size; a centred one keeps
# this share of the page's width clear on either side.
FOOT_GAP = 2.0
FOOT_SIDE = 0.3


def _page_foot(rows: Sequence[Sequence[Word]], center: float) -> float:
    """The top of the page's last row where it is a footer below the columns: standing apart
    (FOOT_GAP) under the lowest row with a real gap (not a word space) at `center`; else infinity."""
    if len(rows) < 2:
        return float("inf")
    last = max(rows, key=lambda row: row[0].top)
    above = [row for row in rows if row[0].top < last[0].top]
    lowest = max((row[0].bottom for row in above), default=last[0].top)
    gapped = [
        row[0].top
        for row in above
        if (left := [w for w in row if w.x1 <= center])
        and (right := [w for w in row if w.x0 >= center])
        and len(left) + len(right) == len(row)
        and right[0].x0 - left[-1].x1 >= GUTTER_MIN_WIDTH
    ]
    if gapped and last[0].top - lowest >= FOOT_GAP * last[0].size:
        return last[0].top
    return float("inf")


def order_page(
    lines: list[Line], gutter: Gutter | None, *, region_base: int, style: BodyStyle | None = None, first: bool = False
) -> OrderedPage:
    """Put a page's lines in reading order; `region` numbers start at `region_base`.

    `style` is the document's body font, which a side heading is set off from (`_side_headings`);
    without it, the font most of the page's body lines have. `first`: the article's first page,
    where front matter (author blocks side by side, a sidebar beside the abstract) is read apart.
    """
    if gutter is None:
        in_rows = sorted(lines, key=lambda line: (line.top, line.x0))
        box = _side_box(in_rows) if first else None
        if box is None:
            return OrderedPage(tuple(replace(line, region=region_base) for line in in_rows), (), (), None)
        # Read before the block it stands beside, in a region of its own, not line by line between
        # that block's lines (where its short lines were also taken for table cells).
        block_top, boxed = box
        taken = {id(line) for line in boxed}
        rest = [replace(line, region=region_base) for line in in_rows if id(line) not in taken]
        at = next((i for i, line in enumerate(rest) if line.top >= block_top), len(rest))
        rest[at:at] = [replace(line, region=region_base + 1, cell=False) for line in boxed]
        return OrderedPage(tuple(rest), (), (), None)
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
        body = [
            replace(line, region=region_base) for line in sorted(left + right + spanning, key=lambda line: (line.top, line.x0))
        ]
        margin.sort(key=lambda line: (line.top, line.x0))
        heads = _side_headings(margin, body, style or _page_style(body)) if margin else []
        for head, at in reversed(heads):
            # Its own region: its margin edge is no edge of the body's paragraphs.
            body[at:at] = [replace(line, region=region_base + 1) for line in head]
            margin = [line for line in margin if not any(line is h for h in head)]
        return OrderedPage(tuple(body), tuple(margin), (), gutter)
    return _in_bands([left, right], spanning, gutter, region_base=region_base, first=first)


def _side_headings(margin: Sequence[Line], body: Sequence[Line], style: BodyStyle) -> list[tuple[list[Line], int]]:
    """The side headings among a page's `margin` lines (both top to bottom), each with the index
    of the body line it heads.

    A side heading is a block of margin lines (SIDE_HEADING_MAX_LINES at most, a wrapped heading)
    set off from the body (`_side_heading_text`) whose first line is level with the first line of
    a paragraph of the body: the body line above ends a paragraph (`paragraphs.new_paragraph`),
    or there is none. A note beside the middle of a paragraph stays a margin note.
    """
    geometry = Geometry(body)
    found: list[tuple[list[Line], int]] = []
    for block in _blocks(margin):
        if len(block) > SIDE_HEADING_MAX_LINES or not _side_heading_text(block, style):
            continue
        first = block[0]
        level = [i for i, line in enumerate(body) if line.top < first.bottom and first.top < line.bottom]
        if not level:
            continue
        at = min(level, key=lambda i: abs(body[i].top - first.top))
        above = [j for j in range(at) if body[j].bottom <= body[at].top + 0.2 * body[at].size]
        if not above or new_paragraph(body[above[-1]], body[at], geometry):
            found.append((block, at))
    return found


def _blocks(lines: Sequence[Line]) -> list[list[Line]]:
    """`lines` (top to bottom) in blocks of lines set one right under the other."""
    blocks: list[list[Line]] = []
    for line in lines:
        if blocks and line.top - blocks[-1][-1].bottom < 0.8 * line.size:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _side_heading_text(block: Sequence[Line], style: BodyStyle) -> bool:
    """Whether a margin block reads as a heading: every line bold (where the body is not) or
    larger than the body in one font, and the whole a heading by `headings.is_heading_line` (no
    sentence, caption or e-mail); or, on one line, heading words ("Introduction")."""
    first = block[0]
    text = " ".join(line.text for line in block)
    if len(block) == 1 and is_known_heading(text):
        return True
    set_off = (first.bold and not style.bold) or first.size >= LARGER * style.size
    same_font = all(line.bold == first.bold and abs(line.size - first.size) < 0.6 for line in block)
    return set_off and same_font and is_heading_line(replace(first, text=text), style)


def _page_style(body: Sequence[Line]) -> BodyStyle:
    """The font most of a page's body lines (by characters) are set in."""
    if not body:
        return BodyStyle(10.0)
    weights = np.array([len(line.text) for line in body], dtype=float)
    sizes = np.array([round(line.size * 2) / 2 for line in body])
    values, inverse = np.unique(sizes, return_inverse=True)
    size = float(values[np.bincount(inverse, weights=weights).argmax()])
    bold = float(weights[[line.bold for line in body]].sum()) > 0.5 * float(weights.sum())
    return BodyStyle(size, bold)


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


def _in_bands(
    sides: list[list[Line]], spanning: list[Line], gutter: Gutter, *, region_base: int, first: bool = False
) -> OrderedPage:
    """Columns read one after the other within each band between full-width lines."""
    spanning.sort(key=lambda line: line.top)
    floats = _floats(spanning)
    if floats:
        spanning = [line for line in spanning if not any(line is f for f in floats)]
    _widen_blocks(spanning, sides)
    # Front matter set beside other front matter: looked for on the first page only (a body page's
    # two columns opening with short list lines were read across each other, a review found).
    sidebar = _sidebar(sides, spanning) if first else None
    ordered: list[Line] = []
    region = region_base
    columns = [sorted(side, key=lambda line: line.top) for side in sides]
    taken = [0] * len(columns)
    previous_separator: Line | None = None
    cut = _abstract_band_end(columns, spanning)
    # A cut without a line: the end of an abstract in balanced columns, read before what is below;
    # the top of a float that the columns above were balanced over (`_balanced_floats`).
    separators: list[tuple[float, Line | None]] = [(line.top, line) for line in spanning]
    if sidebar:
        # Read before the block it stands beside, not line by line between that block's lines.
        block_top, lines = sidebar
        separators = sorted([*separators, *((block_top - 0.01, line) for line in lines)], key=lambda item: item[0])
    cuts = ([] if cut is None else [cut]) + _balanced_floats(columns, floats) + _closing_blocks(columns, spanning)
    if first:
        cuts += _side_by_side_blocks(columns, spanning, gutter)
    if cuts:
        separators = sorted([*separators, *((top, None) for top in cuts)], key=lambda item: item[0])
    for limit, separator in [*separators, (float("inf"), None)]:
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


def _abstract_band_end(columns: Sequence[Sequence[Line]], spanning: Sequence[Line]) -> float | None:
    """Where an abstract set in balanced columns ends: the top of the heading (or keywords line)
    under it in the first column, when a blank strip runs across every column there.

    Such an abstract (a multicols box under the title) is a band of its own: its columns are read
    before the body's below it. Without the cut, its right column was read after the body's left
    column. The blank strip tells it from a column that flows on beside the heading (IEEE's
    "Abstract—" above "I. Introduction" in the first column, the introduction going on in the
    second).
    """
    first = columns[0] if columns else ()
    others = [line for column in columns[1:] for line in column]
    labels = [line for line in [*first, *spanning] if _opens_abstract(line.text)]
    if not others or not labels:
        return None
    label = min(labels, key=lambda line: line.top)
    after = [i for i, line in enumerate(first) if line.top > label.top]
    ends = [i for i in after if is_known_heading(first[i].text.strip()) or is_keywords(first[i].text.strip())]
    if not ends or ends[0] == after[0]:
        return None
    end = first[ends[0]]
    if any(label.top < line.top < end.top for line in spanning):
        return None
    top, bottom = first[ends[0] - 1].bottom, end.top
    above = any(label.top < line.top and line.bottom <= top for line in others)
    below = any(line.top >= bottom for line in others)
    blank = not any(line.top < bottom and line.bottom > top for line in others)
    return bottom - 0.1 if above and below and blank else None


# The columns above a closing block end within this many line heights of each other (balanced).
BALANCED_MAX_LINES = 2.5


def _closing_blocks(columns: Sequence[Sequence[Line]], spanning: Sequence[Line]) -> list[float]:
    """The tops of headings set under balanced columns, outside them: each a band of its own,
    read after both columns above it.

    A browser's CSS columns end balanced where the article's column block ends; a heading set
    after that block ("Literatur", "References") starts at the left, so it looks like a line of
    the first column, and was read before the second column's text above it (the right column's
    acknowledgement fell under the references). Such a heading stands in the first column under
    a blank strip across every column, the others ending within BALANCED_MAX_LINES lines of the
    first above it; under it comes a full-width block (the references set full width), or, under
    an end-matter heading, columns of their own (a reference list in two columns). In LaTeX's
    flow the second column runs on beside such a heading, with no strip across it.
    """
    if len(columns) < 2 or not columns[0]:
        return []
    sizes = [line.size for column in columns for line in column if line.words >= PROSE_JOIN_WORDS and not line.cell]
    style = BodyStyle(float(np.median(sizes)) if sizes else columns[0][0].size)
    first, others = columns[0], [line for column in columns[1:] for line in column]
    cuts = []
    for previous, heading in pairwise(first):
        text = heading.text.strip()
        if not (is_known_heading(text) or is_heading_line(heading, style)):
            continue
        top, bottom = previous.bottom, heading.top
        if bottom <= top or any(line.top < bottom and line.bottom > top for line in [*others, *spanning]):
            continue
        reach = previous.top - BALANCED_MAX_LINES * previous.size
        if not all(any(reach < line.bottom <= top for line in column) for column in columns[1:]):
            continue
        below = [line for line in spanning if line.top >= heading.bottom]
        block = min((line.top for line in below), default=float("inf"))
        alone = not any(heading.bottom <= line.top < block for line in [*first, *others])
        if (below and alone) or (is_end_matter(text) and any(line.top >= bottom for line in others)):
            cuts.append(bottom - 0.1)
    return cuts


# A sidebar beside a front block (Elsevier's "Article info"): the block's lines start at least this
# share of the text's width right of its left edge; the block and the sidebar have as many lines.
SIDEBAR_MIN_INDENT = 0.2
SIDEBAR_MIN_LINES = 3


def _sidebar(sides: list[list[Line]], spanning: list[Line]) -> tuple[float, list[Line]] | None:
    """A narrow column of short lines beside a wide block that crosses the gutter: Elsevier's
    "Article info" (history dates, keywords) left of the abstract. The sidebar's lines are taken
    out of the first column and returned with the top of the block (its label included, which is
    moved from the first column to `spanning`), to be read before the block as a whole.

    Without this, every sidebar line was read between two of the abstract's lines (each abstract
    line crosses the gutter and so ends a band), cutting the abstract's sentences.
    """
    if len(sides) != 2 or not spanning:
        return None
    lines = [*sides[0], *sides[1], *spanning]
    edge, right = min(line.x0 for line in lines), max(line.x1 for line in lines)
    indented = [line for line in spanning if line.x0 >= edge + SIDEBAR_MIN_INDENT * (right - edge)]
    if len(indented) < SIDEBAR_MIN_LINES:
        return None
    starts = [round(line.x0) for line in indented]
    start = max(starts, key=starts.count)  # the left edge most of them share: the block's
    block = sorted((line for line in indented if abs(line.x0 - start) < 2.0), key=lambda line: line.top)
    if len(block) < SIDEBAR_MIN_LINES or any(b.top - a.top > 2.5 * b.size for a, b in pairwise(block)):
        return None
    top, bottom, size = block[0].top, block[-1].bottom, block[0].size
    labels = [line for line in sides[0] if abs(line.x0 - start) < 2.0 and top - 3 * size <= line.top < top]
    top = min([top, *(line.top for line in labels)])
    beside = [line for line in sides[0] if line.x1 <= start - size and top - size <= line.top < bottom]
    if len(beside) < SIDEBAR_MIN_LINES or any(
        start - size < line.x1 and line.top < bottom and line.bottom > top
        for line in sides[0]
        if line not in labels and line not in beside
    ):
        return None
    sides[0][:] = [line for line in sides[0] if not any(line is other for other in [*beside, *labels])]
    spanning.extend(labels)
    spanning.sort(key=lambda line: line.top)
    return top, sorted(beside, key=lambda line: line.top)


# A box of short lines beside a front block on a one-column first page (Taylor & Francis's
# "ARTICLE HISTORY ... KEYWORDS ..." right of the abstract, Elsevier's "ARTICLE INFO" left of it):
# its lines start this share of the text's width right of its left edge or further (or end this
# share of it short of its right edge), are this share of it wide or narrower, at least
# SIDE_BOX_MIN_LINES of them, each within SIDE_BOX_GAP of its size under the one above; only lines
# of the block stand beside it while it runs, clear of it by their size.
SIDE_BOX_START = 0.5
SIDE_BOX_MAX_WIDTH = 0.4
SIDE_BOX_MIN_LINES = 3
SIDE_BOX_MAX_LINES = 40  # a longer run of short lines is a list or a poem, and too long to try
SIDE_BOX_GAP = 3.5
SIDE_BOX_SIZE_STEP = 1.0  # points between the sizes of two lines of one box, at most
# The block beside it is prose: this share of its lines (and SIDE_BOX_MIN_LINES) hold this many words.
SIDE_BOX_PROSE_WORDS = 5
SIDE_BOX_PROSE_SHARE = 0.6


def _side_box(lines: Sequence[Line]) -> tuple[float, list[Line]] | None:
    """A narrow box of short lines beside a front block on a page without columns, and the top of
    the block: the box is read before the block (which may run on below it), as Elsevier's sidebar
    is in two columns (`_sidebar`)."""
    if len(lines) < 2 * SIDE_BOX_MIN_LINES:
        return None
    edge, right = min(line.x0 for line in lines), max(line.x1 for line in lines)
    width = right - edge
    narrow = [line for line in lines if line.width <= SIDE_BOX_MAX_WIDTH * width]
    for side in ("right", "left"):
        if side == "right":
            candidates = [line for line in narrow if line.x0 >= edge + SIDE_BOX_START * width]
        else:
            candidates = [line for line in narrow if line.x1 <= right - SIDE_BOX_START * width]
        if len(candidates) < SIDE_BOX_MIN_LINES:
            continue
        starts = [round(line.x0) for line in candidates]
        start = max(starts, key=starts.count)
        chosen = {id(line) for line in candidates}
        # Runs of candidates down the lines that start there: a wider line (an affiliation) or one
        # in another size (the body's first heading) ends one.
        runs: list[list[Line]] = [[]]
        for line in (line for line in lines if abs(line.x0 - start) < 2.0):
            above = runs[-1][-1] if runs[-1] else None
            if (
                id(line) not in chosen
                or (above and line.top - above.top > SIDE_BOX_GAP * line.size)
                or (above and abs(line.size - above.size) > SIDE_BOX_SIZE_STEP)
            ):
                runs.append([])
            if id(line) in chosen:
                runs[-1].append(line)
        for run in (run for run in runs if len(run) <= SIDE_BOX_MAX_LINES):
            # The longest stretch of the run beside the block (an author line may close up above it).
            stretches = (run[i:j] for i in range(len(run)) for j in range(len(run), i + SIDE_BOX_MIN_LINES - 1, -1))
            box = max((s for s in stretches if _beside_prose(lines, s, side)), key=len, default=None)
            if box:
                top = min(line.top for line in lines if line.bottom > box[0].top and line.top < box[-1].bottom)
                return top, box
    return None


def _beside_prose(lines: Sequence[Line], box: Sequence[Line], side: str) -> bool:
    """Whether only lines of prose stand beside the `box` on its `side`'s other side while it runs."""
    top, bottom = box[0].top, box[-1].bottom
    boxed = {id(line) for line in box}
    others = [line for line in lines if id(line) not in boxed and line.bottom > top and line.top < bottom]
    if side == "right":
        start = min(line.x0 for line in box)
        beside = [line for line in others if line.x1 <= start - line.size]
    else:
        end = max(line.x1 for line in box)
        beside = [line for line in others if line.x0 >= end + line.size]
    if len(beside) < SIDE_BOX_MIN_LINES or len(beside) < len(others):
        return False
    prose = [line for line in beside if not line.cell and line.words >= SIDE_BOX_PROSE_WORDS]
    return len(prose) >= max(SIDE_BOX_MIN_LINES, SIDE_BOX_PROSE_SHARE * len(beside))  # not a table's cells


# Author blocks side by side: lines this share of a column's width or narrower, the first lines of
# the blocks level within this share of their size, each block at least SIDE_BY_SIDE_MIN_LINES.
SIDE_BY_SIDE_MAX_SHARE = 0.75
SIDE_BY_SIDE_LEVEL = 0.5
SIDE_BY_SIDE_MIN_LINES = 2


def _side_by_side_blocks(columns: Sequence[Sequence[Line]], spanning: Sequence[Line], gutter: Gutter) -> list[float]:
    """The foot of a row of short blocks set side by side, one in each column, above the columns
    (ACM's and IEEE's author blocks: name, institution, city, e-mail), under a blank strip across
    the page: a band of its own, read block by block before the columns below.

    Without the cut, the right-hand author's block was read at the top of the right column, after
    the whole left column: in the body, and inside the sentence that runs from one column into the
    next. Body text in two columns has level lines too, but they fill their column's width.
    """
    if len(columns) != 2 or not all(columns):
        return []
    left, right = columns
    width = min(gutter.x0 - min(line.x0 for line in left), max(line.x1 for line in right) - gutter.x1)
    first = right[0]
    above = [line.bottom for line in spanning if line.bottom <= first.top]
    if any(line.top > first.top for line in spanning if line.bottom <= first.top) or width <= 0:
        return []
    level = [line for line in left if abs(line.top - first.top) <= SIDE_BY_SIDE_LEVEL * first.size]
    if not level or any(max(above, default=-np.inf) < line.top < level[0].top and line.size < first.size for line in left):
        return []
    blocks = [_block_from(left, left.index(level[0])), _block_from(right, 0)]
    if any(len(block) < SIDE_BY_SIDE_MIN_LINES for block in blocks):
        return []
    if any(line.width > SIDE_BY_SIDE_MAX_SHARE * width for block in blocks for line in block):
        return []
    foot = max(block[-1].bottom for block in blocks)
    below = [line for line in [*left, *right, *spanning] if line.top >= foot]
    if len(below) < 2 or any(line.top < foot and line.bottom > foot for line in [*left, *right]):
        return []
    start = min(line.top for line in below)
    if start - foot < 0.8 * first.size:
        return []  # no blank strip across the page under the blocks
    if not any(line.top >= foot for line in left) or not any(line.top >= foot for line in right):
        return []  # both columns go on under the blocks
    return [start - 0.1]


def _block_from(column: Sequence[Line], start: int) -> list[Line]:
    """The lines of `column` from `start` on that follow one another with no paragraph gap."""
    block = [column[start]]
    for line in column[start + 1 :]:
        if line.top - block[-1].bottom >= 0.8 * line.size:
            break
        block.append(line)
    return block


def _opens_abstract(text: str) -> bool:
    """ "Abstract" alone, or run into the text after a separator ("Abstract: ...", "Abstract—...")."""
    match = lexicon().abstract_label.match(text)
    return match is not None and (not match.group("rest") or bool(match.group("sep")))


def _balanced_floats(columns: Sequence[Sequence[Line]], floats: Sequence[Line]) -> list[float]:
    """The tops of full-width floats that the columns break at, read band by band, where the
    text says so.

    LaTeX and journal layouts let the columns flow around a full-width float (left column above
    and below it, then the right one); a browser's CSS columns (`column-span: all`, which Chromium
    prints) and a word processor's section breaks balance the columns above it and start again in
    the left column below. Only the text tells the two apart: the page is read band by band when
    that puts fewer sentences or hyphenated words out of step at the column joins
    (`_out_of_step`) than the flow around does.
    """
    if len(columns) != 2:
        return []
    sizes = [line.size for column in columns for line in column if line.words >= PROSE_JOIN_WORDS and not line.cell]
    if not sizes:
        return []
    body = float(np.median(sizes))
    tops = [f.top for i, f in enumerate(floats) if i == 0 or not _same_block(floats[i - 1], f)]
    # A caption narrower than a column over a full-width table is read as a column's line: its
    # smaller print tells it from a sentence that starts "Table 2 shows".
    tops += [line.top for column in columns for line in column if _CAPTION.match(line.text) and line.size < 0.95 * body]
    if not tops:
        return []
    tops.sort()
    # Running text only: no table cell, caption or figure label (another size, or off the column's edge).
    text = []
    for column in columns:
        at_size = [line for line in column if abs(line.size - body) <= 0.6 and not line.cell]
        edge = min((line.x0 for line in at_size), default=0.0)
        text.append([line for line in at_size if line.x0 - edge < 3 * body])
    bounds = [-np.inf, *tops, np.inf]
    segments = [[[line for line in column if a <= line.top < b] for a, b in pairwise(bounds)] for column in text]
    flowing = [*segments[0], *segments[1]]
    banded = [segment for pair in zip(*segments, strict=True) for segment in pair]
    if _out_of_step(banded) < _out_of_step(flowing):
        return tops
    return []


# A line of running text, for `_balanced_floats`: this many words, no table cell.
PROSE_JOIN_WORDS = 4


def _out_of_step(segments: Sequence[Sequence[Line]]) -> float:
    """How many joins between consecutive stretches of text (read in this order) break the text:
    a word hyphenated at a line end going on in a capital, or a sentence ended going on in lower
    case; a line ending in a lower-case word going on in a capital counts half (a name may follow)."""
    stretches = [segment for segment in segments if segment]
    bad = 0.0
    for before, after in pairwise(stretches):
        end = before[-1].text.rstrip()
        start = after[0].text.lstrip()[:1]
        if not start.isalpha():
            continue
        if before[-1].hyphenated or end.endswith(("-", "\u2010")):
            bad += start.isupper()
        elif end.endswith((".", "?", "!")):
            bad += start.islower()
        elif end[-1:].isalpha() and end[-1:].islower():
            bad += 0.5 * start.isupper()
    return bad


def _floats(spanning: list[Line]) -> list[Line]:
    """Full-width captions (with their continuation lines): the columns flow around them."""
    floats: list[Line] = []
    for line in spanning:
        if _CAPTION.match(line.text) or (floats and _same_block(floats[-1], line)):
            floats.append(line)
    return floats


# A label of a full-width block (`_widen_blocks`) has at most this many words.
LABEL_MAX_WORDS = 3


def _widen_blocks(spanning: list[Line], sides: list[list[Line]]) -> None:
    """Move the short last lines of full-width blocks (a title's "of dementia") to the blocks,
    and the short labels right above them ("Abstract" over a full-width abstract).

    Such a line ends before the gutter, so it looks like a left-column line; it is one when it sits
    right under a full-width line of the same size with nothing beside it in another column. A
    label set off by its font (bold, capitals, larger) right above a full-width block and starting
    where it starts is the block's too, and so is an abstract label in the body's font: read in
    the left column, it came before the right column of two-column affiliations above it, and
    those were read as the abstract.
    """
    if not spanning:
        return
    for side in sides:
        other = [line for column in sides if column is not side for line in column]
        moved = []
        for line in side:
            above = [s for s in spanning if _same_block(s, line)]
            if not above:
                above = [s for s in spanning if _labels(line, s)]
            beside = any(o.top < line.bottom and line.top < o.bottom for o in other)
            if above and not beside:
                moved.append(line)
        for line in moved:
            side.remove(line)
            spanning.append(line)
    spanning.sort(key=lambda line: line.top)


def _labels(label: Line, block: Line) -> bool:
    """Whether `label` is the label of the full-width block whose first line is `block`."""
    if label.words > LABEL_MAX_WORDS or abs(label.x0 - block.x0) > 0.5 * block.size:
        return False
    set_off = label.bold or label.text.isupper() or label.size > 1.1 * block.size
    return (set_off or _abstract_label(label.text)) and 0 <= block.top - label.bottom < 1.2 * block.size


def _abstract_label(text: str) -> bool:
    """ "Abstract" (in any language the lexicon reads) alone on its line: a label even in the body's font."""
    match = lexicon().abstract_label.match(text)
    return match is not None and not match.group("rest")


def _same_block(previous: Line, line: Line) -> bool:
    """Consecutive full-width lines of one block (a wrapped title or abstract)."""
    return abs(previous.size - line.size) < 0.6 and 0 <= line.top - previous.bottom < 1.2 * line.size
