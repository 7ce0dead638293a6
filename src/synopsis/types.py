"""The data that flows through the pipeline.

Everything here is a frozen dataclass so a stage can never change what an earlier stage produced,
and a sentence is identified by its index in the document, never by its text (two sentences may
read the same).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from numbers import Integral
from typing import Any, Literal

from .checks import require_whole_number

SectionKind = Literal["introduction", "methods", "results", "discussion", "conclusion", "other"]
SECTION_KINDS: tuple[SectionKind, ...] = (
    "introduction",
    "methods",
    "results",
    "discussion",
    "conclusion",
    "other",
)
# Why a sentence is no candidate (`Sentence.not_candidate`): `candidates.rejection`'s reasons, then
# `pipeline.build_document`'s; docs/methods.md ("Candidate sentences") says what each means.
NOT_CANDIDATE_REASONS = (
    "too_short",
    "too_long",
    "symbols",
    "caption",
    "numbered_heading",
    "labelled_turn",
    "email_or_url",
    "no_sentence_end",
    "copies_abstract",
    "english_in_other_language",
    "lower_case_fragment",
)
# An abstract's usual length: the word budget when the user names none.
DEFAULT_WORDS = 200


@dataclass(frozen=True, slots=True)
class Article:
    """An input article before cleaning, as an ingest reader found it.

    `text` is the original input (a whole file, or one JSONL field) and `body` the part of it that
    holds the article's full text, so that offsets always refer to what the user gave us.
    """

    id: str
    text: str
    body: tuple[int, int]
    title: str = ""
    abstract: str = ""
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of the cleaned body.

    `start`/`end` delimit the sentence in the *original* input (the file or the JSONL field), so a
    front end can highlight it in place. `text` is that slice with extraction artefacts undone
    (line-break hyphens joined, line breaks collapsed, footnote markers and citation placeholders
    removed); where cleaning changed nothing inside the sentence, `text == original[start:end]`.

    `candidate` is False for a sentence no method may choose, and `not_candidate` says why (one of
    `NOT_CANDIDATE_REASONS`; None for a candidate, or where whoever built the sentence gave none):
    a user who sees a sentence passed over must be able to tell a caption from a copied abstract.
    """

    index: int
    text: str
    start: int
    end: int
    section: int
    paragraph: int
    candidate: bool = True
    not_candidate: str | None = None

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Section:
    """A run of sentences under one heading; `first`/`last` are sentence indices (inclusive).

    A section without sentences (a heading followed directly by a subheading) has `last < first`.
    """

    index: int
    title: str
    kind: SectionKind
    first: int
    last: int


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned, segmented article: what every scorer reads."""

    id: str
    text: str
    title: str
    abstract: str
    sentences: tuple[Sentence, ...]
    sections: tuple[Section, ...]
    meta: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Budget:
    """How long a summary may be: a word limit, a sentence limit, or both.

    Validated here so that every front end rejects a bad budget with the same message.
    """

    words: int | None = DEFAULT_WORDS
    sentences: int | None = None

    def __post_init__(self) -> None:
        if self.words is None and self.sentences is None:
            raise ValueError("a budget needs a word limit, a sentence limit or both")
        for name, value in (("words", self.words), ("sentences", self.sentences)):
            if isinstance(value, Integral) and not isinstance(value, (int, bool)):
                # numpy's and pandas' integers (a budget read from a data frame's column): the same
                # number, kept as an int so that the budget compares, hashes and writes as JSON as one
                value = int(value)
                object.__setattr__(self, name, value)
            if value is not None:
                require_whole_number(f"budget {name}", value)

    @classmethod
    def of(cls, words: int | None = None, sentences: int | None = None) -> Budget:
        """The budget a user asked for: the one place that decides the default.

        200 words unless a sentence limit is given (then only that, as `--sentences 10` means ten
        sentences whatever their length); both given, both apply.
        """
        if words is None and sentences is None:
            return cls(DEFAULT_WORDS, None)
        return cls(words, sentences)

    def as_dict(self) -> dict[str, int | None]:
        return {"words": self.words, "sentences": self.sentences}


@dataclass(frozen=True, slots=True)
class Summary:
    """The chosen sentences, in document order, with the score each one got.

    `over_budget` is true only when no whole sentence fits the word budget and the shortest of the
    best sentences was returned instead of an empty summary.
    """

    doc_id: str
    method: str
    sentences: tuple[Sentence, ...]
    scores: tuple[float, ...]
    budget: Budget
    params: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    version: str = ""
    over_budget: bool = False

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.sentences)

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)
