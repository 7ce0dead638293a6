"""Body lines to headings and paragraphs, with line-end hyphens undone.

A paragraph ends where the layout says so: a vertical gap wider than the line pitch, a change of
font size, an indented first line, or a short line that ends a sentence. A paragraph goes on
across a column or page break unless the next line is indented or the last one was short.

A hyphen at a line end is dropped and the word rejoined ("meth-" + "odological") unless the
hyphenated compound occurs elsewhere in the paper ("Soviet-dominated"), the same rule the
manifest abstracts and the text cleaner use.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..clean import rules
from . import headings
from .headings import BodyStyle
from .lexicon import lexicon
from .lines import Line
from .removed import Removals

_TERMINAL = re.compile(r"(?:[.!?:]|\[\d{1,3}\])[\"”’')\]]*\s*$")
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*\s*$")
# Abbreviations that a name, number or noun always follows, in any language we read (the PDF's
# language is not known yet): a line that ends in one has not ended its sentence, however short
# ("... geprüft worden. Dr." / "Meier und ..."). Written without inner spaces ("z. B." is "z.B.";
# "z." where the line ends inside it); none that also ends sentences ("et al.", "etc.", "min.").
_CONTINUING_ABBREVIATIONS = frozenset(
    "Dr. Dra. Drs. Prof. Profa. Profs. Mme. Mlle. Sr. Sra. Srta. Hr. vgl. Vgl. cf. Cf. e.g. i.e. z. z.B. d.h. bzw."
    " Fig. Figs. fig. figs. Abb. Tab. Eq. Eqs. Nr. S. p. pp. Kap. Chap. chap. Vol. vol. p.ej. p.ex.".split()
)
# FQS and some humanities journals number paragraphs at their end: "... adolescents). [1]".
_PARAGRAPH_NUMBER = re.compile(r"(?<=[.!?\"”’')\]])\s+\[\d{1,3}\]\s*$")
_WORDS = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LAST_PART = re.compile(r"([^\W\d_]+)-?$")
_FIRST_WORD = re.compile(r"^[^\W\d_]+(?:-[^\W\d_]+)*")
_THREE_LETTERS = re.compile(r"[^\W\d_]{3}")
_LETTER = re.compile(r"[^\W\d_]")
_GREEK = re.compile("[\u0370-\u03ff\u1f00-\u1fff]")
# A table row ends with a figure: "14.1", "12 (8%)", "0.03]".
_ROW_END = re.compile(r"\d[%)\]]*\s*$")
# A line under a table's rows with at least this many words and a stop is running text.
ONE_LINE_SENTENCE_WORDS = 4
# Before this share of the body, a "References" heading is not the reference list (e.g. a
# table of contents or "Notes on references" in the introduction).
END_MATTER_MIN_SHARE = 0.25
# A second article's title page after the first's reference list (proceedings excerpts): its
# title this much larger than the body, among the first lines of a page after the list's heading,
# author lines under it, then an abstract label within this many lines, and a body after it (a
# heading, then this many words of text in the body's size) that a translated abstract lacks.
OTHER_TITLE_LARGER = 1.3
OTHER_TITLE_FIRST_LINES = 3
OTHER_LABEL_WITHIN = 12
OTHER_BODY_MIN_WORDS = 200
# A book's or thesis's signs: chapters with their own abstract are one work, not two articles.
_BOOK_REASONS = ("contents", "front_matter", "chapter")
# An algorithm box's caption as LaTeX's algorithm package sets it: "**Algorithm 1** Name" (the
# label in bold, so that a sentence opening "Algorithm 1 runs ..." is no caption).
_ALGORITHM_CAPTION = re.compile(r"^\s*(?:algorithm|listing|procedure)\s+\d{1,3}\b", re.IGNORECASE)
# An algorithm box's inputs and outputs, set between its caption and its first step (algorithmic's
# \Require and \Ensure, algorithm2e's \KwIn, \KwOut, \KwData, \KwResult).
_ALGORITHM_IO = re.compile(r"^\s*(?:require|ensure|inputs?|outputs?|data|result):\s", re.IGNORECASE)
# An algorithm box's steps follow one another this many sizes apart at most, line top to the last
# step's bottom (room for a step of symbols read as a fragment between them).
ALGORITHM_STEP_GAP = 3.0
# Body lines printed this much smaller than the body are tables, figure text, captions and table
# notes (measured on the real PDFs: none of it was running text).
SMALL_PRINT = 0.88


@dataclass(frozen=True, slots=True)
class Block:
    """A heading or a paragraph of the body, as text."""

    kind: str  # "heading" or "paragraph"
    text: str


# First parts that make a compound with any word ("self-report", "non-linear", "well-known").
_PREFIXES = frozenset(
    ["self", "non", "cross", "well", "semi", "quasi", "anti", "ill", "half", "mid", "low", "high", "long", "short", "full"]
)


# Line ends in U+2010 (none inside a line) that make it a document's line-end break.
DASH_BREAKS_MIN = 2


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The words a paper uses, to decide whether a line-end hyphen belongs to the word."""

    words: frozenset[str]
    compounds: frozenset[str]
    # The document breaks words at line ends with U+2010 and writes its hyphens as "-" (Chromium
    # prints a soft hyphen's break so): a "‐" at a line end is a break, a "-" there (which PDFium
    # flags as if it were a break) is the word's own hyphen.
    dash_breaks: bool = False

    def keeps_hyphen(self, left: str, right: str) -> bool:
        """Whether "left-" at a line end and "right" on the next line form a hyphenated compound.

        Kept: written so elsewhere ("Soviet-dominated"), a prefix before a word ("self-report"),
        two long words the paper uses and never joins ("ideological-political"). Dropped: the
        syllables of one word ("meth-odological", "litera-ture", "down-stream" when the paper
        writes "downstream" or nothing else).
        """
        joined = (left + right).lower()
        if joined in self.words:
            return False
        if _GREEK.match(left[-1:]) and not _GREEK.search(right):
            return True  # a Greek letter before a Latin word ("Ctβ-globin", "α-helix"): no syllable break
        if f"{left}-{right}".lower() in self.compounds:
            return True
        first, second = left.lower(), right.lower().split("-")[0]
        if first in _PREFIXES:
            return len(second) >= 3
        return len(first) >= 5 and len(second) >= 5 and first in self.words and second in self.words


def vocabulary_of(lines: Iterable[Line]) -> Vocabulary:
    """Words and hyphenated compounds written inside lines.

    The pieces of a word hyphenated at a line end ("differ-" / "ences") are not words.
    """
    words: set[str] = set()
    compounds: set[str] = set()
    broken = False
    dash_ends = dash_inside = hyphens_inside = 0
    for line in lines:
        text = line.text
        ends_broken = line.hyphenated or text.endswith(("-", "\u2010"))
        dash_ends += text.endswith("\u2010") and not line.hyphenated
        dash_inside += "\u2010" in text[:-1]
        hyphens_inside += "-" in text
        tokens = [m.group(0).lower() for m in _WORDS.finditer(text)]
        if broken and tokens:
            tokens = tokens[1:]
        if ends_broken and tokens:
            tokens = tokens[:-1]
        broken = ends_broken
        for token in tokens:
            if "-" in token:
                parts = token.split("-")
                compounds.add(token)
                compounds.update(f"{a}-{b}" for a, b in pairwise(parts))
                words.update(parts)
            else:
                words.add(token)
    dash_breaks = dash_ends >= DASH_BREAKS_MIN and not dash_inside and hyphens_inside > 0
    return Vocabulary(frozenset(words), frozenset(compounds), dash_breaks)


def join_lines(lines: Sequence[Line], vocabulary: Vocabulary) -> str:
    """One paragraph's text from its lines."""
    out = lines[0].text
    for previous, line in pairwise(lines):
        out = _join(out, previous.hyphenated, line.text, vocabulary)
    return out.strip()


def _join(left: str, soft: bool, right: str, vocabulary: Vocabulary) -> str:
    if vocabulary.dash_breaks and (soft or left.endswith("\u2010")):
        if soft:
            return f"{left}-{right}"  # the word's own hyphen: "log-" / "transformation"
        return left[:-1] + right if right[:1].islower() else f"{left[:-1]}-{right}"
    if soft or (left.endswith(("-", "\u2010")) and not left.endswith(("--", " -"))):
        stem = left if soft else left[:-1]
        last = _LAST_PART.search(stem[-80:])  # the tail only: a paragraph grows line by line
        first = _FIRST_WORD.match(right)
        if last and first and right[:1].islower():
            if vocabulary.keeps_hyphen(last.group(1), first.group(0)):
                return f"{stem}-{right}"
            return stem + right
        return f"{stem}-{right}"
    if left.endswith(("—", "/")):
        return left + right
    return f"{left} {right}"


class Geometry:
    """Per-region edges and per-size line pitch, measured on the document itself (or a page's
    body, for `columns` to tell where a side heading's paragraph starts)."""

    def __init__(self, lines: Sequence[Line]) -> None:
        lefts: dict[int, list[float]] = defaultdict(list)
        rights: dict[int, list[float]] = defaultdict(list)
        for line in lines:
            if line.words >= 3:
                lefts[line.region].append(line.x0)
                rights[line.region].append(line.x1)
        self.left = {region: min(xs) for region, xs in lefts.items()}
        self.right = {region: max(xs) for region, xs in rights.items()}
        pitches: dict[float, list[float]] = defaultdict(list)
        for previous, line in pairwise(lines):
            pitch = line.top - previous.top
            if line.region == previous.region and abs(line.size - previous.size) < 0.3 and 0 < pitch < 3 * line.size:
                pitches[round(line.size * 2) / 2].append(pitch)
        self.pitch = {size: statistics.median(values) for size, values in pitches.items() if len(values) >= 3}

    def line_pitch(self, line: Line) -> float:
        return self.pitch.get(round(line.size * 2) / 2, 1.25 * line.size)

    def indented(self, line: Line) -> bool:
        left = self.left.get(line.region, line.x0)
        return line.x0 - left > 0.8 * line.size

    def short(self, line: Line) -> bool:
        left = self.left.get(line.region, line.x0)
        right = self.right.get(line.region, line.x1)
        return line.x1 < right - max(2.0 * line.size, 0.08 * (right - left))


# A line that opens with a bullet: the next point of a list (Beamer sets triangles, ▶ or ▸).
_BULLET_POINT = re.compile(r"^\s*[•▪◦‣●■▶▸►▹▷➢➤✓✔◆◇]\s*(\S)")


def new_paragraph(previous: Line, line: Line, geometry: Geometry) -> bool:
    """Whether `line` starts a paragraph rather than continuing the one `previous` ended."""
    if abs(line.size - previous.size) > 0.6:
        return True
    if previous.bold and not line.bold and previous.words <= 8:
        return False  # a run-in heading on a line of its own ("Entity–entity relations.")
    ended = _TERMINAL.search(previous.text) is not None and not _ends_in_abbreviation(previous.text, line.text)
    if (
        not ended
        and (point := _BULLET_POINT.match(line.text))
        and (not point.group(1).islower() or _BULLET_POINT.match(previous.text))
    ):
        # a list's next point ("• Printed almanacs ..." under a point with no stop, as slides set
        # them; "• printed almanacs ..." under another point); not a wrapped line of prose that
        # opens with a legend's symbol ("● symbols mark the treated animals ...", going on with
        # the sentence in lower case; reviews)
        return True
    if previous.region == line.region:
        if line.top - previous.top > 1.4 * geometry.line_pitch(line):
            return not _pushed_apart(previous, line, geometry, ended=ended)
        if _list_item_wraps(previous, line, geometry, ended=ended):
            return False
        if geometry.indented(line) and not geometry.indented(previous):
            return True
        if _LIST_ITEM.match(line.text) and previous.x0 - line.x0 > 0.5 * line.size and (ended or geometry.short(previous)):
            return True  # the next item, out at the numbers again after the last one's hanging line
        return ended and geometry.short(previous)
    # A column or page break: the paragraph goes on unless the layout shows a new one.
    return geometry.indented(line) or (ended and geometry.short(previous))


# A list item's opening number or bullet, then its text: "1. the organization of ...", "(b) the".
_LIST_ITEM = re.compile(r"^\s*(?:\(?(?:\d{1,2}|[a-z])[.)]|[•▪◦‣●■▶▸►▹▷➢➤✓✔◆◇])\s+\S")
# A hanging indent lines an item's next line up with its text after the number: at most this many
# font sizes in from the number ("10." and a space is about 1.5).
HANGING_INDENT_MAX = 3.0


def _list_item_wraps(previous: Line, line: Line, geometry: Geometry, *, ended: bool) -> bool:
    """Whether `line` goes on with the list item `previous` opens, under a hanging indent: the item
    runs to the column's edge with its sentence open, and the line stands in from the item's
    number by about the number's width. Read as an indented first line, each such line opened a
    paragraph of its own and the next item's number ran into it ("department 2. the stakeholder
    views ...", a BMC article, whose lines cleaning then took for affiliations). A line that opens
    with a capital or a list marker, or follows an item that ends in ";" (the item's end in such a
    list), is a new paragraph or item in from the margin ("(a) ... within the ward;" then "We then
    turned to ..."), not a wrap. A "," stays a wrap: an item's line breaks there ("... analyzed the
    data," then "contributed reagents/materials ...", a PeerJ article's contributions)."""
    indent = line.x0 - previous.x0
    opening = line.text.lstrip()[:1]
    return (
        not ended
        and 0.5 * line.size < indent <= HANGING_INDENT_MAX * line.size
        and not geometry.short(previous)
        and _LIST_ITEM.match(previous.text) is not None
        and not previous.text.rstrip().endswith(";")
        and not opening.isupper()
        and _LIST_ITEM.match(line.text) is None
    )


# Lines of one sentence pushed apart by tall inline math (a sum's limits, a fraction, "x_i" and "y²"
# on one line, as Chromium and TeX make room for them) stand this many line pitches apart at most:
# under the gap between block paragraphs (LaTeX's parskip about 1.5, HTML's <p> 1.7-1.9), which a
# review found glued where a paragraph ended without a stop and the next opened in lower case.
PUSHED_APART_MAX = 1.45


def _pushed_apart(previous: Line, line: Line, geometry: Geometry, *, ended: bool) -> bool:
    """Whether a wide gap between two lines of a column is room made for inline math, not a
    paragraph break: the line above runs to the column's edge with its sentence unfinished, and
    the line below goes on with it in lower case, at the left edge ("Let xᵢ denote the value" /
    "and y² its square ..." was read as two paragraphs)."""
    return (
        not ended
        and line.text.lstrip()[:1].islower()
        and not geometry.short(previous)
        and not geometry.indented(line)
        and line.top - previous.top <= PUSHED_APART_MAX * geometry.line_pitch(line)
    )


def _ends_in_abbreviation(text: str, following: str) -> bool:
    """Whether the line's last word (or last two: "z. B.") is a `_CONTINUING_ABBREVIATIONS` one. A
    single letter ("p.", "S.", "z.") also ends sentences ("... in the set S."): it goes on only
    where the next line reads as its continuation (a number, a lower-case word, "B." of "z. B.")."""
    words = text[-12:].split()
    if not words or words[-1][-1:] != ".":
        return False
    last = words[-1].lstrip("([")
    if len(words) > 1 and words[-2].lstrip("([") + last in _CONTINUING_ABBREVIATIONS:
        return True
    if last not in _CONTINUING_ABBREVIATIONS:
        return False
    if len(last) > 2:
        return True
    start = following.lstrip()
    return start[:1].isdigit() or start[:1].islower() or (start[:1].isupper() and start[1:2] == ".")


def body_blocks(
    lines: Sequence[Line], style: BodyStyle, vocabulary: Vocabulary, removed: Removals, *, front_lines: int = 0
) -> list[Block]:
    """Headings and paragraphs of the body, ending at the reference list.

    The first `front_lines` lines are front matter no rule recognised: they are kept whatever
    their size, since small print is only dropped when it is known not to be text.
    """
    geometry = Geometry(lines)
    blocks: list[Block] = []
    current: list[Line] = []
    heading: list[Line] = []
    caption: list[Line] = []
    skipping_contents = False
    other_article: int | None = None  # where a second article begins after the reference list

    def flush_paragraph() -> None:
        if current:
            text = _PARAGRAPH_NUMBER.sub("", join_lines(current, vocabulary))
            if text:
                blocks.append(Block("paragraph", text))
            current.clear()

    def flush_heading() -> bool:
        """Emit the pending heading; False when it opens the reference list (stop there)."""
        nonlocal skipping_contents, other_article
        if not heading:
            return True
        text = join_lines(heading, vocabulary)
        position = cursor / max(1, len(lines))
        if headings.is_end_matter(text) and position >= END_MATTER_MIN_SHARE:
            # The reference list; what follows it may be a second article (`next_article`). Not
            # before a quarter of the body: there "2 Literature" is as likely a section (a review:
            # four fifths of an economics paper went as "references" before an online appendix).
            book = any(reason in removed.counts for reason in _BOOK_REASONS)
            other_article = None if book else next_article(lines, cursor, heading[0].page, style)
            return False
        skipping_contents = headings.is_contents(text)
        if skipping_contents:
            removed.add("contents", heading, count=1)
        else:
            blocks.append(Block("heading", text))
        heading.clear()
        return True

    cursor = 0  # index of the line being read; tells a late "References" from an early one
    skip_to = 0  # the line after a pull quote or a code listing set aside
    judged = 0  # the line after the last run of fixed-pitch lines judged (a listing or not)
    resume = -1  # the line that goes on with the sentence such a block interrupted
    # A paper set in a typewriter font throughout has no code listings to tell apart by their font.
    mono_body = 2 * sum(line.mono for line in lines) > len(lines)
    for cursor, line in enumerate(lines):  # cursor is read by flush_heading
        if cursor < skip_to:
            continue  # a pull quote's or a listing's line, set aside below
        if current and (end := _pull_quote_end(lines, cursor, current[-1], geometry)):
            removed.add("pull_quote", lines[cursor:end])
            skip_to = resume = end
            continue
        if line.mono and not mono_body and cursor >= front_lines and cursor >= judged:
            judged = _mono_run_end(lines, cursor)  # judged once, as a whole, not again from each of its lines
            if _is_listing(lines, cursor, judged, current[-1] if current else None, geometry):
                end = judged
                removed.add("code", lines[cursor:end])
                skip_to = end
                if current and end < len(lines) and _goes_on(current[-1], lines[end], geometry):
                    resume = end  # "... computed by the function" / listing / "which the clerks ran by hand."
                continue
        text = line.text.strip()
        styled = headings.is_heading_line(line, style)
        known = line.words <= 4 and headings.is_known_heading(text) and not _wraps_sentence(current, line, geometry)
        subheading = bool(heading) and _opens_subsection(heading[0], text)
        if (
            heading
            and _continues_heading(heading[-1], line)
            and (styled or known or (line.bold and len(text) <= 12))
            and not subheading
        ):
            heading.append(line)  # includes a wrapped heading's "1990s", which alone is a fragment
            continue
        if heading and not flush_heading():
            # Before the small-print rule: a reference list set smaller than the text (IEEE, ACM)
            # is the references, not small print line by line.
            end = len(lines) if other_article is None else other_article
            removed.add("references", [*heading, *lines[cursor:end]], count=1)
            removed.add("other_article", lines[end:], count=1)
            return blocks
        if _is_fragment(text) and not _ends_sentence_of(current, line, geometry):
            removed.add("formula" if _displayed(lines, cursor, geometry) else "fragment", [line])
            continue
        if (
            line.size < SMALL_PRINT * style.size
            and (not (styled or known) or _labels_small_print(lines, cursor, style))
            and cursor >= front_lines
        ):
            removed.add("small_print", [line])  # tables, figure text, captions, notes, back matter
            continue
        if line.cell:
            removed.add("table", [line])
            continue
        if _displayed_equation(lines, cursor, geometry):
            removed.add("formula", [line])  # "Accuracy = (TP + TN) / (TP + TN + FP + FN)": words, yet no prose
            continue
        if skipping_contents and not styled:
            removed.add("contents", [line], count=1)  # contents entries look like headings but are set as text
            continue
        if styled or known:
            flush_paragraph()
            heading.append(line)
            continue
        is_caption = rules.CAPTION_LINE.match(text) is not None or (
            _ALGORITHM_CAPTION.match(text) is not None and (line.bold_lead >= 2 or (line.bold and not style.bold))
        )  # "**Algorithm 1** Name", or the whole line in bold: "**Listing 1: Counting the tables.**"
        if caption:
            if _continues_caption(caption, line, geometry) and not is_caption:
                caption.append(line)
                removed.add("caption", [line], count=0)
                continue
            caption.clear()
        starts_block = not current or new_paragraph(current[-1], line, geometry) or _TERMINAL.search(current[-1].text)
        if is_caption and starts_block:
            # A caption inside a column: set it aside; the paragraph it interrupts goes on after it.
            removed.add("caption", [line], count=1)
            caption.append(line)
            continue
        if current and cursor != resume and new_paragraph(current[-1], line, geometry):
            flush_paragraph()
        current.append(line)
    flush_paragraph()
    cursor = len(lines)
    if heading and not flush_heading():
        removed.add("references", heading, count=1)
    return blocks


def _labels_small_print(lines: Sequence[Line], index: int, style: BodyStyle) -> bool:
    """Whether line `index`, a heading by its bold or its word but set in small print, labels the
    small print right below it on its page: a table's or figure's notes ("Notes." over "a Indicates
    phases of ..."). As a heading it stood alone in the body once its notes went, and opened a
    section: "Notes" is dropped by cleaning, with the body paragraphs after it (a PeerJ article lost
    three paragraphs of its Results). Only a label that ends in "." or ":", never the reference
    list's heading, which ends the body."""
    line = lines[index]
    text = line.text.strip()
    if text[-1:] not in ".:" or index + 1 >= len(lines) or headings.is_end_matter(text):
        return False
    after = lines[index + 1]
    return after.page == line.page and after.size < SMALL_PRINT * style.size and not headings.is_heading_line(after, style)


# A pull quote (a magazine's sentence repeated in large type across the text) is set this much
# larger than the lines around it, in this many lines at most, of this many words at least.
PULL_QUOTE_LARGER = 1.2
PULL_QUOTE_MAX_LINES = 6
PULL_QUOTE_MIN_WORDS = 5


def _pull_quote_end(lines: Sequence[Line], index: int, previous: Line, geometry: Geometry) -> int | None:
    """Where the pull quote that starts at `lines[index]` ends (the index of the line after it), or
    None: lines in one size `PULL_QUOTE_LARGER` than the paragraph's last line, which runs to the
    column's edge with its sentence unfinished, set in from the column's left edge, and after them a
    line in the paragraph's size that goes on with the sentence in lower case at the column's left
    edge. A review found such a quote read as a paragraph of its own that cut the sentence around it
    in two; a later one, a larger bold section heading at the left edge taken for a quote."""
    line = lines[index]
    if (
        line.size < PULL_QUOTE_LARGER * previous.size
        or line.page != previous.page
        or _TERMINAL.search(previous.text)
        or geometry.short(previous)
        or not geometry.indented(line)
    ):
        return None  # a quote is set in from the column's edge or centred; a larger line at the edge is a heading
    text = line.text.strip()
    if headings.is_known_heading(text) or rules.NUMBERED_HEADING.match(text):
        return None  # a section's heading after a paragraph broken off by a list or a table
    end = index
    while end < len(lines) and end - index < PULL_QUOTE_MAX_LINES and abs(lines[end].size - line.size) < 0.6:
        if lines[end].page != line.page or _is_fragment(lines[end].text) or is_formula(lines[end].text):
            return None  # a displayed formula's large symbols are no quote
        end += 1
    if end >= len(lines) or sum(other.words for other in lines[index:end]) < PULL_QUOTE_MIN_WORDS:
        return None  # a heading's few words, not a sentence
    return end if _goes_on(previous, lines[end], geometry) else None


def _goes_on(previous: Line, after: Line, geometry: Geometry) -> bool:
    """Whether `after`, the line under a block set into a paragraph, goes on with the sentence
    that `previous`, the paragraph's line above the block, left unfinished: in its size, in lower
    case, at the column's left edge."""
    return (
        not _TERMINAL.search(previous.text)
        and abs(after.size - previous.size) < 0.6
        and after.text.lstrip()[:1].islower()
        and not after.mono
        and not geometry.indented(after)
        and not headings.is_heading_line(after, BodyStyle(previous.size))
    )


# A code listing is this many lines in a fixed-pitch font or more, one under the other (a single
# such line may be a path or a URL wrapped out of a sentence).
LISTING_MIN_LINES = 2


def _mono_run_end(lines: Sequence[Line], index: int) -> int:
    """The index of the line after the run of lines wholly in a fixed-pitch font, on one page,
    that starts at `lines[index]`."""
    end = index
    while end < len(lines) and lines[end].mono and lines[end].page == lines[index].page:
        end += 1
    return end


# What shows a line of code that prose lacks: braces, an assignment or a comparison, a call or an
# index right after a name ("len(x)", "x[0]"; not prose's "(see ...)" or "[12]"), a statement's
# closing ";", a comment, a command's option ("--from"), an arrow or a scope ("->", "::").
_CODE_MARK = re.compile(r"[{}=#$\\]|\w[(\[]|;\s*$|//|--|->|::")


def _is_listing(lines: Sequence[Line], start: int, end: int, previous: Line | None, geometry: Geometry) -> bool:
    """Whether the run of fixed-pitch lines `lines[start:end]` is a code listing: `LISTING_MIN_LINES`
    lines or more, not all of one word (TeX sets \\url in typewriter type: a link wrapped over
    lines of its own), with a code mark on some line or lines indented unlike one another (a
    block's nesting), and no command run inline in the sentence of `previous`, the paragraph's
    last line (`_inline_run`). A review found a listing at the body's size read as body
    paragraphs ("total = 0 for register in registers:"), and then prose in a font whose descriptor
    sets the fixed-pitch flag listed as `code`: the font alone does not make code."""
    run = lines[start:end]
    if len(run) < LISTING_MIN_LINES or all(line.words == 1 for line in run):
        return False
    lefts = [line.x0 for line in run]
    if not any(_CODE_MARK.search(line.text) for line in run) and max(lefts) - min(lefts) <= 0.8 * run[0].size:
        return False
    return previous is None or end >= len(lines) or not _inline_run(previous, run, lines[end], geometry)


def _inline_run(previous: Line, run: Sequence[Line], after: Line, geometry: Geometry) -> bool:
    """Whether a run of fixed-pitch lines is a long inline command filling whole lines of its
    sentence (a narrow column's "harbour-read --register ... --out tables.json"): at the column's
    left edge, at the text's pitch from the lines above and below (a listing is set off by a gap
    or an indent), under a line whose sentence goes on. A review found such a command cut out of
    its sentence as `code`."""
    pitch = 1.15 * geometry.line_pitch(previous)
    return (
        not _TERMINAL.search(previous.text)
        and not any(geometry.indented(line) for line in run)
        and 0 < run[0].top - previous.top <= pitch
        and 0 < after.top - run[-1].top <= pitch
    )


def next_article(lines: Sequence[Line], start: int, page: int, style: BodyStyle) -> int | None:
    """Where a second article's title page begins after a reference list that starts at
    `lines[start]` on `page`, or None: a title line (`OTHER_TITLE_LARGER` than the body, not a
    known heading or a chapter's label) among the first lines of a later page, author lines under
    it, an abstract label, then a heading and `OTHER_BODY_MIN_WORDS` words of body text. An
    appendix, supplementary material or a chapter has no abstract label; a translated abstract at
    the end has no body after it."""
    from_page = start  # index of the first line of the page being looked at
    for index in range(start, len(lines)):
        line = lines[index]
        if index == start or line.page != lines[index - 1].page:
            from_page = index
        if line.page <= page or index - from_page >= OTHER_TITLE_FIRST_LINES:
            continue
        if _opens_article(lines, index, style):
            return index
    return None


def _opens_article(lines: Sequence[Line], index: int, style: BodyStyle) -> bool:
    """Whether `lines[index]` is a title over author lines, an abstract label and a body."""
    title = lines[index]
    text = title.text.strip()
    if (
        title.size < OTHER_TITLE_LARGER * style.size
        or len(text.split()) < 2
        or _TERMINAL.search(text)
        or headings.is_end_matter(text)
        or headings.is_known_heading(text)
        or lexicon().chapter.match(text)
        or _SAME_WORK.match(text)
    ):
        return False
    k = index + 1
    while k < len(lines) and lines[k].page == title.page and abs(lines[k].size - title.size) < 0.6:
        k += 1  # the title's wrapped lines
    for j in range(k, min(len(lines), k + OTHER_LABEL_WITHIN)):
        line = lines[j]
        if line.page != title.page:
            return False
        label = lexicon().abstract_label.match(line.text)
        if label is not None and (not label.group("rest") or label.group("sep")):
            return j > k and _body_after(lines, j + 1, style)  # author lines between title and label
        if _TERMINAL.search(line.text) or line.words > 20 or lexicon().chapter.match(line.text):
            return False  # prose before any label: no title page
    return False


# Titles of a work's own parts set after its references with a title page of their own: its
# supplement, online appendix, correction (a review: each was called "another article").
_SAME_WORK = re.compile(r"(?i)^\W*(?:supplement(?:ary|al)?|online\s+appendix|appendix|corrigendum|erratum|correction|addendum)\b")


def _body_after(lines: Sequence[Line], start: int, style: BodyStyle) -> bool:
    """Whether a heading follows `lines[start]` with `OTHER_BODY_MIN_WORDS` words of body text under
    it; an appendix's or supplement's heading is no article's body (a translated abstract at the
    end, then an appendix)."""
    for index in range(start, len(lines)):
        text = lines[index].text.strip()
        if _SAME_WORK.match(text) or headings.is_end_matter(text):
            return False
        if headings.is_heading_line(lines[index], style) or headings.is_known_heading(text):
            words = 0
            for line in lines[index + 1 :]:
                if abs(line.size - style.size) < 0.6 and not headings.is_heading_line(line, style):
                    words += line.words
                    if words >= OTHER_BODY_MIN_WORDS:
                        return True
            return False
    return False


def _wraps_sentence(current: Sequence[Line], line: Line, geometry: Geometry) -> bool:
    """Whether `line` is the rest of the sentence the paragraph's last line broke off: in lower
    case and ending it, under a line with no sentence end, set as the paragraph goes on. Its word is then no
    heading however it reads ("... we report the / results."): the sentence was cut there and a
    heading made of its last word."""
    return (
        bool(current)
        and line.text.lstrip()[:1].islower()
        and _TERMINAL.search(line.text) is not None  # it ends the sentence: "results."
        and not _TERMINAL.search(current[-1].text)
        and not new_paragraph(current[-1], line, geometry)
    )


def _continues_caption(caption: Sequence[Line], line: Line, geometry: Geometry) -> bool:
    """Whether `line` goes on with the caption (or the table rows under it) that `caption` read.

    A caption never crosses a page, and it ends where running text starts: a line that runs to
    the column's right edge after a short one (a wrapped caption's lines run full width up to
    its last; a numbered table's rows under its caption are short), or a sentence of one line
    right under a row of figures ("Group B 14.1" / "The groups did not differ.").
    """
    previous = caption[-1]
    if line.page != previous.page:
        return False
    if _ALGORITHM_CAPTION.match(caption[0].text) and _ALGORITHM_IO.match(line.text) and (line.bold or line.bold_lead):
        # The box's inputs and outputs ("Require: ...", "Ensure: ...", algorithm2e's "Input:"),
        # between the caption and the first step, in the steps' size: a review found such a box
        # with steps a point smaller than the caption read into the body from its "Require:" on.
        # Their label is bold, as the packages set it: a paragraph of prose run in under a plain
        # "Result:" after a sentence opening "**Algorithm 1** gives ..." went into the caption.
        return (
            all(_ALGORITHM_IO.match(other.text) for other in caption[1:])
            and line.size <= caption[0].size
            and line.top - previous.bottom < ALGORITHM_STEP_GAP * line.size
        )
    if _ALGORITHM_CAPTION.match(caption[0].text) and (step := _step_number(line)) is not None:
        # An algorithm box's next step ("4: s ← argmax gain(s)"), often a point smaller than its
        # caption (`algorithmic` in \small): the change of size opens no paragraph here. Its number
        # counts up from the last step read (a step of symbols alone, "2: R ← ∅", went as a fragment).
        # It stands where steps stand, in their size (a review: a body line "4: the clerks then kept
        # ..." under the box was taken as a step): near the last step's left edge (nested steps are
        # indented), or at the top of the next column, and no larger than the caption.
        last, last_step = next(
            ((number, other) for other in reversed(caption) if (number := _step_number(other)) is not None), (0, None)
        )
        like_steps = last_step is None or (
            abs(line.size - last_step.size) < 0.5
            and (abs(line.x0 - last_step.x0) <= 3 * line.size or line.region != previous.region)
        )
        return (
            step > last
            and like_steps
            and line.size <= caption[0].size
            and line.top - previous.bottom < ALGORITHM_STEP_GAP * line.size
        )
    if new_paragraph(previous, line, geometry):
        return False
    if line.region == previous.region and line.top - previous.top > 1.4 * geometry.line_pitch(line):
        # A wide gap after a caption is the float's end, even where a sentence could go on in it
        # (`_pushed_apart` is for running text: a review found a caption ending "(n = 412)" taking
        # the paragraph the float interrupted, "in a careful hand ...", as its own lines).
        return False
    if len(caption) >= 2 and _ROW_END.search(previous.text) and _one_line_sentence(line.text):
        return False
    return not (geometry.short(previous) and not geometry.short(line))


def _step_number(line: Line) -> int | None:
    """An algorithm step's number ("3: end for" → 3), None for any other line."""
    text = line.text.strip()
    return int(text.split(":", 1)[0]) if headings.ALGORITHM_STEP.match(text) else None


def _one_line_sentence(text: str) -> bool:
    """A short line that reads as a sentence of its own: capitalised, a few words of prose, a stop."""
    words = text.split()
    return (
        len(words) >= ONE_LINE_SENTENCE_WORDS
        and text.lstrip()[:1].isupper()
        and text.rstrip()[-1:] in ".!?"
        and len(_LETTER.findall(text)) >= 0.7 * len(text.replace(" ", ""))
    )


# A subsection's own number: "A. Graph Construction", "3.1. Data", "IV. Results" (a dot after it,
# then a capital).
_SUBSECTION = re.compile(r"^(?:[A-Z]|[IVX]{1,5}|\d{1,2}(?:\.\d{1,2}){0,3})\.\s+[A-Z]")


def _opens_subsection(first: Line, text: str) -> bool:
    """Whether a line right under a numbered heading opens a heading of its own: IEEE sets
    "III. METHOD" and then "A. Graph Construction" (in italics) with no gap between them, which
    were read as one heading "III. METHOD A. Graph Construction"."""
    return _SUBSECTION.match(text) is not None and rules.NUMBERED_HEADING.match(first.text.strip()) is not None


def _continues_heading(previous: Line, line: Line) -> bool:
    """The next line of a heading that wraps ("2. Political History ... to the" / "1990s")."""
    return (
        line.region == previous.region
        and abs(line.size - previous.size) < 0.6
        and line.bold == previous.bold
        and 0 <= line.top - previous.bottom < 0.8 * line.size
        and not headings.words.is_known(line.text)
    )


def _ends_sentence_of(current: Sequence[Line], line: Line, geometry: Geometry) -> bool:
    """Whether `line`, a short line of figures ("0.81."), ends the sentence the paragraph's last
    line broke off ("... with R2 =" / "0.81."): right under it, and closing it with a full stop."""
    return (
        bool(current)
        and line.text.rstrip().endswith(".")
        and _TERMINAL.search(current[-1].text) is None
        and not new_paragraph(current[-1], line, geometry)
    )


def _is_fragment(text: str) -> bool:
    """Stray pieces of figures, formulas and tables: "= = =", "p", "(0.3)"."""
    if not _THREE_LETTERS.search(text) and len(text) < 25:
        return True
    visible = text.replace(" ", "")
    return len(text.split()) <= 6 and len(_LETTER.findall(visible)) < 0.4 * len(visible)


# A displayed equation's number, "(1)", "(12b)", alone or at the end of its line.
EQUATION_NUMBER = re.compile(r"\s*\(\d{1,3}[a-z]?\)$")
# What a formula is made of: a relation or an operator, and no word of four letters or more but a
# function's name ("log", "exp", "max").
_OPERATOR = re.compile(r"[=<>≤≥≈≠≡∼±∓+×÷·∑∏∫√∂∇→←↦∈∉⊂⊆∝∞^]|(?<=\S)\s[-−/]\s")
_LONG_WORD = re.compile(r"[^\W\d_]{4,}")
_FUNCTIONS = frozenset("sqrt prob argmax argmin softmax tanh sinh cosh diag trace sign".split())


def is_formula(text: str) -> bool:
    """Whether a stray short line is (part of) a displayed equation: "L(t) = L0 − βt + ε",
    with or without its number "(1)", or the number alone; not a table's figures or a label."""
    text = text.strip()
    bare = EQUATION_NUMBER.sub("", text).strip()
    if not bare:
        return EQUATION_NUMBER.fullmatch(text) is not None
    words = [word.lower() for word in _LONG_WORD.findall(bare)]
    variable = _LETTER.search(bare) is not None  # "12 - 15" is a table's range, "n = 45" a formula
    return variable and _OPERATOR.search(bare) is not None and all(word in _FUNCTIONS for word in words)


# A displayed equation stands between lines of prose (this many words or more) and is centred in
# its column (its middle within this share of the column's width of the column's).
PROSE_WORDS = 6
DISPLAY_CENTRED = 0.08


def _displayed(lines: Sequence[Line], index: int, geometry: Geometry) -> bool:
    """Whether the stray line `lines[index]` is a displayed equation or its number: a formula
    (`is_formula`) centred in its column, or one with its number "(1)", or the number level with
    one, between lines of prose; "n = 600" in a flowchart or "SD = 9.6" in a table is none."""
    line = lines[index]
    if not is_formula(line.text):
        return False
    near = lines[max(0, index - 3) : index + 4]  # a formula and its number are read one after the other
    level = [other for other in near if other.page == line.page and other.top < line.bottom and line.top < other.bottom]
    if not any(
        (is_formula(other.text) or _displayed_equation(lines, k, geometry)) and not _number(other)
        for k, other in enumerate(lines[max(0, index - 3) : index + 4], start=max(0, index - 3))
        if any(other is same for same in level)
    ):
        return False
    left, right = geometry.left.get(line.region, line.x0), geometry.right.get(line.region, line.x1)
    centred = abs((line.x0 + line.x1) / 2 - (left + right) / 2) <= DISPLAY_CENTRED * (right - left)
    if not (centred or _number(line) or EQUATION_NUMBER.search(line.text)):
        return False
    return _prose_beside(lines, index, -1) and _prose_beside(lines, index, 1)


# An equation's relation with something on either side, and its left-hand side: a symbol or a
# function of its arguments ("y", "P(A | B)", "score(d, q)", "Yield_it"), at most this many words
# once what stands in brackets is taken out.
_RELATION = re.compile(r"\S\s*(?:=|≤|≥|≈|≠|≡|∝|:=)\s*\S")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|\{[^{}]*\}")
EQUATION_LHS_MAX_WORDS = 2
# Most words of a displayed equation are symbols: at most this share of its words are words of prose
# (four letters or more, in lower case, no function's name).
EQUATION_PROSE_SHARE = 0.34
# An equation known only by being centred is narrower than this share of its column (a paragraph's
# indented first line is centred too).
DISPLAY_MAX_WIDTH = 0.8


def _displayed_equation(lines: Sequence[Line], index: int, geometry: Geometry) -> bool:
    """Whether `lines[index]` is a displayed equation written with words ("Accuracy = (TP + TN) /
    (TP + TN + FP + FN)", "ln(wage) = b0 + b1 educ + u"): a relation after a short left-hand side,
    few words of prose, set centred in its column or with its number "(3)" at its right, between
    lines of prose. A review found such lines read as paragraphs of the body, and their number
    listed as a fragment. Too many letters for `is_formula`, which asks for next to no words."""
    line = lines[index]
    text = EQUATION_NUMBER.sub("", line.text.strip()).rstrip(",.;").strip()
    relation = _RELATION.search(text)
    if relation is None or len(_BRACKETED.sub("", text[: relation.start() + 1]).split()) > EQUATION_LHS_MAX_WORDS:
        return False
    words = text.split()
    prose = [word for word in words if word.isalpha() and word.islower() and len(word) >= 4 and word not in _FUNCTIONS]
    if len(prose) > EQUATION_PROSE_SHARE * len(words) or _ends_sentence_text(line.text):
        return False
    left, right = geometry.left.get(line.region, line.x0), geometry.right.get(line.region, line.x1)
    centred = abs((line.x0 + line.x1) / 2 - (left + right) / 2) <= DISPLAY_CENTRED * (right - left)
    level = [
        other
        for other in lines[max(0, index - 2) : index + 3]
        if other is not line and other.page == line.page and other.top < line.bottom and line.top < other.bottom
    ]
    apart = any(_number(other) for other in level)  # its number set apart, at the column's edge
    numbered = apart or EQUATION_NUMBER.search(line.text) is not None
    # A numbered line at the column's left edge counts only with its number set apart and no word of
    # prose: lines of prose and statistics that end in a citation "(14)" start there too (reviews
    # found "n = 412) were enrolled ... (14)" and "OR = 2.31, CI 1.40-3.80, p < 0.001 (14)" removed
    # mid-paragraph), a wide equation "L(θ, φ) = Σ log pθ(x | z) − β KL(...)   (14)" as well.
    indented = line.x0 > left + 2 * line.size
    narrow = indented and line.width < DISPLAY_MAX_WIDTH * (right - left)
    if not ((numbered and indented) or (apart and not prose) or (centred and narrow)):
        return False
    return _prose_beside(lines, index, -1) and _prose_beside(lines, index, 1)


def _ends_sentence_text(text: str) -> bool:
    """A line that ends a sentence in words ("... as shown."), not an equation's closing stop."""
    return re.search(r"[^\W\d_]{4,}[.!?]$", text.strip()) is not None


def _number(line: Line) -> bool:
    return EQUATION_NUMBER.fullmatch(line.text.strip()) is not None


def _prose_beside(lines: Sequence[Line], index: int, step: int) -> bool:
    """Whether the first line above (step -1) or below (+1) `lines[index]` that is not part of a
    formula is prose on the same page."""
    k = index + step
    while 0 <= k < len(lines) and lines[k].page == lines[index].page and is_formula(lines[k].text):
        k += step
    if not (0 <= k < len(lines) and lines[k].page == lines[index].page):
        return False
    if lines[k].words >= PROSE_WORDS:
        return True
    # Above: the short last line of a paragraph of prose ("... the loss is then defined as"), right
    # under a line of prose in its column; a display is most often set under such a line.
    above = lines[k - 1] if step < 0 and k > 0 else None
    # It leads into the display ("... defined as", "... as follows:"), so it ends no sentence (a
    # review: a paragraph's last line "We read them twice." above the next paragraph's line of
    # statistics made that line a formula).
    return (
        above is not None
        and above.page == lines[k].page
        and above.region == lines[k].region
        and above.words >= PROSE_WORDS
        and 0 <= lines[k].top - above.bottom < lines[k].size
        and _SENTENCE_END.search(lines[k].text) is None
    )
