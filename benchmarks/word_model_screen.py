"""Screen a word-level "expected abstract" model as a reranker feature under leave-one-source-out.

Per document and content stem: will the stem occur in the abstract? Features of the stem in its
document (frequency, spread, first/last position, section kinds, title, the fold's lexicon, the
sentence scores of the sentences holding it); a logistic model per fold trained on the three other
sources. Candidate features from its probabilities p: the expected number of abstract stems a
candidate covers, as recall (over sum p), precision (over the candidate's stems) and F. The stem
facts and labels are the shipped word model's (`synopsis.scorers.words`, which began here).

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

from synopsis.scorers.words import word_feature_names, word_features, word_labels
from synopsis.train import learn_lexicon


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
        rows[i] = (word_features(e.doc, e.features, scores[i], lexicon), word_labels(e.features, e.abstract))
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
        dict(zip(word_feature_names(), coef.round(2), strict=False)),
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
