"""Words that PDF extraction split or glued, and sentences it glued together.

Text extracted from PDFs (ScisummNet's ACL papers most of all) breaks words at a lost line-end
hyphen or a justified line's spacing ("lan guages", "de pendency"), glues a function word to the
next one ("ofthe", "thePenn") and drops the space after a full stop ("the results.We then"), which
leaves the segmenter one sentence where there are two. A reader's eye mends all of these; a
summary that quotes them looks broken.

Only strong evidence mends a word, and it comes from the document itself (no dictionary ships):
a split word is joined where the document writes the joined word elsewhere, at least as often as
the split form, and where its pieces are not both words that the document uses on their own
(`document_words`). A glued capitalised word is parted where the document uses it on its own too.

Building the evidence for every article took a third of its cleaning time, and most texts have
nothing to mend: one scan of a document's body for the signs of each repair (`damage_signs`) decides which
repairs its paragraphs get at all, and whether the evidence is built.
"""

from __future__ import annotations

import operator
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from ..language import ENGLISH, get_language
from ..stopwords import STOP_WORDS
from .glued import OPENERS
from .tracked import Edit, Tracked

# Lower-case words as the document evidence counts them: runs of the Latin letters a-z, ß-ö and
# ø-ÿ. Found in C (`_tokens`): in a Latin-1 copy of the text (one byte a character; one outside
# Latin-1 becomes "?", no letter) every other byte turns into a space, and the copy is split.
_LETTER_BYTES = bytes(b if 0x61 <= b <= 0x7A or 0xDF <= b <= 0xF6 or b >= 0xF8 else 0x20 for b in range(256))
# A joined word shorter than this is not judged: "in to", "an d" are too short to tell.
SPLIT_JOINED_MIN_CHARS = 6
# Where one piece of a split is a word of the document and the other is not, the word must be a
# fragment (at most this many letters: "al gorithm", "con struction") or the other piece a
# suffix-sized one ("cluster ing", "align ment"): two long pieces where one is a word are more
# likely two words whose joined form is the glue error ("phrase extraction", "phraseextraction").
SPLIT_FRAGMENT_MAX_CHARS = 3
SPLIT_SUFFIX_MAX_CHARS = 4
# Only a document that shows the damage has its splits joined: at least this many splits of two
# pieces that are no words of it ("lan guages", "depen dency"). A clean text has compounds that it
# also writes as one word ("data set" and "dataset", "set up" and "setup", "key words") and at most
# one such pair of rare words ("zebra fish"); on dev, the damaged ScisummNet papers have 10 to 44.
SPLIT_DOCUMENT_MIN_FRAGMENTS = 3
# A split whose piece is a function word ("in formation", "an notated") is joined only where the
# joined word occurs at least this often: "the original" next to one "theoriginal" stays.
SPLIT_FUNCTION_WORD_JOINED_MIN = 2


@dataclass(frozen=True, slots=True)
class DocumentWords:
    """What the whole document tells about its words: how often each lower-case word occurs, and
    the splits ("lan", "guages") whose joined word it writes elsewhere (`document_words`)."""

    counts: Counter[str]
    splits: frozenset[tuple[str, str]]
    function_words: frozenset[str]
    # Words glued at a lost line break ("demonstratethat"), each with where its space goes.
    glued: dict[str, int] = field(default_factory=dict)


def _tokens(document: str) -> list[str]:
    """The words of `document` (`_LETTER_BYTES`), as a regular expression of those letters finds
    them, in less than half its time."""
    return document.encode("latin-1", "replace").translate(_LETTER_BYTES).decode("latin-1").split()


def function_words(lang: str) -> frozenset[str]:
    """The words of `lang` that are words whatever the document says (its stop words)."""
    return STOP_WORDS if lang == ENGLISH else get_language(lang).stop_words


def document_words(document: str, function_words: frozenset[str], *, damaged: bool = True) -> DocumentWords:
    """The word counts of `document` (lower-cased body text) and, where it is `damaged`
    (`Damage.split`), the splits to join and the glued words to part.

    A pair "x y" is a split where "xy" occurs as a word in the document at least as often as the
    pair, and x and y are not both words, in a document that shows the damage
    (SPLIT_DOCUMENT_MIN_FRAGMENTS): a word is a function word, or one the document uses
    outside the splits of this kind (a fragment such as "depen" occurs only in "depen dency" and
    "depen dencies"). A function word as a piece asks for the joined word at least
    SPLIT_FUNCTION_WORD_JOINED_MIN times and more often than the pair ("the need" beside one
    glued "theneed" is no split).
    """
    tokens = _tokens(document)
    counts = Counter(tokens)
    if not damaged:
        return DocumentWords(counts, frozenset(), function_words)
    # Adjacent words whose joined form the document writes (a set of a few, looked up in C), then
    # each such pair counted where it stands as two words with one space between.
    found = set(map(operator.add, tokens, tokens[1:])).intersection(counts)
    parts = [
        (word[:k], word[k:])
        for word in found
        if len(word) >= SPLIT_JOINED_MIN_CHARS
        for k in range(2, len(word) - 1)
        if word[:k] in counts and word[k:] in counts
    ]
    apart = _pairs_apart(document, parts)
    pairs = Counter({pair: n for pair in parts if (n := apart[pair])})
    if not pairs:
        return DocumentWords(counts, frozenset(), function_words)
    likely = {pair: n for pair, n in pairs.items() if counts[pair[0] + pair[1]] >= n}
    uses: Counter[str] = Counter()
    for (left, right), n in likely.items():
        uses[left] += n
        uses[right] += n
    splits = set()
    split_words = set()  # the words written split too ("include" of "in clude")
    fragments = 0  # splits of two pieces that are no words (the damage a clean text never shows)
    for (left, right), n in likely.items():
        left_word = left in function_words or counts[left] > uses[left]
        right_word = right in function_words or counts[right] > uses[right]
        if left_word and right_word:
            continue
        split_words.add(left + right)
        fragments += not (left_word or right_word)
        if left in _PREFIXES:
            continue  # "in formal", "in valid", "on going": joined, they say the opposite or another thing
        whole = counts[left + right]
        if (left in function_words or right in function_words) and (whole < SPLIT_FUNCTION_WORD_JOINED_MIN or whole <= n):
            continue
        if left_word != right_word:
            word, other = (left, right) if left_word else (right, left)
            if len(word) > SPLIT_FRAGMENT_MAX_CHARS and len(other) > SPLIT_SUFFIX_MAX_CHARS:
                continue
        splits.add((left, right))
    if fragments < SPLIT_DOCUMENT_MIN_FRAGMENTS:
        return DocumentWords(counts, frozenset(), function_words)
    pieces: Counter[str] = Counter()  # how often each word stands in a pair whose joined form occurs
    for (left, right), n in pairs.items():
        pieces[left] += n
        pieces[right] += n
    glued = _glued_words(document, counts, pieces, split_words)
    glued.update(_glued_content_words(document, counts, pieces, pairs, split_words, function_words))
    return DocumentWords(counts, frozenset(splits), function_words, glued)


# The words a lost line break glues to the word before or after it that are told by the document
# alone: short function words ("demonstratethat", "ofvariation", "adistributional", "inthis").
_GLUE_WORDS = frozenset(
    "a an the of in to for on by with that and is are as at from this these which we it its or not can has have "
    "was were between either each our their than such".split()
)
_GLUE_MAX_CHARS = max(len(w) for w in _GLUE_WORDS)
_GLUE_TUPLE = tuple(sorted(_GLUE_WORDS))  # for str.startswith and str.endswith, which test in C
# Function words that are also prefixes of words ("atypical", "inefficiency", "notable", "online"):
# never taken off a word's start, where "a typical", "in efficiency" may well be written too.
_PREFIXES = frozenset(("a", "an", "in", "not", "on"))
# The other piece of a glued word has at least this many letters ("onset", "input" stay).
GLUED_PIECE_MIN_CHARS = 4
# A function word taken off a word's end has at least this many letters ("demonstratethat"): two-
# letter ones end too many words ("detector", "format", "basis", "human", "protein").
GLUED_END_MIN_CHARS = 3


def _glued_words(
    document: str,
    counts: Counter[str],
    pieces: Counter[str],
    split_words: set[str],
) -> dict[str, int]:
    """The words of a damaged document (`document_words`) that are two glued: written once, made
    of a function word and a word the document uses on its own (not only as a piece of a pair
    whose joined form it writes, as "clude" of "in clude", `pieces`), whose pair the document also
    writes apart ("demonstratethat" where "demonstrate that" occurs). "another", "inside",
    "forward" stay: their pieces are seldom written apart in the same text; nor is a prefix taken
    for a function word (`_PREFIXES`), nor a word the document writes split (`split_words`)."""
    partings: dict[str, list[tuple[str, str]]] = {}  # each token's ways of parting it, in order of preference
    for token, n in counts.items():
        if n != 1 or len(token) < GLUED_PIECE_MIN_CHARS + 1 or token in STOP_WORDS or token in split_words:
            continue
        if not (token.startswith(_GLUE_TUPLE) or token.endswith(_GLUE_TUPLE)):
            continue  # each way of parting it below takes a function word off its start or its end
        for k in range(1, min(_GLUE_MAX_CHARS, len(token) - GLUED_PIECE_MIN_CHARS) + 1):
            for left, right in ((token[:k], token[k:]), (token[:-k], token[-k:])):
                function, other = (left, right) if len(left) == k and left in _GLUE_WORDS else (right, left)
                if len(left) == k and left in _PREFIXES:
                    continue
                if function is right and len(right) < GLUED_END_MIN_CHARS:
                    continue  # "detector", "factor", "format", "basis": no "detect or", "fact or"
                if function not in _GLUE_WORDS or counts[other] <= pieces[other]:
                    continue
                partings.setdefault(token, []).append((left, right))
    # The first way whose pair the document writes apart.
    apart = _pairs_apart(document, [pair for ways in partings.values() for pair in ways])
    glued = {}
    for token, ways in partings.items():
        first = next((left for left, right in ways if apart[left, right]), None)
        if first is not None:
            glued[token] = len(first)
    return glued


# Two content words glued at a lost space ("affectingaccuracy", "machinetranslation") are parted
# only where the glued word is this long, and each piece at least GLUED_CONTENT_PIECE_MIN_CHARS:
# shorter ones are compounds a text writes as one word ("treebank", "database", "framework",
# "hashtable"), which a document may also write apart once.
GLUED_CONTENT_MIN_CHARS = 10
GLUED_CONTENT_PIECE_MIN_CHARS = 4
# The pair is written apart at least this often, where the glued word is written once: one pair
# apart beside one glued word is as likely a word split at a line's end ("initial ized").
GLUED_CONTENT_APART_MIN = 2


def _glued_content_words(
    document: str,
    counts: Counter[str],
    pieces: Counter[str],
    pairs: Counter[tuple[str, str]],
    split_words: set[str],
    function_words: frozenset[str],
) -> dict[str, int]:
    """The words of a damaged document (`document_words`) that are two content words glued: written
    once, long (GLUED_CONTENT_MIN_CHARS), and parted in exactly one way into two words the document
    uses on their own (not only as pieces of its splits, `pieces`, the pair itself aside: `pairs`,
    nor only in the pair: `_apart_and_alone`) and writes as a pair elsewhere,
    GLUED_CONTENT_APART_MIN times or more ("affectingaccuracy" where "affecting accuracy" occurs
    twice)."""
    partings: dict[str, list[tuple[str, str]]] = {}  # each token's ways of parting it into two words
    for token, n in counts.items():
        if n != 1 or len(token) < GLUED_CONTENT_MIN_CHARS or token in split_words or token in function_words:
            continue
        ways = []
        for k in range(GLUED_CONTENT_PIECE_MIN_CHARS, len(token) - GLUED_CONTENT_PIECE_MIN_CHARS + 1):
            left, right = token[:k], token[k:]
            if left not in counts or right not in counts:  # (a look-up in C; Counter[...] of a missing key is not)
                continue
            own = pairs.get((left, right), 0)
            if counts[left] > pieces.get(left, 0) - own and counts[right] > pieces.get(right, 0) - own:
                ways.append((left, right))
        partings[token] = [(left, right) for left, right in ways if _alone(counts, pieces, left, right)]
    apart = _pairs_apart(document, [pair for ways in partings.values() for pair in ways])
    glued = {}
    for token, ways in partings.items():
        ways = [pair for pair in ways if apart[pair] >= GLUED_CONTENT_APART_MIN]
        if len(ways) == 1:
            glued[token] = len(ways[0][0])
    return glued


def _alone(counts: Counter[str], pieces: Counter[str], left: str, right: str) -> bool:
    """Whether one piece of "left right" at least stands as a word of its own: outside every pair
    whose joined form the document writes, this one included (`pieces`). A word split at a line's
    end twice beside the word written whole once ("sequen tial" x2 and "sequential", "dependen
    cies", "unsuper vised", "coin dexation") is no pair of words: neither piece stands anywhere but
    in splits ("tial" of "poten tial" too). One piece may: "rather" of "rather than", "penn" of
    "penn treebank" stand in the pair alone."""
    return counts[left] > pieces[left] or counts[right] > pieces[right]


# Two words written apart as `_pairs_apart` counts them: a run of the letters `_tokens` counts with
# no letter, digit or hyphen before it, one space, and a run with none after it (`_bounded`). The
# second word is only looked at (not consumed), so "a b c" gives "a b" and "b c".
_LETTER_RUN = "[a-z\u00df-\u00f6\u00f8-\u00ff]+"
_PAIR_APART = re.compile(rf"(?<![^\W_])(?<!-)({_LETTER_RUN} )(?=({_LETTER_RUN})(?![^\W_]|-))")
_PAIR_GROUPS = operator.methodcaller("group", 1, 2)


def _pairs_apart(document: str, wanted: list[tuple[str, str]]) -> Counter[tuple[str, str]]:
    """How often `document` writes each pair ("left", "right") of `wanted` (pieces made of the
    letters `_tokens` counts) as two words with one space between, nothing but a space or a
    punctuation mark other than a hyphen on either side: in one pass over the document, in C. A
    search of the whole document for each pair made a long text's cleaning quadratic (a damaged
    text of 1.6 million words has thousands of pairs: 20 s of 40)."""
    if not wanted:
        return Counter()
    keys = {(left + " ", right) for left, right in wanted}
    found = Counter(filter(keys.__contains__, map(_PAIR_GROUPS, _PAIR_APART.finditer(document))))
    return Counter({(left[:-1], right): n for (left, right), n in found.items()})


def split_word_edits(text: str, words: DocumentWords) -> list[Edit]:
    """The spaces to delete in `text` to join its splits ("lan guages" -> "languages"): each pair
    of words written apart (`_PAIR_APART`) that is a split, in one pass over `text`. A search of
    `text` for each split made a damaged long text's cleaning grow with paragraphs x splits."""
    if not words.splits:
        return []
    splits = words.splits
    return [Edit(m.end(1) - 1, m.end(1)) for m in _PAIR_APART.finditer(text) if (m.group(1)[:-1], m.group(2)) in splits]


# A word as `_bounded` sees one: a run of the letters `_tokens` counts with no letter, digit or
# hyphen before or after it.
_BOUNDED_WORD = re.compile(rf"(?<![^\W_])(?<!-){_LETTER_RUN}(?![^\W_]|-)")


def glued_lower_edits(text: str, words: DocumentWords) -> list[Edit]:
    """The spaces to insert in the glued words of `words` ("demonstratethat" -> "demonstrate
    that"), where `text` writes them as words of their own (`_BOUNDED_WORD`). Each is written once
    in the document, so most paragraphs hold none: a look-up of their words (in C, `_tokens`, which
    finds every bounded word and more) spares them the scan of each word."""
    glued = words.glued
    if not glued or glued.keys().isdisjoint(_tokens(text)):
        return []
    edits = []
    for match in _BOUNDED_WORD.finditer(text):
        cut = glued.get(match.group())
        if cut is not None:
            edits.append(Edit(match.start() + cut, match.start() + cut, " "))
    return edits


def _bounded(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` has no letter, digit or hyphen right before or after it."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before == "-" or after.isalnum() or after == "-")


# A lower-case function word glued to the capitalised word after it ("thePenn Treebank", "toEnglish",
# "inFigure 3"): parted where the document uses the capitalised word on its own. Not "is", "a",
# "get", "set": code names are written so ("isValid", "getName", "aVariance" is an author's symbol).
# A glued form the document writes this often is a name written so ("[theHouse]", a work's title),
# unless its capitalised word is a function word ("inThe Secret Scripture", three times).
GLUED_NAME_MIN = 2
_GLUED_TO_CAPITAL = frozenset("the of in to and for on by from with that at into onto".split())
# Prefixes of code identifiers in camelCase ("forEach", "onClick", "toString", "withStyles",
# "fromJson", "inValue"): before a word other than "The" they are left glued (a paper's code stays as written).
_CODE_PREFIXES = frozenset("in on for to from with at by into onto".split())
# A preposition or conjunction glued to "the" ("ofthe", "inthe", "tothe"): never a word.
_GLUED_TO_THE = frozenset("of in to and for on by from with that at is as into onto over under between about".split())
# Where such a glue may stand: "the" after a letter, a capital word after a lower-case letter (each
# pattern starts with a plain character, which the engine skips to fast; the word before is read
# in Python, `_glued_prefix`).
_THE_AFTER_LETTER = re.compile(r"the(?<=[a-z]the)\b(?!-)")
_CAPITAL_AFTER_LOWER = re.compile(r"([A-Z](?<=[a-z][A-Z])[a-z]{2,})\b(?![.(]\w)")
# Where a _CAPITAL_AFTER_LOWER match may start, found in a Latin-1 copy of the text with each
# capital made "A" (one byte a character, so offsets agree): a scan that skips in C to a literal
# takes a third of the time of one that tests each character against a class.
_CAPITALS = bytes.maketrans(bytes(range(0x41, 0x5B)), b"A" * 26)
_CAPITAL_AFTER_LOWER_AT = re.compile(rb"A(?<=[a-z]A)[a-z]{2}")


def glued_the_edits(text: str) -> list[Edit]:
    """The spaces to insert where a function word was glued to "the" ("ofthe" -> "of the")."""
    return [
        Edit(m.start(), m.start(), " ")
        for m in _THE_AFTER_LETTER.finditer(text)
        if _glued_prefix(text, m.start()) in _GLUED_TO_THE
    ]


def glued_capital_edits(text: str, words: Callable[[], DocumentWords]) -> list[Edit]:
    """The spaces to insert where a function word was glued to the capitalised word after it
    ("thePenn" -> "the Penn"), where the document's evidence (`words`) allows."""
    edits = []
    evidence = None
    for match in _capital_glues(text):
        evidence = words() if evidence is None else evidence
        word = match.group(1).lower()
        glued = _glued_prefix(text, match.start()) + word
        prefix = glued[: len(glued) - len(word)]
        # "inThe Secret Scripture" is no identifier; "thePenn" is parted where the document writes
        # "Penn" alone and "thePenn" once, "onClick" never (`_CODE_PREFIXES`).
        named = prefix not in _CODE_PREFIXES and evidence.counts[word] and evidence.counts[glued] < GLUED_NAME_MIN
        if word == "the" or named:
            edits.append(Edit(match.start(), match.start(), " "))
    return edits


def _capital_glues(text: str) -> list[re.Match[str]]:
    """The _CAPITAL_AFTER_LOWER matches of `text` after a function word that may be glued to them."""
    found = []
    for at in _CAPITAL_AFTER_LOWER_AT.finditer(text.encode("latin-1", "replace").translate(_CAPITALS)):
        match = _CAPITAL_AFTER_LOWER.match(text, at.start())
        if match is not None and _glued_prefix(text, match.start()) in _GLUED_TO_CAPITAL:
            found.append(match)
    return found


def _glued_prefix(text: str, at: int) -> str:
    """The lower-case letters right before `at`, where nothing joins them to a word before them
    ("" where a letter, digit, hyphen or underscore does: "state-ofthe-art", "my_theValue")."""
    start = at
    while start > 0 and "a" <= text[start - 1] <= "z":
        start -= 1
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-_"):
        return ""
    return text[start:at]


# A full stop with no space after it between a lower-case word and a word that opens sentences ("the
# results.We then", "(Nivre et al, 2006).In order"): the segmenter reads one sentence. Not after a
# letter that a stop follows (initials and abbreviations: "e.g.The", "J.Smith", "U.S.Army"), not
# in a name with capitals before its stop ("Art.Similarities", "ProAlign.EF"), not in a dotted
# name or code ("Contingency.Cause.reason", "java.Lang.String"), not after a digit ("3.5", "Figure
# 1.Nodes": a number may be a version or a section). Only before a word that opens sentences
# (`SENTENCE_OPENERS`): a capitalised name after a stop may be a product's ("Art.Similarities"),
# and ".Document Feature" may be a label's; and each space put in moves the summary's sentences.
SENTENCE_OPENERS = frozenset(
    (
        *OPENERS.split("|"),
        *"We Our I Thus Therefore Moreover Furthermore Finally Also Then Next Second Third Note Table Figure Section".split(),
    )
)
MISSING_SPACE = re.compile(r"\.(?<=[a-z]{2}\.|[a-z\d][)\]]\.)(?=([A-Z][a-z]+)\b(?!\.\w|\())")
# What may not stand right before the lower-case word of a MISSING_SPACE: a dotted name's part
# ("www.example.Com"), an address or path, or a capital that makes it a name ("Art.Similarities").
_NOT_BEFORE_WORD = frozenset(".@/\\-_")


def missing_space_edits(text: str) -> list[Edit]:
    """The spaces to insert after a full stop glued to the next sentence (`MISSING_SPACE`)."""
    if "." not in text:
        return []
    return [
        Edit(m.end(), m.end(), " ")
        for m in MISSING_SPACE.finditer(text)
        if m.group(1) in SENTENCE_OPENERS
        and (m.group(1) not in _LABELS or _LABEL_NUMBER.match(text, m.end(1)))
        and _plain_word_before(text, m.start())
    ]


# A label opens a sentence only with its number ("the results.Table 2 lists", "model.Figure 1a
# shows"): before another word it ends a code name ("config.Section entries", "docx.Table objects").
_LABELS = frozenset(("Section", "Table", "Figure"))
_LABEL_NUMBER = re.compile(r"[ \t]+(?:\d|[IVX]+\b|[A-Z]\d{0,2}\b)")


def _plain_word_before(text: str, stop: int) -> bool:
    """Whether the stop at `stop` ends a plain lower-case word (or a bracket): the word's letters
    are lower-case and what stands before it is no part of a name, address or path."""
    if text[stop - 1] in ")]":
        return True
    start = stop
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    word = text[start:stop]
    return word.isalpha() and word.islower() and (start == 0 or text[start - 1] not in _NOT_BEFORE_WORD)


# A piece that no English word is, standing on its own after a space where a PDF split a word
# ("addi tion", "pars ing"): with a function word glued to "the" ("ofthe", "inthe"), the sign that
# a document's words are split or glued (`Damage.split`). Each damaged dev paper shows one of them
# (of the 50 damaged ScisummNet papers, 48 show "tion", 48 "ing", 39 "ofthe" or the like).
SPLIT_PIECES = (" tion", " ing ")


@dataclass(frozen=True, slots=True)
class Damage:
    """Which repairs of `mend_words` a document may need, each told by a sign that one scan of its
    body finds (`damage_signs`). A clean text (the most, by far) shows none, and so pays neither
    for the evidence of its words nor for a scan of each paragraph."""

    # Words split or glued at a lost line break ("lan guages", "demonstratethat"): the document's
    # evidence (`document_words`) is built and judged.
    split: bool
    glued_the: bool  # "ofthe", "inthe"
    glued_capital: bool  # "thePenn", "toEnglish"
    missing_space: bool  # "the results.We then"


def damage_signs(text: str) -> Damage:
    """The repairs that `text` (a document's body) may need (`Damage`)."""
    glued_the = bool(glued_the_edits(text))
    return Damage(
        split=glued_the or any(piece in text for piece in SPLIT_PIECES),
        glued_the=glued_the,
        glued_capital=bool(_capital_glues(text)),
        missing_space=bool(missing_space_edits(text)),
    )


def mend_words(text: Tracked, words: Callable[[], DocumentWords], damage: Callable[[], Damage]) -> Tracked:
    """`text` with its split words joined, its glued function words parted and a space after
    each full stop glued to the next sentence: the repairs whose signs its document shows
    (`damage`). `words` gives the document's evidence, read only where it is needed."""
    signs = damage()
    edits = missing_space_edits(text.text) if signs.missing_space else []
    if signs.glued_the:
        edits.extend(glued_the_edits(text.text))
    if signs.glued_capital:
        edits.extend(glued_capital_edits(text.text, words))
    if signs.split:
        evidence = words()
        edits.extend(split_word_edits(text.text, evidence))
        if evidence.glued:
            edits.extend(glued_lower_edits(text.text, evidence))
    return text.apply(edits) if edits else text
