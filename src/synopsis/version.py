"""The package version, in a module of its own so that any module can import it without a circle.

pyproject.toml reads it from here (`dynamic = ["version"]`), so there is one place to bump it.
"""

from __future__ import annotations

__version__ = "0.2.0"
