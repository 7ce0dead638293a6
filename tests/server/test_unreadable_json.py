"""JSON a client may send that Python's own parser or encoder cannot take: an answer in our JSON
shape with 400, never a plain-text 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

TEXT = "The mentoring study works. Mentors met their mentees every week for a year."


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"text": "x", "title": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", "nested too deeply"),
        (
            b'{"text": "The study \\ud800 works. ' + TEXT.encode() + b'"}',
            "contains an unpaired surrogate (\\ud800) at character 10",
        ),
        (b'{"text": "' + TEXT.encode() + b'", "title": "T \\udc00"}', "the title contains an unpaired surrogate (\\udc00)"),
        (b'{"text": "' + TEXT.encode() + b'", "abstract": "\\ud83d"}', "the abstract contains an unpaired surrogate"),
    ],
    ids=["deep-body", "deep-field", "surrogate-text", "surrogate-title", "surrogate-abstract"],
)
def test_unreadable_json_is_a_400_in_json(client: TestClient, body: bytes, fragment: str) -> None:
    response = client.post("/api/summarize", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400, response.text
    answer = response.json()
    assert answer["status"] == 400 and answer["error"] == "bad_input", answer
    assert fragment in answer["message"], answer


def test_a_paired_surrogate_escape_is_summarized(client: TestClient) -> None:
    body = b'{"text": "Smile \\ud83d\\ude00. ' + TEXT.encode() + b'", "words": 20}'
    response = client.post("/api/summarize", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
