"""The tokens of many texts in one pass, numbered for numpy.

The phrase model counts every sentence's unigrams and bigrams, the bigram model every sentence's
bigrams; a tokenizer call and a Counter per sentence cost more than the counting itself, so they
take all sentences at once: the texts joined by NUL, one tokenizer pass, the tokens numbered, and
numpy from there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

# Turkish and Azerbaijani write a dotted and a dotless i in both cases (İ/i, I/ı); `str.lower` follows
# English, making "İnsan" "i̇nsan" (i and a combining dot) and "IŞIK" "işik", terms that match neither
# "insan" nor "ışık". A typographic apostrophe before a suffix ("Türkiye’nin") is the ASCII one to the
# Snowball stemmer, which strips the suffix only after "'" ("türkiye’n" was its stem, "türki" that of
# "Türkiye'nin" and "Türkiye"). One str.translate before lower-casing, for these languages only.
DOTLESS_I = frozenset({"tr", "az"})
_DOTLESS_I_CASE = str.maketrans({"İ": "i", "I": "ı", "’": "'"})


# French, Italian and Catalan write an article, preposition or pronoun elided before a vowel, glued to
# the next word by an apostrophe ("l'analyse", "d'un", "qu'il", "dell'analisi", "all'interno",
# "l'escola"): the tokenizers that keep inner apostrophes (features, Luhn) made "l'analyse" a term
# that "analyse" and "d'analyse" never matched (nor the Snowball stemmer, which knows no elision).
# The apostrophe (' or ’) after one of these elided words becomes a space, so that the word is a
# token of its own (a stop word, or one letter: no term) and the next one is the term it is
# elsewhere. Only the words listed: "aujourd'hui", "prud'homme", "presqu'île" stay one word. Catalan
# also writes its geminate l as l·l (or ŀl): "col·laboració" fell apart at the middle dot ("col" and
# "laboració"); it is "collaboració" to the tokenizers, one term (Snowball stems both spellings alike).
_ELIDED = {
    "fr": "c d j l m n s t qu lorsqu puisqu jusqu quoiqu quelqu",
    "it": "c d l m s t v un dell dall nell sull all coll pell quest quell anch tutt nessun ciascun qualcun senz",
    "ca": "d l m n s t",
}
_ELISIONS = {
    lang: re.compile(rf"\b({'|'.join(sorted(words.split(), key=len, reverse=True))})['’](?=[^\W\d_])")
    for lang, words in _ELIDED.items()
}
ELIDING = frozenset(_ELISIONS)
_CATALAN_GEMINATE = re.compile("l[·ŀ]l|ŀl")


def lower(text: str, lang: str) -> str:
    """`text` lower-cased for terms as `lang` writes them: `str.lower`, but for the languages with a
    dotless i (`DOTLESS_I`) İ is i, I is ı and ’ is ', and for French, Italian and Catalan (`ELIDING`)
    an elided word's apostrophe a space ("l'analyse" is "l analyse"), Catalan's l·l ll. No extra pass
    over any other language's text."""
    if lang in DOTLESS_I:
        return text.translate(_DOTLESS_I_CASE).lower()
    if lang in ELIDING:
        return _unelided(text.lower(), lang)
    return text.lower()


def _unelided(text: str, lang: str) -> str:
    """Lower-case `text` with the apostrophe after each elided word a space (`_ELIDED`), and for
    Catalan l·l and ŀl as ll."""
    if "'" in text or "’" in text:
        text = _ELISIONS[lang].sub(r"\1 ", text)
    if lang == "ca" and ("·" in text or "ŀ" in text):
        text = _CATALAN_GEMINATE.sub("ll", text)
    return text


def joined(texts: Sequence[str]) -> str:
    """The texts joined by NUL, the end-of-text mark. A NUL inside a text becomes a space: the token
    patterns match neither, so the text tokenizes alike."""
    text = "\x00".join(texts)
    if text.count("\x00") != max(0, len(texts) - 1):
        text = "\x00".join(t.replace("\x00", " ") for t in texts)
    return text


@dataclass(frozen=True)
class NumberedTokens:
    """The tokens of many texts: `numbers` maps each token to its number (by first appearance),
    `tokens` holds the numbers in order, `text` which text each one comes from."""

    numbers: dict[str, int]
    tokens: NDArray[np.int64]
    text: NDArray[np.int64]


def numbered(stream: list[str]) -> NumberedTokens:
    """`NumberedTokens` of a token stream in which a NUL token ends each text."""
    numbers = {token: i for i, token in enumerate(dict.fromkeys(stream))}
    ids = np.fromiter(map(numbers.__getitem__, stream), dtype=np.int64, count=len(stream))
    is_break = ids == numbers.get("\x00", -1)
    return NumberedTokens(numbers, ids[~is_break], np.cumsum(is_break)[~is_break])


def ascii_table(keep: str) -> bytes:
    """A `bytes.translate` table for `runs`: the ASCII characters in `keep` and every byte of a
    non-ASCII character stay, any other ASCII byte becomes a space."""
    kept = set(keep.encode("ascii"))
    return bytes(b if b in kept or b >= 128 else 32 for b in range(256))


def runs(text: str, table: bytes, pattern: re.Pattern[str], shortest: int) -> list[str]:
    """`pattern.findall(text)`, faster, for a pattern that finds the maximal runs (at least
    `shortest` characters long) of one character class, whose ASCII members `table` keeps.

    One bytes.translate and a split (in C) cut the text at the ASCII characters outside the class;
    a piece that is all ASCII is then one run, a token when long enough; only pieces holding
    non-ASCII characters (a word with an accent, a dash or a curly quote glued to a word) go
    through the pattern. A run never spans a character outside its class, so the pieces' matches
    are the text's (checked against the pattern on random mixed text: tests/test_tokens.py). A NUL
    the table keeps, set apart by spaces, comes back as a token of its own (the end-of-text mark).
    """
    found: list[str] = []
    for piece in text.encode("utf-8", "surrogatepass").translate(table).decode("utf-8", "surrogatepass").split():
        if piece.isascii():
            if len(piece) >= shortest or piece == "\x00":
                found.append(piece)
        else:
            found.extend(pattern.findall(piece))
    return found
