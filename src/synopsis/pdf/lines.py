"""Words to lines: group a page's words by baseline, then cut each row at wide gaps.

A row of words at one height may hold a line of each column (or table cells); it is cut wherever
the space between two words is much wider than a word space, so every `Line` lies within one
column. Superscript markers (footnote and affiliation numbers) standing as words of their own are
dropped here, the ones glued to a word were already cut by the reader.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from ..clean.rules import CHAR_MAP, FULL_WIDTH
from ..language import function_words
from .reader import Word

# A gap wider than this many font sizes is not a word space: a column gutter or a table gap.
# Word spaces in justified text measured on the real PDFs stay under 1.0 em; the narrowest
# gutter (ACL two-column) is 1.5 em.
SPLIT_GAP_EM = 1.3
# Justified text in a narrow column stretches every word space of a line alike, beyond
# SPLIT_GAP_EM where long words do not fit (Chromium and word-processor PDFs: 1.3-5 em). At least
# JUSTIFIED_MIN_GAPS consecutive gaps this alike (within JUSTIFIED_TOLERANCE_EM plus
# JUSTIFIED_TOLERANCE_SHARE of the first), under JUSTIFIED_MAX_EM, between words that read as
# text (`_reads_as_text`), are word spaces: a table's gaps differ with the widths of its cells'
# contents, and cells alike in width (numbers, labels such as "8.a", names) do not read as text. Set on two Chromium-made PDFs;
# the real PDFs of ../shared/data/pdf extract exactly as before.
JUSTIFIED_MIN_GAPS = 2
JUSTIFIED_TOLERANCE_EM = 0.1
JUSTIFIED_TOLERANCE_SHARE = 0.05
JUSTIFIED_MAX_EM = 6.0
# Words whose vertical centres differ by less than this share of their height share a row.
SAME_ROW = 0.4
# Words of one size whose bottoms differ by this many points or less stand on one printed line.
SAME_BASELINE = 0.05
# Ligatures and odd spaces to what a reader typed (the cleaning stage's table, without its line
# breaks: a line has none); U+02BC (modifier apostrophe) to the apostrophe most fonts mean by it.
# Symbol/Wingdings bullets arrive as private-use characters: a bullet is what they show.
_PRIVATE_BULLETS = dict.fromkeys("\uf0b7\uf0a7\uf0a8\uf0d8\uf076\uf06e\uf0fc\uf0de", "\u2022")
_NORMALISE = str.maketrans(
    {
        **{ch: (" " if rep == "\n" else rep) for ch, rep in CHAR_MAP.items()},
        **{chr(wide): chr(narrow) for wide, narrow in FULL_WIDTH.items()},
        **_PRIVATE_BULLETS,
        "\u02bc": "\u2019",
        "\x02": "\ufffe",
        "\u00ad": "\ufffe",
    }
)
_INF = float("inf")
_MARKER_WORD = re.compile(r"^[\d,*†‡§¶∗⁎a-f]{1,6}$")
# A word a raised number right after it marks with a footnote (`_with_powers`): three letters at its
# end ("Chen"; "cm", "mm" take a power), or a closing mark after a letter or digit ("2000.").
_FOOTNOTED = re.compile(r"(?:[^\W\d_]{3}|[^\W_][.,;:])$")


@dataclass(frozen=True, slots=True)
class Line:
    """A run of words on one baseline within one column; y grows down the page.

    `size` is the font size most of its characters have; `bold` means every word with letters is
    bold and `bold_lead` counts the bold words a run-in heading ("Methods. We ...") starts with.
    `hyphenated` is set when the line ends in a hyphen PDFium marked as a line-end (soft) hyphen,
    which is then removed from `text`.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    page: int
    bold: bool = False
    italic: bool = False
    bold_lead: int = 0
    hyphenated: bool = False
    markers: tuple[str, ...] = ()
    region: int = 0  # set by reading order: lines of one column stretch share a region
    cell: bool = False  # one of several pieces of a row within a column: a table cell
    mono: bool = False  # every word with letters in a fixed-pitch font: a code listing's line

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def center(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def words(self) -> int:
        return len(self.text.split())


def build_lines(
    rows: Sequence[Sequence[Word]],
    page: int,
    gutter: tuple[float, float] | None = None,
    more: Sequence[tuple[float, float]] = (),
) -> list[Line]:
    """The lines of a page's `rows` (see `rows_of`), top to bottom, left to right within a row.

    With a `gutter` (x0, x1), a row is also cut at a gap over the gutter that is narrower than a
    column break usually is (the ACL gutter is 1.3 em), as long as it is wider than a word space;
    `more` are the further gutters of a page of three columns.
    """
    lines: list[Line] = []
    strips = [gutter, *more] if gutter else []
    middles = [(x0 + x1) / 2 for x0, x1 in strips]
    gutter_gaps = [0.6 * (x1 - x0) for x0, x1 in strips]
    for r, row in enumerate(rows):
        start = 0
        pieces: list[Line] = []
        stretched = _stretched_spaces(row, middles)
        if stretched or _has_wide_gap(row):
            stretched |= _justified_spans(row, _neighbour_edges(rows, r, middles), middles)
        for i in range(1, len(row) + 1):
            if i < len(row):
                gap = row[i].x0 - row[i - 1].x1
                size = max(row[i].size, row[i - 1].size)
                if not (gap > SPLIT_GAP_EM * size and i not in stretched) and (
                    gap < 0.5 * size  # a word space: the common case, decided first
                    or not any(
                        row[i - 1].x1 <= at <= row[i].x0 and gap >= least for at, least in zip(middles, gutter_gaps, strict=True)
                    )
                    or _among_alike(row, i)
                ):
                    continue
            pieces.append(_line(row[start:i], page))
            start = i
        if len(pieces) > 1:
            pieces = _mark_cells(pieces, middles or [-1.0])
        lines.extend(pieces)
    return _drop_marker_lines(lines)


def _among_alike(row: Sequence[Word], i: int) -> bool:
    """Whether the gap before `row[i]` is as wide as the gaps on either side of it (within the
    JUSTIFIED tolerances): a word space of a justified line across the page, not a gutter. Table
    cells spilling into the gutter of the columns under a full-width block narrowed it to 0.8 em,
    and that block's line was cut at a word space over it ("a Monte | Carlo")."""
    if i < 2 or i + 1 >= len(row):
        return False
    gap = row[i].x0 - row[i - 1].x1
    tolerance = JUSTIFIED_TOLERANCE_EM * row[i].size + JUSTIFIED_TOLERANCE_SHARE * gap
    return all(abs(row[k].x0 - row[k - 1].x1 - gap) <= tolerance for k in (i - 1, i + 1))


def _stretched_spaces(row: Sequence[Word], middles: Sequence[float]) -> frozenset[int]:
    """The gaps (by the index of the word after them) of `row` that are the stretched word spaces of a
    justified line: runs of at least JUSTIFIED_MIN_GAPS consecutive gaps alike the run's first,
    never across the gutter nor through a gap of JUSTIFIED_MAX_EM or more. Empty for almost every
    row: only a gap over SPLIT_GAP_EM asks."""
    ems = [(row[i].x0 - row[i - 1].x1) / max(row[i].size, row[i - 1].size) for i in range(1, len(row))]
    if not any(em > SPLIT_GAP_EM for em in ems):
        return frozenset()
    found: set[int] = set()
    run: list[int] = []  # indices i of the gaps before row[i]

    def close() -> None:
        if len(run) >= JUSTIFIED_MIN_GAPS and ems[run[0] - 1] > SPLIT_GAP_EM and _reads_as_text(row[run[0] - 1 : run[-1] + 1]):
            found.update(run)
        run.clear()

    for i in range(1, len(row)):
        em = ems[i - 1]
        if em >= JUSTIFIED_MAX_EM or any(row[i - 1].x1 <= middle <= row[i].x0 for middle in middles):
            close()
            continue
        first = ems[run[0] - 1] if run else em
        if abs(em - first) > JUSTIFIED_TOLERANCE_EM + JUSTIFIED_TOLERANCE_SHARE * first:
            close()
        run.append(i)
    close()
    return frozenset(found)


# A row cut by wide gaps is a line of a justified column when its words run from the left edge to
# the right edge (within JUSTIFIED_EDGE points) of a line of text right above or below it (at most
# NEIGHBOUR_PITCH font sizes away, TEXT_RUN_MIN_WORDS words or more with plain word spaces): a
# short line of long words that a narrow column stretches further than any rule on its own allows
# ("yazıya    geçirilerek    tematik", lower-case words with no function word among them, or two
# words with one gap of 8 em). A neighbour stretched itself (`_stretched_spaces`) is such a line
# too: a paragraph's first line of three long German words ("Frühere   Arbeiten   nutzten", 6.8 em
# gaps) over a line whose word spaces are stretched to 1.8 em was read as three table cells.
JUSTIFIED_EDGE = 1.0
NEIGHBOUR_PITCH = 2.0
NEIGHBOUR_ROWS = 2


def _has_wide_gap(row: Sequence[Word]) -> bool:
    return any(b.x0 - a.x1 > SPLIT_GAP_EM * max(a.size, b.size) for a, b in pairwise(row))


def _neighbour_edges(rows: Sequence[Sequence[Word]], r: int, middles: Sequence[float]) -> list[tuple[float, float]]:
    """The (x0, x1) of the lines of running text in the rows right above and below `rows[r]`:
    runs of TEXT_RUN_MIN_WORDS words with plain word spaces, or of words joined by stretched ones."""
    size = max(w.size for w in rows[r])
    edges = []
    # The rows next to it, and those a row further where the other column's lines stand on
    # baselines of their own between them (two columns out of step below a heading).
    near = [rows[k] for k in range(max(0, r - NEIGHBOUR_ROWS), min(len(rows), r + NEIGHBOUR_ROWS + 1)) if k != r]
    for other in near:
        if not other or abs(other[0].top - rows[r][0].top) > NEIGHBOUR_PITCH * size:
            continue
        stretched = _stretched_spaces(other, middles)
        start = 0
        for i in range(1, len(other) + 1):
            if i == len(other) or (
                other[i].x0 - other[i - 1].x1 > SPLIT_GAP_EM * max(other[i].size, other[i - 1].size) and i not in stretched
            ):
                if i - start >= TEXT_RUN_MIN_WORDS or (i - start > 1 and start + 1 in stretched):
                    edges.append((other[start].x0, other[i - 1].x1))
                start = i
    return edges


def _justified_spans(row: Sequence[Word], edges: Sequence[tuple[float, float]], middles: Sequence[float]) -> set[int]:
    """The gaps (by the index of the word after them) of `row` inside a run of words that starts and
    ends where a neighbouring line of text does (`edges`), its gaps alike, not across a gutter,
    its words text (half of them with letters, one lower-case or ending a clause)."""
    found: set[int] = set()
    for x0, x1 in edges:
        i = next((k for k, w in enumerate(row) if abs(w.x0 - x0) <= JUSTIFIED_EDGE), None)
        j = next((k for k, w in enumerate(row) if abs(w.x1 - x1) <= JUSTIFIED_EDGE), None)
        if i is None or j is None or j <= i:
            continue
        gaps = [row[k].x0 - row[k - 1].x1 for k in range(i + 1, j + 1)]
        size = max(w.size for w in row[i : j + 1])
        if max(gaps) - min(gaps) > JUSTIFIED_TOLERANCE_EM * size + JUSTIFIED_TOLERANCE_SHARE * min(gaps):
            continue
        if any(row[k - 1].x1 <= at <= row[k].x0 for k in range(i + 1, j + 1) for at in middles):
            continue
        if _reads_as_text(row[i : j + 1], short=True):
            found.update(range(i + 1, j + 1))
    return found


# A run of this many words or more needs more than a lower-case word to read as text (`_reads_as_text`).
TEXT_RUN_MIN_WORDS = 4
# A word of letters only, three or more (hyphens and apostrophes inside, closing punctuation after).
_NAME_WORD = re.compile(r"^[^\W\d_]{3,}(?:[-'’][^\W\d_]+)*[.,;:]?$")


# A bracketed word of letters that ends a sentence, "(K-MMSE).", "(Figure 2)." ("(a)." is a label;
# "(n=12)." a table cell: words of letters and digits joined by "-", "/" or a space only).
_BRACKETED_STOP = re.compile(r"^[(\[](?=(?:[^)\]]*?[^\W\d_]){2})[^\W\d_][^\W_]*(?:[-/ ][^\W_]+)*[)\]]\.$")


def _reads_as_text(words: Sequence[Word], *, short: bool = False) -> bool:
    """Words of running text, not table cells: at least half hold letters, and one is a lower-case
    word ("und", "the") or ends a clause ("Germany,"); cells alike in width ("8.a 8.b", "Ta Tb",
    "Nantes France 314,138") are neither. Four words or more need more: a clause mark, a function
    word of a language we know ("Wir danken der Deutschen"), or capitalised and lower-case words
    mixed ("Innovationen dann dauerhaft übernommen"); a table row of lower-case cells ("army town
    verse judge") or of one repeated answer ("yes yes yes yes") has none of these. `short`: as few
    words need, whatever their number (a row that a line of text above or below vouches for), or
    words of three letters or more each, capitalised ("Correspondence Metadata Interchange", German
    nouns), or with a bracketed word that ends a sentence ("(K-MMSE)."): numbers, codes and short
    labels are not, and no table's gaps reach a line's edges alike."""
    lettered = sum(w.text.lower() != w.text.upper() for w in words)
    if 2 * lettered < len(words):
        return False
    marked = any(w.text[-1:] in ",;:" or (w.text[-1:] == "." and w.text[:1].isalpha() and len(w.text) > 3) for w in words)
    lower = [w.text for w in words if w.text[:1].islower() and len(w.text) > 2]
    if short and all(_NAME_WORD.match(w.text) for w in words):
        return True
    if short and any(_BRACKETED_STOP.match(w.text) for w in words):
        return True  # "Mental  State  Examination  (K-MMSE).  Both": a sentence ends in it
    if short or len(words) < TEXT_RUN_MIN_WORDS:
        return marked or bool(lower)
    known = function_words()  # of every language detection knows: the PDF's is not known yet
    content = [word for word in lower if word not in known]
    if len(set(content)) < len(content):  # "yes no yes yes": a row of answers, not a line of text
        return False
    capitalised = any(w.text[:1].isupper() for w in words)
    return marked or any(w.text.lower().strip(".,;:()") in known for w in words) or (capitalised and bool(lower))


def _mark_cells(pieces: list[Line], middles: Sequence[float]) -> list[Line]:
    """Flag the pieces of a row that is a table row (or an equation with its number).

    Running text never has a wide gap inside a column, so pieces in the same column (between the
    gutters' `middles`) are cells: three or more, or two where one is a short label or number
    (beside a long line of text, only the short piece). Two long pieces of a row on a page without
    a known gutter (`middles` is [-1]) may be two columns and are left alone.
    """
    marked = list(pieces)
    known = middles[0] >= 0
    bounds = [-_INF, *middles, _INF] if known else [-_INF, _INF]
    for start, end in pairwise(bounds):
        group = [i for i, line in enumerate(pieces) if line.x0 >= start and line.x1 <= end] if known else list(range(len(pieces)))
        if len(group) == 2 and max(pieces[i].words for i in group) >= 6:
            # A line of text beside a short piece (an equation number, a stray subscript, a
            # label): only the short piece is a cell.
            group = [min(group, key=lambda i: pieces[i].words)]
            if pieces[group[0]].words > 3:
                group = []
        elif not (len(group) >= 3 or (len(group) == 2 and min(pieces[i].words for i in group) <= 3)):
            group = []
        for i in group:
            marked[i] = replace(marked[i], cell=True)
    return marked


def rows_of(words: Sequence[Word]) -> list[list[Word]]:
    """Words grouped by baseline, top to bottom, each row sorted left to right."""
    found: list[list[Word]] = []
    anchor = 0.0
    for line in _printed_lines(_with_powers(_without_drop_caps(words))):
        middle = line[len(line) // 2]
        center = (middle.top + middle.bottom) / 2
        if found and abs(center - anchor) < SAME_ROW * max(middle.bottom - middle.top, 1.0):
            found[-1].extend(line)
        else:
            found.append(list(line))
            anchor = center
    for row in found:
        row.sort(key=lambda w: w.x0)
    return [_letter_spaced(row) for row in found]


# Letter-spaced print (a heading or a title set in tracked capitals, "I N T R O D U C T I O N", or
# a German "g e s p e r r t" emphasis) comes from PDFium as one-letter words: LETTER_SPACED_MIN of
# them or more in a row, of one size, each closer to the next than a column gap (SPLIT_GAP_EM),
# are one run, and its words end where a gap is wider than its narrowest by LETTER_SPACED_WORD_EM
# or more (a word space on top of the tracking). Prose does not set four one-letter words in a row.
LETTER_SPACED_MIN = 4
LETTER_SPACED_WORD_EM = 0.15
# A heading or a title is set letter-spaced as a line of its own: at least this share of the row's
# words are one letter, and a run spells a vowel. "the four bases A C G T", "the variables x y z w"
# in prose and a row of a table's Y/N cells stay as they are.
LETTER_SPACED_ROW_SHARE = 0.75
_VOWELS = frozenset("AEIOUaeiou")


def _letter_spaced(row: list[Word]) -> list[Word]:
    """`row` (left to right) with each run of letter-spaced one-letter words joined into the
    words they spell. Read one letter a word, a title in tracked capitals was no title (listed as
    `authors`, the document had none) and a heading a `fragment`."""
    singles = sum(len(w.text) == 1 for w in row)
    if singles < LETTER_SPACED_MIN or singles < LETTER_SPACED_ROW_SHARE * len(row):
        return row
    out: list[Word] = []
    run: list[Word] = []

    def flush() -> None:
        spells = len(run) >= LETTER_SPACED_MIN and any(w.text in _VOWELS or not w.text.isascii() for w in run)
        out.extend(_spelled(run) if spells else run)
        run.clear()

    for word in row:
        if len(word.text) != 1 or not word.text.isalpha():
            flush()
            out.append(word)
            continue
        if run and not (word.size == run[-1].size and word.x0 - run[-1].x1 < SPLIT_GAP_EM * word.size):
            flush()
        run.append(word)
    flush()
    return out


def _spelled(run: list[Word]) -> list[Word]:
    """The words a run of letter-spaced letters spells, split at its wider gaps."""
    gaps = [b.x0 - a.x1 for a, b in pairwise(run)]
    word_space = min(gaps) + LETTER_SPACED_WORD_EM * run[0].size
    words: list[Word] = []
    start = 0
    for i, gap in enumerate([*gaps, float("inf")]):
        if gap >= word_space:
            letters = run[start : i + 1]
            words.append(
                letters[0]._replace(
                    text="".join(w.text for w in letters),
                    x1=letters[-1].x1,
                    top=min(w.top for w in letters),
                    bottom=max(w.bottom for w in letters),
                    bold=all(w.bold for w in letters),
                )
            )
            start = i + 1
    return words


def _printed_lines(words: Sequence[Word]) -> list[list[Word]]:
    """Words on one baseline in one size (bottoms within SAME_BASELINE points), each sorted by
    its words' centres and placed by its middle word's, so a taller accent or two do not move it.

    A line's words join a row together: by their own centres, a word with a taller accent
    ("étudié", "Östlich") could fall in the row of another column's line set a little higher, so
    the line was cut in two rows and its pieces read as table cells.
    """
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.size, w.bottom)):
        last = lines[-1][-1] if lines else None
        if last is not None and last.size == word.size and word.bottom - last.bottom <= SAME_BASELINE:
            lines[-1].append(word)
        else:
            lines.append([word])
    for line in lines:
        line.sort(key=lambda w: w.top + w.bottom)
    lines.sort(key=lambda line: line[len(line) // 2].top + line[len(line) // 2].bottom)
    return lines


# A drop cap is this many times the size of the text beside it, or more.
DROP_CAP_SIZE = 1.8


def _without_drop_caps(words: Sequence[Word]) -> Sequence[Word]:
    """`words` with a drop cap (a paragraph's first letter set large over two or three lines, as
    IEEE journals and magazines open an article) put on the rest of its word, the first word of
    the paragraph's first line beside it: "T" "HIS" is "THIS", "T" "he" is "The". The rest keeps
    its place, so the lines beside the letter start level and no paragraph seems to start under
    the first line. "A" and "I" may be words of their own and are left as they are."""
    if not words:
        return words
    # Only a letter at least DROP_CAP_SIZE times the page's smallest words can be one: a page of
    # one-letter words in the text's size (a genotype table, "C G T") is not searched word by word.
    large = DROP_CAP_SIZE * min(w.size for w in words)
    caps = [i for i, w in enumerate(words) if len(w.text) == 1 and "B" <= w.text <= "Z" and w.text != "I" and w.size >= large]
    if not caps:
        return words
    out = list(words)
    dropped: set[int] = set()
    for i in caps:
        cap = words[i]
        beside = [
            j
            for j, w in enumerate(words)
            if j not in dropped
            and cap.size >= DROP_CAP_SIZE * w.size
            and 0 <= w.x0 - cap.x1 < w.size
            and cap.top - w.size <= w.top < cap.top + 0.5 * (cap.bottom - cap.top)
            and w.text[:1].isalpha()
        ]
        if beside:
            j = min(beside, key=lambda k: words[k].top)
            out[j] = out[j]._replace(text=cap.text + out[j].text)
            dropped.add(i)
    return [w for i, w in enumerate(out) if i not in dropped]


def _with_powers(words: Sequence[Word]) -> Sequence[Word]:
    """`words` with a raised, smaller number set right after a one-letter word put back on it: a
    power ("R" "2" is "R2", "x²", "kg/m²"); one right after a word of three letters or more, or
    after a word's closing ".,;:" ("yayılmıştır." "1"), put on it as its footnote marker, as the
    reader does with a marker glued to its word. A browser sets a superscript apart from its base
    word, so PDFium gives the two as words of their own: the raised one would make a row of
    markers, or (0.83 of the text's size in Chromium) stay in the text, its zero gap breaking
    the run of alike gaps of a justified line."""
    raised = [i for i, w in enumerate(words) if w.text.isdigit() and len(w.text) <= 2]
    if not raised:
        return words
    ends: dict[int, list[int]] = {}
    for i, word in enumerate(words):
        # A power's base ("R", "kg/m") or a footnoted word ("Chen", "2000.").
        if (word.text[-1:].isalpha() and not word.text[-2:-1].isalpha()) or _FOOTNOTED.search(word.text):
            ends.setdefault(round(word.x1), []).append(i)
    out = list(words)
    dropped: set[int] = set()
    for i in raised:
        power = words[i]
        for j in ends.get(round(power.x0), []) + ends.get(round(power.x0) - 1, []) + ends.get(round(power.x0) + 1, []):
            base = out[j]
            if (
                j not in dropped
                and power.size < 0.9 * base.size
                and base.top < power.bottom < base.bottom - 0.15 * base.size
                and abs(power.x0 - base.x1) < 0.15 * base.size
            ):
                if not _FOOTNOTED.search(base.text):
                    out[j] = base._replace(text=base.text + power.text, x1=power.x1)
                elif power.bottom > base.top + 0.25 * (base.bottom - base.top):  # not a formula's index above
                    # The box keeps the marker's width, as the reader's does: no gap opens there.
                    out[j] = base._replace(x1=power.x1, marker=f"{base.marker} {power.text}".strip())
                else:
                    continue
                dropped.add(i)
                break
    return [w for i, w in enumerate(out) if i not in dropped]


def _line(words: Sequence[Word], page: int) -> Line:
    sizes: dict[float, int] = {}
    for word in words:
        key = round(word.size * 2) / 2
        sizes[key] = sizes.get(key, 0) + len(word.text)
    size = max(sizes, key=sizes.__getitem__)
    # Superscript words inside the row (a marker after a space: "Ševčíková 1,*").
    kept: list[Word] = list(words)
    markers: tuple[str, ...] = tuple(w.marker for w in words if w.marker)
    if len(sizes) > 1:
        low = max(w.bottom for w in words) - 0.15 * size
        raised = [w.size < 0.8 * size and w.bottom < low and _MARKER_WORD.match(w.text) is not None for w in words]
        if any(raised):
            kept = [w for w, up in zip(words, raised, strict=True) if not up] or list(words)
            markers = tuple(w.text for w, up in zip(words, raised, strict=True) if up) + markers
    # Cased letters change with case; digits and punctuation do not.
    lettered = [w for w in kept if w.text.lower() != w.text.upper()]
    bold = bool(lettered) and all(w.bold for w in lettered)
    italic = bool(lettered) and all(w.italic for w in lettered)
    mono = bool(lettered) and all(w.mono for w in lettered)
    lead = 0
    if not bold:
        while lead < len(kept) and kept[lead].bold:
            lead += 1
    text = " ".join([w.text for w in kept]).translate(_NORMALISE)
    hyphenated = text[-1:] == "\ufffe"
    if "\ufffe" in text:  # inside a line a soft hyphen is an invisible break point: drop it
        text = text.replace("\ufffe", "")
    return Line(
        text=text,
        x0=kept[0].x0,
        top=min(w.top for w in kept),
        x1=kept[-1].x1,
        bottom=max(w.bottom for w in kept),
        size=size,
        page=page,
        bold=bold,
        italic=italic,
        bold_lead=lead,
        hyphenated=hyphenated,
        markers=markers,
        mono=mono,
    )


def _drop_marker_lines(lines: list[Line]) -> list[Line]:
    """Remove rows made only of superscript markers that sit on the upper half of a text line;
    the marker is kept on that line (a footnote starting with "1" is recognised by it)."""
    kept: list[Line | None] = list(lines)
    for i, line in enumerate(lines):
        if _MARKER_WORD.match(line.text.replace(" ", "")) and len(line.text) <= 8:
            host = _host(lines, i)
            if host is not None and kept[host] is not None:
                kept[i] = None
                target = kept[host]
                assert target is not None
                kept[host] = replace(target, markers=(*target.markers, line.text))
    return [line for line in kept if line is not None]


def _host(lines: list[Line], i: int) -> int | None:
    """The index of a bigger line that `lines[i]` overlaps vertically and touches horizontally."""
    line = lines[i]
    for j in range(max(0, i - 6), min(len(lines), i + 7)):
        other = lines[j]
        if j == i or other.size * 0.85 < line.size:
            continue
        overlaps = other.top - 0.2 * other.size <= line.center <= other.bottom
        touches = other.x0 - other.size <= line.x0 <= other.x1 + other.size
        if overlaps and touches:
            return j
    return None
