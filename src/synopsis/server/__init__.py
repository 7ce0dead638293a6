"""`synopsis serve`: a web page and an HTTP API over the same pipeline the CLI uses.

Needs the `server` extra (`pip install "synopsis[server]"`). Modules: `limits` (what a request may
ask), `intake` (request -> Job), `job` (Job -> summary JSON, in a worker), `runner` (workers,
queue, time limit), `middleware` (body limit, security headers), `errors`, `schemas`, `app`.
"""

from __future__ import annotations

from .app import create_app
from .limits import Limits

__all__ = ["Limits", "create_app"]
