"""What the cleaning tests read back from `clean_text`: the body a reader gets, and what was removed
for one reason (shared by the test files of the cleaning gaps and their review fixes)."""

from __future__ import annotations

from synopsis.clean import clean_text


def body(text: str) -> str:
    return "\n".join(block.text.text for block in clean_text(text).blocks)


def removed(text: str, reason: str) -> list[str]:
    return [text[r.start : r.end] for r in clean_text(text).removals if r.reason == reason]


# A long lower-cased SumPubMed-like sentence, for paragraphs that must read as body text.
LONG_SENTENCE = (
    "the cells were grown in medium at 37 °c for two days and then washed twice in buffer before they were "
    "counted under the microscope by two observers who did not know the groups."
)
