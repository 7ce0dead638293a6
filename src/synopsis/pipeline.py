"""The run layer: article -> clean -> segment -> Document -> features -> score -> select -> Summary.

Every front end (CLI, batch, server, evaluation) calls `run` (through `process.process`, which adds
the one error policy) and nothing below it, so they all produce the same summary for the same input
and options, with the budget decided in one place (`Budget.of`).
"""

from __future__ import annotations

import os
import re
import warnings
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .candidates import (
    CandidateRules,
    EnglishIn,
    bigrams,
    copies_abstract,
    lower_case_fragments,
    rejection,
    turn_continuations,
)
from .clean import Cleaned, clean_text
from .clean.lexicon import lexicon
from .clean.lines import LIST_LOOKAHEAD_CHARS, LIST_YEARS_MIN
from .clean.rules import END_MATTER, END_MATTER_MIN_POSITION, YEAR, lone_crs_as_line_breaks
from .errors import BudgetWarning, InputError, LanguageWarning, TextWarning
from .features import Features, compute_features
from .ingest import article_from_text
from .ingest.decode import NAMED_ENCODING, check_prose, doubtful_reading, read_in_named
from .language import DETECT_CHARS, ENGLISH, UNDETERMINED, Language, check_spaced, resolve_language
from .limits import MAX_CHARS
from .output import over_budget_warning
from .scorers import get_method
from .segment import sentence_spans
from .select import Selection, select
from .stopwords import STOP_WORDS
from .types import Article, Budget, Document, Section, Sentence, Summary
from .version import __version__


@dataclass(frozen=True, slots=True)
class RunOptions:
    """What summary to make: the same for every document of a run, in every front end (picklable)."""

    method: str = "auto"
    budget: Budget = field(default_factory=Budget.of)
    params: tuple[tuple[str, Any], ...] = ()  # scorer parameters as (name, value) pairs: hashable, picklable
    # Longer inputs are refused before any work: the limit is derived from memory (limits.py).
    max_chars: int | None = MAX_CHARS
    # A language code, or None/"auto" to detect it per document (language.py).
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Result:
    """Everything one run produced, so a front end renders what it needs without redoing a stage:
    every sentence's score (the server's shading) as well as the chosen ones (`summary`)."""

    document: Document
    features: Features
    scores: NDArray[np.float64]
    selection: Selection
    budget: Budget
    summary: Summary


def run(article: Article, options: RunOptions = RunOptions()) -> Result:
    """Summarize one article: check its length, build its document, then `run_document`."""
    if options.max_chars is not None and len(article.text) > options.max_chars:
        raise InputError(
            f"is {len(article.text):,} characters, over the limit of {options.max_chars:,} for one article",
            source=article.meta.get("input"),
            line=article.meta.get("line"),
            setting="max_chars",
            hint=" (raise it with {name})",
            value=len(article.text),
            limit=options.max_chars,
        )
    return run_document(build_document(article, lang=options.lang), options)


def run_document(doc: Document, options: RunOptions = RunOptions(), *, features: Features | None = None) -> Result:
    """Score a built document's sentences with the method and select within the budget.

    `features` may be passed in when several methods run over one document (evaluation).
    """
    chosen = get_method(options.method, language=doc.meta.get("language", ENGLISH))
    params = dict(options.params)
    features = features if features is not None else compute_features(doc)
    scores = chosen.score(doc, features, **params)
    if chosen.choose is not None:  # a summary-level method picks a combination itself
        selection = chosen.choose(doc, features, scores, options.budget, **{**chosen.params, **params})
    else:
        selection = select(scores, features, options.budget, **chosen.selection)
    summary = Summary(
        doc_id=doc.id,
        method=chosen.name,
        sentences=tuple(doc.sentences[i] for i in selection.indices),
        scores=tuple(float(scores[i]) for i in selection.indices),
        budget=options.budget,
        params={**chosen.params, **params},
        version=__version__,
        over_budget=selection.over_budget,
    )
    return Result(doc, features, scores, selection, options.budget, summary)


def segment(text: str, *, lang: str = ENGLISH) -> list[tuple[int, int]]:
    """Sentence spans of one block in language `lang`: the one call into segmentation."""
    return sentence_spans(text, lang=lang)


def article_language(article: Article, lang: str | None = None) -> tuple[Language, str | None]:
    """The language to read `article` in (`lang` wins over detection) and a warning when unsupported."""
    return resolve_language(lang, _language_text(article))


# A reference list's heading on a line of its own, in every language whose heading words we know:
# a list is in the languages of the works it cites (an Italian paper citing English titles read as
# English). The words are those cleaning cuts a list at in a text of undetermined language (English's
# in clean/rules.py, the supported languages' data files', the others' in clean/lexicon.py), so that
# a heading added there is one detection stops at too.
@cache
def _references_line() -> re.Pattern[str]:
    words = lexicon(UNDETERMINED).end_matter.pattern
    return re.compile(rf"\n[ \t]*(?:\d{{1,2}}\.?[ \t]+)?(?P<word>{words})[ \t]*:?[ \t]*(?=\r?\n)", re.IGNORECASE)


# Detection needs some text before a reference list to read: this many characters (~90 words).
LANGUAGE_TEXT_MIN_CHARS = 600


def _heads_references(body: str, line: re.Match[str]) -> bool:
    """Whether a heading line `_references_line` found heads the reference list: an English word
    for one ("References", "Works Cited") does; "Literature", and every other language's word
    ("Literatura", "Sources", "Fuentes"), also names a section mid-paper, and heads a list only
    where entries with years follow it, as cleaning has it (clean.lines.LIST_YEARS_MIN)."""
    word = line.group("word")
    if word.lower() != "literature" and END_MATTER.fullmatch(word):
        return True
    return len(YEAR.findall(body, line.end(), line.end() + LIST_LOOKAHEAD_CHARS)) >= LIST_YEARS_MIN


def _language_text(article: Article) -> str:
    """What detection reads: title, abstract and the body up to a reference list that starts past
    its first 30% or its first LANGUAGE_TEXT_MIN_CHARS (and within the part detection reads)."""
    start, end = article.body
    body = lone_crs_as_line_breaks(article.text[start:end])  # the lines cleaning reads
    after = min(int(END_MATTER_MIN_POSITION * len(body)), LANGUAGE_TEXT_MIN_CHARS)
    lines = _references_line().finditer(body, after, DETECT_CHARS)
    cut = next((line for line in lines if _heads_references(body, line)), None)
    return " ".join((article.title, article.abstract, body if cut is None else body[: cut.start()]))


def clean_article(article: Article, code: str) -> Cleaned:
    """The article's body cleaned in language `code`, the headings a PDF's layout found kept as
    headings: what `build_document` segments, and what `synopsis extract` shows it removed."""
    start, end = article.body
    layout_headings = frozenset(int(a) for a, _ in article.meta.get("headings", ()))
    return clean_text(article.text, start, end, title=article.title, heading_starts=layout_headings, lang=code)


# What `build_document` takes, and where a user gets one.
ARTICLE_EXPECTED = (
    "a synopsis.Article (from synopsis.ingest.read_articles or article_from_text; for a str use synopsis.summarize)"
)


def build_document(article: Article, *, rules: CandidateRules = CandidateRules(), lang: str | None = None) -> Document:
    """Clean and segment an article into a Document of sentences and sections.

    `lang` is a language code or "auto"/None (detect it from the text); the language used is
    `meta["language"]`, and `meta["language_warning"]` says when it is not supported.
    """
    require_type("build_document", "article", article, Article, ARTICLE_EXPECTED)
    require_type("build_document", "lang", lang, (str, type(None)), "a language code such as 'de', 'auto' or None")
    text = _language_text(article)
    language, warning = resolve_language(lang, text)
    try:
        check_spaced(text)  # Chinese, Japanese, Thai: refused, not summarized, even where detection says English
        check_prose(text)  # base64, one word repeated: refused, not summarized
    except InputError as err:  # in a wrong --encoding, Latin text reads as Chinese: the line says so
        named = article.meta.get(NAMED_ENCODING)
        if named is None or not doubtful_reading(article.text, str(named)):
            raise
        raise read_in_named(err, str(named)) from None
    code = language.code
    cleaned = clean_article(article, code)
    abstract = article.abstract or cleaned.abstract
    # English captions are `rejection`'s; other languages add their caption words (clean.lexicon).
    captions = lexicon(code).caption_line if code != ENGLISH else None
    in_english = EnglishIn.of(STOP_WORDS, language.stop_words) if language.supported and code != ENGLISH else None
    unicode = code != ENGLISH
    abstract_pairs = bigrams(abstract, unicode=unicode, lang=code) if abstract else set()
    sentences: list[Sentence] = []
    long_sentences: list[str] = []  # too long to select: a text without its sentence punctuation
    first_of_section: dict[int, int] = {}
    last_of_section: dict[int, int] = {}
    for block in cleaned.blocks:
        for a, b in segment(block.text.text, lang=code):
            text = block.text.text[a:b]
            raw_start, raw_end = block.text.span(a, b)
            reason = rejection(text, rules)
            if reason == "too_long":
                long_sentences.append(text)
            if reason is None and copies_abstract(text, abstract_pairs, rules, unicode=unicode, lang=code):
                reason = "copies_abstract"
            if reason is None and captions is not None and captions.match(text):
                reason = "caption"  # "Abb. 1: ...", "Tableau 2 : ..." left inside a flattened text
            if reason is None and in_english is not None and in_english(text):
                reason = "english_in_other_language"  # a quotation or an abstract in English
            index = len(sentences)
            first_of_section.setdefault(block.section, index)
            last_of_section[block.section] = index
            sentences.append(Sentence(index, text, raw_start, raw_end, block.section, block.paragraph, reason is None, reason))
    if not sentences:
        raise InputError("has no body text left after cleaning (is it only a reference list or front matter?)")
    texts = [sentence.text for sentence in sentences]
    for i in lower_case_fragments(texts):
        if sentences[i].candidate:  # a sentence's tail, an example, a list item; an earlier reason stays
            sentences[i] = replace(sentences[i], candidate=False, not_candidate="lower_case_fragment")
    for i in turn_continuations(texts, [sentence.paragraph for sentence in sentences]):
        if sentences[i].candidate:  # the rest of a quoted interview turn, of a panel legend
            sentences[i] = replace(sentences[i], candidate=False, not_candidate="labelled_turn")
    sections = tuple(
        Section(
            i, heading.title, heading.kind, first_of_section.get(i, len(sentences)), last_of_section.get(i, len(sentences) - 1)
        )
        for i, heading in enumerate(cleaned.headings)
    )
    meta = dict(article.meta)
    # What cleaning removed, and the pages of a PDF whose text was not read (scanned, unreadable).
    meta["removed"] = {**cleaned.removed, **article.meta.get("pdf_unread", {})}
    meta["removals"] = cleaned.removals
    meta["language"] = code
    if warning:
        meta["language_warning"] = warning
    unpunctuated = unpunctuated_warning(sentences, long_sentences, rules)
    if unpunctuated:
        meta["text_warning"] = unpunctuated
    if not article.abstract and cleaned.abstract:
        meta["abstract_from_text"] = True
    return Document(article.id, article.text, article.title, abstract, tuple(sentences), sections, meta)


# A text is said to lack its sentence punctuation where this share of its words, or more, stands
# in sentences too long for any summary (one of the 1,311 dev articles reaches it: an OCR text
# without full stops, scisummnet-W97-0713, 4,737 of its 4,801 words).
UNPUNCTUATED_SHARE = 0.5


def unpunctuated_warning(sentences: list[Sentence], long_sentences: list[str], rules: CandidateRules) -> str | None:
    """The warning for a text whose words stand mostly in sentences over `rules.max_words` (None
    otherwise): a text stripped of its full stops segments into a few huge sentences that no
    summary takes, and without a word the user got its title line, or 3,000 words, as "summary"."""
    if not long_sentences:
        return None
    long_words = sum(len(text.split()) for text in long_sentences)
    total = 0
    for sentence in sentences:  # a text with one long sentence among normal ones is settled in a few
        total += len(sentence.text.split())
        if long_words < UNPUNCTUATED_SHARE * total:
            return None  # more words only lower the long sentences' share
    rest = (
        "the summary is taken from the rest"
        if any(s.candidate for s in sentences)
        else "no sentence is a summary candidate, so the summary is chosen among all its sentences, whatever their length"
    )
    count = len(long_sentences)
    return (
        f"the text has few sentence ends: {long_words:,} of its {total:,} words stand in {count:,}"
        f" sentence{'s' if count != 1 else ''} of over {rules.max_words} words, too long for a summary"
        f" (is its punctuation missing?); {rest}"
    )


def summarize_document(
    doc: Document,
    *,
    method: str = "auto",
    budget: Budget = Budget(),
    features: Features | None = None,
    **params: Any,
) -> Summary:
    """Score a document's sentences with `method` and select a summary within `budget`.

    `**params` are the method's (`synopsis methods` lists them), e.g. `model="model.json"`, a file
    made by `synopsis train`, for the trained methods. Unlike `summarize`, it issues no warnings:
    `doc.meta` and the summary's `over_budget` say them."""
    require_type("summarize_document", "doc", doc, Document, "a synopsis.Document (from build_document)")
    require_type("summarize_document", "budget", budget, Budget, "a synopsis.Budget such as Budget(words=150)")
    if features is not None:
        what = "the document's Features (synopsis.features.compute_features(doc)) or None"
        require_type("summarize_document", "features", features, Features, what)
        if features.n != len(doc.sentences):  # numpy's "operands could not be broadcast" from inside a scorer
            raise ValueError(
                f"summarize_document: features are of another document ({features.n:,} sentences;"
                f" this document has {len(doc.sentences):,}): pass compute_features(doc), or None"
            )
    options = RunOptions(method, budget, _params_given(params))
    return run_document(doc, options, features=features).summary


def summarize(
    text: str,
    *,
    method: str = "auto",
    words: int | None = None,
    sentences: int | None = None,
    title: str = "",
    abstract: str = "",
    lang: str | None = None,
    max_chars: int | None = MAX_CHARS,
    format: str = "auto",
    **params: Any,
) -> Summary:
    """Summarize an article given as a string (plain text or a record); the budget as in the CLI:
    200 words unless `sentences` is given. `format` is "auto" (a text that opens with record
    headers, "ABSTRACT:", "FULL TEXT:", is a record), "text" or "record", as the CLI's --format.

    >>> summary = summarize(open("examples/000_9c8af2bd0370aa32.txt", encoding="utf-8").read(), words=100)  # doctest: +SKIP
    >>> print(summary.text)  # doctest: +SKIP

    `title` and `abstract` are for a text that does not carry them (sentences copying the abstract
    are never chosen); `lang` is a language code, or "auto"/None to detect it; `max_chars` refuses
    longer texts (None: no limit); `**params` are the method's (`synopsis methods` lists them).
    Bad input raises `InputError`, a bad budget `ValueError`, an unknown method or parameter
    `MethodError`, an argument of the wrong type `TypeError`, each with one line saying what is wrong.

    A language that is not supported is summarized with language-neutral settings and said with a
    `LanguageWarning` (the line the CLI prints), through Python's `warnings`; a text whose words
    stand mostly in sentences too long for a summary (its punctuation missing), with a `TextWarning`;
    a summary over its word budget (no whole sentence fits), with a `BudgetWarning`.
    """
    _check_summarize_arguments(text, title=title, abstract=abstract, lang=lang, max_chars=max_chars, format=format)
    article = article_from_text(text, title=title, abstract=abstract, format=format)
    options = RunOptions(method, Budget.of(words, sentences), _params_given(params), max_chars=max_chars, lang=lang)
    try:
        result = run(article, options)
    except InputError as err:  # named as the text's own errors are ("<text>: ..."), not "<input>: ..."
        raise (err if err.source else err.at(article.meta.get("input", "<text>"))) from None
    meta = result.document.meta
    if meta.get("language_warning"):
        warnings.warn(meta["language_warning"], LanguageWarning, stacklevel=2)
    if meta.get("text_warning"):
        warnings.warn(meta["text_warning"], TextWarning, stacklevel=2)
    if over := over_budget_warning(result.summary):
        warnings.warn(over, BudgetWarning, stacklevel=2)
    return result.summary


def _params_given(params: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    """A method's parameters as RunOptions holds them, a path given as a `pathlib.Path` as its str:
    `model=Path("model.json")` names the file that `model="model.json"` does (a Path was refused
    as "must be a string")."""
    return tuple((name, os.fspath(value) if isinstance(value, os.PathLike) else value) for name, value in params.items())


def require_type(function: str, name: str, value: object, expected: type | tuple[type, ...], what: str) -> None:
    """Raise a one-line TypeError naming the argument and what it should be: a wrong type would
    otherwise fail deep in a stage with an AttributeError that names neither."""
    if isinstance(value, expected) and not isinstance(value, bool):  # True is an int, never a limit
        return
    got = "None" if value is None else type(value).__name__
    takes_str = str in (expected if isinstance(expected, tuple) else (expected,))
    hint = ""
    if takes_str and isinstance(value, (bytes, bytearray)):
        hint = "; decode it first, e.g. data.decode('utf-8')"
    elif takes_str and isinstance(value, os.PathLike):  # a file to read, not a text
        hint = (
            "; to summarize a file, read it first, e.g. path.read_text(encoding='utf-8'), or use"
            " synopsis.ingest.read_articles(path) (PDF, JSONL, records)"
        )
    raise TypeError(f"{function}: {name} must be {what}, not {got}{hint}")


def _check_summarize_arguments(
    text: object, *, title: object, abstract: object, lang: object, max_chars: object, format: object = "auto"
) -> None:
    """The types `summarize` takes, checked before any work (the budget and method check themselves)."""
    require_type("summarize", "text", text, str, "a str (the article's text, or a record)")
    require_type("summarize", "title", title, str, "a str")
    require_type("summarize", "abstract", abstract, str, "a str")
    require_type("summarize", "lang", lang, (str, type(None)), "a language code such as 'de', 'auto' or None")
    require_type("summarize", "format", format, str, "'auto', 'text' or 'record'")
    require_type("summarize", "max_chars", max_chars, (int, type(None)), "an int (characters) or None for no limit")
    if isinstance(max_chars, int) and max_chars < 1:
        raise ValueError(f"summarize: max_chars must be at least 1 (characters), or None for no limit; got {max_chars}")
