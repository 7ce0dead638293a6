"""Cross-validate the trained methods on the dev corpora: `supervised` against the unsupervised
`structured`, and `reranked` (the same sentence scores, then the summary-level reranker) against
`supervised`.

Two protocols, both by document:
- leave-one-source-out: train on three fields, test on the fourth (lexicon, phrase model, trees
  and reranker all learned on the training fields only) — how the model does on a field it never saw;
- k-fold (5 folds, seeded, sources mixed).
Each fold trains exactly as `synopsis train` does (`fit_trees`, `out_of_fold_scores`,
`fit_reranker`). Scores follow `synopsis evaluate` (docs/evaluation.md): ROUGE-1/2/Lsum F1,
rouge-score semantics, summaries of each `--budgets` word count (100, 200 and 300 by default)
and of each `--sentence-budgets` sentence count (none by default; `--sentences N` as the CLI has it:
N whole sentences whatever their length, scored untruncated),
macro average per source, 95% bootstrap CIs over documents, and paired bootstrap tests on the same
documents (R1 and R2, sources weighted alike): supervised vs structured, reranked vs supervised.

    python benchmarks/train_cv.py --data ../shared/data/dev --protocol loso --out benchmarks/results/train_cv

`--cache DIR` keeps each fold's sentence scores and phrase models (pickles, by fold) so that a
rerun after a change to the reranker only refits the reranker. `--documents FILE` writes every
document's ROUGE per protocol, budget and system (JSON); `--against FILE`, such a file of an earlier
run (of another reranker variant on the same cached folds), adds a paired test of this run's
`reranked` against that run's, so that two variants are compared document by document:

    python benchmarks/train_cv.py --protocol loso --cache /tmp/cv --documents /tmp/base_docs.json
    (change the reranker)
    python benchmarks/train_cv.py --protocol loso --cache /tmp/cv --against /tmp/base_docs.json
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import time
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from synopsis.evaluate import bootstrap_ci, greedy_oracle, paired_bootstrap, score_sentences, split_sentences, truncate
from synopsis.ingest import read_articles
from synopsis.scorers import get_method
from synopsis.scorers.phrases import PhraseModel
from synopsis.select import select
from synopsis.train import Example, fit_reranker, fit_trees, learn_lexicon, out_of_fold_scores, prepare
from synopsis.types import Article, Budget

SOURCES = ("scisummnet", "sumpubmed", "plos", "dhq")
Scores = dict[int, list[float]]


def load(data: Path, per_source: int | None, seed: int) -> list[Example]:
    examples: list[Example] = []
    for source in SOURCES:
        articles = [a for a in read_articles(str(data / f"{source}.jsonl")) if isinstance(a, Article)]
        random.Random(seed).shuffle(articles)
        for article in articles[:per_source] if per_source else articles:
            article.meta["source"] = source
            examples.extend(prepare([article]))
    return examples


def budget_key(budget: Budget) -> str:
    """How a budget is named in the report: "200" (words, as before) or "5 sentences"."""
    return str(budget.words) if budget.words is not None else f"{budget.sentences} sentences"


def rouge_of(example: Example, indices: tuple[int, ...] | list[int], budget: Budget) -> list[float]:
    sentences = truncate([example.doc.sentences[i].text for i in indices], budget.words)
    scores = score_sentences(split_sentences(example.abstract), sentences)
    return [scores.rouge1.fmeasure * 100, scores.rouge2.fmeasure * 100, scores.rougeLsum.fmeasure * 100]


def run_method(example: Example, name: str, budget: Budget) -> list[float]:
    method = get_method(name)
    scores = method.score(example.doc, example.features)
    return rouge_of(example, select(scores, example.features, budget, **method.selection).indices, budget)


def by_source(examples: list[Example], scores: Scores) -> dict[str, list[list[float]]]:
    """Per-document scores (keyed by position in `examples`) grouped by source, in example order."""
    rows: dict[str, list[list[float]]] = {}
    for i, example in enumerate(examples):
        if i in scores:
            rows.setdefault(example.source, []).append(scores[i])
    return rows


def paired(examples: list[Example], base: Scores, new: Scores, names: tuple[str, str]) -> dict[str, Any]:
    """Paired bootstrap of `new` against `base` per metric, documents weighted so each source counts alike."""
    counts = Counter(e.source for e in examples)
    weight = np.array([len(examples) / (len(counts) * counts[e.source]) for e in examples])
    out = {}
    for k, metric in enumerate(("rouge1", "rouge2")):
        a = np.array([base[i][k] for i in range(len(examples))]) * weight
        b = np.array([new[i][k] for i in range(len(examples))]) * weight
        test = paired_bootstrap(a, b, names=names, metric=metric, rng=np.random.default_rng(0))
        interval = [round(test.low, 2), round(test.high, 2)]
        out[metric] = {"difference": round(test.difference, 2), "ci": interval, "p": test.p_value}
    return out


def describe(test: dict[str, Any]) -> str:
    """One paired test as the reports print it: difference, 95% CI and p."""
    low, high = test["ci"]
    return f"{test['difference']:+.2f} (95% CI {low:+.2f}..{high:+.2f}, p = {test['p']:.4f})"


def summarise(rows: dict[str, list[list[float]]]) -> dict[str, Any]:
    per_source = {s: np.mean(v, axis=0) for s, v in rows.items()}
    macro = np.mean(list(per_source.values()), axis=0)
    everything = np.array([r for v in rows.values() for r in v])
    ci = bootstrap_ci(everything[:, 0], rng=np.random.default_rng(0))
    ci2 = bootstrap_ci(everything[:, 1], rng=np.random.default_rng(0))
    return {
        "per_source": {s: [round(x, 2) for x in v] for s, v in per_source.items()},
        "macro": [round(x, 2) for x in macro],
        "r1_ci": [round(ci.low, 2), round(ci.high, 2)],
        "r2_ci": [round(ci2.low, 2), round(ci2.high, 2)],
    }


def fold_scores(
    examples: list[Example], train: list[int], test: list[int], cache: Path | None, name: str, rounds: dict[str, int]
) -> tuple[dict[int, np.ndarray], dict[int, PhraseModel | None]]:
    """Sentence scores and phrase model per document of one fold: the fold's trees for its test
    documents, the other-half trees for its training documents (as `synopsis train` makes them)."""
    paths = (cache / f"scores_{name}.pkl", cache / f"phrases_{name}.pkl") if cache else None
    if paths and paths[0].exists() and paths[1].exists():
        return pickle.loads(paths[0].read_bytes()), pickle.loads(paths[1].read_bytes())
    training = [examples[i] for i in train]
    trees = fit_trees(training, **rounds)
    scores = {i: trees.score(examples[i].doc, examples[i].features) for i in test}
    phrases: dict[int, PhraseModel | None] = dict.fromkeys(test, trees.phrases)
    oof, oof_phrases = out_of_fold_scores(training, **rounds)
    scores.update(zip(train, oof, strict=True))
    phrases.update(zip(train, oof_phrases, strict=True))
    if paths:
        paths[0].parent.mkdir(parents=True, exist_ok=True)
        paths[0].write_bytes(pickle.dumps(scores))
        paths[1].write_bytes(pickle.dumps(phrases))
    return scores, phrases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/dev"))
    parser.add_argument("--per-source", type=int, default=None, help="documents per source (default: all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--protocol", choices=("loso", "kfold", "both"), default="both")
    parser.add_argument("--rounds", type=int, default=None)
    parser.add_argument("--budgets", type=int, nargs="+", default=[100, 200, 300], help="summary lengths in words")
    parser.add_argument("--sentence-budgets", type=int, nargs="*", default=[], help="summary lengths in sentences")
    parser.add_argument("--cache", type=Path, default=None, help="keep each fold's sentence scores here")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--documents", type=Path, default=None, help="write per-document ROUGE here (JSON)")
    parser.add_argument("--against", type=Path, default=None, help="a --documents file: paired test of reranked against it")
    args = parser.parse_args()
    earlier = json.loads(args.against.read_text(encoding="utf-8")) if args.against else None
    per_document: dict[str, Any] = {}
    started = time.time()
    examples = load(args.data, args.per_source, args.seed)
    print(f"{len(examples)} documents prepared in {time.time() - started:.0f}s", flush=True)
    if earlier is not None and earlier["ids"] != [e.doc.id for e in examples]:
        raise SystemExit(f"{args.against} holds other documents (or another order) than this run")
    rounds = {"rounds": args.rounds} if args.rounds else {}
    budgets = [Budget(words) for words in args.budgets] + [Budget(None, n) for n in args.sentence_budgets]
    keys = [budget_key(b) for b in budgets]
    report: dict[str, Any] = {"documents": len(examples), "seed": args.seed, "budgets": keys}
    baselines: dict[str, dict[str, Scores]] = {}
    for budget in budgets:
        rows: dict[str, Scores] = {name: {} for name in ("lead", "structured", "oracle")}
        for i, example in enumerate(examples):
            rows["lead"][i] = run_method(example, "lead", budget)
            rows["structured"][i] = run_method(example, "structured", budget)
            rows["oracle"][i] = rouge_of(example, greedy_oracle(example.doc, example.abstract, budget), budget)
        baselines[budget_key(budget)] = rows
    report["baselines"] = {w: {k: summarise(by_source(examples, v)) for k, v in rows.items()} for w, rows in baselines.items()}
    protocols = ("loso", "kfold") if args.protocol == "both" else (args.protocol,)
    selection = get_method("supervised").selection  # as `--method supervised` selects
    for protocol in protocols:
        if protocol == "loso":
            folds = [(s, [i for i, e in enumerate(examples) if e.source == s]) for s in SOURCES]
        else:
            order = list(range(len(examples)))
            random.Random(args.seed).shuffle(order)
            folds = [(f"fold{k}", [i for i in order if i % 5 == k]) for k in range(5)]
        results: dict[str, dict[str, Scores]] = {
            "supervised": {key: {} for key in keys},
            "reranked": {key: {} for key in keys},
        }
        fold_seconds = []
        for name, held_out in folds:
            t0 = time.time()
            test = set(held_out)
            train = [i for i in range(len(examples)) if i not in test]
            with threadpool_limits(1):  # as `synopsis train`: one BLAS thread, deterministic sums
                scores, phrases = fold_scores(examples, train, held_out, args.cache, f"{protocol}_{name}", rounds)
                lexicon = learn_lexicon([examples[i] for i in train])  # the fold's, as its trees have
                reranker = fit_reranker(
                    [examples[i] for i in train], [scores[i] for i in train], [phrases[i] for i in train], lexicon
                )
            fold_seconds.append(time.time() - t0)
            for i in held_out:
                example = examples[i]
                for budget in budgets:
                    greedy = select(scores[i], example.features, budget, **selection).indices
                    results["supervised"][budget_key(budget)][i] = rouge_of(example, greedy, budget)
                    chosen = reranker.choose(example.doc, example.features, scores[i], budget, phrases[i], lexicon).indices
                    results["reranked"][budget_key(budget)][i] = rouge_of(example, chosen, budget)
            print(f"{protocol} {name}: trained on {len(train)} in {fold_seconds[-1]:.0f}s", flush=True)
        report[protocol] = {"train_seconds": round(float(np.mean(fold_seconds)), 1)}
        per_document[protocol] = {
            system: {words: [by_budget[words][i] for i in range(len(examples))] for words in keys}
            for system, by_budget in results.items()
        }
        for words in keys:
            supervised, reranked = results["supervised"][words], results["reranked"][words]
            report[protocol][words] = {
                "supervised": summarise(by_source(examples, supervised)),
                "reranked": summarise(by_source(examples, reranked)),
                "supervised_vs_structured": paired(
                    examples, baselines[words]["structured"], supervised, ("structured", "supervised")
                ),
                "reranked_vs_supervised": paired(examples, supervised, reranked, ("supervised", "reranked")),
            }
            if earlier is not None:
                before = dict(enumerate(earlier[protocol]["reranked"][words]))
                report[protocol][words]["reranked_vs_earlier"] = paired(examples, before, reranked, ("earlier", "reranked"))
    for words in keys:
        lead, oracle = (report["baselines"][words][k]["macro"][0] for k in ("lead", "oracle"))
        print(
            f"\n{words if 'sentences' in words else words + ' words'}\n{'system':22s}"
            + "".join(f"{s:>14s}" for s in SOURCES)
            + f"{'macro R1/R2/RLsum':>24s}  gap closed (R1)"
        )
        systems = [*report["baselines"][words].items()]
        for protocol in protocols:
            systems += [(f"{m} ({protocol})", report[protocol][words][m]) for m in ("supervised", "reranked")]
        for name, result in systems:
            cells = "".join(f"{'/'.join(f'{x:.2f}' for x in result['per_source'][s][:2]):>14s}" for s in SOURCES)
            macro = result["macro"]
            gap = (macro[0] - lead) / (oracle - lead) * 100 if oracle > lead else 0.0
            print(f"{name:22s}{cells}{'/'.join(f'{x:.2f}' for x in macro):>24s}  {gap:5.1f}%")
        for protocol in protocols:
            for comparison in ("supervised_vs_structured", "reranked_vs_supervised", "reranked_vs_earlier"):
                for metric, test in report[protocol][words].get(comparison, {}).items():
                    print(f"{comparison.replace('_vs_', ' - ')} ({protocol}), {metric}, sources weighted alike: {describe(test)}")
    if args.documents:
        args.documents.write_text(json.dumps({"ids": [e.doc.id for e in examples], **per_document}), encoding="utf-8")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.with_suffix(".json").write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"done in {time.time() - started:.0f}s")


if __name__ == "__main__":
    main()
