"""The server's cap on a budget is a limit per request, said as one (docs/server.md), in JSON and form alike."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

TEXT = "Mentors met each young man every week. Those who kept meeting were less often convicted again. " * 3


@pytest.mark.parametrize("field", ["words", "sentences"])
def test_a_budget_over_the_cap_is_refused_as_the_servers_limit(client: TestClient, field: str) -> None:
    """Was: "words: Input should be less than or equal to 100000", as if a budget had a maximum
    everywhere; `synopsis summarize --words 200000` has none."""
    for response in (
        client.post("/api/summarize", json={"text": TEXT, field: 200_000}),
        client.post("/api/summarize", files={"file": ("a.txt", TEXT.encode())}, data={field: "200000"}),
    ):
        assert response.status_code == 422, response.text
        message = response.json()["message"]
        assert message.startswith(f"{field}: must be at most 100,000 on the server, a limit per request")
        assert "the CLI has no such limit" in message
    assert client.post("/api/summarize", json={"text": TEXT, field: 100_000}).status_code == 200
