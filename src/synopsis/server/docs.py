"""The ReDoc page (/redoc), served so that it loads nothing from another origin.

fastapi-offline ships ReDoc's bundle, but the bundle shows Redocly's logo in its sidebar from
cdn.redoc.ly: a request to the internet from a page said to need none, blocked by our
Content-Security-Policy (a console error). We serve the bundle with that one address replaced by
an inline transparent image, from our own route, and the page that loads it.
"""

from __future__ import annotations

import functools
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html
from fastapi.responses import HTMLResponse, Response

REDOC_PATH = "/redoc"
REDOC_JS = "/redoc-assets/redoc.standalone.js"
# The only address outside this server that ReDoc's bundle loads (its sidebar's "API docs by
# Redocly" logo); a 1x1 transparent GIF stands in for it, and the attribution text stays.
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
BLANK_IMAGE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"


@functools.cache
def redoc_bundle() -> bytes:
    """fastapi-offline's ReDoc bundle without its one external address (read once, on first use)."""
    source = resources.files("fastapi_offline").joinpath("static").joinpath("redoc.standalone.js").read_text(encoding="utf-8")
    return source.replace(REDOC_LOGO, BLANK_IMAGE).encode("utf-8")


def add_redoc(app: FastAPI, *, assets_url: str) -> None:
    """Serve /redoc and its bundle on `app` (made with redoc_url=None); `assets_url` is where
    fastapi-offline serves its other files (the favicon)."""

    @app.get(REDOC_PATH, include_in_schema=False)
    async def redoc(request: Request) -> HTMLResponse:
        root = request.scope.get("root_path", "")
        return get_redoc_html(
            openapi_url=f"{root}{app.openapi_url}",
            title=f"{app.title} - ReDoc",
            redoc_js_url=f"{root}{REDOC_JS}",
            redoc_favicon_url=f"{root}{assets_url}/favicon.png",
            with_google_fonts=False,
        )

    @app.get(REDOC_JS, include_in_schema=False)
    async def redoc_js() -> Response:
        return Response(redoc_bundle(), media_type="text/javascript", headers={"Cache-Control": "public, max-age=86400"})
