"""The `synopsis` command. Each subcommand lives in its own module and only parses options,
calls library functions and prints; no summarization logic lives here."""

from __future__ import annotations

from ..errors import MissingExtra
from .app import EXIT_USAGE, app, report

# Importing a command module registers its subcommand on `app`.
from . import batch, evaluate, extract, methods, serve, summarize, train  # noqa: F401  isort: skip


def main() -> None:
    """Run the command; a missing optional extra ends any command the same way: one line, exit 2."""
    try:
        app()
    except MissingExtra as err:
        report(str(err))
        raise SystemExit(EXIT_USAGE) from None


__all__ = ["app", "main"]
