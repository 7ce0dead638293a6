"""An article in another language that quotes English at length (block quotations, a translated
passage): its English sentences are no summary of it (probe: a German paper's English block
quotations were most of its summary). English articles are untouched (the check runs only for
the other supported languages)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import synopsis
from synopsis.candidates import EnglishIn
from synopsis.ingest import article_from_text
from synopsis.language import get_language, supported_codes
from synopsis.pipeline import build_document
from synopsis.stopwords import STOP_WORDS

LANG = Path(__file__).parent / "data" / "lang"
ENGLISH_QUOTE = (
    "In semi-arid regions, aquifers are often the only reliable source of water during the dry season. "
    "Yet the rate at which these aquifers are replenished is poorly known. "
    "Recharge rates ranged from 4.2 percent of rainfall in the Arkavathi basin to 11.1 percent in the Hagari basin. "
    "Our results show that stable isotopes provide a useful check on chloride mass balance in semi-arid basins."
)
ENGLISH_SENTENCES = [s for s in re.split(r"(?<=\.) ", ENGLISH_QUOTE)]


def _german_with_quotes() -> str:
    """The German test article with the English passage set as an indented block after every
    second paragraph of its body: a third of its words in English (before this check, 4 of its
    12 summary sentences were the English ones)."""
    paragraphs = (LANG / "de.txt").read_text(encoding="utf-8").split("\n\n")
    quoted = []
    for i, paragraph in enumerate(paragraphs):
        quoted.append(paragraph)
        if i in range(5, 30, 2):
            quoted.append("Wie Lindqvist betont:\n\n    " + ENGLISH_QUOTE)
    return "\n\n".join(quoted)


def test_a_german_article_quoting_english_is_summarized_in_german() -> None:
    text = _german_with_quotes()
    doc = build_document(article_from_text(text))
    assert doc.meta["language"] == "de"
    english = [s for s in doc.sentences if s.text in ENGLISH_SENTENCES]
    assert len(english) >= 3 * len(ENGLISH_SENTENCES) and not any(s.candidate for s in english)
    summary = synopsis.summarize(text)
    assert summary.sentences and not set(ENGLISH_SENTENCES) & {s.text for s in summary.sentences}


@pytest.mark.parametrize("lang", [code for code in supported_codes() if code != "en"])
def test_no_sentence_of_an_article_in_its_own_language_is_taken_for_english(lang: str) -> None:
    text = (LANG / f"{lang}.txt").read_text(encoding="utf-8")
    in_english = EnglishIn.of(STOP_WORDS, get_language(lang).stop_words)
    doc = build_document(article_from_text(text), lang=lang)  # references removed: their titles are English
    assert [s.text for s in doc.sentences if in_english(s.text)] == []
    prose = [s for s in doc.sentences if s.candidate]
    assert len(prose) >= 10  # the article's own sentences stay candidates


DATA = Path(__file__).parent / "data"
NAMED = [line.split("\t") for line in (DATA / "english_named_constructs.tsv").read_text(encoding="utf-8").splitlines()]
ENGLISH_IN_OTHERS = [
    line.split("\t") for line in (DATA / "english_sentences_in_other_languages.tsv").read_text(encoding="utf-8").splitlines()
]


@pytest.mark.parametrize(("lang", "sentence"), NAMED, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(NAMED)])
def test_a_sentence_naming_an_english_construct_stays_a_sentence_of_its_language(lang: str, sentence: str) -> None:
    """The reviews' sentences in twelve languages that name English theories, scales, institutions,
    titles ("... a Unified Theory of Acceptance and Use of Technology modell ...", "Die Theory of
    Mind ist ..."), Dutch sentences with "ten", "per", "via", "even", "last", and Romanian typed
    without its accents ("in" for "în"): several were taken for English by the first version."""
    assert not EnglishIn.of(STOP_WORDS, get_language(lang).stop_words)(sentence)


@pytest.mark.parametrize(
    ("lang", "sentence"), ENGLISH_IN_OTHERS, ids=[f"{lang}-{i}" for i, (lang, _) in enumerate(ENGLISH_IN_OTHERS)]
)
def test_an_english_sentence_in_an_article_in_another_language_is_told(lang: str, sentence: str) -> None:
    """English abstract sentences left in articles in ten languages (the second review's: a version
    that also asked a quarter of all words to be English stop words let a fifth of them through,
    "Proponents of Neuro-Linguistic Programming claim ..." among them, its first word taken for a
    name's)."""
    assert EnglishIn.of(STOP_WORDS, get_language(lang).stop_words)(sentence)


def test_english_sentences_are_told_by_their_stop_words() -> None:
    in_english = EnglishIn.of(STOP_WORDS, get_language("de").stop_words)
    assert in_english("Groundwater supplies drinking water to more than two billion people worldwide.")
    assert not in_english("Frühere Arbeiten nutzten Grundwasserstandsschwankungen, Lysimeter und numerische Modelle.")
    assert not in_english("Dazu heißt es in der Studie, dass die Methode state of the art sei.")  # German with an English phrase
