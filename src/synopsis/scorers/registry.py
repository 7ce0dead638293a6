"""The one place where methods are registered by name.

A scorer is a plain function `(doc, features, /, **params) -> one float per sentence`; variants
are keyword settings of one function (textacy style), registered under their own names. Only
`select` turns scores into a summary, so no method repeats budget or ordering logic.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
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
        for name, value in params.items():
            _check_param(self.name, name, value, self.params[name])
        scores = np.asarray(self.scorer(doc, features, **{**self.params, **params}), dtype=np.float64)
        if scores.shape != (len(doc.sentences),):
            raise MethodError(f"method {self.name!r} returned {scores.shape} scores for {len(doc.sentences)} sentences")
        return scores


def _check_param(method: str, name: str, value: Any, default: Any) -> None:
    """A parameter given to a method has its default's kind (a number for a number, a string for a
    string): `damping="x"` was a numpy UFuncTypeError from deep inside the scorer, naming neither."""
    if isinstance(default, bool):
        fits, kind = isinstance(value, (bool, np.bool_)), "true or false"
    elif isinstance(default, int):  # a count or a size: a numpy integer is one, 2.5 is not
        fits, kind = isinstance(value, numbers.Integral) and not isinstance(value, (bool, np.bool_)), "a whole number"
    elif isinstance(default, float):
        real = isinstance(value, numbers.Real) and not isinstance(value, (bool, np.bool_))
        fits, kind = real and math.isfinite(value), "a finite number"
    elif isinstance(default, str):
        fits, kind = isinstance(value, str), "a string"
    else:
        return
    if not fits:
        raise MethodError(f"method {method!r}: parameter {name} must be {kind} (default {default!r}), got {value!r}")


_METHODS: dict[str, Method] = {}
METHODS: Mapping[str, Method] = MappingProxyType(_METHODS)
# The method `auto` stands for: the trained sentence scorer with the summary reranker, because it
# beat greedy selection from the same scores (`supervised`) on ROUGE-1 and ROUGE-2 at 100, 200 and
# 300 words on dev sources held out of its training, and `supervised` beat the best unsupervised
# method, `structured` (docs/model-card.md).
DEFAULT_METHOD = "reranked"
# What `auto` stands for outside English, where the trained methods lose their English-only features
# (lexicon, phrase model; the reranker was only ever tested on English). `supervised`: on English
# dev articles with those features off it matched or beat `structured` (+0.14 R1, 95% CI
# -0.11..+0.40; +0.31 R2, +0.10..+0.53; leave-one-source-out, all 1,311 documents;
# benchmarks/results/non_english_default.txt).
NON_ENGLISH_METHOD = "supervised"


def register(
    name: str,
    *,
    description: str,
    params: Mapping[str, Any] | None = None,
    selection: Mapping[str, Any] | None = None,
    requires: Callable[[], object] | None = None,
    choose: Chooser | None = None,
) -> Callable[[Scorer], Scorer]:
    """Register `scorer` under `name` with its default scorer `params` and `select` settings.

    The scorer's parameters are a mapping of their own, so that none can collide with the
    registry's options (a weight named `requires` or `selection` is just a key).
    """

    def decorator(scorer: Scorer) -> Scorer:
        if name in _METHODS:
            raise ValueError(f"method {name!r} is registered twice")
        _METHODS[name] = Method(name, scorer, description, dict(params or {}), dict(selection or {}), requires, choose)
        return scorer

    return decorator


def usable_method(name: str) -> Method:
    """`get_method`, and fail now (not on every document) when the method's extra is not installed."""
    method = get_method(name)
    if method.requires is not None:
        method.requires()
    return method


def get_method(name: str, *, language: str = "en") -> Method:
    """The method `name`; `auto` is resolved for the document's `language`."""
    if name == "auto":
        name = DEFAULT_METHOD if language == "en" else NON_ENGLISH_METHOD
    try:
        return _METHODS[name]
    except KeyError:
        raise MethodError(f"unknown method {name!r}; choose one of: auto, {', '.join(sorted(_METHODS))}") from None
