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
from itertools import pairwise, repeat
from operator import mul
from typing import Any

import numpy as np
from numpy.typing import NDArray

# Words of two or more letters or digits, lower-cased (scikit-learn's default token pattern); stop
# words stay, because the phrases that announce a summary are made of them ("in this paper").
# `\w\w+` finds the same maximal runs as `\b\w\w+\b` (a match starts at a run's start and takes all of
# it, a one-character run fails), without testing the boundaries: a third faster.
_TOKEN = re.compile(r"\w\w+")


def phrase_grams(text: str) -> list[str]:
    """A sentence's word unigrams and bigrams, the vocabulary of `PhraseModel`."""
    tokens = _TOKEN.findall(text.lower())
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

    def predict(self, texts: Sequence[str]) -> NDArray[np.float64]:
        """One prediction per text (about 4 ms for an 8,000-word article's sentences)."""
        out = np.full(len(texts), self.intercept)
        lookup = self.weights.get
        for i, text in enumerate(texts):
            counts = Counter(phrase_grams(text))
            if not counts:
                continue
            # map/sum run in C, term by term in the order of a generator over counts.items(): the same float operations.
            out[i] += sum(map(mul, counts.values(), map(lookup, counts, repeat(0.0)))) / phrase_norm(counts)
        return out

    def predict_combined(self, texts: Sequence[str], members: NDArray[np.bool_]) -> NDArray[np.float64]:
        """One prediction per row of `members` (which of `texts` it joins), as if the joined texts
        were one text: a candidate summary's wording as a whole. N-grams across the join are not
        counted. A matrix product over the texts' n-gram counts, no loop over candidates."""
        grams = [Counter(phrase_grams(text)) for text in texts]
        column: dict[str, int] = {}
        rows, cols, values = [], [], []
        for i, counts in enumerate(grams):
            for gram, c in counts.items():
                rows.append(i)
                cols.append(column.setdefault(gram, len(column)))
                values.append(float(c))
        counts_matrix = np.zeros((len(texts), len(column)))
        counts_matrix[rows, cols] = values
        weights = np.array([self.weights.get(gram, 0.0) for gram in column])
        m = members.astype(np.float64)
        # The joined counts are m @ counts_matrix; their dot with the weights and their squared
        # norm come from per-text sums and the texts' Gram matrix, never forming the joined rows.
        norm = np.sqrt(np.maximum(((m @ (counts_matrix @ counts_matrix.T)) * m).sum(axis=1), 0.0))
        return self.intercept + np.divide(m @ (counts_matrix @ weights), norm, out=np.zeros(len(m)), where=norm > 0)

    def to_json(self) -> dict[str, Any]:
        return {"intercept": self.intercept, "weights": dict(sorted(self.weights.items()))}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PhraseModel:
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["intercept"]))
