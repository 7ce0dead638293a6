"""What produced a results file: the commit, whether the tree had changes, and the package version.

Every benchmark that writes to benchmarks/results/ records this, so a number can be traced to code.
"""

from __future__ import annotations

import platform
import subprocess
import sys
from pathlib import Path
from typing import Any

from synopsis.version import __version__

ROOT = Path(__file__).resolve().parent.parent


def provenance() -> dict[str, Any]:
    """{"commit", "dirty", "version", "python", "machine"} for the tree this runs from."""
    def git(*args: str) -> str:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    return {
        "commit": git("rev-parse", "HEAD") or "unknown",
        "dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        "version": __version__,
        "python": sys.version.split()[0],
        "machine": platform.machine(),
    }
