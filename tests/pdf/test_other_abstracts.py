"""A paper with two abstracts: its own language's and another's. The first labelled one is the
abstract; a second one in another language that its label opens inside it is set aside and listed
(`other_language_abstract`), and a language with no lexicon file still has its abstract found by
the label cleaning knows ("Streszczenie") and its keywords line by its shape."""

from __future__ import annotations

import re

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdfgen import BOLD, Page, build, sentences, wrap
from synopsis.pdf import extract

LEFT, WIDTH = 72.0, 450.0

ENGLISH = (
    "Estimating groundwater recharge in semi-arid basins remains difficult because direct measurements are sparse "
    "and costly. This study combines stable isotope ratios of oxygen and hydrogen with chloride mass balance to "
    "estimate recharge across three basins in southern India. We find that recharge rates vary between four and "
    "eleven percent of annual rainfall."
)
SPANISH = (
    "La estimación de la recarga de agua subterránea en cuencas semiáridas sigue siendo difícil porque las "
    "mediciones directas son escasas y costosas. Este estudio combina isótopos estables de oxígeno e hidrógeno con "
    "el balance de cloruros para estimar la recarga en tres cuencas del sur de la India. Encontramos que la recarga "
    "varía entre el cuatro y el once por ciento de la precipitación anual."
)
# Polish without the letters the standard fonts lack (ł, ą, ę, ś ...): the words stay Polish.
POLISH = (
    "Celem niniejszego artykulu jest ocena wplywu zmian klimatu na zasoby wód podziemnych w Polsce. Wyniki "
    "wskazuja, ze zasilanie wód podziemnych zmniejszylo sie o okolo pietnascie procent. Najwieksze spadki "
    "zaobserwowano w centralnej czesci kraju, gdzie pobór wody jest najwiekszy."
)
POLISH_BODY = [
    f"W czesci {n} zespól opisal {thing} w miescie i pokazal, jak mieszkancy go uzywali na co dzien."
    for n, thing in enumerate(["most", "rynek", "port", "ogród", "dworzec"] * 4)
]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def two_abstracts(second: str) -> tuple[bytes, list[str]]:
    """An English paper whose abstract paragraph runs on into a second abstract whose label opens
    its first line ("Resumen. La estimación ..."), as a journal's boxed abstracts are set."""
    page = Page()
    page.text(LEFT, 60, "Groundwater Recharge Estimation in Semi-Arid Basins", font=BOLD, size=18)
    page.text(LEFT, 90, "Maria Lindqvist and Rahul Menon", size=11)
    lines = wrap(f"Abstract. {ENGLISH}", WIDTH) + wrap(second, WIDTH)
    y = page.block(LEFT, 120, lines, leading=12) + 10
    page.text(LEFT, y, "Keywords: groundwater; recharge; isotopes")
    page.text(LEFT, y + 25, "1 Introduction", font=BOLD, size=12)
    body = sentences("B", 12)
    page.block(LEFT, y + 45, wrap(" ".join(body), WIDTH), leading=12)
    return build([page]), body


def test_a_second_abstract_in_another_language_is_set_aside_not_merged() -> None:
    # "Resumen. La estimación ..." followed the English abstract with no gap: it was read as more
    # abstract, and the article's abstract was half Spanish.
    data, body = two_abstracts(f"Resumen. {SPANISH}")
    found = extract(data, source="two.pdf")
    assert found.abstract == ENGLISH
    aside = " ".join(item.text for item in found.removed_text if item.reason == "other_language_abstract")
    assert flat(aside) == f"Resumen. {SPANISH}"
    assert "estimación" not in found.text
    assert flat(found.body).startswith(f"1 Introduction {body[0]}")


def test_a_second_label_of_the_same_language_goes_on_with_the_abstract() -> None:
    more = "Summary. Recharge was highest where irrigation was rare and the soils were thin over weathered granite."
    found = extract(two_abstracts(more)[0], source="one.pdf")
    assert found.abstract == f"{ENGLISH} {more}"
    assert "other_language_abstract" not in found.removed


def test_an_abstract_labelled_in_a_language_without_a_lexicon_file_is_the_abstract() -> None:
    # Polish has no data file: "Streszczenie" was removed as an author line, the Polish abstract
    # and its "Słowa kluczowe" line were kept in the body, and the summary was the abstract.
    page = Page()
    page.text(LEFT, 60, "Wplyw zmian klimatu na zasoby wód podziemnych w Polsce", font=BOLD, size=18)
    page.text(LEFT, 90, "Jan Kowalski, Anna Nowak", size=11)
    page.text(LEFT, 120, "Streszczenie", font=BOLD)
    y = page.block(LEFT, 135, wrap(POLISH, WIDTH), leading=12) + 4
    page.text(LEFT, y, "Slowa kluczowe: wody podziemne; zmiany klimatu; susza")
    page.text(LEFT, y + 25, "1. Wstep", font=BOLD, size=12)
    page.block(LEFT, y + 45, wrap(" ".join(POLISH_BODY), WIDTH), leading=12)
    found = extract(build([page]), source="pl.pdf")
    assert found.abstract == POLISH
    assert [item.text for item in found.removed_text if item.reason == "abstract_heading"] == ["Streszczenie"]
    assert [item.text for item in found.removed_text if item.reason == "keywords"] == [
        "Slowa kluczowe: wody podziemne; zmiany klimatu; susza"
    ]
    assert not [item for item in found.removed_text if item.reason == "authors" and "Streszczenie" in item.text]
    assert flat(found.body).startswith(f"1. Wstep {POLISH_BODY[0]}")
