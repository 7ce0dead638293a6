"""Run methods over a corpus and score every summary: one `DocResult` per input article.

Each document is built once (`build_document`), its features computed once, and every method is
run through `summarize_document`, exactly as `synopsis summarize` runs it, so the numbers describe
what users get. Workers (`jobs` > 1) are separate processes; results come back in input order
whatever the number of workers, so a report does not depend on `-j`.
"""

from __future__ import annotations

import codecs
import gzip
import json
import os
import re
import zlib
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, cast

from ..batch.sources import PARQUET_SUFFIXES, read_parquet
from ..errors import InputError, MethodError, MissingExtra
from ..features import Features, compute_features
from ..ingest import JsonlFields, detect_format, read_articles
from ..ingest.decode import BOMS, MAX_TEXT_BYTES, PDF_SIGNATURE, binary_kind, is_utf8, named_reading, read_in_named
from ..ingest.jsonl import looks_like_json_document, record_id
from ..language import ENGLISH, MIN_WORDS, UNDETERMINED, detect_language
from ..pipeline import RunOptions, build_document, run_document
from ..process import failure
from ..scorers import METHODS, get_method, usable_method
from ..scorers.learned import params_for
from ..scorers.registry import DEFAULT_METHOD, NON_ENGLISH_METHOD
from ..types import Article, Budget, Document
from ..workers import WorkerPool
from .oracle import greedy_oracle
from .reference import NO_REFERENCE, markup_in, reference_text
from .reference import other_language as _other_language
from .rouge import FAILED, RougeScores, score_sentences, split_sentences, truncate

LEAD = "lead"
ORACLE = "oracle"
# Its own row: per document the method `synopsis summarize` runs by default for its language.
AUTO = "auto"


@dataclass(frozen=True, slots=True)
class Refused:
    """A predictions line whose id could be read but not its summary: the document is listed with
    this reason (the file and line), not as one without a prediction."""

    reason: str


# Sentences of a prediction: a list of strings, or a list of {"text": ...} as `synopsis summarize -o json` writes.
Prediction = str | list[str] | Refused


class RepeatedIds(str):
    """A problem line naming ids that a predictions file (or folder) gives more than once with
    different predictions: the first is scored, and the run ends with exit status 1 for it, as for
    a repeated id in DATA, since which prediction was meant is unknown (was: exit status 0, the line
    a warning only). `ids` holds them, so that an id given three times counts once (a review)."""

    ids: frozenset[str]

    def __new__(cls, line: str, ids: frozenset[str]) -> RepeatedIds:
        made = super().__new__(cls, line)
        made.ids = ids
        return made


@dataclass(frozen=True, slots=True)
class Settings:
    """What to run on each document (picklable: it travels to the workers)."""

    methods: tuple[str, ...]
    predictions: tuple[str, ...] = ()
    words: int = 200
    group_by: str = "source"
    lang: str = "auto"
    # A model file (absolute path, checked) for the methods that take one; "" is the shipped model.
    model: str = ""
    # How failure reasons name the settings that fix them (the CLI's flags, from `synopsis evaluate`).
    names: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class MethodResult:
    """One method on one document: its scores, or why it failed (then scored 0)."""

    scores: RougeScores
    words: int = 0
    sentences: int = 0
    truncated: bool = False
    positions: tuple[float, ...] = ()  # relative position (0 = first sentence, 1 = last) of each chosen sentence
    error: str | None = None
    # The chosen sentences' indices, as `synopsis summarize -o json` and `-o scores` number them
    # (our methods only: a predictions file's sentences are not the document's).
    indices: tuple[int, ...] = ()
    # The registered method that made the summary, where the row is not one (`auto`: by language).
    method: str = ""
    # A prediction's language where it is another than its reference abstract's (both determined;
    # "" otherwise): ROUGE shares no words across languages, so its ~0 is said (report's notes).
    language: str = ""


@dataclass(frozen=True, slots=True)
class DocResult:
    id: str
    source: str
    input: str
    words: int  # length of the article body in words
    results: dict[str, MethodResult] = field(default_factory=dict)
    error: str | None = None
    language: str = "en"  # what ROUGE tokenized by (evaluate.rouge.UnicodeTokenizer outside English)
    # False for a document no system can be scored on (a record that cannot be read, no reference
    # abstract): a 0 there would say nothing about any system and pull every mean down alike, so
    # reports leave it out of their averages and tests and list it (`report.build_evaluation`).
    evaluated: bool = True
    # Where the reference came from: "given" (a field, a record's ABSTRACT section, a PDF's front
    # matter) or "text" (an "Abstract" heading in the text itself, as `summarize` finds it and
    # keeps its sentences out of the summary): a plain-text paper is scored as its PDF would be.
    reference: str = "given"
    # A record whose PREDICTION section is filled in: scored only when its file or folder is
    # also given as --predictions (the command's note says so).
    record_prediction: bool = False
    # The language the reference abstract reads as, where it is not the text's ("" otherwise).
    reference_language: str = ""
    # The first HTML/LaTeX markup in the reference ("<i>", "\\textbf{"), "" when none: ROUGE counts
    # it as words no plain-text summary holds, so the report says so.
    reference_markup: str = ""


def resolve_methods(names: Sequence[str]) -> tuple[str, ...]:
    """The rows for the user's --method values, lead first, oracle last, no repeats: `all` is every
    registered method installed; `auto` stays a row of its own, resolved per document as
    `synopsis summarize` resolves it (`auto_method`), so its scores are what users get by default."""
    wanted: list[str] = []
    for name in names:
        expanded = _installed(sorted(METHODS)) if name == "all" else [_usable(name)]
        wanted.extend(n for n in expanded if n not in wanted)
    ordered = [LEAD, *(n for n in wanted if n != LEAD)]
    return (*ordered, ORACLE)


def _usable(name: str) -> str:
    """`name` checked now (not on every document): `auto` needs what both its methods need."""
    if name != AUTO:
        return usable_method(name).name
    for method in (DEFAULT_METHOD, NON_ENGLISH_METHOD):
        usable_method(method)
    return AUTO


def auto_method(language: str) -> str:
    """The method `auto` runs on a document read in `language`, by the registry's one rule."""
    return get_method(AUTO, language=language).name


def _installed(names: Sequence[str]) -> list[str]:
    """`all` means every method whose optional dependencies are installed."""
    usable = []
    for name in names:
        try:
            usable.append(usable_method(name).name)
        except MethodError:
            continue
    return usable


def expand_inputs(
    paths: Iterable[str],
    warn: Callable[[str], None] = lambda line: None,
    unfollowed_advice: str = "give such a folder as an input of its own to read it",
) -> list[str]:
    """Files as given; a folder stands for the files inside it (recursively, sorted, hidden ones
    skipped). Symbolic links to folders inside it are not followed (one may lead back to a folder
    above it): `warn` hears one line per folder naming the first, as `synopsis batch` says it
    (they were skipped without a word)."""
    out: list[str] = []
    for path in paths:
        folder = Path(path)
        if path != "-" and folder.is_dir():
            found: list[Path] = []
            links: list[Path] = []
            for p in folder.rglob("*"):
                if any(part.startswith(".") for part in p.relative_to(folder).parts):
                    continue
                if p.is_file():
                    found.append(p)
                elif p.is_symlink() and p.is_dir():
                    links.append(p)
            if links:
                warn(f"{path}: not following symbolic links to folders (e.g. {min(links)}); {unfollowed_advice}")
            out.extend(str(p) for p in sorted(found))
        else:
            out.append(path)
    return out


def count_articles(paths: Sequence[str], encoding: str | None = None) -> int | None:
    """A cheap count of the articles in `paths`, for the progress bar's total and ETA: what
    `read_articles` yields for each (JSONL: its non-blank lines; a JSON document: its items; any
    other file: one), so that the bar ends at its total. None when stdin is among them."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        total += _articles_in(path, encoding)
    return total


def _articles_in(path: str, encoding: str | None = None) -> int:
    """How many items `read_articles(path)` yields; 1 where it cannot tell (an error is one item)."""
    file = Path(path)
    if not file.is_file():
        return 1
    if is_parquet(path):
        return _parquet_rows(path)
    try:
        with _opened(file) as handle:
            head = handle.read(65536)
        fmt = detect_format(path, head, encoding)
        if fmt == "jsonl" and looks_like_json_document(head.decode("utf-8", errors="ignore")):
            fmt = "json"  # read as its articles, as `read_articles` does
        if fmt == "jsonl":
            with _opened(file) as handle:
                return max(1, sum(1 for line in handle if line.strip()))
        if fmt == "json":
            with _opened(file) as handle:
                return _json_items(handle.read(MAX_TEXT_BYTES + 1))
    except (OSError, EOFError, zlib.error):
        pass
    return 1


def is_parquet(path: str) -> bool:
    """Whether `path` is read as Parquet, as `synopsis batch` decides it: by its name or its magic bytes."""
    if path == "-":
        return False
    if path.lower().endswith(PARQUET_SUFFIXES):
        return True
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == b"PAR1"
    except OSError:
        return False


def require_readers(paths: Iterable[str]) -> None:
    """Stop before the first document, naming the file, when a Parquet input needs pyarrow and it
    is not installed (rather than one failed document per file at the end)."""
    for path in paths:
        if is_parquet(path):
            try:
                import pyarrow.parquet  # noqa: F401
            except ImportError:
                raise MissingExtra(f"{path}: reading Parquet", "parquet") from None


def _parquet_rows(path: str) -> int:
    """The rows of a Parquet file, from its footer (1 where that cannot be read: one error item)."""
    try:
        import pyarrow.parquet as parquet

        return max(1, int(parquet.ParquetFile(path).metadata.num_rows))
    except Exception:  # pyarrow's own errors (ArrowInvalid) for a damaged file: read() says it
        return 1


def read_corpus(path: str, fields: JsonlFields, encoding: str | None = None) -> Iterator[Article | InputError]:
    """The articles of one input: a Parquet file by `synopsis batch`'s reader (the `source` and
    `domain` columns kept for --by), anything else by `read_articles` (text in `encoding`, where
    one is named, as `synopsis summarize --encoding` reads it)."""
    if is_parquet(path):
        return read_parquet(path, fields, extra=("source", "domain"))
    return read_articles(path, fields=fields, encoding=encoding)


def _opened(file: Path) -> BinaryIO:
    """`file` opened for reading its bytes, decompressed when it is a .gz."""
    return cast(BinaryIO, gzip.open(file, "rb")) if file.name.endswith(".gz") else file.open("rb")


def _json_items(data: bytes) -> int:
    """The items of a JSON document (an array's, or 1 for an object or anything unreadable)."""
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return 1
    return max(1, len(value)) if isinstance(value, list) else 1


# Said where every id of a folder's file was given by an earlier one: two systems' files, not shards.
ONE_SYSTEM = "; a folder is one system: give each system's file as its own --predictions"
# How many ids a line naming repeated ids shows.
LISTED_IDS = 5
PREDICTION_FORMS = 'JSONL of {"id", "summary": text} or {"id", "sentences": [...]}, or records with a PREDICTION section'


def load_predictions(path: str, encoding: str | None = None) -> tuple[dict[str, Prediction], list[str]]:
    """Predictions JSONL: {"id", "summary": text} or {"id", "sentences": [text | {"text"}]}; bad lines listed.

    A record file, or a folder of them (what `synopsis summarize -o record` writes), gives its
    PREDICTION sections by the records' ids. A file of which no line is a prediction (another
    format, the data file named by mistake) is one error, not a note per line and every document
    scored 0 "without a prediction". A folder is one system whose files (prediction JSONL,
    records, or both: shards, one per source) are read together, each id's first line kept.
    `encoding` reads a file of them that is not UTF-8 (`_written_in`)."""
    if Path(path).is_dir():
        return _folder_predictions(path, encoding)
    encoding = _written_in(path, encoding)
    if is_record_source(path, encoding):
        return _record_predictions(path, encoding)
    return _jsonl_predictions(path, encoding)


def _written_in(path: str, encoding: str | None) -> str | None:
    """The encoding to read a predictions file in: UTF-8 (no encoding named) where its bytes are
    UTF-8, the one named otherwise. `--encoding` names the data's encoding; predictions are what
    `synopsis summarize` wrote, in UTF-8 whatever the input's: read in the data's cp1252, "Größe"
    became "GrÃ¶ÃŸe" and the summary scored half its ROUGE without a word. One pass over the file."""
    if encoding is None or is_utf8(encoding):
        return encoding
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        with _opened(Path(path)) as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                decoder.decode(block)
            decoder.decode(b"", final=True)
    except (UnicodeDecodeError, OSError, EOFError, gzip.BadGzipFile):
        return encoding
    return None


def _folder_predictions(folder: str, encoding: str | None = None) -> tuple[dict[str, Prediction], list[str]]:
    """The predictions of every file in `folder` as one system's (`expand_inputs` order: sorted);
    an id a second file gives again is named, its first prediction kept; a file that holds none
    (a README, another format) is named and skipped. Was: a folder of JSONL files was refused,
    "has no record with a PREDICTION section"."""
    predictions: dict[str, Prediction] = {}
    problems: list[str] = []
    where: dict[str, str] = {}
    unfollowed: list[str] = []  # said after the files' problems: the first of those is why a folder holds none
    # A linked folder given as -p of its own would be scored as a system of its own, not read with this one.
    advice = "copy or move its files into this folder to score them with it"
    for file in expand_inputs([folder], unfollowed.append, advice):
        try:
            named = _written_in(file, encoding)
            found, trouble = (
                _record_predictions(file, named) if is_record_source(file, named) else _jsonl_predictions(file, named)
            )
        except InputError as err:
            problems.append(f"{err.worded({})}: skipped")
            continue
        problems.extend(trouble)
        again = [doc_id for doc_id in found if doc_id in predictions]
        if again:
            shown = ", ".join(repr(i) for i in again[:LISTED_IDS]) + (" ..." if len(again) > LISTED_IDS else "")
            line = (
                f"{file}: {len(again):,} id(s) already predicted by an earlier file of {folder} (the first kept,"
                f" from {where[again[0]]}): {shown}" + (ONE_SYSTEM if len(again) == len(found) else "")
            )
            differ = frozenset(doc_id for doc_id in again if found[doc_id] != predictions[doc_id])
            problems.append(RepeatedIds(line, differ) if differ else line + " (the same predictions)")
        for doc_id, value in found.items():
            if doc_id not in predictions:
                predictions[doc_id], where[doc_id] = value, file
    problems.extend(unfollowed)
    if not predictions:
        first = f"; the first: {problems[0]}" if problems else ""
        raise InputError(f"holds no predictions ({PREDICTION_FORMS}){first}", source=folder)
    return predictions, problems


def _jsonl_predictions(path: str, encoding: str | None = None) -> tuple[dict[str, Prediction], list[str]]:
    """A predictions JSONL (or JSON array) file's predictions by id, and its refused lines."""
    predictions: dict[str, Prediction] = {}
    problems: list[str] = []
    lines = _prediction_lines(path, encoding)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            doc_id, value = _prediction(record, line)
        except (ValueError, TypeError) as err:
            problems.append(f"{path}:{number}: {err}")
            known = _readable_id(line)
            if known is not None and known not in predictions:
                predictions[known] = Refused(f"its prediction ({path}:{number}) was refused: {err}")
            continue
        if doc_id in predictions:
            if predictions[doc_id] == value:  # the same line twice (shards that overlap): nothing ambiguous
                problems.append(f"{path}:{number}: id {doc_id!r} appears again with the same prediction (scored once)")
            else:
                problems.append(
                    RepeatedIds(f"{path}:{number}: id {doc_id!r} appears again (the first one is kept)", frozenset([doc_id]))
                )
            continue
        predictions[doc_id] = value
    if problems and all(isinstance(value, Refused) for value in predictions.values()):  # ids alone: the data file?
        raise InputError(
            f"is not a predictions file ({PREDICTION_FORMS}): no line is a prediction; the first: {problems[0]}", source=path
        )
    return predictions, problems


def is_record_source(path: str, encoding: str | None = None) -> bool:
    """Whether a --predictions path is a folder or a file in the record format (not JSON lines)."""
    file = Path(path)
    if file.is_dir():
        return True
    if path.endswith(".gz") or not file.is_file():
        return False
    try:
        with file.open("rb") as handle:
            head = handle.read(65536)
    except OSError:
        return False
    return detect_format(path, head, encoding) == "record"


def _record_predictions(path: str, encoding: str | None = None) -> tuple[dict[str, Prediction], list[str]]:
    """The PREDICTION sections of the record files at `path` (a file, or a folder's files read as
    the data are: each by itself, so the ids agree), keyed by id; anything else is a problem."""
    predictions: dict[str, Prediction] = {}
    problems: list[str] = []
    for file in expand_inputs([path]):
        if not is_record_source(file, encoding):
            problems.append(f"{file}: not a record (no PREDICTION section to score): skipped")
            continue
        for item in read_articles(file, encoding=encoding):
            if isinstance(item, InputError):
                problems.append(item.worded({}))
            elif item.id in predictions:
                problems.append(
                    RepeatedIds(f"{file}: id {item.id!r} appears again (the first one is kept)", frozenset([item.id]))
                )
            elif "PREDICTION" not in getattr(item.meta.get("layout"), "contents", {}):
                # No PREDICTION section at all: no prediction for this id (as a JSONL without the
                # line), not an empty one scored 0 (a review of stop 34).
                problems.append(f"{file}: record {item.id!r} has no PREDICTION section: no prediction for it")
            else:
                predictions[item.id] = str(item.meta.get("prediction") or "")
    if not predictions:
        first = f"; the first: {problems[0]}" if problems else ""
        raise InputError(f"has no record with a PREDICTION section to score{first}", source=path)
    return predictions, problems


def _prediction_lines(path: str, encoding: str | None = None) -> list[str]:
    """The lines of a predictions file, read as the article inputs are: a .gz decompressed (its
    label drops the .gz), UTF-16/32 by its byte-order mark (else in `encoding`, where one is
    named), and a JSON array as one line per item."""
    try:
        with gzip.open(path, "rb") if path.endswith(".gz") else open(path, "rb") as handle:
            data = handle.read()
    except OSError as err:
        raise InputError(f"cannot be read ({err.strerror or err})", source=path) from None
    except (EOFError, zlib.error) as err:
        raise InputError(f"is damaged compressed data ({err})", source=path) from None
    # Named as the data's reader names it. Was: "is not valid UTF-8 (byte 0x8b)" for a gzipped
    # file without its .gz, where the same file given as DATA said "is gzip-compressed data".
    what = "a PDF file" if data.startswith(PDF_SIGNATURE) else binary_kind(data)
    if what is not None:
        gzipped = data.startswith(b"\x1f\x8b")
        advice = " (name it .jsonl.gz to read it compressed, or decompress it)" if gzipped and not path.endswith(".gz") else ""
        raise InputError(f"is {what}, not a predictions file (JSONL text){advice}", source=path)
    bom = next((name for mark, name in BOMS if data.startswith(mark)), None)
    codec = bom or encoding or "utf-8"
    try:
        text = data.decode(codec).removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        refusal = InputError(f"is not valid {err.encoding.upper()} (byte 0x{err.object[err.start]:02x})", source=path)
        named = None if bom else named_reading(encoding, b"")
        raise (refusal if named is None else read_in_named(refusal, named)) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", source=path) from None
    if not text.strip():
        raise InputError("is empty: no predictions to score", source=path)
    if looks_like_json_document(text) and text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except (ValueError, RecursionError) as err:
            raise InputError(f"is not valid JSON ({err})", source=path) from None
        return [json.dumps(item) for item in items]
    return text.split("\n")


def _readable_id(line: str) -> str | None:
    """The id of a refused predictions line, where it has one."""
    try:
        record = json.loads(line)
        return _prediction_id(record, line) if isinstance(record, dict) else None
    except ValueError:
        return None


def _prediction_id(record: dict[str, Any], line: str) -> str | None:
    """A predictions line's id as the data's reader reads a record's (`ingest.jsonl.record_id`): a
    number as it was written (12.50, not "12.5"), so the two ids match; true/false or a list is
    no id (a ValueError: the line is refused, not scored as a document no one has)."""
    value = record.get("id")
    if isinstance(value, float):
        value = json.loads(line, parse_float=str).get("id")
    try:
        return record_id(value)
    except InputError as err:
        raise ValueError(err.message) from None


def empty_predictions(table: Mapping[str, Prediction]) -> list[str]:
    """The ids whose prediction has no text at all: scored 0 (the system said nothing), and named
    in a note, since an empty line is more often a bug in the run that wrote it."""
    return [
        doc_id
        for doc_id, value in table.items()
        if not isinstance(value, Refused) and not (value.strip() if isinstance(value, str) else "".join(value).strip())
    ]


def _prediction(record: Any, line: str) -> tuple[str, Prediction]:
    if not isinstance(record, dict):
        raise ValueError("is not a JSON object")
    doc_id = _prediction_id(record, line)
    if doc_id is None:
        raise ValueError("has no 'id'")
    if isinstance(record.get("summary"), str):
        return doc_id, record["summary"]
    sentences = record.get("sentences")
    if isinstance(sentences, list):
        texts = [s.get("text") if isinstance(s, dict) else s for s in sentences]
        if all(isinstance(t, str) for t in texts):
            return doc_id, [t for t in texts if isinstance(t, str)]
    raise ValueError("needs 'summary' (a string) or 'sentences' (a list of strings or of {'text': ...})")


GROUPINGS: tuple[str, ...] = ("source", "domain", "file")


def source_of(meta: Mapping[str, Any], fallback: str, *, group_by: str = "source") -> str:
    """The group a document is reported in: its `source` (else `domain`) field, or its file name;
    for a file that holds one article (text, record, PDF), the name of its folder: a folder of
    papers is one group, not one group of one document per paper.

    `group_by="domain"` prefers the domain field; `"file"` always uses the file name.
    """
    keys = {"source": ("source", "domain"), "domain": ("domain", "source"), "file": ()}[group_by]
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    if group_by != "file" and meta.get("format") in ONE_ARTICLE_FORMATS and fallback and not fallback.startswith("<"):
        # The folder's path as given, with a closing slash: "corpus/arxiv/txt/" and
        # "corpus/pubmed/txt/" stay apart (a review found both grouped as "txt"), and a folder's
        # texts apart from a JSONL file of the folder's name in it.
        parent = os.path.dirname(os.path.normpath(fallback))
        return (parent or ".") + "/"
    return _stem(fallback)


# Formats of which a file holds one article (JSONL, JSON and Parquet hold many).
ONE_ARTICLE_FORMATS = ("text", "record", "pdf")


def _stem(path: str) -> str:
    name = Path(path).name
    for suffix in (".gz", ".jsonl", ".ndjson", ".txt", ".pdf"):
        name = name.removesuffix(suffix)
    return name or path


def evaluate_article(item: Article | InputError, predictions: Mapping[str, Prediction | None], settings: Settings) -> DocResult:
    """Summarize one article with every method, score each summary; failures become 0 with a reason."""
    names = (*settings.methods, *settings.predictions)
    if isinstance(item, InputError):
        reason = item.worded(dict(settings.names))
        doc_id = f"{item.source or '<input>'}:{item.line}" if item.line is not None else item.source or "<input>"
        failed = {n: MethodResult(FAILED, error=reason) for n in names}
        return DocResult(doc_id, _stem(item.source or "<input>"), item.source or "", 0, failed, error=reason, evaluated=False)
    source = str(item.meta.get("input", ""))
    start, end = item.body
    words = len(item.text[start:end].split())
    result = DocResult(item.id, source_of(item.meta, source, group_by=settings.group_by), source, words)
    misread = False  # refused as what a wrong --encoding made of it (`decode.read_in_named`)
    try:
        doc: Document | None = build_document(item, lang=settings.lang)
    except InputError as err:
        doc, doc_error, misread = None, err.message, err.setting == "encoding"
    abstract = item.abstract
    if not abstract.strip() and doc is not None and doc.meta.get("abstract_from_text"):
        abstract = doc.abstract
        result = replace(result, reference="text")
    if str(item.meta.get("prediction") or "").strip():
        result = replace(result, record_prediction=True)
    lang = str(doc.meta.get("language", ENGLISH)) if doc is not None else ENGLISH
    abstract, unusable = reference_text(abstract, lang)
    if unusable and doc is None and (unusable != NO_REFERENCE or misread):
        # The text's language is what failed (Chinese, no spaces): its reference was tokenized as
        # English for want of a language, so "the en tokenizer counts no word" would mislead; and
        # a text read in a wrong --encoding has no reference to find, which would hide why.
        unusable = doc_error
    if unusable:
        result.results.update({n: MethodResult(FAILED, error=unusable) for n in names})
        return replace(result, error=unusable, evaluated=False)
    reference = split_sentences(abstract)
    result = replace(result, reference_markup=markup_in(abstract))
    # What the reference reads as, detected once (for its own note and its predictions'); not where
    # the text could not be read: its language, the one ROUGE reads by, is then unknown.
    reference_reads = UNDETERMINED
    if doc is not None:
        reference_reads = detect_language(abstract)
        result = replace(result, language=lang, reference_language=_other_language(reference_reads, lang))
        _run_methods(doc, abstract, reference, settings, result.results)
    else:
        result.results.update({n: MethodResult(FAILED, error=doc_error) for n in settings.methods})
    for name in settings.predictions:
        prediction = predictions.get(name)
        if prediction is None or isinstance(prediction, Refused):
            reason = "no prediction with this id" if prediction is None else prediction.reason
            result.results[name] = MethodResult(FAILED, error=reason)
            continue
        sentences = split_sentences(prediction) if isinstance(prediction, str) else list(prediction)
        scored = _score(reference, sentences, settings.words, result.language)
        result.results[name] = replace(scored, language=_other_prediction_language(sentences, reference_reads))
    return result


# A prediction is judged for its language from this many words of letters (twice what detection
# needs): a 30-word lead of a formula ("S = [s1 s2 . . . sK]") or of citations read as Czech or
# Danish (a review), and detection reads a short Latin-script text as English by default.
PREDICTION_LANGUAGE_MIN_WORDS = 2 * MIN_WORDS
_LETTER_WORD = re.compile(r"[^\W\d_]{2,}")


def _other_prediction_language(sentences: list[str], reference_reads: str) -> str:
    """The language a prediction reads as where it is another than its reference's ("" when the
    same, or either cannot be told, or the prediction has under PREDICTION_LANGUAGE_MIN_WORDS words
    of letters). Detected once, on the prediction's sentences joined by spaces, as one text (joined
    by line breaks, each sentence was a paragraph of its own and one long quotation decided), before
    the cut to --words."""
    text = " ".join(sentences)
    if reference_reads == UNDETERMINED or len(_LETTER_WORD.findall(text)) < PREDICTION_LANGUAGE_MIN_WORDS:
        return ""
    found = detect_language(text)
    return "" if found in (reference_reads, UNDETERMINED) else found


def _run_methods(doc: Document, abstract: str, reference: list[str], settings: Settings, out: dict[str, MethodResult]) -> None:
    """Every method's scores on `doc`; `auto` is the row of the method it resolves to for the
    document's language, run once when that method is a row too (`-m auto -m reranked`)."""
    language = str(doc.meta.get("language", ENGLISH))
    features = compute_features(doc)
    done: dict[str, MethodResult] = {}
    for name in settings.methods:
        method = auto_method(language) if name == AUTO else name
        if method not in done:
            done[method] = _run_one(doc, features, method, (abstract, reference), settings)
        out[name] = replace(done[method], method=method) if name == AUTO else done[method]


def _run_one(doc: Document, features: Features, name: str, against: tuple[str, list[str]], settings: Settings) -> MethodResult:
    """One method on `doc`, scored against the abstract (as text, and as its sentences)."""
    abstract, reference = against
    budget = Budget(settings.words)
    try:
        if name == ORACLE:
            indices = greedy_oracle(doc, abstract, budget)
            if not indices:  # no candidate fits a small --words: the best one sentence, cut as a method's is
                indices = greedy_oracle(doc, abstract, Budget(None, 1))
        else:
            params = params_for(name, settings.model)
            indices = run_document(doc, RunOptions(name, budget, params), features=features).selection.indices
    except Exception as err:
        # The one error policy (process.failure): this method on this document is scored 0 and listed.
        row = failure(err, doc_id=doc.id, source=doc.meta.get("input"), line=doc.meta.get("line"))
        return MethodResult(FAILED, error=row.error.message)
    scored = _score(reference, [doc.sentences[i].text for i in indices], settings.words, str(doc.meta.get("language", "en")))
    last = max(1, len(doc.sentences) - 1)
    return replace(scored, positions=tuple(i / last for i in indices), indices=tuple(indices))


def _score(reference: list[str], sentences: list[str], words: int, lang: str = "en") -> MethodResult:
    kept = truncate(sentences, words)
    original = sum(len(s.split()) for s in sentences)
    used = sum(len(s.split()) for s in kept)
    return MethodResult(score_sentences(reference, kept, lang=lang), used, len(kept), used < original)


Task = tuple[Article | InputError, dict[str, Prediction | None], Settings]
DIED = "the worker process died while evaluating it (out of memory, or a crash in a native library)"


def _evaluate_task(task: Task) -> DocResult:
    """What a worker runs (module level, so it pickles)."""
    return evaluate_article(*task)


def _died(task: Task) -> DocResult:
    """The result of a document that killed its worker even when run alone: every method failed."""
    item, _, settings = task
    source = item.where if isinstance(item, InputError) else str(item.meta.get("input", ""))
    # Scored 0 for every system, as a method that fails is: the crash may be a method's.
    return replace(evaluate_article(InputError(DIED, source=source or None), {}, settings), evaluated=True)


def iter_results(
    paths: Sequence[str],
    settings: Settings,
    predictions: Mapping[str, Mapping[str, Prediction]] | None = None,
    *,
    jobs: int = 1,
    fields: JsonlFields = JsonlFields(),
    skip: Callable[[InputError], bool] = lambda error: False,
    duplicate: Callable[[Article], None] = lambda article: None,
    encoding: str | None = None,
) -> Generator[DocResult, None, None]:
    """Evaluate every article in `paths`, yielding results in input order (with `jobs` processes).
    A record `skip` takes (one without the text field, said once for the run) yields nothing; so
    does an article whose id came earlier (`duplicate` hears of it): as in `synopsis batch`, the
    first occurrence is the document, or it would count twice in every mean and a predictions
    file's summary for that id would be scored against two texts. `encoding` reads text inputs
    that are not UTF-8 (`read_corpus`)."""
    predictions = predictions or {}
    seen: set[str] = set()

    def tasks() -> Iterator[Task]:
        for path in paths:
            for item in read_corpus(path, fields, encoding):
                if isinstance(item, InputError) and skip(item):
                    continue
                if isinstance(item, Article):
                    if item.id in seen:
                        duplicate(item)
                        continue
                    seen.add(item.id)
                doc_id = item.id if isinstance(item, Article) else ""
                yield item, {name: predictions[name].get(doc_id) for name in settings.predictions}, settings

    if jobs <= 1:
        for task in tasks():
            yield evaluate_article(*task)
        return
    # The shared pool: results in input order whatever -j is, a bounded window in flight, and a
    # document that kills its worker costs that document only (multiprocessing.Pool hangs then).
    with WorkerPool(_evaluate_task, jobs, on_death=_died, window=jobs * 4) as pool:
        for _, result in pool.map(tasks()):
            yield result
