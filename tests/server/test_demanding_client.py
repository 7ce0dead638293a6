"""What a demanding HTTP client met: a form cut short, a compressed body, HEAD, a body that
stops arriving, a client that leaves mid-upload, UTF-16 without a BOM and a file name pasted as the
text. Each gets one JSON line naming what is wrong, never a 500, a hang or a traceback.

The stalled body and the client that leaves need a real server (the test client sends whole
bodies): uvicorn runs in a thread on a free loopback port."""

from __future__ import annotations

import json
import logging
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from fastapi.testclient import TestClient

from synopsis.server import Limits, create_app

RECORD = (
    "ABSTRACT:\nMentoring programs for young offenders were studied.\nPREDICTION:\nFULL TEXT:\nIntroduction\n\n"
    + "Mentoring programs in prisons were examined across four sites over two years. " * 3
    + "\n\nResults\n\nMentoring reduced reoffending by ten percent in the first year after release. "
    + "Mentors who met their mentees every week had the best results of all. "
    + "The programs cost less than a month of prison per mentee.\n"
)


def form(
    parts: list[tuple[str, str | None, bytes]], boundary: str = "b0undary", close: bool = True
) -> tuple[bytes, dict[str, str]]:
    """A multipart body built by hand (name, filename, content), optionally without its closing boundary."""
    body = b""
    for name, filename, content in parts:
        disposition = f'form-data; name="{name}"' + (f'; filename="{filename}"' if filename is not None else "")
        body += f"--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n".encode() + content + b"\r\n"
    if close:
        body += f"--{boundary}--\r\n".encode()
    return body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def test_a_form_cut_short_says_so_instead_of_missing_its_file(client: TestClient) -> None:
    """Was 422 "a multipart request needs the article in a file field named 'file'": the parser
    drops the part that was cut, so a cut upload read as one without a file."""
    body, headers = form([("words", None, b"60"), ("file", "paper.txt", RECORD.encode())], close=False)
    response = client.post("/api/summarize", content=body[:-40], headers=headers)
    assert response.status_code == 400
    assert response.json() == {
        "status": 400,
        "error": "bad_input",
        "message": f"the multipart body ends after {len(body) - 40:,} bytes without its closing boundary (--b0undary--):"
        " it was cut short; send the whole form again",
    }
    whole, headers = form([("words", None, b"60"), ("file", "paper.txt", RECORD.encode())])
    assert client.post("/api/summarize", content=whole, headers=headers).status_code == 200


def test_a_form_with_an_epilogue_after_its_closing_boundary_is_whole(client: TestClient) -> None:
    """RFC 2046 allows text after the closing boundary; the check looked only at the last 4,096 bytes
    and called a form with a longer epilogue "cut short"."""
    whole, headers = form([("words", None, b"60"), ("file", "paper.txt", RECORD.encode())])
    response = client.post("/api/summarize", content=whole + b"epilogue " * 1000, headers=headers)
    assert response.status_code == 200, response.text


@pytest.mark.parametrize("coding", ["gzip", "br", "deflate"])
def test_a_compressed_body_is_415_naming_the_content_encoding(client: TestClient, coding: str) -> None:
    """Was 400 "the request body is not valid JSON ('utf-8' codec can't decode byte 0x8b ...)"."""
    import gzip

    response = client.post(
        "/api/summarize",
        content=gzip.compress(json.dumps({"text": RECORD}).encode()),
        headers={"Content-Type": "application/json", "Content-Encoding": coding},
    )
    assert response.status_code == 415 and response.headers["accept-encoding"] == "identity"
    assert response.json()["message"] == (
        f"the request body is {coding}-encoded (Content-Encoding: {coding}); the server reads bodies uncompressed:"
        " send it without a Content-Encoding"
    )


@pytest.mark.parametrize("path", ["/api/methods", "/openapi.json", "/docs", "/redoc", "/healthz", "/", "/static/app.js"])
def test_head_answers_wherever_get_does(client: TestClient, path: str) -> None:
    """Was 405 for /api/methods, /openapi.json, /docs and /redoc (`curl -I`, uptime monitors)."""
    got = client.get(path)
    head = client.head(path)
    assert (head.status_code, head.content) == (200, b"")
    assert head.headers["content-length"] == got.headers["content-length"] == str(len(got.content))
    assert head.headers["content-type"] == got.headers["content-type"]


def test_head_on_a_post_endpoint_is_still_405(client: TestClient) -> None:
    response = client.head("/api/summarize")
    assert response.status_code == 405 and response.headers["allow"] == "POST" and response.content == b""


def test_head_as_get_leaves_other_methods_alone() -> None:
    import asyncio

    from synopsis.server.middleware import HeadAsGet

    seen: list[str] = []

    async def app(scope, receive, send):  # type: ignore[no-untyped-def]
        seen.append(scope["method"])

    asyncio.run(HeadAsGet(app)({"type": "http", "method": "POST"}, None, None))  # type: ignore[arg-type]
    assert seen == ["POST"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_upload_without_a_bom_is_read_when_named_and_named_when_not(client: TestClient, codec: str) -> None:
    """Was: 415 "looks like binary data (it contains NUL bytes)"; and with the encoding named, the
    record was sniffed as UTF-8 bytes, read as plain text, and summarized as "PREDICTION: FULL TEXT:"."""
    data = RECORD.encode(codec)
    refused = client.post("/api/summarize", files={"file": ("paper.txt", data)})
    assert refused.status_code == 400
    assert refused.json()["message"] == (
        f"paper.txt: looks like UTF-16 text without a byte-order mark ({'little' if codec.endswith('le') else 'big'}-endian);"
        f" name its encoding, {codec}, with the encoding field"
    )
    read = client.post("/api/summarize", files={"file": ("paper.txt", data)}, data={"encoding": codec, "sentences": "2"})
    assert read.status_code == 200, read.text
    document, summary = read.json()["document"], read.json()["summary"]
    assert document["format"] == "record" and document["abstract"] == "Mentoring programs for young offenders were studied."
    assert [s["text"] for s in summary["sentences"]] and not any("FULL TEXT" in s["text"] for s in summary["sentences"])


def test_a_file_name_pasted_as_the_text_is_400(client: TestClient) -> None:
    response = client.post("/api/summarize", json={"text": "paper.pdf"})
    assert response.status_code == 400
    assert response.json()["message"] == (
        "pasted text: is a file name ('paper.pdf'), not an article's text: pass the text the file holds"
    )


# --- a real server --------------------------------------------------------------------------


@pytest.fixture
def live() -> Iterator[tuple[str, int]]:
    """uvicorn serving the app (threads for workers, a 1.5 s time limit) on a free loopback port."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(
        create_app(Limits(workers=0, timeout_s=1.5)), host="127.0.0.1", port=port, log_config=None, access_log=False
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield "127.0.0.1", port
    finally:
        server.should_exit = True
        thread.join(10)


def _send(address: tuple[str, int], head: bytes, body: bytes) -> socket.socket:
    connection = socket.create_connection(address, timeout=10)
    connection.sendall(head + b"\r\n\r\n" + body)
    return connection


def _answer(connection: socket.socket) -> tuple[int, dict[str, object], float]:
    """Status and JSON body of the answer, and how long it took."""
    started = time.monotonic()
    data = b""
    while b"\r\n\r\n" not in data or not data.rstrip().endswith(b"}"):
        chunk = connection.recv(65536)
        if not chunk:
            break
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    return int(head.split()[1]), json.loads(body), time.monotonic() - started


@pytest.mark.parametrize("announced", [20_000_000, 2_000])
def test_a_body_that_stops_arriving_is_408_not_a_connection_held_forever(live: tuple[str, int], announced: int) -> None:
    """Was: a Content-Length of 20 MB (under the upload limit) with 29 bytes sent held the request
    open with no answer, for as long as the client liked (slow clients and slowloris alike)."""
    body = b'{"text": "Hello there world."}'
    head = f"POST /api/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {announced}"
    with _send(live, head.encode(), body) as connection:
        status, answer, seconds = _answer(connection)
        assert connection.recv(100) == b"", "the connection is closed after the 408"
    assert status == 408 and seconds < 5
    assert answer == {
        "status": 408,
        "error": "request_timeout",
        "message": f"the request body stopped arriving: nothing for 1.5 s after {len(body)} bytes of the {announced:,}"
        " its Content-Length announced; send the whole body, with a Content-Length that matches it",
    }


def test_a_body_that_keeps_arriving_slowly_is_read(live: tuple[str, int]) -> None:
    body = json.dumps({"text": RECORD, "sentences": 1}).encode()
    head = f"POST /api/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {len(body)}"
    connection = _send(live, head.encode(), b"")
    with connection:
        for start in range(0, len(body), len(body) // 3 + 1):  # three parts, 0.9 s apart: over 1.5 s in all
            connection.sendall(body[start : start + len(body) // 3 + 1])
            time.sleep(0.9)
        status, answer, _ = _answer(connection)
    assert status == 200, answer


@pytest.mark.parametrize("content_type", ["application/json", "multipart/form-data; boundary=b"])
def test_a_client_that_leaves_mid_upload_leaves_no_traceback(
    live: tuple[str, int], caplog: pytest.LogCaptureFixture, content_type: str
) -> None:
    """Was "ERROR: Exception in ASGI application" and a ClientDisconnect traceback in the server's
    log for every cancelled upload."""
    start = (
        b'--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nHello'
        if "form" in content_type
        else b'{"text": "Hel'
    )
    head = f"POST /api/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: {content_type}\r\nContent-Length: 5000"
    with caplog.at_level(logging.INFO), _send(live, head.encode(), start):
        time.sleep(0.3)
    time.sleep(0.5)
    with socket.create_connection(live, timeout=10) as connection:  # the server still answers
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        assert _answer(connection)[0] == 200
    errors = [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert not errors, [record.getMessage() for record in errors]


def test_docs_name_the_new_statuses() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "server.md").read_text(encoding="utf-8")
    assert "`request_timeout`" in text and "Content-Encoding" in text and "HEAD" in text


def test_a_body_trickling_in_under_the_idle_limit_is_cut_when_too_slow_overall() -> None:
    """Was: a byte every 29 s never "stopped arriving", so one client could hold its connection for
    as long as it liked; now the whole body has its idle time plus its length at the minimum rate."""
    import asyncio

    from synopsis.server.errors import ApiError
    from synopsis.server.middleware import BodyLimit, _BodyReader

    async def trickle() -> dict[str, object]:
        await asyncio.sleep(0.05)
        return {"type": "http.request", "body": b"x", "more_body": True}

    async def read_all() -> None:
        reader = _BodyReader(trickle, BodyLimit(None, max_bytes=1000, idle_s=0.2, min_rate=100), 40)  # type: ignore[arg-type]
        while True:
            await reader()

    started = time.monotonic()
    with pytest.raises(ApiError) as caught:
        asyncio.run(read_all())
    assert caught.value.status == 408 and 1.0 < time.monotonic() - started < 4  # 4 x 0.2 s + 40 bytes at 100/s
    assert str(caught.value).startswith("the request body arrived too slowly: ")


@pytest.mark.parametrize("at", [100, 20_000])
def test_a_nul_in_an_upload_is_415_wherever_it_is(client: TestClient, at: int) -> None:
    """Was: 415 for a NUL in the first 8 KB, 400 for one after them: the same file, binary data."""
    text = ("The mentoring study works. " * 1000)[:at] + "\x00" + "Mentors met every week. " * 100
    response = client.post("/api/summarize", files={"file": ("paper.txt", text.encode())})
    assert response.status_code == 415, response.text
    assert response.json()["error"] == "unsupported_type"
    assert response.json()["message"].startswith("paper.txt: ") and "NUL" in response.json()["message"]
