"""The real PDFs (shared/data/pdf): front matter named, nothing lost, abstracts as the manifest has them."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

pdfium = pytest.importorskip("pypdfium2")

from real_pdfs import MANIFEST, MISSING, PDF_DIR  # noqa: E402
from synopsis.pdf import extract  # noqa: E402
from synopsis.pdf.document import PdfText  # noqa: E402

_WORD = re.compile(r"[^\W\d_]{2,}")
_BREAKS = re.compile(r"[-\u2010\u00ad\ufffe\x02]\s*")
# Words PDFium's own text stream glues across a page end ("dif-" + running footer "Social ..." ->
# "difsocial") can be missing from the output although both parts are there; no more than this.
MAX_LOST_SHARE = 0.003

pytestmark = [pytest.mark.slow, pytest.mark.skipif(PDF_DIR is None, reason=MISSING)]


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(_BREAKS.sub("", text)))


@pytest.fixture(scope="module")
def extracted() -> dict[str, tuple[Path, PdfText]]:
    assert PDF_DIR is not None
    return {
        entry["file"]: (PDF_DIR / entry["file"], extract(PDF_DIR / entry["file"], source=entry["file"])) for entry in MANIFEST
    }


@pytest.mark.parametrize("entry", [pytest.param(e, id=e["file"]) for e in MANIFEST])
def test_no_word_is_lost(entry: dict[str, str], extracted: dict[str, tuple[Path, PdfText]]) -> None:
    path, found = extracted[entry["file"]]
    document = pdfium.PdfDocument(str(path))
    pages = words(" ".join(page.get_textpage().get_text_range() for page in document))
    pieces = [found.text, found.title, found.abstract, *found.footnotes, *(item.text for item in found.removed_text)]
    lost = pages - words(" ".join(pieces))
    assert sum(lost.values()) <= MAX_LOST_SHARE * sum(pages.values()), dict(lost)


@pytest.mark.parametrize("entry", [pytest.param(e, id=e["file"]) for e in MANIFEST])
def test_front_matter_is_named_not_left_in_the_body(entry: dict[str, str], extracted: dict[str, tuple[Path, PdfText]]) -> None:
    _, found = extracted[entry["file"]]
    body = found.body.lower()
    for phrase in ("creative commons", "corresponding author", "e-mail:", "doi:", "received:", "accepted:", "keywords:"):
        assert phrase not in body[:3000], phrase
    reasons = {item.reason for item in found.removed_text if item.page == found.cover_pages + 1}
    assert "abstract_heading" in reasons
