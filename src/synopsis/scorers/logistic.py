"""A logistic regression over standardised features, as the reranker's small models ship it.

The bigram model (`scorers.bigrams`) and the word model (`scorers.words`) are the same kind of model
over different rows: one class holds the prediction, the JSON file format and the fit, each model a
subclass that names its format and feature columns.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, TypeVar

import numpy as np
from numpy.typing import NDArray

from ..errors import MethodError
from .json_numbers import read_number, read_numbers, read_scale, stored

_Model = TypeVar("_Model", bound="Logistic")


@dataclass(frozen=True)
class Logistic:
    """P(label) = sigmoid(((x - mean) / scale) @ weights + intercept)."""

    FORMAT: ClassVar[str] = ""
    WHAT: ClassVar[str] = ""  # what the model is called in the "retrain it" message

    mean: NDArray[np.float64]
    scale: NDArray[np.float64]
    weights: NDArray[np.float64]
    intercept: float

    @classmethod
    def feature_names(cls) -> list[str]:
        raise NotImplementedError

    def probabilities(self, x: NDArray[np.float64]) -> NDArray[np.float64]:
        logit = ((x - self.mean) / self.scale) @ self.weights + self.intercept
        with np.errstate(over="ignore"):  # exp(-logit) past 709 is inf, and 1 / (1 + inf) the 0 it should be
            return np.asarray(1.0 / (1.0 + np.exp(-logit)), dtype=np.float64)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": self.FORMAT,
            "features": self.feature_names(),
            "mean": stored(self.mean).tolist(),
            "scale": stored(self.scale).tolist(),
            "weights": stored(self.weights).tolist(),
            "intercept": float(stored(np.array([self.intercept]))[0]),
        }

    @classmethod
    def from_json(cls: type[_Model], data: dict[str, Any]) -> _Model:
        if data.get("format") != cls.FORMAT or list(data.get("features", ())) != cls.feature_names():
            raise MethodError(f"the model's {cls.WHAT} is of another version than this one computes; retrain it")
        width = len(cls.feature_names())
        return cls(
            read_numbers(data["mean"], f"the {cls.WHAT}'s mean", width),
            read_scale(data["scale"], f"the {cls.WHAT}'s scale", width),
            read_numbers(data["weights"], f"the {cls.WHAT}'s weights", width),
            read_number(data["intercept"], f"the {cls.WHAT}'s intercept"),
        )

    @classmethod
    def fit(
        cls: type[_Model],
        xs: Sequence[NDArray[np.float64]],
        ys: Sequence[NDArray[np.float64]],
        *,
        c: float,
        max_iter: int,
        scale_of: Callable[[NDArray[np.float64]], NDArray[np.float64]],
    ) -> _Model:
        """scikit-learn's logistic regression on the stacked rows, standardised by their mean and
        `scale_of(rows)`; a model that predicts one half everywhere when there are no rows or only
        one class. Returned at the precision the JSON file keeps, so that the reranker trains on
        what the saved model computes."""
        from sklearn.linear_model import LogisticRegression

        width = len(cls.feature_names())
        if not xs or len({v for y in ys for v in np.unique(y)}) < 2:
            return cls(np.zeros(width), np.ones(width), np.zeros(width), 0.0)
        x = np.vstack(xs)
        y = np.concatenate(ys)
        mean = x.mean(axis=0)
        scale = scale_of(x)
        fitted = LogisticRegression(C=c, max_iter=max_iter).fit((x - mean) / scale, y)
        model = cls(mean, scale, fitted.coef_.ravel().astype(np.float64), float(fitted.intercept_[0]))
        return cls.from_json(model.to_json())
