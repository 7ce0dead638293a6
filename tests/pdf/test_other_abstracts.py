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
ESTONIAN = (
    "Käesoleva artikli eesmärk on hinnata kliimamuutuse mõju põhjaveevarudele Eestis. Tulemused näitavad, et "
    "põhjavee toitumine on vähenenud umbes viisteist protsenti. Suurimad langused on riigi lõunaosas, kus "
    "sademeid on kõige vähem."
)
ESTONIAN_BODY = [
    f"Osas {n} kirjeldas uurimisrühm linna {thing} ja näitas, kuidas elanikud seda iga päev kasutasid."
    for n, thing in enumerate(["silda", "turgu", "sadamat", "aeda", "jaama"] * 4)
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
    # Estonian has no data file (Polish, the first case, has one now): "Kokkuvõte" was removed as
    # an author line, the abstract and its keywords line were kept in the body, and the summary
    # was the abstract. The keywords line is known by its shape and its label's letters.
    page = Page()
    page.text(LEFT, 60, "Kliimamuutuse mõju põhjaveevarudele Eestis", font=BOLD, size=18)
    page.text(LEFT, 90, "Jaan Tamm, Mari Kask", size=11)
    page.text(LEFT, 120, "Kokkuvõte", font=BOLD)
    y = page.block(LEFT, 135, wrap(ESTONIAN, WIDTH), leading=12) + 4
    page.text(LEFT, y, "Märksõnad: põhjavesi; kliimamuutus; põud")
    page.text(LEFT, y + 25, "1. Sissejuhatus", font=BOLD, size=12)
    page.block(LEFT, y + 45, wrap(" ".join(ESTONIAN_BODY), WIDTH), leading=12)
    found = extract(build([page]), source="et.pdf")
    assert found.abstract == ESTONIAN
    assert [item.text for item in found.removed_text if item.reason == "abstract_heading"] == ["Kokkuvõte"]
    assert [item.text for item in found.removed_text if item.reason == "keywords"] == ["Märksõnad: põhjavesi; kliimamuutus; põud"]
    assert not [item for item in found.removed_text if item.reason == "authors" and "Kokkuvõte" in item.text]
    assert flat(found.body).startswith(f"1. Sissejuhatus {ESTONIAN_BODY[0]}")
