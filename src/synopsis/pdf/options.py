"""Limits and switches for PDF extraction, kept free of the PDF library so every front end can
build them (and show their defaults) without the optional `pdf` extra installed."""

from __future__ import annotations

from dataclasses import dataclass

from ..checks import require_whole_number

# A scholarly article has tens of pages and a few megabytes; a thesis or proceedings volume a few
# hundred pages. Past these limits the input is almost certainly not one article, and refusing it
# fast beats spending minutes on it.
MAX_PAGES = 1000
MAX_BYTES = 200_000_000
# Extraction of a normal page takes milliseconds; this guards against content streams built to
# make a reader spin (checked between pages).
MAX_SECONDS = 300.0
# A page with more characters than this is a data dump or a malicious file, not article text.
MAX_CHARS_PER_PAGE = 200_000
# What one compressed stream of a PDF (a page's contents, a font; not images) may inflate to, and
# sixteen times that for all of them (`inflate.TOTAL_FACTOR`, which bounds the time inflating
# takes). An article's streams come to a few MB in all (1.5 MB at most among the real test PDFs:
# 75 kB a page), a 1,000-page thesis's to tens of MB; a "flate bomb" inflates a few MB to a
# gigabyte, which PDFium holds at about 2.5 bytes of memory per byte. 256 MB keeps the worst page
# within the server's 1 GB per summary (`synopsis.limits`).
MAX_INFLATED_BYTES = 256_000_000


@dataclass(frozen=True, slots=True)
class PdfOptions:
    """How much of a PDF we agree to read, and which layout steps run.

    The limits turn a pathological file into one clear error instead of a hang or an exhausted
    machine; the switches exist for debugging an odd layout (`synopsis extract --keep ...`).
    """

    max_pages: int = MAX_PAGES
    max_bytes: int = MAX_BYTES
    max_seconds: float = MAX_SECONDS
    max_chars_per_page: int = MAX_CHARS_PER_PAGE
    max_inflated_bytes: int = MAX_INFLATED_BYTES
    password: str | None = None
    skip_cover_pages: bool = True
    cut_references: bool = True

    def __post_init__(self) -> None:
        for name in ("max_pages", "max_bytes", "max_chars_per_page", "max_inflated_bytes"):
            require_whole_number(f"PDF option {name}", getattr(self, name))
        if not self.max_seconds > 0:
            raise ValueError(f"PDF option max_seconds must be positive, got {self.max_seconds!r}")
