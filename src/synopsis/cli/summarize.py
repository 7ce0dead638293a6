"""`synopsis summarize`: summarize articles from files or stdin."""

from __future__ import annotations

import codecs
import sys

import typer

from ..errors import InputError
from ..ingest import FORMATS, JsonlFields, read_articles
from ..ingest.decode import MAX_TEXT_BYTES
from ..limits import CLI_MEMORY_MB, MAX_CHARS
from ..output import (
    OUTPUTS,
    document_warnings,
    id_heading,
    over_budget_warning,
    record_output_refusal,
    render_as_record,
    render_json,
    render_scores,
    render_text,
)
from ..pipeline import RunOptions
from ..process import ErrorRow, process
from ..types import Article, Document, Summary
from .app import (
    EXIT_INPUT,
    LANG_HELP,
    MODEL_HELP,
    NoTextField,
    app,
    check_stdin_once,
    check_whole,
    checked_budget,
    checked_encoding,
    checked_lang,
    checked_model,
    fail,
    names_for,
    report,
    unknown_output,
    write_stdout,
)
from .pdf_options import MAX_PAGES_HELP, MAX_PDF_MB_HELP, pdf_options

_BOM_CODECS = {
    codecs.BOM_UTF8: "utf-8",
    codecs.BOM_UTF16_LE: "utf-16-le",
    codecs.BOM_UTF16_BE: "utf-16-be",
    codecs.BOM_UTF32_LE: "utf-32-le",
    codecs.BOM_UTF32_BE: "utf-32-be",
}


# The input formats `render_as_record` can write as a record (the others are a collection of articles).
RECORD_INPUTS = ("record", "text", "pdf")


SUMMARIZE_EXAMPLES = """Examples:

* `synopsis summarize paper.txt`: 200 words of whole sentences, as text

* `synopsis summarize -s 5 a.txt b.txt`: five sentences of each, under a "# ID" heading each

* `synopsis summarize -o json corpus.jsonl 2>/dev/null | jq .sentences`: one JSON object per article, one a line

* `cat paper.txt | synopsis summarize -`: the article from stdin
"""


@app.command("summarize", epilog=SUMMARIZE_EXAMPLES)
def summarize_command(
    inputs: list[str] = typer.Argument(
        ..., metavar="INPUT...", help="Article files (.txt, record, .jsonl[.gz], .json, .pdf) or - for stdin."
    ),
    method: str = typer.Option("auto", "--method", "-m", help="Method name (see `synopsis methods`)."),
    words: int | None = typer.Option(
        None, "--words", "-w", help="Word budget, whole sentences only [default: 200 unless --sentences is given]."
    ),
    sentences: int | None = typer.Option(None, "--sentences", "-s", help="Sentence budget (instead of, or with, --words)."),
    fmt: str = typer.Option("auto", "--format", "-f", help=f"Input format: {', '.join(FORMATS)}."),
    output: str = typer.Option(
        "text",
        "--output",
        "-o",
        help=f"Output: {', '.join(OUTPUTS)} (json with every sentence's score: the full ranking, as the server returns it).",
    ),
    text_field: str = typer.Option("full_text", help="JSONL field with the article text."),
    id_field: str = typer.Option("id", help="JSONL field with the article id."),
    title_field: str = typer.Option("title", help="JSONL field with the title."),
    abstract_field: str = typer.Option("abstract", help="JSONL field with the author abstract."),
    encoding: str | None = typer.Option(
        None, help="Encoding of text inputs when not UTF-8 (e.g. cp1252); never guessed. A byte-order mark wins where it decodes."
    ),
    max_bytes: int = typer.Option(MAX_TEXT_BYTES, help="Refuse text inputs larger than this."),
    max_chars: int = typer.Option(
        MAX_CHARS,
        help=f"Refuse articles longer than this many characters (the default fits in {CLI_MEMORY_MB:,} MB of memory).",
    ),
    max_pages: int | None = typer.Option(None, help=MAX_PAGES_HELP),
    max_pdf_mb: float | None = typer.Option(None, help=MAX_PDF_MB_HELP),
    lang: str = typer.Option("auto", "--lang", help=LANG_HELP),
    model: str | None = typer.Option(None, "--model", help=MODEL_HELP),
) -> None:
    """Summarize each article: whole sentences in document order, within the budget.

    Exit status 1 when any input (or JSONL line) failed; the others are still summarized (records
    without the --text-field field are said in one line for the run); 2 for a usage error (a bad
    option value, stdin named twice) or a missing extra (the pdf extra for a PDF). A summary over its
    word budget (no whole sentence fits it), in an unsupported language or another language than
    --lang names, or of a text missing its sentence punctuation gets a warning line on stderr.
    """
    if output not in OUTPUTS:
        unknown_output(output, OUTPUTS)
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    check_stdin_once(inputs)
    budget = checked_budget(method, words, sentences)
    check_whole(max_bytes=max_bytes, max_chars=max_chars)
    encoding = checked_encoding(encoding)
    lang = checked_lang(lang)
    fields = JsonlFields(text=text_field, id=id_field, title=title_field, abstract=abstract_field)
    pdf = pdf_options(max_pages, max_pdf_mb)
    options = RunOptions(method, budget, checked_model(model, method), max_chars=max_chars, lang=lang)
    failures = read = 0
    no_text = NoTextField(text_field)
    first_seen: dict[str, tuple[str, int | None]] = {}  # each id's first (input, JSONL line)
    for path in inputs:
        for item in read_articles(path, format=fmt, fields=fields, encoding=encoding, max_bytes=max_bytes, pdf=pdf):
            if isinstance(item, InputError) and no_text.take(item):
                failures += 1
                continue
            read += not isinstance(item, InputError)
            if output == "record" and not isinstance(item, InputError) and item.meta.get("format") not in RECORD_INPUTS:
                # One line for the input, before any work: each of its articles would be summarized, then refused.
                report(
                    f"{path}: {record_output_refusal(item.meta.get('format'))};"
                    " nothing of it was summarized (-o json or -o text can)"
                )
                failures += 1
                break
            if not isinstance(item, InputError):
                _warn_duplicate(item, path, first_seen)
            row = process(item, options)
            if isinstance(row, ErrorRow):
                report(row.error.worded(names_for("summarize")))
                failures += 1
                continue
            doc, summary = row.result.document, row.result.summary
            try:
                _warn(doc, summary, path)
                if output == "json":
                    write_stdout(render_json(summary, doc) + "\n", json_lines=True)
                elif output == "scores":
                    scores = render_scores(summary, doc, row.result.scores.tolist(), source=doc.meta.get("input", path))
                    write_stdout(scores + "\n", json_lines=True)
                elif output == "record":
                    _write_record(render_as_record(summary, doc), doc.meta.get("bom", b""))
                elif len(inputs) > 1 or doc.meta.get("format") == "jsonl":
                    write_stdout(f"{id_heading(summary.doc_id)}\n{render_text(summary)}\n\n")
                else:
                    write_stdout(render_text(summary) + "\n")
            except InputError as err:  # an output the input cannot take (a record from JSONL)
                report(err.at(doc.meta.get("input", path), doc.meta.get("line")).worded(names_for("summarize")))
                failures += 1
    no_text.report(read)
    if failures:
        raise typer.Exit(EXIT_INPUT)


def _warn(doc: Document, summary: Summary, path: str) -> None:
    """The warnings of one summary, one line each, located as error lines are (file, JSONL line): a
    language read with neutral settings, a summary over its word budget (JSON says both, text output
    would hide them), and a PDF's pages whose text was not read (scanned, unreadable glyph codes)."""
    line = doc.meta.get("line")
    where = f"{doc.meta.get('input', path)}{'' if line is None else f':{line}'}"
    for warning in (*document_warnings(doc), over_budget_warning(summary)):
        if warning:
            report(f"{where}: warning: {warning}")
    for warning in doc.meta.get("pdf_warnings", ()):  # they name the file and the pages
        report(f"warning: {warning}")


def _warn_duplicate(article: Article, path: str, first_seen: dict[str, tuple[str, int | None]]) -> None:
    """Say an id seen before in this run, with where it was first: `summarize` prints what it is
    given, so both are summarized (under the same "# id" heading, which alone would read as one
    article printed twice), where `batch`, whose output is keyed by id, keeps only the first."""
    place = (str(article.meta.get("input", path)), article.meta.get("line"))
    if article.id not in first_seen:
        first_seen[article.id] = place
        return
    first = first_seen[article.id]
    source, line = first
    if first == place:
        also = "the same place: the input is named more than once"
    elif source == place[0] and line is not None:
        also = f"line {line}"
    else:
        also = source + ("" if line is None else f":{line}")
    where = place[0] + ("" if place[1] is None else f":{place[1]}")
    # batch names files by their paths (a/p and b/p stay apart); records' own ids clash there too
    again = "summarized again, as given" + (" (batch keeps only the first)" if place[1] is not None else "")
    report(f"{where}: warning: duplicate id {article.id!r} (also {also}); {again}")


def _write_record(text: str, bom: bytes) -> None:
    """Write a record back in the input's own encoding, BOM included, so unchanged bytes stay so."""
    codec = _BOM_CODECS.get(bom, "utf-8")
    sys.stdout.flush()
    sys.stdout.buffer.write(bom + text.encode(codec))
    sys.stdout.buffer.flush()
