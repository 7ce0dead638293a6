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


def test_binary_data_as_pasted_text_is_a_400(client: TestClient) -> None:
    """Was: 200, summarized with its control characters, where a file of the same bytes is refused."""
    response = client.post("/api/summarize", json={"text": "\x01\x02\x03 " * 40 + TEXT})
    assert response.status_code == 400, response.text
    answer = response.json()
    assert answer["error"] == "bad_input"
    assert answer["message"].startswith("pasted text: looks like binary data (many control characters), not text")


def test_a_stray_nul_in_pasted_text_is_summarized(client: TestClient) -> None:
    """One NUL in a pasted text (a JSON string holds it on purpose) is no sign of binary data."""
    response = client.post("/api/summarize", json={"text": TEXT + "\x00" + TEXT})
    assert response.status_code == 200, response.text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '{"text": "Caf\u00e9 culture. ' + TEXT + '"}',
            "the request body is not valid UTF-8 (byte 0xe9 at offset 13): JSON must be sent as UTF-8",
        ),
        (
            '\ufeff{"text": "Caf\u00e9"}',
            "the request body is not valid UTF-8 (byte 0xe9 at offset 16): JSON must be sent as UTF-8",
        ),
    ],
    ids=["latin-1", "latin-1-after-a-utf-8-bom"],
)
def test_a_json_body_not_in_utf8_says_so(client: TestClient, body: str, message: str) -> None:
    """Was: "the request body is not valid JSON ('utf-8' codec can't decode byte 0xe9 in position 13: ...)"."""
    data = body.encode("latin-1") if not body.startswith("\ufeff") else b"\xef\xbb\xbf" + body[1:].encode("latin-1")
    response = client.post("/api/summarize", content=data, headers={"content-type": "application/json"})
    assert response.status_code == 400
    assert response.json() == {"status": 400, "error": "bad_input", "message": message}
