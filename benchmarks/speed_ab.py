"""Before/after speed of two source trees, measured alternately in one session (a shared machine's load
then weighs on both alike).

    git archive <before> src | tar -x -C /tmp/before     # the tree to compare with
    python benchmarks/speed_ab.py startup /tmp/before/src src --runs 7
    python benchmarks/speed_ab.py run /tmp/before/src src --rounds 3

`startup`: `python -m synopsis summarize examples/000_9c8af2bd0370aa32.txt` in a fresh process per run,
the trees taking turns; wall seconds and CPU seconds (user + system of the child), median and best.
Compile the trees first (`python -m compileall -q TREE`) when PYTHONDONTWRITEBYTECODE is set, as an
installed package has its bytecode.

`run`: CPU ms of `pipeline.run` (read and JSON output excluded, no per-stage timers), per article the
best of `--repeats`, the median over the articles `profile_default.py` picks per size; one process per
tree and round, the trees taking turns.

`interleaved` (for a machine whose speed drifts within a minute, where `run`'s rounds differ by half):
both trees in one process, the first imported as `synopsis_before` (a copy of its package; imports
inside it are relative, and it reads its own data files: language profiles, segmentation rules and
the model, each tree as it ships them; each tree reads the articles with its own reader), and for
every article the two take turns run by run, `--repeats` times each; per
article the best of each, then per size the median of the best times and of the per-article ratios.

    python benchmarks/speed_ab.py interleaved /tmp/before/src src --repeats 15
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "000_9c8af2bd0370aa32.txt"


def child_times() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def startup(trees: list[str], runs: int) -> None:
    wall: dict[str, list[float]] = {tree: [] for tree in trees}
    cpu: dict[str, list[float]] = {tree: [] for tree in trees}
    command = [sys.executable, "-m", "synopsis", "summarize", str(EXAMPLE)]
    for _ in range(runs):
        for tree in trees:
            env = {**os.environ, "PYTHONPATH": tree}
            used, start = child_times(), time.perf_counter()
            subprocess.run(command, env=env, stdout=subprocess.DEVNULL, check=True)
            wall[tree].append(time.perf_counter() - start)
            cpu[tree].append(child_times() - used)
    for tree in trees:
        print(
            f"{tree}: wall median {statistics.median(wall[tree]):.3f} s (best {min(wall[tree]):.3f}), "
            f"CPU median {statistics.median(cpu[tree]):.3f} s (best {min(cpu[tree]):.3f}), {runs} runs"
        )


def article_of(row: dict[str, Any], folder: Path, package: str = "synopsis") -> Any:
    """The dev row as `synopsis summarize` reads it: written to a one-record JSONL file, read back
    by `package`'s own reader (each tree's pipeline checks that it gets its own Article type)."""
    import importlib

    read_articles = importlib.import_module(f"{package}.ingest").read_articles
    path = folder / f"speed_ab_{os.getpid()}.jsonl"
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n", encoding="utf-8")
    try:
        return next(iter(read_articles(str(path))))
    finally:
        path.unlink()


def cpu_seconds(call: Callable[[Any], Any], article: Any) -> float:
    """CPU seconds of one `call(article)`, the garbage collector off while it runs."""
    gc.collect()
    gc.disable()
    start = time.process_time()
    try:
        call(article)
        return time.process_time() - start
    finally:
        gc.enable()


def run_times(sizes: list[int], repeats: int, data: Path) -> dict[int, float]:
    """In this process (the tree on PYTHONPATH): the median over articles of the best `pipeline.run`."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from profile_default import rows_by_size

    import synopsis.pipeline as pipeline

    out = {}
    for size, rows in rows_by_size(data, 9, tuple(sizes)).items():
        if not rows:
            continue
        best = []
        for row in rows:
            article = article_of(row, Path("/tmp"))
            pipeline.run(article)  # warm: model, lexicons, caches
            best.append(min(cpu_seconds(pipeline.run, article) for _ in range(repeats)) * 1000)
        out[size] = statistics.median(best)
    return out


def interleaved(before_tree: str, after_tree: str, sizes: list[int], repeats: int, data: Path) -> None:
    """`before_tree` and `after_tree` in this process, taking turns on every article (see the docstring)."""
    import importlib
    import shutil
    import tempfile

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    copy = Path(tempfile.mkdtemp(prefix="speed_ab_"))
    shutil.copytree(Path(before_tree) / "synopsis", copy / "synopsis_before", ignore=shutil.ignore_patterns("__pycache__"))
    for module in (copy / "synopsis_before").rglob("*.py"):  # each tree reads its own data files
        source = module.read_text(encoding="utf-8")
        own = 'resources.files("synopsis")'
        if own in source:
            module.write_text(source.replace(own, 'resources.files("synopsis_before")'), encoding="utf-8")
    sys.path.insert(0, str(copy))
    sys.path.insert(0, after_tree)
    from profile_default import rows_by_size

    runs = {name: importlib.import_module(f"{name}.pipeline").run for name in ("synopsis_before", "synopsis")}
    try:
        for size, rows in rows_by_size(data, 9, tuple(sizes)).items():
            best: dict[str, list[float]] = {name: [] for name in runs}
            for row in rows:
                articles = {name: article_of(row, copy, name) for name in runs}
                times: dict[str, list[float]] = {name: [] for name in runs}
                for name, run in runs.items():
                    run(articles[name])  # warm: model, lexicons, caches
                for _ in range(repeats):
                    for name, run in runs.items():
                        times[name].append(cpu_seconds(run, articles[name]))
                for name in runs:
                    best[name].append(min(times[name]) * 1000)
            if not rows:
                continue
            ratio = statistics.median(a / b for a, b in zip(best["synopsis"], best["synopsis_before"], strict=True))
            before, after = statistics.median(best["synopsis_before"]), statistics.median(best["synopsis"])
            print(f"~{size // 1000}k words, {len(rows)} articles: before {before:.1f} ms, after {after:.1f} ms, ", end="")
            print(f"median ratio {ratio:.3f}")
    finally:
        shutil.rmtree(copy)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=("startup", "run", "run-here", "interleaved"))
    parser.add_argument("trees", nargs="*", help="source trees (the folder holding synopsis/)")
    parser.add_argument("--runs", type=int, default=7, help="startup: runs per tree")
    parser.add_argument("--rounds", type=int, default=3, help="run: processes per tree")
    parser.add_argument("--repeats", type=int, default=5, help="run: runs per article (the best counts)")
    parser.add_argument("--sizes", default="5000,8000")
    parser.add_argument("--data", type=Path, default=Path("/work/shared/data/dev"))
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    if args.what == "startup":
        startup(args.trees, args.runs)
    elif args.what == "interleaved":
        interleaved(args.trees[0], args.trees[1], sizes, args.repeats, args.data)
    elif args.what == "run-here":
        print(json.dumps(run_times(sizes, args.repeats, args.data)))
    else:
        found: dict[str, list[dict[str, float]]] = {tree: [] for tree in args.trees}
        for _ in range(args.rounds):
            for tree in args.trees:
                command = [sys.executable, __file__, "run-here", "--sizes", args.sizes, "--repeats", str(args.repeats)]
                command += ["--data", str(args.data)]
                env = {**os.environ, "PYTHONPATH": tree}
                done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
                found[tree].append(json.loads(done.stdout))
        for tree, rounds in found.items():
            per_size = {size: [f"{r[str(size)]:.1f}" for r in rounds if str(size) in r] for size in sizes}
            cells = ", ".join(f"~{size // 1000}k: {' / '.join(times)} ms" for size, times in per_size.items())
            print(f"{tree}: {cells}")


if __name__ == "__main__":
    main()
