"""`--help` reads like a usual CLI: `--words INTEGER`, `--progress`, `INPUT...`, no type tags."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from synopsis.cli import app


@pytest.mark.parametrize("command", [[], ["summarize"], ["batch"], ["serve"], ["evaluate"], ["extract"], ["train"], ["methods"]])
def test_help_has_no_type_tags(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    for tag in ("<bool>", "<int>", "<str>", "<float>", "<list[", "{INPUT"):
        assert tag not in result.output, (tag, result.output)


def test_help_names_values_and_inputs_the_usual_way() -> None:
    result = CliRunner().invoke(app, ["summarize", "--help"], env={"COLUMNS": "200"})
    assert "summarize [OPTIONS] INPUT..." in result.output
    assert "INTEGER" in result.output and "TEXT" in result.output
