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


def test_a_failed_document_with_a_very_long_id_wraps_in_its_list(tmp_path: Path) -> None:
    """Was: the failed documents' list kept a 400-character id (a hash, a URL) on one line, and the
    report scrolled sideways to 3,300 px in a 1,280 px window; its markup stays text."""
    long_id = '"><svg onload=alert(1)>' + "Z" * 400
    scores = RougeScores(Rouge(0.4, 0.4, 0.4), Rouge(0.1, 0.1, 0.1), Rouge(0.4, 0.4, 0.4))
    docs = [
        DocResult(f"d{i}", "dhq", "in.jsonl", 3000, {"lead": MethodResult(scores, 190, 7, positions=(0.1,))}) for i in range(3)
    ]
    failed = MethodResult(RougeScores(Rouge(0, 0, 0), Rouge(0, 0, 0), Rouge(0, 0, 0)), error="no prediction with this id")
    docs.append(DocResult(long_id, "dhq", "in.jsonl", 3000, {"lead": failed}))
    page_path = tmp_path / "report.html"
    page_path.write_text(render_html(build_evaluation(docs, ("lead",), words=200, resamples=200)), encoding="utf-8")
    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(page_path.as_uri())
            scroll, client = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
            failures = page.locator("ul.fail").first.inner_text()
            svgs = page.locator("ul.fail svg").count()
        finally:
            browser.close()
    assert scroll <= client, f"the report is {scroll} px wide in a {client} px window"
    assert long_id in failures.replace("\n", "") and svgs == 0
