"""Recognise section headings and the role of the section they open."""

from __future__ import annotations

import re

from ..language import ENGLISH
from ..types import SectionKind
from . import rules
from .lexicon import Lexicon, folded, lexicon

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Other languages: letters of any script, with their marks ("Résultats", "Schlüsselwörter", "परिणाम").
_UNICODE_WORD = re.compile(rf"[^\W\d_](?:[\w'’-]|[{rules.MARKS}])*")
# Hangul syllables: two make a word ("서론", "결론"), where three letters of an alphabet do.
SYLLABLES = re.compile(r"[\uac00-\ud7a3]{2}")
_HANGUL_SYLLABLE = re.compile(r"[\uac00-\ud7a3]")
# What ends a sentence, a clause or a list item, and so no heading: in English, and beyond it the
# sentence ends of other scripts (Devanagari । ॥, Arabic ؟ ، ؛, Urdu ۔, Armenian ։, Ethiopic ።, the
# Greek question mark, full-width 。！？).
_END_MARKS = ".,;!?"
_OTHER_END_MARKS = _END_MARKS + "।॥؟،؛۔։።\u037e。！？"
# A heading outside English may be in sentence case ("Данные и методы", "Giới thiệu", "Limites de
# l’étude"): such a line of at most this many words is a heading where a long line follows.
SENTENCE_CASE_MAX_WORDS = 6
# No abstract heading of another language (`is_other_abstract`) is longer.
OTHER_ABSTRACT_MAX_CHARS = 40
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
    if lexicon(lang).kind_patterns is rules.KIND_PATTERNS and not may_name_kind(title):
        return "other"  # no pattern can match
    return _first_kind(title, lang)


def opens_section(title: str, kind: SectionKind, lang: str = ENGLISH) -> bool:
    """`section_kind(title, lang) == kind`, searching no pattern after `kind`'s: the front-matter scan
    asks this of whole paragraphs (1.4 ms per 5k-word article when it searched all five patterns)."""
    patterns = lexicon(lang).kind_patterns
    if patterns is rules.KIND_PATTERNS and patterns[0][0] == kind and not may_name_kind(title, _FIRST_STEMS):
        return False  # the one pattern `_first_kind` would search cannot match (0.3 ms per 5k-word article)
    return _first_kind(title, lang, last=kind) == kind


# The stems of the first kind (introduction), and of any kind (`rules.KIND_STEMS`).
_FIRST_STEMS = rules.KIND_STEMS[0][1]
_ANY_STEM = re.compile("|".join(re.escape(stem) for _, stems in rules.KIND_STEMS for stem in stems))


def may_name_kind(text: str, stems: tuple[str, ...] | None = None) -> bool:
    """False only where no English kind pattern (or none of those whose `stems` are given) can match
    `text`: its lower-cased copy holds no stem of theirs, and `text` no look-alike of an ASCII letter.
    Substring tests (or one search with case) in C, where the patterns with case ignored try their
    words at every character."""
    lowered = text.lower()
    found = _ANY_STEM.search(lowered) if stems is None else any(stem in lowered for stem in stems)
    return bool(found) or any(char in text for char in rules.CASELESS_ASCII_LOOKALIKES)


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


def is_other_abstract(title: str, lang: str = ENGLISH) -> bool:
    """In an English paper, another language's abstract heading ("Zusammenfassung", "Résumé"): a
    bilingual journal's second abstract follows it."""
    return _other_abstract(strip_number(title).rstrip(":. "), lexicon(lang))


def _other_abstract(bare: str, words: Lexicon) -> bool:
    """`is_other_abstract` of a title without its number and end marks (a set look-up, and none for
    a line longer than any such heading: `is_known` asks it of every short line)."""
    return bool(words.other_abstract) and len(bare) <= OTHER_ABSTRACT_MAX_CHARS and folded(bare) in words.other_abstract


def is_known(title: str, lang: str = ENGLISH) -> bool:
    """A heading whose words alone make it a heading, whatever the line around it looks like."""
    bare = strip_number(title).rstrip(":. ")
    words = lexicon(lang)
    inner = strip_number(bare).rstrip(":. ")  # what is_end_matter(bare), is_dropped(bare), is_abstract(bare) match
    if (
        words.end_matter.fullmatch(inner)
        or words.dropped_section.fullmatch(inner)
        or words.abstract_heading.fullmatch(inner)
        or _other_abstract(bare, words)
    ):
        return True
    # "Results and Discussion", "conclusions and future work": role words joined by small words.
    if words.kind_patterns is rules.KIND_PATTERNS and not may_name_kind(bare):
        return False  # no role word: the substitutions below would leave `bare` as it is
    rest = bare
    for _, pattern in words.kind_patterns:
        rest = pattern.sub(" ", rest)
    if rest == bare:
        return False
    pattern = _WORD if lang == ENGLISH else _UNICODE_WORD
    small = _SMALL_WORDS | words.small_words
    return all(w.lower() in small for w in pattern.findall(rest)) and not re.search(r"\d", rest)


def looks_like_heading_line(line: str, next_line: str | None, lang: str = ENGLISH, *, previous_line: str | None = None) -> bool:
    """Decide whether a whole line is a heading.

    A heading is short, does not end like a sentence, and is either known vocabulary, numbered
    ("3.2 Parameter Estimation"), or title-cased/upper-cased and followed by a longer line of text.
    `previous_line` is the body line right before it, if any (None after a heading or at the
    start): a sentence-case heading (`_sentence_case_heading`) or one in a script without case
    follows none or one that ends a sentence, where the last item of a list or the last line of a
    stanza follows one that does not.
    """
    text = line.strip()
    if not 2 <= len(text) <= HEADING_MAX_CHARS:
        return False
    words = text.split()
    if len(words) > 14:
        return False
    if is_known(text, lang):
        return True
    english = lang == ENGLISH
    if text[-1] in (_END_MARKS if english else _OTHER_END_MARKS) and not rules.NUMBERED_HEADING.match(text):
        return False
    capital = str.isupper if english else _capital
    if not (capital(text[0]) or text[0].isdigit()):
        return False
    numbered = rules.NUMBERED_HEADING.match(text)
    body = numbered.group("title") if numbered else text
    alpha = (_WORD if english else _UNICODE_WORD).findall(body)
    if not alpha or (sum(len(w) for w in alpha) < 3 and (english or not SYLLABLES.search(body))):
        return False
    if numbered and capital(body[0]) and len(words) <= 12:
        # "2 Methods", "4.1 Data" — but not "1 A.L.Hucklesby@leeds.ac.uk" or "3 The results show".
        return "@" not in body and body[-1] not in ".,;"
    small = _SMALL_WORDS | lexicon(lang).small_words
    capitalised = sum(1 for w in alpha if capital(w[0]) or w.lower() in small)
    if text.endswith(":") or (
        capitalised < len(alpha) and not (_sentence_case_heading(words, lang) and _after_paragraph(previous_line))
    ):
        return False
    if not english and text.lower() == text.upper() and not _after_paragraph(previous_line):
        return False  # no case to tell (Arabic, Devanagari): the last line of a quoted verse is no heading
    # Title-cased (or a sentence-case heading of a language without a data file): only a heading if
    # real text follows it.
    return next_line is not None and _weighted_length(next_line.strip()) > max(2 * len(text), 60)


def _weighted_length(line: str) -> int:
    """`line`'s length with each Hangul syllable counted twice: a syllable is a consonant and a
    vowel or more, so a Korean paragraph of two sentences ("세책점은 ... 하였다. 앞으로는 ... 한다.",
    49 characters) is as long as a Latin-script one of 100, and the heading over it ("결론") was
    glued to its first sentence."""
    return len(line) + len(_HANGUL_SYLLABLE.findall(line))


# A line's end that ends a sentence (not a clause: "," ";" "،" "؛"), with the closing quotes and
# brackets that may follow it, or a footnote's number after a word ("... in the region.12").
_PARAGRAPH_END = re.compile(r"(?:[.!?…।॥؟۔։።\u037e。！？][\"'”’»)\]]*|(?<![\d\s])[.!?…][\"'”’»)\]]*[\d¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3})$")


def _after_paragraph(previous_line: str | None) -> bool:
    """Whether a line after `previous_line` starts anew: nothing before it, or a line that ends a
    sentence (not one ending in ":" that opens a list or a quotation, nor a list item or verse)."""
    return previous_line is None or _PARAGRAPH_END.search(previous_line.rstrip()[-12:]) is not None


def _capital(char: str) -> bool:
    """Outside English: an upper-case letter, or a letter of a script without case (Arabic, Hebrew,
    Devanagari, Hangul), whose headings have no capital to show."""
    return char.isupper() or (char.isalpha() and not char.islower())


def _sentence_case_heading(words: list[str], lang: str) -> bool:
    """Whether a line of `words` (its first letter a capital, no end mark) may be a sentence-case
    heading: in any language but English, at most SENTENCE_CASE_MAX_WORDS words ("Данные и методы",
    "Giới thiệu", "Veri ve yöntem"). Supported languages too: French, Spanish, Italian, Portuguese
    and Dutch write headings so, and one without a role word ("Limites de l’étude", "Fonti e
    metodo") was glued to the sentence after it, which reached the summary."""
    return lang != ENGLISH and len(words) <= SENTENCE_CASE_MAX_WORDS
