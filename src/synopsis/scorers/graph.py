"""Graph centrality: TextRank (Mihalcea & Tarau 2004) by vectorised power iteration.

A graph spans at most `GRAPH_WINDOW` consecutive sentences; a longer text is ranked window by
window (`windowed_rank`), so memory and time grow linearly with its length.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

from ..features import Features, windows
from ..types import Document
from .registry import register


def pagerank(
    weights: NDArray[np.float64], *, damping: float = 0.85, tol: float = 1e-6, max_iter: int = 200
) -> NDArray[np.float64]:
    """Stationary distribution of a random walk on a weighted graph (rows need not be normalised).

    Dangling rows (no edges) jump uniformly, so the walk is well defined for any input.
    """
    n = weights.shape[0]
    if n == 0:
        return np.zeros(0)
    out = weights.sum(axis=1)
    dangling = out == 0
    # A plain division (a masked `np.divide(..., where=)` costs several times more), the dangling
    # rows then zeroed: the same matrix.
    transition = weights / np.where(dangling, 1.0, out)[:, None]
    has_dangling = bool(dangling.any())
    if has_dangling:
        transition[dangling] = 0.0
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        moved = rank @ transition
        if has_dangling:  # without dangling rows their jump adds 0.0: the same floats skipped
            moved += rank[dangling].sum() / n
        new = damping * moved + (1.0 - damping) / n
        if np.abs(new - rank).sum() < tol:
            return new
        rank = new
    return rank


def windowed_rank(
    rows: NDArray[np.int64], graph: Callable[[NDArray[np.int64]], NDArray[np.float64]], *, damping: float
) -> NDArray[np.float64]:
    """PageRank of `graph(window)` for each window of `rows`, one value per row.

    Each window's ranks sum to 1; they are scaled by the window's share of the rows, so that a
    sentence's rank means the same whichever window it is in (average 1 / len(rows)). One window
    (every dev article as given) is plain PageRank.
    """
    out = np.zeros(rows.size)
    for start, end in windows(rows.size):
        ranks = pagerank(graph(rows[start:end]), damping=damping)
        out[start:end] = ranks if end - start == rows.size else ranks * ((end - start) / rows.size)
    return out


def overlap_similarity(features: Features, rows: NDArray[np.int64] | slice = slice(None)) -> NDArray[np.float64]:
    """TextRank's similarity among `rows`: shared words over the sum of the log lengths of the two sentences."""
    binary = features.binary if _all_rows(rows, features.n) else features.binary[rows]
    shared = (binary @ binary.T).toarray()
    # Words per sentence: every stored entry of `binary` is 1, so a row's sum is its entry count.
    lengths = np.log(np.maximum(np.diff(binary.indptr).astype(np.float64), 1.0) + 1.0)
    denominator = lengths[:, None] + lengths[None, :]  # at least 2 log 2: no zero to guard against
    similarity = shared / denominator
    np.fill_diagonal(similarity, 0.0)
    return similarity


def _all_rows(rows: NDArray[np.int64] | slice, n: int) -> bool:
    """Whether `rows` selects every row in order (one graph window: scipy would copy the matrix to slice it)."""
    if isinstance(rows, slice):
        return rows.indices(n) == (0, n, 1)
    return len(rows) == n and bool(np.array_equal(rows, np.arange(n)))


# TextRank's settings: its registered defaults and the `textrank` feature of the trained method.
TEXTRANK_PARAMS: dict[str, float] = {"damping": 0.85}


@register("textrank", description="TextRank: PageRank over the word-overlap similarity graph.", params=TEXTRANK_PARAMS)
def textrank(doc: Document, features: Features, /, *, damping: float) -> NDArray[np.float64]:
    return windowed_rank(np.arange(features.n), lambda rows: overlap_similarity(features, rows), damping=damping)
