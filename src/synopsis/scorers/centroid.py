"""Centroid scoring (Radev et al. 2004): sentences closest to the document's tf-idf centroid."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from ..features import Features
from ..types import Document
from .registry import register


@register("centroid", description="Cosine similarity to the document's tf-idf centroid.")
def centroid(doc: Document, features: Features, /) -> NDArray[np.float64]:
    return features.centroid_similarity
