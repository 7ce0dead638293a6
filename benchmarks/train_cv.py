"""Cross-validate the supervised scorer on the dev corpora, against the unsupervised default.

Two protocols, both by document:
- leave-one-source-out: train on three fields, test on the fourth (the lexicon too is learned on
  the training fields only) — how the model does on a field it never saw;
- k-fold (5 folds, seeded, sources mixed).
Scores follow `synopsis evaluate` (docs/evaluation.md): ROUGE-1/2/Lsum F1, rouge-score semantics,
200-word summaries, macro average per source, 95% bootstrap CIs over documents.

    python benchmarks/train_cv.py --data ../shared/data/dev --out benchmarks/results/train_cv
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path
from typing import Any

import numpy as np

from synopsis.evaluate import bootstrap_ci, greedy_oracle, score_sentences, split_sentences, truncate
from synopsis.ingest import read_articles
from synopsis.scorers import get_method
from synopsis.scorers.learned import sentence_features
from synopsis.select import select
from synopsis.train import Example, fit, prepare
from synopsis.types import Article, Budget

SOURCES = ("scisummnet", "sumpubmed", "plos", "dhq")
BUDGET = Budget(200)


def load(data: Path, per_source: int | None, seed: int) -> list[Example]:
    examples: list[Example] = []
    for source in SOURCES:
        articles = [a for a in read_articles(str(data / f"{source}.jsonl")) if isinstance(a, Article)]
        random.Random(seed).shuffle(articles)
        for article in articles[:per_source] if per_source else articles:
            article.meta["source"] = source
            examples.extend(prepare([article]))
    return examples


def rouge_of(example: Example, indices: tuple[int, ...] | list[int]) -> list[float]:
    sentences = truncate([example.doc.sentences[i].text for i in indices], BUDGET.words)
    scores = score_sentences(split_sentences(example.abstract), sentences)
    return [scores.rouge1.fmeasure * 100, scores.rouge2.fmeasure * 100, scores.rougeLsum.fmeasure * 100]


def run_method(example: Example, name: str, **params: Any) -> list[float]:
    method = get_method(name)
    scores = method.score(example.doc, example.features, **params)
    return rouge_of(example, select(scores, example.features, BUDGET, **method.selection).indices)


def summarise(rows: dict[str, list[list[float]]]) -> dict[str, Any]:
    per_source = {s: np.mean(v, axis=0) for s, v in rows.items()}
    macro = np.mean(list(per_source.values()), axis=0)
    everything = np.array([r for v in rows.values() for r in v])
    ci = bootstrap_ci(everything[:, 0], rng=np.random.default_rng(0))
    return {
        "per_source": {s: [round(x, 2) for x in v] for s, v in per_source.items()},
        "macro": [round(x, 2) for x in macro],
        "r1_ci": [round(ci.low, 2), round(ci.high, 2)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/dev"))
    parser.add_argument("--per-source", type=int, default=None, help="documents per source (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--protocol", choices=("loso", "kfold", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    started = time.time()
    examples = load(args.data, args.per_source, args.seed)
    print(f"{len(examples)} documents prepared in {time.time() - started:.0f}s", flush=True)
    kwargs = {"rounds": args.rounds} if args.rounds else {}
    baselines = {name: {} for name in ("lead", "structured", "oracle")}  # type: dict[str, dict[str, list[list[float]]]]
    for example in examples:
        baselines["lead"].setdefault(example.source, []).append(run_method(example, "lead"))
        baselines["structured"].setdefault(example.source, []).append(run_method(example, "structured"))
        baselines["oracle"].setdefault(example.source, []).append(
            rouge_of(example, greedy_oracle(example.doc, example.abstract, BUDGET))
        )
    report: dict[str, Any] = {
        "documents": len(examples),
        "seed": args.seed,
        "baselines": {k: summarise(v) for k, v in baselines.items()},
    }
    protocols = ("loso", "kfold") if args.protocol == "both" else (args.protocol,)
    for protocol in protocols:
        if protocol == "loso":
            folds = [(s, [e for e in examples if e.source != s], [e for e in examples if e.source == s]) for s in SOURCES]
        else:
            order = list(range(len(examples)))
            random.Random(args.seed).shuffle(order)
            folds = [
                (f"fold{k}", [examples[i] for i in order if i % 5 != k], [examples[i] for i in order if i % 5 == k])
                for k in range(5)
            ]
        rows: dict[str, list[list[float]]] = {}
        fold_seconds = []
        for name, train, test in folds:
            t0 = time.time()
            model = fit(train, **kwargs)
            fold_seconds.append(time.time() - t0)
            for example in test:
                scores = model.predict(sentence_features(example.doc, example.features, model.lexicon))
                chosen = select(scores, example.features, BUDGET, redundancy=0.5).indices
                rows.setdefault(example.source, []).append(rouge_of(example, chosen))
            print(f"{protocol} {name}: trained on {len(train)} in {fold_seconds[-1]:.0f}s", flush=True)
        report[protocol] = summarise(rows)
        report[protocol]["train_seconds"] = round(float(np.mean(fold_seconds)), 1)
    lead, oracle = report["baselines"]["lead"]["macro"][0], report["baselines"]["oracle"]["macro"][0]
    print(f"\n{'system':22s}" + "".join(f"{s:>20s}" for s in SOURCES) + f"{'macro R1/R2/RLsum':>24s}  gap closed (R1)")
    for name, result in [*report["baselines"].items(), *((f"supervised ({p})", report[p]) for p in protocols)]:
        cells = "".join(f"{'/'.join(f'{x:.2f}' for x in result['per_source'][s][:2]):>20s}" for s in SOURCES)
        macro = result["macro"]
        gap = (macro[0] - lead) / (oracle - lead) * 100 if oracle > lead else 0.0
        print(f"{name:22s}{cells}{'/'.join(f'{x:.2f}' for x in macro):>24s}  {gap:5.1f}%")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.with_suffix(".json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"done in {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()
