"""Selection guarantees every method relies on: budget, order, no duplicates, redundancy."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.features import compute_features
from synopsis.pipeline import build_document
from synopsis.select import select
from synopsis.types import Article, Budget


@pytest.fixture(scope="module")
def doc_and_features(dev_sample: list[dict[str, str]]):  # type: ignore[no-untyped-def]
    record = dev_sample[0]
    article = Article(record["id"], record["full_text"], (0, len(record["full_text"])), record["title"], record["abstract"])
    doc = build_document(article)
    return doc, compute_features(doc)


@settings(max_examples=60, deadline=None)
@given(words=st.integers(1, 400), seed=st.integers(0, 2**32 - 1))
def test_never_over_budget_in_order_no_duplicates(doc_and_features, words: int, seed: int) -> None:  # type: ignore[no-untyped-def]
    doc, features = doc_and_features
    scores = np.random.default_rng(seed).random(len(doc.sentences))
    selection = select(scores, features, Budget(words))
    chosen = list(selection.indices)
    assert chosen == sorted(set(chosen))
    total = int(features.words[chosen].sum())
    if selection.over_budget:
        assert len(chosen) == 1 and total > words
        assert total == features.words[features.candidate].min()
    else:
        assert 0 < total <= words
    assert all(doc.sentences[i].candidate for i in chosen)


def test_sentence_budget(doc_and_features) -> None:  # type: ignore[no-untyped-def]
    doc, features = doc_and_features
    scores = -np.arange(len(doc.sentences), dtype=float)
    selection = select(scores, features, Budget(words=None, sentences=3), redundancy=1.0)
    candidates = [s.index for s in doc.sentences if s.candidate]
    assert list(selection.indices) == candidates[:3]


def test_budget_is_filled_with_shorter_sentences(doc_and_features) -> None:  # type: ignore[no-untyped-def]
    _, features = doc_and_features
    scores = features.words.astype(float)  # longest first: a greedy stop would leave the budget half empty
    selection = select(scores, features, Budget(150), redundancy=1.0)
    used = int(features.words[list(selection.indices)].sum())
    smallest = int(features.words[features.candidate].min())
    assert 150 - used < smallest


def test_redundant_sentences_are_skipped(doc_and_features) -> None:  # type: ignore[no-untyped-def]
    doc, features = doc_and_features
    sim = features.similarity_block(slice(None))
    i, j = np.unravel_index(np.argmax(np.where(np.outer(features.candidate, features.candidate), sim, 0)), sim.shape)
    assert sim[i, j] > 0.5
    scores = np.zeros(len(doc.sentences))
    scores[[i, j]] = [2.0, 1.9]
    chosen = select(scores, features, Budget(200), redundancy=0.5).indices
    assert i in chosen and j not in chosen


def test_budget_validation() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        Budget(0)
    with pytest.raises(ValueError, match="needs a word limit"):
        Budget(None, None)
    with pytest.raises(ValueError, match="whole number"):
        Budget(12.5)  # type: ignore[arg-type]


@settings(max_examples=40, deadline=None)
@given(words=st.integers(60, 300), seed=st.integers(0, 2**32 - 1))
def test_kept_sentences_stay_and_the_rest_of_the_budget_is_filled(doc_and_features, words: int, seed: int) -> None:  # type: ignore[no-untyped-def]
    """`keep` (the reranker's candidate): those sentences are in the selection, and greedy selection
    fills what they leave exactly as it would continue from them."""
    doc, features = doc_and_features
    rng = np.random.default_rng(seed)
    scores = rng.random(len(doc.sentences))
    candidates = np.flatnonzero(features.candidate)
    short = candidates[features.words[candidates] <= words // 3]
    keep = tuple(sorted(int(i) for i in rng.choice(short, size=min(2, len(short)), replace=False)))
    selection = select(scores, features, Budget(words), redundancy=1.0, keep=keep)
    chosen = list(selection.indices)
    assert set(keep) <= set(chosen) and chosen == sorted(set(chosen))
    used = int(features.words[chosen].sum())
    assert used <= words
    left_out = [i for i in candidates if i not in chosen]
    assert all(features.words[i] > words - used for i in left_out), "a sentence that fits was left out"
    # The same as greedy selection when the kept sentences are the ones it would take first.
    boosted = scores.copy()
    boosted[list(keep)] = 2.0
    assert selection.indices == select(boosted, features, Budget(words), redundancy=1.0).indices


def _greedy_one_at_a_time(scores, features, budget: Budget, redundancy: float) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    """The greedy rule as it read before the block check: one similarity product per candidate."""
    chosen: list[int] = []
    used = 0
    candidates = np.flatnonzero(features.candidate)
    for i in candidates[np.argsort(-scores[candidates], kind="stable")]:
        if (budget.sentences is not None and len(chosen) >= budget.sentences) or used >= (budget.words or 10**9):
            break
        if used + features.words[i] > (budget.words or 10**9):
            continue
        if chosen and features.similarity_to_rows(int(i), chosen).max() > redundancy:
            continue
        chosen.append(int(i))
        used += int(features.words[i])
    return tuple(sorted(chosen))


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), words=st.integers(20, 2000), redundancy=st.sampled_from([0.05, 0.2, 0.5, 0.9]))
def test_the_block_redundancy_check_chooses_as_one_check_per_candidate(  # type: ignore[no-untyped-def]
    doc_and_features, seed: int, words: int, redundancy: float
) -> None:
    # Low thresholds reject most candidates, so blocks grow and are recomputed after each choice.
    _, features = doc_and_features
    scores = np.random.default_rng(seed).random(features.n)
    budget = Budget(words)
    expected = _greedy_one_at_a_time(scores, features, budget, redundancy)
    assert select(scores, features, budget, redundancy=redundancy).indices == expected


def test_a_long_text_of_one_repeated_sentence_is_checked_in_few_products(monkeypatch: pytest.MonkeyPatch) -> None:
    # 5,000 copies of one sentence (past the dense similarity window): every candidate after the
    # first is redundant, and each used to cost a sparse product of its own (25,000 took 11 s).
    text = "The sample was collected in the field and stored at four degrees. " * 5000
    article = Article("repeated", text, (0, len(text)), "", "")
    doc = build_document(article, lang="en")
    features = compute_features(doc)
    products = []
    original = type(features).highest_similarity

    def counted(self, rows, others):  # type: ignore[no-untyped-def]
        products.append(len(rows))
        return original(self, rows, others)

    monkeypatch.setattr(type(features), "highest_similarity", counted)
    selection = select(np.zeros(features.n), features, Budget(200))
    assert len(selection.indices) == 1  # the rest repeat it
    assert sum(products) >= features.n - 1 and len(products) <= 12


@pytest.mark.parametrize("window", [2000, 30])
def test_whole_text_budgets_choose_as_one_check_per_candidate(  # type: ignore[no-untyped-def]
    doc_and_features, monkeypatch: pytest.MonkeyPatch, window: int
) -> None:
    # Budgets that choose most of the text: the rest of a block meets each sentence chosen in it
    # through the block's own cosines, with the dense cosines (window 2000) and the sparse products
    # of a long text (window 30); `keep` starts the choice, and `sentences` ends it early.
    from synopsis import features as features_module

    monkeypatch.setattr(features_module, "GRAPH_WINDOW", window)
    doc, _ = doc_and_features
    features = compute_features(doc)
    assert (features._similarity is None) == (features.n > window)
    rng = np.random.default_rng(window)
    for _ in range(30):
        scores = rng.random(features.n)
        budget = Budget(int(rng.integers(50, 20000)), None if rng.random() < 0.5 else int(rng.integers(1, features.n)))
        redundancy = float(rng.choice([0.05, 0.2, 0.5, 0.9, 0.99]))
        expected = _greedy_one_at_a_time(scores, features, budget, redundancy)
        assert select(scores, features, budget, redundancy=redundancy).indices == expected
        fits = np.flatnonzero(features.candidate & (features.words <= budget.words))
        first = int(fits[np.argmax(scores[fits])])  # the greedy's first choice
        kept = select(scores, features, budget, redundancy=redundancy, keep=[first]).indices
        assert first in kept and kept == expected
