"""The API's `lang` parameter and the language it reports."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

DE = (Path(__file__).parent.parent / "data" / "lang" / "de.txt").read_text(encoding="utf-8")


def test_detected_language_is_reported(client: TestClient) -> None:
    response = client.post("/api/summarize", json={"text": DE, "words": 80})
    assert response.status_code == 200, response.text
    summary = response.json()["summary"]
    assert summary["language"] == "de" and "warning" not in summary
    assert all(s["text"] == " ".join(DE[s["start"] : s["end"]].split()) for s in summary["sentences"])


def test_lang_overrides_detection_in_json_and_forms(client: TestClient) -> None:
    response = client.post("/api/summarize", json={"text": DE, "lang": "uk"})
    assert response.json()["summary"]["language"] == "uk"
    assert "not supported" in response.json()["summary"]["warning"]
    files = {"file": ("de.txt", DE.encode("utf-8"), "text/plain")}
    response = client.post("/api/summarize", files=files, data={"lang": "fr"})
    assert response.status_code == 200 and response.json()["summary"]["language"] == "fr"


def test_bad_lang_is_a_422_naming_the_field(client: TestClient) -> None:
    response = client.post("/api/summarize", json={"text": DE, "lang": "Deutsch"})
    assert response.status_code == 422
    assert "lang" in response.text
