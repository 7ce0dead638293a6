"""The tokens of many texts in one regex pass, numbered for numpy.

The phrase model counts every sentence's unigrams and bigrams; a regex call and a Counter per
sentence cost more than the counting itself, so it takes all sentences at once: the texts joined
by NUL, one `findall`, the tokens numbered, and numpy from there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray


def joined(texts: Sequence[str]) -> str:
    """The texts joined by NUL, the end-of-text mark. A NUL inside a text becomes a space: the token
    patterns match neither, so the text tokenizes alike."""
    text = "\x00".join(texts)
    if text.count("\x00") != max(0, len(texts) - 1):
        text = "\x00".join(t.replace("\x00", " ") for t in texts)
    return text


@dataclass(frozen=True)
class NumberedTokens:
    """The tokens of many texts: `numbers` maps each token to its number (by first appearance),
    `tokens` holds the numbers in order, `text` which text each one comes from."""

    numbers: dict[str, int]
    tokens: NDArray[np.int64]
    text: NDArray[np.int64]


def numbered_tokens(texts: Sequence[str], token_or_break: re.Pattern[str]) -> NumberedTokens:
    """The tokens `token_or_break` finds in the lower-cased texts; the pattern must also match NUL."""
    return numbered(token_or_break.findall(joined(texts).lower()))


def numbered(stream: list[str]) -> NumberedTokens:
    """`NumberedTokens` of a token stream in which a NUL token ends each text."""
    numbers = {token: i for i, token in enumerate(dict.fromkeys(stream))}
    ids = np.fromiter(map(numbers.__getitem__, stream), dtype=np.int64, count=len(stream))
    is_break = ids == numbers.get("\x00", -1)
    return NumberedTokens(numbers, ids[~is_break], np.cumsum(is_break)[~is_break])
