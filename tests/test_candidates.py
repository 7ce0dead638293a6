"""Which sentences may be selected: each rejection reason on sentences of the kind the dev data has."""

from __future__ import annotations

import json
import re
from importlib import resources
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.candidates import SENTENCE_ENDS, CandidateRules, bigrams, copies_abstract, opens_lower_case, rejection

GOOD = "We show that the parser recovers 91% of the dependencies in the test set."


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (GOOD, None),
        ("Results are shown below.", "too_short"),
        (" ".join(["word"] * 101) + ".", "too_long"),
        ("x = 0.31 ± 0.02 , y = 12.4 ± 1.1 , z = 7 / 9 .", "symbols"),
        ("Figure 3: Accuracy of the parser on the development set by sentence length.", "caption"),
        ("Table 2. Baseline models and their scores on all of the tasks we report.", "caption"),
        # A flattened text's caption has no stop after its number; body text about a figure does not
        # start with a capitalised title.
        ("Figure 1 Relationship between leukocyte mtDNA copy number and telomere length.", "caption"),
        ("Figure 3 A partially completed tree derived depth-first by the parser.", "caption"),
        ("Figure 1 shows the relationship between copy number and telomere length.", None),
        ("Figure 3 A and B show the daily temperature curves for both roof types.", None),
        ("Table 2 Kaplan-Meier estimates show lower survival in the treated group.", None),
        ("Table 4.1 presents details about this dataset and its splits.", None),  # "4.1" is no label's stop
        # A legend run into the body after its caption (plos-journal.pone.0058242).
        ("Abbreviations: eGFR, estimated glomerular filtration rate; CG, Cockcroft-Gault equation.", "caption"),
        ("Note: HOMA-IR; homeostasis model of assessment of insulin resistance.", "caption"),
        ("Key: Syn = syntactic features only, Lex = lexical features only.", "caption"),
        ("Notes on the corpus follow in the next section of this paper.", None),
        ("eGFR, estimated glomerular filtration rate; sGFR, standard glomerular filtration rate.", "caption"),
        ("A, anterior; B, posterior; C, dorsal; and D, right lateral views of the skull.", "caption"),
        ("DT = determiner; IN = preposition or subordinating conjunction; JJ = adjective.", "caption"),
        ("However, the results were clear in every group; Moreover, the effect held later.", None),
        # Panel legends and turns of a dialogue or interview (soc-fqs-lifegrid-interviews.pdf's summary
        # quoted "Researcher: No ... not for you?"; dev: plos-journal.pone.0078761, scisummnet-P03-1003).
        ("A: without fishing target species and B: including all the reef-fish species.", "labelled_turn"),
        ("a: susceptible; b: intermediate resistant; c: resistant to every antibiotic tested.", "labelled_turn"),
        ("Q: When did Elvis Presley die and where was he buried at the time ?", "labelled_turn"),
        ("Researcher: No, you never told me about that year at all, not for you?", "labelled_turn"),
        ("Interviewer : And what did your mother say when you came back home then?", "labelled_turn"),
        ("H1: Perceived usefulness has a positive effect on the intention to use mobile banking.", None),
        ("RQ2: How do the teachers of the three schools use the archive in their lessons?", None),
        ("Step 1: Retrieve the lexical entries for all the words in the sentence first.", None),
        ("Corollary 2: The smaller the effect sizes in a field, the less likely the findings.", None),
        ("In study A: participants read the texts twice before they answered the questions.", None),
        ("A, B and C were analysed together in the first batch; D, E and F were analysed later.", None),
        ("BERT, a transformer encoder, came first; GPT-2, a decoder, was also tested here.", None),
        ("Correspondence should be sent to the first author at j.smith@leeds.ac.uk today.", "email_or_url"),
        ("The corpus can be downloaded from http://example.org/corpus for research use.", "email_or_url"),
        ("The data set used in these experiments is described in the following", "no_sentence_end"),
        ("Это предложение написано по-русски и содержит достаточно слов для проверки.", None),
        ("We ask whether the parser recovers the dependencies of the test set?", None),
        ('The authors called this effect "the curse of length in parsing."', None),
    ],
)
def test_rejection_reasons(text: str, reason: str | None) -> None:
    assert rejection(text) == reason


def test_rules_are_knobs() -> None:
    assert rejection("Results are shown below.", CandidateRules(min_words=3)) is None
    assert rejection(GOOD, CandidateRules(max_words=5)) == "too_long"


def test_a_sentence_copied_from_the_abstract_is_not_a_candidate() -> None:
    abstract = bigrams("In this paper we show that the parser recovers 91% of the dependencies in the test set.")
    assert copies_abstract(GOOD, abstract)
    assert not copies_abstract("Dependency parsers are trained on treebanks of news text in English.", abstract)
    assert not copies_abstract(GOOD, set())  # no abstract given: nothing to leak
    assert not copies_abstract(GOOD, abstract, CandidateRules(abstract_overlap=1.01))


# ASCII letters and digits of both cases, separators, accented and combining letters, a dotted
# capital that lower-cases to two code points, the Kelvin sign (lower-cases to ASCII "k"), a lone
# surrogate, NUL.
_MIXED = st.text(alphabet=st.sampled_from(list("aZ09_ .,-'\x00\t\u00e9\u00c9\u0301\u0130\u212ax\ud800\u2019")), max_size=40)


@settings(max_examples=500, deadline=None)
@given(_MIXED)
def test_english_bigrams_are_those_of_the_rouge_token_pattern(text: str) -> None:
    # The split-first tokenizer must find exactly the runs of [a-z0-9] in the lower-cased text.
    assert bigrams(text) == set(pairwise(re.findall(r"[a-z0-9]+", text.lower())))


@pytest.mark.parametrize(
    "text",
    [
        "यह अध्ययन दिखाता है कि जलवायु परिवर्तन भारत की खाद्य सुरक्षा के लिए गंभीर खतरा है।",  # also: vowel signs are letters
        "हमने कृषि मंत्रालय से हर ज़िले की वार्षिक उपज के आँकड़े लिए॥",
        "هل يتأثر إنتاج القمح في مصر بارتفاع درجات الحرارة في الربيع؟",
        "یہ مطالعہ پاکستان میں گندم کی پیداوار پر درجہ حرارت کے اثر کا تجزیہ کرتا ہے۔",
        "Πώς επηρεάζει η θέρμανση την απόδοση του σιταριού στα ελληνικά χωράφια\u037e",
        "Այս ուսումնասիրությունը վերլուծում է ջերմաստիճանի ազդեցությունը ցորենի բերքատվության վրա։",
        "ይህ ጥናት በኢትዮጵያ የስንዴ ምርት ላይ የሙቀት መጠን ያለውን ተጽዕኖ ይተነትናል በዝርዝር ያሳያል።",
        "This sentence ends with a full-width stop as a pasted quotation might do。",
    ],
)
def test_sentence_ends_of_other_scripts_end_a_candidate(text: str) -> None:
    """Only ". ! ?" ended a sentence: no Hindi sentence ("।") was a candidate, and the Hindi summary
    was the title, the author line and a reference entry."""
    assert rejection(text) is None


def test_the_candidate_ends_are_the_segmenters_terminals() -> None:
    """A sentence the segmenter ends at a mark is complete; "…" ends one that was cut off."""
    common = json.loads((resources.files("synopsis") / "data" / "segment" / "common.json").read_text(encoding="utf-8"))
    terminals = set(common["terminals"] + common["unspaced_terminals"])
    assert terminals - {"…"} == SENTENCE_ENDS
    assert rejection("The data set used in these experiments is described in the following …") == "no_sentence_end"


@pytest.mark.parametrize(
    "text",
    [
        "Goethe schrieb 1787 an Herder einen langen Brief über die Reise: „Ich reise morgen nach Rom ab und bleibe lange.“",
        "Goethe schrieb 1787 an Herder einen Brief, in dem er den Plan nennt: »Ich reise morgen nach Rom ab und bleibe.«",
        "Il écrit à son frère une phrase restée célèbre : « Je pars demain pour Rome et je resterai longtemps là-bas. »",
        "Il écrit à son frère une phrase restée célèbre : « Je pars demain pour Rome et je resterai longtemps là-bas.\u202f»",
        "Borges escribió a su hermana una frase famosa: «Siempre imaginé que el Paraíso sería una especie de biblioteca.»",
        "He wrote to Herder about the journey, in words that are often quoted: „Ich reise morgen nach Rom ab.“",
    ],
    ids=["de-low-9", "de-guillemets", "fr-space", "fr-narrow-space", "es", "en-german-quote"],
)
def test_a_sentence_ending_in_a_quotation_of_its_language_is_a_candidate(text: str) -> None:
    """Before: only " ” ’ ' ) ] closed a sentence, so a German sentence ending in „...“ or »...«, a
    French one in « ... » and a Spanish one in «...» was 'no_sentence_end': never in a summary."""
    assert rejection(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "We employ the quadratic kernel ( F *Y? )",  # a space before ")" is no French »
        "The policies require that researchers deposit the data that underlie all published figures;",
    ],
)
def test_a_question_mark_in_debris_or_a_semicolon_ends_no_candidate(text: str) -> None:
    assert rejection(text) == "no_sentence_end"


def test_a_turkish_copy_of_the_abstract_in_capitals_is_a_copy() -> None:
    """Capitals "İNSAN" and "IŞIK" pair with "insan" and "ışık" (before: "i̇nsan" and "işik" matched nothing)."""
    abstract = bigrams("Işık kirliliği insan sağlığını uykusuzluk yoluyla etkiler.", unicode=True, lang="tr")
    assert copies_abstract("IŞIK KİRLİLİĞİ İNSAN SAĞLIĞINI UYKUSUZLUK YOLUYLA ETKİLER.", abstract, unicode=True, lang="tr")


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("p < 0.05 was considered significant in every test.", False),
        ("n = 12 patients were followed for a year.", False),
        ("lme4 was used for the mixed models.", False),
        ("word2vec embeddings were trained on the corpus.", False),
        ("in vivo experiments confirmed the effect.", False),
        ("a priori power analysis set the sample size.", False),
        ("van der Waals forces hold the layers together.", False),
        ("van 't Hoff derived the equation for dilute solutions.", False),
        ("das Neves et al. reported the same effect in mice.", False),
        ("zu Guttenberg resigned in the following year.", False),
        ("der Mann ging nach Hause.", True),
        ("ten patients were excluded from the analysis.", True),
        ("and He eats spaghetti with meat.", True),
    ],
)
def test_a_term_or_a_name_opening_in_lower_case_is_no_fragment(text: str, fragment: bool) -> None:
    """A review of the lower-case rule found real sentences lost: a letter compared with a value, a
    name with a digit, a Latin phrase; and any word after a particle spared ("ten patients", "der")."""
    assert opens_lower_case(text) is fragment


@pytest.mark.parametrize(
    "text",
    [
        "So aw = Lei E Rn.",  # scisummnet-P13-1045: a formula the segmenter made a sentence
        "Let GC = contract(G, C, s).",
        "Finally, P(NP → DT NN |NP → DT NN) = 4/7.",
    ],
)
def test_a_formula_with_an_equals_sign_and_no_prose_is_no_candidate(text: str) -> None:
    """Before: their letters passed the letter share, so "So aw = Lei E Rn." was in a default summary."""
    assert rejection(text) == "symbols"


@pytest.mark.parametrize(
    "text",
    [
        "Setting µ = 0.5 reduces to equation (10).",
        "Our classifiers use m = 18 conditioning variables.",
        "The association (n=48) visually makes sense.",
    ],
)
def test_a_sentence_with_an_equals_sign_and_prose_stays_a_candidate(text: str) -> None:
    assert rejection(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "6.1 Baseline Model for Morphological Transformation Probabilities On the first iteration, no root is known.",
        "5.4.2 Ensemble-Based Approaches Dredze et al (2007) trained a diverse set of parsers in order to improve.",
    ],
)
def test_a_sentence_opening_with_a_section_number_is_no_candidate(text: str) -> None:
    """Before: a heading glued to its first sentence ("6.1 Baseline Model ... On the first ...") was selected."""
    assert rejection(text) == "numbered_heading"


@pytest.mark.parametrize(
    "text",
    [
        "2 Education was significantly higher among the healthy control group than among the patients.",
        "2.5 million people were screened in the first year of the programme.",
        "In 2012, 3.5 Mb of sequence was read from each of the samples.",
        # A review: German opens sentences with dates and ordinals; a decimal stands before a unit.
        "1. Januar 2020 begann die Pandemie auch in den kleinen Gemeinden des Landes.",
        "19. Jahrhundert und 20. Jahrhundert kannten beide diese Form der Verwaltung.",
        "0.5 M NaCl was added to the nutrient solution before the roots were harvested.",
        "1.5 T MRI scans of the roots were acquired on the second day of the trial.",
        "3. Digital scholarship is uneasy about the significance of representation in forming models.",
    ],
)
def test_a_number_without_a_section_stop_opens_a_candidate(text: str) -> None:
    assert rejection(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "आइंस्टीन का प्रसिद्ध सूत्र E = mc² है, जो ऊर्जा और द्रव्यमान का संबंध बताता है।",
        "Einstein's E = mc² is the best known formula in physics.",
    ],
)
def test_a_sentence_around_a_formula_in_any_script_is_no_formula(text: str) -> None:
    """A review: the vowel signs of Devanagari split its words into pieces too short to count as prose."""
    assert rejection(text) is None


def test_every_rejection_reason_is_one_the_outputs_name() -> None:
    """`-o scores` and the server say why a sentence is no candidate from NOT_CANDIDATE_REASONS
    (docs/methods.md lists them): a reason added to `rejection` must be added there too."""
    import inspect

    from synopsis import candidates
    from synopsis.types import NOT_CANDIDATE_REASONS

    returned = set(re.findall(r'return "(\w+)"', inspect.getsource(candidates.rejection)))
    assert "caption" in returned and returned <= set(NOT_CANDIDATE_REASONS)


def test_a_quoted_interview_turn_runs_on_to_the_end_of_its_paragraph() -> None:
    """soc-fqs-lifegrid-interviews.pdf's default summary quoted a participant's words that followed
    a labelled turn ("Researcher: You were five ... Interviewee: No ... And we drink the six-packs
    first."): the rest of a speaker's turn in its paragraph is no candidate, a legend's letter
    glued to body text ("a: ..." in SumPubMed) and a long paragraph are left alone."""
    from synopsis.candidates import TURN_PARAGRAPH_MAX, turn_continuations

    texts = [
        "We interviewed the mothers and their children about the events of the last year.",
        "Interviewee: Our last party, me and my friends were at a park near the river.",
        "So we buy vodka, we buy a six-pack of ciders and we go to the park.",
        "Yah those are the three things we bought and we go chill at the park.",
        "Researcher: How many of you were there that night at the park?",
        "This reflection offered us insights beyond the time-related associations of events.",
        "a: all assays were performed in the standard conditions of the first run.",
        "the activity measured without additional reagents was taken as one hundred percent.",
    ]
    paragraphs = [0, 1, 1, 1, 2, 3, 4, 4]
    assert turn_continuations(texts, paragraphs) == {2, 3}
    long = [texts[1], *[texts[2]] * TURN_PARAGRAPH_MAX]
    assert turn_continuations(long, [0] * len(long)) == set()  # a flattened text: the turn's end unseen
