"""The title and abstract fields count against --max-text-chars: only the text did, so a request of
a short text and a title of 10 million characters was summarized, taking 24 s and 2 GB (the
title is matched against the text's first lines), past the limit meant to bound one summary."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager

import pytest
from fastapi.testclient import TestClient

ClientFactory = Callable[..., AbstractContextManager[TestClient]]

TEXT = "The mentoring study works. Mentors met their mentees every week for a year, and most stayed. " * 20
LIMIT = 5_000


@pytest.mark.parametrize("field", ["title", "abstract"])
def test_a_long_title_or_abstract_with_pasted_text_is_413(make_client: ClientFactory, field: str) -> None:
    with make_client(max_text_chars=LIMIT) as client:
        response = client.post("/api/summarize", json={"text": TEXT, field: "Long " * 1_000, "words": 20})
    assert response.status_code == 413, response.text
    total = len(TEXT) + 5_000
    assert response.json()["message"] == (
        f"the text, title and abstract are {total:,} characters together, over the limit of {LIMIT:,}"
        " (the server's --max-text-chars)"
    )


@pytest.mark.parametrize("field", ["title", "abstract"])
def test_a_long_title_or_abstract_field_with_an_upload_is_413(make_client: ClientFactory, field: str) -> None:
    with make_client(max_text_chars=LIMIT) as client:
        response = client.post(
            "/api/summarize", files={"file": ("a.txt", TEXT.encode())}, data={field: "Long " * 1_200, "words": "20"}
        )
    assert response.status_code == 413, response.text
    assert response.json()["message"] == (
        f"the title and abstract fields are 6,000 characters together, over the limit of {LIMIT:,}"
        " (the server's --max-text-chars)"
    )


def test_a_text_alone_over_the_limit_is_said_as_before(make_client: ClientFactory) -> None:
    with make_client(max_text_chars=LIMIT) as client:
        response = client.post("/api/summarize", json={"text": TEXT * 3, "title": "A title"})
    assert response.status_code == 413
    assert response.json()["message"] == (
        f"the text is {len(TEXT) * 3:,} characters, over the limit of {LIMIT:,} (the server's --max-text-chars)"
    )


def test_a_title_and_abstract_within_the_limit_are_summarized(make_client: ClientFactory) -> None:
    with make_client(max_text_chars=LIMIT) as client:
        pasted = client.post("/api/summarize", json={"text": TEXT, "title": "Mentoring", "abstract": "A study.", "words": 20})
        uploaded = client.post(
            "/api/summarize", files={"file": ("a.txt", TEXT.encode())}, data={"title": "Mentoring", "words": "20"}
        )
    assert pasted.status_code == 200, pasted.text
    assert uploaded.status_code == 200, uploaded.text
