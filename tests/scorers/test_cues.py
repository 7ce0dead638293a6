"""Surface cues: contribution phrases (wherever they stand in the sentence), citations, digits."""

from __future__ import annotations

import numpy as np

from synopsis.scorers.cues import citation_counts, contribution_cues, digit_density
from synopsis.types import Document, Sentence


def _doc(*texts: str) -> Document:
    sentences = tuple(Sentence(i, t, 0, len(t), 0, 0) for i, t in enumerate(texts))
    return Document("d", "\n".join(texts), "", "", sentences, ())


def test_contribution_cues_at_the_start_and_inside_a_sentence() -> None:
    doc = _doc(
        "We show that mentoring rarely reduces offending.",
        "In conclusion, the pilots failed.",
        "Taken together, these data suggest a role for p53.",
        "This article argues that mentoring needs a new theory.",
        "The samples were stored at -80 degrees.",
        "Weshow is not a phrase.",
        "Moreover, we found no effect of age.",
    )
    assert contribution_cues(doc).tolist() == [1, 1, 1, 1, 0, 0, 1]


def test_cues_map_to_the_right_sentence_when_texts_change_length_when_lower_cased() -> None:
    doc = _doc("İİİ İstanbul data were used.", "Our results show a clear trend.", "Nothing to see.")
    assert contribution_cues(doc).tolist() == [0, 1, 0]


def test_citation_counts_are_capped() -> None:
    doc = _doc(
        "Parsing is hard (Smith, 2001).",
        "Many have tried [1, 2] and [3] and [4-6] and Jones et al. too.",
        "No citation here.",
    )
    assert citation_counts(doc).tolist() == [1, 3, 0]


def test_digit_density_is_digits_per_word() -> None:
    doc = _doc("Accuracy rose from 81.2 to 93.5 percent.", "No digits at all here.", "١٢٣ are not ASCII digits.")
    assert np.allclose(digit_density(doc), [6 / 7, 0.0, 0.0])
    assert digit_density(_doc()).shape == (0,)
    assert contribution_cues(_doc()).shape == (0,)
