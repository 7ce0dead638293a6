"""Cross-validate the supervised scorer on the dev corpora, against the unsupervised default.

Two protocols, both by document:
- leave-one-source-out: train on three fields, test on the fourth (the lexicon too is learned on
  the training fields only) — how the model does on a field it never saw;
- k-fold (5 folds, seeded, sources mixed).
Scores follow `synopsis evaluate` (docs/evaluation.md): ROUGE-1/2/Lsum F1, rouge-score semantics,
200-word summaries, macro average per source, 95% bootstrap CIs over documents, and a paired
bootstrap test of the supervised model against `structured` on the same documents (R1 and R2).

    python benchmarks/train_cv.py --data ../shared/data/dev --out benchmarks/results/train_cv
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np

from synopsis.evaluate import bootstrap_ci, greedy_oracle, paired_bootstrap, score_sentences, split_sentences, truncate
from synopsis.ingest import read_articles
from synopsis.scorers import get_method
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


def by_source(examples: list[Example], scores: dict[int, list[float]]) -> dict[str, list[list[float]]]:
    """Per-document scores (keyed by position in `examples`) grouped by source, in example order."""
    rows: dict[str, list[list[float]]] = {}
    for i, example in enumerate(examples):
        rows.setdefault(example.source, []).append(scores[i])
    return rows


def paired(examples: list[Example], base: dict[int, list[float]], new: dict[int, list[float]]) -> dict[str, Any]:
    """Paired bootstrap of `new` against `base` per metric, documents weighted so each source counts alike."""
    counts = Counter(e.source for e in examples)
    weight = np.array([len(examples) / (len(counts) * counts[e.source]) for e in examples])
    out = {}
    for k, metric in enumerate(("rouge1", "rouge2")):
        a = np.array([base[i][k] for i in range(len(examples))]) * weight
        b = np.array([new[i][k] for i in range(len(examples))]) * weight
        test = paired_bootstrap(a, b, names=("structured", "supervised"), metric=metric, rng=np.random.default_rng(0))
        interval = [round(test.low, 2), round(test.high, 2)]
        out[metric] = {"difference": round(test.difference, 2), "ci": interval, "p": test.p_value}
    return out


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
    baselines: dict[str, dict[int, list[float]]] = {name: {} for name in ("lead", "structured", "oracle")}
    for i, example in enumerate(examples):
        baselines["lead"][i] = run_method(example, "lead")
        baselines["structured"][i] = run_method(example, "structured")
        baselines["oracle"][i] = rouge_of(example, greedy_oracle(example.doc, example.abstract, BUDGET))
    report: dict[str, Any] = {
        "documents": len(examples),
        "seed": args.seed,
        "baselines": {k: summarise(by_source(examples, v)) for k, v in baselines.items()},
    }
    protocols = ("loso", "kfold") if args.protocol == "both" else (args.protocol,)
    for protocol in protocols:
        if protocol == "loso":
            folds = [(s, [i for i, e in enumerate(examples) if e.source == s]) for s in SOURCES]
        else:
            order = list(range(len(examples)))
            random.Random(args.seed).shuffle(order)
            folds = [(f"fold{k}", [i for i in order if i % 5 == k]) for k in range(5)]
        scores: dict[int, list[float]] = {}
        selection = get_method("supervised").selection  # as `--method supervised` selects
        fold_seconds = []
        for name, held_out in folds:
            t0 = time.time()
            test = set(held_out)
            model = fit([e for i, e in enumerate(examples) if i not in test], **kwargs)
            fold_seconds.append(time.time() - t0)
            for i in held_out:
                example = examples[i]
                chosen = select(model.score(example.doc, example.features), example.features, BUDGET, **selection).indices
                scores[i] = rouge_of(example, chosen)
            print(f"{protocol} {name}: trained on {len(examples) - len(test)} in {fold_seconds[-1]:.0f}s", flush=True)
        report[protocol] = summarise(by_source(examples, scores))
        report[protocol]["train_seconds"] = round(float(np.mean(fold_seconds)), 1)
        report[protocol]["vs_structured"] = paired(examples, baselines["structured"], scores)
    lead, oracle = report["baselines"]["lead"]["macro"][0], report["baselines"]["oracle"]["macro"][0]
    print(f"\n{'system':22s}" + "".join(f"{s:>20s}" for s in SOURCES) + f"{'macro R1/R2/RLsum':>24s}  gap closed (R1)")
    for name, result in [*report["baselines"].items(), *((f"supervised ({p})", report[p]) for p in protocols)]:
        cells = "".join(f"{'/'.join(f'{x:.2f}' for x in result['per_source'][s][:2]):>20s}" for s in SOURCES)
        macro = result["macro"]
        gap = (macro[0] - lead) / (oracle - lead) * 100 if oracle > lead else 0.0
        print(f"{name:22s}{cells}{'/'.join(f'{x:.2f}' for x in macro):>24s}  {gap:5.1f}%")
    for protocol in protocols:
        for metric, test in report[protocol]["vs_structured"].items():
            low, high = test["ci"]
            print(
                f"supervised ({protocol}) - structured, {metric}, sources weighted alike: "
                f"{test['difference']:+.2f} (95% CI {low:+.2f}..{high:+.2f}, p = {test['p']:.4f})"
            )
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.with_suffix(".json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"done in {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()
