"""Where the default method's time goes: CPU ms per stage on dev articles of ~2k, ~5k, ~8k and ~30k words.

    PYTHONPATH=src python benchmarks/profile_default.py --data /work/shared/data/dev \
        --out benchmarks/results/profile_default.md

Protocol: for each size, the dev articles whose full text is within 15% of the target word count
(at most `--articles`; the 30k class takes what exists); each article is written to a one-record
JSONL file and summarized end to end as `synopsis summarize` does (read the file, detect the
language, clean, segment, candidates, features, the signals, trees, phrase model, selection, JSON
output) through `pipeline.run`, with the stage functions wrapped by a timer. Times are exclusive
(a stage's time excludes the stages it calls, so the rows add up to the total), CPU time of this
process (`time.process_time`), garbage collection off during a run; per article the best of
`--repeats` runs of each stage, then the median over articles. The features' lazy parts (tf-idf,
the similarity windows) are computed where first used and counted there. Start-up (import, model
load) is measured once in fresh processes, median of 5.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import synopsis.pipeline as pipeline
import synopsis.scorers.learned as learned
import synopsis.scorers.structure as structure
import synopsis.scorers.summary as summary
from synopsis import output
from synopsis.ingest import read_articles
from synopsis.scorers import DEFAULT_METHOD
from synopsis.scorers.phrases import PhraseModel
from synopsis.version import __version__

SIZES = (2000, 5000, 8000, 30000)

_totals: dict[str, float] = defaultdict(float)
_stack: list[float] = []  # time spent in children of each open timed call


def timed(label: Callable[..., str] | str, function: Callable[..., Any]) -> Callable[..., Any]:
    """`function` with its exclusive CPU time added to `_totals[label]`."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        _stack.append(0.0)
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            elapsed = time.process_time() - start
            children = _stack.pop()
            name = label(*args) if callable(label) else label
            _totals[name] += elapsed - children
            if _stack:
                _stack[-1] += elapsed

    return wrapper


def instrument() -> None:
    """Wrap each stage where the pipeline calls it (module attributes, so the real code runs)."""
    # `build_document` detects through `resolve_language` itself (not `article_language`, which
    # wrapped here left the row empty and put detection into "document assembly").
    pipeline.resolve_language = timed("language detection", pipeline.resolve_language)
    pipeline.check_spaced = timed("language detection", pipeline.check_spaced)
    pipeline.clean_text = timed("clean", pipeline.clean_text)
    pipeline.segment = timed("segment", pipeline.segment)
    for name in ("rejection", "copies_abstract", "bigrams"):
        setattr(pipeline, name, timed("candidates", getattr(pipeline, name)))
    pipeline.build_document = timed("document assembly", pipeline.build_document)
    pipeline.compute_features = timed("features (tokens, stems, counts)", pipeline.compute_features)
    learned.structured_signals = timed("signals: structured", learned.structured_signals)
    graph = timed(lambda name, *_: f"signals: {name}", structure.graph_signal)
    learned.graph_signal = graph
    structure.graph_signal = graph
    learned.weighted_sum = timed("signals: structured sum", learned.weighted_sum)
    learned._lexicon_scores = timed("lexicon", learned._lexicon_scores)
    learned.sentence_features = timed("feature rows (other columns)", learned.sentence_features)
    PhraseModel.predict = timed("phrase model", PhraseModel.predict)  # type: ignore[method-assign]
    learned.TreeModel.predict = timed("trees", learned.TreeModel.predict)  # type: ignore[method-assign]
    pipeline.select = timed("selection", pipeline.select)
    # The summary reranker of `reranked` (the default since issue 14); `select` here is its greedy fallback.
    summary.candidate_summaries = timed("reranker: candidates", summary.candidate_summaries)
    summary.expected_bigrams = timed("reranker: bigram model", summary.expected_bigrams)
    summary.summary_features = timed("reranker: candidate features", summary.summary_features)
    summary.select = timed("reranker: greedy summary", summary.select)
    summary.Reranker.choose = timed("reranker (rest)", summary.Reranker.choose)  # type: ignore[method-assign]
    pipeline.run_document = timed("scoring (rest)", pipeline.run_document)


@contextmanager
def one_record(row: dict[str, Any]) -> Iterator[str]:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as handle:
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    try:
        yield handle.name
    finally:
        Path(handle.name).unlink()


def summarize_file(path: str) -> str:
    """What `synopsis summarize FILE --output json` does, minus the CLI: read, run, render."""
    _stack.append(0.0)
    start = time.process_time()
    articles = list(read_articles(path))
    _totals["read + decode"] += time.process_time() - start
    _stack.pop()
    article = articles[0]
    if isinstance(article, Exception):
        raise SystemExit(f"{path}: {article}")
    result = pipeline.run(article, pipeline.RunOptions())
    start = time.process_time()
    text = output.render_json(result.summary, result.document)
    _totals["output (JSON)"] += time.process_time() - start
    return text


def profile(row: dict[str, Any], repeats: int) -> dict[str, float]:
    """Best of `repeats` per stage, in ms, plus the total of the best run."""
    best: dict[str, float] = {}
    with one_record(row) as path:
        for _ in range(repeats):
            _totals.clear()
            gc.collect()
            gc.disable()
            start = time.process_time()
            summarize_file(path)
            total = time.process_time() - start
            gc.enable()
            for name, seconds in {**_totals, "total": total}.items():
                best[name] = min(best.get(name, float("inf")), seconds * 1000)
    return best


def rows_by_size(data: Path, per_size: int, sizes: tuple[int, ...] = SIZES) -> dict[int, list[dict[str, Any]]]:
    out: dict[int, list[dict[str, Any]]] = {size: [] for size in sizes}
    for path in sorted(data.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            row = json.loads(line)
            words = len(row["full_text"].split())
            for size in sizes:
                if abs(words - size) <= 0.15 * size and len(out[size]) < per_size:
                    out[size].append(row)
    return out


def startup(repeats: int = 5) -> dict[str, float]:
    """Fresh-process seconds: `import synopsis.cli` and the shipped model's load, median of `repeats`."""
    code = (
        "import time; t0 = time.perf_counter(); import synopsis.cli.app, synopsis.pipeline, synopsis.scorers; "
        "t1 = time.perf_counter(); from synopsis.scorers.learned import _shipped_model; _shipped_model(); "
        "t2 = time.perf_counter(); print(t1 - t0, t2 - t1)"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
        for _ in range(repeats)
    ]
    return {
        "import": statistics.median(float(r[0]) for r in runs) * 1000,
        "model load": statistics.median(float(r[1]) for r in runs) * 1000,
    }


def commit() -> str:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data/dev"))
    parser.add_argument("--articles", type=int, default=9, help="articles per size (the median is over them)")
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="target word counts")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--json", type=Path, help="also write the numbers as JSON (for before/after tables)")
    parser.add_argument("--commit", help="the commit of the code measured (default: this checkout's HEAD)")
    parser.add_argument("--before", type=Path, help="a --json file of an earlier version: each cell shows before -> now")
    args = parser.parse_args()
    version = args.commit or commit()
    instrument()
    pipeline.run(pipeline.article_from_text("Warm-up. The model and lexicons load here, not in a timed run."))
    results: dict[int, dict[str, float]] = {}
    counts: dict[int, int] = {}
    words: dict[int, int] = {}
    for size, rows in rows_by_size(args.data, args.articles, tuple(int(s) for s in args.sizes.split(","))).items():
        if not rows:
            continue
        runs = [profile(row, args.repeats) for row in rows]
        names = {name for run in runs for name in run}
        results[size] = {name: statistics.median(run.get(name, 0.0) for run in runs) for name in names}
        counts[size] = len(rows)
        words[size] = int(statistics.median(len(r["full_text"].split()) for r in rows))
    start = startup()
    order = [n for n in next(iter(results.values())) if n != "total"]
    order.sort(key=lambda n: -results[max(results)].get(n, 0.0))
    head = " | ".join(f"~{size // 1000}k words ({counts[size]} articles, median {words[size]:,})" for size in results)
    lines = [
        f"# Profile of the default method (`{DEFAULT_METHOD}`), CPU ms per stage",
        "",
        f"Command: `PYTHONPATH=src python benchmarks/profile_default.py --articles {args.articles} --repeats {args.repeats} "
        f"--sizes {args.sizes}`",
        f"Commit {version} (synopsis {__version__}); protocol in the script's docstring (exclusive CPU ms, best of "
        f"{args.repeats} per article, median over articles; shared 2-core machine).",
        "",
        f"| stage | {head} |",
        "|---|" + "---:|" * len(results),
    ]
    before: dict[str, Any] = json.loads(args.before.read_text(encoding="utf-8")) if args.before else {}

    def cell(size: int, name: str, digits: int) -> str:
        now = f"{results[size].get(name, 0.0):.{digits}f}"
        old = before.get("sizes", {}).get(str(size), {}).get(name)
        return now if old is None else f"{old:.{digits}f} → {now}"

    if before:
        lines.insert(4, f"Each cell: before (commit {before['commit']}, same session) → now.")
    for name in order:
        lines.append(f"| {name} | " + " | ".join(cell(s, name, 2) for s in results) + " |")
    lines.append("| **total (best run)** | " + " | ".join(f"**{cell(s, 'total', 1)}**" for s in results) + " |")
    old_start = before.get("startup", {})
    was = f" (before: import {old_start['import']:.0f} ms, model load {old_start['model load']:.0f} ms)" if old_start else ""
    lines += [
        "",
        f"Start-up in a fresh process (median of 5): import {start['import']:.0f} ms, "
        f"shipped model load {start['model load']:.0f} ms{was}.",
    ]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps({"commit": version, "sizes": results, "startup": start}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
