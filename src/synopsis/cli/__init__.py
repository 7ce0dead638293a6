"""The `synopsis` command. Each subcommand lives in its own module and only parses options,
calls library functions and prints; no summarization logic lives here."""

from __future__ import annotations

from .app import app

# Importing a command module registers its subcommand on `app`.
from . import batch, evaluate, extract, methods, serve, summarize, train  # noqa: F401  isort: skip


def main() -> None:
    app()


__all__ = ["app", "main"]
