"""`synopsis extract`: the text synopsis reads from an article, above all from a PDF.

For a PDF this is the layout analysis' result: title, abstract, headings and body in reading order.
Its `text` output is exactly the text that summary spans (`summarize --output json`) point into.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from ..errors import InputError
from ..ingest import FORMATS, read_articles
from ..output import article_to_dict, render_article_record
from ..pipeline import article_language
from ..types import Article
from .app import CLI_NAMES, EXIT_INPUT, LANG_HELP, app, checked_lang, fail, report
from .pdf_options import MAX_PAGES_HELP, MAX_PDF_MB_HELP, pdf_options

EXTRACT_OUTPUTS = ("text", "json", "record")
_SUFFIX = {"text": ".txt", "json": ".json", "record": ".txt"}


@app.command("extract")
def extract_command(
    inputs: list[str] = typer.Argument(
        ..., metavar="INPUT...", help="Article files (.pdf, .txt, record, .jsonl) or - for stdin."
    ),
    output: str = typer.Option("text", "--output", "-o", help=f"Output: {', '.join(EXTRACT_OUTPUTS)}."),
    out_dir: Path | None = typer.Option(
        None, "--out-dir", "-d", help="Write one file per input here (NAME.txt or NAME.json) instead of to stdout."
    ),
    fmt: str = typer.Option("auto", "--format", "-f", help=f"Input format: {', '.join(FORMATS)}."),
    max_pages: int | None = typer.Option(None, help=MAX_PAGES_HELP),
    max_pdf_mb: float | None = typer.Option(None, help=MAX_PDF_MB_HELP),
    lang: str = typer.Option("auto", "--lang", help=LANG_HELP),
) -> None:
    """Print what synopsis extracts from each input: title, abstract, headings and body.

    --output text prints the extracted text itself (summary spans are offsets into it), json adds
    the title, abstract, headings, footnotes and what was removed, and record writes a dataset
    record (ABSTRACT, an empty PREDICTION, FULL TEXT). Exit status 1 when any input failed.
    """
    if output not in EXTRACT_OUTPUTS:
        fail(f"unknown output {output!r}; choose one of {', '.join(EXTRACT_OUTPUTS)}")
    if fmt not in FORMATS:
        fail(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if output == "record" and out_dir is None and len(inputs) > 1:
        fail("--output record with several inputs needs --out-dir (one record file per input)")
    options = pdf_options(max_pages, max_pdf_mb)
    lang = checked_lang(lang)
    if out_dir is not None:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
        except OSError as err:
            fail(f"{out_dir}: cannot create the output folder ({err.strerror or err})")
    failures = 0
    for path in inputs:
        for item in read_articles(path, format=fmt, pdf=options):
            if isinstance(item, InputError):
                report(item.worded(CLI_NAMES))
                failures += 1
                continue
            rendered = _render(item, output, lang)
            if out_dir is not None:
                target = out_dir / f"{item.id}{_SUFFIX[output]}"
                target.write_text(rendered, encoding="utf-8")
            elif output == "text" and len(inputs) > 1:
                _write(f"# {item.id}\n{rendered}\n")
            else:
                _write(rendered)
    if failures:
        raise typer.Exit(EXIT_INPUT)


def _render(article: Article, output: str, lang: str = "auto") -> str:
    if output == "json":
        language = article_language(article, lang)[0].code
        return json.dumps(article_to_dict(article, language), ensure_ascii=False) + "\n"
    if output == "record":
        return render_article_record(article)
    return article.text if article.text.endswith("\n") else article.text + "\n"


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()
