"""Elision in French, Italian and Catalan: "l'analyse" is the article and "analyse", one term with
"analyse" wherever terms are made (features, Luhn, ROUGE); Catalan's l·l keeps a word whole.
English and every other language tokenize as before (`tokens.lower`)."""

from __future__ import annotations

import numpy as np
import pytest

from synopsis.evaluate.rouge import rouge_tokens, score_summary
from synopsis.features import Features, compute_features, tokenize
from synopsis.scorers.bigrams import document_bigrams
from synopsis.scorers.cues import contribution_cues
from synopsis.scorers.luhn import sentence_tokens
from synopsis.tokens import lower
from synopsis.types import Document, Section, Sentence

ARTICLES = {
    "fr": (
        "L’analyse des données d’enquête montre l’importance de l’école.",
        "Cette analyse des données confirme le rôle de chaque école.",
        "Lorsqu'il s'agit d'un quartier pauvre, l’école compte davantage.",
    ),
    "it": (
        "Dell’analisi dei dati emerge l’importanza dell’ambiente scolastico.",
        "Questa analisi dei dati conferma il ruolo dell’ambiente.",
        "Nell'ambito della ricerca, all'interno della scuola, l'ambiente conta.",
    ),
    "ca": (
        "L'anàlisi de les dades mostra la importància de l'escola i la col·laboració.",
        "Aquesta anàlisi de les dades confirma el paper de cada escola.",
        "D'altra banda, la COL·LABORACIÓ amb l’escola compta més.",
    ),
}
# The word each article writes with and without an elided article, as its stem.
SHARED = {"fr": {"analys", "don", "écol"}, "it": {"analis", "dat", "ambient"}, "ca": {"analis", "dade", "esc"}}


def _doc(lang: str, texts: tuple[str, ...]) -> Document:
    sentences, offset = [], 0
    for i, text in enumerate(texts):
        sentences.append(Sentence(i, text, offset, offset + len(text), 0, 0))
        offset += len(text) + 1
    section = Section(0, "Introduction", "introduction", 0, len(texts) - 1)
    return Document(lang, " ".join(texts), "", "", tuple(sentences), (section,), {"language": lang})


def _terms(features: Features, row: int) -> set[str]:
    names = {column: term for term, column in features.vocabulary.items()}
    return {names[column] for column in features.counts[row].indices}


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_a_word_after_an_elided_article_is_the_same_term(lang: str) -> None:
    """Before: "l’analyse", "dell’analisi" (typographic apostrophe, as PDFs and publishers print it) and
    Catalan "l'escola" were terms of their own (stems "l’analys", "dell’analis", "l'esc"), sharing
    nothing with "analyse" of the next sentence: centrality, similarity and Luhn saw two sentences
    about one analysis as unrelated. (Snowball's French and Italian stemmers strip an elision
    with the ASCII apostrophe themselves, not with ’; the Catalan one strips none.)"""
    features = compute_features(_doc(lang, ARTICLES[lang]))
    assert not [term for term in features.vocabulary if "'" in term or "’" in term]
    assert SHARED[lang] <= _terms(features, 0) & _terms(features, 1)


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_luhn_reads_the_same_terms(lang: str) -> None:
    doc = _doc(lang, ARTICLES[lang])
    features = compute_features(doc)
    owner, ids = sentence_tokens(doc, features, np.arange(3))
    stems = {column: term for term, column in features.vocabulary.items()}
    assert SHARED[lang] <= {stems[i] for i in ids[owner == 0] if i >= 0}


def test_elided_words_are_no_terms() -> None:
    """The elided word is a stop word or a single letter, not a term; "aujourd'hui" stays a word.
    Before, "qu'il" and "lorsqu'elle" were kept as content words (and stemmed to "il", "lorsqu'el")."""
    assert tokenize("Lorsqu'il l'affirme, jusqu'à aujourd'hui, qu'elle", "fr") == ["affirme", "aujourd'hui"]
    assert tokenize("Quest'anno, nell'ambito e all'interno dell'area", "it") == ["anno", "ambito", "interno", "area"]
    assert tokenize("L'escola d'estiu s'organitza", "ca") == ["escola", "estiu", "organitza"]


def test_catalan_geminate_l_is_one_word() -> None:
    """ "col·laboració" was "col" and "laboració"; the middle dot is Catalan's l·l (or ŀl)."""
    assert tokenize("La col·laboració i la coŀlaboració", "ca") == ["collaboració", "collaboració"]
    assert rouge_tokens("COL·LABORACIÓ", lang="ca") == rouge_tokens("col·laboració", lang="ca")
    assert len(rouge_tokens("col·laboració", lang="ca")) == 1


@pytest.mark.parametrize(
    ("lang", "abstract", "summary"),
    [
        ("fr", "L'analyse des écoles.", "Analyse des écoles."),
        ("it", "Dell'analisi delle scuole.", "Analisi delle scuole."),
        ("ca", "L'anàlisi de les escoles.", "Anàlisi de les escoles."),
    ],
)
def test_rouge_counts_the_word_after_an_elided_article_as_a_match(lang: str, abstract: str, summary: str) -> None:
    """ROUGE's tokenizer outside English (letters only) split at the apostrophe already; it still does."""
    scores = score_summary(abstract, summary, lang=lang)
    missed = 1 / len(rouge_tokens(abstract, lang=lang))  # the elided article alone
    assert scores.rouge1.precision == pytest.approx(1.0) and scores.rouge1.recall == pytest.approx(1 - missed)


def test_bigrams_pair_the_word_after_the_elided_article() -> None:
    bigrams = document_bigrams(_doc("fr", ARTICLES["fr"]), "fr")
    assert "l'analys" not in bigrams.words and "analys" in bigrams.words


@pytest.mark.parametrize("lang", ["en", "de", "es", "pt", "tr", "xx"])
def test_other_languages_keep_their_apostrophes(lang: str) -> None:
    """Only French, Italian and Catalan elide: English "don't", "l'analyse" quoted in German stay."""
    text = "L'analyse don't d’un col·lega"
    assert lower(text, lang) == (text.lower() if lang != "tr" else "l'analyse don't d'un col·lega")
    assert tokenize("We don't know the model's l'analyse", "en") == ["don't", "know", "model's", "l'analyse"]


def test_a_french_cue_with_a_typographic_apostrophe_is_a_cue() -> None:
    """ "L’objectif de cet article" (as PDFs print it) was no cue: the cue had only the ASCII apostrophe."""
    doc = _doc("fr", ("L’objectif de cet article est de décrire les écoles.", "Les données datent de 2023."))
    assert contribution_cues(doc).tolist() == [1.0, 0.0]
