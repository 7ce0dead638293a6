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


@pytest.fixture(scope="session")
def trained_model(tmp_path_factory: pytest.TempPathFactory, dev_sample: list[dict[str, str]]) -> Path:
    """A small model made by `synopsis train` (two trees and a reranker) on the eight sample articles,
    for the tests of `--model` in every front end."""
    pytest.importorskip("lightgbm")
    from typer.testing import CliRunner

    from synopsis.cli import app

    folder = tmp_path_factory.mktemp("model")
    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(json.dumps({**r, "full_text": r["full_text"][:20000]}) + "\n" for r in dev_sample))
    result = CliRunner().invoke(app, ["train", str(corpus), "--rounds", "2", "-o", str(folder / "model.json")])
    assert result.exit_code == 0, result.output
    return folder / "model.json"
