"""Line-level cleaning: use the line structure, where the input still has one.

Each line is classified (blank, junk with a reason, heading, body); body lines become paragraphs,
headings open sections, and the sections that are not body text (acknowledgements, notes, the
reference list and everything after it) are dropped here.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import operator
import re
import string
import unicodedata
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Literal

from ..language import ENGLISH, MIN_WORDS, detect_language
from ..types import SectionKind
from . import headings, rules
from .lexicon import lexicon
from .removed import RemovalLog
from .tracked import Edit, Tracked, stripped_bounds

# Thresholds of the line rules. All were set by hand when each rule was written (`git log -S` finds
# the commit), from the dev articles and the example record, and none has been tuned; the cleaning
# tests (tests/clean) and the segmentation golden set pin their effect.
# Below this many non-blank lines a text is treated as flattened: its lines carry no structure.
MIN_STRUCTURED_LINES = 4
# Lines of a hard-wrapped text (a PDF page stream) are shorter than this on average; a line of a
# one-paragraph-per-line text (JSONL bodies) is much longer.
WRAPPED_LINE_CHARS = 110
# A line repeated this often is a running header/footer, a speaker label or similar furniture; one
# longer than REPEATED_LINE_MAX_CHARS is a repeated sentence, not furniture.
REPEATED_LINE_MIN = 3
REPEATED_LINE_MAX_CHARS = 100
# Affiliation lines are looked for only among the first lines: the first 10, or the first 5% of a
# long text; an affiliation line has at most 25 words.
FRONT_LINES_MIN = 10
FRONT_LINES_SHARE = 20
AFFILIATION_MAX_WORDS = 25
# A contact line: an e-mail address among at most 12 words (a sentence that cites one is longer).
EMAIL_LINE_MAX_WORDS = 12
# A line shorter than this with no three-letter word is formula or table debris.
FRAGMENT_MAX_CHARS = 15
# An unheaded reference list at the end: at least 3 entries of at most 80 words each.
REFERENCE_TAIL_MIN_ENTRIES = 3
REFERENCE_ENTRY_MAX_WORDS = 80
# The title block: an Abstract or Introduction heading among the first 12 lines (or first eighth),
# with only lines of at most 30 words before it.
FRONT_MATTER_MIN_LINES = 12
FRONT_MATTER_SHARE = 8
FRONT_MATTER_LINE_MAX_WORDS = 30
# Outside English an abstract heading word also names a closing section (German papers end with
# "5 Zusammenfassung"): it opens the abstract only unnumbered and in the first part of the text.
ABSTRACT_MAX_POSITION = 0.4
_DIGITS = re.compile(r"\d+")
# A word, as a line that is no formula or table debris has one: three letters (with the marks of
# their script: "परिचय"), or two Hangul syllables ("서론"); in English three ASCII letters.
_ENGLISH_WORD = re.compile(r"[A-Za-z]{3}")
_WORD = re.compile(rf"(?:[^\W\d_][{rules.MARKS}]*){{3}}|{headings.SYLLABLES.pattern}")
# Characters that end a line's sentence when nothing but whitespace follows them (`_ends_sentence`).
_TERMINAL = frozenset('.!?:;"”’)]')
_REFERENCE_ENTRY = re.compile(
    r"^\s*(?:\[\d{1,3}\]|\d{1,3}\.\s|[A-Z][\w'’-]+,\s+(?:[A-Z]\.|[A-Z][a-z]+)|[A-Z][\w'’-]+\s+[A-Z]{1,3}[,.])"
)


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A heading (with `heading` set) or a paragraph of body text (`text`)."""

    text: Tracked
    heading: str | None = None
    kind: SectionKind = "other"
    span: tuple[int, int] = (0, 0)
    abstract: bool = False


def normalise_characters(text: Tracked) -> Tracked:
    """Lone CRs to line breaks, ligatures to letters, odd spaces and control characters to spaces,
    a CRLF's CR, zero-width characters and PDFium's soft hyphen breaks away
    (`rules.SOFT_HYPHEN_BREAK`), apostrophes an ASCII conversion turned into "?" back
    (`rules.MANGLED_APOSTROPHE`; a lone one where it can be nothing else,
    `rules.lone_mangled_apostrophes`), and decomposed letters composed (NFC: "Re\u0301sume\u0301" as
    macOS file names and some PDFs write it, whose headings and words were not found), each composed
    letter spanning all it was made of."""
    if "\r" in text.text:  # a lone CR is a line break (`rules.LONE_CR`); a CRLF's goes below
        text = text.sub(rules.LONE_CR, rules.as_line_breaks)
    if "\x02" in text.text:  # PDFium's soft hyphen at a line break: the word is whole again
        text = text.sub(rules.SOFT_HYPHEN_BREAK, "")
    text = text.sub(rules.ODD_CHARS, rules.odd_char_replacement)
    if not text.text.isascii() and rules.HAS_FULL_WIDTH.search(text.text):  # full-width ASCII, one for one
        text = text.translate(rules.FULL_WIDTH)
    if "?" in text.text:
        mangled = [Edit(m.start(), m.end(), "’") for m in rules.MANGLED_APOSTROPHE.finditer(text.text)]
        if len(mangled) < rules.MANGLED_APOSTROPHES_MIN:  # one alone: only where it can be nothing else
            mangled = [Edit(at, at + 1, "’") for at in rules.lone_mangled_apostrophes(text.text)]
        if mangled:
            text = text.apply(mangled)
    if unicodedata.is_normalized("NFC", text.text):  # a quick check in C: the usual case
        return text
    return text.sub(_COMPOSING, lambda m: unicodedata.normalize("NFC", m.group(0)), whole=True)


# A character and the marks after it that NFC may compose with it: the combining accents, Arabic
# hamza and madda, the two-part vowels of Indic scripts, Hangul vowel and final jamo, kana voicing.
# Only these are rewritten: NFC's one-to-one replacements stay as written (the Greek question mark
# U+037E would become a semicolon, which ends no sentence; "Ω" the ohm sign is a symbol).
_COMPOSING = re.compile(
    "[^\n][\u0300-\u036f\u0653-\u0655\u093c\u09be\u09d7\u0b3e\u0b56\u0b57\u0bbe\u0bd7\u0c56\u0cc2\u0cd5\u0cd6"
    "\u0d3e\u0d57\u0dca\u0dcf\u0ddf\u102e\u1161-\u1175\u11a8-\u11c2\u3099\u309a]+"
)


# A caption glued to the end of a paragraph's line, right after its last full stop (SumPubMed puts
# each figure's and table's caption there: "... in additional file 1: figure s2b.fig. <dig> aflp
# electropherogram peak charts obtained by msd-aflp analysis. each color ..."): the rest of the
# line is the caption. Only in a lower-cased text: elsewhere the text goes on after a caption on
# the same line ("... the Jeop ardy model. 4.5 Parameter Estimation. The parameters ..." after
# "Table 1: ..."), or only a space was lost ("... the model.Figure 2 shows the algorithm."), which
# is also why a label before a verb that refers to it stays ("table <dig> shows ..."). A label
# alone at the line's end heads the lines right after it, up to a blank line: they are its caption
# ("... of the genes.figure <dig>" then "testes-enriched novel exons. the expressions of ...", or
# "mapping of", "picea balfouriana", "reads" where a species name was set in italics), which ran
# into the paragraph and reached summaries (`LABEL_AT_LINE_END`; the label goes with them, and
# stays where a blank line follows it: cutting a label alone changed 47 dev summaries with no
# caption fewer in them). Nor is a label one
# that is part of a dotted name: "the r package data.table 1.14 and then ..." (a version number
# after it), "pkg.data.table 2", "my_data.table 2" (a dot or underscore of the word before it, which
# is no path: "... clade/cluster.fig. <dig>", "... lwfqzip/#experiment.table <dig>" are captions).
_REFERRING_VERBS = (
    "shows?|showed|illustrates?|presents?|gives|lists|summari[sz]es|depicts|compares|reports|displays|plots|is|are|was"
)
_GLUED_LABELS = (".fig", ".table")  # GLUED_CAPTION is looked for only on the few lines that hold one
GLUED_CAPTION = re.compile(
    r"(?<=[a-z0-9)\]>% ]\.)(?:fig\.|figure|table)[ \t](?:<dig>|\d{1,2}[a-z]?\b)(?!\.(?:\d|<dig>))"
    rf"(?![ \t]+(?:{_REFERRING_VERBS})\b)(?=[ \t]*\S)"
)
LABEL_AT_LINE_END = re.compile(r"(?<=[a-z0-9)\]>% ]\.)(?:fig\.|figure|table)[ \t](?:<dig>|\d{1,2}[a-z]?)[ \t]*$")
# A text lower-cased as a whole (SumPubMed's: "... the blots. discussion the idea ..."): at most
# this share of its sentences open with a capital. On dev no SumPubMed article opens one so, and
# every other opens at least half of them so. (A word in capitals is not counted: SumPubMed keeps
# its "BACKGROUND", "RESULTS" headings so.)
LOWER_CASED_MAX_CAPITAL_OPENINGS = 0.2
_SENTENCE_OPENING = re.compile(r"(?:\A|[.!?]\s+)[\"“‘(]?([A-Za-z])[a-z]")


def lower_cased(text: str) -> bool:
    """Whether `text` is lower-cased as a whole (LOWER_CASED_MAX_CAPITAL_OPENINGS; not where no
    sentence opening shows): the rules for SumPubMed's captions and headings run on such a text only."""
    openings = _SENTENCE_OPENING.findall(text)
    capitals = sum(letter <= "Z" for letter in openings)
    return bool(openings) and capitals <= LOWER_CASED_MAX_CAPITAL_OPENINGS * len(openings)


def _glued_caption(line: str, lowered: Callable[[], bool]) -> re.Match[str] | None:
    """The caption glued to the end of `line` (GLUED_CAPTION), or the label alone at its end that
    heads the caption's lines below it (LABEL_AT_LINE_END), in a document that is `lowered`
    (`lower_cased`)."""
    if not any(label in line for label in _GLUED_LABELS):
        return None
    for match in GLUED_CAPTION.finditer(line):
        if not _in_dotted_name(line, match.start()) and lowered():
            return match
    label = LABEL_AT_LINE_END.search(line)
    return label if label and not _in_dotted_name(line, label.start()) and lowered() else None


# A line below a caption's label that reads as body text: it opens with a citation that a line
# break set apart ("<cit> , as was shown using ...": SumPubMed breaks its body's lines there) or a
# word of the authors ("we", "our"). Of the 312 captions below a label alone on dev, no caption line
# after the first opens so; in sumpubmed-23507 the body below a caption did (about 1,300 characters,
# up to the next blank line, had gone as the caption).
_BODY_LINE = re.compile(r"[ \t]*(?:<cit>|(?:we|our)\b)")


def _caption_end(lines: list[str], i: int) -> int:
    """The index after the lines right below line `i` up to the next blank line or the first line
    after the caption's first that reads as body text (`_BODY_LINE`); `i + 1` if none."""
    end = i + 1
    while end < len(lines) and lines[end].strip() and (end == i + 1 or not _BODY_LINE.match(lines[end])):
        end += 1
    return end


def _in_dotted_name(line: str, at: int) -> bool:
    """Whether the label at `at` (after its dot) ends a dotted name: the word before holds a dot
    or an underscore of its own, and no slash ("pkg.data.table", "my_data.table")."""
    start = max(line.rfind(" ", 0, at), line.rfind("\t", 0, at)) + 1
    word = line[start : at - 1]
    return "/" not in word and ("." in word or "_" in word)


class LineSpans:
    """`[start, end)` of each line of a text, as a list of pairs reads them, held in two arrays: a
    list of tuples took 120 bytes a line, which a text of short lines (a million newlines, or one
    letter a line) made three times the memory per character that `synopsis.limits` assumes."""

    __slots__ = ("ends", "starts")

    def __init__(self, text: str) -> None:
        self.starts, self.ends = array("q", [0]), array("q")
        for match in re.finditer("\n", text):
            self.ends.append(match.start())
            self.starts.append(match.end())
        self.ends.append(len(text))

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i: int) -> tuple[int, int]:
        return self.starts[i], self.ends[i]

    def __setitem__(self, i: int, span: tuple[int, int]) -> None:
        self.starts[i], self.ends[i] = span

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return zip(self.starts, self.ends, strict=True)


def _junk_reason(line: str, repeated: bool, front: bool, lang: str = ENGLISH) -> str | None:
    """Why a whole line is not body text, or None."""
    words = lexicon(lang)
    stripped = line.strip()
    if "@" in stripped and len(stripped.split()) <= EMAIL_LINE_MAX_WORDS and rules.EMAIL.search(stripped):
        return "email"
    if rules.URL_ONLY_LINE.match(stripped):
        return "url"
    if _keywords_line(stripped, words.keywords_line):
        return "keywords"
    if rules.PAGE_NUMBER_LINE.match(stripped):
        return "page_number"
    if words.caption_line.match(stripped):
        return "caption"
    if rules.FOOTNOTE_LINE.match(stripped) and len(stripped.split()) <= rules.FOOTNOTE_LINE_MAX_WORDS:
        return "footnote"
    if rules.COPYRIGHT_LINE.match(stripped):
        return "front_matter"
    if rules.MARKUP_LINE.match(stripped):
        return "markup"
    if repeated:
        return "running_header"
    if front and len(stripped.split()) <= AFFILIATION_MAX_WORDS and words.affiliation_words.search(stripped):
        return "affiliation"
    letters = _ENGLISH_WORD if lang == ENGLISH else _WORD  # "Введение", "परिचय", "서론" are words, not debris
    if len(stripped) < FRAGMENT_MAX_CHARS and not letters.search(stripped):
        return "fragment"  # stray pieces of formulas and tables: "<dig>", "p", "(0.3)"
    return None


# A keywords line holds a few terms: a line of more words under a keywords label is a flattened
# text that opens with its keywords ("Keywords Mentoring, ... Introduction Mentoring has ...": the
# whole 55,000-character body of a record read as plain text was removed as keywords).
KEYWORDS_LINE_MAX_WORDS = 60


def _keywords_line(line: str, pattern: re.Pattern[str]) -> bool:
    """Whether `line` is a keywords line: its label (`pattern`), "Subject(s)" only with a
    separator after it ("Subjects were instructed to ...", a PLOS paragraph, was removed), and at
    most KEYWORDS_LINE_MAX_WORDS words."""
    match = pattern.match(line)
    if match is None or len(line.split()) > KEYWORDS_LINE_MAX_WORDS:
        return False
    label = match.group(0).rstrip()
    return not label.lower().startswith("subject") or label[-1:] in ":.—–-"


def _repeated_keys(keys: list[str]) -> set[str]:
    counts = Counter(key for key in keys if key)
    return {k for k, n in counts.items() if n >= REPEATED_LINE_MIN and len(k) <= REPEATED_LINE_MAX_CHARS}


def _furniture_keys(text: str) -> list[str]:
    """Each line's key for spotting repeated lines: stripped, lower-cased, digit runs as "#" (page
    numbers differ). Only a key of at most REPEATED_LINE_MAX_CHARS can be furniture, so a line that
    is surely longer (`_surely_long`: most of a text's characters stand in such lines) keeps its
    stripped self as its key, which is longer too: the digit scan of a whole text, one regex step a
    character, took a tenth of cleaning. (Stripping before lower-casing changes nothing: no letter
    lower-cases to a space, nor a space to anything else, and a digit lower-cases to itself.)"""
    keys = []
    for line in text.split("\n"):
        stripped = line.strip()
        keys.append(stripped if _surely_long(stripped) else _DIGITS.sub("#", stripped.lower()))
    return keys


# The ASCII digits, which `_surely_long` deletes from a line's ASCII characters to count its others.
_ASCII_DIGITS = b"0123456789"


def _surely_long(line: str) -> bool:
    """Whether `line`'s key (`_furniture_keys`) is longer than REPEATED_LINE_MAX_CHARS whatever its
    digits: it holds more characters than that which are ASCII and no digit (lower-casing makes
    no character fewer, nor a digit of one that is none; a digit run shrinks to one "#")."""
    if len(line) <= REPEATED_LINE_MAX_CHARS:
        return False
    return len(line.encode("ascii", "ignore").translate(None, _ASCII_DIGITS)) > REPEATED_LINE_MAX_CHARS


def _trailing_reference_start(lines: list[str], spans: LineSpans) -> int | None:
    """Index of the first line of an unheaded reference list at the end of the text, if any."""
    first = None
    entries = 0
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i].strip()
        if not line:
            continue
        if _REFERENCE_ENTRY.match(line) and rules.YEAR.search(line) and len(line.split()) <= REFERENCE_ENTRY_MAX_WORDS:
            first, entries = i, entries + 1
        else:
            break
    return first if entries >= REFERENCE_TAIL_MIN_ENTRIES else None


# What a non-blank line is to the paragraph builder:
# - "skip": removed (front matter, the repeated title, a caption's title and legend), nothing else;
# - "junk": removed, and in a text that is not hard-wrapped it ends the paragraph being built;
# - "heading": ends the paragraph, opens a section (or, for the reference list, ends the body);
# - "body": part of a paragraph;
# - "end": an unheaded reference list starts here: the body ends.
Role = Literal["skip", "junk", "heading", "body", "end"]
# The kind of section body lines are in: kept, kept as the abstract, or dropped (acknowledgements ...).
# ("other_abstract": an English paper's second abstract, in another language, removed as such.)
SectionState = Literal["body", "abstract", "other_abstract", "dropped"]
# The reason a second abstract in another language is listed under.
OTHER_ABSTRACT = "other_language_abstract"
# Where a caption's following lines stand: none, its title may follow, or its legend lines.
CaptionState = Literal["none", "title", "legend"]


@dataclass(frozen=True, slots=True)
class _Line:
    """One non-blank line and its role; `reason` names what a removed line counts as."""

    index: int
    role: Role
    reason: str = ""
    section: SectionState = "body"  # for a heading: the section it opens
    heading: Paragraph | None = None  # for the heading of a kept section: its output


@dataclass(frozen=True, slots=True)
class _Layout:
    """What is known about the whole text before its lines are walked."""

    text: Tracked
    spans: LineSpans
    lines: list[str]
    nonblank: array[int]  # (an array: a list took 36 bytes a line)
    keys: list[str]
    repeated: set[str]
    reference_tail: int | None
    front_end: int
    title_key: str
    heading_starts: frozenset[int]
    lang: str = ENGLISH
    lowered: Callable[[], bool] = bool  # whether the text is lower-cased as a whole (`lower_cased`)


def split_paragraphs(
    text: Tracked,
    *,
    title: str = "",
    removed: RemovalLog,
    heading_starts: frozenset[int] = frozenset(),
    lang: str = ENGLISH,
) -> list[Paragraph]:
    """Split a text into headings and body paragraphs, dropping junk lines and non-body sections.

    `removed` logs what was dropped, by reason and span, for the JSON output and the tests.
    """
    text = normalise_characters(text)
    spans = LineSpans(text.text)
    lines = [text.text[a:b] for a, b in spans]
    nonblank = array("q", (i for i, line in enumerate(lines) if line.strip()))
    if len(nonblank) < MIN_STRUCTURED_LINES:
        # Too few lines to read a layout from; a blank line still parts two paragraphs (a title line
        # above a flattened body ran into its first sentence).
        parts = [_strip(text, a, b) for a, b in _blank_line_parts(text.text)]
        if parts and title:
            parts[0] = _without_title(parts[0], title, removed)
        return [Paragraph(part) for part in parts if part.text]
    keys = _furniture_keys(text.text)
    lowered = functools.cache(lambda: lower_cased(text.text))
    layout = _Layout(
        text,
        spans,
        lines,
        nonblank,
        keys,
        _repeated_keys(keys),
        _trailing_reference_start(lines, spans),
        _front_matter_end(lines, nonblank, lang),
        _key(title),
        heading_starts,
        lang,
        lowered,
    )
    wrapped = "\n\n" in text.text.replace("\r", "") and _mean_length(lines, nonblank) < WRAPPED_LINE_CHARS
    built = _Paragraphs(text, spans, functools.cache(lambda: words_of(text.text)), removed, lang, lowered)
    roles = _roles(layout)
    last_body_heading = functools.cache(lambda: _last_body_heading(layout))
    caption_lines = 0  # the lines before this index are a caption below its label, already removed
    while (line := next(roles, None)) is not None:
        line_start, line_end = spans[line.index]
        if line.role == "end":
            removed.add(line.reason, text, line_start, len(text.text))  # the rest of the text
            break
        if line.index < caption_lines:
            continue
        if line.role == "skip":
            removed.add(line.reason, text, line_start, line_end)
        elif line.role == "junk":
            removed.add(line.reason, text, line_start, line_end)
            if line.reason == SUBHEADING and built.section == "dropped" and line.index < last_body_heading():
                # A dropped section that a lower-case heading opened in mid-Methods ("ethics
                # approval", SumPubMed) ends at the next subheading: it ran to the next heading in
                # capitals and took the rest of Methods with it (sumpubmed-31741: 4,012 -> 2,596
                # words). Not in the end matter, after the last body heading: there the lines that
                # read as subheadings are an appendix's or a supplement's, dropped with it.
                built.close()
                built.open_section("body")
            elif not wrapped or _before_blank(lines, nonblank, line.index):
                built.pause(lines)  # (in hard-wrapped text a blank line after a removed line still ends the paragraph)
        elif line.role == "heading":
            built.close()
            if line.reason:  # a reference list: the body ends here, or pauses till a new chapter
                resume = _resumption(layout, line.index)
                removed.add(line.reason, text, line_start, len(text.text) if resume is None else spans[resume][0])
                if resume is None:
                    break
                roles = _roles(layout, first=resume)
                continue
            built.open_section(line.section)
            if line.section == "other_abstract":
                removed.add(OTHER_ABSTRACT, text, line_start, line_end)
            elif line.section == "dropped":  # its heading goes with it ("Acknowledgements", "additional file 2")
                removed.add("dropped_section", text, line_start, line_end)
            if line.heading is not None:
                built.done.append(line.heading)
        else:
            i = line.index
            caption = _glued_caption(lines[i], lowered)
            if caption is not None and caption.re is LABEL_AT_LINE_END:  # a label alone at the line's end
                caption_lines = _caption_end(lines, i)
                if caption_lines > i + 1:  # the caption's lines follow it: they go with it
                    removed.add("caption", text, line_start + caption.start(), spans[caption_lines - 1][1])
                else:
                    caption = None  # before a blank line it stays
            elif caption is not None:  # the rest of the line is a caption: the line ends before it
                removed.add("caption", text, line_start + caption.start(), line_end)
            if caption is not None:
                spans[i] = (line_start, line_start + caption.start())
                lines[i] = lines[i][: caption.start()]
            inside = line.reason == INSIDE_SENTENCE  # ("the heroine of", "Middlemarch": one sentence)
            broken = built.paused and not inside and not built.goes_on(lines[i], lines)  # after a break, a new paragraph
            if broken or (built.lines and not wrapped and not inside and not _continues(lines[built.lines[-1]], lines[i])):
                built.close()
            built.paused = False
            built.lines.append(i)
            if wrapped:
                if _before_blank(lines, nonblank, i):
                    built.pause(lines)  # a blank line ends a paragraph of a hard-wrapped text
            elif _ends_sentence(lines[i]) and not _leaves_bracket_open(lines[i]):
                built.close()  # (an open bracket may close on the next line: "(Robine et al., 2008, p.")
    built.close()
    return _with_some_body(built.done, lang)


def _with_some_body(done: list[Paragraph], lang: str) -> list[Paragraph]:
    """`done`, or, when everything after an "Abstract" heading was taken for the abstract and no
    body is left, the same with only the abstract's first paragraph and the labelled parts right
    after it kept as abstract: a text with no heading after a short abstract would otherwise lose
    its body (and be refused as empty)."""
    abstract = [i for i, p in enumerate(done) if p.abstract]
    if len(abstract) < 2 or any(p.heading is None and not p.abstract for p in done):
        return done
    kept = 1
    while kept < len(abstract) and _opens_abstract_part(done[abstract[kept]].text.text, lang):
        kept += 1
    body = set(abstract[kept:])
    return [dataclasses.replace(p, abstract=False) if i in body else p for i, p in enumerate(done)]


# A line that opens a chapter or part: "Chapter 2. The Relationship ...", "PART II", "Kapitel 3".
_CHAPTER_LINE = re.compile(
    r"\s*(?:chapter|part|kapitel|chapitre|cap[ií]tulo|teil|partie|parte)\s+(?:\d{1,3}|[IVXLC]{1,6})\b", re.IGNORECASE
)
# Sections that open an article's body again after a reference list: a thesis or proceedings
# volume holds several articles (a chapter each, with its own references), and Nature-style
# papers put their Methods after the references.
_BODY_KINDS = frozenset({"introduction", "methods", "results", "discussion", "conclusion"})


# A title is cut from the start of a flattened text only when it has this many words (a one-word
# title may be the first word of the first sentence) and a capital follows it.
TITLE_MIN_WORDS = 3
# ... and at most this many (the longest dev title has 23): one pattern of every word of a title given as
# 300,000 words took 13 s to build, and a title longer than the text cannot open it.
TITLE_MAX_WORDS = 200
# ... and of at most this many characters (200 words of 20,000 letters each took 9 s to match).
TITLE_MAX_CHARS = 2_000


def _without_title(part: Tracked, title: str, removed: RemovalLog) -> Tracked:
    """`part` without the article's known title at its start: a flattened text that opens with its
    title ran it into the first sentence ("A Study of Mentoring Mentoring programmes ...")."""
    words = title.split()
    if not TITLE_MIN_WORDS <= len(words) <= TITLE_MAX_WORDS or len(title) > TITLE_MAX_CHARS:
        return part
    if sum(map(len, words)) > len(part.text):
        return part
    match = re.compile("(?i:" + r"\s+".join(map(re.escape, words)) + r")\s+(?=[A-Z])").match(part.text)
    if match is None:
        return part
    removed.add("title", part, 0, match.end())
    return _strip(part, match.end(), len(part.text))


# A run of blank lines is one break: one per blank line, a million newlines made half a million
# empty parts (and `Tracked` slices) before they were dropped.
_BLANK_LINE = re.compile(r"\n[ \t\r\n]*\n")  # (not "(?:[ \t\r]*\n)+": a group repeated keeps state per line)


def _blank_line_parts(text: str) -> list[tuple[int, int]]:
    """`[start, end)` of the stretches of `text` between blank lines (the whole text when none)."""
    bounds = [0]
    for match in _BLANK_LINE.finditer(text):
        bounds += [match.start(), match.end()]
    bounds.append(len(text))
    return list(zip(bounds[::2], bounds[1::2], strict=True))


def _before_blank(lines: list[str], nonblank: Sequence[int], i: int) -> bool:
    """Whether line `i` is the last one or a blank line follows it."""
    return i == nonblank[-1] or not lines[i + 1].strip()


def _resumption(layout: _Layout, start: int) -> int | None:
    """The first line after the reference list headed at line `start` that opens body text again:
    a chapter line, or a heading of a body section in known words ("Introduction", "2 Methods");
    every other line is taken for part of the list or what follows it. None: the body has ended.
    (A cheap test per line: a reference list is long, and most of its lines are entries.)"""
    lines, lang = layout.lines, layout.lang
    tail = len(lines) if layout.reference_tail is None else layout.reference_tail
    previous = lines[start]
    for i in layout.nonblank[bisect.bisect_right(layout.nonblank, start) :]:
        if i >= tail:
            return None
        line = lines[i].strip()
        # A chapter line, not a wrapped entry's "Chapter 4, pp. 33-45. Oxford: ..." (no year or page
        # range in it, and the line before it ends its sentence).
        if _CHAPTER_LINE.match(line) and _ends_sentence(previous) and not rules.YEAR.search(line) and "pp." not in line:
            return i
        previous = line
        if len(line) > headings.HEADING_MAX_CHARS or rules.YEAR.search(line):  # an entry, not a heading
            continue
        bare = headings.strip_number(line)
        if headings.is_known(line, lang) and headings.section_kind(bare, lang) in _BODY_KINDS:
            return i
    return None


def _last_body_heading(layout: _Layout) -> int:
    """Index of the last line that is a heading of a body section in known words ("RESULTS",
    "discussion", "2 Methods"; not a dropped one: "supplementary material"); -1 where none is.
    (Read only where a dropped section meets a subheading: a few articles.)"""
    lang = layout.lang
    for i in reversed(layout.nonblank):
        line = layout.lines[i].strip()
        if len(line) > headings.HEADING_MAX_CHARS or not headings.is_known(line, lang) or headings.is_dropped(line, lang):
            continue
        if headings.section_kind(headings.strip_number(line), lang) in _BODY_KINDS:
            return i
    return -1


class _Paragraphs:
    """The output of `split_paragraphs` as it is built: the finished paragraphs, the lines of the
    one in progress and the kind of section they are in."""

    def __init__(
        self,
        text: Tracked,
        spans: LineSpans,
        vocabulary: Callable[[], set[str]],
        removed: RemovalLog,
        lang: str = ENGLISH,
        lowered: Callable[[], bool] = bool,
    ) -> None:
        self.text, self.spans, self.vocabulary, self.removed = text, spans, vocabulary, removed
        self.lowered = lowered
        # Whether the paragraph in progress stopped mid-sentence at a blank or removed line (`pause`).
        self.paused = False
        self.inline_drop = lexicon(lang).inline_paragraph_drop
        self.lang = lang
        self.done: list[Paragraph] = []
        self.lines: list[int] = []
        self.section: SectionState = "body"
        self.abstract_words = 0  # of the abstract section in progress

    def pause(self, lines: list[str]) -> None:
        """A blank or removed line ends the paragraph in progress (`close`), unless its last line
        stops mid-sentence: then the next body line goes on with it where it starts in lower case
        (`_continues`), as after a page or column break, or a figure set between ("We estimated the
        probabilities", a page break, "of greater lengths by fitting ..."; on its own, the rest
        was a sentence that starts mid-sentence). Not after a short line (an item of a list: "get
        keys", "get lamp"), nor in a lower-cased text (SumPubMed), where every line starts so."""
        last = lines[self.lines[-1]] if self.lines else ""
        if _ends_sentence(last) or len(last.split()) < PAUSE_MIN_WORDS:
            self.close()
        else:
            self.paused = True

    def goes_on(self, line: str, lines: list[str]) -> bool:
        """Whether `line` goes on with the paused paragraph (`pause`)."""
        return _continues(lines[self.lines[-1]], line) and not self.lowered()

    def close(self) -> None:
        """The paragraph in progress is complete: keep it (or count it dropped) and start anew."""
        self.paused = False
        if self.lines:
            para = _join_lines(self.text, [self.spans[i] for i in self.lines], self.vocabulary)
            if para.text:
                if self.section != "other_abstract" and _labelled_other_abstract(para.text, self.lang):
                    self.open_section("other_abstract")  # "Resumen: La estimación ..." after "Abstract: ..."
                if self.section in ("abstract", "other_abstract"):
                    words = len(para.text.split())
                    if self.abstract_words and not self._continues_abstract(para.text, words):
                        self.section = "body"  # the abstract is full: the body starts, heading or not
                    else:
                        self.abstract_words += words
                start, end = self.spans[self.lines[0]][0], self.spans[self.lines[-1]][1]
                if self.section == "dropped" or self.inline_drop.match(para.text):
                    self.removed.add("dropped_section", self.text, start, end)
                elif self.section == "other_abstract":
                    self.removed.add(OTHER_ABSTRACT, self.text, start, end)
                else:
                    self.done.append(Paragraph(para, abstract=self.section == "abstract"))
            self.lines = []

    def _continues_abstract(self, text: str, words: int) -> bool:
        """Whether a paragraph after the abstract's first is more abstract: a structured abstract's
        next part ("Methods: ...", "RESULTS. ..."), or one that keeps it within ABSTRACT_MAX_WORDS
        (abstracts of several paragraphs are common in the humanities; a body is longer). An
        English paper's second abstract goes on while its paragraphs do not read as English, however
        long: detection tells a paragraph of MIN_WORDS or more (a shorter one reads as English)."""
        if _opens_abstract_part(text, self.lang):
            return True
        if self.section == "other_abstract" and words >= MIN_WORDS:
            return detect_language(text) != ENGLISH
        return self.abstract_words + words <= ABSTRACT_MAX_WORDS

    def open_section(self, section: SectionState) -> None:
        self.section = section
        self.abstract_words = 0


# A paragraph that stops mid-sentence goes on after a break only where its last line has at least
# this many words (`_Paragraphs.pause`).
PAUSE_MIN_WORDS = 6
# An abstract section holds at most this many words of unlabelled paragraphs; what follows is body
# text even without a heading (journals cap abstracts at 150-350 words; a structured one's
# labelled parts go on past it).
ABSTRACT_MAX_WORDS = 400
# The labels that open the parts of a structured abstract beyond the section heading words
# (`headings.is_known`: Background, Methods, Results, Conclusions ...).
_ABSTRACT_PART_LABEL = re.compile(
    r"(?:objectives?|aims?(?: and objectives?)?|purpose|context|design|settings?|participants|interventions?"
    r"|(?:main )?outcome measures?|outcomes?|measurements|importance|significance|interpretation|rationale)",
    re.IGNORECASE,
)
_LABEL = re.compile(r"\s*([^\W\d][^:.—–]{0,40}?)\s*[:.—–]")  # "Methods:", "METHODS.", "Methods —"


def _labelled_other_abstract(text: str, lang: str) -> bool:
    """Whether an English paper's paragraph is its abstract in another language under a run-in
    label ("Resumen: La estimación ...", "Zusammenfassung: Die ..."): the label is another
    language's abstract word and what follows it does not read as English ("Résumé: The résumé
    was ..." in a paper on job applications stays). On a line of its own such a label opens an
    `other_abstract` section (`_role`); run in, the paragraph went into the body."""
    if lang != ENGLISH:
        return False
    label = _LABEL.match(text)
    if label is None or not headings.is_other_abstract(label.group(1), lang):
        return False
    return detect_language(text[label.end() :]) != ENGLISH


def _opens_abstract_part(text: str, lang: str) -> bool:
    """Whether a paragraph opens a structured abstract's next part ("Methods: We ...", "RESULTS.
    ...", "Aims — ..."): such parts stay abstract past ABSTRACT_MAX_WORDS."""
    label = _LABEL.match(text)
    if label is None:
        return False
    words = label.group(1)
    return _ABSTRACT_PART_LABEL.fullmatch(words) is not None or headings.is_known(words, lang)


def _roles(layout: _Layout, first: int = 0) -> Iterator[_Line]:
    """The role of each non-blank line from line `first` on, in order, up to where the body ends."""
    lines, nonblank, lang = layout.lines, layout.nonblank, layout.lang
    caption_label = lexicon(lang).caption_label_line
    caption: CaptionState = "none"
    last_body = ""
    previous_body: str | None = None  # the line before, when it was body text (sentence-case headings)
    last_body_index = -1  # the index of the last body line (whether it stands right above)
    start = bisect.bisect_left(nonblank, first)  # a restart after a reference list: no rescan
    for position, i in enumerate(nonblank[start:], start):
        line = lines[i]
        if caption != "none":
            words = len(line.split())
            short = words <= rules.LEGEND_LINE_MAX_WORDS
            legend = rules.LEGEND_LINE.match(line) or (short and rules.SHORT_LEGEND_LINE.match(line))
            if (caption == "title" and words <= rules.CAPTION_TITLE_MAX_WORDS) or legend:
                caption = "legend"
                yield _Line(i, "skip", "caption")
                continue
            caption = "none"
        if layout.reference_tail is not None and i >= layout.reference_tail:
            yield _Line(i, "end", "references")
            return
        if position < layout.front_end:
            yield _Line(i, "skip", "front_matter")
            continue
        if position <= 2 and layout.title_key and _key(line) == layout.title_key:
            yield _Line(i, "skip", "title")
            continue
        following = lines[nonblank[position + 1]] if position + 1 < len(nonblank) else None
        first_char = layout.spans[i][0] + len(line) - len(line.lstrip())
        is_heading = int(layout.text.origin[first_char]) in layout.heading_starts or headings.looks_like_heading_line(
            line, following, lang, previous_line=previous_body
        )
        front = position < max(FRONT_LINES_MIN, len(nonblank) // FRONT_LINES_SHARE)
        repeated = layout.keys[i] in layout.repeated
        reason = None if is_heading and headings.is_known(line, lang) else _junk_reason(line, repeated, front, lang)
        if reason == "affiliation" and position and last_body_index == nonblank[position - 1]:
            reason = None if _goes_on_in_lower_case(last_body, line) and not layout.lowered() else reason
        if reason in _CONTINUATION_LOOKALIKES and _closes_bracket(last_body, line):
            reason, is_heading = None, False  # "(Robine et al., 2008, p." then "171).": a wrap, not debris
        inside = False  # a line kept inside the sentence around it (`_mid_sentence_role`)
        if reason is None and is_heading and _mid_sentence(layout, line, previous_body, following):
            reason, is_heading = _mid_sentence_role(line)
            inside = reason is None and not is_heading
        elif reason is None and not is_heading and (previous_body is None or not lines[i - 1].strip()):
            reason = SUBHEADING if _lower_heading_line(layout, i, following, previous_body) else None
        if reason is not None:
            if reason == "caption" and caption_label.match(line):
                caption = "title"
            yield _Line(i, "junk", reason)
        elif is_heading:
            previous_body = None
            yield _heading(layout, i)
        else:
            last_body, last_body_index = line, i
            previous_body = line if position else None  # (the text's first line is its title, no paragraph)
            yield _Line(i, "body", INSIDE_SENTENCE if inside else "")


# A subheading of a lower-cased text (SumPubMed) on a line of its own, which no capital shows:
# "determination of parameters" above "most scoring functions have one parameter ...". It stands
# after a blank line or a heading and right above its paragraph, a line longer than LOWER_HEADING_MIN_FOLLOWING
# characters and twice its own; it has at most LOWER_HEADING_MAX_WORDS words, no end mark and none
# of the characters of a formula or code ("v = vegf, f = vegff", "tool = moby_tools.gettool;").
# Joined to its paragraph, it opened the paragraph's first sentence ("host-symbiont specificity and
# consistency most of the bacteroidales symbionts were ..."): of the lines so placed in the dev
# SumPubMed articles, nearly all are such headings (5386 lines, known heading words included; about
# 3,700 were joined). It is set aside and listed as a SUBHEADING, and opens no section: the section
# stays the one its heading in capitals opened ("RESULTS"). As sections of their own, the dev
# SumPubMed summaries of `structured` lost 0.53 R1 (0.93 where they took the kind "other"); set
# aside, they gain 0.01 (reranked 0.02).
SUBHEADING = "subheading"
LOWER_HEADING_MAX_WORDS = 14
LOWER_HEADING_MIN_FOLLOWING = 60
_NOT_LAST = frozenset(("figure", "fig", "table", "and", "or", "of", "the", "a", "an", "in", "to", "for", "with", "by"))
_LOWER_HEADING_LINE = re.compile(r"[^\W\d_A-Z][^=;{}\[\]|\\@#$^~_]*(?<![.,;:!?])")


def _lower_heading_line(layout: _Layout, i: int, following: str | None, previous_body: str | None) -> bool:
    """Whether line `i` is a subheading of a lower-cased text (`_LOWER_HEADING_LINE`), after a blank
    line or right below a heading (`previous_body` None: "RESULTS", then "kal7ko mice exhibit ...")."""
    line = layout.lines[i].strip()
    if following is None or not i or (layout.lines[i - 1].strip() and previous_body is not None):
        return False
    if not layout.lines[i + 1].strip():
        return False
    if len(following.strip()) <= max(2 * len(line), LOWER_HEADING_MIN_FOLLOWING):
        # Not two headings stacked ("phylogenetic distribution of ..." above "cl synthase" above
        # its paragraph): tried and withdrawn, as a review found the two short first lines of a
        # hard-wrapped lower-cased paragraph under a heading set aside the same way.
        return False
    if not _lower_heading_shape(line):
        return False  # "figure" above "<dig> shows the power ...": a sentence a line break cut
    return _ENGLISH_WORD.search(line) is not None and layout.lowered()


def _lower_heading_shape(line: str) -> bool:
    """Whether the stripped `line` is shaped like a lower-cased subheading: few words, none that
    leaves a phrase open at its end, no end mark and no formula characters (`_LOWER_HEADING_LINE`)."""
    words = line.split()
    return (
        bool(words)
        and len(words) <= LOWER_HEADING_MAX_WORDS
        and words[-1] not in _NOT_LAST
        and bool(_LOWER_HEADING_LINE.fullmatch(line))
    )


# The `reason` of a body line that goes on with the sentence before it, whatever its first letter.
INSIDE_SENTENCE = "inside_sentence"
# A word in capitals of two letters or more: an affiliation's ("CELCT"), a table's ("CONST").
_CAPITALS_WORD = re.compile(r"\b[A-Z]{2,}\b")


def _mid_sentence_role(line: str) -> tuple[str | None, bool]:
    """(junk reason, whether a heading) of a line that looks like a heading inside a sentence
    (`_mid_sentence`). Only debris goes: a line in capitals or digits ("0 STOP", "RANK CONST
    YES/NO"), or one that holds a word in capitals (an author's line spilled from the title block:
    "Danilo Giampiccolo CELCT"). A line with lower-case letters is part of its sentence (an italic
    title: "who supplied the", "Adventure", "lamp with a timer"), and a numbered one in title case
    heads its section however the page around it broke ("4 Implementation Details 4.1 Features");
    a numbered sentence is a footnote ("2 The Metropolis-Hastings acceptance probability is ...")."""
    stripped = line.strip()
    if stripped == stripped.upper() or _CAPITALS_WORD.search(stripped):
        return "fragment", False
    numbered = rules.NUMBERED_HEADING.match(stripped)
    if numbered is None:
        return None, False
    title_case = all(w[:1].isupper() or w[:1].isdigit() or len(w) <= 3 for w in numbered.group("title").split())
    return (None, True) if title_case else ("fragment", False)


def _mid_sentence(layout: _Layout, line: str, previous: str | None, following: str | None) -> bool:
    """Whether a line that looks like a heading stands inside a sentence that a page break, a table
    or a figure cut ("We estimated the probabilities", "0 STOP", "of greater lengths by ..."): the
    body line before it stops mid-sentence (PAUSE_MIN_WORDS words or more, no end mark) and the
    line after it goes on in lower case. Words that name a section ("Introduction") head one
    anywhere, and a lower-cased text (SumPubMed) starts every line in lower case."""
    if previous is None or following is None or _ends_sentence(previous) or len(previous.split()) < PAUSE_MIN_WORDS:
        return False
    if not following.lstrip()[:1].islower() or headings.is_known(line, layout.lang):
        return False
    return not layout.lowered()


# A reference list's entries carry years: at least this many in the characters after its heading.
LIST_YEARS_MIN = 2
LIST_LOOKAHEAD_CHARS = 600


# A year of a reference entry outside English: also a Solar or lunar Hijri one (Persian "۱۳۵۰",
# Arabic "1420"), in any script's digits (read as ASCII by `_ascii_digits`).
_LIST_YEAR = re.compile(r"\b(?:1[3-9]|20)\d\d[a-z]?\b")


def _cites_follow(layout: _Layout, i: int) -> bool:
    """Whether what follows heading line `i` reads as a reference list (years in its first lines;
    one is enough for a list that ends the text within them: "Bibliografía" over a single entry
    was body text, and the entry's journal line reached a Spanish summary)."""
    start = layout.spans[i][1]
    window = _ascii_digits(layout.text.text[start : start + LIST_LOOKAHEAD_CHARS])
    ends_text = start + LIST_LOOKAHEAD_CHARS >= len(layout.text.text)
    return len(_LIST_YEAR.findall(window)) >= (1 if ends_text else LIST_YEARS_MIN)


def _ascii_digits(text: str) -> str:
    """`text` with the digits of other scripts (Persian ۱۳۵۰, Arabic-Indic ١٤٢٠) as ASCII ones."""
    return "".join(str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text)


def _heading(layout: _Layout, i: int) -> _Line:
    """A heading line: the section it opens, or the end of the body when it heads a late reference list."""
    text, lang = layout.text, layout.lang
    title_text = layout.lines[i].strip()
    a, b = text.span(*stripped_bounds(text.text, *layout.spans[i]))
    total = max(1, len(text.text))
    end_matter = headings.is_end_matter(title_text, lang)
    if end_matter and lang != ENGLISH and not headings.is_end_matter(title_text) and not _cites_follow(layout, i):
        # "Literatur", "Литература", "Literatura" also name a section about literature: another
        # language's word heads a reference list only where entries with years follow it.
        end_matter = False
    if end_matter and a - text.origin[0] >= rules.END_MATTER_MIN_POSITION * total:
        return _Line(i, "heading", "references")
    if end_matter or headings.is_dropped(title_text, lang):
        return _Line(i, "heading", section="dropped")
    numbered = rules.NUMBERED_HEADING.match(title_text) is not None
    if lang == ENGLISH and not numbered and headings.is_other_abstract(title_text, lang) and not _english_follows(layout, i):
        return _Line(i, "heading", section="other_abstract")  # a bilingual journal's second abstract
    if headings.is_abstract(title_text, lang) and (
        lang == ENGLISH or (not numbered and a - text.origin[0] < ABSTRACT_MAX_POSITION * total)
    ):
        return _Line(i, "heading", section="abstract")
    bare = headings.strip_number(title_text)
    return _Line(i, "heading", heading=Paragraph(text, heading=bare, kind=headings.section_kind(bare, lang), span=(a, b)))


# How much text after another language's abstract heading is read to tell whether the section is
# in that language (a paragraph or two; detection reads a shorter one by its function words too).
OTHER_ABSTRACT_LOOKAHEAD_CHARS = 1000


def _english_follows(layout: _Layout, i: int) -> bool:
    """Whether the first paragraph under heading line `i` ("Résumé", "Resumen") reads as English:
    then the section is one of the English paper's own (on résumés, say), not a second abstract in
    another language, and is kept. The paragraph ends at a blank line, a known heading, or a line
    that ends a sentence once MIN_WORDS words are read (an English paragraph after a short French
    abstract is not read with it)."""
    following: list[str] = []
    words = size = 0
    for k in range(i + 1, len(layout.lines)):
        line = layout.lines[k]
        if not line.strip():
            if following:
                break
            continue
        if size >= OTHER_ABSTRACT_LOOKAHEAD_CHARS or headings.is_known(line):
            break
        following.append(line)
        size += len(line)
        words += len(line.split())
        if words >= MIN_WORDS and _ends_sentence(line):
            break
    return bool(following) and detect_language(" ".join(following)) == ENGLISH


def _ends_sentence(line: str) -> bool:
    """Whether the line's last non-whitespace character ends a sentence: read at the line's end, not
    by a regex that scanned the whole line (about 0.2 ms per 5k-word article)."""
    return line.rstrip()[-1:] in _TERMINAL


def _continues(previous: str, line: str) -> bool:
    """A line that goes on with the sentence the previous line left open."""
    return (not _ends_sentence(previous) and line.lstrip()[:1].islower()) or _closes_bracket(previous, line)


# A line's opening list number, then its first word in lower case ("1. the organization ...").
_LOWER_WORD_AFTER_NUMBER = re.compile(r"(?:\(?\d{1,2}[.)]\s+)?[a-z]{2,}\b")


def _goes_on_in_lower_case(previous: str, line: str) -> bool:
    """Whether `line` goes on with the sentence of the body line right above it, which ends in
    a lower-case word: a wrapped sentence or list item that names a department or a hospital
    ("1. the organization of patient flow and care within the" / "department 2. the ..."), not a
    title block's affiliation, which never opens with a lower-case word ("Department of ...",
    "aDepartment of ..." with its marker) unless it goes on with one above it in title case ("SRI
    International" / "and Center for the Study of ..."); a lower-cased text is left out by the caller."""
    last = previous.rsplit(None, 1)[-1:]
    return bool(last) and last[0][0].islower() and _LOWER_WORD_AFTER_NUMBER.match(line.lstrip()) is not None


# Junk reasons of a short line that may be the rest of a wrapped citation ("2017).", "171).").
_CONTINUATION_LOOKALIKES = frozenset({"fragment", "page_number"})


def _leaves_bracket_open(line: str) -> bool:
    """Whether a parenthesis opened on the line is still open at its end: "2017). ... (Robine et al., p."."""
    return line.rfind("(") > line.rfind(")")


def _closes_bracket(previous: str, line: str) -> bool:
    """Whether `line` closes a parenthesis `previous` left open: the rest of a citation that a line
    break cut ("... less developed (Heaviside et al.," then "2017). It is ..."), however short,
    numeric or upper-case it starts. After a line that ends a sentence ("... (Robine, 2008, p."),
    only a citation's tail counts: a number up to the ")" ("171)."), never a list item ("a) The")."""
    if not _leaves_bracket_open(previous):
        return False
    close = line.find(")")
    opened = line.find("(")
    if close < 0 or 0 <= opened < close:
        return False
    return not _ends_sentence(previous) or (close <= CITATION_TAIL_MAX_CHARS and any(c.isdigit() for c in line[:close]))


# The most characters before the ")" of a citation's tail on its own line ("2008, p. 171)").
CITATION_TAIL_MAX_CHARS = 40


def _front_matter_end(lines: list[str], nonblank: Sequence[int], lang: str = ENGLISH) -> int:
    """Count of leading lines that are title page furniture: authors, affiliations, e-mails.

    Only decided when an Abstract or Introduction heading comes early; whatever short lines stand
    before it are the title block.
    """
    limit = min(len(nonblank), max(FRONT_MATTER_MIN_LINES, len(nonblank) // FRONT_MATTER_SHARE))
    for position in range(limit):
        line = lines[nonblank[position]].strip()
        bare = headings.strip_number(line).rstrip(":. ")
        if (
            headings.is_abstract(bare, lang)
            or headings.is_other_abstract(bare, lang)
            or (headings.opens_section(bare, "introduction", lang) and headings.is_known(bare, lang))
            or _labelled_other_abstract(line, lang)  # "Resumen: La estimación ..." run in
        ):
            before = [lines[nonblank[p]] for p in range(position)]
            if all(len(b.split()) <= FRONT_MATTER_LINE_MAX_WORDS for b in before):
                return position
            return 0
    return 0


def _join_lines(text: Tracked, spans: list[tuple[int, int]], vocabulary: Callable[[], set[str]]) -> Tracked:
    """One paragraph from its lines (skipped junk lines between them go too).

    Line breaks become spaces; a hyphen at a line end is dropped and the word rejoined
    ("inter-\nvention" -> "intervention") unless the hyphenated compound occurs elsewhere in the
    text ("well-\nknown" stays "well-known" when "well-known" appears too).
    """
    start, end = spans[0][0], spans[-1][1]
    edits: list[Edit] = []
    for (line_start, line_end), (next_start, next_end) in pairwise(spans):
        # `_LAST_WORD` only finds a hyphen that ends the line: asking that first spares a regex scan
        # of every line, long ones in flattened text (about 1 ms per 5k-word article).
        hyphen_end = text.text[line_start:line_end].rstrip(" \t\n").endswith("-")
        left = _last_word(text.text, line_start, line_end) if hyphen_end else None
        right = _FIRST_WORD.match(text.text, next_start, next_end)
        if left and right:
            if f"{left.group(1)}-{right.group(0).strip()}".lower() not in vocabulary():
                edits.append(Edit(left.end(1), next_start, ""))
                continue
            edits.append(Edit(line_end, next_start, ""))
            continue
        edits.append(Edit(line_end, next_start, " "))
    para = text.slice(start, end).apply(Edit(e.start - start, e.end - start, e.replacement) for e in edits)
    return _strip(para, 0, len(para.text))


_LAST_WORD = re.compile(r"([a-z]+)-[ \t]*$")
_HYPHEN_AT_END = re.compile(r"-[ \t]*$")


def _last_word(text: str, start: int, end: int) -> re.Match[str] | None:
    """`_LAST_WORD.search(text, start, end)`, in time linear in the line: the search tried the
    rest of a run of letters from each of its letters (a line of one 40,000-letter word before a
    hyphen took 5 s). Its only match starts where the letters before the line's last hyphen do."""
    hyphen = text.rfind("-", start, end)
    if hyphen < 0 or _HYPHEN_AT_END.match(text, hyphen, end) is None:
        return None
    before = text[start:hyphen]
    letters = len(before) - len(before.rstrip(string.ascii_lowercase))
    return _LAST_WORD.match(text, hyphen - letters, end) if letters else None


_FIRST_WORD = re.compile(r"[ \t]*[a-z]+")
_WORDS = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_SUSPENDED = re.compile(r"(?<=[a-z])- (?=[a-z]+\b)")
_LOWER_WORD = re.compile(r"[a-z]+")
_LAST_LETTERS = re.compile(r"[A-Za-z]+$")
# The words that follow a suspended hyphen ("pre- and post-", "two- to threefold"): never the second
# half of a compound, even where the document has one ("thin-and" in a flattened "thin- and thick-").
_SUSPENSION_WORDS = frozenset(("and", "or", "nor", "to", "than", "versus", "vs", "as", "but", "with", "without"))
# The word before a suspended hyphen is looked for in the 40 characters before it (longer words
# are not rejoined).
HYPHEN_WORD_MAX_CHARS = 40


def words_of(text: str) -> set[str]:
    """The lower-cased words (hyphenated compounds whole) a text uses."""
    return set(_WORDS.findall(text.lower()))


def rejoin_flattened_hyphens(text: Tracked, document: Callable[[], str] | None = None, used: WordsUsed | None = None) -> Tracked:
    """Undo line-end hyphenation that a flattening turned into "- ": "inter- vention".

    Without the line break to prove it, a hyphen goes only where the document uses the joined word
    ("inter- vention" -> "intervention" where "intervention" occurs), and only the space goes where
    it uses the hyphenated compound instead ("broad- coverage" -> "broad-coverage") - never before
    "and", "or", "to" and the like, which follow a suspended hyphen: "pre- and post-" stays as it is.
    `document` gives the whole document's body text, lower-cased: a paragraph alone seldom repeats
    the word it split (this text alone without it); `used` answers for it, shared by the
    paragraphs of one document (`WordsUsed`).
    """
    if "- " not in text.text:
        return text
    uses: Callable[[str], bool] | None = used
    edits = []
    for match in _SUSPENDED.finditer(text.text):
        left = _LAST_LETTERS.search(text.text, max(0, match.start() - HYPHEN_WORD_MAX_CHARS), match.start())
        right = _LOWER_WORD.match(text.text, match.end())  # from an offset: no copy of the rest
        if not (left and right):
            continue
        if uses is None:  # read only where there is a hyphen to judge
            uses = WordsUsed(document if document is not None else text.text.lower)
        if uses((left.group(0) + right.group(0)).lower()):
            edits.append(Edit(match.start(), match.end(), ""))
        elif right.group(0) not in _SUSPENSION_WORDS and uses(f"{left.group(0)}-{right.group(0)}".lower()):
            edits.append(Edit(match.start(), match.end(), "-"))
    return text.apply(edits)


def uses_word(text: str, word: str) -> bool:
    """Whether `text` holds `word` with no letter right before or after it. A few C-level `find`s
    per hyphen judged, instead of the word set of a whole document (4 ms at 30,000 words)."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
            return True
        at = text.find(word, at + 1)
    return False


# `WordsUsed` answers this many questions with `uses_word` (a `find` or a few each, the cheapest for
# a text with a few hyphens to judge), then from an index of the text's words.
WORDS_USED_FINDS = 64
# The letters `uses_word` reads as a word's (str.isalpha), as a regular expression finds them: \w less
# digits and "_" (\w is str.isalnum and "_"), less the few numeric characters that are no digits
# ("²", "½", "Ⅻ"), taken out of the runs found afterwards.
_ALNUM_RUN = re.compile(r"[^\W\d_]+")
_ALNUM_COMPOUND = re.compile(r"(?<![^\W\d_])([^\W\d_]+)-(?=([^\W\d_]+))")
_GROUP = operator.methodcaller("group", 0)
_GROUPS = operator.methodcaller("group", 1, 2)


class WordsUsed:
    """Whether a lower-cased text uses a word (`uses_word`, same answers), asked for every hyphen a
    flattening left: a search of the whole text for each made a long text with many of them
    quadratic (160,000 words with 20,000 such hyphens took 17 s, twice the text 4x that). The first
    WORDS_USED_FINDS questions are searches; then the text's words and hyphenated pairs of words
    are collected once, and looked up."""

    def __init__(self, text: Callable[[], str]) -> None:
        self._text = text
        self._body: str | None = None
        self._asked = 0
        self._words: frozenset[str] | None = None
        self._compounds: frozenset[tuple[str, str]] = frozenset()

    def __call__(self, word: str) -> bool:
        if self._body is None:
            self._body = self._text()
        self._asked += 1
        parts = word.split("-")
        indexed = word.isascii() and len(parts) <= 2 and all(part.isalpha() for part in parts)
        if not indexed or self._asked <= WORDS_USED_FINDS:
            return uses_word(self._body, word)
        if self._words is None:
            self._words, self._compounds = _words_and_compounds(self._body)
        return word in self._words if len(parts) == 1 else (parts[0], parts[1]) in self._compounds


def _words_and_compounds(text: str) -> tuple[frozenset[str], frozenset[tuple[str, str]]]:
    """The runs of letters of `text` (str.isalpha) with none right before or after them, and the
    pairs of such runs with one hyphen between."""
    words = set(map(_GROUP, _ALNUM_RUN.finditer(text)))
    compounds = set(map(_GROUPS, _ALNUM_COMPOUND.finditer(text)))
    # A numeric character that is no digit ("²") ends a run of letters: its pieces are the words.
    for run in [run for run in words if not run.isalpha()]:
        words.discard(run)
        words.update(_letter_pieces(run))
    for left, right in [pair for pair in compounds if not (pair[0].isalpha() and pair[1].isalpha())]:
        compounds.discard((left, right))
        if left[-1].isalpha() and right[0].isalpha():
            compounds.add((_letter_pieces(left)[-1], _letter_pieces(right)[0]))
    return frozenset(words), frozenset(compounds)


def _letter_pieces(run: str) -> list[str]:
    return "".join(c if c.isalpha() else " " for c in run).split()


def _strip(text: Tracked, start: int, end: int) -> Tracked:
    return text.slice(*stripped_bounds(text.text, start, end))


def _mean_length(lines: list[str], nonblank: Sequence[int]) -> float:
    return sum(len(lines[i]) for i in nonblank) / max(1, len(nonblank))


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()
