"""One summarize request, as it runs in a worker: input -> Article -> Document -> Summary -> JSON.

This module is what the worker processes import, so it holds plain data in and bytes out: a `Job`
(picklable), and either the response body (JSON, serialised in the worker so the event loop does
not pay for it) or a `JobFailure` saying which status to answer with. It calls the same library
functions as the CLI, so the page shows the summary `synopsis summarize` prints.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import math
import time
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from ..errors import InputError, MethodError
from ..features import compute_features
from ..ingest import article_from_text, detect_format
from ..ingest.decode import decode
from ..output import summary_to_dict
from ..pipeline import build_document, summarize_document
from ..scorers import get_method
from ..types import Article, Budget, Document

PASTED = "pasted text"
# Uploads we read: plain text and records (any of these extensions, or none) and PDF.
TEXT_SUFFIXES = frozenset({"", ".txt", ".text", ".md", ".rst", ".record"})
# What people drop by mistake, named so that the answer says what it is.
BINARY_SIGNATURES = {
    b"PK\x03\x04": "a ZIP archive (a .docx, .odt or .epub?)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file (.doc?)",
    b"{\\rtf": "an RTF document",
}


@dataclass(frozen=True, slots=True)
class Job:
    """What a worker needs: pasted `text`, or an uploaded file's `data` and `filename` (a label only)."""

    method: str
    words: int | None
    sentences: int | None
    max_text_chars: int
    title: str = ""
    abstract: str = ""
    text: str | None = None
    data: bytes | None = None
    filename: str = ""
    encoding: str | None = None
    lang: str = "auto"

    @property
    def budget(self) -> Budget:
        """The CLI's rule: 200 words unless a sentence limit is given."""
        return Budget(self.words if self.words is not None or self.sentences is not None else 200, self.sentences)


@dataclass(frozen=True, slots=True)
class JobFailure:
    """A request that cannot be summarized, with the HTTP status that says why."""

    status: int
    message: str


class _Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def run_job(job: Job) -> bytes | JobFailure:
    """Summarize `job`; the response body as UTF-8 JSON, or the failure to report."""
    started = time.perf_counter()
    source = job.filename if job.text is None else PASTED
    try:
        article = _article(job)
        if len(article.text) > job.max_text_chars:
            raise _Refused(
                413, f"{source}: the text is {len(article.text):,} characters, over the limit of {job.max_text_chars:,}"
            )
        doc = build_document(article, lang=job.lang)
        features = compute_features(doc)
        # Every sentence's score, for the page's score shading. summarize_document keeps only the
        # chosen ones, so this scores twice (about 15% more time on dev articles) rather than
        # repeating the pipeline's score -> select glue here.
        scores = get_method(job.method, language=doc.meta["language"]).score(doc, features)
        summary = summarize_document(doc, method=job.method, budget=job.budget, features=features)
    except _Refused as err:
        return JobFailure(err.status, err.message)
    except InputError as err:
        return JobFailure(400, str(err if err.source else err.at(source)).replace("with --encoding", "with the encoding field"))
    except MethodError as err:
        return JobFailure(422, str(err))
    payload = {
        "summary": summary_to_dict(summary, doc),
        "document": document_to_dict(doc, [float(s) for s in scores], source=source),
        "seconds": round(time.perf_counter() - started, 4),
    }
    return json.dumps(payload, ensure_ascii=False, allow_nan=False).encode("utf-8")


def document_to_dict(doc: Document, scores: list[float], *, source: str) -> dict[str, Any]:
    """The cleaned document: every sentence (with its span and score) and every section."""
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
                "score": round(score, 6) if math.isfinite(score) else None,
            }
            for s, score in zip(doc.sentences, scores, strict=True)
        ],
        "sections": [
            {"index": s.index, "title": s.title, "kind": s.kind, "first": s.first, "last": s.last} for s in doc.sections
        ],
    }


def _article(job: Job) -> Article:
    if job.text is not None:
        return article_from_text(job.text, doc_id="pasted", title=job.title, abstract=job.abstract, source=PASTED)
    assert job.data is not None
    return _with_overrides(_article_from_upload(job.data, job.filename, encoding=job.encoding), job)


def _article_from_upload(data: bytes, filename: str, *, encoding: str | None) -> Article:
    """An uploaded file's article; the name only picks the format and labels errors, it is never opened."""
    suffix = PurePosixPath(filename.lower()).suffix
    stem = safe_stem(filename)
    if not data:
        raise InputError("is empty", source=filename)
    fmt = detect_format(filename, data[:65536])
    if fmt == "pdf":
        return _read_pdf(data, filename)
    if fmt == "jsonl":
        raise _Refused(
            415,
            f"{filename}: is JSONL, a corpus of articles; the server summarizes one article per request "
            "(use `synopsis summarize FILE.jsonl` for corpora)",
        )
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise _Refused(415, f"{filename}: is {what}, not text; upload a .txt, record or .pdf file")
    if suffix not in TEXT_SUFFIXES:
        raise _Refused(415, f"{filename}: unsupported file type {suffix!r}; upload a .txt, record or .pdf file")
    if b"\x00" in data[:8192] and encoding is None and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise _Refused(415, f"{filename}: looks like binary data (it contains NUL bytes), not text")
    text, _bom = decode(data, source=filename, encoding=encoding, max_bytes=0)
    return article_from_text(text, doc_id=stem, format=fmt, source=filename)


def _read_pdf(data: bytes, filename: str) -> Article:
    try:
        pdf = importlib.import_module("synopsis.ingest.pdf")
    except ImportError as err:
        raise _Refused(
            415, f"{filename}: PDF input needs the PDF extra on the server: pip install 'synopsis[pdf]' ({err})"
        ) from None
    try:
        article = pdf.read_pdf_bytes(data, source=filename)
    except InputError:
        raise
    except Exception as err:  # a malformed PDF can make the parser fail in its own ways
        raise InputError(f"could not be read as a PDF ({type(err).__name__}: {err})", source=filename) from None
    assert isinstance(article, Article)
    return article


def _with_overrides(article: Article, job: Job) -> Article:
    """The user's title/abstract fields win over what the file carries (as in `article_from_text`)."""
    if not job.title and not job.abstract:
        return article
    return dataclasses.replace(article, title=job.title or article.title, abstract=job.abstract or article.abstract)


def safe_stem(filename: str) -> str:
    """A document id from an uploaded file's name: its last component without the extension."""
    name = PureWindowsPath(PurePosixPath(filename).name).name
    stem = PurePosixPath(name).stem.strip()
    return stem[:200] or "upload"


def warm_up() -> None:
    """Run once in each new worker: load the segmenter and scorers before the first real request."""
    text = "Introduction\n\nA worker warms up before its first request. It summarizes this short text once. Then it waits."
    summarize_document(build_document(article_from_text(text)), budget=Budget(words=20))
