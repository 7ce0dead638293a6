"""End to end on the example record: the summary a user sees must be clean."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import synopsis
from synopsis.pipeline import build_document, summarize_document
from synopsis.types import Article, Budget


@pytest.fixture(scope="module")
def summary(example_text: str) -> synopsis.Summary:
    return synopsis.summarize(example_text)


def test_example_summary_is_clean(summary: synopsis.Summary, example_text: str) -> None:
    text = summary.text
    assert "@" not in text
    assert "Keywords" not in text
    assert not re.search(r"\(\d{4}\)\s+[A-Z‘'][^.]*(?:London|Press|Publishing)", text), "a reference entry got in"
    assert "http" not in text
    assert 150 <= summary.words <= 200
    for sentence in summary.sentences:
        assert sentence.text[0].isupper() and sentence.text.rstrip("’”\"')").endswith((".", "?", "!"))
        assert example_text[sentence.start : sentence.end] == sentence.text


def test_example_summary_does_not_copy_the_abstract(example_text: str) -> None:
    article = synopsis.ingest.article_from_text(example_text)
    doc = build_document(article)
    assert doc.abstract.startswith("Mentoring has recently")
    summary = summarize_document(doc)
    abstract_sentences = {s.strip() for s in doc.abstract.split(". ")}
    assert not any(s.text.rstrip(".") in abstract_sentences for s in summary.sentences)


def test_abstract_copies_are_not_candidates() -> None:
    body = (
        "Introduction\nWe study the effect of mentoring on reoffending among adult prisoners. "
        "Mentoring is popular in policy. Many schemes exist across the country today. "
        "Our results show that engagement with mentors was low in all three projects.\n"
    )
    abstract = "Our results show that engagement with mentors was low in all three projects."
    doc = build_document(Article("x", body, (0, len(body)), abstract=abstract))
    copied = [s for s in doc.sentences if s.text == abstract]
    assert copied and not copied[0].candidate


def test_a_sentence_opening_in_lower_case_is_no_candidate_in_a_cased_text() -> None:
    """The tails of sentences cut at a column break, examples and list items (scisummnet-P91-1022,
    -P13-1045, the Semantic Scholar PDF's "iii) exploring ...") were summary sentences; in a
    lower-cased text (SumPubMed) every sentence opens so and stays a candidate."""
    body = (
        "Introduction\nWe align the sentences of a parallel corpus with a simple length model. "
        "Each of the corpora holds a million words. Its sentences are long. Most of them are alike. "
        "Our model reads both sides at once. It runs in linear time on the whole corpus. "
        "pairs sentences that are translations of one another in both of the languages. "
        "and He eats spaghetti with meat in the second of the test sentences. "
        "p-values were calculated by Pearson correlation for every pair of languages. "
        "van Dijk described the same model for the alignment of longer documents. "
        "of-the-art aligners reach the same accuracy on both of the corpora we used.\n"
    )
    doc = build_document(Article("x", body, (0, len(body))))
    candidates = {s.text.split()[0]: s.candidate for s in doc.sentences}
    rejected = {word for word in ("We", "pairs", "and", "p-values", "van", "of-the-art") if not candidates[word]}
    assert rejected == {"pairs", "and", "of-the-art"}
    lowered = body.lower()
    doc = build_document(Article("y", lowered, (0, len(lowered))))
    assert all(s.candidate for s in doc.sentences if s.text.startswith(("pairs", "and")))


def test_each_non_candidate_carries_its_reason() -> None:
    """`Sentence.not_candidate` names the rule that rejected a sentence (a user saw only
    `candidate: false`); the first rule that applies wins, a lower-case fragment too short stays
    `too_short`, and a candidate has none."""
    body = (
        "Introduction\nWe align the sentences of a parallel corpus with a simple length model. "
        "Each of the corpora holds a million words. and so on. Most of them are alike in length. "
        "6.1 Baseline Model for the alignment On the first iteration we read both corpora. "
        "pairs sentences that are translations of one another in both of the languages. "
        "Our results show that engagement with mentors was low in all three projects.\n"
    )
    abstract = "Our results show that engagement with mentors was low in all three projects."
    doc = build_document(Article("x", body, (0, len(body)), abstract=abstract))
    reasons = [(s.text.split()[0], s.candidate, s.not_candidate) for s in doc.sentences]
    assert reasons == [
        ("We", True, None),
        ("Each", True, None),
        ("and", False, "too_short"),
        ("Most", True, None),
        ("6.1", False, "numbered_heading"),
        ("pairs", False, "lower_case_fragment"),
        ("Our", False, "copies_abstract"),
    ]


def test_non_english_captions_and_english_quotes_carry_their_reasons() -> None:
    """The rules `build_document` adds outside English: a caption line in the language's words
    ("Abb. 3: ...") and an English sentence inside a German article."""
    paragraphs = (Path(__file__).parent / "data" / "lang" / "de.txt").read_text(encoding="utf-8").split("\n\n")
    caption = "Abb. 3: Die Verteilung der Niederschläge in den drei Regionen im Jahr 2020."
    quote = "In semi-arid regions, aquifers are often the only reliable source of water during the dry season."
    paragraphs[6] += f" {caption} {quote}"
    doc = build_document(synopsis.ingest.article_from_text("\n\n".join(paragraphs)))
    reasons = {s.text: s.not_candidate for s in doc.sentences}
    assert reasons[caption] == "caption" and reasons[quote] == "english_in_other_language"
    assert all((s.not_candidate is None) == s.candidate for s in doc.sentences)


def test_every_reason_is_named_in_the_docs() -> None:
    """docs/methods.md lists each reason `not_candidate` may hold, with what it means."""
    from synopsis.types import NOT_CANDIDATE_REASONS

    methods = (Path(__file__).parents[1] / "docs" / "methods.md").read_text(encoding="utf-8")
    assert [reason for reason in NOT_CANDIDATE_REASONS if f"(`{reason}`)" not in methods] == []


def test_flattened_and_structured_give_similar_documents(dev_sample: list[dict[str, str]]) -> None:
    record = dev_sample[4]
    structured = record["full_text"]
    flat = structured.replace("\n", " ")
    doc_s = build_document(Article("s", structured, (0, len(structured)), record["title"], record["abstract"]))
    doc_f = build_document(Article("f", flat, (0, len(flat)), record["title"], record["abstract"]))
    shared = {s.text for s in doc_s.sentences} & {s.text for s in doc_f.sentences}
    assert len(shared) > 0.7 * len(doc_s.sentences)


def test_over_budget_is_reported() -> None:
    text = "This single sentence is considerably longer than the tiny word budget that the user asked for here."
    with pytest.warns(synopsis.BudgetWarning, match="over the 5-word budget"):
        summary = synopsis.summarize(text, words=5)
    assert summary.over_budget and len(summary.sentences) == 1


def test_empty_body_after_cleaning_is_an_input_error() -> None:
    with pytest.raises(synopsis.InputError, match="no body text"):
        synopsis.summarize("References\nSmith, J. (2001). A book. London: Press.\n" * 3)


def test_sentence_budget_api(example_text: str) -> None:
    summary = synopsis.summarize(example_text, words=None, sentences=3)
    assert len(summary.sentences) == 3 and summary.budget == Budget(None, 3)


def test_old_mac_line_endings_read_as_line_breaks_not_glued_words() -> None:
    """A file saved with lone CRs (classic Mac OS, some exporters) had every line glued to the
    next: "IntroductionThis is ...", "the textwhich goes on"; with LF or CRLF it read well."""
    lines = [
        "Introduction",
        "This is the first line of the text",
        "which goes on here. We study the effect of line endings on",
        "the reading of a text file. Another sentence follows with more words.",
        "Results",
        "The results show that nothing was lost at all in the reading.",
    ]
    by_ending = {}
    for ending in ("\n", "\r\n", "\r", "\r\r\n"):
        text = ending.join(lines) + ending
        summary = synopsis.summarize(text, words=200)
        by_ending[ending] = [s.text for s in summary.sentences]
        for sentence in summary.sentences:  # offsets still slice the input as given
            assert " ".join(text[sentence.start : sentence.end].split()) == sentence.text
    # "\r\r\n": CRLF converted twice on a Windows round trip (made "\n\r\n", every line was a paragraph)
    assert by_ending["\r"] == by_ending["\n"] == by_ending["\r\n"] == by_ending["\r\r\n"]
    assert "This is the first line of the text which goes on here." in by_ending["\r"]
