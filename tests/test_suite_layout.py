"""The test suite itself: pytest imports test modules by their base name (the folders have no
__init__.py), so two test files of one name in two folders stop the whole run at collection
("import file mismatch"), as tests/clean/test_lines.py beside tests/pdf/test_lines.py did."""

from __future__ import annotations

from collections import Counter
from pathlib import Path


def test_no_two_test_modules_share_a_name() -> None:
    names = Counter(path.name for path in Path(__file__).parent.rglob("test_*.py"))
    assert not [name for name, count in names.items() if count > 1]
