"""Leftovers in languages other than English (stop 37): reference entries and Macedonian (URLs:
tests/clean/test_url_lead_words.py).

Each test says what a user saw before.
"""

from __future__ import annotations

import pytest

from synopsis.language import detect_language, resolve_language
from synopsis.segment import sentence_spans


def _sentences(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, lang=lang)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Schmidt, K. (1998). 15 Jahre Forschung zur Sprache.", "de"),
        ("Schmidt, K. & Weber, H.-J. (1998a). 15 Jahre Forschung zur Sprache.", "de"),
        ("García, J. (2005). 100 años de lingüística española.", "es"),
        ("Nowak, J. (2010). 25 lat badań nad językiem.", "pl"),
        ("Jansen, J.H. (2001). 12 jaar onderzoek naar taal.", "nl"),
        ("Иванов, И. И. (2005). 100 лет русской лингвистики.", "ru"),
        ("Nagy B. (2019). 20 év nyelvészeti kutatás.", "hu"),
        ("Jansen, J. (red.) (2001). 12 jaar onderzoek naar taal.", "nl"),
        ("van Dijk, J. (2001). 12 jaar onderzoek naar taal.", "nl"),
        ("García Márquez, G., Pérez, L. y López, M. (2005). 100 años de soledad.", "es"),
    ],
    ids=["de", "de-two-authors", "es", "pl", "nl", "ru", "hu", "nl-editor", "nl-particle", "es-three-authors"],
)
def test_a_reference_entry_whose_title_opens_with_a_number_stays_whole(text: str, lang: str) -> None:
    """Before: after the citation rule of stop 36 a reference entry's bracketed year ended a
    sentence before a title opening with a number: "Schmidt, K. (1998)." and "15 Jahre Forschung
    zur Sprache." were two sentences."""
    assert _sentences(text, lang) == [text]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Frage ist alt, wie Müller zeigt (2019). 15 Teilnehmer fehlten.", "de"),
        ("Ezt már leírták (Nagy et al., 2019). 2020. március 3. óta más a helyzet.", "hu"),
        # a review: prose naming an author by surname and initial before the year (any initial
        # before "(year)" was taken for a reference entry's head, and the sentences were glued)
        ("Ezt Kovács P. (2019). 2020-ban újabb vizsgálat következett.", "hu"),
        ("Badania prowadził Kowalski, J. (2010). 20 osób wzięło udział.", "pl"),
        ("Результаты опубликовал Иванов И. И. (2010). 20 человек участвовали.", "ru"),
        ("Die Daten stammen aus der Welle S. (2010). 20 Befragte fehlten.", "de"),
        ("Siehe dazu (vgl. Kap. 3.) (2019). 30 Fälle wurden gezählt.", "de"),
    ],
)
def test_a_year_in_brackets_after_a_word_still_ends_a_sentence(text: str, lang: str) -> None:
    """What the reference-entry rule must keep: a citation that ends a sentence, then a number."""
    assert len(_sentences(text, lang)) == 2


MACEDONIAN = (
    "Овој труд ја истражува лексичката варијација во научните текстови напишани на македонски јазик помеѓу 1990 и "
    "2020 година. Резултатите покажуваат дека дисциплините јасно се разликуваат според својот речник, додека "
    "сврзниците се менуваат многу малку. Освен тоа, предлагаме нова методологија за проучување на ваквите корпуси, "
    "која може да се примени и на други јазици, а во иднина ќе ја провериме и врз поголем број граѓански текстови."
)


@pytest.mark.parametrize(
    "text", [MACEDONIAN, "Оваа студија ќе ги опише односите меѓу граѓаните и државата."], ids=["abstract", "short"]
)
def test_macedonian_is_named_as_unsupported_macedonian(text: str) -> None:
    """Before: a Macedonian abstract was named Serbian ("the language is sr (Serbian), which is not
    supported"), a short sentence "could not be determined from its Cyrillic script"."""
    assert detect_language(text) == "mk"
    language, warning = resolve_language(None, text)
    assert not language.supported
    assert warning is not None and "mk (Macedonian), which is not supported" in warning
    assert "\n" not in warning


def test_serbian_cyrillic_stays_serbian() -> None:
    text = (
        "Овај рад истражује лексичку варијацију у научним текстовима написаним на српском језику између 1990. и "
        "2020. године. Резултати показују да се дисциплине јасно разликују по свом речнику, док се везници мењају "
        "веома мало. Осим тога, предлажемо нову методологију за проучавање оваквих корпуса, која се може применити "
        "и на друге језике, као што је македонски, у коме се пише „ќе“."
    )
    assert detect_language(text) == "sr"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Статья посвящена жизни и деятельности Ѓорѓе Петрова, македонского революционера и учёного. Мы "
            "анализируем его переписку и публикации, а также роль, которую Ѓорѓе Петров сыграл в становлении "
            "национального движения. Исследование основано на архивных материалах из Софии и Скопья.",
            "ru",
        ),
        (
            "Буква ѕ (зело) в церковнославянском письме встречается в словах ѕвѣзда и ѕло. В статье "
            "рассматривается история этой буквы и её употребление в рукописях разных эпох.",
            "ru",
        ),
        ("Ѓорѓе Петров и Ѓорѓи Пулевски: жизнь и труды.", "ru"),
    ],
    ids=["names-twice", "church-slavonic", "title"],
)
def test_a_russian_text_quoting_macedonian_names_or_letters_stays_russian(text: str, lang: str) -> None:
    """A review: two words with ѓ, ќ or ѕ made a Russian text Macedonian (unsupported), and it lost
    Russian's stemmer, stop words and sentence rules. Names (capitalised) are no evidence, and a text
    full of letters Macedonian never writes (ы, я, й ...) is not Macedonian."""
    assert detect_language(text) == lang
