"""A JSON body of millions of small values: json builds them all in the server process (which has
no memory cap; only the workers do) before any field is checked. 25 MB of `{},` took ~600 MB and
15 s there, per request, and several at once could exhaust the machine."""

from __future__ import annotations

import json
import resource

import pytest
from fastapi.testclient import TestClient

from synopsis.server.intake import MAX_JSON_VALUES, _parse_json

TEXT = "The mentoring study works. Mentors met their mentees every week for a year, and most stayed."


@pytest.mark.parametrize(
    "item",
    [b"{}", b"[]", b'"a"', b"0"],
    ids=["objects", "arrays", "strings", "numbers"],
)
def test_a_body_of_a_million_values_is_refused_before_json_builds_them(client: TestClient, item: bytes) -> None:
    body = b'{"text": "' + TEXT.encode() + b'", "extra": [' + b",".join([item] * 1_000_000) + b"]}"
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    response = client.post("/api/summarize", content=body, headers={"content-type": "application/json"})
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
    assert response.status_code == 422, response.text
    message = response.json()["message"]
    expected = f"the JSON body is not one request: it holds over {MAX_JSON_VALUES:,} values (commas outside its strings)"
    assert message.startswith(expected)
    assert "\n" not in message
    assert grown_mb < 40, f"the server process grew by {grown_mb:.0f} MB"


def test_commas_inside_strings_are_text_not_values(client: TestClient) -> None:
    """A paper has thousands of commas, also escaped quotes before them: all inside its string."""
    text = ('He said \\"yes, no, maybe\\", then left, ' + TEXT + " ") * 300
    body = ('{"text": "' + text + '", "words": 20, "title": "A, B, and C"}').encode()
    assert json.loads(body)["text"].count(",") >= 900
    response = client.post("/api/summarize", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text


def test_a_body_cut_short_inside_its_text_is_still_named_as_invalid_json(client: TestClient) -> None:
    """The commas of a text whose string never closes are not counted as values: the client learns
    where its JSON broke, not that it sent too many fields."""
    body = ('{"words": 20, "text": "' + ("One, two, three, four. " * 200)).encode()
    response = client.post("/api/summarize", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    assert response.json()["message"].startswith("the request body is not valid JSON (Unterminated string")


def test_a_request_of_every_field_is_far_under_the_limit() -> None:
    body = json.dumps(
        {"text": TEXT, "method": "auto", "words": 20, "sentences": 2, "title": "t", "abstract": "a", "lang": "en"}
    ).encode()
    assert _parse_json(body)["words"] == 20


def _cpu_ms(body: str) -> int:
    import time

    from synopsis.server.intake import _too_many_values

    start = time.process_time()
    _too_many_values(body)
    return round((time.process_time() - start) * 1000)


@pytest.mark.parametrize(
    "body",
    [
        # An unclosed string of escaped quotes: a pattern that fails at its first quote is tried
        # again from each escaped one, its length squared.
        '{"text": "' + '\\"' * 2_000_000 + ", " * 200,
        # Millions of empty strings: a Python step per token.
        "[" + '""' * 2_000_000 + ", " * 200 + "]",
    ],
    ids=["unclosed-escaped-quotes", "empty-strings"],
)
def test_counting_values_is_one_pass_whatever_the_strings(body: str) -> None:
    # Over 2 s of CPU for a 4-8 MB body is a quadratic or per-token cost (one pass: ~0.1 s).
    assert _cpu_ms(body) < 2_000


def test_a_text_of_escaped_letters_costs_no_memory_per_escape() -> None:
    """json.dumps writes every Cyrillic letter as an escape ("\\u043f"): a review found the string
    pattern keeping state per escape, 412 MB of the server process for a 23 MB body."""
    import subprocess
    import sys

    child = (
        "import json, resource\n"
        "from synopsis.server.intake import _too_many_values\n"
        "body = json.dumps({'text': 'привет, мир. ' * 400_000, 'words': 200})\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "assert not _too_many_values(body)\n"
        "print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)\n"
    )
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, check=True)
    assert int(done.stdout) < 50, f"counting the values took {done.stdout.strip()} MB more"


def test_a_body_that_is_no_json_object_keeps_jsons_own_error(client: TestClient) -> None:
    """A review: a form-encoded body sent as JSON, with many commas, was "over 100 values"."""
    body = ("text=" + "a," * 300).encode()
    response = client.post("/api/summarize", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    assert response.json()["message"].startswith("the request body is not valid JSON")
