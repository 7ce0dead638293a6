"""What the summary reranker costs on top of greedy selection: CPU ms of `pipeline.run` with
`supervised` and with `reranked` (the default) on dev articles of about 5,000 and 8,000 words.

One process, one thread of CPU time (`time.process_time`), the garbage collector off while timing,
best of 5 runs per article, median over the first 9 articles within 15% of the size (dev files read
in the order plos, sumpubmed, scisummnet, dhq); 200-word budget. Run it twice on a shared machine
and report both.

    python benchmarks/reranked_cost.py --data ../shared/data/dev
"""

from __future__ import annotations

import argparse
import gc
import statistics
import time
from pathlib import Path

from synopsis.ingest import read_articles
from synopsis.pipeline import RunOptions, run
from synopsis.types import Article, Budget

SOURCES = ("plos", "sumpubmed", "scisummnet", "dhq")


def best_of(article: Article, method: str, repeats: int = 5) -> float:
    best = float("inf")
    for _ in range(repeats):
        gc.disable()
        started = time.process_time()
        run(article, RunOptions(method=method, budget=Budget(200)))
        best = min(best, time.process_time() - started)
        gc.enable()
    return best * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/dev"))
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 8000])
    args = parser.parse_args()
    articles = [a for s in SOURCES for a in read_articles(str(args.data / f"{s}.jsonl")) if isinstance(a, Article)]
    for size in args.sizes:
        pick = [a for a in articles if abs(len(a.text.split()) - size) < 0.15 * size][:9]
        medians = {m: statistics.median(best_of(a, m) for a in pick) for m in ("supervised", "reranked")}
        extra = medians["reranked"] - medians["supervised"]
        supervised, reranked = medians["supervised"], medians["reranked"]
        print(f"~{size} words, {len(pick)} articles: supervised {supervised:.1f} ms, reranked {reranked:.1f} ms, +{extra:.1f} ms")


if __name__ == "__main__":
    main()
