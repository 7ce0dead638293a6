"""ROUGE outside English: letters of any script kept, the language's Snowball stems, said in the report."""

from __future__ import annotations

from pathlib import Path

import pytest

from synopsis.evaluate.rouge import rouge_tokens, score_summary, tokenizer_description
from synopsis.evaluate.runner import Settings, evaluate_article
from synopsis.ingest import article_from_text

pytest.importorskip("rouge_score")

DATA = Path(__file__).parent.parent / "data"


def test_german_letters_survive_and_are_stemmed() -> None:
    assert rouge_tokens("Die größeren Stichproben", lang="de") == ["die", "gross", "stichprob"]
    assert rouge_tokens("Die größeren Stichproben") == ["die", "gr", "eren", "stichproben"]  # rouge-score's own
    assert rouge_tokens("les résultats", lang="fr") == ["les", "résultat"]
    assert rouge_tokens("Дані показують", lang="uk") == ["дані", "показують"]  # unsupported: no stemmer


def test_scores_count_accented_words() -> None:
    reference = "Die größeren Stichproben zeigen deutlichere Ergebnisse."
    prediction = "Größere Stichproben zeigen deutliche Ergebnisse."
    german = score_summary(reference, prediction, lang="de").rouge1.fmeasure
    english = score_summary(reference, prediction).rouge1.fmeasure
    assert german == pytest.approx(2 * 5 / (6 + 5)) and german > english


def test_words_with_vowel_signs_are_whole_tokens() -> None:
    # Hindi "अध्ययन" (study) and "अधिक" (more) share no word; as fragments ("अध" + "ययन", "अध" + "क")
    # they matched, and a summary scored for words it does not hold.
    assert rouge_tokens("यह अध्ययन है", lang="hi") == ["यह", "अध्ययन", "है"]
    assert score_summary("अध्ययन", "अधिक", lang="hi").rouge1.fmeasure == 0.0


def test_the_tokenizer_is_named() -> None:
    assert "Porter" in tokenizer_description("en")
    assert "german Snowball" in tokenizer_description("de")
    assert "no stemming" in tokenizer_description("uk")


def test_the_runner_scores_by_the_document_language() -> None:
    text = (DATA / "lang" / "de.txt").read_text(encoding="utf-8")
    article = article_from_text(text)
    abstract = "Digitale Briefeditionen werden erst durch verknüpfte Normdaten zu einem gemeinsamen Korpus."
    article = type(article)(article.id, article.text, article.body, article.title, abstract, dict(article.meta))
    result = evaluate_article(article, {}, Settings(methods=("structured",)))
    assert result.language == "de"
    assert result.results["structured"].scores.rouge1.fmeasure > 0.1
