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
from .inline import FRONT_MATTER_MAX_WORDS, clean_inline
from .lines import Paragraph, WordsUsed, lower_cased, split_paragraphs
from .removed import Removal, RemovalLog
from .speakers import speaker_labels
from .tracked import Edit, Tracked
from .words import damage_signs, document_words, function_words


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
    """What cleaning leaves of a text: body blocks, headings, the abstract it found on the way, and
    what it removed (`removals`, in the order removed; `removed` counts them by reason)."""

    blocks: tuple[Block, ...]
    headings: tuple[Heading, ...]
    abstract: str = ""
    removals: tuple[Removal, ...] = ()
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
    removed = RemovalLog()
    paragraphs = split_paragraphs(
        Tracked.of(raw[start:end], start), title=title, removed=removed, heading_starts=heading_starts, lang=lang
    )
    # The whole body, lower-cased, made once and only when a paragraph has a "- " to judge.
    body = functools.cache(lambda: " ".join(p.text.text for p in paragraphs if p.heading is None))
    document = functools.cache(lambda: body().lower())
    used = WordsUsed(document)  # the words it uses, for each paragraph's flattened hyphens
    # Split and glued words: the evidence is built only where it is needed (`clean.words`).
    lowered = functools.cache(lambda: lower_cased(body()))  # SumPubMed's text (`lines.lower_cased`)
    damage = functools.cache(lambda: damage_signs(body()))
    words = functools.cache(lambda: document_words(document(), function_words(lang), damaged=damage().split))
    speakers = functools.cache(lambda: speaker_labels(body()) if lang == ENGLISH else frozenset[str]())
    headings: list[Heading] = [Heading("", "other", start, start)]
    blocks: list[Block] = []
    abstract_parts: list[str] = []
    kept_words = 0  # words of the blocks kept so far (a title line is a few)
    for paragraph in paragraphs:
        if paragraph.heading is not None:
            headings.append(Heading(paragraph.heading, paragraph.kind, *paragraph.span))
            continue
        pieces = clean_inline(
            paragraph.text,
            removed=removed,
            lang=lang,
            document=document,
            used=used,
            words=words,
            speakers=speakers,
            damage=damage,
            lowered=lowered,
            # No heading yet and only title-sized text kept (a title line) before it: the paragraph
            # may open with the title block; after body paragraphs it is body text, not front matter.
            opening=len(headings) == 1 and kept_words < FRONT_MATTER_MAX_WORDS,
        )
        for piece in pieces:
            if piece.heading is not None:
                headings.append(Heading(piece.heading, piece.kind, *piece.heading_span))
            if piece.end_matter:  # the reference list (or what ends the body) and all after it
                removed.add_original("references", piece.heading_span[0], end)
                return _cleaned(blocks, headings, abstract_parts, removed)
            if piece.dropped and piece.text.text:
                removed.add("dropped_section", piece.text, 0, len(piece.text.text))
            if not piece.text.text or piece.dropped:
                continue
            if paragraph.abstract or piece.abstract:
                abstract_parts.append(piece.text.text)
            else:
                blocks.append(Block(piece.text, len(headings) - 1, len(blocks)))
                if kept_words < FRONT_MATTER_MAX_WORDS:  # counted only while it matters
                    kept_words += len(piece.text.text.split())
    return _cleaned(blocks, headings, abstract_parts, removed)


def _cleaned(blocks: list[Block], headings: list[Heading], abstract_parts: list[str], removed: RemovalLog) -> Cleaned:
    removals = tuple(sorted(removed.items, key=lambda r: (r.start, r.end)))  # in the order of the input
    return Cleaned(tuple(blocks), tuple(headings), " ".join(abstract_parts), removals, removed.counts)


__all__ = ["Block", "Cleaned", "Edit", "Heading", "Paragraph", "Removal", "Tracked", "clean_text"]
