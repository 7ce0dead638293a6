"""Where and for how long summaries run: off the event loop, a bounded number at once, timed.

Summarizing is CPU-bound Python (cleaning and segmenting a long paper takes a good fraction of a
second), so it runs in the shared `WorkerPool`'s processes: the event loop keeps answering other
requests, and two cores summarize two papers at once. Each worker runs one job at a time, and
jobs wait in the pool's queue until a worker is free (the pool's "lanes", `kill_on_cancel`).

A request that waits longer than the time limit gets 504, and its job stops at once: dropped from
the queue if it is still waiting, otherwise its worker process is killed and replaced by a fresh
one, so one slow paper cannot hold a worker for the length of the text limit; the job leaves the
queue count (`active`) then. Jobs on other workers are not touched: they run on and get their
normal answers. A worker that dies by itself (a native crash, the OOM killer) costs only its own
job, which runs once more in a fresh worker; a second death is answered 500. Each worker's address
space is capped at `limits.memory_mb`, so a request that needs more gets a MemoryError there (413),
not the machine's out-of-memory killer.

With `limits.workers` = 0 jobs run in threads of the server, and a thread cannot be killed: a
timed-out job that has started still gets 504 but finishes in its thread (the text limit bounds
how long) and counts against the queue until then, so a burst of huge papers cannot pile up work.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from ..errors import counted
from ..workers import Cancelled, WorkerDied, WorkerPool, WorkersCannotStart
from .errors import ApiError
from .job import Job, JobFailure, capped_worker, run_job
from .limits import Limits, default_workers

Answer = bytes | JobFailure


class Runner:
    """Runs `Job`s in worker processes, or in threads of the server when `limits.workers` is 0."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._pool: WorkerPool[Job, Answer] | None = None
        self._threads: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._active = 0
        self._stopping = False

    @property
    def active(self) -> int:
        """Requests whose body is being received, and jobs running or waiting for a worker. A
        timed-out job leaves it when its worker is killed (at the time limit), or in thread mode when it ends."""
        return self._active

    def start(self) -> None:
        """Start the workers now, so that the first request does not pay for their start-up."""
        if self.limits.workers:
            self._get_pool().start()

    def stop(self) -> None:
        """The server is stopping (SIGTERM, Ctrl+C): refuse new jobs, give those in flight
        `limits.grace_s` seconds, then answer them 503 so their connections close and the server
        can exit before its own time limit cancels the requests without an answer."""
        with self._lock:
            if self._stopping:
                return
            self._stopping = True
        timer = threading.Timer(self.limits.grace_s, self._cancel_in_flight)
        timer.daemon = True
        timer.start()

    def _cancel_in_flight(self) -> None:
        with self._lock:
            pool = self._pool
        if pool is not None:
            pool.cancel_all()

    def close(self, grace: float = 0.0) -> None:
        """Let jobs in flight finish for `grace` seconds, cancel the rest, and end every worker
        process (terminated and joined: nothing outlives the server)."""
        with self._lock:
            pool, self._pool = self._pool, None
            threads, self._threads = self._threads, None
        if pool is not None:
            pool.close(grace)
        if threads is not None:
            threads.shutdown(wait=False, cancel_futures=True)

    def admit(self) -> Slot:
        """A place in the queue for one request, taken before its body is read: a request the queue
        has no room for gets 503 at once instead of after its upload, so at most `limits.queue`
        bodies are held by the server at a time (being received, waiting or summarized), not one per
        client. Hand the slot to `run`, or `release` it when the request ends without a job."""
        with self._lock:
            if self._stopping:
                raise ApiError(503, "the server is shutting down; try again shortly", headers={"Retry-After": "5"})
            if self._active >= self.limits.queue:
                raise ApiError(
                    503,
                    f"the server is busy ({counted(self._active, 'summary')} running, waiting or being received, "
                    f"the limit is {self.limits.queue}, the server's --queue); try again shortly",
                    headers={"Retry-After": "5"},
                )
            self._active += 1
        return Slot(self._release)

    async def run(self, job: Job, slot: Slot | None = None) -> Answer:
        """The job's result, or ApiError 503 (queue full, shutting down), 504 (time limit) or 500 (worker died).
        `slot` is the request's place from `admit` (taken here when not given); the job holds it until it ends."""
        slot = self.admit() if slot is None else slot
        with self._lock:
            stopping = self._stopping
        if stopping:
            slot.release()
            raise ApiError(503, "the server is shutting down; try again shortly", headers={"Retry-After": "5"})
        try:
            future = self._submit(job)
        except RuntimeError:  # closed: the server is stopping
            slot.release()
            raise ApiError(503, "the server is shutting down; try again shortly", headers={"Retry-After": "5"}) from None
        future.add_done_callback(slot.release)
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), self.limits.timeout_s)
        except asyncio.TimeoutError:
            future.cancel()  # done by wait_for already: that killed its worker (a thread runs on)
            raise ApiError(
                504,
                f"summarizing took longer than the {self.limits.timeout_s:g} s limit (the server's --timeout); "
                "try a shorter text or a smaller budget",
            ) from None
        except Cancelled:
            raise ApiError(
                503, f"the server is shutting down and this summary did not finish within {self.limits.grace_s:g} s; try again"
            ) from None
        except (WorkerDied, WorkersCannotStart) as err:
            raise ApiError(500, f"a worker process died while summarizing this text ({err}); it was replaced") from None
        except MemoryError:
            raise ApiError(413, self._memory_message()) from None

    def _memory_message(self) -> str:
        return f"the text needs more memory than one summary may use ({self.limits.memory_mb:,} MB, the server's --memory-mb)"

    def _submit(self, job: Job) -> Future[Answer]:
        if self.limits.workers == 0:
            with self._lock:
                if self._threads is None:
                    self._threads = ThreadPoolExecutor(max_workers=default_workers(), thread_name_prefix="synopsis")
                return self._threads.submit(run_job, job)
        return self._get_pool().submit(job)

    def _release(self) -> None:
        with self._lock:
            self._active -= 1

    def _get_pool(self) -> WorkerPool[Job, Answer]:
        with self._lock:
            if self._pool is None:
                self._pool = WorkerPool(
                    run_job, self.limits.workers, initializer=capped_worker(self.limits.memory_mb), kill_on_cancel=True
                )
            return self._pool

    def worker_pids(self) -> list[int]:
        """The worker processes running now (none in thread mode or before `start`)."""
        with self._lock:
            pool = self._pool
        return [] if pool is None else pool.worker_pids()


class Slot:
    """One request's place in the queue (`Runner.admit`): released once, by whoever ends the request
    (the route when reading its body fails, else the job's end, which may come in another thread)."""

    def __init__(self, release: Callable[[], None]) -> None:
        self._release: Callable[[], None] | None = release
        self._lock = threading.Lock()

    def release(self, _future: Future[Answer] | None = None) -> None:
        with self._lock:
            release, self._release = self._release, None
        if release is not None:
            release()
