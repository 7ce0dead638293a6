"""Recognise section headings and the role of the section they open."""

from __future__ import annotations

import re

from ..language import ENGLISH
from ..types import SectionKind
from . import rules
from .lexicon import lexicon

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Other languages: letters of any Latin script ("Résultats", "Schlüsselwörter").
_UNICODE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "but",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "via",
        "with",
        "vs",
        "versus",
        "its",
        "their",
        "our",
    ]
)


def section_kind(title: str, lang: str = ENGLISH) -> SectionKind:
    """Map a heading to a section role by its words ("2.3 Experimental Results" -> results)."""
    return _first_kind(title, lang)


def opens_section(title: str, kind: SectionKind, lang: str = ENGLISH) -> bool:
    """`section_kind(title, lang) == kind`, searching no pattern after `kind`'s: the front-matter scan
    asks this of whole paragraphs (1.4 ms per 5k-word article when it searched all five patterns)."""
    return _first_kind(title, lang, last=kind) == kind


def _first_kind(title: str, lang: str, last: SectionKind | None = None) -> SectionKind:
    """The first kind whose pattern `title` matches, in the lexicon's order; "other" when none does
    (or none up to and including `last`'s pattern)."""
    for kind, pattern in lexicon(lang).kind_patterns:
        if pattern.search(title):
            return kind
        if kind == last:
            break
    return "other"


# A heading line is at most this long.
HEADING_MAX_CHARS = 120


def strip_number(title: str) -> str:
    """ "2.1 Feature Extraction" -> "Feature Extraction"."""
    match = rules.NUMBERED_HEADING.match(title.strip())
    return match.group("title").strip() if match else title.strip()


def is_end_matter(title: str, lang: str = ENGLISH) -> bool:
    return lexicon(lang).end_matter.fullmatch(strip_number(title).rstrip(":. ")) is not None


def is_dropped(title: str, lang: str = ENGLISH) -> bool:
    return lexicon(lang).dropped_section.fullmatch(strip_number(title).rstrip(":. ")) is not None


def is_abstract(title: str, lang: str = ENGLISH) -> bool:
    return lexicon(lang).abstract_heading.fullmatch(strip_number(title).rstrip(":. ")) is not None


def is_known(title: str, lang: str = ENGLISH) -> bool:
    """A heading whose words alone make it a heading, whatever the line around it looks like."""
    bare = strip_number(title).rstrip(":. ")
    if is_end_matter(bare, lang) or is_dropped(bare, lang) or is_abstract(bare, lang):
        return True
    # "Results and Discussion", "conclusions and future work": role words joined by small words.
    rest = bare
    words = lexicon(lang)
    for _, pattern in words.kind_patterns:
        rest = pattern.sub(" ", rest)
    if rest == bare:
        return False
    pattern = _WORD if lang == ENGLISH else _UNICODE_WORD
    small = _SMALL_WORDS | words.small_words
    return all(w.lower() in small for w in pattern.findall(rest)) and not re.search(r"\d", rest)


def looks_like_heading_line(line: str, next_line: str | None, lang: str = ENGLISH) -> bool:
    """Decide whether a whole line is a heading.

    A heading is short, does not end like a sentence, and is either known vocabulary, numbered
    ("3.2 Parameter Estimation"), or title-cased/upper-cased and followed by a longer line of text.
    """
    text = line.strip()
    if not 2 <= len(text) <= HEADING_MAX_CHARS:
        return False
    words = text.split()
    if len(words) > 14:
        return False
    if is_known(text, lang):
        return True
    if text[-1] in ".,;!?" and not rules.NUMBERED_HEADING.match(text):
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    numbered = rules.NUMBERED_HEADING.match(text)
    body = numbered.group("title") if numbered else text
    alpha = (_WORD if lang == ENGLISH else _UNICODE_WORD).findall(body)
    if not alpha or sum(len(w) for w in alpha) < 3:
        return False
    if numbered and body[0].isupper() and len(words) <= 12:
        # "2 Methods", "4.1 Data" — but not "1 A.L.Hucklesby@leeds.ac.uk" or "3 The results show".
        return "@" not in body and body[-1] not in ".,;"
    small = _SMALL_WORDS | lexicon(lang).small_words
    capitalised = sum(1 for w in alpha if w[0].isupper() or w.lower() in small)
    if capitalised < len(alpha) or text.endswith(":"):
        return False
    # Title-cased: only a heading if real text follows it.
    return next_line is not None and len(next_line.strip()) > max(2 * len(text), 60)
