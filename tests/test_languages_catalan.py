"""Catalan as a supported language: what its data needed beyond the shared tests of every supported
language (tests/test_language.py, tests/test_languages_more_supported.py; elision and l·l in
tests/test_languages_elision.py). Before, Catalan was detected, named "not supported" and
summarized with neutral settings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from synopsis.language import detect_language, get_language, resolve_language
from synopsis.scorers.cues import contribution_cues
from synopsis.segment import sentence_spans
from synopsis.types import Document, Section, Sentence

DATA = Path(__file__).parent.parent / "src" / "synopsis" / "data" / "lang" / "ca.json"


def test_catalan_is_supported_and_resolved_without_a_warning() -> None:
    language, warning = resolve_language(None, (Path(__file__).parent / "data" / "lang" / "ca.txt").read_text(encoding="utf-8"))
    assert language.code == "ca" and language.supported and language.stemmer == "catalan" and warning is None


def test_catalan_stop_words_are_its_function_words() -> None:
    """The stop-words package's Catalan list holds content words (fer 'do', tenir 'have', saber
    'know', llarg 'long', ús 'use', primer 'first'), misspellings (tene, erem, éssent) and lacks
    del, al, pel, aquest, seva, hi, ho, més, ha, no, sobre, segons."""
    words = get_language("ca").stop_words
    assert not {"anar", "fer", "saber", "tenir", "llarg", "mode", "primer", "últim", "ús", "fi", "dalt"} & words
    assert not {"tene", "erem", "éssent", "consigueix"} & words
    added = "del dels al als pel pels aquest aquesta seva hi ho li se més ha han no sobre segons essent érem"
    assert set(added.split()) <= words
    assert {"amb", "per", "que", "els", "és", "poden", "també"} <= words


def test_the_list_is_the_package_list_less_what_is_dropped() -> None:
    """Reproducible: the shipped words are the package's file in its order, less the words "dropped" names."""
    stop_words_package = pytest.importorskip("stop_words")
    source = (Path(stop_words_package.__file__).parent / "stop-words" / "catalan.txt").read_text(encoding="utf-8").split()
    entry = json.loads(DATA.read_text(encoding="utf-8"))["stop_words"]
    dropped = {w for key, value in entry["dropped"].items() if key != "note" for w in value.split()}
    assert dropped <= set(source)
    assert entry["words"] == [w for w in source if w not in dropped]
    assert entry["licence"] == "BSD-3-Clause" and "catalan.txt" in entry["source"]


# Under 30 words: the same sentence in Catalan, Spanish and French, told apart by the words only each writes.
SHORT = {
    "ca": [
        "Els resultats mostren que la participació de l'alumnat és més important que el pressupost.",
        "Aquest estudi analitza com les escoles han transformat els seus patis.",
        "Les famílies també hi van col·laborar, però no en totes les escoles.",
        "La recerca sobre els patis s'ha centrat sobretot en la salut.",
    ],
    "es": [
        "Los resultados muestran que la participación del alumnado es más importante que el presupuesto.",
        "Este estudio analiza cómo las escuelas han transformado sus patios.",
        "Las familias también colaboraron, pero no en todas las escuelas.",
        "La investigación sobre los patios se ha centrado sobre todo en la salud.",
    ],
    "fr": [
        "Les résultats montrent que la participation des élèves est plus importante que le budget.",
        "Cette étude analyse comment les écoles ont transformé leurs cours de récréation.",
        "Les familles y ont aussi collaboré, mais pas dans toutes les écoles.",
        "Les résultats de l'étude.",  # les, de, l: French's and Catalan's alike; French wins the tie
    ],
}


@pytest.mark.parametrize("lang", sorted(SHORT))
def test_catalan_spanish_and_french_short_texts_are_told_apart(lang: str) -> None:
    assert [detect_language(text) for text in SHORT[lang]] == [lang] * len(SHORT[lang])


@pytest.mark.parametrize("lang", sorted(SHORT))
def test_catalan_spanish_and_french_paragraphs_are_told_apart(lang: str) -> None:
    paragraph = " ".join(SHORT[lang][:3] * 2)
    assert detect_language(paragraph) == lang
    assert detect_language(paragraph.replace(". ", ".\n")) == lang


@pytest.mark.parametrize(
    "sentences",
    [
        [
            "La Dra. Pons ho resumia així: «No és una qüestió de diners. És una qüestió de qui decideix.»",
            "Els altres hi van estar d'acord.",
        ],
        ["Les sessions van durar aprox. 90 min. i es van enregistrar.", "L'anàlisi es va fer després."],
        ["Vegeu p. ex. la fig. 2 i la pàg. 45 de l'informe.", "D'altra banda, cal més recerca."],
        ["Hi van participar famílies, docents, etc.", "S'han analitzat 71 respostes."],
    ],
)
def test_catalan_sentences(sentences: list[str]) -> None:
    text = " ".join(sentences)
    assert [text[a:b] for a, b in sentence_spans(text, lang="ca")] == sentences


def test_catalan_cues_with_either_apostrophe() -> None:
    texts = (
        "L’objectiu d’aquest treball és descriure els patis escolars.",
        "En aquest article estudiem els patis de tres municipis.",
        "Les dades es van recollir el 2023.",
    )
    sentences, offset = [], 0
    for i, text in enumerate(texts):
        sentences.append(Sentence(i, text, offset, offset + len(text), 0, 0))
        offset += len(text) + 1
    section = Section(0, "Introducció", "introduction", 0, len(texts) - 1)
    doc = Document("ca", " ".join(texts), "", "", tuple(sentences), (section,), {"language": "ca"})
    assert contribution_cues(doc).tolist() == [1.0, 1.0, 0.0]
