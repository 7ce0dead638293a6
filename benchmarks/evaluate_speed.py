#!/usr/bin/env python3
"""How fast the evaluation's two costly parts are: one ROUGE score per backend, and the greedy
oracle per article (docs/evaluation.md quotes both).

Usage::

    python benchmarks/evaluate_speed.py [--data tests/data/dev_sample.jsonl] [--repeats 5]

ROUGE: CPU ms per (abstract, first 200 words) pair with rouge-score-rs and with rouge-score, both
with stemming and the three metrics of the protocol. Oracle: CPU ms of `greedy_oracle` with a
200-word budget per article, with the article's sentence count, median over the articles.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from synopsis.evaluate.oracle import greedy_oracle
from synopsis.evaluate.rouge import BACKENDS, _load
from synopsis.ingest import article_from_text
from synopsis.pipeline import build_document
from synopsis.types import Budget

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT / "tests" / "data" / "dev_sample.jsonl")
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    records = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    pairs = [(r["abstract"], " ".join(r["full_text"].split()[:200])) for r in records]
    rouge_ms = {}
    for name in BACKENDS:
        backend = _load(name)
        started = time.process_time()
        for _ in range(args.repeats):
            for reference, summary in pairs:
                backend.score(reference, summary)
        rouge_ms[name] = (time.process_time() - started) / (args.repeats * len(pairs)) * 1000
        print(f"ROUGE {name}: {rouge_ms[name]:.2f} ms per pair")
    first, second = BACKENDS
    print(f"{first} is {rouge_ms[second] / rouge_ms[first]:.0f}x faster than {second}")
    timings = []
    for record in records:
        doc = build_document(article_from_text(record["full_text"], doc_id=record["id"]))
        best = min(_timed(doc, record["abstract"]) for _ in range(args.repeats))
        timings.append((best, len(doc.sentences)))
        print(f"oracle {record['id']}: {len(doc.sentences)} sentences, {best:.1f} ms")
    print(
        f"oracle median: {statistics.median(t for t, _ in timings):.1f} ms per article "
        f"(median {statistics.median(n for _, n in timings):.0f} sentences)"
    )


def _timed(doc, reference: str) -> float:  # type: ignore[no-untyped-def]
    started = time.process_time()
    greedy_oracle(doc, reference, Budget(200))
    return (time.process_time() - started) * 1000


if __name__ == "__main__":
    main()
