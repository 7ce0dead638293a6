"""How the trained models' numbers (and format tags) are kept in their JSON files.

Separate so that every model part (the reranker, its bigram model) rounds the same way without
importing another: a trained model and the same model loaded from its file must choose alike.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray


def stored(values: NDArray[np.float64]) -> NDArray[np.float64]:
    """Values at the precision the JSON file keeps (9 significant digits), so that a trained model
    and the same model loaded from its file choose the same candidates."""
    return np.array([float(f"{v:.9g}") for v in values], dtype=np.float64)


def read_numbers(values: object, what: str, length: int) -> NDArray[np.float64]:
    """`length` finite numbers read from a model file, or a ValueError naming `what`: a damaged or
    hand-edited file must be refused when it is loaded, with a reason, not give NaN scores, or an
    internal error on every document, later. Was: a reranker with one weight too few loaded, and
    each summary then failed on a matrix product."""
    try:
        array = np.asarray(values, dtype=np.float64)
    except OverflowError:  # an integer literal past a float's range
        raise ValueError(f"{what}: a number too large for a float") from None
    if array.ndim != 1:
        raise ValueError(f"{what}: not a list of {length} numbers")
    if array.size != length:
        raise ValueError(f"{what}: {array.size} numbers, not {length}")
    if not np.isfinite(array).all():
        raise ValueError(f"{what}: a number that is not finite")
    return array


def read_number(value: object, what: str) -> float:
    """One finite number read from a model file, or a ValueError naming `what` (see `read_numbers`)."""
    try:
        return float(read_numbers([value], what, 1)[0])
    except ValueError:
        raise ValueError(f"{what}: not a finite number") from None


def read_scale(values: object, what: str, length: int) -> NDArray[np.float64]:
    """A standardising scale read from a model file (`read_numbers`): features are divided by it,
    so a 0 would make every prediction NaN."""
    scale = read_numbers(values, what, length)
    if not scale.all():
        raise ValueError(f"{what}: a 0 (features are divided by it)")
    return scale


def format_problem(found: object, expected: str, what: str) -> str:
    """Why a model part whose format tag is `found` is not read, for a MethodError: a file of an
    older (or newer) synopsis is named as such, with what to do, not as no model at all. Was: a
    model of the previous version was "not a synopsis model file"."""
    family = expected.rsplit("/", 1)[0] + "/"
    if isinstance(found, str) and found.startswith(family):
        return (
            f"a {what} of another version of synopsis (format {found!r}; this version reads {expected!r}):"
            " retrain it with this version's `synopsis train`"
        )
    return f"not a synopsis {what} (format {found!r}, expected {expected!r})"
