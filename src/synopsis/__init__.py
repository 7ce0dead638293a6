"""synopsis: abstract-length extractive summaries of long scholarly articles.

    >>> import synopsis
    >>> summary = synopsis.summarize(article_text, words=200)   # doctest: +SKIP
    >>> summary.text, [(s.start, s.end) for s in summary.sentences]   # doctest: +SKIP

The pipeline reads top to bottom in the package: ingest -> clean -> segment -> candidates ->
features -> scorers -> select -> Summary (pipeline.py glues them), plus evaluate.
"""

from __future__ import annotations

from .errors import BudgetWarning, InputError, LanguageWarning, MethodError, SynopsisError, TextWarning
from .pipeline import build_document, summarize, summarize_document
from .scorers import DEFAULT_METHOD, METHODS
from .types import Article, Budget, Document, Section, Sentence, Summary
from .version import __version__

__all__ = [
    "DEFAULT_METHOD",
    "METHODS",
    "Article",
    "Budget",
    "BudgetWarning",
    "Document",
    "InputError",
    "LanguageWarning",
    "MethodError",
    "Section",
    "Sentence",
    "Summary",
    "SynopsisError",
    "TextWarning",
    "__version__",
    "build_document",
    "summarize",
    "summarize_document",
]
