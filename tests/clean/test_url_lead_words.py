"""The word that pointed to a removed URL goes with it in every supported language, as in English."""

from __future__ import annotations

import pytest

from synopsis.clean import clean_text
from synopsis.clean.inline import url_leads
from synopsis.language import ENGLISH, get_language, supported_codes


def _cleaned(text: str, lang: str) -> tuple[str, list[str]]:
    """The cleaned body and the URL removals as logged."""
    cleaned = clean_text(text, lang=lang)
    return " ".join(block.text.text for block in cleaned.blocks), [
        text[r.start : r.end] for r in cleaned.removals if r.reason == "url"
    ]


@pytest.mark.parametrize(
    ("lang", "text", "expected", "logged"),
    [
        # Was: "Il codice è disponibile all’indirizzo." (a language probe saw it picked for a summary).
        (
            "it",
            "Il codice è disponibile all’indirizzo https://github.com/x/y. Per i dettagli, vedi https://x.org/i.",
            "Il codice è disponibile. Per i dettagli.",
            [" all’indirizzo https://github.com/x/y", ", vedi https://x.org/i"],
        ),
        (
            "de",
            "Der Code ist unter https://github.com/x/y verfügbar. Die Daten liegen auf https://x.org/d.",
            "Der Code ist verfügbar. Die Daten liegen.",
            [" unter https://github.com/x/y", " auf https://x.org/d"],
        ),
        (
            "fr",
            "Le code est disponible à l’adresse https://github.com/x/y. Les données sont sur https://x.org/d.",
            "Le code est disponible. Les données sont.",
            [" à l’adresse https://github.com/x/y", " sur https://x.org/d"],
        ),
        (
            "es",
            "El código está disponible a través de https://github.com/x/y y se puede usar libremente.",
            "El código está disponible y se puede usar libremente.",
            [" a través de https://github.com/x/y"],
        ),
        (
            "pt",
            "O código está disponível no endereço https://github.com/x/y. Os dados estão em https://x.org/d.",
            "O código está disponível. Os dados estão.",
            [" no endereço https://github.com/x/y", " em https://x.org/d"],
        ),
        (
            "nl",
            "De code staat op https://github.com/x/y. Voor details, zie https://x.org/i.",
            "De code staat. Voor details.",
            [" op https://github.com/x/y", ", zie https://x.org/i"],
        ),
        (
            "ru",
            "Код доступен по адресу https://github.com/x/y. Подробнее см. https://x.org/i.",
            "Код доступен. Подробнее.",
            [" по адресу https://github.com/x/y", " см. https://x.org/i"],
        ),
        (
            "pl",
            "Kod jest dostępny pod adresem https://github.com/x/y. Szczegóły zob. https://x.org/i.",
            "Kod jest dostępny. Szczegóły.",
            [" pod adresem https://github.com/x/y", " zob. https://x.org/i"],
        ),
        (
            "cs",
            "Kód je k dispozici na adrese https://github.com/x/y.",
            "Kód je k dispozici.",
            [" na adrese https://github.com/x/y"],
        ),
        ("sv", "Koden finns på https://github.com/x/y.", "Koden finns.", [" på https://github.com/x/y"]),
        ("da", "Koden findes på https://github.com/x/y.", "Koden findes.", [" på https://github.com/x/y"]),
        ("nb", "Koden er tilgjengelig fra https://github.com/x/y.", "Koden er tilgjengelig.", [" fra https://github.com/x/y"]),
        (
            "fi",
            "Koodi on saatavilla osoitteessa https://github.com/x/y.",
            "Koodi on saatavilla.",
            [" osoitteessa https://github.com/x/y"],
        ),
        ("tr", "Ayrıntılar için bkz. https://x.org/i.", "Ayrıntılar için.", [" bkz. https://x.org/i"]),
        (
            "ca",
            "El codi és disponible a l’adreça https://github.com/x/y.",
            "El codi és disponible.",
            [" a l’adreça https://github.com/x/y"],
        ),
        (
            "ro",
            "Codul este disponibil la adresa https://github.com/x/y.",
            "Codul este disponibil.",
            [" la adresa https://github.com/x/y"],
        ),
        ("hu", "A részleteket ld. https://x.org/i.", "A részleteket.", [" ld. https://x.org/i"]),
        ("id", "Kode tersedia di https://github.com/x/y.", "Kode tersedia.", [" di https://github.com/x/y"]),
    ],
)
def test_the_word_that_led_to_a_removed_url_goes_with_it(lang: str, text: str, expected: str, logged: list[str]) -> None:
    assert _cleaned(text, lang) == (expected, logged)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The same lower-case words where no URL follows them are the sentence's own.
        ("it", "Il codice è disponibile su richiesta presso gli autori e vedi il resto."),
        ("de", "Der Code ist unter anderem auf Anfrage bei den Autoren verfügbar."),
        ("fr", "Le code est disponible sur demande à l’adresse des auteurs."),
        ("ru", "Код доступен по адресу института на сайте, см. ниже."),
        ("pt", "O código está no anexo e na página dos autores."),
    ],
)
def test_a_lead_word_with_no_url_after_it_stays(lang: str, text: str) -> None:
    assert _cleaned(text, lang) == (text, [])


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Only the word right before the URL goes: "su GitHub" does not dangle.
        ("it", "Il codice è disponibile su GitHub https://github.com/x/y.", "Il codice è disponibile su GitHub."),
        # A capital opens the sentence: it stays, as English keeps "See" (the sentence is broken
        # either way; a lower-case rule must not take a sentence's first word).
        ("de", "Siehe https://x.org/i für Einzelheiten. Das ist alles.", "Siehe für Einzelheiten. Das ist alles."),
    ],
)
def test_only_a_lower_case_lead_word_right_before_the_url_goes(lang: str, text: str, expected: str) -> None:
    assert _cleaned(text, lang)[0] == expected


def test_english_and_languages_without_a_data_file_keep_the_english_lead_words() -> None:
    assert url_leads("xx") is url_leads(ENGLISH)
    assert _cleaned("The code is available at https://x.org/c and more.", "xx")[0] == "The code is available and more."


def test_every_supported_language_lists_lower_case_lead_words() -> None:
    for code in supported_codes():
        if code == ENGLISH:
            continue
        language = get_language(code)
        words = (*language.url_lead_words, *language.url_see_words)
        assert language.url_see_words, code
        assert all(word[0].islower() for word in words), code


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A URL in brackets is an aside: the word before it is the sentence's (a verb's particle).
        (
            "de",
            "Ähnliche Effekte treten auch in anderen Korpora auf (https://example.de/korpus). Weitere Daten folgen hier.",
            "Ähnliche Effekte treten auch in anderen Korpora auf. Weitere Daten folgen hier.",
        ),
        (
            "fi",
            "Aineisto on (https://a.fi/x) avoimesti saatavilla. Tulokset olivat hyviä.",
            "Aineisto on avoimesti saatavilla. Tulokset olivat hyviä.",
        ),
        # English's words keep English's noun check: "to" is Norwegian for two, and an English
        # sentence in a Spanish text names its notebooks.
        (
            "nb",
            "Vi brukte to https://a.no/x datasett i studien. Resultatene var gode.",
            "Vi brukte to datasett i studien. Resultatene var gode.",
        ),
        (
            "es",
            "Summary: The code runs in https://colab.research.google.com/x notebooks shared with students. Fin del texto.",
            "Summary: The code runs in notebooks shared with students. Fin del texto.",
        ),
        (
            "ro",
            "Datele au fost descărcate de la adresa https://x.ro/d și apoi curățate.",
            "Datele au fost descărcate și apoi curățate.",
        ),
    ],
    ids=["de-bracket", "fi-bracket", "nb-two", "es-english-noun", "ro-de-la-adresa"],
)
def test_a_review_of_the_lead_words_keeps_the_sentences_words(lang: str, text: str, expected: str) -> None:
    assert _cleaned(text, lang)[0] == expected
