"""LexRank (Erkan & Radev 2004): PageRank over the idf-modified cosine graph of the sentences.

Continuous LexRank weights each edge by the cosine itself; the thresholded variant keeps an edge
where the cosine exceeds `threshold` (0.1 in the paper) and gives every edge of a sentence the same
weight, 1 / its degree, so a sentence's vote is split evenly among its neighbours. Both run on the
candidates (see pool.py). The cosine is `features.similarity_block`: tf x within-document idf,
L2-normalised, which is the paper's idf-modified cosine with the sentence as the "document"; a
sentence's similarity to itself is left out (a self-loop only slows the walk down). The jump
probability is 1 - `damping` = 0.15, inside the 0.1-0.2 the paper recommends. More candidates
than `GRAPH_WINDOW` are ranked window by window (graph.windowed_rank).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from ..features import Features
from ..types import Document
from .graph import windowed_rank
from .pool import DISTINCT, pool, spread
from .registry import register


def lexrank_weights(similarity: NDArray[np.float64], *, threshold: float | None) -> NDArray[np.float64]:
    """Edge weights of the LexRank graph: the cosines, or 0/1 edges above `threshold`.

    `pagerank` divides each row by its sum, which for the 0/1 graph is the degree normalisation.
    """
    if threshold is None:
        return np.clip(similarity, 0.0, None)
    return (similarity > threshold).astype(np.float64)


@register(
    "lexrank",
    description="Continuous LexRank: PageRank over the tf-idf cosine graph (Erkan & Radev 2004).",
    selection=DISTINCT,
    params={"threshold": None, "damping": 0.85},
)
@register(
    "lexrank-threshold",
    description="LexRank with a 0/1 graph of cosines above the threshold, degree-normalised (the paper's 0.1).",
    selection=DISTINCT,
    params={"threshold": 0.1, "damping": 0.85},
)
def lexrank(doc: Document, features: Features, /, *, threshold: float | None, damping: float) -> NDArray[np.float64]:
    rows = pool(features)

    def graph(window: NDArray[np.int64]) -> NDArray[np.float64]:
        return lexrank_weights(features.similarity_block(window), threshold=threshold)

    return spread(windowed_rank(rows, graph, damping=damping), rows, features.n)
