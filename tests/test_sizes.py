"""Sizes in error messages: a size over a limit never reads as equal to it."""

from __future__ import annotations

import pytest

from synopsis.sizes import over_limit


@pytest.mark.parametrize(
    ("size", "limit", "expected"),
    [
        (2_000_001, 2_000_000, "2.000001 MB, over the 2 MB limit"),  # was "2.0 MB, over the 2 MB limit"
        (2_050_000, 2_000_000, "2.05 MB, over the 2 MB limit"),
        (31_000_000, 25_000_000, "31.0 MB, over the 25 MB limit"),
        (20_500, 20_000, "20.5 kB, over the 20 kB limit"),
        (812, 500, "812 bytes, over the 500-byte limit"),
    ],
)
def test_a_size_over_the_limit_reads_as_larger(size: int, limit: int, expected: str) -> None:
    assert over_limit(size, limit) == expected


def test_the_limit_is_shown_to_the_byte() -> None:
    assert over_limit(25_165_825, 25_165_824) == "25.2 MB, over the 25.165824 MB limit"
    assert over_limit(25_160_001, 25_160_000) == "25.2 MB, over the 25.16 MB limit"
