"""Cleaning gaps left from earlier stops: what a reader saw in summaries, each with the input it
came from (SumPubMed subheadings and captions, ScisummNet page breaks and glued words, datelines)."""

from __future__ import annotations

import pytest
from cleaning_helpers import LONG_SENTENCE, body, removed

from synopsis.clean import clean_text
from synopsis.clean.words import missing_space_edits

# A SumPubMed article: lower-cased, its headings in capitals or on lines of their own.
SUMPUBMED = (
    "BACKGROUND\n"
    "infections by marine bacteria are a major problem for the aquaculture industry <cit> . this problem "
    "affects the growth of fish and shellfish during the larval and juvenile stages <cit> .\n\n"
    "methods\n"
    f"{LONG_SENTENCE}\n\n"
    "statistical analysis\n"
    "statistical analysis was conducted using spss <dig> software package. all data were expressed as mean "
    "and compared using the student’s t-test for two groups of animals.\n\n"
    "RESULTS\n"
    "host-symbiont specificity and consistency\n"
    "most of the bacteroidales symbionts were not shared between the host species, as the trees of the "
    "two groups show, and their strains differ from one another.fig. <dig>\n"
    "phylogeny of the symbionts of\n"
    "p. lactiflora\n"
    "and of its relatives. each color shows one host species.\n\n"
    f"{LONG_SENTENCE}\n"
)


def test_a_lower_case_subheading_no_longer_opens_its_paragraphs_first_sentence() -> None:
    # Was: "statistical analysis statistical analysis was conducted using spss ..." and
    # "host-symbiont specificity and consistency most of the bacteroidales symbionts were ...".
    text = body(SUMPUBMED)
    assert "\nstatistical analysis was conducted using spss" in text
    assert "\nmost of the bacteroidales symbionts were" in text
    assert "consistency most" not in text
    assert removed(SUMPUBMED, "subheading") == ["statistical analysis", "host-symbiont specificity and consistency"]
    # It opens no section of its own: the one its heading in capitals opened goes on.
    assert [h.title for h in clean_text(SUMPUBMED).headings if h.title] == ["BACKGROUND", "methods", "RESULTS"]


def test_a_caption_below_its_label_at_a_lines_end_is_removed_with_its_lines() -> None:
    # Was: "... differ from one another.fig. <dig> phylogeny of the symbionts of p. lactiflora and of
    # its relatives. each color shows one host species." ran into the paragraph, and summaries.
    text = body(SUMPUBMED)
    assert "phylogeny" not in text and "each color" not in text
    assert "their strains differ from one another." in text
    assert removed(SUMPUBMED, "caption") == [
        "fig. <dig>\nphylogeny of the symbionts of\np. lactiflora\nand of its relatives. each color shows one host species."
    ]


def test_a_label_alone_before_a_blank_line_stays() -> None:
    text = SUMPUBMED.replace("another.fig. <dig>\nphylogeny", "another.fig. <dig>\n\nphylogeny")
    assert removed(text, "caption") == []


def test_a_mixed_case_text_keeps_its_lower_case_lines_in_their_paragraphs() -> None:
    text = (
        "Introduction\nThe study of symbionts is old, and it is still growing.\n\n"
        "host-symbiont specificity\n"
        "most of the symbionts were not shared between the host species, as the trees of the two groups "
        "show, and their strains differ from one another.\n"
    )
    assert removed(text, "subheading") == []


def test_a_sentence_a_page_break_cut_goes_on_in_its_paragraph() -> None:
    # ScisummNet: a page break (or a figure's words) left between the two halves of a sentence, and
    # the second half stood as a sentence that starts mid-sentence ("of greater lengths by ...").
    text = (
        "Sentence Lengths\n"
        "We have more than 100 sentences of each length less than 81. We estimated the probabilities\n"
        "0 STOP\n"
        "of greater lengths by fitting the observed frequencies of longer sentences to a Poisson tail.\n\n"
        "We then ran the EM algorithm on a large sample of text, which took two days on one machine.\n\n"
        "This allows us to evaluate\n\n"
        "the contribution of each feature to the performance of the classification process as a whole.\n"
    )
    cleaned = body(text)
    assert "We estimated the probabilities of greater lengths by fitting" in cleaned
    assert removed(text, "fragment") == ["0 STOP"]
    assert "This allows us to evaluate\nthe contribution" in cleaned  # a short line: an item of a list, maybe


def test_an_unmarked_place_in_capitals_keeps_its_words() -> None:
    # A place alone before a sentence reads like a run-in heading in capitals ("RELATED WORK The
    # ..."): no place list ships, so it is no dateline, and its words stay (as a heading here).
    text = "LOS ANGELES The city council voted on Tuesday to ban the sale of fur in the city."
    cleaned = clean_text(text)
    assert removed(text, "dateline") == []
    assert [h.title for h in cleaned.headings if h.title] == ["LOS ANGELES"]
    assert body(text) == "The city council voted on Tuesday to ban the sale of fur in the city."


def test_a_dateline_after_a_full_stop_is_removed() -> None:
    # Was: "NEW YORK (Reuters) The governor agreed ..." opened a sentence of the summary.
    text = "The mayor said so on Monday. NEW YORK (Reuters) The governor agreed with the council on Wednesday."
    assert body(text) == "The mayor said so on Monday. The governor agreed with the council on Wednesday."
    assert removed(text, "dateline") == ["NEW YORK (Reuters) "]
    dated = "It was close. WASHINGTON, March 3 — The Senate voted on the bill late on Friday night."
    assert body(dated) == "It was close. The Senate voted on the bill late on Friday night."
    wire = "LONDON (Reuters) - Shares fell sharply on Monday in early trade across the markets."
    assert removed(wire, "dateline") == ["LONDON (Reuters) - "]


def test_capitals_that_are_no_dateline_stay() -> None:
    for text in (
        "We used it. SVM (Support Vector) The model is a linear one.",
        "Scores are given. WAIS-III – Wechsler Adult Intelligence Scale, third edition.",
        "It was close. WASHINGTON — The Senate voted on the bill late on Friday night.",  # a dash alone
    ):
        assert body(text) == text
    # A wire's name that is also an acronym marks a dateline only with a dash: these are run-in
    # headings (headings, not removed text), as "NEW YORK (AP) — The mayor" is a dateline.
    for text in (
        "Results are shown. AVERAGE PRECISION (AP) The metric averages precision over recall levels.",
        "Networks were compared. CONVOLUTIONAL NETWORKS (CNN) The model stacks filters over the input.",
    ):
        assert removed(text, "dateline") == []


_PARAGRAPH = "This is a sentence about the topic that we study in this paper with some care. " * 5


@pytest.mark.parametrize(
    "heading", ["RELATED WORK", "STATISTICAL ANALYSIS", "HYPOTHESES", "PURPOSE", "DATASETS", "PREFACE", "LITERATURE REVIEW"]
)
def test_a_run_in_heading_in_capitals_is_no_dateline(heading: str) -> None:
    # Was: removed as a dateline ("RELATED WORK " gone, its section run into the Introduction).
    text = f"Title\n\nIntroduction\n{_PARAGRAPH}\n{heading} The results of the experiment are described below. {_PARAGRAPH}\n"
    cleaned = clean_text(text)
    assert removed(text, "dateline") == []
    assert heading in [h.title for h in cleaned.headings]
    assert "The results of the experiment are described below." in body(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (f"{_PARAGRAPH}Our results were mixed. DISCUSSION — These findings suggest a trend. {_PARAGRAPH}", "DISCUSSION"),
        (f"{_PARAGRAPH}See Table 2. SVM — Support vector machines are trained on the features. {_PARAGRAPH}", "SVM — "),
        (f"{_PARAGRAPH}We used two. BLEU -- Bilingual evaluation understudy is our metric. {_PARAGRAPH}", "BLEU -- "),
        (f"Title\n\nIntroduction\n{_PARAGRAPH}\nA. The participants were recruited from local schools. {_PARAGRAPH}\n", "A. The"),
        (f"Title\n\nIntroduction\n{_PARAGRAPH}\nII. The model is described in this section. {_PARAGRAPH}\n", "The model"),
        (f"Title\n\nIntroduction\n{_PARAGRAPH}\nUSA The country has a long history of federalism. {_PARAGRAPH}\n", "USA"),
        (f"Title\n\nIntroduction\n{_PARAGRAPH}\nNLP In natural language processing, words come first. {_PARAGRAPH}\n", "NLP"),
        (f"Title\n\nIntroduction\n{_PARAGRAPH}\nGDP The gross domestic product grew by two percent. {_PARAGRAPH}\n", "GDP"),
    ],
    ids=["heading", "glossary", "glossary_double_hyphen", "letter_label", "roman_label", "usa", "nlp", "gdp"],
)
def test_headings_glossary_entries_labels_and_acronyms_are_no_datelines(text: str, kept: str) -> None:
    # Was: "DISCUSSION — ", "SVM — ", "BLEU -- ", "A. ", "II. ", "USA ", "NLP ", "GDP " removed as datelines.
    cleaned = clean_text(text)
    assert cleaned.removed.get("dateline", 0) == 0
    assert kept in body(text) or kept in [h.title for h in cleaned.headings]


def test_the_word_before_a_url_goes_before_an_adjective() -> None:
    # Was: "The data can be downloaded from free of charge by anyone."
    assert body("The data can be downloaded from http://x.org/d free of charge by anyone.") == (
        "The data can be downloaded free of charge by anyone."
    )


def test_a_dotted_code_name_before_a_label_word_gets_no_space() -> None:
    # Was: "the config. Section entries and the docx. Table objects".
    text = (
        "The figure shows the config.Section entries and the docx.Table objects. "
        "In the notebook, plt.Figure objects hold each plot."
    )
    assert missing_space_edits(text) == []
    assert "config.Section entries" in body(text)
    assert "the results. Table 2 lists them" in body("We report the results.Table 2 lists them all.")


# A damaged ScisummNet paper: words split at lost line-end hyphens, and two content words glued.
DAMAGED = (
    "Many lan guages allow free word order, and languages differ in how much. "
    "We train a depen dency parser on the treebank; dependency parsing is fast. "
    "The algo rithm runs in linear time, and the algorithm is simple. "
    "Noise in the labels ends up affectingaccuracy of the parser. "
    "Noise is affecting accuracy less than length is, though length is affecting accuracy too. "
    "Its accuracy is high. "  # (a piece stands alone somewhere: no word split twice, `_apart_and_alone`)
    "The initial ized weights are the initialized ones. "
    "Precision is reported ofthe whole test set."
)


def test_content_words_glued_at_a_lost_space_are_parted_where_the_document_writes_them_apart() -> None:
    # Was: "Noise in the labels ends up affectingaccuracy of the parser."
    text = body(DAMAGED)
    assert "ends up affecting accuracy of the parser" in text
    assert "The initialized weights are the initialized ones." in text  # no "initial ized" made


# Body paragraphs as a PDF gives them (one paragraph a line, headings on lines of their own), each
# long enough to read as body text.
PARAGRAPH = (
    "In the definition of the matrix, we must not forget that the main goal of all technology is to respond "
    "to a need for a group of people. This impact can be measured in several ways that we list below."
)
# A paragraph in mid-document that ends in a heading word naming the list below it (a Future Internet
# article, "Matrix Objectives").
ENDS_IN_A_HEADING_WORD = (
    f"Title of the Study\n\nIntroduction\n\n{PARAGRAPH}\n\n2. Methods\n\n{PARAGRAPH}\n\n"
    "Moreover, this matrix should consider all the effects of a technology's application and the impact on "
    "the different variables that constitute what we can call Background:\n\n"
    f"- Social; - Urban; - Environmental; - Economic.\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n"
)


def test_a_paragraph_in_mid_document_before_a_heading_word_is_no_title_block() -> None:
    # Was: "Moreover, this matrix ... what we can call" removed as front_matter, and "Background"
    # taken for a heading that opened the list's section.
    assert removed(ENDS_IN_A_HEADING_WORD, "front_matter") == ["Title of the Study"]
    assert "that constitute what we can call Background:\n- Social;" in body(ENDS_IN_A_HEADING_WORD)
    # A heading word run into a paragraph further on ends no title block either: only a paragraph
    # no heading stands before may open with one.
    glued = f"Introduction\n\n{PARAGRAPH}\n\nWe kept this sentence in the body. Introduction The next part follows.\n"
    assert removed(glued, "front_matter") == []
    assert "We kept this sentence in the body." in body(glued)


def test_a_heading_word_after_a_name_or_ending_the_body_is_still_a_heading() -> None:
    # Was: only the last letter before the heading word was looked at, so "... in Oxford Methods:"
    # read as a sentence naming the list below it; and "Acknowledgements:" after a lower-case word
    # was no heading, its thanks left in the Discussion.
    def titles(raw: str) -> list[str]:
        return [h.title for h in clean_text(raw).headings]

    named = f"Introduction\n\n{PARAGRAPH} We ran the study of the model in Oxford Methods:\n\nWe recruited forty students.\n"
    assert titles(named) == ["", "Introduction", "Methods"]
    thanks = (
        f"Introduction\n\n{PARAGRAPH}\n\nDiscussion\n\n{PARAGRAPH} Further work is needed in other settings "
        "Acknowledgements:\n\nWe thank the Wellcome Trust for funding grant 12345.\n"
    )
    assert titles(thanks) == ["", "Introduction", "Discussion", "Acknowledgements"]
    assert "in other settings Acknowledgements" not in body(thanks)


def test_a_heading_word_after_body_paragraphs_ends_no_title_block_without_headings() -> None:
    # Was: with no heading before it, "We kept this sentence in the body." removed as front_matter
    # although two long body paragraphs came first: only title-sized text may stand before a title block.
    long_paragraph = f"{PARAGRAPH} {PARAGRAPH}"
    raw = (
        f"{long_paragraph}\n\n{long_paragraph}\n\n"
        f"We kept this sentence in the body. Introduction The next part follows.\n\n{long_paragraph}\n"
    )
    assert removed(raw, "front_matter") == []
    assert "We kept this sentence in the body." in body(raw)
    # A title line kept before the title-block paragraph still lets it open with the title block.
    titled = f"Title of the Study\n\nJohn Smith, University of Leeds. Introduction {long_paragraph}\n"
    assert removed(titled, "front_matter") == ["John Smith, University of Leeds."]


# A numbered list of objectives whose items a PDF's lines cut into paragraphs (a BMC article): the
# lines that name a department go on with the sentence above them.
OBJECTIVES = (
    f"Quality of care in a referral hospital\n\nBackground\n\n{PARAGRAPH}\n\n"
    "The specific objectives were to assess\n\n"
    "1. the organization of patient flow and care within the\n\n"
    "department 2. the stakeholder views and expectations of the quality\n\n"
    f"of care in the Medical Department\n\nMethods\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n\n{PARAGRAPH}\n"
)


def test_a_wrapped_sentence_that_names_a_department_is_no_affiliation() -> None:
    # Was: "department 2. the stakeholder views ..." and "of care in the Medical Department"
    # removed as affiliations (short lines near the top that name a department).
    assert removed(OBJECTIVES, "affiliation") == []
    kept = "within the department 2. the stakeholder views and expectations of the quality of care in the Medical Department"
    assert kept in body(OBJECTIVES)
    # A title block's affiliation is still one.
    block = f"A Study\n\nJane Doe and John Roe\n\nDepartment of Medicine, Kamuzu Central Hospital\n\n{PARAGRAPH}\n"
    assert removed(block, "affiliation") == ["Department of Medicine, Kamuzu Central Hospital"]
    # So is one that goes on in lower case under an affiliation line that ends in a name.
    sri = "Artificial Intelligence Center SRI International\nand Center for the Study of Language Stanford University"
    assert removed(f"A Study\n\nJane Doe\n\n{sri}\n\n{PARAGRAPH}\n", "affiliation") == [sri.split("\n")[1]]


def test_a_day_after_a_lists_label_is_no_footnote_number() -> None:
    # Was: "took place on (1) October 1988, ... (2) January 1989": each day removed as a footnote.
    text = (
        "The most important actions took place on (1) 28 October 1988, the 70th anniversary of the founding of "
        "the republic, (2) 16 January 1989, the 20th anniversary of the suicide, and (3) 29 June 1989."
    )
    assert removed(text, "footnote") == []
    assert "(1) 28 October 1988" in body(text) and "(2) 16 January 1989" in body(text)
    # A footnote number between two sentences still goes.
    assert removed("The offenders were released early. 2 Recently, the courts changed it.", "footnote") == [" 2"]


def test_a_note_number_before_a_month_that_is_a_name_still_goes() -> None:
    # Was: kept as a day ("the year. 3 May and colleagues reported ..."): only a month a year or a
    # mark follows makes a date.
    assert removed("The rate fell over the year. 3 May and colleagues reported the same.", "footnote") == [" 3"]
    assert removed("The board met twice. 14 April Smith, the director, resigned.", "footnote") == [" 14"]
    # A day and its month, with a year or a mark after it, stays.
    assert removed("The vote was held. 5 November 2007 was the day.", "footnote") == []
    assert removed("It ended. 3 May, the day of the vote, was quiet.", "footnote") == []
