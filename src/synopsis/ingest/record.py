"""The record format: `ABSTRACT:`, `PREDICTION:`, `FULL TEXT:` (and optionally `TITLE:`) sections.

Any section may be empty or missing, except that an article needs its FULL TEXT. The layout (where
each section's content starts and ends) is kept, so that `--output record` can fill in PREDICTION
and leave every other byte as it was.

Records are written by hand and by scripts, so a header is read however it is written: in any
case (`Abstract:`), with spaces (`FULL  TEXT :`), with its content on the same line
(`TITLE: A title`), in capitals without its colon, or with the colon on a line of its own. Three rules keep an
article's own text from being cut into sections: a header seen before is content (a `FULL TEXT:`
quoted in the body stays in the body); once FULL TEXT has begun only a header in the record's
own form (capitals, colon, alone on its line) starts another section, so a body line such as
`Abstract` or `Title: ...` is body text; and once a header in that form has been seen, a header
with its content on the same line must be in capitals with its colon (`TITLE: A title`): a line
`Title: ...` in its abstract is the abstract's, while a header alone on its line (`Full text:`)
still starts its section. And a header after FULL TEXT's whose section would be over ten times
as long as FULL TEXT (and 5,000 characters) is body text too (`_bulk_kept`): a paper's own
"ABSTRACT:" under its title.
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
_NAME = r"(?P<name>title|abstract|prediction|full[ \t_-]*text)"
# The form the format defines: the name in capitals and its colon, alone on the line.
_STRICT = re.compile(_LINE_START + r"[ \t]*(TITLE|ABSTRACT|PREDICTION|FULL TEXT):[ \t]*" + _LINE_END, re.MULTILINE)
# Any form: a colon (perhaps on the next line) with the content after it on the same line or on
# the next; or no colon, the name alone on its line.
_ANY = re.compile(
    _LINE_START + r"[ \t]*" + _NAME + r"[ \t]*(?:(?:(?:\r\n|\r|\n)[ \t]*)?:[ \t]*(?:\r\n|\r|\n)?|" + _LINE_END + ")",
    re.MULTILINE | re.IGNORECASE,
)
_WORDS = re.compile(r"[ \t_-]+")
# A section after FULL TEXT that is longer than both of these is the paper's own text (see
# `_bulk_kept`): ten times FULL TEXT and more than any abstract (a review found a record whose
# ABSTRACT of 2,000 characters came after a FULL TEXT of 300 read as body with a rule of twice).
_BULK_RATIO = 10
_BULK_MIN_CHARS = 5_000


@dataclass(frozen=True, slots=True)
class RecordLayout:
    """Where each section's header and content sit in the record text."""

    headers: dict[str, tuple[int, int]]
    contents: dict[str, tuple[int, int]]


def _section(match: re.Match[str]) -> str:
    """The section a header names, as SECTION_NAMES spells it ("Full  text" -> "FULL TEXT")."""
    return _WORDS.sub(" ", match.group("name").upper()).replace("FULLTEXT", "FULL TEXT")


def _headers(text: str) -> list[tuple[str, re.Match[str]]]:
    """The header lines that start sections, in order: the first header of each name, and after
    FULL TEXT's header only those in the strict form (see the module's docstring)."""
    found: list[tuple[str, re.Match[str]]] = []
    seen: set[str] = set()
    own_form = False  # a header in the format's own form seen: the record is written in it
    for match in _ANY.finditer(text):
        name = _section(match)
        capitals = match.group("name").isupper()
        if name in seen or (":" not in match.group() and not capitals):
            continue  # a repeated header is content; so is "Abstract" without its colon (a heading)
        strict = _STRICT.match(text, match.start()) is not None
        labelled_line = not (capitals and ":" in match.group()) and _content_on_line(text, match)
        if ("FULL TEXT" in seen and not strict) or (own_form and labelled_line):
            continue
        own_form = own_form or strict
        seen.add(name)
        found.append((name, match))
    return found


def _content_on_line(text: str, match: re.Match[str]) -> bool:
    """Whether the header `match` has content after it on its own line ("Title: A study"), as a
    labelled line inside a section has; a header alone on its line ("Full text:") has none."""
    if match.group().endswith(("\n", "\r")):
        return False
    end = len(text)
    for mark in "\r\n":
        found = text.find(mark, match.end())
        if found != -1:
            end = min(end, found)
    return bool(text[match.end() : end].strip())


def _bulk_kept(found: list[tuple[str, re.Match[str]]], size: int) -> list[tuple[str, re.Match[str]]]:
    """`found` without the headers after FULL TEXT's that would take far more text than FULL TEXT
    keeps: a record's FULL TEXT is its bulk, so an "ABSTRACT:" line in a paper's own text (its
    abstract's heading, under its title) is a heading in the body, not the start of a section that
    would take the rest of the paper from the summary. A section after FULL TEXT up to ten times
    its length, or up to 5,000 characters, stays a section: an ABSTRACT at the end, or the
    PREDICTION that `--output record` filled in with a short article's sentences, perhaps all."""
    names = [name for name, _ in found]
    if "FULL TEXT" not in names:
        return found
    body_at = names.index("FULL TEXT")
    while True:
        ends = [match.start() for _, match in found[1:]] + [size]
        lengths = [end - match.end() for (_, match), end in zip(found, ends, strict=True)]
        later = range(body_at + 1, len(found))
        longer = next((i for i in later if lengths[i] > max(_BULK_RATIO * lengths[body_at], _BULK_MIN_CHARS)), None)
        if longer is None:
            return found
        found = found[: body_at + 1] + found[longer + 1 :]  # the body runs on through that section


def looks_like_record(text: str) -> bool:
    """A record starts with a header in the format's own form, or has a FULL TEXT header line in
    that form; a record written in another form (`abstract:`, `Full Text:`) needs both a header
    first and a FULL TEXT header, so that a plain text starting with "Abstract:" stays plain text."""
    first = text.lstrip("\ufeff \t\r\n")
    if _STRICT.match(first) is not None or _full_text_line(text):
        return True
    if _ANY.match(first) is None:
        return False
    # A record's FULL TEXT is its bulk. An article that opens with "Abstract" or "Title: ..." and
    # has a line "Full text: ..." near its end (a reference's link, a data statement) is no record:
    # read as one, all but that line would be lost.
    layout = parse_layout(text)
    if "FULL TEXT" not in layout.contents:
        return False
    start, end = layout.contents["FULL TEXT"]
    return end - start > layout.headers["FULL TEXT"][0]


def _full_text_line(text: str) -> bool:
    return any(match.group(1) == "FULL TEXT" for match in _STRICT.finditer(text))


def parse_layout(text: str) -> RecordLayout:
    headers: dict[str, tuple[int, int]] = {}
    contents: dict[str, tuple[int, int]] = {}
    found = _bulk_kept(_headers(text), len(text))
    for i, (name, match) in enumerate(found):
        end = found[i + 1][1].start() if i + 1 < len(found) else len(text)
        headers[name] = (match.start(), match.end())
        contents[name] = (match.end(), end)
    return RecordLayout(headers, contents)


def read_record(text: str, *, source: str, doc_id: str) -> Article:
    layout = parse_layout(text)
    if "FULL TEXT" not in layout.contents:
        raise InputError(
            "record has no FULL TEXT section (the article's text goes after a line 'FULL TEXT:')",
            source=source,
            setting="format",
            hint="; to read the file as plain text, use {name} text",
        )
    start, end = layout.contents["FULL TEXT"]
    if not text[start:end].strip():
        raise InputError("record's FULL TEXT section is empty", source=source)

    def content(name: str) -> str:
        a, b = layout.contents.get(name, (0, 0))
        return text[a:b].strip()

    meta = {"format": "record", "input": source, "layout": layout, "prediction": content("PREDICTION")}
    if warning := _unread_lead(text, layout):
        meta["record_warning"] = warning
    return Article(
        id=doc_id,
        text=text,
        body=(start, end),
        title=content("TITLE"),
        abstract=content("ABSTRACT"),
        meta=meta,
    )


def _unread_lead(text: str, layout: RecordLayout) -> str | None:
    """The warning for text before the record's first header, which no section reads (None when
    there is only whitespace or a BOM): a header the format does not know ("A B S T R A C T:",
    "Summary:") would otherwise lose its section without a word, the abstract read as empty."""
    name, (first, _) = min(layout.headers.items(), key=lambda item: item[1][0])
    lead = text[:first].strip().lstrip("\ufeff").strip()
    if not lead:
        return None
    return (
        f"{len(lead):,} characters before the first section header ({name}:) are not read as any section"
        " (the format's headers: TITLE:, ABSTRACT:, PREDICTION:, FULL TEXT:)"
    )


def render_record(text: str, layout: RecordLayout, prediction: str) -> str:
    """The record with PREDICTION's content replaced (or the section added before FULL TEXT).

    The replaced content keeps the record's own separator: the whitespace that followed the old
    content, or the blank-line separator the example records use. A header with nothing after it
    on its line (`PREDICTION:` at the very end of the file) gets a line break before the summary,
    so that the summary is not glued to the header.
    """
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    if "PREDICTION" in layout.contents:
        start, end = layout.contents["PREDICTION"]
        old = text[start:end]
        trailing = old[len(old.rstrip()) :] or newline
        lead = newline if not old.strip() and start > 0 and text[start - 1] not in "\r\n" else ""
        return text[:start] + lead + prediction + trailing + text[end:]
    insert_at = layout.headers["FULL TEXT"][0]
    section = f"PREDICTION: {newline}{prediction} {newline} {newline}"
    return text[:insert_at] + section + text[insert_at:]
