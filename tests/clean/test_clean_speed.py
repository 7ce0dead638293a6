"""Cleaning made faster must clean the same: each rewrite for speed agrees with the simple form it
replaced, on the inputs where the two could part (long lines of digits, letters that lower-case
to two, final sigma, spaces of every kind, digits of other scripts)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.clean import rules
from synopsis.clean.inline import _FOOTNOTE_NUMBER, _OPENER_AFTER_WORD, GLUED_HEADING, _headings, remove_junk
from synopsis.clean.lines import REPEATED_LINE_MAX_CHARS, _furniture_keys, _repeated_keys
from synopsis.clean.removed import RemovalLog
from synopsis.clean.tracked import Tracked

# Characters where a shortcut could go wrong: digits (ASCII, Arabic-Indic, Devanagari, full-width),
# spaces of several kinds and line breaks, letters whose lower case is longer ("İ") or depends on
# what stands around it ("Σ"), a combining accent, and plain letters.
_TRICKY = "0123456789٣४５ \t\u00a0\u2003\u3000\x0b\x1c\nİΣσaBz.,-#’\u0301é"


def _furniture_keys_reference(text: str) -> list[str]:
    """The keys as the one-pass rule made them before: the whole text lower-cased, digit runs as "#"."""
    return [line.strip() for line in re.sub(r"\d+", "#", text.lower()).split("\n")]


def _same_furniture(text: str) -> None:
    new, old = _furniture_keys(text), _furniture_keys_reference(text)
    assert len(new) == len(old)
    for a, b in zip(new, old, strict=True):
        # A key that can be furniture is exact; a longer one only has to stay too long to be one.
        assert a == b or (len(a) > REPEATED_LINE_MAX_CHARS and len(b) > REPEATED_LINE_MAX_CHARS)
    assert _repeated_keys(new) == _repeated_keys(old)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=_TRICKY, max_size=400), min_size=1, max_size=6))
def test_furniture_keys_agree_with_the_one_pass_rule(lines: list[str]) -> None:
    _same_furniture("\n".join(lines))


def test_furniture_keys_of_long_lines_that_digits_make_short() -> None:
    # A page's running header with a long number run is furniture, however long its raw line.
    header = "Journal of Tests 2019 " + "1" * 150
    text = "\n".join([header, "Body text of the article goes on here.", header, "More text.", header])
    _same_furniture(text)
    assert "journal of tests # #" in _repeated_keys(_furniture_keys(text))
    # Other scripts' digits shrink a line too; ASCII letters beyond the limit keep it long.
    _same_furniture("\n".join(["Σ" + "٣" * 200 + "Σ", "x" * 101 + "١" * 5, "Ab" * 60, "İ" * 101, " " * 300 + "a"]))


# Around a footnote number: words, stops and commas, quotes and brackets, numbers (one of another
# script), spaces and a line break.
_NOTE_PIECE = st.sampled_from(
    ["word", "Word", "x", ".", ",", ";", "?", "”", "’", '"', ")", "]", "(", "“", "12", "3", "1234", "٣", " ", "  ", "\n", "\t"]
)
# ... and shaped as one: a word, a mark, a quote, spaces, a number, spaces, the next word.
_NOTE_PARTS = (
    ["word", "Word", "x)", ""],
    [".", ",", "?", ")", "”"],
    ["", '"', "’"],
    ["", " ", "  ", "\n"],
    ["3", "12", "1234", "٣", "x"],
    ["", " ", "\n"],
    ["The", "the", "(a", "“A", ""],
)
_NOTE_TEXT = st.one_of(
    st.lists(_NOTE_PIECE, max_size=16).map("".join),
    st.tuples(*(st.sampled_from(options) for options in _NOTE_PARTS)).map("".join),
)


@settings(max_examples=1000, deadline=None)
@given(_NOTE_TEXT)
def test_footnote_number_gate_finds_what_either_pattern_finds(text: str) -> None:
    either = rules.STANDALONE_NUMBER.search(text) or rules.GLUED_FOOTNOTE.search(text)
    assert (_FOOTNOTE_NUMBER.search(text) is not None) == (either is not None)


def test_footnote_numbers_removed_before_and_after_a_bracketed_note() -> None:
    # A number between two sentences, a bracketed note, then a number glued to a stop: the gate is
    # asked again of the text each step leaves, so the glued one goes after the note went.
    log = RemovalLog()
    text = remove_junk(Tracked.of("It was shown. 4 Then. [3] Later work confirmed it.5 The end."), log)
    assert text.text == "It was shown. Then.  Later work confirmed it. The end."
    assert [(r.reason, r.start, r.end) for r in log.items] == [("footnote", 13, 15), ("footnote", 22, 25), ("footnote", 50, 51)]
    log = RemovalLog()
    assert remove_junk(Tracked.of("No numbers here. None at all, really."), log).text == "No numbers here. None at all, really."
    assert not log.items


# Sentences in pieces: words (openers, a heading's, lower-case ones), each with what follows it:
# a space or two, a tab, a line break, a stop, nothing.
_WORDS = (
    "In This These Many The Ther Although However Data Results Methods A collection and analysis we the x e it’s "
    "self-report and/or 3"
).split()
_AFTER = [" ", " ", " ", "  ", "\t", "\n", ". ", ".  ", "? ", ""]
_PIECE = st.tuples(st.sampled_from(_WORDS), st.sampled_from(_AFTER)).map("".join)
# ... and shaped as a glued heading: a stop, words, an opener, a word, each part with any of them.
_GLUED_PIECES = st.one_of(
    st.lists(_PIECE, max_size=14).map("".join),
    st.tuples(
        st.sampled_from(["", "x. ", "x.  ", "x? ", "x.\t", "x ", "x."]),
        st.sampled_from(["Data", "Results", "A", "However", "Many", "The", "x"]),
        st.sampled_from(_AFTER),
        st.lists(_PIECE, max_size=4).map("".join),
        st.sampled_from(["collection", "and", "it’s", "self-report", "3", "Data"]),
        st.sampled_from(_AFTER),
        st.sampled_from(["In", "This", "These", "Although", "The", "Ther", "Data"]),
        st.sampled_from(_AFTER),
        st.sampled_from(_WORDS),
    ).map("".join),
)


@settings(max_examples=1500, deadline=None)
@given(_GLUED_PIECES)
def test_opener_clue_stands_wherever_a_glued_heading_does(text: str) -> None:
    if GLUED_HEADING.search(text):
        assert _OPENER_AFTER_WORD.search(text)


def test_glued_heading_still_found_behind_the_clue() -> None:
    text = "The mentors were trained. Defining mentoring and its practice In this section we show it."
    assert [title for _, _, title, _ in _headings(text, [])] == ["Defining mentoring and its practice"]
    two_spaces = "The mentors were trained. Defining mentoring and its practice \u2003In this section we show it."
    assert [title for _, _, title, _ in _headings(two_spaces, [])] == ["Defining mentoring and its practice"]
    assert _headings("The mentors were trained. In this section we show it.", []) == []
