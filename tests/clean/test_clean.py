"""Cleaning of PDF-extracted text, on real snippets from the example record and the dev data."""

from __future__ import annotations

import re
import unicodedata

import pytest

from synopsis.clean import clean_text
from synopsis.clean.lines import uses_word


def only_removed(original: str, cleaned: str, *, allowed: set[str]) -> bool:
    """`cleaned` is `original` with some of the `allowed` characters deleted, nothing else."""
    i = 0
    for ch in original:
        if i < len(cleaned) and ch == cleaned[i]:
            i += 1
        elif ch not in allowed:
            return False
    return i == len(cleaned)


def body(cleaned) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(block.text.text for block in cleaned.blocks)


@pytest.fixture(scope="module")
def example_cleaned(example_text: str):  # type: ignore[no-untyped-def]
    start = example_text.index("FULL TEXT:") + len("FULL TEXT:")
    return clean_text(example_text, start)


def test_flattened_example_loses_its_junk(example_cleaned) -> None:  # type: ignore[no-untyped-def]
    text = body(example_cleaned)
    assert "@" not in text
    assert "Keywords" not in text
    assert "bail support Introduction" not in text
    assert "References" not in text and "Stationary Office" not in text  # the reference list is cut
    assert "http" not in text
    # Footnote markers and page numbers of the flattened page stream are gone ...
    assert "(Nellis, 2004). Recently, mentoring" in text
    assert "who did not wish to participate" in text
    assert " 2 Recently" not in text and "not 4 wish" not in text
    # ... while numbers that are content stay.
    assert "sentences of under 12 months" in text
    assert "In total, 269 project participants" in text


def test_flattened_example_headings_become_structure(example_cleaned) -> None:  # type: ignore[no-untyped-def]
    titles = [(h.title, h.kind) for h in example_cleaned.headings]
    assert ("Introduction", "introduction") in titles
    assert ("Mentoring defendants/offenders in practice", "other") in titles
    assert "in practice We have" not in body(example_cleaned)


def test_spans_point_back_into_the_original(example_text: str, example_cleaned) -> None:  # type: ignore[no-untyped-def]
    exact = 0
    for block in example_cleaned.blocks:
        for match in re.finditer(r"[A-Z][^.]{20,}\.", block.text.text):
            start, end = block.text.span(match.start(), match.end())
            original = example_text[start:end]
            # The slice is the sentence itself, or the sentence with a page number still inside.
            assert only_removed(original, match.group(0), allowed=set("0123456789 "))
            exact += original == match.group(0)
    assert exact > 250


STRUCTURED = """A Classifier-Based Parser
John Smith
Department of Linguistics, University of Somewhere
john.smith@example.edu
Abstract
We present a parser. It is fast.
1 Introduction
Parsing is hard (Collins, 1997). We pre-
sent a new approach that uses a classifier.<cit> It works well.
Figure 1: The architecture of the parser.
Running Title of the Paper
3
2 Method
The parser shifts and reduces words.2 It uses a well-
known classifier.
Running Title of the Paper
4
Table 2
Results on the test set.
(a) Accuracy per sentence length.
The results are good in all settings that we tried.
Running Title of the Paper
5
3 Conclusion
We showed that the well-known approach works on real data.
Acknowledgments
We thank the reviewers for their help with this paper.
References
Collins, M. 1997. Three generative models. In Proceedings of ACL.
Nivre, J. 2004. Deterministic parsing. In Proceedings of COLING.
"""


@pytest.fixture(scope="module")
def structured():  # type: ignore[no-untyped-def]
    return clean_text(STRUCTURED, title="A Classifier-Based Parser")


def test_structured_text_sections(structured) -> None:  # type: ignore[no-untyped-def]
    titles = [(h.title, h.kind) for h in structured.headings if h.title]
    assert titles == [("Introduction", "introduction"), ("Method", "methods"), ("Conclusion", "conclusion")]


def test_structured_text_front_matter_and_abstract(structured) -> None:  # type: ignore[no-untyped-def]
    text = body(structured)
    assert "John Smith" not in text and "Department" not in text and "@" not in text
    assert structured.abstract == "We present a parser. It is fast."
    assert "We present a parser" not in text


def test_structured_text_junk_lines(structured) -> None:  # type: ignore[no-untyped-def]
    text = body(structured)
    assert "Running Title" not in text  # running header, repeated on every page
    assert "Figure 1" not in text and "Results on the test set" not in text and "(a) Accuracy" not in text
    assert "Acknowledg" not in text and "reviewers" not in text
    assert "Collins, M." not in text and "Nivre" not in text
    assert "<cit>" not in text


def test_structured_text_rejoins_hyphens_and_footnotes(structured) -> None:  # type: ignore[no-untyped-def]
    text = body(structured)
    assert "We present a new approach" in text  # "pre-\nsent" was a line-break hyphen
    assert "a well-known classifier" in text  # kept: "well-known" occurs elsewhere in the text
    assert "words. It uses" in text  # glued footnote "words.2" removed


def test_flattened_hyphens_rejoin_by_the_words_of_the_whole_document() -> None:
    # One paragraph per line, as in the dev JSONL: the word a flattening split at a line-end hyphen
    # is told apart by its use elsewhere in the document, not only in its own paragraph.
    text = (
        "Our parser has a broad- coverage grammar and a de- pendency model for every language.\n"
        "We test thin- and thick-lipped fish, pre- and post-treatment, before the inter- vention.\n"
        "Fi- nally the dependency model covers the intervention with a broad-coverage lexicon.\n"
        "Some thin-and thick-lipped fish were measured twice, with the same dependency tools."
    )
    lines = body(clean_text(text)).split("\n")
    assert "a broad-coverage grammar and a dependency model" in lines[0]  # compound kept, word joined
    assert "thin- and thick-lipped fish, pre- and post-treatment, before the intervention." in lines[1]
    assert lines[2].startswith("Fi- nally")  # "finally" is nowhere else: left as it is


def test_a_line_that_closes_a_wrapped_citation_is_not_debris() -> None:
    # One paragraph per line, with a few lines wrapped inside a citation: "2017)." starts with a
    # digit and "171)." is short and numeric, yet both are the rest of the sentence above them.
    text = (
        "Heat waves have become one of the most important threats to public health in Europe.\n"
        "Their adaptation plans are often less developed (Heaviside et al.,\n"
        "2017). It is therefore unclear whether the findings apply to them (Robine et al., 2008, p.\n"
        "171).\n"
        "In this study we ask three questions about mid-sized cities and their heat islands.\n"
        "12\n"
        "We address these questions with twenty years of daily data from 42 cities."
    )
    cleaned = clean_text(text)
    lines = body(cleaned).split("\n")
    assert lines[1] == (
        "Their adaptation plans are often less developed (Heaviside et al., 2017). It is therefore unclear"
        " whether the findings apply to them (Robine et al., 2008, p. 171)."
    )
    assert cleaned.removed == {"page_number": 1}  # a number alone, with no bracket to close, still goes


def test_the_abstract_section_ends_where_the_body_must_begin() -> None:
    abstract = "We study mentoring of adult offenders. We find few close relationships."
    second = "Mentoring programmes have grown quickly. We studied three pilot projects."
    body_text = " ".join(["The mentors were mostly volunteers with little training in the work."] * 40)  # 440 words
    # An abstract of two short paragraphs, then a heading: both paragraphs are the abstract.
    two = clean_text(f"Abstract\n{abstract}\n\n{second}\n\nMethods\nWe interviewed forty mentees.\n")
    assert two.abstract == f"{abstract} {second}" and body(two) == "We interviewed forty mentees."
    # No heading after the abstract: the body was lost (or the text refused as empty).
    alone = clean_text(f"Abstract\n{abstract}\n\n{second}\n")
    assert alone.abstract == abstract and body(alone) == second
    # A paragraph that takes the abstract past ABSTRACT_MAX_WORDS is body, heading or not.
    long = clean_text(f"Abstract\n{abstract}\n\n{body_text}\n\n{second}\n\nMethods\nWe interviewed forty mentees.\n")
    assert long.abstract == abstract and body(long).split("\n")[:2] == [body_text, second]
    # A structured abstract goes on through its labelled parts, whatever mark follows the label.
    structured = (
        "Abstract\nBackground: Mentoring is common.\n\nMETHODS. We interviewed forty mentees.\n\n"
        "Conclusions — Mentoring needs time.\n\nMentoring programmes have grown quickly in England.\n\n"
        "The mentors were mostly volunteers.\n"
    )
    cleaned = clean_text(structured)
    assert cleaned.abstract.startswith("Mentoring is common.") and "Mentoring needs time." in cleaned.abstract


def chapter(number: int, topic: str) -> str:
    sentences = " ".join(f"The {topic} study number {k} reports a finding about {topic} in plain words." for k in range(12))
    names = ("Smith", "Jones", "Taylor", "Brown", "Wilson")
    references = "\n".join(f"{k}. {name} A, {topic.title()} B ({1990 + k}) A paper on {topic}." for k, name in enumerate(names))
    return f"Chapter {number}. On {topic}\n\nIntroduction\n{sentences}\n\nDiscussion\n{sentences}\n\nReferences\n{references}\n\n"


def test_a_reference_list_ends_the_body_only_until_a_new_chapter_opens() -> None:
    # A thesis of articles, each chapter with its references: the chapters after the first list
    # were dropped.
    text = "A Thesis\n\n" + chapter(1, "mentoring") + chapter(2, "probation") + chapter(3, "bail")
    cleaned = clean_text(text)
    kept = body(cleaned)
    assert all(f"reports a finding about {topic}" in kept for topic in ("mentoring", "probation", "bail"))
    assert "A paper on" not in kept
    lists = [r for r in cleaned.removals if r.reason == "references"]
    assert [text[r.start : r.end].split("\n")[0] for r in lists] == ["References"] * 3
    assert [text[r.end : r.end + 10] for r in lists] == ["Chapter 2.", "Chapter 3.", ""]


def test_every_removal_is_listed_with_its_reason_and_span() -> None:
    text = (
        "Heat waves threaten public health in Europe, see http://example.org/heat (accessed 2 May 2020).\n"
        "Contact: a.author@example.org\n"
        "Cities are exposed because built surfaces absorb heat during the day.\n"
        "Figure 1: Map of the cities.\n"
        "This urban heat island effect raises night-time temperatures by several degrees.\n"
        "Acknowledgements\n"
        "We thank the offices that gave us their data.\n"
    )
    cleaned = clean_text(text)
    listed = [(r.reason, text[r.start : r.end]) for r in cleaned.removals]
    assert listed == [
        ("url", ", see http://example.org/heat (accessed 2 May 2020)"),  # "see" would dangle before the stop
        ("email", "Contact: a.author@example.org"),
        ("caption", "Figure 1: Map of the cities."),
        ("dropped_section", "Acknowledgements"),  # its heading too (it went unlisted)
        ("dropped_section", "We thank the offices that gave us their data."),
    ]
    assert cleaned.removed == {"email": 1, "caption": 1, "dropped_section": 2, "url": 1}


def test_a_list_item_after_an_unclosed_bracket_is_not_glued_to_it() -> None:
    text = (
        "Heat waves have become one of the most important threats to public health in Europe.\n"
        "The weight w was drawn uniformly from the half-open interval (0, 1].\n"
        "a) The first condition used the full sample of forty buildings.\n"
        "b) The second condition used half of them in the same cities.\n"
    )
    assert body(clean_text(text)).split("\n")[1:3] == [
        "The weight w was drawn uniformly from the half-open interval (0, 1].",
        "a) The first condition used the full sample of forty buildings.",
    ]


def test_a_bracketed_note_number_between_sentences_goes() -> None:
    # DHQ (dhq-000075) sets its endnote markers after the full stop: "[1]" opened the next sentence.
    text = (
        "Reading tools can contribute to the reading practices of domain-experts. [1] In the course of the "
        "study, readers were interviewed. Afro [1] literary-artistic representations emerged [3]. It ends."
    )
    cleaned = clean_text(text)
    assert body(cleaned) == (
        "Reading tools can contribute to the reading practices of domain-experts. In the course of the "
        "study, readers were interviewed. Afro [1] literary-artistic representations emerged [3]. It ends."
    )
    assert [(r.reason, text[r.start : r.end]) for r in cleaned.removals] == [("footnote", "[1]")]


def test_a_removed_url_leaves_the_stop_that_ends_its_sentence() -> None:
    # The URL took its full stop with it: two sentences became one ("... available at At various").
    text = (
        "More information is available at http://www.example.org/info. At various stages we met. "
        "See the code (https://github.com/x/y) for details. Data are at www.example.org/data, as said."
    )
    assert body(clean_text(text)) == (
        "More information is available. At various stages we met. See the code for details. Data are, as said."
    )
    # A bracket pair inside the URL is the URL's; "(see URL)" goes whole.
    wiki = "We read it on Wikipedia (https://en.wikipedia.org/wiki/Heat_(urban)) and elsewhere. "
    wiki += "It is in the archive (see www.x.org/data)."
    assert body(clean_text(wiki)) == "We read it on Wikipedia and elsewhere. It is in the archive."


def test_a_word_is_used_only_where_no_letter_touches_it() -> None:
    text = "the impostor left; a non-intervention study, then the intervention."
    assert uses_word(text, "intervention")  # "non-intervention" and alone both count
    assert not uses_word(text, "postor")  # inside "impostor": not the word
    assert not uses_word(text, "interventions")
    assert uses_word("postor", "postor") and not uses_word("", "postor")


def test_sumpubmed_placeholders(dev_sample: list[dict[str, str]]) -> None:
    snippet = (
        "BACKGROUND\nother technologies are based on sequencing-by-hybridization <cit> , sequencing-by-ligation "
        "<cit>  <cit> and on an archaeon h. salinarum nrc- <dig> <cit> . subsequent work used it (<cit>).\n"
    )
    text = body(clean_text(snippet * 2))
    assert "<cit>" not in text
    assert "sequencing-by-hybridization, sequencing-by-ligation and on" in text
    assert "nrc- <dig>. subsequent work used it." in text
    article = next(r for r in dev_sample if r["id"].startswith("sumpubmed"))
    cleaned = clean_text(article["full_text"])
    assert "<cit>" not in body(cleaned)
    assert {"introduction", "results", "conclusion"} <= {h.kind for h in cleaned.headings}


@pytest.mark.parametrize("source", ["scisummnet", "plos", "dhq"])  # sumpubmed texts end before their references
def test_dev_articles_lose_reference_lists(dev_sample: list[dict[str, str]], source: str) -> None:
    for article in (r for r in dev_sample if r["id"].startswith(source)):
        cleaned = clean_text(article["full_text"], title=article["title"])
        text = body(cleaned)
        tail = article["full_text"].rstrip().splitlines()[-1]
        assert tail.strip() not in text, f"{article['id']}: the last reference survived"
        assert len(text) > 0.4 * len(article["full_text"]), f"{article['id']}: too much body text was dropped"


def test_private_use_characters_of_symbol_fonts_are_text_not_page_breaks() -> None:
    """PDF symbol fonts emit U+E000 and its neighbours; page breaks are tracked by offset, so the
    character neither makes "The coefficient" a heading nor cuts the sentence."""
    sentence = "The coefficient \ue000 was estimated with ordinary least squares on the full panel of firms."
    text = f"Introduction This study examines regional wage growth in detail. {sentence} Our results follow."
    cleaned = clean_text(text, 0, len(text))
    assert [h.title for h in cleaned.headings if h.title] == ["Introduction"]
    assert sentence in body(cleaned)


def test_a_language_without_a_data_file_still_has_its_abstract_and_references_found() -> None:
    # Norwegian has no data file (Dutch, the language of this test before, has one now): its
    # "Sammendrag" was body text and its "Litteratur" list was summarized.
    text = (
        "Hjemmekontor etter pandemien\n\nSammendrag\nDenne artikkelen undersøker hjemmekontor i Norge.\n\n"
        "Innledning\nSiden pandemien jobber mange flere nordmenn hjemme enn før. Det har konsekvenser.\n\n"
        "Resultatene viser at få arbeidstakere ønsker å jobbe hjemme hele tiden. Det er påfallende.\n\n"
        "Litteratur\nHansen, P. (2021). Hjemmekontor i Norge. Oslo: Statistisk sentralbyrå.\n"
        "Berg, K. (2019). Arbeid og velvære. Bergen: Fagbokforlaget.\n"
    )
    cleaned = clean_text(text, lang="no")
    assert cleaned.abstract == "Denne artikkelen undersøker hjemmekontor i Norge."
    assert "Hansen" not in body(cleaned) and cleaned.removed.get("references") == 1
    assert "Sammendrag" not in body(cleaned)


def test_a_blank_line_parts_paragraphs_even_in_a_text_of_few_lines() -> None:
    # A title line above a flattened body: too few lines for a layout, and the title ran into the
    # first sentence ("A Study of Mentoring Mentoring programmes ...").
    text = "A Study of Mentoring\n\nMentoring programmes have grown quickly. We studied three pilot projects.\n"
    assert body(clean_text(text)).split("\n") == [
        "A Study of Mentoring",
        "Mentoring programmes have grown quickly. We studied three pilot projects.",
    ]
    assert body(clean_text("One flattened line. And another sentence.")) == "One flattened line. And another sentence."


def test_a_flattened_text_that_opens_with_its_title_loses_it_from_the_first_sentence() -> None:
    text = "A Study of Mentoring Mentoring programmes have grown quickly. We studied three pilot projects."
    cleaned = clean_text(text, title="A study of mentoring")
    assert body(cleaned) == "Mentoring programmes have grown quickly. We studied three pilot projects."
    assert [(r.reason, text[r.start : r.end]) for r in cleaned.removals] == [("title", "A Study of Mentoring ")]
    # The title's words as the start of a sentence (no capital after them) are the sentence's.
    same = "A study of mentoring programmes is what we did. We studied three pilot projects."
    assert body(clean_text(same, title="A Study of Mentoring")) == same


def test_a_title_of_a_whole_text_builds_no_pattern_of_its_words(monkeypatch: pytest.MonkeyPatch) -> None:
    # A hostile-input probe: a title of 280,000 words (through the library API or a record) was
    # matched against the text's start by one pattern of all its words, 13 s to build for a
    # summary of a short text. A title longer than the text, or of over 200 words, is not looked for.
    from synopsis.clean import lines

    built: list[int] = []
    compile_pattern = lines.re.compile

    def measured(pattern: str, *args: object) -> object:
        built.append(len(pattern))
        return compile_pattern(pattern, *args)

    monkeypatch.setattr(lines.re, "compile", measured)
    text = "Mentoring works in practice. " * 40
    cleaned = clean_text(text, title="Mentoring works in practice " * 70_000)
    assert body(cleaned) == text.strip()
    assert max(built, default=0) < 10_000
    cleaned = clean_text(text, title="Mentoring works in practice " * 60)  # 240 words, shorter than the text
    assert body(cleaned) == text.strip() and max(built, default=0) < 10_000
    # A review: few words, each of 20,000 letters, opening a text of millions of characters.
    word = "m" * 20_000
    long_text = f"{word} {word} {word} Mentoring works in practice. " + text
    cleaned = clean_text(long_text, title=f"{word} {word} {word}")
    assert body(cleaned).startswith(word) and max(built, default=0) < 10_000


def test_another_languages_word_for_references_heads_a_list_only_where_entries_follow() -> None:
    # Polish "Literatura" is also a section on literature (the QA's cultural-studies article lost it
    # and everything after it); a list has years.
    section = "Pisarze nowego pokolenia odeszli od tematów politycznych i zajęli się codziennością małych miast."
    text = (
        "Kultura popularna w Polsce\n\n1. Wstęp\nKultura popularna przeszła głęboką przemianę w tych latach.\n\n"
        f"2. Film\nKino polskie szukało nowego języka i nowych widzów.\n\n3. Literatura\n{section}\n\n"
        "4. Wnioski\nPrzemiany były szybkie i nierówne we wszystkich dziedzinach.\n"
    )
    cleaned = clean_text(text, lang="pl")
    assert section in body(cleaned) and "references" not in cleaned.removed
    listed = text.replace(section, "Nowak, J. (2001). Kino. Kraków: Znak.\nKowalski, A. (2005). Teatr. Warszawa: PWN.")
    assert "Nowak" not in body(clean_text(listed, lang="pl"))


def test_a_wrapped_reference_entry_that_starts_with_chapter_does_not_resume_the_body() -> None:
    lines = [f"Heat wave number {k} threatened public health in the cities of Europe, the data show." for k in range(8)]
    text = (
        "Introduction\n" + "\n".join(lines) + "\nReferences\n"
        "Adams, R. (2010). Urban climates. In J. Smith (Ed.), Handbook of Urban Ecology,\n"
        "Chapter 4, pp. 33-45. Oxford: Oxford University Press.\n"
        "Brown, T., & Lee, K. (2012). Green roofs and heat. Urban Studies, 4, 1-9.\n"
    )
    cleaned = clean_text(text)
    assert "Chapter 4" not in body(cleaned) and cleaned.removed["references"] == 1


def sentences(text: str) -> list[str]:
    """The sentences a user's summary is drawn from: what `build_document` keeps of `text`."""
    from synopsis.pipeline import build_document
    from synopsis.types import Article

    return [s.text for s in build_document(Article("x", text, (0, len(text)))).sentences]


def maps_back(text: str, cleaned) -> bool:  # type: ignore[no-untyped-def]
    """Every character kept points at the same character of the input (a space at white space)."""
    return all(
        text[int(origin)] == char or (char == " " and text[int(origin)].isspace())
        for block in cleaned.blocks
        for char, origin in zip(block.text.text, block.text.origin, strict=False)
    )


# Flattened text from the dev articles (scisummnet P93-1002, P93-1032, J88-2003, dhq-000003,
# dhq-000035): the heading ran into the first sentence of its section.
GLUED = (
    "Recall that n is the length of the English sentence and m is the length of the French sentence. "
    "2.3 The Complete Translation Model In this section, we extend the translation model to other types of "
    "sentence beads. For simplicity, we only consider sentence beads consisting of one English sentence. "
    "Such changes of type are similar to others discussed above. 5 REFERRING TO FUTURE EVENTS Bennett and "
    "Partee 1972, speaking of the difference between the present perfect and the simple past, remark on it. "
    "However, they seem to represent at least a comparable level of performance. FUTURE DIRECTIONS This paper "
    "presented one method of learning subcategorizations, but there are other approaches one might try. "
    "This situation can only exacerbate the isolation of historians in public discourse. II The Abraham Lincoln "
    "Historical Digitization Project builds upon the tradition initiated by the Lincoln Legal Papers. "
    "We call these projects memographies. Futures of Digital Studies The materials of the special clusters "
    "were originally presented as papers at a conference. 4.1 Topics. Like the topics created by LDA, the "
    "topics in Table 2 coalesce around reasonable themes."
)


def test_a_heading_glued_to_its_sentence_is_cut_from_it_and_heads_a_section() -> None:
    cleaned = clean_text(GLUED)
    titles = [h.title for h in cleaned.headings if h.title]
    assert titles == [
        "The Complete Translation Model",
        "REFERRING TO FUTURE EVENTS",
        "FUTURE DIRECTIONS",
        "II",
        "Futures of Digital Studies",
        "Topics",
    ]
    opened = sentences(GLUED)
    for first in (
        "In this section, we extend the translation model to other types of sentence beads.",
        "This paper presented one method of learning subcategorizations, but there are other approaches one might try.",
        "The Abraham Lincoln Historical Digitization Project builds upon the tradition initiated by the Lincoln Legal Papers.",
        "The materials of the special clusters were originally presented as papers at a conference.",
        "Like the topics created by LDA, the topics in Table 2 coalesce around reasonable themes.",
    ):
        assert first in opened
    assert not any(s.startswith(("2.3", "II ", "FUTURE", "Futures", "4.1", "REFERRING")) for s in opened)
    # Each heading's span is where it stands in the input, and the body still maps back exactly.
    assert [GLUED[h.start : h.end] for h in cleaned.headings if h.title][:2] == [
        "2.3 The Complete Translation Model",
        "REFERRING TO FUTURE EVENTS",
    ]
    assert maps_back(GLUED, cleaned)


@pytest.mark.parametrize(
    "text",
    [
        "We read it twice. A The results were mixed across the two groups of readers.",  # "A" is no title
        "We read it twice. In 2010 the results were mixed across the two groups of readers.",
        "We read it twice. Daniel Suarez argues that the daemon is a program that runs without a user.",
        "We read it twice. However The results were mixed across the two groups of readers.",  # a lost comma
        "We read it twice. 2.3 The results show that we win on every one of the test sets.",  # a number, then a sentence
        "See the text in George B. Dyson's Darwin Among the Machines: The Evolution of Global Intelligence.",
        "We thank them. I. Wallace and B. Patel provided invaluable scanning assistance and advice.",
        "It grows. Within A and B: Red lines and numbers show where the experiment bypasses the skin.",
        "It is long. Appendix A gives our method for computing inside probability estimates quickly.",
        "It is long. Figure 3 A and B show the results of the first experiment on the new data.",
        "It is long. Keep All: This method does not perform any filtering at all on the data.",  # a label
        # A list numbered in roman (a real PDF: cs-literature-graph-semantic-scholar.pdf), not sections.
        "We try three approaches for linking. I. Statistical: uses a statistical model for predicting spans. "
        "II. Hybrid: defines a small number of rules. III. The third uses existing libraries with no change.",
    ],
)
def test_a_sentence_that_only_looks_like_a_heading_keeps_its_words(text: str) -> None:
    cleaned = clean_text(text)
    assert [h.title for h in cleaned.headings if h.title] == []
    assert body(cleaned) == text


def test_a_dateline_opening_its_paragraph_is_no_heading_and_is_removed() -> None:
    # A heading in capitals would stand on a line of its own; a dateline the wire's name marks is
    # listed as removed. A place alone is no dateline: its words stay, in the body (short capitals
    # may be an acronym: `glued._heading`).
    cleaned = clean_text("NEW YORK (AP) — The mayor said on Monday that the city would hire a thousand more teachers.")
    assert [h.title for h in cleaned.headings if h.title] == []
    assert body(cleaned) == "The mayor said on Monday that the city would hire a thousand more teachers."
    assert cleaned.removed["dateline"] == 1
    unmarked = "NEW YORK The mayor said on Monday that the city would hire a thousand more teachers."
    assert body(clean_text(unmarked)) == unmarked


def test_a_removed_url_leaves_no_empty_brackets_or_doubled_marks() -> None:
    # DHQ (dhq-000137, -000111, -000135, -000003), PLOS (pone.0120924) and SumPubMed (17452, 2559).
    text = (
        "The needs of readers are met [www.inke.ca]. Engagement can be found in Galaxy Zoo "
        "(http://www.galaxyzoo.org/, now the second version), where amateurs work. On my website, "
        "www.geoffreyrockwell.com, there is a page of publications. It went into Knowledge Forum, which "
        "still exists: http://www.knowledgeforum.com. It covers a broad range of historical subjects "
        "(http://historicaltextarchive.com, accessed September 22, 2005). It is more similar to C. fergusoni "
        "(e.g., http://www.coneshell.net/pages/c_fergusoni.htm) than to C. patricius. the tree was drawn "
        "using treeviewx http://darwin.zoology.gla.ac.uk/~rpage/treeviewx/ . it is the reference set of "
        "the hiv sequence database , http://www.hiv.lanl.gov), which included full genomes."
    )
    cleaned = clean_text(text)
    assert body(cleaned) == (
        "The needs of readers are met. Engagement can be found in Galaxy Zoo (now the second version), where "
        "amateurs work. On my website, there is a page of publications. It went into Knowledge Forum, which "
        "still exists. It covers a broad range of historical subjects. It is more similar to C. fergusoni than "
        "to C. patricius. the tree was drawn using treeviewx. it is the reference set of the hiv sequence "
        "database), which included full genomes."
    )
    # What went with each URL is listed with it, and what stays still points into the input.
    listed = [text[r.start : r.end] for r in cleaned.removals if r.reason == "url"]
    assert listed[:4] == [
        " [www.inke.ca]",
        "http://www.galaxyzoo.org/, ",
        ", www.geoffreyrockwell.com",
        ": http://www.knowledgeforum.com",
    ]
    assert cleaned.removed["url"] == 8
    assert maps_back(text, cleaned)


@pytest.mark.parametrize(
    "opening",
    [
        "IV TPA was given to every patient within three hours of the first symptoms.",  # intravenous
        "III Corps headquarters moved north in the spring of 1944 with the whole staff.",
        "XVI International AIDS Conference was held in Toronto in the summer of 2006.",
        "IBM SPSS Statistics was used for all analyses of the questionnaire data.",
        # scisummnet P93-1032, a list of subcategorization frames: "IV" is no section number.
        "IV Intransitive verbs TV Transitive verbs DTV Ditransitive verbs are the first frames.",
    ],
)
def test_a_sentence_opening_with_a_roman_number_or_acronyms_is_not_cut_for_a_heading(opening: str) -> None:
    # Was: "IV", "III", "XVI" (a roman number with no title) and "IBM SPSS" (two capitals of three
    # letters or more) were cut off as a section heading, and the sentence began "TPA was given",
    # "Statistics was used".
    text = "The data were collected from three hospitals between 2015 and 2019. " + opening
    assert [h.title for h in clean_text(text).headings if h.title] == []
    assert opening in sentences(text)


def test_a_roman_number_or_capitals_before_a_sentence_opener_still_head_a_section() -> None:
    text = (
        "It was in public discourse. II The Abraham Lincoln Historical Digitization Project builds on it. "
        "It was said. OUR DATA We collected three hundred letters from the archive of the town."
    )
    assert [h.title for h in clean_text(text).headings if h.title] == ["II", "OUR DATA"]


def test_urls_parted_only_by_separators_go_with_their_brackets() -> None:
    # Was: "used ()." and "sites: and.": each URL went with its own marks, and the brackets or the
    # words around the list stayed. And "<URL>" left its "<".
    text = (
        "Two sources were used (https://a.org; https://b.org). Data come from two sites: https://x.org "
        "and https://y.org. Two tools (https://x.org, https://y.org) were used. The list is at <https://x.org>."
    )
    cleaned = clean_text(text)
    assert body(cleaned) == ("Two sources were used. Data come from two sites. Two tools were used. The list is.")
    assert cleaned.removed["url"] == 7
    assert maps_back(text, cleaned)


def test_decomposed_text_is_composed_and_its_removals_span_whole_letters() -> None:
    """NFD input ("Re\u0301sume\u0301"): the abstract heading was not found, and a removal that
    ends in a composed letter must take in its accent."""
    raw = unicodedata.normalize(
        "NFD",
        "Titre de l'article\nClaire Dubois\n\nRésumé\nNous étudions les archives municipales et leurs usages.\n\n"
        "Introduction\nLes archives municipales ont numérisé une grande part de leurs fonds depuis vingt ans.\n"
        "Figure 1. Fonds numérisés par année, de 2000 à 2020, services municipaux étudiés\n"
        "Les chercheurs consultent surtout les registres paroissiaux et les plans cadastraux.\n",
    )
    cleaned = clean_text(raw, lang="fr")
    assert cleaned.abstract == "Nous étudions les archives municipales et leurs usages."
    caption = next(r for r in cleaned.removals if r.reason == "caption")
    assert raw[caption.start : caption.end] == unicodedata.normalize(
        "NFD", "Figure 1. Fonds numérisés par année, de 2000 à 2020, services municipaux étudiés"
    )


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("نتایج نشان می\u200cدهد که گرمای اردیبهشت بیشترین آسیب را به عملکرد گندم می\u200cزند.", True),
        ("प्रत्येक ज़िले के आँकड़े क्\u200dष और वर्षा के साथ जोड़े गए।", True),
        ("The of\u200cfice and the Auf\u200dlage of the journal were both named in the letter.", False),
    ],
    ids=["persian", "hindi", "latin"],
)
def test_zero_width_joiners_stay_in_the_scripts_that_write_them(text: str, kept: bool) -> None:
    """U+200C and U+200D join the letters of Persian, Arabic and Indic words ("می‌کند" printed as
    "میکند"); beside a Latin letter they only break a ligature and go."""
    block = clean_text(text, lang="und").blocks[0].text.text
    assert (block == text) is kept
    assert ("\u200c" in block or "\u200d" in block) is kept


@pytest.mark.parametrize(
    ("lines", "lang", "headings"),
    [
        # Scripts without case: a short line with no end mark before a long one.
        (
            [
                "مقدمه",
                "گندم مهم\u200cترین محصول غذایی ایران است و میلیون\u200cها کشاورز به آن وابسته\u200cاند و زندگی می\u200cکنند.",
            ],
            "und",
            ["مقدمه"],
        ),
        (["परिचय", "गेहूँ भारत की सबसे महत्वपूर्ण खाद्य फसलों में से एक है और करोड़ों किसान इस पर निर्भर हैं।"], "und", ["परिचय"]),
        (
            [
                "결론",
                "이 연구는 기후 변화가 한국의 식량 안보에 위협이 된다는 것을 보여준다. 정부는 고온에 강한 품종을 지원해야 한다.",
            ],
            "ko",
            ["결론"],
        ),
        # Sentence case, in a language without a data file.
        (
            ["Дані та методи", "Ми використали річні дані про врожайність за всіма регіонами з бази Держстату."],
            "uk",
            ["Дані та методи"],
        ),
        # Not: in English (a sentence-case line is no heading by its look alone), or a longer line.
        (
            ["The wheat harvest", "The wheat harvest lies in the dry east of the country, where soils hold little water."],
            "en",
            [],
        ),
        (
            [
                "Ми використали річні дані про врожайність за всіма",
                "регіонами з бази Держстату, а також дані про погоду з усіх метеостанцій країни.",
            ],
            "uk",
            [],
        ),
        (["Дані та методи.", "Ми використали річні дані про врожайність за всіма регіонами з бази Держстату."], "uk", []),
    ],
)
def test_headings_without_capitals(lines: list[str], lang: str, headings: list[str]) -> None:
    text = "\n".join(["Первая строка текста без заголовка.", *lines, "Ещё одна строка.", "И последняя."])
    assert [h.title for h in clean_text(text, lang=lang).headings if h.title] == headings


@pytest.mark.parametrize(
    "text",
    [
        # A name that ends in a sentence opener, then a lower-case word: the opener opens no sentence.
        "It was loud. Nike's Just Do It campaign was a success in every market it reached.",
        "It was loud. Housing First programs reduce homelessness among the people they house.",
        "It was loud. The We Are Family Foundation was founded by Nile Rodgers in the same year.",
    ],
)
def test_a_name_holding_a_sentence_opener_or_a_dateline_is_not_cut_for_a_heading(text: str) -> None:
    # Was: "Nike's Just Do", "Housing" and "NEW YORK" were cut off as headings, and the sentences began
    # "It campaign was ...", "First programs reduce ...", "The mayor said ...".
    cleaned = clean_text(text)
    assert [h.title for h in cleaned.headings if h.title] == []
    assert body(cleaned) == text


def test_a_heading_before_it_and_a_verb_still_heads_its_section() -> None:
    text = "We read it twice. Model Description It consists of three parts that we train together."
    assert [h.title for h in clean_text(text).headings if h.title] == ["Model Description"]
    assert "It consists of three parts that we train together." in sentences(text)


# Flattened PLOS-style text: sentence-case headings and a title-case one before a sentence that
# repeats its first word (plos pone.0067227, pone.0069640, pone.0126470).
SENTENCE_CASE = (
    "The data were drawn from the lists of three schools. Data collection Participants were "
    "recruited in the spring, and all participants gave consent. Degree distribution The degree "
    "distributions of each book are shown in the figure. Statistical Analysis Statistical analysis was "
    "performed with PASW Statistics, and the analysis was repeated once. Network building It consists in "
    "the creation of the network of characters."
)


def test_sentence_case_headings_glued_to_their_sentence_head_sections() -> None:
    # Was: no heading found; "Data collection Participants were recruited ..." was one sentence.
    cleaned = clean_text(SENTENCE_CASE)
    assert [h.title for h in cleaned.headings if h.title] == [
        "Data collection",
        "Degree distribution",
        "Statistical Analysis",
        "Network building",
    ]
    opened = sentences(SENTENCE_CASE)
    assert "Participants were recruited in the spring, and all participants gave consent." in opened
    assert "Statistical analysis was performed with PASW Statistics, and the analysis was repeated once." in opened
    assert maps_back(SENTENCE_CASE, cleaned)


@pytest.mark.parametrize(
    "text",
    [
        "We used three data sets. Data from Germany were used for the training of every model.",  # a name
        "It was cheap. Patients received Aspirin daily, and aspirin was given in every ward.",  # after a verb
        "It was read. Visitors to the online Compendium were shown a sample of its compendium entries.",
        "It was read. Murray mentions Adventure only in an end note, where adventure is a genre.",
        "It was read. The University of Michigan Health System provides the data; the system is large.",
    ],
)
def test_a_sentence_with_a_capitalised_word_keeps_its_words(text: str) -> None:
    cleaned = clean_text(text)
    assert [h.title for h in cleaned.headings if h.title] == []
    assert body(cleaned) == text


def test_lower_case_headings_of_a_flattened_sumpubmed_text_head_sections() -> None:
    # SumPubMed lower-cases its text, "discussion" and "methods" headings too; flattened, they opened
    # the next sentence ("discussion the idea of ..."), and the summary showed them.
    text = (
        "the mutants were compared with the wild type on the blots. discussion the idea of probiotic "
        "protection is old. results of the screen were clear. methods in this study we used mice from "
        "two strains. results we obtained in the second strain are shown. the discussion of it follows."
    )
    cleaned = clean_text(text)
    assert [(h.title, h.kind) for h in cleaned.headings if h.title] == [
        ("discussion", "discussion"),
        ("methods", "methods"),
    ]
    assert [block.text.text for block in cleaned.blocks] == [
        "the mutants were compared with the wild type on the blots.",
        "the idea of probiotic protection is old. results of the screen were clear.",
        "in this study we used mice from two strains. results we obtained in the second strain are shown. "
        "the discussion of it follows.",
    ]


def test_a_flattened_reference_list_numbered_from_its_first_entry_ends_the_body() -> None:
    # Was: "References 1. Ekman P ..." was no heading (the entry's number stood where a capital was
    # looked for), and the flattened PLOS articles kept their reference lists as body text: their
    # summaries showed entries ("Test of the Eye Movement Hypothesis of Neurolinguistic Programming.").
    body_text = "Participants were filmed lying and telling the truth about a mock theft. " * 30
    text = (
        body_text + "We thank Claire Freeman for her help. References 1. Ekman P (2001). Telling lies. "
        "New York: Norton. 2. Vrij A (2008). Detecting lies and deceit. Chichester: Wiley."
    )
    cleaned = clean_text(text)
    assert body(cleaned) == body_text + "We thank Claire Freeman for her help."
    assert text[next(r.start for r in cleaned.removals if r.reason == "references") :].startswith("References 1.")


def test_a_url_takes_the_word_that_led_to_it_and_is_found_across_a_pdf_space() -> None:
    # Was: "The code is available at." and "For details, see." stayed; "http://wacky. sslmit.unibo.it/"
    # lost only "http://wacky" and left "sslmit.unibo.it/" in the sentence.
    text = (
        "The code is available at https://github. com/x/y. The corpus was downloaded from "
        "http://wacky. sslmit.unibo.it/ and cleaned. For details, see http://www.example.org/info. "
        "The site at www.example.org is kept up to date. The data are available from: http://x.org/d."
    )
    cleaned = clean_text(text)
    assert body(cleaned) == (
        "The code is available. The corpus was downloaded and cleaned. For details. "
        "The site is kept up to date. The data are available."
    )
    listed = [text[r.start : r.end] for r in cleaned.removals if r.reason == "url"]
    assert listed[:2] == [" at https://github. com/x/y", " from http://wacky. sslmit.unibo.it/"]
    assert maps_back(text, cleaned)


def test_a_caption_glued_to_the_end_of_a_paragraph_line_is_removed() -> None:
    # SumPubMed (sumpubmed-20376) appends each caption to the line that cites it, right after its stop;
    # the summary showed "<dig> aflp electropherogram peak charts obtained by msd-aflp analysis."
    lines = [
        "BACKGROUND",
        "dna methylation is an epigenetic mark that regulates gene expression in many tissues <cit> .",
        "RESULTS",
        "these values are very reasonable considering the ratio predicted in additional file 1: figure "
        "s2b.fig. <dig> aflp electropherogram peak charts obtained by msd-aflp analysis. each color shows one tissue.",
        "next, we designed locus-specific primers for the msre-pcr analysis of the selected fragments.",
        "a scatter plot of the two methods indicates a strong correlation between the two .fig. <dig> "
        "confirmation of the accuracy of msd-aflp analysis by msre-pcr.",
        "CONCLUSIONS",
        "the method is precise and can be used to screen a large number of clinical samples.",
    ]
    text = "\n".join(lines)
    cleaned = clean_text(text)
    assert "aflp electropherogram" not in body(cleaned) and "confirmation of the accuracy" not in body(cleaned)
    assert "considering the ratio predicted in additional file 1: figure s2b." in body(cleaned)
    captions = [text[r.start : r.end] for r in cleaned.removals if r.reason == "caption"]
    assert captions == [
        "fig. <dig> aflp electropherogram peak charts obtained by msd-aflp analysis. each color shows one tissue.",
        "fig. <dig> confirmation of the accuracy of msd-aflp analysis by msre-pcr.",
    ]


def test_an_apostrophe_written_as_a_question_mark_is_an_apostrophe_again() -> None:
    # scisummnet's text came through an ASCII conversion: "children?s fairy tales" reached summaries,
    # and "?" could end a sentence there. A real question mark stays.
    text = "This is a study of children?s fairy tales, which don?t end well. Is it good? It is."
    assert body(clean_text(text)) == "This is a study of children’s fairy tales, which don’t end well. Is it good? It is."


def test_clean_text_reads_a_lone_cr_as_a_line_break() -> None:
    """Old Mac line endings are cleaning's to read, for every caller of `clean_text` (it was the
    pipeline's alone: `clean_text` glued "the text\\rwhich" into "the textwhich")."""
    text = "Introduction\rThis is the first line of the text\rwhich goes on here and says a little more.\r"
    cleaned = clean_text(text)
    joined = " ".join(block.text.text for block in cleaned.blocks)
    assert "the text which goes on" in joined and "textwhich" not in joined
    assert [h.title for h in cleaned.headings if h.title] == ["Introduction"]
