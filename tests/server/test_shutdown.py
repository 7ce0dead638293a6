"""A real `synopsis serve` stopped the way systemd, Docker and `kill` stop it, with work in flight:
it exits, leaves no worker process behind and leaks no semaphore; a killed worker fails only its
own request."""

from __future__ import annotations

import contextlib
import json
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psutil
import pytest
from test_serve_cli import free_port

DEV = Path(__file__).resolve().parents[1] / "data" / "dev_sample.jsonl"


def long_text(chars: int = 250_000) -> str:
    """Dev articles' bodies flattened into one line: a few seconds of work for a worker."""
    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines()]
    parts = [" ".join(row["full_text"][: int(len(row["full_text"]) * 0.6)].split()) for row in rows]
    text = " ".join(parts)
    while len(text) < chars:
        text = f"{text} {text}"
    return text[:chars]


@contextmanager
def serving(*args: str) -> Iterator[tuple[subprocess.Popen[str], str]]:
    port = free_port()
    cli = [sys.executable, "-c", "from synopsis.cli import main; main()"]
    command = [*cli, "serve", "--port", str(port), "--no-access-log", *args]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{base}/healthz", timeout=2):
                    break
            except OSError:
                assert server.poll() is None, server.communicate()[0]
                assert time.monotonic() < deadline, "the server did not come up within 90 s"
                time.sleep(0.2)
        yield server, base
    finally:
        if server.poll() is None:
            server.kill()
            server.communicate()


def post(base: str, text: str, answers: list[tuple[int, dict[str, object]]]) -> None:
    body = json.dumps({"text": text}).encode()
    request = urllib.request.Request(f"{base}/api/summarize", data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            answers.append((response.status, json.load(response)))
    except urllib.error.HTTPError as err:
        answers.append((err.code, json.load(err)))
    except OSError as err:  # the connection closed by the stopping server
        answers.append((0, {"error": str(err)}))


def workers_of(server: subprocess.Popen[str], count: int) -> list[psutil.Process]:
    deadline = time.monotonic() + 60
    while True:
        children = psutil.Process(server.pid).children(recursive=True)
        if len(children) >= count or time.monotonic() > deadline:
            return children
        time.sleep(0.2)


@pytest.mark.slow
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_a_stop_signal_with_four_requests_in_flight_leaves_no_process_behind(stop: signal.Signals) -> None:
    # About 4 s of work each since memory and time became linear in the text (a shorter text would
    # be answered before the signal, and the test would no longer stop requests in flight).
    text = long_text(2_000_000)
    with serving("--workers", "2", "--grace", "1") as (server, base):
        children = workers_of(server, 2)
        assert len(children) >= 2
        answers: list[tuple[int, dict[str, object]]] = []
        clients = [threading.Thread(target=post, args=(base, text, answers)) for _ in range(4)]
        for client in clients:
            client.start()
        time.sleep(1.5)  # all four sent: two running, two waiting for a worker
        server.send_signal(stop)
        try:
            output = server.communicate(timeout=30)[0]
        except subprocess.TimeoutExpired:
            server.kill()
            pytest.fail(f"the server did not stop within 30 s of {stop.name}:\n{server.communicate()[0]}")
        for client in clients:
            client.join(timeout=30)
    # uvicorn re-raises the signal once it has stopped: killed by it, or 130 after Ctrl+C
    assert server.returncode in (0, -stop, 128 + stop), output
    assert "leaked semaphore" not in output and "Traceback" not in output, output
    time.sleep(0.5)
    alive = [child.pid for child in children if child.is_running() and child.status() != psutil.STATUS_ZOMBIE]
    assert alive == [], f"worker processes left behind: {alive}\n{output}"
    # Every client got an answer: its summary, or JSON 503 once the grace period ran out.
    assert len(answers) == 4 and all(status in (200, 503) for status, _ in answers), answers
    assert all(body.get("status") == 503 for status, body in answers if status == 503)


@pytest.mark.slow
def test_a_worker_that_keeps_dying_fails_its_request_with_json_and_is_replaced(dev_sample: list[dict[str, str]]) -> None:
    """The OOM killer's view: every worker that runs this request dies (among others, then alone in
    the pool's quarantine). The request gets JSON 500; the next one is served by fresh workers.
    (That a death costs only the task that caused it is tested on the pool itself.)"""
    text = long_text(3_000_000)  # seconds of work: the killer below finds it running, whatever the load
    with serving("--workers", "2") as (server, base):
        tracker = {child.pid for child in workers_of(server, 2) if "resource_tracker" in " ".join(child.cmdline())}
        answers: list[tuple[int, dict[str, object]]] = []
        victim = threading.Thread(target=post, args=(base, text, answers))
        victim.start()
        kills = 0
        while victim.is_alive():
            for child in psutil.Process(server.pid).children(recursive=True):
                if child.pid not in tracker:
                    with contextlib.suppress(psutil.NoSuchProcess):
                        child.kill()
                        kills += 1
            time.sleep(0.05)
        victim.join(timeout=120)
        status, body = answers[0]
        assert kills >= 2 and status == 500 and body["status"] == 500 and "worker" in str(body["message"]), body
        fine: list[tuple[int, dict[str, object]]] = []
        post(base, dev_sample[0]["full_text"], fine)
        assert fine[0][0] == 200, fine
        server.send_signal(signal.SIGTERM)
        output = server.communicate(timeout=30)[0]
    assert "leaked semaphore" not in output and "Traceback" not in output, output


def test_a_request_over_the_worker_memory_cap_gets_413_naming_it() -> None:
    """The worker may use --memory-mb of memory beyond what it holds when it starts: a text that
    needs more fails there with MemoryError (answered 413 with the limit named), and the worker
    lives on for the next request."""
    from synopsis.server.job import Job, JobFailure, capped_worker, run_job
    from synopsis.workers import WorkerPool

    # Measured on Linux: a 20,000-character text takes a few MB beyond the warmed-up worker's
    # ~80 MB, a 3,000,000-character one about 200 MB (memory is linear in the text, so the big one
    # must be big).
    job = Job(method="auto", words=None, sentences=None, max_text_chars=10_000_000, text=long_text(3_000_000))
    with WorkerPool(run_job, 1, initializer=capped_worker(120)) as pool:
        refused = pool.submit(job).result(timeout=300)
        small = Job(method="auto", words=None, sentences=None, max_text_chars=10_000_000, text=long_text(20_000))
        served = pool.submit(small).result(timeout=300)
    assert isinstance(refused, JobFailure) and refused.status == 413, refused
    assert "--memory-mb" in refused.message
    assert isinstance(served, bytes) and json.loads(served)["summary"]["sentences"]
