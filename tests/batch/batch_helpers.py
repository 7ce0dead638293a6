"""Helpers for the batch tests (plain functions; fixtures are in conftest.py)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from synopsis.batch import BatchOptions
from synopsis.cli.app import CLI_NAMES
from synopsis.ingest import read_articles
from synopsis.output import summary_to_dict
from synopsis.pipeline import build_document, summarize_document
from synopsis.types import Budget

# Error rows word settings as `synopsis batch` does (its flags).
OPTIONS = BatchOptions(budget=Budget(words=60), names=tuple(CLI_NAMES.items()))


def write_jsonl(path: Path, records: Sequence[dict[str, Any]], *, extra: Sequence[tuple[int, str]] = ()) -> Path:
    """Write `records` one per line, with raw `extra` lines at the given (final) line indices."""
    lines = [json.dumps(record) for record in records]
    for position, raw in sorted(extra):
        lines.insert(position, raw)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def read_rows(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def pipeline_rows(path: Path, options: BatchOptions = OPTIONS) -> list[dict[str, Any]]:
    """What the pipeline gives document by document, without the batch machinery."""
    rows = []
    for article in read_articles(str(path)):
        assert not isinstance(article, Exception)
        doc = build_document(article)
        rows.append(summary_to_dict(summarize_document(doc, method=options.method, budget=options.budget), doc))
    return rows
