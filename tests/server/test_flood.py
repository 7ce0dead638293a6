"""Many clients at once against a real `synopsis serve`: the server holds at most --queue request
bodies (the others get 503 `busy` before their upload is read) and at most --queue plus
SPARE_CONNECTIONS connections (uvicorn's own 503 beyond), while the page and /healthz still answer."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator

import psutil
import pytest
from test_shutdown import serving

from synopsis.server.limits import SPARE_CONNECTIONS, Limits

BODY_BYTES = 1_000_000  # announced by every upload below: the whole --max-upload-mb 1
SENT_BYTES = 900_000  # what each sends before it stops: its body is never whole
FLOOD = 30


def _address(base: str) -> tuple[str, int]:
    host, port = base.removeprefix("http://").split(":")
    return host, int(port)


def _response(connection: socket.socket, timeout: float = 30.0) -> tuple[int, dict[str, str], bytes]:
    """Status, headers and body of one answer (read by its Content-Length)."""
    connection.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        assert chunk, f"the connection closed without an answer: {data!r}"
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = {name.strip().lower(): value.strip() for name, _, value in (line.partition(":") for line in lines[1:])}
    while len(body) < int(headers.get("content-length", "0")):
        chunk = connection.recv(65536)
        assert chunk, "the connection closed in the middle of the answer"
        body += chunk
    return int(lines[0].split()[1]), headers, body


def _get(base: str, path: str) -> int:
    with socket.create_connection(_address(base), timeout=30) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        return _response(connection)[0]


def _upload_start(base: str, text: str, sent: int) -> tuple[socket.socket, bytes]:
    """A JSON upload announcing BODY_BYTES, of which the first `sent` bytes go out now (in a thread:
    a server that does not read them must not block the test); returns the socket and the rest."""
    body = json.dumps({"text": text, "sentences": 1}).encode()
    body += b" " * (BODY_BYTES - len(body))  # JSON allows trailing whitespace
    connection = socket.create_connection(_address(base), timeout=30)
    head = f"POST /api/summarize HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: {BODY_BYTES}\r\n\r\n"
    connection.sendall(head.encode())

    def send() -> None:
        with contextlib.suppress(OSError):  # a server that answered early may close before taking it all
            connection.sendall(body[:sent])

    threading.Thread(target=send, daemon=True).start()
    return connection, body[sent:]


@contextlib.contextmanager
def _closing(connections: list[socket.socket]) -> Iterator[list[socket.socket]]:
    try:
        yield connections
    finally:
        for connection in connections:
            connection.close()


@pytest.mark.slow
def test_uploads_beyond_the_queue_get_503_before_their_body_is_read(example_text: str) -> None:
    """Was: every upload was read whole before the queue was asked, so N clients held N bodies in
    the server (100 x 25 MB: 2.5 GB) however small --queue; the excess got 503 only after their
    upload, or (a body that stops) 408 after 30 s. Now the queue's place is taken first."""
    with serving("--workers", "0", "--queue", "1", "--max-upload-mb", "1", "--timeout", "60") as (server, base):
        process = psutil.Process(server.pid)
        first, rest = _upload_start(base, example_text, SENT_BYTES)  # takes the one place, and holds it
        time.sleep(1.0)  # its body is being read
        before = process.memory_info().rss
        with _closing([_upload_start(base, example_text, SENT_BYTES)[0] for _ in range(FLOOD)]) as flood:
            answers = [_response(connection) for connection in flood]
            time.sleep(1.0)  # what the server does with the bodies it did not read, it has done
            grown = process.memory_info().rss - before
            # The page and health checks are not summaries: they answer while the queue is full.
            assert [_get(base, path) for path in ("/healthz", "/", "/static/app.js")] == [200, 200, 200]
        assert [status for status, _, _ in answers] == [503] * FLOOD
        _, headers, body = answers[0]
        assert headers["retry-after"] == "5"
        assert json.loads(body) == {
            "status": 503,
            "error": "busy",
            "message": "the server is busy (1 summary running, waiting or being received, the limit is 1,"
            " the server's --queue); try again shortly",
        }
        # FLOOD bodies of 0.9 MB read would be 27 MB; the ones refused were never held.
        assert grown < 10_000_000, f"the server grew by {grown:,} bytes during the flood"
        with first:  # the admitted upload is still served, and its place comes back afterwards
            first.sendall(rest)
            status, _, body = _response(first, timeout=60)
        assert status == 200, body[:300]
        assert json.loads(body)["summary"]["sentences"]
        with _closing([_upload_start(base, example_text, BODY_BYTES)[0]]) as (again,):
            assert _response(again, timeout=60)[0] == 200


@pytest.mark.slow
def test_connections_beyond_the_limit_get_503_from_uvicorn() -> None:
    """Was: uvicorn ran without limit_concurrency, so any number of connections was taken."""
    limit = Limits(workers=0, queue=1).max_connections
    assert limit == 1 + SPARE_CONNECTIONS + 1  # uvicorn counts the new connection too
    with serving("--workers", "0", "--queue", "1") as (_, base):
        # --queue + SPARE_CONNECTIONS connections are served: that many idle ones but one, and /healthz
        with _closing([socket.create_connection(_address(base), timeout=30) for _ in range(limit - 2)]):
            time.sleep(1.0)  # all accepted by the server
            assert _get(base, "/healthz") == 200
        idle = [socket.create_connection(_address(base), timeout=30) for _ in range(limit - 1)]
        with _closing(idle):
            time.sleep(1.0)  # all accepted by the server
            assert _get(base, "/healthz") == 503
        deadline = time.monotonic() + 30
        while _get(base, "/healthz") != 200:  # the closed connections are let go
            assert time.monotonic() < deadline, "the server still refuses after the connections closed"
            time.sleep(0.2)
