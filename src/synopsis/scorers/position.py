"""Position baselines: the lead of the article."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from ..features import Features
from ..types import Document
from .registry import register


@register(
    "lead",
    description="The first sentences of the cleaned body (the baseline every method must beat).",
    selection={"in_order": True, "redundancy": 1.0},
)
def lead(doc: Document, features: Features, /) -> NDArray[np.float64]:
    """Earlier is better; selection then takes sentences from the top until the budget is full."""
    return 1.0 - features.position
