"""`synopsis extract` of a PDF not in English: the line above the abstract is the article's own
word for it, and what extract writes reads back with its abstract found (summarize, evaluate)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from publishers import LAYOUTS, Layout, render
from synopsis.cli import app

runner = CliRunner()
BY_NAME = {layout.name: layout for layout in LAYOUTS}


def _pdf(tmp_path: Path, layout: Layout) -> Path:
    path = tmp_path / f"{layout.name}.pdf"
    path.write_bytes(render(layout))
    return path


def _ok(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize(
    ("name", "heading"),
    [("german", "Zusammenfassung"), ("french", "Résumé"), ("portuguese", "Resumo"), ("hindawi", "Abstract")],
)
def test_the_abstract_is_headed_in_the_articles_language(tmp_path: Path, name: str, heading: str) -> None:
    """The text said "Abstract" above a German abstract; now the language's first abstract heading
    (data/lang/*.json), English's where the article is English. Summary spans still point into it."""
    layout = BY_NAME[name]
    pdf = _pdf(tmp_path, layout)
    text = _ok("extract", str(pdf))
    assert text.split("\n\n")[:3] == [layout.title, heading, text.split("\n\n")[2]]
    assert json.loads(_ok("extract", str(pdf), "-o", "json"))["text"] == text
    for sentence in json.loads(_ok("summarize", str(pdf), "-o", "json", "--sentences", "2"))["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]


@pytest.mark.parametrize("name", ["german", "french", "spanish"])
def test_extract_output_reads_back_with_its_abstract(tmp_path: Path, name: str) -> None:
    """The text under the language's heading is summarized as an article whose abstract cleaning
    finds (none of its sentences is in the summary), and the record is evaluated against the
    PDF's abstract: the same scores as evaluating the PDF itself."""
    layout = BY_NAME[name]
    pdf = _pdf(tmp_path, layout)
    found = json.loads(_ok("extract", str(pdf), "-o", "json"))
    as_text = tmp_path / f"{name}.txt"
    as_text.write_text(_ok("extract", str(pdf)), encoding="utf-8")
    reread = json.loads(_ok("extract", str(as_text), "-o", "json"))
    assert reread["language"] == found["language"]
    assert found["abstract"] == layout.expected_abstract
    # every part of the abstract (cleaning leaves out a structured abstract's labels, "Méthodes.")
    assert all(part in reread["cleaning"]["abstract"] for _, part in layout.abstract)
    summary = json.loads(_ok("summarize", str(as_text), "-o", "json"))["sentences"]
    assert summary and not any(s["text"] in found["abstract"] for s in summary)
    record = tmp_path / f"{name}.record.txt"
    record.write_text(_ok("extract", str(pdf), "-o", "record"), encoding="utf-8")
    scores = []
    for data in (pdf, record):
        report = tmp_path / f"{data.name}.json"
        _ok("evaluate", str(data), "-m", "lead", "-m", "structured", "--json", str(report))
        [doc] = json.loads(report.read_text(encoding="utf-8"))["per_document"]
        scores.append({m: (s["rouge1"]["f"], s["rouge2"]["f"]) for m, s in doc["scores"].items()})
    assert scores[0] == scores[1] and scores[0]["oracle"][0] > 0
