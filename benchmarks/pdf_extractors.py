#!/usr/bin/env python3
"""Compare PDF text extractors on the real PDFs: speed with layout information, and text quality.

Usage::

    python benchmarks/pdf_extractors.py [--pdf-dir DIR] [--repeat N]

For every extractor that is installed this measures

* layout pages/s: pages per CPU second (one core) to get every word with its box, font size and font
  name, which is what layout analysis (columns, headers, headings) needs;
* text pages/s: pages per CPU second for the extractor's own plain-text output;
* abstract recall: the share of the manifest abstract's word pairs (bigrams) found in the plain
  text, after ligatures, soft hyphens and line-end hyphens are undone. Split words ("analyzi ng"),
  glued words and scrambled reading order all lower it.

The markdown table is printed and written to ``benchmarks/results/pdf_extractors.md``. synopsis's
own extraction (``synopsis.pdf``) is measured separately in ``benchmarks/pdf_speed.py``.
"""

from __future__ import annotations

import argparse
import ctypes
import importlib.metadata
import json
import os
import re
import time
import unicodedata
from collections.abc import Callable
from itertools import pairwise
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PDF_DIR = Path(os.environ.get("SYNOPSIS_PDF_DIR", REPO.parent / "shared" / "data" / "pdf"))
if not DEFAULT_PDF_DIR.is_dir():
    DEFAULT_PDF_DIR = Path("/work/shared/data/pdf")
OUT = REPO / "benchmarks" / "results" / "pdf_extractors.md"

Words = list[tuple[str, float, float, float, float, float, str]]


# --- layout extraction: every word with box, size and font ------------------------------------
def pypdfium2_words(path: Path) -> int:
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw

    doc = pdfium.PdfDocument(str(path))
    pages = len(doc)
    rect = raw.FS_RECTF()
    font = ctypes.create_string_buffer(256)
    flags = ctypes.c_int()
    for index in range(pages):
        page = raw.FPDF_LoadPage(doc.raw, index)
        text_page = raw.FPDFText_LoadPage(page)
        count = raw.FPDFText_CountChars(text_page)
        buffer = ctypes.create_string_buffer((count + 1) * 2)
        raw.FPDFText_GetText(text_page, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
        text = buffer.raw[: count * 2].decode("utf-16-le", errors="replace")
        words: Words = []
        for match in re.finditer(r"\S+", text):
            start, end = match.span()
            raw.FPDFText_GetLooseCharBox(text_page, start, ctypes.byref(rect))
            left, bottom, top = rect.left, rect.bottom, rect.top
            raw.FPDFText_GetLooseCharBox(text_page, end - 1, ctypes.byref(rect))
            size = raw.FPDFText_GetFontSize(text_page, start)
            raw.FPDFText_GetFontInfo(text_page, start, font, 256, ctypes.byref(flags))
            words.append((match.group(), left, bottom, rect.right, top, size, font.value.decode("latin-1")))
        raw.FPDFText_ClosePage(text_page)
        raw.FPDF_ClosePage(page)
    doc.close()
    return pages


def pdfminer_words(path: Path) -> int:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTContainer

    pages = 0
    for layout in extract_pages(str(path), laparams=LAParams()):
        pages += 1
        chars = []
        stack = [layout]
        while stack:
            item = stack.pop()
            if isinstance(item, LTChar):
                chars.append((item.get_text(), *item.bbox, item.size, item.fontname))
            elif isinstance(item, LTContainer):
                stack.extend(item)
    return pages


def pdfplumber_words(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_words(extra_attrs=["fontname", "size"])
            page.close()
        return len(pdf.pages)


def pymupdf_words(path: Path) -> int:
    import pymupdf

    doc = pymupdf.open(str(path))
    for page in doc:
        page.get_text("dict")
    pages = doc.page_count
    doc.close()
    return pages


# --- plain text --------------------------------------------------------------------------------
def pypdfium2_text(path: Path) -> tuple[int, str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    parts = [doc[i].get_textpage().get_text_range() for i in range(len(doc))]
    return len(doc), "\n".join(parts)


def pdfminer_text(path: Path) -> tuple[int, str]:
    from pdfminer.high_level import extract_text
    from pdfminer.pdfpage import PDFPage

    with path.open("rb") as handle:
        pages = sum(1 for _ in PDFPage.get_pages(handle))
    return pages, extract_text(str(path))


def pdfplumber_text(path: Path) -> tuple[int, str]:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return len(pdf.pages), "\n".join(page.extract_text() or "" for page in pdf.pages)


def pymupdf_text(path: Path) -> tuple[int, str]:
    import pymupdf

    doc = pymupdf.open(str(path))
    text = "\n".join(page.get_text() for page in doc)
    return doc.page_count, text


def pypdf_text(path: Path) -> tuple[int, str]:
    import pypdf

    reader = pypdf.PdfReader(str(path))
    return len(reader.pages), "\n".join(page.extract_text() or "" for page in reader.pages)


EXTRACTORS: dict[str, tuple[str, str, Callable[[Path], int] | None, Callable[[Path], tuple[int, str]]]] = {
    # name: (distribution, licence, layout function, text function)
    "pypdfium2": ("pypdfium2", "Apache-2.0 / BSD-3 (PDFium)", pypdfium2_words, pypdfium2_text),
    "pdfminer.six": ("pdfminer.six", "MIT", pdfminer_words, pdfminer_text),
    "pdfplumber": ("pdfplumber", "MIT (on pdfminer.six)", pdfplumber_words, pdfplumber_text),
    "PyMuPDF": ("pymupdf", "AGPL-3.0 (or commercial)", pymupdf_words, pymupdf_text),
    "pypdf": ("pypdf", "BSD-3 (no char boxes/fonts API)", None, pypdf_text),
}


# --- quality -----------------------------------------------------------------------------------
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}


def normalise(text: str) -> list[str]:
    for a, b in _LIGATURES.items():
        text = text.replace(a, b)
    text = re.sub(r"[\ufffe\x02\u00ad]\s*", "", text)  # soft hyphens (PDFium marks line-end hyphens so)
    text = re.sub(r"(?<=[a-z])-\s*\n\s*(?=[a-z])", "", text)
    text = unicodedata.normalize("NFKC", text).lower()
    return re.findall(r"[a-z0-9]+", text)


def bigram_recall(reference: str, text: str) -> float:
    ref = normalise(reference)
    got = normalise(text)
    pairs = set(pairwise(ref))
    have = set(pairwise(got))
    return len(pairs & have) / max(1, len(pairs))


def version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return ""


def best_time(fn: Callable[[], object], repeat: int) -> float:
    """CPU seconds of the fastest run: every extractor is single-threaded, so this is one core's
    time, and unlike wall time it does not depend on what else the machine is doing."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        fn()
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pdf-dir", type=Path, default=DEFAULT_PDF_DIR)
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    manifest = [json.loads(line) for line in (args.pdf_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if line]
    rows = []
    for name, (dist, licence, layout_fn, text_fn) in EXTRACTORS.items():
        if not version(dist):
            print(f"skip {name}: not installed")
            continue
        pages = 0
        layout_seconds = 0.0
        text_seconds = 0.0
        recalls = []
        for entry in manifest:
            path = args.pdf_dir / entry["file"]
            if layout_fn is not None:
                layout_seconds += best_time(lambda p=path, f=layout_fn: f(p), args.repeat)  # type: ignore[misc]
            result: list[tuple[int, str]] = []
            text_seconds += best_time(lambda p=path, f=text_fn, r=result: r.append(f(p)), args.repeat)  # type: ignore[misc]
            count, text = result[-1]
            pages += count
            recalls.append(bigram_recall(entry["abstract"], text))
        rows.append(
            (
                name,
                version(dist),
                licence,
                f"{pages / layout_seconds:.1f}" if layout_fn is not None else "n/a",
                f"{pages / text_seconds:.1f}",
                f"{sum(recalls) / len(recalls):.3f}",
                f"{min(recalls):.3f}",
            )
        )
        print(rows[-1], flush=True)
    lines = [
        "# PDF extractor comparison",
        "",
        f"{len(manifest)} real PDFs from `{args.pdf_dir.name}/` ({sum(e['pages'] for e in manifest)} pages), "
        f"pages per CPU second (one core), best of {args.repeat}.",
        "`layout pages/s`: every word with its box, font size and font name (what layout analysis needs);",
        "`text pages/s`: the extractor's own plain text; `abstract recall`: share of the manifest abstract's",
        "word bigrams present in that plain text (mean, and the worst PDF).",
        "",
        "| extractor | version | licence | layout pages/s | text pages/s | abstract recall (mean) | (worst) |",
        "|---|---|---|---:|---:|---:|---:|",
        *("| " + " | ".join(row) + " |" for row in rows),
        "",
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
