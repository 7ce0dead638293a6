"""The bigram model of the summary reranker: bigrams counted as ROUGE counts them, a model that
ranks the abstract's bigrams first, and the candidate columns built from it."""

from __future__ import annotations

import json
from itertools import pairwise
from pathlib import Path

import numpy as np
import pytest
from rouge_score.rouge_scorer import _create_ngrams
from rouge_score.tokenizers import DefaultTokenizer

from synopsis.combinations import candidate_summaries
from synopsis.ingest import article_from_text
from synopsis.pipeline import build_document, summarize_document
from synopsis.scorers.bigrams import (
    BigramModel,
    ExpectedBigrams,
    bigram_feature_names,
    candidate_columns,
    document_bigrams,
    expected_bigrams,
    fit_bigram_model,
)
from synopsis.types import Budget


def _names(bigrams, kinds) -> set[str]:  # type: ignore[no-untyped-def]
    return {f"{bigrams.words[bigrams.pairs[k, 0]]} {bigrams.words[bigrams.pairs[k, 1]]}" for k in kinds}


def test_bigrams_are_rouge_bigrams_within_sentences(documents) -> None:  # type: ignore[no-untyped-def]
    """Each sentence's bigrams are rouge-score's (its tokens; Porter stems, where PyStemmer's original
    Porter, a core dependency, and NLTK's extended one that rouge-score uses differ on a few words
    such as "using"), none spans two sentences."""
    doc, _, _ = documents[0]
    bigrams = document_bigrams(doc)
    rouge = DefaultTokenizer(use_stemmer=True)
    same = differ = 0
    for sentence in doc.sentences:
        ours = _names(bigrams, bigrams.kind[bigrams.sentence == sentence.index])
        theirs = {" ".join(gram) for gram in _create_ngrams(rouge.tokenize(sentence.text), 2)}
        same += len(ours & theirs)
        differ += len(ours ^ theirs)
    assert same > 0 and differ / same < 0.1, (same, differ)  # 193 of 2,964 on this article
    occurrences = sum(max(0, len(rouge.tokenize(s.text)) - 1) for s in doc.sentences)
    assert len(bigrams.kind) == occurrences, "one occurrence per adjacent pair inside a sentence, none across"


def test_abstract_bigrams_are_found_among_the_documents(documents) -> None:  # type: ignore[no-untyped-def]
    doc, _, abstract = documents[0]
    bigrams = document_bigrams(doc)
    found = _names(bigrams, bigrams.keys(abstract))
    abstract_bigrams = {f"{a} {b}" for a, b in pairwise(DefaultTokenizer(use_stemmer=True).tokenize(abstract))}
    document = _names(bigrams, range(bigrams.types))
    assert found, "an article shares some bigrams with its abstract"
    assert found == abstract_bigrams & document


def test_frequent_bigrams_skip_stop_words_and_one_offs(documents) -> None:  # type: ignore[no-untyped-def]
    doc, _, _ = documents[0]
    bigrams = document_bigrams(doc)
    frequent = bigrams.frequent(20)
    assert 0 < len(frequent) <= 20
    spread = bigrams.spread[frequent]
    assert (spread > 1).all() and (np.diff(spread) <= 0).all(), "most sentences first"
    for name in _names(bigrams, frequent):
        assert not {"the", "of", "and", "in", "a", "is"} & set(name.split()), name


def test_model_ranks_the_abstracts_bigrams_first_on_an_unseen_article(documents) -> None:  # type: ignore[no-untyped-def]
    """Trained on seven dev articles, the model gives the eighth's abstract bigrams higher
    probabilities than the rest (AUC well above chance), and the same input gives the same model."""
    scores = [f.centroid_similarity for _, f, _ in documents]
    training = [(d, f, s, a) for (d, f, a), s in zip(documents[:-1], scores[:-1], strict=True)]
    model = fit_bigram_model(training, {})
    again = fit_bigram_model(training, {})
    assert json.dumps(model.to_json()) == json.dumps(again.to_json())
    doc, features, abstract = documents[-1]
    expected = expected_bigrams(model, doc, features, scores[-1], {})
    assert expected.probability is not None
    gold = np.zeros(expected.bigrams.types, dtype=bool)
    gold[expected.bigrams.keys(abstract)] = True
    p = expected.probability
    ranks = np.argsort(np.argsort(p))
    auc = (ranks[gold].mean() - (gold.sum() - 1) / 2) / (~gold).sum()
    assert auc > 0.7


def test_model_round_trips_through_json() -> None:
    width = len(bigram_feature_names())
    model = BigramModel(np.linspace(-1, 1, width).round(3), np.full(width, 2.0), np.linspace(0.5, -0.5, width).round(3), -1.25)
    loaded = BigramModel.from_json(json.loads(json.dumps(model.to_json())))
    x = np.random.default_rng(0).normal(size=(5, width))
    assert np.array_equal(loaded.probabilities(x), model.probabilities(x))
    assert ((loaded.probabilities(x) > 0) & (loaded.probabilities(x) < 1)).all()


def test_candidate_columns_reward_the_likely_bigrams(documents) -> None:  # type: ignore[no-untyped-def]
    doc, features, _ = documents[1]
    scores = features.centroid_similarity
    candidates = candidate_summaries(scores, features, Budget(120), top=8, redundancy=0.5)
    bigrams = document_bigrams(doc)
    assert (candidate_columns(ExpectedBigrams(bigrams, None), candidates) == 0).all(), "no model: no evidence"
    # Only the bigrams of the first top sentence are likely: candidates holding it score higher.
    probability = np.full(bigrams.types, 0.01)
    first = candidates.sentences[0]
    probability[bigrams.kind[bigrams.sentence == first]] = 0.9
    columns = candidate_columns(ExpectedBigrams(bigrams, probability), candidates)
    holds = candidates.members[:, 0]
    assert holds.any() and (~holds).any()
    expected, recall, precision, f = columns.T
    assert expected[holds].min() > expected[~holds].max()
    assert ((recall > 0) & (recall <= 1) & (precision > 0) & (precision <= 1)).all()
    assert f[holds].mean() > f[~holds].mean()


def test_per_sentence_counts_each_likely_bigram_type_once_per_sentence(documents) -> None:  # type: ignore[no-untyped-def]
    doc, _, _ = documents[0]
    bigrams = document_bigrams(doc)
    assert ExpectedBigrams(bigrams, None).per_sentence() is None
    probability = np.random.default_rng(1).random(bigrams.types)
    by_hand = np.zeros(len(doc.sentences))
    for i in range(len(doc.sentences)):
        by_hand[i] = probability[np.unique(bigrams.kind[bigrams.sentence == i])].sum()
    assert np.allclose(ExpectedBigrams(bigrams, probability).per_sentence(), by_hand)


def test_bigram_density_raises_the_sentences_that_hold_the_likely_bigrams(documents) -> None:  # type: ignore[no-untyped-def]
    from synopsis.scorers.structure import standardise
    from synopsis.scorers.summary import DENSITY_PRIOR_WORDS, with_bigram_density

    doc, features, _ = documents[1]
    scores = features.centroid_similarity
    bigrams = document_bigrams(doc)
    probability = np.full(bigrams.types, 0.01)
    chosen = int(np.flatnonzero(features.candidate)[-1])  # a candidate the scores do not favour
    probability[bigrams.kind[bigrams.sentence == chosen]] = 0.9
    expected = ExpectedBigrams(bigrams, probability)
    assert with_bigram_density(scores, features, expected, 0.0) is scores  # weight 0: the scorer's own
    assert with_bigram_density(scores, features, ExpectedBigrams(bigrams, None), 0.5) is scores  # no model
    blended = with_bigram_density(scores, features, expected, 0.5)
    density = expected.per_sentence() / (features.words + DENSITY_PRIOR_WORDS)
    by_hand = standardise(scores, features.candidate) + 0.5 * standardise(density, features.candidate)
    assert np.array_equal(blended, by_hand)
    rank = lambda values: int((values[features.candidate] > values[chosen]).sum())  # noqa: E731
    assert rank(blended) < rank(standardise(scores, features.candidate))


@pytest.mark.parametrize("name", ["ru", "de"])
def test_other_languages_get_their_own_words_not_english_tokens(name: str) -> None:
    """Outside English the bigrams are words of any script, stemmed by the language's own stemmer
    (or not at all): ROUGE's [a-z0-9] tokens would find no Cyrillic word and split German ones."""
    text = (Path(__file__).resolve().parents[1] / "data" / "lang" / f"{name}.txt").read_text(encoding="utf-8")
    doc = build_document(article_from_text(text))
    language = doc.meta["language"]
    assert language == name
    bigrams = document_bigrams(doc, language)
    words = set(bigrams.words)
    assert bigrams.types > 50
    if name == "ru":
        assert any("д" in w for w in words), "Cyrillic words are words"
    else:
        assert any("ä" in w or "ö" in w or "ü" in w for w in words), "umlauts stay inside their words"
    summary = summarize_document(doc, method="reranked", budget=Budget(80))
    assert 0 < summary.words <= 80


def test_a_logit_far_past_the_float_range_gives_0_or_1_without_a_warning() -> None:
    """A degenerate model (huge weights) printed numpy's "overflow in exp" at summarize time."""
    import warnings

    from synopsis.scorers.bigrams import BigramModel

    columns = len(BigramModel.feature_names())
    model = BigramModel(np.zeros(columns), np.ones(columns), np.full(columns, 1e6), 0.0)
    x = np.vstack([np.full(columns, -1.0), np.full(columns, 1.0)])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert model.probabilities(x).tolist() == [0.0, 1.0]
