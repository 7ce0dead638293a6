"""The word model of the summary reranker: stem facts read off the document as computed by hand,
labels from the abstract's stems, a model that ranks the abstract's stems first on an unseen
article, and the word density it adds to the reranker's sentence scores."""

from __future__ import annotations

import json

import numpy as np
import pytest

from synopsis.features import compute_features, stem_all, tokenize
from synopsis.ingest import article_from_text
from synopsis.pipeline import build_document
from synopsis.scorers.bigrams import ExpectedBigrams, document_bigrams
from synopsis.scorers.structure import standardise
from synopsis.scorers.summary import DENSITY_PRIOR_WORDS, reranker_scores, with_bigram_density
from synopsis.scorers.words import (
    WordModel,
    fit_word_model,
    stems_by_column,
    word_feature_names,
    word_features,
    word_labels,
    word_probabilities,
)


def test_stem_facts_are_the_documents_own() -> None:
    text = (
        "Introduction\n\nParsers of treebanks are trained on news text in many settings. "
        "We study parsers of clinical notes in this paper. The weather was mild in spring.\n\n"
        "Conclusion\n\nClinical parsers need clinical treebanks, and we release them for the community."
    )
    doc = build_document(article_from_text(text, title="Parsing clinical notes"))
    features = compute_features(doc)
    scores = np.arange(len(doc.sentences), dtype=np.float64)
    x = word_features(doc, features, scores, {"parser": 2.0})
    names = stems_by_column(features)
    assert x.shape == (len(names), len(word_feature_names()))
    column = dict(zip(word_feature_names(), range(x.shape[1]), strict=True))
    parser, weather = names.index("parser"), names.index("weather")
    counts = features.counts.toarray()
    n = len(doc.sentences)
    holding = np.flatnonzero(counts[:, parser])
    assert x[parser, column["log_tf"]] == pytest.approx(np.log1p(counts[:, parser].sum()))
    assert x[parser, column["spread"]] == pytest.approx(len(holding) / n)
    assert x[parser, column["first"]] == pytest.approx(holding[0] / n)
    assert x[parser, column["last"]] == pytest.approx(holding[-1] / n)
    assert x[parser, column["lexicon"]] == 2.0 and x[parser, column["in_lexicon"]] == 1.0
    assert x[weather, column["lexicon"]] == 0.0 and x[weather, column["in_lexicon"]] == 0.0
    title = set(stem_all([tokenize("Parsing clinical notes")])[0])
    assert {names[j] for j in np.flatnonzero(x[:, column["title"]])} == title & set(names)
    assert x[names.index("clinic"), column["kind_conclusion"]] > 0 and x[weather, column["kind_conclusion"]] == 0
    labels = word_labels(features, "We parse clinical notes.")
    assert {names[j] for j in np.flatnonzero(labels)} == set(stem_all([tokenize("We parse clinical notes.")])[0]) & set(names)


def test_model_ranks_the_abstracts_stems_first_on_an_unseen_article(documents) -> None:  # type: ignore[no-untyped-def]
    """Trained on seven dev articles, the model gives the eighth's abstract stems higher
    probabilities than the rest, and the same input gives the same model."""
    scores = [f.centroid_similarity for _, f, _ in documents]
    training = [(d, f, s, a) for (d, f, a), s in zip(documents[:-1], scores[:-1], strict=True)]
    model = fit_word_model(training, {})
    assert json.dumps(model.to_json()) == json.dumps(fit_word_model(training, {}).to_json())
    doc, features, abstract = documents[-1]
    p = word_probabilities(model, doc, features, scores[-1], {})
    assert p is not None and ((p > 0) & (p < 1)).all()
    gold = word_labels(features, abstract).astype(bool)
    ranks = np.argsort(np.argsort(p))
    auc = (ranks[gold].mean() - (gold.sum() - 1) / 2) / (~gold).sum()
    assert auc > 0.7


def test_model_round_trips_through_json() -> None:
    width = len(word_feature_names())
    model = WordModel(np.linspace(-1, 1, width).round(3), np.full(width, 2.0), np.linspace(0.5, -0.5, width).round(3), -0.5)
    loaded = WordModel.from_json(json.loads(json.dumps(model.to_json())))
    x = np.random.default_rng(0).normal(size=(5, width))
    assert np.array_equal(loaded.probabilities(x), model.probabilities(x))
    with pytest.raises(Exception, match="retrain"):
        WordModel.from_json({**model.to_json(), "features": word_feature_names()[:-1]})


def test_word_density_raises_the_sentences_that_hold_the_likely_stems(documents) -> None:  # type: ignore[no-untyped-def]
    doc, features, _ = documents[1]
    scores = features.centroid_similarity
    expected = ExpectedBigrams(document_bigrams(doc), np.full(document_bigrams(doc).types, 0.1))
    chosen = int(np.flatnonzero(features.candidate)[-1])
    p = np.full(len(features.vocabulary), 0.01)
    p[features.counts[chosen].indices] = 0.9
    base = with_bigram_density(scores, features, expected, 0.5)
    assert np.array_equal(reranker_scores(scores, features, expected, 0.5, p, 0.0), base)  # weight 0: unchanged
    assert np.array_equal(reranker_scores(scores, features, expected, 0.5, None, 0.5), base)  # no model: unchanged
    blended = reranker_scores(scores, features, expected, 0.5, p, 0.5)
    density = np.asarray(features.binary @ p).ravel() / (features.words + DENSITY_PRIOR_WORDS)
    assert np.allclose(blended, base + 0.5 * standardise(density, features.candidate))
    rank = lambda values: int((values[features.candidate] > values[chosen]).sum())  # noqa: E731
    assert rank(blended) < rank(base)
