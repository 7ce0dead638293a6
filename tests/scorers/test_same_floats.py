"""The numpy fast paths of the default method give the very floats of the scipy and numpy code they
replaced (issue 19): the summaries of every method stay byte-identical only if each later sum reads
the same values in the same order. Each test computes the replaced formula here and compares bits."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from synopsis.features import Features, compute_features
from synopsis.scipy_sparse import sparse
from synopsis.scorers import structure
from synopsis.scorers.bigrams import _stemmed, _tokens, document_bigrams
from synopsis.scorers.cues import digit_density
from synopsis.scorers.graph import overlap_similarity, pagerank, textrank
from synopsis.scorers.learned import _lexicon_scores, load_model
from synopsis.scorers.phrases import phrase_grams, phrase_norm
from synopsis.scorers.summary import _pair_max
from synopsis.tokens import joined, numbered
from synopsis.types import Document, Section, Sentence


def _scipy_centroids(features: Features) -> sparse.csr_matrix:
    """HipoRank's section centroids as scipy made them: indicator product, scipy's row normalisation."""
    labels, members = np.unique(features.section, return_inverse=True)
    indicator = sparse.csr_matrix((np.ones(features.n), (members, np.arange(features.n))), shape=(labels.size, features.n))
    summed = sparse.csr_matrix(indicator @ features.tfidf)
    norms = np.sqrt(np.asarray(summed.multiply(summed).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ summed).T.tocsc()


@pytest.mark.parametrize("dense", [True, False])
def test_section_centroids_are_scipys_to_the_last_bit(documents, dense: bool, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    if not dense:  # the scipy path of a text with too many sections x terms for the dense table
        monkeypatch.setattr(structure, "DENSE_CENTROID_CELLS", 0)
    for _, features, _ in documents:
        labels, members = np.unique(features.section, return_inverse=True)
        found = structure.centroids_by_term(features.tfidf, members, labels.size)
        expected = _scipy_centroids(features)
        assert found.toarray().tobytes() == expected.toarray().tobytes()
        # What HipoRank reads: each sentence's similarity to each section, the same sums in the same order.
        assert (features.tfidf @ found).toarray().tobytes() == (features.tfidf @ expected).toarray().tobytes()


def test_section_centroids_of_one_sentence_sections_are_scipys_to_the_last_bit() -> None:
    # One sentence per section: scipy's product leaves every row's columns increasing, and its
    # element-wise square then sums them in that order, not in the order of first occurrence.
    rng = np.random.default_rng(1)
    words = [f"term{a}{b}" for a in "abcdefghij" for b in "abcdefghij"]
    differ = 0
    for _ in range(60):
        texts = [" ".join(rng.choice(words, 20)) + "." for _ in range(4)]
        sentences = tuple(Sentence(i, text, 0, len(text), i, 0) for i, text in enumerate(texts))
        sections = tuple(Section(i, "", "introduction", i, i) for i in range(4))
        features = compute_features(Document("d", " ".join(texts), "", "", sentences, sections))
        found = structure.centroids_by_term(features.tfidf, np.arange(4), 4)
        differ += found.toarray().tobytes() != _scipy_centroids(features).toarray().tobytes()
    assert differ == 0


def test_overlap_similarity_of_all_rows_is_that_of_the_rows_listed(documents) -> None:  # type: ignore[no-untyped-def]
    for _, features, _ in documents:
        rows = np.arange(features.n)
        binary = features.binary[rows]
        shared = (binary @ binary.T).toarray()
        lengths = np.log(np.maximum(np.asarray(binary.sum(axis=1)).ravel(), 1.0) + 1.0)
        denominator = lengths[:, None] + lengths[None, :]
        expected = np.divide(shared, denominator, out=np.zeros_like(shared), where=denominator > 0)
        np.fill_diagonal(expected, 0.0)
        assert overlap_similarity(features).tobytes() == expected.tobytes()
        assert overlap_similarity(features, rows).tobytes() == expected.tobytes()
        assert overlap_similarity(features, rows[::-1]).tobytes() == expected[::-1, ::-1].tobytes()  # a listed order is kept


def _masked_pagerank(weights: np.ndarray, damping: float = 0.85, tol: float = 1e-6) -> np.ndarray:
    """PageRank as written before: a masked division, the dangling rows' jump added every step."""
    n = weights.shape[0]
    out = weights.sum(axis=1)
    dangling = out == 0
    transition = np.divide(weights, out[:, None], out=np.zeros_like(weights), where=~dangling[:, None])
    rank = np.full(n, 1.0 / n)
    for _ in range(200):
        new = damping * (rank @ transition + rank[dangling].sum() / n) + (1.0 - damping) / n
        if np.abs(new - rank).sum() < tol:
            return new
        rank = new
    return rank


def test_pagerank_with_and_without_dangling_rows_is_the_masked_division(documents) -> None:  # type: ignore[no-untyped-def]
    rng = np.random.default_rng(5)
    weights = rng.random((12, 12)) * (rng.random((12, 12)) < 0.3)
    weights[[2, 7]] = 0.0  # dangling rows: they jump anywhere
    assert pagerank(weights).tobytes() == _masked_pagerank(weights).tobytes()
    assert pagerank(weights + 0.01).tobytes() == _masked_pagerank(weights + 0.01).tobytes()
    doc, features, _ = documents[0]
    assert textrank(doc, features, damping=0.85).tobytes() == _masked_pagerank(overlap_similarity(features)).tobytes()


def _one_sentence(text: str) -> Document:
    return Document("d", text, "", "", (Sentence(0, text, 0, len(text), 0, 0),), (Section(0, "", "introduction", 0, 0),))


def test_lexicon_scores_are_scipys_sparse_mean_and_max(documents) -> None:  # type: ignore[no-untyped-def]
    lexicon = load_model().lexicon
    cases = [features for _, features, _ in documents]
    # A sentence holding the whole vocabulary has no implicit 0 in its row: its max may be negative.
    cases.append(compute_features(_one_sentence("Proteins fold slowly in cold water.")))
    negative = {stem: -1.0 - i for i, stem in enumerate(cases[-1].vocabulary)}
    for features in cases:
        for weights_of in (lexicon, negative):
            weights = np.array([weights_of.get(stem, 0.0) for stem in features.vocabulary])
            counts = features.counts
            mean = np.asarray(counts @ weights).ravel() / np.maximum(np.asarray(counts.sum(axis=1)).ravel(), 1.0)
            maximum = np.asarray(features.binary.multiply(weights).tocsr().max(axis=1).toarray()).ravel()
            found = _lexicon_scores(features, weights_of)
            assert found[0].tobytes() == mean.tobytes() and found[1].tobytes() == maximum.tobytes()
    assert _lexicon_scores(cases[-1], negative)[1].tolist() == [-1.0]


def test_pair_max_is_the_largest_entry_of_each_candidates_block() -> None:
    rng = np.random.default_rng(11)
    similarity = rng.random((7, 7))  # not symmetric: the larger of (i, j) and (j, i) counts, as over the block
    np.fill_diagonal(similarity, 0.0)
    members = rng.random((40, 7)) < 0.35
    members[0] = False
    members[1] = [True, False, False, False, False, False, False]
    expected = np.where(members[:, :, None] & members[:, None, :], similarity[None], 0.0).max(axis=(1, 2))
    assert _pair_max(members, similarity).tobytes() == expected.tobytes()
    assert _pair_max(members, similarity)[:2].tolist() == [0.0, 0.0]


def test_document_bigrams_number_stems_as_numbered_tokens_did(documents) -> None:  # type: ignore[no-untyped-def]
    for doc, _, _ in documents:
        tokens = numbered(_tokens(joined([s.text for s in doc.sentences]), "en"))
        stems = _stemmed(list(tokens.numbers), "en")
        number = {stem: i for i, stem in enumerate(dict.fromkeys(stems))}
        ids = np.fromiter(map(number.__getitem__, stems), dtype=np.int64, count=len(stems))[tokens.tokens]
        same = tokens.text[1:] == tokens.text[:-1]
        width = max(1, len(number))
        types, kind = np.unique((ids[:-1] * width + ids[1:])[same], return_inverse=True)
        found = document_bigrams(doc)
        assert found.words == tuple(number) and found.index == number
        assert found.pairs.tolist() == np.stack([types // width, types % width], axis=1).tolist()
        assert found.kind.tolist() == kind.ravel().tolist() and found.sentence.tolist() == tokens.text[1:][same].tolist()


def test_phrase_model_sums_each_sentences_terms_in_order_of_first_use(documents) -> None:  # type: ignore[no-untyped-def]
    model = load_model().phrases
    assert model is not None
    for doc, _, _ in documents:
        texts = [s.text for s in doc.sentences]
        expected = []
        for text in texts:
            counts = Counter(phrase_grams(text))
            total = 0.0
            for gram, count in counts.items():
                weight = model.weights.get(gram, 0.0)
                if weight:
                    total += count * weight
            norm = phrase_norm(counts)
            expected.append(model.intercept + total / norm if norm else model.intercept)
        assert model.predict(texts).tolist() == expected


def test_digit_density_with_the_word_counts_given_is_the_same(documents) -> None:  # type: ignore[no-untyped-def]
    for doc, features, _ in documents:
        assert digit_density(doc, features.words).tobytes() == digit_density(doc).tobytes()
