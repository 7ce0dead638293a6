"""Number options that make no sense (negative, zero, nan, inf) are usage errors: one line naming
the option, exit status 2, never a traceback, nor a value quietly read as something else (QA:
`--max-pdf-mb inf` was an OverflowError, `nan` a message without the option, `-1` a 1-byte limit,
`--max-bytes 0` no limit at all, `--max-bytes -5` an input error "over the -5-byte limit")."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synopsis.cli import app
from synopsis.cli.app import megabytes

runner = CliRunner()
EXAMPLE = str(Path(__file__).resolve().parents[2] / "examples" / "000_9c8af2bd0370aa32.txt")
HAS_SERVER = all(importlib.util.find_spec(name) is not None for name in ("fastapi", "uvicorn"))

CASES = [
    *(
        (command, option, value, wanted)
        for command in ("summarize", "extract")
        for option, value, wanted in [
            ("--max-pdf-mb", "inf", "must be a finite number above 0, got inf"),
            ("--max-pdf-mb", "nan", "must be a finite number above 0, got nan"),
            ("--max-pdf-mb", "-1", "must be a finite number above 0, got -1"),
            ("--max-pdf-mb", "0", "must be a finite number above 0, got 0"),
            ("--max-pdf-mb", "1e-9", "must be at least 0.000001 (one byte), got 1e-09"),
            ("--max-pdf-mb", "1e308", "is too large, got 1e+308"),
            ("--max-pages", "0", "must be a whole number of at least 1, got 0"),
            ("--max-pages", "-3", "must be a whole number of at least 1, got -3"),
        ]
    ),
    *(
        (command, option, value, f"must be a whole number of at least 1, got {value}")
        for command in ("summarize", "batch")
        for option in ("--max-bytes", "--max-chars", "--words", "--sentences")
        for value in ("0", "-5")
    ),
    ("evaluate", "--seed", "-1", "must be a whole number of at least 0, got -1"),
    ("train", "--rounds", "0", "must be a whole number of at least 1, got 0"),
    ("train", "--rounds", "-2", "must be a whole number of at least 1, got -2"),
    # A count of work has a ceiling: a huge one ran until killed (or, --resamples, a traceback after the run);
    # the value is grouped like the ceiling, so the two compare at a glance.
    ("train", "--rounds", "99999999999999999999", "must be at most 10,000, got 99,999,999,999,999,999,999"),
    ("train", "--rounds", "10001", "must be at most 10,000, got 10,001"),
    ("evaluate", "--resamples", "99999999999999999999", "must be at most 100,000, got 99,999,999,999,999,999,999"),
    ("evaluate", "--resamples", "99", "must be a whole number of at least 100, got 99"),
]
SERVE_CASES = [
    ("--max-upload-mb", "inf", "--max-upload-mb must be a finite number above 0, got inf"),
    ("--max-upload-mb", "nan", "--max-upload-mb must be a finite number above 0, got nan"),
    ("--max-upload-mb", "0", "--max-upload-mb must be a finite number above 0, got 0"),
    ("--timeout", "inf", "--timeout must be a finite number, got inf"),
    ("--timeout", "nan", "--timeout must be a finite number, got nan"),
    ("--timeout", "-1", "--timeout: timeout_s must be a positive number of seconds, got -1.0"),
    ("--grace", "-1", "--grace: grace_s must be zero or more seconds, got -1.0"),
    ("--grace", "inf", "--grace must be a finite number, got inf"),
    ("--workers", "-1", "--workers: workers must be 0 (threads) or a positive number of processes, got -1"),
    ("--queue", "0", "--queue: queue must be a whole number of at least 1, got 0"),
    ("--memory-mb", "0", "--memory-mb must be a whole number of at least 1, got 0"),
    ("--max-text-chars", "-1", "--max-text-chars: max_text_chars must be a whole number of at least 1, got -1"),
]


def _arguments(command: str, tmp_path: Path) -> list[str]:
    if command == "batch":
        return [command, EXAMPLE, "-o", str(tmp_path / "out.jsonl"), "--no-progress"]
    if command == "train":
        return [command, EXAMPLE, "-o", str(tmp_path / "model.json")]
    return [command, EXAMPLE]


@pytest.mark.parametrize(("command", "option", "value", "wanted"), CASES)
def test_a_senseless_number_is_one_usage_line_naming_the_option(
    command: str, option: str, value: str, wanted: str, tmp_path: Path
) -> None:
    result = runner.invoke(app, [*_arguments(command, tmp_path), option, value])
    assert (result.exit_code, result.stderr) == (2, f"synopsis: {option} {wanted}\n"), result.output
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.skipif(not HAS_SERVER, reason="needs the server extra")
@pytest.mark.parametrize(("option", "value", "wanted"), SERVE_CASES)
def test_serve_refuses_senseless_limits_before_listening(option: str, value: str, wanted: str) -> None:
    result = runner.invoke(app, ["serve", "--port", "1", option, value])
    assert (result.exit_code, result.stderr) == (2, f"synopsis: {wanted}\n"), result.output


@pytest.mark.skipif(not HAS_SERVER, reason="needs the server extra")
def test_serve_names_the_environment_variable_that_set_a_bad_limit() -> None:
    result = runner.invoke(app, ["serve", "--port", "1"], env={"SYNOPSIS_QUEUE": "0"})
    wanted = "synopsis: SYNOPSIS_QUEUE: queue must be a whole number of at least 1, got 0\n"
    assert (result.exit_code, result.stderr) == (2, wanted)


def test_megabytes_are_rounded_to_the_byte_not_cut() -> None:
    assert megabytes("max_pdf_mb", 4.35) == 4_350_000
    assert megabytes("max_pdf_mb", 0.000001) == 1
    assert megabytes("max_pdf_mb", None) is None


def test_sensible_values_still_pass(tmp_path: Path) -> None:
    result = runner.invoke(app, ["summarize", EXAMPLE, "--max-pdf-mb", "0.5", "--max-pages", "3", "--max-bytes", "60000"])
    assert result.exit_code == 0, result.output
