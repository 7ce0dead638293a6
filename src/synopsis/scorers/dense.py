"""`structured-dense`: the default method plus dense sentence embeddings (extra `synopsis[embed]`).

Tf-idf sees only shared stems; a static embedding also sees that "offenders" and "prisoners" are
close. We use wordllama (MIT), whose 256-dimensional model ships inside its wheel and needs no
torch: every sentence is the mean of its token vectors, and two signals join `structured`'s —
cosine to the document's mean embedding (semantic centrality) and cosine to the title. On all dev
articles it adds +0.04 ROUGE-1 / +0.11 ROUGE-2 (within noise) for twice the CPU time per
article, which is why it is an option and not the default (docs/methods.md).

wordllama's own `load()` looks for the shipped tokenizer in the wrong folder and then tries to
download it; we point it at the files inside the installed package and forbid downloads, so it runs
offline or fails with a clear message.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import MethodError, install_hint
from ..features import Features
from ..types import Document
from .registry import register
from .structure import STRUCTURED_WEIGHTS, standardise, structured

EXTRA_HINT = f"install the embed extra: {install_hint('embed')}"


def _package_dir() -> Path:
    """Where wordllama is installed (its wheel carries the model), or MethodError naming the extra."""
    try:
        import wordllama
    except ImportError:
        raise MethodError(f"method 'structured-dense' needs wordllama; {EXTRA_HINT}") from None
    return Path(wordllama.__file__).parent


def check_installed() -> None:
    """Fail before a run when the extra is missing, without loading the model: a batch's main
    process never embeds anything, so it should not hold the model's memory."""
    root = _package_dir()
    if not any((root / "weights").glob("*.safetensors")) or not any((root / "tokenizers").glob("*.json")):
        raise MethodError(f"wordllama at {root} has no model files in its package; {EXTRA_HINT}")


@lru_cache(maxsize=1)
def embedding_model() -> Any:
    """The wordllama model shipped in its wheel, loaded once per process, never downloaded."""
    root = _package_dir()
    from wordllama import WordLlama

    try:
        return WordLlama.load(cache_dir=root, disable_download=True)
    except (FileNotFoundError, ValueError, OSError) as err:
        raise MethodError(f"could not load wordllama's shipped model offline ({err}); {EXTRA_HINT}") from None


def embed(texts: list[str]) -> NDArray[np.float64]:
    """Unit-length embeddings, one row per text."""
    if not texts:
        return np.zeros((0, 0))
    return np.asarray(embedding_model().embed(texts, norm=True), dtype=np.float64)


def dense_signals(doc: Document, features: Features) -> dict[str, NDArray[np.float64]]:
    """Cosine of each sentence to the document's mean embedding and to the title, standardised."""
    vectors = embed([s.text for s in doc.sentences])
    center = vectors.mean(axis=0)
    norm = np.linalg.norm(center)
    centrality = vectors @ (center / norm) if norm > 0 else np.zeros(features.n)
    has_title = bool(doc.title.strip())
    title = standardise(vectors @ embed([doc.title])[0], features.candidate) if has_title else np.zeros(features.n)
    return {"dense_centrality": standardise(centrality, features.candidate), "dense_title": title}


@register(
    "structured-dense",
    description="structured + wordllama embeddings (centrality and title similarity); needs the embed extra.",
    selection={"redundancy": 0.5},
    requires=check_installed,
    params={**STRUCTURED_WEIGHTS, "dense_centrality": 0.5, "dense_title": 0.3},
)
def structured_dense(
    doc: Document, features: Features, /, dense_centrality: float, dense_title: float, **weights: float
) -> NDArray[np.float64]:
    signals = dense_signals(doc, features)
    return (
        structured(doc, features, **weights)
        + dense_centrality * signals["dense_centrality"]
        + dense_title * signals["dense_title"]
    )
