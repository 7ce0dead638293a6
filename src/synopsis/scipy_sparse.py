"""`scipy.sparse`, imported without the NumPy submodules it never uses (start-up).

Importing scipy.sparse builds scipy's array-API view of NumPy (`scipy._lib.array_api_compat.numpy`) by
copying every public NumPy name: `from numpy import *` plus each name of `dir(numpy)`. NumPy lists its
lazily imported submodules there, so the copy imports numpy.f2py, numpy.testing, numpy.ma and
numpy.polynomial: about 100 ms of a 0.55 s `synopsis summarize`, for modules no summary (nor scipy's
own use of the view) touches. While scipy.sparse is imported, those names are hidden from the copy
(then restored); afterwards the view resolves them from NumPy on first use, so it still has them all.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import numpy

# NumPy submodules the copy would import only to copy them (and scipy does not use from the view).
UNUSED_SUBMODULES = frozenset({"f2py", "testing", "ma", "polynomial", "ctypeslib", "rec", "char", "strings"})
COMPAT_VIEW = "scipy._lib.array_api_compat.numpy"


@contextmanager
def _submodules_hidden(hidden: frozenset[str]) -> Iterator[None]:
    """NumPy's `__all__` and `dir()` without `hidden` (where NumPy keeps them as this code expects)."""
    names: Any = getattr(numpy, "__all__", None)
    module_globals: dict[str, Any] = getattr(getattr(numpy, "__dir__", None), "__globals__", {})
    submodules = module_globals.get("__numpy_submodules__")
    if COMPAT_VIEW in sys.modules or not isinstance(names, list) or not isinstance(submodules, set):
        yield
        return
    numpy.__all__ = [name for name in names if name not in hidden]
    module_globals["__numpy_submodules__"] = submodules - hidden
    try:
        yield
    finally:
        numpy.__all__ = names
        module_globals["__numpy_submodules__"] = submodules


def _numpy_attribute(name: str) -> Any:
    """The view's fallback (PEP 562): a name it did not copy is NumPy's (`view.testing` is numpy.testing)."""
    return getattr(numpy, name)


with _submodules_hidden(UNUSED_SUBMODULES):
    from scipy import sparse

_view = sys.modules.get(COMPAT_VIEW)
if _view is not None and not hasattr(_view, "__getattr__"):
    _view.__getattr__ = _numpy_attribute  # type: ignore[method-assign]

__all__ = ["sparse"]
