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
