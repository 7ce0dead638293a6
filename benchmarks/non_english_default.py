"""Which method `auto` should run for a non-English article: a proxy on the English dev data.

We have no non-English abstracts to score against, so the question is asked of English articles
with what a non-English article loses: the trained method's English-only features (the word
lexicon and the phrase model) set to their no-evidence values (`TreeModel.without_english_features`,
the rule `features_of` applies outside English), against `structured`, which uses no learned
English words, and the full trained method for reference.

Protocol: leave-one-source-out (the model, its lexicon and phrase model are trained on three dev
sources and scored on the fourth, as benchmarks/train_cv.py does), `synopsis evaluate` scoring
(ROUGE-1/2/Lsum F1 x 100, rouge-score semantics, 200-word summaries), macro mean over sources, and
a paired bootstrap of the neutralised model against `structured` with sources weighted alike.

    python benchmarks/non_english_default.py --data ../shared/data/dev --out benchmarks/results/non_english_default

(about 15 minutes on two cores; `--per-source 150` takes half that and gave the same verdict).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

from train_cv import SOURCES, by_source, describe, load, paired, rouge_of, run_method, summarise

from synopsis.scorers import get_method
from synopsis.select import select
from synopsis.train import fit
from synopsis.types import Budget

BUDGET = Budget(200)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/dev"))
    parser.add_argument("--per-source", type=int, default=None, help="documents per source (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    started = time.time()
    examples = load(args.data, args.per_source, args.seed)
    print(f"{len(examples)} documents prepared in {time.time() - started:.0f}s", flush=True)
    results: dict[str, dict[int, list[float]]] = {"structured": {}, "supervised": {}, "supervised, English-only features off": {}}
    for i, example in enumerate(examples):
        results["structured"][i] = run_method(example, "structured", BUDGET)
    selection = get_method("supervised").selection
    for source in SOURCES:
        held_out = [i for i, e in enumerate(examples) if e.source == source]
        test = set(held_out)
        model = fit([e for i, e in enumerate(examples) if i not in test])
        for i in held_out:
            example = examples[i]
            x = model.features_of(example.doc, example.features)
            mask = example.features.candidate
            for name, rows in (("supervised", x), ("supervised, English-only features off", model.without_english_features(x))):
                chosen = select(model.score_rows(rows, mask), example.features, BUDGET, **selection).indices
                results[name][i] = rouge_of(example, chosen, BUDGET)
        print(f"held out {source}: trained on {len(examples) - len(test)}", flush=True)
    report: dict[str, Any] = {
        "documents": len(examples),
        "per_source": args.per_source,
        "seed": args.seed,
        "protocol": "leave-one-source-out; ROUGE F1 x 100 (rouge-score, stemmed), 200 words; macro over sources",
        "methods": {name: summarise(by_source(examples, scores)) for name, scores in results.items()},
        "neutralised_vs_structured": paired(
            examples, results["structured"], results["supervised, English-only features off"], ("structured", "neutralised")
        ),
    }
    print(f"\n{'method':40s}" + "".join(f"{s:>14s}" for s in SOURCES) + f"{'macro R1/R2/RLsum':>22s}")
    for name, result in report["methods"].items():
        cells = "".join(f"{'/'.join(f'{x:.2f}' for x in result['per_source'][s][:2]):>14s}" for s in SOURCES)
        print(f"{name:40s}{cells}{'/'.join(f'{x:.2f}' for x in result['macro']):>22s}")
    for metric, test in report["neutralised_vs_structured"].items():
        print(f"neutralised - structured, {metric}: {describe(test)}")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.with_suffix(".json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"done in {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()
