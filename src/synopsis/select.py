"""Scores + budget -> the chosen sentences, in document order.

The only place that knows about budgets, redundancy and order, so every method gets the same
guarantees: whole sentences only, never over the budget (unless no single sentence fits, which is
reported), no near-duplicates, document order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .features import Features
from .types import Budget

# Defaults chosen on the dev data.
REDUNDANCY_THRESHOLD = 0.5


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
    in_order: bool = False,
    keep: Sequence[int] = (),
) -> Selection:
    """Pick sentences greedily by score until the budget is full.

    A sentence is skipped when it is not a candidate, when it would overflow the word budget (a
    shorter one further down may still fit, so the budget gets filled), or when its cosine
    similarity to an already chosen sentence exceeds `redundancy`. `in_order` takes candidates
    front to back instead (the lead baseline). Similarities are computed only for the sentences
    considered, against the few already chosen: linear in the document's length.

    `keep` are sentences chosen already (the summary reranker's candidate, which respects the
    budget and the redundancy rule): selection starts from them and fills the words and sentences
    they leave by the same rules.
    """
    n = len(scores)
    candidates = selectable(features)
    if candidates.size == 0:
        return Selection(())
    words = features.words
    limit_words = budget.words if budget.words is not None else np.iinfo(np.int64).max
    limit_sentences = budget.sentences if budget.sentences is not None else n
    chosen = [int(i) for i in keep]
    used = int(words[chosen].sum()) if chosen else 0
    order = candidates if in_order else candidates[np.argsort(-scores[candidates], kind="stable")]
    if chosen:
        order = order[~np.isin(order, chosen)]
    similar = _Redundancy(features, order)
    for position, i in enumerate(order):
        if len(chosen) >= limit_sentences or used >= limit_words:
            break
        if used + words[i] > limit_words:
            continue
        if redundancy < 1.0 and chosen and similar.highest(position, chosen) > redundancy:
            continue
        chosen.append(int(i))
        used += int(words[i])
    if not chosen:
        return _shortest_best(scores, features, candidates, limit_words)
    return Selection(tuple(sorted(chosen)))


# The redundancy check of the candidates still to come is computed for a block of them at once,
# from this many up to REDUNDANCY_BLOCK_MAX while none is chosen: one sparse product per candidate
# cost ~0.4 ms in scipy's overhead alone, and a long text of near-identical sentences (a repeated
# line 100,000 times) has every one of them checked (25,000 "Ab." sentences took 11 s). While
# sentences are chosen, blocks grow up to REDUNDANCY_BLOCK_CHOSEN_MAX: each block is compared with
# every chosen sentence, each choice with the rest of its block. A block holds at most
# REDUNDANCY_BLOCK_PAIRS (candidate, chosen) pairs: the product stores each pair that shares a word
# (48 MB where all do), and a budget of the whole text chooses tens of thousands.
REDUNDANCY_BLOCK = 8
REDUNDANCY_BLOCK_MAX = 1024
REDUNDANCY_BLOCK_CHOSEN_MAX = 128
REDUNDANCY_BLOCK_PAIRS = 1 << 22


class _Redundancy:
    """Each remaining candidate's highest cosine to the sentences chosen so far, for a block of the
    candidates in `order` at a time (the same floats as one candidate's own product: a row of a
    sparse product sums its own terms in its own order, and a maximum is exact). A block is compared
    once with every sentence chosen before it and with itself, in one product: a sentence chosen
    inside the block updates the rest of the block from that block's own cosines. A block of 8
    compared anew with every chosen sentence after each choice made a budget of the whole text
    quadratic (13,000 sentences chosen of a 400,000-word text: 16 s); a product per choice for the
    rest of its block still cost scipy's overhead of ~0.6 ms per chosen sentence (25,000 chosen of
    a million words: 9.7 s of 13)."""

    def __init__(self, features: Features, order: NDArray[np.int64]) -> None:
        self._features = features
        self._order = order
        self._start = 0
        self._values: NDArray[np.float64] = np.zeros(0)
        self._within: NDArray[np.float64] | None = None  # the block's cosines to its own sentences
        self._local: dict[int, int] = {}  # a sentence of the block -> its column in `_within`
        self._opened = 0  # how many were chosen when the block was computed
        self._against = 0  # how many the block has been compared with
        self._size = REDUNDANCY_BLOCK // 2

    def highest(self, position: int, chosen: list[int]) -> float:
        """The highest cosine of candidate `order[position]` to the `chosen` sentences (which only
        ever grow, at their end, by candidates of `order` before `position`)."""
        end = self._start + len(self._values)
        if not self._start <= position < end:
            most = REDUNDANCY_BLOCK_MAX if self._opened == len(chosen) else REDUNDANCY_BLOCK_CHOSEN_MAX
            fit = REDUNDANCY_BLOCK_PAIRS // max(len(chosen), 1)
            self._size = max(REDUNDANCY_BLOCK, min(2 * self._size, most, fit))
            rows = self._order[position : position + self._size]
            self._values = self._features.highest_similarity(rows, chosen)
            self._within = None
            self._start, self._opened, self._against = position, len(chosen), len(chosen)
        elif self._against != len(chosen):  # chosen since (in this block): the rest of the block meets them
            rows = self._order[self._start : end]
            if self._within is None:  # (once a block: most blocks of a long text see no choice)
                self._within = self._features.similarity_rows_to_rows(rows, rows.tolist())
                self._local = {int(i): k for k, i in enumerate(rows)}
            columns = [self._local[i] for i in chosen[self._against :]]
            at = position - self._start
            rest = self._values[at:]
            np.maximum(rest, self._within[at:, columns].max(axis=1), out=rest)
            self._against = len(chosen)
        return float(self._values[position - self._start])


def selectable(features: Features) -> NDArray[np.int64]:
    """The sentences selection may take: the candidates, or every sentence when none is one."""
    candidates = np.flatnonzero(features.candidate)
    return candidates if candidates.size else np.arange(features.n)


def _shortest_best(scores: NDArray[np.float64], features: Features, candidates: NDArray[np.int64], limit_words: int) -> Selection:
    """No whole sentence fits: return the shortest sentence (the best-scored among equals)."""
    words = features.words[candidates]
    shortest = candidates[words == words.min()]
    best = int(shortest[np.argmax(scores[shortest])])
    return Selection((best,), over_budget=bool(features.words[best] > limit_words))
