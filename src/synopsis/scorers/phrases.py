"""The phrase model: how abstract-like a text's wording is, from its word unigrams and bigrams.

Its own module because two scorers read it: the sentence trees take it as a feature per sentence
(`scorers.learned`), the summary reranker scores whole candidate summaries with it
(`scorers.summary`).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, pairwise, repeat
from operator import mul
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..language import ENGLISH
from ..tokens import lower, runs
from .json_numbers import read_number, read_numbers
from .pieces import WORD_BYTES, Pieces, cut

# Words of two or more letters or digits, lower-cased (scikit-learn's default token pattern); stop
# words stay, because the phrases that announce a summary are made of them ("in this paper").
# `\w\w+` finds the same maximal runs as `\b\w\w+\b` (a match starts at a run's start and takes all of
# it, a one-character run fails), without testing the boundaries: a third faster. `\w` is written as
# a set that also names the ASCII word characters (the same set), which the engine tests by a table
# lookup instead of a Unicode category: a fifth faster again.
_WORD_CHAR = r"[a-z0-9_A-Z\w]"
_TOKEN = re.compile(rf"{_WORD_CHAR}{_WORD_CHAR}+")


def phrase_tokens(text: str) -> list[str]:
    """`_TOKEN`'s matches in `text` (lower-cased by the caller) with a NUL token for each NUL, in
    order: `tokens.runs`, 40% faster on article text than the pattern with `|\\x00` over the whole."""
    return runs(text.replace("\x00", " \x00 "), WORD_BYTES, _TOKEN, 2)


def phrase_grams(text: str, lang: str = ENGLISH) -> list[str]:
    """A sentence's word unigrams and bigrams, the vocabulary of `PhraseModel` (lower-cased as `lang` writes)."""
    tokens = _TOKEN.findall(lower(text, lang))
    return tokens + list(map(" ".join, pairwise(tokens)))


def phrase_norm(counts: Counter[str]) -> float:
    """Euclidean norm of a sentence's n-gram counts: what `PhraseModel` divides them by (training too)."""
    values = counts.values()
    return math.sqrt(sum(map(mul, values, values)))


@dataclass(frozen=True)
class PhraseModel:
    """A linear model of how abstract-like a sentence's wording is, learned from the abstracts.

    Input: the sentence's unigram and bigram counts, divided by their Euclidean norm (over all its
    n-grams, so a phrase outside the shipped vocabulary still dilutes the others). Output: the
    training label predicted from wording alone ("this paper", "we present", "show that" up;
    "for example", "iterations", "buffer" down). The trees take it as one feature.
    """

    weights: dict[str, float]
    intercept: float

    def predict(self, texts: Sequence[str], lang: str = ENGLISH, pieces: Pieces | None = None) -> NDArray[np.float64]:
        """One prediction per text, for all texts at once: the texts cut into word pieces once
        (`scorers.pieces`; `pieces` when the caller has them), then numpy over the n-gram
        occurrences (no Counter per sentence).

        The same floats as summing `count * weight` over a text's `Counter(phrase_grams(text))` one
        term at a time: each (text, n-gram)'s term sits at its first occurrence in an array of all
        unigrams, then all bigrams, in text order, and `np.bincount` adds a text's terms in that
        order (the others are 0.0, which leave a sum as it is); the norm is a sum of integers,
        exact in any order.
        """
        n = len(texts)
        out = np.full(n, self.intercept)
        if pieces is None or pieces.language != lang or pieces.texts != n:
            pieces = cut(texts, lang)
        lengths = np.fromiter(map(len, pieces.distinct), dtype=np.int64, count=len(pieces.distinct))
        found = pieces.tokens(pieces.ascii & (lengths >= 2), _TOKEN.findall)
        names, tokens, sentence = found.names, found.ids, found.text
        if tokens.size == 0:
            return out
        vocabulary = len(names)
        paired = sentence[1:] == sentence[:-1]
        first, second = tokens[:-1][paired], tokens[1:][paired]
        bigrams, span = first * vocabulary + second, vocabulary * (vocabulary + 1)
        if span * n >= 1 << 62:  # hundreds of thousands of distinct words: number the pairs that occur
            _, bigrams = np.unique(bigrams, return_inverse=True)
            span = vocabulary + bigrams.size
        owner = np.concatenate([sentence, sentence[1:][paired]])
        key = owner * span + np.concatenate([tokens, vocabulary + bigrams.ravel()])
        # Each (text, n-gram) once: where it first occurs (a stable sort keeps occurrences in order) and how often.
        order = np.argsort(key, kind="stable")
        ranked = key[order]
        starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
        firsts = order[starts]
        counts = np.diff(np.r_[starts, key.size])
        norms = np.sqrt(np.bincount(owner[firsts], weights=counts * counts, minlength=n))
        weights = np.concatenate([*self._unigram_and_bigram_weights(names, tokens, first, second)])
        terms = np.zeros(key.size)
        terms[firsts] = counts * weights[firsts]
        sums = np.bincount(owner, weights=terms, minlength=n)
        has = norms > 0
        out[has] += sums[has] / norms[has]
        return out

    def _unigram_and_bigram_weights(
        self, names: list[str], tokens: NDArray[np.int64], first: NDArray[np.int64], second: NDArray[np.int64]
    ) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
        """The model's weight of each unigram (`tokens`, numbers of `names`) and each bigram (`first`
        then `second`), 0 for one it lacks."""
        words, unigram_weights, bigram_keys, bigram_weights = self._index
        known = np.fromiter(map(words.get, names, repeat(-1)), dtype=np.int64, count=len(names))
        first, second = known[first], known[second]
        # Only a pair of two model words can be a model bigram: only those are looked up.
        valid = (first >= 0) & (second >= 0)
        wanted = first[valid] * len(words) + second[valid]
        # Looked up in increasing order, where numpy starts each search at the last one's place: a
        # third of the time of searching them in text order.
        rank = np.argsort(wanted)
        at = np.empty_like(wanted)
        at[rank] = np.minimum(np.searchsorted(bigram_keys, wanted[rank]), bigram_keys.size - 1)
        pair_weights = np.zeros(first.size)
        pair_weights[valid] = np.where(bigram_keys[at] == wanted, bigram_weights[at], 0.0)
        return unigram_weights[known[tokens]], pair_weights

    def predict_combined(self, texts: Sequence[str], members: NDArray[np.bool_], lang: str = ENGLISH) -> NDArray[np.float64]:
        """One prediction per row of `members` (which of `texts` it joins), as if the joined texts
        were one text: a candidate summary's wording as a whole. N-grams across the join are not
        counted. A matrix product over the texts' n-gram counts, no loop over candidates."""
        grams = [phrase_grams(text, lang) for text in texts]
        stream = list(chain.from_iterable(grams))
        # Columns by first appearance over the texts in order (the order the sums below run in).
        column = {gram: j for j, gram in enumerate(dict.fromkeys(stream))}
        cols = np.fromiter(map(column.__getitem__, stream), dtype=np.int64, count=len(stream))
        rows = np.repeat(np.arange(len(texts)), [len(g) for g in grams])
        width = max(1, len(column))
        flat = np.bincount(rows * width + cols, minlength=len(texts) * width)
        counts_matrix = flat.reshape(len(texts), width)[:, : len(column)].astype(np.float64)
        weights = np.fromiter(map(self.weights.get, column, repeat(0.0)), dtype=np.float64, count=len(column))
        m = members.astype(np.float64)
        # The joined counts are m @ counts_matrix; their dot with the weights and their squared
        # norm come from per-text sums and the texts' Gram matrix, never forming the joined rows.
        norm = np.sqrt(np.maximum(((m @ (counts_matrix @ counts_matrix.T)) * m).sum(axis=1), 0.0))
        return self.intercept + np.divide(m @ (counts_matrix @ weights), norm, out=np.zeros(len(m)), where=norm > 0)

    @cached_property
    def _index(self) -> tuple[dict[str, int], NDArray[np.float64], NDArray[np.int64], NDArray[np.float64]]:
        """The model over its own word numbering, for `predict` to look n-grams up in numpy: each
        word's number; the unigram weights by number, with a last 0 for number -1 (no model word);
        the bigrams as sorted keys first * len(words) + second, with their weights (a key of -2 and
        weight 0 first, so that the arrays are never empty). Built with C-level joins and maps
        (about 8 ms for the shipped 20,000 n-grams, once per model)."""
        unigrams = [gram for gram in self.weights if " " not in gram]
        bigrams = [gram for gram in self.weights if gram.count(" ") == 1]
        parts = " ".join(bigrams).split(" ") if bigrams else []
        words = {word: i for i, word in enumerate(dict.fromkeys(chain(unigrams, parts)))}
        unigram_weights = np.zeros(len(words) + 1)
        weight_of = self.weights.__getitem__
        unigram_weights[: len(unigrams)] = np.fromiter(map(weight_of, unigrams), dtype=np.float64, count=len(unigrams))
        numbers = np.fromiter(map(words.__getitem__, parts), dtype=np.int64, count=len(parts))
        keys = np.concatenate([[-2], numbers[0::2] * len(words) + numbers[1::2]])
        weights = np.concatenate([[0.0], np.fromiter(map(weight_of, bigrams), dtype=np.float64, count=len(bigrams))])
        ranking = np.argsort(keys, kind="stable")
        return words, unigram_weights, keys[ranking], weights[ranking]

    def to_json(self) -> dict[str, Any]:
        return {"intercept": self.intercept, "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PhraseModel:
        weights = {str(k): float(v) for k, v in data["weights"].items()}
        read_numbers(list(weights.values()), "the phrase model's weights", len(weights))  # all finite
        return cls(weights, read_number(data["intercept"], "the phrase model's intercept"))
