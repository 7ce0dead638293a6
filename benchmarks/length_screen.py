"""Screen: should the default length follow the article's predicted abstract length instead of 200 words?

Dev abstracts differ in length by field (median words: ScisummNet 103, DHQ 168, PLOS 245, SumPubMed
262), and ROUGE F1 peaks near the reference's length, so a summary of the abstract's length scores
far better than one of 200 words *if* that length is known. This script measures how much of that
survives when the length is predicted: a ridge regression of log(abstract words) on document-level
facts (body words, sentences, mean sentence length, sections, title words, share of sentences with
digits or "%", share of candidate sentences, share of each section kind, vocabulary size) and,
optionally, a 512-bucket hashed bag of the document's terms (which tells the fields apart),
predicted for each document by a model that did not see it: leave-one-source-out (the field never
seen) and 5-fold (seeded, fields mixed, as a held-out set of the same fields would be).

Summaries are `reranked` with the shipped model at the chosen budget (its sentence scores were
trained on all dev documents, so absolute numbers are optimistic; only the length changes between
rows, so the differences are the length's). The budget is the prediction times a factor, rounded
to 5 words, clipped to [75, cap]. Paired bootstrap against 200 words per document, sources weighted
alike (`train_cv.paired`).

    python benchmarks/length_screen.py --out benchmarks/results/length_screen.txt
"""

from __future__ import annotations

import argparse
import zlib
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from train_cv import SOURCES, describe, load, paired, rouge_of

from synopsis.scorers import get_method
from synopsis.select import select
from synopsis.train import Example
from synopsis.types import SECTION_KINDS, Budget

BUCKETS = 512


def document_facts(example: Example) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Dense document-level facts and the hashed, L2-normalised log term counts."""
    doc, features = example.doc, example.features
    words = features.words.astype(float)
    n = max(len(words), 1)
    kinds = np.bincount(features.section_kind, minlength=len(SECTION_KINDS))[: len(SECTION_KINDS)] / n
    texts = [s.text for s in doc.sentences]
    dense = [
        np.log1p(words.sum()),
        np.log1p(len(words)),
        np.log1p(words.sum() / n),
        np.log1p(len(doc.sections)),
        np.log1p(len(doc.title.split())),
        sum(any(c.isdigit() for c in t) for t in texts) / n,
        sum("%" in t for t in texts) / n,
        float(features.candidate.mean()) if len(words) else 0.0,
        *kinds,
        np.log1p(len(features.vocabulary)),
    ]
    hashed = np.zeros(BUCKETS)
    totals = np.asarray(features.counts.sum(axis=0)).ravel()
    for term, column in features.vocabulary.items():
        hashed[zlib.crc32(term.encode()) % BUCKETS] += totals[column]
    hashed = np.log1p(hashed)
    return np.array(dense), hashed / (np.linalg.norm(hashed) or 1.0)


def ridge_predict(
    x_train: NDArray[np.float64], y_train: NDArray[np.float64], x_test: NDArray[np.float64], alpha: float
) -> NDArray[np.float64]:
    mean, scale = x_train.mean(axis=0), x_train.std(axis=0) + 1e-9
    a, b = (x_train - mean) / scale, (x_test - mean) / scale
    weights = np.linalg.solve(a.T @ a + alpha * np.eye(a.shape[1]), a.T @ (y_train - y_train.mean()))
    return b @ weights + y_train.mean()


def predictions(
    x: NDArray[np.float64], y: NDArray[np.float64], sources: NDArray[np.str_], protocol: str, alpha: float
) -> NDArray[np.float64]:
    """Each document's predicted log length from a model fitted without it."""
    if protocol == "loso":
        folds = [sources == s for s in SOURCES]
    else:
        fold = np.random.default_rng(0).integers(0, 5, len(y))
        folds = [fold == k for k in range(5)]
    out = np.zeros(len(y))
    for test in folds:
        out[test] = ridge_predict(x[~test], y[~test], x[test], alpha)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data/dev"))
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    examples = load(args.data, None, 0)
    method = get_method("reranked")
    facts = [document_facts(e) for e in examples]
    dense = np.array([f[0] for f in facts])
    both = np.hstack([dense, np.array([f[1] for f in facts])])
    target = np.log([len(e.abstract.split()) for e in examples])
    sources = np.array([e.source for e in examples])
    scores = [method.score(e.doc, e.features) for e in examples]
    memo: dict[tuple[int, int], list[float]] = {}

    def rouge_at(i: int, words: int) -> list[float]:
        if (i, words) not in memo:
            budget = Budget(words, None)
            chosen = select(scores[i], examples[i].features, budget, **method.selection).indices
            memo[i, words] = rouge_of(examples[i], chosen, budget)
        return memo[i, words]

    lines: list[str] = []

    def row(name: str, words: NDArray[np.int64], against: dict[int, list[float]] | None) -> dict[int, list[float]]:
        result = {i: rouge_at(i, int(w)) for i, w in enumerate(words)}
        per = {s: np.mean([result[i] for i in range(len(examples)) if sources[i] == s], axis=0) for s in SOURCES}
        macro = np.mean(list(per.values()), axis=0)
        cells = " | ".join(f"{per[s][0]:.2f} / {per[s][1]:.2f}" for s in SOURCES)
        test = ""
        if against is not None:
            t = paired(examples, against, result, ("200 words", name))
            test = f"R1 {describe(t['rouge1'])}; R2 {describe(t['rouge2'])}"
        lines.append(f"| {name} | {cells} | {macro[0]:.2f} / {macro[1]:.2f} | {int(np.mean(words))} | {test} |")
        print(lines[-1], flush=True)
        return result

    lines.append("| length | " + " | ".join(SOURCES) + " | macro R1 / R2 | mean words | paired vs 200 words |")
    lines.append("|---" * 8 + "|")
    base = row("200 words (today)", np.full(len(examples), 200), None)
    row("the abstract's own length (not a method: the ceiling)", np.clip(np.exp(target).round().astype(int), 30, None), base)
    for protocol in ("loso", "kfold"):
        for name, x in (("facts", dense), ("facts + hashed terms", both)):
            predicted = np.exp(predictions(x, target, sources, protocol, 10.0))
            error = np.mean(np.abs(np.log(predicted) - target))
            medians = ", ".join(f"{s} {int(np.median(predicted[sources == s]))}" for s in SOURCES)
            lines.append(f"| {protocol}, {name}: mean |log error| {error:.2f}; median predicted words {medians} | | | | | | | |")
            print(lines[-1], flush=True)
            for factor in (1.0, 1.2):
                for cap in (200, 300):
                    words = np.clip((np.round(predicted * factor / 5) * 5).astype(int), 75, cap)
                    row(f"{protocol}, {name}, ×{factor}, at most {cap}", words, base)
    if args.out:
        command = "python benchmarks/length_screen.py --out benchmarks/results/length_screen.txt (from the repository root)"
        args.out.write_text("\n".join([command, "", *lines, ""]))


if __name__ == "__main__":
    main()
