"""The record format: `ABSTRACT:`, `PREDICTION:`, `FULL TEXT:` (and optionally `TITLE:`) sections.

Any section may be empty or missing, except that an article needs its FULL TEXT. The layout (where
each section's content starts and ends) is kept, so that `--output record` can fill in PREDICTION
and leave every other byte as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..types import Article

SECTION_NAMES = ("TITLE", "ABSTRACT", "PREDICTION", "FULL TEXT")
# A line starts after "\n" or after a lone "\r" (old Mac line endings), and ends at either.
_LINE_START = r"(?:^|(?<=\r))"
_LINE_END = r"(?:\r\n|\r|\n|$)"
_HEADER = re.compile(_LINE_START + r"[ \t]*(TITLE|ABSTRACT|PREDICTION|FULL TEXT):[ \t]*" + _LINE_END, re.MULTILINE)
_FULL_TEXT_LINE = re.compile(_LINE_START + r"[ \t]*FULL TEXT:[ \t]*" + _LINE_END, re.MULTILINE)


@dataclass(frozen=True, slots=True)
class RecordLayout:
    """Where each section's header and content sit in the record text."""

    headers: dict[str, tuple[int, int]]
    contents: dict[str, tuple[int, int]]


def looks_like_record(text: str) -> bool:
    """A record starts with one of the section headers, or has a FULL TEXT header line."""
    first = _HEADER.match(text.lstrip("\ufeff \t\r\n"))
    return first is not None or _FULL_TEXT_LINE.search(text) is not None


def parse_layout(text: str) -> RecordLayout:
    headers: dict[str, tuple[int, int]] = {}
    contents: dict[str, tuple[int, int]] = {}
    matches = list(_HEADER.finditer(text))
    for i, match in enumerate(matches):
        name = match.group(1)
        if name in headers:  # a second header of the same name is content (e.g. quoted in the text)
            continue
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        headers[name] = (match.start(), match.end())
        contents[name] = (match.end(), end)
    return RecordLayout(headers, contents)


def read_record(text: str, *, source: str, doc_id: str) -> Article:
    layout = parse_layout(text)
    if "FULL TEXT" not in layout.contents:
        raise InputError("record has no FULL TEXT section", source=source)
    start, end = layout.contents["FULL TEXT"]
    if not text[start:end].strip():
        raise InputError("record's FULL TEXT section is empty", source=source)

    def content(name: str) -> str:
        a, b = layout.contents.get(name, (0, 0))
        return text[a:b].strip()

    return Article(
        id=doc_id,
        text=text,
        body=(start, end),
        title=content("TITLE"),
        abstract=content("ABSTRACT"),
        meta={"format": "record", "input": source, "layout": layout, "prediction": content("PREDICTION")},
    )


def render_record(text: str, layout: RecordLayout, prediction: str) -> str:
    """The record with PREDICTION's content replaced (or the section added before FULL TEXT).

    The replaced content keeps the record's own separator: the whitespace that followed the old
    content, or the blank-line separator the example records use.
    """
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    if "PREDICTION" in layout.contents:
        start, end = layout.contents["PREDICTION"]
        old = text[start:end]
        trailing = old[len(old.rstrip()) :] or newline
        return text[:start] + prediction + trailing + text[end:]
    insert_at = layout.headers["FULL TEXT"][0]
    section = f"PREDICTION: {newline}{prediction} {newline} {newline}"
    return text[:insert_at] + section + text[insert_at:]
