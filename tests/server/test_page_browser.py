"""The page in a real browser (Debian's chromium driven by Playwright) against the real server.

Paste the example record, summarize, and the highlighted sentences in the document are exactly
the summary; a paper containing <script> shows it as text and runs nothing.
"""

from __future__ import annotations

import json
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from synopsis import DEFAULT_METHOD, summarize

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not CHROMIUM.exists() and shutil.which("chromium") is None,
        reason="no chromium at /usr/bin/chromium (install it with: apt-get install -y chromium)",
    ),
]


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    """The real app under uvicorn on a free loopback port, in a thread of this process."""
    import uvicorn

    from synopsis.server import Limits, create_app

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Limits(workers=0)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = str(CHROMIUM) if CHROMIUM.exists() else shutil.which("chromium")
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser: Any, server_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1400, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.errors = []  # JavaScript errors and CSP violations would show up here
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.goto(server_url + "/")
    page.wait_for_selector("#method option[value='textrank']", state="attached")  # the methods have loaded
    yield page
    context.close()


def summarize_on_page(page: Any, text: str, **options: str) -> None:
    page.fill("#text", text)
    for selector, value in options.items():
        page.fill(f"#{selector}", value) if selector == "length" else page.select_option(f"#{selector}", value)
    page.click("#summarize")
    page.wait_for_selector("#results:not([hidden]) .summary-item")


def test_pasted_example_is_highlighted_exactly_where_the_summary_sentences_are(page: Any, example_text: str) -> None:
    summarize_on_page(page, example_text)
    highlighted = page.locator("#document .sent.chosen").all_inner_texts()
    listed = page.locator("#summary-list .summary-item .text").all_inner_texts()
    expected = [s.text for s in summarize(example_text, words=200).sentences]
    assert highlighted == listed == expected
    assert page.locator("#document .sent.chosen").evaluate_all("spans => spans.map(s => s.dataset.rank)") == [
        str(i + 1) for i in range(len(expected))
    ]
    assert "Introduction" in page.locator("#document h3").all_inner_texts()
    assert page.locator("#summary-meta").inner_text().startswith(f"{DEFAULT_METHOD} · ")
    assert page.errors == []


def test_clicking_a_summary_sentence_scrolls_to_it(page: Any, example_text: str) -> None:
    summarize_on_page(page, example_text)
    last = page.locator("#summary-list .summary-item").last
    index = last.get_attribute("data-index")
    target = page.locator(f"#document .sent[data-index='{index}']")
    last.click()
    page.wait_for_function(
        "i => { const r = document.querySelector(`#document .sent[data-index='${i}']`).getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= window.innerHeight; }",
        arg=index,
    )
    assert "flash" in (target.get_attribute("class") or "")


def test_a_script_in_the_paper_is_shown_as_text_and_never_runs(page: Any) -> None:
    text = (
        "Introduction\n\n"
        "Mentoring schemes for young offenders are widely used in criminal justice systems. "
        "The markup <script>window.__pwned = 1</script> must be shown exactly as written in this sentence. "
        'An image tag <img src=x onerror="window.__pwned = 2"> is also only text in this paper. '
        "Volunteer mentors met their mentees weekly during the first year of the programme. "
        "The evaluation found modest effects on reoffending among those who completed it.\n"
    )
    summarize_on_page(page, text, unit="sentences", length="10")
    document = page.locator("#document")
    assert "<script>window.__pwned = 1</script>" in document.inner_text()
    assert '<img src=x onerror="window.__pwned = 2">' in document.inner_text()
    assert "<script>window.__pwned = 1</script>" in page.locator("#summary-list").inner_text()
    assert document.locator("script, img").count() == 0 and page.locator("#summary-list script, #summary-list img").count() == 0
    page.wait_for_timeout(200)
    assert page.evaluate("window.__pwned") is None
    assert page.errors == []


def test_dropped_file_upload_and_json_download(page: Any, example_path: Path, example_text: str) -> None:
    dropped = page.evaluate_handle(
        "([name, text]) => { const data = new DataTransfer();"
        " data.items.add(new File([text], name, {type: 'text/plain'})); return data; }",
        [example_path.name, example_text],
    )
    page.dispatch_event("#input-card", "drop", {"dataTransfer": dropped})
    assert page.locator("#file-name").inner_text() == example_path.name
    assert page.locator("#text").is_hidden()
    page.fill("#length", "120")
    page.click("#summarize")
    page.wait_for_selector("#results:not([hidden]) .summary-item")
    expected = [s.text for s in summarize(example_text, words=120).sentences]
    assert page.locator("#document .sent.chosen").all_inner_texts() == expected
    with page.expect_download() as download_info:
        page.click("#download-json")
    download = download_info.value
    assert download.suggested_filename == f"{example_path.stem}.summary.json"
    data = json.loads(Path(download.path()).read_text(encoding="utf-8"))
    assert [s["text"] for s in data["sentences"]] == expected and data["budget"]["words"] == 120
    with page.expect_download() as text_info:
        page.click("#download-text")
    assert Path(text_info.value.path()).read_text(encoding="utf-8") == "\n".join(expected) + "\n"


def test_errors_are_shown_on_the_page(page: Any) -> None:
    page.click("#summarize")
    assert "Paste an article" in page.locator("#error").inner_text()
    page.set_input_files(
        "#file", files=[{"name": "figure.png", "mimeType": "image/png", "buffer": b"\x89PNG\r\n\x1a\n" + bytes(64)}]
    )
    page.click("#summarize")
    page.wait_for_selector("#error:not([hidden])")
    page.wait_for_function("() => document.querySelector('#error').textContent.includes('PNG')")
    assert "figure.png: is a PNG image" in page.locator("#error").inner_text()


def test_a_file_not_in_utf8_is_read_once_its_encoding_is_named_on_the_page(page: Any, example_text: str) -> None:
    """Was: the server's answer asked for "the encoding field", which the page did not have, so a
    cp1252 or UTF-16 text file could not be summarized from the page at all."""
    text = example_text.replace("Introduction Mentoring has a long history", "Introduction Café mentoring has a long history")
    assert text != example_text
    page.set_input_files(
        "#file", files=[{"name": "paper.txt", "mimeType": "text/plain", "buffer": text.encode("cp1252", "replace")}]
    )
    page.click("#summarize")
    page.wait_for_function("() => document.querySelector('#error').textContent.includes('not valid UTF-8')")
    assert "with the encoding field (e.g. cp1252)" in page.locator("#error").inner_text()
    assert page.locator("#encoding").is_visible()
    page.fill("#encoding", "cp1252")
    page.fill("#length", "80")
    page.click("#summarize")
    page.wait_for_selector("#results:not([hidden]) .summary-item")
    assert page.locator("#error").is_hidden()
    assert "Café mentoring" in page.locator("#document").inner_text()
    page.set_input_files("#file", files=[{"name": "other.txt", "mimeType": "text/plain", "buffer": example_text.encode()}])
    assert page.locator("#encoding").input_value() == ""  # a new file starts as UTF-8 again
    assert [error for error in page.errors if not error.startswith("Failed to load resource")] == []  # the 400


@pytest.mark.parametrize(
    ("text", "message"),
    [("我们提出了一种新的方法。" * 200, "is Chinese (zh)"), ("", "Paste an article")],
    ids=["refused-by-the-server", "empty"],
)
def test_a_failed_submit_leaves_no_summary_on_show(page: Any, example_text: str, text: str, message: str) -> None:
    """The error used to show above the previous summary and its highlights, as if they answered it."""
    summarize_on_page(page, example_text)
    page.fill("#text", text)
    page.click("#summarize")
    page.wait_for_function("m => document.querySelector('#error').textContent.includes(m)", arg=message)
    assert page.locator("#results").is_hidden()
    assert page.locator("#summary-list .summary-item").count() == 0 and page.locator("#document .sent").count() == 0
    with page.expect_download() as download_info:  # nothing of the old summary is left to download either
        page.evaluate("document.querySelector('#download-text').click()")
    assert Path(download_info.value.path()).read_text(encoding="utf-8") == "\n"


def test_the_previous_summary_is_marked_while_the_next_is_made(page: Any, example_text: str) -> None:
    summarize_on_page(page, example_text)
    held: list[Any] = []
    page.route("**/api/summarize", lambda route: held.append(route))  # the next request waits until we let it go
    page.fill("#length", "60")
    page.click("#summarize")
    page.wait_for_function("() => document.querySelector('#results').classList.contains('stale')")
    assert "previous" in page.locator("#status").inner_text()
    assert page.locator("#results").get_attribute("aria-busy") == "true"
    while not held:
        page.wait_for_timeout(20)
    held[0].continue_()
    page.wait_for_function("() => !document.querySelector('#results').classList.contains('stale')")
    assert page.locator("#status").inner_text().startswith("Done")
    assert page.locator("#summary-list .summary-item .text").all_inner_texts() == [
        s.text for s in summarize(example_text, words=60).sentences
    ]


def test_score_shading_colours_the_document(page: Any, example_text: str) -> None:
    summarize_on_page(page, example_text)
    plain = page.locator("#document .sent:not(.chosen):not(.skipped)").first
    assert plain.evaluate("s => getComputedStyle(s).backgroundColor") in ("rgba(0, 0, 0, 0)", "transparent")
    page.check("#shade")
    # A gradient of scores, not one colour (polled: the colours fade in with a CSS transition).
    page.wait_for_function(
        "() => new Set([...document.querySelectorAll('#document .sent:not(.chosen):not(.skipped)')]"
        ".map(s => getComputedStyle(s).backgroundColor)).size > 10",
        timeout=5000,
    )


def test_api_docs_render_without_the_internet(browser: Any, server_url: str) -> None:
    page = browser.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(server_url + "/docs")
    page.locator(".opblock-summary-path", has_text="/api/summarize").wait_for()
    assert page.locator(".opblock").count() >= 3
    assert [url for url in requested if not url.startswith(server_url)] == []
    page.close()


def test_redoc_renders_without_the_internet(browser: Any, server_url: str) -> None:
    """ReDoc's sidebar loaded Redocly's logo from cdn.redoc.ly: refused by the CSP, a console error."""
    page = browser.new_page()
    requested: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(server_url + "/redoc")
    page.get_by_text("/api/summarize").first.wait_for()
    page.get_by_text("API docs by Redocly").wait_for()
    page.wait_for_timeout(300)  # the logo is asked for once the sidebar has rendered
    local = (server_url, f"blob:{server_url}", "data:")  # ReDoc starts a worker from a blob of its own
    assert [url for url in requested if not url.startswith(local)] == []
    assert errors == []
    page.close()


def test_a_very_long_word_wraps_inside_its_box_and_never_widens_the_page(page: Any) -> None:
    """Was: a 600-letter sequence (or a URL, or a file name without spaces) widened the summary and
    document columns to ~6,000 px, so that the whole page scrolled sideways; so did an error naming
    such a file."""
    sequence = "ACGT" * 150
    text = (
        "Introduction\n\n"
        "The study measured the effect of sleep on memory in forty adults over two weeks. "
        f"The full sequence {sequence} was recorded for every participant in the trial. "
        "Participants who slept eight hours recalled more words than those who slept five hours. "
        "These results suggest that sleep supports the consolidation of verbal memory in adults.\n"
    )
    widths = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    summarize_on_page(page, text, unit="sentences", length="10")
    assert sequence in page.locator("#summary-list").inner_text().replace("\n", "")
    scroll, client = page.evaluate(widths)
    assert scroll <= client, f"the page is {scroll} px wide in a {client} px window"
    for box in ("#summary-list .summary-item", "#document"):
        assert page.locator(box).first.evaluate("e => e.scrollWidth <= e.clientWidth"), box
    page.set_input_files(
        "#file", files=[{"name": "x" * 400 + ".png", "mimeType": "image/png", "buffer": b"\x89PNG\r\n\x1a\n" + bytes(64)}]
    )
    page.click("#summarize")
    page.wait_for_function("() => document.querySelector('#error').textContent.includes('PNG')")
    scroll, client = page.evaluate(widths)
    assert scroll <= client, f"the error widened the page to {scroll} px in a {client} px window"


def test_a_right_to_left_article_reads_right_to_left_and_an_english_one_left_to_right(page: Any, example_text: str) -> None:
    """Was: a Hebrew article (summarized with neutral settings and a warning) was laid out left to
    right, its sentences in the wrong order on the line and each full stop at the wrong end."""
    hebrew = (
        "המחקר בדק את השפעת השינה על הזיכרון אצל ארבעים מבוגרים במשך שבועיים. "
        "המשתתפים שישנו שמונה שעות זכרו יותר מילים מאלה שישנו חמש שעות.\n"
    )
    directions = (
        "() => [...document.querySelectorAll('#text, #document p, #summary-list .text')].map(e => getComputedStyle(e).direction)"
    )
    summarize_on_page(page, hebrew, unit="sentences", length="5")
    assert "not supported" in page.locator("#summary-note").inner_text()
    found = page.evaluate(directions)
    assert found and set(found) == {"rtl"}, found
    summarize_on_page(page, example_text)
    page.wait_for_function("() => document.querySelector('#document').textContent.includes('Mentoring')")
    found = page.evaluate(directions.replace("#text, ", ""))
    assert found and set(found) == {"ltr"}, found
    # A review: dir="auto" set an English paragraph that opens with a Hebrew word right to left.
    english = (
        "שלום is the Hebrew word for peace, and it opens this English paragraph about greetings. "
        "The study tested whether sleep improves memory in forty adults over two weeks. "
        "Participants who slept eight hours recalled more words than those who slept five hours.\n\n"
        "These results suggest that sleep supports the consolidation of verbal memory in adults. "
        "Greetings in many languages carry wishes of peace, health or a good day to the listener.\n"
    )
    summarize_on_page(page, english, unit="sentences", length="3")
    page.wait_for_function("() => document.querySelector('#document').textContent.includes('is the Hebrew word')")
    found = page.evaluate(directions.replace("#text, ", ""))
    assert found and set(found) == {"ltr"}, found
