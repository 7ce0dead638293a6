"""Text that is glyph codes, not characters: a font with no Unicode map.

A Type3 font (bitmap fonts of old TeX output, some converters) or a font with a custom encoding
and no ToUnicode map gives PDFium nothing but its character codes, and PDFium hands those out as
if they were Unicode: control characters for codes 1-31 and 128-159, Latin-1 letters ("ÚáàÐË")
for codes 192-255. Symbol fonts without a map give private-use code points (U+F0xx), and broken
maps U+FFFD. Such a page reads as garbage, so it is set aside and said, never summarized. So is a
page whose text is pdfminer's rendering of such codes, "(cid:12)(cid:34)" (a PDF made from
extracted text), and a page whose letters are mostly one letter repeated ("xx xxxxx xxx": a font
whose map gives every glyph the same character): no language has a letter that common.

A font whose codes happen to be ASCII letters (a subset re-encoded in the order its glyphs were
first used: "In part" as "AB CDEF") reads as letters; PDFium flags each such character as having no
Unicode map, and the words it flags are glyph codes where they are no language
(`reads_as_language`): an old TeX PDF whose bitmap fonts have no map either keeps the TeX codes,
which are ASCII for letters, and reads as words.

Pure functions of the text, so the rule is tested without a PDF (and kept out of `reader`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..language import function_words

# Control characters (but the line breaks and tabs PDFium generates, and its soft-hyphen marks
# \x02 / U+FFFE), private-use code points and the replacement character.
_UNREADABLE = re.compile(r"[\x00\x01\x03-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffd\U000f0000-\U0010ffff]")
_SPACE = re.compile(r"[\s\x02\ufffe]")
_LETTER = re.compile(r"[^\W\d_]")
# Latin-1's letters (À to ÿ but × and ÷): a handful in French or Portuguese, never most letters.
_LATIN1_LETTER = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff]")
LATIN1_MAX_SHARE = 0.5
# pdfminer's "(cid:N)" for a glyph code it cannot map, as text: every character of it is a code.
_CID = re.compile(r"\(cid:\d+\)")
# Words of one letter repeated ("xx xxxxx xxx", any case) making up this share of a page's letters,
# of at least ONE_LETTER_MIN letters, are a font whose map gives every glyph one character: no
# language writes so. Only such words count (a review: a page where one letter was half of all
# letters was set aside whole, prose with it: a table of "X" marks, a poly-A alignment, SMILES).
ONE_LETTER_SHARE = 0.5
ONE_LETTER_MIN = 100
_ONE_LETTER_WORD = re.compile(r"(?i)\b([^\W\d_])\1+\b")
# A page is unreadable when this share of its printed characters is unreadable and there are at
# least UNREADABLE_MIN of them (a few private-use bullets or math symbols are not).
UNREADABLE_SHARE = 0.5
UNREADABLE_MIN = 20


def unreadable_counts(text: str) -> tuple[int, int]:
    """(unreadable characters, printed characters) of `text`: control, private-use and replacement
    characters, and Latin-1 letters where they are most of its letters (codes 192-255 of a font
    without a map), the characters of "(cid:N)" codes, and the letters of words of one letter
    repeated where they are most of them; printed is every character but spaces and line breaks."""
    printed = len(text) - len(_SPACE.findall(text))
    unreadable = len(_UNREADABLE.findall(text)) + sum(len(code) for code in _CID.findall(text))
    letters = _LETTER.findall(text)
    latin1 = len(_LATIN1_LETTER.findall(text))
    if latin1 and latin1 > LATIN1_MAX_SHARE * len(letters):
        unreadable += latin1
    elif len(letters) >= ONE_LETTER_MIN:
        repeated = sum(len(word.group()) for word in _ONE_LETTER_WORD.finditer(text))
        if repeated >= ONE_LETTER_SHARE * len(letters):
            unreadable += repeated
    return unreadable, printed


def is_unreadable(unreadable: int, printed: int) -> bool:
    """Whether counts from `unreadable_counts` make a page (or a document) glyph codes, not text."""
    return unreadable >= UNREADABLE_MIN and unreadable >= UNREADABLE_SHARE * printed


def unreadable_text(text: str) -> bool:
    """Whether `text` is mostly unreadable glyph codes (see `unreadable_counts`)."""
    return is_unreadable(*unreadable_counts(text))


# Words flagged as having no Unicode map are judged once there are CODED_MIN_WORDS of two letters
# or more; they are language where LANGUAGE_MIN_SHARE of those are function words of a language
# detection knows (running text: a third or more; a substitution of its letters: a few chance hits).
CODED_MIN_WORDS = 8
LANGUAGE_MIN_SHARE = 0.15


def reads_as_language(words: Sequence[str]) -> bool:
    """Whether `words` (a page's words whose characters have no Unicode map) read as running text,
    or are too few to tell; False for glyph codes that happen to be letters ("AB CDEF GH IJK")."""
    lettered = [word.lower().strip(".,;:()[]\"'!?") for word in words if len(_LETTER.findall(word)) >= 2]
    if len(lettered) < CODED_MIN_WORDS:
        return True
    known = function_words()
    return sum(word in known for word in lettered) >= LANGUAGE_MIN_SHARE * len(lettered)
