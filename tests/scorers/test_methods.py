"""Every registered method, on real dev articles: deterministic, within budget, in order."""

from __future__ import annotations

import numpy as np
import pytest
from numpy.typing import NDArray

from synopsis.errors import MethodError
from synopsis.features import Features, compute_features
from synopsis.pipeline import build_document, summarize_document
from synopsis.scorers import METHODS, get_method
from synopsis.scorers.graph import pagerank
from synopsis.types import Article, Budget, Document


@pytest.fixture(scope="module")
def documents(dev_sample: list[dict[str, str]]) -> list[Document]:
    return [
        build_document(Article(r["id"], r["full_text"], (0, len(r["full_text"])), r["title"], r["abstract"])) for r in dev_sample
    ]


@pytest.mark.parametrize("method", sorted(METHODS))
def test_method_contract(documents: list[Document], method: str) -> None:
    for doc in documents:
        first = summarize_document(doc, method=method, budget=Budget(200))
        again = summarize_document(doc, method=method, budget=Budget(200))
        assert first == again, "same input and options must give the same summary"
        indices = [s.index for s in first.sentences]
        assert indices == sorted(set(indices))
        assert 0 < first.words <= 200
        assert len({s.text for s in first.sentences}) == len(indices)
        assert all(s.candidate for s in first.sentences)
        assert all(np.isfinite(first.scores))


def test_lead_takes_the_first_candidates(documents: list[Document]) -> None:
    doc = documents[0]
    summary = summarize_document(doc, method="lead", budget=Budget(words=None, sentences=4))
    assert [s.index for s in summary.sentences] == [s.index for s in doc.sentences if s.candidate][:4]


def test_methods_differ_from_lead(documents: list[Document]) -> None:
    doc = documents[2]
    lead = summarize_document(doc, method="lead").sentences
    for method in set(METHODS) - {"lead"}:
        assert summarize_document(doc, method=method).sentences != lead, method


def test_centroid_prefers_central_sentences(documents: list[Document]) -> None:
    doc = documents[0]
    features = compute_features(doc)
    scores = get_method("centroid").score(doc, features)
    top = int(np.argmax(scores))
    # The most central sentence shares more vocabulary with the rest than the least central one.
    bottom = int(np.argmin(np.where(features.candidate, scores, np.inf)))
    everyone = np.arange(features.n)
    assert features.similarity_to_rows(top, everyone).sum() > features.similarity_to_rows(bottom, everyone).sum()


def test_pagerank_is_a_distribution_and_favours_hubs() -> None:
    weights = np.array([[0, 1, 1, 1], [1, 0, 0, 0], [1, 0, 0, 0], [1, 0, 0, 0]], dtype=float)
    rank = pagerank(weights)
    assert rank.sum() == pytest.approx(1.0)
    assert rank[0] == rank.max()
    assert pagerank(np.zeros((3, 3))) == pytest.approx(np.full(3, 1 / 3))


def test_unknown_method_and_parameter(documents: list[Document]) -> None:
    with pytest.raises(MethodError, match="unknown method 'nope'"):
        get_method("nope")
    with pytest.raises(MethodError, match="has no parameter"):
        summarize_document(documents[0], method="textrank", alpha=1)


def test_scorer_parameters_cannot_collide_with_registry_options() -> None:
    """Parameters are their own mapping: a weight may be called `requires` or `selection`."""
    from synopsis.scorers import registry

    @registry.register("test-params", description="test", params={"requires": 1.0, "selection": 2.0})
    def scorer(doc: Document, features: Features, /, *, requires: float, selection: float) -> NDArray[np.float64]:
        return np.full(features.n, requires + selection)

    try:
        method = get_method("test-params")
        assert dict(method.params) == {"requires": 1.0, "selection": 2.0}
        assert method.requires is None and dict(method.selection) == {}
    finally:
        registry._METHODS.pop("test-params")
