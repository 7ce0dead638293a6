"""The greedy oracle and per-sentence ROUGE: exact against rouge-score, within budget, above lead."""

from __future__ import annotations

import numpy as np
import pytest

from synopsis.evaluate.oracle import greedy_oracle, sentence_rouge
from synopsis.evaluate.rouge import score_sentences, split_sentences
from synopsis.ingest import read_articles
from synopsis.pipeline import build_document, summarize_document
from synopsis.types import Article, Budget, Document


@pytest.fixture(scope="module")
def documents(dev_sample_path) -> list[tuple[Document, str]]:  # type: ignore[no-untyped-def]
    articles = [a for a in read_articles(str(dev_sample_path)) if isinstance(a, Article)]
    return [(build_document(a), a.abstract) for a in articles]


def test_sentence_rouge_equals_rouge_score(documents: list[tuple[Document, str]]) -> None:
    doc, abstract = documents[0]
    labels = sentence_rouge(doc, abstract)
    assert labels.rouge1.shape == labels.rouge2.shape == (len(doc.sentences),)
    for i in range(0, len(doc.sentences), 7):
        exact = score_sentences([abstract], [doc.sentences[i].text])
        assert labels.rouge1[i] == pytest.approx(exact.rouge1.fmeasure, abs=1e-5)
        assert labels.rouge2[i] == pytest.approx(exact.rouge2.fmeasure, abs=1e-5)


def test_sentence_rouge_of_plain_sentences() -> None:
    labels = sentence_rouge(["The cats are running home.", "Nothing in common here.", ""], "A cat runs home.")
    exact = score_sentences(["A cat runs home."], ["The cats are running home."])
    assert labels.rouge1[0] == pytest.approx(exact.rouge1.fmeasure) == pytest.approx(2 * 3 / (5 + 4))  # cat, run, home
    assert labels.rouge2[0] == pytest.approx(exact.rouge2.fmeasure) == pytest.approx(2 * 1 / (4 + 3))  # "run home"
    assert labels.rouge1[1] == labels.rouge1[2] == labels.rouge2[2] == 0.0
    assert labels.bigram_hits.tolist() == [1.0, 0.0, 0.0]  # "run home"; the training labels count these


def test_bigram_hits_are_clipped_by_the_reference() -> None:
    """A sentence repeating a reference bigram covers it only as often as the reference has it."""
    labels = sentence_rouge(["run home and run home again", "run home"], "They run home.")
    assert labels.bigram_hits.tolist() == [1.0, 1.0]


def test_oracle_respects_budget_order_and_candidates(documents: list[tuple[Document, str]]) -> None:
    for doc, abstract in documents:
        picked = greedy_oracle(doc, abstract, Budget(120))
        assert picked and list(picked) == sorted(set(picked))
        assert sum(doc.sentences[i].words for i in picked) <= 120
        assert all(doc.sentences[i].candidate for i in picked)
        assert len(greedy_oracle(doc, abstract, Budget(words=None, sentences=2))) <= 2


def test_oracle_finds_the_reference_when_it_is_in_the_document() -> None:
    sentences = ["Filler about the weather.", "We parse trees fast.", "More filler on lunch.", "Our parser is accurate."]
    assert greedy_oracle(sentences, "We parse trees fast. Our parser is accurate.", Budget(50)) == (1, 3)
    assert greedy_oracle(sentences, "Nothing shared at all, zebra.", Budget(50)) == ()


def test_oracle_is_never_below_lead(documents: list[tuple[Document, str]]) -> None:
    """The ceiling is a ceiling: on every dev-sample article the oracle beats lead on R1 + R2 F1."""
    for doc, abstract in documents:
        reference = split_sentences(abstract)
        oracle = score_sentences(reference, [doc.sentences[i].text for i in greedy_oracle(doc, abstract, Budget(200))])
        lead = score_sentences(reference, [s.text for s in summarize_document(doc, method="lead", budget=Budget(200)).sentences])
        assert oracle.rouge1.fmeasure + oracle.rouge2.fmeasure >= lead.rouge1.fmeasure + lead.rouge2.fmeasure


def test_greedy_step_maximises_the_objective() -> None:
    """The first pick is the sentence with the best R1 + R2 F1 on its own (what the soft labels say)."""
    sentences = ["alpha beta gamma", "alpha beta", "delta epsilon zeta eta", "gamma delta"]
    reference = "alpha beta gamma delta"
    labels = sentence_rouge(sentences, reference)
    first = greedy_oracle(sentences, reference, Budget(words=None, sentences=1))
    assert first == (int(np.argmax(labels.rouge1 + labels.rouge2)),)
