"""Line-level cleaning: use the line structure, where the input still has one.

Each line is classified (blank, junk with a reason, heading, body); body lines become paragraphs,
headings open sections, and the sections that are not body text (acknowledgements, notes, the
reference list and everything after it) are dropped here.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from itertools import pairwise

from ..language import ENGLISH
from ..types import SectionKind
from . import headings, rules
from .lexicon import lexicon
from .tracked import Edit, Tracked

# Below this many non-blank lines a text is treated as flattened: its lines carry no structure.
MIN_STRUCTURED_LINES = 4
# Lines of a hard-wrapped text (a PDF page stream) are shorter than this on average.
WRAPPED_LINE_CHARS = 110
# A line repeated this often is a running header/footer, a speaker label or similar furniture.
REPEATED_LINE_MIN = 3
# The reference list sits at the end: a references heading earlier than this share of the text is
# treated as an ordinary dropped section (some papers put "Notes on sources" near the start).
END_MATTER_MIN_POSITION = 0.3
# Outside English an abstract heading word also names a closing section (German papers end with
# "5 Zusammenfassung"): it opens the abstract only unnumbered and in the first part of the text.
ABSTRACT_MAX_POSITION = 0.4
_TERMINAL = re.compile(r"[.!?:;\"”’)\]]\s*$")
_YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d[a-z]?\b")
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
    """Ligatures to letters, odd spaces to spaces, CR and zero-width characters away."""
    return text.sub(rules.ODD_CHARS, lambda m: rules.CHAR_MAP[m.group(0)])


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer("\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _junk_reason(line: str, repeated: bool, front: bool, lang: str = ENGLISH) -> str | None:
    """Why a whole line is not body text, or None."""
    words = lexicon(lang)
    stripped = line.strip()
    if "@" in stripped and len(stripped.split()) <= 12 and rules.EMAIL.search(stripped):
        return "email"
    if rules.URL_ONLY_LINE.match(stripped):
        return "url"
    if words.keywords_line.match(stripped):
        return "keywords"
    if rules.PAGE_NUMBER_LINE.match(stripped):
        return "page_number"
    if words.caption_line.match(stripped):
        return "caption"
    if rules.COPYRIGHT_LINE.match(stripped):
        return "front_matter"
    if rules.MARKUP_LINE.match(stripped):
        return "markup"
    if repeated:
        return "running_header"
    if front and len(stripped.split()) <= 25 and words.affiliation_words.search(stripped):
        return "affiliation"
    letters = r"[A-Za-z]{3}" if lang == ENGLISH else r"[^\W\d_]{3}"  # "Введение" is a word, not debris
    if len(stripped) < 15 and not re.search(letters, stripped):
        return "fragment"  # stray pieces of formulas and tables: "<dig>", "p", "(0.3)"
    return None


def _repeated_keys(keys: list[str]) -> set[str]:
    counts = Counter(key for key in keys if key)
    return {k for k, n in counts.items() if n >= REPEATED_LINE_MIN and len(k) <= 100}


def _furniture_key(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip().lower())


def _trailing_reference_start(lines: list[str], spans: list[tuple[int, int]]) -> int | None:
    """Index of the first line of an unheaded reference list at the end of the text, if any."""
    first = None
    entries = 0
    for i in range(len(lines) - 1, -1, -1):
        line = lines[i].strip()
        if not line:
            continue
        if _REFERENCE_ENTRY.match(line) and _YEAR.search(line) and len(line.split()) <= 80:
            first, entries = i, entries + 1
        else:
            break
    return first if entries >= 3 else None


def split_paragraphs(
    text: Tracked,
    *,
    title: str = "",
    removed: dict[str, int],
    heading_starts: frozenset[int] = frozenset(),
    lang: str = ENGLISH,
) -> list[Paragraph]:
    """Split a text into headings and body paragraphs, dropping junk lines and non-body sections.

    `removed` counts what was dropped, by reason, for the JSON output and the tests.
    """
    text = normalise_characters(text)
    spans = _line_spans(text.text)
    lines = [text.text[a:b] for a, b in spans]
    nonblank = [i for i, line in enumerate(lines) if line.strip()]
    if len(nonblank) < MIN_STRUCTURED_LINES:
        stripped = _strip(text, 0, len(text.text))
        return [Paragraph(stripped)] if stripped.text else []

    total = max(1, len(text.text))
    keys = [_furniture_key(line) for line in lines]
    repeated = _repeated_keys(keys)
    wrapped = "\n\n" in text.text.replace("\r", "") and _mean_length(lines, nonblank) < WRAPPED_LINE_CHARS
    reference_tail = _trailing_reference_start(lines, spans)
    front_end = _front_matter_end(lines, nonblank, lang)
    lex = lexicon(lang)

    paragraphs: list[Paragraph] = []
    current: list[int] = []  # line indices of the paragraph being built
    state = "body"
    title_key = _key(title)
    vocabulary = functools.cache(lambda: words_of(text.text))

    def flush() -> None:
        if current:
            para = _join_lines(text, [spans[i] for i in current], vocabulary)
            if para.text:
                if state == "dropped" or lex.inline_paragraph_drop.match(para.text):
                    _count(removed, "dropped_section")
                else:
                    paragraphs.append(Paragraph(para, abstract=state == "abstract"))
            current.clear()

    in_caption: str | bool = False  # after a caption label: "title", then "legend" lines follow
    for position, i in enumerate(nonblank):
        line = lines[i]
        if in_caption:
            words = len(line.split())
            if (in_caption == "title" and words <= rules.CAPTION_TITLE_MAX_WORDS) or rules.LEGEND_LINE.match(line):
                _count(removed, "caption")
                in_caption = "legend"
                continue
            in_caption = False
        if reference_tail is not None and i >= reference_tail:
            _count(removed, "references")
            break
        if position < front_end:
            _count(removed, "front_matter")
            continue
        nxt = lines[nonblank[position + 1]] if position + 1 < len(nonblank) else None
        key = keys[i]
        if position <= 2 and title_key and _key(line) == title_key:
            _count(removed, "title")
            continue
        first_char = spans[i][0] + len(line) - len(line.lstrip())
        is_heading = int(text.origin[first_char]) in heading_starts or headings.looks_like_heading_line(line, nxt, lang)
        reason = (
            None
            if is_heading and headings.is_known(line, lang)
            else _junk_reason(line, key in repeated, front=position < max(10, len(nonblank) // 20), lang=lang)
        )
        if reason is not None:
            _count(removed, reason)
            if reason == "caption" and lex.caption_label_line.match(line):
                in_caption = "title"
            if not wrapped:
                flush()
            continue
        if is_heading:
            flush()
            title_text = line.strip()
            a, b = text.span(*_stripped_bounds(text.text, *spans[i]))
            if headings.is_end_matter(title_text, lang) and a - text.origin[0] >= END_MATTER_MIN_POSITION * total:
                _count(removed, "references")
                return paragraphs
            if headings.is_dropped(title_text, lang) or headings.is_end_matter(title_text, lang):
                state = "dropped"
                continue
            if headings.is_abstract(title_text, lang) and (
                lang == ENGLISH
                or (not rules.NUMBERED_HEADING.match(title_text) and a - text.origin[0] < ABSTRACT_MAX_POSITION * total)
            ):
                state = "abstract"
                continue
            state = "body"
            bare = headings.strip_number(title_text)
            paragraphs.append(Paragraph(text, heading=bare, kind=headings.section_kind(bare, lang), span=(a, b)))
            continue
        if current and not wrapped and not _continues(lines[current[-1]], line):
            flush()
        current.append(i)
        if not wrapped and _TERMINAL.search(line):
            flush()
        if wrapped and (position + 1 >= len(nonblank) or nonblank[position + 1] > i + 1):
            flush()  # a blank line ends a paragraph of a hard-wrapped text
    flush()
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    """A line that goes on with the sentence the previous line left open."""
    return not _TERMINAL.search(previous) and line.lstrip()[:1].islower()


def _front_matter_end(lines: list[str], nonblank: list[int], lang: str = ENGLISH) -> int:
    """Count of leading lines that are title page furniture: authors, affiliations, e-mails.

    Only decided when an Abstract or Introduction heading comes early; whatever short lines stand
    before it are the title block.
    """
    limit = min(len(nonblank), max(12, len(nonblank) // 8))
    for position in range(limit):
        line = lines[nonblank[position]].strip()
        bare = headings.strip_number(line).rstrip(":. ")
        if headings.is_abstract(bare, lang) or (
            headings.section_kind(bare, lang) == "introduction" and headings.is_known(bare, lang)
        ):
            before = [lines[nonblank[p]] for p in range(position)]
            if all(len(b.split()) <= 30 for b in before):
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
        left = _LAST_WORD.search(text.text, line_start, line_end)
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
_FIRST_WORD = re.compile(r"[ \t]*[a-z]+")
_WORDS = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_SUSPENDED = re.compile(r"(?<=[a-z])- (?=[a-z]+\b)")


def words_of(text: str) -> set[str]:
    """The lower-cased words (hyphenated compounds whole) a text uses."""
    return set(_WORDS.findall(text.lower()))


def rejoin_flattened_hyphens(text: Tracked) -> Tracked:
    """Undo line-end hyphenation that a flattening turned into "- ": "inter- vention".

    Without the line break to prove it, the hyphen only goes where the joined word occurs
    elsewhere in the text; "pre- and post-" stays as it is.
    """
    if "- " not in text.text:
        return text
    vocabulary = words_of(text.text)
    edits = []
    for match in _SUSPENDED.finditer(text.text):
        left = re.search(r"[A-Za-z]+$", text.text[max(0, match.start() - 40) : match.start()])
        right = re.match(r"[a-z]+", text.text[match.end() :])
        if left and right and (left.group(0) + right.group(0)).lower() in vocabulary:
            edits.append(Edit(match.start(), match.end(), ""))
    return text.apply(edits)


def _stripped_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _strip(text: Tracked, start: int, end: int) -> Tracked:
    a, b = _stripped_bounds(text.text, start, end)
    return text.slice(a, b)


def _mean_length(lines: list[str], nonblank: list[int]) -> float:
    return sum(len(lines[i]) for i in nonblank) / max(1, len(nonblank))


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


def _count(removed: dict[str, int], reason: str) -> None:
    removed[reason] = removed.get(reason, 0) + 1
