"""Write copies of JSONL corpora with every newline of `full_text` replaced by a space.

This is how text arrives from many PDF pipelines (the example record is one such line); the
default method must lose at most 1 ROUGE-1 point on it. Usage:

    python benchmarks/flatten.py ../shared/data/dev/*.jsonl --out /tmp/dev_flat
    synopsis evaluate /tmp/dev_flat/*.jsonl -m structured -m hiporank -j 2
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    for path in args.inputs:
        with path.open(encoding="utf-8") as rows, (args.out / path.name).open("w", encoding="utf-8") as out:
            for line in rows:
                row = json.loads(line)
                row["full_text"] = row["full_text"].replace("\r\n", " ").replace("\n", " ")
                out.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
