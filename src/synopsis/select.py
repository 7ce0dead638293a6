"""Scores + budget -> the chosen sentences, in document order.

The only place that knows about budgets, redundancy and order, so every method gets the same
guarantees: whole sentences only, never over the budget (unless no single sentence fits, which is
reported), no near-duplicates, document order.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .features import Features
from .types import Budget

# Defaults chosen on the dev data.
REDUNDANCY_THRESHOLD = 0.5
MMR_LAMBDA = 1.0


@dataclass(frozen=True, slots=True)
class Selection:
    indices: tuple[int, ...]
    over_budget: bool = False


def select(
    scores: NDArray[np.float64],
    features: Features,
    budget: Budget,
    *,
    redundancy: float = REDUNDANCY_THRESHOLD,
    mmr: float = MMR_LAMBDA,
    in_order: bool = False,
) -> Selection:
    """Pick sentences greedily by score until the budget is full.

    A sentence is skipped when it is not a candidate, when it would overflow the word budget (a
    shorter one further down may still fit, so the budget gets filled), or when its cosine
    similarity to an already chosen sentence exceeds `redundancy`. With `mmr` < 1 the score of each
    remaining sentence is discounted by its similarity to the chosen ones (maximal marginal
    relevance). `in_order` takes candidates front to back instead (the lead baseline).
    """
    n = len(scores)
    candidates = np.flatnonzero(features.candidate)
    if candidates.size == 0:
        candidates = np.arange(n)
    if candidates.size == 0:
        return Selection(())
    words = features.words
    limit_words = budget.words if budget.words is not None else np.iinfo(np.int64).max
    limit_sentences = budget.sentences if budget.sentences is not None else n
    chosen: list[int] = []
    used = 0
    if in_order or mmr >= 1.0:
        order = candidates if in_order else candidates[np.argsort(-scores[candidates], kind="stable")]
        similarity = features.similarity if redundancy < 1.0 else None
        for i in order:
            if len(chosen) >= limit_sentences or used >= limit_words:
                break
            if used + words[i] > limit_words:
                continue
            if similarity is not None and chosen and similarity[i, chosen].max() > redundancy:
                continue
            chosen.append(int(i))
            used += int(words[i])
    else:
        chosen = _mmr(scores, features, candidates, limit_words, limit_sentences, redundancy, mmr)
    if not chosen:
        return _shortest_best(scores, features, candidates, limit_words)
    return Selection(tuple(sorted(chosen)))


def _mmr(
    scores: NDArray[np.float64],
    features: Features,
    candidates: NDArray[np.int64],
    limit_words: int,
    limit_sentences: int,
    redundancy: float,
    mmr: float,
) -> list[int]:
    similarity = features.similarity
    words = features.words
    relevance = scores[candidates]
    spread = relevance.max() - relevance.min()
    relevance = (relevance - relevance.min()) / spread if spread > 0 else np.zeros_like(relevance)
    penalty = np.zeros(candidates.size)
    open_ = np.ones(candidates.size, dtype=bool)
    chosen: list[int] = []
    used = 0
    while open_.any() and len(chosen) < limit_sentences and used < limit_words:
        value = np.where(open_, mmr * relevance - (1.0 - mmr) * penalty, -np.inf)
        k = int(np.argmax(value))
        i = int(candidates[k])
        open_[k] = False
        if used + words[i] > limit_words:
            continue
        if chosen and similarity[i, chosen].max() > redundancy:
            continue
        chosen.append(i)
        used += int(words[i])
        penalty = np.maximum(penalty, similarity[candidates, i])
    return chosen


def _shortest_best(scores: NDArray[np.float64], features: Features, candidates: NDArray[np.int64], limit_words: int) -> Selection:
    """No whole sentence fits: return the shortest sentence (the best-scored among equals)."""
    words = features.words[candidates]
    shortest = candidates[words == words.min()]
    best = int(shortest[np.argmax(scores[shortest])])
    return Selection((best,), over_budget=bool(features.words[best] > limit_words))
