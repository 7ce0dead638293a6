"""Candidate summaries: budget-feasible, redundancy-free, maximal combinations in document order."""

from __future__ import annotations

from itertools import combinations

import numpy as np
import pytest

from synopsis.combinations import candidate_summaries, filled
from synopsis.features import compute_features
from synopsis.pipeline import build_document
from synopsis.select import select
from synopsis.types import Article, Budget


@pytest.fixture(scope="module")
def document(dev_sample: list[dict[str, str]]):  # type: ignore[no-untyped-def]
    record = dev_sample[1]
    doc = build_document(Article(record["id"], record["full_text"], (0, len(record["full_text"])), record["title"]))
    return doc, compute_features(doc)


@pytest.mark.parametrize("budget", [Budget(60), Budget(100), Budget(200), Budget(None, 3), Budget(150, 2)])
def test_candidates_are_exactly_the_maximal_feasible_subsets(document, budget: Budget) -> None:  # type: ignore[no-untyped-def]
    """Checked against brute force over every subset of the top sentences."""
    _, features = document
    scores = np.random.default_rng(7).random(features.n)
    top, redundancy = 9, 0.3
    found = candidate_summaries(scores, features, budget, top=top, redundancy=redundancy)
    limit_words = budget.words or 10**9
    limit_sentences = budget.sentences or 10**9
    pool = [i for i in np.argsort(-scores, kind="stable") if features.candidate[i] and features.words[i] <= limit_words][:top]
    assert list(found.sentences) == sorted(pool)

    def feasible(subset: tuple[int, ...]) -> bool:
        words = sum(int(features.words[i]) for i in subset)
        clash = any(features.similarity_to_rows(a, [b])[0] > redundancy for a, b in combinations(subset, 2))
        return 0 < len(subset) <= limit_sentences and words <= limit_words and not clash

    expected = set()
    for size in range(1, top + 1):
        for subset in combinations(sorted(pool), size):
            if feasible(subset) and not any(feasible(tuple(sorted((*subset, j)))) for j in pool if j not in subset):
                expected.add(subset)
    rows = [found.indices(r) for r in range(len(found.members))]
    assert len(rows) == len(set(rows)) and set(rows) == expected and len(rows) > 1
    for row in rows:
        assert list(row) == sorted(row), "document order"
        assert sum(int(features.words[i]) for i in row) <= limit_words and len(row) <= limit_sentences


@pytest.mark.parametrize("top", [1, 2, 3, 7, 12])
@pytest.mark.parametrize("budget", [Budget(100), Budget(None, 2)])
@pytest.mark.parametrize("redundancy", [0.1, 0.5])
def test_subset_sums_by_halves_are_those_of_every_member(document, top: int, budget: Budget, redundancy: float) -> None:  # type: ignore[no-untyped-def]
    """Words and clashes summed over each subset's low and high halves give the rows that summing
    over every member of every subset gave (what `candidate_summaries` did before)."""
    _, features = document
    scores = np.random.default_rng(top).random(features.n)
    found = candidate_summaries(scores, features, budget, top=top, redundancy=redundancy)
    sentences = found.sentences
    k = sentences.size
    subsets = np.arange(1 << k, dtype=np.int64)
    bits = 1 << np.arange(k, dtype=np.int64)
    members = (subsets[:, None] & bits) != 0
    words = members @ features.words[sentences].astype(np.int64)
    count = members.sum(axis=1)
    clashing = ((features.similarity_block(sentences) > redundancy) * bits[None, :]).sum(axis=1)
    clashes = (((subsets[:, None] & clashing[None, :]) != 0) & members).any(axis=1)
    limit_words = budget.words if budget.words is not None else np.iinfo(np.int64).max
    feasible = (words <= limit_words) & (count <= (budget.sentences or top)) & ~clashes & (count > 0)
    keep = feasible & ~(feasible[subsets[:, None] | bits] & ~members).any(axis=1)
    assert found.members.tolist() == members[keep].tolist() and len(found.members) > 0


def test_no_candidate_when_nothing_fits(document) -> None:  # type: ignore[no-untyped-def]
    _, features = document
    found = candidate_summaries(np.ones(features.n), features, Budget(1), top=12, redundancy=0.5)
    assert found.members.shape[0] == 0


def test_top_is_bounded(document) -> None:  # type: ignore[no-untyped-def]
    _, features = document
    with pytest.raises(ValueError, match="top must be between"):
        candidate_summaries(np.ones(features.n), features, Budget(200), top=17, redundancy=0.5)


@pytest.mark.parametrize("budget", [Budget(60), Budget(150), Budget(300), Budget(None, 4), Budget(150, 3)])
@pytest.mark.parametrize("redundancy", [0.3, 0.5, 1.0])
def test_filled_candidates_are_what_select_fills(document, budget: Budget, redundancy: float) -> None:  # type: ignore[no-untyped-def]
    """`filled` (the reranker's training labels) gives, for every candidate at once, exactly the
    summary `reranked` outputs for it: `select` keeping the candidate and filling what it leaves."""
    _, features = document
    scores = np.random.default_rng(11).random(features.n)
    found = candidate_summaries(scores, features, budget, top=8, redundancy=redundancy)
    grown = filled(found, scores, features, budget, redundancy=redundancy)
    assert len(grown.members) == len(found.members) and list(grown.sentences) == sorted(grown.sentences)
    added = 0
    for row in range(len(found.members)):
        expected = select(scores, features, budget, redundancy=redundancy, keep=found.indices(row)).indices
        assert grown.indices(row) == expected
        added += len(expected) - len(found.indices(row))
    assert added > 0 or budget.sentences is not None, "some candidate leaves words that a sentence outside the top fills"
