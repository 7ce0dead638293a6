"""The sentences a classic method ranks: the selection candidates.

Non-candidates (captions, reference debris, headings, sentences copied from the abstract) can never
be selected, so the graph, LSA and frequency methods rank the candidates only: their word counts,
graphs and topics come from the text a summary can be made of, and the matrices are smaller. (On
the dev data, letting non-candidates shape the statistics changed ROUGE-1 by at most 0.3 points
either way, so this is a choice for clarity and speed, not for quality.) Every other sentence gets
the lowest score. When no sentence is a candidate, `select` falls back to all sentences, and so
does the pool.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from ..features import Features

# Selection setting for the methods that score each sentence on its own (LexRank, LSA, Luhn): their
# top sentences are often near-copies of one another, so `select` drops a sentence more similar
# than this (cosine) to one already chosen, stricter than its general 0.5. On the dev data it gave
# +0.4 to +1.0 ROUGE-1 for those four methods; SumBasic and KLSum already avoid repeating
# themselves in their greedy loop, and keep the general setting.
DISTINCT = {"redundancy": 0.3}


def pool(features: Features) -> NDArray[np.int64]:
    """Indices of the sentences to rank (the candidates, or all when there are none)."""
    rows = np.flatnonzero(features.candidate)
    return rows if rows.size else np.arange(features.n)


def spread(values: NDArray[np.float64], rows: NDArray[np.int64], n: int, *, floor: float = 0.0) -> NDArray[np.float64]:
    """Scores for the pool placed back into a full-length array; sentences outside it get `floor`."""
    out = np.full(n, floor, dtype=np.float64)
    out[rows] = values
    return out
