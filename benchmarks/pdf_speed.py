#!/usr/bin/env python3
"""Speed, memory and quality of synopsis's PDF extraction on the real PDFs.

Usage::

    python benchmarks/pdf_speed.py [--pdf-dir DIR] [--repeat N] [--pages 300]

Per real PDF (shared/data/pdf, see manifest.jsonl) this reports

* pages/s per core: pages / CPU seconds of the extraction (single-threaded, so CPU time is one
  core's time; wall-clock pages/s is shown too, it suffers when the machine is shared);
* abstract F1: token F1 of the extracted abstract against the manifest's;
* headers: whether any running header/footer line (found independently from PDFium's text in the
  top and bottom strips of the pages, repeated on 3+ pages) survives in the extracted body;
* pipeline ms: extraction + cleaning + segmentation + the default summary.

Memory: a generated one-column document (header, footer, page numbers, four paragraphs a page)
is extracted at 30 and at `--pages` pages, each in a fresh process; the peak RSS is reported,
with its growth per extra page.

The markdown report is printed and written to ``benchmarks/results/pdf_speed.md`` (and .json).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "benchmarks" / "results" / "pdf_speed"


def default_pdf_dir() -> Path:
    for candidate in (
        os.environ.get("SYNOPSIS_PDF_DIR", ""),
        REPO.parent / "shared/data/pdf",
        REPO.parent.parent / "shared/data/pdf",
    ):
        if candidate and (Path(candidate) / "manifest.jsonl").is_file():
            return Path(candidate)
    return Path("/work/shared/data/pdf")


def tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def token_f1(found: str, expected: str) -> float:
    a, b = Counter(tokens(found)), Counter(tokens(expected))
    overlap = sum((a & b).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(a.values()), overlap / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def mask(text: str) -> str:
    masked = re.sub(r"\d+", "#", text.lower().replace("\ufffe", "-"))
    masked = re.sub(r"^[#\s/|]+|[#\s/|]+$", "", masked)
    return re.sub(r"\s+", " ", masked).strip()


def running_lines(path: Path) -> set[str]:
    """Header/footer lines from PDFium's own text in the page edge strips, repeated on 3+ pages."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(path))
    seen: Counter[str] = Counter()
    try:
        for page in doc:
            width, height = page.get_size()
            text_page = page.get_textpage()
            top = text_page.get_text_bounded(0, height * 0.91, width, height)
            bottom = text_page.get_text_bounded(0, 0, width, height * 0.09)
            keys = {mask(line) for strip in (top, bottom) for line in strip.splitlines()}
            seen.update(key for key in keys if len(re.sub(r"[^a-z]", "", key)) >= 10)
    finally:
        doc.close()
    return {key for key, pages in seen.items() if pages >= 3}


def measure_real(pdf_dir: Path, repeat: int) -> list[dict[str, Any]]:
    from synopsis.ingest.pdf import read_pdf
    from synopsis.pipeline import build_document, summarize_document

    manifest = [json.loads(line) for line in (pdf_dir / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if line]
    read_pdf(pdf_dir / manifest[0]["file"])  # imports and PDFium start-up are not per-file costs
    rows = []
    for entry in manifest:
        path = pdf_dir / entry["file"]
        cpu = wall = float("inf")
        article = None
        for _ in range(repeat):
            start_cpu, start_wall = time.process_time(), time.perf_counter()
            article = read_pdf(path)
            cpu = min(cpu, time.process_time() - start_cpu)
            wall = min(wall, time.perf_counter() - start_wall)
        assert article is not None
        start = time.perf_counter()
        summary = summarize_document(build_document(article))
        rest = time.perf_counter() - start
        pages = article.meta["pages"]
        body = re.sub(r"\s+", " ", re.sub(r"\d+", "#", article.text[article.body[0] :].lower()))
        headers = running_lines(path)
        rows.append(
            {
                "file": entry["file"],
                "pages": pages,
                "layout": entry.get("layout", ""),
                "pages_per_cpu_second": round(pages / cpu, 1),
                "pages_per_wall_second": round(pages / wall, 1),
                "abstract_f1": round(token_f1(article.abstract, entry["abstract"]), 3),
                "title_ok": article.title == entry["title"],
                "running_lines": len(headers),
                "headers_survived": sorted(h for h in headers if h in body),
                "pipeline_ms": round((wall + rest) * 1000),
                "summary_sentences": len(summary.sentences),
            }
        )
        print(rows[-1], flush=True)
    return rows


# --- memory on a long generated document --------------------------------------------------------
_CHILD = r"""
import json, sys, time
from pathlib import Path
from synopsis.pdf import extract


def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024  # kB -> MB
    return 0.0


path = Path(sys.argv[1])
before = status("VmRSS")  # after imports
start = time.process_time()
found = extract(path, source=str(path))
cpu = time.process_time() - start
result = {"pages": found.pages, "chars": len(found.text), "cpu": cpu}
print(json.dumps({**result, "rss_before_mb": before, "rss_after_mb": status("VmRSS"), "max_rss_mb": status("VmHWM")}))
"""


_TOPICS = [
    "Scope",
    "Methods",
    "Sources",
    "Findings",
    "Limits",
    "Costs",
    "Outlook",
    "Context",
    "Tables",
    "Notes",
    "Reading",
    "Review",
]


def long_document(pages: int, path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    sentence = (
        "Long reports repeat the same structure on every page, and a reader must keep its memory use flat while it "
        "walks through hundreds of them without keeping what it no longer needs."
    )
    canvas = Canvas(str(path), pagesize=A4)
    width, height = A4
    for number in range(pages):
        canvas.setFont("Times-Roman", 8)
        canvas.drawString(72, height - 40, "A Generated Report on Memory Use, Volume 1")
        canvas.drawString(width / 2, 30, str(number + 1))
        y = height - 80
        if number == 0:
            canvas.setFont("Times-Bold", 18)
            canvas.drawString(72, y, "A Generated Report on Memory")
            y -= 40
        canvas.setFont("Times-Bold", 12)
        canvas.drawString(
            72, y, f"{number + 1} {_TOPICS[number % len(_TOPICS)]} of part {_TOPICS[number // len(_TOPICS) % len(_TOPICS)]}"
        )
        y -= 20
        canvas.setFont("Times-Roman", 10)
        for paragraph in range(4):
            for _ in range(11):
                canvas.drawString(72, y, sentence[:95] if paragraph % 2 else sentence[95:] + " " + sentence[:40])
                y -= 12
            y -= 8
        canvas.showPage()
    canvas.save()


def measure_memory(long_pages: int) -> list[dict[str, Any]]:
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for pages in (30, long_pages):
            path = Path(folder) / f"long-{pages}.pdf"
            long_document(pages, path)
            done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, check=True)
            result = json.loads(done.stdout)
            result["file_mb"] = path.stat().st_size / 1e6
            results.append(result)
            print(result, flush=True)
    return results


def report(rows: list[dict[str, Any]], memory: list[dict[str, Any]], pdf_dir: Path, repeat: int) -> str:
    total_pages = sum(r["pages"] for r in rows)
    cpu_seconds = sum(r["pages"] / r["pages_per_cpu_second"] for r in rows)
    lines = [
        "# PDF extraction: speed, memory, quality",
        "",
        f"{len(rows)} real PDFs from `{pdf_dir}` ({total_pages} pages); best of {repeat} runs per file.",
        "pages/s per core = pages / CPU seconds of `read_pdf` (single-threaded); wall pages/s depends on machine load.",
        "`headers survived`: running header/footer lines (found independently, see the script) present in the body.",
        "",
        "| PDF | layout | pages | pages/s per core | pages/s wall | abstract F1 | title | running lines "
        "| headers survived | pipeline ms |",
        "|---|---|---:|---:|---:|---:|---|---:|---|---:|",
    ]
    for r in rows:
        cells = [
            r["file"],
            r["layout"],
            r["pages"],
            r["pages_per_cpu_second"],
            r["pages_per_wall_second"],
            r["abstract_f1"],
            "ok" if r["title_ok"] else "differs",
            r["running_lines"],
            ", ".join(r["headers_survived"]) or "none",
            r["pipeline_ms"],
        ]
        lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
    slowest = min(r["pages_per_cpu_second"] for r in rows)
    lines += [
        "",
        f"Slowest file: {slowest:.1f} pages/s per core; all files together: {total_pages / cpu_seconds:.1f} pages/s per core.",
    ]
    if memory:
        short, long = memory[0], memory[-1]
        growth_kb = 1000 * (long["max_rss_mb"] - short["max_rss_mb"]) / max(1, long["pages"] - short["pages"])
        lines += [
            "",
            "## Memory on a generated one-column document",
            "",
            "| pages | file MB | extracted chars | CPU s | pages/s | RSS after imports MB | RSS after extraction MB "
            "| peak RSS MB |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for m in memory:
            cells = [m["pages"], f"{m['file_mb']:.2f}", m["chars"], f"{m['cpu']:.2f}", f"{m['pages'] / m['cpu']:.0f}"]
            cells += [f"{m['rss_before_mb']:.0f}", f"{m['rss_after_mb']:.0f}", f"{m['max_rss_mb']:.0f}"]
            lines.append("| " + " | ".join(str(cell) for cell in cells) + " |")
        lines += [
            "",
            f"Peak RSS grows by {growth_kb:.0f} KB per extra page ({long['chars'] / long['pages'] / 1000:.1f} K characters of "
            "text a page): PDFium's page objects are closed after each page, and only the lines of text are kept for the "
            "document-wide steps (running headers, reading order, front matter).",
        ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pdf-dir", type=Path, default=default_pdf_dir())
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=int, default=300, help="pages of the generated long document (0: skip memory)")
    args = parser.parse_args()
    rows = measure_real(args.pdf_dir, args.repeat)
    memory = measure_memory(args.pages) if args.pages else []
    text = report(rows, memory, args.pdf_dir, args.repeat)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.with_suffix(".md").write_text(text, encoding="utf-8")
    OUT.with_suffix(".json").write_text(json.dumps({"real": rows, "memory": memory}, indent=1), encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
