"""The offset map survives every kind of edit: that is what lets spans point into the input."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from synopsis.clean.tracked import Edit, Tracked


def test_deletion_and_replacement_keep_origins() -> None:
    raw = "abc <cit> def\nghi"
    text = Tracked.of(raw).apply([Edit(3, 9), Edit(13, 14, " ")])
    assert text.text == "abc def ghi"
    # Every character that was not rewritten points at the same character of the input.
    for i, ch in enumerate(text.text):
        if ch != " ":
            assert raw[text.origin[i]] == ch
    assert text.span(4, 7) == (10, 13)
    assert raw[slice(*text.span(8, 11))] == "ghi"


def test_offset_start_is_respected() -> None:
    raw = "HEADER: body text"
    text = Tracked.of(raw[8:], 8)
    start, end = text.span(0, 4)
    assert raw[start:end] == "body"


def test_slice_keeps_pointing_into_the_original() -> None:
    raw = "one two three"
    part = Tracked.of(raw).slice(4, 7)
    assert part.text == "two"
    assert raw[slice(*part.span(0, 3))] == "two"


def test_sub_with_equal_length_maps_char_by_char() -> None:
    raw = "a\nb\nc"
    text = Tracked.of(raw).sub(re.compile("\n"), " ")
    assert text.text == "a b c"
    assert list(text.origin[:5]) == [0, 1, 2, 3, 4]


@given(st.text(alphabet="ab <>\n", max_size=60), st.data())
def test_untouched_characters_always_map_back(raw: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.lists(st.integers(0, len(raw)), max_size=6)))
    edits = [Edit(a, b, "") for a, b in zip(cuts[::2], cuts[1::2], strict=False)]
    text = Tracked.of(raw).apply(edits)
    assert len(text.origin) == len(text.text) + 1
    for i, ch in enumerate(text.text):
        assert raw[text.origin[i]] == ch
    assert all(text.origin[i] < text.origin[i + 1] for i in range(len(text.text)))


def test_a_composed_letter_spans_all_it_was_made_of() -> None:
    """NFC turns "e" + U+0301 into "é": a span that ends with it must take in the accent, or the
    input's `text[start:end]` would lose it (`apply(..., whole=True)`)."""
    raw = "Re\u0301sume\u0301 des re\u0301sultats"
    text = Tracked.of(raw).apply([Edit(1, 3, "é"), Edit(6, 8, "é"), Edit(14, 16, "é")], whole=True)
    assert text.text == "Résumé des résultats"
    assert raw[slice(*text.span(0, 6))] == "Re\u0301sume\u0301"
    assert raw[slice(*text.span(7, 20))] == "des re\u0301sultats"
    # Later edits and slices keep the composed letters' ends.
    later = text.apply([Edit(6, 7, "\n")]).slice(0, 6)
    assert raw[slice(*later.span(0, 6))] == "Re\u0301sume\u0301"
    assert Tracked.of(raw).apply([Edit(1, 3, "é")]).ends is None  # without `whole`: as before
