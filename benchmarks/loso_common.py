"""Shared by the leave-one-source-out experiments `memsum_greedy.py` and `oreo_labels.py`: the dev
documents prepared once and pickled, each fold's `supervised` sentence scores as `train_cv.py
--cache` keeps them, and the ROUGE-1/2 F1 of a growing set of sentences (the oracle's own counting,
`synopsis.evaluate.oracle`: clipped overlaps over sparse sentence-by-reference-n-gram matrices,
bigrams within sentences), so that a greedy step is a few vectorised operations over the sentences.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits
from train_cv import SOURCES, fold_scores, load

from synopsis.evaluate.oracle import _clipped, _count, _f1
from synopsis.scorers.phrases import PhraseModel
from synopsis.train import Example


def cached_examples(data: Path, cache: Path) -> list[Example]:
    """The dev documents in `train_cv.load(data, None, 0)`'s order (fold caches index them)."""
    path = cache / "examples.pkl"
    if not path.exists():
        cache.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(load(data, None, 0)))
    examples: list[Example] = pickle.loads(path.read_bytes())
    return examples


def loso_folds(examples: list[Example]) -> list[tuple[str, list[int], list[int]]]:
    """(held-out source, training indices, test indices) per source, as `train_cv.py` folds."""
    return [
        (s, [i for i, e in enumerate(examples) if e.source != s], [i for i, e in enumerate(examples) if e.source == s])
        for s in SOURCES
    ]


def supervised_scores(
    examples: list[Example], source: str, train: list[int], test: list[int], cache: Path
) -> tuple[dict[int, NDArray[np.float64]], dict[int, PhraseModel | None]]:
    """The fold's sentence scores: its trees on the held-out source, other-half trees on the
    training sources (`train_cv.fold_scores`, read from or written to `cache`)."""
    with threadpool_limits(1):
        return fold_scores(examples, train, test, cache, f"loso_{source}", {})


class GrowingRouge:
    """ROUGE-1/2 F1 (x100, their mean) of a set of sentences that grows one sentence at a time,
    and the gain each sentence would bring if added next."""

    def __init__(self, texts: list[str], reference: str, lang: str = "en") -> None:
        self.counts = _count(texts, reference, lang)
        self.reset()

    def reset(self) -> None:
        """Back to the empty set (the n-gram counts are kept)."""
        self.current = [np.zeros_like(c.reference) for c in self.counts]
        self.overlap = [0.0, 0.0]
        self.length = [0.0, 0.0]
        self.value = 0.0

    def after_adding(self) -> NDArray[np.float64]:
        """For every sentence, the mean of ROUGE-1 and ROUGE-2 F1 (x100) of the set plus it."""
        out = np.zeros(self.counts[0].matrix.shape[0])
        for k, c in enumerate(self.counts):
            gained = self.overlap[k] + _clipped(c.matrix, c.reference, self.current[k])
            out += _f1(gained, self.length[k] + c.totals, c.reference_total)
        return out * 50.0

    def add(self, i: int) -> None:
        for k, c in enumerate(self.counts):
            row = c.matrix.getrow(i).toarray().ravel()
            before = np.minimum(self.current[k], c.reference).sum()
            self.current[k] += row
            self.overlap[k] += float(np.minimum(self.current[k], c.reference).sum() - before)
            self.length[k] += float(c.totals[i])
        r = [_f1(np.array(self.overlap[k]), self.length[k], c.reference_total) for k, c in enumerate(self.counts)]
        self.value = float(r[0] + r[1]) * 50.0
