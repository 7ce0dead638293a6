"""`check_prose`: what is refused as no prose, and what is left to be summarized."""

from __future__ import annotations

import pytest

from synopsis.errors import InputError
from synopsis.ingest.decode import check_prose

SENTENCE = "Mentors met each young man every week and helped him plan his release. "


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("lorem ipsum " * 500, "mostly one word repeated ('lorem': 208 of 416 words)"),
        ("".join(f"{i} {i * 7.3:.2f} {i * 13 % 97}\n" for i in range(2000)), "encoded data such as base64, a table of numbers"),
        (SENTENCE.replace(" ", "") * 100, "text whose spaces were lost?"),
    ],
    ids=["two-words", "numbers", "spaces-lost"],
)
def test_noise_is_refused(text: str, says: str) -> None:
    with pytest.raises(InputError) as caught:
        check_prose(text, source="x.txt")
    assert str(caught.value).startswith("x.txt: does not look like prose: ") and says in str(caught.value)


@pytest.mark.parametrize(
    "text",
    [
        SENTENCE * 50,  # a repeated sentence: its summary is that sentence
        "aGVsbG8gd29ybGQ=" * 50,  # 800 characters of base64: too short to judge
        "word " * 90,  # under 100 words
        SENTENCE * 3 + "mathtype@mtef@5@5@+=" + "feaafiart1ev1aaatcvaufk" * 30 + " " + SENTENCE * 5,  # a blob among prose
    ],
    ids=["repeated-sentence", "short-base64", "few-words", "blob-in-prose"],
)
def test_prose_and_short_texts_pass(text: str) -> None:
    check_prose(text, source="x.txt")


def test_a_paper_that_opens_with_a_table_of_figures_is_prose() -> None:
    # A review: a title, a one-line abstract and a table of 70 rows of figures filled the first
    # characters the check reads, and the paper (120 sentences of prose after it) was refused as no prose.
    rows = "".join(f"{i} {i * 7.3:.2f} {i * 13 % 97} {i * 3.1:.1f} {i % 7}.{i % 10}\n" for i in range(200))
    check_prose("Harbour tables\n\nWe study tides.\n\n" + rows + "\nIntroduction\n\n" + SENTENCE * 120, source="x.txt")


def test_noise_after_a_table_is_still_refused() -> None:
    # The samples further on are read only to find prose: a text that has none anywhere is refused.
    rows = "".join(f"{i} {i * 7.3:.2f} {i * 13 % 97}\n" for i in range(3000))
    with pytest.raises(InputError, match="does not look like prose"):
        check_prose(rows + "word " * 20000, source="x.txt")
