#!/usr/bin/env python3
"""Score the example record's own PREDICTION and its raw first 200 words against its abstract,
with the same protocol as every method (the README quotes both numbers).

Usage::

    python benchmarks/example_baselines.py [--out /tmp/example_baselines]

writes `prediction.jsonl` and `first200.jsonl` into --out and runs
`synopsis evaluate examples/000_9c8af2bd0370aa32.txt --predictions ... --predictions ...`.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "000_9c8af2bd0370aa32.txt"
LABELS = ("ABSTRACT:", "PREDICTION:", "FULL TEXT:")


def sections(text: str) -> dict[str, str]:
    """The record's labelled parts (a label on its own line, its text on the lines after it)."""
    parts: dict[str, list[str]] = {}
    current = None
    for line in text.split("\n"):
        if line.strip() in LABELS:
            current = line.strip()
            parts[current] = []
        elif current is not None:
            parts[current].append(line)
    return {label: "\n".join(lines).strip() for label, lines in parts.items()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=Path("/tmp/example_baselines"))
    args = ap.parse_args()
    parts = sections(EXAMPLE.read_text(encoding="utf-8"))
    args.out.mkdir(parents=True, exist_ok=True)
    baselines = {
        "prediction": parts["PREDICTION:"],
        "first200": " ".join(parts["FULL TEXT:"].split()[:200]),
    }
    command = [sys.executable, "-m", "synopsis", "evaluate", str(EXAMPLE)]
    for name, summary in baselines.items():
        path = args.out / f"{name}.jsonl"
        path.write_text(json.dumps({"id": EXAMPLE.stem, "summary": summary}, ensure_ascii=False) + "\n", encoding="utf-8")
        command += ["--predictions", str(path)]
    return subprocess.call(command)


if __name__ == "__main__":
    raise SystemExit(main())
