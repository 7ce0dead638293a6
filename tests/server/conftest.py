"""Server fixtures: an app with threads for workers (no process start-up) and its test client."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest

pytest.importorskip("fastapi", reason="the server tests need the server extra: pip install -e '.[test]'")

from fastapi.testclient import TestClient

from synopsis.server import Limits, create_app

ClientFactory = Callable[..., AbstractContextManager[TestClient]]


@pytest.fixture
def make_client() -> ClientFactory:
    """A test client for an app with the given limits (threads unless `workers` says otherwise)."""

    @contextmanager
    def factory(**limits: object) -> Iterator[TestClient]:
        settings = Limits(**{"workers": 0, **limits})  # type: ignore[arg-type]
        with TestClient(create_app(settings), raise_server_exceptions=False) as client:
            yield client

    return factory


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(Limits(workers=0)), raise_server_exceptions=False) as test_client:
        yield test_client
