"""LSA summarization (Steinberger & Ježek 2004): sentences that carry the document's main topics.

The term-by-sentence matrix A (candidates only, see pool.py) is factorised as U S V^T; a topic is a
singular vector, its importance the singular value. A sentence's score is the length of its vector
in the reduced topic space weighted by the singular values, sqrt(sum_i s_i^2 v_ki^2) over the kept
dimensions, so a sentence that is strong in several important topics wins (Gong & Liu's older
method took one sentence per topic instead).

Choices the paper leaves open, made on the dev data (R1/R2 averaged over the four sources):
- dimensions: those whose singular value is at least `ratio` (0.8) times the largest, at most
  `max_dimensions`. On long articles the spectrum is flat, so a looser cut keeps dozens of minor
  topics and the score drifts towards plain sentence length: ratio 0.5 (up to 20) gave 37.6/9.4,
  0.8 gives 39.8/11.1. sumy keeps every dimension, and then the score is exactly the length of the
  sentence's column of A: topics play no part at all.
- cells: binary (1 where the term occurs), the local weight Steinberger et al. (2007) found best.
  Raw tf gave 34.4/7.7 (long sentences with repeated terms win); their entropy global weight gave
  31.1/5.5 here, as it favours terms seen once, and a long article has thousands of those. sumy
  uses a smoothed tf that puts 0.4 in every empty cell, which makes the matrix dense.
Only the top singular triplets are computed (a seeded randomized SVD: deterministic), so a
1,500-sentence article costs milliseconds, not the seconds of a full dense SVD.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from ..errors import MethodError
from ..features import Features
from ..scipy_sparse import sparse
from ..types import Document
from .pool import DISTINCT, pool, spread
from .registry import register

# Extra random directions of the randomized SVD beyond the dimensions wanted (Halko et al.: 5-10).
_OVERSAMPLE = 10


def term_sentence_matrix(counts: sparse.csr_matrix, *, weighting: str) -> sparse.csr_matrix:
    """Sentence-by-term weights (the transpose of the paper's A, same singular values).

    "binary": 1 where the term occurs; "tf": raw counts; "entropy": binary x (1 - normalised entropy
    of the term's spread over sentences), which mutes terms spread evenly across the article.
    """
    if weighting == "tf":
        return counts.astype(np.float64)
    binary = counts.copy().astype(np.float64)
    binary.data[:] = 1.0
    if weighting == "binary":
        return binary
    if weighting != "entropy":
        raise MethodError(f"method 'lsa' has no weighting {weighting!r} (choose binary, tf or entropy)")
    n = counts.shape[0]
    totals = np.asarray(counts.sum(axis=0)).ravel()
    coo = counts.tocoo()
    share = coo.data / totals[coo.col]
    entropy = np.bincount(coo.col, weights=-share * np.log(share), minlength=counts.shape[1])
    weight = 1.0 - entropy / np.log(n) if n > 1 else np.ones(counts.shape[1])
    return sparse.csr_matrix(binary.multiply(weight[None, :]))


def top_singular(matrix: sparse.csr_matrix, k: int, *, power: int = 6) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The `k` largest singular values of `matrix` and their left singular vectors.

    Randomized range finder with power iterations (Halko, Martinsson & Tropp 2011) from a fixed
    seed: deterministic, and ~100x faster than ARPACK on a 1,000 x 3,000 sparse matrix. The last
    step takes the eigenvectors of a tiny Gram matrix instead of LAPACK's SVD of a wide one, which
    costs ~7 ms single-threaded and, with OpenBLAS threads on a busy machine, half a second. A
    matrix with few rows is decomposed exactly through its Gram matrix.
    """
    rows, _ = matrix.shape
    width = k + _OVERSAMPLE
    if rows <= width:
        basis = np.eye(rows)
        gram = (matrix @ matrix.T).toarray()
    else:
        probe = np.random.default_rng(0).standard_normal((matrix.shape[1], width))
        basis = np.linalg.qr(matrix @ probe)[0]
        for _ in range(power):
            basis = np.linalg.qr(matrix @ np.linalg.qr(matrix.T @ basis)[0])[0]
        projected = np.asarray(matrix.T @ basis)  # A^T Q; (Q^T A)(Q^T A)^T is its Gram matrix
        gram = projected.T @ projected
    eigenvalues, vectors = np.linalg.eigh(gram)
    order = np.argsort(-eigenvalues)[:k]
    return np.sqrt(np.clip(eigenvalues[order], 0.0, None)), basis @ vectors[:, order]


def topic_strength(matrix: sparse.csr_matrix, *, ratio: float, max_dimensions: int) -> NDArray[np.float64]:
    """sqrt(sum_i s_i^2 v_ki^2) for each row k over the dimensions with s_i >= ratio * s_1."""
    rows, cols = matrix.shape
    if min(rows, cols) == 0 or matrix.nnz == 0:
        return np.zeros(rows)
    sigma, left = top_singular(matrix, min(max_dimensions, rows, cols))
    keep = sigma >= ratio * sigma[0]
    # Rows of U S are the sentences in topic space (A's rows are sentences here, so U plays V's role).
    return np.sqrt(((left[:, keep] * sigma[keep]) ** 2).sum(axis=1))


@register(
    "lsa",
    description="LSA (Steinberger & Ježek 2004): sentence length in the SVD topic space, weighted by singular values.",
    selection=DISTINCT,
    params={"ratio": 0.8, "max_dimensions": 10, "weighting": "binary"},
)
def lsa(doc: Document, features: Features, /, *, ratio: float, max_dimensions: int, weighting: str) -> NDArray[np.float64]:
    rows = pool(features)
    matrix = term_sentence_matrix(features.counts[rows], weighting=weighting)
    return spread(topic_strength(matrix, ratio=ratio, max_dimensions=max_dimensions), rows, features.n)
