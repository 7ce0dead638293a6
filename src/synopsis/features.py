"""Per-document features, computed once and shared by every scorer.

Terms are lower-cased (Turkish's İ/I as i/ı: `tokens.lower`), stop words and numbers dropped,
Porter-stemmed (PyStemmer: C speed, the same stemmer family ROUGE uses). Another supported
language uses its own stop words and Snowball stemmer and keeps letters of any script; a language
we do not support gets neither (Unicode lower-casing only), so that no English rule is applied to
it. Matrices are scipy.sparse so that a 1,500-sentence article costs milliseconds, never a Python
loop over sentence pairs.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from functools import cache, cached_property
from itertools import filterfalse, pairwise

import numpy as np
import Stemmer
from numpy.typing import NDArray

from .clean.rules import MARKS
from .language import ENGLISH, get_language
from .scipy_sparse import sparse
from .stopwords import STOP_WORDS
from .tokens import joined, lower
from .types import SECTION_KINDS, Document

# A token is a letter, then letters and digits, with inner apostrophes and hyphens; one of a single
# letter is no term. The patterns take only tokens of 2+ characters (the same ones, found in one
# pass, as taking all and dropping the single letters in Python): "[a-z]" followed by either more
# letters/digits or a joined part. A NUL marks where one text of many ends (`token_stream`).
# Each repeat is possessive where Python has them (3.11+), a sixth faster on article text and the
# same matches: a run of letters/digits always stops at a separator or a character no token holds,
# so giving a character back could never let the rest match (tests/test_features.py compares).
_ONCE = "+" if sys.version_info >= (3, 11) else ""
_WORD_OR_BREAK = re.compile(rf"[a-z](?:[a-z0-9]+{_ONCE}(?:['’-][a-z0-9]+{_ONCE})*{_ONCE}|(?:['’-][a-z0-9]+{_ONCE})+{_ONCE})|\x00")
# PyStemmer's own cache (on by default) makes a first stemming three times slower (2.5 ms instead of
# 0.7 for an article's 1,900 distinct words); `Analyzer.stem` keeps its own instead, so the stemmers
# run without one.
_STEMMER = Stemmer.Stemmer("porter", 0)
# How many words' stems an analyzer keeps: a batch or a server meets the same words in every article,
# and a dictionary lookup is cheaper than stemming. A stem never changes, so the cache cannot change
# a result; it stops growing here (a few tens of MB at most).
STEMS_KEPT = 200_000
# Outside English: a letter or digit of any script with the combining marks of its word. The marks
# are no `\w`: a Hindi, Bengali or Urdu word fell apart at each vowel sign or virama ("अध्ययन" was
# "अध" + "ययन", "হিংসা" four pieces), so its terms, stop words and ROUGE were fragments. MARKS is
# every combining mark of the Basic Multilingual Plane (from unicodedata), the list detection uses.
UNICODE_CHAR = rf"(?:[^\W_]|[{MARKS}])"
# Letters and digits of any script, marks included: one token each ("größere", "данные", "अध्ययन").
UNICODE_TOKEN = re.compile(rf"[^\W_]{UNICODE_CHAR}*")
# Outside English: a word starts with a letter of any script ("größere", "résultats", "данные").
_UNICODE_WORD_OR_BREAK = re.compile(
    rf"[^\W\d_](?:{UNICODE_CHAR}+{_ONCE}(?:['’-]{UNICODE_CHAR}+{_ONCE})*{_ONCE}|(?:['’-]{UNICODE_CHAR}+{_ONCE})+{_ONCE})|\x00"
)

# The most sentences one similarity graph spans. Larger than every article of the dev data as
# given (971 sentences at most), so their summaries are exactly those of whole-document graphs;
# 2,000 x 2,000 float64 is 32 MB per block. Flattened, two dev articles have more (up to 4,466)
# and are cut into windows (benchmarks/same_summaries.py measures the effect).
GRAPH_WINDOW = 2000


def windows(count: int, size: int | None = None) -> list[tuple[int, int]]:
    """[start, end) of the consecutive windows `count` items are cut into: as few as keep each
    at most `size` (default GRAPH_WINDOW) long, of (nearly) equal length so that no window is a
    short remainder."""
    if count <= 0:
        return []
    if count <= (size or GRAPH_WINDOW):
        return [(0, count)]  # one window (every section of most texts): no linspace per call
    pieces = -(-count // (size or GRAPH_WINDOW))
    bounds = np.linspace(0, count, pieces + 1).round().astype(np.int64)
    return [(int(a), int(b)) for a, b in pairwise(bounds)]


@dataclass(frozen=True)
class Analyzer:
    """How one language turns text into terms: token pattern, stop words, stemmer (None: none)."""

    word_or_break: re.Pattern[str]  # tokens of 2+ characters, or NUL
    stop_words: frozenset[str]
    stemmer: Stemmer.Stemmer | None
    known: dict[str, str] = field(default_factory=dict, repr=False, compare=False)  # word -> stem

    def stem(self, words: list[str]) -> list[str]:
        """The stems of `words` (distinct words: callers stem each word once)."""
        if self.stemmer is None:
            return list(words)
        known = self.known
        unseen = [w for w in words if w not in known]
        if not unseen:
            return [known[w] for w in words]
        fresh = dict(zip(unseen, self.stemmer.stemWords(unseen), strict=True))
        if len(known) + len(fresh) <= STEMS_KEPT:
            known.update(fresh)
        return [known.get(w) or fresh[w] for w in words]


@cache
def analyzer(lang: str = ENGLISH) -> Analyzer:
    if lang == ENGLISH:
        return Analyzer(_WORD_OR_BREAK, STOP_WORDS, _STEMMER)
    language = get_language(lang)
    stemmer = Stemmer.Stemmer(language.stemmer, 0) if language.stemmer else None
    return Analyzer(_UNICODE_WORD_OR_BREAK, language.stop_words, stemmer)


def tokenize(text: str, lang: str = ENGLISH) -> list[str]:
    """Content words of a text, lower-cased, before stemming."""
    return token_stream([text], lang)


def token_stream(texts: list[str], lang: str = ENGLISH) -> list[str]:
    """`tokenize` of every text in one regex pass: their content words in order, a NUL between
    one text's and the next's. Stop words are dropped by a C-level filter, no Python loop."""
    words = analyzer(lang)
    return list(filterfalse(words.stop_words.__contains__, words.word_or_break.findall(lower(joined(texts), lang))))


def word_counts(texts: list[str]) -> NDArray[np.int64]:
    """How many whitespace-separated words each text has (C-level maps: no generator per text)."""
    return np.fromiter(map(len, map(str.split, texts)), dtype=np.int64, count=len(texts))


def stem_all(tokens: list[list[str]], lang: str = ENGLISH) -> list[list[str]]:
    """Stem every token; each distinct word is stemmed once."""
    unique = sorted({t for sentence in tokens for t in sentence})
    stems = dict(zip(unique, analyzer(lang).stem(unique), strict=True))
    return [[stems[t] for t in sentence] for sentence in tokens]


@dataclass(frozen=True)
class Features:
    """Sentence-by-term matrices and per-sentence facts of one document."""

    vocabulary: dict[str, int] = field(repr=False)
    counts: sparse.csr_matrix = field(repr=False)
    position: NDArray[np.float64] = field(repr=False)
    words: NDArray[np.int64] = field(repr=False)
    section: NDArray[np.int64] = field(repr=False)
    section_kind: NDArray[np.int64] = field(repr=False)
    candidate: NDArray[np.bool_] = field(repr=False)
    language: str = ENGLISH

    @property
    def n(self) -> int:
        return self.counts.shape[0]

    @cached_property
    def idf(self) -> NDArray[np.float64]:
        """Smoothed inverse sentence frequency of each term, within this document."""
        df = np.bincount(self.counts.indices, minlength=self.counts.shape[1])
        return np.log((1.0 + self.n) / (1.0 + df)) + 1.0

    @cached_property
    def tfidf(self) -> sparse.csr_matrix:
        """Rows L2-normalised, so a dot product is a cosine."""
        counts = self.counts
        if counts.has_canonical_format and counts.data.all():  # always (`compute_features` sums duplicates)
            return _scaled_rows(counts, counts.data * self.idf[counts.indices])  # the product scipy's multiply makes
        return normalize_rows(counts.multiply(self.idf).tocsr())

    def similarity_block(self, rows: slice | NDArray[np.int64]) -> NDArray[np.float64]:
        """Cosine similarity of every pair of the given sentences, 0 on the diagonal (dense: the
        callers pass at most a window, `GRAPH_WINDOW` sentences). A run of sentences is cut from
        `_similarity` when the document has one; other rows (the reranker's top sentences, a
        candidate pool) are taken from it when it has been computed already, since cutting them out
        costs far less than their own sparse product (the same floats, as `_similarity` says)."""
        if isinstance(rows, slice):
            if self._similarity is not None:
                return self._similarity[rows, rows].copy()
        elif (full := self.__dict__.get("_similarity")) is not None:
            return full[np.ix_(rows, rows)]
        return self._cosines(rows)

    @cached_property
    def _similarity(self) -> NDArray[np.float64] | None:
        """Every pair's cosine when the document is one graph window (at most 32 MB), None for a
        longer one. Kept because the edge range, PacSum, HipoRank (a block per section) and the
        redundancy check all read it: one sparse product instead of one per block and per check.
        The same floats as a block's own product: an entry sums the same row's terms in the same order."""
        return self._cosines(slice(None)) if self.n <= GRAPH_WINDOW else None

    def _cosines(self, rows: slice | NDArray[np.int64]) -> NDArray[np.float64]:
        block = self.tfidf[rows]
        product = (block @ block.T).toarray()
        np.fill_diagonal(product, 0.0)
        return product

    def similarity_to_rows(self, i: int, rows: list[int] | NDArray[np.int64]) -> NDArray[np.float64]:
        """Cosine of sentence `i` to each of `rows` (any distance apart: the redundancy check)."""
        if self._similarity is not None and i not in rows:  # the cached diagonal is 0, not i's own cosine
            return self._similarity[i, rows]
        return np.asarray((self.tfidf[i] @ self.tfidf[rows].T).toarray()).ravel()

    def similarity_rows_to_rows(self, rows: NDArray[np.int64], others: list[int]) -> NDArray[np.float64]:
        """Cosine of each of `rows` to each of `others` (no sentence in both), one row per sentence
        of `rows`: the entries `similarity_to_rows` gives one sentence at a time, in one product."""
        if self._similarity is not None:
            return self._similarity[np.ix_(rows, np.asarray(others, dtype=np.int64))]
        return np.asarray((self.tfidf[rows] @ self.tfidf[others].T).toarray())

    def highest_similarity(self, rows: NDArray[np.int64], others: list[int]) -> NDArray[np.float64]:
        """Each of `rows`' highest cosine to `others` (at least one; no sentence in both): the
        row maxima of `similarity_rows_to_rows`, the same floats, without its dense rows x others
        block (a block of 1,024 candidates against 25,000 chosen sentences is 200 MB). Cosines are
        never negative, so a row's maximum is its largest stored entry (0 where it stores none)."""
        if self._similarity is not None:
            return self._similarity[np.ix_(rows, np.asarray(others, dtype=np.int64))].max(axis=1)
        product = sparse.csr_matrix(self.tfidf[rows] @ self.tfidf[others].T)
        highest = np.zeros(len(rows))
        stored = np.diff(product.indptr) > 0
        if stored.any():
            highest[stored] = np.maximum.reduceat(product.data, product.indptr[:-1][stored])
        return highest

    @property
    def similarity_range(self) -> tuple[float, float]:
        """Smallest and largest similarity between two sentences of one window (0, 0 when n < 2).

        Graph methods cut weak edges relative to this range; within one window it is the range
        over all pairs, as the papers define it.
        """
        return self._window_summary[0]

    @property
    def max_similarity(self) -> NDArray[np.float64]:
        """Each sentence's highest similarity to another sentence of its window (0 when n < 2)."""
        return self._window_summary[1]

    @cached_property
    def _window_summary(self) -> tuple[tuple[float, float], NDArray[np.float64]]:
        """`similarity_range` and `max_similarity` in one pass over the windows."""
        lows, highs = [], []
        row_max = np.zeros(self.n)
        for start, end in windows(self.n):
            block = self.similarity_block(slice(start, end))
            lows.append(float(block.min()))
            highs.append(float(block.max()))
            if self.n > 1:
                row_max[start:end] = block.max(axis=1)
        return ((min(lows), max(highs)) if lows else (0.0, 0.0)), row_max

    def similarity_to(self, text: str) -> NDArray[np.float64]:
        """Cosine of every sentence to an outside text (a title, a heading), in this document's tf-idf space."""
        terms = stem_all([tokenize(text, self.language)], self.language)[0] if text else []
        vector = np.zeros(self.counts.shape[1])
        for term in terms:
            j = self.vocabulary.get(term)
            if j is not None:
                vector[j] += self.idf[j]
        norm = np.linalg.norm(vector)
        if norm == 0:
            return np.zeros(self.n)
        return np.asarray(self.tfidf @ (vector / norm)).ravel()

    @cached_property
    def centroid_similarity(self) -> NDArray[np.float64]:
        """Cosine of every sentence to the document's tf-idf centroid (Radev et al. 2004)."""
        center = column_sums(self.tfidf)
        norm = np.linalg.norm(center)
        return np.asarray(self.tfidf @ (center / norm)).ravel() if norm > 0 else np.zeros(self.n)

    @cached_property
    def position_in_section(self) -> NDArray[np.float64]:
        """0 for a section's first sentence, 1 for its last (0 in one-sentence sections)."""
        out = np.zeros(self.n)
        if self.n == 0:
            return out
        starts = np.flatnonzero(np.r_[True, self.section[1:] != self.section[:-1]])
        lengths = np.diff(np.r_[starts, self.n])
        index_in_section = np.arange(self.n) - np.repeat(starts, lengths)
        return index_in_section / np.maximum(np.repeat(lengths, lengths) - 1, 1)

    @cached_property
    def binary(self) -> sparse.csr_matrix:
        out = self.counts.copy()
        out.data = np.ones_like(out.data)
        return out


def column_sums(matrix: sparse.csr_matrix) -> NDArray[np.float64]:
    """`matrix.sum(axis=0)` as a flat array, the same floats at a fifth of scipy's cost: scipy sums
    a CSR matrix's columns as `ones @ matrix`, adding each stored value (times 1.0: itself) to its
    column's total from 0.0, row by row in storage order, the order `np.bincount` adds them in."""
    return np.bincount(matrix.indices, weights=matrix.data, minlength=matrix.shape[1]).astype(np.float64, copy=False)


def normalize_rows(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Each row divided by its Euclidean norm (an empty row stays empty).

    A canonical matrix (each row's columns increasing, no zero stored: every matrix `Features`
    makes) is scaled in numpy, about four times faster at a document's size than scipy's
    `diags(1 / norms) @ matrix`, and to the same arrays: the norms summed by the same
    `np.add.reduceat` over the same squares that scipy's row sum runs, each entry multiplied by
    its row's `1 / norm`, each row's entries in the reverse order that scipy's product leaves
    them in (later sums run in that order). Any other matrix goes through scipy.
    """
    if not (matrix.has_canonical_format and matrix.data.all()):
        norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
    return _scaled_rows(matrix, matrix.data)


def _scaled_rows(structure: sparse.csr_matrix, data: NDArray[np.float64]) -> sparse.csr_matrix:
    """`normalize_rows` of the canonical matrix with `structure`'s rows and columns and these
    (nonzero) values, in numpy."""
    indptr = structure.indptr
    lengths = np.diff(indptr)
    filled = np.flatnonzero(lengths)
    norms = np.zeros(structure.shape[0])
    if filled.size:
        norms[filled] = np.add.reduceat(data * data, indptr[filled])
    norms = np.sqrt(norms)
    norms[norms == 0] = 1.0
    reverse = np.repeat(indptr[:-1] + indptr[1:] - 1, lengths) - np.arange(data.size)
    scaled = np.repeat(1.0 / norms, lengths) * data[reverse]
    return sparse.csr_matrix((scaled, structure.indices[reverse], indptr.copy()), shape=structure.shape)


def compute_features(doc: Document) -> Features:
    """Features in the document's language (`doc.meta["language"]`, English when unset)."""
    lang = doc.meta.get("language", ENGLISH)
    n = len(doc.sentences)
    texts = [s.text for s in doc.sentences]
    stream = token_stream(texts, lang)
    unique = sorted(set(stream).difference("\x00"))
    vocabulary: dict[str, int] = {}  # stem -> column, in order of first (sorted) appearance
    columns = [vocabulary.setdefault(stem, len(vocabulary)) for stem in analyzer(lang).stem(unique)]
    column_of = dict(zip(unique, columns, strict=True))
    column_of["\x00"] = -1
    ids = np.fromiter(map(column_of.__getitem__, stream), dtype=np.int64, count=len(stream))
    is_break = ids < 0
    indices = ids[~is_break]
    indptr = np.zeros(n + 1, dtype=np.int64)
    if n:
        np.cumsum(np.bincount(np.cumsum(is_break)[~is_break], minlength=n), out=indptr[1:])
    counts = sparse.csr_matrix((np.ones(indices.size), indices, indptr), shape=(n, max(1, len(vocabulary))))
    counts.sum_duplicates()
    kinds = {kind: i for i, kind in enumerate(SECTION_KINDS)}
    section_kind = {s.index: kinds[s.kind] for s in doc.sections}
    return Features(
        vocabulary=vocabulary,
        counts=counts,
        position=np.arange(n, dtype=np.float64) / max(1, n - 1),
        words=word_counts(texts),
        section=np.fromiter((s.section for s in doc.sentences), dtype=np.int64, count=n),
        section_kind=np.fromiter((section_kind.get(s.section, kinds["other"]) for s in doc.sentences), dtype=np.int64, count=n),
        candidate=np.fromiter((s.candidate for s in doc.sentences), dtype=bool, count=n),
        language=lang,
    )
