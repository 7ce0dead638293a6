#!/usr/bin/env python3
"""Check that English sentence spans are byte-identical to an earlier commit's on the dev data.

Usage::

    PYTHONPATH=src python benchmarks/segmenters_english_unchanged.py [--ref 84a1ca3] [--dev DIR]

The earlier `src/synopsis/segment.py` is taken from git (`git show REF:...`) and imported on its
own (it needs only nupunkt), then both segment the full text and the abstract of every dev record.
Prints the number of texts compared and each one that differs; exits 1 if any does.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from synopsis.segment import sentence_spans

REPO = Path(__file__).resolve().parents[1]


def old_segmenter(ref: str) -> Callable[[str], list[tuple[int, int]]]:
    """`sentence_spans` of `src/synopsis/segment.py` at git `ref`."""
    source = subprocess.run(
        ["git", "-C", str(REPO), "show", f"{ref}:src/synopsis/segment.py"], check=True, capture_output=True, text=True
    ).stdout
    path = Path(tempfile.mkdtemp()) / "segment_at_ref.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("segment_at_ref", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    function: Callable[[str], list[tuple[int, int]]] = module.sentence_spans
    return function


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ref", default="84a1ca3", help="git commit whose English segmenter is the reference")
    ap.add_argument("--dev", type=Path, default=Path("/work/shared/data/dev"))
    args = ap.parse_args()
    old = old_segmenter(args.ref)
    compared, differ = 0, []
    for path in sorted(args.dev.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            for field in ("full_text", "abstract"):
                text = record.get(field) or ""
                compared += 1
                if old(text) != sentence_spans(text, lang="en"):
                    differ.append(f"{record['id']}:{field}")
    print(f"{compared} texts compared with {args.ref}; {len(differ)} differ")
    for name in differ:
        print("  differs:", name)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
