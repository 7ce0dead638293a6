"""Summary-level reranking: score whole candidate summaries, not sentences one by one.

The sentence scorer ranks sentences well, but greedy selection from its ranking leaves ROUGE on
the table: the best combination of our own top 10 sentences scores about 5 ROUGE-1 above what
greedy picks (issue 14). `Reranker` is a linear model over features of a whole candidate (how good
its sentences are, how much of the document's key vocabulary it covers, how redundant it is, how
abstract-like its wording reads), trained by `synopsis train` to rank the candidates of
`combinations.candidate_summaries` by their ROUGE against the abstract. Inference is a few numpy
matrix products over all candidates at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..combinations import MAX_TOP, Candidates, candidate_summaries
from ..errors import MethodError
from ..features import Features, stem_all, tokenize
from ..scipy_sparse import sparse
from ..select import REDUNDANCY_THRESHOLD, Selection, select
from ..stopwords import STOP_WORDS
from ..types import SECTION_KINDS, Budget, Document
from .bigrams import (
    BigramModel,
    DocumentBigrams,
    ExpectedBigrams,
    candidate_bigram_names,
    candidate_columns,
    expected_bigrams,
)
from .json_numbers import format_problem, read_number, read_numbers, read_scale, stored
from .phrases import PhraseModel
from .structure import standardise
from .words import WordModel, word_probabilities

RERANKER_FORMAT = "synopsis-reranker/2"  # /2: with the bigram model (`scorers.bigrams`)
# How many of the document's most frequent content stems and bigrams count as its key terms.
KEY_TERMS = 30
KEY_BIGRAMS = 20
# Words added to a sentence's length when its expected abstract bigrams (or stems) are taken per word:
# the same prior as the sentence label's (`train.LENGTH_PRIOR_WORDS`), so that a short fragment with
# one likely bigram does not come first.
DENSITY_PRIOR_WORDS = 5.0
_ROLES = tuple(SECTION_KINDS.index(kind) for kind in ("introduction", "methods", "results", "discussion", "conclusion"))


def summary_feature_names() -> list[str]:
    """Columns of `summary_features`, in order (stored with every reranker)."""
    return [
        "score_sum",
        "score_mean",
        "score_min",
        "score_max",
        "rank_mean",
        "greedy_overlap",
        "sentences",
        "fill",
        "roles",
        *(f"share_{SECTION_KINDS[k]}" for k in _ROLES),
        "sections",
        "similarity_max",
        "similarity_mean",
        "position_first",
        "position_last",
        "position_mean",
        "phrases",
        "key_terms",
        "key_bigrams",
        "title_terms",
        "intro_conclusion_terms",
        *candidate_bigram_names(),
    ]


def summary_features(
    doc: Document,
    features: Features,
    scores: NDArray[np.float64],
    candidates: Candidates,
    budget: Budget,
    phrases: PhraseModel | None,
    greedy: tuple[int, ...],
    bigrams: ExpectedBigrams | None = None,
) -> NDArray[np.float64]:
    """One row per candidate summary, columns as `summary_feature_names()`.

    `scores` are the sentence scorer's, `greedy` what `select` picks from them: how far a
    candidate departs from the greedy summary is itself a feature. `bigrams` (the bigram model's
    view of the document) gives the expected-abstract-bigram columns; zeros without it.
    """
    if bigrams is None:
        bigrams = expected_bigrams(None, doc, features, scores, {})
    top = candidates.sentences
    members = candidates.members
    m = members.astype(np.float64)
    count = m.sum(axis=1)
    per = np.maximum(count, 1.0)
    z = standardise(scores, features.candidate)[top]
    rank = np.argsort(np.argsort(-z, kind="stable"), kind="stable").astype(np.float64)
    kinds = features.section_kind[top]
    kind_matrix = np.stack([kinds == k for k in _ROLES], axis=1).astype(np.float64)
    kind_counts = m @ kind_matrix
    section_matrix = (features.section[top][:, None] == np.unique(features.section[top])[None, :]).astype(np.float64)
    similarity = features.similarity_block(top)
    pair_sum = ((m @ similarity) * m).sum(axis=1) / 2
    pairs = count * (count - 1) / 2
    pair_max = _pair_max(members, similarity)
    position = features.position[top]
    words = members @ features.words[top].astype(np.float64)
    fill = words / budget.words if budget.words is not None else count / max(1, budget.sentences or 1)
    greedy_set = np.isin(top, np.asarray(greedy, dtype=np.int64))
    key, bigram, title, context = _coverage_targets(doc, features, top, bigrams.bigrams)
    columns: dict[str, NDArray[np.float64]] = {
        "score_sum": m @ z,
        "score_mean": (m @ z) / per,
        "score_min": np.where(members, z[None], np.inf).min(axis=1),
        "score_max": np.where(members, z[None], -np.inf).max(axis=1),
        "rank_mean": (m @ rank) / per,
        "greedy_overlap": (m @ greedy_set) / max(1, len(greedy)),
        "sentences": count,
        "fill": fill,
        "roles": (kind_counts > 0).sum(axis=1).astype(np.float64),
        **{f"share_{SECTION_KINDS[k]}": kind_counts[:, j] / per for j, k in enumerate(_ROLES)},
        "sections": ((m @ section_matrix) > 0).sum(axis=1).astype(np.float64),
        "similarity_max": pair_max,
        "similarity_mean": np.divide(pair_sum, pairs, out=np.zeros_like(pair_sum), where=pairs > 0),
        "position_first": np.where(members, position[None], np.inf).min(axis=1),
        "position_last": np.where(members, position[None], -np.inf).max(axis=1),
        "position_mean": (m @ position) / per,
        "phrases": phrases.predict_combined([doc.sentences[i].text for i in top], members, features.language)
        if phrases
        else np.zeros(len(m)),
        "key_terms": _covered(m, key),
        "key_bigrams": _covered(m, bigram),
        "title_terms": _covered(m, title),
        "intro_conclusion_terms": _covered(m, context),
        **dict(zip(candidate_bigram_names(), candidate_columns(bigrams, candidates).T, strict=True)),
    }
    names = summary_feature_names()
    if set(columns) != set(names):
        raise AssertionError(f"summary features differ from summary_feature_names(): {sorted(set(columns) ^ set(names))}")
    return np.column_stack([columns[name] for name in names]) if len(m) else np.zeros((0, len(names)))


def _pair_max(members: NDArray[np.bool_], similarity: NDArray[np.float64]) -> NDArray[np.float64]:
    """Per candidate, the highest similarity between two of its sentences (0 with fewer than two):
    the first of the pairs, most similar first, that it holds both of. Each pair's value is the
    larger of its two entries (the product need not be exactly symmetric), so this is the maximum
    over the candidate's block that it replaces, at a third of the cost."""
    first, second = np.triu_indices(similarity.shape[0], 1)
    if first.size == 0 or len(members) == 0:
        return np.zeros(len(members))
    values = np.maximum(similarity[first, second], similarity[second, first])
    order = np.argsort(-values, kind="stable")
    both = members[:, first[order]] & members[:, second[order]]
    at = both.argmax(axis=1)
    return np.where(both[np.arange(len(members)), at], np.maximum(values[order][at], 0.0), 0.0)


def _covered(members: NDArray[np.float64], target: tuple[NDArray[np.float64], NDArray[np.float64]]) -> NDArray[np.float64]:
    """Weighted share of the target terms that at least one member sentence contains.

    `target` is (top sentences x terms presence, term weights)."""
    presence, weight = target
    total = weight.sum()
    if total <= 0:
        return np.zeros(len(members))
    seen = presence.any(axis=0)  # terms no top sentence has cannot be covered: skip their columns
    return (((members @ presence[:, seen]) > 0) @ weight[seen]) / total


def _coverage_targets(
    doc: Document, features: Features, top: NDArray[np.int64], bigrams: DocumentBigrams
) -> tuple[tuple[NDArray[np.float64], NDArray[np.float64]], ...]:
    """What a summary should cover, each as (presence in the top sentences, weights):
    the document's most frequent content stems and word bigrams, the title's stems, and the
    stems of the introduction and conclusion sections (weighted by log count)."""
    vocabulary, matrix = features.vocabulary, features.counts
    columns = np.fromiter(vocabulary.values(), dtype=np.int64, count=len(vocabulary))
    content = np.ones(matrix.shape[1], dtype=bool)
    content[columns] = np.fromiter(map(len, vocabulary), dtype=np.int64, count=len(vocabulary)) >= 3
    content[[vocabulary[term] for term in _stop_stems().intersection(vocabulary)]] = False
    # Column sums by bincount over the stored entries: whole counts, so the same floats as .sum(axis=0).
    counts = np.bincount(matrix.indices, weights=matrix.data, minlength=matrix.shape[1]) * content
    key = np.argsort(-counts, kind="stable")[:KEY_TERMS]
    key = key[counts[key] > 1]
    present = _presence(matrix, top)
    terms = (present[:, key], np.log1p(counts[key]))
    title_columns = sorted({vocabulary[t] for t in stem_all([tokenize(doc.title)])[0] if t in vocabulary})
    title_columns = [j for j in title_columns if content[j]]
    title = (present[:, title_columns], np.ones(len(title_columns)))
    rows = np.isin(features.section_kind, (SECTION_KINDS.index("introduction"), SECTION_KINDS.index("conclusion")))
    in_context = matrix.data * np.repeat(rows, np.diff(matrix.indptr))
    context_counts = np.bincount(matrix.indices, weights=in_context, minlength=matrix.shape[1]) * content
    context_columns = np.flatnonzero(context_counts)
    context = (present[:, context_columns], np.log1p(context_counts[context_columns]))
    return terms, _bigram_target(bigrams, top), title, context


def _presence(matrix: sparse.csr_matrix, rows: NDArray[np.int64]) -> NDArray[np.float64]:
    """1.0 where a term occurs in one of `rows` of the sentence-by-term counts, else 0 (dense,
    rows x terms): read from the CSR arrays, a third of the cost of slicing the matrix."""
    starts = matrix.indptr[rows]
    lengths = matrix.indptr[rows + 1] - starts
    entries = np.repeat(starts - np.cumsum(lengths) + lengths, lengths) + np.arange(lengths.sum())
    out = np.zeros((len(rows), matrix.shape[1]))
    out[np.repeat(np.arange(len(rows)), lengths), matrix.indices[entries]] = 1.0
    return out


def _bigram_target(bigrams: DocumentBigrams, top: NDArray[np.int64]) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The document's KEY_BIGRAMS most frequent bigrams without a stop word (`DocumentBigrams.frequent`:
    counted once per sentence), as presence in the top sentences and log-count weights."""
    frequent = bigrams.frequent(KEY_BIGRAMS)
    column = np.full(bigrams.types, -1)
    column[frequent] = np.arange(len(frequent))
    kind, sentence = bigrams.once
    hit = (column[kind] >= 0) & bigrams.in_rows(top)[sentence]
    presence = np.zeros((len(top), len(frequent)))
    presence[np.searchsorted(top, sentence[hit]), column[kind[hit]]] = 1.0
    return presence, np.log1p(bigrams.spread[frequent].astype(np.float64))


def with_bigram_density(
    scores: NDArray[np.float64], features: Features, expected: ExpectedBigrams, weight: float
) -> NDArray[np.float64]:
    """The sentence scores the reranker draws its candidates from, fills with and describes them by:
    the scorer's, standardised, plus `weight` times each sentence's standardised expected number
    of abstract bigram types per word (the bigram model's view). The scorer's own scores when
    `weight` is 0 or there is no bigram model.

    Why: the trees score a sentence from its own features; the bigram model has read the whole
    document (which word pairs recur, where, near which high-scoring sentences) and raises the
    sentences that carry the pairs an abstract is likely to repeat, which is what ROUGE-2 counts.
    """
    density = expected.per_sentence() if weight else None
    if density is None or not expected.bigrams.types:
        return scores
    return standardise(scores, features.candidate) + weight * _per_word(density, features)


def reranker_scores(
    scores: NDArray[np.float64],
    features: Features,
    expected: ExpectedBigrams,
    bigram_weight: float,
    word_probability: NDArray[np.float64] | None = None,
    word_weight: float = 0.0,
) -> NDArray[np.float64]:
    """The sentence scores the reranker works with: `with_bigram_density`, plus `word_weight` times
    each sentence's standardised expected number of abstract stems per (words + the same prior)
    from the word model (`scorers.words`; nothing without one). Where the bigram model raises
    the sentences an abstract's word pairs come from (ROUGE-2), the word model raises those its
    words come from (ROUGE-1)."""
    out = with_bigram_density(scores, features, expected, bigram_weight)
    if not word_weight or word_probability is None:
        return out
    return out + word_weight * _per_word(np.asarray(features.binary @ word_probability).ravel(), features)


def _per_word(expected: NDArray[np.float64], features: Features) -> NDArray[np.float64]:
    """Each sentence's expected abstract bigrams (or stems) per (words + DENSITY_PRIOR_WORDS),
    standardised over the candidates: the one form both densities take."""
    return standardise(expected[: features.n] / (features.words + DENSITY_PRIOR_WORDS), features.candidate)


@cache
def _stop_stems() -> frozenset[str]:
    return frozenset(stem_all([sorted(STOP_WORDS)])[0])


@dataclass(frozen=True)
class Reranker:
    """A linear model of a candidate summary's quality: `((x - mean) / scale) @ weights`.

    `top` is how many best-scored sentences the candidates are drawn from, `redundancy` the
    similarity above which two sentences never share a candidate (as `select`'s rule), `bigrams`
    the model of which bigrams the abstract holds (its columns are zero without one),
    `bigram_weight` how much its expected bigrams per word add to the sentence scores
    (`with_bigram_density`; 0 in a file without the key, as before it existed); `words` and
    `word_weight` the same for the word model's expected stems (`reranker_scores`).
    """

    features: tuple[str, ...]
    mean: NDArray[np.float64]
    scale: NDArray[np.float64]
    weights: NDArray[np.float64]
    top: int
    redundancy: float
    info: dict[str, Any]
    bigrams: BigramModel | None = None
    bigram_weight: float = 0.0
    words: WordModel | None = None
    word_weight: float = 0.0

    def predict(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        return np.asarray(((x - self.mean) / self.scale) @ self.weights, dtype=np.float64)

    def choose(
        self,
        doc: Document,
        features: Features,
        scores: NDArray[np.float64],
        budget: Budget,
        phrases: PhraseModel | None,
        lexicon: dict[str, float],
    ) -> Selection:
        """The best-ranked candidate summary, filled up by greedy `select` in the words (or
        sentences) it leaves; greedy `select` alone when there is nothing to choose from. All of it
        reads the sentence scores blended with the bigram and word densities (`reranker_scores`).

        Candidates are drawn from the top sentences only, so the best of them often leaves part of
        the budget unused that greedy selection would fill from further down: filled, the user gets
        the length they asked for, and ROUGE under leave-one-source-out rises at 100 and 200 words
        (SumPubMed most, whose abstracts are longer than the budget) and falls at 300, where the
        words added go past the length of most abstracts (docs/model-card.md, "Summary-level selection").
        """
        expected = expected_bigrams(self.bigrams, doc, features, scores, lexicon)
        stems = word_probabilities(self.words, doc, features, scores, lexicon) if self.word_weight else None
        scores = reranker_scores(scores, features, expected, self.bigram_weight, stems, self.word_weight)
        greedy = select(scores, features, budget, redundancy=self.redundancy)
        candidates = candidate_summaries(scores, features, budget, top=self.top, redundancy=self.redundancy)
        if len(candidates.members) < 2:
            return greedy
        x = summary_features(doc, features, scores, candidates, budget, phrases, greedy.indices, expected)
        best = candidates.indices(int(np.argmax(self.predict(x))))
        return select(scores, features, budget, redundancy=self.redundancy, keep=best)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": RERANKER_FORMAT,
            "features": list(self.features),
            "mean": stored(self.mean).tolist(),
            "scale": stored(self.scale).tolist(),
            "weights": stored(self.weights).tolist(),
            "top": self.top,
            "redundancy": self.redundancy,
            "info": self.info,
            **({"bigrams": self.bigrams.to_json()} if self.bigrams is not None else {}),
            "bigram_weight": self.bigram_weight,
            **({"words": self.words.to_json()} if self.words is not None else {}),
            "word_weight": self.word_weight,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reranker:
        if data.get("format") != RERANKER_FORMAT:
            raise MethodError(format_problem(data.get("format"), RERANKER_FORMAT, "reranker"))
        if list(data["features"]) != summary_feature_names():
            raise MethodError("the reranker was trained on other summary features than this version computes; retrain it")
        width = len(data["features"])
        top = data["top"]
        if isinstance(top, bool) or not isinstance(top, int) or not 1 <= top <= MAX_TOP:
            raise ValueError(f"the reranker's top: {top!r}, not a whole number from 1 to {MAX_TOP}")
        return cls(
            features=tuple(data["features"]),
            mean=read_numbers(data["mean"], "the reranker's mean", width),
            scale=read_scale(data["scale"], "the reranker's scale", width),
            weights=read_numbers(data["weights"], "the reranker's weights", width),
            top=top,
            redundancy=read_number(data.get("redundancy", REDUNDANCY_THRESHOLD), "the reranker's redundancy"),
            info=dict(data.get("info", {})),
            bigrams=BigramModel.from_json(data["bigrams"]) if data.get("bigrams") else None,
            bigram_weight=read_number(data.get("bigram_weight", 0.0), "the reranker's bigram_weight"),
            words=WordModel.from_json(data["words"]) if data.get("words") else None,
            word_weight=read_number(data.get("word_weight", 0.0), "the reranker's word_weight"),
        )
