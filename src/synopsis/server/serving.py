"""Run the app under uvicorn with a shutdown that answers every request and leaves nothing behind.

uvicorn, on SIGTERM or SIGINT, stops accepting and waits for open connections, then cancels
requests still running without an answer. We hear the signal first (`handle_exit`): the runner
refuses new jobs, gives jobs in flight `limits.grace_s` seconds, then answers them 503, so every
client gets JSON; uvicorn's own limit (a little longer) is only the backstop. The app's lifespan
then ends every worker process (`Runner.close`).
"""

from __future__ import annotations

import contextlib
import math
from types import FrameType

import uvicorn
from fastapi import FastAPI

from .runner import Runner

# uvicorn's own grace beyond ours: time for the 503 answers to be written.
BACKSTOP_S = 2


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, runner: Runner) -> None:
        super().__init__(config)
        self.runner = runner

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self.runner.stop()
        super().handle_exit(sig, frame)


def serve(app: FastAPI, *, host: str, port: int, access_log: bool = True) -> None:
    """Serve `app` (from `create_app`) until SIGTERM or SIGINT, then stop as described above."""
    runner: Runner = app.state.runner
    grace = runner.limits.grace_s
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        access_log=access_log,
        log_level="info",
        timeout_graceful_shutdown=math.ceil(grace) + BACKSTOP_S,
        limit_concurrency=runner.limits.max_connections,
    )
    with contextlib.suppress(KeyboardInterrupt):  # uvicorn re-raises Ctrl+C once it has stopped: a normal stop
        _Server(config, runner).run()
