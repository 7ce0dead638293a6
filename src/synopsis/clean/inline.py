"""Inline cleaning: what no line break shows any more.

Runs on every paragraph, and carries the whole load for flattened text, where headings, footnote
markers, page numbers, e-mail lines and the reference list all sit inside one long line:

    "... bail support Introduction Mentoring has ... (Nellis, 2004). 1 A.L.Hucklesby@leeds.ac.uk
     2 E.L.Wincup@leeds.ac.uk 2 Recently, mentoring ..."
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, partial

import numpy as np

from ..language import ENGLISH, get_language
from ..stopwords import STOP_WORDS
from ..types import SectionKind
from . import headings, rules
from .glued import dateline_edits, glued_headings
from .lexicon import alternation, lexicon
from .lines import ABSTRACT_MAX_POSITION, WordsUsed, lower_cased, rejoin_flattened_hyphens
from .removed import RemovalLog
from .speakers import speaker_label_edits, speaker_labels
from .tracked import Edit, Tracked, stripped_bounds
from .words import Damage, DocumentWords, damage_signs, document_words, function_words, mend_words

# A glued heading is only taken for one when it is not part of a phrase ("in the Discussion
# Section"): these words right before it mean the capitalised word is being referred to.
_REFERRING = ("the", "in", "of", "our", "see", "this", "and", "to", "a", "its", "their", "with", "for", "on", "by")
_NOT_AFTER = "".join(rf"(?<!\b{w}\s)" for w in _REFERRING)
_UPPER_HEADING_WORDS = (
    "INTRODUCTION|BACKGROUND|METHODS|MATERIALS AND METHODS|METHODOLOGY|RESULTS|FINDINGS|RESULTS AND DISCUSSION"
    "|DISCUSSION|CONCLUSIONS?|CONCLUDING REMARKS|RELATED WORK|LITERATURE REVIEW|LIMITATIONS|REFERENCES|BIBLIOGRAPHY"
    "|ACKNOWLEDGE?MENTS?|ABSTRACT"
)
INLINE_HEADING = re.compile(
    rf"(?:(?<=^)|(?<=[a-z0-9,;)’”'\"]\s){_NOT_AFTER}|(?<=[.!?]\s))"
    rf"(?:(?P<title>(?:{rules.HEADING_NUMBER}\s+)?(?:{rules.INLINE_HEADING_WORDS}|Abstract))"
    r"(?:\s*[:.—–-])?(?=\s+[A-Z“‘\"]|\s*$)"
    # An upper-case heading stands out on its own, even before a lower-cased text (SumPubMed).
    rf"|(?P<upper>(?:{rules.HEADING_NUMBER}\s+)?(?:{_UPPER_HEADING_WORDS}))(?:\s*[:.—–-])?(?=\s+\S|\s*$))"
)
# Every inline heading contains one of these; most paragraphs contain none, and this scan is cheap.
_HEADING_CLUE = re.compile(
    # First letter, then (after a word-boundary check) the rest: the engine skips fast to a letter
    # of a small set instead of trying a long alternation at every position. A superset is fine.
    r"[IBMRFDCLPEAWN](?<=\b[IBMRFDCLPEAWN])(?:ntro|NTRO|ackg|ACKG|ethod|ETHOD|ateri|ATERI|esult|ESULT|inding|INDING"
    r"|iscuss|ISCUSS|onclu|ONCLU|elated|ELATED|iterat|ITERAT|revious|xperim|valuat|uture|imitat|IMITAT|cknow|CKNOW"
    r"|efere|EFERE|ibliog|IBLIOG|orks|otes|bstract|BSTRACT)"
)


@dataclass(frozen=True)
class InlinePatterns:
    """The inline heading and keyword patterns of one language (English: the constants above)."""

    heading: re.Pattern[str]
    clue: re.Pattern[str]
    keywords_run: re.Pattern[str]
    keyword_clues: tuple[str, ...]


# The Cyrillic and Greek letters (lower and upper case) that may stand around a heading of a
# supported language beside the Latin ones: a flattened Russian paper ("... РАН Аннотация В статье
# ...") kept its headings in the body where only Latin letters were looked for.
_OTHER_LOWER = "\u0430-\u045f\u03ac-\u03ce"
_OTHER_UPPER = "\u0400-\u042f\u0386-\u038f\u0391-\u03ab"


@cache
def inline_patterns(lang: str = ENGLISH) -> InlinePatterns:
    """English as it stands; another language adds its heading words and keyword labels.

    Its stop words join the words that mark a capitalised heading word as referred to ("in der
    Diskussion"), and letters beyond ASCII may stand before and after a heading.
    """
    words = lexicon(lang)
    if not words.inline_words:
        return InlinePatterns(INLINE_HEADING, _HEADING_CLUE, rules.KEYWORDS_RUN, ("Key", "KEY", "Index Terms"))
    titles = alternation(words.inline_words)
    upper = alternation(w.upper() for w in words.inline_words)
    referring = "".join(rf"(?<!\b{re.escape(w)}\s)" for w in sorted(words.small_words) if w.isalpha())
    heading = re.compile(
        rf"(?:(?<=^)|(?<=[a-zß-öø-ÿ{_OTHER_LOWER}0-9,;)’”“'\"»]\s){_NOT_AFTER}{referring}|(?<=[.!?]\s))"
        rf"(?:(?P<title>(?:{rules.HEADING_NUMBER}\s+)?(?:{rules.INLINE_HEADING_WORDS}|Abstract|{titles}))"
        rf"(?:\s*[:.—–-])?(?=\s+[A-ZÀ-ÖØ-Þ{_OTHER_UPPER}“‘\"„«]|\s*$)"
        rf"|(?P<upper>(?:{rules.HEADING_NUMBER}\s+)?(?:{_UPPER_HEADING_WORDS}|{upper}))(?:\s*[:.—–-])?(?=\s+\S|\s*$))"
    )
    clue = re.compile(rf"{_HEADING_CLUE.pattern}|\b(?:{titles}|{upper})")
    labels = alternation((*words.keyword_labels, *(w.upper() for w in words.keyword_labels)))
    keywords_run = re.compile(rules.KEYWORDS_RUN.pattern.replace("Index Terms)", f"Index Terms|{labels})", 1))
    return InlinePatterns(
        heading,
        clue,
        keywords_run,
        ("Key", "KEY", "Index Terms", *words.keyword_labels, *(w.upper() for w in words.keyword_labels)),
    )


# A reference list numbered from its first entry on: "References 1. Ekman P (2001). Telling lies ..."
# (a flattened PLOS article; before, the entry's number kept the heading from being one), or one
# whose first entry opens with no capital: "Works Cited 42 Entertainment (2004). ...", "Works Cited
# #Alt-Academy (January 2011): ...", "Works Cited . Archer, Dawn." (a DHQ list after its leading
# URLs went). Not before a lower-case word or a bracket: "References to earlier work ...".
REFERENCES_THEN_ENTRY = re.compile(
    rf"(?:(?<=^)|(?<=[a-z0-9,;)\]’”'\"]\s)|(?<=[.!?]\s))(?P<title>(?:{rules.HEADING_NUMBER}\s+)?"
    r"(?:References|REFERENCES|Bibliography|BIBLIOGRAPHY|Literature Cited|Works Cited|WORKS CITED))(?:\s*[:.—–-]){0,3}"
    r"(?=\s+(?:(?:\[\d{1,3}\]|\d{1,3}\.)\s+[A-Z]|[^\sa-z(\[]))"
)
# The headings of a lower-cased text (SumPubMed) in the middle of a flattened one: "... of the
# blots. discussion the idea ...". Nothing shows such a heading but its word at a sentence start and
# a next word that opens a sentence where it cannot continue the heading word's phrase ("results
# of", "methods for", "discussion with" are sentences; "results in" and "results we obtained" are
# too, so "results" takes fewer).
_LOWER_OPENERS = (
    "the|this|these|we|our|it|there|although|while|most|many|several|despite|here|since|because|recent|recently"
    "|given|one|two|both|all|an|a|in"
)
_RESULTS_OPENERS = "the|this|these|our|although|while|despite|here|since|because|recently|given"
# Only in a lower-cased text (`lines.lower_cased`), and never after an abbreviation's stop: "(cf.
# discussion in Smith 2001)", "i.e. methods in which", "e.g. methods the" are no headings.
_NOT_AFTER_ABBREVIATION = r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bcf\.)(?<!\bvs\.)(?<!\bal\.)(?<!\betc\.)"
LOWER_HEADING = re.compile(
    rf"\.{_NOT_AFTER_ABBREVIATION} (?P<title>(?:materials and methods|results and discussion|background|introduction"
    rf"|methods|discussion|conclusions?)(?= (?:{_LOWER_OPENERS}) )|results(?= (?:{_RESULTS_OPENERS}) ))"
)
# Every LOWER_HEADING match holds one of these (a search with a literal start: fast; the
# alternatives as seven substring tests took five times as long).
_LOWER_CLUE = re.compile(r"\. (?:discussion|methods|results|background|conclusions?|introduction|materials) ")
_REFERENCE_CLUES = ("References", "REFERENCES", "Bibliography", "BIBLIOGRAPHY", "Literature Cited", "Works Cited")
_NUMBER_BEFORE = re.compile(rf"(?<!\S){rules.HEADING_NUMBER}\s+$")
# "... not allocated mentors. Mentoring defendants/offenders in practice 9 We have ..." — a heading
# followed by the page number a page break left behind it. Page-number removal records where such a
# number stood (as an offset into the input, not as a character in the text: any character may
# occur in input), so the heading can be found afterwards (`_headings_before_page_breaks`).
_TITLE_BEFORE_PAGE = re.compile(r"[.!?]\s(?P<title>[A-Z][A-Za-z/’'-]*(?:\s+[A-Za-z/’'-]+){0,7})$")
# A heading before a page break: a capital right after ". ", then 2 to 100 characters with no
# sentence end, up to the break.
HEADING_BEFORE_PAGE_MAX_CHARS = 101
# "... to women. Defining mentoring and its practice In this section we demonstrate ..." — a heading
# of a flattened text glued to the sentence after it: a capitalised sentence opener in mid-sentence,
# right after a lower-case word, gives it away.
_OPENERS = r"In|This|These|We|Our|The|It|As|There|Here|Although|However|While|Since|Recent|Previous|Several|Many"
_NOT_GLUED = r"(?:We|For|The|This|In|It|These|Our|To|An?|As|If|When|Then|Thus|So|But|And|Or|Last|First|Next)\s"
GLUED_HEADING = re.compile(
    # The capital first, its context checked behind it: the engine skips fast to a capital instead
    # of trying the lookbehind at every position.
    rf"(?P<title>[A-Z](?<=[.!?]\s[A-Z])(?<=(?!{_NOT_GLUED})[A-Z])[\w’'/-]*(?:\s+[\w’'/-]+){{0,8}}?\s+[a-z][\w’'/-]*)"
    rf"\s+(?=(?:{_OPENERS})\s+[a-z])"
)
# Where GLUED_HEADING may match: an opener (any opener's first letter with any opener's rest:
# more words than the openers, never fewer) and a lower-case word, after a word and a space or
# after two spaces, as every GLUED_HEADING match has after it. Most paragraphs have none, and this
# scan takes about half the time of GLUED_HEADING's, which tries up to nine words after the first
# capital of every sentence.
_OPENER_FIRSTS = "".join(sorted({word[0] for word in _OPENERS.split("|")}))
_OPENER_RESTS = "|".join(sorted({word[1:] for word in _OPENERS.split("|")}, key=lambda rest: (-len(rest), rest)))
_OPENER_AFTER_WORD = re.compile(rf"[{_OPENER_FIRSTS}](?:(?<=[\w’'/-]\s.)|(?<=\s\s.))(?:{_OPENER_RESTS})\s+[a-z]")
_SPACE_RUN = re.compile(r"\s{2,}|\n")
# Thresholds of the inline rules, set by hand when each rule was written (from the example record
# and flattened dev articles) and not tuned; tests/clean pins their effect.
# A "Notes" heading in the first half of a text is a section about notes, not the endnotes.
NOTES_MIN_POSITION = 0.5
# A stretch before an Abstract/Introduction heading that is at most this long is a title block.
FRONT_MATTER_MAX_WORDS = 150
# An inline "References" heading ends the body only when at least 2 years follow within 600
# characters (a reference list is dense with years; "References to earlier work ..." is not).
END_MATTER_YEARS_MIN = 2
END_MATTER_LOOKAHEAD_CHARS = 600
# How far before a heading word a section number ("3.2 ") may start.
HEADING_NUMBER_MAX_CHARS = 14


@dataclass(frozen=True, slots=True)
class Piece:
    """Body text after an (optional) inline heading."""

    text: Tracked
    heading: str | None = None
    kind: SectionKind = "other"
    heading_span: tuple[int, int] = (0, 0)
    end_matter: bool = False
    dropped: bool = False
    abstract: bool = False


# A number standing between two words: a page number when it belongs to a run 5, 6, 7, ... spread
# through the text; "under 12 months" does not belong to such a run.
_LOOSE_NUMBER = re.compile(r" (?<=[\w.,;:!?”’\")\]] )(\d{1,3})(?= [A-Za-z“‘\"(])")
# Numbers that label something count up through a text too ("Figure 3 ... Table 4 ... Section 5"):
# a number right after a capitalised word or one of these is a label, never a page number.
_LABEL_BEFORE = re.compile(
    r"(?:\b[A-Z][\w.-]*|\b(?i:fig|figs|figure|figures|table|tables|tab|section|sections|sect|sec|eq|eqs|equation|chapter|ch"
    r"|step|steps|stage|phase|part|appendix|experiment|study|model|version|level|type|class|group|round|iteration"
    r"|epoch|trial|session|wave|sample|condition|task|case|example|rule|item|question|hypothesis|theorem|lemma"
    r"|definition|algorithm|line|lines|column|row|page|pages|pp|p|vol|no|number|grade|year|years|day|days|week"
    r"|weeks|month|months|set|list|footnote|note|notes|and|or|to|of|than|from|by|about|only|over|under|least|most"
    r"|first|last|top|all|the|these|those|with|at|in|for|n)\.?|[=<>])\s$"
)
# Page numbers: a run of at least 3 consecutive values, each at least 800 characters (a third of a
# page) after the previous one; a label word within 30 characters before a number makes it a label;
# a heading before a page number is looked for in the 120 characters before it.
PAGE_RUN_MIN = 3
PAGE_GAP_MIN_CHARS = 800
LABEL_LOOKBEHIND_CHARS = 30
PAGE_HEADING_LOOKBEHIND_CHARS = 120


def _labelled(text: str, at: int) -> bool:
    """Whether a label stands before the number at `at`, a space before it (`_LABEL_BEFORE` in the
    LABEL_LOOKBEHIND_CHARS before it). Looked for from the last space before that one: a label
    ends at that space and holds none, and each word start in the window tries all the label words
    (11 µs where the window holds five words)."""
    window = max(0, at - LABEL_LOOKBEHIND_CHARS)
    return _LABEL_BEFORE.search(text, max(window, text.rfind(" ", window, at - 1) + 1), at) is not None


def page_number_edits(text: str) -> tuple[list[Edit], list[int]]:
    """Find the page numbers a flattened page stream left mid-sentence ("did not 4 wish to").

    Page numbers count up through the text, about a page apart; the longest run of consecutive
    values among all loose numbers, in text order and well spread, is taken for them. Returns the
    deletions, and where (in `text`, just past the number) a page number followed what looks like
    a heading.
    """
    if len(text) <= (PAGE_RUN_MIN - 1) * PAGE_GAP_MIN_CHARS:
        return [], []  # too short to hold a run (most paragraphs): no scan for numbers
    matches = list(_LOOSE_NUMBER.finditer(text))
    if len(matches) < PAGE_RUN_MIN or matches[-1].start() - matches[0].start() < (PAGE_RUN_MIN - 1) * PAGE_GAP_MIN_CHARS:
        return [], []  # too few numbers, or too close together, to hold a run: no label to look for
    best: dict[int, tuple[int, int, int]] = {}  # value -> (run length, match index, previous index)
    links: list[int] = []
    lengths: list[int] = []
    for i, match in enumerate(matches):
        if _labelled(text, match.start(1)):
            links.append(-1)
            lengths.append(0)
            continue
        value = int(match.group(1))
        before = best.get(value - 1) or best.get(value - 2)  # a page may have left no number
        if before is not None and match.start(1) - matches[before[1]].start(1) >= PAGE_GAP_MIN_CHARS:
            length, previous = before[0] + 1, before[1]
        else:
            length, previous = 1, -1
        links.append(previous)
        lengths.append(length)
        if value not in best or best[value][0] < length:
            best[value] = (length, i, previous)
    if not lengths or max(lengths) < PAGE_RUN_MIN:
        return [], []
    i = max(range(len(lengths)), key=lambda k: (lengths[k], -k))
    edits = []
    breaks = []
    while i >= 0:
        start, end = matches[i].start(1) - 1, matches[i].end()
        edits.append(Edit(start, end))
        heading_window = max(0, start - PAGE_HEADING_LOOKBEHIND_CHARS)
        if _TITLE_BEFORE_PAGE.search(text, heading_window, start) and re.match(r"\s+[A-Z][a-z]", text[end : end + 3]):
            breaks.append(end)
        i = links[i]
    return edits, sorted(breaks)


# SumPubMed's citation placeholders, "(<cit>, <cit>)" and "<cit> <cit>", each with the spaces before
# it (`_SpacesBefore`).
_CITATIONS_IN_BRACKETS = re.compile(r"\(\s*<cit>(?:\s*[,;]?\s*<cit>)*\s*\)")
_CITATIONS = re.compile(r"<cit>(?:\s*[,;]?\s*<cit>)*(?:\s+(?=[.,;:)]))?")


class _SpacesBefore:
    """`\\s*` + `pattern` (whose matches never start with a space), or `[ \\t]*` + `pattern` where
    `tabs` is set: `spans` gives the spans that `finditer` of the whole would give, from `pattern`'s
    own scan (which skips in C to its literal first character), each match widened over the spaces
    before it that no earlier match took. (The whole, which may start at any space, is tried at
    every character: 0.5 ms of a SumPubMed article, 0.1 ms of URLs in an 8k-word one.)"""

    def __init__(self, pattern: re.Pattern[str], *, tabs: bool = False) -> None:
        self.pattern = pattern
        self.tabs = tabs

    def spans(self, text: str) -> list[tuple[int, int]]:
        spans = []
        floor = 0
        for match in self.pattern.finditer(text):
            start = match.start()
            while start > floor and (text[start - 1] in " \t" if self.tabs else text[start - 1].isspace()):  # (what `\s` matches)
                start -= 1
            spans.append((start, match.end()))
            floor = match.end()
        return spans


# (reason, substrings of which every match contains one (none: always run), pattern); a step
# whose substrings are `_NUMBERED` (this very tuple) runs only where `_FOOTNOTE_NUMBER` matches.
_NUMBERED = ("",)
_JUNK_STEPS: tuple[tuple[str, tuple[str, ...], re.Pattern[str] | _SpacesBefore], ...] = (
    ("citation_placeholder", ("<cit>",), _SpacesBefore(_CITATIONS_IN_BRACKETS)),
    ("citation_placeholder", ("<cit>",), _SpacesBefore(_CITATIONS)),
    ("email", ("@",), rules.EMAIL_WITH_MARKER),
    ("url", ("http", "www.", "WWW.", "HTTP"), _SpacesBefore(rules.URL_WITH_CONTEXT, tabs=True)),
    ("footnote", _NUMBERED, rules.STANDALONE_NUMBER),
    ("footnote", ("[",), rules.BRACKETED_NOTE),
    ("footnote", _NUMBERED, rules.GLUED_FOOTNOTE),
)
# Where rules.STANDALONE_NUMBER or rules.GLUED_FOOTNOTE matches (the same branches behind one mark
# of either's leading set, and a digit looked for first): one scan instead of two where neither
# does, as in most paragraphs; each of the two stops at every stop and comma of the text.
_FOOTNOTE_NUMBER = re.compile(
    r"[.,;:!?”’\"')\]](?=\s*\d)(?:(?<=[.!?”’\"')\]])\s+\d{1,3}(?=\s+[A-Z“‘\"(])"
    r"|(?<=[a-z\)\]”’\"'][.,;:!?])\d{1,3}(?=\s|$)|(?<=[a-z][.,;:!?][”’\"'])\d{1,3}(?=\s|$))"
)


def _marker_span(match: re.Match[str]) -> tuple[int, int]:
    """What to delete: the named group that matched, or the whole match when there is none."""
    for name, value in match.groupdict().items():
        if value is not None:
            return match.span(name)
    return match.span()


# What a removed URL may leave before it (`url_edits`): an opening bracket or a mark, with spaces.
_BEFORE_URL = re.compile(r"(?:(?P<open>[ \t]*[(\[])|(?P<mark>[ \t]*[,;:]))[ \t]*\Z")
_CLOSING = {"(": ")", "[": "]"}
_CLOSERS = frozenset(")]")
_MARKS = frozenset(".,;:!?")
# How far before a URL its bracket or mark is looked for.
URL_CONTEXT_CHARS = 8
# A preposition (or "see") that pointed to a removed URL would dangle: "The code is available at.",
# "downloaded from and installed", "For details, see.". It goes with the URL (logged as the URL's),
# and so does the comma before a "see" that ends its clause. Only in lower case: a capital opens the
# sentence ("See URL for details": without the URL the sentence is broken either way). Other
# languages add theirs (`url_leads`).
_ENGLISH_LEAD_WORDS = ("at", "from", "via", "on", "in", "under", "through", "to", "see", "visit")
_LEAD_BEFORE_URL = re.compile(rf"(?P<comma>[,;])?[ \t]+(?P<word>{'|'.join(_ENGLISH_LEAD_WORDS)})[ \t]*\Z")
# How far before a URL (or its bracket or mark) its lead word is looked for.
URL_LEAD_CHARS = 12


@dataclass(frozen=True)
class UrlLeads:
    """The words that lead to a URL in one language (`url_leads`; English: _LEAD_BEFORE_URL)."""

    pattern: re.Pattern[str]
    # How far before a URL (or its bracket or mark) the pattern is searched: its longest phrase fits.
    reach: int
    # Words that refer the reader to the URL ("see"): before a word they stay, as the sentence goes on.
    see: frozenset[str]
    # Whether a lower-case word after the URL that it names keeps the lead word (`_names_next`):
    # English alone, whose URLs stand before nouns ("in URL notebooks").
    names_next: bool
    # The language's own lead words (English's, where it shares them, keep English's rule).
    own: frozenset[str] = frozenset()
    # An opening bracket and a lead word before a URL, after one of the language's words for
    # "available" or a label and its colon: "(vgl. URL)", "(disponibles en URL)" go whole, as English's
    # "(see URL)"; "(Daten: vgl. URL)" keeps its label, as "(Quelle: URL)" does.
    bracket: re.Pattern[str] | None = None
    # `pattern` with the phrases that name a place ("auf der Website"), searched only where the URL
    # ends its clause: before a word that may depend on them ("auf der Website URL des Amtes") they stay.
    ending: re.Pattern[str] | None = None
    # What may stand between two URLs that go as one: English's "and", "or", and the language's own.
    # (Spaces before the mark, then the mark and the spaces after it: a review found the form with an
    # optional mark between two runs of spaces quadratic in a long run of spaces.)
    separator: re.Pattern[str] = re.compile(r"[ \t]*(?:(?:[,;&]|and|or)[ \t]*)?")
    # Words that name a URL's place after it, with what goes before it: Turkish "URL adresinde",
    # Hungarian "a URL címen" (`url_leads`' "around": the word before "…", the word after).
    around: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = ()


_ENGLISH_LEADS = UrlLeads(_LEAD_BEFORE_URL, URL_LEAD_CHARS, frozenset(("see", "visit")), names_next=True)


@cache
def url_leads(lang: str = ENGLISH) -> UrlLeads:
    """The lead words of `lang`: English's as they stand; a supported language adds its own
    ("all’indirizzo", "по адресу", "siehe"), lower case only as English's, from its data file
    (`url_leads`), where every language-specific word lives. English's stay in every language, as
    they did (an English phrase in the text). A language without a data file keeps English's alone.

    Built once per language (cached). In another language its own lead words go before a following
    word too: "ist unter URL verfügbar" reads "ist verfügbar", "sono su URL e sono stati" reads "sono e
    sono stati" (`_names_next` knows English nouns only, and another language names a URL after it
    rarely: "su URL notebook" is no Italian); English's words keep English's rule there, and no word
    goes before a URL in brackets, an aside (`_widened`).
    """
    language = get_language(lang)
    if lang == ENGLISH or not language.supported or not (language.url_lead_words or language.url_see_words):
        return _ENGLISH_LEADS
    leading = {*_ENGLISH_LEAD_WORDS, *language.url_lead_words, *language.url_see_words}
    phrases = sorted({*leading, *language.url_place_words}, key=lambda w: (-len(w), w))
    words = _phrases(sorted(leading, key=lambda w: (-len(w), w)))
    ending = _phrases(phrases)
    available = _phrases(sorted(language.url_available_words, key=lambda w: (-len(w), w)))
    label = rf"(?P<available>(?i:{available}))[ \t]+|" if available else ""
    joins = _phrases(sorted({"and", "or", *language.url_joins}, key=lambda w: (-len(w), w)))
    # The article of an "around" phrase may follow a join: Hungarian "a URL és a URL címen".
    articles = _phrases(sorted({b for p in language.url_around if (b := p.partition("…")[0].strip())}))
    article = rf"(?:(?i:{articles})(?!\w)[ \t]*)?" if articles else ""
    return UrlLeads(
        re.compile(rf"(?P<comma>[,;])?[ \t]+(?P<word>{words})[ \t]*\Z"),
        max(URL_LEAD_CHARS, len(phrases[0]) + URL_LEAD_CHARS - len("through")),
        frozenset(("see", "visit", *(" ".join(w.split()) for w in language.url_see_words))),
        names_next=False,
        own=frozenset(
            " ".join(w.split()) for w in (*language.url_lead_words, *language.url_see_words, *language.url_place_words)
        ),
        bracket=re.compile(rf"[ \t]*(?P<open>[(\[])[ \t]*(?:{label}(?P<label>(?P<name>{_LABEL}):[ \t]+))?(?:{ending})[ \t]*\Z"),
        ending=re.compile(rf"(?P<comma>[,;])?[ \t]+(?P<word>{ending})[ \t]*\Z"),
        separator=re.compile(rf"[ \t]*(?:(?:[,;&]|(?:{joins})(?!\w))[ \t]*{article})?"),
        around=tuple(_around(phrase) for phrase in language.url_around),
    )


# A label before its colon and a lead word in a bracket, "Daten" of "(Daten: vgl. URL)": with the
# URL gone the label stays alone, "(Daten)" (no digit: "(2019, vgl. URL)" keeps its year). Any other
# word there is the bracket's content ("(Tabelle auf URL)" -> "(Tabelle)"), but the language's words
# for "available" (`url_leads`): "(disponibles en URL)" says nothing without its URL.
_LABEL = r"[^\W\d_][\w'’.-]{0,30}"
# How much farther back than a lead word its bracket's own word may start.
_LABEL_CHARS = 33


def _phrases(phrases: list[str]) -> str:
    """`phrases` as a regex alternation, the spaces inside each any run of spaces or tabs."""
    return "|".join(r"[ \t]+".join(re.escape(part) for part in phrase.split()) for phrase in phrases)


def _around(phrase: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The two patterns of an "around" phrase, "a … címen": what stands before the URL (searched
    before its start; nothing for "… adresinde") and the word after it (matched at its end)."""
    before, _, after = phrase.partition("…")
    # The word before it in any case, after spaces or where a sentence, line or bracket opens (a
    # review: "A https://… címen elérhető" at a sentence's start, "(a https://… címen)", lost only
    # "… címen" and left the article)
    head = rf"(?:[ \t]+|(?<![^(\[–—\n-]))(?i:{_phrases([before])})" if before.strip() else ""
    return re.compile(rf"{head}[ \t]*\Z"), re.compile(rf"[ \t]+{_phrases([after])}(?!\w)")


def url_edits(text: str, edits: list[Edit], lang: str = ENGLISH) -> list[Edit]:
    """The URL deletions `edits`, each widened over the punctuation it would leave behind.

    "met [URL]." -> "met.", "Zoo (URL, now ...)" -> "Zoo (now ...)", "website, URL, there" ->
    "website, there", "exists: URL." -> "exists.", "treeviewx URL ." -> "treeviewx.": no empty
    brackets, no mark left before another or before a closing bracket, no space before a mark. The
    word that led to the URL goes with it ("available at URL." -> "available.", "For details, see
    URL." -> "For details."): a deletion, so the sentence reads on. URLs that only separators part
    ("(URL1; URL2)", "sites: URL1 and URL2.") are widened as one, so that their brackets go too, and
    "<URL>" takes its "<". The widened deletions do not overlap (each stops where the next one
    starts), so offsets stay exact. The lead words are `lang`'s (`url_leads`).
    """
    leads = url_leads(lang)
    widened: list[Edit] = []
    floor = 0
    for group in _url_groups(text, sorted(edits, key=lambda e: e.start), leads.separator):
        start, end = _widened(text, Edit(_angle_start(text, group[0]), group[-1].end), floor, leads)
        if widened and widened[-1].end > start:
            widened[-1] = Edit(widened[-1].start, start)
        # Each URL of the group goes with the separator after it; the first with what went before.
        starts = [start, *(edit.start for edit in group[1:])]
        widened.extend(Edit(a, b) for a, b in zip(starts, [*starts[1:], end], strict=True))
        floor = end
    return widened


def _url_groups(text: str, edits: list[Edit], separator: re.Pattern[str]) -> list[list[Edit]]:
    """`edits` (sorted) in runs where only a `separator` ("URL1; URL2", "URL1 and URL2", Italian
    "URL1 e URL2") stands between one and the next."""
    groups: list[list[Edit]] = []
    for edit in edits:
        if groups and separator.fullmatch(text, groups[-1][-1].end, edit.start) is not None:
            groups[-1].append(edit)
        else:
            groups.append([edit])
    return groups


def _angle_start(text: str, edit: Edit) -> int:
    """Where a URL deletion starts, with the "<" of "<URL>" (the URL pattern takes its ">")."""
    if text[edit.end - 1 : edit.end] == ">" and text[edit.start - 1 : edit.start] == "<":
        start = edit.start - 1
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        return start
    return edit.start


def _widened(text: str, edit: Edit, floor: int, leads: UrlLeads = _ENGLISH_LEADS) -> tuple[int, int]:
    """The span a URL deletion takes with the brackets and marks it would leave (`url_edits`)."""
    for head, tail in leads.around:  # "a URL címen" -> "": the words around it named its place
        named = tail.match(text, edit.end)
        opened = head.search(text, max(floor, edit.start - leads.reach), edit.start) if named else None
        if named and opened:  # then as a URL of that span: its brackets and marks as any URL's
            edit = Edit(opened.start(), named.end())  # (a review: "Veriler, URL adresinde, herkese" left ",,")
            break
    before = _BEFORE_URL.search(text, max(floor, edit.start - URL_CONTEXT_CHARS), edit.start)
    spaces_end, follower = _after_spaces(text, edit.end)
    start, end = edit.start, edit.end
    if before is not None and before.group("open"):
        if follower == _CLOSING[before.group("open").strip()]:
            start, end = before.start(), spaces_end + 1  # empty brackets go, with the space before
        elif follower in (",", ";", ":"):
            end = _after_spaces(text, spaces_end + 1)[0]  # "(URL, now" -> "(now"
        elif follower not in _MARKS and follower not in _CLOSERS:
            end = spaces_end  # "(URL marcu/" -> "(marcu/"
    elif before is not None and (follower in _MARKS or follower in _CLOSERS):
        start = before.start()  # "website, URL, there" -> "website, there"; "at: URL." -> "at."
    elif follower in _MARKS or follower in _CLOSERS:
        end = spaces_end  # "treeviewx URL ." -> "treeviewx."
    if start == edit.start and before is not None and before.group("open"):
        return start, end  # its bracket stays: "(URL marcu/" -> "(marcu/"
    if leads.bracket is not None and follower in _CLOSERS:
        # A bracket left holding a lead word alone, or after a word for "available", goes whole:
        # "Mehr dazu (vgl. URL) hier." -> "Mehr dazu hier.", "(disponibles en URL)", as English's
        # "(see URL)" (rules.URL_WITH_CONTEXT); after a label its label stays, "(Daten: vgl. URL)" ->
        # "(Daten)", as "(Quelle: URL)" -> "(Quelle)".
        opened = leads.bracket.search(text, max(floor, start - leads.reach - _LABEL_CHARS), start)
        if opened is not None and follower == _CLOSING[opened.group("open")]:
            return (opened.end("name"), spaces_end) if opened.group("label") else (opened.start(), spaces_end + 1)
    if leads.bracket is not None and follower in (",", ";"):
        # A lead word that opens its bracket, or follows a label's colon, goes with the URL and the
        # comma after it, as a URL alone does ("(URL, now" -> "(now"): "(vgl. URL, S. 3)" -> "(S.
        # 3)", "(Daten: vgl. URL, S. 3)" -> "(Daten: S. 3)".
        opened = leads.bracket.search(text, max(floor, start - leads.reach - _LABEL_CHARS), start)
        if opened is not None and opened.group("available") is None:
            return opened.end("label" if opened.group("label") else "open"), _after_spaces(text, spaces_end + 1)[0]
    bracketed = (before is not None and before.group("open")) or text[start:end].lstrip(" \t")[:1] in ("(", "[")
    if leads is not _ENGLISH_LEADS and bracketed:
        # A URL in brackets is an aside: outside English the word before it is the sentence's (a
        # review: "treten in anderen Korpora auf (URL)." lost the particle of its verb, "Aineisto on
        # (URL) saatavilla" its "is"). English keeps its rule ("we rely on (URL)." -> "we rely.").
        return start, end
    return _lead_start(text, start, floor, end, leads), end


# The word after a URL, where one follows it (its spaces skipped).
_WORD_AFTER = re.compile(r"[ \t]*([A-Za-z]+)\b")


def _lead_start(text: str, start: int, floor: int, end: int, leads: UrlLeads = _ENGLISH_LEADS) -> int:
    """Where a URL deletion `[start, end)` starts with the word that led to it (`leads`, English:
    _LEAD_BEFORE_URL).

    The lead word goes where it would dangle: where the URL ends its clause (a mark or a closing
    bracket follows it, or the text ends: "available at URL." -> "available.") or a word follows
    that the lead word cannot take ("The site at URL is kept" -> "The site is kept", "downloaded
    from URL and cleaned" -> "downloaded and cleaned"). It stays before a word of the phrase the
    URL is part of: "The tool runs in URL notebooks" reads "The tool runs in notebooks" (`_names_next`).
    """
    follower = text[end : end + 1]
    if follower in _MARKS or follower in _CLOSERS or not follower:
        # "For details, see URL." -> "For details."; "available at URL." -> "available."; a place's
        # phrase only here, "stehen auf der Website URL." -> "stehen." ("auf der Website URL des
        # Amtes" -> "auf der Website des Amtes")
        lead = (leads.ending or leads.pattern).search(text, max(floor, start - leads.reach), start)
        return start if lead is None else lead.start()
    lead = leads.pattern.search(text, max(floor, start - leads.reach), start)
    if lead is None:
        return start
    word = " ".join(lead.group("word").split())
    # English's own words keep English's noun check in every language ("runs in URL notebooks", and
    # Norwegian "brukte to URL datasett", where "to" is two); another language's words do not.
    english = leads.names_next or (word in _ENGLISH_LEAD_WORDS and word not in leads.own)
    if word in leads.see or (english and _names_next(text, end)):
        return start  # "see URL for details": no word to keep it company
    return lead.end("comma") if lead.group("comma") else lead.start()  # "downloaded from URL and" -> "downloaded and"


def _names_next(text: str, end: int) -> bool:
    """Whether the word after a URL (ending at `end`) is one the URL is a name for, which the lead
    word before the URL then takes: a lower-case word that is no function word, verb's participle,
    adverb or adjective that follows a URL ("in URL notebooks", not "at URL is", "from URL
    before", "at URL compiled", "from URL free of charge", "at URL directly")."""
    match = _WORD_AFTER.match(text, end)
    if match is None:
        return False
    word = match.group(1)
    return word.islower() and word not in STOP_WORDS and word not in _NOT_NAMED and not word.endswith(("ing", "ed", "ly"))


# Words after a URL that it is no name for, though they are no function words: adjectives and
# adverbs that say how or where something is got ("downloaded from URL free of charge").
_NOT_NAMED = frozenset("free online offline together alone anonymously".split())


def _after_spaces(text: str, at: int) -> tuple[int, str]:
    """Where the spaces and tabs from `at` end, and the character there ("" at the end of text)."""
    end = at
    while end < len(text) and text[end] in " \t":
        end += 1
    return end, text[end : end + 1]


def remove_junk(text: Tracked, removed: RemovalLog, page_breaks: list[int] | None = None, lang: str = ENGLISH) -> Tracked:
    """Delete citation placeholders, e-mail addresses, keyword runs, footnote/page numbers and news
    datelines (English: `glued.dateline_edits`).

    Where a removed page number followed a heading, its input offset is added to `page_breaks`.
    """
    pages, breaks = page_number_edits(text.text)
    if pages:
        removed.add_edits("page_number", text, pages)
        if page_breaks is not None:
            page_breaks.extend(int(text.origin[end]) for end in breaks)
        text = text.apply(pages)
    datelines = [Edit(a, b) for a, b in dateline_edits(text.text)] if lang == ENGLISH else []
    if datelines:
        removed.add_edits("dateline", text, datelines)
        text = text.apply(datelines)
    numbered: bool | None = None  # whether _FOOTNOTE_NUMBER matches the text as it is now
    for reason, clues, pattern in _JUNK_STEPS:
        if clues is _NUMBERED:
            numbered = _FOOTNOTE_NUMBER.search(text.text) is not None if numbered is None else numbered
            if not numbered:
                continue
        elif clues and not any(clue in text.text for clue in clues):
            continue  # a substring test is far cheaper than a regex scan that cannot match
        spans = pattern.spans(text.text) if isinstance(pattern, _SpacesBefore) else map(_marker_span, pattern.finditer(text.text))
        edits = [Edit(*span) for span in spans]
        if reason == "url":
            # Keep URLs in running text only when they are the whole point; a reader of a summary
            # gains nothing from "(accessed 25/03/2013)".
            edits = url_edits(text.text, [e for e in edits if not text.text[e.start : e.end].strip().endswith(":")], lang)
        if edits:
            removed.add_edits(reason, text, edits)
            text = text.apply(edits)
            numbered = None
    patterns = inline_patterns(lang)
    if not any(clue in text.text for clue in patterns.keyword_clues):
        return text
    keywords = [Edit(m.start(), m.end()) for m in patterns.keywords_run.finditer(text.text)]
    if keywords:
        removed.add_edits("keywords", text, keywords)
        text = text.apply(keywords)
    return text


def _inline_heading_matches(text: str, lang: str = ENGLISH) -> list[re.Match[str]]:
    """INLINE_HEADING matches, tried only where a heading word stands (a full scan is slow)."""
    matches: list[re.Match[str]] = []
    patterns = inline_patterns(lang)
    for clue in patterns.clue.finditer(text):
        number = _NUMBER_BEFORE.search(text, max(0, clue.start() - HEADING_NUMBER_MAX_CHARS), clue.start())
        for start in (number.start(),) if number else ():
            match = patterns.heading.match(text, start)
            if match:
                break
        else:
            match = patterns.heading.match(text, clue.start())
        if match and (not matches or match.start() >= matches[-1].end()):
            matches.append(match)
    return matches


def _names_what_follows(text: str, match: re.Match[str], lang: str = ENGLISH) -> bool:
    """Whether a heading word that ends the paragraph with a colon, right after a lower-case word,
    is the sentence's own last word, naming the list the next paragraph holds ("... the variables
    that constitute what we can call Background:"): a heading there heads nothing within the
    paragraph, and taking it for one cut the word from its sentence. The whole word before it is
    lower case ("... Department of Physics, University of Oxford Abstract:" heads the abstract), and
    a word that ends the body or names a section dropped ("... in other settings Acknowledgements:")
    stays a heading: a sentence so rarely ends in one, and what follows is no body text."""
    start = match.start()
    title = match.group("title") or match.group("upper")
    return (
        match.group(0).endswith(":")
        and not text[match.end() :].strip()
        and _LOWER_WORD_BEFORE.search(text, max(0, start - _LOWER_WORD_MAX_CHARS), start) is not None
        and not headings.is_end_matter(title, lang)
        and not headings.is_dropped(title, lang)
    )


# A lower-case word, then one space, right before a heading word (`_names_what_follows`); how far
# back to look for it (a longer word is no sentence's word).
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w’'-])[a-z]+ $")
_LOWER_WORD_MAX_CHARS = 40


def _headings_before_page_breaks(text: str, breaks: list[int]) -> list[tuple[int, int, str]]:
    """(start, end, title) of each heading that ends where a page number was removed.

    The title starts after the last sentence end (". ") before the break, with a capital, holds
    2 to 100 more characters and no other break; the heading's span takes the spaces after it.
    """
    found = []
    for k, at in enumerate(breaks):
        window = max(0, at - HEADING_BEFORE_PAGE_MAX_CHARS - 2)
        end_of_sentence = max(text.rfind(mark, window, at) for mark in ".!?")
        start = end_of_sentence + 2
        if end_of_sentence < 0 or not 3 <= at - start <= HEADING_BEFORE_PAGE_MAX_CHARS:
            continue
        if not text[end_of_sentence + 1].isspace() or not "A" <= text[start] <= "Z":
            continue
        if k and breaks[k - 1] > end_of_sentence:
            continue
        end = at
        while end < len(text) and text[end].isspace():
            end += 1
        found.append((start, end, text[start:at]))
    return found


def _headings(
    text: str, page_breaks: list[int], lang: str = ENGLISH, lowered: Callable[[], bool] | None = None
) -> list[tuple[int, int, str, bool]]:
    """Inline headings as (start, end, title, end_matter_candidate), in order; `lowered` tells
    whether the document is lower-cased (`lines.lower_cased`; without it, `text` alone)."""
    found: list[tuple[int, int, str, bool]] = []
    n = max(1, len(text))
    for match in _inline_heading_matches(text, lang):
        title = match.group("title") or match.group("upper")
        if _names_what_follows(text, match, lang):
            continue
        position = match.start() / n
        if headings.is_end_matter(title, lang):
            years = rules.YEAR.findall(text, match.end(), match.end() + END_MATTER_LOOKAHEAD_CHARS)
            if position < rules.END_MATTER_MIN_POSITION or len(years) < END_MATTER_YEARS_MIN:
                continue
            found.append((match.start(), match.end(), title, True))
            break
        if headings.strip_number(title).lower() == "notes" and position < NOTES_MIN_POSITION:
            continue
        found.append((match.start(), match.end(), title, False))
    more = _lower_or_reference_headings(text, found, lowered or partial(lower_cased, text))
    found = _merged(found, more) if more else found
    # Each kind of heading comes in order and without overlaps, so "inside one already found" is a
    # binary search per kind (not a scan of all found: thousands of headings in a long text).
    glued = [
        (match.start(), match.end(), match.group("title"), False)
        for match in (GLUED_HEADING.finditer(text) if _OPENER_AFTER_WORD.search(text) else ())
        if not _inside(found, match.start())
    ]
    # Numbered, in capitals, in title case (clean.glued; their ends show by English openers). One that
    # starts before a known word takes it in: "Experimental Results", not "Experimental | Results".
    if lang == ENGLISH:
        glued = _merged(glued, [(a, b, title, False) for a, b, title in glued_headings(text) if not _inside(found, a)])
    before_pages = [
        (start, end, title, False)
        for start, end, title in _headings_before_page_breaks(text, page_breaks)
        if not _inside(found, start) and not _inside(glued, start)
    ]
    return sorted([*found, *glued, *before_pages])


def _lower_or_reference_headings(
    text: str, found: list[tuple[int, int, str, bool]], lowered: Callable[[], bool]
) -> list[tuple[int, int, str, bool]]:
    """The lower-case headings of a lower-cased text (LOWER_HEADING; `lowered` tells whether it is
    one) and a reference list's heading before its first numbered entry (REFERENCES_THEN_ENTRY),
    when the other headings did not find one there; each looked for only where a substring shows
    it may stand (most paragraphs hold none)."""
    more: list[tuple[int, int, str, bool]] = []
    if _LOWER_CLUE.search(text) and lowered():
        more.extend((m.start("title"), m.end(), m.group("title"), False) for m in LOWER_HEADING.finditer(text))
    if (found and found[-1][3]) or not ("eferences" in text or "EFERENCES" in text or "ibliography" in text or "Cited" in text):
        return more
    for clue in _REFERENCE_CLUES:
        at = text.find(clue, int(len(text) * rules.END_MATTER_MIN_POSITION))
        while at >= 0:
            match = _reference_heading(text, at)
            if match is not None:
                more.append((match.start(), match.end(), match.group("title"), True))
                return sorted(more)
            at = text.find(clue, at + 1)
    return more


def _reference_heading(text: str, at: int) -> re.Match[str] | None:
    """REFERENCES_THEN_ENTRY at `at` (or with its section number before it), where the entries
    after it show years (END_MATTER_YEARS_MIN within END_MATTER_LOOKAHEAD_CHARS)."""
    number = _NUMBER_BEFORE.search(text, max(0, at - HEADING_NUMBER_MAX_CHARS), at)
    match = REFERENCES_THEN_ENTRY.match(text, number.start() if number else at) or REFERENCES_THEN_ENTRY.match(text, at)
    if match is None:
        return None
    return match if _years_follow(text, match.end()) else None


# A reference list has, on average, a year at least every this many characters of what follows its
# heading (a list whose first entries have none: manuscripts, web sites, before the printed works).
END_MATTER_CHARS_PER_YEAR = 600


def _years_follow(text: str, at: int) -> bool:
    """Whether the text after `at` reads as a reference list by its years: END_MATTER_YEARS_MIN
    within END_MATTER_LOOKAHEAD_CHARS, or as densely (END_MATTER_CHARS_PER_YEAR) in all the rest."""
    if len(rules.YEAR.findall(text, at, at + END_MATTER_LOOKAHEAD_CHARS)) >= END_MATTER_YEARS_MIN:
        return True
    rest = len(text) - at
    years = len(rules.YEAR.findall(text, at))
    return years >= END_MATTER_YEARS_MIN and rest <= years * END_MATTER_CHARS_PER_YEAR


def _merged(spans: list[tuple[int, int, str, bool]], more: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """Both lists of spans (each sorted, not overlapping) in one, sorted and not overlapping: of two
    that overlap, the one that starts first stays."""
    kept: list[tuple[int, int, str, bool]] = []
    for span in sorted([*spans, *more]):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _inside(spans: list[tuple[int, int, str, bool]], at: int) -> bool:
    """Whether `at` falls inside one of `spans` (sorted by start, not overlapping)."""
    k = bisect.bisect_right(spans, at, key=lambda span: span[0]) - 1
    return k >= 0 and at < spans[k][1]


def clean_inline(
    text: Tracked,
    *,
    removed: RemovalLog,
    lang: str = ENGLISH,
    document: Callable[[], str] | None = None,
    used: WordsUsed | None = None,
    words: Callable[[], DocumentWords] | None = None,
    speakers: Callable[[], frozenset[str]] | None = None,
    damage: Callable[[], Damage] | None = None,
    lowered: Callable[[], bool] | None = None,
    opening: bool = True,
) -> list[Piece]:
    """Clean one paragraph (or a whole flattened text) and split it at inline headings.

    A piece that opens the end matter ends the list; the caller logs it and what follows as
    removed (it knows where the input ends). `document` gives the whole document's body text,
    lower-cased, for rejoining words a flattening
    split at a line-end hyphen (`rejoin_flattened_hyphens`; the paragraph alone without it), and
    `used` answers which words it uses, once for all paragraphs (`lines.WordsUsed`);
    `words` the words it uses, for mending split and glued words (`clean.words`), `damage` which
    of these repairs it may need at all (`clean.words.Damage`), and `speakers` the speaker labels of a flattened
    dialogue (`clean.speakers`), and `lowered` whether the document is lower-cased as a whole
    (`lines.lower_cased`); without them, the paragraph's own. `opening` says that no heading
    stands before the paragraph in the document: only there can it open with a title block."""
    breaks: list[int] = []
    text = remove_junk(text, removed, breaks, lang)
    text = text.slice(*stripped_bounds(text.text))
    text = rejoin_flattened_hyphens(text, document, used)
    if "\n" in text.text or "  " in text.text or "\t" in text.text:
        text = text.sub(_SPACE_RUN, " ")
    if damage is None:
        damage = cache(partial(damage_signs, text.text))
    if words is None:
        paragraph, signs = text.text.lower(), damage
        words = cache(lambda: document_words(paragraph, function_words(lang), damaged=signs().split))
    text = mend_words(text, words, damage)
    labels = speakers() if speakers is not None else (speaker_labels(text.text) if lang == ENGLISH else frozenset())
    if labels:
        edits = speaker_label_edits(text.text, labels)
        if edits:
            removed.add_edits("speaker_label", text, edits)
            text = text.apply(edits)
    # Where the removed page numbers stood, in the text as it is now (origins never decrease).
    page_breaks = sorted({int(i) for i in np.searchsorted(text.origin[:-1], breaks)}) if breaks else []
    pieces: list[Piece] = []
    cursor = 0
    pending: tuple[str, tuple[int, int], bool] | None = None
    for start, end, title, end_matter in _headings(text.text, page_breaks, lang, lowered):
        if start < cursor:
            continue
        pieces.append(_piece(text, cursor, start, pending, lang))
        pending = (title, (start, end), end_matter)
        cursor = end
        if end_matter:
            break
    if pending is None or not pending[2]:
        pieces.append(_piece(text, cursor, len(text.text), pending, lang))
    else:
        pieces.append(_piece(text, len(text.text), len(text.text), pending, lang))
    return _drop_front_matter(pieces, removed) if opening else pieces


def _piece(text: Tracked, start: int, end: int, heading: tuple[str, tuple[int, int], bool] | None, lang: str = ENGLISH) -> Piece:
    body = text.slice(*stripped_bounds(text.text, start, end))
    if heading is None:
        return Piece(body)
    title, (a, b), end_matter = heading
    title_text = title.strip(" :.—–-")
    bare = headings.strip_number(title_text)
    # Outside English an abstract word may name a closing section ("5 Zusammenfassung").
    abstract = headings.is_abstract(bare, lang) and (
        lang == ENGLISH or (bare == title_text and a < ABSTRACT_MAX_POSITION * max(1, len(text.text)))
    )
    return Piece(
        body,
        heading=bare,
        kind=headings.section_kind(bare, lang),
        heading_span=text.span(a, b),
        end_matter=end_matter,
        dropped=headings.is_dropped(bare, lang),
        abstract=abstract,
    )


def _drop_front_matter(pieces: list[Piece], removed: RemovalLog) -> list[Piece]:
    """A short stretch before an Abstract or Introduction heading is the title block: drop it.

    Asked only of a paragraph no heading stands before (`clean_inline`'s `opening`): a paragraph
    further on that ends in a heading word ("... what we can call Background:", then a list) is
    body text, which was removed as front matter.
    """
    if len(pieces) < 2 or pieces[0].heading is not None:
        return pieces
    first = pieces[1]
    opens = first.abstract or first.kind == "introduction"
    if opens and len(pieces[0].text.text.split()) <= FRONT_MATTER_MAX_WORDS and pieces[0].text.text:
        removed.add("front_matter", pieces[0].text, 0, len(pieces[0].text.text))
        return pieces[1:]
    return pieces
