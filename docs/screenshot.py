"""Make docs/screenshot.png: the page after summarizing the example record.

python docs/screenshot.py      # needs the test extra (Playwright) and chromium at /usr/bin/chromium
"""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from synopsis.server import Limits, create_app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "000_9c8af2bd0370aa32.txt"
OUT = ROOT / "docs" / "screenshot.png"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def main() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Limits(workers=0)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1440, "height": 960}, device_scale_factor=1)
            page.goto(f"http://127.0.0.1:{port}/")
            page.wait_for_selector("#method option[value='textrank']", state="attached")
            page.fill("#text", EXAMPLE.read_text(encoding="utf-8"))
            page.click("#summarize")
            page.wait_for_selector("#results:not([hidden]) .summary-item")
            page.wait_for_timeout(1200)  # the page has scrolled to the results
            page.locator("#summary-list .summary-item").nth(1).click()
            page.mouse.move(1, 1)  # no hover highlight left where the click was
            page.wait_for_timeout(1800)  # smooth scroll and the flash have finished
            page.screenshot(path=str(OUT))
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    print(f"wrote {OUT} ({OUT.stat().st_size:,} bytes)", file=sys.stderr)


if __name__ == "__main__":
    main()
