"""Headings from layout: a short line set apart by its font (larger, bold, capitals) or numbered.

The words decide what a heading means (clean.headings knows "References", "Acknowledgements",
"Abstract"); the font decides whether a line is a heading at all, which the words alone cannot
tell for "Czechoslovakia after the communist coup".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..clean import headings as words
from ..clean import rules
from .lexicon import lexicon
from .lines import Line

# A heading is printed this much larger than the body, or bold where the body is not.
LARGER = 1.12
MAX_WORDS = 16
MAX_CHARS = 150
_LETTERS = re.compile(r"[^\W\d_]")
# A numbered step of an algorithm box ("3: end for", its keywords in bold): no heading.
ALGORITHM_STEP = re.compile(r"^\d{1,3}:\s")


@dataclass(frozen=True, slots=True)
class BodyStyle:
    """The font most body text is set in: what headings, notes and abstracts differ from."""

    size: float
    bold: bool = False


def is_heading_line(line: Line, style: BodyStyle) -> bool:
    """Whether a line, by its font and form, is (part of) a heading."""
    text = line.text.strip()
    if len(text) > MAX_CHARS:
        return False
    count = len(text.split())
    if not 1 <= count <= MAX_WORDS or len(_LETTERS.findall(text)) < 2:
        return False
    larger = line.size >= LARGER * style.size
    bold = line.bold and not style.bold
    if not (larger or bold or line.italic or text.isupper()):
        return False  # the common case, a line of body text, decided without the regexes below
    if text[-1] in ",;" or rules.CAPTION_LINE.match(text) or rules.EMAIL.search(text) or ALGORITHM_STEP.match(text):
        return False
    numbered = rules.NUMBERED_HEADING.match(text) is not None
    capitals = text.isupper() and len(_LETTERS.findall(text)) >= 4
    if text[-1] == "." and not (numbered or words.is_known(text)):
        return False  # a sentence, or a run-in heading that goes on with the paragraph
    if larger or bold:
        return True
    if capitals and count <= 8 and line.size >= 0.95 * style.size:
        return True
    # Italic numbered subheadings ("2.1. Four Periods between 1918 and 1948").
    return line.italic and numbered and count <= 12


def is_end_matter(text: str) -> bool:
    """ "References", "7. Bibliography": after this heading nothing is body text."""
    return words.is_end_matter(text) or lexicon().references.fullmatch(_bare(text)) is not None


def is_contents(text: str) -> bool:
    """ "Contents", "Inhaltsverzeichnis", "İçindekiler": a table of contents' heading."""
    return lexicon().contents.fullmatch(_bare(text)) is not None


def is_known_heading(text: str) -> bool:
    """Heading words that make a line a heading whatever its font ("Introduction")."""
    if len(text.split()) > 8:
        return False
    bare = _bare(text)
    label = lexicon().abstract_label.match(bare)
    return (
        words.is_known(text)
        or (label is not None and not label.group("rest"))
        or any(pattern.fullmatch(bare) is not None for pattern in (lexicon().known_heading, lexicon().references))
    )


def is_introduction(text: str) -> bool:
    """ "Introduction", "1. Einleitung": the heading a body opens with, in any language we read."""
    return len(text.split()) <= 4 and lexicon().introduction.fullmatch(_bare(text)) is not None


def is_keywords(text: str, *, bold_lead: int = 0) -> bool:
    """A keywords line in any language we read ("Keywords:", "Schlüsselwörter:", "Mots-clés :")."""
    match = rules.KEYWORDS_LINE.match(text) or lexicon().keywords.match(text)
    if match is None:
        return False
    # "Subject to the conditions of ..." is a licence: a label this vague needs a separator or bold.
    vague = match.group(0).strip().lower().startswith("subject")
    return not vague or match.group(0).rstrip()[-1:] in ":.—–-" or bold_lead >= 1


# A keywords line in a language with no lexicon ("Kľúčové slová: podzemná voda; sucho; klíma"): a
# label of at most three words holding a word for "key" (`_KEY_WORDS`, in the languages around the
# supported ones), a colon, then KEYWORD_LIST_MIN_ITEMS or more items parted by semicolons, none over
# KEYWORD_ITEM_MAX_WORDS words. The label must say "key": a structured abstract's parts have the
# same shape ("Data sources: MEDLINE; Embase; CINAHL", "Sources de données : ...", "Adatforrások:").
_KEYWORD_LIST = re.compile(r"^\s*(?P<label>[^\W\d_]+(?:[ -][^\W\d_]+){0,2})\s*:\s*(?P<items>[^:]+)$")
_KEY_WORDS = re.compile(
    r"klju[cč]|k[lľ][uú][cč]|kl[ií][cč]|raktin|reik[sš]min|atsl[eē]g|m[aä]rks[oõ]n|v[oõ]tmes[oõ]n|chave|gako"
    r"|sleutel|lykil|ky[cç]|ключ|λέξεις|ewlien|kunci|kulcs|cheie|kluczow|avainsan|n[oø]gleord|nyckelord"
    r"|stikkord|anahtar|clave|chiave|cl[eé]s?\b|schl[uü]ssel|trefwoord|palavras|paraules|keyword|key words",
    re.IGNORECASE,
)
KEYWORD_LIST_MIN_ITEMS = 3
KEYWORD_ITEM_MAX_WORDS = 4


def is_keyword_list(text: str) -> bool:
    """Whether `text` is a keywords line by its label's word for "key" and its shape
    (`_KEYWORD_LIST`): in a language we have no lexicon for, the line ended no abstract and was read
    as abstract text."""
    match = _KEYWORD_LIST.match(text)
    if match is None or _KEY_WORDS.search(match.group("label")) is None:
        return False
    items = [item.split() for item in match.group("items").rstrip(".; ").split(";")]
    return len(items) >= KEYWORD_LIST_MIN_ITEMS and all(0 < len(item) <= KEYWORD_ITEM_MAX_WORDS for item in items)


def _bare(text: str) -> str:
    return words.strip_number(text).rstrip(":. ")
