"""Noise (one word repeated, base64) is refused by the server with the line the CLI prints: 400."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_one_word_repeated_is_refused_as_no_prose(client: TestClient) -> None:
    """Was: 200 with the whole text as the summary's one "sentence"."""
    text = "word " * 20_000
    for response in (
        client.post("/api/summarize", json={"text": text}),
        client.post("/api/summarize", files={"file": ("noise.txt", text.encode())}),
    ):
        assert response.status_code == 400, response.text[:300]
        assert response.json()["error"] == "bad_input"
        assert response.json()["message"].split(": ", 1)[1] == (
            "does not look like prose: its first 2,500 characters are mostly one word repeated ('word': 499 of 499 words);"
            " nothing to summarize"
        )


def test_one_word_repeated_after_a_title_and_abstract_is_refused(client: TestClient) -> None:
    """A title and an abstract of prose do not make the body's one word an article."""
    body = {"text": "word " * 20_000, "title": "Mentoring young offenders", "abstract": "Mentors met each young man every week."}
    response = client.post("/api/summarize", json=body)
    assert response.status_code == 400, response.text[:300]
    assert "does not look like prose: its first 2,500 characters are mostly one word repeated ('word'" in response.text
