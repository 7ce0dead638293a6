"""Screen a bigram-level "expected abstract" model (with the word model of word_model_screen.py) as
reranker features under leave-one-source-out.

Per document and bigram of ROUGE tokens (lower-cased, alphanumeric, Porter-stemmed when longer than
3 characters, stop words kept, as rouge-score tokenizes): will it occur in the abstract? A logistic
model per fold on the other three sources. Candidate features: expected abstract bigrams covered,
as recall, precision and F.

    RERANK_SCREEN_DIR=/tmp/cv python benchmarks/bigram_model_screen.py 12 base:mean:1:none bm:mean:1:all

BM_DROP=p_max,p_min drops the word model's columns from the bigram model (the shipped form);
BM_EXTRA=1 adds four more bigram features (its words' counts, the sections and the lead sentences
holding it). Each setting caches its fold probabilities under its own name.
"""

import os
import pickle
import re
import sys
import time
from pathlib import Path

import numpy as np
import Stemmer
from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).parent))
import itertools
from collections import Counter

import rerank_screen as screen
import word_model_screen as wm

from synopsis.scorers.structure import standardise
from synopsis.stopwords import STOP_WORDS
from synopsis.train import learn_lexicon
from synopsis.types import SECTION_KINDS

_STEM = Stemmer.Stemmer("porter")
_TOKEN = re.compile(r"[a-z0-9]+")
INTRO = SECTION_KINDS.index("introduction")
CONCL = SECTION_KINDS.index("conclusion")


def rouge_tokens(text):
    toks = _TOKEN.findall(text.lower())
    return [_STEM.stemWord(t) if len(t) > 3 else t for t in toks]


def doc_bigrams(e):
    """(bigram strings per type, sentence of each occurrence, type id of each occurrence, first word, second word)."""
    pairs, owner = [], []
    for s in e.doc.sentences:
        t = rouge_tokens(s.text)
        for a, b in itertools.pairwise(t):
            pairs.append(a + " " + b)
            owner.append(s.index)
    if not pairs:
        return None
    types, inv = np.unique(np.array(pairs), return_inverse=True)
    return types, np.array(owner), inv


def bigram_features(e, scores, lexicon, word_p):
    got = doc_bigrams(e)
    if got is None:
        return None
    types, owner, inv = got
    f = e.features
    n = f.n
    T = len(types)
    tf = np.bincount(inv, minlength=T)
    so = np.unique(np.stack([inv, owner], 1), axis=0)  # once per (type, sentence)
    spread = np.bincount(so[:, 0], minlength=T)
    first = np.full(T, n)
    np.minimum.at(first, so[:, 0], so[:, 1])
    last = np.zeros(T, dtype=np.int64)
    np.maximum.at(last, so[:, 0], so[:, 1])
    z = standardise(scores, f.candidate)
    zc = np.where(f.candidate, z, -3.0)
    zmax = np.full(T, -3.0)
    np.maximum.at(zmax, so[:, 0], zc[so[:, 1]])
    w = np.exp(np.clip(zc, -10, 10))
    w /= w.sum()
    mass = np.bincount(so[:, 0], weights=w[so[:, 1]], minlength=T)
    kind = f.section_kind[so[:, 1]]
    intro = np.bincount(so[:, 0], weights=(kind == INTRO), minlength=T)
    concl = np.bincount(so[:, 0], weights=(kind == CONCL), minlength=T)
    title = set()
    tt = rouge_tokens(e.doc.title or "")
    title = {a + " " + b for a, b in itertools.pairwise(tt)}
    title_words = set(tt)
    stop = {_STEM.stemWord(s) if len(s) > 3 else s for s in STOP_WORDS}
    # word-model probability of each half (our stems: the same Porter stems for content words)
    vocab = f.vocabulary
    halves = [t.split(" ") for t in types]
    p1 = np.array([word_p[vocab[a]] if a in vocab else 0.0 for a, _ in halves])
    p2 = np.array([word_p[vocab[b]] if b in vocab else 0.0 for _, b in halves])
    s1 = np.array([a in stop for a, _ in halves], dtype=float)
    s2 = np.array([b in stop for _, b in halves], dtype=float)
    lx = np.array([lexicon.get(a, 0.0) + lexicon.get(b, 0.0) for a, b in halves])
    tw = np.array([(a in title_words) + (b in title_words) for a, b in halves], dtype=float)
    x = np.column_stack(
        [
            np.log1p(tf),
            np.log1p(spread),
            first / n,
            last / n,
            zmax,
            np.log(mass + 1e-6),
            np.log1p(intro),
            np.log1p(concl),
            np.array([t in title for t in types], dtype=float),
            tw,
            np.maximum(p1, p2),
            np.minimum(p1, p2),
            s1 + s2,
            s1 * s2,
            lx,
            *(_extra_columns(e, halves, so, n) if os.environ.get("BM_EXTRA") else []),
        ]
    )
    return x, types, owner, inv


def _extra_columns(e, halves, so, n):
    """BM_EXTRA=1: the two words' counts in the document (ROUGE tokens), how many sections hold the
    bigram, and how many of its sentences lie in the first tenth of the document."""
    counts = Counter(t for s in e.doc.sentences for t in rouge_tokens(s.text))
    c1 = np.array([counts[a] for a, _ in halves], dtype=float)
    c2 = np.array([counts[b] for _, b in halves], dtype=float)
    section = e.features.section[so[:, 1]]
    pairs = np.unique(np.stack([so[:, 0], section], 1), axis=0)
    sections = np.bincount(pairs[:, 0], minlength=len(halves))
    lead = np.bincount(so[:, 0], weights=so[:, 1] < 0.1 * n, minlength=len(halves))
    return [np.log1p(np.minimum(c1, c2)), np.log1p(np.maximum(c1, c2)), np.log1p(sections), np.log1p(lead)]


BIGRAM_NAMES = [
    "log_tf",
    "log_spread",
    "first",
    "last",
    "z_max",
    "mass",
    "intro",
    "concl",
    "in_title",
    "title_words",
    "p_max",
    "p_min",
    "stops",
    "both_stop",
    "lexicon",
]


def gold_bigrams(e):
    t = rouge_tokens(e.abstract)
    return {a + " " + b for a, b in itertools.pairwise(t)}


def fold_bigram_probabilities(source):
    drop = [BIGRAM_NAMES.index(n) for n in os.environ.get("BM_DROP", "").split(",") if n]
    names = BIGRAM_NAMES + (["count_min", "count_max", "sections", "lead"] if os.environ.get("BM_EXTRA") else [])
    keep_cols = [j for j in range(len(names)) if j not in drop]
    path = screen.OUT / f"bigramp_{source}{os.environ.get('BM_DROP', '')}{'x' if os.environ.get('BM_EXTRA') else ''}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    from sklearn.metrics import roc_auc_score

    t0 = time.time()
    scores = pickle.loads((screen.OUT / f"scores_loso_{source}.pkl").read_bytes())
    word_p = wm.fold_probabilities(source)
    lexicon = learn_lexicon([e for e in screen.examples if e.source != source])
    rows = {}
    for i, e in enumerate(screen.examples):
        got = bigram_features(e, scores[i], lexicon, word_p[i])
        if got is None:
            continue
        x, types, owner, inv = got
        x = x[:, keep_cols]
        gold = gold_bigrams(e)
        y = np.array([t in gold for t in types], dtype=float)
        rows[i] = (x, y, types, owner, inv)
    training = [rows[i][:2] for i in rows if screen.examples[i].source != source]
    predict, coef = wm.fit_sampled_logistic(training, negatives_per_positive=5, max_iter=3000)
    out, aucs = {}, []
    for i, (x, y, _types, owner, inv) in rows.items():
        p = predict(x)
        out[i] = (p, owner, inv)
        if screen.examples[i].source == source and 0 < y.sum() < len(y):
            aucs.append(roc_auc_score(y, p))
    print(
        f"{source}: bigram model AUC {np.mean(aucs):.3f} ({time.time() - t0:.0f} s)",
        dict(zip([names[j] for j in keep_cols], coef.round(2), strict=False)),
        flush=True,
    )
    path.write_bytes(pickle.dumps(out))
    return out


def candidate_bigram_features(p, owner, inv, c):
    top = c.sentences
    m = c.members.astype(np.float64)
    at = np.isin(owner, top)
    o, t = owner[at], inv[at]
    types, local = np.unique(t, return_inverse=True)
    row = np.searchsorted(top, o)
    B = np.zeros((len(top), len(types)))
    B[row, local] = 1.0
    covered = (m @ B) > 0
    pc = p[types]
    expected = covered @ pc
    count = m @ np.bincount(row, minlength=len(top)).astype(float)
    recall = expected / p.sum()
    precision = expected / np.maximum(count, 1)
    f = 2 * recall * precision / np.maximum(recall + precision, 1e-12)
    return np.column_stack([expected, recall, precision, f])


EXTRA = ["bm_expected", "bm_recall", "bm_precision", "bm_f"]
ALL = screen.NAMES + wm.EXTRA + EXTRA


def with_all(source, groups):
    wp = wm.fold_probabilities(source)
    bp = fold_bigram_probabilities(source)
    out = {}
    for key, (g, c, x, r1, r2) in groups.items():
        if c is None:
            out[key] = (g, c, None, r1, r2)
            continue
        e = screen.examples[key[0]]
        xb = candidate_bigram_features(*bp[key[0]], c) if key[0] in bp else np.zeros((len(x), len(EXTRA)))
        out[key] = (g, c, np.hstack([x, wm.candidate_word_features(e, wp[key[0]], c), xb]), r1, r2)
    return out


if __name__ == "__main__":
    with threadpool_limits(1):
        groups = {source: with_all(source, g) for source, g in screen.G.items()}
        screen.run_specs(sys.argv[2:], groups, ALL, {"all": wm.EXTRA + EXTRA, "bm": EXTRA})
