"""Candidate summaries: the budget-feasible combinations of a document's best-scored sentences.

The summary-level reranker (`scorers.summary`) chooses among these instead of taking sentences one
by one. From the top `top` candidate sentences by score, every subset is enumerated at once as a
0/1 matrix (2**top rows; `top` is at most MAX_TOP, so at most 65,536 rows whatever the document's
length), and a subset is kept when it fits the budget (words and sentences), has no pair of
sentences more similar than `redundancy` (the rule `select` applies), and is maximal: no other top
sentence could still be added. Each candidate lists its sentences in document order.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from .features import Features
from .select import selectable
from .types import Budget

# 2**16 subsets x 16 columns is 1 M booleans: the most enumerated exhaustively (a beam would be
# needed above it; the reranker uses 12, see docs/model-card.md).
MAX_TOP = 16


@dataclass(frozen=True)
class Candidates:
    """`members[c, j]` says whether candidate summary c holds sentence `sentences[j]`.

    `sentences` are document indices in document order, so every row read left to right is a
    summary in document order.
    """

    sentences: NDArray[np.int64]
    members: NDArray[np.bool_]

    def indices(self, row: int) -> tuple[int, ...]:
        """The document indices of candidate `row`, in document order."""
        return tuple(int(i) for i in self.sentences[self.members[row]])


def candidate_summaries(
    scores: NDArray[np.float64], features: Features, budget: Budget, *, top: int, redundancy: float
) -> Candidates:
    """All maximal feasible combinations of the `top` best-scored candidate sentences.

    Sentences longer than the budget on their own never enter. Returns no rows when no top
    sentence fits (the caller falls back to `select`).
    """
    if not 1 <= top <= MAX_TOP:
        raise ValueError(f"top must be between 1 and {MAX_TOP}, not {top}")
    limit_words = budget.words if budget.words is not None else np.iinfo(np.int64).max
    limit_sentences = budget.sentences if budget.sentences is not None else top
    pool = np.flatnonzero(features.candidate & (features.words <= limit_words))
    best = pool[np.argsort(-scores[pool], kind="stable")[:top]]
    sentences = np.sort(best)
    k = sentences.size
    if k == 0:
        return Candidates(sentences, np.zeros((0, 0), dtype=bool))
    subsets, members, count, extended = _subsets(k)
    bits = 1 << np.arange(k, dtype=np.int64)
    clash = features.similarity_block(sentences) > redundancy
    # Each sentence's clashing sentences as bits; a subset clashes when the union of its members'
    # clashing bits meets the subset. Sums and unions over a subset's bits are taken as a sum (or
    # union) of one over its low half and one over its high half: 2 x 2**(k/2) terms, not k x 2**k.
    clashing = (clash * bits[None, :]).sum(axis=1)
    words = _over_halves(features.words[sentences].astype(np.int64), np.add)
    clashes = (_over_halves(clashing, np.bitwise_or) & subsets) != 0
    feasible = (words <= limit_words) & (count <= limit_sentences) & ~clashes & (count > 0)
    # Maximal: adding any sentence not yet in it gives an infeasible subset.
    addable = feasible[extended] & ~members
    keep = feasible & ~addable.any(axis=1)
    return Candidates(sentences, members[keep])


@lru_cache(maxsize=4)  # the default top and a few smaller pools: not every size up to 16 (20 MB) per process
def _subsets(k: int) -> tuple[NDArray[np.int64], NDArray[np.bool_], NDArray[np.int64], NDArray[np.int64]]:
    """Every subset of k sentences as a number (bit j: sentence j), its 0/1 membership rows, its
    size, and each subset with each sentence added: the same for every document (read-only)."""
    subsets = np.arange(1 << k, dtype=np.int64)
    bits = 1 << np.arange(k, dtype=np.int64)
    members = (subsets[:, None] & bits) != 0
    extended = subsets[:, None] | bits
    arrays = (subsets, members, members.sum(axis=1), extended)
    for array in arrays:
        array.flags.writeable = False
    return arrays


def _over_halves(values: NDArray[np.int64], combine: np.ufunc) -> NDArray[np.int64]:
    """`combine` (add, or) of `values[j]` over the members j of every subset, subsets numbered as
    `_subsets`: over the low half's members and the high half's, combined (whole numbers and bit
    unions: exact in any order)."""
    k = values.size
    low = k // 2
    return combine.outer(_over_all(values[low:], combine), _over_all(values[:low], combine)).ravel()


def _over_all(values: NDArray[np.int64], combine: np.ufunc) -> NDArray[np.int64]:
    """`combine` of `values` over the members of every subset of them (subset i holds j when bit j is set)."""
    out = np.zeros(1, dtype=np.int64)
    for value in values:
        out = np.concatenate([out, combine(out, value)])
    return out


def filled(
    candidates: Candidates, scores: NDArray[np.float64], features: Features, budget: Budget, *, redundancy: float
) -> Candidates:
    """Every candidate as `reranked` outputs it: filled up by greedy selection in the words and
    sentences it leaves, exactly as `select(..., keep=candidate)` fills it, for all candidates at
    once (training labels each candidate by the summary it would really give).

    The sentences outside the top go by in score order once; a candidate takes one when it still
    has the room and no member (or sentence it took before) is more similar than `redundancy`.
    The columns grow by the sentences some candidate takes.
    """
    top, members = candidates.sentences, candidates.members
    if len(members) == 0:
        return candidates
    words = features.words.astype(np.int64)
    unlimited = np.iinfo(np.int64).max
    room = (budget.words if budget.words is not None else unlimited) - members @ words[top]
    slots = (budget.sentences if budget.sentences is not None else unlimited) - members.sum(axis=1)
    pool = selectable(features)
    order = pool[np.argsort(-scores[pool], kind="stable")]
    order = order[~np.isin(order, top)]
    taken: list[int] = []
    took: list[NDArray[np.bool_]] = []
    open_ = (room > 0) & (slots > 0)
    for i in order:
        if not open_.any():
            break
        fits = open_ & (room >= words[i])
        if not fits.any():
            continue
        if redundancy < 1.0:
            fits &= ~(members & (features.similarity_to_rows(int(i), top) > redundancy)).any(axis=1)
            if taken:
                before = np.column_stack(took)
                fits &= ~(before & (features.similarity_to_rows(int(i), taken) > redundancy)).any(axis=1)
        if fits.any():
            taken.append(int(i))
            took.append(fits)
            room = room - words[i] * fits
            slots = slots - fits
            open_ = (room > 0) & (slots > 0)
    if not taken:
        return candidates
    sentences = np.concatenate([top, np.asarray(taken, dtype=np.int64)])
    grown = np.hstack([members, np.column_stack(took)])
    order_in_doc = np.argsort(sentences, kind="stable")
    return Candidates(sentences[order_in_doc], grown[:, order_in_doc])
