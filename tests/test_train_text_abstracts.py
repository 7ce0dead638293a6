"""`synopsis train` on plain-text papers: the abstract under their "Abstract" heading is the target,
as `summarize` finds it and `evaluate` scores against it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synopsis.ingest import read_articles
from synopsis.train import prepare
from synopsis.types import Article

LANG = Path(__file__).parent / "data" / "lang"
runner = CliRunner()


def test_a_text_without_an_abstract_field_trains_on_the_abstract_under_its_heading() -> None:
    """Was: skipped as "with an empty or missing abstract (--abstract-field abstract)", though
    `evaluate` scores the same file against that abstract."""
    (article,) = [a for a in read_articles(LANG / "de.txt") if isinstance(a, Article)]
    assert not article.abstract
    skipped: list[str] = []
    (example,) = prepare([article], on_no_abstract=skipped.append)
    assert skipped == []
    assert example.abstract.startswith("Der Aufsatz untersucht, wie digitale Briefeditionen")
    assert not any("Der Aufsatz untersucht" in s.text for s in example.doc.sentences if s.candidate), (
        "the abstract's sentences are no training candidates"
    )


@pytest.mark.slow
def test_train_on_two_plain_text_papers(tmp_path: Path) -> None:
    pytest.importorskip("lightgbm")
    from synopsis.cli import app

    model = tmp_path / "model.json"
    result = runner.invoke(app, ["train", str(LANG / "de.txt"), str(LANG / "fr.txt"), "-o", str(model), "--rounds", "1"])
    assert result.exit_code == 0, result.output
    assert "training on 2 articles" in result.output
    assert json.loads(model.read_text(encoding="utf-8"))["format"] == "synopsis-trees/1"
