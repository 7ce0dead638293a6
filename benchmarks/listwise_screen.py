"""Screen listwise objectives for the summary reranker under leave-one-source-out, on the cached
candidates of `rerank_screen_cache.py` with the shipped bigram-model columns
(`bigram_model_screen.py`, BM_DROP=p_max,p_min).

The shipped reranker is a ridge regression of each candidate's mean ROUGE-1/2 F1 (centred per
document) on its features: every candidate counts alike, though only the best-ranked one is output.
Variants here put the weight on the top of each document's list:

- `listnet:T:L2`: a linear model trained with ListNet's loss (Cao et al., 2007): cross-entropy
  between softmax(label / T) and softmax(model score) per document and budget, L2 penalty L2,
  L-BFGS from the ridge solution;
- `wridge:T:ALPHA`: ridge with each candidate weighted by exp((label - best label) / T);
- `ridge:ALPHA`: the shipped form (the baseline);
- `sw:ALPHA`: ridge with the training sources weighted alike (`fit_source_balanced_ridge`);
- `fill-SPEC`: SPEC, then the chosen candidate filled up by greedy selection from the rest of the
  document in the words it leaves (`fill_up`).

    BM_DROP=p_max,p_min RERANK_SCREEN_DIR=/tmp/cv2 python benchmarks/listwise_screen.py 12 ridge:1 listnet:1:1
"""

import sys
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).parent))
import bigram_model_screen as bms
import rerank_screen as screen

from synopsis.select import select
from synopsis.types import Budget


def _design(groups, cols):
    raw = [g[2][:, cols] for g in groups if g[1] is not None]
    scale = np.vstack(raw).std(0)
    scale[scale == 0] = 1
    out = []
    for _greedy, c, x, r1, r2 in groups:
        if c is None:
            continue
        xs = x[:, cols] / scale
        out.append((xs - xs.mean(0), (r1 + r2) / 2))
    return out, scale


def fit_weighted_ridge(groups, cols, temperature, alpha):
    design, scale = _design(groups, cols)
    X = np.vstack([x for x, _ in design])
    y = np.concatenate([y - y.mean() for _, y in design])
    w = np.concatenate([np.exp((y - y.max()) / temperature) if temperature > 0 else np.ones(len(y)) for _, y in design])
    Xw = X * w[:, None]
    coef = np.linalg.solve(X.T @ Xw + alpha * np.eye(X.shape[1]), Xw.T @ y)
    return lambda x: (x[:, cols] / scale) @ coef


def fit_source_balanced_ridge(groups, cols, alpha):
    """Ridge in which every training source weighs the same in total (each document 1 / its
    source's number of documents), as the macro average over sources weighs them."""
    sources = [_SOURCE_OF[id(g[2])] for g in groups if g[1] is not None]
    counts = {s: sources.count(s) for s in set(sources)}
    design, scale = _design(groups, cols)
    X = np.vstack([x for x, _ in design])
    y = np.concatenate([y - y.mean() for _, y in design])
    w = np.concatenate([np.full(len(yy), 1.0 / counts[s]) for (_, yy), s in zip(design, sources, strict=True)])
    w *= len(w) / w.sum()
    Xw = X * w[:, None]
    coef = np.linalg.solve(X.T @ Xw + alpha * np.eye(X.shape[1]), Xw.T @ y)
    return lambda x: (x[:, cols] / scale) @ coef


def fit_listnet(groups, cols, temperature, l2):
    design, scale = _design(groups, cols)
    X = np.vstack([x for x, _ in design])
    sizes = np.array([len(y) for _, y in design])
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    group = np.repeat(np.arange(len(sizes)), sizes)
    target = []
    for _, y in design:
        t = np.exp((y - y.max()) / temperature)
        target.append(t / t.sum())
    target = np.concatenate(target)
    n_groups = len(sizes)

    def loss(w):
        s = X @ w
        mx = np.maximum.reduceat(s, starts)
        e = np.exp(s - mx[group])
        z = np.add.reduceat(e, starts)
        logp = s - mx[group] - np.log(z)[group]
        p = e / z[group]
        value = -(target * logp).sum() / n_groups + l2 * w @ w
        grad = -(X.T @ (target - p * np.add.reduceat(target, starts)[group])) / n_groups + 2 * l2 * w
        return value, grad

    y = np.concatenate([y - y.mean() for _, y in design])
    w0 = np.linalg.solve(X.T @ X + np.eye(X.shape[1]), X.T @ y)
    w = minimize(loss, w0, jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
    return lambda x: (x[:, cols] / scale) @ w


def fill_up(i, b, chosen):
    """The chosen candidate filled up as `reranked` does (`select(..., keep=chosen)`): whatever
    greedy selection adds in the words left, from the fold's sentence scores."""
    source = screen.examples[i].source
    if source not in _SCORES:
        _SCORES[source] = screen.pickle.loads((screen.OUT / f"scores_loso_{source}.pkl").read_bytes())
    scores = np.asarray(_SCORES[source][i], dtype=np.float64)
    return select(scores, screen.examples[i].features, Budget(screen.WORDS[b]), keep=chosen).indices


_SCORES = {}
_SOURCE_OF = {}  # id of a group's feature rows -> its document's source (for `sw`)

if __name__ == "__main__":
    with threadpool_limits(1):
        groups = {source: bms.with_all(source, g) for source, g in screen.G.items()}
        for g in groups.values():
            for (i, _b), v in g.items():
                if v[2] is not None:
                    _SOURCE_OF[id(v[2])] = screen.examples[i].source
        cols = [j for j, n in enumerate(bms.ALL) if n in screen.NAMES or n in bms.EXTRA]
        for spec in sys.argv[2:]:
            finish = fill_up if spec.startswith("fill-") else None
            kind, *args = spec.removeprefix("fill-").split(":")
            a = [float(v) for v in args]
            if kind == "ridge":
                fitter = lambda gr, a=a: screen.fit_ridge(gr, "mean", a[0], cols)  # noqa: E731
            elif kind == "wridge":
                fitter = lambda gr, a=a: fit_weighted_ridge(gr, cols, a[0], a[1])  # noqa: E731
            elif kind == "sw":
                fitter = lambda gr, a=a: fit_source_balanced_ridge(gr, cols, a[0])  # noqa: E731
            elif kind == "listnet":
                fitter = lambda gr, a=a: fit_listnet(gr, cols, a[0], a[1])  # noqa: E731
            else:
                raise SystemExit(f"unknown variant {spec}")
            result = screen.evaluate(spec, fitter, groups, finish)
            for words, row in result.items():
                print(f"    {words} words per source (R1/R2):", row["per_source"], flush=True)
        screen.rcache_path.write_bytes(screen.pickle.dumps(screen.RC))
