"""ROUGE-1, ROUGE-2 and ROUGE-Lsum, exactly as the `rouge-score` package computes them.

We do not reimplement ROUGE: every published number depends on details (tokenizer, NLTK's Porter
stemmer with its extensions, clipping, summary-level LCS), so the numbers come from the reference
implementation itself, `rouge-score` with `use_stemmer=True`, or from `rouge-score-rs`, a native
port that tests/evaluate/test_rouge.py proves gives the same numbers on real pairs (it is the
default because it is ~20x faster; set SYNOPSIS_ROUGE_BACKEND=rouge-score to force the original).

What is ours is the protocol around the scorer (docs/evaluation.md):
- a prediction is cut to its first `words` whitespace-separated words before scoring;
- prediction and reference are split into sentences with our segmenter (a prediction that comes
  as a list of sentences keeps them) and joined with "\\n", which is how rouge-score finds the
  sentences for ROUGE-Lsum (with `split_summaries=False`);
- outside English, rouge-score's tokenizer is wrong (it keeps only [a-z0-9]: "größere" becomes
  "gr ere"), so the scorer gets `UnicodeTokenizer`: letters and digits of any script, lower-cased,
  words longer than 3 characters stemmed by the language's Snowball stemmer (none for a language
  we do not support), as rouge-score stems only those. Chosen by the document's language and
  named in every report (`tokenizer_description`).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import Stemmer

from ..errors import MissingExtra, SynopsisError
from ..features import UNICODE_TOKEN
from ..language import ENGLISH, get_language
from ..segment import sentence_spans
from ..tokens import lower

METRICS: tuple[str, ...] = ("rouge1", "rouge2", "rougeLsum")
METRIC_LABELS: dict[str, str] = {"rouge1": "R1", "rouge2": "R2", "rougeLsum": "RLsum"}
BACKENDS: tuple[str, ...] = ("rouge-score-rs", "rouge-score")


@dataclass(frozen=True, slots=True)
class Rouge:
    """Precision, recall and F1 of one ROUGE metric for one summary."""

    precision: float
    recall: float
    fmeasure: float


ZERO = Rouge(0.0, 0.0, 0.0)


@dataclass(frozen=True, slots=True)
class RougeScores:
    """ROUGE-1, ROUGE-2 and ROUGE-Lsum of one summary against its reference."""

    rouge1: Rouge
    rouge2: Rouge
    rougeLsum: Rouge

    def get(self, metric: str) -> Rouge:
        return {"rouge1": self.rouge1, "rouge2": self.rouge2, "rougeLsum": self.rougeLsum}[metric]

    def f1(self) -> tuple[float, float, float]:
        return (self.rouge1.fmeasure, self.rouge2.fmeasure, self.rougeLsum.fmeasure)


FAILED = RougeScores(ZERO, ZERO, ZERO)


@dataclass(frozen=True)
class Backend:
    """The ROUGE implementation in use: its name and version go into every report."""

    name: str
    version: str
    score: Callable[[str, str], dict[str, Any]]
    tokenize: Callable[[str], list[str]]


@lru_cache(maxsize=4)
def get_backend(name: str | None = None) -> Backend:
    """rouge-score-rs when installed, else rouge-score; `name` (or SYNOPSIS_ROUGE_BACKEND) forces one."""
    wanted = name or os.environ.get("SYNOPSIS_ROUGE_BACKEND") or None
    if wanted is not None and wanted not in BACKENDS:
        raise SynopsisError(f"unknown ROUGE backend {wanted!r}; choose one of {', '.join(BACKENDS)}")
    errors: list[str] = []
    for candidate in (wanted,) if wanted else BACKENDS:
        try:
            return _load(candidate)
        except ImportError as err:
            errors.append(f"{candidate}: {err}")
    raise MissingExtra("ROUGE scoring", "eval", "; ".join(errors))


def _load(name: str) -> Backend:
    from importlib.metadata import version

    if name == "rouge-score-rs":
        import rouge_score_rs
        from rouge_score_rs.tokenizers import DefaultTokenizer as RsTokenizer

        rs_scorer = rouge_score_rs.RougeScorer(list(METRICS), use_stemmer=True)
        return Backend(name, version(name), rs_scorer.score, RsTokenizer(use_stemmer=True).tokenize)
    from rouge_score import rouge_scorer
    from rouge_score.tokenizers import DefaultTokenizer

    py_scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    return Backend(name, version("rouge-score"), py_scorer.score, DefaultTokenizer(use_stemmer=True).tokenize)


class UnicodeTokenizer:
    """rouge-score's tokenizer contract for any language: letters of any script kept, Snowball stems."""

    def __init__(self, lang: str) -> None:
        language = get_language(lang)
        self.lang = lang
        self.stemmer = Stemmer.Stemmer(language.stemmer) if language.stemmer else None
        self.description = (
            f"synopsis UnicodeTokenizer: letters and digits of any script, lower-cased, {language.stemmer} Snowball stemmer"
            if self.stemmer is not None
            else "synopsis UnicodeTokenizer: letters and digits of any script, lower-cased, no stemming (unsupported language)"
        )

    def tokenize(self, text: str) -> list[str]:
        tokens = UNICODE_TOKEN.findall(lower(text, self.lang))
        if self.stemmer is None:
            return tokens
        stem = self.stemmer.stemWord
        return [stem(t) if len(t) > 3 else t for t in tokens]


def tokenizer_description(lang: str = ENGLISH, *, backend: str | None = None) -> str:
    """What tokenizes ROUGE input in `lang`: stated in every report."""
    if lang == ENGLISH:
        return f"{get_backend(backend).name} default tokenizer: [a-z0-9]+ lower-cased, Porter stemmer (rouge-score's)"
    return UnicodeTokenizer(lang).description


@lru_cache(maxsize=16)
def _language_backend(name: str | None, lang: str) -> Backend:
    """`get_backend(name)` for English; the same package with `UnicodeTokenizer(lang)` otherwise."""
    base = get_backend(name)
    if lang == ENGLISH:
        return base
    tokenizer = UnicodeTokenizer(lang)
    if base.name == "rouge-score-rs":
        import rouge_score_rs

        scorer: Any = rouge_score_rs.RougeScorer(list(METRICS), tokenizer=tokenizer)
    else:
        from rouge_score import rouge_scorer

        scorer = rouge_scorer.RougeScorer(list(METRICS), tokenizer=tokenizer)
    return Backend(base.name, base.version, scorer.score, tokenizer.tokenize)


def split_sentences(text: str) -> list[str]:
    """Sentences of `text` by our segmenter, each on one line (inner line breaks become spaces)."""
    return [" ".join(text[a:b].split()) for a, b in sentence_spans(text)]


def truncate(sentences: Sequence[str], words: int | None) -> list[str]:
    """The first `words` whitespace-separated words, keeping sentence boundaries (None: no limit)."""
    if words is None:
        return [s for s in (" ".join(s.split()) for s in sentences) if s]
    out: list[str] = []
    left = words
    for sentence in sentences:
        tokens = sentence.split()
        if not tokens:
            continue
        if left <= 0:
            break
        out.append(" ".join(tokens[:left]))
        left -= len(tokens)
    return out


def rouge_tokens(text: str, *, backend: str | None = None, lang: str = ENGLISH) -> list[str]:
    """rouge-score's tokens of `text`: lower-cased, split on non-[a-z0-9], Porter-stemmed (NLTK).

    Outside English: `UnicodeTokenizer`'s tokens.
    """
    return _language_backend(backend, lang).tokenize(text)


def score_sentences(
    reference: Sequence[str], prediction: Sequence[str], *, backend: str | None = None, lang: str = ENGLISH
) -> RougeScores:
    """ROUGE of a prediction against a reference, both already split into sentences."""
    raw = _language_backend(backend, lang).score("\n".join(reference), "\n".join(prediction))
    return RougeScores(*(Rouge(float(raw[m].precision), float(raw[m].recall), float(raw[m].fmeasure)) for m in METRICS))


def score_summary(
    reference: str,
    prediction: str | Sequence[str],
    *,
    words: int | None = 200,
    backend: str | None = None,
    lang: str = ENGLISH,
) -> RougeScores:
    """Score a summary by the protocol: split (unless given as sentences), truncate, then ROUGE.

    >>> score_summary("The cat sat on the mat.", "A cat sat on a mat.").rouge1.fmeasure  # doctest: +SKIP
    """
    sentences = split_sentences(prediction) if isinstance(prediction, str) else list(prediction)
    return score_sentences(split_sentences(reference), truncate(sentences, words), backend=backend, lang=lang)
