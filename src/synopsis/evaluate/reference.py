"""The reference abstract as `evaluate` scores against it and `train` learns from it: one reading,
so that a model is trained on the very text its evaluation compares with."""

from __future__ import annotations

import re

from ..clean.headings import is_abstract, is_other_abstract, strip_number
from ..language import ENGLISH, UNDETERMINED, detect_language
from .rouge import rouge_tokens

NO_REFERENCE = "has no reference abstract to score against"

# A line that names a summary rather than being one: the cleaner's abstract headings are stricter
# ("Summary" there is often a closing section of the body), but a reference's first line that is
# only "Summary", "Author summary", "Plain language summary" or "Synopsis" is its heading.
# "In summary" / "To summarize" open a sentence ("In summary, we ..."), alone on a line they still
# do: no heading.
SUMMARY_HEADING = re.compile(r"(?!(?:in|to|as)\s)(?:[\w-]+\s+){0,2}(?:abstract|summary)|synopsis", re.IGNORECASE)


# Markup in a reference (JATS/HTML tags, LaTeX commands or math): ROUGE counts "<i>" as the word
# "i" and "\\textbf{" as "textbf", words no plain-text summary holds. Said, not removed: the scores
# stay rouge-score's on the text as given (docs/evaluation.md, Inputs). Tags by name: SumPubMed's
# "<dig>" (its digits' placeholder, in the body too) is no markup.
MARKUP_TAGS = (
    "i", "b", "u", "em", "strong", "sup", "sub", "sc", "p", "br", "span", "div", "a", "italic", "bold",
    "xref", "inline-formula", "disp-formula", "title", "sec", "list", "list-item", "math",
)  # fmt: skip
MARKUP = re.compile(
    rf"</?(?:{'|'.join(MARKUP_TAGS)}|(?:jats|mml):[\w-]+)(?:\s[^<>]*)?/?>|\\[A-Za-z]+\s*\{{|\$[^$\n]*[\\^_{{][^$\n]*\$",
    re.IGNORECASE,
)


def markup_in(reference: str) -> str:
    """The first piece of markup in `reference` ("<i>", "\\textbf{", "$\\alpha$"), "" when none."""
    found = MARKUP.search(reference)
    return found.group(0)[:40] if found else ""


def is_reference_heading(line: str, lang: str = ENGLISH) -> bool:
    """Whether a reference's line is only a heading: an abstract heading of the text's language or
    of any other ("Zusammenfassung" above a French abstract too: journals head it in their own
    language), or an English summary heading (`SUMMARY_HEADING`)."""
    bare = strip_number(line).rstrip(":. ")
    return bool(bare) and (
        is_abstract(bare, lang)
        or is_abstract(bare, ENGLISH)
        or is_other_abstract(bare, ENGLISH)
        or SUMMARY_HEADING.fullmatch(bare) is not None
    )


def other_language(found: str, lang: str) -> str:
    """The language the reference reads as (`found`, `detect_language` of it) where that is another
    than the text's ("" when the same or undetermined): ROUGE tokenizes both by the text's, and no
    summary of the text can share the words of an abstract in another language, so the report says so."""
    return "" if found in (lang, UNDETERMINED) else found


def reference_text(abstract: str, lang: str = ENGLISH) -> tuple[str, str | None]:
    """The reference to score against, without a first line that is only a heading ("Abstract",
    "ABSTRACT:", "Summary", "Résumé", "Zusammenfassung"), which no summary sentence holds; and why
    there is none: no abstract, only a heading, or no word ROUGE counts ("...", "--"). Such a
    document says nothing about any system (evaluate lists it, not averaged as 0 for all of them)
    and teaches nothing (train leaves it out). A run-in heading ("Abstract: We ...") is left to
    the text."""
    if not abstract.strip():
        return "", NO_REFERENCE
    first, _, rest = abstract.strip().partition("\n")
    if is_reference_heading(first.strip(), lang):
        if not rest.strip():
            return "", f"its reference abstract is only a heading ({first.strip()!r}), no text to score against"
        abstract = rest
    if not rouge_tokens(abstract, lang=lang):
        shown = " ".join(abstract.split())
        shown = shown if len(shown) <= 40 else shown[:39] + "…"
        if any(char.isalnum() for char in shown):  # English's keeps [a-z0-9] only: Cyrillic has words, none it counts
            other = other_language(detect_language(abstract), lang)
            reads = f", which reads as {other}" if other else ""
            return "", f"the {lang} tokenizer counts no word of its reference abstract ({shown!r}){reads}"
        return "", f"its reference abstract has no word to score against ({shown!r})"
    return abstract, None
