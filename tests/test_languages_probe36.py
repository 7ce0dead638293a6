"""Scholarly text in supported languages as a user writes it (probe of stop 36): what came out wrong.

Each test says what was wrong before.
"""

from __future__ import annotations

import warnings

import pytest

from synopsis.language import detect_language
from synopsis.pipeline import summarize
from synopsis.segment import sentence_spans


def _sentences(text: str, lang: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text, lang=lang)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Как писал Дж. Р. Р. Толкин, язык больше, чем инструмент. Это важно для нас.", "ru"),
        ("Як писав Дж. Р. Р. Толкін, мова більше, ніж інструмент. Це важливо для нас.", "uk"),
        ("Wie schon Th. Mann in seinem Roman schrieb, ist Sprache mehr. Das ist wichtig.", "de"),
        ("Comme l’a montré Ch. Perelman dans son traité, la langue compte. Cela importe beaucoup.", "fr"),
        ("Jak ukázal Ch. Darwin ve své knize, jazyk je víc. To je velmi důležité.", "cs"),
        ("Jak napisał Sz. Nowak w swoim eseju, język jest domem. To jest ważne.", "pl"),
    ],
)
def test_an_initial_of_two_letters_opens_no_sentence(text: str, lang: str) -> None:
    """Before: "Дж." (J., as Russian and Ukrainian write John or George), "Th.", "Ch." and Polish
    "Sz." ended a sentence, and the name was cut from its initial: "Как писал Дж." was a sentence
    of its own and "Р. Р. Толкин, язык ..." the next."""
    assert len(_sentences(text, lang)) == 2


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "A kutatás az utóbbi években jelentősen kibővült (Nagy et al., 2019). 2020. március 3. óta elérhető egy új korpusz.",
            "hu",
        ),
        (
            "Die Forschung ist in den letzten Jahren stark gewachsen (Müller et al., 2019). "
            "2020 wurde ein neues Korpus veröffentlicht.",
            "de",
        ),
        ("Les travaux sur ce sujet sont nombreux [12]. 45 % des articles portent sur l’anglais.", "fr"),
    ],
)
def test_a_sentence_opening_with_a_number_after_a_citation_is_its_own(text: str, lang: str) -> None:
    """Before: a sentence ending in a citation's bracket, "(Nagy et al., 2019).", ran on into the
    next one when that opened with a number (a Hungarian date "2020. március 3.", a year, a share),
    as English did not: the summary took two sentences as one."""
    first, second = _sentences(text, lang)
    assert first.endswith((").", "]."))
    assert second[0].isdigit()


def test_a_number_after_a_bracket_without_a_stop_opens_no_sentence() -> None:
    """What the rule above must not split: a bracket that no stop follows, then an ordinal."""
    assert len(_sentences("Siehe dazu die Angaben (S. 12) und das 3. Kapitel des Buches.", "de")) == 1


SERBIAN_CYRILLIC = (
    "Овај рад истражује лексичку варијацију у научним текстовима написаним на српском језику између 1990. и "
    "2020. године. Резултати показују да се дисциплине јасно разликују по свом речнику, док се везници мењају "
    "веома мало. Осим тога, предлажемо нову методологију за проучавање оваквих корпуса, која се може применити "
    "и на друге језике."
)
BELARUSIAN = (
    "Гэты артыкул даследуе лексічную варыятыўнасць у навуковых тэкстах, напісаных на беларускай мове паміж "
    "1990 і 2020 гадамі. Вынікі паказваюць, што дысцыпліны выразна адрозніваюцца сваёй лексікай, тады як "
    "злучнікі змяняюцца вельмі мала. Акрамя таго, мы прапануем новую метадалогію для вывучэння такіх корпусаў, "
    "якую можна ўжыць і да іншых моў."
)
# One paragraph of a Russian article: its "т. е." (that is) gave Bulgarian's "е" (is) one hit more.
RUSSIAN_PARAGRAPH = (
    "Мы проанализировали 4 523 статьи, опубликованные в 1990–2020 гг. (см. Петров 2015, с. 45–67). Доля "
    "составляет 12,4 % в гуманитарных науках и 8,7 % в точных науках, т. е. различие существенно. "
    "Статистический анализ основан на смешанных моделях, и т. д."
)
BULGARIAN = (
    "Тази статия изследва лексикалното разнообразие в научните текстове, написани на български език между "
    "1990 и 2020 г. Резултатите показват, че дисциплините ясно се различават по своя речник, докато съюзите се "
    "променят много малко. Освен това предлагаме нова методология за изучаване на такива корпуси, която може "
    "да се приложи и към други езици."
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [(SERBIAN_CYRILLIC, "sr"), (RUSSIAN_PARAGRAPH, "ru"), (BELARUSIAN, "und"), (BULGARIAN, "bg")],
    ids=["serbian", "russian", "belarusian", "bulgarian"],
)
def test_a_cyrillic_text_is_no_language_whose_alphabet_lacks_its_letters(text: str, expected: str) -> None:
    """Before: Serbian in Cyrillic (ј, њ) tied with Bulgarian, the first profile, and was named
    Bulgarian; a paragraph of Russian (ы) was Bulgarian; Belarusian (ў), which has no profile, was
    Ukrainian. Bulgarian, which the letters do not rule out, stays Bulgarian."""
    assert detect_language(text) == expected


def test_a_russian_paragraph_is_summarized_as_russian_without_a_warning() -> None:
    """What the user saw of the paragraph above: "the language is bg (Bulgarian), which is not
    supported ... summarized with language-neutral settings" under a Russian text."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        summary = summarize(RUSSIAN_PARAGRAPH, words=60)
    assert summary.sentences
