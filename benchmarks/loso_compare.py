"""Two `train_cv.py --documents` files compared document by document: both trained systems, every
budget, macro R1/R2 of each run and a paired bootstrap of the difference (sources weighted alike,
as `train_cv.py` tests), so that a variant run from scratch is judged against a base run from scratch.

    python benchmarks/loso_compare.py base_docs.json variant_docs.json [--data ../shared/data/dev]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import namedtuple
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from train_cv import describe, paired

Example = namedtuple("Example", "source")


def sources(data: Path) -> dict[str, str]:
    """Each dev document's source, by id."""
    out = {}
    for path in sorted(data.glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            out[record["id"]] = record["source"]
    return out


def macro(examples: list[Example], rows: list[list[float]]) -> np.ndarray:
    """Mean R1/R2 per source, then over sources."""
    per: dict[str, list[list[float]]] = {}
    for example, row in zip(examples, rows, strict=True):
        per.setdefault(example.source, []).append(row[:2])
    return np.mean([np.mean(v, axis=0) for v in per.values()], axis=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", type=Path)
    parser.add_argument("variant", type=Path)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/dev"))
    args = parser.parse_args()
    base, new = (json.loads(path.read_text(encoding="utf-8")) for path in (args.base, args.variant))
    if base["ids"] != new["ids"]:
        raise SystemExit("the two runs hold other documents (or another order)")
    by_id = sources(args.data)
    examples = [Example(by_id[i]) for i in base["ids"]]
    protocol = next(iter(k for k in base if k != "ids"))
    for system in base[protocol]:
        for budget in base[protocol][system]:
            a, b = base[protocol][system][budget], new[protocol][system][budget]
            ma, mb = macro(examples, a), macro(examples, b)
            test = paired(examples, dict(enumerate(a)), dict(enumerate(b)), ("base", "variant"))
            print(
                f"{system:10s} {budget:12s} base {ma[0]:.2f}/{ma[1]:.2f} new {mb[0]:.2f}/{mb[1]:.2f}"
                f"  dR1 {describe(test['rouge1'])}  dR2 {describe(test['rouge2'])}"
            )


if __name__ == "__main__":
    main()
