"""`synopsis train` reads a reference abstract as `synopsis evaluate` does (`evaluate.reference`)."""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from synopsis.types import Article

DEV_SAMPLE = Path(__file__).parent / "data" / "dev_sample.jsonl"


def training() -> Any:
    pytest.importorskip("rouge_score_rs")
    return importlib.import_module("synopsis.train")


def _article(row: dict[str, str], abstract: str, doc_id: str) -> Article:
    text = row["full_text"]
    return Article(doc_id, text, (0, len(text)), row["title"], abstract, {"source": "test"})


def test_train_learns_from_the_abstract_without_its_summary_heading() -> None:
    """Was: "Summary" (or "Abstract") above the abstract was a word of every training label's
    reference, and an abstract that was only "SUMMARY" trained as one with nothing to match."""
    row = json.loads(DEV_SAMPLE.read_text(encoding="utf-8").splitlines()[0])
    errors: list[tuple[str, str]] = []
    examples = training().prepare(
        [
            _article(row, "Summary\n\n" + row["abstract"], "summary"),
            _article(row, "Résumé :\n" + row["abstract"], "resume"),
            _article(row, "SUMMARY", "only-heading"),
        ],
        on_error=lambda doc_id, err: errors.append((doc_id, f"error: {err}")),
        on_unusable_abstract=lambda doc_id, why: errors.append((doc_id, why)),
    )
    assert [e.doc.id for e in examples] == ["summary", "resume"]
    assert [e.abstract.strip() for e in examples] == [row["abstract"].strip()] * 2
    assert errors == [("only-heading", "its reference abstract is only a heading ('SUMMARY'), no text to score against")]


def test_train_exits_0_when_an_abstract_is_only_a_heading(tmp_path: Path) -> None:
    """A review: such an article was skipped as an input error (exit status 1), where one with an
    empty abstract is skipped with exit status 0: both are articles without an abstract to learn."""
    from typer.testing import CliRunner

    from synopsis.cli import app

    rows = [json.loads(line) for line in DEV_SAMPLE.read_text(encoding="utf-8").splitlines()[:4]]
    rows.append({**rows[0], "id": "headonly", "abstract": "SUMMARY"})
    corpus = tmp_path / "t.jsonl"
    corpus.write_text("".join(json.dumps({**r, "full_text": r["full_text"][:20000]}) + "\n" for r in rows), encoding="utf-8")
    result = CliRunner().invoke(app, ["train", str(corpus), "-o", str(tmp_path / "m.json"), "--rounds", "2"])
    assert result.exit_code == 0, result.output
    assert "headonly: skipped (its reference abstract is only a heading ('SUMMARY')" in result.output
