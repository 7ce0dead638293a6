"""PDFs in the languages synopsis reads beyond en/de/fr/es/pt: each language's PDF lexicon file
(`synopsis/data/pdf/<code>.json`) names its abstract label, keywords line, introduction,
acknowledgements and reference headings, so a paper in Italian or Danish is read like an English one."""

from __future__ import annotations

import json
import re
from importlib import resources

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdfgen import BOLD, Page, build, wrap
from synopsis.ingest.pdf import read_pdf_bytes
from synopsis.language import supported_codes
from synopsis.pdf import extract
from synopsis.pdf.lexicon import build_lexicon
from synopsis.pipeline import build_document

LEFT, WIDTH = 72.0, 450.0

PAPERS = {
    "it": {
        "title": "I ponti del porto nelle antiche città di mare",
        "label": "Riassunto",
        "keywords": "Parole chiave: porti; ponti; città di mare",
        "introduction": "1 Introduzione",
        "acknowledgements": "Ringraziamenti",
        "thanks": "Ringraziamo gli archivi comunali di Genova e di Venezia per il loro aiuto prezioso.",
        "references": "Bibliografia",
        "entry": "Rossi, M. (2019). I ponti di Venezia e di Genova. Studi di storia urbana 4, 1-9.",
        "sentence": (
            "Nella parte {n} il gruppo di ricerca ha studiato il {thing} della città "
            "e ha descritto come gli abitanti lo usavano ogni giorno."
        ),
        "things": ["ponte", "mercato", "porto", "giardino", "museo"],
    },
    "da": {
        "title": "Havnens broer i de gamle købstæder",
        "label": "Resumé",
        "keywords": "Nøgleord: havne; broer; købstæder",
        "introduction": "1 Indledning",
        "acknowledgements": "Tak",
        "thanks": "Vi takker byarkiverne i Ribe og Aalborg for deres hjælp med de gamle kort.",
        "references": "Litteratur",
        "entry": "Jensen, K. (2019). Broerne i Ribe og deres historie. Historisk Årbog 4, 1-9.",
        "sentence": "I del {n} har gruppen undersøgt {thing} i byen og beskrevet hvordan indbyggerne brugte den hver dag.",
        "things": ["broen", "markedet", "havnen", "haven", "museet"],
    },
}


def paper(code: str) -> tuple[bytes, str, list[str]]:
    """A two-page paper in `code`: title, authors, a labelled abstract, a keywords line, a numbered
    introduction, an acknowledgements heading in the body's own font, then the reference list."""
    words = PAPERS[code]
    body = [str(words["sentence"]).format(n=f"B{i}", thing=words["things"][i % 5]) for i in range(24)]
    abstract = " ".join(str(words["sentence"]).format(n=f"A{i}", thing=words["things"][i % 5]) for i in range(3))
    first, second = Page(), Page()
    first.text(LEFT, 60, str(words["title"]), font=BOLD, size=18)
    first.text(LEFT, 90, "Anna Smith og John Brown" if code == "da" else "Anna Rossi e Marco Bianchi", size=11)
    first.text(LEFT, 120, str(words["label"]), font=BOLD)
    y = first.block(LEFT, 135, wrap(abstract, WIDTH), leading=13) + 8
    first.text(LEFT, y, str(words["keywords"]))
    first.text(LEFT, y + 25, str(words["introduction"]), font=BOLD, size=12)
    first.block(LEFT, y + 45, wrap(" ".join(body[:12]), WIDTH), leading=13)
    y = second.block(LEFT, 72, wrap(" ".join(body[12:]), WIDTH), leading=13) + 15
    second.text(LEFT, y, str(words["acknowledgements"]))  # not bold: only its word makes it a heading
    y = second.block(LEFT, y + 15, wrap(str(words["thanks"]), WIDTH), leading=13) + 15
    second.text(LEFT, y, str(words["references"]), font=BOLD, size=12)
    second.block(LEFT, y + 18, wrap(str(words["entry"]), WIDTH), leading=13)
    return build([first, second]), abstract, body


@pytest.mark.parametrize("code", sorted(PAPERS))
def test_abstract_references_and_acknowledgements_are_found_in_a_papers_own_language(code: str) -> None:
    # Before the language files, "Riassunto" and "Resumé" were no abstract labels: the abstract
    # stayed in the body (or the body started after it unread), and "Tak" was a line of text.
    words = PAPERS[code]
    data, abstract, body = paper(code)
    found = extract(data, source=f"{code}.pdf")
    assert found.title == words["title"]
    assert found.abstract == abstract
    assert [item.text for item in found.removed_text if item.reason == "abstract_heading"] == [words["label"]]
    assert "keywords" in found.removed
    flat = re.sub(r"\s+", " ", found.body)
    assert flat.startswith(f"{words['introduction']} {body[0]}")
    headings = [found.text[start:end] for start, end in found.headings]
    assert words["acknowledgements"] in headings
    assert str(words["entry"])[:20] not in found.text and found.removed["references"] == 1
    document = build_document(read_pdf_bytes(data, source=f"{code}.pdf"))
    assert document.meta["language"] == code
    sentences = " ".join(sentence.text for sentence in document.sentences)
    assert body[0] in sentences and str(words["thanks"])[:30] not in sentences  # the thanks are no summary text


def test_every_supported_language_has_a_pdf_lexicon_file() -> None:
    folder = resources.files("synopsis") / "data" / "pdf"
    files = {item.name.removesuffix(".json") for item in folder.iterdir() if item.name.endswith(".json")}
    assert files == set(supported_codes())


def test_a_file_that_lacks_a_list_matches_nothing_for_it() -> None:
    # An empty alternation matched every line: a language file without abstract labels would have
    # made every line an abstract label.
    bare = build_lexicon([json.dumps({"language": "xx"})])
    assert bare.abstract_label.match("We measured the harbour.") is None
    assert bare.known_heading.fullmatch("") is None and bare.contents.fullmatch("") is None
    assert bare.chapter.match("Chapter 1") is None and bare.masthead.search("Journal of Tests") is None
