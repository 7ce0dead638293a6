"""The classic suite (LexRank, LSA, Luhn, SumBasic, KLSum): each behaves as its paper says.

The generic contract (deterministic, within budget, no duplicates, document order) runs over every
registered method in test_methods.py; here each method is checked on what makes it that method,
on small constructed documents and on real dev articles.
"""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest

from synopsis.errors import MethodError
from synopsis.features import Features, compute_features
from synopsis.pipeline import build_document, summarize_document
from synopsis.scorers import METHODS, get_method
from synopsis.scorers.graph import pagerank
from synopsis.scorers.lexrank import lexrank_weights
from synopsis.scorers.lsa import term_sentence_matrix, top_singular
from synopsis.scorers.luhn import cluster_scores
from synopsis.scorers.pool import pool
from synopsis.types import Article, Budget, Document

CLASSIC = ("lexrank", "lexrank-threshold", "lsa", "luhn", "sumbasic", "klsum")


def make_document(sentences: list[str]) -> Document:
    """One sentence per paragraph, so the segmenter cannot merge two of them."""
    text = "\n\n".join(sentences)
    doc = build_document(Article("constructed", text, (0, len(text))))
    assert [s.text for s in doc.sentences] == sentences and all(s.candidate for s in doc.sentences)
    return doc


@pytest.fixture(scope="module")
def documents(dev_sample: list[dict[str, str]]) -> list[Document]:
    return [
        build_document(Article(r["id"], r["full_text"], (0, len(r["full_text"])), r["title"], r["abstract"])) for r in dev_sample
    ]


def test_the_classic_suite_is_registered() -> None:
    assert set(CLASSIC) <= set(METHODS)
    assert METHODS["lexrank"].scorer is METHODS["lexrank-threshold"].scorer, "variants are settings of one function"
    assert METHODS["lexrank"].params["threshold"] is None
    assert METHODS["lexrank-threshold"].params["threshold"] == 0.1


@pytest.mark.parametrize("method", CLASSIC)
def test_non_candidates_never_outrank_candidates(documents: list[Document], method: str) -> None:
    for doc in documents:
        features = compute_features(doc)
        scores = get_method(method).score(doc, features)
        if features.candidate.all() or not features.candidate.any():
            continue
        assert scores[~features.candidate].max() <= scores[features.candidate].min(), doc.id
        summary = summarize_document(doc, method=method, budget=Budget(200), features=features)
        assert 150 <= summary.words <= 200, f"{doc.id}: a 200-word budget should be nearly filled"


@pytest.mark.parametrize("method", ["lexrank", "lexrank-threshold", "lsa", "luhn"])
def test_sentence_scorers_choose_distinct_sentences(documents: list[Document], method: str) -> None:
    """Methods that score sentences one by one rank near-copies together; their selection setting
    keeps any two chosen sentences below 0.3 cosine."""
    for doc in documents[::2]:
        features = compute_features(doc)
        chosen = [s.index for s in summarize_document(doc, method=method, features=features).sentences]
        assert features.similarity_block(np.array(chosen)).max() <= 0.3, doc.id


# --------------------------------------------------------------------------- LexRank


def test_lexrank_ranks_the_hub_sentence_first() -> None:
    hub = "Graph centrality ranks sentences by similarity to many other sentences in the article."
    doc = make_document(
        [
            "Centrality measures appear in social networks and citation studies alike.",
            hub,
            "Similarity between sentences is measured by the cosine of their word vectors.",
            "The article describes how many summaries are built from ranked sentences.",
            "Weather stations recorded heavy rainfall over the northern valley yesterday.",
        ]
    )
    features = compute_features(doc)
    for method in ("lexrank", "lexrank-threshold"):
        scores = get_method(method).score(doc, features)
        assert int(np.argmax(scores)) == 1, method
        assert int(np.argmin(scores)) == 4, method


def test_threshold_lexrank_is_pagerank_of_the_degree_normalised_graph(documents: list[Document]) -> None:
    """p = (1 - d)/N + d B^T p with B[i, j] = 1/deg(i) for each neighbour j (cosine > 0.1),
    solved directly; an isolated sentence jumps anywhere (B's row is uniform)."""
    doc = documents[1]
    features = compute_features(doc)
    rows = pool(features)
    adjacency = (features.similarity_block(rows) > 0.1).astype(float)
    n = rows.size
    degree = adjacency.sum(axis=1)
    transition = np.where(degree[:, None] > 0, adjacency / np.maximum(degree, 1)[:, None], 1.0 / n)
    d = 0.85
    expected = np.linalg.solve(np.eye(n) - d * transition.T, np.full(n, (1 - d) / n))
    scores = get_method("lexrank-threshold").score(doc, features)[rows]
    np.testing.assert_allclose(scores / scores.sum(), expected / expected.sum(), atol=2e-6)


def test_threshold_lexrank_ignores_how_similar_neighbours_are() -> None:
    """Only whether a cosine clears the threshold matters; continuous LexRank uses the value."""
    similarity = np.array([[0, 0.9, 0.2, 0], [0.9, 0, 0, 0.15], [0.2, 0, 0, 0.5], [0, 0.15, 0.5, 0]])
    flattened = np.where(similarity > 0.1, 0.3, 0.0)
    binary = pagerank(lexrank_weights(similarity, threshold=0.1))
    assert pagerank(lexrank_weights(flattened, threshold=0.1)) == pytest.approx(binary)
    assert pagerank(lexrank_weights(similarity, threshold=None)) != pytest.approx(binary)


# --------------------------------------------------------------------------- LSA


def test_lsa_prefers_the_main_topic() -> None:
    main = [
        "Protein folding kinetics depend on temperature and solvent viscosity in our experiments.",
        "We measured protein folding kinetics at several temperatures with stopped flow methods.",
        "Solvent viscosity slows protein folding kinetics, as the temperature series confirms.",
        "The folding rate of each protein varied with temperature and with solvent viscosity.",
        "Protein folding kinetics, temperature and solvent viscosity together explain the folding rate.",
    ]
    minor = [
        "The city council approved a new budget for public parks and gardens.",
        "Public parks and gardens will receive the new budget from the city council.",
    ]
    doc = make_document(main[:3] + minor[:1] + main[3:] + minor[1:])
    features = compute_features(doc)
    scores = get_method("lsa").score(doc, features)
    on_topic = [doc.sentences.index(s) for s in doc.sentences if "protein" in s.text.lower() or "folding" in s.text.lower()]
    off_topic = [i for i in range(len(doc.sentences)) if i not in on_topic]
    assert len(on_topic) == 5 and len(off_topic) == 2
    assert scores[on_topic].min() > scores[off_topic].max()


def test_lsa_keeps_every_dimension_above_the_ratio() -> None:
    """Two equally strong topics with no shared word: both dimensions clear the ratio, so both topics
    score alike; capped at one dimension, only one topic scores."""
    doc = make_document(
        [
            "Glaciers retreat quickly under warmer alpine summers.",
            "Under warmer alpine summers, glaciers retreat quickly.",
            "Medieval scribes copied psalters onto costly vellum.",
            "Onto costly vellum, medieval scribes copied psalters.",
        ]
    )
    features = compute_features(doc)
    both = get_method("lsa").score(doc, features)
    assert both == pytest.approx(np.full(4, both[0])) and both[0] > 0
    one = get_method("lsa").score(doc, features, max_dimensions=1)
    assert sorted(one.round(9)) == [0.0, 0.0, pytest.approx(both[0]), pytest.approx(both[0])]


def test_randomized_svd_matches_the_exact_one(documents: list[Document]) -> None:
    for doc in documents[::3]:
        features = compute_features(doc)
        matrix = term_sentence_matrix(features.counts[pool(features)], weighting="binary")
        assert matrix.shape[0] > 20, "long enough for the randomized path"
        sigma, left = top_singular(matrix, 10)
        # Exact reference: eigenvectors of A A^T are A's left singular vectors, eigenvalues sigma^2.
        eigenvalues, vectors = np.linalg.eigh((matrix @ matrix.T).toarray())
        np.testing.assert_allclose(sigma[:3], np.sqrt(eigenvalues[::-1][:3]), rtol=1e-3)
        # Singular vectors are defined up to sign.
        np.testing.assert_allclose(np.abs(left[:, 0]), np.abs(vectors[:, -1]), atol=1e-3)


def test_lsa_entropy_weight_mutes_evenly_spread_terms() -> None:
    from scipy import sparse

    # Term 0 in every sentence once (entropy log n: weight 0); term 1 in one sentence (weight 1).
    counts = sparse.csr_matrix(np.array([[1, 2], [1, 0], [1, 0], [1, 0]], dtype=float))
    weights = term_sentence_matrix(counts, weighting="entropy").toarray()
    assert weights[:, 0] == pytest.approx(np.zeros(4))
    assert weights[0, 1] == pytest.approx(1.0) and weights[1:, 1].sum() == 0
    assert term_sentence_matrix(counts, weighting="binary").toarray()[0].tolist() == [1.0, 1.0]
    assert term_sentence_matrix(counts, weighting="tf").toarray()[0].tolist() == [1.0, 2.0]


def test_lsa_rejects_an_unknown_weighting(documents: list[Document]) -> None:
    with pytest.raises(MethodError, match="no weighting 'idf'"):
        summarize_document(documents[0], method="lsa", weighting="idf")


# --------------------------------------------------------------------------- Luhn


def test_luhn_cluster_score_is_significant_squared_over_span() -> None:
    # Sentence 0: significant words at 0, 2 (one word between) and 8 (five words after 2: a new
    # cluster with gap 4). Clusters: {0, 2} -> 2^2 / 3; {8} -> 1. Sentence 1: nothing significant.
    owner = np.array([0] * 9 + [1] * 3)
    significant = np.array([1, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0], dtype=bool)
    assert cluster_scores(owner, significant, 2, gap=4) == pytest.approx([4 / 3, 0.0])
    # With a gap of 5 the three words form one cluster: 3^2 / 9.
    assert cluster_scores(owner, significant, 2, gap=5) == pytest.approx([1.0, 0.0])
    # A cluster never spans two sentences.
    across = np.array([0, 0, 1, 1])
    assert cluster_scores(across, np.array([0, 1, 1, 0], dtype=bool), 2, gap=4) == pytest.approx([1.0, 1.0])


def test_luhn_prefers_dense_clusters_of_frequent_words() -> None:
    doc = make_document(
        [
            "Neural network training needs careful tuning of the learning rate schedule.",
            "A neural network with a good learning rate converges within few epochs.",
            "Training a neural network is cheaper when the learning rate decays smoothly.",
            "Neural network learning rate training works best with warm restarts here.",
            "Neural models in this old and very well known and often cited study ignore any rate.",
            "The museum opened a new exhibition of medieval manuscripts last week.",
        ]
    )
    features = compute_features(doc)
    scores = get_method("luhn").score(doc, features, top=0.2)
    dense, sparse_, unrelated = 3, 4, 5
    assert scores[dense] > scores[sparse_] > scores[unrelated] == 0.0


# --------------------------------------------------------------------------- SumBasic and KLSum


def greedy_order(scores: np.ndarray, features: Features, picks: int) -> list[int]:
    rows = pool(features)
    return [int(i) for i in rows[np.argsort(-scores[rows], kind="stable")][:picks]]


def test_sumbasic_second_pick_avoids_the_words_of_the_first() -> None:
    doc = make_document(
        [
            "Soil moisture governs harvests in arid plains.",
            "Soil moisture governs harvests in arid valleys.",
            "Irrigation timing decides outcomes on sandy farms.",
            "Irrigation timing shapes profits for small growers.",
            "Soil moisture sensors were read every morning.",
            "Irrigation timing tables were printed for each district.",
            "Soil moisture maps were drawn for every field.",
        ]
    )
    features = compute_features(doc)
    for top_word in (True, False):
        scores = get_method("sumbasic").score(doc, features, top_word=top_word)
        first, second = greedy_order(scores, features, 2)
        assert first in (0, 1), "the first pick is made of the most frequent words"
        assert second in (2, 3, 5), "its words are squared down, so its near-copy does not come next"


def _terms(features: Features) -> dict[int, list[int]]:
    """Each pooled sentence's terms (column ids, repeated as often as they occur), if it has any."""
    counts = features.counts
    out = {}
    for i in pool(features):
        start, end = counts.indptr[i], counts.indptr[i + 1]
        terms = [int(t) for t, c in zip(counts.indices[start:end], counts.data[start:end], strict=True) for _ in range(int(c))]
        if terms:
            out[int(i)] = terms
    return out


def _naive_sumbasic(features: Features, picks: int) -> list[int]:
    tokens = _terms(features)
    counts = Counter(t for i in tokens for t in tokens[i])
    total = sum(counts.values())
    probability = {t: c / total for t, c in counts.items()}
    order: list[int] = []
    for _ in range(picks):
        open_ = [i for i in tokens if i not in order]
        # The most probable word still available (ties: the first column of the vocabulary).
        top = max((t for i in open_ for t in tokens[i]), key=lambda t: (probability[t], -t))
        holders = [i for i in open_ if top in tokens[i]]
        best = max(holders, key=lambda i: sum(probability[t] for t in tokens[i]) / len(tokens[i]))
        order.append(best)
        for t in set(tokens[best]):
            probability[t] **= 2
    return order


def _naive_klsum(features: Features, picks: int, smoothing: float) -> list[int]:
    tokens = _terms(features)
    counts = Counter(t for i in tokens for t in tokens[i])
    total = sum(counts.values())
    article = {t: c / total for t, c in counts.items()}
    summary: Counter[int] = Counter()
    order: list[int] = []

    def divergence(candidate: int) -> float:
        joint = summary + Counter(tokens[candidate])
        size = sum(joint.values()) + smoothing * len(article)
        return sum(p * math.log(p / ((joint[t] + smoothing) / size)) for t, p in article.items())

    for _ in range(picks):
        best = min((i for i in tokens if i not in order), key=divergence)
        order.append(best)
        summary.update(tokens[best])
    return order


@pytest.mark.slow
def test_sumbasic_and_klsum_follow_their_greedy_definitions(documents: list[Document]) -> None:
    """The vectorised loops pick what the textbook definitions pick, on real articles."""
    for doc in documents[::2]:
        features = compute_features(doc)
        sumbasic = get_method("sumbasic").score(doc, features)
        assert greedy_order(sumbasic, features, 5) == _naive_sumbasic(features, 5), doc.id
        klsum = get_method("klsum").score(doc, features)
        assert greedy_order(klsum, features, 4) == _naive_klsum(features, 4, METHODS["klsum"].params["smoothing"]), doc.id


def test_the_word_cap_only_shortens_the_greedy_ranking(documents: list[Document]) -> None:
    doc = documents[4]
    features = compute_features(doc)
    for method in ("sumbasic", "klsum"):
        full = greedy_order(get_method(method).score(doc, features), features, 30)
        capped = get_method(method).score(doc, features, max_words=60)
        picks = int(np.searchsorted(np.cumsum(features.words[full]), 60)) + 1
        assert greedy_order(capped, features, picks) == full[:picks], method
        # After the cap the rest are ordered by the method's last view, not picked greedily.
        assert greedy_order(capped, features, 30) != full, method


def test_klsum_second_pick_brings_new_words() -> None:
    doc = make_document(
        [
            "Coral reefs bleach when ocean water warms beyond normal summer levels.",
            "Coral reefs bleach when ocean water warms during strong summer heat.",
            "Fishing pressure and coastal pollution weaken reef fish populations too.",
            "Coral reefs and ocean warming dominate this survey of reef fish and pollution.",
        ]
    )
    features = compute_features(doc)
    scores = get_method("klsum").score(doc, features)
    first, second = greedy_order(scores, features, 2)
    assert {first, second} != {0, 1}, "two near-copies bring the summary no closer to the article"
