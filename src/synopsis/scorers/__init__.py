"""Sentence scorers, one module per family; importing this package registers them all."""

from . import (  # noqa: F401  (registration side effect is the point)
    centroid,
    dense,
    frequency,
    graph,
    learned,
    lexrank,
    lsa,
    luhn,
    position,
    structure,
)
from .registry import DEFAULT_METHOD, METHODS, Method, get_method, register, usable_method

__all__ = ["DEFAULT_METHOD", "METHODS", "Method", "get_method", "register", "usable_method"]
