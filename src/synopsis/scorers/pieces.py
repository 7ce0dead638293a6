"""A document's sentences cut into word pieces once, for the two models that tokenize all of them.

The phrase model (`scorers.phrases`) reads the `\\w\\w+` runs of the lower-cased sentences, the
bigram model (`scorers.bigrams`) ROUGE's `[a-z0-9]+` runs of the same text. Both lie within the
pieces that one `bytes.translate` and `str.split` (in C) cut the text into at whitespace and at
every ASCII character that is no word character: a piece of ASCII word characters is one phrase
token (when two or more long) and, without "_", one ROUGE token; only the few other pieces (an
accent, a dash or a curly quote inside, an underscore, a single letter) are tokenized one by one.
So each distinct piece is looked at once and numpy spreads its tokens over its occurrences: the
Python work grows with a document's vocabulary, not its length, and the text is lower-cased and
cut once for both models (`document_pieces`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import count, repeat
from operator import contains

import numpy as np
from numpy.typing import NDArray

from ..features import Features
from ..tokens import ascii_table, joined, lower
from ..types import Document

# The ASCII word characters, and NUL (the end-of-text mark, set apart by spaces: a piece of its own).
WORD_BYTES = ascii_table("\x00_0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
# Where `document_pieces` keeps a document's cut in its `Features`.
_KEPT = "_sentence_pieces"


@dataclass(frozen=True)
class Tokens:
    """A tokenizer's tokens of the pieces' texts. `names[k]` is token number k: the distinct pieces
    keep their numbers (one that is no token leaves its number unused), tokens found only inside
    other pieces come after them. `ids` are the tokens in text order, `text` the text of each, and
    `seen` the numbers in the order they first appear in the texts (some more than once)."""

    names: list[str]
    ids: NDArray[np.int64]
    text: NDArray[np.int64]
    seen: NDArray[np.int64]


@dataclass(frozen=True)
class Pieces:
    """The pieces of many texts, lower-cased as `language` writes and joined by NUL.

    `distinct` holds each piece once, by first appearance (the NUL between two texts among them),
    `number` maps a piece to its index there; `ids` are the pieces in text order as those numbers,
    NULs left out, and `text` says which text each comes from. `ascii[i]` says whether `distinct[i]`
    is ASCII, and then it is all word characters (letters, digits, "_") or the NUL.
    """

    distinct: list[str]
    number: dict[str, int]
    ids: NDArray[np.int64]
    text: NDArray[np.int64]
    ascii: NDArray[np.bool_]
    texts: int
    language: str

    def with_underscore(self) -> NDArray[np.bool_]:
        """Whether each distinct piece holds an "_"."""
        return np.fromiter(map(contains, self.distinct, repeat("_")), dtype=bool, count=len(self.distinct))

    def tokens(self, plain: NDArray[np.bool_], split: Callable[[str], list[str]]) -> Tokens:
        """A tokenizer's tokens of the texts, where each `plain` distinct piece is one token, itself,
        and `split` gives the tokens of any other (called once per distinct piece: a few dozen)."""
        others: dict[int, list[int]] = {}
        extra: dict[str, int] = {}  # tokens that are no piece, numbered after the pieces
        for i in np.flatnonzero(~plain).tolist():
            found = split(self.distinct[i])
            known = map(self.number.get, found)
            others[i] = [
                k if k is not None else extra.setdefault(t, len(self.number) + len(extra))
                for k, t in zip(known, found, strict=True)
            ]
        per_piece = plain.astype(np.int64)
        for i, numbers in others.items():
            per_piece[i] = len(numbers)
        start = np.cumsum(per_piece) - per_piece
        flat = np.empty(int(per_piece.sum()), dtype=np.int64)  # each distinct piece's tokens, in piece order
        flat[start[plain]] = np.flatnonzero(plain)
        for i, numbers in others.items():
            flat[start[i] : start[i] + len(numbers)] = numbers
        # Every occurrence of a piece stands for its tokens: the runs of `flat` spread out in text order.
        per = per_piece[self.ids]
        begins = np.repeat(start[self.ids] - (np.cumsum(per) - per), per)
        return Tokens([*self.distinct, *extra], flat[begins + np.arange(begins.size)], np.repeat(self.text, per), flat)


def cut(texts: Sequence[str], language: str) -> Pieces:
    """The pieces of `texts` (see the module's docstring)."""
    lowered = lower(joined(texts), language).replace("\x00", " \x00 ")
    pieces = lowered.encode("utf-8", "surrogatepass").translate(WORD_BYTES).decode("utf-8", "surrogatepass").split()
    # Numbered by first appearance in one C-level pass: a missing piece gets the next number.
    number: defaultdict[str, int] = defaultdict(count().__next__)
    ids = np.fromiter(map(number.__getitem__, pieces), dtype=np.int64, count=len(pieces))
    number.default_factory = None  # from here on an unknown piece is a KeyError, as in a dict
    distinct = list(number)
    is_break = ids == number.get("\x00", -1)
    ascii = np.fromiter(map(str.isascii, distinct), dtype=bool, count=len(distinct))
    return Pieces(distinct, number, ids[~is_break], np.cumsum(is_break)[~is_break], ascii, len(texts), language)


def document_pieces(doc: Document, features: Features) -> Pieces:
    """`cut` of the document's sentences in `features.language`, once per document: the phrase
    model (through the sentence scorer) and the bigram model (through the reranker) both read them.

    Kept in `features`, as its `cached_property` values are, with the very tuple of sentences it was
    cut from: a tuple of frozen sentences cannot change, and any other sentences (another document
    read with the same `Features`) are cut anew. A race of two threads cuts twice, and each gets
    its own, equal, cut."""
    sentences = doc.sentences
    kept = features.__dict__.get(_KEPT)
    if kept is not None and kept[0] is sentences:
        return kept[1]
    pieces = cut([s.text for s in sentences], features.language)
    if type(sentences) is tuple:  # a list could be changed in place: not kept
        features.__dict__[_KEPT] = (sentences, pieces)  # Features is frozen: stored as cached_property does
    return pieces
