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
    transition = np.divide(weights, out[:, None], out=np.zeros_like(weights), where=~dangling[:, None])
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        new = damping * (rank @ transition + rank[dangling].sum() / n) + (1.0 - damping) / n
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
    binary = features.binary[rows]
    shared = (binary @ binary.T).toarray()
    lengths = np.log(np.maximum(np.asarray(binary.sum(axis=1)).ravel(), 1.0) + 1.0)
    denominator = lengths[:, None] + lengths[None, :]
    similarity = np.divide(shared, denominator, out=np.zeros_like(shared), where=denominator > 0)
    np.fill_diagonal(similarity, 0.0)
    return similarity


# TextRank's settings: its registered defaults and the `textrank` feature of the trained method.
TEXTRANK_PARAMS: dict[str, float] = {"damping": 0.85}


@register("textrank", description="TextRank: PageRank over the word-overlap similarity graph.", params=TEXTRANK_PARAMS)
def textrank(doc: Document, features: Features, /, *, damping: float) -> NDArray[np.float64]:
    return windowed_rank(np.arange(features.n), lambda rows: overlap_similarity(features, rows), damping=damping)
