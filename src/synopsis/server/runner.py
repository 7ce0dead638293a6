"""Where and for how long summaries run: off the event loop, a bounded number at once, timed.

Summarizing is CPU-bound Python (cleaning and segmenting a long paper takes a good fraction of a
second), so it runs in worker processes: the event loop keeps answering other requests, and two
cores summarize two papers at once. A request that waits longer than the time limit gets 504; its
job is cancelled if it has not started, and otherwise finishes in its worker (the text limit bounds
how long) while still counting against the queue, so a burst of huge papers cannot pile up work.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import threading
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from .errors import ApiError
from .job import Job, JobFailure, run_job, warm_up
from .limits import Limits, default_workers


class Runner:
    """Runs `Job`s in an executor (worker processes, or threads when `limits.workers` is 0)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._executor: Executor | None = None
        self._lock = threading.Lock()
        self._active = 0

    @property
    def active(self) -> int:
        """Jobs running or waiting for a worker (including timed-out ones still running)."""
        return self._active

    def start(self) -> None:
        """Start the workers now, so that the first request does not pay for their start-up."""
        executor = self._get_executor()
        if isinstance(executor, ProcessPoolExecutor):
            for _ in range(self.limits.workers):
                executor.submit(int)  # each submit while all are busy starts one more process

    def close(self) -> None:
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=False, cancel_futures=True)

    async def run(self, job: Job) -> bytes | JobFailure:
        """The job's result, or ApiError 503 (queue full), 504 (time limit) or 500 (worker died)."""
        with self._lock:
            if self._active >= self.limits.queue:
                raise ApiError(
                    503,
                    f"the server is busy ({self._active} summaries running or waiting, "
                    f"the limit is {self.limits.queue}); try again shortly",
                    headers={"Retry-After": "5"},
                )
            self._active += 1
        try:
            future = self._get_executor().submit(run_job, job)
        except (RuntimeError, BrokenProcessPool):  # shut down, or broken by a worker that died
            self._release()
            self._restart()
            raise ApiError(503, "the summarizing workers were restarting; try again") from None
        future.add_done_callback(self._release)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.limits.timeout_s)
        except asyncio.TimeoutError:
            future.cancel()
            raise ApiError(
                504, f"summarizing took longer than the {self.limits.timeout_s:g} s limit; try a shorter text or a smaller budget"
            ) from None
        except BrokenProcessPool:
            self._restart()
            raise ApiError(500, "a worker process died while summarizing (out of memory?); the workers were restarted") from None

    def _release(self, _future: Future[bytes | JobFailure] | None = None) -> None:
        with self._lock:
            self._active -= 1

    def _get_executor(self) -> Executor:
        with self._lock:
            if self._executor is None:
                self._executor = self._new_executor()
            return self._executor

    def _new_executor(self) -> Executor:
        if self.limits.workers == 0:
            return ThreadPoolExecutor(max_workers=default_workers(), thread_name_prefix="synopsis")
        # spawn, not fork: forking a process that runs an event loop and threads is unsafe.
        return ProcessPoolExecutor(
            max_workers=self.limits.workers, mp_context=multiprocessing.get_context("spawn"), initializer=warm_up
        )

    def _restart(self) -> None:
        with self._lock:
            broken, self._executor = self._executor, None
        if broken is not None:
            broken.shutdown(wait=False, cancel_futures=True)
