"""`synopsis extract`: the text synopsis reads from an article, above all from a PDF.

For a PDF this is the layout analysis' result: title, abstract, headings and body in reading order.
Its `text` output is exactly the text that summary spans (`summarize --output json`) point into.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import typer

from ..errors import InputError
from ..ingest import FORMATS, JsonlFields, read_articles
from ..ingest.decode import MAX_TEXT_BYTES
from ..output import article_to_dict, id_heading, render_article_record
from ..pipeline import article_language, clean_article
from ..types import Article
from .app import (
    EXIT_INPUT,
    LANG_HELP,
    NoTextField,
    app,
    check_stdin_once,
    check_whole,
    check_writable,
    checked_encoding,
    checked_lang,
    fail,
    names_for,
    report,
    unknown_output,
    write_stdout,
)
from .pdf_options import MAX_PAGES_HELP, MAX_PDF_MB_HELP, pdf_options

EXTRACT_OUTPUTS = ("text", "json", "record")
_SUFFIX = {"text": ".txt", "json": ".json", "record": ".txt"}


EXTRACT_EXAMPLES = """Examples:

* `synopsis extract paper.pdf | less`: the text that summaries are taken from

* `synopsis extract -o json paper.pdf 2>/dev/null | jq .cleaning`: what cleaning removes, and why

* `synopsis extract -d texts/ corpus.jsonl`: one file per article, texts/ID.txt
"""


@app.command("extract", epilog=EXTRACT_EXAMPLES)
def extract_command(
    inputs: list[str] = typer.Argument(
        ..., metavar="INPUT...", help="Article files (.pdf, .txt, record, .jsonl[.gz], .json) or - for stdin."
    ),
    output: str = typer.Option("text", "--output", "-o", help=f"Output: {', '.join(EXTRACT_OUTPUTS)}."),
    out_dir: Path | None = typer.Option(
        None,
        "--out-dir",
        "-d",
        help="Write one file per article here instead of to stdout, named by its id: ID.txt (ID.json with "
        "--output json); an id's path parts are joined by an underscore (a/b gives a_b, ../x gives x), control "
        "characters become one too, and leading dots go. A name taken earlier in the run gets -2, -3 ... (said on stderr). Files "
        "never land outside this folder; a file of the same name from an earlier run is replaced.",
    ),
    fmt: str = typer.Option("auto", "--format", "-f", help=f"Input format: {', '.join(FORMATS)}."),
    text_field: str = typer.Option("full_text", help="JSONL field with the article text."),
    id_field: str = typer.Option("id", help="JSONL field with the article id."),
    title_field: str = typer.Option("title", help="JSONL field with the title."),
    abstract_field: str = typer.Option("abstract", help="JSONL field with the author abstract."),
    encoding: str | None = typer.Option(
        None, help="Encoding of text inputs when not UTF-8 (e.g. cp1252); never guessed. A byte-order mark wins where it decodes."
    ),
    max_bytes: int = typer.Option(MAX_TEXT_BYTES, help="Refuse text inputs larger than this."),
    max_pages: int | None = typer.Option(None, help=MAX_PAGES_HELP),
    max_pdf_mb: float | None = typer.Option(None, help=MAX_PDF_MB_HELP),
    lang: str = typer.Option("auto", "--lang", help=LANG_HELP),
) -> None:
    """Print what synopsis extracts from each input: title, abstract, headings and body.

    --output text prints the extracted text itself (summary spans are offsets into it), json adds
    the title, abstract, headings, footnotes and what was removed (for a PDF, what its layout
    analysis left out; for every input, under "cleaning", what cleaning then removes from the body,
    each with its reason and span), and record writes a dataset
    record (ABSTRACT, an empty PREDICTION, FULL TEXT). Exit status 1 when any input failed (records
    without the --text-field field are said in one line for the run); 2 for a usage error or a
    missing extra.
    """
    if output not in EXTRACT_OUTPUTS:
        unknown_output(output, EXTRACT_OUTPUTS)
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    check_stdin_once(inputs)
    if output == "record" and out_dir is None and len(inputs) > 1:
        fail("--output record with several inputs needs --out-dir (one record file per input)")
    check_whole(max_bytes=max_bytes)
    encoding = checked_encoding(encoding)
    fields = JsonlFields(text=text_field, id=id_field, title=title_field, abstract=abstract_field)
    options = pdf_options(max_pages, max_pdf_mb)
    lang = checked_lang(lang)
    if out_dir is not None:
        _check_out_dir(out_dir)
    failures = read = 0
    no_text = NoTextField(text_field)
    taken: set[str] = set()
    for path in inputs:
        items = read_articles(path, format=fmt, fields=fields, encoding=encoding, max_bytes=max_bytes, pdf=options)
        if output == "record" and out_dir is None:
            items = _one_record(items, path)
        for item in items:
            if isinstance(item, InputError):
                if not no_text.take(item):
                    report(item.worded(names_for("extract")))
                failures += 1
                continue
            read += 1
            for warning in item.meta.get("pdf_warnings", ()):  # pages not read: scanned, unreadable glyph codes
                report(f"warning: {warning}")
            rendered = _render(item, output, lang)
            if out_dir is not None:
                failures += not _write_file(out_dir, item, rendered, _SUFFIX[output], taken)
            elif output == "text" and (len(inputs) > 1 or item.meta.get("format") in _CORPUS_FORMATS):
                write_stdout(f"{id_heading(item.id)}\n{rendered}\n")
            else:
                write_stdout(rendered, json_lines=output == "json")
    no_text.report(read)
    if failures:
        raise typer.Exit(EXIT_INPUT)


# Inputs that hold several articles: their text output names each, as for several inputs.
_CORPUS_FORMATS = ("jsonl", "json")


def _one_record(items: Iterator[Article | InputError], path: str) -> Iterator[Article | InputError]:
    """`items`, refused before anything is written when they hold more than one article: records
    written one after another on stdout would read back as one record."""
    first: list[Article | InputError] = []
    for item in items:
        first.append(item)
        if sum(isinstance(seen, Article) for seen in first) > 1:
            fail(f"{path} holds several articles; --output record needs --out-dir for them (one record file per article)")
    return iter(first)


def _check_out_dir(out_dir: Path) -> None:
    """Make the --out-dir folder, or exit 2 before any work when it cannot take the files: a file
    of that name (a "File exists" line said nothing useful), a link to nothing, or a folder where
    no file can be written (each article's file would fail in a line of its own): the check of
    every output file (`check_writable`), for a file in that folder."""
    if out_dir.is_symlink() and not out_dir.exists():
        fail(f"--out-dir {out_dir}: is a symbolic link to nothing ({os.readlink(out_dir)})")
    if out_dir.exists() and not out_dir.is_dir():
        fail(f"--out-dir {out_dir}: is a file, not a folder")
    check_writable(out_dir / ".synopsis-write-check", str(out_dir), "--out-dir")  # only looked at, never made
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        fail(f"--out-dir {out_dir}: cannot create the folder ({err.strerror or err})")


def _write_file(out_dir: Path, article: Article, rendered: str, suffix: str, taken: set[str]) -> bool:
    """Write one article's output into `out_dir` under a safe name not used earlier in this run
    (`taken`, folded for case-insensitive file systems); False, said in one line, when it cannot be
    written."""
    wanted = file_name(article.id)
    target = out_dir / _unique_name(wanted, suffix, taken)
    if target.name != wanted + suffix:
        report(f"{_where(article)}: {out_dir / (wanted + suffix)} is taken by an earlier article; written to {target}")
    if target.is_symlink():  # writing through it would land wherever it points
        report(f"{_where(article)}: {target} is a link, not followed; remove it or choose another --out-dir")
        return False
    try:
        target.write_text(rendered, encoding="utf-8")
    except OSError as err:
        report(f"{_where(article)}: cannot write {target} ({err.strerror or err})")
        return False
    return True


# A file name is at most 255 bytes on common file systems; room is left for "-NN" and the suffix.
_NAME_BYTES = 200
_SEPARATORS = re.compile(r"[/\\]+")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


def file_name(doc_id: str) -> str:
    """A file name made from an article id that stays inside the output folder and is readable:
    the id's path parts joined by "_" ("a/b" -> "a_b", "../x" -> "x", "/tmp/x" -> "tmp_x"; "." and
    ".." parts dropped), control characters made "_", leading dots dropped (no hidden file), an
    empty result named "article", an over-long one cut and given a hash of the whole id so that two
    long ids stay apart. The same id always gives the same name."""
    parts = [part for part in _SEPARATORS.split(doc_id) if part not in ("", ".", "..")]
    name = _CONTROL.sub("_", "_".join(parts)).lstrip(".")
    if not name.strip("_ "):
        name = "article"
    if len(name.encode("utf-8")) > _NAME_BYTES:
        digest = hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        name = name.encode("utf-8")[: _NAME_BYTES - 11].decode("utf-8", "ignore") + "-" + digest
    return name


def _unique_name(name: str, suffix: str, taken: set[str]) -> str:
    """`name` + `suffix`, or the first free `name-2` + `suffix`, `name-3` ...: input order decides,
    so a re-run writes the same files."""
    candidate, number = name + suffix, 1
    while candidate.casefold() in taken:
        number += 1
        candidate = f"{name}-{number}{suffix}"
    taken.add(candidate.casefold())
    return candidate


def _where(article: Article) -> str:
    """file or file:line of an article, as error lines name it."""
    line = article.meta.get("line")
    source = article.meta.get("input", article.id)
    return f"{source}" if line is None else f"{source}:{line}"


def _render(article: Article, output: str, lang: str = "auto") -> str:
    if output == "json":
        found, warning = article_language(article, lang)
        cleaned = clean_article(article, found.code)
        return json.dumps(article_to_dict(article, found.code, cleaned, warning), ensure_ascii=False) + "\n"
    if output == "record":
        return render_article_record(article)
    return article.text if article.text.endswith("\n") else article.text + "\n"
