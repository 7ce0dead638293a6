"""Structure-aware scorers for long articles: where a sentence sits matters as much as what it says.

- `pacsum`: directed centrality (Zheng & Lapata 2019). A sentence is central when the sentences
  *after* it resemble it (it introduces what follows) and less so when it merely repeats what came
  before.
- `hiporank`: hierarchical centrality (Dong et al. 2021). Sentence-to-sentence edges inside a
  section and sentence-to-section edges across sections, both weighted towards section and
  document boundaries, where authors put their summaries of what a section does.
- `structured`: the best unsupervised method. A weighted sum of standardised signals (centrality, title
  similarity, contribution cues, position in document and section, section role, citation and
  digit density); the weights were chosen by a coordinate search on the dev corpora (see
  STRUCTURED_WEIGHTS for what the leave-one-source-out record shows). The trained methods
  (`supervised`, and `reranked`, the default) add trained trees to it (scorers.learned).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from ..features import Features, normalize_rows, windows
from ..scipy_sparse import sparse
from ..types import SECTION_KINDS, Document
from .cues import citation_counts, contribution_cues, digit_density
from .graph import TEXTRANK_PARAMS, textrank
from .registry import register


def standardise(values: NDArray[np.float64], mask: NDArray[np.bool_]) -> NDArray[np.float64]:
    """z-scores over the candidate sentences, so signals on different scales can be added."""
    pool = values[mask] if mask.any() else values
    spread = pool.std() if pool.size else 0.0
    if spread == 0:
        return np.zeros_like(values, dtype=np.float64)
    return (values - pool.mean()) / spread


def edge_cut(features: Features, beta: float) -> float:
    """PacSum's and HipoRank's threshold: similarities below min + beta * (max - min) are dropped
    (the range over the pairs of each graph window, features.similarity_range)."""
    low, high = features.similarity_range
    return low + beta * (high - low)


# PacSum's defaults, set by hand when the method was added (commit 53c2f3b) and not tuned since:
# later sentences count fully, earlier ones half and against (the paper's sign pattern: lambda1 <
# 0 < lambda2); beta = 0 keeps every positive edge. Its weight in `structured` is 0.
PACSUM_PARAMS: dict[str, float] = {"beta": 0.0, "forward": 1.0, "backward": -0.5}


@register(
    "pacsum",
    description="PacSum directed centrality: central when later sentences resemble it (Zheng & Lapata 2019).",
    params=PACSUM_PARAMS,
)
def pacsum(doc: Document, features: Features, /, *, beta: float, forward: float, backward: float) -> NDArray[np.float64]:
    """Edges reach at most `GRAPH_WINDOW` sentences (features.windows): a long text is scored
    window by window, in linear memory."""
    cut = edge_cut(features, beta)
    out = np.zeros(features.n)
    for start, end in windows(features.n):
        edges = np.maximum(0.0, features.similarity_block(slice(start, end)) - cut)
        later = np.triu(edges, 1).sum(axis=1)  # similarity to sentences after i
        earlier = np.tril(edges, -1).sum(axis=1)  # similarity to sentences before i
        out[start:end] = forward * later + backward * earlier
    return out


def boundary_distance(position: NDArray[np.float64], alpha: float) -> NDArray[np.float64]:
    """HipoRank's distance to the nearer boundary; alpha > 1 makes the end count as less near."""
    return np.minimum(position, alpha * (1.0 - position))


def _directed_weights(distance: NDArray[np.float64], near: float, far: float) -> NDArray[np.float64]:
    """Edge i<-j gets `near` when i is closer to a boundary than j, else `far`."""
    return np.where(distance[:, None] < distance[None, :], near, far)


# HipoRank's defaults, set by hand when the method was added (commit 53c2f3b), not tuned: an edge
# counts fully towards the sentence nearer a boundary and not at all the other way (near 1, far
# 0), both boundaries alike (alpha 1), the section graph as much as the sentence graph (inter 1);
# beta 0.2 drops edges in the weakest fifth of the similarity range.
HIPORANK_PARAMS: dict[str, float] = {"near": 1.0, "far": 0.0, "alpha": 1.0, "inter": 1.0, "beta": 0.2}


@register(
    "hiporank",
    description="HipoRank hierarchical centrality: section and sentence graphs, boundary-aware (Dong et al. 2021).",
    params=HIPORANK_PARAMS,
)
def hiporank(
    doc: Document, features: Features, /, *, near: float, far: float, alpha: float, inter: float, beta: float
) -> NDArray[np.float64]:
    n = features.n
    if n == 0:
        return np.zeros(0)
    section = features.section
    cut = edge_cut(features, beta)
    # Sentence level: edges within a section, pointing towards the section's boundaries. Sections
    # are contiguous runs of sentences, so the work is one block per section, not n x n; a
    # section longer than GRAPH_WINDOW is cut into windows, each its own graph.
    distance = boundary_distance(features.position_in_section, alpha)
    # Consecutive short sections share one product (at most INTRA_GROUP_ROWS sentences), each
    # cutting its own block out of it: a text longer than a graph window took one sparse product
    # per section, ~0.1 ms of scipy's overhead each (seconds for a thesis's tens of thousands of
    # one-paragraph sections). The same floats: an entry sums the same two rows' terms in the same order.
    bounds = np.r_[np.flatnonzero(np.r_[True, section[1:] != section[:-1]]), n]
    intra = np.zeros(n)
    i = 0
    while i < bounds.size - 1:
        j = max(i + 1, int(np.searchsorted(bounds, bounds[i] + INTRA_GROUP_ROWS, side="right")) - 1)
        first, last = int(bounds[i]), int(bounds[j])
        group = features.similarity_block(slice(first, last)) if j > i + 1 else None
        for begin, finish in zip(bounds[i:j].tolist(), bounds[i + 1 : j + 1].tolist(), strict=True):
            for a, b in windows(finish - begin):
                start, end = begin + a, begin + b
                if group is None:
                    block = np.maximum(0.0, features.similarity_block(slice(start, end)) - cut)
                else:
                    block = np.maximum(0.0, group[start - first : end - first, start - first : end - first] - cut)
                weights = _directed_weights(distance[start:end], near, far)
                intra[start:end] = (block * weights).sum(axis=1) / (end - start)
        i = j
    # Section level: each sentence against the centroid of every other section, sections near
    # the document's start and end weighing more.
    labels, members = np.unique(section, return_inverse=True)
    if labels.size < 2:
        return intra
    order = np.arange(labels.size) / max(1, labels.size - 1)
    section_distance = boundary_distance(order, alpha)
    if n * labels.size > ACROSS_SORTED_CELLS:
        across = across_by_distance(features.tfidf, members, section_distance, near, far)
        return intra + inter * across
    centroids = centroids_by_term(features.tfidf, members, labels.size)
    across = np.zeros(n)
    # Sentences x sections, a window of rows at a time: memory stays linear however many there are.
    # A window holds at most ACROSS_CELLS cells: windows of GRAPH_WINDOW rows of a text with 25,000
    # one-paragraph sections took 400 MB a table (1 GB at the peak), 62,000 would take 3 GB. (Each
    # row's sum is the same in any window: numpy sums a row of a C-ordered table on its own.)
    for start, end in windows(n, max(1, ACROSS_CELLS // labels.size)):
        rows = np.arange(start, end)
        rows_tfidf = features.tfidf if end - start == n else features.tfidf[start:end]  # one window: no copy
        to_sections = rows_tfidf @ centroids
        if sparse.issparse(to_sections):
            to_sections = to_sections.toarray()
        to_sections[rows - start, members[start:end]] = 0.0
        toward = np.where(section_distance[members[start:end]][:, None] <= section_distance[None, :], near, far)
        across[start:end] = (to_sections * toward).sum(axis=1) / (labels.size - 1)
    return intra + inter * across


# The most sentences a group of consecutive sections (each shorter) may have to share one
# similarity product in HipoRank's sentence level (a 64 x 64 table).
INTRA_GROUP_ROWS = 64

# The most sentences x sections cells HipoRank's section level takes at once (32 MB of float64 a table).
ACROSS_CELLS = 1 << 22

# Beyond this many sentences x sections cells (~0.15 s of tables), HipoRank's section level is
# summed by `across_by_distance`, in time linear in the text: a thesis's 62,500 one-paragraph
# sections in a million words took 36 s as tables. No dev article comes near (the most: 53
# sections, 48,760 cells, dhq-000009); the tables are kept below it because the two ways add the
# same similarities in different orders (the last bits differ, and could tip a tie in a summary).
ACROSS_SORTED_CELLS = 1 << 24


def across_by_distance(
    tfidf: sparse.csr_matrix, members: NDArray[np.int64], section_distance: NDArray[np.float64], near: float, far: float
) -> NDArray[np.float64]:
    """HipoRank's section level without a sentences x sections table: each sentence's similarity
    to every other section's centroid, weighted `near` for a section at least as far from a
    boundary as the sentence's own (`section_distance`; the edge points towards the sentence) and
    `far` for one nearer, divided by the number of other sections: the tables' values.

    A sum of cosines with L2-normalised centroids is the cosine with the sum of those centroids,
    and with the sections ranked by distance, "at least as far as rank k" is a suffix of that
    ranking. So each stored tf-idf entry (sentence i, term t) needs only term t's centroid values
    summed over the sections ranked below its section's rank and over those at or above it: two
    look-ups in one running sum of the centroids' entries sorted by (term, rank). Time and memory
    grow with the stored entries, not with sentences x sections. The sentence's own section is in
    the "at or above" sum and is taken out of it again.
    """
    n, sections = members.size, section_distance.size
    centroids = sparse.coo_matrix(section_centroids(tfidf, members, sections))
    distinct, rank = np.unique(section_distance, return_inverse=True)
    levels = np.int64(distinct.size)
    width = np.int64(tfidf.shape[1])
    # The centroids' entries by (term, rank of their section's distance) and their running sum.
    section_of = centroids.row.astype(np.int64)
    term_of = centroids.col.astype(np.int64)
    by_rank = term_of * levels + rank[section_of]
    ranked = np.argsort(by_rank, kind="stable")
    by_rank = by_rank[ranked]
    running = np.r_[0.0, np.cumsum(centroids.data[ranked])]
    # Each stored tf-idf entry: its sentence, term, and its section's rank.
    rows = np.repeat(np.arange(n), np.diff(tfidf.indptr))
    terms = tfidf.indices.astype(np.int64)
    own = members[rows]
    first = np.searchsorted(by_rank, terms * levels)
    split = np.searchsorted(by_rank, terms * levels + rank[own])
    last = np.searchsorted(by_rank, (terms + 1) * levels)
    below = running[split] - running[first]  # sections nearer a boundary than the sentence's: `far`
    at_or_above = running[last] - running[split]  # as far or farther, its own included: `near`
    # The own section's centroid value of each entry's term (present: the sentence's own terms).
    by_cell = section_of * width + term_of
    cells = np.argsort(by_cell, kind="stable")
    found = np.minimum(np.searchsorted(by_cell, own * width + terms, sorter=cells), cells.size - 1)
    own_value = np.where(by_cell[cells[found]] == own * width + terms, centroids.data[cells[found]], 0.0)
    # Differences of one running sum carry its rounding (~1e-12 of its scale): a sum that is truly 0
    # (a term only the sentence's own section holds at or above its rank) came out as +-1e-17, which
    # HipoRank's tables never give (a review: tied sentences reordered, values below 0); it is 0.
    alone = last - split == 1  # the own section's entry is the only one there (it always is there)
    others = np.where(alone, 0.0, np.maximum(at_or_above - own_value, 0.0))
    weighted = tfidf.data * (near * others + far * np.maximum(below, 0.0))
    return np.bincount(rows, weights=weighted, minlength=n) / (sections - 1)


# The most sections x terms cells `centroids_by_term` sums in a dense table (32 MB of float64);
# a text with more (hundreds of sections, tens of thousands of terms) goes through scipy.
DENSE_CENTROID_CELLS = 1 << 22


def section_centroids(tfidf: sparse.csr_matrix, members: NDArray[np.int64], sections: int) -> sparse.csr_matrix:
    """Each section's centroid, L2-normalised, as a sections x terms sparse matrix: the sum of its
    sentences' tf-idf rows (`members[i]` is sentence i's section), through a 0/1 sections x
    sentences indicator."""
    indicator = sparse.csr_matrix((np.ones(members.size), (members, np.arange(members.size))), shape=(sections, members.size))
    return normalize_rows(sparse.csr_matrix(indicator @ tfidf))


def centroids_by_term(
    tfidf: sparse.csr_matrix, members: NDArray[np.int64], sections: int
) -> NDArray[np.float64] | sparse.csr_matrix:
    """Each section's centroid, L2-normalised, as a terms x sections matrix: the sum of its sentences'
    tf-idf rows (`members[i]` is sentence i's section, 0 to `sections` - 1), for `tfidf @ result`.
    A dense table (C order) up to DENSE_CENTROID_CELLS cells, a sparse matrix beyond.

    The same values as `normalize_rows(indicator @ tfidf).T` with a 0/1 sections x sentences
    indicator (what the sparse one is), at a third of the cost: each sum adds a term's values in
    the order scipy's product adds them (its sentences in order: `np.bincount`, from 0.0), each norm
    sums the squares in the order scipy's element-wise square leaves a product's row in (its terms
    in the order they first occur in the section).

    And `tfidf @ result` is the same either way, to the last bit: scipy multiplies a sparse row by
    a dense table adding the row's stored terms in storage order from 0.0, as its sparse product
    does, only adding +0.0 where a section lacks a term, which changes no sum of non-negative
    values. The dense table saves building the sparse matrix and the product's sparse result.
    """
    width = tfidf.shape[1]
    if sections * width > DENSE_CENTROID_CELLS:
        return sparse.csr_matrix(section_centroids(tfidf, members, sections).T)
    section = np.repeat(members, np.diff(tfidf.indptr))
    key = section * width + tfidf.indices  # (section, term) of every stored entry, in storage order
    totals = np.bincount(key, weights=tfidf.data, minlength=sections * width)
    # Each (section, term)'s first entry in storage order, grouped by section (a stable sort).
    first = np.full(sections * width, key.size)
    np.minimum.at(first, key, np.arange(key.size))
    firsts = np.flatnonzero(first[key] == np.arange(key.size))
    firsts = firsts[np.argsort(section[firsts], kind="stable")]
    counts = np.bincount(section[firsts], minlength=sections)
    filled = np.flatnonzero(counts)
    norms = np.zeros(sections)
    if filled.size:
        # scipy's product leaves each section's terms in the reverse of that order. When that makes
        # every row's columns increase (each section's terms first met in decreasing column order:
        # a one-sentence section, whose tf-idf row is stored that way), scipy's element-wise square
        # keeps the rows as they are and the squares are summed by increasing column; otherwise it
        # reverses them again, back to the order of first occurrence.
        same_section = section[firsts][1:] == section[firsts][:-1]
        if (np.diff(tfidf.indices[firsts])[same_section] < 0).all():
            firsts = firsts[np.lexsort((tfidf.indices[firsts], section[firsts]))]
        squares = totals[key[firsts]]
        norms[filled] = np.add.reduceat(squares * squares, (np.cumsum(counts) - counts)[filled])
    norms = np.sqrt(norms)
    norms[norms == 0] = 1.0
    return np.ascontiguousarray((totals.reshape(sections, width) * (1.0 / norms)[:, None]).T)


# Weights of `structured`, chosen on all four dev corpora by the coordinate search of
# benchmarks/tune_structured.py and rounded. They are not the consensus of the leave-one-source-out
# folds: benchmarks/results/tune_structured_loso.txt records each fold's own weights, which differ
# from these (section_first 0.1-1.3, discussion 0.6-2.2, citations -0.2 to -1.7). It shows that on
# each held-out source these weights (tuned with that source) score within 0.4 R1 of the fold's
# weights (tuned without it): the field-to-field spread is small, but it is not a held-out score.
# Positive: makes a sentence more abstract-like.
STRUCTURED_WEIGHTS: dict[str, float] = {
    "centrality": 1.0,
    "title": 0.3,
    "cues": 1.2,
    "lead": 1.8,
    "tail": 0.8,
    "section_start": 1.0,
    "section_first": 0.3,
    "introduction": 0.7,
    "methods": -0.8,
    "results": -0.8,
    "discussion": 0.8,
    "conclusion": 1.5,
    "citations": -0.2,
    "digits": -0.5,
    "length": -0.4,
    "pacsum": 0.0,
    "hiporank": 0.5,
}


# Decay lengths of the position signals, as fractions of the document or section: a signal falls to
# 1/e this far from its boundary. Set by hand when `structured` was written (commit 53c2f3b) and not
# tuned (the search above tunes the signals' weights, not these): the lead signal covers about
# the first tenth of an article (where introductions state their aims), the tail the last
# twentieth (the conclusion), a section start its first sixth or so.
LEAD_DECAY = 0.1
TAIL_DECAY = 0.05
SECTION_START_DECAY = 0.15


def structured_signals(doc: Document, features: Features) -> dict[str, NDArray[np.float64]]:
    """Every signal the default method weighs, one value per sentence."""
    mask = features.candidate
    position = features.position
    in_section = features.position_in_section
    first_in_section = np.r_[True, features.section[1:] != features.section[:-1]] if features.n else np.zeros(0, bool)
    signals = {
        "centrality": standardise(features.centroid_similarity, mask),
        "title": standardise(features.similarity_to(doc.title), mask) if doc.title else np.zeros(features.n),
        "cues": contribution_cues(doc),
        "lead": np.exp(-position / LEAD_DECAY),
        "tail": np.exp(-(1.0 - position) / TAIL_DECAY),
        "section_start": np.exp(-in_section / SECTION_START_DECAY),
        "section_first": first_in_section.astype(np.float64),
        "citations": citation_counts(doc),
        "digits": standardise(digit_density(doc, features.words), mask),
        "length": standardise(np.log(np.maximum(features.words, 1)).astype(np.float64), mask),
    }
    for index, kind in enumerate(SECTION_KINDS):
        signals[kind] = (features.section_kind == index).astype(np.float64)
    return signals


@register(
    "structured",
    description="Best unsupervised: centrality + title + contribution cues + position/section role, weights cross-validated.",
    selection={"redundancy": 0.5},
    params=STRUCTURED_WEIGHTS,
)
def structured(doc: Document, features: Features, /, **weights: float) -> NDArray[np.float64]:
    return weighted_sum(structured_signals(doc, features), weights, doc, features)


def weighted_sum(
    signals: dict[str, NDArray[np.float64]], weights: dict[str, float], doc: Document, features: Features
) -> NDArray[np.float64]:
    """The `structured` score from signals already computed; graph signals not among them are
    computed here. Separate so the supervised scorer, which needs the signals too, computes them once."""
    score = np.zeros(features.n)
    for name, weight in weights.items():
        if weight == 0:
            continue
        score += weight * (signals[name] if name in signals else graph_signal(name, doc, features))
    return score


# The graph scorers `structured` can weigh, each with its defaults (called directly, not by name
# through the registry: a user registering another "pacsum" cannot change this method).
_GRAPH_SIGNALS = {
    "textrank": lambda doc, features: textrank(doc, features, **TEXTRANK_PARAMS),
    "pacsum": lambda doc, features: pacsum(doc, features, **PACSUM_PARAMS),
    "hiporank": lambda doc, features: hiporank(doc, features, **HIPORANK_PARAMS),
}


def graph_signal(name: str, doc: Document, features: Features) -> NDArray[np.float64]:
    """TextRank / PacSum / HipoRank centrality with their registered defaults, standardised (computed only when used)."""
    return standardise(_GRAPH_SIGNALS[name](doc, features), features.candidate)
