"""Sentence segmentation that survives scholarly text.

The base segmenter is nupunkt (a maintained Punkt implementation that ships its model, needs no
downloads, and was the most accurate of the segmenters compared on our golden set, see
benchmarks/segmenters.py). A few rules of our own, kept as data below, repair what it still gets
wrong on scholarly text; each rule has its cases in tests/data/segmentation_golden.jsonl.
"""

from __future__ import annotations

import re

import nupunkt

# A boundary is wrong when the piece before it ends with one of these (nupunkt splits after some
# abbreviations when a capital or a number follows: "Fig. 2", "et al. (2004)").
_NO_BREAK_AFTER = re.compile(
    r"(?:\b(?:et al|e\.g|i\.e|cf|vs|viz|approx|ca|fig|figs|eq|eqs|sect|sec|ch|chap|no|nos|vol|vols|pp|p"
    r"|ref|refs|resp|incl|esp|al|etc\.\)|dr|prof|mr|mrs|ms|st|jr|sr|inc|ltd|co|corp|dept|univ|ed|eds|suppl"
    r"|tab|table|appx)\.|\b[A-Z]\.)\s*$",
    re.IGNORECASE,
)
# ... unless what follows clearly opens a new sentence.
_OPENS_SENTENCE = re.compile(r"^(?:The|This|These|We|In|Our|It|A|An|However|Thus|For|To|As|Here|They)\b")
# A piece that is only a citation, a number or a closing bracket belongs to the sentence before it.
_FRAGMENT = re.compile(r"^\s*(?:[\[(][^\])]{0,40}[\])]|[\d.,;:]+|[)\]”’\"']+)\s*[.;,]?\s*$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences of `text` as `(start, end)` spans, whitespace trimmed, covering no empty text."""
    spans = [_trim(text, a, b) for a, b in nupunkt.sent_spans(text)]
    spans = [(a, b) for a, b in spans if b > a]
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and _glue(text, merged[-1], (start, end)):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _glue(text: str, previous: tuple[int, int], current: tuple[int, int]) -> bool:
    before = text[previous[0] : previous[1]]
    after = text[current[0] : current[1]]
    if _FRAGMENT.match(after):
        return True
    if _NO_BREAK_AFTER.search(before[-16:]) and not _OPENS_SENTENCE.match(after):
        # "e.g. the F-score" (lower case) and "Fig. 2" (digit) continue the sentence; so does an
        # initial before a surname ("A. Hucklesby").
        return after[:1].islower() or after[:1].isdigit() or after[:1] in "([" or _initial_then_name(before, after)
    return False


def _initial_then_name(before: str, after: str) -> bool:
    return re.search(r"\b[A-Z]\.\s*$", before[-8:]) is not None and re.match(r"^[A-Z][a-z]+\b", after) is not None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
