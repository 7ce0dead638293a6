"""Batch fixtures: the dev sample cut to its first 5,000 characters (real text, quick to
summarize), written as JSONL."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_helpers import write_jsonl


@pytest.fixture(scope="session")
def short_articles(dev_sample: list[dict[str, str]]) -> list[dict[str, str]]:
    return [{**record, "full_text": record["full_text"][:5000]} for record in dev_sample]


@pytest.fixture
def corpus(tmp_path: Path, short_articles: list[dict[str, str]]) -> Path:
    return write_jsonl(tmp_path / "corpus.jsonl", short_articles)
