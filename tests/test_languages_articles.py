"""Whole articles in supported languages, as a user of each would feed them (judge probe of stop 35,
round 2): title, authors, an abstract under the language's own heading, keywords, numbered headings,
captions, citations, footnote markers, acknowledgements and a reference list.

What came out wrong before: a footnote marker after a full stop ("... der Eltern.¹ Künftige ...")
glued two sentences into one; a citation after an abbreviation's stop ("... середины XX в. (Иванов
и др., 2019).") was a sentence of its own; a caption printed without a stop after its number ("Abb. 2
Wöchentliche Nutzung ...") was body text, its number removed as a footnote; Polish typed without its
diacritics was Czech.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import synopsis
from synopsis.ingest import article_from_text
from synopsis.language import detect_language
from synopsis.pipeline import build_document
from synopsis.segment import sentence_spans

ARTICLES = Path(__file__).parent / "data" / "lang" / "articles"

# Code -> (the abstract's first words, the introduction's heading, the keywords label).
EXPECTED = {
    "de": ("Digitale Lernplattformen werden", "Einleitung", "Schlüsselwörter:"),
    "es": ("La calidad del agua de los ríos", "Introducción", "Palabras clave:"),
    "fr": ("La germination des semences", "Introduction", "Mots-clés :"),
    "it": ("La dispersione scolastica resta", "Introduzione", "Parole chiave:"),
    "nl": ("Steeds minder kinderen fietsen", "Inleiding", "Trefwoorden:"),
    "pl": ("Celem badania było określenie", "Wstęp", "Słowa kluczowe:"),
    "pt": ("A baixa adesão ao tratamento", "Introdução", "Palavras-chave:"),
    "ru": ("В статье рассматривается", "Введение", "Ключевые слова:"),
    "tr": ("Bu çalışmanın amacı", "Giriş", "Anahtar kelimeler:"),
}
# An end mark, a footnote's superscript marker, then the next sentence's capital: two sentences.
_GLUED_AT_FOOTNOTE = re.compile(r"[.?!][⁰¹²³⁴⁵⁶⁷⁸⁹]+\s+[^\W\d_]")


@pytest.mark.parametrize("code", sorted(EXPECTED))
def test_an_article_in_a_supported_language_is_read_as_its_reader_would(code: str) -> None:
    text = (ARTICLES / f"{code}.txt").read_text(encoding="utf-8")
    opening, introduction, keywords = EXPECTED[code]
    doc = build_document(article_from_text(text, doc_id=code))
    assert doc.meta["language"] == code and "language_warning" not in doc.meta
    assert doc.abstract.startswith(opening)
    assert introduction in [section.title for section in doc.sections]
    removed = doc.meta["removed"]
    assert removed["keywords"] == 1 and removed["references"] == 1
    assert removed["caption"] >= 2 and removed["dropped_section"] == 2  # acknowledgements: heading and text
    kept = " ".join(sentence.text for sentence in doc.sentences)
    for gone in (keywords, "Kwon, M.", "Bates, D.", "Иванов А. А.", "Hillmayr, D.", "Castillo, A. (2009)"):
        assert gone not in kept
    for sentence in doc.sentences:
        assert not sentence.text.startswith(("(", "[")), sentence.text  # a citation split from its sentence
        assert not _GLUED_AT_FOOTNOTE.search(sentence.text), sentence.text  # two sentences in one
    summary = synopsis.summarize(text)
    assert summary.sentences
    body = {sentence.text for sentence in doc.sentences if sentence.candidate}
    for sentence in summary.sentences:
        assert sentence.text in body and sentence.text not in doc.abstract


@pytest.mark.parametrize(
    "lang, text, first",
    [
        (
            "de",
            "Sie könnten sich auch in der Unterstützung durch die Eltern unterscheiden.¹ Künftige Studien sollten"
            " daher experimentelle Designs verwenden.",
            "Sie könnten sich auch in der Unterstützung durch die Eltern unterscheiden.¹",
        ),
        (
            "fr",
            "Elle ne garantit pas une bonne levée au champ.² Des essais au champ seront nécessaires.",
            "Elle ne garantit pas une bonne levée au champ.²",
        ),
        ("ru", "Эти меры требуют проверки.¹² Одним из способов является смещение сроков.", "Эти меры требуют проверки.¹²"),
        ("pl", "Badanie przeprowadzono w 2021 r.³ Wyniki były stabilne.", "Badanie przeprowadzono w 2021 r.³"),
        (
            "en",
            "They may differ in motivation or parental support.¹ Future studies should use experiments.",
            "They may differ in motivation or parental support.¹",
        ),
        (
            "en",
            "They may differ in motivation (Smith, 2019).²,³ Future studies should use experiments.",
            "They may differ in motivation (Smith, 2019).²,³",
        ),
    ],
)
def test_a_footnote_marker_after_a_full_stop_ends_the_sentence(lang: str, text: str, first: str) -> None:
    # The marker stood between the stop and the space: no language split there.
    spans = sentence_spans(text, lang=lang)
    assert len(spans) == 2 and text[slice(*spans[0])] == first


@pytest.mark.parametrize(
    "text",
    [
        "The study was funded by the U.S.¹ Department of Energy and ran for two years.",
        "The samples were analysed by Dr.² Smith at the central laboratory.",
        "John Smith, Ph.D.¹ Jane Doe, M.D.² and their colleagues wrote the report.",
    ],
)
def test_a_footnote_marker_after_an_abbreviation_ends_no_sentence(text: str) -> None:
    # A review: the footnote repair cut "the U.S.¹ | Department of Energy", "Dr.² | Smith", and a
    # byline in three, out of reach of the abbreviation repair that glues such pieces back.
    assert [text[a:b] for a, b in sentence_spans(text)] == [text]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("ru", "Климат изменился с середины XX в. (Иванов и др., 2019). Потепление продолжается."),
        ("ru", "Изучали пшеницу, ячмень, овёс и т. д. (Иванов, 2019). Урожайность росла."),
        ("ru", "Это было в 1990-х гг. (Петров, 2001). Урожайность росла."),
        ("fr", "Les élèves lisent des romans, des journaux, etc. (Dupont, 2018). Les lectures sont variées."),
        ("es", "Se midieron nitratos, fosfatos, etc. (Sánchez et al., 2017). Los resultados son estables."),
        ("pl", "Badano dzieci, młodzież, dorosłych itd. (Kowalski, 2018). Wyniki były stabilne."),
        ("tr", "Uyku sorunları, dikkat dağınıklığı vb. (Kaya vd., 2020). Bu durum önemlidir."),
        ("it", "Si sono misurati nitrati, fosfati, ecc. (Rossi et al., 2021). I risultati sono stabili."),
    ],
)
def test_a_citation_after_an_abbreviation_stays_in_its_sentence(lang: str, text: str) -> None:
    # "(Иванов и др., 2019)." was a sentence of its own, the abbreviation's stop taken for an end.
    spans = sentence_spans(text, lang=lang)
    assert [text[a:b].endswith(").") for a, b in spans] == [True, False]


@pytest.mark.parametrize(
    "lang, text",
    [
        ("fr", "Le projet a débuté en 2019 etc. (Voir aussi le rapport annuel.) Les résultats sont stables."),
        ("ru", "Это было в 2019 г. (Подробности приведены ниже.) Урожайность росла."),
    ],
)
def test_a_parenthesis_that_is_a_sentence_still_opens_one(lang: str, text: str) -> None:
    assert len(sentence_spans(text, lang=lang)) == 3


DE_RESULTS = """Einleitung

Die Nutzung digitaler Lernangebote hat in den letzten Jahren stark zugenommen.
Wir untersuchen, wie Studierende eine neue App im Semester verwenden.

Ergebnisse

Insgesamt nahmen 412 Studierende an der Studie teil, die meisten von ihnen im ersten Studienjahr.
{line}
Die Nutzung war bei Studierenden mit höherer Motivation signifikant größer als bei den übrigen Teilnehmern der Studie.
"""


@pytest.mark.parametrize(
    "line",
    [
        "Abb. 2 A zeigt die wöchentliche Nutzung der App über das gesamte Semester, die vor den Prüfungen deutlich ansteigt.",
        "Tabelle 2 Spalte 3 enthält die Mittelwerte der wöchentlichen Nutzung über das gesamte Semester hinweg.",
    ],
)
def test_a_line_that_opens_by_naming_a_figure_stays_body_text(line: str) -> None:
    # A review: a rule that took "caption word, number, capital" for a caption printed without a
    # stop ("Abb. 2 Wöchentliche Nutzung ...", as Springer prints it) removed such body lines (and
    # whole one-line paragraphs); the rule was taken back.
    text = DE_RESULTS.format(line=line)
    doc = build_document(article_from_text(text), lang="de")
    assert any("über das gesamte Semester" in sentence.text for sentence in doc.sentences)
    assert all(removal.reason != "caption" for removal in doc.meta["removals"])


@pytest.mark.parametrize(
    "text, code",
    [
        (
            "Celem badania bylo okreslenie wplywu aktywnosci fizycznej na jakosc snu u osob starszych. Badanie zostalo"
            " przeprowadzone na grupie 120 osob...",
            "pl",
        ),
        ("Celem badania bylo okreslenie wplywu aktywnosci fizycznej na jakosc snu u osob starszych.", "pl"),
        # Czech typed without its diacritics, one English loan word with a "w" in it: still Czech.
        ("Cilem clanku je analyzovat software na webu v Ceske republice. Vysledky ukazuji, ze je to slozite.", "cs"),
    ],
)
def test_polish_typed_without_diacritics_is_told_by_its_spelling(text: str, code: str) -> None:
    # "bylo", "na" (Czech's too) and "u" (Serbo-Croatian's) tied three ways: it was Czech.
    assert detect_language(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "Analyza dat z webu do systemu na zaklade software",
        "Nasazeni software do provozu na webu",
        "Data z www.czso.cz do systemu na zaklade dotazniku",
    ],
)
def test_short_czech_without_diacritics_with_loanwords_or_a_web_address_stays_czech(text: str) -> None:
    # A review: two loanwords with a "w" ("webu", "software"), or "www.czso.cz", made it Polish.
    assert detect_language(text) == "cs"
