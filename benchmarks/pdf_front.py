#!/usr/bin/env python3
"""Front matter of PDFs: abstract found, body start, words lost, speed (issue 18).

Usage::

    PYTHONPATH=src python benchmarks/pdf_front.py [--pdf-dir DIR] [--repeat N]

Two sets of PDFs:

* generated: the publisher and language layouts of ``tests/publishers.py`` (Hindawi, Elsevier,
  Springer, MDPI, Frontiers, PLOS, Emerald, SAGE; German, French, Spanish, Portuguese), each with
  an exact expected abstract and first body sentence;
* real: the PDFs in shared/data/pdf with the abstracts of their ``manifest.jsonl``.

Per PDF: abstract token F1 against the expected abstract (tokens: lower-cased letters and digits),
whether the body starts with the expected first sentence (generated only), words lost, and pages
per second per core (pages / CPU seconds of one extraction, best of N; single-threaded).

Words lost: the words (2+ letters) of PDFium's own text of every page that appear in none of the
title, abstract, body, footnotes or the removed list, counted with multiplicity. Hyphens and soft
hyphens are removed on both sides before counting, so a word broken at a line end counts once.
The words still listed for real PDFs are there in the output, split differently: PDFium's own
text stream glues a word broken at a page end to the running footer that follows it ("dif-" +
"Social Inclusion" -> "difsocial"), and on a page read without its columns (the last page of
references in soc-sport-for-change-sceptic) a line ending in "Al-" is joined to the next line
of the other column ("Al-make greater"), which this count reads as "almake".

The markdown table is printed and written to ``benchmarks/results/pdf_front.md`` (and .json).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from pdf_speed import default_pdf_dir

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
OUT = REPO / "benchmarks" / "results" / "pdf_front"
_WORD = re.compile(r"[^\W\d_]{2,}")
_BREAKS = re.compile(r"[-\u2010\u00ad\ufffe\x02]\s*")


def token_f1(found: str, expected: str) -> float:
    a = Counter(re.findall(r"[^\W_]+", found.lower()))
    b = Counter(re.findall(r"[^\W_]+", expected.lower()))
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _WORD.findall(_BREAKS.sub("", text)))


def lost_words(data: bytes, found: Any) -> Counter[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    try:
        pages = words(" ".join(page.get_textpage().get_text_range() for page in document))
    finally:
        document.close()
    pieces = [found.text, found.title, found.abstract, *found.footnotes, *(item.text for item in found.removed_text)]
    return pages - words(" ".join(pieces))


def measure(name: str, data: bytes, expected: str, first_sentence: str | None, repeat: int) -> dict[str, Any]:
    from synopsis.pdf import extract

    best = float("inf")
    found = None
    for _ in range(repeat):
        started = time.process_time()
        found = extract(data, source=name)
        best = min(best, time.process_time() - started)
    assert found is not None
    lost = lost_words(data, found)
    body_ok = None
    if first_sentence is not None:
        body = found.body
        body_ok = body.split("\n\n", 2)[1].startswith(first_sentence) if body.count("\n\n") >= 1 else False
    return {
        "pdf": name,
        "pages": found.pages,
        "abstract_f1": round(token_f1(found.abstract, expected), 3),
        "abstract_exact": found.abstract == expected,
        "parts": len(found.abstract_parts),
        "body_start_ok": body_ok,
        "words": sum(words(" ".join([found.text])).values()),
        "words_lost": sum(lost.values()),
        "lost_examples": sorted(lost)[:8],
        "removed_items": len(found.removed_text),
        "pages_per_s": round(found.pages / best, 1) if best > 0 else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pdf-dir", type=Path, default=default_pdf_dir())
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from publishers import LAYOUTS, render

    rows = []
    for layout in LAYOUTS:
        data = render(layout)
        row = measure(f"{layout.name} ({layout.language})", data, layout.expected_abstract, layout.first_sentence, args.repeat)
        rows.append({"set": "generated", **row})
    manifest = args.pdf_dir / "manifest.jsonl"
    for line in manifest.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        data = (args.pdf_dir / entry["file"]).read_bytes()
        rows.append({"set": "real", **measure(entry["file"], data, entry["abstract"], None, args.repeat)})

    lines = [
        "# PDF front matter: abstract, body start, words lost, speed",
        "",
        f"Command: `PYTHONPATH=src python benchmarks/pdf_front.py --repeat {args.repeat}` "
        f"(generated layouts from tests/publishers.py; real PDFs from {args.pdf_dir.name}/manifest.jsonl).",
        "No model or tuning is involved: the lexicon (src/synopsis/data/pdf/*.json) and the rules were written "
        "from publishers' layouts, and the generated PDFs were written for the tests, so there is no train/test split.",
        "abstract F1: token F1 against the expected abstract; exact: equal strings; parts: labelled parts found; "
        "body start: the body's first paragraph starts with the expected sentence; words lost: words of PDFium's page "
        "text found in no output field (see the script); pages/s: per core, best of the repeats.",
        "",
        "| set | PDF | pages | abstract F1 | exact | parts | body start | words lost | removed items | pages/s per core |",
        "|---|---|---:|---:|---|---:|---|---:|---:|---:|",
    ]
    for row in rows:
        body = {None: "–", True: "ok", False: "WRONG"}[row["body_start_ok"]]
        lines.append(
            f"| {row['set']} | {row['pdf']} | {row['pages']} | {row['abstract_f1']:.3f} | "
            f"{'yes' if row['abstract_exact'] else 'no'} | {row['parts']} | {body} | {row['words_lost']} | "
            f"{row['removed_items']} | {row['pages_per_s']} |"
        )
    lost_rows = [row for row in rows if row["words_lost"]]
    if lost_rows:
        lines += ["", "Words counted as lost (first few per PDF):", ""]
        lines += [f"- {row['pdf']}: {', '.join(row['lost_examples'])}" for row in lost_rows]
    worst = min(rows, key=lambda row: row["abstract_f1"])
    slowest = min(rows, key=lambda row: row["pages_per_s"] or 0)
    lines += [
        "",
        f"Lowest abstract F1: {worst['abstract_f1']:.3f} ({worst['pdf']}); slowest: {slowest['pages_per_s']} pages/s per "
        f"core ({slowest['pdf']}).",
    ]
    report = "\n".join(lines) + "\n"
    print(report)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.with_suffix(".md").write_text(report, encoding="utf-8")
    OUT.with_suffix(".json").write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
