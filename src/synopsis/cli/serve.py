"""`synopsis serve`: run the web page and HTTP API (needs the `server` extra)."""

from __future__ import annotations

import socket
import webbrowser

import typer

from ..errors import MissingExtra
from .app import app, fail, report


@app.command("serve")
def serve_command(
    host: str = typer.Option(
        "127.0.0.1", help="Address to listen on; the default is this machine only. 0.0.0.0 exposes it to the network."
    ),
    port: int = typer.Option(8000, help="Port to listen on."),
    max_upload_mb: float | None = typer.Option(
        None, help="Largest upload or request body, in MB [env SYNOPSIS_MAX_UPLOAD_BYTES; default: 25]."
    ),
    max_text_chars: int | None = typer.Option(
        None, help="Longest article text, in characters [env SYNOPSIS_MAX_TEXT_CHARS; default: 2,000,000]."
    ),
    timeout: float | None = typer.Option(
        None, help="Time limit for one summary, in seconds [env SYNOPSIS_TIMEOUT; default: 60]."
    ),
    workers: int | None = typer.Option(
        None, help="Worker processes that summarize (0: threads in the server) [env SYNOPSIS_WORKERS; default: cores, at most 4]."
    ),
    queue: int | None = typer.Option(
        None, help="Summaries running or waiting before new requests get 503 [env SYNOPSIS_QUEUE; default: 64]."
    ),
    open_browser: bool = typer.Option(False, "--open", help="Open the page in a web browser once the server is up."),
    access_log: bool = typer.Option(True, help="Log one line per request."),
) -> None:
    """Serve the page (paste or drop a paper, see the summary highlighted in place) and the JSON API.

    The API is documented at /docs once the server runs.
    """
    try:
        import uvicorn

        from ..server import Limits, create_app
    except ImportError as err:
        fail(str(MissingExtra("synopsis serve", "server", str(err))))
    if not 0 < port < 65536:
        fail(f"--port must be between 1 and 65535, got {port}")
    try:
        limits = Limits.from_env(
            max_upload_bytes=None if max_upload_mb is None else int(max_upload_mb * 1_000_000),
            max_text_chars=max_text_chars,
            timeout_s=timeout,
            workers=workers,
            queue=queue,
        )
    except ValueError as err:
        fail(str(err))
    _check_port_free(host, port)
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{port}/"
    report(
        f"serving on {url} (API docs at {url}docs); {limits.workers or 'thread'} worker(s), "
        f"uploads up to {limits.max_upload_bytes / 1e6:g} MB, {limits.timeout_s:g} s per summary; Ctrl+C stops"
    )
    if host not in ("127.0.0.1", "localhost", "::1"):
        report(f"listening on {host}: anyone who can reach this machine can use the server")
    if open_browser:
        webbrowser.open(url)
    uvicorn.run(create_app(limits), host=host, port=port, access_log=access_log, log_level="info", timeout_graceful_shutdown=5)


def _check_port_free(host: str, port: int) -> None:
    """Say plainly that the port is taken, instead of uvicorn's traceback-like error."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as err:
            fail(f"cannot listen on {host}:{port} ({err.strerror or err}); is another server running? Choose another --port")
