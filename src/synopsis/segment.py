"""Sentence segmentation that survives scholarly text.

English (below) is nupunkt plus nine repairs; every other language (those with rules of their own,
data/segment/<code>.json, and those without) goes through segment_rules.py, whose rules are data.

The base segmenter is nupunkt: a maintained Punkt implementation that ships its model (no
downloads) and was both the most accurate and the fastest of the segmenters we compared on our
golden set of 249 hard cases from the dev data (benchmarks/segmenters.py; nupunkt 219/249,
blingfire 215, pySBD 195, syntok 193, NLTK Punkt 178-194). Small repairs of our own, kept as
data below, bring it to 244/249 (the first four; the fifth came later, from a real PDF); their
cases are in tests/data/segmentation_golden.jsonl and tests/test_segment.py.

1. A line break always ends a sentence (a heading or paragraph never merges into the next one).
2. Split after a single letter, "et al." or "No." when a word that opens sentences follows
   ("... in Appendix A. There ...", "... values of k. the performance" in lower-cased text), but
   not before a surname ("D. Bikel").
3. Re-join a split after a fixed, case-sensitive list of abbreviations unless an opener follows
   ("cf. Figure 1", "Wall St. Journal", "subsp. capricolum", "U.S. Government").
4. Split after a full stop that ends a lower-case word of four or more letters when a capitalised
   word follows ("... or explicit tasks. Taken together ...": Punkt's orthographic heuristic keeps
   these together when it has mostly seen the next word lower-cased).
5. Re-join a split after "!" glued to a word when a lower-case word follows ("Yahoo! and", "n! is").
6. A German quotation „...“ in English text (a letter quoted in a paper on Goethe) is read as the
   German rules read it: no split inside one of up to 400 characters on one line, and a split
   after its closing “ when a capital follows (nupunkt takes “ for an opening quote).
7. Split after a footnote's superscript marker that follows an end mark, before a capital
   ("... parental support.¹ Future studies ...").
8. Split after a lone Greek letter and a full stop before a capitalised word ("... the boundedness
   of Φ. Plants having ...", "... with respect to θ. If we set ..."): in English text such a letter
   is a symbol, never an initial, so repair 2's openers are not needed (83 such sentence ends in
   the dev articles were glued to the next sentence).
9. Split before a list item's bullet that follows an end mark, a colon or a semicolon, before a
   capital ("The contributions of this work are the following: • We show that ..."): the item is
   a sentence of its own (a flattened PDF's lists were glued to their lead-in, 94 dev articles
   have such bullets).
"""

from __future__ import annotations

import bisect
import re
from functools import cache

import nupunkt

from .segment_rules import FOOTNOTE_MARKS, rule_spans, rules_for

# Words that open a sentence: they tell "Appendix A. There ..." (a new sentence) from "D. Bikel"
# (an initial and a surname) and "U.S. Government" (no break).
OPENERS = frozenset(
    """the this these those that there their they we our it its in on at for from with by to as a an
    if when while since because although though however thus hence therefore then here such each both all
    another next finally moreover furthermore similarly also note given using one two most many some no
    not only what which how why where after before during further additionally indeed instead
    but of or and nor neither either so yet he she his her you your i is are was were be can could will would""".split()
)
# nupunkt splits after these, yet they never end a sentence before a word that is not an opener.
_ABBREVIATION_END = re.compile(
    r"(?<![^\s(\[“‘\"'])(?:e\.g|i\.e|[Cc]f|vs|viz|approx|ca|[Ff]igs?|[Ee]qs?|[Ss]ecs?|[Ss]ect|[Rr]efs?|pp?|[Vv]ols?"
    r"|[Nn]os?|subsp|spp?|var|cv|Dr|Prof|Mr|Mrs|Ms|St|Inc|Ltd|Co|Corp|U\.S|U\.K)\.$"
)
_SINGLE_LETTER_END = re.compile(r"(?<![\w.])(?<!\b[A-Za-z]\. )([A-Za-z])\.\s+([A-Za-z]+)")
# Repair 8: a lone Greek letter (or the micro sign) before a full stop, then a capitalised word.
# Letters only (a review: the block's ";" U+037E, "·" U+0387 and accented letters were counted).
_GREEK_LETTERS = "\u0391-\u03a1\u03a3-\u03a9\u03b1-\u03c9\u03d0-\u03d6\u03f0-\u03f5\u00b5"
_GREEK_LETTER_END = re.compile(rf"(?<![\w.])[{_GREEK_LETTERS}]\.\s+(?=[A-Z])")
# Repair 9: the white space before a bullet that opens a list item after an end mark or a colon.
_BULLET_ITEM = re.compile(r"(?<=[.:;?!])[ \t]+(?=[•▪●◦‣∙][ \t]+[A-Z])")
_BULLETS = re.compile(r"[•▪●◦‣∙]")
_ET_AL_OR_NO_END = re.compile(r"\b(?:et al|[Nn]o)\.\s+([A-Z][a-z]+)")
# Punkt keeps "... or explicit tasks. Taken together ..." as one sentence when the next word is one
# it has mostly seen lower-cased; a full stop after a lower-case word of 4+ letters, before a
# capitalised word, ends a sentence unless the word is one of these abbreviations.
_WORD_END = re.compile(r"(?<![\w.\-/@])([a-z]{4,})\.\s+([A-Z][a-z]+)\b")
_LOWER_ABBREVIATIONS = frozenset(
    "approx subsp resp ibid incl excl dept univ cont corr repr transl suppl figs refs secs sect vols prev".split()
)
# "!" glued to a word and followed by a lower-case word is a name ("Yahoo! and", "Jeopardy! are"),
# a factorial ("n! is") or an arrow a PDF lost ("lm! is"), never a sentence end: 40 of 40 such
# places in the dev articles.
_WORD_BANG = re.compile(r"\w!$")
_FIRST_WORD = re.compile(r"[A-Za-z]+")
# A full stop and the white space after it: where it ends, every rule of `_missed_boundaries` cuts.
_FULL_STOP = re.compile(r"\.\s+")
# A German quotation: „ opening a word, up to 400 characters on one line, closed by “ with no ”
# between (Polish, Hungarian, Romanian and Dutch close „ with ”: „dobro wspólne” ... “the common
# good” is no quotation, and the sentence end between the two stays one).
_GERMAN_QUOTE = re.compile(r"(?<![^\s(\[])„(?=\w)[^„“”\n]{1,400}“")
_CAPITAL_AFTER = re.compile(r"\s+(?=[^\W\d_])")
# Repair 7: a footnote's superscript marker after a word's or a bracket's end mark, then a capital
# ("... parental support.¹ Future studies ..."): a sentence ends there, as it does in the other
# languages (`segment_rules.FOOTNOTE_MARKS`); nupunkt read the two sentences as one.
_HAS_FOOTNOTE_MARK = re.compile(f"[{FOOTNOTE_MARKS}]")
_FOOTNOTE_END = re.compile(
    rf"(?:(?<=[^\W\d_][.?!])|(?<=[)\]][.?!]))[{FOOTNOTE_MARKS}]+(?:[,\-–][{FOOTNOTE_MARKS}]+)*[ \t]+(?=[A-Z])"
)


# Initials and degrees before a footnote marker ("Ph.D.¹ Jane Doe", "M.D.² ..."): no sentence ends.
_INITIALS_END = re.compile(r"(?<![\w.])(?:[A-Z][a-z]?\.){2,}$")


def _footnote_cuts(text: str) -> set[int]:
    """Repair 7's cuts: after a footnote marker that follows an end mark, before a capital, unless
    the stop closes an abbreviation ("the U.S.¹ Department", "Dr.² Smith", "Ph.D.¹ Jane Doe": a
    review found them split, as the cut is kept from `_glue_abbreviations`)."""
    return {
        found.end()
        for found in _FOOTNOTE_END.finditer(text)
        if not (
            _ABBREVIATION_END.search(text, max(0, found.start() - 40), found.start())
            or _INITIALS_END.search(text, max(0, found.start() - 40), found.start())
        )
    }


# The invisible marks of bidirectional text (LRM, RLM, ALM; the embeddings, overrides, isolates and
# the marks that close them) and the zero-width joiners, where they stand before white space: a
# right-to-left run that ends with its sentence ("... named \u2067שלום.\u2069 The ..."), a mark a web
# page or word processor left after a stop. Neither nupunkt nor the rules saw the stop before a
# space there, and every sentence of such a text was one. Segmentation reads them as the spaces
# they stand beside (the same length, so every offset stays); a sentence's text keeps those inside it.
_INVISIBLE_MARKS = "\u200c\u200d\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
_MARKS_BEFORE_SPACE = re.compile(f"[{_INVISIBLE_MARKS}]+(?=\\s|$)")
# Either an invisible mark or a bullet (repair 9): one scan of a block tells whether to look for
# either (none of them is ASCII, so an ASCII block is not scanned at all).
_MARK_OR_BULLET = re.compile(f"[{_INVISIBLE_MARKS}•▪●◦‣∙]")


def _marks_as_spaces(text: str) -> str:
    """`text` with each invisible mark that white space (or the text's end) follows as a space (asked
    only of a block `_MARK_OR_BULLET` found something in)."""
    return _MARKS_BEFORE_SPACE.sub(lambda run: " " * len(run.group()), text)


def sentence_spans(text: str, *, lang: str = "en") -> list[tuple[int, int]]:
    """Sentences of `text` as `(start, end)` spans, whitespace trimmed, in order, never empty.

    English goes through nupunkt and the repairs above; every other language through the rules in
    `data/segment/<lang>.json` (segment_rules.py), or the language-neutral ones if it has no file.
    `lang` is an ISO 639-1 code; a region or case ("pt-BR", "DE") does not change the rules.
    """
    unusual = not text.isascii() and _MARK_OR_BULLET.search(text) is not None
    if unusual:
        text = _marks_as_spaces(text)
    code = lang.lower().replace("_", "-").split("-")[0]
    if code != "en":
        return rule_spans(text, rules_for(code))
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for a, b in _punkt_spans(line):
                a, b = _trim(text, offset + a, offset + b)
                if b > a:
                    spans.append((a, b))
        offset += len(line) + 1
    cuts = _missed_boundaries(text, {a for a, _ in spans})
    if _HAS_FOOTNOTE_MARK.search(text):
        cuts |= _footnote_cuts(text)
    if unusual and _BULLETS.search(text):
        cuts |= {match.end() for match in _BULLET_ITEM.finditer(text)}
    if cuts:
        spans = _split_at(text, spans, cuts)
    spans = _glue_abbreviations(text, spans, cuts)
    return _german_quotations(text, spans) if "„" in text else spans


@cache
def _punkt() -> nupunkt.PunktSentenceTokenizer:
    return nupunkt.load("default")


def _punkt_spans(line: str) -> list[tuple[int, int]]:
    """`nupunkt.sent_spans(line)` for a line that is not blank: each sentence runs to the next
    one's start, the last to the line's end, as there. From the tokenizer's own spans, without
    the copy of each sentence's text that `sent_spans` makes and drops (an eighth of its time)."""
    starts = [start for start, _ in _punkt().span_tokenize(line)] or [0]
    return list(zip(starts, [*starts[1:], len(line)], strict=True))


def _german_quotations(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Repair 6: join splits inside a short German quotation, split after its closing “ before a capital."""
    quotes = [(m.start(), m.end()) for m in _GERMAN_QUOTE.finditer(text)]
    if not quotes:
        return spans
    cuts: set[int] = set()
    for _, end in quotes:
        after = _CAPITAL_AFTER.match(text, end)
        if text[end - 2] in ".!?" and after and text[after.end()].isupper():
            cuts.add(after.end())
    spans = _split_at(text, spans, cuts)
    starts = [a for a, _ in quotes]  # in text order, never overlapping
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        k = bisect.bisect_left(starts, start) - 1  # the last quotation opening before `start`
        if merged and k >= 0 and start < quotes[k][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _missed_boundaries(text: str, starts: set[int]) -> set[int]:
    """Sentence starts nupunkt missed after a single letter, "et al.", "No." or a lower-case word.

    Each rule's pattern is tried only where a full stop and a space stand (a fast literal scan),
    anchored on the word before it, instead of scanning the whole text three times; and, since
    every rule cuts where the white space after the stop ends, only where nupunkt did not start a
    sentence already (19 of 20 stops in the dev articles), but for "et al." and "No.", whose cut
    also keeps `_glue_abbreviations` from joining there.
    """
    cuts: set[int] = set()
    for stop in _FULL_STOP.finditer(text):
        p = stop.start()
        if p == 0:
            continue
        after_abbreviation = text.endswith(("et al", "No", "no"), 0, p)
        if stop.end() in starts and not after_abbreviation:
            continue  # nupunkt split here (most stops): only the "et al."/"No." rule cuts at a start
        greek = _GREEK_LETTER_END.match(text, p - 1)
        if greek:
            cuts.add(greek.end())
            continue
        single = _SINGLE_LETTER_END.match(text, p - 1)
        if single:
            word = single.group(2)
            if single.start(2) not in starts and word.lower() in OPENERS and (word[0].isupper() or _lower_cased(text)):
                cuts.add(single.start(2))
            continue
        if after_abbreviation:
            abbreviation = _ET_AL_OR_NO_END.match(text, p - (5 if text.endswith("et al", 0, p) else 2))
            if abbreviation and abbreviation.group(1).lower() in OPENERS:
                cuts.add(abbreviation.start(1))
            continue
        q = p
        while q > 0 and "a" <= text[q - 1] <= "z":
            q -= 1
        if p - q >= 4:
            word_end = _WORD_END.match(text, q)
            if word_end and word_end.start(2) not in starts and word_end.group(1) not in _LOWER_ABBREVIATIONS:
                cuts.add(word_end.start(2))
    return cuts


def _lower_cased(text: str) -> bool:
    """Whether `text` is SumPubMed-style lower-cased text (no upper-case letter in its first 2,000
    characters): asked only where a rule needs it, not of every block."""
    head = text[:2000]
    return head == head.lower()


def _split_at(text: str, spans: list[tuple[int, int]], cuts: set[int]) -> list[tuple[int, int]]:
    """`spans` cut at each of `cuts` inside them; each span finds its cuts by bisection, so that the
    cost grows with spans + cuts (a review found a list of 15,000 bullets taking 16 s when every
    span scanned every cut)."""
    ordered = sorted(cuts)
    out: list[tuple[int, int]] = []
    for start, end in spans:
        first = bisect.bisect_right(ordered, start)
        for cut in ordered[first : bisect.bisect_left(ordered, end, first)]:
            out.append(_trim(text, start, cut))
            start = cut
        out.append((start, end))
    return out


def _glue_abbreviations(text: str, spans: list[tuple[int, int]], cuts: set[int]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and start not in cuts and _goes_on(text, merged[-1], start):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def _goes_on(text: str, previous: tuple[int, int], start: int) -> bool:
    """Whether the sentence at `start` goes on from the `previous` one (repairs 3 and 5): after an
    abbreviation unless an opener follows, after "!" glued to a word before a lower-case word, never
    across a line break. The end mark picks the one test that can hold (a span ends on a non-space,
    so the patterns ending in "." and "!" match only a tail ending in that mark), the rare
    abbreviation is looked for before the opener (the same answer, a third of the work)."""
    previous_start, previous_end = previous
    tail = text[max(previous_start, previous_end - 12) : previous_end]
    if tail.endswith("."):
        glued = _ABBREVIATION_END.search(tail) is not None and not _is_opener(text, start)
    elif tail.endswith("!"):
        glued = _WORD_BANG.search(tail) is not None and text[start].islower()
    else:
        return False
    return glued and "\n" not in text[previous_end:start]


def _is_opener(text: str, start: int) -> bool:
    """Whether the word at `start` is one that opens sentences (`OPENERS`)."""
    word = _FIRST_WORD.match(text, start)
    return word is not None and word.group(0).lower() in OPENERS


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
