"""Front matter: repository cover sheets, the title, the author abstract, where the body starts.

The abstract is found from its label ("Abstract", "ABSTRACT", "Abstract:" run into the text,
"Summary") and read until the layout says it has ended: a keywords line, a heading, a change of
font size, or a paragraph gap not followed by the next part of a structured abstract
("Methods: ..."). It goes to `Article.abstract`, not into the body, so that no abstract sentence
can be picked for a summary.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..clean import rules
from . import headings
from .headings import BodyStyle
from .lines import Line

# Phrases of the cover sheets repositories put before a paper (White Rose, SSOAR, Enlighten,
# Pure portals, arXiv-like stamps). Two of them on a short first page make it a cover sheet.
_COVER_PHRASES = re.compile(
    r"repository|eprints?\b|downloaded from|this version is available|available at:|deposited|"
    r"terms of use|nutzungsbedingungen|ssoar|please cite|citation for published version|general rights|"
    r"take ?down policy|link to (?:this )?publication|research portal|copyright and reuse|"
    r"for more information,? please contact|version of record|accepted manuscript|self-archiv|open research online",
    re.IGNORECASE,
)
COVER_MIN_PHRASES = 2
COVER_MAX_WORDS = 450
_ABSTRACT_LABEL = re.compile(
    r"^\s*(?P<label>abstract|a\s?b\s?s\s?t\s?r\s?a\s?c\s?t|summary)\b\s*(?P<sep>[:.—–-]?)\s*(?P<rest>.*)$", re.IGNORECASE
)
# The parts of a structured abstract, which start a paragraph without ending the abstract.
_STRUCTURED_PART = re.compile(
    r"^\s*(?:background|context|introduction|objectives?|aims?|purpose|design|setting|participants|patients|"
    r"methods?|methodology|materials and methods|measurements|interventions?|results?|findings|discussion|"
    r"conclusions?|interpretation|implications|significance|limitations|availability)\b[^.:]{0,40}[.:]",
    re.IGNORECASE,
)
ABSTRACT_MAX_WORDS = 700
# Front matter between the abstract and the first heading (keywords, dates, licence lines) is
# skipped when it is this short and the heading comes within this many lines.
FRONT_GAP_MAX_WORDS = 160
FRONT_GAP_MAX_LINES = 25
TITLE_LARGER = 1.15
TITLE_BOLD_LARGER = 1.05


@dataclass(frozen=True, slots=True)
class Front:
    """What the front matter analysis found; `body_start` indexes the document's lines."""

    title: str
    abstract: tuple[tuple[Line, ...], ...]  # the abstract's paragraphs, as lines
    body_start: int
    cover_pages: int = 0


def is_cover_page(lines: Sequence[Line]) -> bool:
    """A repository cover sheet: short, and full of repository phrases."""
    text = " ".join(line.text for line in lines)
    phrases = {m.group(0).lower() for m in _COVER_PHRASES.finditer(text)}
    return len(text.split()) <= COVER_MAX_WORDS and len(phrases) >= COVER_MIN_PHRASES


def find_title(lines: Sequence[Line], style: BodyStyle, page_height: float) -> tuple[str, tuple[int, int]]:
    """The title of the first content page (its lines' index range), by font size; "" if none stands out."""
    best: tuple[float, int, int] | None = None
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i + 1
        while j < len(lines) and _continues_title(lines[j - 1], lines[j]):
            j += 1
        text = " ".join(lines[k].text for k in range(i, j))
        wordy = len(re.findall(r"[^\W\d_]{2,}", text)) >= 3
        stands_out = line.size >= TITLE_LARGER * style.size or (line.bold and line.size >= TITLE_BOLD_LARGER * style.size)
        candidate = line.top < 0.6 * page_height and stands_out and wordy and len(text) <= 400
        if candidate and (best is None or line.size > best[0] + 0.1):
            best = (line.size, i, j)
        i = j
    if best is None:
        return "", (0, 0)
    _, i, j = best
    return " ".join(lines[k].text for k in range(i, j)).strip(), (i, j)


def _continues_title(previous: Line, line: Line) -> bool:
    return (
        line.page == previous.page
        and abs(line.size - previous.size) < 0.6
        and 0 <= line.top - previous.bottom < 0.9 * line.size
        and line.region == previous.region
    )


def find_front(lines: Sequence[Line], style: BodyStyle, *, page_height: float, first_page: int) -> Front:
    """Title, abstract and where the body begins, from the document's lines in reading order."""
    first = [i for i, line in enumerate(lines) if line.page == first_page]
    title, (_, title_end) = find_title([lines[i] for i in first], style, page_height) if first else ("", (0, 0))
    title_end = first[0] + title_end if first and title else 0
    search_end = _first_pages_end(lines, first_page)
    for i in range(title_end, search_end):
        match = _ABSTRACT_LABEL.match(lines[i].text)
        if match is None or not _is_label(lines[i], match):
            continue
        paragraphs, stop = _read_abstract(lines, i, match.group("rest"), style)
        if paragraphs:
            return Front(title, paragraphs, _body_start(lines, stop, style))
    return Front(title, (), _body_start_without_abstract(lines, title_end, search_end, style))


def _first_pages_end(lines: Sequence[Line], first_page: int) -> int:
    """The abstract is looked for on the first two content pages only."""
    end = 0
    while end < len(lines) and lines[end].page <= first_page + 1:
        end += 1
    return end


def _is_label(line: Line, match: re.Match[str]) -> bool:
    rest = match.group("rest")
    if not rest:
        return True  # "Abstract" alone on its line
    if match.group("label").lower() == "summary" and not match.group("sep"):
        return False  # "Summary statistics were ..." is text
    return bool(match.group("sep")) or line.bold_lead >= 1


def _read_abstract(lines: Sequence[Line], label: int, rest: str, style: BodyStyle) -> tuple[tuple[tuple[Line, ...], ...], int]:
    """The abstract's paragraphs after the label line, and the index of the first line after it."""
    paragraphs: list[list[Line]] = []
    if rest:  # "Abstract: This article ..." — the label runs into the text
        head = lines[label]
        paragraphs.append([replace(head, text=rest, bold=False, bold_lead=0, markers=())])
    words = len(rest.split())
    size: float | None = lines[label].size if rest else None
    pitches: list[float] = []
    i = label + 1
    while i < len(lines):
        line = lines[i]
        previous = paragraphs[-1][-1] if paragraphs else lines[label]
        text = line.text.strip()
        structured = _STRUCTURED_PART.match(text) is not None
        if rules.KEYWORDS_LINE.match(text) or (headings.is_known_heading(text) and not structured):
            break
        if paragraphs and headings.is_heading_line(line, style) and not structured:
            break
        if size is not None and abs(line.size - size) > 0.7:
            break
        pitch = line.top - previous.top if line.region == previous.region else 0.0
        gap = pitch > (1.35 * sorted(pitches)[len(pitches) // 2] if pitches else 2.0 * line.size)
        if paragraphs and gap and not structured:
            break  # a paragraph gap that does not open the next part of a structured abstract
        if paragraphs and line.page != previous.page and _ends_sentence(previous.text):
            break
        if not paragraphs or gap or structured:
            paragraphs.append([])
        elif pitch > 0:
            pitches.append(pitch)
        paragraphs[-1].append(line)
        size = size if size is not None else line.size
        words += len(text.split())
        if words > ABSTRACT_MAX_WORDS:
            return (), label + 1
        i += 1
    return tuple(tuple(p) for p in paragraphs if p), i


def _ends_sentence(text: str) -> bool:
    return re.search(r"[.!?][\"”’')\]]*\s*$", text) is not None


def _body_start(lines: Sequence[Line], stop: int, style: BodyStyle) -> int:
    """After the abstract: skip keywords, dates and licence lines up to a nearby first heading.

    Only a numbered or known heading ("1. Introduction") counts: the stretch after an abstract
    often has bold labels of its own ("Keywords", "Issue"), and body text without any heading
    must not be skipped.
    """
    words = 0
    for i in range(stop, min(len(lines), stop + FRONT_GAP_MAX_LINES)):
        line = lines[i]
        text = line.text.strip()
        if headings.is_contents(text):
            return i  # a table of contents: the body reader skips it
        if not rules.KEYWORDS_LINE.match(text):
            styled = headings.is_heading_line(line, style)
            if headings.is_known_heading(text) or (styled and rules.NUMBERED_HEADING.match(text)):
                return i
        words += len(text.split())
        if words > FRONT_GAP_MAX_WORDS:
            break
    return stop


def _body_start_without_abstract(lines: Sequence[Line], title_end: int, search_end: int, style: BodyStyle) -> int:
    """No abstract: start at an early introduction heading, else right after the title."""
    for i in range(title_end, search_end):
        text = lines[i].text
        if headings.is_known_heading(text) and (headings.is_heading_line(lines[i], style) or len(text.split()) <= 3):
            return i
    return title_end
