"""Luhn (1958): a sentence matters when significant words cluster densely in it.

A word is significant when it is a content word (not a stop word) frequent in the article: among
the `top` share of the most frequent content terms and seen at least `min_count` times (Luhn's
frequency cut-offs; the stop list plays his upper cut-off). In each sentence, significant words
separated by at most `gap` insignificant words (stop words included, as Luhn counted them) form a
cluster, scored (significant words)^2 / (words from its first to its last significant word); the
sentence scores its best cluster. Counts come from the candidates (see pool.py).

`top` was chosen on the dev data (R1/R2 averaged over the four sources): 0.05 gives 39.2/10.6,
0.1 gives 38.9/10.5, and sumy's rule (every content term seen twice or more) 36.5/8.9: in a
long article that makes most words significant and every sentence one big cluster.

Vectorised: all tokens of the document go into one array; clusters are runs between gaps found
with numpy, their sizes and spans by bincount, and each sentence's maximum by np.maximum.at.
"""

from __future__ import annotations

import re

import numpy as np
from numpy.typing import NDArray

from ..features import UNICODE_TOKEN, Features, analyzer, stem_all
from ..tokens import lower
from ..types import Document
from .pool import DISTINCT, pool, spread
from .registry import register

# Every word counts towards a gap (numbers too); only tokens shaped like features' terms (a letter
# first, two characters or more, not a stop word) can be significant.
_WORD = re.compile(r"[a-z0-9]+(?:['’-][a-z0-9]+)*|\0")
_UNICODE_WORD = re.compile(rf"{UNICODE_TOKEN.pattern}(?:['’-]{UNICODE_TOKEN.pattern})*|\0")  # any script, marks kept


def significant_terms(features: Features, rows: NDArray[np.int64], *, top: float, min_count: int) -> NDArray[np.bool_]:
    """Mask over the vocabulary: the most frequent `top` share of the terms used in `rows`."""
    frequency = np.asarray(features.counts[rows].sum(axis=0)).ravel()
    used = np.flatnonzero(frequency)
    if used.size == 0:
        return np.zeros(frequency.size, dtype=bool)
    keep = max(1, round(top * used.size))
    # Stable sort on -frequency: ties broken by first appearance, so the choice is deterministic.
    ranked = used[np.argsort(-frequency[used], kind="stable")][:keep]
    mask = np.zeros(frequency.size, dtype=bool)
    mask[ranked] = True
    return mask & (frequency >= min_count)


def sentence_tokens(doc: Document, features: Features, rows: NDArray[np.int64]) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """(sentence row, vocabulary id or -1) for every word of the pooled sentences, in reading order.

    One regex pass over the pooled text (a NUL between sentences marks the boundaries), and each
    distinct word is classified and stemmed once.
    """
    pattern = _WORD if features.language == "en" else _UNICODE_WORD
    text = "\0".join(doc.sentences[i].text.replace("\0", " ") for i in rows)
    tokens = pattern.findall(lower(text, features.language))
    distinct = sorted(set(tokens) - {"\0"})
    stop_words = analyzer(features.language).stop_words
    content = [w for w in distinct if w[0].isalpha() and len(w) > 1 and w not in stop_words]
    vocabulary = features.vocabulary
    table = dict.fromkeys(distinct, -1)
    table.update(
        (w, vocabulary.get(stem, -1)) for w, stem in zip(content, stem_all([content], features.language)[0], strict=True)
    )
    table["\0"] = -2
    ids = np.fromiter((table[t] for t in tokens), dtype=np.int64, count=len(tokens))
    boundary = ids == -2
    owner = np.cumsum(boundary)
    return owner[~boundary], ids[~boundary]


def cluster_scores(owner: NDArray[np.int64], significant: NDArray[np.bool_], rows: int, *, gap: int) -> NDArray[np.float64]:
    """Best Luhn cluster score of each sentence, given each token's sentence and significance."""
    position = np.flatnonzero(significant)
    best = np.zeros(rows)
    if position.size == 0:
        return best
    sentence = owner[position]
    starts = np.ones(position.size, dtype=bool)
    starts[1:] = (sentence[1:] != sentence[:-1]) | (np.diff(position) - 1 > gap)
    cluster = np.cumsum(starts) - 1
    size = np.bincount(cluster).astype(np.float64)
    first = position[starts]
    last = np.zeros(size.size, dtype=np.int64)
    last[cluster] = position  # positions ascend, so the last write per cluster is its last word
    np.maximum.at(best, sentence[starts], size**2 / (last - first + 1))
    return best


@register(
    "luhn",
    description="Luhn (1958): densest cluster of frequent content words in the sentence.",
    selection=DISTINCT,
    params={"top": 0.05, "min_count": 2, "gap": 4},
)
def luhn(doc: Document, features: Features, /, *, top: float, min_count: int, gap: int) -> NDArray[np.float64]:
    rows = pool(features)
    owner, ids = sentence_tokens(doc, features, rows)
    mask = significant_terms(features, rows, top=top, min_count=min_count)
    significant = np.zeros(ids.size, dtype=bool)
    known = ids >= 0
    significant[known] = mask[ids[known]]
    return spread(cluster_scores(owner, significant, rows.size, gap=gap), rows, features.n)
