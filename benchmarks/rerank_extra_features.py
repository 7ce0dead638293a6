"""Screen extra candidate features for the summary reranker under leave-one-source-out (issue 14).

Eight features of a whole candidate beyond `summary_feature_names()`: cosine of its term vector
to the document's (raw counts / idf-weighted), the share of its content words matching the
document's word distribution (clipped), distinct stems per content word, cosine to a
score-weighted pseudo-abstract (softmax of the standardised sentence scores over the candidate
sentences), and coverage of the document's candidate sentences in the sense of Lin & Bilmes
(mean / score-weighted / square-root of each sentence's best similarity to a member). Reads the
caches of `train_cv.py --cache` and `rerank_screen_cache.py` (same folds, same candidates), fits a
ridge per fold on the base features plus the named extras and prints macro R1/R2 per budget with
the paired test against greedy `supervised`:

    RERANK_SCREEN_DIR=/tmp/cv python benchmarks/rerank_extra_features.py 12 \
        base:mean:1:none all:mean:1:all cov:mean:1:coverage_w,pseudo_cos covonly:mean:1:coverage_w

Variant spec `[pb-]NAME:LABEL:ALPHA:EXTRAS[:DROPPED]`, EXTRAS none | all | comma-separated names;
`pb-` fits one ridge per budget.
"""

import os
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).parent))
import rerank_screen_cache as rsc

from synopsis.evaluate import paired_bootstrap, score_sentences, split_sentences, truncate
from synopsis.scorers.structure import standardise
from synopsis.scorers.summary import summary_feature_names


def softmax(z, t=1.0):
    z = (z - z.max()) / t
    e = np.exp(z)
    return e / e.sum()


def extra_features(e, scores, c):
    f = e.features
    top = c.sentences
    m = c.members.astype(np.float64)
    counts = f.counts
    d = np.asarray(counts.sum(axis=0)).ravel()
    idf = f.idf
    ct = counts[top].toarray()
    cols = ct.sum(0) > 0
    ct = ct[:, cols]
    dv = d[cols]
    v = m @ ct  # C x V_T
    vn = np.linalg.norm(v, axis=1) + 1e-9
    f1 = (v @ dv) / vn / (np.linalg.norm(d) + 1e-9)
    vi = v * idf[cols]
    di = d * idf
    f2 = (vi @ di[cols]) / (np.linalg.norm(vi, axis=1) + 1e-9) / (np.linalg.norm(di) + 1e-9)
    L = v.sum(1) + 1e-9
    p = dv / max(d.sum(), 1e-9)
    f3 = np.minimum(v, L[:, None] * p[None]).sum(1) / L
    f4 = (v > 0).sum(1) / L
    cand = np.flatnonzero(f.candidate)
    z = standardise(scores, f.candidate)
    tf = f.tfidf
    w = np.zeros(f.n)
    w[cand] = softmax(z[cand])
    q = np.asarray(tf.T @ w).ravel()
    q_t = q[cols]
    tt = tf[top].toarray()[:, cols]
    vq = m @ tt
    f5 = (vq @ q_t) / (np.linalg.norm(vq, axis=1) + 1e-9) / (np.linalg.norm(q) + 1e-9)
    # coverage (Lin & Bilmes) of candidate sentences by the summary: sum_j w_j max_i sim(i, j)
    sim = np.asarray((tf[top] @ tf[cand].T).toarray())  # K x n_cand
    # max over members: C x n_cand via loop over K (K<=16)
    best = np.zeros((m.shape[0], len(cand)))
    for k in range(len(top)):
        best = np.maximum(best, c.members[:, k : k + 1] * sim[k][None])
    f6 = best.mean(1)
    f7 = best @ w[cand]
    # sqrt coverage (concave)
    f8 = np.sqrt(best).mean(1)
    return np.column_stack([f1, f2, f3, f4, f5, f6, f7, f8])


EXTRA_NAMES = ["doc_cos", "doc_cos_idf", "doc_clipped", "unique_ratio", "pseudo_cos", "coverage", "coverage_w", "coverage_sqrt"]


OUT = Path(os.environ.get("RERANK_SCREEN_DIR", "/tmp/cv"))
TOP = int(sys.argv[1])
rsc.TOP = TOP
rsc.examples = rsc.prepared()
examples = rsc.examples
SOURCES = ("scisummnet", "sumpubmed", "plos", "dhq")
WORDS = (100, 200, 300)
NAMES = summary_feature_names()
ALL = NAMES + EXTRA_NAMES


def load_all():
    G = {}
    for s in SOURCES:
        g = rsc.groups(s)
        p = OUT / f"extra_{s}_k{TOP}.pkl"
        if p.exists():
            ex = pickle.loads(p.read_bytes())
        else:
            t = time.time()
            scores = pickle.loads((OUT / f"scores_loso_{s}.pkl").read_bytes())
            ex = {}
            for key, (_greedy, c, _x, _r1, _r2) in g.items():
                if c is not None:
                    ex[key] = extra_features(examples[key[0]], scores[key[0]], c)
            p.write_bytes(pickle.dumps(ex))
            print("extra", s, time.time() - t, flush=True)
        G[s] = {k: (v[0], v[1], None if v[1] is None else np.hstack([v[2], ex[k]]), v[3], v[4]) for k, v in g.items()}
    return G


rcp = OUT / "rouge_cache.pkl"
PB = False
RC = pickle.loads(rcp.read_bytes()) if rcp.exists() else {}


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
    for _g, c, x, r1, r2 in groups:
        if c is None:
            continue
        x = x[:, cols]
        y = label_of(r1, r2, kind)
        raw.append(x)
        xs.append(x - x.mean(0))
        ys.append(y - y.mean())
    allx = np.vstack(raw)
    scale = allx.std(0)
    scale[scale == 0] = 1
    X = np.vstack(xs) / scale
    y = np.concatenate(ys)
    w = np.linalg.solve(X.T @ X + alpha * np.eye(X.shape[1]), X.T @ y)
    return lambda x: (x[:, cols] / scale) @ w


def evaluate(name, G, fitter):
    global PB
    base = {b: {} for b in range(3)}
    new = {b: {} for b in range(3)}
    for s in SOURCES:
        g = G[s]
        if PB:
            models = {bb: fitter([v for (i, b), v in g.items() if examples[i].source != s and b == bb]) for bb in range(3)}
        else:
            m0 = fitter([v for (i, b), v in g.items() if examples[i].source != s])
            models = {bb: m0 for bb in range(3)}
        for (i, b), (greedy, c, x, _r1, _r2) in g.items():
            if examples[i].source != s:
                continue
            base[b][i] = rouge(i, b, greedy)
            new[b][i] = base[b][i] if c is None else rouge(i, b, c.indices(int(np.argmax(models[b](x)))))
    idx = sorted(base[0])
    counts = Counter(examples[i].source for i in idx)
    weight = np.array([len(idx) / (len(counts) * counts[examples[i].source]) for i in idx])
    line = f"{name:50s}"
    for b in range(3):
        per = {s: np.mean([new[b][i] for i in idx if examples[i].source == s], 0) for s in SOURCES}
        macro = np.mean(list(per.values()), 0)
        tests = []
        for k, metric in enumerate(("rouge1", "rouge2")):
            a = np.array([base[b][i][k] for i in idx]) * weight
            bb = np.array([new[b][i][k] for i in idx]) * weight
            t = paired_bootstrap(a, bb, names=("supervised", name), metric=metric, rng=np.random.default_rng(0))
            tests.append((t.difference, t.p_value))
        (d1, p1), (d2, p2) = tests
        line += f" | {WORDS[b]}: {macro[0]:.2f}/{macro[1]:.2f} ({d1:+.2f} p{p1:.3f} {d2:+.2f} p{p2:.3f})"
    print(line, flush=True)


if __name__ == "__main__":
    with threadpool_limits(1):
        G = load_all()
        for spec in sys.argv[2:]:
            PB = spec.startswith("pb-")
            parts = [*spec.removeprefix("pb-").split(":"), "", ""]
            name, kind, alpha, extra, drop = parts[:5]
            use = [] if extra in ("", "none") else (EXTRA_NAMES if extra == "all" else extra.split(","))
            cols = [j for j, n in enumerate(ALL) if (n in NAMES and n not in drop.split(",")) or n in use]
            evaluate(spec, G, lambda gr, kind=kind, a=float(alpha), cols=cols: fit_ridge(gr, kind, a, cols))
    rcp.write_bytes(pickle.dumps(RC))
