"""Words -> seconds and peak memory: does every step grow linearly with the text?

Texts of 10k, 50k, 200k and 1M words are cut from the dev articles (taken in turn from each
source, joined with blank lines), once with their line structure ("structured") and once with every
newline replaced by a space ("flattened", as many PDF pipelines deliver text). Each (text, method)
runs in a fresh process: seconds are clean + segment + features + scores + selection (no
interpreter start, no file reading), as CPU time of the process (what a loaded machine changes
least) and wall-clock time; peak MB is that process's maximum resident set size
(ru_maxrss, which includes the ~100 MB of Python, numpy and synopsis themselves).

    nice python benchmarks/scaling.py --data ../shared/data/dev --out benchmarks/results/scaling.md
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
from itertools import zip_longest
from pathlib import Path

SIZES = (10_000, 50_000, 200_000, 1_000_000)
FORMS = ("structured", "flattened")
METHODS = ("supervised", "structured", "lead")


# A reference-list heading on a line of its own. Each article is cut there before joining: the
# cleaner rightly drops everything after a text's reference list, and a long document has one.
_END_MATTER = re.compile(
    r"\n[ \t]*(?:\d+\.?\s*)?(?:references|reference list|bibliography|works cited|literature cited)[ \t]*:?[ \t]*\n", re.I
)


def without_references(text: str) -> str:
    """The article up to its last reference-list heading (all of it when it has none)."""
    last = None
    for last in _END_MATTER.finditer(text):  # noqa: B007  (the last match is wanted)
        pass
    return text[: last.start()] if last else text


def corpus_text(data: Path, words: int, form: str) -> str:
    """The first `words` words of the dev articles (each without its reference list), one source
    after another in turn, joined like the chapters of a thesis."""
    per_source = []
    for path in sorted(data.glob("*.jsonl")):
        with path.open(encoding="utf-8") as rows:
            per_source.append([without_references(json.loads(line)["full_text"]) for line in rows])
    pieces: list[str] = []
    total = 0
    for group in zip_longest(*per_source):
        for text in group:
            if text is None or total >= words:
                continue
            pieces.append(text)
            total += len(text.split())
    joined = "\n\n".join(pieces)
    if form == "flattened":
        joined = joined.replace("\r", " ").replace("\n", " ")
    # Cut after the `words`-th word, keeping the original spacing before it.
    ends = [match.end() for _, match in zip(range(words), re.finditer(r"\S+", joined), strict=False)]
    return joined[: ends[-1]] if ends else ""


def measure_one(data: Path, words: int, form: str, method: str) -> dict[str, float]:
    """Run in a fresh process (see main): one text, one method."""
    from synopsis.ingest import article_from_text
    from synopsis.pipeline import build_document, summarize_document
    from synopsis.types import Budget

    text = corpus_text(data, words, form)
    started, cpu = time.perf_counter(), time.process_time()
    doc = build_document(article_from_text(text))
    summary = summarize_document(doc, method=method, budget=Budget(200, None))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {
        "words": len(text.split()),
        "bytes": len(text.encode("utf-8")),
        "sentences": len(doc.sentences),
        "seconds": round(seconds, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "chosen": len(summary.sentences),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--out", type=Path, help="write the Markdown table here (and the rows as .json beside it)")
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--methods", nargs="+", default=list(METHODS))
    parser.add_argument("--one", nargs=3, metavar=("WORDS", "FORM", "METHOD"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        words, form, method = args.one
        print(json.dumps(measure_one(args.data, int(words), form, method)))
        return
    rows = []
    for form in FORMS:
        for words in args.sizes:
            for method in args.methods:
                command = [sys.executable, __file__, "--data", str(args.data), "--one", str(words), form, method]
                done = subprocess.run(command, capture_output=True, text=True, check=False)
                if done.returncode != 0:
                    raise SystemExit(f"{form} {words} {method} failed: {done.stderr.strip().splitlines()[-1:]}")
                row = {"form": form, "target_words": words, "method": method, **json.loads(done.stdout)}
                print(json.dumps(row), flush=True)
                rows.append(row)
    table = [
        "| text | words | MB | sentences | method | CPU s | wall s | peak MB |",
        "|---|---:|---:|---:|---|---:|---:|---:|",
        *(
            f"| {r['form']} | {r['words']:,} | {r['bytes'] / 1e6:.2f} | {r['sentences']:,} | {r['method']} "
            f"| {r['cpu_seconds']:.1f} | {r['seconds']:.1f} | {r['peak_mb']:,} |"
            for r in rows
        ),
    ]
    print("\n".join(table))
    if args.out:
        args.out.with_suffix(".json").write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
        args.out.write_text("\n".join(table) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
