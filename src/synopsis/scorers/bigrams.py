"""How likely each bigram of a document is to appear in its abstract: the reranker's view of ROUGE-2.

The summary reranker (`scorers.summary`) judged candidates by their sentence scores and coverage of
frequent terms, which predicted ROUGE-1 well and ROUGE-2 poorly (issue 14: no significant ROUGE-2
gain at 100 and 200 words). ROUGE-2 counts the abstract's bigrams, so this model estimates, for
every bigram type of the document, the probability that the abstract contains it, from where and
how often the document uses it (spread over sentences, first and last position, introduction and
conclusion, title), the sentence scores of the sentences holding it, stop words and the lexicon.
A candidate summary's expected abstract bigrams then give it a recall, a precision and an F, the
way supervised bigram-concept selection does (Li, Qian and Liu 2013), from our own features.

Bigrams are counted as ROUGE counts them: lower-cased alphanumeric tokens, stop words kept, words
longer than three letters Porter-stemmed (rouge-score's tokenizer), within one sentence. The
stemmer is PyStemmer's original Porter (a core dependency) where rouge-score uses NLTK's extended
one; they differ on a few words ("using"), about 3% of an article's bigram types, which only blurs
the estimate a little. Outside English: letters and digits of any script, the language's own
stemmer. Inference is a logistic function over a few numpy columns, vectorised over all bigram
types and candidates; `fit_bigram_model` (training only) uses scikit-learn.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from itertools import pairwise, repeat

import numpy as np
from numpy.typing import NDArray

from ..combinations import Candidates
from ..features import UNICODE_TOKEN, Features, analyzer
from ..language import ENGLISH
from ..tokens import joined, lower, numbered
from ..types import SECTION_KINDS, Document
from .logistic import Logistic
from .pieces import Pieces, Tokens, cut, document_pieces
from .structure import standardise

BIGRAM_MODEL_FORMAT = "synopsis-bigrams/1"
# rouge-score's tokens for English (runs of a-z and 0-9 in the lower-cased text), found by mapping
# every other byte to a space and splitting, in C: twice as fast as the regex `[a-z0-9]+` (the same
# tokens on all dev articles); NUL, the end-of-text mark, is kept as a token of its own.
_ROUGE_BYTES = bytes(b if b == 0 or 48 <= b <= 57 or 97 <= b <= 122 else 32 for b in range(256))
# Elsewhere letters and digits of any script, with their combining marks.
_UNICODE_TOKEN = re.compile(rf"{UNICODE_TOKEN.pattern}|\x00")
# rouge-score stems only words longer than this.
_STEM_ABOVE = 3
# Weight of a sentence in a bigram's `mass`: softmax of its standardised score (clipped, so one
# outlier cannot take all); sentences that cannot be picked count as this z-score.
_NOT_CANDIDATE_Z = -3.0
_Z_CLIP = 10.0
_INTRODUCTION = SECTION_KINDS.index("introduction")
_CONCLUSION = SECTION_KINDS.index("conclusion")


def bigram_feature_names() -> list[str]:
    """Columns of `DocumentBigrams.features`, in order (stored with every bigram model)."""
    return [
        "log_count",
        "log_sentences",
        "first",
        "last",
        "score_max",
        "score_mass",
        "introduction",
        "conclusion",
        "in_title",
        "title_words",
        "stop_words",
        "both_stop_words",
        "lexicon",
    ]


def candidate_bigram_names() -> list[str]:
    """The summary-feature columns `candidate_columns` adds (see `scorers.summary`)."""
    return ["bigram_expected", "bigram_recall", "bigram_precision", "bigram_f"]


@dataclass(frozen=True)
class DocumentBigrams:
    """The bigram occurrences of a document's sentences.

    `words` are the stemmed word types; occurrence k is the bigram type `kind[k]` in sentence
    `sentence[k]`; `pairs[t]` holds type t's first and second word (indices into `words`);
    `sentences` is the document's number of sentences.
    """

    words: tuple[str, ...]
    pairs: NDArray[np.int64]
    sentence: NDArray[np.int64]
    kind: NDArray[np.int64]
    sentences: int
    language: str

    @property
    def types(self) -> int:
        return len(self.pairs)

    @cached_property
    def index(self) -> dict[str, int]:
        return {w: i for i, w in enumerate(self.words)}

    @cached_property
    def stop_word(self) -> NDArray[np.bool_]:
        """Whether each word is a stop word of the document's language."""
        return np.fromiter(map(_stop_stems(self.language).__contains__, self.words), dtype=bool, count=len(self.words))

    @cached_property
    def once(self) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
        """(type, sentence) of each type's occurrences, each sentence once, sorted by type then sentence."""
        n = max(1, self.sentences)
        code = np.sort(self.kind * n + self.sentence)  # sorted, then duplicates dropped: np.unique costs 3x
        code = code[np.r_[True, code[1:] != code[:-1]]] if len(code) else code
        return code // n, code % n

    @cached_property
    def spread(self) -> NDArray[np.int64]:
        """How many sentences hold each type."""
        return np.bincount(self.once[0], minlength=self.types)

    @cached_property
    def _starts(self) -> NDArray[np.int64]:
        kind = self.once[0]
        return np.flatnonzero(np.r_[True, kind[1:] != kind[:-1]]) if len(kind) else np.zeros(0, dtype=np.int64)

    @property
    def first(self) -> NDArray[np.int64]:
        """The first sentence holding each type (`once` is sorted: its first row per type)."""
        return self.once[1][self._starts]

    @property
    def last(self) -> NDArray[np.int64]:
        """The last sentence holding each type (`once`'s row before the next type's first)."""
        return self.once[1][np.r_[self._starts[1:], len(self.once[1])] - 1] if self.types else np.zeros(0, dtype=np.int64)

    def in_rows(self, rows: NDArray[np.int64]) -> NDArray[np.bool_]:
        """Per sentence, whether it is one of `rows` (a lookup table: `table[sentence]` marks the
        occurrences in those rows, cheaper than `np.isin` over all occurrences)."""
        table = np.zeros(self.sentences, dtype=bool)
        table[rows] = True
        return table

    def frequent(self, limit: int) -> NDArray[np.int64]:
        """The `limit` types without a stop word or a one-letter word that the most sentences hold
        (more than one), ties by first sentence, then by type."""
        a, b = self.pairs[:, 0], self.pairs[:, 1]
        short = np.fromiter(map(len, self.words), dtype=np.int64, count=len(self.words)) < 2
        content = np.flatnonzero(~(self.stop_word[a] | self.stop_word[b] | short[a] | short[b]) & (self.spread > 1))
        # Only the content types sorted (a tenth of them or fewer): the same order among them.
        return content[np.lexsort((content, self.first[content], -self.spread[content]))][:limit]

    def words_of(self, text: str) -> list[int]:
        """The word indices of `text`'s tokens, -1 for a word the document does not have."""
        index = self.index
        return [index.get(w, -1) for w in _stemmed(_tokens(text, self.language), self.language)]

    def keys(self, text: str) -> NDArray[np.int64]:
        """The bigram types of `text` (a title, an abstract) among this document's, as type indices."""
        return self._types_of(self.words_of(text))

    def _types_of(self, ids: list[int]) -> NDArray[np.int64]:
        """The bigram types of a text given as `words_of` word indices."""
        found = {(a, b) for a, b in pairwise(ids) if a >= 0 and b >= 0}
        if not found or not self.types:
            return np.zeros(0, dtype=np.int64)
        wanted = np.array(sorted(found), dtype=np.int64)
        code = self.pairs[:, 0] * len(self.words) + self.pairs[:, 1]
        return np.flatnonzero(np.isin(code, wanted[:, 0] * len(self.words) + wanted[:, 1]))

    def features(
        self, doc: Document, features: Features, scores: NDArray[np.float64], lexicon: dict[str, float]
    ) -> NDArray[np.float64]:
        """One row per bigram type, columns as `bigram_feature_names()`."""
        n = max(1, features.n)
        t = self.types
        count = np.bincount(self.kind, minlength=t).astype(np.float64)
        # Each (type, sentence) once: spread, positions, scores and sections count sentences.
        kind, sentence = self.once
        spread = self.spread.astype(np.float64)
        first, last = self.first, self.last
        z = np.where(features.candidate, standardise(scores, features.candidate), _NOT_CANDIDATE_Z)
        best = np.maximum.reduceat(z[sentence], self._starts) if t else np.zeros(0)  # `once` is sorted by type
        weight = np.exp(np.clip(z, -_Z_CLIP, _Z_CLIP))
        weight /= weight.sum()
        mass = np.bincount(kind, weights=weight[sentence], minlength=t)
        section = features.section_kind[sentence]
        introduction = np.bincount(kind, weights=section == _INTRODUCTION, minlength=t)
        conclusion = np.bincount(kind, weights=section == _CONCLUSION, minlength=t)
        title_ids = self.words_of(doc.title)  # tokenized and stemmed once for both title columns
        in_title = np.zeros(t)
        in_title[self._types_of(title_ids)] = 1.0
        title_word = np.zeros(len(self.words))
        title_word[[i for i in title_ids if i >= 0]] = 1.0
        stop = self.stop_word.astype(np.float64)
        lexicon_of = (
            np.fromiter(map(lexicon.get, self.words, repeat(0.0)), dtype=np.float64, count=len(self.words))
            if lexicon
            else np.zeros(len(self.words))
        )
        a, b = self.pairs[:, 0], self.pairs[:, 1]
        return np.column_stack(
            [
                np.log1p(count),
                np.log1p(spread),
                first / n,
                last / n,
                best,
                np.log(mass + 1e-6),
                np.log1p(introduction),
                np.log1p(conclusion),
                in_title,
                title_word[a] + title_word[b],
                stop[a] + stop[b],
                stop[a] * stop[b],
                lexicon_of[a] + lexicon_of[b],
            ]
        )


def _tokens(text: str, language: str) -> list[str]:
    """ROUGE's tokens of `text` (lower-cased here), NUL kept as a token of its own."""
    if language != ENGLISH:
        return _UNICODE_TOKEN.findall(lower(text, language))
    ascii_text = text.lower().replace("\x00", " \x00 ").encode("ascii", "replace")
    return ascii_text.translate(_ROUGE_BYTES).decode("ascii").split()


def _stemmed(tokens: list[str], language: str, *, distinct: bool = False) -> list[str]:
    """ROUGE's stemming: Porter for English words longer than three letters; the language's own
    stemmer (or none) elsewhere. `distinct`: the tokens are known to differ (no need to drop repeats)."""
    words = analyzer(language)
    if words.stemmer is None:
        return tokens
    unique = [t for t in (tokens if distinct else dict.fromkeys(tokens)) if len(t) > _STEM_ABOVE]
    stems = dict(zip(unique, words.stem(unique), strict=True))
    return list(map(stems.get, tokens, tokens))


@cache
def _stop_stems(language: str) -> frozenset[str]:
    return frozenset(_stemmed(sorted(analyzer(language).stop_words), language))


def document_bigrams(doc: Document, language: str = ENGLISH, pieces: Pieces | None = None) -> DocumentBigrams:
    """Every sentence's bigrams, numbered, from one pass over the document's text.

    In English the tokens come from the sentences' word pieces (`scorers.pieces`; `pieces` when the
    caller has them, as the reranker does): a piece of letters and digits is one token, any other
    is split as `_tokens` splits text. Each token is mapped to its stem's number (stems numbered by
    the first appearance of a token, the NUL end-of-text mark among them)."""
    if language == ENGLISH:
        if pieces is None or pieces.language != ENGLISH or pieces.texts != len(doc.sentences):
            pieces = cut([s.text for s in doc.sentences], ENGLISH)
        found = pieces.tokens(pieces.ascii & ~pieces.with_underscore(), _rouge_tokens)
    else:
        numbered_tokens = numbered(_tokens(joined([s.text for s in doc.sentences]), language))
        names = list(numbered_tokens.numbers)
        found = Tokens(names, numbered_tokens.tokens, numbered_tokens.text, np.arange(len(names)))
    tokens = list(dict.fromkeys(map(found.names.__getitem__, found.seen.tolist())))  # by first appearance
    stems = _stemmed(tokens, language, distinct=True)
    distinct = dict.fromkeys(stems)
    number = dict(zip(distinct, range(len(distinct)), strict=True))
    word_of = dict(zip(tokens, map(number.__getitem__, stems), strict=True))
    ids = np.fromiter(map(word_of.get, found.names, repeat(-1)), dtype=np.int64, count=len(found.names))[found.ids]
    text = found.text
    same = text[1:] == text[:-1]
    width = max(1, len(number))
    types, kind = np.unique((ids[:-1] * width + ids[1:])[same], return_inverse=True)
    pairs = np.stack([types // width, types % width], axis=1).astype(np.int64)
    bigrams = DocumentBigrams(tuple(number), pairs, text[1:][same], kind.astype(np.int64).ravel(), len(doc.sentences), language)
    bigrams.__dict__["index"] = number  # `index` as it would build it: the same numbering
    return bigrams


def _rouge_tokens(piece: str) -> list[str]:
    """ROUGE's tokens of a lower-cased piece of text that holds no NUL (`_tokens` without its NUL mark)."""
    return piece.encode("ascii", "replace").translate(_ROUGE_BYTES).decode("ascii").split()


class BigramModel(Logistic):
    """Logistic regression: P(bigram in abstract) = sigmoid(((x - mean) / scale) @ weights + intercept)."""

    FORMAT = BIGRAM_MODEL_FORMAT
    WHAT = "bigram model"

    @classmethod
    def feature_names(cls) -> list[str]:
        return bigram_feature_names()


@dataclass(frozen=True)
class ExpectedBigrams:
    """A document's bigram occurrences with each type's probability of being in the abstract
    (None without a bigram model)."""

    bigrams: DocumentBigrams
    probability: NDArray[np.float64] | None

    def per_sentence(self) -> NDArray[np.float64] | None:
        """Each sentence's expected number of abstract bigram types (each type once per sentence)."""
        if self.probability is None:
            return None
        kind, sentence = self.bigrams.once
        return np.bincount(sentence, weights=self.probability[kind], minlength=self.bigrams.sentences).astype(np.float64)


def expected_bigrams(
    model: BigramModel | None, doc: Document, features: Features, scores: NDArray[np.float64], lexicon: dict[str, float]
) -> ExpectedBigrams:
    """The document's bigrams with the model's probabilities (none without a model)."""
    pieces = document_pieces(doc, features) if features.language == ENGLISH else None
    bigrams = document_bigrams(doc, features.language, pieces)
    if model is None:
        return ExpectedBigrams(bigrams, None)
    return ExpectedBigrams(bigrams, model.probabilities(bigrams.features(doc, features, scores, lexicon)))


def candidate_columns(expected: ExpectedBigrams | None, candidates: Candidates) -> NDArray[np.float64]:
    """Per candidate: the expected number of abstract bigrams it contains (each type once), that
    over all the document's expected ones (recall), over its own bigram occurrences (precision),
    and their F. Zeros without a model."""
    rows = len(candidates.members)
    if expected is None or expected.probability is None or expected.bigrams.types == 0:
        return np.zeros((rows, len(candidate_bigram_names())))
    bigrams, p = expected.bigrams, expected.probability
    top = candidates.sentences
    at = bigrams.in_rows(top)[bigrams.sentence]
    row = np.searchsorted(top, bigrams.sentence[at])
    # Which top sentences hold each type, as bits (top has at most MAX_TOP = 16 sentences). Types
    # held by the same sentences are covered together: their probabilities are summed per bit
    # pattern, a few dozen patterns instead of hundreds of types per candidate.
    held_by = np.zeros(bigrams.types, dtype=np.int64)
    np.bitwise_or.at(held_by, bigrams.kind[at], np.left_shift(1, row))
    held = np.flatnonzero(held_by)
    patterns, pattern = np.unique(held_by[held], return_inverse=True)
    weight = np.bincount(pattern.ravel(), weights=p[held], minlength=len(patterns))
    bits = candidates.members @ np.left_shift(1, np.arange(len(top), dtype=np.int64))
    found = ((bits[:, None] & patterns[None, :]) != 0) @ weight
    occurrences = candidates.members @ np.bincount(row, minlength=len(top)).astype(np.float64)
    total = p.sum()
    recall = found / total if total > 0 else np.zeros(rows)
    precision = found / np.maximum(occurrences, 1.0)
    both = recall + precision
    f = np.divide(2 * recall * precision, both, out=np.zeros(rows), where=both > 0)
    return np.column_stack([found, recall, precision, f])


# Training (scikit-learn, `synopsis[train]`): negatives per positive kept per document, so that the
# many bigrams no abstract uses do not swamp the few it does; the seed makes the sample reproducible.
NEGATIVES_PER_POSITIVE = 5
MIN_NEGATIVES = 100
BIGRAM_C = 1.0


def fit_bigram_model(
    documents: list[tuple[Document, Features, NDArray[np.float64], str]], lexicon: dict[str, float], *, seed: int = 0
) -> BigramModel:
    """Logistic regression of "this bigram type occurs in the abstract" over (doc, features, sentence
    scores, abstract) of the training documents; deterministic for the same input."""
    rng = np.random.default_rng(seed)
    xs, ys = [], []
    for doc, features, scores, abstract in documents:
        bigrams = document_bigrams(doc, features.language)
        if not bigrams.types:
            continue
        x = bigrams.features(doc, features, scores, lexicon)
        y = np.zeros(bigrams.types)
        y[bigrams.keys(abstract)] = 1.0
        positive = np.flatnonzero(y)
        negative = np.flatnonzero(y == 0)
        sample = min(len(negative), NEGATIVES_PER_POSITIVE * max(len(positive), MIN_NEGATIVES // NEGATIVES_PER_POSITIVE))
        keep = np.concatenate([positive, np.sort(rng.choice(negative, sample, replace=False))])
        xs.append(x[keep])
        ys.append(y[keep])
    return BigramModel.fit(xs, ys, c=BIGRAM_C, max_iter=5000, scale_of=_nonzero_std)


def _nonzero_std(x: NDArray[np.float64]) -> NDArray[np.float64]:
    """Each column's standard deviation, 1 where a column is constant."""
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    return scale
