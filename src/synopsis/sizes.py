"""Sizes in error messages: a size over a limit must read as larger than the limit."""

from __future__ import annotations


def over_limit(size: int, limit: int | float) -> str:
    """'2.000001 MB, over the 2 MB limit': the size with as many decimals as it takes to read as
    larger than the limit (rounded to one decimal, 2,000,001 bytes read "2.0 MB, over the 2 MB
    limit"), and the limit to the byte."""
    if limit < 1000:
        return f"{size:,} bytes, over the {limit:,.0f}-byte limit"
    unit, scale = ("kB", 1e3) if limit < 1e6 else ("MB", 1e6)
    shown = f"{size / scale:.1f}"
    for digits in range(1, 10):
        shown = f"{size / scale:.{digits}f}"
        if float(shown) > limit / scale:
            break
    exact = f"{limit / scale:.{3 if unit == 'kB' else 6}f}".rstrip("0").rstrip(".")  # to the byte
    return f"{shown} {unit}, over the {exact} {unit} limit"
