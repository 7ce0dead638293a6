"""Hungarian as a supported language: what its data needed beyond the shared tests of every supported
language (tests/test_language.py, tests/test_languages_more_supported.py, tests/test_segment.py's
development set). Before, Hungarian was detected, named "not supported" and summarized with neutral
settings: no stop words, no stemming, no heading roles, and its captions, which put the number
before the label ("1. ábra."), stayed in the text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from synopsis.clean import clean_text
from synopsis.features import stem_all, tokenize
from synopsis.language import detect_language, get_language, resolve_language
from synopsis.segment import sentence_spans

ROOT = Path(__file__).parent.parent
ARTICLE = ROOT / "tests" / "data" / "lang" / "hu.txt"
LANG_DATA = ROOT / "src" / "synopsis" / "data" / "lang"


def _segment(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, lang=lang)]


def test_hungarian_is_supported_and_resolved_without_a_warning() -> None:
    language, warning = resolve_language(None, ARTICLE.read_text(encoding="utf-8"))
    assert language.code == "hu" and language.supported and warning is None
    assert language.stemmer == "hungarian"
    assert detect_language("Eredményeink azt mutatják, hogy a piacok kiszámíthatóbb bevételt hoznak a termelőknek.") == "hu"


def test_the_list_is_the_package_list_respelled_less_what_is_dropped() -> None:
    """The package's words with ő were decoded as Latin-1 (elõtt, õk): the shipped list is the file in
    its order, each word of "respelled" written as Hungarian does, less the words "dropped" names."""
    stop_words_package = pytest.importorskip("stop_words")
    source = (Path(stop_words_package.__file__).parent / "stop-words" / "hungarian.txt").read_text(encoding="utf-8").split()
    entry = json.loads((LANG_DATA / "hu.json").read_text(encoding="utf-8"))["stop_words"]
    dropped = {w for key, value in entry["dropped"].items() if key != "note" for w in value.split()}
    assert dropped <= set(source) and set(entry["respelled"]) <= set(source)
    assert entry["words"] == [entry["respelled"].get(w, w) for w in source if w not in dropped]


def test_stop_words_are_repaired_and_lose_content_words() -> None:
    words = get_language("hu").stop_words
    assert {"ő", "ők", "előtt", "először", "is", "alapján", "során", "miatt", "illetve", "amely", "nemcsak"} <= words
    assert not {"õ", "õk", "elõtt", "elsõ", "első", "cikk", "jó", "nagy", "új", "teljes", "utolsó", "ison"} & words
    assert stem_all([tokenize("A piacok, a piacon és a piacot", "hu")], "hu") == [["piac", "piac", "piac"]]


def test_a_caption_with_its_number_first_is_removed() -> None:
    """Hungarian numbers a figure before its label: "1. ábra." was body text, and a summary sentence."""
    text = "Egy sor.\n1. ábra. A termelők száma a három piacon évenként, 2015–2023.\n3. Kuva ja teksti\nVége."
    cleaned = clean_text(text, lang="hu")
    assert cleaned.removed == {"caption": 1}  # a numbered heading that only starts with a label word stays
    flat = "Az eredményeket mutatjuk be. 1. ábra. A termelők száma a három piacon évenként. Ez nagy."
    assert _segment(flat, "hu")[1] == "1. ábra. A termelők száma a három piacon évenként."


def test_other_languages_read_a_number_before_a_label_as_before() -> None:
    assert _segment("See step 1. Table. The results are shown.", "en") == ["See step 1.", "Table.", "The results are shown."]


@pytest.mark.parametrize(
    ("lang", "sentences"),
    [
        ("hu", ["Az eredményeket a 2. táblázat mutatja be.", "2015-ben a piacok fele veszteséges volt."]),
        ("hu", ["A boltot a Zöld Kft. vette át.", "12 termelő maradt."]),
        ("hu", ["Lásd pl. 45. o. és a 3. ábra.", "A kép a levéltárból származik."]),
        ("cs", ["Viz s. 45 a obr. 3.", "Obě ilustrace pocházejí z archivu."]),  # "s. 45" a page, not Hungarian
    ],
)
def test_a_short_word_before_a_number_ends_a_sentence_only_where_listed(lang: str, sentences: list[str]) -> None:
    """Hungarian's verbal prefixes (be, át, ki, meg) end sentences: after them "2015-ben" opens one;
    after other short words ("s. 45", "Abb. 3") a number stays a reference."""
    assert _segment(" ".join(sentences), lang) == sentences
