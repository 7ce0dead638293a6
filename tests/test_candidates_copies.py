"""`copies_abstract` settles most sentences by bounds instead of building their set of word pairs
(issue 19, speed): it must answer exactly as the plain count of shared pairs did, for every text,
abstract, language and threshold."""

from __future__ import annotations

import math
import re
from itertools import pairwise

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from synopsis.candidates import CandidateRules, _mostly_in, bigrams, copies_abstract
from synopsis.features import UNICODE_TOKEN
from synopsis.tokens import lower


def reference_copies(text: str, abstract: set[tuple[str, str]], share: float, *, unicode: bool, lang: str) -> bool:
    """`copies_abstract` as it was before the bounds: the share of the sentence's distinct pairs."""
    if not abstract:
        return False
    words = UNICODE_TOKEN.findall(lower(text, lang)) if unicode else re.findall(r"[a-z0-9]+", text.lower())
    pairs = set(pairwise(words))
    if not pairs:
        return False
    return len(pairs & abstract) / len(pairs) >= share


# Few words, so that sentences repeat words and pairs (the bounds' hard cases) and share many
# pairs with the abstract; capitals, an accented word and the Turkish dotted/dotless I.
_WORD = st.sampled_from(["a", "b", "c", "the", "of", "The", "OF", "é", "İnsan", "ışık", "x1", "2"])
_TEXT = st.lists(_WORD, max_size=14).map(" ".join) | st.text(alphabet="ab .İıé", max_size=30)
# Exact shares of small counts (k/n, 7/10 among them: the float 0.7) and thresholds no share reaches.
_SHARE = (
    st.sampled_from([0.0, 0.7, 1.0, 1.01, -0.5, 0.5, 2 / 3, 1 / 3, math.inf, -math.inf, math.nan])
    | st.builds(lambda k, n: k / n, st.integers(0, 12), st.integers(1, 12))
    | st.floats(allow_nan=False)
)


@settings(max_examples=1500, deadline=None)
@given(_TEXT, _TEXT, _SHARE, st.sampled_from([(False, "en"), (True, "de"), (True, "tr")]))
@example("the of the of the of a b", "the of a b", 0.7, (False, "en"))
@example("a b a b a b c", "a b b a", 0.7, (False, "en"))  # pairs repeat: fewer distinct pairs than adjacent ones
@example("a a a a", "a a", 0.7, (False, "en"))  # one distinct word: one distinct pair
def test_copies_abstract_answers_as_the_plain_share(text: str, abstract: str, share: float, language: tuple[bool, str]) -> None:
    unicode, lang = language
    pairs = bigrams(abstract, unicode=unicode, lang=lang)
    rules = CandidateRules(abstract_overlap=share)
    expected = reference_copies(text, pairs, share, unicode=unicode, lang=lang)
    assert copies_abstract(text, pairs, rules, unicode=unicode, lang=lang) == expected


@settings(max_examples=1500, deadline=None)
@given(
    st.lists(st.integers(0, 5).map(str), max_size=16),
    st.sets(st.tuples(st.integers(0, 5).map(str), st.integers(0, 5).map(str)), max_size=20),
    _SHARE,
)
def test_the_bounds_decide_as_the_distinct_pairs_do(words: list[str], abstract: set[tuple[str, str]], share: float) -> None:
    pairs = set(pairwise(words))
    expected = bool(pairs) and len(pairs & abstract) / len(pairs) >= share
    assert _mostly_in(words, abstract, share) == expected


@pytest.mark.parametrize(
    ("text", "copied"),
    [
        # 7 of its 10 distinct pairs are the abstract's: exactly the threshold, a copy.
        ("w1 w2 w3 w4 w5 w6 w7 w8 z1 z2 z3", True),
        # 6 of 10: not.
        ("w1 w2 w3 w4 w5 w6 w7 z1 z2 z3 z4", False),
        # "w1 w2" four times: 12 adjacent pairs but 7 distinct, 6 of them the abstract's: 6/7 ≥ 0.7,
        # though 6 of the 12 adjacent pairs would not be.
        ("w1 w2 w1 w2 w1 w2 w1 w2 w3 w4 w5 w6 w7", True),
        ("w1 w2 w1 w2 w1 w2 w1 w2 z1 z2 z3 z4", False),
    ],
)
def test_shares_at_the_threshold(text: str, copied: bool) -> None:
    abstract = bigrams("w1 w2 w3 w4 w5 w6 w7 w8")
    assert copies_abstract(text, abstract) == copied == reference_copies(text, abstract, 0.7, unicode=False, lang="en")
