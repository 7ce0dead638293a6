"""The word model of the summary reranker: will the abstract use this word?

The bigram model (`scorers.bigrams`) predicts the abstract's word pairs, which is what ROUGE-2
counts; ROUGE-1 counts single words. Per content stem of a document (the features' terms: stop
words dropped, stemmed), a logistic regression over 18 facts of the stem in its document — how
often and how widely it occurs, where first and last, in the title, its lexicon weight, the scores
of the sentences holding it, its length and idf, and how often it occurs in each section role —
predicts whether the abstract contains it. The reranker adds each sentence's expected abstract
stems per word to the scores it draws candidates from (`scorers.summary.reranker_scores`), as it
does with the bigram model's expected pairs.
"""

from __future__ import annotations

from itertools import repeat

import numpy as np
from numpy.typing import NDArray

from ..features import Features, stem_all, tokenize
from ..types import SECTION_KINDS, Document
from .logistic import Logistic
from .structure import standardise

WORD_MODEL_FORMAT = "synopsis-words/1"
_KINDS = tuple(SECTION_KINDS.index(kind) for kind in ("introduction", "methods", "results", "discussion", "conclusion"))
# How many of the best-scored candidate sentences count as the document's top (`top_count`): the
# reranker's own pool size.
TOP_SENTENCES = 12
# A sentence score below every candidate's: what a stem seen only in non-candidate sentences gets.
FLOOR_SCORE = -3.0
# Training rows: every positive stem and this many random negatives per positive (at least
# MIN_POSITIVES positives' worth) of each document, seeded; C of the logistic regression.
NEGATIVES_PER_POSITIVE = 3
MIN_POSITIVES = 20
WORD_C = 1.0


def word_feature_names() -> list[str]:
    """Columns of `word_features`, in order (stored with every word model)."""
    return [
        "log_tf",
        "spread",
        "first",
        "last",
        "title",
        "lexicon",
        "in_lexicon",
        "z_max",
        "z_mean",
        "mass",
        "top_count",
        "length",
        "idf",
        *(f"kind_{SECTION_KINDS[k]}" for k in _KINDS),
    ]


def stems_by_column(features: Features) -> list[str]:
    """The document's stems in column order of its term matrices (the vocabulary is built in that
    order by `features.compute_features`; checked, and sorted by column otherwise)."""
    vocabulary = features.vocabulary
    columns = np.fromiter(vocabulary.values(), dtype=np.int64, count=len(vocabulary))
    if np.array_equal(columns, np.arange(len(vocabulary))):
        return list(vocabulary)
    return sorted(vocabulary, key=vocabulary.__getitem__)


def lexicon_by_column(features: Features, lexicon: dict[str, float]) -> NDArray[np.float64]:
    """The lexicon weight of each term column (0 for a stem it lacks, and for the one column of an
    empty vocabulary): what the sentence scorer's lexicon columns and the word model both read."""
    out = np.zeros(features.counts.shape[1])
    columns = np.fromiter(features.vocabulary.values(), dtype=np.int64, count=len(features.vocabulary))
    out[columns] = np.fromiter(map(lexicon.get, features.vocabulary, repeat(0.0)), dtype=np.float64, count=columns.size)
    return out


def word_features(
    doc: Document, features: Features, scores: NDArray[np.float64], lexicon: dict[str, float]
) -> NDArray[np.float64]:
    """One row per stem of the document (its term columns), columns as `word_feature_names()`.
    Whole-matrix numpy and C-level maps: no Python loop over stems or sentences."""
    if not features.vocabulary:
        return np.zeros((features.counts.shape[1], len(word_feature_names())))
    counts = features.counts
    n, size = counts.shape
    # Over the stored entries of the CSR counts (no conversion to CSC): each one's sentence and term.
    # Listed sentence by sentence, they visit each term's sentences in increasing order, and
    # `np.bincount` adds its weights one by one in input order from 0.0: each term's sum adds the
    # same values in the same order as the sums over a CSC copy did, and as scipy's `csc_matvec`
    # does for `binary.T @ w` (y[term] += 1.0 * w[sentence], sentences in increasing order): the
    # same floats. Counts are whole numbers, exact in any order; a max and a min are exact in any
    # order, but for the sign of a zero max (which `(x - mean) / scale` erases: its mean is not 0).
    sentence = np.repeat(np.arange(n), np.diff(counts.indptr))
    term = counts.indices
    tf = np.bincount(term, weights=counts.data, minlength=size)
    held = np.bincount(term, minlength=size)  # sentences holding each stem
    names = stems_by_column(features)
    language = features.language
    title = set(stem_all([tokenize(doc.title, language)], language)[0]) if doc.title else set()
    z = np.where(features.candidate, standardise(scores, features.candidate), FLOOR_SCORE)
    # A column no sentence holds (`compute_features` makes none) has the floor, and then, as before,
    # every maximum starts from the floor.
    empty = bool((held == 0).any())
    first, last, z_max = np.full(size, n), np.zeros(size, dtype=np.int64), np.full(size, FLOOR_SCORE if empty else -np.inf)
    np.minimum.at(first, term, sentence)
    np.maximum.at(last, term, sentence)
    np.maximum.at(z_max, term, z[sentence])
    z_sum = np.bincount(term, weights=z[sentence], minlength=size)
    weight = np.exp(np.clip(z, -10, 10))
    mass = np.bincount(term, weights=(weight / weight.sum())[sentence], minlength=size)  # binary.T @ weights
    in_top = np.zeros(n, dtype=bool)
    in_top[np.argsort(-z, kind="stable")[:TOP_SENTENCES]] = True
    top_count = np.bincount(term, weights=in_top[sentence], minlength=size)  # sentences of the top holding it
    # Occurrences per section role: counts summed by (role, stem) over the stored entries (whole
    # numbers, so the same floats in any order); sentences of other kinds go to a last row, dropped.
    role = np.full(len(SECTION_KINDS), len(_KINDS))
    role[list(_KINDS)] = np.arange(len(_KINDS))
    key = role[features.section_kind[sentence]] * size + term
    by_kind = np.bincount(key, weights=counts.data, minlength=(len(_KINDS) + 1) * size)[: len(_KINDS) * size]
    by_kind = by_kind.reshape(len(_KINDS), size)
    weights = lexicon_by_column(features, lexicon)
    return np.column_stack(
        [
            np.log1p(tf),
            held / n,
            first / n,
            last / n,
            np.fromiter(map(title.__contains__, names), dtype=np.float64, count=len(names)),
            weights,
            (weights != 0).astype(np.float64),
            z_max,
            z_sum / np.maximum(held, 1),
            np.log(mass + 1e-6),
            top_count,
            np.fromiter(map(len, names), dtype=np.float64, count=len(names)),
            features.idf,
            *np.log1p(by_kind),
        ]
    )


def word_labels(features: Features, abstract: str) -> NDArray[np.float64]:
    """1.0 for each stem of the document that the abstract uses, else 0.0."""
    language = features.language
    gold = set(stem_all([tokenize(abstract, language)], language)[0])
    return np.array([stem in gold for stem in stems_by_column(features)], dtype=np.float64)


class WordModel(Logistic):
    """Logistic regression: P(stem in abstract) = sigmoid(((x - mean) / scale) @ weights + intercept)."""

    FORMAT = WORD_MODEL_FORMAT
    WHAT = "word model"

    @classmethod
    def feature_names(cls) -> list[str]:
        return word_feature_names()


def word_probabilities(
    model: WordModel | None, doc: Document, features: Features, scores: NDArray[np.float64], lexicon: dict[str, float]
) -> NDArray[np.float64] | None:
    """Each stem's probability of being in the abstract (term column order); None without a model."""
    if model is None or not features.vocabulary:
        return None
    return model.probabilities(word_features(doc, features, scores, lexicon))


def fit_word_model(
    documents: list[tuple[Document, Features, NDArray[np.float64], str]], lexicon: dict[str, float], *, seed: int = 0
) -> WordModel:
    """Logistic regression of "the abstract uses this stem" over (doc, features, sentence scores,
    abstract) of the training documents; deterministic for the same input."""
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for doc, features, scores, abstract in documents:
        if not features.vocabulary:
            continue
        x = word_features(doc, features, scores, lexicon)
        y = word_labels(features, abstract)
        positive = np.flatnonzero(y > 0)
        negative = np.flatnonzero(y == 0)
        sample = rng.choice(
            negative, min(len(negative), NEGATIVES_PER_POSITIVE * max(len(positive), MIN_POSITIVES)), replace=False
        )
        keep = np.concatenate([positive, sample])
        xs.append(x[keep])
        ys.append(y[keep])
    return WordModel.fit(xs, ys, c=WORD_C, max_iter=2000, scale_of=lambda x: x.std(axis=0) + 1e-9)
