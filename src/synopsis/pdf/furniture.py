"""Page furniture: running headers and footers, page numbers, footnotes.

Running headers and footers are found by repetition: a line near the top or bottom edge whose
text, with digits masked, comes back on many pages ("Social Inclusion, 2015, Volume 3, Issue 3,
Pages 19-23 19"). Page numbers are recognised by their form alone. Footnotes are the block of
smaller print at the foot of a column; they are kept apart from the body, not thrown away.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import partial
from itertools import pairwise

from ..clean import rules
from .lexicon import lexicon
from .lines import SAME_ROW, Line
from .reader import Word

# Lines this close to the top or bottom edge (share of the page height) may be furniture.
EDGE_ZONE = 0.1
# ... and, further in, the first and last rows of a page when within this share.
OUTER_ZONE = 0.16
# A key repeated on this share of the pages (at least 2) is a running header or footer.
REPEAT_SHARE = 0.3
# ... or on this many pages within RUN_SPAN pages either side of it (a chapter's running head).
RUN_MIN_PAGES = 3
RUN_SPAN = 4
# A line printed this much larger than the document's median line is a heading, never a running head.
HEADER_MAX_SIZE = 1.3
# Footnotes sit in the lower part of the page and are printed smaller than the body.
FOOTNOTE_ZONE = 0.55
FOOTNOTE_SIZE = 0.92
# Print this much smaller than the body at the foot of a column is a note whatever it starts with.
FOOTNOTE_TINY = 0.8
PAGE_NUMBER = re.compile(
    r"^\s*(?:page\s*)?[-–—]?\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*[-–—]?(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE
)
_FOOTNOTE_START = re.compile(r"^\s*(?:[*†‡§¶#]+|\d{1,3}[.)]?\s|\d{1,3}(?=[A-Za-z])|\(\d{1,3}\)|[a-z]\s)")
# The marker a note starts its line with: a symbol ("*", "†") or a number ("2", "2.", "2)", "2This").
_NOTE_MARK = re.compile(r"^\s*(?:(?P<symbol>[*∗†‡§¶]+)\s*(?=\S)|(?P<number>\d{1,3})(?:[.)]?\s|(?=[^\W\d_])))")
# A note's line that stops this many font sizes short of its block's right edge is its last line.
NOTE_SHORT_EM = 2.0
# A note's last line ends a sentence or a link ("7http://rtw.ml.cmu.edu/rtw/").
_ENDS_NOTE = re.compile(r"(?:[.!?][\"”’')\]]*|(?:://|www\.)\S*)\s*$")


def furniture_key(text: str) -> str:
    """Digits masked, case and spacing folded: the same header on pages 3 and 14 gets one key."""
    return re.sub(r"\s+", " ", re.sub(r"\d+", "#", text.lower())).strip()


def edge_lines(lines: Sequence[Line], height: float) -> list[int]:
    """Indices of the lines that may be headers or footers: near an edge of the page."""
    if not lines:
        return []
    picked = {i for i, line in enumerate(lines) if line.top < EDGE_ZONE * height or line.bottom > (1 - EDGE_ZONE) * height}
    first = min(range(len(lines)), key=lambda i: lines[i].top)
    last = max(range(len(lines)), key=lambda i: lines[i].bottom)
    if lines[first].top < OUTER_ZONE * height:
        picked.add(first)
    if lines[last].bottom > (1 - OUTER_ZONE) * height:
        picked.add(last)
    return sorted(picked)


def find_running(pages: Sequence[tuple[Sequence[Line], float]]) -> list[dict[int, str]]:
    """For each page, {line index: reason} of its furniture ("running_header" or "page_number").

    `pages` holds each page's lines and height.
    """
    sizes = sorted(line.size for lines, _ in pages for line in lines)
    # A chapter's opening "Chapter 2" comes back at the top of several pages, but in a heading's
    # large print: running heads are set no larger than the text.
    largest = HEADER_MAX_SIZE * sizes[len(sizes) // 2] if sizes else float("inf")
    edges = [
        [i for i in edge_lines(lines, height) if lines[i].size < largest and not SHORT_REFERENCE_NOTE.match(lines[i].text)]
        for lines, height in pages
    ]
    needed = max(2, round(REPEAT_SHARE * len(pages)))
    # A table at a page's foot: its figures are no page numbers, its rows no footers. Its rows end
    # at a running footer's words set just under them, which recur outside tables on other pages.
    tables = [table_at_foot(lines, height) for lines, height in pages]
    outside = _edge_keys(pages, [[i for i in found if i not in table] for found, table in zip(edges, tables, strict=True)])
    for page, (lines, height) in enumerate(pages):
        if tables[page]:
            tables[page] = table_at_foot(lines, height, running=partial(_running_words, outside, page, needed))
    candidates = [[i for i in found if i not in table] for found, table in zip(edges, tables, strict=True)]
    seen = _edge_keys(pages, candidates)
    found: list[dict[int, str]] = []
    for page, (lines, _) in enumerate(pages):
        marks: dict[int, str] = {}
        numbers = [lines[i] for i in candidates[page] if PAGE_NUMBER.match(lines[i].text)]
        for i in candidates[page]:
            text = lines[i].text
            if PAGE_NUMBER.match(text):
                marks[i] = "page_number"
            elif len(pages) > 1 and _recurs(seen[furniture_key(text)], page, needed):
                marks[i] = "running_header"
            elif any(lines[i].top < number.bottom and number.top < lines[i].bottom for number in numbers):
                marks[i] = "running_header"  # "Chapter 2. Methods    17": beside the page number
        found.append(marks)
    return found


def _edge_keys(pages: Sequence[tuple[Sequence[Line], float]], picked: Sequence[Sequence[int]]) -> dict[str, set[int]]:
    """{furniture key: the pages it stands on} for the picked lines of each page."""
    seen: dict[str, set[int]] = defaultdict(set)
    for page, (lines, _) in enumerate(pages):
        for i in picked[page]:
            key = furniture_key(lines[i].text)
            if key:
                seen[key].add(page)
    return seen


def _running_words(seen: dict[str, set[int]], page: int, needed: int, line: Line) -> bool:
    """Whether `line` has words (not figures alone: a table's "12" is every page number's key) and
    recurs at the edge of other pages as a running line does."""
    key = furniture_key(line.text)
    return re.search(r"[^\W\d_]", key) is not None and _recurs(seen.get(key, set()) - {page}, page, needed)


# A footnote that only points back ("1 Ibid.", "23 Ibid., p. 4", "* Op. cit."): the same on many
# pages once digits are masked, yet a footnote, not a running footer.
SHORT_REFERENCE_NOTE = re.compile(r"^\s*(?:\d{1,3}|[*†‡§])\s*\.?\s*(?:ibid|ibidem|op\.\s*cit|id\.|loc\.\s*cit)\b", re.IGNORECASE)


def _recurs(pages: set[int], page: int, needed: int) -> bool:
    """Whether a header's key comes back often enough: on `needed` pages of the document, or on
    RUN_MIN_PAGES pages near this one (a thesis chapter's name over each of its pages)."""
    if len(pages) >= needed:
        return True
    return len(pages) >= RUN_MIN_PAGES and sum(abs(other - page) <= RUN_SPAN for other in pages) >= RUN_MIN_PAGES


def split_footnotes(lines: Sequence[Line], height: float, body_size: float) -> tuple[list[Line], list[list[Line]]]:
    """Separate the footnote blocks at the foot of each column (region) from the other lines.

    A footnote block is a run of lines printed smaller than the body at the bottom of a column, in
    the lower part of the page, that starts with a note marker or stands apart from the text above.
    """
    by_region: dict[int, list[int]] = defaultdict(list)
    for i, line in enumerate(lines):
        by_region[line.region].append(i)
    notes: set[int] = set()
    blocks: list[list[Line]] = []
    for indices in by_region.values():
        start = len(indices)
        while start > 0 and lines[indices[start - 1]].size < FOOTNOTE_SIZE * body_size:
            start -= 1
        block = indices[start:]
        if not block or lines[block[0]].top < FOOTNOTE_ZONE * height:
            continue
        first = lines[block[0]]
        if rules.CAPTION_LINE.match(first.text) and not first.markers:
            # A figure's caption in small print under it ("Figure 3. ..."), read as a caption; notes
            # under it in the same small print (a line that opens with a note mark) are still notes.
            after = next((k for k in range(1, len(block)) if _opens_note(lines[block[k]])), None)
            if after is None:
                continue
            start, block = start + after, block[after:]
            first = lines[block[0]]
        # A run that fills its region (full-width notes below two columns) needs a note marker.
        apart = start > 0 and first.top - lines[indices[start - 1]].bottom > 0.6 * body_size
        tiny = start > 0 and first.size < FOOTNOTE_TINY * body_size
        if _opens_note(first) or apart or tiny:
            notes.update(block)
            blocks.extend(split_notes([lines[i] for i in block]))
    kept = [line for i, line in enumerate(lines) if i not in notes]
    return kept, blocks


def _opens_note(line: Line) -> bool:
    """Whether a line opens a note: a raised marker, or a number or symbol that starts it."""
    return bool(line.markers) or _FOOTNOTE_START.match(line.text) is not None


def split_notes(block: Sequence[Line]) -> list[list[Line]]:
    """The notes of a footnote block: a new note starts at a line that opens with a symbol ("*",
    "†"), or with the next number (the previous note's plus one, printed or raised; any number
    after a note without one) where the line above ends a note: a sentence, a link, or short of
    the block's right edge. A line that opens with another number ("12 countries") goes on the
    note above."""
    if not block:
        return []
    notes: list[list[Line]] = [[block[0]]]
    last = _note_number(block[0])
    right = max(line.x1 for line in block)
    for previous, line in pairwise(block):
        match = _NOTE_MARK.match(line.text)
        number = int(match.group("number")) if match and match.group("number") else None
        raised = line.markers[0] if line.markers and line.markers[0].isdigit() else ""
        # A raised number goes on from the last note's, or opens the numbered notes under notes
        # marked with symbols ("*", "†": `last` is None).
        if number is None and raised and int(raised) == (1 if last is None else last + 1):
            number = int(raised)
        ended = _ENDS_NOTE.search(previous.text) is not None or previous.x1 < right - NOTE_SHORT_EM * previous.size
        expected = number is not None and (last is None or number == last + 1) and ended
        if (match is not None and match.group("symbol") is not None) or expected:
            notes.append([line])
            last = number
        else:
            notes[-1].append(line)
    return notes


def _note_number(line: Line) -> int | None:
    """The number a note's first line opens with, printed or raised; None for a symbol or none."""
    match = _NOTE_MARK.match(line.text)
    if match and match.group("number"):
        return int(match.group("number"))
    if line.markers and line.markers[0].isdigit():
        return int(line.markers[0])
    return None


def first_page_print(lines: Sequence[Line], height: float, body_size: float) -> set[int]:
    """Small print at the edges of the first page: journal, proceedings, licence and DOI lines.

    They are not repeated, so repetition cannot find them, but on the first page a line in the
    top or bottom zone printed smaller than the body is never body text. A table's rows that run
    on into the bottom zone from above it are the table's (`table_at_foot`), not edge print.
    """
    table = table_at_foot(lines, height)
    return {
        i
        for i, line in enumerate(lines)
        if (line.top < EDGE_ZONE * height or line.bottom > (1 - EDGE_ZONE) * height)
        and line.size < 0.95 * body_size
        and i not in table
    }


# A table's rows follow one another at most this many font sizes apart, top to top.
TABLE_ROW_PITCH = 2.0


def table_at_foot(lines: Sequence[Line], height: float, running: Callable[[Line], bool] | None = None) -> set[int]:
    """Indices of table cells in the bottom edge zone whose rows go on from a row of cells above
    the zone, each this row's size and at most `TABLE_ROW_PITCH` sizes under the row above: a
    small table at a first page's foot was read as edge print from the zone's line on, its rows
    above it as the table's. A row level with a `running` line ends the table: a running footer
    ("Journal of Harbour Studies 12 (2020)   3") set just under the last row had its page number
    taken into it, read as a fragment."""
    rows: list[list[int]] = []
    for i in sorted((i for i, line in enumerate(lines) if line.cell), key=lambda i: lines[i].top):
        if rows and abs(lines[i].top - lines[rows[-1][0]].top) < 0.3 * lines[i].size:
            rows[-1].append(i)
        else:
            rows.append([i])
    found: set[int] = set()
    chained = False  # the row above belongs to a table that started above the zone
    for above, row in pairwise([[], *rows]):
        first = lines[row[0]]
        if first.bottom <= (1 - EDGE_ZONE) * height:
            chained = True  # a row above the zone
            continue
        chained = (
            chained
            and bool(above)
            and not (running and any(running(other) for other in lines if abs(other.top - first.top) < 0.3 * first.size))
            and abs(first.size - lines[above[0]].size) < 0.6
            and 0 < first.top - lines[above[0]].top <= TABLE_ROW_PITCH * first.size
        )
        if chained:
            found.update(row)
    return found


# Line numbers of a submitted manuscript: a number at the start of a line, standing out of the
# text's left edge, increasing down the page; at least LINE_NUMBERS_MIN of them on a page.
LINE_NUMBERS_MIN = 3
_LEADING_NUMBER = re.compile(r"(\d{1,4})(?:\s+|$)")


def line_numbers(lines: Sequence[Line]) -> tuple[dict[int, str], float]:
    """The manuscript line numbers of a page: line index -> the number, for lines that start with
    one left of where the page's text lines start ("5 temperature and an index of ...", or "10"
    alone where the gap cut it off), and for numbers alone right of where its text lines end (a
    manuscript numbered on both sides, or on the right); and the left edge. Empty unless they
    count up down the page (on each side), so a numbered list or a table's first column (which
    start at the text's edge) is never taken."""
    starts: dict[float, int] = defaultdict(int)
    for line in lines:
        if line.words >= 5:
            starts[round(line.x0)] += 1
    if not starts:
        return {}, 0.0
    edge = max(starts, key=lambda x: (starts[x], -x))  # where most text lines start
    found: list[tuple[float, int, str]] = []
    for i, line in enumerate(lines):
        match = _LEADING_NUMBER.match(line.text)
        if match and line.x0 < edge - 0.5 * line.size and (match.end() == len(line.text) or line.x1 > edge):
            found.append((line.top, i, match.group(1)))
    numbers = _counting_up(found)
    right = max(line.x1 for line in lines if line.words >= 5)  # where the text ends
    beyond = [(line.top, i, line.text.strip()) for i, line in enumerate(lines) if _ALONE_NUMBER.match(line.text)]
    numbers.update(_counting_up([(top, i, number) for top, i, number in beyond if lines[i].x0 > right + 0.5 * lines[i].size]))
    return numbers, edge


_ALONE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")


def _counting_up(found: list[tuple[float, int, str]]) -> dict[int, str]:
    """{line index: number} of (top, index, number) found, if they are LINE_NUMBERS_MIN or more
    and count up down the page; else empty."""
    found.sort()
    values = [int(number) for _, _, number in found]
    if len(found) < LINE_NUMBERS_MIN or any(b <= a for a, b in pairwise(values)):
        return {}
    return {i: number for _, i, number in found}


# Line numbers of a review copy found among a page's words, before rows are cut into columns: a
# column of lone numbers at one x (in a margin, or in the gutter between two text columns, where
# they hide the gutter and join the columns into table rows) that count up down the page at an
# even pitch of a line (the pitch per step alike within NUMBER_PITCH_TOLERANCE, for
# NUMBER_PITCH_SHARE of the steps, and at most NUMBER_PITCH_EM font sizes: a reference list's
# numbers are as far apart as its entries are long, a numbered table's rows are spaced out),
# beside words of text (NUMBER_TEXT_WORDS with letters on the row, for NUMBER_TEXT_SHARE of them:
# a column of years in a table stands beside numbers) and apart from them (NUMBER_APART_EM: a
# table's "Station 12" is one label). NUMBER_COLUMN_MIN of them or more: the numbered rows of a
# table or figure on the real PDFs are five.
NUMBER_COLUMN_MIN = 8
NUMBER_PITCH_TOLERANCE = 0.15
NUMBER_PITCH_SHARE = 0.7
NUMBER_PITCH_EM = 3.0
NUMBER_TEXT_WORDS = 3
NUMBER_TEXT_SHARE = 0.6
NUMBER_APART_EM = 0.5
# And they stand in a strip of their own (words of text cross it for at most NUMBER_INSIDE_SHARE
# of the numbers), or they run down NUMBER_SPAN_SHARE of the page's text, a line numbered in it.
NUMBER_INSIDE_SHARE = 0.25
NUMBER_SPAN_SHARE = 0.75
_NUMBER_WORD = re.compile(r"^\d{1,4}$")


def number_columns(words: Sequence[Word]) -> list[list[int]]:
    """The columns of line numbers among `words` (see NUMBER_COLUMN_MIN): indices of `words`, each
    column top to bottom, the columns left to right.

    Numbers are set flush right ("9" above "10") or flush left, so a column is sought by either
    edge. Empty for almost every page: it takes NUMBER_COLUMN_MIN lone numbers to ask."""
    numbers = [i for i, word in enumerate(words) if _NUMBER_WORD.match(word.text)]
    if len(numbers) < NUMBER_COLUMN_MIN:
        return []
    found: list[list[int]] = []
    taken: set[int] = set()
    for edge in (lambda w: w.x1, lambda w: w.x0):
        for group in _aligned([i for i in numbers if i not in taken], words, edge):
            if _counts_up_evenly(group, words) and _beside_text(group, words) and _apart_from_text(group, words):
                found.append(group)
                taken.update(group)
    return sorted(found, key=lambda group: words[group[0]].x0)


def _aligned(numbers: Sequence[int], words: Sequence[Word], edge: Callable[[Word], float]) -> list[list[int]]:
    """`numbers` grouped by `edge`, within half a font size of the group's first; groups of
    NUMBER_COLUMN_MIN or more, each top to bottom."""
    ordered = sorted(numbers, key=lambda i: edge(words[i]))
    groups: list[list[int]] = []
    for i in ordered:
        if groups and edge(words[i]) - edge(words[groups[-1][0]]) <= 0.5 * words[i].size:
            groups[-1].append(i)
        else:
            groups.append([i])
    return [sorted(group, key=lambda i: words[i].top) for group in groups if len(group) >= NUMBER_COLUMN_MIN]


def _counts_up_evenly(group: Sequence[int], words: Sequence[Word]) -> bool:
    values = [int(words[i].text) for i in group]
    steps = [b - a for a, b in pairwise(values)]
    if any(step <= 0 for step in steps):
        return False
    pitches = sorted((words[j].top - words[i].top) / step for (i, j), step in zip(pairwise(group), steps, strict=True))
    pitch = pitches[len(pitches) // 2]
    if not 0 < pitch <= NUMBER_PITCH_EM * max(words[i].bottom - words[i].top for i in group):
        return False
    even = sum(abs(p - pitch) <= NUMBER_PITCH_TOLERANCE * pitch for p in pitches)
    return even >= NUMBER_PITCH_SHARE * len(pitches)


def _apart_from_text(group: Sequence[int], words: Sequence[Word]) -> bool:
    """Whether the numbers of `group` stand outside the text (in a margin or a gutter, where few
    words of text cross their strip: NUMBER_INSIDE_SHARE, a title or a full-width abstract over a
    gutter), or run down most of the page's text (NUMBER_SPAN_SHARE). A numbered table's or
    reference list's numbers stand where the text's lines start, and only for a block of rows."""
    left, right = min(words[i].x0 for i in group), max(words[i].x1 for i in group)
    lettered = [w for w in words if _LETTER.search(w.text)]
    crossing = sum(w.x0 < right and left < w.x1 for w in lettered)
    if crossing <= NUMBER_INSIDE_SHARE * len(group):
        return True
    top, bottom = min(w.top for w in lettered), max(w.bottom for w in lettered)
    return words[group[-1]].bottom - words[group[0]].top >= NUMBER_SPAN_SHARE * (bottom - top)


def _beside_text(group: Sequence[int], words: Sequence[Word]) -> bool:
    """Whether most numbers of `group` share their row with words of text and stand apart from
    them, by more than a word space (NUMBER_APART_EM); other numbers (the next column's line
    numbers) may be near."""
    beside = 0
    for i in group:
        number = words[i]
        center, reach = (number.top + number.bottom) / 2, SAME_ROW * max(number.bottom - number.top, 1.0) * 2
        row = [w for w in words if not _NUMBER_WORD.match(w.text) and abs((w.top + w.bottom) / 2 - center) < reach]
        lettered = sum(w.text.lower() != w.text.upper() for w in row)
        apart = all(max(w.x0 - number.x1, number.x0 - w.x1) > NUMBER_APART_EM * max(w.size, number.size) for w in row)
        beside += lettered >= NUMBER_TEXT_WORDS and apart
    return beside >= NUMBER_TEXT_SHARE * len(group)


# A table of contents' entry: dot leaders ("1 Introduction ........ 3", ". . . . 3") up to the
# page number or the row's end; or, under a "Contents" heading, a title and a page number.
_LEADERS = re.compile(r"(?:(?:[.·]\s?){4,}|…{2,})\s*(?:\d{1,4}|[ivxlcdm]{1,7})?\s*$", re.IGNORECASE)
_PAGE_REF = re.compile(r"[^\W\d_].*\s(?:\d{1,4}|[ivxlcdm]{1,7})\s*$", re.IGNORECASE)
_REF_ONLY = re.compile(r"^\s*(?:\d{1,4}|[ivxlcdm]{1,7})\s*$", re.IGNORECASE)
CONTENTS_MIN_LEADERS = 3  # rows with dot leaders that make a table of contents without its heading
CONTENTS_MIN_ENTRIES = 2  # entries under a "Contents" or "List of Figures" heading
# Without its heading, the rows with dot leaders are a table of contents only where their page
# numbers go up and they (with their wrapped first rows) fill this share of the page's rows.
CONTENTS_FILL = 0.5
_PAGE_AT_END = re.compile(r"(?:^|\s|[.·…])(?:(?P<arabic>\d{1,4})|(?P<roman>[ivxlcdm]{1,7}))\s*$", re.IGNORECASE)
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def contents_lines(lines: Sequence[Line]) -> list[int]:
    """Indices of a page's table of contents (or list of figures or tables): its heading, its
    entries and their page numbers, wherever it stands (a report's first page, a thesis's third).

    Not article text: read as text, its entries were names of authors on a first page and
    fragments on a thesis's contents page, and a list of figures reached the body.
    """
    rows = _rows(lines)
    texts = [" ".join(lines[i].text.strip() for i in row) for row in rows]
    leaders = [k for k, text in enumerate(texts) if _LEADERS.search(text) and _LETTER.search(text)]
    heads = [k for k, text in enumerate(texts) if lexicon().lists.match(text)]
    entries = set(leaders)
    for head in heads:
        k = head + 1
        while k < len(rows) and (k in entries or _PAGE_REF.search(texts[k]) or k + 1 in entries):
            entries.add(k)
            k += 1
    headed = bool(heads) and len(entries) >= CONTENTS_MIN_ENTRIES
    if not headed and (len(leaders) < CONTENTS_MIN_LEADERS or not _pages_increase([texts[k] for k in leaders])):
        return []
    # A long entry wrapped onto two rows: the first has no page number of its own.
    entries |= {k - 1 for k in entries if k > 0 and k - 1 not in entries and not _REF_ONLY.match(texts[k - 1])}
    if not headed and len(entries) < CONTENTS_FILL * len(rows):
        return []  # a table set with dot leaders ("Mean age . . . . 34") in a page of text
    return sorted(i for k in sorted(entries | set(heads)) for i in rows[k])


def _pages_increase(texts: Sequence[str]) -> bool:
    """Whether the page numbers the entries end in never go down (roman front-matter numbers and
    arabic ones each on their own): a table's values ("34", "52", "118", "12") do."""
    arabic: list[int] = []
    roman: list[int] = []
    for text in texts:
        match = _PAGE_AT_END.search(text)
        if match is None:
            continue
        if match.group("arabic"):
            arabic.append(int(match.group("arabic")))
        else:
            roman.append(_roman_value(match.group("roman")))
    return all(a <= b for values in (arabic, roman) for a, b in pairwise(values))


def _roman_value(text: str) -> int:
    values = [_ROMAN[char] for char in text.lower()]
    return sum(-v if k + 1 < len(values) and v < values[k + 1] else v for k, v in enumerate(values))


def _rows(lines: Sequence[Line]) -> list[list[int]]:
    """A page's lines in rows (pieces level with each other), top to bottom, each left to right."""
    order = sorted(range(len(lines)), key=lambda i: (lines[i].top, lines[i].x0))
    rows: list[list[int]] = []
    for i in order:
        line = lines[i]
        if rows and any(line.center < lines[j].bottom and lines[j].top < line.center for j in rows[-1]):
            rows[-1].append(i)
        else:
            rows.append([i])
    return [sorted(row, key=lambda i: lines[i].x0) for row in rows]


_LETTER = re.compile(r"[^\W\d_]")
