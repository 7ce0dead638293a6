"""`synopsis batch`: summarize whole corpora into one JSONL (or Parquet) file, resumably."""

from __future__ import annotations

import dataclasses
import errno
import os
import re
import signal
import sys
from typing import TYPE_CHECKING

import typer

from ..batch.sink import OUTPUT_SUFFIXES, OutputTarget, SinkError
from ..errors import MissingExtra, SynopsisError
from ..ingest import FORMATS, STDIN, JsonlFields
from ..ingest.decode import MAX_TEXT_BYTES
from ..limits import CLI_MEMORY_MB, MAX_CHARS
from .app import (
    EXIT_INPUT,
    LANG_HELP,
    LISTED_PLACES,
    MODEL_HELP,
    NoTextField,
    app,
    check_not_an_input,
    check_whole,
    check_writable,
    checked_budget,
    checked_encoding,
    checked_lang,
    checked_model,
    counted,
    fail,
    interrupt,
    names_for,
    report,
)

if TYPE_CHECKING:
    from ..batch.job import RunResult
    from ..batch.work import BatchOptions

EXIT_INTERRUPTED = 130
ENGINES = ("local", "dask")
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(i?)b?\s*$", re.IGNORECASE)


BATCH_EXAMPLES = """Examples:

* `synopsis batch corpus.jsonl.gz -o summaries.jsonl -j 4`: four worker processes; run it again after
a stop to resume

* `synopsis batch papers/ -o summaries.parquet -w 150`: every article file in the folder, 150 words each
"""


@app.command("batch", epilog=BATCH_EXAMPLES)
def batch_command(
    inputs: list[str] = typer.Argument(
        ..., metavar="INPUT...", help="JSONL (.jsonl, .jsonl.gz), Parquet, text/record/PDF files, or folders of them."
    ),
    out: str = typer.Option(..., "--out", "-o", help=f"Output file: {', '.join(OUTPUT_SUFFIXES)} (Parquet needs pyarrow)."),
    method: str = typer.Option("auto", "--method", "-m", help="Method name (see `synopsis methods`)."),
    words: int | None = typer.Option(None, "--words", "-w", help="Word budget [default: 200 unless --sentences is given]."),
    sentences: int | None = typer.Option(None, "--sentences", "-s", help="Sentence budget (instead of, or with, --words)."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes (0: one per CPU); dask: LocalCluster workers."),
    engine: str = typer.Option("local", help="local (worker processes on this machine) or dask (a Dask cluster)."),
    scheduler: str | None = typer.Option(None, help="Dask scheduler tcp://HOST:PORT [default: a LocalCluster on 127.0.0.1]."),
    partition_size: str = typer.Option("16MB", help="Dask engine: input bytes per partition (e.g. 64MB)."),
    retry_failed: bool = typer.Option(False, "--retry-failed", help="Drop earlier error rows and try those documents again."),
    progress: bool | None = typer.Option(None, "--progress/--no-progress", help="Progress bar [default: on a terminal]."),
    fmt: str = typer.Option("auto", "--format", "-f", help=f"Format of non-JSONL files: {', '.join(FORMATS)}."),
    text_field: str = typer.Option("full_text", help="JSONL/Parquet field with the article text."),
    id_field: str = typer.Option("id", help="JSONL/Parquet field with the article id."),
    title_field: str = typer.Option("title", help="JSONL/Parquet field with the title."),
    abstract_field: str = typer.Option("abstract", help="JSONL/Parquet field with the author abstract."),
    encoding: str | None = typer.Option(
        None, help="Encoding of text inputs when not UTF-8 (e.g. cp1252); never guessed. A byte-order mark wins where it decodes."
    ),
    max_bytes: int = typer.Option(MAX_TEXT_BYTES, help="Refuse text inputs larger than this."),
    max_chars: int = typer.Option(
        MAX_CHARS,
        help=f"Refuse articles longer than this many characters (the default fits in {CLI_MEMORY_MB:,} MB of memory).",
    ),
    lang: str = typer.Option("auto", "--lang", help=LANG_HELP),
    model: str | None = typer.Option(None, "--model", help=MODEL_HELP),
) -> None:
    """Summarize every article of INPUT... into one row per article in OUT, in input order.

    Re-running the same command resumes: ids already in OUT are skipped, and a run killed at any
    moment (even kill -9) leaves OUT whole. A document that fails gets {"id", "error"} and the rest
    go on. Ids: the id field of JSONL/Parquet records; a file's stem (x1/paper when another file
    INPUT is also named paper: the path from their common folder); in a folder, the path from it.
    A summary over its word budget gets a warning line and is counted in the final line. Exit
    status: 0 all summarized; 1 some failed or had duplicate ids, or OUT still holds error rows from
    an earlier run, or no article was found; 2 usage error or a missing extra; 130 interrupted.
    """
    check_whole(max_bytes=max_bytes, max_chars=max_chars)
    encoding = checked_encoding(encoding)
    options = _options(method, words, sentences, fmt, text_field, id_field, title_field, abstract_field, encoding, max_bytes)
    options = dataclasses.replace(options, max_chars=max_chars, lang=checked_lang(lang), params=checked_model(model, method))
    if engine not in ENGINES:
        fail(f"unknown engine {engine!r}; choose one of {', '.join(ENGINES)}")
    jobs = worker_count(jobs, local=not scheduler)
    from ..batch.sources import missing_inputs  # here, not at the top: `synopsis summarize` starts faster

    missing = missing_inputs(inputs)
    if missing and missing[0][0] == STDIN:  # was "-: no such file or folder" for `cat corpus.jsonl | synopsis batch -`
        fail(
            "batch reads files, not stdin (-): a run resumes by reading its inputs again; save the input to a file and"
            " name it (or use synopsis summarize -, which reads stdin)"
        )
    if missing:
        fail(f"{missing[0][0]}: {missing[0][1]}")
    try:
        target = OutputTarget(out)
    except (SinkError, MissingExtra) as err:
        fail(str(err))
    check_not_an_input(target.out, inputs, shown=out, what="the output")
    check_writable(target.out, out)
    if engine == "local" and scheduler:
        fail("--scheduler needs --engine dask")
    if engine == "dask" and retry_failed:
        fail("--retry-failed works with the local engine (failures are few: retry them there)")
    split_bytes = _size(partition_size)
    from ..batch.job import Interrupted  # here, not at the top: other commands start faster
    from ..batch.progress import reporter_for

    signal.signal(signal.SIGTERM, interrupt)  # stops like Ctrl-C: what is written stays, a re-run resumes
    reporter = reporter_for(progress)
    try:
        if engine == "dask":
            from ..batch.dask_engine import run_dask

            result = run_dask(inputs, out, options, scheduler=scheduler, workers=jobs, split_bytes=split_bytes, reporter=reporter)
        else:
            from ..batch.local import run_local

            result = run_local(inputs, out, options, jobs=jobs, retry_failed=retry_failed, reporter=reporter)
    except Interrupted as stop:
        report(stop.result.summary_line())
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except MissingExtra as err:  # the environment, not the input: exit 2 like every command
        fail(str(err))
    except SynopsisError as err:  # OUT unusable, workers cannot start: one line, what is written stays
        fail(str(err), EXIT_INPUT)
    except OSError as err:
        fail(f"{err.filename or out}: {err.strerror or err}{_resume_hint(err)}", EXIT_INPUT)
    _finish(result, text_field, inputs)


# Errors of the disk OUT is on, not of the run: what is written stays, and the same command resumes.
_DISK_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS}


def _resume_hint(err: OSError) -> str:
    """A full or read-only disk mid-run: say that nothing written is lost and how to go on (the user
    otherwise wonders whether OUT is damaged and whether to start over)."""
    if err.errno not in _DISK_ERRNOS and not any(f"[errno {code}]" in str(err) for code in _DISK_ERRNOS):
        return ""  # pyarrow names the errno only inside its message
    return "; the rows written so far are kept: free space (or make it writable) and run the same command again to resume"


def worker_count(jobs: int, *, local: bool = True) -> int:
    """The --jobs value as a number of worker processes: 0 is one per CPU this process may use
    (`batch` and `evaluate` alike), below 0 a usage error. More than that is cut to it, in one line:
    summarizing is CPU work, so the extra processes only compete for the CPUs, and each costs its
    start (seconds before the first summary with -j 64) and its memory. Not `local` (a Dask
    --scheduler runs the work on its own workers): the value is not used, so nothing is said."""
    if jobs < 0:
        fail(f"--jobs must be 0 (one per CPU) or more, got {jobs}")
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    if jobs > cpus and local:
        workers = f"{cpus} worker{'s' if cpus > 1 else ''}"
        report(f"warning: --jobs {jobs} is more than the {cpus} CPU(s) this process may use; running {workers}")
    return cpus if jobs == 0 or (jobs > cpus and local) else jobs


def _options(
    method: str,
    words: int | None,
    sentences: int | None,
    fmt: str,
    text_field: str,
    id_field: str,
    title_field: str,
    abstract_field: str,
    encoding: str | None,
    max_bytes: int,
) -> BatchOptions:
    from ..batch.work import BatchOptions

    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    budget = checked_budget(method, words, sentences)
    fields = JsonlFields(text=text_field, id=id_field, title=title_field, abstract=abstract_field)
    return BatchOptions(
        method=method,
        budget=budget,
        fields=fields,
        format=fmt,
        encoding=encoding,
        max_bytes=max_bytes,
        names=tuple(names_for("batch").items()),
    )


def _size(text: str) -> int:
    """'16MB', '512k', '1GiB', '1000000' -> bytes."""
    match = _SIZE.match(text)
    if not match:
        fail(f"--partition-size {text!r}: give a size like 16MB or 512KB")
    number, prefix, binary = match.groups()
    power = "kmgt".find(prefix.lower()) + 1 if prefix else 0
    size = int(float(number) * (1024 if binary else 1000) ** power)
    if size < 1:
        fail(f"--partition-size {text!r} must be at least one byte")
    return size


def _finish(result: RunResult, text_field: str, inputs: list[str]) -> None:
    report(result.summary_line())
    for problem in result.problems:
        report(problem)
    no_text = _no_text_line(result, text_field)
    if no_text:
        report(no_text)
    counts = result.counts
    found = counts.summarized + counts.failed + counts.skipped + counts.duplicates
    if result.complete and not found:  # was "0 done, 0 failed", exit 0: an empty folder looked like success
        report(_nothing_found_line(inputs))
    sys.stderr.flush()
    if not result.complete or counts.failed or counts.duplicates or result.earlier_errors or not found:
        raise typer.Exit(EXIT_INPUT)


def _nothing_found_line(inputs: list[str]) -> str:
    """The line for a run that found no article in its inputs (an empty folder, one of files batch
    does not read, a JSONL file of blank lines), as `summarize` says "is empty" for an empty input."""
    from ..batch.sources import FOLDER_SUFFIXES

    more = len(inputs) - LISTED_PLACES
    named = ", ".join(inputs[:LISTED_PLACES]) + (f", ... ({more:,} more)" if more > 0 else "")
    return (
        f"no article found in {named}: nothing was summarized (a folder is read for its {', '.join(FOLDER_SUFFIXES)}"
        " files; a file needs at least one article)"
    )


def _no_text_line(result: RunResult, text_field: str) -> str | None:
    """One line for the records that got an error row for want of the text field, instead of none
    (each row says it, but OUT is not where a user looks first) or one per record: how many, and
    whether any record had the field at all. Their error rows stay in OUT, so the ids are skipped
    on a re-run unless --retry-failed tries them again."""
    counts = result.counts
    missing = NoTextField(text_field)
    missing.count = min(counts.no_text, counts.failed)  # a duplicate left out at a Dask merge is not told apart
    if not missing.count:
        return None
    again = f"; their error rows are in {result.out}: run again with the right field and --retry-failed"
    if not counts.summarized and missing.count == counts.failed:
        return missing.none_line() + again
    return f"{counted(missing.count, 'record')} without a {text_field!r} field got an error row ({missing.fix})"
