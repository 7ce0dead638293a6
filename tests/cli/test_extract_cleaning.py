"""What cleaning removes is listed, each piece with its reason and span: nothing goes silently."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from synopsis.cli import app

runner = CliRunner()


def test_extract_json_lists_every_removal_of_a_text_input(tmp_path: Path) -> None:
    text = (
        "Heat waves threaten public health in Europe, see http://example.org/heat (accessed 2 May 2020).\n"
        "Contact: a.author@example.org\n"
        "Cities are exposed because built surfaces absorb heat during the day.\n"
        "Figure 1: Map of the cities.\n"
        "This urban heat island effect raises night-time temperatures by several degrees.\n"
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
        ("url", " http://example.org/heat (accessed 2 May 2020)"),
        ("email", "Contact: a.author@example.org"),
        ("caption", "Figure 1: Map of the cities."),
        ("references", "References\nSmith, J. (2001). Heat and health. J Urban Stud 3: 1-9.\n"),
    ]
    assert all(text[r["start"] : r["end"]] == r["text"] for r in cleaning["removed_text"])
    assert cleaning["removed"] == {"email": 1, "caption": 1, "references": 1, "url": 1}

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
    assert cleaning["abstract"] == "We study mentoring of adult offenders. We find few close relationships."
    assert [(h["text"], h["kind"]) for h in cleaning["headings"]] == [("Methods", "methods")]
