"""`synopsis serve`: run the web page and HTTP API (needs the `server` extra)."""

from __future__ import annotations

import os

import typer

from ..errors import MissingExtra
from ..limits import SERVER_GRACE_S, SERVER_MAX_CHARS, SERVER_MEMORY_MB
from .app import MODEL_HELP, app, check_finite, check_whole, checked_model, fail, megabytes, report


@app.command("serve")
def serve_command(
    host: str = typer.Option(
        "127.0.0.1", help="Address to listen on; the default is this machine only. 0.0.0.0 exposes it to the network."
    ),
    port: int = typer.Option(8000, help="Port to listen on."),
    max_upload_mb: float | None = typer.Option(
        None, help="Largest upload or request body, in MB [env SYNOPSIS_MAX_UPLOAD_BYTES, in bytes; default: 25]."
    ),
    max_text_chars: int | None = typer.Option(
        None,
        help="Longest article text, in characters (a pasted text with its title and abstract) "
        "[env SYNOPSIS_MAX_TEXT_CHARS; default: what --memory-mb holds, "
        f"{SERVER_MAX_CHARS:,} for {SERVER_MEMORY_MB:,} MB].",
    ),
    memory_mb: int | None = typer.Option(
        None,
        help="Memory one summary may use, in MB; each worker is capped there and a request needing more gets 413 "
        f"[env SYNOPSIS_MEMORY_MB; default: {SERVER_MEMORY_MB:,}].",
    ),
    grace: float | None = typer.Option(
        None,
        help="On SIGTERM or Ctrl+C, seconds that summaries in flight may still take before they are cancelled "
        f"[env SYNOPSIS_GRACE; default: {SERVER_GRACE_S:g}].",
    ),
    timeout: float | None = typer.Option(
        None, help="Time limit for one summary, in seconds [env SYNOPSIS_TIMEOUT; default: 60]."
    ),
    workers: int | None = typer.Option(
        None,
        help="Worker processes that summarize (0: threads in the server) [env SYNOPSIS_WORKERS; default: one per core, "
        "at most 4, and no more than 75% of the memory holds at --memory-mb each].",
    ),
    queue: int | None = typer.Option(
        None, help="Summaries running, waiting or being received before new requests get 503 [env SYNOPSIS_QUEUE; default: 64]."
    ),
    open_browser: bool = typer.Option(False, "--open", help="Open the page in a web browser once the server is up."),
    access_log: bool = typer.Option(True, help="Log one line per request."),
    model: str | None = typer.Option(None, "--model", help=MODEL_HELP + " [env SYNOPSIS_MODEL]"),
) -> None:
    """Serve the page (paste or drop a paper, see the summary highlighted in place) and the JSON API.

    The API is documented at /docs once the server runs. Exit status 2 for a usage error or when it
    cannot start (a bad option value or --model, a port in use, the server extra missing), in one line.
    """
    try:
        from ..server import Limits, create_app
        from ..server.app import MODEL_VARIABLE, WITHOUT_RERANKER, served_model
        from ..server.serving import serve
    except ImportError as err:
        fail(str(MissingExtra("synopsis serve", "server", str(err))))
    if not 0 < port < 65536:
        fail(f"--port must be between 1 and 65535, got {port}")
    check_finite(timeout=timeout, grace=grace)  # Limits would take inf, and word nan oddly
    check_whole(memory_mb=memory_mb)  # before Limits derives the text limit from it (0 MB: a 0-character limit)
    given = {
        "max_upload_bytes": megabytes("max_upload_mb", max_upload_mb),
        "max_text_chars": max_text_chars,
        "timeout_s": timeout,
        "workers": workers,
        "queue": queue,
        "memory_mb": memory_mb,
        "grace_s": grace,
    }
    try:
        limits = Limits.from_env(None, **given)
    except ValueError as err:
        fail(_named(str(err), {name for name, value in given.items() if value is not None}))
    named = "--model"
    if model is None and os.environ.get(MODEL_VARIABLE):  # a bad file is named by what set it
        model, named = os.environ[MODEL_VARIABLE], MODEL_VARIABLE
    checked_model(model, WITHOUT_RERANKER, named=named)  # a bad file: one line, exit 2 (loaded once, cached)
    model_path, reranker = served_model(model)
    _check_port_free(host, port)
    shown_host = f"[{host}]" if ":" in host else host
    url = f"http://{shown_host}:{port}/"
    report(
        f"serving on {url} (API docs at {url}docs); {limits.workers or 'thread'} worker(s), "
        f"uploads up to {limits.max_upload_bytes / 1e6:g} MB, texts up to {limits.max_text_chars:,} characters, "
        f"{limits.memory_mb:,} MB and {limits.timeout_s:g} s per summary; Ctrl+C stops"
    )
    if host not in ("127.0.0.1", "localhost", "::1"):
        report(f"listening on {host}: anyone who can reach this machine can use the server")
    if open_browser:
        import webbrowser  # here, not at the top: other commands start faster

        webbrowser.open(url)
    if model_path and reranker:
        report(f"model: {model_path} (for auto, reranked and supervised)")
    elif model_path:
        report(
            f"model: {model_path} (for auto and supervised); it has no summary reranker, so auto uses"
            f" {WITHOUT_RERANKER} and requests for reranked are refused (422)"
        )
    serve(create_app(limits, model=model_path), host=host, port=port, access_log=access_log)


# The options that set each of Limits' fields.
_OPTIONS = {
    "max_upload_bytes": "--max-upload-mb",
    "max_text_chars": "--max-text-chars",
    "timeout_s": "--timeout",
    "workers": "--workers",
    "queue": "--queue",
    "memory_mb": "--memory-mb",
    "grace_s": "--grace",
}


def _named(message: str, given: set[str]) -> str:
    """Limits' refusal ("queue must be ...") led by what set the value: the option when it was given,
    else its environment variable, so the user knows what to change."""
    from ..server.limits import ENV_VARIABLES

    field = message.split(" ", 1)[0]
    if field in given:
        return f"{_OPTIONS[field]}: {message}"
    variable = ENV_VARIABLES.get(field)
    if variable and os.environ.get(variable, "").strip():
        return f"{variable}: {message}"
    return message


def _check_port_free(host: str, port: int) -> None:
    """Say plainly why the server cannot listen, instead of uvicorn's traceback-like error: the port
    is taken (choose another --port), or --host is no address of this machine (choose another
    --host; advice to change the port would not help)."""
    import errno
    import socket  # here, not at the top: other commands start faster

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except socket.gaierror as err:
            fail(f"--host {host}: no such address ({err.strerror or err}); give an address of this machine, e.g. 127.0.0.1")
        except OSError as err:
            if err.errno == errno.EADDRNOTAVAIL:
                fail(f"--host {host}: not an address of this machine ({err.strerror}); e.g. 127.0.0.1 or 0.0.0.0")
            if err.errno == errno.EACCES:
                fail(f"cannot listen on {host}:{port} ({err.strerror}): ports below 1024 need root; choose another --port")
            fail(f"cannot listen on {host}:{port} ({err.strerror or err}); is another server running? Choose another --port")
