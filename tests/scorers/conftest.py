"""Fixtures shared by the reranker's model tests (bigram and word models)."""

from __future__ import annotations

import pytest

from synopsis.features import compute_features
from synopsis.pipeline import build_document
from synopsis.types import Article, Document


def dev_document(record: dict[str, str]) -> Document:
    """A dev sample record as a Document, its full text the body."""
    return build_document(Article(record["id"], record["full_text"], (0, len(record["full_text"])), record["title"]))


@pytest.fixture(scope="module")
def documents(dev_sample: list[dict[str, str]]):  # type: ignore[no-untyped-def]
    """(doc, features, abstract) of every dev sample article."""
    out = []
    for record in dev_sample:
        doc = dev_document(record)
        out.append((doc, compute_features(doc), record["abstract"]))
    return out
