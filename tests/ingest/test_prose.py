"""`check_prose`: what is refused as no prose, and what is left to be summarized."""

from __future__ import annotations

import pytest

from synopsis.errors import InputError
from synopsis.ingest.decode import check_prose

SENTENCE = "Mentors met each young man every week and helped him plan his release. "


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("lorem ipsum " * 500, "mostly one word repeated ('lorem': 417 of 833 words)"),
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
