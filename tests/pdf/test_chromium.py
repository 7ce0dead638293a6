"""A two-column paper printed by headless Chromium (CSS columns), read back as a reader would.

The fixture `tests/data/pdf/chromium_two_column.pdf` was printed from the HTML beside it by
Chromium 156 through playwright (`page.pdf`, A4, `displayHeaderFooter` with a centred "Page N of
M" footer). What Chromium does that LaTeX does not: the footer crosses the column gutter; the
columns are balanced above a `column-span: all` figure and start again in the left column below
it; a soft hyphen's line-end break is printed as U+2010 while the text's own hyphens are "-"
(which PDFium flags at a line end as if they were breaks); a superscript is a word of its own.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")

from synopsis.pdf import extract

DATA = Path(__file__).parents[1] / "data" / "pdf"
PDF = DATA / "chromium_two_column.pdf"


def _text(fragment: str) -> str:
    """What a reader sees of an HTML fragment: tags dropped, soft hyphens invisible, spaces collapsed."""
    plain = html.unescape(re.sub(r"<[^>]+>", "", fragment)).replace("\u00ad", "")
    return " ".join(plain.split())


def _source() -> tuple[str, list[str]]:
    page = (DATA / "chromium_two_column.html").read_text(encoding="utf-8")
    title = _text(re.search(r"<h1>(.*?)</h1>", page, re.S).group(1))  # type: ignore[union-attr]
    body = page[page.index('<div class="body">') :]
    return title, [_text(p) for p in re.findall(r"<p>(.*?)</p>", body, re.S)]


@pytest.fixture(scope="module")
def found():  # type: ignore[no-untyped-def]
    return extract(PDF, source=PDF.name)


def test_every_paragraph_is_read_whole_and_in_order(found) -> None:  # type: ignore[no-untyped-def]
    # The centred footer no longer hides the gutter (pages were read across both columns), the
    # columns above the figure are read before those below it, words broken at a soft hyphen are
    # whole ("differentiation"), compounds keep their hyphen ("proliferator-activated",
    # "cross-sectional") and powers their exponent ("bx2", "R2").
    _, paragraphs = _source()
    body = " ".join(found.body.split())
    at = [body.find(p) for p in paragraphs]
    assert all(i >= 0 for i in at), [p[:60] for p, i in zip(paragraphs, at, strict=True) if i < 0]
    assert at == sorted(at)
    assert "\u2010" not in found.text


def test_the_title_keeps_the_hyphen_it_breaks_at(found) -> None:  # type: ignore[no-untyped-def]
    title, _ = _source()
    assert found.title == title  # "... Community-Dwelling Elderly Women", not "Community Dwelling"


def test_footer_and_caption_are_listed_not_read(found) -> None:  # type: ignore[no-untyped-def]
    listed = {(r.reason, r.text) for r in found.removed_text}
    assert ("page_number", "Page 1 of 2") in listed and ("page_number", "Page 2 of 2") in listed
    assert any(text.startswith("Figure 1.") for _, text in listed)
    assert "Page 1" not in found.text and "Figure 1" not in found.text
