"""Step 2 of screening reranker variants under leave-one-source-out (step 1:
`rerank_screen_cache.py`): per fold, fit a variant on the training sources' cached candidates,
pick the argmax candidate on the held-out source, score it with rouge-score (our evaluate
protocol, summaries truncated to the budget), and compare with greedy `supervised` selection from
the same scores: macro R1/R2 per budget, paired bootstrap (sources weighted alike, seed 0).

Variant spec `[pb-]LABEL:LEARNER:REG[:DROPPED,FEATURES]`: LABEL mean | r1 | r2 | r2x2 | meanz
(per-group standardised), LEARNER ridge (REG = alpha) | pair (RankNet-style logistic on 100
candidate pairs per document and budget, REG = C); `pb-` fits one model per budget. Results are
appended to $RERANK_SCREEN_DIR/variants.json.
"""

import json
import os
import pickle
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).parent))
from train_cv import SOURCES

from synopsis.evaluate import paired_bootstrap, score_sentences, split_sentences, truncate
from synopsis.scorers.summary import summary_feature_names

if len(sys.argv) > 1 and sys.argv[1] in ("-h", "--help"):  # the screens read positional numbers
    print((getattr(sys.modules["__main__"], "__doc__", None) or __doc__ or "").strip())
    raise SystemExit(0)
OUT = Path(os.environ.get("RERANK_SCREEN_DIR", "/tmp/rerank_screen"))
TOP = int(sys.argv[1]) if len(sys.argv) > 1 else 12
WORDS = (100, 200, 300)
examples = pickle.loads((OUT / "examples.pkl").read_bytes())
G = {s: pickle.loads((OUT / f"groups_{s}_k{TOP}.pkl").read_bytes()) for s in SOURCES if (OUT / f"groups_{s}_k{TOP}.pkl").exists()}
SOURCES = tuple(G)
rcache_path = OUT / "rouge_cache.pkl"
RC = pickle.loads(rcache_path.read_bytes()) if rcache_path.exists() else {}
NAMES = summary_feature_names()
PER_BUDGET = False


def rouge(i, b, idx):
    key = (i, b, tuple(idx))
    if key not in RC:
        e = examples[i]
        sents = truncate([e.doc.sentences[j].text for j in idx], WORDS[b])
        sc = score_sentences(split_sentences(e.abstract), sents)
        RC[key] = (sc.rouge1.fmeasure * 100, sc.rouge2.fmeasure * 100)
    return RC[key]


def label_of(r1, r2, kind):
    return {"mean": (r1 + r2) / 2, "r1": r1, "r2": r2, "r2x2": (r1 + 2 * r2) / 3}[kind]


def fit_ridge(groups, kind, alpha, cols):
    xs, ys, raw = [], [], []
    for _greedy, c, x, r1, r2 in groups:
        if c is None:
            continue
        x = x[:, cols]
        y = label_of(r1, r2, kind.rstrip("z"))
        raw.append(x)
        xs.append(x - x.mean(0))
        ys.append((y - y.mean()) / (y.std() + 1e-3 if kind.endswith("z") else 1.0))
    allx = np.vstack(raw)
    scale = allx.std(0)
    scale[scale == 0] = 1
    X = np.vstack(xs) / scale
    y = np.concatenate(ys)
    w = np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ y)
    return lambda x: (x[:, cols] / scale) @ w


def fit_pairwise(groups, kind, C, cols, pairs=100):
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    raw = [g[2][:, cols] for g in groups if g[1] is not None]
    allx = np.vstack(raw)
    scale = allx.std(0)
    scale[scale == 0] = 1
    D, L = [], []
    for _greedy, c, x, r1, r2 in groups:
        if c is None:
            continue
        y = label_of(r1, r2, kind)
        n = len(y)
        a = rng.integers(0, n, pairs)
        b = rng.integers(0, n, pairs)
        ok = np.abs(y[a] - y[b]) > 1e-9
        a, b = a[ok], b[ok]
        D.append((x[a][:, cols] - x[b][:, cols]) / scale)
        L.append(y[a] > y[b])
    D = np.vstack(D)
    L = np.concatenate(L)
    D = np.vstack([D, -D])
    L = np.concatenate([L, ~L])
    m = LogisticRegression(C=C, fit_intercept=False, max_iter=1000).fit(D, L)
    w = m.coef_.ravel()
    return lambda x: (x[:, cols] / scale) @ w


def evaluate(name, fitter, groups=None, finish=None):
    """`groups` (default: the cached ones, G) maps each held-out source to its candidates;
    `finish(i, b, indices)`, when given, post-processes the chosen candidate's sentence indices."""
    groups = G if groups is None else groups
    base = {b: {} for b in range(3)}
    new = {b: {} for b in range(3)}
    for s in SOURCES:
        g = groups[s]
        if PER_BUDGET:
            models = {bb: fitter([v for (i, b), v in g.items() if examples[i].source != s and b == bb]) for bb in range(3)}
        else:
            m0 = fitter([v for (i, b), v in g.items() if examples[i].source != s])
            models = {bb: m0 for bb in range(3)}
        for (i, b), (greedy, c, x, _r1, _r2) in g.items():
            if examples[i].source != s:
                continue
            base[b][i] = rouge(i, b, greedy)
            if c is None:
                new[b][i] = base[b][i]
            else:
                chosen = c.indices(int(np.argmax(models[b](x))))
                new[b][i] = rouge(i, b, finish(i, b, chosen) if finish else chosen)
    res = {}
    idx = sorted(base[0])
    counts = Counter(examples[i].source for i in idx)
    weight = np.array([len(idx) / (len(counts) * counts[examples[i].source]) for i in idx])
    line = f"{name:40s}"
    for b in range(3):
        per = {s: np.mean([new[b][i] for i in idx if examples[i].source == s], 0) for s in SOURCES}
        perb = {s: np.mean([base[b][i] for i in idx if examples[i].source == s], 0) for s in SOURCES}
        macro = np.mean(list(per.values()), 0)
        macrob = np.mean(list(perb.values()), 0)
        tests = []
        for k, metric in enumerate(("rouge1", "rouge2")):
            a = np.array([base[b][i][k] for i in idx]) * weight
            bb = np.array([new[b][i][k] for i in idx]) * weight
            t = paired_bootstrap(a, bb, names=("supervised", name), metric=metric, rng=np.random.default_rng(0))
            tests.append((round(t.difference, 2), [round(t.low, 2), round(t.high, 2)], t.p_value))
        res[WORDS[b]] = {
            "macro": [round(v, 2) for v in macro],
            "supervised": [round(v, 2) for v in macrob],
            "per_source": {s: [round(v, 2) for v in per[s]] for s in SOURCES},
            "per_source_supervised": {s: [round(v, 2) for v in perb[s]] for s in SOURCES},
            "r1": tests[0],
            "r2": tests[1],
        }
        (d1, _, p1), (d2, _, p2) = tests
        line += f" | {WORDS[b]}: {macro[0]:.2f}/{macro[1]:.2f} ({d1:+.2f} p={p1:.3f}, {d2:+.2f} p={p2:.3f})"
    print(line, flush=True)
    return res


def run_specs(specs, groups, names, keywords):
    """Evaluate each `[pb-]NAME:LABEL:ALPHA:EXTRAS[:DROPPED]` spec of the extra-feature screens: a ridge
    per fold (one per budget with `pb-`) on the summary features less DROPPED plus the extra columns
    EXTRAS names (`none`, a key of `keywords`, or comma-separated names), or with EXTRAS `only=NAME`
    that one column as the ranking, no model. `names` are the columns of `groups`' feature rows."""
    global PER_BUDGET
    for spec in specs:
        PER_BUDGET = spec.startswith("pb-")
        _name, kind, alpha, extra, drop = [*spec.removeprefix("pb-").split(":"), "", ""][:5]
        if extra.startswith("only="):
            j = names.index(extra.removeprefix("only="))
            evaluate(spec, lambda gr, j=j: lambda x: x[:, j], groups)
            continue
        use = [] if extra in ("", "none") else keywords.get(extra, extra.split(","))
        cols = [j for j, n in enumerate(names) if (n in NAMES and n not in drop.split(",")) or n in use]
        evaluate(spec, lambda gr, kind=kind, alpha=float(alpha), cols=cols: fit_ridge(gr, kind, alpha, cols), groups)
    rcache_path.write_bytes(pickle.dumps(RC))


if __name__ == "__main__":
    allcols = list(range(len(NAMES)))
    variants = {}
    with threadpool_limits(1):
        for spec in sys.argv[2:]:
            PER_BUDGET = spec.startswith("pb-")
            spec_ = spec
            spec = spec.removeprefix("pb-")
            kind, learner, reg, drop = ([*spec.split(":"), ""])[:4]
            cols = [j for j, n in enumerate(NAMES) if n not in drop.split(",")]
            if learner == "ridge":

                def f(groups, kind=kind, reg=float(reg), cols=cols):
                    return fit_ridge(groups, kind, reg, cols)
            else:

                def f(groups, kind=kind, reg=float(reg), cols=cols):
                    return fit_pairwise(groups, kind, reg, cols)

            variants[f"k{TOP} {spec_}"] = evaluate(f"k{TOP} {spec_}", f)
    rcache_path.write_bytes(pickle.dumps(RC))
    p = OUT / "variants.json"
    old = json.loads(p.read_text()) if p.exists() else {}
    old.update(variants)
    p.write_text(json.dumps(old, indent=1))
