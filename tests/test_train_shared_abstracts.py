"""`synopsis train` says when articles of different texts share one abstract (a placeholder such as
"No abstract available", or a field that is not each article's own): the trees learn to pick the
sentences that match it everywhere. Was: a corpus whose every abstract was the same trained
without a word."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synopsis.cli import app

DEV_SAMPLE = Path(__file__).parent / "data" / "dev_sample.jsonl"
PLACEHOLDER = "No abstract is available for this article. Please see the full text of the article."


def _train(tmp_path: Path, rows: list[dict[str, str]]) -> tuple[int, str]:
    pytest.importorskip("lightgbm")
    pytest.importorskip("rouge_score_rs")
    corpus = tmp_path / "t.jsonl"
    corpus.write_text("".join(json.dumps({**r, "full_text": r["full_text"][:8000]}) + "\n" for r in rows), encoding="utf-8")
    result = CliRunner().invoke(app, ["train", str(corpus), "-o", str(tmp_path / "m.json"), "--rounds", "2"])
    return result.exit_code, result.stderr


def _rows(n: int) -> list[dict[str, str]]:
    return [json.loads(line) for line in DEV_SAMPLE.read_text(encoding="utf-8").splitlines()[:n]]


def test_train_warns_when_articles_share_one_abstract(tmp_path: Path) -> None:
    rows = _rows(4)
    rows[1]["abstract"] = rows[2]["abstract"] = PLACEHOLDER
    rows[3]["abstract"] = "  " + PLACEHOLDER.upper().replace(" ", "\n")  # spacing and case do not hide it
    code, stderr = _train(tmp_path, rows)
    assert code == 0, stderr  # said, not refused: the model is still written
    assert "warning: 3 of 4 articles share their abstract with another article (1 abstract; the most shared, by 3: " in stderr
    assert f"{rows[1]['id']}, {rows[2]['id']}, {rows[3]['id']})" in stderr and rows[0]["id"] not in stderr
    assert (tmp_path / "m.json").is_file()


def test_train_says_nothing_of_abstracts_each_article_has_its_own(tmp_path: Path) -> None:
    code, stderr = _train(tmp_path, _rows(3))
    assert code == 0, stderr
    assert "share their abstract" not in stderr


def test_the_warning_names_the_most_shared_abstract_not_the_first(tmp_path: Path) -> None:
    """A review: two versions of one paper came first, so the placeholder most articles carry was
    never named."""
    rows = _rows(6)
    rows[1]["abstract"] = rows[0]["abstract"]  # two versions of one paper
    for row in rows[2:]:
        row["abstract"] = PLACEHOLDER
    code, stderr = _train(tmp_path, rows)
    assert code == 0, stderr
    assert "(2 abstracts; the most shared, by 4: " in stderr
    assert ", ".join(row["id"] for row in rows[2:]) in stderr and rows[0]["id"] not in stderr
