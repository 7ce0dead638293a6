"""Screen extra candidate features for the summary reranker under leave-one-source-out (issue 14).

Eight features of a whole candidate beyond `summary_feature_names()`: cosine of its term vector
to the document's (raw counts / idf-weighted), the share of its content words matching the
document's word distribution (clipped), distinct stems per content word, cosine to a
score-weighted pseudo-abstract (softmax of the standardised sentence scores over the candidate
sentences), and coverage of the document's candidate sentences in the sense of Lin & Bilmes
(mean / score-weighted / square-root of each sentence's best similarity to a member). Reads the
caches of `train_cv.py --cache` and `rerank_screen_cache.py` (same folds, same candidates) through
`rerank_screen`, whose ridge and evaluation it uses: a ridge per fold on the base features plus the
named extras, macro R1/R2 per budget with the paired test against greedy `supervised`:

    RERANK_SCREEN_DIR=/tmp/cv python benchmarks/rerank_extra_features.py 12 \
        base:mean:1:none all:mean:1:all cov:mean:1:coverage_w,pseudo_cos covonly:mean:1:coverage_w

Variant spec `[pb-]NAME:LABEL:ALPHA:EXTRAS[:DROPPED]`, EXTRAS none | all | comma-separated names;
`pb-` fits one ridge per budget.
"""

import pickle
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).parent))
import rerank_screen as screen  # loads the cached documents and candidates (top K = argv[1])

from synopsis.scorers.structure import standardise


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
ALL = screen.NAMES + EXTRA_NAMES


def with_extras(source, groups):
    """The fold's cached candidates with the extra columns appended (computed once, then cached)."""
    path = screen.OUT / f"extra_{source}_k{screen.TOP}.pkl"
    if path.exists():
        extras = pickle.loads(path.read_bytes())
    else:
        started = time.time()
        scores = pickle.loads((screen.OUT / f"scores_loso_{source}.pkl").read_bytes())
        extras = {
            key: extra_features(screen.examples[key[0]], scores[key[0]], c)
            for key, (_, c, _, _, _) in groups.items()
            if c is not None
        }
        path.write_bytes(pickle.dumps(extras))
        print("extra", source, time.time() - started, flush=True)
    return {key: (g, c, None if c is None else np.hstack([x, extras[key]]), r1, r2) for key, (g, c, x, r1, r2) in groups.items()}


if __name__ == "__main__":
    with threadpool_limits(1):
        groups = {source: with_extras(source, g) for source, g in screen.G.items()}
        screen.run_specs(sys.argv[2:], groups, ALL, {"all": EXTRA_NAMES})
