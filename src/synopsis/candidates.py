"""Which sentences may appear in a summary at all.

Segmentation keeps every sentence (spans must cover the body), but some are never worth
selecting: fragments, formula and table debris, captions, citation lists, headings that survived
cleaning, and sentences copied from the abstract the input already carries (selecting those would
leak the reference into the summary). The thresholds were set by hand in the first version and
have not been tuned since; docs/methods.md ("Candidate sentences") says what each rule catches.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from .clean.rules import MARKS
from .features import UNICODE_TOKEN  # outside English: "größere", "अध्ययन" one word each
from .tokens import ascii_table, lower

# Set by hand, not tuned (no tuning script exists):
MIN_WORDS = 6  # below: fragments and run-in headings ("Cotton yield.")
MAX_WORDS = 100  # above: segmentation failures, lists glued together
MIN_LETTER_SHARE = 0.6  # letters among non-space characters; below: formulas, table rows
ABSTRACT_OVERLAP = 0.7  # share of a sentence's word pairs found in the abstract: a copy of it

# A caption: its label and number ("3", "S2", "4.1"), then a stop or colon, or a capitalised title
# right away (a flattened text's "Figure 1 Relationship between ..."), unless a verb says what the
# figure does: that is body text ("Figure 3 A and B show ...", "Table 2 Kaplan-Meier estimates
# show ..."). "Table 4.1 presents ..." is body text too: the stop of "4.1" ends no label.
_CAPTION = re.compile(
    r"^\s*(?i:fig(?:ure)?s?|table|scheme|plate|box)\.?\s*(?i:[A-Z]?\d+(?:\.\d+)*[A-Za-z]?)"
    r"(?:(?P<stop>\s*[.:|](?!\d))|\s+[A-Z](?:[a-z]|\s))"
)
# A table's or figure's legend run into the body: "Abbreviations: eGFR, estimated glomerular ...",
# "Note: HOMA-IR; homeostasis model ...", "Key: Syn = syntactic features only." (PLOS puts them
# after the caption's text, on the same line; 25 such sentences in the dev articles).
LEGEND_LABEL_CHARS = 24  # "Abbreviations used:" and the spaces around it
_LEGEND = re.compile(r"^\s*(?i:abbreviations?(?: used)?|notes?|key|legend|source)\s*:")
# A legend's list of definitions, two or more: "eGFR, estimated glomerular filtration rate; sGFR,
# standard ...", "A, anterior; B, posterior; and C, dorsal views.", "DT = determiner; IN = ...". What
# is defined is a capital letter or a word with two capitals or a capital and a digit, never a
# sentence's first word ("However, the results ...; Moreover, ..." is prose).
_DEFINED = r"(?:[A-Z]|[\w-]{0,20}[A-Z][\w-]{0,20}[A-Z0-9][\w-]{0,20})\s?[,:=]\s"
_DEFINITIONS = re.compile(rf"^\s*{_DEFINED}[a-z][^;,:=]{{1,79}};\s*(?:and\s+)?{_DEFINED}")
# A legend has no verb of its own: "A, B and C were analysed first; D, E and F later." is prose (a
# review), and so is a definition that opens with a capital ("A, B and C ...").
_AUXILIARY = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|did|does)\b")
_DESCRIBES = re.compile(
    r"\b(?:shows?|showed|presents?|presented|illustrates?|depicts?|compares?|summari[sz]es|lists?|gives?|reports?"
    r"|displays?|plots?|indicates?|reveals?|demonstrates?|contains?|describes?|provides?|highlights?)\b"
)
CAPTION_VERB_CHARS = 60  # where the verb of a sentence about a figure stands
# A formula that segmentation made a sentence: an "=" and fewer than FORMULA_MIN_PROSE_WORDS words
# of prose (three lower-case letters or more, not all capitals, no function's name before its
# bracket; `_NOT_PROSE` left out): "So aw = Lei E Rn.", "Let GC = contract(G, C, s).", "Finally,
# P(NP → DT NN |NP → DT NN) = 4/7." pass the letter share. On dev, 23 candidate sentences are so,
# all formulas or pseudo-code; with two such words a sentence can say something ("Setting µ = 0.5
# reduces to ...", "Our classifiers use m = 18 ...").
FORMULA_MIN_PROSE_WORDS = 2
_PROSE_WORD = re.compile(r"(?<![\w=])[^\W\d_]?[^\W\d_A-Z]{3,}(?![\w(])")
# A section's number opening a sentence: a heading glued to its first sentence ("6.1 Baseline Model
# for Morphological Transformation Probabilities On the first iteration, ...", a PDF that lost the
# heading's line break): its number means nothing in a summary, and the heading's words run into the
# sentence. On dev, 46 candidate sentences open so ("6.1", "5.4.1"), all junk. A number and a stop
# alone ("3. Digital scholarship ...") is not enough: German opens sentences with dates and ordinals
# ("1. Januar 2020 begann ...", "19. Jahrhundert ...", a review); nor a decimal before a unit ("0.5 M
# NaCl was ...", "1.5 T MRI ..."): the word after the number has three letters or more.
_DIGIT_OR_SPACE = frozenset("0123456789 \t\n")
# A one-letter label or a speaker's with a colon opening the sentence: a panel legend ("A: without
# fishing target species and B: …", "a: susceptible; b: …"), a turn of an example dialogue or an
# interview quoted in the text ("Q: When did Elvis Presley die ?", "R: We must bear in mind …",
# "Researcher: No ... not for you?"). None is the authors' own statement; the 25 dev candidates that
# open so are all of these. "Step 1:", "Corollary 2:", "Note:" are not labels here, nor a letter and a
# number ("H1: Perceived usefulness has …", "RQ1: …", "P1:" a proposition or a participant, "T2:
# hyperintense lesions …"): a hypothesis or a research question is the authors' own.
TURN_LABEL_CHARS = 14  # "Interviewee :" and a space
_TURN_LABEL = re.compile(
    r"\s*(?:[A-Za-z]|(?i:researcher|interviewer|interviewee|respondent|participant|moderator|facilitator))"
    r" ?:\s"
)
_NUMBERED_OPENING = re.compile(r"\s*\d{1,2}(?:\.\d{1,2}){1,3}\.?\s+[A-Z][a-z]{2}")
# What may close a sentence after its end mark: quotes and brackets, the German “ ‘ (closing „ ‚),
# French and Spanish » and the German « (closing »), and the full-width closers of Chinese and
# Japanese quotations (a German sentence ending in a quotation, „... ab.“, was no candidate).
_CLOSERS = "\"”’')]“‘»«›‹」』）】》〉"
# The spaces French sets before its closing » (a plain, no-break or narrow no-break space).
_FRENCH_SPACES = " \u00a0\u202f"
# What ends a sentence: ". ! ?" and the sentence ends of other scripts that the segmenter splits at
# (data/segment/common.json): Devanagari । ॥, Arabic ؟, Urdu ۔, Armenian ։, Ethiopic ።, the Greek
# question mark U+037E, the full-width 。！？. (Not "…": a sentence cut off is no candidate.)
SENTENCE_ENDS = frozenset(".!?।॥؟۔։።\u037e。！？")
# Combining marks (the vowel signs of Devanagari and the other Indic scripts, Arabic harakat,
# accents of decomposed text) are part of the words they sit on: letters for the letter share.
_MARK = re.compile(f"[{MARKS}]")
# Dropped before counting (a review): combining marks, which split an Indic word into pieces of one
# or two letters ("आइंस्टीन का प्रसिद्ध सूत्र E = mc² है" was a formula), and superscript digits ("mc²").
_NOT_PROSE = re.compile(f"[{MARKS}\u00b2\u00b3\u00b9\u2070-\u209f]")
_ASCII_LETTERS = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
_DOI = re.compile(r"\bdoi\b")
# ROUGE's English tokens, runs of a-z and 0-9 in the lower-cased text, found by mapping every other
# byte to a space and splitting (in C): about a quarter faster than the pattern `[a-z0-9]+`, the same tokens.
_WORD_BYTES = ascii_table("0123456789abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True, slots=True)
class CandidateRules:
    """Knobs for `rejection` and `copies_abstract`; the defaults are the constants above."""

    min_words: int = MIN_WORDS
    max_words: int = MAX_WORDS
    min_letter_share: float = MIN_LETTER_SHARE
    abstract_overlap: float = ABSTRACT_OVERLAP


def rejection(text: str, rules: CandidateRules = CandidateRules()) -> str | None:
    """Why a sentence may not be selected, or None when it may."""
    words = text.split()
    if len(words) < rules.min_words:
        return "too_short"
    if len(words) > rules.max_words:
        return "too_long"
    visible = len("".join(words))  # the non-space characters: one join in C, not a len() per word
    needed = rules.min_letter_share * visible
    # Counting ASCII letters in the UTF-8 bytes (bytes.translate: a table lookup per byte, several times
    # faster than str.translate) is exact: an ASCII byte is never part of another character. Only a
    # sentence that fails that count (formulas, tables, non-Latin script) gets the slower Unicode count.
    data = text.encode("utf-8", "surrogatepass")
    if len(data) - len(data.translate(None, _ASCII_LETTERS)) < needed and _letters(text) < needed:
        return "symbols"
    if "=" in text and len(_PROSE_WORD.findall(_NOT_PROSE.sub("", text))) < FORMULA_MIN_PROSE_WORDS:
        return "symbols"
    caption = _CAPTION.match(text)
    if caption and (caption.group("stop") or not _DESCRIBES.search(text, caption.end() - 2, caption.end() + CAPTION_VERB_CHARS)):
        return "caption"
    # Each pattern is tried only where its mark is (most sentences have none): a legend's colon within
    # its first words, a definition list's semicolon, a section number's digit.
    if (text.find(":", 0, LEGEND_LABEL_CHARS) >= 0 and _LEGEND.match(text)) or (
        ";" in text and _DEFINITIONS.match(text) and not _AUXILIARY.search(text)
    ):
        return "caption"
    if text[:1] in _DIGIT_OR_SPACE and _NUMBERED_OPENING.match(text):
        return "numbered_heading"
    if text.find(":", 0, TURN_LABEL_CHARS) >= 0 and _TURN_LABEL.match(text):
        return "labelled_turn"
    lowered = text.lower()
    if "@" in text or "http" in lowered or "www." in lowered or ("doi" in lowered and _DOI.search(lowered)):
        return "email_or_url"
    if _last_mark(text) not in SENTENCE_ENDS:
        return "no_sentence_end"
    return None


# A sentence that opens with a lower-case word ("pairs sentences that are translations of one
# another.", "and He eats spaghetti with meat.", "iii) exploring the literature ...") is the tail of
# a sentence cut at a column or page break, an example, or a list item: no summary sentence, where
# the text's sentences open with capitals. 70 of the 10,769 default summary sentences of the dev
# articles outside SumPubMed (which is lower-cased throughout) opened so, one of them not junk
# ("p-values were ...": a letter joined by a hyphen is a term, not a fragment; "head-driven",
# "of-the-art" are the tails of words a cased text capitalises).
_LOWER_OPENING = re.compile(r"(?:[a-z]{2,}(?:-[a-z]+)*|[a-z])(?=[\s,;:.!?()\[\]]|$)")
# Openings that are terms, not fragments (a review): a letter compared with a value ("p < 0.05 was
# ...", "n = 12 patients ..."), Latin phrases ("in vivo", "a priori", "de novo"), name particles
# before a capitalised name ("van Dijk (1988) shows", "van der Waals forces", "van 't Hoff", "de
# l'Hôpital"; "der" and "den" only after one, as "der Mann ging" is a German fragment).
_TERM_OPENING = re.compile(
    r"[a-z]\s?[<>=≤≥≈]"
    r"|(?:in|ex)\s+(?:vivo|vitro|situ|silico|utero|ovo)\b|a\s+(?:priori|posteriori|fortiori)\b|de\s+novo\b"
    r"|(?:de|van|von|da|di|du|le|la|del|della|dos|das|ten|ter|zu)(?:\s+(?:der|den|de|la|los|das))?\s+(?:'t\s+|l['’])?[A-Z]"
)
# A text whose sentences open in lower case this often, or more, is lower-cased (SumPubMed): there
# a lower-case opening says nothing.
LOWER_OPENINGS_MAX_SHARE = 0.5


def opens_lower_case(text: str) -> bool:
    """Whether `text` opens with a lower-case word that is neither a term ("p-values", "mRNA",
    "lme4", "p < 0.05", "in vivo") nor a name particle before a name ("van Dijk")."""
    return _LOWER_OPENING.match(text) is not None and _TERM_OPENING.match(text) is None


def lower_case_fragments(texts: Sequence[str]) -> set[int]:
    """The indices of `texts` (a document's sentences) that open in lower case in a text whose
    sentences open with capitals: fragments (`opens_lower_case`). None in a lower-cased text."""
    lower = upper = 0
    for text in texts:
        first = text[:1]
        lower += first.islower()
        upper += first.isupper()
    if lower == 0 or lower >= LOWER_OPENINGS_MAX_SHARE * (lower + upper):
        return set()
    return {i for i, text in enumerate(texts) if text[:1].islower() and opens_lower_case(text)}


# A turn of speech runs on after its label's sentence ("Interviewee: Our last party, me and my friends
# were at [a park]. So we buy [vodka], we buy a six-pack ..."): the sentences after a labelled turn in
# its paragraph are the speaker's words too, where the paragraph is short enough for a turn (at most
# this many sentences); in a text flattened into one paragraph its end cannot be seen.
TURN_PARAGRAPH_MAX = 8
# Only a speaker's role opens such a turn: a panel legend's letter ("a: ...") is glued to the body
# text that follows it in a flattened paragraph (SumPubMed), which is no legend, and an FAQ's "Q:"
# question is followed by its answer.
_SPEAKER_LABEL = re.compile(r"\s*(?i:researcher|interviewer|interviewee|respondent|participant|moderator|facilitator) ?:\s")


def turn_continuations(texts: Sequence[str], paragraphs: Sequence[int]) -> set[int]:
    """The indices of `texts` (a document's sentences, with their paragraph numbers) that follow a
    speaker's labelled turn (`_SPEAKER_LABEL`) in a paragraph of at most TURN_PARAGRAPH_MAX sentences."""
    turns = [i for i, text in enumerate(texts) if text.find(":", 0, TURN_LABEL_CHARS) >= 0 and _SPEAKER_LABEL.match(text)]
    if not turns:
        return set()
    sizes = Counter(paragraphs)
    found: set[int] = set()
    for turn in turns:
        paragraph = paragraphs[turn]
        if sizes[paragraph] > TURN_PARAGRAPH_MAX:
            continue
        following = turn + 1
        while following < len(texts) and paragraphs[following] == paragraph:
            found.add(following)
            following += 1
    return found


def _last_mark(text: str) -> str:
    """The character before the closing quotes and brackets at the end of `text`: its end mark, if
    it has one ("« ... là-bas. »" has ".": French sets a space before », nothing else does)."""
    text = text.rstrip()
    if text.endswith("»"):
        text = text[:-1].rstrip(_FRENCH_SPACES)
    return text.rstrip(_CLOSERS)[-1:]


def _letters(text: str) -> int:
    """How many letters `text` has, the combining marks on them counted too: a Hindi sentence is a
    third vowel signs, which are no letters to `str.isalpha` (its share fell under 0.6)."""
    return sum(map(str.isalpha, text)) + len(_MARK.findall(text))


def bigrams(text: str, *, unicode: bool = False, lang: str = "en") -> set[tuple[str, str]]:
    """The word pairs of `text`, lower-cased as `lang` writes (`tokens.lower`: Turkish İ/I as i/ı)."""
    return set(pairwise(_words(text, unicode=unicode, lang=lang)))


def _words(text: str, *, unicode: bool, lang: str) -> list[str]:
    """The words that `bigrams` pairs, in order."""
    if unicode:
        return UNICODE_TOKEN.findall(lower(text, lang))
    lowered = text.lower()
    # Non-ASCII characters become "?" and then spaces: a token never spans one, as with the pattern.
    return lowered.encode("ascii", "replace").translate(_WORD_BYTES).decode("ascii").split()


def copies_abstract(
    text: str,
    abstract_bigrams: set[tuple[str, str]],
    rules: CandidateRules = CandidateRules(),
    *,
    unicode: bool = False,
    lang: str = "en",
) -> bool:
    """True when most of the sentence's word pairs occur in the abstract: a copy, not a summary.
    `abstract_bigrams` are `bigrams` of the abstract with the same `unicode` and `lang`."""
    if not abstract_bigrams:
        return False
    return _mostly_in(_words(text, unicode=unicode, lang=lang), abstract_bigrams, rules.abstract_overlap)


def _mostly_in(words: list[str], pairs: set[tuple[str, str]], share: float) -> bool:
    """Whether `share` of the distinct pairs of adjacent `words`, or more, are in `pairs`.

    The sentence's own set of pairs (most of `copies_abstract`'s time) is built only where two
    bounds on its size n leave the answer open: n is at most the number of adjacent pairs, and at
    least the number of distinct words less one (the pairs join all the words). On the dev data
    the bounds settle 99% of the sentences. The ratios are compared as floats, as the exact share
    is: a rounded division is monotone, so a bound that settles the question settles it for the
    exact share too.
    """
    if len(words) < 2:
        return False  # no pairs: nothing copied
    shared = len(pairs.intersection(pairwise(words)))  # distinct: a set
    if not shared:
        return share <= 0.0  # a share of 0: only a threshold of 0 or less is reached
    if shared / (len(words) - 1) >= share:
        return True
    if shared / max(len(set(words)) - 1, 1) < share:
        return False
    return shared / len(set(pairwise(words))) >= share


# A sentence of an article in another language is taken for English (a quotation set as a block, an
# English abstract left in the body) where at least ENGLISH_MIN_HITS of its words are stop words that
# English has and the article's language lacks (written with or without its accents: Romanian "in"
# is "în"), and more than ENGLISH_OVER_OWN times as many as those its language has and English
# lacks. Words between two capitalised words (the sentence's first word aside) do not count: an
# English name inside a sentence of the language holds them ("... a Unified Theory of Acceptance
# and Use of Technology modell ..."). Set by hand: none of the eighteen non-English test articles'
# sentences (tests/data/lang) nor the reviews' 58 sentences naming English constructs or titles in
# twelve languages is taken; 15 of the 17 English sentences of the probe's German paper are.
ENGLISH_MIN_HITS = 3
ENGLISH_OVER_OWN = 3
# Words of scikit-learn's English list that other languages write as often: Latin and Romance
# ("de", "con", "un", "per", "via", "re"), abbreviations, and Dutch "ten", "even", "last" ("Ten
# slotte is de last ... even groot").
_NOT_ONLY_ENGLISH = frozenset(
    {"de", "co", "con", "un", "re", "via", "per", "ie", "eg", "etc", "inc", "ltd", "ten", "even", "last"}
)
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def _inside_name(runs: list[str], i: int) -> bool:
    """Whether the word `runs[i]` stands between two capitalised words: a connector inside an
    English name ("Theory of Planned Behavior", "Collapse and Revival"), which a sentence of any
    language may cite. The sentence's first word is capitalised as a first word ("Proponents of
    Neuro-Linguistic Programming claim ...")."""
    return 1 < i < len(runs) - 1 and runs[i - 1][0].isupper() and runs[i + 1][0].isupper()


def _unaccented(word: str) -> str:
    """`word` without its combining marks ("în" -> "in"): how a text typed without them writes it."""
    return "".join(char for char in unicodedata.normalize("NFD", word) if not unicodedata.combining(char))


@dataclass(frozen=True, slots=True)
class EnglishIn:
    """Tells the English sentences of an article in language `code` (a supported one, not English):
    they are no summary of it, whose reader reads its language (probe: a German paper's block
    quotations in English were most of its summary)."""

    english: frozenset[str]  # English's stop words that the language lacks
    own: frozenset[str]  # the language's stop words that English lacks

    @classmethod
    def of(cls, english: frozenset[str], own: frozenset[str]) -> EnglishIn:
        own = own | {_unaccented(word) for word in own}
        return cls(english - own - _NOT_ONLY_ENGLISH, own - english)

    def __call__(self, text: str) -> bool:
        runs = _LETTER_RUN.findall(text)
        words = [run.lower() for run in runs]
        english = sum(word in self.english and not _inside_name(runs, i) for i, word in enumerate(words))
        return english >= ENGLISH_MIN_HITS and english > ENGLISH_OVER_OWN * sum(map(self.own.__contains__, words))
