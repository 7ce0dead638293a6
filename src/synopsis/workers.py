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

Cancelling a task's future cancels it only if no worker has it yet: a running task cannot be taken
back. A pool made with `kill_on_cancel=True` (the server's, whose requests have a time limit) stops
it anyway, by killing the worker that runs it and starting a fresh one at once. It cannot kill one
worker of a shared `ProcessPoolExecutor`: one death breaks the executor, which terminates all its
workers, so every other task in flight would start again from nothing (and a request close to its
own limit would then miss it). So that pool runs "lanes" instead: `jobs` one-worker executors,
each running one task at a time, and tasks wait in the pool's own queue until a lane is free.
Killing a lane touches no other task; a task still waiting is simply dropped. A lane whose worker
dies by itself runs its task once more in a fresh lane, and a second death is the task's own
(`on_death`, or WorkerDied), as in the quarantine.
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
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

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
def signal_handled(signum: int, handler: Any) -> Iterator[None]:
    """`handler` for `signum` in this process for the block, the one before put back after. Only
    the main thread may set handlers: elsewhere (a CliRunner in a thread) signals stay as they are;
    a handler set from C, which `signal.signal` cannot set again (it reads as None), stays."""
    try:
        previous = signal.signal(signum, handler)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        if previous is not None:
            signal.signal(signum, previous)


def sigint_ignored() -> contextlib.AbstractContextManager[None]:
    """SIGINT ignored in this process for the block: processes started meanwhile keep it ignored,
    and leave Ctrl-C to their parent."""
    return signal_handled(signal.SIGINT, signal.SIG_IGN)


def _ready() -> int:
    return os.getpid()


@dataclass(eq=False)
class _Lane:
    """One worker process in an executor of its own, running one task at a time (`kill_on_cancel`)."""

    executor: ProcessPoolExecutor
    outer: Future[Any] | None = None  # the task it runs; None when idle
    inner: Future[Any] | None = None  # that task in the executor, once handed over


class WorkerPool(Generic[T, R]):
    """`jobs` worker processes running `fn` on tasks; see the module docstring.

    `split`/`merge` let a task that must be redone in quarantine be redone in smaller pieces (a
    batch chunk document by document), so a death costs one document, not a chunk.
    `kill_on_cancel`: cancelling a task's future stops it even while it runs (its worker is killed
    and replaced); the pool runs in lanes then (module docstring), and `split` is not used.
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
        kill_on_cancel: bool = False,
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
        self.kill_on_cancel = kill_on_cancel
        # kill_on_cancel: the lanes, and the tasks waiting for one (task, future, deaths so far).
        self._lanes: list[_Lane] = []
        self._waiting: deque[tuple[T, Future[R], int]] = deque()

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
        with sigint_ignored():
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
        if self.kill_on_cancel:
            with self._lock:
                self._lanes_up()
        else:
            self._current()

    def worker_pids(self) -> list[int]:
        """The process ids of the live workers (none before `start` or the first task)."""
        with self._lock:
            executors: list[ProcessPoolExecutor | None] = [lane.executor for lane in self._lanes] or [self._executor]
        pids: list[int] = []
        for executor in executors:
            processes = getattr(executor, "_processes", None) or {}
            pids.extend(pid for pid, process in list(processes.items()) if process.is_alive())
        return sorted(pids)

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
        if self.kill_on_cancel:
            return self._submit_to_lanes(task, outer)
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
                f"worker processes cannot start ({type(err).__name__}); run with one worker (jobs=1), or, from Python, "
                'from a script file whose work is under `if __name__ == "__main__":` (workers start by importing '
                "the main module), not from standard input"
            ) from None
        return executor

    # -- lanes (kill_on_cancel) ------------------------------------------------------------------
    def _lanes_up(self) -> None:
        """Create the lanes (under the lock), each with its worker started."""
        if self._closed:
            raise RuntimeError("the worker pool is closed")
        while len(self._lanes) < self.jobs:
            self._lanes.append(_Lane(self._new_executor(1)))

    def _submit_to_lanes(self, task: T, outer: Future[R]) -> Future[R]:
        with self._lock:
            closed = self._closed
            if not closed:
                self._lanes_up()
                self._waiting.append((task, outer, 0))
        if closed:
            outer.cancel()
            raise RuntimeError("the worker pool is closed")
        outer.add_done_callback(self._withdraw)
        self._pump()
        return outer

    def _pump(self) -> None:
        """Hand waiting tasks to idle lanes, one task per lane."""
        while True:
            with self._lock:
                lane = next((lane for lane in self._lanes if lane.outer is None), None)
                while self._waiting and self._waiting[0][1].done():  # cancelled while waiting
                    self._waiting.popleft()
                if self._closed or lane is None or not self._waiting:
                    return
                task, outer, deaths = self._waiting.popleft()
                lane.outer, lane.inner = outer, None
                executor = lane.executor
            self._hand(lane, executor, task, outer, deaths)

    def _hand(self, lane: _Lane, executor: ProcessPoolExecutor, task: T, outer: Future[R], deaths: int) -> None:
        try:
            inner: Future[R] = executor.submit(self.fn, task)
        except BrokenProcessPool:  # its worker died while idle: counts as a try, so this ends
            self._renew(lane, executor, outer, kill=False)
            self._after_death(task, outer, deaths)
            return
        except RuntimeError:  # shut down: the pool is closing
            _fail(outer, Cancelled("cancelled: the workers are stopping"))
            return
        with self._lock:
            if lane.outer is outer:
                lane.inner = inner
        inner.add_done_callback(lambda f: self._lane_done(lane, executor, task, outer, deaths, f))
        if outer.cancelled():  # cancelled while it was being handed over: `_withdraw` missed it
            self._withdraw(outer)

    def _withdraw(self, outer: Future[R]) -> None:
        """A cancelled task leaves: if waiting, `_pump` skips it; if a lane has it, that lane's
        worker is killed and replaced, unless the executor had not passed it on yet."""
        if not outer.cancelled():
            return
        with self._lock:
            lane = next((lane for lane in self._lanes if lane.outer is outer), None)
            inner = lane.inner if lane is not None else None
            executor = lane.executor if lane is not None else None
        if lane is None or inner is None or executor is None or inner.cancel():
            return
        self._renew(lane, executor, outer, kill=True)
        self._pump()

    def _renew(self, lane: _Lane, executor: ProcessPoolExecutor, outer: Future[R], *, kill: bool) -> None:
        """Give `lane` a fresh worker in place of `executor`'s, which runs `outer`'s task (killed
        first if `kill`); nothing if the lane has moved on meanwhile (the task ended, or a
        replacement happened already). Under the lock, so no task can be handed to the old one.
        The caller hands out the next task (`_pump`): a lane renewed from within `_pump` must not
        recurse into it."""
        with self._lock:
            if self._closed or lane.executor is not executor or lane.outer is not outer:
                return
            if kill:
                _kill_workers(executor)
            lane.outer = lane.inner = None
            # Keep the old executor for `close` to join its thread, forgetting those that are over.
            self._retired = [e for e in self._retired if not _over(e)] + [executor]
            # Should no process start now (fork fails), the lane keeps the broken executor, and
            # the next task handed to it renews it again (or fails as a death, never waits for ever).
            with contextlib.suppress(OSError):
                lane.executor = self._new_executor(1)

    def _lane_done(
        self, lane: _Lane, executor: ProcessPoolExecutor, task: T, outer: Future[R], deaths: int, inner: Future[R]
    ) -> None:
        died = not inner.cancelled() and isinstance(inner.exception(), BrokenProcessPool)
        if died:  # by itself, or killed by `_withdraw` (then the lane is renewed already)
            self._renew(lane, executor, outer, kill=False)  # `_pump` below
        else:
            with self._lock:
                if lane.outer is outer and lane.executor is executor:
                    lane.outer = lane.inner = None
        if outer.done():
            pass
        elif inner.cancelled():
            outer.cancel()
        elif not died:
            err = inner.exception()
            if err is None:
                _set(outer, inner.result())
            else:
                _fail(outer, err)
        elif self._closed:
            _fail(outer, Cancelled("cancelled: the workers are stopping"))
        else:
            self._after_death(task, outer, deaths)
        self._pump()

    def _after_death(self, task: T, outer: Future[R], deaths: int) -> None:
        """A first death may be another's fault (the OOM killer picks the largest process): run
        the task again, first in line; a second one is its own, as in the quarantine."""
        if deaths == 0:
            with self._lock:
                if not self._closed:
                    self._waiting.appendleft((task, outer, 1))
                    return
            _fail(outer, Cancelled("cancelled: the workers are stopping"))
            return
        try:
            if self.on_death is None:
                raise WorkerDied("the worker process died while running it (out of memory?)")
            _set(outer, self.on_death(task))
        except BaseException as err:
            _fail(outer, err)

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
            lanes = [lane.executor for lane in self._lanes]
            executors = [e for e in (self._executor, *lanes, *self._retired) if e is not None]
            self._executor, self._retired, self._lanes = None, [], []
            self._quarantine.clear()
            self._waiting.clear()
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


def _over(executor: ProcessPoolExecutor) -> bool:
    """The executor's own thread has ended (or a shutdown let it go): nothing left to join."""
    manager = getattr(executor, "_executor_manager_thread", None)
    return manager is None or not manager.is_alive()


def _result_writer(executor: ProcessPoolExecutor) -> Any:
    """This process's copy of the write end of the executor's result pipe (CPython's private
    `_result_queue._writer`), or None: closed on a kill and a shutdown (`_kill_workers`)."""
    return getattr(getattr(executor, "_result_queue", None), "_writer", None)


def _kill_workers(executor: ProcessPoolExecutor) -> None:
    """SIGKILL the executor's workers, which breaks it; its own thread then reaps them.

    Also close this process's copy of the write end of its result pipe (the parent never writes
    there): a worker killed while sending a long result leaves a half message, and the executor's
    thread would wait for the rest for ever while any write end is open; this way it reads EOF."""
    for process in list((getattr(executor, "_processes", None) or {}).values()):
        process.kill()  # a no-op once it has been reaped: never another process's pid
    writer = _result_writer(executor)
    if writer is not None:
        writer.close()


def _terminate(executor: ProcessPoolExecutor) -> None:
    """Shut an executor down for good: cancel what waits, terminate its workers, join everything."""
    # The executor's own thread holds its queues (and their semaphores) until it ends; a shutdown
    # without waiting forgets it, so keep it to join once the workers are gone. Without that join
    # a process that exits soon after (a server stopped by SIGTERM) leaks those semaphores.
    manager = getattr(executor, "_executor_manager_thread", None)
    processes = list((getattr(executor, "_processes", None) or {}).values())
    writer = _result_writer(executor)
    executor.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        if process.is_alive():
            process.terminate()
    for process in processes:
        process.join(timeout=5)
        if process.is_alive():
            process.kill()
            process.join(timeout=5)
    if writer is not None:  # a worker stopped while sending a result: EOF for the thread (see _kill_workers)
        # The executor's thread may close it at the same moment (its shutdown closes the result
        # queue): a clean-clone run failed once on that race with EBADF, after every worker was gone.
        with contextlib.suppress(OSError):
            writer.close()
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
