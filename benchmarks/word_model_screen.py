"""Screen a word-level "expected abstract" model as a reranker feature under leave-one-source-out.

Per document and content stem: will the stem occur in the abstract? Features of the stem in its
document (frequency, spread, first/last position, section kinds, title, the fold's lexicon, the
sentence scores of the sentences holding it); a logistic model per fold trained on the three other
sources. Candidate features from its probabilities p: the expected number of abstract stems a
candidate covers, as recall (over sum p), precision (over the candidate's stems) and F.

    RERANK_SCREEN_DIR=/tmp/cv python benchmarks/word_model_screen.py 12 base:mean:1:none wm:mean:1:all
"""

import pickle
import sys
import time
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).parent))
import rerank_screen as screen

from synopsis.features import stem_all, tokenize
from synopsis.scorers.structure import standardise
from synopsis.train import learn_lexicon
from synopsis.types import SECTION_KINDS

KINDS = [SECTION_KINDS.index(k) for k in ("introduction", "methods", "results", "discussion", "conclusion")]
WORD_NAMES = [
    "log_tf",
    "spread",
    "first",
    "last",
    "title",
    "lexicon",
    "in_lexicon",
    "z_max",
    "z_mean",
    "mass",
    "top_count",
    "length",
    "idf",
] + [f"kind_{SECTION_KINDS[k]}" for k in KINDS]


def word_features(e, scores, lexicon):
    f = e.features
    counts = f.counts.tocsc()
    n, V = counts.shape
    tf = np.asarray(counts.sum(0)).ravel()
    nnz = np.diff(counts.indptr)
    rows = counts.indices
    owner = np.repeat(np.arange(V), nnz)
    first = np.full(V, n, dtype=np.int64)
    np.minimum.at(first, owner, rows)
    last = np.zeros(V, dtype=np.int64)
    np.maximum.at(last, owner, rows)
    terms = list(f.vocabulary)  # vocabulary order: index by value
    names = np.empty(V, dtype=object)
    for t, j in f.vocabulary.items():
        names[j] = t
    title = set(stem_all([tokenize(e.doc.title)])[0]) if e.doc.title else set()
    z = standardise(scores, f.candidate)
    zc = np.where(f.candidate, z, -3.0)
    zmax = np.full(V, -3.0)
    np.maximum.at(zmax, owner, zc[rows])
    zsum = np.bincount(owner, weights=zc[rows], minlength=V)
    w = np.exp(np.clip(zc, -10, 10))
    w = w / w.sum()
    mass = np.asarray(f.binary.T @ w).ravel()
    top = np.argsort(-zc, kind="stable")[:12]
    top_count = np.asarray(f.binary[top].sum(0)).ravel()
    kind_tf = [np.asarray(f.counts[np.flatnonzero(f.section_kind == k)].sum(0)).ravel() for k in KINDS]
    lex = np.array([lexicon.get(t, 0.0) for t in names])
    x = np.column_stack(
        [
            np.log1p(tf),
            nnz / n,
            first / n,
            last / n,
            np.array([t in title for t in names], dtype=float),
            lex,
            (lex != 0).astype(float),
            zmax,
            zsum / np.maximum(nnz, 1),
            np.log(mass + 1e-6),
            top_count,
            np.array([len(t) for t in names], dtype=float),
            f.idf,
            *[np.log1p(k) for k in kind_tf],
        ]
    )
    return x, names, terms


def label(e, names):
    gold = set(stem_all([tokenize(e.abstract)])[0])
    return np.array([t in gold for t in names], dtype=float)


def fit_sampled_logistic(training, *, negatives_per_positive, max_iter):
    """A logistic model on standardised features of the training documents' (x, y) rows: every positive
    and `negatives_per_positive` random negatives per positive (at least 20 positives' worth) of each
    document, seed 0, in the given order. Returns the probability function and the coefficients."""
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(0)
    xs, ys = [], []
    for x, y in training:
        positive = np.flatnonzero(y > 0)
        negative = np.flatnonzero(y == 0)
        sample = rng.choice(negative, min(len(negative), negatives_per_positive * max(len(positive), 20)), replace=False)
        keep = np.concatenate([positive, sample])
        xs.append(x[keep])
        ys.append(y[keep])
    x_all = np.vstack(xs)
    mu, sd = x_all.mean(0), x_all.std(0) + 1e-9
    model = LogisticRegression(C=1.0, max_iter=max_iter).fit((x_all - mu) / sd, np.concatenate(ys))
    return (lambda x: model.predict_proba((x - mu) / sd)[:, 1]), model.coef_.ravel()


def fold_probabilities(source):
    """p per stem for every document, from a model trained on the other sources (cached)."""
    path = screen.OUT / f"wordp_{source}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    from sklearn.metrics import roc_auc_score

    t0 = time.time()
    scores = pickle.loads((screen.OUT / f"scores_loso_{source}.pkl").read_bytes())
    train_ex = [e for e in screen.examples if e.source != source]
    lexicon = learn_lexicon(train_ex)
    rows = {}
    for i, e in enumerate(screen.examples):
        x, names, _ = word_features(e, scores[i], lexicon)
        rows[i] = (x, label(e, names))
    training = [rows[i] for i, e in enumerate(screen.examples) if e.source != source]
    predict, coef = fit_sampled_logistic(training, negatives_per_positive=3, max_iter=2000)
    out = {}
    aucs = []
    for i, (x, y) in rows.items():
        # the subsampling shifts the intercept; rank-based use (candidate sums) only needs calibration up to that
        p = predict(x)
        out[i] = p
        if screen.examples[i].source == source and 0 < y.sum() < len(y):
            aucs.append(roc_auc_score(y, p))
    print(
        f"{source}: word model AUC {np.mean(aucs):.3f} ({time.time() - t0:.0f} s)",
        dict(zip(WORD_NAMES, coef.round(2), strict=False)),
        flush=True,
    )
    path.write_bytes(pickle.dumps(out))
    return out


def candidate_word_features(e, p, c):
    f = e.features
    top = c.sentences
    m = c.members.astype(np.float64)
    B = f.binary[top].toarray()
    cols = B.any(0)
    B = B[:, cols]
    pc = p[cols]
    covered = (m @ B) > 0
    expected = covered @ pc
    uniq = covered.sum(1)
    tokens = m @ np.asarray(f.counts[top].sum(1)).ravel()
    recall = expected / p.sum()
    precision = expected / np.maximum(uniq, 1)
    tok_precision = (m @ (f.counts[top][:, np.flatnonzero(cols)].toarray() @ pc)) / np.maximum(tokens, 1)
    fscore = 2 * recall * precision / np.maximum(recall + precision, 1e-9)
    return np.column_stack([expected, recall, precision, tok_precision, fscore])


EXTRA = ["wm_expected", "wm_recall", "wm_precision", "wm_tok_precision", "wm_f"]
ALL = screen.NAMES + EXTRA


def with_word_features(source, groups):
    p = fold_probabilities(source)
    return {
        key: (g, c, None if c is None else np.hstack([x, candidate_word_features(screen.examples[key[0]], p[key[0]], c)]), r1, r2)
        for key, (g, c, x, r1, r2) in groups.items()
    }


if __name__ == "__main__":
    with threadpool_limits(1):
        groups = {source: with_word_features(source, g) for source, g in screen.G.items()}
        screen.run_specs(sys.argv[2:], groups, ALL, {"all": EXTRA})
