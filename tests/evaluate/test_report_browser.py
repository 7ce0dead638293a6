"""The HTML report of `-m all` as a reader sees it, in a real browser (Debian's chromium driven by
Playwright): no console errors, nothing wider than the window, the paired tests as one table row
per pair, and one colour per system in the legend."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from synopsis.evaluate.html import render_html
from synopsis.evaluate.report import build_evaluation
from synopsis.evaluate.rouge import Rouge, RougeScores
from synopsis.evaluate.runner import DocResult, MethodResult, resolve_methods

CHROMIUM = Path("/usr/bin/chromium")
playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists() and shutil.which("chromium") is None,
        reason="no chromium at /usr/bin/chromium (install it with: apt-get install -y chromium)",
    ),
]


def _evaluation_of_every_method(documents: int = 12) -> tuple[object, tuple[str, ...]]:
    methods = resolve_methods(["all"])
    names = (*methods[:-1], "theirs", methods[-1])
    rng = np.random.default_rng(0)
    docs = []
    for i in range(documents):
        results = {}
        for name in names:
            f = float(rng.uniform(0.2, 0.6))
            results[name] = MethodResult(
                RougeScores(Rouge(f, f, f), Rouge(f / 3, f / 3, f / 3), Rouge(f, f, f)), 190, 7, positions=(0.1, 0.7)
            )
        docs.append(DocResult(f"d{i}", "plos" if i % 2 else "dhq", "in.jsonl", 3000 + 500 * i, results))
    return build_evaluation(docs, names, words=200, resamples=200), names


def test_the_report_of_every_method_reads_in_a_browser(tmp_path: Path) -> None:
    evaluation, names = _evaluation_of_every_method()
    page_path = tmp_path / "report.html"
    page_path.write_text(render_html(evaluation), encoding="utf-8")  # type: ignore[arg-type]
    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    errors: list[str] = []
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
            page.on("requestfailed", lambda request: errors.append(f"fetched {request.url}"))
            page.goto(page_path.as_uri())
            widths = page.evaluate("[...document.querySelectorAll('table, svg')].map(e => e.getBoundingClientRect().right)")
            tests = page.locator("h2:has-text('Paired bootstrap tests') ~ table").first
            rows = tests.locator("tr").count()
            legend = page.locator(".legend").first.locator("i").evaluate_all("items => items.map(i => i.style.background)")
        finally:
            browser.close()
    assert errors == []
    assert max(widths) <= 1280
    systems = len(names) - 2  # every system against lead, and every pair of systems
    assert rows == 1 + systems + systems * (systems - 1) // 2
    assert len(legend) == len(names) and len(set(legend)) == len(names)
