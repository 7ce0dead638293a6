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
from itertools import pairwise

from ..clean import rules
from ..clean.lines import OTHER_ABSTRACT
from ..language import UNDETERMINED, detect_language
from . import boilerplate, headings
from .headings import BodyStyle
from .lexicon import lexicon
from .lines import Line

# Phrases of the cover sheets repositories and publishers put before a paper (White Rose, SSOAR,
# Enlighten, Pure portals, arXiv-like stamps; Taylor & Francis's "To cite this article" page,
# JSTOR's "Stable URL" page). Two of them on a short first page make it a cover sheet.
_COVER_PHRASES = re.compile(
    r"repository|eprints?\b|downloaded from|this version is available|available at:|deposited|"
    r"terms of use|nutzungsbedingungen|ssoar|please cite|citation for published version|general rights|"
    r"take ?down policy|link to (?:this )?publication|research portal|copyright and reuse|"
    r"for more information(?: about \w+)?,? please contact|version of record|accepted manuscript|self-archiv|"
    r"open research online|to (?:cite|link to) this article|terms (?:&|and) conditions of (?:access and )?use|"
    r"submit your article to this journal|view crossmark data|stable url|all use subject to",
    re.IGNORECASE,
)
COVER_MIN_PHRASES = 2
COVER_MAX_WORDS = 450
# The parts of a structured abstract, which start a paragraph without ending the abstract: the
# lexicon's labels ("Methods." "Ergebnisse:" "Purpose – "), or an English label with a few more
# words before the stop ("Methods and findings:").
_STRUCTURED_PART = re.compile(
    r"^\s*(?:background|context|introduction|objectives?|aims?|purpose|design|setting|participants|patients|"
    r"methods?|methodology|materials and methods|measurements|interventions?|results?|findings|discussion|"
    r"conclusions?|interpretation|implications|significance|limitations|availability)\b[^.:]{0,40}[.:]",
    re.IGNORECASE,
)
# A structured abstract without an "Abstract" heading needs this many labelled parts.
HEADLESS_MIN_PARTS = 2
# A plain abstract without a heading is prose of at least this many words.
PLAIN_MIN_WORDS = 50
ABSTRACT_MAX_WORDS = 700
# Front matter between the abstract and the first heading (keywords, dates, licence lines) is
# skipped when it is this short and the heading comes within this many lines.
FRONT_GAP_MAX_WORDS = 160
FRONT_GAP_MAX_LINES = 25
TITLE_LARGER = 1.15
TITLE_BOLD_LARGER = 1.05
# A title of three words or more stands out by TITLE_LARGER; a title of two ("Harbour Tables") only
# where no such title is on the page and it is the page's largest print, this much larger than the
# body (a section heading is 1.1-1.3 times), and no heading, journal label or other boilerplate.
TWO_WORD_TITLE_LARGER = 1.4
PROSE_ABOVE_WORDS = 8  # a line this long above it is text, and the two words a heading in it


@dataclass(frozen=True, slots=True)
class Front:
    """What the front matter analysis found; `body_start` indexes the document's lines.

    Every line before `body_start` is in the title, the abstract, `removed` (line index, reason)
    or `kept`: front matter no rule recognised, which the body keeps so that nothing is lost.
    """

    title: str
    abstract: tuple[tuple[Line, ...], ...]  # the abstract's paragraphs, as lines
    body_start: int
    cover_pages: int = 0
    removed: tuple[tuple[int, str], ...] = ()
    kept: tuple[int, ...] = ()
    label: str = ""  # the abstract's heading as printed ("Zusammenfassung"), "" when it had none


def is_cover_page(lines: Sequence[Line]) -> bool:
    """A repository cover sheet: short, and full of repository phrases."""
    text = " ".join(line.text for line in lines)
    phrases = {m.group(0).lower() for m in _COVER_PHRASES.finditer(text)}
    return len(text.split()) <= COVER_MAX_WORDS and len(phrases) >= COVER_MIN_PHRASES


def find_title(
    lines: Sequence[Line], style: BodyStyle, page_height: float, printed: Sequence[Line] = ()
) -> tuple[str, tuple[int, int]]:
    """The title of the first content page (its lines' index range), by font size; "" if none stands
    out. `printed` is the page's small print at the edges, already set aside (an issue line under a
    masthead: `_masthead`)."""
    best: tuple[float, int, int] | None = None
    pair: tuple[float, int, int] | None = None  # the best two-word title
    masthead: tuple[float, int, int] | None = None  # the largest candidate that is a journal's name
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i + 1
        while j < len(lines) and _continues_title(lines[j - 1], lines[j]):
            j += 1
        text = " ".join(lines[k].text for k in range(i, j))
        words = len(re.findall(r"[^\W\d_]{2,}", text))
        stands_out = line.size >= TITLE_LARGER * style.size or (line.bold and line.size >= TITLE_BOLD_LARGER * style.size)
        candidate = line.top < 0.6 * page_height and stands_out and words >= 3 and len(text) <= 400
        candidate = candidate and not _numbered_heading(text)
        if candidate and best is None and masthead is None and _masthead(lines, i, j, printed):
            masthead = (line.size, i, j)  # the first candidate only: a masthead tops the page
        elif candidate and (best is None or line.size > best[0] + 0.1) and not (masthead and _not_title(lines[i:j], text)):
            best = (line.size, i, j)
        if words == 2 and line.top < 0.6 * page_height and (pair is None or line.size > pair[0] + 0.1):
            pair = (line.size, i, j)
        i = j
    best = best or masthead
    if best is None and pair is not None and _two_word_title(lines, pair, style, printed):
        best = pair
    if best is None:
        best = _bold_centred_title(lines, style, page_height)
    if best is None:
        return "", (0, 0)
    _, i, j = best
    sub = _subtitle_end(lines, i, j, style)
    if sub == j:
        return _title_text(lines[i:j]), (i, j)
    title, subtitle = _title_text(lines[i:j]), _title_text(lines[j:sub])
    return (f"{title} {subtitle}" if title[-1] in ":?!.—–-" else f"{title}: {subtitle}"), (i, sub)


# Words of author lines and manuscript states, which no subtitle holds (a review found "Megan Rhys*,
# Tomasz Nowak", "by Megan Rhys", "Accepted manuscript" joined to titles).
_NO_SUBTITLE = re.compile(
    r"[*†‡§¹²³⁴]|\b(?:by|authors?|draft|manuscript|preprint|prepared\s+for|submitted\s+(?:to|for)|commissioned)\b",
    re.IGNORECASE,
)
SUBTITLE_MAX_LINES = 2
SUBTITLE_MAX_WORDS = 20


def _subtitle_end(lines: Sequence[Line], start: int, end: int, style: BodyStyle) -> int:
    """Past a subtitle right under the title: a line or two close under it, in a size between the
    body's and the title's (Google Docs' "Subtitle" style, a chapter's or report's subtitle), no
    names, e-mail, affiliation, heading, sentence, boilerplate or number at its end ("Report
    2023/07"). It was read as the body's first heading. `end` when none."""
    title = lines[start]
    stop = end
    while stop < len(lines) and stop - end < SUBTITLE_MAX_LINES:
        if stop > end and not _continues_title(lines[stop - 1], lines[stop]):
            break
        stop += 1
    block = lines[end:stop]
    if not block or block[0].page != title.page or block[0].top - lines[end - 1].bottom > 1.2 * block[0].size:
        return end
    if not all(TITLE_LARGER * style.size <= line.size <= title.size - 0.6 for line in block):
        return end
    text = _title_text(block)
    if len(text.split()) > SUBTITLE_MAX_WORDS or _ends_sentence(text) or text[-1] in ",;":
        return end
    if re.search(r"\d", text.split()[-1]):
        return end  # a report's or series' number ("Research Report 2023/07"), a date
    if boilerplate.names_list(text) or boilerplate.one_name(text) or lexicon().affiliation.search(text):
        return end
    # Author lines with their marks ("Megan Rhys*, Tomasz Nowak", "by Megan Rhys", "Authors: ..."),
    # or anything else a front-matter rule names: no subtitle (a review found them joined to the title).
    named = boilerplate.classify(block, near_title=True)  # "authors" is any short capitalised line here
    if _NO_SUBTITLE.search(text) or named not in (None, "authors") or ("," in text and boilerplate.one_name(text.split(",")[0])):
        return end
    if lexicon().abstract_label.match(text):
        return end
    if headings.is_known_heading(text) or _numbered_heading(text) or lexicon().chapter.match(text):
        return end
    if any(pattern.search(text) for _, pattern in lexicon().boilerplate):
        return end
    return stop


# A section heading's number: "2. Study Area", "3.1 Methods", "III. Results" ("3D printing",
# "1984 and after", "2 Degrees" are not numbered so).
_SECTION_NUMBER = re.compile(r"(?:\d{1,2}(?:\.\d{1,2}){0,3}\.|\d{1,2}(?:\.\d{1,2}){1,3}|[IVX]{1,5}\.)\s+\S")


# Section headings the lexicon does not know as such, common after a number in the body of papers
# of the social sciences ("2. Literature Review and Hypotheses", "2. Stand der Forschung").
_SECTION_PHRASES = re.compile(
    r"\b(?:literature review|review of (?:the )?literature|related work|theoretical (?:framework|background)"
    r"|conceptual framework|hypothes[ie]s|research (?:design|questions?)|stand der forschung|forschungsstand"
    r"|cadre th[ée]orique|marco te[óo]rico|revis[ãa]o d[ae] literatura|przegl[ąa]d literatury)\b",
    re.IGNORECASE,
)


def _numbered_heading(text: str) -> bool:
    """Whether `text` is a numbered section heading of known words or common section phrases
    ("2. Study Area and Methods", "2. Literature Review and Hypotheses"):
    a page that starts inside an article (its first page cut off, a chapter) took its largest
    heading for the title. A title may open with a number too ("1.5 °C Pathways ...", "9. November
    1989: Die Nacht ...", "XX. századi ..."): only the heading words tell them apart."""
    if _SECTION_NUMBER.match(text) is None:
        return False
    return headings.is_known_heading(text) or (len(text.split()) <= 8 and _SECTION_PHRASES.search(text) is not None)


# A bold title in the body's size is centred: each line's middle this close to the text's (a share
# of the text's width), one of its lines narrower than this share of the text, and its lines
# closer than this many times their size (a manuscript's double spacing).
CENTRED_SHARE = 0.03
CENTRED_MAX_WIDTH = 0.9
CENTRED_MAX_GAP = 1.2


def _bold_centred_title(lines: Sequence[Line], style: BodyStyle, page_height: float) -> tuple[float, int, int] | None:
    """An APA manuscript's title: no print on the page larger than the body's, so the title is
    the first block of bold lines centred over the text (three words or more, no sentence, no
    heading, no list of names) with no prose above it; the authors' lines follow it. None where
    the body is bold or a larger line stands on the page (a title would stand out by size)."""
    if style.bold or not lines or any(line.size > style.size * TITLE_BOLD_LARGER for line in lines):
        return None
    left, right = min(line.x0 for line in lines), max(line.x1 for line in lines)
    middle, width = (left + right) / 2, right - left

    def centred(line: Line) -> bool:
        return line.bold and abs((line.x0 + line.x1) / 2 - middle) <= CENTRED_SHARE * width

    i = 0
    while i < len(lines):
        top = lines[i]
        if top.top >= 0.6 * page_height or any(other.words >= PROSE_ABOVE_WORDS for other in lines[:i]):
            return None
        j = i + 1
        while j < len(lines) and centred(lines[i]) and centred(lines[j]) and _continues_centred(lines[j - 1], lines[j]):
            j += 1
        block = lines[i:j]
        text = _title_text(block)
        words = len(re.findall(r"[^\W\d_]{2,}", text))
        narrow = any(line.width < CENTRED_MAX_WIDTH * width for line in block)
        plain = not _ends_sentence(text) and not _not_title(block, text)
        if centred(top) and narrow and words >= 3 and len(text) <= 400 and plain:
            return top.size, i, j
        i = j
    return None


def _continues_centred(previous: Line, line: Line) -> bool:
    return (
        line.page == previous.page
        and abs(line.size - previous.size) < 0.6
        and 0 <= line.top - previous.bottom < CENTRED_MAX_GAP * line.size
    )


def _title_text(lines: Sequence[Line]) -> str:
    """A title's lines as one line. A title is not hyphenated at syllables: a hyphen at a line end
    (which PDFium flags as a break, so it is not in the line's text) is the title's own
    ("Community-" / "Dwelling" is "Community-Dwelling")."""
    out = lines[0].text
    for previous, line in pairwise(lines):
        out += ("-" if previous.hyphenated else " ") + line.text
    return out.strip()


def _two_word_title(lines: Sequence[Line], pair: tuple[float, int, int], style: BodyStyle, printed: Sequence[Line]) -> bool:
    """Whether the two-word line(s) `pair` (size, start, end) make the title: the page's largest
    print by far (TWO_WORD_TITLE_LARGER), two words and nothing else, with no prose above it, no
    known or numbered heading, no journal label ("Research Article") or other boilerplate."""
    size, start, end = pair
    block = lines[start:end]
    text = " ".join(line.text for line in block).strip()
    if size < TWO_WORD_TITLE_LARGER * style.size or any(line.size > size + 0.1 for line in lines):
        return False
    if len(text.split()) != 2 or not re.fullmatch(r"[^\W\d_][\w'’\-]*[\s][^\W\d_][\w'’\-]*[.!?]?", text):
        return False
    if _heading(text) or _masthead(lines, start, end, printed):
        return False
    if any(line.top < block[0].top and line.words >= PROSE_ABOVE_WORDS for line in lines):
        return False  # prose above it: a heading in the text
    return boilerplate.classify(block, near_title=False) is None


def _heading(text: str) -> bool:
    return headings.is_known_heading(text) or rules.NUMBERED_HEADING.match(text) is not None


def _not_title(block: Sequence[Line], text: str) -> bool:
    """What never replaces a masthead as the title: a section heading, or the authors' names
    ("Anna Smith, John Brown and Li Wei", set large under the title)."""
    return _heading(text) or boilerplate.names_list(text)


# A block of this many words is a journal's masthead by a phrase only where the phrase names a
# journal ("International Journal of ..."): "A Journal of the Plague Year" or "Original Research
# in Harbour Engineering" in a title is no journal label.
MASTHEAD_PHRASE_MAX_WORDS = 3


def _masthead(lines: Sequence[Line], start: int, end: int, printed: Sequence[Line]) -> bool:
    """Whether `lines[start:end]` is a journal's name set large at the top of the page: a journal
    label ("Research Article") or name ("Journal of ..."), or right above the issue's identifier
    line ("Volume 12, Issue 3", "ISSN ...": not an article's DOI, which stands under its title).
    Such a block is the title only where no other stands out."""
    block = lines[start:end]
    reason = boilerplate.classify(block, near_title=False)
    if reason == "identifier":
        return True
    if reason == "journal":
        text = " ".join(line.text.strip() for line in block)
        words = len(re.findall(r"[^\W\d_]{2,}", text))
        if words <= MASTHEAD_PHRASE_MAX_WORDS or lexicon().masthead.search(text):
            return True
    last = block[-1]
    below = [*lines[end : end + 1], *printed]
    return any(
        line.page == last.page
        and 0 <= line.top - last.bottom < 2 * last.size
        and boilerplate.classify([line], near_title=False) == "identifier"
        and lexicon().issue.search(line.text) is not None
        for line in below
    )


def _continues_title(previous: Line, line: Line) -> bool:
    """The next line of a title: in its size, right under it (the font boxes of a tightly led title
    overlap a little), in its region or aligned with it (a title's short last line over a
    two-column page falls in the first column's region)."""
    aligned = abs(line.x0 - previous.x0) < 1.0 or abs((line.x0 + line.x1) - (previous.x0 + previous.x1)) < 2.0
    return (
        line.page == previous.page
        and abs(line.size - previous.size) < 0.6
        and line.top - previous.top >= 0.8 * line.size  # a tight leading: the font boxes may touch
        and line.top - previous.bottom < 0.9 * line.size
        and (line.region == previous.region or aligned)
    )


def find_front(
    lines: Sequence[Line],
    style: BodyStyle,
    *,
    page_height: float,
    first_page: int,
    printed: Sequence[Line] = (),
    front_end: int | None = None,
) -> Front:
    """Title, abstract and where the body begins, from the document's lines in reading order.

    `front_end` is where a thesis's first chapter begins (`first_chapter`): the abstract is looked
    for on all the pages before it, and what else they hold is front matter, set aside.
    """
    found = _find_front(lines, style, page_height=page_height, first_page=first_page, printed=printed, front_end=front_end)
    found = _past_title_repeat(lines, found)
    found = _set_aside_boxes(lines, found, style)
    found = _past_second_summary(lines, found, style)
    if front_end is None or found.body_start > front_end:
        return found
    front_matter = [(i, "front_matter") for i in [*found.kept, *range(found.body_start, front_end)]]
    # Past the title page, short capitalised lines are headings of front matter ("Declaration"), not authors.
    named = [
        (i, "front_matter" if reason == "authors" and lines[i].page != first_page else reason) for i, reason in found.removed
    ]
    return replace(found, body_start=front_end, removed=tuple(sorted([*named, *front_matter])), kept=())


def _past_title_repeat(lines: Sequence[Line], found: Front) -> Front:
    """The body past the title printed again over the first page of text (an APA manuscript's
    title page, abstract page, then the title over the text): a repeat of the title, set aside as
    `title_repeat`, not the body's first headings. It opens the body's lines after the abstract,
    front matter kept in the body among them."""
    after = _abstract_end(lines, found)
    order = [*(i for i in found.kept if i >= after), *range(found.body_start, len(lines))]
    if not found.title or not order:
        return found
    target = _comparable(found.title)
    text, count = "", 0
    while count < len(order) and len(text) < len(target) and lines[order[count]].page == lines[order[0]].page:
        text = f"{text} {lines[order[count]].text}"
        count += 1
        if not target.startswith(_comparable(text)):
            return found
    if _comparable(text) != target:
        return found
    repeat = set(order[:count])
    body_start = max([found.body_start, *(i + 1 for i in repeat)])
    return replace(
        found,
        body_start=body_start,
        kept=tuple(i for i in found.kept if i not in repeat),
        removed=tuple(sorted([*found.removed, *((i, "title_repeat") for i in repeat)])),
    )


# A sidebar box's text is set this much smaller than the body ("Key Points", "Highlights").
BOX_SMALLER = 0.92
BOX_HEADING_MAX_WORDS = 4
BOX_MIN_LINES = 2


def _set_aside_boxes(lines: Sequence[Line], found: Front, style: BodyStyle) -> Front:
    """A box of short points between the abstract and the body ("Key Points": Question, Findings,
    Meaning) is no running text: front matter kept in the body that opens with a short heading
    over lines in smaller print than the body's is set aside as `box` (listed, not summarized)."""
    after = _abstract_end(lines, found)
    kept = [i for i in found.kept if i >= after and found.abstract]
    boxed: list[int] = []
    k = 0
    while k < len(kept):
        head = lines[kept[k]]
        heading = headings.is_heading_line(head, style) and head.words <= BOX_HEADING_MAX_WORDS
        end = k + 1
        while end < len(kept) and kept[end] == kept[end - 1] + 1 and lines[kept[end]].size <= BOX_SMALLER * style.size:
            end += 1
        if heading and not headings.is_known_heading(head.text) and end - k - 1 >= BOX_MIN_LINES:
            boxed.extend(kept[k:end])
        k = end
    boxed.extend(_bullet_points(lines, found, style))
    if not boxed:
        return found
    return replace(
        found,
        kept=tuple(i for i in found.kept if i not in boxed),
        removed=tuple(sorted([*((i, reason) for i, reason in found.removed if i not in boxed), *((i, "box") for i in boxed)])),
    )


_BULLET = re.compile(r"^\s*[•▪◦‣●■]\s*\S")
BULLETS_MIN = 2


# A heading over points that sum an article up (Elsevier's "Highlights", JAMA's "Key Points").
_HIGHLIGHTS = re.compile(r"(?i)(?:research\s+)?highlights|key\s+(?:points|findings|messages)|summary\s+points")


def _bullet_points(lines: Sequence[Line], found: Front, style: BodyStyle) -> list[int]:
    """Bulleted points in the front matter (Elsevier's "Highlights" above the abstract, in the
    body's size), and the short heading right over them: a box, not the body's opening text. A
    point's wrapped lines, indented past its bullet, go with it. Only points above the abstract or
    under a highlights heading: after the abstract, an introduction without a heading may list its
    contributions so (a review found that list removed)."""
    kept = set(found.kept)
    named = {i for i, _ in found.removed}
    abstract_start = next((i for i, line in enumerate(lines) if found.abstract and line is found.abstract[0][0]), None)
    boxed: list[int] = []
    for i in sorted(kept):
        if i in boxed or _BULLET.match(lines[i].text) is None:
            continue
        headed = i > 0 and _HIGHLIGHTS.fullmatch(lines[i - 1].text.strip().rstrip(":")) is not None
        if not headed and (abstract_start is None or i > abstract_start):
            continue
        run, points = [i], 1
        while run[-1] + 1 in kept:
            line = lines[run[-1] + 1]
            if _BULLET.match(line.text):
                points += 1
            elif line.x0 < lines[i].x0 + 2 or line.page != lines[i].page:
                break
            run.append(run[-1] + 1)
        if points < BULLETS_MIN:
            continue
        head = lines[i - 1] if i - 1 in kept | named else None  # not the title
        if head is not None and head.words <= BOX_HEADING_MAX_WORDS and headings.is_heading_line(head, style):
            run.insert(0, i - 1)  # kept, or named by its shape alone ("authors": a short capitalised line)
        boxed.extend(run)
    return boxed


# A second summary for other readers under its own heading right after the abstract (AGU's "Plain
# Language Summary", PLOS's "Author summary", PNAS's "Significance", a "Lay summary"): the
# abstract told again, not the body's opening text.
_SECOND_SUMMARY = re.compile(
    r"(?i)(?:plain\s+(?:language|english)|lay|non-?technical|author(?:'s|s')?)\s+summary|significance(?:\s+statement)?"
)
SECOND_SUMMARY_MAX_WORDS = 400
# "Significance" alone is also a body section's name: as PNAS's box it is one short paragraph (at
# most 120 words there); longer text under it is the body's first section.
SIGNIFICANCE_MAX_WORDS = 150


def _past_second_summary(lines: Sequence[Line], found: Front, style: BodyStyle) -> Front:
    """The body past a second summary's heading and its paragraphs right after the abstract, set
    aside as `box` in whatever font: in the body's size it opened the body and its sentences, the
    abstract's again, could be picked for the summary. It ends at the next heading; a run without
    one within SECOND_SUMMARY_MAX_WORDS words (or past the next page) is body text after all.

    The abstract again in another language under a heading of its own, an abstract label alone
    ("Résumé" under an English abstract, "Abstract" under a French "Résumé"), is set aside so too,
    as OTHER_ABSTRACT (as one run into the abstract is), where detection tells the two languages
    apart: a label in the abstract's own language ("Summary") heads body text as before."""
    if not found.abstract:
        return found
    after = _abstract_end(lines, found)
    # The lines after the abstract in reading order: front matter kept in the body, then the body.
    order = [*(i for i in found.kept if i >= after), *range(found.body_start, len(lines))]
    if not order or order[0] != _abstract_end_past_named(lines, found):
        return found
    head = lines[order[0]]
    label = head.text.strip().rstrip(":.")
    if not headings.is_heading_line(head, style):
        return found
    if _SECOND_SUMMARY.fullmatch(label) is not None:
        reason, most = "box", SIGNIFICANCE_MAX_WORDS if label.lower() == "significance" else SECOND_SUMMARY_MAX_WORDS
    elif (match := lexicon().abstract_label.match(label)) is not None and not match.group("rest"):
        reason, most = OTHER_ABSTRACT, ABSTRACT_MAX_WORDS
    else:
        return found
    words, count = 0, 1
    while count < len(order) and not headings.is_heading_line(lines[order[count]], style):
        words += lines[order[count]].words
        if words > most or lines[order[count]].page > head.page + 1:
            return found
        count += 1
    if count == 1 or count >= len(order):
        return found
    if reason == OTHER_ABSTRACT and not _reads_as_translation(found.abstract, [lines[i] for i in order[1:count]]):
        return found
    boxed = set(order[:count])
    return replace(
        found,
        body_start=max([found.body_start, *(i + 1 for i in boxed)]),
        kept=tuple(i for i in found.kept if i not in boxed),
        removed=tuple(sorted([*found.removed, *((i, reason) for i in boxed)])),
    )


# A translation of the abstract is about as long as the abstract and set in as many paragraphs.
# A longer run under its label, or one of more paragraphs, holds the body's unheaded opening text
# too ("Résumé", its paragraph, then the introduction without a heading), which it would take
# out of the body with it: such a run is read as body, as before the label was looked for.
TRANSLATION_MAX_RATIO = 1.5
TRANSLATION_SLACK_WORDS = 30
# A paragraph gap in an abstract: a line pitch this many times its usual one (`_read_abstract`,
# and a translation's paragraphs counted by the same rule).
ABSTRACT_PARAGRAPH_GAP = 1.35


def _reads_as_translation(abstract: Sequence[Sequence[Line]], run: Sequence[Line]) -> bool:
    """Whether `run`, the lines under an abstract label alone right after the abstract, is the
    abstract in another language: no longer than it allows, in no more paragraphs, and in a
    language detection tells apart from the abstract's."""
    own_words = sum(line.words for paragraph in abstract for line in paragraph)
    if sum(line.words for line in run) > TRANSLATION_MAX_RATIO * own_words + TRANSLATION_SLACK_WORDS:
        return False
    pitches = [b.top - a.top for a, b in pairwise(run) if a.region == b.region and b.top > a.top]
    if pitches:
        usual = sorted(pitches)[len(pitches) // 2]
        if 1 + sum(pitch > ABSTRACT_PARAGRAPH_GAP * usual for pitch in pitches) > len(abstract):
            return False
    own = detect_language(" ".join(line.text for paragraph in abstract for line in paragraph))
    other = detect_language(" ".join(line.text for line in run))
    return own != other and UNDETERMINED not in (own, other)


def _abstract_end_past_named(lines: Sequence[Line], found: Front) -> int:
    """The first line after the abstract that no front-matter rule named (keywords, dates)."""
    named = {i for i, _ in found.removed}
    i = _abstract_end(lines, found)
    while i in named:
        i += 1
    return i


def _abstract_end(lines: Sequence[Line], found: Front) -> int:
    """The index of the line after the abstract's last line (0 without an abstract)."""
    if not found.abstract:
        return 0
    last = found.abstract[-1][-1]
    return next((i + 1 for i, line in enumerate(lines) if line is last), 0)


def _comparable(text: str) -> str:
    """A title's words, for comparing two printings of it (case, spaces and hyphens aside)."""
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


# A thesis's front matter (title page, declaration, abstract, acknowledgements, contents, lists of
# figures) runs to its first chapter, looked for this many pages past its table of contents.
FRONT_MAX_PAGES = 12


def first_chapter(lines: Sequence[Line], contents_pages: Sequence[int], style: BodyStyle) -> int | None:
    """Where a thesis's (or report's) first chapter begins: the first page after its table of
    contents that opens with a chapter heading ("Chapter 1", "1 Introduction", "Introduction");
    None where the contents are on the first page, no such page follows them soon, or such a
    heading stands before them or beside them on their page: the body had begun (an article's
    "1 Introduction" on page 1, then a table set with dot leaders on page 3), and what comes
    before the "contents" is no front matter."""
    if not lines:
        return None
    first_page = lines[0].page
    early = [page for page in contents_pages if first_page < page <= first_page + FRONT_MAX_PAGES]
    if not early:
        return None
    after = early[0]
    for i, line in enumerate(lines):
        if line.page <= after:
            if _opens_chapter(line, style):
                return None  # the body began before the "contents" (a table set with dot leaders)
            continue
        if i > 0 and lines[i - 1].page == line.page:
            continue
        if line.page > after + FRONT_MAX_PAGES:
            return None
        if _opens_chapter(line, style):
            return i
    return None


def _opens_chapter(line: Line, style: BodyStyle) -> bool:
    """A heading a thesis's chapter or an article's body opens with ("Chapter 1", "1 Introduction",
    "Introduction")."""
    text = line.text.strip()
    styled = headings.is_heading_line(line, style)
    return bool(
        lexicon().chapter.match(text) or (styled and rules.NUMBERED_HEADING.match(text)) or headings.is_introduction(text)
    )


def _find_front(
    lines: Sequence[Line],
    style: BodyStyle,
    *,
    page_height: float,
    first_page: int,
    printed: Sequence[Line],
    front_end: int | None,
) -> Front:
    first = [i for i, line in enumerate(lines) if line.page == first_page]
    title, (title_start, title_end) = (
        find_title([lines[i] for i in first], style, page_height, printed) if first else ("", (0, 0))
    )
    if first and title:
        title_start, title_end = first[0] + title_start, first[0] + title_end
    else:
        title_start = title_end = 0
    search_end = _first_pages_end(lines, first_page) if front_end is None else front_end
    for i in range(title_end, search_end):
        match = lexicon().abstract_label.match(lines[i].text)
        if match is None or not _is_label(lines[i], match):
            continue
        # A thesis's or report's abstract (or executive summary) heads a page of its own before the
        # first chapter and runs on over several paragraphs: a paragraph gap does not end it there.
        own_page = front_end is not None and (i == 0 or lines[i - 1].page != lines[i].page)
        paragraphs, stop, skipped = _read_abstract(lines, i, match.group("rest"), style, whole_page=own_page)
        if paragraphs:
            paragraphs, other = _other_language_abstract(paragraphs)
            body_start = _body_start(lines, stop, style)
            label = match.group("label")
            found = _classified(lines, title, (title_start, title_end), paragraphs, (i, stop), body_start, label, skipped)
            if not other:
                return found
            indices = {id(lines[k]): k for k in range(i, stop)}
            aside = [(indices[id(line)], OTHER_ABSTRACT) for line in other]
            return replace(found, removed=tuple(sorted([*found.removed, *aside])))
    headless = _headless_abstract(lines, title_end, search_end, style)
    if headless is not None:
        start, paragraphs, stop, skipped = headless
        body_start = _body_start(lines, stop, style)
        return _classified(lines, title, (title_start, title_end), paragraphs, (start, stop), body_start, "", skipped)
    body_start = _body_start_without_abstract(lines, title_end, search_end, style)
    front = _classified(lines, title, (title_start, title_end), (), (body_start, body_start), body_start, "")
    plain = _unlabelled_abstract(lines, front, title_end, style)
    if plain is None:
        bold = _bold_abstract(lines, front, title_end, style)
        if bold is None:
            return front
        start, stop = bold
        paragraphs = (tuple(lines[start:stop]),)
        return _classified(lines, title, (title_start, title_end), paragraphs, (start, stop), stop, "")
    start, stop = plain
    paragraphs = tuple(tuple(lines[start + k] for k in block) for block in boilerplate.blocks_of(lines[start:stop]))
    return _classified(lines, title, (title_start, title_end), paragraphs, (start, stop), body_start, "")


def _other_language_abstract(
    paragraphs: tuple[tuple[Line, ...], ...],
) -> tuple[tuple[tuple[Line, ...], ...], tuple[Line, ...]]:
    """The abstract's paragraphs up to a second abstract in another language that its own label
    opens inside it ("Resumen. La estimación ...", read on as more abstract), and that second
    abstract's lines (set aside as OTHER_ABSTRACT, listed, neither abstract nor body). A label of
    the abstract's own language goes on with it: detection must tell both texts apart."""
    flat = [line for paragraph in paragraphs for line in paragraph]
    for k, line in enumerate(flat[1:], start=1):
        match = lexicon().abstract_label.match(line.text)
        if match is None or not match.group("rest") or not _is_label(line, match):
            continue
        own = detect_language(" ".join(line.text for line in flat[:k]))
        other = detect_language(" ".join(line.text for line in flat[k:]))
        if own == other or UNDETERMINED in (own, other):
            return paragraphs, ()
        own_lines = {id(line) for line in flat[:k]}
        kept = [tuple(line for line in paragraph if id(line) in own_lines) for paragraph in paragraphs]
        return tuple(paragraph for paragraph in kept if paragraph), tuple(flat[k:])
    return paragraphs, ()


def _unlabelled_abstract(lines: Sequence[Line], front: Front, title_end: int, style: BodyStyle) -> tuple[int, int] | None:
    """A plain abstract with no heading (Frontiers): the one run of prose between the recognised
    front matter and an introduction heading.

    Only when everything else before the body was named, the run is all that is left, reads as
    sentences (`PLAIN_MIN_WORDS` or more, ending with a full stop) and the body opens with an
    introduction heading; otherwise the text stays in the body.
    """
    kept = [i for i in front.kept if i >= title_end]
    if not kept or kept != list(range(kept[0], kept[-1] + 1)):
        return None
    named = {i for i, _ in front.removed}
    if any(i not in named for i in range(kept[-1] + 1, front.body_start)):
        return None  # only named front matter (keywords, dates) may follow it
    if len(kept) != len(front.kept) or front.body_start >= len(lines):
        return None
    opening = headings.words.strip_number(lines[front.body_start].text).rstrip(":. ")
    if lexicon().introduction.fullmatch(opening) is None or not headings.is_heading_line(lines[front.body_start], style):
        return None
    text = " ".join(lines[i].text for i in kept)
    if not PLAIN_MIN_WORDS <= len(text.split()) <= ABSTRACT_MAX_WORDS or not _ends_sentence(text):
        return None
    return kept[0], kept[-1] + 1


def _bold_abstract(lines: Sequence[Line], front: Front, title_end: int, style: BodyStyle) -> tuple[int, int] | None:
    """An abstract with no heading set in bold where the body is not (Nature's summary paragraph,
    Science's abstract): one paragraph of prose that opens the body, the body's own font right
    under it. Without it, the whole paragraph was read as one long heading of the body.

    Only where no line between the title and it was left unnamed (it is the first line kept for
    the body, or the body's start), and it reads as sentences (`PLAIN_MIN_WORDS` or more, ending
    with a full stop).
    """
    start = front.kept[0] if front.kept else front.body_start
    if style.bold or start >= len(lines) or not lines[start].bold:
        return None
    named = {i for i, _ in front.removed}
    if any(i not in named for i in range(title_end, start)):
        return None
    if headings.is_known_heading(lines[start].text.strip()) or rules.NUMBERED_HEADING.match(lines[start].text.strip()):
        return None
    stop = start + 1
    while stop < len(lines) and lines[stop].bold and abs(lines[stop].size - lines[start].size) <= 0.3:
        if lines[stop].top - lines[stop - 1].bottom > lines[stop].size or lines[stop].page != lines[start].page:
            break  # a paragraph gap
        stop += 1
    text = " ".join(line.text for line in lines[start:stop])
    if not PLAIN_MIN_WORDS <= len(text.split()) <= ABSTRACT_MAX_WORDS or not _ends_sentence(text):
        return None
    if stop >= len(lines) or (lines[stop].bold and not headings.is_heading_line(lines[stop], style)):
        return None  # the body under it, in its own font or opening with a heading
    return start, stop


def _headless_abstract(
    lines: Sequence[Line], title_end: int, search_end: int, style: BodyStyle
) -> tuple[int, tuple[tuple[Line, ...], ...], int, tuple[int, ...]] | None:
    """A structured abstract with no heading: labelled parts ("Objectives. ...") before the body.

    Found where a part label opens a block that is not publisher boilerplate, and read like an
    abstract; it counts when at least `HEADLESS_MIN_PARTS` of its paragraphs open with a label.
    Only before the first section heading: run-in "Methods." paragraphs of the body are not it.
    """
    for i in range(title_end, search_end):
        text = lines[i].text
        if lexicon().part_label.match(text) is None and not (_STRUCTURED_PART.match(text) and lines[i].bold_lead >= 1):
            styled = headings.is_heading_line(lines[i], style)
            if styled and (headings.is_known_heading(text) or rules.NUMBERED_HEADING.match(text.strip())):
                return None  # the body has begun
            continue
        if headings.is_heading_line(lines[i], style) and lexicon().part_label.match(text) is None:
            continue
        paragraphs, stop, skipped = _read_abstract(lines, i - 1, "", style)
        labelled = sum(1 for p in paragraphs if is_part(p[0].text))
        if labelled >= HEADLESS_MIN_PARTS:
            return i, paragraphs, stop, skipped
    return None


def is_part(text: str) -> bool:
    """Whether a paragraph opens with the label of a structured abstract's part."""
    return lexicon().part_label.match(text) is not None or _STRUCTURED_PART.match(text) is not None


def part_label(text: str, *, bold_lead: int = 0) -> tuple[str, str] | None:
    """(label, text) of a structured abstract's paragraph ("Methods. We ..." -> ("Methods", "We ..."));
    a label set in bold needs no stop after it ("**Background** We ...", as JAMA sets its parts)."""
    match = lexicon().part_label.match(text)
    if match is not None:
        return match.group("label"), (match.group("rest") or "").strip()
    words = text.split()
    if not 1 <= bold_lead < len(words):
        return None
    label = " ".join(words[:bold_lead])
    match = lexicon().part_label.fullmatch(f"{label}:")
    if match is None or match.group("label") != label:
        return None
    return label, " ".join(words[bold_lead:])


def _classified(
    lines: Sequence[Line],
    title: str,
    title_span: tuple[int, int],
    paragraphs: tuple[tuple[Line, ...], ...],
    abstract_span: tuple[int, int],
    body_start: int,
    label: str,
    skipped: tuple[int, ...] = (),
) -> Front:
    """Name every front-matter line outside the title and abstract; unknown ones are kept."""
    taken = set(range(*title_span)) | (set(range(*abstract_span)) - set(skipped))
    rest = [i for i in range(body_start) if i not in taken]
    removed: list[tuple[int, str]] = []
    kept: list[int] = []
    named: list[tuple[int, str | None]] = []
    for block in boilerplate.blocks_of([lines[i] for i in rest]):
        indices = [rest[k] for k in block]
        # Blocks are consecutive in the reading order only: a gap in the indices splits them.
        runs: list[list[int]] = []
        for index in indices:
            if runs and runs[-1][-1] == index - 1:
                runs[-1].append(index)
            else:
                runs.append([index])
        for run in runs:
            near_title = run[0] < abstract_span[0] or not paragraphs
            named.extend(zip(run, boilerplate.classify_lines([lines[i] for i in run], near_title=near_title), strict=True))
    named.sort()
    reasons = boilerplate.label_reasons([lines[i] for i, _ in named], [reason for _, reason in named])
    for (i, _), reason in zip(named, reasons, strict=True):
        if reason is None:
            kept.append(i)
        else:
            removed.append((i, reason))
    return Front(title, paragraphs, body_start, removed=tuple(removed), kept=tuple(kept), label=label)


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


def _read_abstract(
    lines: Sequence[Line], label: int, rest: str, style: BodyStyle, *, whole_page: bool = False
) -> tuple[tuple[tuple[Line, ...], ...], int, tuple[int, ...]]:
    """The abstract's paragraphs after the label line, the index of the first line after it, and
    the lines inside it that are not abstract text (a page header where it runs onto a new page).
    `whole_page`: the label heads a front-matter page of its own (a thesis's abstract page), so
    paragraph gaps on that page do not end the abstract; a heading, a keywords line, a change of
    size or the page's end still do.
    """
    paragraphs: list[list[Line]] = []
    skipped: list[int] = []
    if rest:  # "Abstract: This article ..." — the label runs into the text
        head = lines[label]
        paragraphs.append([replace(head, text=rest, bold=False, bold_lead=0, markers=())])
    words = len(rest.split())
    size: float | None = lines[label].size if rest else None
    # An abstract set in bold (IEEE: "**Abstract—We propose ...**"): its bold lines are no headings.
    bold_text = bool(rest) and lines[label].bold
    pitches: list[float] = []
    i = label + 1
    while i < len(lines):
        line = lines[i]
        previous = paragraphs[-1][-1] if paragraphs else lines[label]
        text = line.text.strip()
        # A sentence's last word wrapped onto a line of its own is no heading and no part label,
        # whatever the word ("... the best reported result for this / dataset.", "... in the
        # early / results."): it was cut off into the body, or made a part of its own. It ends the
        # sentence: a lower-case heading without a stop ("introduction") under an abstract whose
        # last line ends in none ("... ISRCTN12345678") still ends the abstract (a review).
        wrapped = bool(paragraphs) and text[:1].islower() and _ends_sentence(text) and not _ends_sentence(previous.text)
        structured = not wrapped and (
            is_part(text) or (_bold_part(line) and (not paragraphs or _opens_with_part(paragraphs[0][0])))
        )
        if (
            headings.is_keywords(text)
            or headings.is_keyword_list(text)
            or (headings.is_known_heading(text) and not structured and not wrapped)
        ):
            break
        if (
            paragraphs
            and headings.is_heading_line(line, style)
            and not structured
            and not _bold_text_goes_on(bold_text, line, size, previous, paragraphs)
        ):
            break
        if size is not None and abs(line.size - size) > 0.7:
            resumes = _resumes_on_new_page(lines, i, paragraphs[-1][-1] if paragraphs else None, size)
            if resumes is None:
                break
            skipped.extend(range(i, resumes))
            i = resumes
            continue
        if paragraphs and _under_full_width(paragraphs, line, previous):
            break
        pitch = line.top - previous.top if line.region == previous.region else 0.0
        usual = sorted(pitches)[len(pitches) // 2] if pitches else None  # the abstract's line pitch so far
        gap = pitch > (ABSTRACT_PARAGRAPH_GAP * usual if usual is not None else 2.0 * line.size)
        # A paragraph gap that does not open the next part of a structured abstract ends it, unless
        # the abstract's page of its own goes on with its next paragraph (asked only at a gap).
        on_own_page = whole_page and line.page == lines[label].page
        if (
            paragraphs
            and gap
            and not structured
            and not (on_own_page and _next_page_paragraph(line, pitch, usual, paragraphs))
            and not _paragraphs_up_to_opening(lines, i, style, size, words, paragraphs, pitch, usual)
        ):
            break
        if paragraphs and line.page != previous.page and _ends_sentence(previous.text):
            break
        if not paragraphs or gap or structured:
            paragraphs.append([])
        elif pitch > 0:
            pitches.append(pitch)
        bold_text = bold_text or (not paragraphs[0] and line.bold)
        paragraphs[-1].append(line)
        size = size if size is not None else line.size
        words += len(text.split())
        if words > ABSTRACT_MAX_WORDS:
            return (), label + 1, ()
        i += 1
    return tuple(tuple(p) for p in paragraphs if p), i, tuple(skipped)


# On an abstract page of its own, a paragraph gap up to this many line pitches goes on to the next
# paragraph of the abstract; a wider one (a dedication, a supervisor's line set apart) ends it.
WHOLE_PAGE_GAP = 2.5
_LABEL_LINE = re.compile(r"^[^\W\d_][\w’' -]{0,30}:\s")


def _next_page_paragraph(line: Line, pitch: float, usual: float | None, paragraphs: list[list[Line]]) -> bool:
    """Whether a paragraph after a gap on a thesis's abstract page is the abstract's next one: set
    as its paragraphs are (a usual paragraph gap, the same slant), no "Label: value" line
    ("Supervisor: ...", "Word count: ..."). A review found a dedication and such lines under the
    abstract taken into it. `usual`: the abstract's median line pitch so far (None before one)."""
    usual = usual if usual is not None else 1.2 * line.size
    first = paragraphs[0][0] if paragraphs and paragraphs[0] else line
    return pitch <= WHOLE_PAGE_GAP * usual and line.italic == first.italic and _LABEL_LINE.match(line.text.strip()) is None


# A first section numbered in Arabic figures: "1 Theoretical framework", "1. Literature review".
_FIRST_SECTION = re.compile(r"^1(?:\.|\)|\s)\s*[^\W\d_]")


def _paragraphs_up_to_opening(
    lines: Sequence[Line],
    i: int,
    style: BodyStyle,
    size: float | None,
    words: int,
    paragraphs: list[list[Line]],
    pitch: float,
    usual: float | None,
) -> bool:
    """Whether the paragraph after a gap in an abstract is the abstract's next one, on a page not its
    own: the paragraphs from `lines[i]` run, set as the abstract is (its size, slant and band of the
    page, usual paragraph gaps, no "Label: value" line, no heading) and within its length, up to a
    keywords line or the heading that opens the body: an introduction's ("Introduction",
    "Background") or a first section's numbered "1" ("1 Related work"). A review found the second
    and third paragraphs of such an abstract read as the body's start. A Roman "I. The Problem of
    Tides" may follow unheaded paragraphs of the body."""
    if size is None or not _next_page_paragraph(lines[i], pitch, usual, paragraphs):
        return False
    region, page, first = paragraphs[-1][-1].region, paragraphs[-1][-1].page, paragraphs[0][0]
    previous = paragraphs[-1][-1]
    for j in range(i, len(lines)):
        line = lines[j]
        text = line.text.strip()
        if headings.is_keywords(text, bold_lead=line.bold_lead) or headings.is_keyword_list(text):
            return j > i
        # An introduction's heading, or a first section numbered "1": not a Roman "I. ..." of any
        # title, which a law review sets after unheaded opening paragraphs (a review found them
        # taken into its abstract before "I. The Problem of Tides").
        if headings.is_introduction(text) or (headings.is_heading_line(line, style) and _FIRST_SECTION.match(text)):
            return j > i and (headings.is_heading_line(line, style) or len(text.split()) <= 3)
        if (
            line.region != region
            or line.page != page
            or abs(line.size - size) > 0.3
            or line.italic != first.italic
            or headings.is_heading_line(line, style)
            or headings.is_known_heading(text)
            or _LABEL_LINE.match(text) is not None
            or line.top - previous.top > WHOLE_PAGE_GAP * (usual if usual is not None else 1.2 * line.size)
        ):
            return False
        words += len(text.split())
        if words > ABSTRACT_MAX_WORDS:
            return False
        previous = line
    return False


def _bold_text_goes_on(bold_text: bool, line: Line, size: float | None, previous: Line, paragraphs: list[list[Line]]) -> bool:
    """Whether a bold line goes on an abstract set in bold, in its size: no numbered heading, and
    no short line without an end mark after a sentence's end (an unnumbered bold heading of the
    body in the abstract's size, "Harbour Bridges in Context", which a review found taken into
    the abstract with the paragraph under it)."""
    same_size = size is not None and abs(line.size - size) <= 0.3
    if not (bold_text and line.bold and same_size and rules.NUMBERED_HEADING.match(line.text.strip()) is None):
        return False
    widest = max((other.x1 - other.x0 for paragraph in paragraphs for other in paragraph), default=0.0)
    short = line.x1 - line.x0 < BOLD_HEADING_MAX_SHARE * widest
    return not (short and _ends_sentence(previous.text) and not _ends_sentence(line.text))


# A line under this share of the abstract's widest line is short enough to be a heading.
BOLD_HEADING_MAX_SHARE = 0.75


def _bold_part(line: Line) -> bool:
    """Whether a line opens with a bold part label and no stop ("**Results** We ...")."""
    return part_label(line.text.strip(), bold_lead=line.bold_lead) is not None


def _opens_with_part(line: Line) -> bool:
    """Whether an abstract's first line opens with a part label. A bold label without a stop opens
    a part only in an abstract that starts labelled: after a plain abstract, "**Results** We ..."
    is a run-in heading of the body (LaTeX `\\paragraph`), and the paragraph gap before it ends
    the abstract."""
    return is_part(line.text.strip()) or _bold_part(line)


# A column under a full-width abstract is at most this share of the abstract's widest line.
COLUMN_SHARE = 0.6


def _under_full_width(paragraphs: Sequence[Sequence[Line]], line: Line, previous: Line) -> bool:
    """Whether `line` opens a column under a full-width abstract that ended a sentence: the columns
    of the body, where no keywords line or heading comes between (the abstract read on down the
    first column). An abstract in one column of two goes on in a column as wide as its own."""
    widest = max(other.width for paragraph in paragraphs for other in paragraph)
    return (
        line.region != previous.region
        and line.page == previous.page
        and line.top >= previous.bottom
        and line.width < COLUMN_SHARE * widest
        and _ends_sentence(previous.text)
    )


def _resumes_on_new_page(lines: Sequence[Line], i: int, previous: Line | None, size: float) -> int | None:
    """Where an abstract broken off mid-sentence at a page end goes on after the new page's header.

    The lines before it (a running header that repetition did not catch) are not abstract text.
    """
    if previous is None or lines[i].page == previous.page or _ends_sentence(previous.text):
        return None
    for j in range(i + 1, min(len(lines), i + 4)):
        if lines[j].page != lines[i].page:
            return None
        if abs(lines[j].size - size) <= 0.7:
            return j
    return None


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
        if not headings.is_keywords(text):
            styled = headings.is_heading_line(line, style)
            if headings.is_known_heading(text) or (styled and rules.NUMBERED_HEADING.match(text)):
                return i
        words += len(text.split())
        if words > FRONT_GAP_MAX_WORDS:
            break
    return _past_keywords(lines, stop)


def _past_keywords(lines: Sequence[Line], stop: int) -> int:
    """Past a keywords line right after the abstract ("Keywords: telomere length, aging"), in
    whatever font, and the lines its block runs on to: keywords, named so, not the body's start."""
    if stop >= len(lines) or not headings.is_keywords(lines[stop].text.strip(), bold_lead=lines[stop].bold_lead):
        return stop
    end = stop + 1
    for _ in boilerplate.blocks_of(lines[stop : stop + KEYWORDS_MAX_LINES])[0][1:]:
        if _ends_sentence(lines[end - 1].text):
            break  # a list of keywords ends with its last word, or a stop: not the next paragraph
        end += 1
    return end


KEYWORDS_MAX_LINES = 3


def _body_start_without_abstract(lines: Sequence[Line], title_end: int, search_end: int, style: BodyStyle) -> int:
    """No abstract: start at an early introduction heading, else right after the title."""
    for i in range(title_end, search_end):
        text = lines[i].text
        if headings.is_known_heading(text) and (headings.is_heading_line(lines[i], style) or len(text.split()) <= 3):
            return i
    return _past_author_blocks(lines, title_end, search_end)


NAMES_BLOCK_MAX_LINES = 4


def _past_author_blocks(lines: Sequence[Line], title_end: int, search_end: int) -> int:
    """No abstract and no early heading (a law review, a one-page conference abstract, an edited
    text): the body starts past the blocks right under the title, on its page, that read as its
    authors' names and affiliations (short blocks, "authors" by `boilerplate.classify`); they
    opened the body, and its first paragraph with them. Text must remain after them."""
    if not 0 < title_end < search_end:
        return title_end
    page = lines[title_end - 1].page
    start = title_end
    for block in boilerplate.blocks_of(lines[title_end:search_end]):
        run = [lines[title_end + k] for k in block]
        # A block ends before a line without letters: a law review's paragraph number "1.".
        lettered = next((k for k, line in enumerate(run) if not re.search(r"[^\W\d_]{2}", line.text)), len(run))
        run = run[:lettered]
        if not run or run[0].page != page or len(run) > NAMES_BLOCK_MAX_LINES:
            break
        if boilerplate.classify(run, near_title=True) != "authors":
            break
        start = title_end + block[0] + len(run)
        if lettered < len(block):
            break
    return start if start < search_end else title_end
