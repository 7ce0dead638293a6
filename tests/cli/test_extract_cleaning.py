"""What cleaning removes is listed, each piece with its reason and span: nothing goes silently."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from synopsis.cli import app

runner = CliRunner()


def test_extract_json_lists_every_removal_of_a_text_input(tmp_path: Path) -> None:
    text = (
        "Keywords: heat, mortality, cities\n"
        "Mid-sized cities have received far less attention than capitals (available at www.example.org/cities).\n"
        "Correspondence: b.author@example.org\n"
        "Table 2: Deaths by city and year.\n"
        "Their heat islands are usually weaker, but their health systems are less prepared.\n"
        "References\n"
        "Smith, J. (2001). Heat and health. J Urban Stud 3: 1-9.\n"
    )
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--output", "json"])
    assert result.exit_code == 0, result.output
    cleaning = json.loads(result.stdout)["cleaning"]
    listed = [(r["reason"], r["text"]) for r in cleaning["removed_text"]]
    assert listed == [
        ("keywords", "Keywords: heat, mortality, cities"),
        ("url", " (available at www.example.org/cities)"),
        ("email", "Correspondence: b.author@example.org"),
        ("caption", "Table 2: Deaths by city and year."),
        ("references", "References\nSmith, J. (2001). Heat and health. J Urban Stud 3: 1-9.\n"),
    ]
    assert all(text[r["start"] : r["end"]] == r["text"] for r in cleaning["removed_text"])
    assert cleaning["removed"] == {"keywords": 1, "email": 1, "caption": 1, "references": 1, "url": 1}

    summary = runner.invoke(app, ["summarize", str(path), "--output", "json"])
    assert json.loads(summary.stdout)["document"]["removed"] == cleaning["removed"]


def test_extract_json_shows_the_abstract_and_headings_cleaning_finds_in_a_text(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_text(
        "Abstract\nWe study mentoring of adult offenders. We find few close relationships.\n\n"
        "Mentoring programmes have grown quickly. We studied three pilot projects.\n\n"
        "Methods\nWe interviewed forty mentees. Interviews were coded.\n",
        encoding="utf-8",
    )
    cleaning = json.loads(runner.invoke(app, ["extract", str(path), "-o", "json"]).stdout)["cleaning"]
    assert cleaning["abstract"] == (  # two short paragraphs under "Abstract", then a heading: both are the abstract
        "We study mentoring of adult offenders. We find few close relationships. "
        "Mentoring programmes have grown quickly. We studied three pilot projects."
    )
    assert [(h["text"], h["kind"]) for h in cleaning["headings"]] == [("Methods", "methods")]
