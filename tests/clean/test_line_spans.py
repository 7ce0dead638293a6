"""Line-structured cleaning (`clean.lines`) takes memory in proportion to the characters, within
what `synopsis.limits` assumes of any text (105 bytes a character for the whole summary).

Stop 39: a text of many short or blank lines took 150-290 bytes a character in cleaning alone (a
list of two-int tuples per line, and one empty paragraph per blank line), so 8 million newlines, under
the server's text limit, were refused 413 for memory, and the CLI's 2 GB bound did not hold. Memory
is tracemalloc's peak: exact, whatever else the machine does.
"""

from __future__ import annotations

import re
import tracemalloc

import pytest

from synopsis.clean import clean_text

PROSE = (
    "Tidal energy is predictable because its output follows the tides, which are known for years. "
    "We surveyed forty such plants in Europe and measured their output over a full year of operation. "
)
FLAT = PROSE * 30 + "\n\n"
LINED = "\n".join([PROSE.strip()] * 2 + [f"Line {i} of the methods reads as prose does here." for i in range(48)]) + "\n\n"


def peak_per_char(text: str) -> float:
    tracemalloc.start()
    try:
        clean_text(text, 0, len(text))
        return tracemalloc.get_traced_memory()[1] / len(text)
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize(
    "text",
    [FLAT + "\n" * 200_000, LINED + "\n" * 200_000, FLAT + " \n" * 100_000],
    ids=["flattened-then-newlines", "lines-then-newlines", "blank-lines-of-a-space"],
)
def test_blank_lines_cost_memory_within_the_limits_model(text: str) -> None:
    # Before: 283, 149 and 145 bytes a character; now 33, 49 and 20 (a flattened text: 30).
    assert peak_per_char(text) <= 60


def test_line_spans_read_as_the_list_of_pairs() -> None:
    from synopsis.clean.lines import LineSpans

    text = "a\n\nbc\n  \nd"
    spans = LineSpans(text)
    assert list(spans) == [(0, 1), (2, 2), (3, 5), (6, 8), (9, 10)]
    assert len(spans) == 5 and spans[2] == (3, 5) and spans[-1] == (9, 10)
    spans[2] = (3, 4)
    assert spans[2] == (3, 4)


@pytest.mark.parametrize("text", ["a\n\nb", "a\n\n\n\nb", "a\n \n\t\n\r\nb\n\n", "\n\n\na", "a", "a\n \nb\n \n \n"])
def test_a_run_of_blank_lines_parts_the_text_as_each_blank_line_did(text: str) -> None:
    from synopsis.clean.lines import _blank_line_parts

    parts = [text[a:b].strip() for a, b in _blank_line_parts(text)]
    one_per_blank_line = [p.strip() for p in re.split(r"\n[ \t\r]*\n", text)]
    assert [p for p in parts if p] == [p for p in one_per_blank_line if p]
