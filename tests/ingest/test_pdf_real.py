"""The real PDFs in shared/data/pdf (when present, see tests/real_pdfs.py): abstracts found,
running headers gone."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

pypdfium2 = pytest.importorskip("pypdfium2")

from real_pdfs import MANIFEST, MISSING, PDF_DIR  # noqa: E402
from synopsis.ingest.pdf import read_pdf  # noqa: E402
from synopsis.pipeline import build_document, summarize_document  # noqa: E402
from synopsis.types import Budget  # noqa: E402

# Reading the nine PDFs takes a few seconds (once, in the module fixture).
pytestmark = [pytest.mark.slow, pytest.mark.skipif(PDF_DIR is None, reason=MISSING)]
ENTRIES = [pytest.param(entry, id=entry["file"]) for entry in MANIFEST]


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def token_f1(found: str, expected: str) -> float:
    a, b = Counter(tokens(found)), Counter(tokens(expected))
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def running_lines(path: Path) -> set[str]:
    """Header and footer lines found without synopsis: text in the top and bottom strips of the
    pages (PDFium's own text), digits masked, that comes back on at least three pages."""
    doc = pypdfium2.PdfDocument(str(path))
    seen: Counter[str] = Counter()
    try:
        for page in doc:
            width, height = page.get_size()
            text_page = page.get_textpage()
            top = text_page.get_text_bounded(0, height * 0.91, width, height)
            bottom = text_page.get_text_bounded(0, 0, width, height * 0.09)
            strips = (top, bottom)
            keys = {mask(line) for strip in strips for line in strip.splitlines()}
            seen.update(key for key in keys if len(re.sub(r"[^a-z]", "", key)) >= 10)
    finally:
        doc.close()
    return {key for key, pages in seen.items() if pages >= 3}


def mask(text: str) -> str:
    """Digits masked and the page number at either end dropped, spaces folded, lower case."""
    masked = re.sub(r"\d+", "#", text.lower().replace("\ufffe", "-"))
    masked = re.sub(r"^[#\s/|]+|[#\s/|]+$", "", masked)
    return re.sub(r"\s+", " ", masked).strip()


@pytest.fixture(scope="module")
def articles() -> dict[str, object]:
    assert PDF_DIR is not None
    return {entry["file"]: read_pdf(PDF_DIR / entry["file"]) for entry in MANIFEST}


@pytest.mark.parametrize("entry", ENTRIES)
def test_abstract_matches_the_manifest(entry: dict[str, str], articles: dict[str, object]) -> None:
    article = articles[entry["file"]]
    assert token_f1(article.abstract, entry["abstract"]) >= 0.9  # type: ignore[attr-defined]


@pytest.mark.parametrize("entry", ENTRIES)
def test_title_matches_the_manifest(entry: dict[str, str], articles: dict[str, object]) -> None:
    assert articles[entry["file"]].title == entry["title"]  # type: ignore[attr-defined]


@pytest.mark.parametrize("entry", ENTRIES)
def test_no_running_header_survives(entry: dict[str, str], articles: dict[str, object]) -> None:
    assert PDF_DIR is not None
    headers = running_lines(PDF_DIR / entry["file"])
    if not headers:
        pytest.skip("this PDF has no repeated header or footer text (page numbers only)")
    article = articles[entry["file"]]
    start, end = article.body  # type: ignore[attr-defined]
    body = re.sub(r"\s+", " ", re.sub(r"\d+", "#", article.text[start:end].lower()))  # type: ignore[attr-defined]
    survivors = [header for header in headers if header in body]
    assert not survivors


@pytest.mark.parametrize("entry", ENTRIES)
def test_each_pdf_summarizes_from_its_body(entry: dict[str, str], articles: dict[str, object]) -> None:
    article = articles[entry["file"]]
    doc = build_document(article)  # type: ignore[arg-type]
    summary = summarize_document(doc, budget=Budget(words=150))
    body_start = article.body[0]  # type: ignore[attr-defined]
    assert summary.sentences and summary.words <= 150
    for sentence in summary.sentences:
        assert sentence.start >= body_start  # never from the title or the abstract
        assert article.text[sentence.start : sentence.end] == sentence.text  # type: ignore[attr-defined]
    assert len(doc.sentences) >= 40  # the body is there, not just front matter


@pytest.mark.parametrize(
    "name, caption",
    [
        ("bio-vespa-selective-pressure.pdf", "Table 2 Sample of a summary output file created by"),
        ("health-qi-barriers-malawi.pdf", "Table 2 Overview of themes on quality emerging from in-depth interviews"),
    ],
)
def test_a_turned_table_is_set_aside_whole(name: str, caption: str, articles: dict[str, object]) -> None:
    # The table's one-character cells ("2", "×", "=") cannot show that they leave the baseline:
    # they were cut off the table's rotated text as fragments and page numbers.
    if name not in articles:
        pytest.skip(f"{name} is not in the manifest")
    items = articles[name].meta["removed_text"]  # type: ignore[attr-defined]
    turned = [item for item in items if item["reason"] == "rotated_text"]
    assert turned and turned[0]["text"].startswith(caption)
    pages = {item["page"] for item in turned}
    leftovers = [item for item in items if item["page"] in pages and item["reason"] not in ("rotated_text", "running_header")]
    assert all(item["reason"] == "page_number" and f"{item['page']}" in item["text"] for item in leftovers)
