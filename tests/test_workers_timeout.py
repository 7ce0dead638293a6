"""A `kill_on_cancel` worker pool stops a task that runs when its future is cancelled: its worker is
killed and replaced at once, and the tasks of other workers run on undisturbed (the server's time
limit relies on it). Without the option a running task runs to its end, as batch and evaluate
expect."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import textwrap
import threading
import time
from concurrent.futures.process import _ExecutorManagerThread
from pathlib import Path

import psutil
import pytest

from synopsis.workers import WorkerDied, WorkerPool

SLOW_S = 30.0  # far longer than any test waits: a test that waits for it has failed


def _nap(arg: tuple[float, str]) -> int:
    """Mark the task as started (a file), sleep, answer with the worker's pid."""
    seconds, marker = arg
    Path(marker).write_text(str(os.getpid()), encoding="ascii")
    time.sleep(seconds)
    return os.getpid()


def _started(marker: Path, timeout: float = 60.0) -> int:
    """The pid of the worker that started the task of `marker` (start-up of a spawned worker
    included in the wait)."""
    deadline = time.monotonic() + timeout
    while not (marker.exists() and marker.read_text(encoding="ascii")):
        assert time.monotonic() < deadline, f"the task of {marker.name} did not start"
        time.sleep(0.02)
    return int(marker.read_text(encoding="ascii"))


def _reaped(pid: int, timeout: float = 10.0) -> bool:
    """The process is gone, not even a zombie: its parent has waited for it."""
    deadline = time.monotonic() + timeout
    while psutil.pid_exists(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


def _pids(pool: WorkerPool[tuple[float, str], int], count: int, timeout: float = 10.0) -> list[int]:
    deadline = time.monotonic() + timeout
    while len(pids := pool.worker_pids()) != count and time.monotonic() < deadline:
        time.sleep(0.02)
    return pids


@pytest.mark.slow
def test_cancelling_a_running_task_kills_its_worker_and_spares_the_other_workers_task(tmp_path: Path) -> None:
    pool: WorkerPool[tuple[float, str], int] = WorkerPool(_nap, 2, kill_on_cancel=True)
    try:
        slow = pool.submit((SLOW_S, str(tmp_path / "slow")))
        other = pool.submit((1.5, str(tmp_path / "other")))
        victim = _started(tmp_path / "slow")
        bystander = _started(tmp_path / "other")
        assert victim != bystander
        slow.cancel()
        # The other task was not restarted: it ends in the worker that started it, on its time.
        assert other.result(timeout=20) == bystander
        assert _reaped(victim), f"the killed worker {victim} is still there"
        pids = _pids(pool, 2)
        assert len(pids) == 2 and victim not in pids, pids
        assert pool.submit((0.0, str(tmp_path / "next"))).result(timeout=20) in pids
    finally:
        pool.close()


def _square_or_die(n: int) -> int:
    if n < 0:
        os._exit(3)  # what the OOM killer does to a worker, as far as the pool can tell
    return n * n


@pytest.mark.slow
def test_a_task_that_kills_its_worker_twice_fails_alone_and_the_pool_goes_on() -> None:
    pool: WorkerPool[int, int] = WorkerPool(_square_or_die, 2, kill_on_cancel=True)
    try:
        futures = [pool.submit(n) for n in (2, -1, 3)]
        assert futures[0].result(timeout=60) == 4 and futures[2].result(timeout=60) == 9
        with pytest.raises(WorkerDied):
            futures[1].result(timeout=60)
        assert pool.submit(5).result(timeout=60) == 25
        assert len(pool.worker_pids()) == 2
    finally:
        pool.close()


def _half_result(marker: str) -> None:
    """What a worker killed while sending a long result leaves: the length of a message and a few
    of its bytes in the result pipe (written here by hand, into the pipe of CPython's worker loop),
    then nothing more."""
    frame = sys._getframe()
    while frame.f_code.co_name != "_process_worker":
        assert frame.f_back is not None
        frame = frame.f_back
    writer = frame.f_locals["result_queue"]._writer
    os.write(writer.fileno(), struct.pack("!i", 100_000) + b"half")
    Path(marker).write_text(str(os.getpid()), encoding="ascii")
    time.sleep(SLOW_S)


@pytest.mark.slow
def test_a_worker_killed_while_sending_its_result_does_not_hang_its_executor(tmp_path: Path) -> None:
    """Killed half-way through a message, a worker left the executor's thread waiting for the rest
    for ever (this process held the pipe's write end open), and the interpreter waits for that
    thread at exit: the server would never have exited."""
    pool: WorkerPool[str, None] = WorkerPool(_half_result, 1, kill_on_cancel=True)
    try:
        stuck = pool.submit(str(tmp_path / "half"))
        _started(tmp_path / "half")
        time.sleep(0.2)  # the executor's thread is now reading the half message
        stuck.cancel()
        assert pool.submit(str(tmp_path / "next")) is not None  # a fresh lane took over
        deadline = time.monotonic() + 10
        while (threads := sum(isinstance(t, _ExecutorManagerThread) for t in threading.enumerate())) > 1:
            assert time.monotonic() < deadline, f"{threads} executor threads: the killed worker's is stuck"
            time.sleep(0.05)
    finally:
        pool.close()


@pytest.mark.slow
def test_a_task_cancelled_before_it_starts_never_holds_the_worker(tmp_path: Path) -> None:
    """One worker busy with a short task, a long one waiting behind it (handed to the worker's
    queue already, so it cannot be cancelled there): cancelled, it must not run its 30 s."""
    pool: WorkerPool[tuple[float, str], int] = WorkerPool(_nap, 1, kill_on_cancel=True)
    try:
        first = pool.submit((1.0, str(tmp_path / "first")))
        waiting = pool.submit((SLOW_S, str(tmp_path / "waiting")))
        _started(tmp_path / "first")
        waiting.cancel()
        first.result(timeout=20)
        asked = time.monotonic()
        assert pool.submit((0.0, str(tmp_path / "next"))).result(timeout=20) > 0
        assert time.monotonic() - asked < SLOW_S / 3
        assert len(_pids(pool, 1)) == 1
    finally:
        pool.close()


@pytest.mark.slow
def test_without_kill_on_cancel_a_running_task_runs_to_its_end(tmp_path: Path) -> None:
    """Batch and evaluate: cancelling cancels only what has not started, and no worker is killed."""
    pool: WorkerPool[tuple[float, str], int] = WorkerPool(_nap, 1)
    try:
        running = pool.submit((1.0, str(tmp_path / "running")))
        worker = _started(tmp_path / "running")
        running.cancel()
        assert pool.submit((0.0, str(tmp_path / "next"))).result(timeout=20) == worker
        assert pool.worker_pids() == [worker]
    finally:
        pool.close()


KILL_SCRIPT = """
import time
import psutil
from synopsis.workers import WorkerPool

if __name__ == "__main__":
    pool = WorkerPool(time.sleep, 1, kill_on_cancel=True)
    pool.submit(0).result(timeout=60)  # the worker is up
    (victim,) = pool.worker_pids()
    slow = pool.submit(30)
    time.sleep(0.3)
    slow.cancel()
    pool.submit(0).result(timeout=30)
    pool.close()
    time.sleep(0.2)
    left = [c for c in psutil.Process().children(recursive=True) if "resource_tracker" not in " ".join(c.cmdline())]
    print("victim", psutil.pid_exists(victim), "left", [c.pid for c in left])
"""


@pytest.mark.slow
def test_a_killed_worker_leaves_no_process_and_no_semaphore_behind(tmp_path: Path) -> None:
    script = tmp_path / "kill.py"
    script.write_text(textwrap.dedent(KILL_SCRIPT), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "victim False left []", done.stdout + done.stderr
    assert "leaked" not in done.stderr and "Traceback" not in done.stderr, done.stderr
