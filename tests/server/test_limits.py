"""Limits: defaults, environment variables, options winning over them, and bad values refused."""

from __future__ import annotations

import pytest

from synopsis.server.limits import DEFAULT_MAX_UPLOAD_BYTES, Limits, default_workers


def test_defaults_suit_one_user_on_a_laptop() -> None:
    limits = Limits.from_env({})
    assert limits.max_upload_bytes == DEFAULT_MAX_UPLOAD_BYTES
    assert limits.workers == default_workers() and 1 <= limits.workers <= 4
    assert limits.max_body_bytes > limits.max_upload_bytes


def test_environment_then_options() -> None:
    env = {"SYNOPSIS_MAX_UPLOAD_BYTES": "1000", "SYNOPSIS_TIMEOUT": "2.5", "SYNOPSIS_WORKERS": "0", "SYNOPSIS_QUEUE": " "}
    limits = Limits.from_env(env, workers=3, queue=None)
    assert (limits.max_upload_bytes, limits.timeout_s, limits.workers, limits.queue) == (1000, 2.5, 3, 64)


@pytest.mark.parametrize(
    ("env", "overrides", "message"),
    [
        ({"SYNOPSIS_TIMEOUT": "soon"}, {}, "SYNOPSIS_TIMEOUT must be a number"),
        ({}, {"timeout_s": 0}, "timeout_s must be a positive number"),
        ({}, {"workers": -2}, "workers must be 0 (threads) or a positive number"),
        ({"SYNOPSIS_MAX_TEXT_CHARS": "0"}, {}, "max_text_chars must be a whole number of at least 1"),
    ],
)
def test_bad_limits_are_refused_with_their_name(env: dict[str, str], overrides: dict[str, float], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        Limits.from_env(env, **overrides)
