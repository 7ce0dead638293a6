"""How much one request may ask of the server, and the one place that reads those limits.

Every limit has a default that suits one user on a laptop, an environment variable (so a service
manager can set it) and a `synopsis serve` option; the option wins over the variable.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

# A long paper is ~100k characters and its PDF a few MB; these leave room for theses and books.
DEFAULT_MAX_UPLOAD_BYTES = 25_000_000
DEFAULT_MAX_TEXT_CHARS = 2_000_000
DEFAULT_TIMEOUT_S = 60.0
DEFAULT_QUEUE = 64


def default_workers() -> int:
    """One worker process per core, at most four: summarizing is CPU-bound and memory is not free."""
    return max(1, min(4, os.cpu_count() or 1))


@dataclass(frozen=True, slots=True)
class Limits:
    """Limits on request size, time and concurrency.

    `workers` = 0 runs summaries in threads of the server process (no process start-up, but the
    GIL serialises them); a positive number runs them in that many worker processes.
    `queue` is how many summaries may be running or waiting before new requests get 503.
    """

    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    max_text_chars: int = DEFAULT_MAX_TEXT_CHARS
    timeout_s: float = DEFAULT_TIMEOUT_S
    workers: int = field(default_factory=default_workers)
    queue: int = DEFAULT_QUEUE

    def __post_init__(self) -> None:
        for name in ("max_upload_bytes", "max_text_chars", "queue"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"{name} must be a whole number of at least 1, got {value!r}")
        if isinstance(self.workers, bool) or not isinstance(self.workers, int) or self.workers < 0:
            raise ValueError(f"workers must be 0 (threads) or a positive number of processes, got {self.workers!r}")
        if not self.timeout_s > 0:
            raise ValueError(f"timeout_s must be a positive number of seconds, got {self.timeout_s!r}")

    @property
    def max_body_bytes(self) -> int:
        """The request body limit: the upload plus room for the multipart framing and form fields."""
        return self.max_upload_bytes + 64 * 1024

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None, **overrides: Any) -> Limits:
        """Limits from SYNOPSIS_* variables, then `overrides` (None means "not given")."""
        env = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for item in fields(cls):
            variable = ENV_VARIABLES[item.name]
            raw = env.get(variable)
            if raw is None or not raw.strip():
                continue
            try:
                values[item.name] = float(raw) if item.name == "timeout_s" else int(raw)
            except ValueError:
                raise ValueError(f"{variable} must be a number, got {raw!r}") from None
        values.update({name: value for name, value in overrides.items() if value is not None})
        return replace(cls(), **values)


ENV_VARIABLES = {
    "max_upload_bytes": "SYNOPSIS_MAX_UPLOAD_BYTES",
    "max_text_chars": "SYNOPSIS_MAX_TEXT_CHARS",
    "timeout_s": "SYNOPSIS_TIMEOUT",
    "workers": "SYNOPSIS_WORKERS",
    "queue": "SYNOPSIS_QUEUE",
}
