"""The one place where methods are registered by name.

A scorer is a plain function `(doc, features, /, **params) -> one float per sentence`; variants
are keyword settings of one function (textacy style), registered under their own names. Only
`select` turns scores into a summary, so no method repeats budget or ordering logic.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import NDArray

from ..errors import MethodError
from ..features import Features
from ..types import Document

Scorer = Callable[..., NDArray[np.float64]]
# A summary-level selection: (doc, features, scores, budget, **params) -> Selection, used instead of
# `select` by methods that choose a combination of sentences rather than sentences one by one.
Chooser = Callable[..., Any]


@dataclass(frozen=True)
class Method:
    """A registered method: a scorer, its default parameters and its selection settings."""

    name: str
    scorer: Scorer
    description: str
    params: Mapping[str, Any] = field(default_factory=dict)
    selection: Mapping[str, Any] = field(default_factory=dict)
    # Raises MethodError when an optional dependency is missing; called once before a run starts.
    requires: Callable[[], object] | None = None
    choose: Chooser | None = None

    def score(self, doc: Document, features: Features, **params: Any) -> NDArray[np.float64]:
        unknown = set(params) - set(self.params)
        if unknown:
            known = ", ".join(sorted(self.params)) or "none"
            raise MethodError(f"method {self.name!r} has no parameter {', '.join(sorted(unknown))} (it takes: {known})")
        scores = np.asarray(self.scorer(doc, features, **{**self.params, **params}), dtype=np.float64)
        if scores.shape != (len(doc.sentences),):
            raise MethodError(f"method {self.name!r} returned {scores.shape} scores for {len(doc.sentences)} sentences")
        return scores


_METHODS: dict[str, Method] = {}
METHODS: Mapping[str, Method] = MappingProxyType(_METHODS)
# The method `auto` stands for: the trained scorer, because it beat the best unsupervised method
# (`structured`) on every dev source held out of its training (docs/model-card.md).
DEFAULT_METHOD = "supervised"


def register(
    name: str,
    *,
    description: str,
    selection: Mapping[str, Any] | None = None,
    requires: Callable[[], object] | None = None,
    **params: Any,
) -> Callable[[Scorer], Scorer]:
    """Register `scorer` under `name` with default `params` (and selection settings)."""

    def decorator(scorer: Scorer) -> Scorer:
        if name in _METHODS:
            raise ValueError(f"method {name!r} is registered twice")
        _METHODS[name] = Method(name, scorer, description, dict(params), dict(selection or {}), requires)
        return scorer

    return decorator


def choose_with(name: str, choose: Chooser) -> None:
    """Make registered method `name` select with `choose` (a whole combination) instead of `select`.

    Separate from `register`, whose keyword arguments are the scorer's parameters."""
    _METHODS[name] = replace(_METHODS[name], choose=choose)


def usable_method(name: str) -> Method:
    """`get_method`, and fail now (not on every document) when the method's extra is not installed."""
    method = get_method(name)
    if method.requires is not None:
        method.requires()
    return method


def get_method(name: str) -> Method:
    if name == "auto":
        name = DEFAULT_METHOD
    try:
        return _METHODS[name]
    except KeyError:
        raise MethodError(f"unknown method {name!r}; choose one of: auto, {', '.join(sorted(_METHODS))}") from None
