"""The one check for settings that must be a whole number of at least 1 (budgets, limits, PDF
options, CLI options): one rule, one wording, wherever the number comes from."""

from __future__ import annotations


def whole_number_problem(value: object, least: int = 1) -> str | None:
    """What is wrong with `value` as a whole number >= `least` ("must be ..., got ..."), or None.

    bool is refused although it is an int: `words=True` is a mistake, not a budget of 1.
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        return f"must be a whole number of at least {least}, got {value!r}"
    return None


def require_whole_number(name: str, value: object, least: int = 1) -> None:
    """Raise ValueError("`name` must be ...") unless `value` is a whole number >= `least`."""
    problem = whole_number_problem(value, least)
    if problem:
        raise ValueError(f"{name} {problem}")


def encoding_problem(name: str) -> str | None:
    """What is wrong with `name` as a text encoding (no codec has it, or it is a transform such as
    base64 or rot13, which no file is saved in), or None. Checked before any input is read: a
    misspelt --encoding gave every document of a batch its own error row, each then skipped on a
    re-run as done."""
    import codecs

    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):  # ValueError: a NUL in the name
        return f"{name!r} is not a known encoding (e.g. utf-8, cp1252, latin-1, shift_jis)"
    if not getattr(info, "_is_text_encoding", True):
        return f"{name!r} is not a text encoding (e.g. utf-8, cp1252, latin-1, shift_jis)"
    return None
