"""Choose the weights of the default `structured` method on the dev corpora, honestly.

Protocol: documents are built once; each weight vector is scored with ROUGE-1 + ROUGE-2 F1
(rouge-score semantics, Porter stemming, summaries cut to 200 words, Lsum-style sentence splits)
macro-averaged over sources. A seeded coordinate search starts from the shipped weights.

- `--mode loso`: for each source, tune on the other three and report the held-out source
  (leave-one-source-out: how the method does on a field it was not tuned on).
- `--mode kfold`: 5-fold by document, all sources mixed.
- `--mode all`: tune on everything; prints the weights to ship in scorers/structure.py.

    python benchmarks/tune_structured.py --data ../shared/data/dev --per-source 60 --mode loso
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import numpy as np
from rouge_score_rs import rouge_scorer

from synopsis.features import compute_features
from synopsis.pipeline import build_document
from synopsis.scorers import get_method
from synopsis.scorers.structure import STRUCTURED_WEIGHTS, structured_signals
from synopsis.segment import sentence_spans
from synopsis.select import select
from synopsis.types import Article, Budget

SOURCES = ("scisummnet", "sumpubmed", "plos", "dhq")
SCORER = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
STEPS = (-1.0, -0.5, -0.2, 0.2, 0.5, 1.0)


def sentences_joined(text: str) -> str:
    return "\n".join(text[a:b] for a, b in sentence_spans(text))


def load(data: Path, per_source: int, seed: int):  # type: ignore[no-untyped-def]
    items = []
    for source in SOURCES:
        rows = [json.loads(line) for line in (data / f"{source}.jsonl").open(encoding="utf-8")]
        random.Random(seed).shuffle(rows)
        for row in rows[:per_source]:
            text = row["full_text"]
            doc = build_document(Article(row["id"], text, (0, len(text)), row.get("title", ""), row["abstract"]))
            features = compute_features(doc)
            signals = structured_signals(doc, features)
            for name in ("pacsum", "hiporank"):
                from synopsis.scorers.structure import standardise

                signals[name] = standardise(get_method(name).score(doc, features), features.candidate)
            items.append((source, doc, features, signals, sentences_joined(row["abstract"])))
    return items


def score(items, weights: dict[str, float]) -> dict[str, np.ndarray]:  # type: ignore[no-untyped-def]
    per_source: dict[str, list[list[float]]] = {}
    for source, doc, features, signals, reference in items:
        values = sum(w * signals[k] for k, w in weights.items() if w)
        chosen = select(np.asarray(values, dtype=float), features, Budget(200), redundancy=0.5).indices
        text = " ".join(" ".join(doc.sentences[i].text for i in chosen).split()[:200])
        result = SCORER.score(reference, sentences_joined(text))
        per_source.setdefault(source, []).append([result["rouge1"].fmeasure, result["rouge2"].fmeasure])
    return {s: np.mean(v, axis=0) * 100 for s, v in per_source.items()}


def objective(table: dict[str, np.ndarray]) -> float:
    return float(np.mean([v.sum() for v in table.values()]))


def tune(items, start: dict[str, float], rounds: int, seed: int) -> dict[str, float]:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    best, best_value = dict(start), objective(score(items, start))
    for _ in range(rounds):
        improved = False
        for name in rng.sample(sorted(best), len(best)):
            for step in rng.sample(STEPS, len(STEPS)):
                trial = dict(best)
                trial[name] = round(trial[name] + step, 2)
                value = objective(score(items, trial))
                if value > best_value + 1e-6:
                    best, best_value, improved = trial, value, True
                    break
        if not improved:
            break
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/dev"))
    parser.add_argument("--per-source", type=int, default=60)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--mode", choices=("loso", "kfold", "all"), default="loso")
    args = parser.parse_args()
    started = time.time()
    items = load(args.data, args.per_source, args.seed)
    print(f"{len(items)} documents ({args.per_source} per source, seed {args.seed}) built in {time.time() - started:.0f}s")
    shipped = dict(STRUCTURED_WEIGHTS)
    if args.mode == "all":
        weights = tune(items, shipped, args.rounds, args.seed)
        print("tuned:", json.dumps(weights))
        print("shipped:", {k: round(v[0], 2) for k, v in score(items, shipped).items()})
        print("tuned:  ", {k: round(v[0], 2) for k, v in score(items, weights).items()})
        return
    folds: list[tuple[str, list, list]] = []  # type: ignore[type-arg]
    if args.mode == "loso":
        folds = [(s, [i for i in items if i[0] != s], [i for i in items if i[0] == s]) for s in SOURCES]
    else:
        order = list(range(len(items)))
        random.Random(args.seed).shuffle(order)
        for k in range(5):
            test = set(order[k::5])
            folds.append((f"fold{k}", [items[i] for i in order if i not in test], [items[i] for i in sorted(test)]))
    print(f"{'held out':12s} {'tuned on rest R1/R2':>22s} {'shipped R1/R2':>16s} {'lead R1/R2':>14s}")
    lead = get_method("lead")
    for name, train, test in folds:
        weights = tune(train, shipped, args.rounds, args.seed)
        held = score(test, weights)
        ship = score(test, shipped)
        lead_table = _lead(test, lead)
        print(f"{name:12s} {_fmt(held):>22s} {_fmt(ship):>16s} {_fmt(lead_table):>14s}  {json.dumps(weights)}", flush=True)
    print(f"done in {time.time() - started:.0f}s")


def _lead(items, lead) -> dict[str, np.ndarray]:  # type: ignore[no-untyped-def]
    per_source: dict[str, list[list[float]]] = {}
    for source, doc, features, _, reference in items:
        chosen = select(lead.score(doc, features), features, Budget(200), in_order=True, redundancy=1.0).indices
        text = " ".join(" ".join(doc.sentences[i].text for i in chosen).split()[:200])
        result = SCORER.score(reference, sentences_joined(text))
        per_source.setdefault(source, []).append([result["rouge1"].fmeasure, result["rouge2"].fmeasure])
    return {s: np.mean(v, axis=0) * 100 for s, v in per_source.items()}


def _fmt(table: dict[str, np.ndarray]) -> str:
    mean = np.mean(list(table.values()), axis=0)
    return f"{mean[0]:.2f}/{mean[1]:.2f}"


if __name__ == "__main__":
    main()
