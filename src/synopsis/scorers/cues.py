"""Surface cues that abstracts share across fields, kept as data.

Authors announce their contribution in the same few ways whatever the field ("this article
argues", "we show", "our results", "in conclusion", "the aim of this study"); such sentences are
what abstracts are made of. Sentences dense with citations (related work) or with numbers (result
tables in prose) are what abstracts leave out.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
from numpy.typing import NDArray

from ..features import word_counts
from ..language import ENGLISH, get_language
from ..tokens import DOTLESS_I, lower
from ..types import Document

_WORK = r"(?:paper|article|study|work|essay|review|report|chapter|thesis|investigation|analysis|research)"
_ANNOUNCE = (
    r"argues?|examines?|presents?|describes?|shows?|explores?|proposes?|reports?|investigates?|introduces?|discusses?"
    r"|considers?|focuses|addresses|develops?|provides?|outlines?|offers?|uses?|analy[sz]es|demonstrates?|suggests?"
    r"|seeks?|aims?|attempts?|contributes?|evaluates?|compares?|assesses|reviews?|challenges?|questions?|concludes?"
)
CONTRIBUTION_CUES = re.compile(
    # Every cue starts with one of these letters: the lookahead turns most positions away before
    # the long alternation is tried (a fifth faster).
    rf"\b(?=[acdefhiortw])(?:in (?:this|the present|the current) {_WORK}"
    rf"|(?:this|the|the present|the current|our) {_WORK} (?:\w+ )?(?:{_ANNOUNCE})"
    r"|we (?:\w+ )?(?:propose|present|show|find|found|demonstrate|argue|introduce|describe|report|investigate|examine"
    r"|develop|conclude|suggest|observed?|identif(?:y|ied)|provide|evaluate|compare|explore|discuss|study|studied|analy[sz]ed?"
    r"|test(?:ed)?|use[ds]?|apply|applied|obtain(?:ed)?|establish(?:ed)?|achieve[ds]?|outperform)"
    r"|our (?:results|findings|approach|method|analysis|study|experiments|data|model|work|system|framework|proposal)"
    r"|(?:results|findings|data|analyses|experiments|evidence) (?:\w+ )?"
    r"(?:show|suggest|indicate|demonstrate|reveal|support|confirm)"
    r"|in conclusion|to conclude|in summary|to summari[sz]e|we conclude|conclusions? (?:is|are) that"
    r"|the (?:main |primary )?(?:aim|purpose|goal|objective|focus) of (?:this|the present|the current|our)"
    r"|here,? we|these (?:results|findings|data|observations) (?:\w+ )?(?:suggest|indicate|show|demonstrate|support)"
    r"|to (?:the best of )?our knowledge|for the first time|taken together|overall,"
    r"|(?:this|these) (?:result|finding)s? (?:is|are)"
    r"|(?:is|are|was|were) (?:significantly|strongly) (?:associated|correlated|higher|lower|increased|reduced|related))\b",
)  # matched against lower-cased text ("We show", "In conclusion"): far faster than re.IGNORECASE


@cache
def cue_pattern(lang: str = ENGLISH) -> re.Pattern[str] | None:
    """English cues, extended by a supported language's own (its data file); None for an unsupported one."""
    if lang == ENGLISH:
        return CONTRIBUTION_CUES
    if not get_language(lang).supported:
        return None
    own = own_cue_pattern(lang)
    return CONTRIBUTION_CUES if own is None else re.compile(rf"{CONTRIBUTION_CUES.pattern}|{own.pattern}")


@cache
def own_cue_pattern(lang: str) -> re.Pattern[str] | None:
    """A supported language's own cues (its data file) alone; None for English or an unsupported one."""
    language = get_language(lang)
    if language.english or not language.supported or not language.cues:
        return None
    return re.compile(rf"\b(?:{'|'.join(language.cues)})\b")


# "(Smith, 2004)", "[3, 5-7]", "et al"; each alternative opens with a literal character ("\bet al" as
# "e" with the boundary checked behind it), so the engine skips fast to "(", "[" or "e".
CITATION = re.compile(r"\([A-Z][^()]{0,80}?\b(?:1[89]|20)\d\d[a-z]?\)|\[\d+(?:\s*[,–-]\s*\d+)*\]|e(?<=\be)t al\b")


def contribution_cues(doc: Document) -> NDArray[np.float64]:
    """1.0 for sentences that announce a contribution, aim, finding or conclusion, else 0.0.

    One regex pass over all sentences joined by NUL (no cue spans a NUL), not one per sentence
    (two in a language with a dotless i, `tokens.DOTLESS_I`).
    """
    lang = doc.meta.get("language", ENGLISH)
    texts = [s.text.lower() for s in doc.sentences]
    found = np.zeros(len(texts), dtype=np.float64)
    pattern = cue_pattern(lang)
    if not texts or pattern is None:
        return found
    if lang in DOTLESS_I:
        # Two passes: the English cues on English casing ("In conclusion" of an English abstract is
        # "in", not "ın"), the language's own on its casing ("BU ÇALIŞMADA" is "bu çalışmada").
        own = own_cue_pattern(lang)
        found[_sentences_hit(CONTRIBUTION_CUES, texts)] = 1.0
        if own is not None:
            found[_sentences_hit(own, [lower(s.text, lang) for s in doc.sentences])] = 1.0
        return found
    found[_sentences_hit(pattern, texts)] = 1.0
    return found


def _sentences_hit(pattern: re.Pattern[str], texts: list[str]) -> NDArray[np.int64]:
    """Which of the (lower-cased) texts `pattern` finds something in: one pass over them joined by NUL."""
    joined, starts = _joined(texts)
    hits = [match.start() for match in pattern.finditer(joined)]
    return np.searchsorted(starts, hits, side="right") - 1


def citation_counts(doc: Document, cap: int = 3) -> NDArray[np.float64]:
    """Citations per sentence, capped: one citation is normal, a list of them is related work."""
    counts = np.fromiter(
        (len(CITATION.findall(s.text)) if "(" in s.text or "[" in s.text or "et al" in s.text else 0 for s in doc.sentences),
        dtype=np.float64,
        count=len(doc.sentences),
    )
    return np.minimum(counts, cap)


def digit_density(doc: Document, words: NDArray[np.int64] | None = None) -> NDArray[np.float64]:
    """Digits per word: high in result-table prose that abstracts summarise rather than copy.

    `words` are the sentences' whitespace-separated word counts when the caller has them
    (`Features.words`): counting them is a third of this function's cost."""
    texts = [s.text for s in doc.sentences]
    if not texts:
        return np.zeros(0)
    joined, starts = _joined(texts, separator=" ")
    codes = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    digits = np.add.reduceat(((codes >= 48) & (codes <= 57)).astype(np.float64), starts)
    if words is None:
        words = word_counts(texts)
    return digits / np.maximum(words.astype(np.float64), 1.0)


def _joined(texts: list[str], separator: str = "\x00") -> tuple[str, NDArray[np.int64]]:
    """The texts joined by (and ending with) `separator`, and where each one starts in the joined string."""
    lengths = np.fromiter((len(text) + len(separator) for text in texts), dtype=np.int64, count=len(texts))
    starts = np.zeros(len(texts), dtype=np.int64)
    np.cumsum(lengths[:-1], out=starts[1:])
    return separator.join(texts) + separator, starts
