"""Our ROUGE is rouge-score's ROUGE: same numbers to 5 decimals, through either backend."""

from __future__ import annotations

import pytest

pytest.importorskip("rouge_score")
from rouge_score import rouge_scorer

from synopsis.evaluate.rouge import (
    METRICS,
    get_backend,
    rouge_tokens,
    score_sentences,
    score_summary,
    split_sentences,
    truncate,
)

REFERENCE = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)

# Cases where tokenization and NLTK's Porter stemmer (with its extensions) matter.
HAND_PAIRS = [
    ("The cats were running quickly.\nThey ran home.", "A cat runs quickly.\nThe dogs were running home."),
    ("Generalization of BERT-based models (F1 = 93.4%) improves.", "generalisation of bert based model improved, f1 93.4"),
    ("dying lying flies", "died lies flying"),
    ("Über naïve café — résumé", "uber naive cafe resume"),
    ("One sentence only.", ""),
    ("", "Nothing to compare."),
    ("a a a b b", "a b a b a b a"),
]


def _real_pairs(dev_sample: list[dict[str, str]]) -> list[tuple[list[str], list[str]]]:
    """Each dev article's abstract against two extracts of its own text: its opening and a middle stretch."""
    pairs = []
    for record in dev_sample:
        sentences = split_sentences(record["full_text"][:15000])
        middle = len(sentences) // 2
        reference = split_sentences(record["abstract"])
        pairs.append((reference, truncate(sentences[:12], 200)))
        pairs.append((reference, truncate(sentences[middle : middle + 12], 120)))
    return pairs


def _assert_same(ours: object, theirs: dict[str, object]) -> None:
    for metric in METRICS:
        mine = ours.get(metric)  # type: ignore[attr-defined]
        ref = theirs[metric]
        assert mine.precision == pytest.approx(ref.precision, abs=5e-6)  # type: ignore[attr-defined]
        assert mine.recall == pytest.approx(ref.recall, abs=5e-6)  # type: ignore[attr-defined]
        assert mine.fmeasure == pytest.approx(ref.fmeasure, abs=5e-6)  # type: ignore[attr-defined]


@pytest.mark.parametrize("backend", ["rouge-score-rs", "rouge-score"])
def test_hand_pairs_equal_rouge_score(backend: str) -> None:
    for target, prediction in HAND_PAIRS:
        ours = score_sentences([s for s in target.split("\n") if s], [s for s in prediction.split("\n") if s], backend=backend)
        _assert_same(ours, REFERENCE.score(target, prediction))


@pytest.mark.slow
def test_real_pairs_equal_rouge_score(dev_sample: list[dict[str, str]]) -> None:
    """The default backend (rouge-score-rs) on 16 real abstract/extract pairs, against the original package."""
    for reference, prediction in _real_pairs(dev_sample):
        ours = score_sentences(reference, prediction)
        _assert_same(ours, REFERENCE.score("\n".join(reference), "\n".join(prediction)))


def test_default_backend_is_the_fast_one() -> None:
    pytest.importorskip("rouge_score_rs")
    assert get_backend().name == "rouge-score-rs"


def test_tokens_are_rouge_scores_tokens() -> None:
    text = "The Generalized models were RUNNING; flies & lies, 3.5% of <dig> cases."
    tokenizer = REFERENCE._tokenizer
    assert rouge_tokens(text) == tokenizer.tokenize(text)
    assert rouge_tokens(text, backend="rouge-score") == tokenizer.tokenize(text)


def test_truncate_keeps_the_first_words_and_the_boundaries() -> None:
    sentences = ["one two three.", "four five six seven.", "eight nine."]
    assert truncate(sentences, 5) == ["one two three.", "four five"]
    assert truncate(sentences, 3) == ["one two three."]
    assert truncate(sentences, None) == sentences
    assert truncate(["  spaced\n out  ", ""], 10) == ["spaced out"]


def test_a_longer_summary_is_cut_before_scoring() -> None:
    reference = "Alpha beta gamma delta."
    padded = "Alpha beta gamma delta. " + "Unrelated filler words here. " * 40
    full = score_summary(reference, padded, words=None)
    cut = score_summary(reference, padded, words=4)
    assert cut.rouge1.fmeasure == pytest.approx(1.0)
    assert full.rouge1.precision < 0.05


def test_text_prediction_is_split_into_sentences_for_lsum() -> None:
    """Lsum sees sentences: a text prediction is split by our segmenter, not scored as one line."""
    reference = "We propose a new parser. It is fast."
    as_text = score_summary(reference, "It is fast. We propose a new parser.")
    as_sentences = score_summary(reference, ["It is fast.", "We propose a new parser."])
    as_one_line = score_sentences([reference], ["It is fast. We propose a new parser."])  # ROUGE-L, order-bound
    assert as_text == as_sentences
    assert as_text.rougeLsum.fmeasure == pytest.approx(1.0)
    assert as_one_line.rougeLsum.fmeasure == pytest.approx(5 / 8)
