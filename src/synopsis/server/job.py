"""One summarize request, as it runs in a worker: input -> Article -> Document -> Summary -> JSON.

This module is what the worker processes import, so it holds plain data in and bytes out: a `Job`
(picklable), and either the response body (JSON, serialised in the worker so the event loop does
not pay for it) or a `JobFailure` saying which status to answer with. It calls the same library
functions as the CLI, so the page shows the summary `synopsis summarize` prints.
"""

from __future__ import annotations

import dataclasses
import functools
import importlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from ..errors import InputError, install_hint
from ..ingest import article_from_text, detect_format, table_refusal
from ..ingest.decode import BOMS, NAMED_ENCODING, NotPlainText, NotText, binary_kind, decode, named_reading
from ..output import scores_payload
from ..pipeline import RunOptions, run
from ..process import ErrorRow, process
from ..scorers.learned import params_for
from ..types import Article, Budget

PASTED = "pasted text"
# How the API names the settings that core errors point to (`InputError.setting`).
API_NAMES = {
    "encoding": "the encoding field",
    "max_chars": "the server's --max-text-chars",
    "memory": "over the server's --memory-mb per summary",
    "max_pages": "the server's page limit",
    "max_pdf_bytes": "the server's --max-upload-mb",
    "format": "",  # no format field: "use format text" (a record without FULL TEXT) could not be followed
}
# HTTP status for each kind of failure `process` reports.
STATUS = {"input": 400, "limit": 413, "method": 422, "memory": 413, "internal": 500}


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
    # Whether `encoding` is the charset of the file part's Content-Type (no encoding field was
    # given): a file it cannot decode is then said to have been read in that charset.
    charset: bool = False
    lang: str = "auto"
    # The server's model file (`synopsis serve --model`, checked at start), for the methods that take
    # one; "" is the shipped model.
    model: str = ""

    @property
    def options(self) -> RunOptions:
        """The run options, with the budget decided where the CLI's is (`Budget.of`)."""
        budget = Budget.of(self.words, self.sentences)
        return RunOptions(self.method, budget, params_for(self.method, self.model), max_chars=self.max_text_chars, lang=self.lang)


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
    except _Refused as err:
        return JobFailure(err.status, err.message)
    except InputError as err:
        status = STATUS["input" if err.limit is None else "limit"]
        return JobFailure(status, _worded(err if err.source else err.at(source), job))
    row = process(article, job.options)
    if isinstance(row, ErrorRow):
        error = row.error if row.error.source else row.error.at(source)
        return JobFailure(STATUS[row.kind], _worded(error, job))
    result = row.result
    # Every sentence's score, for the page's score shading: the run keeps them all.
    payload = scores_payload(result.summary, result.document, result.scores.tolist(), source=source)
    summary = payload["summary"]
    if summary["params"].get("model"):  # the model's name, not where it lies on the server
        summary["params"] = {**summary["params"], "model": Path(summary["params"]["model"]).name}
    payload["seconds"] = round(time.perf_counter() - started, 4)
    return json.dumps(payload, ensure_ascii=False, allow_nan=False).encode("utf-8")


def _worded(err: InputError, job: Job) -> str:
    """`err` as the API words it; where the file was read in the charset its part's Content-Type
    names (no encoding field given), an error that a wrong encoding may have caused says so."""
    message = err.worded(API_NAMES)
    if job.charset and err.setting == "encoding":
        # Said once, naming where the encoding came from: `read_in_named`'s "the encoding named for
        # it" gives way to the part's charset (both were said, one after the other).
        message = message.split("; it was read as ", 1)[0]
        message += f" (it was read as {job.encoding}, the charset its part's Content-Type names)"
    return message


def _article(job: Job) -> Article:
    if job.text is not None:
        return article_from_text(job.text, doc_id="pasted", title=job.title, abstract=job.abstract, source=PASTED)
    assert job.data is not None
    # A byte-order mark says the encoding in the file itself, more surely than a part's charset.
    encoding = None if job.charset and job.data.startswith(tuple(mark for mark, _ in BOMS)) else job.encoding
    return _with_overrides(_article_from_upload(job.data, job.filename, encoding=encoding), job)


def _article_from_upload(data: bytes, filename: str, *, encoding: str | None) -> Article:
    """An uploaded file's article; the name only picks the format and labels errors, it is never opened.
    What is read and what is refused is what `synopsis summarize` reads and refuses (the same
    checks, by content and not by extension: a LaTeX fragment saved as .tex is text to both), said
    with 415 where the CLI says the file is of a kind it does not read."""
    stem = safe_stem(filename)
    if not data:
        raise InputError("is empty", source=filename)
    fmt = _named_as_sent(detect_format(filename, data[:65536], encoding), filename, data)
    if fmt == "pdf":
        return _read_pdf(data, filename)
    if fmt in ("jsonl", "json"):
        kind = "JSONL, a corpus of articles" if fmt == "jsonl" else "JSON, articles as records"
        raise _Refused(
            415,
            f"{filename}: is {kind}; the server summarizes one article per request "
            f"(use `synopsis summarize FILE.{fmt}` for corpora)",
        )
    what = binary_kind(data)
    if what is not None:
        raise _Refused(415, f"{filename}: is {what}, not text; upload a .txt, record or .pdf file")
    if fmt == "text" and (table := table_refusal(filename)) is not None:
        raise _Refused(415, table.worded(API_NAMES))
    try:
        text, bom = decode(data, source=filename, encoding=encoding, max_bytes=0)
    except (NotText, NotPlainText) as err:  # binary data (a NUL anywhere), markup (HTML, LaTeX source): 415 alike
        raise _Refused(415, err.worded(API_NAMES)) from None
    article = article_from_text(text, doc_id=stem, format=fmt, source=filename)
    if (named := named_reading(encoding, bom)) is not None:
        article.meta[NAMED_ENCODING] = named  # a refusal of the text says it was read so, as the CLI's does
    return article


# Names that say a file is JSONL whatever it holds (one line is still a corpus of one).
_JSONL_NAMES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")


def _named_as_sent(fmt: str, filename: str, data: bytes) -> str:
    """The format to name an upload by: "json" for what `detect_format` reads as JSONL (a first
    line that is a JSON object) where the client sent JSON, a `.json` file or one JSON object and
    nothing after it, not a corpus of lines. Was: "is JSONL, a corpus of articles ... FILE.jsonl"
    for a paper.json holding one article on one line."""
    if fmt != "jsonl" or filename.lower().endswith(_JSONL_NAMES):
        return fmt
    one_object = b"\n" not in data.strip()
    return "json" if one_object or filename.lower().endswith((".json", ".json.gz")) else fmt


def _read_pdf(data: bytes, filename: str) -> Article:
    try:
        pdf = importlib.import_module("synopsis.ingest.pdf")
    except ImportError as err:
        raise _Refused(415, f"{filename}: PDF input needs the PDF extra on the server: {install_hint('pdf')} ({err})") from None
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
    run(article_from_text(text), RunOptions(budget=Budget(words=20)))


def capped_worker(memory_mb: int | None) -> Callable[[], None]:
    """A worker's start-up (picklable): warm up, then cap the address space at `memory_mb`, so a
    request that needs more fails with MemoryError in its worker (answered 413) instead of
    waking the machine's out-of-memory killer."""
    return functools.partial(_start_worker, memory_mb)


def _start_worker(memory_mb: int | None) -> None:
    warm_up()
    if memory_mb is None:
        return
    # OpenBLAS allocates its per-thread buffers on first use and aborts the process if that fails:
    # let it allocate them now, under no cap, so a capped request fails with MemoryError instead.
    import numpy as np

    matrix = np.ones((256, 256))
    matrix @ matrix
    try:
        import resource
    except ImportError:  # not on this OS: the text limit still bounds each request
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    cap = _reserved_bytes(resource.getpagesize()) + memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))


def _reserved_bytes(page_size: int) -> int:
    """Address space the warmed-up worker holds without using memory (thread stacks, BLAS buffers:
    about 150 MB here). The cap is on address space, the only limit every Unix enforces, but
    --memory-mb is memory, as synopsis/limits.py measures it (peak RSS): the cap is this plus
    --memory-mb, or a small --memory-mb refused texts far under the limit it announced."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            size, resident = (int(field) for field in statm.read().split()[:2])
    except (OSError, ValueError):  # no /proc (macOS): the cap is --memory-mb alone
        return 0
    return max(0, size - resident) * page_size
