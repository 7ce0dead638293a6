"""The Typer application and the helpers every subcommand shares (error lines, exit codes)."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer

from .. import __version__
from ..errors import InputError, MethodError
from ..scorers import usable_method
from ..types import Budget

DEFAULT_WORDS = 200

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


LANG_HELP = "Language of the articles: auto (detect per article) or a code (de, en, es, fr, pt; others: neutral settings)."


def checked_lang(lang: str) -> str:
    """A valid --lang value, or exit with one line saying what is accepted."""
    from ..language import check_lang_option

    try:
        return check_lang_option(lang)
    except InputError as err:
        fail(f"--lang: {err.message}")


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    report(message)
    raise typer.Exit(code)


def checked_budget(method: str, words: int | None, sentences: int | None) -> Budget:
    """The budget the options ask for (200 words unless told otherwise), the method checked too."""
    try:
        usable_method(method)
        return Budget(words if words is not None or sentences is not None else DEFAULT_WORDS, sentences)
    except (ValueError, MethodError) as err:
        fail(str(err))


def _version(value: bool) -> None:
    if value:
        print(f"synopsis {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Abstract-length extractive summaries of long scholarly articles."""
