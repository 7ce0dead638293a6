"""How the trained models' numbers are kept in their JSON files.

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
