"""The extractive oracle (the ceiling in every report) and per-sentence ROUGE (soft labels).

Both count n-grams with rouge-score's own tokenizer and Porter stemmer (`rouge.rouge_tokens`), as
sparse sentence-by-n-gram matrices restricted to the reference's n-grams: adding a sentence can
only raise the clipped overlap through n-grams the reference has, so a whole greedy step is a few
vectorised operations over the matrix, never a Python loop over sentences.

One simplification, stated in docs/evaluation.md: while searching, bigrams are counted inside
sentences only (rouge-score also counts the bigram that spans two adjacent chosen sentences, which
depends on the final order). The oracle's reported score is always the exact rouge-score value of
the sentences it chose.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ..scipy_sparse import sparse
from ..types import Budget, Document
from .rouge import rouge_tokens


@dataclass(frozen=True, slots=True)
class SentenceRouge:
    """ROUGE-1 and ROUGE-2 F1 of each sentence on its own against the reference, and the clipped
    count of reference bigrams each sentence contains (how much of the reference it covers)."""

    rouge1: NDArray[np.float64]
    rouge2: NDArray[np.float64]
    bigram_hits: NDArray[np.float64]


@dataclass(frozen=True)
class _Counts:
    """Clipping targets and per-sentence counts for one n-gram order."""

    reference: NDArray[np.float64]  # count of each reference n-gram
    matrix: sparse.csr_matrix  # sentences x reference n-grams
    totals: NDArray[np.float64]  # all n-grams of each sentence, in the reference or not
    reference_total: float


def sentence_rouge(doc: Document | Sequence[str], reference: str) -> SentenceRouge:
    """ROUGE-1/ROUGE-2 F1 of every sentence alone: soft labels for a supervised scorer.

    Equal to rouge-score's F1 for the sentence as the prediction (one sentence has no boundary).
    """
    texts, _, _ = _sentences(doc)
    unigrams, bigrams = _count(texts, reference, _language(doc))
    bigram_hits = _clipped(bigrams.matrix, bigrams.reference)
    return SentenceRouge(
        _f1(_clipped(unigrams.matrix, unigrams.reference), unigrams.totals, unigrams.reference_total),
        _f1(bigram_hits, bigrams.totals, bigrams.reference_total),
        bigram_hits,
    )


def greedy_oracle(
    doc: Document | Sequence[str], reference: str, budget: Budget = Budget(), *, candidates_only: bool = True
) -> tuple[int, ...]:
    """Indices (document order) of a greedy extractive oracle summary.

    Starting from nothing, repeatedly add the sentence that most increases ROUGE-1 F1 + ROUGE-2 F1
    against `reference` among those that still fit the budget (whitespace words, as `select`
    counts them); stop when no sentence improves the sum. With `candidates_only` the oracle picks
    from the sentences our candidate rules keep, like every method does.
    """
    texts, words, candidate = _sentences(doc)
    n = len(texts)
    if n == 0:
        return ()
    unigrams, bigrams = _count(texts, reference, _language(doc))
    limit_words = budget.words if budget.words is not None else np.iinfo(np.int64).max
    limit_sentences = budget.sentences if budget.sentences is not None else n
    open_ = candidate.copy() if candidates_only and candidate.any() else np.ones(n, dtype=bool)
    current = [np.zeros_like(unigrams.reference), np.zeros_like(bigrams.reference)]
    overlap = [0.0, 0.0]
    length = [0.0, 0.0]
    best = 0.0
    used = 0
    chosen: list[int] = []
    while len(chosen) < limit_sentences:
        open_ &= words + used <= limit_words
        if not open_.any():
            break
        objective = np.zeros(n)
        for k, counts in enumerate((unigrams, bigrams)):
            gained = overlap[k] + _clipped(counts.matrix, counts.reference, current[k])
            objective += _f1(gained, length[k] + counts.totals, counts.reference_total)
        objective[~open_] = -np.inf
        pick = int(np.argmax(objective))
        if objective[pick] <= best + 1e-12:
            break
        best = float(objective[pick])
        for k, counts in enumerate((unigrams, bigrams)):
            row = counts.matrix.getrow(pick).toarray().ravel()
            overlap[k] += float(
                np.minimum(current[k] + row, counts.reference).sum() - np.minimum(current[k], counts.reference).sum()
            )
            current[k] += row
            length[k] += float(counts.totals[pick])
        used += int(words[pick])
        open_[pick] = False
        chosen.append(pick)
    return tuple(sorted(chosen))


def _sentences(doc: Document | Sequence[str]) -> tuple[list[str], NDArray[np.int64], NDArray[np.bool_]]:
    if isinstance(doc, Document):
        texts = [s.text for s in doc.sentences]
        candidate = np.fromiter((s.candidate for s in doc.sentences), dtype=bool, count=len(texts))
    else:
        texts = list(doc)
        candidate = np.ones(len(texts), dtype=bool)
    words = np.fromiter((len(t.split()) for t in texts), dtype=np.int64, count=len(texts))
    return texts, words, candidate


def _language(doc: Document | Sequence[str]) -> str:
    """The document's language (ROUGE tokenizes by it); plain sentence lists are English."""
    return str(doc.meta.get("language", "en")) if isinstance(doc, Document) else "en"


def _count(texts: list[str], reference: str, lang: str = "en") -> tuple[_Counts, _Counts]:
    tokens = [rouge_tokens(t, lang=lang) for t in texts]
    reference_tokens = rouge_tokens(reference, lang=lang)
    # Tokens become integer ids, and a bigram the integer id1 * V + id2, so that matching
    # n-grams against the reference is a sort and a search, not a dictionary lookup per n-gram.
    ids: dict[str, int] = {}
    flat = np.fromiter((ids.setdefault(t, len(ids)) for sentence in tokens for t in sentence), dtype=np.int64)
    ref = np.fromiter((ids.setdefault(t, len(ids)) for t in reference_tokens), dtype=np.int64)
    lengths = np.fromiter((len(sentence) for sentence in tokens), dtype=np.int64, count=len(tokens))
    owner = np.repeat(np.arange(len(tokens)), lengths)
    size = max(1, len(ids))
    same = owner[1:] == owner[:-1]  # bigrams never span two sentences here
    unigrams = _order(flat, owner, ref, np.maximum(lengths, 0), len(tokens))
    bigrams = _order(
        (flat[:-1] * size + flat[1:])[same], owner[1:][same], ref[:-1] * size + ref[1:], np.maximum(lengths - 1, 0), len(tokens)
    )
    return unigrams, bigrams


def _order(
    grams: NDArray[np.int64], owner: NDArray[np.int64], reference_grams: NDArray[np.int64], totals: NDArray[np.int64], n: int
) -> _Counts:
    """Sentence-by-reference-n-gram counts from n-gram keys (`grams`) and the sentence each is in."""
    vocabulary, reference = np.unique(reference_grams, return_counts=True)
    if vocabulary.size == 0:
        empty = sparse.csr_matrix((n, 1))
        return _Counts(np.zeros(1), empty, totals.astype(np.float64), 0.0)
    where = np.clip(np.searchsorted(vocabulary, grams), 0, vocabulary.size - 1)
    hit = vocabulary[where] == grams
    matrix = sparse.csr_matrix(
        (np.ones(int(hit.sum())), (owner[hit], where[hit])),
        shape=(n, vocabulary.size),
    )
    matrix.sum_duplicates()
    return _Counts(reference.astype(np.float64), matrix, totals.astype(np.float64), float(reference_grams.size))


def _clipped(
    matrix: sparse.csr_matrix, reference: NDArray[np.float64], current: NDArray[np.float64] | None = None
) -> NDArray[np.float64]:
    """For every sentence, how much adding it raises the clipped overlap sum_j min(count_j, ref_j)."""
    columns = matrix.indices
    base = current[columns] if current is not None else 0.0
    gains = np.minimum(base + matrix.data, reference[columns]) - np.minimum(base, reference[columns])
    out: NDArray[np.float64] = np.asarray(
        sparse.csr_matrix((gains, columns, matrix.indptr), shape=matrix.shape).sum(axis=1), dtype=np.float64
    ).ravel()
    return out


def _f1(overlap: NDArray[np.float64], predicted: NDArray[np.float64] | float, reference: float) -> NDArray[np.float64]:
    """rouge-score's F1 = 2PR/(P+R), which is 2*overlap/(predicted+reference) when overlap > 0."""
    overlap = np.asarray(overlap, dtype=np.float64)
    denominator = np.asarray(predicted, dtype=np.float64) + reference
    out: NDArray[np.float64] = np.divide(2.0 * overlap, denominator, out=np.zeros_like(overlap), where=overlap > 0)
    return out
