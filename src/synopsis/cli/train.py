"""`synopsis train`: fit the supervised sentence scorer and the summary reranker, and write their JSON model file."""

from __future__ import annotations

import importlib.util
import time
from pathlib import Path

import typer

from ..errors import InputError, MissingExtra
from ..ingest import JsonlFields, read_articles
from ..types import Article
from .app import CLI_NAMES, EXIT_INPUT, app, check_whole, fail, report


@app.command("train")
def train_command(
    data: list[str] = typer.Argument(..., metavar="DATA...", help="Articles with author abstracts (JSONL, records)."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the model (JSON)."),
    exclude_source: list[str] = typer.Option([], help="Leave out articles whose `source` contains this (repeatable)."),
    rounds: int | None = typer.Option(None, help="Boosting rounds [default: the tuned value]."),
    text_field: str = typer.Option("full_text", help="JSONL field with the article text."),
    abstract_field: str = typer.Option("abstract", help="JSONL field with the author abstract (the training target)."),
) -> None:
    """Train on articles with abstracts; the same data and options always give the same model.

    The shipped model was made with `synopsis train ../shared/data/dev/*.jsonl -o src/synopsis/data/supervised.json`.
    """
    check_whole(rounds=rounds)
    try:
        from ..train import ROUNDS, fit, prepare
    except ImportError as err:
        fail(str(MissingExtra("Training", "train,eval", str(err))))
    # Checked before the minutes of preparing the articles, not when the fitting needs them.
    missing = [name for name in ("lightgbm", "sklearn") if importlib.util.find_spec(name) is None]
    if missing:
        fail(str(MissingExtra("Training", "train,eval", f"{' and '.join(missing)} not found")))
    started = time.time()
    fields = JsonlFields(text=text_field, abstract=abstract_field)
    articles: list[Article] = []
    failures = 0
    for path in data:
        for item in read_articles(path, fields=fields):
            if isinstance(item, InputError):
                report(item.worded(CLI_NAMES))
                failures += 1
                continue
            source = str(item.meta.get("source", ""))
            if any(excluded.lower() in source.lower() for excluded in exclude_source):
                continue
            articles.append(item)

    def skipped(doc_id: str, err: Exception) -> None:
        nonlocal failures
        failures += 1
        report(f"{doc_id}: skipped ({err})")

    examples = prepare(articles, on_error=skipped)
    if not examples:
        fail("no article with an abstract and body text to train on", EXIT_INPUT)
    print(f"training on {len(examples)} articles ...", flush=True)
    command = " ".join(["synopsis train", *data, "-o", str(output)])
    model = fit(examples, rounds=rounds or ROUNDS, info={"command": command})
    output.parent.mkdir(parents=True, exist_ok=True)
    model.save(output)
    size = output.stat().st_size / 1e6
    reranker = f", a reranker over {model.reranker.info.get('candidates', 0):,} candidate summaries" if model.reranker else ""
    print(f"wrote {output} ({size:.1f} MB, {len(model.roots)} trees{reranker}) in {time.time() - started:.0f}s")
    if failures:
        raise typer.Exit(EXIT_INPUT)
