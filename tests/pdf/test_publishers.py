"""Publisher layouts and languages (tests/publishers.py): abstract, body start, nothing lost.

For every generated first page: the abstract is found (token F1 >= 0.9 against the expected one,
and in fact equal), the body starts with the expected first sentence, no boilerplate reaches the
body, and every word of the page text ends up in the title, abstract, body, footnotes or the
removed list.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

pdfium = pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from publishers import LAYOUTS, Layout, render  # noqa: E402
from synopsis.pdf import extract  # noqa: E402
from synopsis.pdf.document import PdfText  # noqa: E402

_WORD = re.compile(r"[^\W\d_]{2,}")


def token_f1(found: str, expected: str) -> float:
    a = Counter(re.findall(r"\w+", found.lower()))
    b = Counter(re.findall(r"\w+", expected.lower()))
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def page_words(data: bytes) -> Counter[str]:
    """The words of every page as PDFium's own text layer has them (no layout analysis)."""
    document = pdfium.PdfDocument(data)
    words: Counter[str] = Counter()
    for page in document:
        words.update(w.lower() for w in _WORD.findall(page.get_textpage().get_text_range()))
    return words


def accounted_words(found: PdfText) -> Counter[str]:
    pieces = [found.text, found.title, found.abstract, *found.footnotes, *(item.text for item in found.removed_text)]
    return Counter(w.lower() for w in _WORD.findall(" ".join(pieces)))


_EXTRACTED: dict[str, tuple[bytes, PdfText]] = {}


def extracted(layout: Layout) -> tuple[bytes, PdfText]:
    if layout.name not in _EXTRACTED:
        data = render(layout)
        _EXTRACTED[layout.name] = (data, extract(data, source=f"{layout.name}.pdf"))
    return _EXTRACTED[layout.name]


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_abstract_is_found_exactly(layout: Layout) -> None:
    _, found = extracted(layout)
    assert token_f1(found.abstract, layout.expected_abstract) >= 0.9
    assert found.abstract == layout.expected_abstract
    assert found.title == layout.title


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_body_starts_with_the_first_sentence_and_has_no_boilerplate(layout: Layout) -> None:
    _, found = extracted(layout)
    body = found.body
    assert body.startswith(f"{layout.headings[0]}\n\n{layout.first_sentence}")
    front_matter = (*layout.banner, *layout.authors, *layout.before_abstract, *layout.after_abstract, *layout.foot)
    for block in front_matter:
        assert block not in body, block
    if layout.keywords:
        assert layout.keywords.split(" ", 1)[1] not in body
    assert layout.references[1] not in body


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_no_word_of_the_pages_is_lost(layout: Layout) -> None:
    data, found = extracted(layout)
    lost = page_words(data) - accounted_words(found)
    assert not lost, f"words in no output field: {dict(lost)}"


def test_structured_abstract_parts_are_labelled() -> None:
    hindawi = next(layout for layout in LAYOUTS if layout.name == "hindawi")
    _, found = extracted(hindawi)
    assert found.abstract_parts == tuple((label.rstrip(".:–— "), text) for label, text in hindawi.abstract)
    emerald = next(layout for layout in LAYOUTS if layout.name == "emerald")
    assert [label for label, _ in extracted(emerald)[1].abstract_parts] == [
        "Purpose",
        "Design/methodology/approach",
        "Findings",
        "Originality/value",
    ]


def test_unrecognised_front_matter_stays_in_the_body() -> None:
    layout = next(layout for layout in LAYOUTS if layout.name == "springer")
    odd = "A note the classifier has no rule for, written as an ordinary sentence of prose."
    _, found = (None, extract(render(Layout(**{**layout.__dict__, "before_abstract": (odd,)})), source="odd.pdf"))
    assert odd in found.body
    assert odd not in " ".join(item.text for item in found.removed_text)


def test_an_abstract_that_runs_onto_page_two_is_read_whole() -> None:
    sage = next(layout for layout in LAYOUTS if layout.name == "sage")
    data, found = extracted(sage)
    document = pdfium.PdfDocument(data)
    pages = [" ".join(page.get_textpage().get_text_range().split()) for page in document]
    words = sage.expected_abstract.split()
    assert " ".join(words[:6]) in pages[0] and " ".join(words[-6:]) in pages[1]
    assert found.abstract == sage.expected_abstract


def test_extract_json_lists_removed_text_and_abstract_parts(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from synopsis.cli import app

    hindawi = next(layout for layout in LAYOUTS if layout.name == "hindawi")
    path = tmp_path / "hindawi.pdf"
    path.write_bytes(render(hindawi))
    result = CliRunner().invoke(app, ["extract", str(path), "--output", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["abstract_parts"] == [{"label": label.rstrip("."), "text": text} for label, text in hindawi.abstract]
    removed = {(item["reason"], item["text"]) for item in data["removed_text"]}
    assert ("editor", "Academic Editor: Hugo Martins") in removed
    assert ("correspondence", hindawi.before_abstract[0]) in removed
    assert all(item["page"] == 1 for item in data["removed_text"])


@pytest.mark.parametrize("layout", LAYOUTS, ids=[layout.name for layout in LAYOUTS])
def test_every_summary_sentence_is_a_body_sentence(layout: Layout) -> None:
    from synopsis.ingest.pdf import read_pdf_bytes
    from synopsis.pipeline import build_document, summarize_document
    from synopsis.types import Budget

    article = read_pdf_bytes(render(layout), source=f"{layout.name}.pdf")
    summary = summarize_document(build_document(article), budget=Budget(words=80))
    body = " ".join(layout.body)
    assert summary.sentences
    for sentence in summary.sentences:
        assert sentence.text in body, sentence.text  # never boilerplate, the abstract or a reference
