"""`synopsis train`: fit the supervised sentence scorer and the summary reranker, and write their JSON model file."""

from __future__ import annotations

import importlib.util
import os
import shlex
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from ..errors import InputError, MissingExtra
from ..ingest import JsonlFields, read_articles
from ..types import Article
from .app import CLI_NAMES, EXIT_INPUT, app, check_not_an_input, check_whole, fail, report

if TYPE_CHECKING:
    from ..scorers.learned import TreeModel

# How many ids the line about articles without an abstract names (all are counted).
LISTED_IDS = 10


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

    Articles without an abstract are left out (one line says how many); the model records the
    command that rebuilds it. The shipped model was made with `synopsis train
    ../shared/data/dev/*.jsonl -o src/synopsis/data/supervised.json`.
    """
    check_whole(rounds=rounds)
    check_output(output, data)
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

    no_abstract: list[str] = []
    examples = prepare(articles, on_error=skipped, on_no_abstract=no_abstract.append)
    if no_abstract:
        report(no_abstract_line(no_abstract, abstract_field))
    if not examples:
        fail("no article with an abstract and body text to train on", EXIT_INPUT)
    print(f"training on {len(examples)} articles ...", flush=True)
    rounds = rounds or ROUNDS
    command = recorded_command(
        data, output, rounds=rounds, exclude_source=exclude_source, text_field=text_field, abstract_field=abstract_field
    )
    model = fit(examples, rounds=rounds, info={"command": command})
    write_model(model, output)
    size = output.stat().st_size / 1e6
    reranker = f", a reranker over {model.reranker.info.get('candidates', 0):,} candidate summaries" if model.reranker else ""
    print(f"wrote {output} ({size:.1f} MB, {len(model.roots)} trees{reranker}) in {time.time() - started:.0f}s")
    if failures:
        raise typer.Exit(EXIT_INPUT)


def check_output(output: Path, data: Sequence[str]) -> None:
    """Refuse an -o the model cannot be written to, or one that names the training data, before the
    minutes of training rather than in a traceback after them."""
    if output.is_dir():
        fail(f"-o {output} is a folder; name the model file (e.g. -o {output / 'model.json'})")
    check_not_an_input(output, data, shown=str(output), what="the model")
    folder = output.parent
    while not folder.exists() and folder != folder.parent:  # write_model creates the missing folders
        folder = folder.parent
    if not folder.is_dir():
        fail(f"-o {output}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK) or (output.exists() and not os.access(output, os.W_OK)):
        fail(f"-o {output}: permission denied (cannot write {output if output.exists() else folder})", EXIT_INPUT)


def no_abstract_line(ids: Sequence[str], abstract_field: str) -> str:
    """One line for the articles left out for want of an abstract: how many, why, and which."""
    listed = ", ".join(ids[:LISTED_IDS]) + (f", ... ({len(ids) - LISTED_IDS} more)" if len(ids) > LISTED_IDS else "")
    return (
        f"skipped {len(ids)} article(s) with an empty or missing abstract (--abstract-field {abstract_field}), "
        f"nothing to learn from: {listed}"
    )


def recorded_command(
    data: Sequence[str], output: Path, *, rounds: int, exclude_source: Sequence[str], text_field: str, abstract_field: str
) -> str:
    """The command that rebuilds the model: every option that shapes it, defaults included (a later
    version may change them), in one fixed order and quoted for a shell."""
    words = ["synopsis", "train", *data, "-o", str(output), "--rounds", str(rounds)]
    for excluded in exclude_source:
        words += ["--exclude-source", excluded]
    words += ["--text-field", text_field, "--abstract-field", abstract_field]
    return shlex.join(words)


def write_model(model: TreeModel, output: Path) -> None:
    """Write the model whole or not at all (a full disk must not leave half a model where a good one
    was), or exit with one line when it cannot be written."""
    temporary: Path | None = None
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=output.parent, prefix=f".{output.name}.", suffix=".tmp")
        os.close(handle)
        temporary = Path(name)
        model.save(temporary)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)  # the mode a plain write gives, not mkstemp's 0600
        os.replace(temporary, output)
    except OSError as err:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        fail(f"{err.filename or output}: cannot write the model ({err.strerror or err})", EXIT_INPUT)
