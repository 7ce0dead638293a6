"""The heading, keyword, caption and affiliation patterns of one language.

English is `rules` as it stands (the very same pattern objects, so English cleaning cannot change).
Another language's patterns are the English ones extended by the words of its data file
(`synopsis/data/lang/<code>.json`): articles in German or Portuguese carry English headings too
("Abstract", "Keywords"). A language without a data file gets the English patterns alone, which
only find structure, never decide what a word means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..language import ENGLISH, get_language, supported_codes
from ..types import SectionKind
from . import rules


@dataclass(frozen=True)
class Lexicon:
    """Compiled patterns of one language; field names follow the constants of `rules`."""

    code: str
    kind_patterns: tuple[tuple[SectionKind, re.Pattern[str]], ...]
    end_matter: re.Pattern[str]
    dropped_section: re.Pattern[str]
    abstract_heading: re.Pattern[str]
    keywords_line: re.Pattern[str]
    caption_line: re.Pattern[str]
    caption_label_line: re.Pattern[str]
    affiliation_words: re.Pattern[str]
    inline_paragraph_drop: re.Pattern[str]
    # Lower-case words that may join role words in a heading ("Résultats et discussion").
    small_words: frozenset[str]
    # Inline heading words of this language beyond the English ones (title case as written).
    inline_words: tuple[str, ...]
    keyword_labels: tuple[str, ...]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, any run of spaces between words."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in word.split()) for word in unique)


# The abstract and reference-list headings of languages we have no data file for: a text in one of
# them gets the English patterns plus these and every supported language's, so that its abstract
# and its reference list are still told apart from its body ("Samenvatting", "Литература").
OTHER_ABSTRACT_WORDS = (
    "Samenvatting", "Riassunto", "Sommario", "Аннотация", "Резюме", "Abstrakt", "Streszczenie", "Özet", "Öz",
    "Περίληψη", "Sammendrag", "Sammanfattning", "Resum", "Tiivistelmä", "Összefoglaló", "Rezumat", "Souhrn",
    "Sažetak", "Povzetek", "Santrauka", "Kopsavilkums", "Kokkuvõte", "Anotace",
)  # fmt: skip
OTHER_REFERENCE_WORDS = (
    "Bibliografia", "Riferimenti bibliografici", "Riferimenti", "Literatuur", "Literatuurlijst", "Literatuurverwijzingen",
    "Литература", "Список литературы", "Библиография", "Bibliografie", "Literatura", "Kaynakça", "Kaynaklar",
    "Βιβλιογραφία", "Αναφορές", "Referenser", "Litteratur", "Litteraturliste", "Lähteet", "Kirjallisuus", "Irodalom",
    "Referințe", "Literatūra", "Viited",
)  # fmt: skip


@cache
def lexicon(code: str = ENGLISH) -> Lexicon:
    """The patterns for language `code` (cached: built once per language and process)."""
    language = get_language(code)
    if code == ENGLISH or not language.supported:
        return Lexicon(
            code,
            rules.KIND_PATTERNS,
            rules.END_MATTER if code == ENGLISH else _extended(rules.END_MATTER, _other_words("references")),
            rules.DROPPED_SECTION,
            rules.ABSTRACT_HEADING if code == ENGLISH else _extended(rules.ABSTRACT_HEADING, _other_words("abstract")),
            rules.KEYWORDS_LINE,
            rules.CAPTION_LINE,
            rules.CAPTION_LABEL_LINE,
            rules.AFFILIATION_WORDS,
            rules.INLINE_PARAGRAPH_DROP,
            frozenset(),
            (),
            (),
        )
    words = language.headings
    kinds = tuple(
        (kind, re.compile(rf"\b(?:{pattern.pattern[5:-3]}|{alternation(words.get(kind, ()))})\b", re.IGNORECASE))
        if words.get(kind)
        else (kind, pattern)
        for kind, pattern in rules.KIND_PATTERNS
    )

    extend = _extended
    captions = alternation(language.captions)
    keyword_labels = words.get("keywords", ())
    return Lexicon(
        code,
        kinds,
        extend(rules.END_MATTER, words.get("references", ())),
        extend(rules.DROPPED_SECTION, (*words.get("dropped", ()), *keyword_labels)),
        extend(rules.ABSTRACT_HEADING, words.get("abstract", ())),
        re.compile(rf"{rules.KEYWORDS_LINE.pattern}|^\s*(?:{alternation(keyword_labels)})\s*[:.—–-]?", re.IGNORECASE),
        re.compile(
            rf"{rules.CAPTION_LINE.pattern}|^\s*(?:{captions})\.?\s*(?:[A-Z]?\d+[A-Za-z]?|[IVX]+)(?:\s*[.:|—–-]|\s*$)",
            re.IGNORECASE,
        ),
        re.compile(
            rf"{rules.CAPTION_LABEL_LINE.pattern}|^\s*(?:{captions})\.?\s*(?:[A-Z]?\d+[A-Za-z]?|[IVX]+)\s*\.?\s*$", re.IGNORECASE
        ),
        re.compile(rf"{rules.AFFILIATION_WORDS.pattern}|\b(?:{alternation(language.affiliations)})\b", re.IGNORECASE),
        re.compile(
            rf"{rules.INLINE_PARAGRAPH_DROP.pattern}|^\s*(?:{alternation(words.get('dropped', ()))})\s*[:.]", re.IGNORECASE
        ),
        language.stop_words,
        tuple(
            w
            for kind in ("introduction", "methods", "results", "discussion", "conclusion", "references", "dropped")
            for w in words.get(kind, ())
        )
        + tuple(words.get("abstract", ())),
        tuple(keyword_labels),
    )


def _extended(pattern: re.Pattern[str], extra: Iterable[str]) -> re.Pattern[str]:
    """`pattern` or one of the phrases `extra`, case ignored."""
    return re.compile(f"(?:{pattern.pattern}|(?:{alternation(extra)}))", re.IGNORECASE)


def _other_words(kind: str) -> tuple[str, ...]:
    """Heading words of `kind` ("abstract", "references") for a language without a data file:
    those of every supported language and of the others named above."""
    own = OTHER_ABSTRACT_WORDS if kind == "abstract" else OTHER_REFERENCE_WORDS
    supported = (w for code in supported_codes() if code != ENGLISH for w in get_language(code).headings.get(kind, ()))
    return (*supported, *own)
