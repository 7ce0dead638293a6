"""Shortcuts taken for speed agree with the plain form they stand in for, byte for byte: the stems
that let heading tests skip the kind patterns, the narrowed label look-behind, citation placeholders
found from their literal start (and URLs, from their bracket or their own start), the full-stop scan
for glued headings, and slices (the whole text itself, a part a view of its origins).
Each check compares the shortcut with the code it replaced, on the inputs where the two could part."""

from __future__ import annotations

import re
import sys
from functools import cache
from itertools import pairwise

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.clean import headings, rules
from synopsis.clean.glued import GLUED_AFTER_FULL_STOP, GLUED_AFTER_STOP, glued_headings
from synopsis.clean.headings import _first_kind, _other_abstract, is_abstract, is_dropped, is_end_matter, strip_number
from synopsis.clean.inline import (
    _CITATIONS,
    _CITATIONS_IN_BRACKETS,
    _LABEL_BEFORE,
    _LOOSE_NUMBER,
    LABEL_LOOKBEHIND_CHARS,
    PAGE_GAP_MIN_CHARS,
    _labelled,
    _SpacesBefore,
    page_number_edits,
)
from synopsis.clean.lexicon import lexicon
from synopsis.clean.tracked import Edit, Tracked

# --- kind stems -------------------------------------------------------------------------------


def _literal_prefixes(items: list, prefix: str = "") -> list[str]:
    """The literal text each way through parsed regex `items` opens with (zero-width tests skipped):
    every match taken that way holds it, with case ignored."""
    for i, (op, arg) in enumerate(items):
        name = str(op)
        if name == "LITERAL":
            prefix += chr(arg)
        elif name == "AT":
            continue
        elif name == "BRANCH":
            return [p for branch in arg[1] for p in _literal_prefixes([*branch, *items[i + 1 :]], prefix)]
        elif name == "SUBPATTERN":
            return _literal_prefixes([*arg[-1], *items[i + 1 :]], prefix)
        else:
            return [prefix]
    return [prefix]


def _parse(pattern: re.Pattern[str]) -> list:
    parser = re._parser if sys.version_info >= (3, 11) else __import__("sre_parse")  # type: ignore[attr-defined]
    return list(parser.parse(pattern.pattern, pattern.flags))


def test_kind_stems_follow_the_kind_patterns_in_order() -> None:
    assert [kind for kind, _ in rules.KIND_STEMS] == [kind for kind, _ in rules.KIND_PATTERNS]


@pytest.mark.parametrize("index", range(len(rules.KIND_PATTERNS)))
def test_every_way_through_a_kind_pattern_holds_one_of_its_stems(index: int) -> None:
    kind, pattern = rules.KIND_PATTERNS[index]
    stems = rules.KIND_STEMS[index][1]
    prefixes = _literal_prefixes(_parse(pattern))
    assert len(prefixes) >= len(stems)  # the walk reached every word
    for prefix in prefixes:
        assert prefix.isascii()
        assert any(stem in prefix.lower() for stem in stems), (kind, prefix)


@cache
def _non_ascii() -> str:
    return "".join(chr(c) for c in range(0x80, sys.maxunicode + 1))


def test_caseless_ascii_lookalikes_are_all_there_are() -> None:
    # Every character beyond ASCII that a pattern with case ignored takes for a character of a stem.
    stem_chars = sorted({c for _, stems in rules.KIND_STEMS for stem in stems for c in stem})
    found = {c for char in stem_chars for c in re.findall(re.escape(char), _non_ascii(), re.IGNORECASE)}
    assert found == set(rules.CASELESS_ASCII_LOOKALIKES)
    # ... and an ASCII character it takes for one lower-cases to the stem's.
    for char in stem_chars:
        for other in map(chr, range(0x80)):
            if re.fullmatch(re.escape(char), other, re.IGNORECASE):
                assert other.lower() == char


def _is_known_reference(title: str, lang: str) -> bool:
    """`headings.is_known` as it was before its shortcuts."""
    bare = strip_number(title).rstrip(":. ")
    words = lexicon(lang)
    if is_end_matter(bare, lang) or is_dropped(bare, lang) or is_abstract(bare, lang) or _other_abstract(bare, words):
        return True
    rest = bare
    for _, pattern in words.kind_patterns:
        rest = pattern.sub(" ", rest)
    if rest == bare:
        return False
    word = re.compile(r"[A-Za-z][A-Za-z'’-]*") if lang == "en" else headings._UNICODE_WORD
    small = headings._SMALL_WORDS | words.small_words
    return all(w.lower() in small for w in word.findall(rest)) and not re.search(r"\d", rest)


# Heading pieces: role words whole and cut, in every case, with look-alike letters (dotted and
# dotless i, long s, Kelvin sign) and letters that lower-case to two or by context (İ, Σ).
_HEADING_PIECES = st.sampled_from(
    [
        "Introduction", "intro", "duction", "İntroduction", "ıntroduction", "INTRODUCTİON", "Reſults", "Results",
        "RESULT", "\u212aey", "future work", "Future  work", "Future\u212aork", "worK", "Conclusions", "conclu", "Σ",
        "ΣΑ", "Discussion", "analyſis", "Methods", "METHODOLOGY", "Study design", "study  design", "Experimental setup",
        "statistical analyses", "Statiſtical Analyses", "data", "Dataset", "model", "modeL", "References",
        "Acknowledgements", "Abstract", "Zusammenfassung", "Ergebnisse", "and", "of", "the", "2.1", "3", "II.", " ",
        "  ", "\t", ":", ".", "-", "x", "é", "\u0301",
    ]
)  # fmt: skip
_HEADINGS = st.lists(_HEADING_PIECES, max_size=8).map(" ".join) | st.text(alphabet="İıſ\u212aKkSsIi nN tToOdDuUcC", max_size=20)


@settings(max_examples=1500, deadline=None)
@given(_HEADINGS, st.sampled_from(["en", "und", "de"]))
def test_heading_shortcuts_agree_with_the_kind_patterns(title: str, lang: str) -> None:
    assert headings.section_kind(title, lang) == _first_kind(title, lang)
    for kind, _ in rules.KIND_PATTERNS:
        assert headings.opens_section(title, kind, lang) == (_first_kind(title, lang, last=kind) == kind)
    assert headings.is_known(title, lang) == _is_known_reference(title, lang)


def test_look_alike_letters_still_name_a_kind() -> None:
    # "İ" lower-cases to two characters, "ſ" and the Kelvin sign to none of the stems' letters.
    assert headings.section_kind("İNTRODUCTİON") == "introduction"
    assert headings.section_kind("Reſults") == "results"
    assert headings.section_kind("Future wor\u212a") == "conclusion"
    assert headings.opens_section("İntroduction", "introduction")
    assert headings.section_kind("Acknowledgements") == "other"
    assert headings.is_known("Results and Discussion") and not headings.is_known("Acknowledging Others")


# --- labels before page numbers ---------------------------------------------------------------

_LABEL_PIECES = st.sampled_from(
    [
        "Figure", "fig.", "Table", "and", "x", "word", "=", "<", ">", "A", "Ab-c.", "the", "ſection", " ", "  ",
        "\t", "\n", "\u00a0", "12", "(", ")", ".", ",", "İ", "a" * 14, "Word" * 5,
    ]
)  # fmt: skip
_LABEL_TEXTS = st.lists(
    st.tuples(st.lists(_LABEL_PIECES, max_size=12).map("".join), st.sampled_from([" 7 word", ". 12 The", " 3 (x"]))
)


@settings(max_examples=1000, deadline=None)
@given(_LABEL_TEXTS)
def test_label_found_from_the_last_space_as_in_the_whole_window(parts: list[tuple[str, str]]) -> None:
    text = "".join(a + b for a, b in parts)
    for match in _LOOSE_NUMBER.finditer(text):
        at = match.start(1)
        whole_window = _LABEL_BEFORE.search(text, max(0, at - LABEL_LOOKBEHIND_CHARS), at) is not None
        assert _labelled(text, at) == whole_window


def test_label_at_the_window_edge() -> None:
    # The label word starts before the window, the window starts mid-word: "\b" sees the real text.
    text = "x" * 20 + " Figurative" + " " * 19 + " 4 of them"
    at = text.index(" 4 ") + 1
    assert _labelled(text, at) == (_LABEL_BEFORE.search(text, at - LABEL_LOOKBEHIND_CHARS, at) is not None)
    assert _labelled("see Figure 4 here", len("see Figure "))
    assert not _labelled("it was large 4 here", len("it was large "))


def test_three_page_numbers_exactly_a_page_gap_apart_are_still_a_run() -> None:
    # The early exit (numbers too close together to hold a run) must not cut a run at its least spread.
    def numbered(gap: int) -> str:
        return "said 1 " + "x" * (gap - 3) + " 2 " + "x" * (gap - 3) + " 3 end."

    text = numbered(PAGE_GAP_MIN_CHARS)
    starts = [m.start(1) for m in _LOOSE_NUMBER.finditer(text)]
    assert [b - a for a, b in pairwise(starts)] == [PAGE_GAP_MIN_CHARS, PAGE_GAP_MIN_CHARS]
    edits, _ = page_number_edits(text)
    assert sorted((e.start, e.end) for e in edits) == [(s - 1, s + 1) for s in starts]
    assert page_number_edits(numbered(PAGE_GAP_MIN_CHARS - 1)) == ([], [])


# --- citation placeholders ----------------------------------------------------------------------


def test_regex_space_is_str_isspace() -> None:
    everything = "".join(map(chr, range(0x80))) + _non_ascii()
    assert re.findall(r"\s", everything) == [c for c in everything if c.isspace()]


_CITATION_PIECES = st.sampled_from(
    ["<cit>", "(", ")", ",", ";", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "x", ".", ":", "<", "cit>"]
)
# The patterns as they were: spaces before, then the placeholder.
_OLD_CITATIONS = (
    re.compile(r"\s*\(\s*<cit>(?:\s*[,;]?\s*<cit>)*\s*\)"),
    re.compile(r"\s*<cit>(?:\s*[,;]?\s*<cit>)*(?:\s+(?=[.,;:)]))?"),
)


@settings(max_examples=1500, deadline=None)
@given(st.lists(_CITATION_PIECES, max_size=20).map("".join))
def test_citation_spans_with_spaces_before_as_the_old_patterns(text: str) -> None:
    for old, new in zip(_OLD_CITATIONS, (_CITATIONS_IN_BRACKETS, _CITATIONS), strict=True):
        assert _SpacesBefore(new).spans(text) == [m.span() for m in old.finditer(text)]


def test_citation_spaces_taken_once() -> None:
    text = "As shown  <cit> \t(<cit>, <cit>) and \u00a0<cit>."
    for old, new in zip(_OLD_CITATIONS, (_CITATIONS_IN_BRACKETS, _CITATIONS), strict=True):
        assert _SpacesBefore(new).spans(text) == [m.span() for m in old.finditer(text)]
    assert _SpacesBefore(_CITATIONS).spans("<cit> <cit> x") == [(0, 11)]


# The URL pattern as it was: the spaces and tabs before it, then the bracket's or the URL's context
# checked before it.
_OLD_URL_WITH_CONTEXT = re.compile(
    rf"[ \t]*(?<![\w(])\({rules._URL_BEFORE}?:?\s*{rules._URL}{rules._URL_AFTER}[.,;]?\s*\)"
    rf"|[ \t]*(?<![\w/]){rules._URL}(?:\s*\(accessed [^)]{{0,30}}\))?"
)
_URL_PIECES = st.sampled_from(
    [
        "http://x.org", "https://a.b/c", "www.x.org", "WWW.X.ORG", "HTTP://X", "www.", "(", ")", "((", "see ", "at ",
        "accessed ", "(accessed 2 May)", ", accessed 3 June 2004", "e.g., ", ":", ".", ". ", ". html", ". data/", ",",
        ";", " ", "  ", "\t", "\n", "\u00a0", "x", "/", "_", "é", "2005", "<", ">", "]",
    ]
)  # fmt: skip


@settings(max_examples=2000, deadline=None)
@given(st.lists(_URL_PIECES, max_size=16).map("".join))
def test_url_spans_with_spaces_before_as_the_old_pattern(text: str) -> None:
    old = [m.span() for m in _OLD_URL_WITH_CONTEXT.finditer(text)]
    assert _SpacesBefore(rules.URL_WITH_CONTEXT, tabs=True).spans(text) == old


def test_url_takes_spaces_and_tabs_before_it_but_no_line_break() -> None:
    text = "Data at \t http://x.org/a. More (see  www.y.org) and\nhttp://z.org"
    spans = _SpacesBefore(rules.URL_WITH_CONTEXT, tabs=True).spans(text)
    assert spans == [m.span() for m in _OLD_URL_WITH_CONTEXT.finditer(text)]
    assert [text[a:b] for a, b in spans] == [" \t http://x.org/a", " (see  www.y.org)", "http://z.org"]


# --- glued headings after a full stop -----------------------------------------------------------

_GLUED_TEXTS = st.lists(
    st.sampled_from(
        [
            "x. ", "x.  ", "x.\t", "J. ", "Data", "Results", "A", "However", "The", "collection", "and", "In", "This",
            "STUDY DESIGN", "1.2", "II", " ", "  ", "\n", ". ", "Data collection", "Participants were", "we", "x",
        ]
    ),
    max_size=16,
).map(" ".join)  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(_GLUED_TEXTS)
def test_full_stop_scan_finds_what_the_any_stop_scan_finds(text: str) -> None:
    def found(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
        return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]

    assert found(GLUED_AFTER_FULL_STOP) == found(GLUED_AFTER_STOP)


def test_glued_heading_after_a_question_mark_still_found() -> None:
    # (A text with a "!" or "?" is scanned after every stop, one without after full stops alone.)
    text = "Was it so? Statistical Analysis Statistical analysis was performed! STUDY DESIGN After examining it."
    assert [title for _, _, title in glued_headings(text)] == ["Statistical Analysis", "STUDY DESIGN"]
    plain = text.replace("?", ".").replace("!", ".")
    assert [title for _, _, title in glued_headings(plain)] == ["Statistical Analysis", "STUDY DESIGN"]


# --- slices: the whole text itself, a part a view -----------------------------------------------


def _slice_reference(text: Tracked, start: int, end: int) -> Tracked:
    """`Tracked.slice` as it was: always a copy."""
    origin = np.empty(max(0, end - start) + 1, dtype=np.int64)
    origin[:-1] = text.origin[start:end]
    if text.ends is None:
        origin[-1] = text.origin[end - 1] + 1 if end > start else text.origin[start]
        return Tracked(text.text[start:end], origin)
    origin[-1] = text.ends[end - 1] if end > start else text.origin[start]
    return Tracked(text.text[start:end], origin, text.ends[start:end])


def _same(a: Tracked, b: Tracked) -> bool:
    ends_same = (a.ends is None and b.ends is None) or (
        a.ends is not None and b.ends is not None and np.array_equal(a.ends, b.ends)
    )
    return a.text == b.text and np.array_equal(a.origin, b.origin) and a.origin.dtype == b.origin.dtype and ends_same


_EDITS = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 4), st.sampled_from(["", "é", "ab", "-"])), max_size=4)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ae\u0301 x.", max_size=12), _EDITS, st.booleans(), st.integers(0, 5))
def test_whole_slice_is_what_a_copy_would_be(raw: str, edits: list[tuple[int, int, str]], whole: bool, at: int) -> None:
    text = Tracked.of(raw, at).apply([Edit(min(a, len(raw)), min(a + n, len(raw)), r) for a, n, r in edits], whole=whole)
    for start, end in ((0, len(text.text)), (0, max(0, len(text.text) - 1)), (min(1, len(text.text)), len(text.text))):
        assert _same(text.slice(start, end), _slice_reference(text, start, end))


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="ae\u0301 x.", max_size=12), _EDITS, st.booleans(), st.integers(0, 5))
def test_every_slice_is_what_a_copy_would_be(raw: str, edits: list[tuple[int, int, str]], whole: bool, at: int) -> None:
    # A slice that ends where the next character starts is a view of `origin` (not a copy).
    text = Tracked.of(raw, at).apply([Edit(min(a, len(raw)), min(a + n, len(raw)), r) for a, n, r in edits], whole=whole)
    for start in range(len(text.text) + 1):
        for end in range(len(text.text) + 1):
            part = text.slice(start, end)
            assert _same(part, _slice_reference(text, start, end))
            assert _same(part.slice(0, max(0, end - start - 1)), _slice_reference(text, start, max(start, end - 1)))  # of a view


def test_a_slice_inside_the_text_shares_its_origins() -> None:
    text = Tracked.of("one two three", 10)
    part = text.slice(4, 7)
    assert np.shares_memory(part.origin, text.origin) and part.span(0, 3) == (14, 17) and list(part.origin) == [14, 15, 16, 17]
    cut = Tracked.of("abc def").apply([Edit(3, 4)])  # the space removed: "abcdef" ends its slice [0, 3) early
    assert not np.shares_memory(cut.slice(0, 3).origin, cut.origin) and list(cut.slice(0, 3).origin) == [0, 1, 2, 3]


def test_whole_slice_after_a_cut_tail_ends_where_the_text_ends() -> None:
    # Deleting the tail leaves origin's last entry past the deletion: the slice corrects it, as before.
    text = Tracked.of("abc def").apply([Edit(3, 7)])
    part = text.slice(0, 3)
    assert part is not text and part.span(0, 3) == (0, 3) and int(part.origin[-1]) == 3
    plain = Tracked.of("abc")
    assert plain.slice(0, 3) is plain
