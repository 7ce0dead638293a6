"""Soft sentence labels averaged over several oracle summaries, in the spirit of OREO (Xu & Lapata
2023), for the `supervised` sentence trees, under leave-one-source-out.

Today's label (`synopsis.train.labels`) is a sentence's abstract bigrams per budget word, scaled to
the document's best sentence, plus ORACLE_BONUS when the one greedy ROUGE oracle picks it. Here
that one oracle becomes many: for each budget of 100, 200 and 300 words, the greedy oracle started
from each of the STARTS sentences with the best first-step objective (mean of ROUGE-1/2 F1, the
oracle's counting: `synopsis.evaluate.oracle`), continued greedily while the objective rises. Each
oracle is weighted by its objective; a sentence's soft label is the weighted share of oracles that
contain it (0..1). Variants (`--variant`):
- bonus: density part as today + ORACLE_BONUS x soft label (the soft share replaces the one-oracle bonus);
- soft: the soft label alone;
- blend: today's label (with its one-oracle bonus) + ORACLE_BONUS x soft label.
Each fold fits the trees exactly as `synopsis train` does (`fit_trees`: lexicon, phrase model,
trees; only the labels differ) on the three training sources and scores the held-out source;
`supervised` selection (`select`, the method's settings) from those scores is compared with the
same selection from today's trees of the same fold (`train_cv.py --cache`).

    PYTHONPATH=src python benchmarks/oreo_labels.py --cache /tmp/t14b/cv --variant bonus \
        --out benchmarks/results/oreo_labels.txt

Scores follow `synopsis evaluate` (rouge-score F1, summary truncated to the budget); macro over the
four sources; paired bootstrap against `supervised` with sources weighted alike (`train_cv.paired`).
"""

from __future__ import annotations

import argparse
import pickle
import time
from pathlib import Path

import numpy as np
from loso_common import GrowingRouge, cached_examples, loso_folds, supervised_scores
from memsum_greedy import table
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits
from train_cv import rouge_of

from synopsis.evaluate import greedy_oracle
from synopsis.scorers import get_method
from synopsis.select import select
from synopsis.train import ORACLE_BONUS, Example, fit_trees, labels
from synopsis.types import Budget

STARTS = 5
ORACLE_BUDGETS = (100, 200, 300)


def soft_oracle_label(example: Example) -> NDArray[np.float64]:
    """Objective-weighted share of the STARTS x ORACLE_BUDGETS greedy oracles containing each sentence."""
    f = example.features
    rouge = GrowingRouge([s.text for s in example.doc.sentences], example.abstract, f.language)
    candidate = f.candidate if f.candidate.any() else np.ones(f.n, dtype=bool)
    share, total = np.zeros(f.n), 0.0
    for words in ORACLE_BUDGETS:
        rouge.reset()
        first = np.where(candidate & (f.words <= words), rouge.after_adding(), -np.inf)
        for start in np.argsort(-first, kind="stable")[:STARTS]:
            if not np.isfinite(first[start]) or first[start] <= 0:
                break
            rouge.reset()
            chosen, used = [int(start)], int(f.words[start])
            rouge.add(int(start))
            while True:
                objective = rouge.after_adding()
                open_ = candidate & (f.words + used <= words)
                open_[chosen] = False
                objective[~open_] = -np.inf
                pick = int(np.argmax(objective))
                if not open_.any() or objective[pick] <= rouge.value + 1e-9:
                    break
                chosen.append(pick)
                used += int(f.words[pick])
                rouge.add(pick)
            share[chosen] += rouge.value
            total += rouge.value
    return share / total if total > 0 else share


def targets(example: Example, soft: NDArray[np.float64], variant: str) -> NDArray[np.float64]:
    """The training label of each sentence under `variant` (module docstring)."""
    if variant == "soft":
        return soft
    if variant == "blend":
        return labels(example, Budget()) + ORACLE_BONUS * soft
    density = labels(example, Budget())
    density[list(greedy_oracle(example.doc, example.abstract, Budget()))] -= ORACLE_BONUS  # today's label less its bonus
    return density + ORACLE_BONUS * soft


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/dev"))
    parser.add_argument("--cache", type=Path, required=True, help="fold caches of train_cv.py --cache")
    parser.add_argument("--variant", choices=("bonus", "soft", "blend"), default="bonus")
    parser.add_argument("--budgets", type=int, nargs="+", default=[100, 200, 300])
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    started = time.time()
    examples = cached_examples(args.data, args.cache)
    path = args.cache / f"oreo_soft_{STARTS}.pkl"
    if not path.exists():
        path.write_bytes(pickle.dumps([soft_oracle_label(e) for e in examples]))
    soft = pickle.loads(path.read_bytes())
    print(f"soft labels ready ({time.time() - started:.0f}s)", flush=True)
    selection = get_method("supervised").selection
    name = f"oreo-{args.variant}"
    results: dict[str, dict[int, dict[int, list[float]]]] = {m: {w: {} for w in args.budgets} for m in ("supervised", name)}
    lines = []
    for source, train, test in loso_folds(examples):
        t0 = time.time()
        with threadpool_limits(1):
            trees = fit_trees([examples[i] for i in train], targets=[targets(examples[i], soft[i], args.variant) for i in train])
        fitted = time.time() - t0
        baseline, _ = supervised_scores(examples, source, train, test, args.cache)
        for i in test:
            e = examples[i]
            ours = trees.score(e.doc, e.features)
            for words in args.budgets:
                budget = Budget(words)
                results["supervised"][words][i] = rouge_of(
                    e, select(baseline[i], e.features, budget, **selection).indices, budget
                )
                results[name][words][i] = rouge_of(e, select(ours, e.features, budget, **selection).indices, budget)
        lines.append(f"fold {source}: trees on {len(train)} documents fitted in {fitted:.0f}s")
        print(lines[-1], f"(elapsed {time.time() - started:.0f}s)", flush=True)
    labelled = np.concatenate(soft)
    lines.append(
        f"soft labels: {np.mean(labelled > 0) * 100:.1f}% of sentences in at least one oracle, "
        f"{np.mean(labelled >= 0.999) * 100:.1f}% in all of a document's oracles"
    )
    report = table(examples, results, args.budgets, ["supervised", name])
    print(report)
    if args.out:
        text = "\n".join([(__doc__ or "").strip(), "", f"variant: {args.variant}", *lines, "", report])
        args.out.write_text(text + f"done in {time.time() - started:.0f}s\n", encoding="utf-8")


if __name__ == "__main__":
    main()
