"""The PDF front-matter lexicon: languages are data files, boilerplate is named by reason."""

from __future__ import annotations

import json
from importlib import resources

import pytest

pytest.importorskip("pypdfium2")

from synopsis.pdf.boilerplate import classify, classify_lines
from synopsis.pdf.headings import is_keyword_list
from synopsis.pdf.lexicon import build_lexicon, lexicon
from synopsis.pdf.lines import Line


def line(text: str, top: float = 100, size: float = 8) -> Line:
    return Line(text, 72, top, 520, top + size, size, page=0)


def test_every_shipped_language_is_a_data_file() -> None:
    folder = resources.files("synopsis") / "data" / "pdf"
    files = sorted(item.name for item in folder.iterdir() if item.name.endswith(".json"))
    codes = ("ca", "cs", "da", "de", "en", "es", "fi", "fr", "hu", "id", "it", "nb", "nl", "pl", "pt", "ro", "ru", "sv", "tr")
    assert files == [f"{code}.json" for code in codes]
    assert lexicon().languages == codes


def test_a_new_language_is_a_new_file() -> None:
    lithuanian = {  # Polish was the example until it shipped
        "language": "lt",
        "abstract": ["santrauka"],
        "keywords": ["reikšminiai žodžiai"],
        "introduction": ["įvadas"],
        "references": ["literatūra"],
        "abstract_parts": ["tikslas", "metodai", "rezultatai", "išvados"],
        "boilerplate": {"dates": ["gauta\\b.{0,40}\\d{4}"]},
    }
    shipped = [(resources.files("synopsis") / "data" / "pdf" / "en.json").read_text(encoding="utf-8")]
    merged = build_lexicon([*shipped, json.dumps(lithuanian)])
    assert merged.abstract_label.match("Santrauka") is not None
    assert merged.abstract_label.match("Abstract") is not None  # English still there
    assert merged.part_label.match("Rezultatai: tai veikia.") is not None
    assert merged.references.fullmatch("Literatūra") is not None
    assert dict(merged.boilerplate)["dates"].search("Gauta 2024 m. gegužės 3 d.") is not None
    assert lexicon().part_label.match("Rezultatai: tai veikia.") is None
    assert lexicon().references.fullmatch("Literatūra") is None
    assert lexicon().abstract_label.match("Streszczenie") is not None  # Polish ships now


def test_abstract_labels_of_languages_without_a_file_are_known() -> None:
    # The labels cleaning knows for languages with no data file: "Streszczenie" was removed as an
    # author line, and the abstract under it summarized.
    assert lexicon().abstract_label.match("Streszczenie") is not None
    assert lexicon().abstract_label.match("Samenvatting: Wij onderzochten") is not None
    assert build_lexicon([json.dumps({"language": "xx"})]).abstract_label.match("Streszczenie") is None


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("Słowa kluczowe: wody podziemne; zmiany klimatu; susza", True),
        ("Klíčová slova: podzemní voda; změna klimatu; sucho; zemědělství;", True),
        ("Wyniki: zasilanie spadło o piętnaście procent; spadki były największe w centrum; na południu nie", False),
        ("Methods: we measured recharge in three basins", False),
        ("Note: a; b", False),
        ("Kľúčové slová: podzemná voda; sucho; poľnohospodárstvo", True),  # Slovak: no lexicon file
        # An English structured abstract's parts (review of stop 33: they were cut off as keywords).
        ("Data sources: MEDLINE; Embase; CINAHL; PsycINFO; Web of Science; Cochrane Library.", False),
        ("Study selection: randomised trials; cohort studies; case series", False),
        ("Účastníci: 412 dospělých; 56 % žen; průměrný věk 54", False),
        # The second review: parts of structured abstracts under non-ASCII labels, and keyword lines
        # under ASCII labels or with digits in their items.
        ("Sources de données : MEDLINE ; Embase ; CINAHL ; PsycINFO", False),
        ("Źródła danych: MEDLINE; Embase; CINAHL; PsycINFO", False),
        ("Adatforrások: MEDLINE; Embase; CINAHL", False),
        ("Palabras chave: auga subterránea; seca; clima", True),
        ("Gako-hitzak: lurpeko ura; lehortea; klima", True),
        ("Kľúčové slová: COVID-19; Priemysel 4.0; digitalizácia", True),
    ],
)
def test_a_keywords_line_is_known_by_its_shape(text: str, listed: bool) -> None:
    assert is_keyword_list(text) is listed


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Received 12 March 2024; Revised 2 May 2024; Accepted 20 May 2024", "dates"),
        ("Academic Editor: Hugo Martins", "editor"),
        ("Correspondence should be addressed to A. Okafor; aokafor@unilag.edu.ng", "correspondence"),
        ("Copyright © 2024 A. Okafor et al. This is an open access article distributed under", "licence"),
        ("Citation: Silva A (2024) Telephone follow-up. Healthcare 12:345.", "citation"),
        ("Volume 2024, Article ID 8845123, 9 pages", "identifier"),
        ("Open Access", "open_access"),
        ("ORCID: https://orcid.org/0000-0002-1825-0097", "orcid"),
        ("This article is part of the Research Topic Care Transitions", "series"),
        ("Eingegangen: 3. Januar 2024 / Angenommen: 2. März 2024", "dates"),
        ("Reçu le 3 janvier 2024 ; accepté le 2 mars 2024", "dates"),
        ("Correspondencia: José Martínez, jmartinez@us.es", "correspondence"),
        ("Palavras-chave: reinternação; alta hospitalar", "keywords"),
        ("Subject to the conditions of the Creative Commons licence", "licence"),
    ],
)
def test_boilerplate_reasons(text: str, reason: str) -> None:
    assert classify([line(text)], near_title=False) == reason


def test_prose_is_not_boilerplate_and_names_only_near_the_title() -> None:
    prose = line("We asked nurses how they plan the discharge of patients who live alone.")
    assert classify([prose], near_title=True) is None
    names = line("Amara Okafor, Liam Chen and Sofia Rossi")
    assert classify([names], near_title=True) == "authors"
    assert classify([names], near_title=False) is None


def test_a_licence_paragraph_continues_over_its_lines() -> None:
    block = [
        line("Received: 5 January 2024 Accepted: 10 February 2024", 100),
        line("Copyright: © 2024 by the authors. This article is an open access article", 110),
        line("distributed under the terms and conditions of the license.", 120),
    ]
    assert classify_lines(block, near_title=False) == ["dates", "licence", "licence"]


@pytest.mark.parametrize("text", ["Einleitung", "2 Methoden", "Méthodes", "Résultats", "4. Discusión", "Introdução", "Résumé"])
def test_section_headings_in_every_language(text: str) -> None:
    from synopsis.pdf import headings

    assert headings.is_known_heading(text)


@pytest.mark.parametrize(
    "text", ["Literatur", "Literaturverzeichnis", "Bibliographie", "Références", "Referencias", "7. Referências"]
)
def test_reference_headings_in_every_language(text: str) -> None:
    from synopsis.pdf import headings

    assert headings.is_end_matter(text)


def test_sentences_are_not_headings_or_abstract_labels() -> None:
    from synopsis.pdf import headings

    assert not headings.is_known_heading("Résultats obtenus dans les hôpitaux")
    assert not headings.is_known_heading("Summary statistics were computed for every ward")


@pytest.mark.parametrize(
    "line",
    [
        "Data sources: MEDLINE; Embase; CINAHL; PsycINFO; Web of Science; Cochrane Library.",
        "Study selection: Randomised controlled trials comparing exercise with usual care.",
        "Design, setting, and participants: A cohort study in 12 hospitals.",
        "Sources de données : MEDLINE ; Embase ; CINAHL.",
        "Sélection des études : Les essais contrôlés randomisés.",
    ],
)
def test_the_parts_of_systematic_review_abstracts_are_parts(line: str) -> None:
    # PRISMA- and JAMA-style labels: an abstract ended at "Data sources:", its later parts read as
    # body and opening the summary (second review of stop 33).
    assert lexicon().part_label.match(line) is not None
