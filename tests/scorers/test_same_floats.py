"""The numpy fast paths of the default method give the very floats of the scipy and numpy code they
replaced (issue 19): the summaries of every method stay byte-identical only if each later sum reads
the same values in the same order. Each test computes the replaced formula here and compares bits."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import repeat

import numpy as np
import pytest

from synopsis.features import Features, compute_features
from synopsis.scipy_sparse import sparse
from synopsis.scorers import structure
from synopsis.scorers.bigrams import _stemmed, _tokens, document_bigrams
from synopsis.scorers.cues import digit_density
from synopsis.scorers.graph import overlap_similarity, pagerank, textrank
from synopsis.scorers.learned import _lexicon_scores, load_model
from synopsis.scorers.phrases import PhraseModel, phrase_grams, phrase_norm
from synopsis.scorers.pieces import document_pieces
from synopsis.scorers.summary import _pair_max
from synopsis.scorers.words import FLOOR_SCORE, stems_by_column, word_feature_names, word_features
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
        assert isinstance(found, np.ndarray) == dense  # a dense table up to DENSE_CENTROID_CELLS
        assert _dense(found).tobytes() == expected.toarray().tobytes()
        # What HipoRank reads: each sentence's similarity to each section, the same sums in the same
        # order (scipy's product with the dense table adds a zero where the sparse one skips it).
        assert _dense(features.tfidf @ found).tobytes() == (features.tfidf @ expected).toarray().tobytes()


def _dense(matrix: np.ndarray | sparse.csr_matrix) -> np.ndarray:
    return matrix.toarray() if sparse.issparse(matrix) else np.asarray(matrix)


def test_hiporank_is_that_of_scipys_sparse_centroids(documents, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    # HipoRank as it was: sentence-to-section similarities from a sparse centroid matrix (the same
    # values, tested above), a sparse product made dense. One-sentence and empty sentences, one
    # sentence per section, a single section (no section graph).
    cases = [(doc, features) for doc, features, _ in documents]
    texts = ["Parsers parse trees.", "Trees grow slowly.", "", "Parsers grow too.", "Naïve ß-trees."]
    for sections in ([0, 1, 2, 3, 4], [0, 0, 0, 0, 0], [0, 0, 1, 1, 2]):
        sentences = tuple(Sentence(i, text, 0, len(text), s, 0) for i, (text, s) in enumerate(zip(texts, sections, strict=True)))
        last = {s: i for i, s in enumerate(sections)}
        heads = tuple(Section(s, "", "introduction", sections.index(s), last[s]) for s in sorted(set(sections)))
        doc = Document("d", " ".join(texts), "", "", sentences, heads)
        cases.append((doc, compute_features(doc)))
    found = [structure.hiporank(doc, features, **structure.HIPORANK_PARAMS) for doc, features in cases]
    monkeypatch.setattr(structure, "DENSE_CENTROID_CELLS", 0)  # scipy's sparse centroids and sparse product
    for (doc, features), new in zip(cases, found, strict=True):
        assert new.tobytes() == structure.hiporank(doc, features, **structure.HIPORANK_PARAMS).tobytes()


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
        differ += _dense(found).tobytes() != _scipy_centroids(features).toarray().tobytes()
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


def _counter_prediction(model: PhraseModel, text: str, lang: str = "en") -> float:
    """The phrase model's prediction of one text, term by term over its `Counter` of n-grams."""
    counts = Counter(phrase_grams(text, lang))
    total = 0.0
    for gram, count in counts.items():
        weight = model.weights.get(gram, 0.0)
        if weight:
            total += count * weight
    norm = phrase_norm(counts)
    return model.intercept + total / norm if norm else model.intercept


# Glued to the model's words: a curly quote, an accent, an underscore, a no-break space, a dotted
# capital I (two code points lower-cased), a Kelvin sign (ASCII "k" lower-cased), CJK, a digit run.
_GLUE = ["\u2019", "\u00e9", "_", "\u00a0", "\u0130", "\u212a", "\u4e2d", "2_0", "-", "\x00"]


def _glued(texts: list[str], rng: np.random.Generator) -> list[str]:
    """The texts with a tenth of their spaces replaced by `_GLUE` characters."""
    out = []
    for text in texts:
        parts = text.split(" ")
        out.append("".join(p + (str(rng.choice(_GLUE)) if rng.random() < 0.1 else " ") for p in parts[:-1]) + parts[-1])
    return out


def test_phrase_model_sums_each_sentences_terms_in_order_of_first_use(documents) -> None:  # type: ignore[no-untyped-def]
    model = load_model().phrases
    assert model is not None
    rng = np.random.default_rng(7)
    for doc, features, _ in documents:
        texts = [s.text for s in doc.sentences]
        expected = [_counter_prediction(model, text) for text in texts]
        assert model.predict(texts).tolist() == expected
        # From the word pieces the bigram model reads too (cut once per document): the same floats.
        assert model.predict(texts, "en", document_pieces(doc, features)).tolist() == expected
        glued = _glued(texts, rng)
        assert model.predict(glued).tolist() == [_counter_prediction(model, text) for text in glued]
    # Repeats, texts without tokens, a model bigram spanning two texts (not counted), none at all.
    for texts in (["In this paper we show that we show.", "", "In this", "paper. We propose", "!!"], ["", "\x00"], []):
        assert model.predict(texts).tolist() == [_counter_prediction(model, text) for text in texts]
    turkish = "In this paper we propose"
    assert model.predict([turkish], "tr").tolist() == [_counter_prediction(model, turkish, "tr")]


def _string_gram_combined(model: PhraseModel, texts: list[str], members: np.ndarray) -> np.ndarray:
    """`predict_combined` as written before: string n-grams, columns by first appearance, weights by name."""
    grams = [phrase_grams(text) for text in texts]
    stream = [gram for sentence in grams for gram in sentence]
    column = {gram: j for j, gram in enumerate(dict.fromkeys(stream))}
    cols = np.array([column[gram] for gram in stream], dtype=np.int64)
    rows = np.repeat(np.arange(len(texts)), [len(g) for g in grams])
    width = max(1, len(column))
    flat = np.bincount(rows * width + cols, minlength=len(texts) * width)
    counts = flat.reshape(len(texts), width)[:, : len(column)].astype(np.float64)
    weights = np.array([model.weights.get(gram, 0.0) for gram in column], dtype=np.float64)
    m = members.astype(np.float64)
    norm = np.sqrt(np.maximum(((m @ (counts @ counts.T)) * m).sum(axis=1), 0.0))
    return model.intercept + np.divide(m @ (counts @ weights), norm, out=np.zeros(len(m)), where=norm > 0)


def test_combined_phrase_predictions_are_those_of_string_grams(documents) -> None:  # type: ignore[no-untyped-def]
    model = load_model().phrases
    assert model is not None
    rng = np.random.default_rng(3)
    cases = [[s.text for s in doc.sentences[:12]] for doc, _, _ in documents]
    # Repeated sentences and n-grams, a text without tokens, a non-ASCII word, none at all.
    cases += [["In this paper we show that we show.", "", "We show that naïve parsers fail.", "In this paper."], ["", "!"], []]
    for texts in cases:
        members = rng.random((30, len(texts))) < 0.5
        found = model.predict_combined(texts, members)
        assert found.tobytes() == _string_gram_combined(model, texts, members).tobytes()


def _csc_word_facts(features: Features, z: np.ndarray) -> list[np.ndarray]:
    """The word model's per-stem sums as computed before, over a CSC copy of the counts."""
    counts = features.counts.tocsc()
    counts.sort_indices()
    held = np.diff(counts.indptr)
    rows, starts = counts.indices, counts.indptr[:-1]
    size, n = counts.shape[1], features.n
    owner = np.repeat(np.arange(size), held)
    weight = np.exp(np.clip(z, -10, 10))
    if held.min() > 0:
        first, last, z_max = rows[starts], rows[counts.indptr[1:] - 1], np.maximum.reduceat(z[rows], starts)
    else:  # a column no sentence holds
        first, last, z_max = np.full(size, n), np.zeros(size, dtype=np.int64), np.full(size, FLOOR_SCORE)
        np.minimum.at(first, owner, rows)
        np.maximum.at(last, owner, rows)
        np.maximum.at(z_max, owner, z[rows])
    return [
        np.asarray(counts.sum(axis=0)).ravel(),
        held / n,
        first / n,
        last / n,
        z_max,
        np.bincount(owner, weights=z[rows], minlength=counts.shape[1]) / np.maximum(held, 1),
        np.asarray(features.binary.T @ (weight / weight.sum())).ravel(),
    ]


def test_word_facts_are_those_of_the_csc_copy(documents) -> None:  # type: ignore[no-untyped-def]
    lexicon = load_model().lexicon
    rng = np.random.default_rng(2)
    for doc, features, _ in documents:
        ties = np.round(features.centroid_similarity, 1)  # many equal z: maxima tied across sentences
        for scores in (features.centroid_similarity, ties, rng.standard_normal(features.n)):
            x = word_features(doc, features, scores, lexicon)
            z = np.where(features.candidate, structure.standardise(scores, features.candidate), FLOOR_SCORE)
            tf, spread, first, last, z_max, z_mean, mass = _csc_word_facts(features, z)
            column = {name: j for j, name in enumerate(word_feature_names())}
            assert x[:, column["log_tf"]].tobytes() == np.log1p(tf).tobytes()
            for name, expected in (("spread", spread), ("first", first), ("last", last), ("z_max", z_max), ("z_mean", z_mean)):
                assert x[:, column[name]].tobytes() == expected.tobytes(), name
            assert x[:, column["mass"]].tobytes() == np.log(mass + 1e-6).tobytes()
            weights = np.fromiter(map(lexicon.get, stems_by_column(features), repeat(0.0)), dtype=np.float64)
            assert x[:, column["lexicon"]].tobytes() == weights.tobytes()


def test_word_facts_with_a_column_no_sentence_holds_are_those_of_the_csc_copy(documents) -> None:  # type: ignore[no-untyped-def]
    doc, features, _ = documents[0]
    counts = features.counts
    size = counts.shape[1]
    wider = sparse.csr_matrix((counts.data, counts.indices, counts.indptr), shape=(counts.shape[0], size + 1))
    unheld = replace(features, vocabulary={**features.vocabulary, "zzzz": size}, counts=wider)
    scores = np.zeros(features.n)
    scores[np.flatnonzero(features.candidate)[0]] = -100.0  # a z far below the floor, where the floor counts
    x = word_features(doc, unheld, scores, {})
    z = np.where(features.candidate, structure.standardise(scores, features.candidate), FLOOR_SCORE)
    column = {name: j for j, name in enumerate(word_feature_names())}
    for name, expected in zip(("spread", "first", "last", "z_max", "z_mean"), _csc_word_facts(unheld, z)[1:6], strict=True):
        assert x[:, column[name]].tobytes() == expected.tobytes(), name


def test_word_facts_of_a_text_without_words_are_the_floor() -> None:
    doc = _one_sentence("!!")
    features = compute_features(doc)
    x = word_features(doc, features, np.zeros(features.n), {})
    assert x.shape == (features.counts.shape[1], len(word_feature_names())) and not x.any()


def test_frequent_bigrams_are_the_first_content_types_of_the_full_sort(documents) -> None:  # type: ignore[no-untyped-def]
    for doc, _, _ in documents:
        bigrams = document_bigrams(doc)
        a, b = bigrams.pairs[:, 0], bigrams.pairs[:, 1]
        short = np.array([len(w) < 2 for w in bigrams.words])
        content = ~(bigrams.stop_word[a] | bigrams.stop_word[b] | short[a] | short[b]) & (bigrams.spread > 1)
        order = np.lexsort((np.arange(bigrams.types), bigrams.first, -bigrams.spread))
        for limit in (5, 20, 10_000):
            assert bigrams.frequent(limit).tolist() == order[content[order]][:limit].tolist()


def test_digit_density_with_the_word_counts_given_is_the_same(documents) -> None:  # type: ignore[no-untyped-def]
    for doc, features, _ in documents:
        assert digit_density(doc, features.words).tobytes() == digit_density(doc).tobytes()
