"""Per-article speed of each stage, and memory on a very long article.

- Speed: dev articles of 7,500-8,500 words (the issue's "8,000-word article"), each summarized
  end to end (clean, segment, candidates, features, score, select) in one process, CPU time of one
  thread, median over articles of the best of `--repeats` runs. CPU time rather than wall clock,
  because a shared machine's wall clock measures its neighbours.
- Memory: one 50,000-word article made by joining dev articles, summarized in a fresh process;
  peak resident memory from the kernel (VmHWM).

    python benchmarks/speed.py --data ../shared/data/dev --out benchmarks/results/speed
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from synopsis.features import compute_features
from synopsis.pipeline import build_document
from synopsis.scorers import DEFAULT_METHOD, get_method
from synopsis.select import select
from synopsis.types import Article, Budget

STAGES = ("build", "features", "score", "select")


def articles(data: Path, low: int, high: int, limit: int) -> list[Article]:
    out = []
    for path in sorted(data.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            if low <= len(row["full_text"].split()) <= high:
                text = row["full_text"]
                out.append(Article(row["id"], text, (0, len(text)), row.get("title", ""), row["abstract"]))
    return out[:limit]


def stage_times(article: Article, method: str, repeats: int) -> dict[str, float]:
    chosen = get_method(method)
    best = {stage: float("inf") for stage in STAGES}
    for _ in range(repeats):
        gc.collect()  # as timeit does: no method pays for the garbage of the one before
        gc.disable()
        t0 = time.process_time()
        doc = build_document(article)
        t1 = time.process_time()
        features = compute_features(doc)
        t2 = time.process_time()
        scores = chosen.score(doc, features)
        t3 = time.process_time()
        select(scores, features, Budget(200), **chosen.selection)
        t4 = time.process_time()
        gc.enable()
        for stage, seconds in zip(STAGES, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            best[stage] = min(best[stage], seconds * 1000)
    return best


def peak_memory_mb(data: Path, words: int, method: str) -> dict[str, float]:
    """Summarize one long article in a fresh process; its peak RSS and time."""
    code = f"""
import json, time
from pathlib import Path
from synopsis.pipeline import build_document, summarize_document
from synopsis.types import Article
parts, total = [], 0
for path in sorted(Path({str(data)!r}).glob("*.jsonl")):
    for line in path.open(encoding="utf-8"):
        text = json.loads(line)["full_text"]
        parts.append(text); total += len(text.split())
        if total >= {words}: break
    if total >= {words}: break
text = "\\n".join(parts)
before = [l for l in open("/proc/self/status") if l.startswith("VmRSS")][0].split()[1]
t = time.process_time()
summary = summarize_document(build_document(Article("long", text, (0, len(text)))), method={method!r})
seconds = time.process_time() - t
peak = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(json.dumps({{"words": len(text.split()), "rss_before_mb": int(before) / 1024,
                  "peak_mb": int(peak) / 1024, "cpu_s": seconds}}))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return dict(json.loads(result.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/dev"))
    parser.add_argument("--methods", default="supervised,structured,structured-dense,hiporank,textrank,lexrank,lead")
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    docs = articles(args.data, 7500, 8500, args.articles)
    for article in docs[:3]:  # warm caches (nupunkt, regexes, the shipped model)
        stage_times(article, "supervised", 1)
    report: dict[str, object] = {"articles": len(docs), "words": statistics.mean(len(a.text.split()) for a in docs)}
    rows = []
    methods = args.methods.split(",")
    # Methods interleaved article by article, so that a noisy neighbour on a shared machine slows
    # all of them alike instead of whichever method happened to run at that moment.
    timings = {method: [] for method in methods}  # type: dict[str, list[dict[str, float]]]
    for article in docs:
        for method in methods:
            timings[method].append(stage_times(article, method, args.repeats))
    for method in methods:
        per_doc = timings[method]
        medians = {stage: statistics.median(d[stage] for d in per_doc) for stage in STAGES}
        total = statistics.median(sum(d.values()) for d in per_doc)
        rows.append({"method": method, **{k: round(v, 1) for k, v in medians.items()}, "total_ms": round(total, 1)})
        print(f"{method:12s} " + "  ".join(f"{k} {v:6.1f}" for k, v in medians.items()) + f"  total {total:6.1f} ms", flush=True)
    report["speed"] = rows
    memory = peak_memory_mb(args.data, 50_000, DEFAULT_METHOD)
    report["memory_50k_words"] = memory
    print(f"50,000-word article: {memory['words']} words, peak RSS {memory['peak_mb']:.0f} MB, {memory['cpu_s']:.2f} s CPU")
    if args.out:
        args.out.with_suffix(".json").write_text(json.dumps(report, indent=2), encoding="utf-8")
        lines = [
            "# Speed per article and memory",
            "",
            f"Made by `python benchmarks/speed.py --data ../shared/data/dev --methods {args.methods} "
            f"--repeats {args.repeats} --out benchmarks/results/speed`: "
            f"{len(docs)} dev articles of 7,500-8,500 words (mean {report['words']:.0f}); CPU ms of one thread, "
            f"median over articles of the best of {args.repeats} runs; methods interleaved article by article.",
            "",
            "| method | clean + segment + candidates | features | score | select | total ms |",
            "|---|---:|---:|---:|---:|---:|",
            *(
                f"| {r['method']} | {r['build']} | {r['features']} | {r['score']} | {r['select']} | {r['total_ms']} |"
                for r in rows
            ),
            "",
            f"50,000-word article ({memory['words']} words, dev articles joined), `{DEFAULT_METHOD}` (the default): peak RSS "
            f"{memory['peak_mb']:.0f} MB (after imports {memory['rss_before_mb']:.0f} MB), {memory['cpu_s']:.2f} s CPU.",
        ]
        args.out.with_suffix(".md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
