"""How much one request may ask of the server, and the one place that reads those limits.

Every limit has a default that suits one user on a laptop, an environment variable (so a service
manager can set it) and a `synopsis serve` option; the option wins over the variable.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

from ..checks import require_whole_number
from ..limits import SERVER_GRACE_S, SERVER_MAX_CHARS, SERVER_MEMORY_MB, max_chars_for, memory_mb_for, workers_that_fit

# A long paper is ~100k characters and its PDF a few MB. The text limit is what one summary's
# memory (`memory_mb`) holds, by the measured cost per character (synopsis/limits.py).
DEFAULT_MAX_UPLOAD_BYTES = 25_000_000
DEFAULT_MEMORY_MB = SERVER_MEMORY_MB
DEFAULT_MAX_TEXT_CHARS = SERVER_MAX_CHARS
DEFAULT_TIMEOUT_S = 60.0
DEFAULT_QUEUE = 64
DEFAULT_GRACE_S = SERVER_GRACE_S
# Open connections the server takes beyond --queue: room for the page, its files, /healthz and
# /api/methods while every queue place is taken (uvicorn answers a plain 503 over the total).
SPARE_CONNECTIONS = 64


def default_workers(memory_mb: int = DEFAULT_MEMORY_MB) -> int:
    """One worker process per core, at most four, and no more than the machine holds when each
    runs its worst request: summarizing is CPU-bound and memory is not free."""
    return workers_that_fit(memory_mb)


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
    # Each worker's address space is capped here; a request needing more gets 413.
    memory_mb: int = DEFAULT_MEMORY_MB
    # On SIGTERM/SIGINT: how long summaries in flight may still take before they are cancelled.
    grace_s: float = DEFAULT_GRACE_S

    def __post_init__(self) -> None:
        for name in ("max_upload_bytes", "max_text_chars", "queue", "memory_mb"):
            require_whole_number(name, getattr(self, name))
        if isinstance(self.workers, bool) or not isinstance(self.workers, int) or self.workers < 0:
            raise ValueError(f"workers must be 0 (threads) or a positive number of processes, got {self.workers!r}")
        if not self.timeout_s > 0:
            raise ValueError(f"timeout_s must be a positive number of seconds, got {self.timeout_s!r}")
        if not self.grace_s >= 0:
            raise ValueError(f"grace_s must be zero or more seconds, got {self.grace_s!r}")
        if self.workers and memory_mb_for(self.max_text_chars) > self.memory_mb:
            raise ValueError(
                f"max_text_chars {self.max_text_chars:,} needs about {memory_mb_for(self.max_text_chars):,} MB per summary, "
                f"over memory_mb {self.memory_mb:,}; lower it to {max_chars_for(self.memory_mb):,} or raise memory_mb"
            )

    @property
    def max_body_bytes(self) -> int:
        """The request body limit: the upload plus room for the multipart framing and form fields."""
        return self.max_upload_bytes + 64 * 1024

    @property
    def max_connections(self) -> int:
        """Open connections (and requests in progress) uvicorn allows before it answers 503 itself:
        the summaries --queue admits plus SPARE_CONNECTIONS for everything else, so a flood of
        clients costs a bounded number of sockets and tasks rather than one per client. (uvicorn
        refuses a connection when the open ones, that one counted, reach its limit: hence the + 1.)"""
        return self.queue + SPARE_CONNECTIONS + 1

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
                values[item.name] = float(raw) if item.name in ("timeout_s", "grace_s") else int(raw)
            except ValueError:
                raise ValueError(f"{variable} must be a number, got {raw!r}") from None
        values.update({name: value for name, value in overrides.items() if value is not None})
        # Limits that follow the memory per summary unless given: the text it holds, the workers that fit.
        if "memory_mb" in values:
            values.setdefault("max_text_chars", max_chars_for(values["memory_mb"]))
            values.setdefault("workers", default_workers(values["memory_mb"]))
        return replace(cls(), **values)


ENV_VARIABLES = {
    "max_upload_bytes": "SYNOPSIS_MAX_UPLOAD_BYTES",
    "max_text_chars": "SYNOPSIS_MAX_TEXT_CHARS",
    "timeout_s": "SYNOPSIS_TIMEOUT",
    "workers": "SYNOPSIS_WORKERS",
    "queue": "SYNOPSIS_QUEUE",
    "memory_mb": "SYNOPSIS_MEMORY_MB",
    "grace_s": "SYNOPSIS_GRACE",
}
