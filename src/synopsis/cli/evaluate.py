"""`synopsis evaluate`: score our methods (or a predictions file) against reference abstracts."""

from __future__ import annotations

import json
import os
import sys
import time
from collections import Counter
from collections.abc import Generator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from ..errors import InputError, MethodError, MissingExtra, SynopsisError, listed
from ..ingest import STDIN, JsonlFields, absent
from .app import (
    EXIT_INPUT,
    LANG_HELP,
    MODEL_HELP,
    NoTextField,
    app,
    check_not_an_input,
    check_stdin_once,
    check_whole,
    check_writable,
    checked_encoding,
    checked_lang,
    checked_model,
    counted,
    fail,
    names_for,
    output_console,
    report,
)
from .batch import worker_count

if TYPE_CHECKING:
    from ..evaluate.runner import DocResult
    from ..types import Article

EXIT_INTERRUPTED = 130
LISTED = 10  # ids named in a note that stands for many
# The most --resamples: p-values down to 1/100,001, 50 times the default's resolution; a larger value
# (99999999999999999999) ran until killed or ended in a traceback after the whole evaluation.
MOST_RESAMPLES = 100_000
# The settings errors name, as evaluate names them: --encoding as summarize and batch have it, but
# no --format or input limits, so an error it could only fix by one says what is wrong, not "--format".
_NAMES = names_for("evaluate")


def _speed_column() -> Any:
    """A progress column showing documents per second (rich is imported here: other commands start faster)."""
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class _Speed(ProgressColumn):
        def render(self, task: Task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("– docs/s" if speed is None else f"{speed:.1f} docs/s", style="cyan")

    return _Speed()


@app.command("evaluate")
def evaluate_command(
    data: list[str] = typer.Argument(
        ..., metavar="DATA...", help="Articles with reference abstracts: JSONL, Parquet, record files, or folders of them."
    ),
    methods: list[str] = typer.Option(
        [], "--method", "-m", help="Method to run (repeatable; `all` = every registered one) [default: auto]."
    ),
    predictions: list[str] = typer.Option(
        [],
        "--predictions",
        "-p",
        help='JSONL of {"id", "summary"} or {"id", "sentences"}, or records (a file or folder) with PREDICTION'
        " filled in, to score (repeatable).",
    ),
    words: int = typer.Option(
        200,
        "--words",
        "-w",
        help="Word budget: our methods are asked for N words, and every summary (predictions too) is cut to its"
        " first N before scoring.",
    ),
    json_path: Path | None = typer.Option(None, "--json", help="Write the full report (per-document scores included) as JSON."),
    html_path: Path | None = typer.Option(None, "--html", help="Write a self-contained HTML report with plots."),
    jobs: int = typer.Option(1, "--jobs", "-j", help="Worker processes (0: one per CPU)."),
    group_by: str = typer.Option(
        "source",
        "--by",
        help="Break scores down by: source (JSONL `source`, else `domain`, else file name; a text, record or PDF:"
        " its folder's path), domain, file.",
    ),
    seed: int = typer.Option(0, help="Seed of the bootstrap."),
    resamples: int = typer.Option(2000, help=f"Bootstrap resamples, 100 to {MOST_RESAMPLES:,}."),
    text_field: str = typer.Option("full_text", help="JSONL field (Parquet column) with the article text."),
    id_field: str = typer.Option("id", help="JSONL field (Parquet column) with the article id."),
    abstract_field: str = typer.Option("abstract", help="JSONL field (Parquet column) with the reference abstract."),
    lang: str = typer.Option("auto", "--lang", help=LANG_HELP + " ROUGE tokenizes by it."),
    model: str | None = typer.Option(None, "--model", help=MODEL_HELP),
    encoding: str | None = typer.Option(
        None,
        help="Encoding of text inputs (DATA and --predictions) when not UTF-8 (e.g. cp1252); never guessed."
        " A byte-order mark wins where it decodes.",
    ),
) -> None:
    """Score summaries with ROUGE-1/2/Lsum (rouge-score, stemmed) against the reference abstracts.

    Every report includes lead (the floor) and a greedy extractive oracle (the ceiling). A document
    a method fails on (or without a prediction) is scored 0 for it and listed; one no system can
    be scored on (unreadable, no reference abstract) is listed and left out of the averages;
    records without the --text-field field are said in one line. Nothing is dropped silently.
    Exit status 1 when any document failed, a predictions file holds no predictions (empty, another
    format) or gives an id of DATA twice with different predictions; 2 for a usage error (an unknown
    method, a DATA or predictions path that does not exist) or a missing extra; 130 when interrupted
    (the partial report is still written).
    """
    from ..evaluate.html import render_html
    from ..evaluate.report import build_evaluation, render_terminal, to_dict
    from ..evaluate.rouge import get_backend
    from ..evaluate.runner import (
        AUTO,
        GROUPINGS,
        Prediction,
        RepeatedIds,
        Settings,
        count_articles,
        empty_predictions,
        expand_inputs,
        is_record_source,
        iter_results,
        load_predictions,
        require_readers,
        resolve_methods,
    )

    if words < 1:
        fail(f"--words must be at least 1, got {words}")
    jobs = worker_count(jobs)
    if group_by not in GROUPINGS:
        fail(f"unknown --by {group_by!r}; choose one of {', '.join(GROUPINGS)}")
    check_whole(100, MOST_RESAMPLES, resamples=resamples)
    check_whole(0, seed=seed)  # the bootstrap's generator takes no negative seed (a traceback at the very end)
    check_stdin_once(data, "DATA")
    encoding = checked_encoding(encoding)
    if STDIN in predictions:  # was "-: cannot be read (No such file or directory)"
        fail(
            "--predictions - (stdin) is not supported: predictions are read from a file or folder;"
            " save them to one (e.g. -p predictions.jsonl); DATA can be - instead"
        )
    given_paths = [*(p for p in data if p != STDIN), *predictions]
    missing = next(((p, why) for p in given_paths if (why := absent(p, "no such file or folder"))), None)
    if missing:
        fail(f"{missing[0]}: {missing[1]}")
    check_reports({"--json": json_path, "--html": html_path}, [*data, *predictions])
    asked = methods or ([] if predictions else ["auto"])  # the method names as given (auto: the default)
    try:
        get_backend()
        names = resolve_methods(asked)
    except (MethodError, SynopsisError) as err:
        fail(str(err))
    model_path = _model_for(model, names)
    loaded: dict[str, dict[str, Prediction]] = {}
    notes: list[str] = []
    record_predictions = any(is_record_source(path, encoding) for path in predictions)
    given: list[str] = []
    repeated_ids: dict[str, frozenset[str]] = {}  # a predictions path: the ids it predicts more than once
    for path in predictions:
        again = next((earlier for earlier in given if _same_file(earlier, path)), None)
        if again is not None:  # as a method named twice runs once: a second row of the same numbers says nothing
            twice = f"{path}: given twice as --predictions" + ("" if again == path else f" (as {again})") + "; scored once"
            report(twice)
            notes.append(twice)
            continue
        given.append(path)
        label = _prediction_label(path, names, loaded)
        try:
            loaded[label], problems = load_predictions(path, encoding)
        except InputError as err:  # a file that holds no predictions: bad input, as an unreadable DATA file is
            fail(err.worded(_NAMES), EXIT_INPUT)
        empty = empty_predictions(loaded[label])
        if empty:
            problems.append(f"{path}: {counted(len(empty), 'prediction')} with no text (scored 0): {listed(empty, LISTED)}")
        for problem in problems:
            report(problem)
        notes.extend(problems)
        repeats = frozenset().union(*(problem.ids for problem in problems if isinstance(problem, RepeatedIds)))
        if repeats:
            repeated_ids[path] = repeats
    settings = Settings(
        methods=names,
        predictions=tuple(loaded),
        words=words,
        group_by=group_by,
        lang=checked_lang(lang),
        model=model_path,
        names=tuple(_NAMES.items()),
    )

    def unfollowed(line: str) -> None:
        """A symbolic link to a folder inside a DATA folder: said, and kept in the report's notes."""
        report(line)
        notes.append(line)

    paths = expand_inputs(data, unfollowed)
    try:
        require_readers(paths)
    except MissingExtra as err:  # the environment, not the input: exit 2 like every command
        fail(str(err))
    total = count_articles(paths, encoding)
    fields = JsonlFields(text=text_field, id=id_field, abstract=abstract_field)
    docs: list[DocResult] = []
    no_text = NoTextField(text_field)
    interrupted = False
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    err_console = Console(stderr=True)
    progress = Progress(
        TextColumn("evaluating"),
        BarColumn(),
        MofNCompleteColumn(),
        _speed_column(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
        disable=not err_console.is_terminal,
    )
    task = progress.add_task("evaluate", total=total)

    def skipped(error: InputError) -> bool:
        """A record without the text field is counted (and said once) instead of evaluated: it is
        one of the bar's total all the same, so the bar moves on past it."""
        if not no_text.take(error):
            return False
        progress.advance(task)
        return True

    duplicates: list[str] = []
    duplicated_in: Counter[str] = Counter()  # the file of each left-out repeat: which file lost records

    def duplicate(article: Article) -> None:
        """A later article with an id already read: said (the first few), counted, the bar moved on."""
        meta = article.meta
        where = str(meta.get("input", article.id)) + (f":{meta['line']}" if meta.get("line") is not None else "")
        if len(duplicates) < LISTED:
            report(f"{where}: duplicate id {article.id!r}; only its first occurrence is evaluated")
        duplicates.append(article.id)
        duplicated_in[str(meta.get("input", "<input>"))] += 1
        progress.advance(task)

    results: Generator[DocResult, None, None] = iter_results(
        paths, settings, loaded, jobs=jobs, fields=fields, skip=skipped, duplicate=duplicate, encoding=encoding
    )
    started = time.perf_counter()
    try:
        with progress:
            for result in results:
                docs.append(result)
                progress.advance(task)
    except KeyboardInterrupt:
        interrupted = True
        report(f"interrupted after {len(docs)} document(s); writing a partial report")
    finally:
        results.close()
    elapsed = time.perf_counter() - started
    if interrupted and not docs:
        fail("no documents were evaluated", EXIT_INTERRUPTED)
    no_text.report(len(docs))  # the run ends here when no record had the field: no report of zeros
    if not docs:
        fail("no documents found in the input", EXIT_INPUT)
    if not interrupted and not any(d.evaluated for d in docs):
        fail(_none_evaluated(docs, abstract_field), EXIT_INPUT)
    if no_text.count:
        notes.append(no_text.line())
    seen = {d.id for d in docs}
    repeated = _repeated_in_data(repeated_ids, seen, interrupted)
    for path, n in repeated.items():
        notes.append(f"{path}: {counted(n, 'id')} predicted more than once (the first prediction scored)")
    for label, table in loaded.items():
        unmatched = [doc_id for doc_id in table if doc_id not in seen]  # named: a mismatch of id forms shows
        if unmatched and not interrupted:
            among = "the documents read" + (f" (or is a record without a {text_field!r} field)" if no_text.count else "")
            shown = ", ".join(repr(i) for i in unmatched[:LISTED]) + (", ..." if len(unmatched) > LISTED else "")
            notes.append(f"{len(unmatched)} prediction(s) in {label} have an id that is not among {among} (not scored): {shown}")
    from_text = sum(1 for d in docs if d.evaluated and d.reference == "text")
    if from_text:
        notes.append(
            f"{counted(from_text, 'document')} scored against the abstract found under its heading in the text"
            " (no abstract field or ABSTRACT section given)"
        )
    notes.extend(_other_language_note(docs))
    filled = sum(d.record_prediction for d in docs)
    if filled and not record_predictions:
        notes.append(
            f"{counted(filled, 'record')} with a filled-in PREDICTION section, not scored: to score it, give the"
            " records (their file or folder) as --predictions too"
        )
    if duplicates:
        shown = ", ".join(repr(d) for d in dict.fromkeys(duplicates[:LISTED]))
        more = f", ... ({len(duplicates) - LISTED:,} more)" if len(duplicates) > LISTED else ""
        files = ", ".join(f"{n:,} from {file}" for file, n in duplicated_in.items())
        notes.append(
            f"{counted(len(duplicates), 'duplicate id')} left out ({files}), only the first occurrence evaluated: {shown}{more}"
        )
    if AUTO in names:
        notes.extend(_auto_note(docs))
    unscored = sum(not d.evaluated for d in docs)
    read = (
        f"{counted(len(docs), 'document')} read ({len(docs) - unscored} evaluated)"
        if unscored
        else counted(len(docs), "document")
    )
    notes.append(f"{read} in {elapsed:.1f} s ({len(docs) / max(elapsed, 1e-9):.1f} docs/s, {jobs} worker(s))")
    evaluation = build_evaluation(
        docs,
        (*names[:-1], *loaded, names[-1]),
        words=words,
        seed=seed,
        resamples=resamples,
        partial=interrupted,
        expected=total,
        notes=notes,
        model=model_path,
    )
    render_terminal(evaluation, output_console(width=max(120, Console().width), highlight=False))
    try:
        for written in (json_path, html_path):
            if written is not None:
                written.parent.mkdir(parents=True, exist_ok=True)
        if json_path is not None:
            json_path.write_text(json.dumps(to_dict(evaluation), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if html_path is not None:
            html_path.write_text(render_html(evaluation), encoding="utf-8")
    except OSError as err:
        fail(f"cannot write the report ({err.strerror or err}: {err.filename})", EXIT_INPUT)
    sys.stdout.flush()
    if interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)
    line = _failed_line(evaluation, no_text, len(duplicates), repeated)
    if line:
        report(line)
        raise typer.Exit(EXIT_INPUT)


def _repeated_in_data(repeated_ids: dict[str, frozenset[str]], seen: set[str], interrupted: bool) -> dict[str, int]:
    """How many ids each predictions file predicts more than once among the documents read: an id
    not in DATA is scored for no document, so which of its predictions was meant does not matter
    (it is counted with the ids not in DATA) and fails nothing. Interrupted, all are counted (the
    documents not read yet are unknown)."""
    counts = {path: len(ids if interrupted else ids & seen) for path, ids in repeated_ids.items()}
    return {path: n for path, n in counts.items() if n}


def _same_file(a: str, b: str) -> bool:
    """Whether two --predictions paths name one file (by any path); a missing one is not compared."""
    try:
        return a == b or os.path.samefile(a, b)
    except OSError:
        return False


def _prediction_label(path: str, names: tuple[str, ...], loaded: dict[str, Any]) -> str:
    """A predictions file's row: its name without .gz/.jsonl/.json; where a method or another file
    has that name, its folder's name before it (runs/a/preds, runs/b/preds: "a/preds", "b/preds"),
    and `file:` before a method's name (a file named lead.jsonl is not the lead method)."""
    label = Path(path).name.removesuffix(".gz").removesuffix(".jsonl").removesuffix(".json") or path
    if label in names:
        return f"file:{label}"
    if label not in loaded:
        return label
    folder = Path(path).resolve().parent.name
    qualified = f"{folder}/{label}" if folder else label
    return qualified if qualified not in loaded else f"file:{path}"


def _auto_note(docs: list[DocResult]) -> list[str]:
    """What the `auto` row scored: per document the method `synopsis summarize` runs by default,
    which depends on the document's language, so the row's mix is said (each document's is in --json)."""
    from ..evaluate.runner import AUTO
    from ..scorers.registry import DEFAULT_METHOD

    ran = Counter(d.results[AUTO].method for d in docs if d.evaluated and d.results[AUTO].method)
    if not ran:
        return []
    parts = [
        f"{method} for {counted(n, 'document')} {'in English' if method == DEFAULT_METHOD else 'not in English'}"
        for method, n in sorted(ran.items(), key=lambda item: (item[0] != DEFAULT_METHOD, item[0]))
    ]
    return [f"auto is what `synopsis summarize` gives by default, chosen by each document's language: {', '.join(parts)}"]


def _other_language_note(docs: list[DocResult]) -> list[str]:
    """The documents whose reference abstract reads as another language than their text (a
    bilingual journal's second abstract, a wrong --lang): scored, but no summary of the text can
    share its words, so the report says which."""
    other = [d for d in docs if d.evaluated and d.reference_language]
    if not other:
        return []
    shown = listed(other, LISTED, lambda d: f"{d.id} ({d.reference_language}; the text read as {d.language})")
    return [
        f"{counted(len(other), 'document')} whose reference abstract reads as another language than the text"
        f" (scored with the text's tokenizer; no summary of the text can match it): {shown}"
    ]


def _failed_line(
    evaluation: Any, no_text: NoTextField, duplicates: int = 0, repeated: dict[str, int] | None = None
) -> str | None:
    """The last line of a run with failures: every kind counted (a method failed: scored 0; not
    evaluated: left out; no text field: not read; a duplicate id: left out, as `batch` does and with
    its exit status), each where the report lists it; then each predictions file that predicts an
    id more than once (the first prediction scored), with the same exit status."""
    failed = len({f.doc_id for f in evaluation.failures})
    parts = [
        f"{failed} failed for at least one method (scored 0, listed in the report)" if failed else "",
        f"{len(evaluation.not_evaluated)} not evaluated (unreadable or no reference abstract; listed in the report)"
        if evaluation.not_evaluated
        else "",
        f"{counted(no_text.count, 'record')} without a {no_text.field!r} field (not read)" if no_text.count else "",
        f"{counted(duplicates, 'duplicate id')} (left out; listed in the report)" if duplicates else "",
    ]
    total = failed + len(evaluation.not_evaluated) + no_text.count + duplicates
    lines = [f"{total} document(s) failed: {'; '.join(p for p in parts if p)}"] if total else []
    lines += [
        f"{path}: {counted(n, 'id')} predicted more than once (the first prediction scored, named above)"
        for path, n in (repeated or {}).items()
    ]
    return "; ".join(lines) or None


def _none_evaluated(docs: list[Any], abstract_field: str) -> str:
    """The one line for a run in which no document could be scored (instead of a report of zeros):
    most often a mistyped --abstract-field, so that is named when no document had an abstract."""
    from ..evaluate.runner import NO_REFERENCE

    if all(d.error == NO_REFERENCE for d in docs):
        return (
            f"none of the {counted(len(docs), 'document')} read has a reference abstract to score against"
            f" (JSONL: set its field with --abstract-field, now {abstract_field}; text: an 'Abstract' heading)"
        )
    first = next(d for d in docs if not d.evaluated)
    shown = first.error if (first.error or "").startswith(first.id) else f"{first.id}: {first.error}"
    return f"none of the {counted(len(docs), 'document')} read could be evaluated; the first: {shown}"


def check_reports(reports: dict[str, Path | None], inputs: list[str]) -> None:
    """Refuse a report path that cannot be written before the evaluation, not after its minutes:
    a folder, a path below a file, no write permission, an input (it would be overwritten), or one
    file for both reports. Missing folders are created when the report is written."""
    given = {option: path for option, path in reports.items() if path is not None}
    for option, path in given.items():
        if path.is_dir():
            fail(f"{option} {path} is a folder; name the report file (e.g. {option} {path / ('report.' + option[2:])})")
        check_not_an_input(path, inputs, shown=str(path), what="the report", option=option)
        check_writable(path, str(path), option)
    if len(given) == 2 and os.path.abspath(given["--json"]) == os.path.abspath(given["--html"]):
        fail(f"--json and --html name the same file {given['--json']}; give each report its own")


def _model_for(model: str | None, names: tuple[str, ...]) -> str:
    """--model's checked path for the methods that take a model ("" when not given), or exit when
    none of the methods would use it (a silent no-op would report the shipped model's scores)."""
    from ..scorers.learned import takes_model

    if model is None:
        return ""
    trained = [name for name in names if takes_model(name)]
    if not trained:
        fail(f"--model: none of the methods ({', '.join(names)}) uses a trained model; add -m supervised or -m reranked")
    params: tuple[tuple[str, str], ...] = ()
    for name in trained:
        params = checked_model(model, name)
    return dict(params)["model"]
