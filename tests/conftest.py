"""Small real fixtures: the bundled example record and two articles from each dev source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
EXAMPLE = ROOT / "examples" / "000_9c8af2bd0370aa32.txt"


@pytest.fixture(scope="session")
def example_path() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def dev_sample() -> list[dict[str, str]]:
    """Two articles per dev source (scisummnet, sumpubmed, plos, dhq), unchanged."""
    with (DATA / "dev_sample.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.fixture(scope="session")
def dev_sample_path() -> Path:
    return DATA / "dev_sample.jsonl"
