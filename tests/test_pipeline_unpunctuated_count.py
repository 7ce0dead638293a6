"""`unpunctuated_warning` stops counting words once the long sentences are under their share (issue
19, speed): its answer must be the one the whole count gave, for every mix of sentences."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from synopsis.candidates import CandidateRules
from synopsis.pipeline import UNPUNCTUATED_SHARE, unpunctuated_warning
from synopsis.types import Sentence


def reference_warning(sentences: list[Sentence], long_sentences: list[str], rules: CandidateRules) -> str | None:
    """The warning as it was before: every sentence's words counted."""
    if not long_sentences:
        return None
    long_words = sum(len(text.split()) for text in long_sentences)
    total = sum(len(s.text.split()) for s in sentences)
    if long_words < UNPUNCTUATED_SHARE * total:
        return None
    rest = (
        "the summary is taken from the rest"
        if any(s.candidate for s in sentences)
        else "no sentence is a summary candidate, so the summary is chosen among all its sentences, whatever their length"
    )
    count = len(long_sentences)
    return (
        f"the text has few sentence ends: {long_words:,} of its {total:,} words stand in {count:,}"
        f" sentence{'s' if count != 1 else ''} of over {rules.max_words} words, too long for a summary"
        f" (is its punctuation missing?); {rest}"
    )


def document(lengths: list[int], candidates: list[bool]) -> tuple[list[Sentence], list[str], CandidateRules]:
    rules = CandidateRules(max_words=5)
    sentences = [
        Sentence(i, " ".join(["word"] * n) + ".", 0, 0, 0, 0, candidate)
        for i, (n, candidate) in enumerate(zip(lengths, (candidates + [False] * len(lengths))[: len(lengths)], strict=True))
    ]
    return sentences, [s.text for s in sentences if s.words > rules.max_words], rules


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.integers(0, 12), max_size=20), st.lists(st.booleans(), max_size=12))
@example([6, 6], [])  # all long: the warning, no candidate
@example([6, 6] + [1] * 12, [True])  # exactly half the words long: the warning
@example([6, 6] + [1] * 13, [True])  # just under half: none
@example([1, 1, 1, 1, 1, 1, 1, 6, 6], [])  # the long ones last
def test_the_warning_is_the_one_of_the_whole_count(lengths: list[int], candidates: list[bool]) -> None:
    sentences, long_sentences, rules = document(lengths, candidates)
    found = unpunctuated_warning(sentences, long_sentences, rules)
    expected = reference_warning(sentences, long_sentences, rules)
    assert found == expected
