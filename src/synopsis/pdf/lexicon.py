"""The words of a PDF's front matter, in every language we read, loaded from data files.

Each language is one JSON file in `synopsis/data/pdf/` (one per language synopsis reads): the
labels of the abstract and the keywords, introduction, section, end-section (acknowledgements) and
reference headings, the labels of a structured abstract's parts, publisher boilerplate phrases by
reason, affiliation words, issue identifiers, journal names, contents and chapter headings.
Adding a language is adding a file; no code names a language, and a list a file leaves out
matches nothing. The lists are merged: a
PDF's front matter is recognised whatever its language, so no language detection is needed
here, and the labels of different languages do not collide.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

from ..clean.lexicon import OTHER_ABSTRACT_WORDS

# The order boilerplate reasons are tried in: the more specific first ("This article is part of
# the issue ..., edited by ..." is a series note, not an editor line). Reasons a data file adds
# beyond these come last.
REASON_ORDER = (
    "series",
    "citation",
    "licence",
    "open_access",
    "dates",
    "editor",
    "correspondence",
    "orcid",
    "identifier",
    "journal",
)
_SEPARATOR = r"\s*(?:[.:]|\s[—–-]\s)"  # "Methods." "Methods:" "Purpose – "


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Compiled patterns from all the language files."""

    languages: tuple[str, ...]
    abstract_label: re.Pattern[str]  # groups: label, sep, rest
    keywords: re.Pattern[str]
    known_heading: re.Pattern[str]  # introduction and section words (fullmatch, number stripped)
    introduction: re.Pattern[str]
    references: re.Pattern[str]
    part_label: re.Pattern[str]  # a structured abstract's part: groups label, rest
    boilerplate: tuple[tuple[str, re.Pattern[str]], ...]
    affiliation: re.Pattern[str]
    # An issue's identifier ("Volume 12, Issue 3", "ISSN"), not an article's (a DOI): the line under a
    # journal's masthead (regexes).
    issue: re.Pattern[str]
    # A journal's name or banner ("International Journal of ...", "journal homepage"): a masthead
    # whatever its length, where an article label ("Original Research") is one only alone (regexes).
    masthead: re.Pattern[str]
    contents: re.Pattern[str]  # a table of contents' heading (fullmatch)
    lists: re.Pattern[str]  # that, or a list of figures' or tables' heading, alone on its line
    chapter: re.Pattern[str]  # "Chapter 1", "Kapitel 2", "Bölüm 3" opening a line


def _alternatives(words: list[str]) -> str:
    """A regex alternation of literal words, longest first, spaces matching any spacing."""
    ordered = sorted(set(words), key=len, reverse=True)
    if not ordered:
        return r"(?!)"  # none in these files: never matches
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(" ", r"\s+") for w in ordered)


def _any_of(patterns: list[str]) -> str:
    """A regex alternation of regexes; one that never matches where there are none."""
    return "|".join(f"(?:{p})" for p in patterns) or r"(?!)"


def _rank(reason: str) -> int:
    return REASON_ORDER.index(reason) if reason in REASON_ORDER else len(REASON_ORDER)


@cache
def lexicon() -> Lexicon:
    """The merged lexicon of the data files shipped with synopsis (read once)."""
    folder = resources.files("synopsis") / "data" / "pdf"
    files = [item.read_text(encoding="utf-8") for item in folder.iterdir() if item.name.endswith(".json")]
    return build_lexicon(files, other_abstract=OTHER_ABSTRACT_WORDS)


def build_lexicon(files: Sequence[str], *, other_abstract: Sequence[str] = ()) -> Lexicon:
    """The merged lexicon of language files (their JSON texts). `other_abstract`: abstract labels
    of languages with no file, which cleaning knows too ("Streszczenie"): an abstract so labelled
    was left in the front matter, its label taken for an author line, and it was summarized."""
    entries = sorted((json.loads(text) for text in files), key=lambda entry: str(entry["language"]))

    def merged(key: str) -> list[str]:
        return [word for entry in entries for word in entry.get(key, [])]

    reasons: dict[str, list[str]] = {}
    for entry in entries:
        for reason, patterns in entry.get("boilerplate", {}).items():
            reasons.setdefault(reason, []).extend(patterns)
    flags = re.IGNORECASE
    return Lexicon(
        languages=tuple(str(entry["language"]) for entry in entries),
        abstract_label=re.compile(
            rf"^\s*(?P<label>{_alternatives([*merged('abstract'), *other_abstract])})(?![^\W\d_])"
            rf"\s*(?P<sep>[:.—–-]?)\s*(?P<rest>.*)$",
            flags,
        ),
        keywords=re.compile(rf"^\s*(?:{_alternatives(merged('keywords'))})(?![^\W\d_])\s*[:.—–-]?", flags),
        known_heading=re.compile(
            rf"(?:{_alternatives(merged('introduction') + merged('sections') + merged('end_sections'))})", flags
        ),
        introduction=re.compile(rf"(?:{_alternatives(merged('introduction'))})", flags),
        references=re.compile(rf"(?:{_alternatives(merged('references'))})", flags),
        part_label=re.compile(rf"^\s*(?P<label>{_alternatives(merged('abstract_parts'))}){_SEPARATOR}\s*(?P<rest>\S.*)?$", flags),
        boilerplate=tuple(
            (reason, re.compile("|".join(f"(?:{p})" for p in patterns), flags))
            for reason, patterns in sorted(reasons.items(), key=lambda item: (_rank(item[0]), item[0]))
            if patterns
        ),
        affiliation=re.compile(rf"\b(?:{_alternatives(merged('affiliation'))})", flags),
        issue=re.compile(_any_of(merged("issue")), flags),
        masthead=re.compile(_any_of(merged("masthead")), flags),
        contents=re.compile(rf"(?:{_alternatives(merged('contents'))})", flags),
        lists=re.compile(rf"^\s*(?:{_alternatives(merged('contents') + merged('lists'))})\s*:?\s*$", flags),
        chapter=re.compile(rf"^\s*(?:{_alternatives(merged('chapter'))})\s+(?:\d{{1,2}}|[ivx]{{1,5}}|one|two|three|i)\b", flags),
    )
