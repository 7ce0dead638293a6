"""Norwegian (Bokmål, with Nynorsk read as it), Finnish and Catalan: what a user of each notices
beyond the shared tests of every supported language (tests/test_language.py,
tests/test_languages_more_supported.py)."""

from __future__ import annotations

import pytest

from synopsis.language import check_lang_option, detect_language, get_language, resolve_language
from synopsis.segment import sentence_spans


def _sentences(text: str, lang: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text, lang=lang)]


@pytest.mark.parametrize("typed", ["nb", "no", "NO", "nob", "nor", "nb-NO", "no_NO", "nn", "nno", "nn-NO"])
def test_every_code_of_norwegian_is_norwegian_bokmal(typed: str) -> None:
    """Before: "no" and "nb" were unsupported languages (neutral settings, a warning), and "nob",
    "nor", "nno" unknown codes (an error). Nynorsk is read with the Bokmål file (data/lang/nb.json)."""
    assert check_lang_option(typed) == "nb"
    language, warning = resolve_language(typed, "Denne artikkelen undersøker hjemmekontor i staten.")
    assert language.supported and language.name == "Norwegian Bokmål" and warning is None


# Texts under 30 words: each has a word or two that only its language writes (uten/uden/utan,
# blitt/blevet/blivit, hadde/havde/hade, enn/end/än); the rest they share.
SHORT = {
    "da": [
        "Resultaterne viser, at pendlere uden bil oftere cykler end andre.",
        "Forskellene mellem kommunerne er blevet større gennem de seneste år.",
        "Vi har ikke undersøgt, hvad pendlerne havde gjort før.",
    ],
    "nb": [
        "Resultatene viser at ansatte uten bil oftere arbeider hjemme enn andre.",
        "Forskjellene mellom virksomhetene har blitt større de siste årene.",
        "Vi har ikke undersøkt hva de ansatte hadde gjort før.",
    ],
    "sv": [
        "Resultaten visar att anställda utan bil oftare arbetar hemma än andra.",
        "Skillnaderna mellan myndigheterna har blivit större de senaste åren.",
        "Vi har inte undersökt vad de anställda hade gjort tidigare.",
    ],
}


@pytest.mark.parametrize("lang", sorted(SHORT))
def test_danish_norwegian_and_swedish_short_texts_are_told_apart(lang: str) -> None:
    assert [detect_language(text) for text in SHORT[lang]] == [lang] * len(SHORT[lang])


NYNORSK = (
    "Denne studien undersøkjer korleis temperaturen påverkar kveiteavlingane i Noreg mellom 1990 og 2020. "
    "Dataa kjem frå Statistisk sentralbyrå og dekkjer alle fylka. Resultata viser at ein auke i "
    "sommartemperaturen på éin grad reduserer avlingane med 3,5 prosent. Effekten er sterkare i dei austlege "
    "fylka, der nedbøren er lågare. Desse resultata tyder på at landbrukspolitikken bør ta omsyn til dei "
    "regionale skilnadene, og det gjeld ikkje berre kornet."
)


def test_a_nynorsk_text_is_read_as_norwegian() -> None:
    """Nynorsk is named nb and summarized with its function words as stop words (ikkje, frå, berre)."""
    assert detect_language(NYNORSK) == "nb"
    assert {"ikkje", "frå", "berre", "dei", "ein", "kva"} <= get_language("nb").stop_words


@pytest.mark.parametrize(
    "sentences",
    [
        ["Han sa: «Det går bra. Vi klarer oss.»", "Så gikk han."],  # a quotation in guillemets is one
        ["Dette gjeld m.a. kommunane og t.d. fylka.", "Dei fekk ikkje meir pengar."],  # Nynorsk abbreviations
        ["Prof. Hansen m.fl. har pekt på det.", "Den 1. mars kom nye retningslinjer."],
        ["Bloom mfl. har vist dette, jf. s. 170.", "Andre er uenige."],
    ],
)
def test_norwegian_sentences(sentences: list[str]) -> None:
    assert _sentences(" ".join(sentences), "nb") == sentences


@pytest.mark.parametrize(
    "sentences",
    [
        ["Eräs haastateltava kertoi: ”Tulen tänne tekemään töitä. Kotona en saa mitään aikaan.”", "Muut olivat samaa mieltä."],
        ["Kirjastolaki uudistettiin 1. tammikuuta 2017, ja sen tavoitteet ovat laajat.", "Tämä näkyy tiloissa."],
        [
            "Prof. Vakkari ym. ovat korostaneet tätä.",
            "Nuoret arvostivat tiloja, verkkoa jne.",
            "Samat vastaajat toivoivat lisää.",
        ],
        ["Esim. Tampereella lainattiin n. 15 % vähemmän (ks. kuvio 1).", "Muualla lasku oli pienempi."],
    ],
)
def test_finnish_sentences(sentences: list[str]) -> None:
    assert _sentences(" ".join(sentences), "fi") == sentences


def test_finnish_stop_words_are_its_function_words_not_the_content_words_of_the_source_list() -> None:
    """The stop-words package's Finnish list (820 words) holds content words: 'aika' (time), 'apu'
    (help), 'vuosi' (year), 'uusi' (new) were never terms of a Finnish article."""
    words = get_language("fi").stop_words
    assert not {"aika", "apu", "asia", "vuosi", "uusi", "suuri", "hyvä", "kolme", "aoua"} & words
    assert {"ja", "että", "aikana", "avulla", "jälkeen", "voidaan", "hyvin", "kuitenkin", "esim"} <= words
