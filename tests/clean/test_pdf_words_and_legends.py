"""Words split or glued by PDF extraction, sentences glued at a lost space, figure legends and table
footnotes, speaker labels and odd reference lists: the junk a cleaning review found in dev
summaries, each on a snippet written like the dev text it came from (ScisummNet, PLOS, DHQ)."""

from __future__ import annotations

import pytest

from synopsis.clean import clean_text
from synopsis.ingest import article_from_text
from synopsis.pipeline import build_document


def body(text: str, **kwargs: object) -> str:
    return "\n".join(block.text.text for block in clean_text(text, **kwargs).blocks)  # type: ignore[arg-type]


# A ScisummNet paper whose PDF text breaks words at lost line-end hyphens, many times over.
DAMAGED = (
    "Many lan guages allow free word order, and languages differ in how much. "
    "We train a depen dency parser on the treebank; dependency parsing is fast. "
    "The algo rithm runs in linear time, and the algorithm is simple. "
    "Each param eter is tuned on held-out data, and every parameter matters. "
    "We demonstratethat the parser is accurate, and we demonstrate that it is fast, as we demonstrate below. "
    "The results are given in thePenn Treebank section, as the Penn Treebank is standard. "
    "Precision is reported ofthe whole test set, and state-ofthe-art systems are compared."
)


def test_words_a_pdf_split_are_joined_where_the_document_writes_them_whole() -> None:
    text = body(DAMAGED)
    assert "Many languages allow" in text and "a dependency parser" in text
    assert "The algorithm runs" in text and "Each parameter is tuned" in text
    assert "We demonstrate that the parser" in text  # glued at a lost line break, parted again
    assert "in the Penn Treebank section" in text and "reported of the whole" in text
    assert "state-ofthe-art" in text  # a hyphenated compound is left as written


def test_a_clean_document_keeps_its_compounds_as_written() -> None:
    # One pair of words whose joined form occurs too is no damage: "data set" and "dataset",
    # "set up" and "setup" are both English.
    text = body("We built a data set by hand. The dataset has 500 items. We set up the setup twice.")
    assert "a data set by hand" in text and "We set up the setup" in text


def test_a_name_written_glued_on_purpose_stays() -> None:
    text = body("In [theHouse] the reader moves through rooms. [theHouse] (Flanagan 2006) is a house of words.")
    assert text.count("[theHouse]") == 2


@pytest.mark.parametrize(
    ("glued", "sentences"),
    [
        ("It is fast on our data.We then tested it on the held-out data.", 2),
        ("It is robust (Nivre et al, 2006).In order to test it, we parsed the corpus.", 2),
        ("The word e.g.The is an abbreviation followed by a capital here.", 1),
        ("The letter was signed by J.Smith in the end of the year.", 1),
        ("The site www.example.Com is a test address of our lab.", 1),
        ("Version 3.5 ships with Figure 1.Nodes added to the diagram.", 1),
        ("The tool Art.Similarities compares paintings by their style.", 1),
    ],
)
def test_a_sentence_glued_to_the_one_before_at_a_lost_space_is_its_own(glued: str, sentences: int) -> None:
    doc = build_document(article_from_text(glued))
    assert len(doc.sentences) == sentences, [s.text for s in doc.sentences]


PLOS = """Effects of flanker orientation on contour detection

Introduction
Contour detection was tested in patients and controls with stimuli as shown in Figure 1.
Figure 1
Example Stimuli.
Top, Random condition. Target contours were presented in a vertical line to the right of fixation.
Bottom right, detail of Orthogonal condition. Flankers are on average oriented orthogonal to the target.
Participants
Twenty eight outpatients took part in the study, and all gave written informed consent.
Table 1
Physical and clinical characteristics of the subjects.
Values are means ± SE; BMI, body mass index; there were no significant differences between groups.
*Statistically different compared to Time 0 (P ≤0.05)
Results
Thresholds were higher in patients than in controls in the parallel condition.
† P ≤0.05 when compared to the basal period.
* We report thresholds for each condition in turn, as in earlier work.
"""


def test_figure_legends_and_table_footnotes_are_no_body_text() -> None:
    cleaned = clean_text(PLOS)
    text = "\n".join(block.text.text for block in cleaned.blocks)
    for legend in ("Top, Random condition", "Bottom right, detail", "Values are means", "Statistically different", "P ≤0.05"):
        assert legend not in text, legend
    assert "Twenty eight outpatients took part" in text and "Thresholds were higher" in text
    assert "* We report thresholds" in text  # a bullet's star opens a list item, not a footnote
    assert cleaned.removed.get("caption", 0) >= 5 and cleaned.removed.get("footnote") == 1


INTERVIEW = (
    "Click for the accompanying audio interview. Julianne Nyhan What are your earliest memories of computing? "
    "Geoffrey Rockwell I remember reading about it in high school. Nyhan And why did it appeal to you? "
    "Rockwell Well, it was a completely different way of viewing computing. Nyhan So what came next? "
    "Rockwell I bought a Mac when I went to graduate school. Nyhan How did the field look then? "
    "Rockwell It was small, and everyone knew everyone else. Rockwell reflects on this at length."
)


def test_speaker_labels_of_a_flattened_interview_go() -> None:
    cleaned = clean_text(INTERVIEW)
    text = body(INTERVIEW)
    assert "Nyhan What" not in text and "Rockwell I remember" not in text and "Nyhan And" not in text
    assert "I remember reading about it in high school." in text and "Well, it was a completely" in text
    assert "Rockwell reflects on this at length." in text  # the name in a sentence stays
    assert cleaned.removed["speaker_label"] >= 7


def test_question_and_answer_labels_go_and_a_lone_label_stays() -> None:
    qa = "We thank the audience. Q: Why SVMs? A: They are strong. Q: And the data? A: It is public. Q: Thanks. A: Sure."
    text = body(qa)
    assert "Q:" not in text and "A:" not in text and "Why SVMs? They are strong." in text
    proof = "Proof Let x be given. We show it. Proof We induct on n. It holds. Proof Let n be one. Done."
    assert "speaker_label" not in clean_text(proof).removed  # one "speaker" is no dialogue


@pytest.mark.parametrize(
    ("before", "first"),
    [
        ("", "42 Entertainment (2004). I Love Bees [online]."),
        ("", "#Alt-Academy (January 2011): online."),
        # notes with URLs before it (a note's number is left), an entry's URL gone after it
        ("[18] http://books.google.com/ngrams [19] http://gdc.gale.com/products/ ", ". Archer, Dawn. Tracing the crime."),
        ("", "Exeter MS 3501 Exeter, Manuscript. Egerton MS 2572 London, Manuscript, British Library. " * 8),
    ],
)
def test_a_flattened_works_cited_list_whose_first_entry_opens_oddly_ends_the_body(before: str, first: str) -> None:
    prose = "The archive grew slowly over the years, as the essay shows in some detail. " * 12
    entries = "Crane, G. Reading (1998). Bolter, J. D. Remediation (2000). Brown, T. J. Palaeography (1993)."
    text = body(f"{prose}{before}Works Cited {first} {entries}")
    assert "Works Cited" not in text and "Crane" not in text


def test_references_in_a_sentence_are_no_reference_list() -> None:
    prose = "The archive grew slowly over the years, as the essay shows in some detail. " * 12
    references = "References to earlier work are many (Crane 1998; Bolter 2000) and all are cited here."
    assert "References to earlier work" in body(prose + references)


def test_flattened_russian_headings_are_found_beside_cyrillic_letters() -> None:
    text = (
        "Корпус газет Иван Петров Аннотация В статье описывается корпус газет. "
        "1. Введение Региональная пресса долгое время оставалась на периферии внимания историков."
    )
    cleaned = clean_text(text, lang="ru")
    assert [h.title for h in cleaned.headings if h.title] == ["Аннотация", "Введение"]
    assert cleaned.abstract == "В статье описывается корпус газет."
    assert body(text, lang="ru") == "Региональная пресса долгое время оставалась на периферии внимания историков."
