"""structured-dense: wordllama's shipped model loads offline and its signals change the ranking sensibly."""

from __future__ import annotations

import numpy as np
import pytest

from synopsis.features import compute_features
from synopsis.pipeline import build_document
from synopsis.scorers.dense import dense_signals, embed
from synopsis.types import Article


def test_embeddings_are_unit_length_and_semantic() -> None:
    vectors = embed(
        ["Prisoners were mentored after release.", "Offenders received mentoring on leaving jail.", "The enzyme binds zinc."]
    )
    assert vectors.shape[0] == 3
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_model_loads_without_network(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    from synopsis.scorers import dense

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    dense.embedding_model.cache_clear()
    assert dense.embed(["A sentence."]).shape[0] == 1


def test_dense_signals_on_a_real_article(dev_sample: list[dict[str, str]]) -> None:
    row = dev_sample[0]
    doc = build_document(Article(row["id"], row["full_text"], (0, len(row["full_text"])), row["title"], row["abstract"]))
    signals = dense_signals(doc, compute_features(doc))
    for values in signals.values():
        assert values.shape == (len(doc.sentences),) and np.all(np.isfinite(values))
    assert signals["dense_centrality"].std() > 0


def test_without_the_extra_the_method_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from synopsis.errors import MethodError
    from synopsis.scorers import dense

    monkeypatch.setitem(sys.modules, "wordllama", None)  # import fails as if not installed
    dense.embedding_model.cache_clear()
    with pytest.raises(MethodError, match=r"pip install 'synopsis\[embed\]'"):
        dense.embed(["A sentence."])
    dense.embedding_model.cache_clear()


def test_a_missing_extra_fails_before_the_run_not_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from synopsis.errors import MethodError
    from synopsis.evaluate.runner import resolve_methods
    from synopsis.scorers import dense, usable_method

    monkeypatch.setitem(sys.modules, "wordllama", None)
    dense.embedding_model.cache_clear()
    with pytest.raises(MethodError, match="embed"):
        usable_method("structured-dense")
    assert usable_method("structured").name == "structured"  # no extra needed
    assert "structured-dense" not in resolve_methods(["all"])  # `all` = what is installed
    dense.embedding_model.cache_clear()
