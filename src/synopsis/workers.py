"""The one worker pool under batch, evaluate and the server: processes, bounded, ordered, and able
to survive a worker that dies.

Why not `multiprocessing.Pool`: when the OS kills one of its workers (out of memory), the task is
never answered and `get()` waits for ever (CPython gh-66587). `ProcessPoolExecutor` notices the
death but then fails *every* task in flight. `WorkerPool` adds the missing part: after a death
the tasks that were in flight are re-run one at a time in a one-worker "quarantine" executor, so
the innocent ones succeed and only the task that kills its worker again gets `on_death(task)`.

`submit` serves callers that come one at a time (the server); `map` serves streams (batch,
evaluate): results in input order, at most `window` tasks in flight, so memory stays flat.
`close(grace)` lets running tasks finish for `grace` seconds, then terminates the workers and
joins them, so nothing is left behind (no orphan process, no leaked semaphore).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import gc
import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Generic, TypeVar

from .errors import SynopsisError

T = TypeVar("T")
R = TypeVar("R")
# Tasks in flight per worker in `map`: enough that one slow document does not idle the others.
TASKS_PER_WORKER = 6
# How long a fresh worker may take to start (one import of the package under spawn) before we say
# that workers cannot start here at all, rather than blame documents for it.
WORKER_START_SECONDS = 300.0


class WorkersCannotStart(SynopsisError):
    """Even a fresh one-worker executor cannot run a trivial task (e.g. a script read from stdin)."""


class WorkerDied(SynopsisError):
    """The task killed its worker twice: once among others, once alone in quarantine."""


class Cancelled(SynopsisError):
    """The pool was stopped (`cancel_all`, `close`) before the task finished."""


def _init_worker(parent: int, initializer: Callable[[], object] | None) -> None:
    """Workers leave Ctrl-C and SIGTERM to the parent, which stops them itself (otherwise each
    prints a traceback), and exit when the parent is gone (after a `kill -9` of the parent they
    would otherwise wait on their task queue for ever)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), name="synopsis-parent-watch", daemon=True).start()
    if initializer is not None:
        initializer()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1.0)
    os._exit(1)


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored in this process for the block (only the main thread may change handlers)."""
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _ready() -> int:
    return os.getpid()


class WorkerPool(Generic[T, R]):
    """`jobs` worker processes running `fn` on tasks; see the module docstring.

    `split`/`merge` let a task that must be redone in quarantine be redone in smaller pieces (a
    batch chunk document by document), so a death costs one document, not a chunk.
    """

    def __init__(
        self,
        fn: Callable[[T], R],
        jobs: int,
        *,
        on_death: Callable[[T], R] | None = None,
        split: Callable[[T], Sequence[T]] | None = None,
        merge: Callable[[list[R]], R] | None = None,
        initializer: Callable[[], object] | None = None,
        window: int | None = None,
    ) -> None:
        if jobs < 1:
            raise ValueError(f"a worker pool needs at least one worker, got {jobs}")
        self.fn = fn
        self.jobs = jobs
        self.on_death = on_death
        self.split = split
        self.merge = merge
        self.initializer = initializer
        self.window = window or jobs * TASKS_PER_WORKER
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self._retired: list[ProcessPoolExecutor] = []
        self._quarantine: deque[tuple[T, Future[R]]] = deque()
        self._quarantine_thread: threading.Thread | None = None
        self._closed = False
        self._in_flight: set[Future[R]] = set()

    # -- executors ------------------------------------------------------------------------------
    def _new_executor(self, jobs: int) -> ProcessPoolExecutor:
        # spawn, not fork: workers are children of this process (so they can tell when it dies),
        # and no process that runs threads (an event loop, a progress bar) is forked.
        executor = ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(os.getpid(), self.initializer),
        )
        # Start every worker now with Ctrl-C ignored (an ignored signal stays ignored across the
        # spawn), so an interrupt while they still import does not print their tracebacks; each
        # submit while all are busy starts one more process.
        with _sigint_ignored():
            for _ in range(jobs):
                executor.submit(int)
        return executor

    def _current(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._closed:
                raise RuntimeError("the worker pool is closed")
            if self._executor is None:
                self._executor = self._new_executor(self.jobs)
            return self._executor

    def start(self) -> None:
        """Start every worker now, so the first task does not pay for their start-up."""
        self._current()

    def _replace(self, broken: ProcessPoolExecutor) -> None:
        """Retire a broken executor (once, however many of its tasks report it)."""
        with self._lock:
            if self._executor is broken:
                self._executor = None
        broken.shutdown(wait=False, cancel_futures=True)

    # -- one task at a time ---------------------------------------------------------------------
    def submit(self, task: T) -> Future[R]:
        """Run `task`; the future holds `fn(task)`, or `on_death(task)` (or WorkerDied) if it kills
        its worker even when run alone. Cancelling it cancels the task if it has not started."""
        outer: Future[R] = Future()
        with self._lock:
            self._in_flight.add(outer)
        outer.add_done_callback(self._forget)
        # A worker that died running another task breaks the executor before this one enters it:
        # not this task's fault, so it goes to a fresh executor; if that one is broken too (its
        # workers killed as they start) the task runs alone in quarantine, where only its own
        # death fails it. A broken executor must never read as "the pool is closed".
        for _attempt in range(2):
            try:
                executor = self._current()
            except RuntimeError:  # closed
                outer.cancel()
                raise
            try:
                inner = executor.submit(self.fn, task)
            except BrokenProcessPool:
                self._replace(executor)
                continue
            self._link(task, inner, outer, executor)
            return outer
        self._to_quarantine(task, outer)
        return outer

    def _link(self, task: T, inner: Future[R], outer: Future[R], executor: ProcessPoolExecutor) -> None:
        """Cancelling `outer` cancels `inner` (if not started); `inner`'s end settles `outer`."""
        outer.add_done_callback(lambda f: inner.cancel() if f.cancelled() else None)
        inner.add_done_callback(lambda f: self._settle(task, f, outer, executor))

    def _forget(self, future: Future[R]) -> None:
        with self._lock:
            self._in_flight.discard(future)

    def _settle(self, task: T, inner: Future[R], outer: Future[R], executor: ProcessPoolExecutor) -> None:
        if outer.done():
            return
        if inner.cancelled():
            outer.cancel()
            return
        err = inner.exception()
        if err is None:
            _set(outer, inner.result())
        elif isinstance(err, BrokenProcessPool) and not self._closed:
            self._replace(executor)
            self._to_quarantine(task, outer)
        else:
            _fail(outer, err)

    def _to_quarantine(self, task: T, outer: Future[R]) -> None:
        with self._lock:
            self._quarantine.append((task, outer))
            if self._quarantine_thread is None or not self._quarantine_thread.is_alive():
                self._quarantine_thread = threading.Thread(target=self._drain, name="synopsis-quarantine", daemon=True)
                self._quarantine_thread.start()

    def _drain(self) -> None:
        """Redo suspects one by one in a one-worker executor: a death there is the task's own."""
        single: ProcessPoolExecutor | None = None
        try:
            while True:
                with self._lock:
                    if not self._quarantine:
                        self._quarantine_thread = None
                        return
                    task, outer = self._quarantine.popleft()
                if outer.done():
                    continue
                results: list[R] = []
                pieces = self.split(task) if self.split is not None else [task]
                try:
                    for piece in pieces:
                        if single is None:
                            single = self._working_single()
                        try:
                            results.append(single.submit(self.fn, piece).result())
                        except BrokenProcessPool:
                            single.shutdown(wait=True)
                            single = None
                            if self.on_death is None:
                                raise WorkerDied("the worker process died while running it (out of memory?)") from None
                            results.append(self.on_death(piece))
                except BaseException as err:
                    _fail(outer, err)
                    continue
                _set(outer, self.merge(results) if self.merge is not None else results[0])
        finally:
            if single is not None:
                single.shutdown(wait=True)

    def _working_single(self) -> ProcessPoolExecutor:
        executor = self._new_executor(1)
        with self._lock:
            self._retired.append(executor)
        try:
            executor.submit(_ready).result(timeout=WORKER_START_SECONDS)
        except (BrokenProcessPool, concurrent.futures.TimeoutError) as err:
            executor.shutdown(wait=False, cancel_futures=True)
            raise WorkersCannotStart(
                f"worker processes cannot start ({type(err).__name__}); run with one worker, or from a script file "
                "rather than standard input"
            ) from None
        return executor

    # -- streams ----------------------------------------------------------------------------------
    def map(self, tasks: Iterable[T]) -> Iterator[tuple[T, R]]:
        """(task, result) for every task, in input order, at most `window` in flight."""
        pending: deque[tuple[T, Future[R]]] = deque()
        try:
            for task in tasks:
                pending.append((task, self.submit(task)))
                while len(pending) >= self.window:
                    done, future = pending.popleft()
                    yield done, future.result()
            while pending:
                done, future = pending.popleft()
                yield done, future.result()
        finally:
            for _, future in pending:
                future.cancel()

    # -- shutdown -----------------------------------------------------------------------------------
    def close(self, grace: float = 0.0) -> None:
        """Stop: wait up to `grace` seconds for tasks in flight, cancel the rest, terminate and join
        every worker process."""
        with self._lock:
            self._closed = True
            waiting = list(self._in_flight)
        if grace > 0 and waiting:
            concurrent.futures.wait(waiting, timeout=grace)
        self.cancel_all()
        with self._lock:
            executors = [e for e in (self._executor, *self._retired) if e is not None]
            self._executor, self._retired = None, []
            self._quarantine.clear()
        for executor in executors:
            _terminate(executor)

    def cancel_all(self) -> None:
        """Fail every task in flight with `Cancelled` now (their workers are ended by `close`)."""
        with self._lock:
            waiting = list(self._in_flight)
        for future in waiting:
            _fail(future, Cancelled("cancelled: the workers are stopping"))

    def __enter__(self) -> WorkerPool[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _terminate(executor: ProcessPoolExecutor) -> None:
    """Shut an executor down for good: cancel what waits, terminate its workers, join everything."""
    # The executor's own thread holds its queues (and their semaphores) until it ends; a shutdown
    # without waiting forgets it, so keep it to join once the workers are gone. Without that join
    # a process that exits soon after (a server stopped by SIGTERM) leaks those semaphores.
    manager = getattr(executor, "_executor_manager_thread", None)
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
    if manager is not None and manager is not threading.current_thread():
        manager.join(timeout=10)
    gc.collect()  # free the queues now, which unlinks their semaphores


def _set(future: Future[R], value: R) -> None:
    if not future.done():
        with contextlib.suppress(concurrent.futures.InvalidStateError):  # cancelled meanwhile
            future.set_result(value)


def _fail(future: Future[R], err: BaseException) -> None:
    if not future.done():
        with contextlib.suppress(concurrent.futures.InvalidStateError):
            future.set_exception(err)
