"""Clean PDF-extracted scholarly text into body paragraphs under section headings.

Input arrives in two shapes: with its line structure (a heading or paragraph per line, or
hard-wrapped lines) and flattened into one line, as many datasets store it. Line-structured text is
first cleaned line by line (`lines`); every paragraph, and a flattened text as a whole, then goes
through the inline steps (`inline`), which find what the line breaks no longer show. Every step
keeps the map back to the original offsets (`Tracked`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from ..language import ENGLISH
from ..types import SectionKind
from .inline import clean_inline
from .lines import Paragraph, split_paragraphs
from .tracked import Edit, Tracked


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading; `start`/`end` locate it in the original input (equal when synthetic)."""

    title: str
    kind: SectionKind
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph of body text under heading number `section`."""

    text: Tracked
    section: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Cleaned:
    """What cleaning leaves of a text: body blocks, headings, and what it found on the way."""

    blocks: tuple[Block, ...]
    headings: tuple[Heading, ...]
    abstract: str = ""
    removed: dict[str, int] = field(default_factory=dict)


def clean_text(
    raw: str,
    start: int = 0,
    end: int | None = None,
    *,
    title: str = "",
    heading_starts: frozenset[int] = frozenset(),
    lang: str = ENGLISH,
) -> Cleaned:
    """Clean `raw[start:end]`, keeping offsets into `raw`.

    `title`, when known, lets the first line be recognised as the title rather than body text;
    `heading_starts` are offsets of lines a reader with layout (the PDF reader) knows are headings,
    including sentence-case ones ("Diagnosis of dementia") that text alone cannot tell apart.
    `lang` picks the heading, keyword and caption words (clean.lexicon).
    """
    end = len(raw) if end is None else end
    removed: dict[str, int] = {}
    paragraphs = split_paragraphs(
        Tracked.of(raw[start:end], start), title=title, removed=removed, heading_starts=heading_starts, lang=lang
    )
    # The whole body, lower-cased, made once and only when a paragraph has a "- " to judge.
    document = functools.cache(lambda: " ".join(p.text.text for p in paragraphs if p.heading is None).lower())
    headings: list[Heading] = [Heading("", "other", start, start)]
    blocks: list[Block] = []
    abstract_parts: list[str] = []
    for paragraph in paragraphs:
        if paragraph.heading is not None:
            headings.append(Heading(paragraph.heading, paragraph.kind, *paragraph.span))
            continue
        for piece in clean_inline(paragraph.text, removed=removed, lang=lang, document=document):
            if piece.heading is not None:
                headings.append(Heading(piece.heading, piece.kind, *piece.heading_span))
            if piece.end_matter:
                return Cleaned(tuple(blocks), tuple(headings), " ".join(abstract_parts), removed)
            if not piece.text.text or piece.dropped:
                continue
            if paragraph.abstract or piece.abstract:
                abstract_parts.append(piece.text.text)
            else:
                blocks.append(Block(piece.text, len(headings) - 1, len(blocks)))
    return Cleaned(tuple(blocks), tuple(headings), " ".join(abstract_parts), removed)


__all__ = ["Block", "Cleaned", "Edit", "Heading", "Paragraph", "Tracked", "clean_text"]
