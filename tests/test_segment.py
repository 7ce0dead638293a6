"""Segmentation: the golden set of hard cases from the dev data, and the span invariants."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from synopsis.segment import sentence_spans

GOLDEN = Path(__file__).parent / "data" / "segmentation_golden.jsonl"
CASES = [json.loads(line) for line in GOLDEN.read_text(encoding="utf-8").splitlines() if line.strip()]
# Known misses (see benchmarks/results/segmenters.md); a fix that makes one pass should remove it here.
KNOWN_FAILURES = 5


def segment(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]


def test_golden_set_is_well_formed() -> None:
    assert len(CASES) >= 200
    for case in CASES:
        assert " ".join(case["sentences"]) == case["text"], case["id"]
    assert len(Counter(case["broke"] for case in CASES)) >= 15


def test_golden_set_accuracy() -> None:
    failures = [case["id"] for case in CASES if segment(case["text"]) != case["sentences"]]
    assert len(failures) <= KNOWN_FAILURES, failures


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Mentoring grew (Newburn and Shiner, 2005). It is popular.", 2),
        ("As shown by Smith et al. (2004) the parser works. We agree.", 2),
        ("See Fig. 2 for details. The results, e.g. the F-score, improve.", 2),
        ("Work by A.L. Hucklesby and E. L. Wincup shows this. Another one.", 2),
        ("Values are given in Appendix A. There are four of them.", 2),
        ("this was shown earlier by lapointe et al. for example in mice.", 1),
        ("the cells were fixed at 4 °c. next, they were washed.", 2),
        ("Compare cf. Figure 1 with the U.S. Government data. It differs.", 2),
        ("We used 3.5% of the data vs. 2.1% in the U.K. sample. The end.", 2),
        ("Heading without a full stop\nThe paragraph starts here. It goes on.", 3),
        ("E. coli was grown overnight. S. cerevisiae was grown too.", 2),
        ("Mentors had no explicit tasks. Taken together the findings suggest little contact.", 2),
        ("Selecting items by hand. Rather, we must employ statistics.", 2),
        ("The yield was approx. Ten percent higher in subsp. Tuberculosis strains.", 1),
    ],
)
def test_hard_cases(text: str, expected: int) -> None:
    assert len(segment(text)) == expected, segment(text)


@given(st.text(alphabet="ab. \nAB?!", max_size=80))
def test_spans_are_ordered_trimmed_and_cover_the_text(text: str) -> None:
    spans = sentence_spans(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end
        assert not text[start].isspace() and not text[end - 1].isspace()
        previous_end = end
    covered = "".join(text[a:b] for a, b in spans)
    assert "".join(text.split()) == "".join(covered.split())
