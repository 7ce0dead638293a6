"""The Typer application and the helpers every subcommand shares (error lines, exit codes)."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer

from ..checks import whole_number_problem
from ..errors import MethodError
from ..scorers import usable_method
from ..types import Budget
from ..version import __version__

# How the CLI names the settings that core errors point to (`InputError.setting`).
CLI_NAMES = {
    "max_bytes": "--max-bytes",
    "max_chars": "--max-chars",
    "memory": "this machine has too little memory for it; --max-chars refuses such inputs up front",
    "encoding": "--encoding",
    "text_field": "--text-field",
    "format": "--format",
    "max_pages": "--max-pages",
    "max_pdf_bytes": "--max-pdf-mb",
}

app = typer.Typer(
    name="synopsis",
    help="Abstract-length extractive summaries of long scholarly articles, with spans back into the input.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)

# Exit codes: 0 all fine; 1 some input could not be processed (each said on stderr); 2 usage error.
EXIT_INPUT = 1
EXIT_USAGE = 2


def report(message: str) -> None:
    """One line on stderr, prefixed so it stands out in a pipeline's log."""
    print(f"synopsis: {message}", file=sys.stderr, flush=True)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    report(message)
    raise typer.Exit(code)


def checked_budget(method: str, words: int | None, sentences: int | None) -> Budget:
    """The budget the options ask for (`Budget.of`: 200 words unless told otherwise), the method checked too."""
    try:
        usable_method(method)
        return Budget.of(words, sentences)
    except (ValueError, MethodError) as err:
        fail(str(err))


def check_whole(**values: int) -> None:
    """Refuse an option that must be a whole number of at least 1 (named as the CLI names it)."""
    for name, value in values.items():
        problem = whole_number_problem(value)
        if problem:
            fail(f"--{name.replace('_', '-')} {problem}")


def _version(value: bool) -> None:
    if value:
        print(f"synopsis {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Abstract-length extractive summaries of long scholarly articles."""
