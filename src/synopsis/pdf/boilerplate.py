"""Publisher boilerplate in the front matter: what each block of lines around the title is.

Front matter is read as blocks (a run of lines in one font with no gap: a licence paragraph, an
affiliation) and each block is named by the lexicon's phrases: dates, editor, correspondence,
licence, citation, identifier, open_access, journal, orcid, series, keywords; the names and
affiliations right after the title are "authors". A block no rule names gets `None`: the caller
keeps it in the body, so text that is not understood is never dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from . import headings
from .lexicon import lexicon
from .lines import Line

# Only the first line of a longer block decides (a licence paragraph opens with its phrase); a
# block this short is searched whole.
SHORT_BLOCK_WORDS = 60
# A chapter's label alone on its line: "Chapter 3", "CHAPTER THREE", "Kapitel 2".
CHAPTER_LABEL_MAX_WORDS = 3
# Names and affiliations: short blocks whose words are mostly capitalised, or with an e-mail.
AUTHORS_MAX_WORDS = 60
AUTHORS_CAPITALISED = 0.6
AFFILIATION_CAPITALISED = 0.4
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*")
_JOINERS = frozenset(
    ["and", "of", "for", "the", "und", "für", "et", "y", "e", "de", "da", "do", "dos", "van", "von", "der", "del", "la", "le"]
)


def blocks_of(lines: Sequence[Line]) -> list[list[int]]:
    """Indices of `lines` grouped into blocks: same column and font size, no gap between lines."""
    blocks: list[list[int]] = []
    for i, line in enumerate(lines):
        if blocks:
            previous = lines[blocks[-1][-1]]
            same = (
                previous.page == line.page
                and previous.region == line.region
                and abs(previous.size - line.size) < 0.6
                and 0 <= line.top - previous.bottom < 0.9 * line.size
                and blocks[-1][-1] == i - 1
            )
            if same:
                blocks[-1].append(i)
                continue
        blocks.append([i])
    return blocks


def classify(block: Sequence[Line], *, near_title: bool) -> str | None:
    """The reason a front-matter block is not article text, or None when no rule knows it.

    `near_title` allows "authors": names and affiliations stand between the title and the
    abstract, nowhere else.
    """
    first = block[0].text.strip()
    text = " ".join(line.text.strip() for line in block)
    words = len(text.split())
    if headings.is_keywords(first, bold_lead=block[0].bold_lead) or headings.is_keyword_list(first):
        return "keywords"
    if len(block) == 1 and words <= CHAPTER_LABEL_MAX_WORDS and lexicon().chapter.match(first):
        return "chapter"  # "Chapter 3" over a book chapter's title: no author
    searched = text if words <= SHORT_BLOCK_WORDS else first
    for reason, pattern in lexicon().boilerplate:
        if pattern.search(searched):
            return reason
    if near_title and words <= AUTHORS_MAX_WORDS and _looks_like_authors(text):
        return "authors"
    return None


def classify_lines(block: Sequence[Line], *, near_title: bool) -> list[str | None]:
    """A reason for each line of a block: its own, else its block's or the line above's.

    Blocks set without gaps (a list of dates, editor and licence lines in small print) hold
    several kinds of boilerplate; a line no rule names continues the one above it (the second
    line of a licence), and the block's own reason covers lines before any named one.
    """
    whole = classify(block, near_title=near_title)
    reasons: list[str | None] = []
    for line in block:
        own = classify([line], near_title=near_title)
        reasons.append(own or (reasons[-1] if reasons and reasons[-1] else whole))
    return reasons


def label_reasons(lines: Sequence[Line], reasons: list[str | None]) -> list[str | None]:
    """Labels set on a line of their own take their reason from the block they label.

    A bold "Keywords" line is followed by the list ("Cold War; communism; ..."), which is
    keywords too; an "Issue" or "Article info" label before a named block is part of it.
    """
    out = list(reasons)
    for i in range(len(lines)):
        if out[i] is not None:
            continue
        text = lines[i].text.strip()
        previous = lines[i - 1].text.strip() if i else ""
        if i and out[i - 1] == "keywords" and len(previous.split()) <= 2:
            out[i] = "keywords"  # the list under a "Keywords" label
        elif len(text.split()) <= 2 and not _SENTENCE_END.search(text) and i + 1 < len(out) and out[i + 1]:
            out[i] = out[i + 1]
    return out


_SENTENCE_END = re.compile(r"[.!?]$")

# A list of names: parts split at commas, semicolons, "&" and short lower-case joiners ("and",
# "und", "ve", "og"), each two to four capitalised names or initials, name particles between.
_NAME_SPLIT = re.compile(r"\s*(?:[,;&]|\s(?:and|und|et|y|e|en|og|och|ja|ve|dan|и|i)\s)\s*")
_NAME = re.compile(r"(?:[^\W\d_]\.(?:-?[^\W\d_]\.)*|[^\W\d_]+(?:[-'’][^\W\d_]+)*)$")
_PARTICLES = frozenset(
    ["van", "von", "de", "da", "do", "dos", "der", "den", "del", "della", "di", "du", "la", "le", "bin", "al", "ten", "ter"]
)
NAMES_MIN = 2
# Title words no person's name is: "Harbour Bridges, Old Towns and Their Keepers" splits into
# three capitalised pairs like a list of names, but "Their" names nobody. English only, and no
# word that is also a name particle ("de", "la") or a plausible surname ("In", "To", "Long").
_TITLE_WORDS = frozenset(
    "the their our its his of for with from this these those towards toward how what why when where"
    " into between beyond through about after before under against among within without".split()
)


def names_list(text: str) -> bool:
    """Whether `text` is a list of people's names ("Anna Smith, John Brown and Li Wei"), which a
    title in title case ("Tables of the North Coast and Their Makers") is not: `_looks_like_authors`
    cannot tell these apart by capitals."""
    if _EMAIL.search(text):
        return True
    parts = [part for part in _NAME_SPLIT.split(text.strip().rstrip(".")) if part]
    return len(parts) >= NAMES_MIN and all(_is_name(part) for part in parts)


def one_name(text: str) -> bool:
    """Whether `text` is one person's name ("Anita Gurung", "Karl d'Ester"): one author set large."""
    return _is_name(text.strip().rstrip(".*†"))


def _is_name(part: str) -> bool:
    tokens = part.split()
    names = [token for token in tokens if token.lower() not in _PARTICLES]
    return 2 <= len(names) <= 4 and all(
        _NAME.match(token) and token[0].isupper() and token.lower() not in _TITLE_WORDS for token in names
    )


def _looks_like_authors(text: str) -> bool:
    """Names, affiliations, addresses: mostly capitalised words, or an e-mail.

    An institution word counts only with enough capitals around it: "four hospitals" in a
    sentence of an unlabelled abstract is prose, "Kyoto University Hospital, Kyoto" is not.
    """
    if _EMAIL.search(text):
        return True
    words = [w for w in _WORD.findall(text) if w.lower() not in _JOINERS]
    if not words:
        return False
    share = sum(1 for w in words if w[0].isupper()) / len(words)
    return share >= AUTHORS_CAPITALISED or (share >= AFFILIATION_CAPITALISED and lexicon().affiliation.search(text) is not None)
