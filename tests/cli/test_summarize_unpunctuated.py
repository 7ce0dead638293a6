"""A text stripped of its sentence punctuation segments into a few huge sentences that no summary
takes: the user is told so in one line wherever warnings go (stderr, JSON, batch rows, the API),
instead of getting the title line or 3,000 words as "summary" with nothing said (probe: exit 0,
stderr empty, `candidates: 0`)."""

from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from typer.testing import CliRunner

import synopsis
from synopsis import TextWarning
from synopsis.cli import app

runner = CliRunner()
CLAUSES = (
    "numerical models need calibration data that are usually missing where recharge matters most",
    "lysimeters sample only a point and cannot capture the heterogeneity of a basin",
    "water managers should add isotope sampling to existing monitoring networks",
    "the water table fluctuation method depends on a specific yield that is rarely measured",
)
# 600 words with no full stop anywhere: one sentence, under a title line.
UNPUNCTUATED = "Groundwater recharge in semi-arid basins\n\n" + " ".join(CLAUSES * 12) + "\n"
LONG_WORDS = len(" ".join(CLAUSES * 12).split())
EXPECTED = (
    f"the text has few sentence ends: {LONG_WORDS:,} of its {LONG_WORDS + 5:,} words stand in 1 sentence of over"
    " 100 words, too long for a summary (is its punctuation missing?); no sentence is a summary candidate,"
    " so the summary is chosen among all its sentences, whatever their length"
)


def test_an_unpunctuated_text_is_summarized_with_a_warning_line(tmp_path: Path) -> None:
    path = tmp_path / "nopunct.txt"
    path.write_text(UNPUNCTUATED, encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "Groundwater recharge in semi-arid basins"  # what there was to give
    assert result.stderr == f"synopsis: {path}: warning: {EXPECTED}\n"


def test_the_json_row_carries_the_warning(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(json.dumps({"id": "np", "full_text": UNPUNCTUATED}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(path), "-o", "json"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout)
    assert row["warning"] == EXPECTED and row["document"]["candidates"] == 0
    assert result.stderr == f"synopsis: {path}:1: warning: {EXPECTED}\n"


def test_the_python_api_says_it_as_a_text_warning() -> None:
    with pytest.warns(TextWarning) as caught:
        synopsis.summarize(UNPUNCTUATED)
    assert [str(w.message) for w in caught if w.category is TextWarning] == [EXPECTED]


def test_a_text_with_some_long_sentences_is_not_warned_about(example_text: str) -> None:
    # A quarter of the words in one long run-on sentence: most of the text still reads as sentences.
    text = example_text + "\n\n" + " ".join(CLAUSES * 3) + ".\n"
    with warnings.catch_warnings():
        warnings.simplefilter("error", TextWarning)
        summary = synopsis.summarize(text)
    assert summary.sentences
