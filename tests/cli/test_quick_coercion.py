"""The option values the CLI reads without pydantic (start-up) come out as typer's own coercion makes them."""

from __future__ import annotations

from typing import Any

import pytest
import typer.main

from synopsis.cli import app
from synopsis.cli.app import _UNREAD, _read_value

TEXTS = ["", " 5", *"0 7 007 -5 -0 +5 1_000 12345678901234567890 ٣ 1.5 -0.0 007.50 1e3 3. .5 nan x".split()]
VALUES: list[Any] = [None, *TEXTS, 5, 5.0, True, ("a", "b"), ["a"], (), ("a", 1)]


def _params() -> list[Any]:
    command = typer.main.get_command(app)
    params = [*command.params]
    for sub in command.commands.values():  # type: ignore[attr-defined]
        params.extend(sub.params)
    return [param for param in params if hasattr(param, "type_descriptor")]


def test_every_value_read_quickly_is_typers() -> None:
    params = _params()
    if not params:
        pytest.skip("this typer coerces without pydantic")
    read_quickly = 0
    for param in params:
        many = param.multiple or param.nargs == -1
        for value in VALUES:
            read = _read_value(param.type_descriptor.annotation, value, many)
            if read is _UNREAD:
                continue
            read_quickly += 1
            typers = type(param).get_runtime_param(param).coerce(value, param=param, ctx=None)
            assert (read, type(read)) == (typers, type(typers)), (param.name, value)
    assert read_quickly > len(params)
