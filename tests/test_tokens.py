"""Tokens of many texts at once: the split-first tokenizer must find exactly what its pattern finds."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.language import _ASCII_LETTERS, _LETTERS, detect_language
from synopsis.scorers.phrases import _TOKEN, phrase_tokens
from synopsis.tokens import joined, numbered, runs

# ASCII separators, digits, underscore, accented and combining letters, dashes, curly quotes,
# Unicode spaces, a dotted capital that lower-cases to two code points, a lone surrogate, NUL.
_CHARACTERS = list("ab_Z09 .,-'\x00\x1c\t\n\xa0\u00e9\u2013\u2019\u00df\u0301\u0130\u2028x\ud800")
_MIXED = st.text(alphabet=st.sampled_from(_CHARACTERS), max_size=40)


@settings(max_examples=500, deadline=None)
@given(_MIXED)
def test_phrase_tokens_are_the_pattern_matches_with_nul_marks(text: str) -> None:
    lowered = text.lower()
    assert phrase_tokens(lowered) == re.findall(rf"{_TOKEN.pattern}|\x00", lowered)


@settings(max_examples=500, deadline=None)
@given(_MIXED)
def test_letter_runs_are_the_pattern_matches(text: str) -> None:
    lowered = text.lower()
    assert runs(lowered, _ASCII_LETTERS, _LETTERS, 1) == _LETTERS.findall(lowered)


def test_phrase_tokens_of_article_text() -> None:
    # Accents and underscores inside words, one-letter words and digits alone dropped, a curly
    # apostrophe and a dash between words, NUL as the end-of-text mark.
    text = "We propose a café-style parser_v2 (see Fig. 3) – it’s 2x faster; naïve ß-trees\x00next text".lower()
    expected = ["we", "propose", "café", "style", "parser_v2", "see", "fig", "it", "2x", "faster", "naïve", "trees"]
    assert phrase_tokens(text) == [*expected, "\x00", "next", "text"]


def test_numbered_tokens_know_their_text() -> None:
    found = numbered(phrase_tokens(joined(["Parsing trees", "", "trees grow"]).lower()))
    assert list(found.numbers) == ["parsing", "trees", "\x00", "grow"]
    assert found.tokens.tolist() == [0, 1, 1, 3] and found.text.tolist() == [0, 0, 2, 2]
    assert found.tokens.dtype == np.int64


def test_detection_reads_accented_words_as_words() -> None:
    french = "Les résultats de cette étude montrent que la méthode proposée est efficace pour les données. " * 8
    assert detect_language(french) == "fr"
