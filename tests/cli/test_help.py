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


def test_repeatable_options_name_one_value_as_the_others_do() -> None:
    """evaluate's help showed `--method -m LIST[STR]`; each -m takes one TEXT."""
    result = CliRunner().invoke(app, ["evaluate", "--help"], env={"COLUMNS": "200"})
    assert "LIST" not in result.output and "[STR]" not in result.output
    shown = {line.split()[1]: line.split()[3] for line in result.output.splitlines() if line.startswith("│ --")}
    assert (shown["--method"], shown["--predictions"]) == ("TEXT", "TEXT")


@pytest.mark.parametrize("command", ["summarize", "batch", "evaluate", "extract"])
def test_lang_help_lists_every_supported_language(command: str) -> None:
    """The list was written out (de, en, es, fr, pt) and fell behind when it, nl, ru, sv, id came."""
    from synopsis.language import supported_codes

    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "400"})
    assert f"({', '.join(supported_codes())}; others: neutral settings)" in " ".join(result.output.split())
