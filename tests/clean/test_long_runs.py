"""Long runs of letters cost linear time: a regex search that tries the rest of a run from each of
its letters is quadratic in the run (a line of one 40,000-letter word before a hyphen or an "@"
took 4-5 s to clean, 160,000 letters a minute). Each shortcut answers as the search it replaces."""

from __future__ import annotations

import random
import re

from synopsis.clean import clean_text, rules
from synopsis.clean.lines import _LAST_WORD, _last_word
from test_scaling import cpu_seconds

_OLD_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def test_last_word_before_a_hyphen_as_the_search() -> None:
    pieces = ["ab", "a", "Z", "-", "-", " ", "\t", "\n", "é", "1", ".", "x-", "- ", "-\n"]
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        start = rng.randint(0, len(text))
        end = rng.randint(start, len(text))
        found, expected = _last_word(text, start, end), _LAST_WORD.search(text, start, end)
        same = (found and (found.span(), found.group(1))) == (expected and (expected.span(), expected.group(1)))
        assert same, (text, start, end)


def test_email_search_as_before() -> None:
    pieces = ["ab", "a", ".", "+", "-", "@", "@", " ", "x.y", "_", "é", "(", "1"]
    rng = random.Random(6)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        found, expected = rules.EMAIL.search(text), _OLD_EMAIL.search(text)
        assert (found and found.span()) == (expected and expected.span()), text


def long_word_lines(letters: int) -> str:
    body = "The samples were collected in the field and stored at four degrees before the analysis began.\n\n"
    return body + "A line " + "a" * letters + " -\nnext line.\n\n" + "Contact " + "b" * letters + "@ us\n\n" + body


def test_a_line_of_one_long_word_cleans_in_linear_time() -> None:
    small, large = long_word_lines(5_000), long_word_lines(40_000)
    clean = lambda text: clean_text(text, 0, len(text))  # noqa: E731
    assert cpu_seconds(lambda: clean(large)) / cpu_seconds(lambda: clean(small)) <= 16
