"""Summaries run off the event loop, a bounded number at once, each within the time limit."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from synopsis.server import Limits, create_app


def _client(app) -> httpx.AsyncClient:  # type: ignore[no-untyped-def]
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test")


def test_a_summary_over_the_time_limit_gets_504(example_text: str) -> None:
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
