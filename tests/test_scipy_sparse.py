"""scipy.sparse as the package imports it: without NumPy's unused submodules, NumPy left as it was."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

CHECK = """
import sys
import synopsis.cli
import numpy
from synopsis.scipy_sparse import COMPAT_VIEW, UNUSED_SUBMODULES
imported = sorted(m for m in sys.modules if m.split(".")[:2][-1] in UNUSED_SUBMODULES and m.startswith("numpy."))
assert not imported, imported
assert UNUSED_SUBMODULES <= set(numpy.__all__) and UNUSED_SUBMODULES <= set(dir(numpy))
view = sys.modules[COMPAT_VIEW]
assert view.testing is numpy.testing and view.ma is numpy.ma and view.asarray is not None
"""


def test_unused_numpy_submodules_not_imported_and_numpy_unchanged() -> None:
    result = subprocess.run([sys.executable, "-c", CHECK], env={"PYTHONPATH": str(SRC)}, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
