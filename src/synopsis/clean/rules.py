"""Patterns for PDF-extraction junk and section headings, kept as data.

Each pattern says in its name what it catches; the tests in tests/clean keep one real example per
pattern, so a change that stops catching one shows up as a failing case.
"""

from __future__ import annotations

import re

from .. import language
from ..types import SectionKind

# --- characters --------------------------------------------------------------------------------
# Ligatures and odd spaces as PDF extractors emit them; mapped to what a reader typed.
CHAR_MAP: dict[str, str] = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u00a0": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u2004": " ",
    "\u2005": " ",
    "\u2006": " ",
    "\u2007": " ",
    "\u2008": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u202f": " ",
    "\u205f": " ",
    "\u3000": " ",
    "\t": " ",
    "\f": "\n",
    "\v": "\n",
    "\u2028": "\n",
    "\u2029": "\n",
    "\u00ad": "",  # soft hyphen
    "\u200b": "",  # zero-width space
    "\u2060": "",
    "\ufeff": "",
    "\r": "",  # a CRLF's: the \n that follows carries the line break (a lone CR is one: LONE_CR)
}
# Full-width ASCII (U+FF01-FF5E), as East Asian typesetting writes Latin text, digits and marks
# ("Ｔｈｅ ｒｅｓｕｌｔｓ．"): the characters a reader sees. Left as they were, no word was a
# word of any language and no "．" a stop: the whole text was one or two sentences (detection
# reads them so too, `language.FULL_WIDTH`). One character for one, so a `str.translate` that keeps
# the offsets (`Tracked.translate`), not CHAR_MAP's `re.sub`: a text of millions of them took one
# Python call and one Edit each (4M: 32 s and 1.9 GB). "！" and "？" stay: they end a Chinese or
# Japanese sentence without a space after them (data/segment common.json), "!" and "?" do not.
FULL_WIDTH = {wide: narrow for wide, narrow in language.FULL_WIDTH.items() if chr(wide) not in "！？"}
HAS_FULL_WIDTH = re.compile("[\uff02-\uff1e\uff20-\uff5e]")
# CRs that end a line on their own (old Mac files, alone or mixed with LF): a run of them not
# followed by LF or another CR ("\r\r" is a paragraph break). Each is a line break (`as_line_breaks`):
# dropped with the CRs of CRLFs, it glued "the text\rwhich" into "the textwhich" and every line into
# one. "\r\r\n", CRLF converted twice on a Windows round trip, is left to CHAR_MAP, which drops its
# CRs: made "\n\r\n" it was a blank line after every line.
LONE_CR = re.compile(r"\r+(?![\r\n])")


def as_line_breaks(run: re.Match[str]) -> str:
    """A LONE_CR run as as many line breaks: one character for one, so offsets stay."""
    return "\n" * len(run.group())


def lone_crs_as_line_breaks(text: str) -> str:
    """`text` with its lone CRs made line breaks, as cleaning reads them (`lines.normalise_characters`)."""
    return LONE_CR.sub(as_line_breaks, text) if "\r" in text else text


# The zero-width non-joiner and joiner (U+200C, U+200D) are letters' joiners in Persian ("می‌کند"),
# Arabic and the Indic scripts and stay; beside a Latin letter they only break a ligature
# ("Auf‌lage", "of‌fice") and go, as the characters of CHAR_MAP do (`odd_char_replacement`).
JOINERS = "\u200c\u200d"
# PDFium writes a hyphen that a line break made (a soft hyphen) as U+0002: "meth\x02 odological",
# "meth\x02\nodological". It goes with the spaces and the one line break after it, and the word is
# whole again, as a line-end hyphen is joined (`lines._join_lines`). The other C0 control characters
# but tab, LF, VT, FF and CR (a stray NUL in a JSONL string: "with\x00 great") become spaces. A
# control character is no text: neither is listed as removed (as CHAR_MAP's are not).
# (Two patterns: an alternation before the character class made ODD_CHARS's scan of every text more
# than twice as slow; the soft hyphen's runs only where one stands, `lines.normalise_characters`.)
SOFT_HYPHEN_BREAK = re.compile(r"\x02[ \t]*(?:\r?\n[ \t]*)?")
CONTROLS = "\x00\x01\x03-\x08\x0e-\x1f"
ODD_CHARS = re.compile(f"[{CONTROLS}" + "".join(re.escape(c) for c in CHAR_MAP) + JOINERS + "]")
_LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")


def odd_char_replacement(match: re.Match[str]) -> str:
    """What an ODD_CHARS match becomes: CHAR_MAP's replacement, a space for a control character,
    or a joiner kept unless a Latin letter stands beside it."""
    char = match.group(0)
    if char not in JOINERS:
        return CHAR_MAP.get(char, " ")  # (not in the map: a control character)
    text, at = match.string, match.start()
    latin = _LATIN_LETTER.match(text, at - 1) if at else None
    return "" if latin or _LATIN_LETTER.match(text, at + 1) else char


# An apostrophe that a conversion to ASCII wrote as "?" (scisummnet: "the system?s output", "I?m
# sad", "don?t"): a "?" between a word of two letters or more (or "I") and the ending of a
# possessive or a contraction, which a space or a mark follows. A question mark stands before a
# space or a capital, not before "s", "t", "ll", ... and then a word's end; nor does code's ("x?t:f",
# "a?b:c"). Only where a document shows the mangling at least MANGLED_APOSTROPHES_MIN times: one
# such "?" alone may be something else (`lone_mangled_apostrophes` says where it cannot).
MANGLED_APOSTROPHE = re.compile(r"\?(?:(?<=[A-Za-z]{2}\?)|(?<=\bI\?))(?=(?:s|t|ll|re|ve|d|m)(?:[\s.,;!?)\]”’\"']|$))")
MANGLED_APOSTROPHES_MIN = 2
# A lone one is mended only where nothing else can be meant: a possessive "s" or a negation's "n?t"
# after a plain word of three letters or more ("the children?s books", "LIBSVM?s one-versus-one",
# "verbs don?t have"), which a space and a letter, or a mark, follow. Not after a word of one or two
# letters (a question "is it?s", a variable "w?s probability" or "e?t"), nor one a letter, digit or
# other "?" stands right before ("Bszs?s", "(S?s)"): the "?" of a lost glyph.
# (Found from each "?" that an "s" or a "t" follows, the word before it read in Python
# `lone_mangled_apostrophes`: a pattern that starts at a word's first letter tries every letter.)
LONE_MANGLED_APOSTROPHE = re.compile(r"\?(?=[st](?:[ \t]+[A-Za-z]|[.,;:)\]]|$))")
LONE_APOSTROPHE_WORD_MIN_CHARS = 3


def lone_mangled_apostrophes(text: str) -> list[int]:
    """Where in `text` a lone "?" stands for an apostrophe (LONE_MANGLED_APOSTROPHE and the word
    before it: letters only, at least LONE_APOSTROPHE_WORD_MIN_CHARS of them, ending in "n"
    before a "t"; no letter, digit, underscore or "?" right before the word)."""
    found = []
    for match in LONE_MANGLED_APOSTROPHE.finditer(text):
        at = start = match.start()
        while start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
            start -= 1
        word = text[start:at]
        if len(word) < LONE_APOSTROPHE_WORD_MIN_CHARS or (text[at + 1] == "t" and not word.endswith("n")):
            continue
        if start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "_?"):
            found.append(at)
    return found


# Combining marks (accents, Cyrillic titlo, Hebrew points, Arabic harakat, the vowel signs of
# Devanagari and the other Indic scripts, Thaana, Ethiopic, Myanmar ...): part of a word, though not
# \w. The one list, which language detection builds from `unicodedata` (a character-class body).
MARKS = language.MARKS

# --- section headings ----------------------------------------------------------------------------
# Heading words mapped to the section role they announce. Order matters: the first match wins, so
# "results and discussion" is results and "conclusions and future work" is conclusion.
_KIND_WORDS: tuple[tuple[SectionKind, str], ...] = (
    ("introduction", r"introduction|background|motivation|overview|preamble|preliminaries"),
    ("conclusion", r"conclu\w*|concluding remarks|summary|future (?:work|directions)|closing remarks|final remarks|outlook|coda"),
    ("results", r"results?|findings|experiments?|experimental results|evaluation|empirical|performance"),
    ("discussion", r"discussion|analysis|limitations|implications"),
    (
        "methods",
        r"methods?|methodology|materials?|approach|data|dataset|corpus|experimental (?:setup|design|settings?)"
        r"|model|framework|implementation|procedure|design|participants|patients|study (?:design|area|population)"
        r"|statistical analys[ie]s|algorithm|system|setup|architecture",
    ),
)
KIND_PATTERNS: tuple[tuple[SectionKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(rf"\b(?:{words})\b", re.IGNORECASE)) for kind, words in _KIND_WORDS
)
# What every match of a kind's pattern holds once lower-cased: the fixed start of each of its words
# (a test checks them against the patterns). A few substring tests, or one search with case, where
# the patterns above, with case ignored, are tried at every character (`headings.may_name_kind`).
KIND_STEMS: tuple[tuple[SectionKind, tuple[str, ...]], ...] = (
    ("introduction", ("introduction", "background", "motivation", "overview", "preamble", "preliminaries")),
    ("conclusion", ("conclu", "summary", "future ", "closing remarks", "final remarks", "outlook", "coda")),
    ("results", ("result", "findings", "experiment", "evaluation", "empirical", "performance")),
    ("discussion", ("discussion", "analysis", "limitations", "implications")),
    (
        "methods",
        (
            "method", "material", "approach", "data", "corpus", "experimental ", "model", "framework", "implementation",
            "procedure", "design", "participants", "patients", "study ", "statistical analys", "algorithm", "system",
            "setup", "architecture",
        ),
    ),
)  # fmt: skip
# The characters beyond ASCII that a pattern with case ignored takes for an ASCII letter ("İ" and "ı"
# for "i", "ſ" for "s", the Kelvin sign for "k"; a test checks that these are all): a text that holds
# one may match a kind pattern where its lower-cased copy holds no stem.
CASELESS_ASCII_LOOKALIKES = "\u0130\u0131\u017f\u212a"

# Headings after which nothing is body text: the reference list and what follows it.
# It sits at the end: such a heading in the first 30% of a text is something else (some papers put
# "Notes on sources" near the start), for line-structured and flattened text alike. 0.3 was set by
# hand when the rule was written, not tuned.
END_MATTER_MIN_POSITION = 0.3
# A year as reference entries carry it: 1500-2099, optionally "2004a".
YEAR = re.compile(r"\b(?:1[5-9]|20)\d\d[a-z]?\b")
END_MATTER = re.compile(
    r"(?:references?|bibliography|works cited|literature cited|cited literature|reference list"
    r"|references and notes|notes and references|literature|sources cited)",
    re.IGNORECASE,
)
# Headings whose section is not body text, but body text may follow the section.
DROPPED_SECTION = re.compile(
    r"(?:acknowledge?ments?|acknowledge?ment of funding|funding(?: information| statement| sources)?"
    r"|financial support|competing interests?|conflicts? of interests?|declaration of (?:competing )?interests?"
    r"|(?:description of )?authors?\W{0,2}s?\W? roles|role of the funding source"
    r"|disclosure(?: statement)?|authors?[’']?s?[’']? contributions?|contributions|abbreviations|list of abbreviations"
    r"|supplementary (?:material|information|data)|supporting information|additional files?(?: \d{1,3}| <dig>)?"
    r"|electronic supplementary material|acknowledge?ments? and funding|declarations|publisher[’']?s note"
    r"|availability(?: and requirements| of data and materials| of supporting data)?|data availability(?: statement)?"
    r"|code availability|ethics statement|ethical approval|ethics approval(?: and consent to participate)?"
    r"|consent for publication|pre-publication history|authors?[’']?s?[’']? information"
    r"|notes|endnotes|footnotes|author notes?|about the authors?|biographical note|keywords|key words"
    r"|appendix\b.*|appendices\b.*)",
    re.IGNORECASE,
)
ABSTRACT_HEADING = re.compile(r"(?:abstract|summary of the article)", re.IGNORECASE)

# "2", "2.1", "2.1.", "II.", "A." before a heading's words.
HEADING_NUMBER = r"(?:(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?)|(?:[IVX]{1,5}\.)|(?:[A-H]\.))"
NUMBERED_HEADING = re.compile(rf"^{HEADING_NUMBER}\s+(?P<title>\S.*)$")

# Heading vocabulary that may stand glued inside a flattened line ("bail support Introduction
# Mentoring has ..."). Only words that authors use as headings on their own, to keep false hits low.
INLINE_HEADING_WORDS = (
    r"Introduction|Background|Methods|Materials and Methods|Materials and methods|Methodology|Method"
    r"|Results|Findings|Results and Discussion|Discussion|Conclusions?|Concluding Remarks|Concluding remarks"
    r"|Related Work|Related work|Literature Review|Literature review|Previous Work|Experiments"
    r"|Evaluation|Future Work|Limitations|Acknowledge?ments?|References|Bibliography|Works Cited|Notes"
)

# --- junk lines (line-structured text) ---------------------------------------------------------
# (Not started inside a run of its first characters: a search that did tried the whole rest of the
# run from each of its characters, quadratic in a long run without an "@" after it (a line of one
# 40,000-letter word before an "@" took 4 s). A match that starts inside a run starts at its start too.)
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL_ONLY_LINE = re.compile(r"^\s*(?:https?://|www\.|doi:)\S*\s*$", re.IGNORECASE)
KEYWORDS_LINE = re.compile(
    r"^\s*(?:key\s*words?|index terms|subjects?|jel(?: classification)?(?: codes?)?)\b\s*[:.—–-]?", re.IGNORECASE
)
PAGE_NUMBER_LINE = re.compile(r"^\s*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?\s*$", re.IGNORECASE)
CAPTION_LINE = re.compile(
    r"^\s*(?:fig(?:ure)?s?|table|tab|scheme|plate|chart|box|graph|map|diagram|illustration)\.?\s*"
    r"(?:[A-Z]?\d+[A-Za-z]?|[IVX]+)(?:\s*[.:|—–-]|\s*$)",
    re.IGNORECASE,
)
CAPTION_LABEL_LINE = re.compile(
    r"^\s*(?:fig(?:ure)?|table|scheme|plate|box)\.?\s*(?:[A-Z]?\d+[A-Za-z]?|[IVX]+)\s*\.?\s*$", re.IGNORECASE
)
# What follows a caption label line ("Figure 1"): the caption title, then legend paragraphs that
# open with a panel letter, a footnote mark or "Note".
LEGEND_LINE = re.compile(
    r"^\s*(?:\(?[A-Ha-h]\)|[A-H]\.\s|[*†‡§¶]|note\b|notes\b|abbreviations\b|scale bar|source:|panels?\b"
    # What a table's or figure's numbers are: "Values are means ± SE", "Error bars indicate SD",
    # "Mean ± SD of three ..." (PLOS's run to 66 words).
    r"|(?:values|error bars|bars|whiskers|boxes|asterisks)\s+(?:are|represent|indicate|show|denote)\b"
    r"|means?\s*(?:\(\w+\)\s*)?±"
    # A panel's letter with a comma ("A, dorsal view; and B, ...").
    r"|(?-i:[A-H],\s))",
    re.IGNORECASE,
)
# Legend lines that open as running text can: held to LEGEND_LINE_MAX_WORDS words (`lines._roles`).
SHORT_LEGEND_LINE = re.compile(
    # A panel's place: "Top, Random condition.", "Bottom row: reversed images", "Left panel: ...".
    r"^\s*(?:(?:top|bottom|middle|centre|center|upper|lower|left|right|inset)(?:[ -](?:left|right|row|panel|column|image)s?)?"
    r"\s*[,:]\s"
    # "Data are expressed as ..." (and "Data are drawn from the census ...", a paragraph).
    r"|data\s+(?:are|represent|indicate|show|denote)\b"
    # An abbreviation's definition ("PINP: N-terminal propeptide ...") or a footnote's number glued
    # to its text ("1The recovery").
    # (an abbreviation has two capitals: "PINP:", "eGFR:", not "Hypothesis:" or "Results:")
    r"|(?-i:[a-z]?[A-Z]{2}[A-Za-z0-9-]{0,9}:\s|\d{1,2}(?=[A-Z][a-z])))",
    re.IGNORECASE,
)
# A table's footnote on a line of its own anywhere: a mark glued to its text ("*Statistically
# different ...", "†P ≤0.05"), a dagger-like mark, or a starred p-value ("* p < 0.05"); a "* "
# before other text is a list item's bullet. At most FOOTNOTE_LINE_MAX_WORDS words (SumPubMed
# runs a footnote into the body text after it: "* pcr primers ... amplicon pools were ...").
FOOTNOTE_LINE = re.compile(r"^\s*(?:[†‡]|\*+(?=[^\W\d_])(?![^*\n]*\*)|\*+\s*(?i:p\s*[<>≤≥=]))")
FOOTNOTE_LINE_MAX_WORDS = 40
CAPTION_TITLE_MAX_WORDS = 30
# A legend line after a caption is short: a paragraph of running text that happens to open like one
# ("Data are drawn from the census and cover ...", "Hypothesis: growth slowed ...") is body text.
LEGEND_LINE_MAX_WORDS = 25
COPYRIGHT_LINE = re.compile(
    r"^\s*(?:©|\(c\)|copyright\b|this (?:article|work) is licensed|creative commons|received:|accepted:|published(?: online)?:"
    r"|correspondence:|corresponding author|e-?mail:|doi:|issn|isbn|citation:|to cite this article|editor:)",
    re.IGNORECASE,
)
AFFILIATION_WORDS = re.compile(
    r"\b(?:university|universit[éà]|department|dept\.|institute|school of|faculty of|college|laboratory|hospital"
    r"|centre for|center for|research group)\b",
    re.IGNORECASE,
)
MARKUP_LINE = re.compile(r"^\s*</?[a-zA-Z][\w:-]*(?:\s[^<>]*)?/?>\s*$")  # stray XML/TEI tags
INLINE_PARAGRAPH_DROP = re.compile(
    r"^\s*(?:acknowledge?ments?|funding|competing interests|conflicts? of interest|author contributions"
    r"|financial disclosure|data availability)\s*[:.]",
    re.IGNORECASE,
)

# --- inline junk (any text, also flattened) ----------------------------------------------------
# A footnote number stuck to the end of a sentence or clause: "offenders.2 Recently", "(2004),3 the".
# (Each pattern starts with a plain character class and checks what precedes in a lookbehind after
# it: Python's regex engine skips ahead fast to such a first character, not to a lookbehind.)
GLUED_FOOTNOTE = re.compile(
    # One leading set (the engine skips fast to its characters); the lookbehind that holds tells
    # which of the two disjoint kinds of mark was taken.
    r"[.,;:!?”’\"'](?:(?<=[a-z\)\]”’\"'][.,;:!?])(?P<marker>\d{1,3})"
    r"|(?<=[a-z][.,;:!?][”’\"'])(?P<quoted>\d{1,3}))(?=\s|$)"
)
# A number standing alone between two sentences: page numbers and footnote markers of a flattened
# page stream ("(Nellis, 2004). 1 A.L.Hucklesby@... 2 Recently, ..."). Not a day before its month:
# a date after a list's label or a sentence ("took place on (1) 28 October 1988, ... (2) 16 January
# 1989": the days were removed as footnotes). Only a month a year or a mark follows makes a date:
# "... the year. 3 May and colleagues reported ..." is a note number before a name.
_MONTH_NAMES = "January|February|March|April|May|June|July|August|September|October|November|December"
STANDALONE_NUMBER = re.compile(
    rf"[.!?”’\"')\]](?P<marker>\s+(?!(?:0?[1-9]|[12]\d|3[01])\s+(?:{_MONTH_NAMES})(?:\s+\d{{4}}\b|\s*[,;.)]))"
    rf"\d{{1,3}})(?=\s+[A-Z“‘\"(])"
)
# A bracketed note number between two sentences, as DHQ and other web-born texts set endnote
# markers ("... of domain-experts. [1] In the course of the study ..."): it would open the next
# sentence. One inside a sentence ("Afro [1] literary") or before its stop ("[12].") stays.
# (The bracket first, what precedes it checked behind it: the engine skips fast to a "[".)
BRACKETED_NOTE = re.compile(r"\[(?<=[.!?”’\"')]\s\[)\d{1,3}\](?=\s+[A-Z“‘\"(])")
# An address with the footnote number before it; the lookbehinds make the scan start only at the
# beginning of a word instead of retrying inside every word.
EMAIL_WITH_MARKER = re.compile(r"(?:(?<!\S)\d{1,3}\s+)?(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
KEYWORDS_RUN = re.compile(
    r"(?:^|(?<=\s))(?:Key\s*words?|KEYWORDS|Index Terms)\s*[:.—–-]?\s+"
    r"(?P<list>(?:[^\s,;.]+(?:\s+[^\s,;.]+){0,4}\s*[,;·•]\s*){1,15}[^\s,;.]+(?:\s+[a-z][^\s,;.]*){0,3})"
)
# A URL with what announces it: "(accessed 25/03/2013)" style notes go with it, and so do the
# brackets around it, with what else they hold of the kind: "(see URL)", "(e.g., URL)", "(source:
# URL)", "(URL, accessed 22 May 2005)". A URL ends before the punctuation that ends its clause or
# sentence ("... at http://x.org. At various ...": the stop stays, or two sentences would become one).
# (A bracket pair inside a URL is part of it: "wiki/Heat_island_(urban)".)
# A PDF may part a URL after a dot ("http://wacky. sslmit.unibo.it/", "https://github. com/x/y",
# "Statement. html"): the part after the space continues it where it holds a dot between letters, a
# slash or is a file ending (a sentence after a URL does not: "... at http://x.org. The data ...").
# A word with a slash, or a file ending, that a space and a lower-case word follow is a sentence of
# a lower-cased text: "... at http://www.example.org. pdf versions of the manual are ...", "...
# www.example.org. data/ holds the ...".
_URL_PART = r"\.[ ](?=[a-z0-9-]{2,}\.[a-z]{2,}|(?:[a-z0-9-]+/|(?:html?|php|pdf|aspx?|xml|txt)\b)(?![ \t]+[a-z]))"
_URL = rf"(?i:https?://|www\.)(?:[^\s()]|\([^\s()]*\)|{_URL_PART})*(?:\([^\s()]*\)|[^\s.,;:!?'\"”’()\]])"
_URL_BEFORE = r"(?:accessed|retrieved|available at|available from|see|at|e\.g\.,?|cf\.|source|for example,?)"
_URL_AFTER = r"(?:[,;]\s*(?:accessed|retrieved|last (?:viewed|accessed)|viewed)\b[^()]{0,40})?"
# The spaces and tabs before it go too ("at ." is no text): `inline._SpacesBefore` takes them, where
# a leading `[ \t]*` had the engine try the whole at every character. (The bracket first, and what
# stands before it checked behind it: a third faster again.)
URL_WITH_CONTEXT = re.compile(
    rf"\((?<![\w(]\(){_URL_BEFORE}?:?\s*{_URL}{_URL_AFTER}[.,;]?\s*\)"
    rf"|(?<![\w/]){_URL}(?:\s*\(accessed [^)]{{0,30}}\))?"
)
