"""Glue: article -> clean -> segment -> Document -> features -> score -> select -> Summary.

Every front end (CLI, batch, server, evaluation) calls these functions and nothing below them, so
they all produce the same summary for the same input and options.
"""

from __future__ import annotations

from typing import Any

from . import __version__
from .candidates import CandidateRules, bigrams, copies_abstract, rejection
from .clean import clean_text
from .errors import InputError
from .features import Features, compute_features
from .ingest import article_from_text
from .scorers import get_method
from .segment import sentence_spans
from .select import select
from .types import Article, Budget, Document, Section, Sentence, Summary


def build_document(article: Article, *, rules: CandidateRules = CandidateRules()) -> Document:
    """Clean and segment an article into a Document of sentences and sections."""
    start, end = article.body
    layout_headings = frozenset(int(a) for a, _ in article.meta.get("headings", ()))
    cleaned = clean_text(article.text, start, end, title=article.title, heading_starts=layout_headings)
    abstract = article.abstract or cleaned.abstract
    abstract_pairs = bigrams(abstract) if abstract else set()
    sentences: list[Sentence] = []
    first_of_section: dict[int, int] = {}
    last_of_section: dict[int, int] = {}
    for block in cleaned.blocks:
        for a, b in sentence_spans(block.text.text):
            text = block.text.text[a:b]
            raw_start, raw_end = block.text.span(a, b)
            candidate = rejection(text, rules) is None and not copies_abstract(text, abstract_pairs, rules)
            index = len(sentences)
            first_of_section.setdefault(block.section, index)
            last_of_section[block.section] = index
            sentences.append(Sentence(index, text, raw_start, raw_end, block.section, block.paragraph, candidate))
    if not sentences:
        raise InputError("has no body text left after cleaning (is it only a reference list or front matter?)")
    sections = tuple(
        Section(
            i, heading.title, heading.kind, first_of_section.get(i, len(sentences)), last_of_section.get(i, len(sentences) - 1)
        )
        for i, heading in enumerate(cleaned.headings)
    )
    meta = dict(article.meta)
    meta["removed"] = cleaned.removed
    if not article.abstract and cleaned.abstract:
        meta["abstract_from_text"] = True
    return Document(article.id, article.text, article.title, abstract, tuple(sentences), sections, meta)


def summarize_document(
    doc: Document,
    *,
    method: str = "auto",
    budget: Budget = Budget(),
    features: Features | None = None,
    **params: Any,
) -> Summary:
    """Score a document's sentences with `method` and select a summary within `budget`."""
    chosen = get_method(method)
    features = features if features is not None else compute_features(doc)
    scores = chosen.score(doc, features, **params)
    if chosen.choose is not None:  # a summary-level method picks a combination itself
        selection = chosen.choose(doc, features, scores, budget, **{**chosen.params, **params})
    else:
        selection = select(scores, features, budget, **chosen.selection)
    picked = tuple(doc.sentences[i] for i in selection.indices)
    return Summary(
        doc_id=doc.id,
        method=chosen.name,
        sentences=picked,
        scores=tuple(float(scores[i]) for i in selection.indices),
        budget=budget,
        params={**chosen.params, **params},
        version=__version__,
        over_budget=selection.over_budget,
    )


def summarize(
    text: str,
    *,
    method: str = "auto",
    words: int | None = 200,
    sentences: int | None = None,
    title: str = "",
    abstract: str = "",
    **params: Any,
) -> Summary:
    """Summarize an article given as a string (plain text or a record).

    >>> summary = summarize(open("examples/000_9c8af2bd0370aa32.txt").read(), words=100)  # doctest: +SKIP
    >>> print(summary.text)  # doctest: +SKIP
    """
    article = article_from_text(text, title=title, abstract=abstract)
    return summarize_document(build_document(article), method=method, budget=Budget(words, sentences), **params)
