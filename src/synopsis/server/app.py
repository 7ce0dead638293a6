"""The web application: the page at /, the JSON API under /api, health and offline API docs.

    uvicorn --factory synopsis.server:create_app     # or: synopsis serve

Routes only parse, queue and answer: the work is `job.run_job`, run by `runner.Runner` off the
event loop; limits come from `limits.Limits`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import ClientDisconnect

from ..scorers import DEFAULT_METHOD, METHODS
from ..scorers.learned import has_reranker, model_params
from ..version import __version__
from .docs import add_redoc
from .errors import ApiError, api_error_response, client_gone_response, http_error_response, validation_error_response
from .intake import read_job
from .job import Job, JobFailure
from .limits import Limits
from .middleware import BODY_IDLE_S, BodyLimit, HeadAsGet, SecurityHeaders
from .runner import Runner
from .schemas import (
    UPLOAD_FORM_SCHEMA,
    ErrorResponse,
    HealthResponse,
    MethodOut,
    MethodsResponse,
    SummarizeRequest,
    SummarizeResponse,
)

STATIC = Path(__file__).resolve().parent / "static"
DOCS_ASSETS = "/docs-assets"  # fastapi-offline's Swagger UI files
DESCRIPTION = """\
Abstract-length extractive summaries of long scholarly articles, with the character span of every
chosen sentence in the input. `POST /api/summarize` takes pasted text as JSON or one file
(.txt, record or PDF) as multipart/form-data. Errors are JSON: `{"status", "error", "message"}`.
"""
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse, "description": description}
    for status, description in (
        (400, "The input cannot be read (not JSON, not text, nothing left after cleaning)."),
        (413, "The upload or the text is over the server's limit."),
        (415, "Not JSON or multipart, or a file type the server does not read."),
        (422, "A field does not validate (unknown method, words < 1, unknown field)."),
        (503, "Too many summaries running or waiting; retry after a few seconds."),
        (504, "The summary took longer than the server's time limit."),
    )
}


# The environment variable naming the server's model file (`synopsis serve --model` sets it too).
MODEL_VARIABLE = "SYNOPSIS_MODEL"
# What `auto` stands for with a model that has no summary reranker: the model's own scores, as
# `auto` already uses them outside English.
WITHOUT_RERANKER = "supervised"


def served_model(model: str | None) -> tuple[str, bool]:
    """The server's model file as the methods take it ("": the shipped one) and whether it has the
    summary reranker. Checked once, at start (a bad file stops the server): as `supervised` reads it,
    since a model without the reranker still serves every method but `reranked` (`with_model`)."""
    path = dict(model_params(model, WITHOUT_RERANKER)).get("model", "") if model else ""
    return path, not path or has_reranker(path)


def with_model(job: Job, model: str, reranker: bool) -> Job:
    """`job` run with the server's `model`; without a reranker `auto` is `supervised`, and `reranked`
    is refused in one line (422) before a worker is taken."""
    if not model:
        return job
    method = job.method
    if not reranker and method == "reranked":
        raise ApiError(
            422,
            f"the server's model {Path(model).name} has no summary reranker, which method reranked needs;"
            f" use method {WITHOUT_RERANKER} (auto uses it on this server)",
        )
    if not reranker and method == "auto":
        method = WITHOUT_RERANKER
    return dataclasses.replace(job, model=model, method=method)


def create_app(limits: Limits | None = None, *, model: str | None = None) -> FastAPI:
    """The application with `limits` (by default from the SYNOPSIS_* environment variables) and a
    model file made by `synopsis train` for the trained methods (by default $SYNOPSIS_MODEL, else
    the shipped one). The model is checked here, so a server with a bad one does not start; one
    without a summary reranker serves `auto` as `supervised` and refuses `reranked` (`with_model`)."""
    limits = limits if limits is not None else Limits.from_env()
    model = os.environ.get(MODEL_VARIABLE) if model is None else model
    model_path, reranker = served_model(model)
    default = DEFAULT_METHOD if reranker else WITHOUT_RERANKER
    runner = Runner(limits)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        runner.start()
        yield
        runner.close()  # uvicorn has already given requests in flight their grace (--grace)

    app = FastAPIOffline(
        title="synopsis",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        static_url=DOCS_ASSETS,
        redoc_url=None,  # ours (docs.py): fastapi-offline's would load Redocly's logo from its CDN
    )
    add_redoc(app, assets_url=DOCS_ASSETS)
    app.state.limits = limits
    app.state.runner = runner
    app.add_exception_handler(ApiError, api_error_response)
    app.add_exception_handler(RequestValidationError, validation_error_response)
    app.add_exception_handler(StarletteHTTPException, http_error_response)
    app.add_exception_handler(ClientDisconnect, client_gone_response)
    # A body must keep arriving: at most BODY_IDLE_S without a byte, and never past the request's --timeout.
    app.add_middleware(BodyLimit, max_bytes=limits.max_body_bytes, idle_s=min(BODY_IDLE_S, limits.timeout_s))
    app.add_middleware(HeadAsGet)
    app.add_middleware(SecurityHeaders)  # added last = outermost: it also covers BodyLimit's 413

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.api_route("/health", methods=["GET", "HEAD"], include_in_schema=False)  # the name probes also try
    @app.head("/healthz", include_in_schema=False)
    @app.get("/healthz", response_model=HealthResponse, tags=["service"])
    async def healthz() -> HealthResponse:
        """Liveness: answers while the event loop is free, however busy the workers are."""
        return HealthResponse(status="ok", version=__version__)

    @app.get("/api/methods", response_model=MethodsResponse, tags=["summarize"])
    async def methods() -> MethodsResponse:
        """The summarization methods, and the one `auto` stands for."""
        return MethodsResponse(
            default=default,
            methods=[
                MethodOut(name=name, description=METHODS[name].description, params=dict(METHODS[name].params))
                for name in sorted(METHODS)
            ],
        )

    @app.post(
        "/api/summarize",
        tags=["summarize"],
        response_class=Response,
        responses={200: {"model": SummarizeResponse, "description": "The summary and the cleaned document."}, **_ERRORS},
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {"schema": SummarizeRequest.model_json_schema()},
                    "multipart/form-data": {"schema": UPLOAD_FORM_SCHEMA},
                },
            }
        },
    )
    async def summarize(request: Request) -> Response:
        """Summarize one article: pasted text (JSON) or an uploaded .txt, record or PDF file.

        The summary is what `synopsis summarize --output json` prints; `document` holds every cleaned
        sentence (span, section, paragraph, score) and section, for showing the summary in place.
        """
        slot = runner.admit()  # before the body is read: a full queue costs no upload (503 at once)
        try:
            job = with_model(await read_job(request, limits), model_path, reranker)
        except BaseException:
            slot.release()
            raise
        result = await runner.run(job, slot)
        if isinstance(result, JobFailure):
            raise ApiError(result.status, result.message)
        return Response(result, media_type="application/json")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
