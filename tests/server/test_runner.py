"""Summaries run off the event loop, a bounded number at once, each within the time limit."""

from __future__ import annotations

import asyncio
import dataclasses
import time

import httpx
import psutil
import pytest

from synopsis.server import Limits, create_app
from synopsis.server import runner as runner_module
from synopsis.server.job import Job, JobFailure, run_job
from synopsis.server.runner import Runner

SLOW_S = 30.0  # the slow job's length: far longer than the test, which fails if it waits for it


def _client(app) -> httpx.AsyncClient:  # type: ignore[no-untyped-def]
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


def test_a_summary_over_the_time_limit_gets_504(example_text: str) -> None:
    """Thread mode: a thread cannot be killed, so the timed-out job runs on and holds its slot."""

    async def scenario() -> tuple[httpx.Response, int]:
        app = create_app(Limits(workers=0, timeout_s=0.001))
        async with _client(app) as client:
            response = await client.post("/api/summarize", json={"text": example_text})
            for _ in range(100):  # the timed-out job still finishes in its thread, then frees its slot
                if app.state.runner.active == 0:
                    break
                await asyncio.sleep(0.05)
            app.state.runner.close()
            return response, app.state.runner.active

    response, active = asyncio.run(scenario())
    assert response.status_code == 504
    assert response.json()["error"] == "timeout" and "0.001 s limit" in response.json()["message"]
    assert active == 0


def _sleep_or_summarize(job: Job) -> bytes | JobFailure:
    """The workers' job in the test below: the text "sleep N" sleeps N seconds, any other is summarized."""
    if job.text is not None and job.text.startswith("sleep "):
        time.sleep(float(job.text.split()[1]))
    return run_job(job)


def _time_limit(runner: Runner, seconds: float) -> None:
    runner.limits = dataclasses.replace(runner.limits, timeout_s=seconds)


def _reaped(pid: int, timeout: float = 10.0) -> bool:
    deadline = time.monotonic() + timeout
    while psutil.pid_exists(pid):  # a zombie still exists: gone means waited for
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
    return True


@pytest.mark.slow
def test_a_timed_out_summary_gives_its_worker_back_at_once(example_text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """One worker, and a summary that would run 30 s: at the time limit it gets 504 and its
    worker is killed and replaced, so the next request is answered in seconds instead of waiting
    behind it (before, the worker ran the lost job to its end). The limit is short only for that
    request, so a slow machine's worker start-up cannot time out the others."""
    monkeypatch.setattr(runner_module, "run_job", _sleep_or_summarize)

    async def scenario() -> None:
        app = create_app(Limits(workers=1, timeout_s=60))
        runner = app.state.runner
        runner.start()
        try:
            async with _client(app) as client:
                assert (await client.post("/api/summarize", json={"text": example_text})).status_code == 200
                (worker,) = runner.worker_pids()
                _time_limit(runner, 0.5)
                slow = await client.post("/api/summarize", json={"text": f"sleep {SLOW_S}"})
                assert slow.status_code == 504 and slow.json()["error"] == "timeout"
                assert "took longer than the 0.5 s limit (the server's --timeout)" in slow.json()["message"]
                assert runner.active == 0, "the killed job still counts against the queue"
                _time_limit(runner, 60)
                asked = time.monotonic()
                fast = await client.post("/api/summarize", json={"text": example_text})
                waited = time.monotonic() - asked
                assert fast.status_code == 200 and fast.json()["summary"]["sentences"]
                assert waited < SLOW_S / 3, f"the next request waited {waited:.1f} s behind the timed-out one"
            assert _reaped(worker), f"the timed-out job's worker {worker} is still there"
            replacement = runner.worker_pids()
            assert len(replacement) == 1 and worker not in replacement, replacement
        finally:
            runner.close()

    asyncio.run(scenario())


def test_a_full_queue_answers_503_with_retry_after(example_text: str) -> None:
    async def scenario() -> list[httpx.Response]:
        app = create_app(Limits(workers=0, queue=1))
        async with _client(app) as client:
            responses = await asyncio.gather(*(client.post("/api/summarize", json={"text": example_text}) for _ in range(3)))
        app.state.runner.close()
        return list(responses)

    responses = asyncio.run(scenario())
    statuses = sorted(r.status_code for r in responses)
    assert statuses[0] == 200 and 503 in statuses
    busy = next(r for r in responses if r.status_code == 503)
    assert busy.headers["retry-after"] == "5" and "the server is busy" in busy.json()["message"]
    assert "(1 summary running, waiting or being received, the limit is 1," in busy.json()["message"]  # was "1 summaries"


@pytest.mark.slow
def test_a_long_paper_does_not_block_other_requests(example_text: str, dev_sample: list[dict[str, str]]) -> None:
    """While a worker process summarizes a long paper, the event loop still answers: /healthz
    comes back while the paper's summary is still being computed. (Order, not wall-clock latency:
    a latency bound fails on a loaded machine without saying anything about blocking.)"""
    long_text = "\n\n".join(article["full_text"] for article in dev_sample)  # ~270k characters, ~0.5 s of work

    async def scenario() -> tuple[int, bool, httpx.Response]:
        app = create_app(Limits(workers=1))
        app.state.runner.start()
        async with _client(app) as client:
            await client.post("/api/summarize", json={"text": example_text})  # the worker is up and warm
            long_request = asyncio.create_task(client.post("/api/summarize", json={"text": long_text}))
            while app.state.runner.active == 0 and not long_request.done():  # the paper is in the worker
                await asyncio.sleep(0.01)
            health = await client.get("/healthz")
            busy = app.state.runner.active  # the paper's job, still held while /healthz answered
            still_running = not long_request.done()
            assert health.status_code == 200
            response = await long_request
        app.state.runner.close()
        return busy, still_running, response

    busy, still_running, response = asyncio.run(scenario())
    assert still_running and busy == 1, "the long paper finished before /healthz was asked; make it longer"
    assert response.status_code == 200 and response.json()["document"]["characters"] == len(long_text)
