"""History-aware greedy selection in the spirit of MemSum (Gu et al., ACL 2022), under
leave-one-source-out: a model of the marginal ROUGE gain of a sentence *given the summary so far*,
then greedy selection by predicted gain until the budget is full. Compared with `supervised`
(greedy by sentence score, `select`) and `reranked` (top-12 candidate summaries, ridge reranker)
from the same fold's sentence scores.

Our own, cheap version (no neural episodic memory): the pool is a document's POOL best candidate
sentences by the fold's `supervised` score. For every training document and budget (100, 200, 300
words pooled) two trajectories are simulated through the pool: the greedy ROUGE oracle's (argmax
true gain, continued until nothing fits) and `select`'s (argmax score, redundancy rule), so the
model sees histories like the ones it will build itself. At each step every pool sentence that
still fits is a row: sentence facts (score, score relative to the best open one, rank in the pool
and among the open ones, words, position, section kind) plus history (sentences chosen, words used
and left, budget, max and mean tf-idf cosine to the chosen sentences, whether its section kind is
already covered, kinds covered); the label is the gain in the mean of ROUGE-1/2 F1 (x100) from
adding it (the oracle's counting); `--per-word` picks by predicted gain per word instead;
`--dagger` adds the first model's own trajectories to the training rows and refits (exposure
bias); `--ceiling` fits nothing and picks by the true gain (what a perfect gain model would reach).
LightGBM regression (LIGHTGBM_PARAMS of `synopsis.train`,
ROUNDS rounds, one thread, seeded). Training documents carry out-of-fold sentence scores (trees
fitted on the other half), held-out documents the fold's trees' scores, as `train_cv.py` does.

    PYTHONPATH=src python benchmarks/memsum_greedy.py --cache /tmp/t14b/cv \
        --out benchmarks/results/memsum_greedy.txt

Scores follow `synopsis evaluate` (rouge-score F1, summary truncated to the budget); macro over the
four sources; paired bootstrap against `supervised` with sources weighted alike (`train_cv.paired`).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

import numpy as np
from loso_common import GrowingRouge, cached_examples, loso_folds, supervised_scores
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits
from train_cv import SOURCES, by_source, describe, paired, rouge_of, summarise

from synopsis.scorers import get_method
from synopsis.select import REDUNDANCY_THRESHOLD, select
from synopsis.train import LENGTH_PRIOR_WORDS, LIGHTGBM_PARAMS, Example, fit_reranker, learn_lexicon
from synopsis.types import Budget

POOL = 30
ROUNDS = 300
BUDGETS = (100, 200, 300)
NAMES = (
    "score", "score_gap", "pool_rank", "open_rank", "words", "position", "kind",
    "chosen", "used", "left", "budget", "fill", "max_sim", "mean_sim", "kind_covered", "kinds_covered",
)  # fmt: skip


class Episode:
    """One document's pool and the summary being built from it under one word budget."""

    def __init__(self, example: Example, scores: NDArray[np.float64], words: int) -> None:
        f = example.features
        candidates = np.flatnonzero(f.candidate) if f.candidate.any() else np.arange(f.n)
        self.pool = candidates[np.argsort(-scores[candidates], kind="stable")[:POOL]]
        self.score = scores[self.pool]
        self.words = f.words[self.pool].astype(np.float64)
        self.position = f.position[self.pool]
        self.kind = f.section_kind[self.pool].astype(np.float64)
        block = f.tfidf[self.pool]
        self.similarity = (block @ block.T).toarray()
        self.budget = float(words)
        self.chosen: list[int] = []  # positions in the pool
        self.used = 0.0

    def open(self) -> NDArray[np.int64]:
        """Pool positions not chosen that still fit the budget."""
        free = self.words + self.used <= self.budget
        free[self.chosen] = False
        return np.flatnonzero(free)

    def rows(self, open_: NDArray[np.int64]) -> NDArray[np.float64]:
        """Feature rows (NAMES) of the open pool sentences given the summary so far."""
        k = len(self.chosen)
        sim = self.similarity[np.ix_(open_, self.chosen)] if k else np.zeros((open_.size, 1))
        covered = np.isin(self.kind[open_], self.kind[self.chosen]) if k else np.zeros(open_.size, bool)
        score = self.score[open_]
        order = np.empty(open_.size)
        order[np.argsort(-score, kind="stable")] = np.arange(open_.size)
        left = self.budget - self.used
        columns = [
            score, score - score.max(), open_.astype(np.float64), order, self.words[open_], self.position[open_],
            self.kind[open_], np.full(open_.size, k), np.full(open_.size, self.used), np.full(open_.size, left),
            np.full(open_.size, self.budget), self.words[open_] / max(left, 1.0), sim.max(axis=1), sim.mean(axis=1),
            covered.astype(np.float64), np.full(open_.size, len(set(self.kind[self.chosen].tolist()))),
        ]  # fmt: skip
        return np.column_stack(columns)

    def add(self, p: int) -> None:
        self.chosen.append(p)
        self.used += self.words[p]

    def indices(self) -> tuple[int, ...]:
        return tuple(sorted(int(self.pool[p]) for p in self.chosen))


def simulate(
    example: Example, scores: NDArray[np.float64], words: int, model: Any = None
) -> tuple[list[NDArray[np.float64]], list[NDArray[np.float64]]]:
    """Rows and gain labels along the oracle's and `select`'s trajectories through the pool, or
    along `model`'s own picks when one is given (`--dagger`)."""
    xs, ys = [], []
    for policy in ("oracle", "select") if model is None else ("model",):
        episode = Episode(example, scores, words)
        rouge = GrowingRouge(
            [example.doc.sentences[int(i)].text for i in episode.pool], example.abstract, example.features.language
        )
        while (open_ := episode.open()).size:
            gain = rouge.after_adding()[open_] - rouge.value
            xs.append(episode.rows(open_))
            ys.append(gain)
            if policy == "oracle":
                pick = int(open_[np.argmax(gain)])
            elif policy == "model":
                pick = int(open_[np.argmax(model.predict(xs[-1]))])
            else:
                sim = episode.similarity[np.ix_(open_, episode.chosen)].max(axis=1) if episode.chosen else np.zeros(open_.size)
                allowed = open_[sim <= REDUNDANCY_THRESHOLD]
                if not allowed.size:
                    break  # `select` stops adding here
                pick = int(allowed[np.argmax(episode.score[allowed])])
            episode.add(pick)
            rouge.add(pick)
    return xs, ys


def fit_gain_model(examples: list[Example], scores: list[NDArray[np.float64]], *, dagger: bool = False) -> Any:
    """LightGBM regression of the marginal gain on the step features, budgets pooled; `dagger`
    adds the first model's own trajectories (true gains as labels) and fits again."""
    import lightgbm

    settings = {**LIGHTGBM_PARAMS, "objective": "regression"}
    xs, ys = [], []
    for model in (None, "refit") if dagger else (None,):
        if model is not None:
            model = lightgbm.train(settings, lightgbm.Dataset(np.vstack(xs), np.concatenate(ys)), num_boost_round=ROUNDS)
        for example, score in zip(examples, scores, strict=True):
            for words in BUDGETS:
                x, y = simulate(example, score, words, model)
                xs += x
                ys += y
    data = lightgbm.Dataset(np.vstack(xs), np.concatenate(ys), feature_name=list(NAMES))
    return lightgbm.train(settings, data, num_boost_round=ROUNDS), sum(len(y) for y in ys)


def greedy_by_gain(
    model: Any, example: Example, scores: NDArray[np.float64], budget: Budget, *, per_word: bool = False
) -> tuple[int, ...]:
    """Add the open sentence of highest predicted gain (`per_word`: per word it costs, plus
    LENGTH_PRIOR_WORDS as in the training labels) until nothing fits (document order)."""
    episode = Episode(example, scores, budget.words or 0)
    while (open_ := episode.open()).size:
        gain = model.predict(episode.rows(open_))
        if per_word:
            gain = gain / (episode.words[open_] + LENGTH_PRIOR_WORDS)
        episode.add(int(open_[np.argmax(gain)]))
    if not episode.chosen:  # no pool sentence fits: as `select` does
        return select(scores, example.features, budget).indices
    return episode.indices()


def pool_oracle(example: Example, scores: NDArray[np.float64], budget: Budget) -> tuple[int, ...]:
    """The ceiling of this policy: greedy by the *true* gain through the same pool (`--ceiling`)."""
    episode = Episode(example, scores, budget.words or 0)
    rouge = GrowingRouge([example.doc.sentences[int(i)].text for i in episode.pool], example.abstract, example.features.language)
    while (open_ := episode.open()).size:
        pick = int(open_[np.argmax(rouge.after_adding()[open_])])
        episode.add(pick)
        rouge.add(pick)
    return episode.indices() if episode.chosen else select(scores, example.features, budget).indices


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=Path("../shared/data/dev"))
    parser.add_argument("--cache", type=Path, required=True, help="fold caches of train_cv.py --cache")
    parser.add_argument("--budgets", type=int, nargs="+", default=list(BUDGETS))
    parser.add_argument("--no-reranked", action="store_true", help="skip fitting the reranker")
    parser.add_argument("--per-word", action="store_true", help="pick by predicted gain per word")
    parser.add_argument("--dagger", action="store_true", help="also train on the model's own trajectories")
    parser.add_argument("--ceiling", action="store_true", help="no model: greedy by true gain in the pool")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    started = time.time()
    examples = cached_examples(args.data, args.cache)
    assert set(SOURCES) == {e.source for e in examples}
    selection = get_method("supervised").selection
    name = "pool-oracle" if args.ceiling else "memsum-per-word" if args.per_word else "memsum"
    name += "-dagger" if args.dagger else ""
    methods = ["supervised", name] + ([] if args.no_reranked else ["reranked"])
    results: dict[str, dict[int, dict[int, list[float]]]] = {m: {w: {} for w in args.budgets} for m in methods}
    lines = []
    for source, train, test in loso_folds(examples):
        scores, phrases = supervised_scores(examples, source, train, test, args.cache)
        with threadpool_limits(1):
            t0 = time.time()
            model, rows = (
                (None, 0)
                if args.ceiling
                else fit_gain_model([examples[i] for i in train], [scores[i] for i in train], dagger=args.dagger)
            )
            fitted = time.time() - t0
            lexicon = learn_lexicon([examples[i] for i in train])  # the fold's, as its trees have
            reranker = (
                None
                if args.no_reranked
                else fit_reranker([examples[i] for i in train], [scores[i] for i in train], [phrases[i] for i in train], lexicon)
            )
            for i in test:
                e = examples[i]
                for words in args.budgets:
                    budget = Budget(words)
                    results["supervised"][words][i] = rouge_of(
                        e, select(scores[i], e.features, budget, **selection).indices, budget
                    )
                    chosen = (
                        pool_oracle(e, scores[i], budget)
                        if args.ceiling
                        else greedy_by_gain(model, e, scores[i], budget, per_word=args.per_word)
                    )
                    results[name][words][i] = rouge_of(e, chosen, budget)
                    if reranker is not None:
                        results["reranked"][words][i] = rouge_of(
                            e, reranker.choose(e.doc, e.features, scores[i], budget, phrases[i], lexicon).indices, budget
                        )
        lines.append(f"fold {source}: gain model on {rows} step rows from {len(train)} documents, fitted in {fitted:.0f}s")
        print(lines[-1], f"(elapsed {time.time() - started:.0f}s)", flush=True)
    report = table(examples, results, args.budgets, methods)
    pick = "predicted gain per (words + LENGTH_PRIOR_WORDS)" if args.per_word else "predicted gain"
    pick = "true gain, no model (ceiling)" if args.ceiling else pick
    pick += "; trained also on the first model's own trajectories (dagger)" if args.dagger else ""
    text = "\n".join([(__doc__ or "").strip(), "", f"pick: {pick}", *lines, "", report, f"done in {time.time() - started:.0f}s"])
    print(report)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


def table(
    examples: list[Example], results: dict[str, dict[int, dict[int, list[float]]]], budgets: list[int], methods: list[str]
) -> str:
    """Per-source R1/R2, macro R1/R2/RLsum with the R1 CI, and paired tests against `supervised`."""
    out = []
    for words in budgets:
        out.append(
            f"{words} words (LOSO)\n{'system':12s}"
            + "".join(f"{s:>14s}" for s in SOURCES)
            + f"{'macro R1/R2/RLsum':>24s}  R1 95% CI"
        )
        for m in methods:
            r = summarise(by_source(examples, results[m][words]))
            cells = "".join(f"{'/'.join(f'{x:.2f}' for x in r['per_source'][s][:2]):>14s}" for s in SOURCES)
            out.append(f"{m:12s}{cells}{'/'.join(f'{x:.2f}' for x in r['macro']):>24s}  {r['r1_ci'][0]:.2f}..{r['r1_ci'][1]:.2f}")
        for m in methods[1:]:
            for metric, test in paired(examples, results["supervised"][words], results[m][words], ("supervised", m)).items():
                out.append(f"{m} - supervised, {metric}, sources weighted alike: {describe(test)}")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    main()
