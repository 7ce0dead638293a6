"""Every error the HTTP API returns: one JSON shape, one clear message, the right status.

    {"status": 413, "error": "too_large", "message": "the upload is 31.0 MB, over the 25 MB limit"}

422 answers add `details` (pydantic's list of what failed where).
"""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

# Short, stable names a client can switch on (the message is for people and may change).
CODES = {
    400: "bad_input",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "too_large",
    415: "unsupported_type",
    422: "invalid_request",
    500: "internal_error",
    503: "busy",
    504: "timeout",
}


class ApiError(Exception):
    """An error to answer with `status`; raised anywhere in a request, rendered by `api_error_response`."""

    def __init__(
        self, status: int, message: str, *, details: list[Any] | None = None, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.details = details
        self.headers = headers


def error_body(status: int, message: str, details: list[Any] | None = None) -> dict[str, Any]:
    body: dict[str, Any] = {"status": status, "error": CODES.get(status, "error"), "message": message}
    if details is not None:
        body["details"] = details
    return body


def error_response(
    status: int, message: str, *, details: list[Any] | None = None, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(error_body(status, message, details), status_code=status, headers=headers)


async def api_error_response(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.message, details=exc.details, headers=exc.headers)


async def validation_error_response(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    details = jsonable_encoder(exc.errors(), exclude={"input", "ctx", "url"})
    return error_response(422, validation_message(details), details=details)


async def http_error_response(request: Request, exc: Exception) -> JSONResponse:
    """Starlette's own errors (404 for an unknown path, 405 for a wrong method) in our shape."""
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
    if exc.status_code == 404:
        message = f"no such page or endpoint: {request.url.path}"
    elif exc.status_code == 405:
        message = f"{request.method} is not allowed on {request.url.path}"
    return error_response(exc.status_code, message, headers=getattr(exc, "headers", None))


async def client_gone_response(request: Request, exc: Exception) -> Response:
    """A client that left before its body was whole (a cancelled upload, a dropped connection):
    nobody reads this answer, but it ends the request as a client error instead of a traceback
    in the server's log and a 500 for every aborted upload."""
    assert isinstance(exc, ClientDisconnect)
    return Response(status_code=400)


def validation_message(details: list[dict[str, Any]]) -> str:
    """pydantic's errors as one line: `words: Input should be greater than or equal to 1; ...`."""
    parts = []
    for item in details:
        where = ".".join(str(part) for part in item.get("loc", ()) if part not in ("body", "form"))
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else str(item.get("msg", "invalid")))
    return "; ".join(parts) or "the request is not valid"
