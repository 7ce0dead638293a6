"""Errors a user can act on: each names the input (and line) and says what is wrong in one line."""

from __future__ import annotations


class SynopsisError(Exception):
    """Base of every error synopsis raises on purpose."""


class InputError(SynopsisError):
    """Bad input: missing, empty, binary, wrongly encoded, malformed or missing its text."""

    def __init__(self, message: str, *, source: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"

    def at(self, source: str, line: int | None = None) -> InputError:
        """The same error, located in `source` (and `line`)."""
        return InputError(self.message, source=source, line=line if line is not None else self.line)


class MethodError(SynopsisError):
    """An unknown method or a bad parameter for a method."""


def install_hint(extra: str) -> str:
    """How to add an extra, both from an index and from a source checkout (where the first fails)."""
    return f"pip install 'synopsis[{extra}]' (from a source checkout: pip install '.[{extra}]')"


class MissingExtra(SynopsisError):
    """An optional dependency is not installed. It is the environment, not the input, that is
    wrong, so every command stops with exit status 2 (like a usage error) and the install line."""

    def __init__(self, feature: str, extra: str, detail: str = "") -> None:
        self.feature = feature
        self.extra = extra
        reason = f" ({detail})" if detail else ""
        super().__init__(f"{feature} needs the {extra} extra: {install_hint(extra)}{reason}")
