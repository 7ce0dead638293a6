"""Cleaning rules that cut or mangled ordinary text, and the cost of the PDF word
repairs: each snippet as a reader would write it; each rule still does its job where it should."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from synopsis.clean import clean_text, words
from synopsis.clean.speakers import speaker_labels
from synopsis.ingest import article_from_text
from synopsis.pipeline import build_document


def body(text: str) -> str:
    return "\n".join(block.text.text for block in clean_text(text).blocks)


def sections_and_sentences(text: str) -> tuple[list[str], list[str]]:
    doc = build_document(article_from_text(text))
    return [s.title for s in doc.sections if s.title], [s.text for s in doc.sentences]


# --- a caption glued to a line's end: only in a lower-cased text, never a dotted name -----------------


def test_a_dotted_name_in_mixed_case_text_is_no_glued_caption() -> None:
    # Was: "... the R package data." and the rest of the line went as a caption.
    text = (
        "Methods\n\nWe merged the records with the R package data.table 1.14 and then fitted mixed models to all records.\n"
        "Standard errors were clustered by school.\nMissing values were imputed with mice."
    )
    cleaned = clean_text(text)
    assert "data.table 1.14 and then fitted mixed models to all records." in body(text)
    assert "caption" not in cleaned.removed


def test_a_dotted_name_in_lower_cased_text_is_no_glued_caption() -> None:
    lines = [
        "methods",
        "we merged the records with the r package data.table 1.14 and then fitted mixed models to all records.",
        "standard errors were clustered by school. missing values were imputed with mice.",
        "the records of each school were read with pkg.data.table 2 and merged by hand.",
        "the effect was small in all schools.fig. <dig> effects of school size on the scores.",
    ]
    text = body("\n".join(lines))
    assert "data.table 1.14 and then fitted mixed models" in text and "pkg.data.table 2 and merged by hand." in text
    assert "effects of school size" not in text  # SumPubMed's glued caption still goes


# --- a lower-case heading: only in a lower-cased text, never after an abbreviation -------------------


def test_a_word_after_cf_in_mixed_case_text_opens_no_section() -> None:
    # Was: a section "discussion" and the sentence cut after "(cf."
    titles, sentences = sections_and_sentences(
        "Introduction\n\nSeveral parsers exist (cf. discussion in Smith 2001), and each has limits. We compare three of them."
    )
    assert titles == ["Introduction"]
    assert "Several parsers exist (cf. discussion in Smith 2001), and each has limits." in sentences


@pytest.mark.parametrize(
    "sentence",
    [
        "several parsers exist (cf. discussion in smith 2001), and each has limits.",
        "we tested two kinds, i.e. methods in which the data are pooled and methods that keep them apart.",
        "we tested several tools, e.g. methods the lab had used before, on the same data.",
    ],
)
def test_a_word_after_an_abbreviation_in_lower_cased_text_opens_no_section(sentence: str) -> None:
    text = f"the mutants were compared with the wild type on the blots. {sentence} the results were clear."
    cleaned = clean_text(text)
    assert [h.title for h in cleaned.headings if h.title] == []
    assert sentence in body(text)


def test_a_lower_case_heading_of_a_lower_cased_text_still_opens_a_section() -> None:
    text = "the mutants were compared with the wild type on the blots. discussion the idea of probiotic use is old."
    assert [h.title for h in clean_text(text).headings if h.title] == ["discussion"]


# --- a sentence-case heading does not end in a participle that takes the next word ----------------


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        ("Teenagers browsing Internet forums reported more anxiety.", "teenagers", "internet"),
        ("Households lacking Internet access were left out.", "households", "internet"),
        ("Pages linking Web archives were counted twice.", "pages", "web"),
        ("Scholars reading Bible commentaries disagreed on the date.", "scholars", "bible"),
        ("Officials representing State agencies attended each meeting.", "officials", "state"),
        ("Patients receiving Aspirin improved within a week.", "patients", "aspirin"),
        ("Patients given Aspirin improved within a week.", "patients", "aspirin"),
    ],
)
def test_a_sentence_whose_subject_takes_a_participle_is_not_cut_into_a_heading(sentence: str, first: str, second: str) -> None:
    # Was: a section "Teenagers browsing" and a sentence "Internet forums reported more anxiety."
    text = f"Introduction\n\nMost {first} know the {second} well. {sentence} We asked 300 {first} about the {second}."
    titles, sentences = sections_and_sentences(text)
    assert titles == ["Introduction"] and sentence in sentences


def test_a_sentence_case_heading_ending_in_a_participle_still_heads_its_section() -> None:
    text = "Introduction\n\nWe process the data daily. Data processing The raw reads were trimmed. We trimmed the data."
    titles, sentences = sections_and_sentences(text)
    assert titles == ["Introduction", "Data processing"] and "The raw reads were trimmed." in sentences


# --- a URL parted by a PDF space does not take the sentence after it ------------------------------


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "the software is available at http://www.example.org. pdf versions of the manual are also provided.",
            "pdf versions of the manual are also provided.",
        ),
        ("the files are at www.example.org. data/ holds the raw counts of each site.", "data/ holds the raw counts"),
        ("the tables come from http://www.census.gov. txt files were converted by hand.", "txt files were converted"),
    ],
)
def test_a_lower_case_sentence_after_a_url_is_not_part_of_it(text: str, kept: str) -> None:
    # Was: "the software is available versions of the manual are also provided."
    assert kept in body(text) and "http" not in body(text) and "www" not in body(text)


def test_a_url_parted_before_its_path_or_file_ending_is_still_found_whole() -> None:
    text = "The code is at https://github. com/x/y for all. The page is http://x.org/Statement. html."
    assert body(text) == "The code is for all. The page is."


# --- the word before a URL stays where the sentence needs it ---------------------------------------


def test_a_preposition_before_a_url_that_names_the_next_word_stays() -> None:
    # Was: "The tool runs notebooks as well as locally."
    _, sentences = sections_and_sentences(
        "Methods\n\nThe tool runs in https://colab.research.google.com notebooks as well as locally. Errors were clustered."
    )
    assert sentences[0] == "The tool runs in notebooks as well as locally."
    text = body("The site at www.example.org is kept up to date. We downloaded it from http://x.org/d and cleaned it.")
    assert text == "The site is kept up to date. We downloaded it and cleaned it."


# --- "?" for an apostrophe: not in code, only where a document shows the mangling -----------------


def test_a_question_mark_in_code_is_no_apostrophe() -> None:
    # Was: "In C the expression x’t:f picks t when x is true."
    text = "In C the expression x?t:f picks t when x is true. The system?s output is what the user?s eye sees."
    cleaned = body(text)
    assert "x?t:f" in cleaned and "The system’s output is what the user’s eye sees." in cleaned


def test_a_lone_question_mark_is_mended_only_where_it_can_be_nothing_else() -> None:
    # Was: a document with one "?" for an apostrophe kept it ("the model?s output", 9 dev papers).
    assert "the model’s output" in body("We judged the model?s output by hand. It was fine.")
    assert "Most verbs don’t have arguments." in body("Most verbs don?t have arguments.")
    # A question, a variable and a lost glyph keep theirs.
    for kept in ("Is it?s fine, then.", "where w?s probability is high.", "transitions ? Dir(S?s) are drawn."):
        assert body(kept) == kept


# --- the cost of the PDF word repairs: a clean text builds no evidence ---------------------------


def test_a_clean_text_builds_no_word_evidence(monkeypatch: pytest.MonkeyPatch) -> None:
    # Building the document's vocabulary took a third of the cleaning time of every article; only a
    # text that shows split or glued words needs it.
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the evidence was built")

    monkeypatch.setattr(words, "_tokens", refuse)
    text = "Introduction\n\nWe built a data set by hand. The dataset has 500 items, and each item was checked twice."
    assert "data set by hand" in body(text)
    signs = words.damage_signs(text)
    assert not (signs.split or signs.glued_the or signs.glued_capital or signs.missing_space)


def test_a_damaged_text_shows_its_signs() -> None:
    signs = words.damage_signs("the addi tion of words ofthe text inthe end. thePenn Treebank is used.We then parse.")
    assert signs.split and signs.glued_the and signs.glued_capital and signs.missing_space


@pytest.mark.parametrize(
    "text",
    [
        "naïve café — Straße, ÆSIR æsir 3×4 ÷ 5 x²y; Ωmega ωmega ſtraße ǅemal ĳssel ﬁnd",
        "lan guages\tand\nlanguages 12abc abc12 a-b a_b «word» don’t",
        "",
    ],
)
def test_the_words_found_in_c_are_those_the_pattern_finds(text: str) -> None:
    lowered = text.lower()
    assert words._tokens(lowered) == re.findall(r"[a-zß-öø-ÿ]+", lowered)


def test_speaker_labels_after_each_kind_of_sentence_end() -> None:
    turns = (
        "Intro text here. Ann Lee What came first? Bob Ray I remember it well! Lee And then? Ray So we met. "
        "Lee Why did it work? Ray Well, it was new. Lee How long? Ray I think a year."
    )
    assert speaker_labels(turns) == {"Lee", "Ray"}


# The third review's inputs, one small article each (each changed or lost words before its fix).
REVIEW_INPUTS = Path(__file__).parent.parent / "data" / "cleaning_review"


def _review_input(name: str) -> str:
    return body((REVIEW_INPUTS / f"{name}.txt").read_text(encoding="utf-8"))


def test_a_split_prefix_is_not_joined_and_an_agent_noun_is_not_parted() -> None:
    """In a damaged document "in formal" became "informal" (the opposite), "detector" "detect or"."""
    text = _review_input("damaged")
    assert "switch to it in formal settings" in text and "Our languages are English" in text  # still mended
    assert "The error detector flags" in text and "The factor analysis" in text


def test_camel_case_identifiers_stay_glued() -> None:
    """ "forEach", "onClick", "inValue" were parted into "for Each", "on Click", "in Value"."""
    text = _review_input("code")
    assert all(word in text for word in ("forEach loop", "onClick handler", "inValue and", "toString method"))


def test_a_section_sign_or_markdown_italics_opens_no_footnote() -> None:
    """Law papers' "§ 230 of ..." and "*Zeran* was ..." paragraphs were removed as footnotes."""
    text = _review_input("law")
    assert "§ 230 of the Communications Decency Act" in text and "*Zeran* was the first major case" in text


def test_running_text_after_a_figure_title_is_no_legend() -> None:
    """After "Figure 1 / Population by county", a 30-word paragraph opening "Data are drawn ..." and one
    opening "Hypothesis: ..." were removed as a legend."""
    text = _review_input("captions")
    assert "Data are drawn from the decennial census" in text and "Hypothesis: growth slowed after 2008" in text


def test_a_flattened_body_opening_with_its_keywords_is_not_one_keywords_line(example_path: Path) -> None:
    """The example record read as plain text (`summarize -f text`, or its text in a JSONL field):
    its full text is one line opening "Keywords Mentoring, criminal justice, ...", and all 55,000
    characters were removed as a keywords line; the summary was "PREDICTION:" and "FULL TEXT:"."""
    from typer.testing import CliRunner

    from synopsis.cli import app

    result = CliRunner().invoke(app, ["summarize", str(example_path), "-f", "text", "-o", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["words"] > 150 and "FULL TEXT:" not in [s["text"] for s in out["sentences"]]


@pytest.mark.parametrize(
    ("line", "removed"),
    [
        ("Subjects were instructed to use their peripheral vision to detect a contour on either side.", False),
        ("Subjects: Psychology; Vision science; Perception", True),
        ("Keywords: vision; contour integration; attention", True),
        ("Keywords " + ", ".join(["a term"] * 40), False),  # 81 words: a text, not a keywords line
    ],
)
def test_a_keywords_line_has_its_label_and_a_few_terms(line: str, removed: bool) -> None:
    # A PLOS paragraph opening "Subjects were instructed ..." was removed as a keywords line.
    body = "The first results were clear and they were reported in the tables below.\n"
    text = f"A Study of Contours\n\nAbstract\n\nWe study contours.\n\n{line}\n\nIntroduction\n\n" + body * 8
    cleaned = clean_text(text)
    assert (line in " ".join(text[r.start : r.end] for r in cleaned.removals if r.reason == "keywords")) is removed
