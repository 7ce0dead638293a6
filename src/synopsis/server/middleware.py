"""ASGI middleware: a hard limit on request bodies (size, content coding, a body that stops
arriving), HEAD wherever GET is, and security headers on every response."""

from __future__ import annotations

import asyncio
import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import counted
from ..sizes import over_limit
from .errors import ApiError, error_body

# The page and its files may only load what we serve: no inline script, no other origin. Even a
# bug that put a paper's text into innerHTML could then not run a <script> from it.
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# Swagger UI and ReDoc start from an inline script (FastAPI's page); still nothing from elsewhere.
DOCS_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")


# How long a request body may stop arriving before the request is answered 408: a client that
# announces 20 MB and sends 30 bytes must not hold its connection forever.
BODY_IDLE_S = 30.0
# And how slowly it may arrive on the whole: a byte every 29 s never stops arriving, so a body also
# has BODY_TOTAL_IDLES times the idle time plus its length (announced, else the upload limit) at
# MIN_BODY_BYTES_PER_S (32 KB/s: a 25 MB upload may take 15 minutes, so a slow link's real upload
# fits; a trickle does not).
MIN_BODY_BYTES_PER_S = 32_000
BODY_TOTAL_IDLES = 4


class BodyLimit:
    """Refuse bodies over `max_bytes` with 413, before reading them when Content-Length says so.

    A body sent without a length (chunked) is counted as it arrives; the route reading it gets an
    ApiError(413) once it passes the limit, so no request can make the server buffer more. A body
    that stops arriving for `idle_s` seconds is an ApiError(408), and a compressed body (a
    Content-Encoding other than identity) a 415 naming it, rather than "not valid JSON".
    """

    def __init__(
        self, app: ASGIApp, *, max_bytes: int, idle_s: float = BODY_IDLE_S, min_rate: float = MIN_BODY_BYTES_PER_S
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.idle_s = idle_s
        self.min_rate = min_rate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is not None:
            if not length.strip().isdigit():
                await _send_json(send, 400, "the Content-Length header is not a number")
                return
            if int(length) > self.max_bytes:
                await _send_json(send, 413, self.too_large(int(length)))
                return
        coding = headers.get(b"content-encoding", b"").decode("latin-1").strip().lower()
        if coding not in ("", "identity"):
            await _send_json(
                send,
                415,
                f"the request body is {coding}-encoded (Content-Encoding: {coding}); the server reads bodies"
                " uncompressed: send it without a Content-Encoding",
                [(b"accept-encoding", b"identity")],
            )
            return
        await self.app(scope, _BodyReader(receive, self, None if length is None else int(length)), send)

    def too_large(self, size: int, *, at_least: bool = False) -> str:
        more = "at least " if at_least else ""
        return f"the request is {more}{over_limit(size, self.max_bytes)} (the server's --max-upload-mb)"


class _BodyReader:
    """`receive` for one request: counts the body against the limit, and gives up on a body that
    stops arriving (408). Once the body is whole, later calls (a response waiting for the client
    to leave) pass through untimed."""

    def __init__(self, receive: Receive, limit: BodyLimit, length: int | None) -> None:
        self.receive = receive
        self.limit = limit
        self.length = length
        self.received = 0
        self.done = False
        self.started: float | None = None  # when the route first asked for the body
        self.allowed = BODY_TOTAL_IDLES * limit.idle_s + (limit.max_bytes if length is None else length) / limit.min_rate

    async def __call__(self) -> Message:
        if self.done:
            return await self.receive()
        now = asyncio.get_running_loop().time()
        self.started = now if self.started is None else self.started
        left = self.started + self.allowed - now
        try:
            message = await asyncio.wait_for(self.receive(), max(0.0, min(self.limit.idle_s, left)))
        except asyncio.TimeoutError:
            stalled = self.limit.idle_s <= left
            raise ApiError(408, self._stalled() if stalled else self._too_slow(), headers={"Connection": "close"}) from None
        if message["type"] != "http.request":
            self.done = True  # the client left: the route sees the disconnect
            return message
        self.received += len(message.get("body", b""))
        if self.received > self.limit.max_bytes:
            raise ApiError(413, self.limit.too_large(self.received, at_least=True))
        self.done = not message.get("more_body", False)
        return message

    def _too_slow(self) -> str:
        return (
            f"the request body arrived too slowly: {counted(self.received, 'byte')} in {self.allowed:g} s (at least"
            f" {self.limit.min_rate:,g} bytes a second are needed); send it in one go"
        )

    def _stalled(self) -> str:
        announced = "" if self.length is None else f" of the {self.length:,} its Content-Length announced"
        return (
            f"the request body stopped arriving: nothing for {self.limit.idle_s:g} s after {counted(self.received, 'byte')}"
            f"{announced}; send the whole body, with a Content-Length that matches it"
        )


class HeadAsGet:
    """HEAD answered wherever GET is (HTTP requires it; monitors and `curl -I` use it): the GET
    response's status and headers, without its body. FastAPI's GET routes do not take HEAD."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


class SecurityHeaders:
    """nosniff, no referrer, no framing, and a Content-Security-Policy on every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = str(scope.get("path", ""))
        policy = DOCS_POLICY if path.startswith(DOCS_PATHS) else PAGE_POLICY

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                for name, value in (
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                    (b"content-security-policy", policy.encode()),
                ):
                    if name not in names:
                        headers.append((name, value))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


async def _send_json(send: Send, status: int, message: str, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps(error_body(status, message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *(headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
