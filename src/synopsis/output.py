"""Render a Summary (or an extracted Article) as text, JSON or a record; one place, used by every front end."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from typing import Any

from .clean import Cleaned
from .errors import UNPRINTABLE, InputError, escape_unprintable
from .ingest.record import RecordLayout, render_record
from .types import Article, Document, Summary

OUTPUTS = ("text", "json", "record", "scores")


def summary_to_dict(summary: Summary, doc: Document | None = None) -> dict[str, Any]:
    """The JSON form: spans are character offsets into the original input (file or JSONL field)."""
    out: dict[str, Any] = {
        "id": summary.doc_id,
        "method": summary.method,
        "version": summary.version,
        "budget": summary.budget.as_dict(),
        "words": summary.words,
        "over_budget": summary.over_budget,
        "params": summary.params,
        "sentences": [
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "score": round(score, 6),
                "section": s.section,
                "text": s.text,
            }
            for s, score in zip(summary.sentences, summary.scores, strict=True)
        ],
    }
    if doc is not None:
        out["language"] = doc.meta.get("language", "en")
        # An unsupported language (or not the one asked for), missing sentence punctuation and a PDF's
        # pages left unread (scanned, glyph codes): one field, so that batch rows, API responses and
        # JSON output keep one shape.
        warnings = [w for w in (*document_warnings(doc), *doc.meta.get("pdf_warnings", ())) if w]
        if warnings:
            out["warning"] = "; ".join(warnings)
        out["document"] = {
            "sentences": len(doc.sentences),
            "candidates": sum(s.candidate for s in doc.sentences),
            "sections": [s.title for s in doc.sections if s.title],
            "removed": doc.meta.get("removed", {}),  # by reason; `synopsis extract -o json` lists each
        }
        source = doc.meta.get("input")
        if source:
            out["input"] = source
        if summary.over_budget:
            out["note"] = "no whole sentence fits the word budget; the shortest best sentence is returned"
    return out


def document_warnings(doc: Document) -> list[str]:
    """What a user must hear about how a document was read: a language read with neutral settings,
    a text whose words stand mostly in sentences too long for a summary (its punctuation missing),
    a record's text before its first header (read as no section)."""
    found = (doc.meta.get("language_warning"), doc.meta.get("text_warning"), doc.meta.get("record_warning"))
    return [w for w in found if w]


def over_budget_warning(summary: Summary) -> str | None:
    """The warning for a summary longer than its word budget (None when it is within it): a user
    who asked for 50 words and got 20,000 must hear why, and by how much, not only from JSON."""
    limit = summary.budget.words
    if not summary.over_budget or limit is None:
        return None
    words = summary.words
    return (
        f"summary is over the {limit:,}-word budget: no whole sentence fits it, and the shortest one, "
        f"returned instead, has {words:,} words ({words - limit:,} over); sentences are never cut"
    )


def render_json(summary: Summary, doc: Document | None = None) -> str:
    return json.dumps(summary_to_dict(summary, doc), ensure_ascii=False)


def scores_payload(summary: Summary, doc: Document, scores: Sequence[float], *, source: str) -> dict[str, Any]:
    """The summary and every sentence's score: the server's response (which adds its time) and
    `summarize -o scores`, for a user who wants the full ranking, not only the chosen sentences."""
    return {"summary": summary_to_dict(summary, doc), "document": document_to_dict(doc, scores, source=source)}


def render_scores(summary: Summary, doc: Document, scores: Sequence[float], *, source: str) -> str:
    return json.dumps(scores_payload(summary, doc, scores, source=source), ensure_ascii=False, allow_nan=False)


def document_to_dict(doc: Document, scores: Sequence[float], *, source: str) -> dict[str, Any]:
    """The cleaned document: every sentence (with its span, candidacy, the reason it is no candidate
    and its score under the method) and every section, as the server's response and `summarize -o
    scores` give it; None for a score that is not finite (a sentence no method may choose)."""
    return {
        "id": doc.id,
        "title": doc.title,
        "abstract": doc.abstract,
        "format": str(doc.meta.get("format", "text")),
        "source": source,
        "characters": len(doc.text),
        "sentences": [
            {
                "index": s.index,
                "start": s.start,
                "end": s.end,
                "text": s.text,
                "section": s.section,
                "paragraph": s.paragraph,
                "candidate": s.candidate,
                "not_candidate": s.not_candidate,  # why not (docs/methods.md), null for a candidate
                "score": round(score, 6) if math.isfinite(score) else None,
            }
            for s, score in zip(doc.sentences, scores, strict=True)
        ],
        "sections": [
            {"index": s.index, "title": s.title, "kind": s.kind, "first": s.first, "last": s.last} for s in doc.sections
        ],
    }


def render_text(summary: Summary) -> str:
    """One sentence a line, each as `printable_line` writes it: cleaning makes C0 controls spaces,
    but DEL, the C1 controls (U+009B is a terminal's CSI, as ESC [ is) and the bidirectional
    overrides stay in a sentence's text, and this output goes to a terminal. JSON keeps them.
    The embeddings and isolates that mark a right-to-left run inside a line (U+202A-202C,
    U+2066-2069, as word processors export Arabic or Hebrew names) are text, printed as they are:
    a line's end closes them (a review: they were escaped)."""
    return "\n".join(printable_line(s.text, keep=BIDI_RUNS) for s in summary.sentences)


# Bidirectional embeddings and isolates: they order a run of a line and end with it.
BIDI_RUNS = "\u202a\u202b\u202c\u2066\u2067\u2068\u2069"


def printable_line(text: str, *, keep: str = "") -> str:
    """`text` as one printable line: `errors.UNPRINTABLE` characters not in `keep` escaped as JSON
    escapes them (a newline as \\n, ESC as \\u001b) and a backslash doubled where anything was, so
    that the line stays one line and the same text always prints the same."""
    if all(char in keep for char in UNPRINTABLE.findall(text)):
        return text
    return escape_unprintable(text.replace("\\", "\\\\"), keep=keep)


def printable_id(doc_id: str) -> str:
    """An article id as one printable line (`printable_line`)."""
    return printable_line(doc_id)


def id_heading(doc_id: str) -> str:
    """The `# id` line that starts an article's part of text output (several articles, or JSONL)."""
    return f"# {printable_id(doc_id)}"


def render_as_record(summary: Summary, doc: Document) -> str:
    """The input record with PREDICTION filled in and every other byte unchanged.

    A plain-text input becomes a new record (ABSTRACT empty, FULL TEXT the text as given), which
    is how a user builds a dataset from loose text files.
    """
    prediction = " ".join(s.text for s in summary.sentences)
    fmt = doc.meta.get("format")
    if fmt == "record":
        layout = doc.meta["layout"]
        assert isinstance(layout, RecordLayout)
        return render_record(doc.text, layout, prediction)
    if fmt in ("text", "pdf"):
        return f"ABSTRACT: \n{doc.abstract} \n \nPREDICTION: \n{prediction} \n \nFULL TEXT: \n{_body(doc)}"
    raise InputError(record_output_refusal(fmt), source=doc.meta.get("input"))


def record_output_refusal(fmt: object) -> str:
    """Why an input of format `fmt` gets no record output: one record is written per record, plain
    text or PDF; the articles of a JSONL or JSON corpus (both read as format "jsonl") have none."""
    what = "a corpus (JSONL or JSON)" if fmt == "jsonl" else str(fmt)
    return f"the record output needs a record, a plain-text or a PDF input, not {what}"


def _body(doc: Document) -> str:
    body = doc.meta.get("body")
    return doc.text if body is None else doc.text[body[0] : body[1]]


# --- extraction (`synopsis extract`): the article as ingest found it, before summarizing --------
def article_body(article: Article) -> str:
    """The article's full text as a record's FULL TEXT holds it (for a PDF: the extracted body)."""
    start, end = article.body
    return article.text[start:end].strip("\n")


def article_to_dict(
    article: Article, language: str | None = None, cleaned: Cleaned | None = None, warning: str | None = None
) -> dict[str, Any]:
    """The JSON form of an extraction; `text` is what spans of a summary of it point into. With
    `cleaned`, a "cleaning" part says what cleaning makes of the body: the abstract and headings it
    finds, and every removal with its reason, span of `text` and the text removed. `warning` is the
    language's, as a summary's JSON has it (not supported, or not what the text reads as)."""
    start, end = article.body
    out: dict[str, Any] = {
        "id": article.id,
        "input": article.meta.get("input"),
        "format": article.meta.get("format"),
        **({"language": language} if language is not None else {}),
        **({"warning": warning} if warning else {}),
        "title": article.title,
        "abstract": article.abstract,
        "body": {"start": start, "end": end},
        "text": article.text,
    }
    if "pages" in article.meta:
        out["pages"] = article.meta["pages"]
    headings = article.meta.get("headings")
    if headings is not None:
        out["headings"] = [{"start": a, "end": b, "text": article.text[a:b]} for a, b in headings]
    for key, name in (
        ("abstract_parts", "abstract_parts"),
        ("footnotes", "footnotes"),
        ("pdf_removed", "removed"),
        ("removed_text", "removed_text"),
    ):
        if key in article.meta:
            out[name] = article.meta[key]
    if cleaned is not None:
        out["cleaning"] = cleaning_to_dict(cleaned, article.text)
    return out


def cleaning_to_dict(cleaned: Cleaned, text: str) -> dict[str, Any]:
    """What cleaning found and removed, spans as offsets into `text` (the input)."""
    return {
        "abstract": cleaned.abstract,
        "headings": [{"start": h.start, "end": h.end, "text": h.title, "kind": h.kind} for h in cleaned.headings if h.title],
        "removed": cleaned.removed,
        "removed_text": [
            {"reason": r.reason, "start": r.start, "end": r.end, "text": text[r.start : r.end]} for r in cleaned.removals
        ],
    }


def render_article_record(article: Article) -> str:
    """A new record: ABSTRACT the author abstract, PREDICTION empty, FULL TEXT the body."""
    return f"ABSTRACT: \n{article.abstract} \n \nPREDICTION: \n \n \nFULL TEXT: \n{article_body(article)}\n"
