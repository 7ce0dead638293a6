"""Peak memory per input character with the default method, on flattened dev text.

Why: the CLI's and the server's input limits (src/synopsis/limits.py) are derived from this number,
so that the largest input we accept fits the memory we say it needs. Each size runs in a fresh
process (peak RSS is a high-water mark); the text is dev articles joined and flattened into one
line, as PDF extraction often delivers them, which is the worst case for segmentation. The
per-character cost recorded is the steepest slope between consecutive sizes (memory may grow
faster than linearly), and the fixed cost the smallest run's peak.

    PYTHONPATH=src nice python benchmarks/memory_per_char.py --sizes 50000 200000 400000

writes benchmarks/results/memory_per_char.json (with the commit and version that produced it).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from provenance import ROOT, provenance

DEV = Path("/work/shared/data/dev")
RESULT = ROOT / "benchmarks" / "results" / "memory_per_char.json"
CHILD = """
import resource, sys, time
import synopsis
text = sys.stdin.read()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
started = time.perf_counter()
summary = synopsis.summarize(text, max_chars=None)
print(before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, time.perf_counter() - started, len(summary.sentences))
"""


def flattened(dev: Path, chars: int) -> str:
    """`chars` characters of dev articles (every source in turn), newlines replaced by spaces."""
    rows = [json.loads(line) for path in sorted(dev.glob("*.jsonl")) for line in path.open(encoding="utf-8")]
    rows.sort(key=lambda row: (row["id"]))
    parts: list[str] = []
    total = 0
    for row in rows:
        if total >= chars:
            break
        # The first 60% of each article: its body, not its reference list (cleaning drops the end
        # matter after the first article's references, which would measure a short text).
        full = row["full_text"]
        text = " ".join(full[: int(len(full) * 0.6)].split())
        parts.append(text)
        total += len(text) + 1
    return " ".join(parts)[:chars]


def measure(text: str) -> dict[str, float]:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", CHILD], input=text, capture_output=True, text=True, check=True)
    before_kb, peak_kb, seconds, sentences = done.stdout.split()
    return {
        "chars": len(text),
        "peak_mb": int(peak_kb) / 1024,
        "baseline_mb": int(before_kb) / 1024,
        "seconds": float(seconds),
        "wall_seconds": time.perf_counter() - started,
        "summary_sentences": int(sentences),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[50_000, 200_000, 400_000])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--out", type=Path, default=RESULT)
    args = parser.parse_args()
    runs = []
    for size in sorted(args.sizes):
        run = measure(flattened(args.dev, size))
        print(f"{run['chars']:>10,} chars  peak {run['peak_mb']:7.1f} MB  {run['seconds']:6.1f} s", flush=True)
        runs.append(run)
    # Memory may grow faster than linearly: the per-character cost src/synopsis/limits.py uses is
    # the steepest slope between consecutive sizes, on top of the smallest run's peak.
    slopes = [
        (b["peak_mb"] - a["peak_mb"]) * 1024 * 1024 / max(1, b["chars"] - a["chars"]) for a, b in pairwise(runs)
    ]
    worst = max(slopes)
    result = {
        "what": "peak RSS of synopsis.summarize(text) (default method, default budget) in a fresh process",
        "input": "the first 60% of each dev article (all sources, sorted by id), whitespace collapsed, joined into one line",
        "command": "PYTHONPATH=src nice python benchmarks/memory_per_char.py --sizes " + " ".join(map(str, sorted(args.sizes))),
        "bytes_per_char": round(worst),
        "fixed_mb": round(runs[0]["peak_mb"]),
        "slopes_bytes_per_char": [round(x) for x in slopes],
        "runs": runs,
        **provenance(),
    }
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"{worst:.0f} bytes per character (steepest slope) above {result['fixed_mb']} MB; written to {args.out}")


if __name__ == "__main__":
    main()
