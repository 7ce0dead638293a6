"""The PDF pipeline: pages -> lines -> furniture removed -> reading order -> front matter -> body.

Each step lives in its own module; this one only runs them in order and renders the result as
one text with the line structure the cleaning stage reads (title, abstract, then every heading and
paragraph on its own line, separated by blank lines).
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, islice
from pathlib import Path

from ..errors import InputError
from ..language import DETECT_CHARS, detect_language, get_language
from . import boilerplate, columns, front, furniture, paragraphs
from .columns import Gutter
from .headings import BodyStyle
from .lines import Line, build_lines, rows_of
from .options import PdfOptions
from .reader import PDFIUM_LOCK, PdfFile, RawPage, Word
from .removed import Removals, RemovedText

# Pages read before the rest to agree on the document's column gutter.
GUTTER_SAMPLE_PAGES = 4
GUTTER_AGREE = 12.0  # points between gutter centres that are the same gutter
# Below this many letters per page there is no usable text layer.
MIN_LETTERS_PER_PAGE = 40
# A page with fewer letters than MIN_LETTERS_PER_PAGE (after its running header and page number)
# whose images cover this share of it is a scanned page: its text is in the picture, not read.
SCAN_MIN_COVER = 0.5
# A PDF whose letters are this share or more in one right-to-left script is refused (not read).
RIGHT_TO_LEFT_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class PdfText:
    """What extraction found in a PDF.

    `text` is the extracted article: the title, the abstract (under a line naming it in the
    article's language: "Abstract", "Zusammenfassung", "Résumé" ...), then the body's headings and
    paragraphs, one per line with blank lines between. `body_start` is where the body begins in
    `text`; `headings` are (start, end) spans of the body's headings.
    """

    text: str
    body_start: int
    title: str
    abstract: str
    headings: tuple[tuple[int, int], ...]
    footnotes: tuple[str, ...]
    pages: int
    cover_pages: int = 0
    removed: dict[str, int] = field(default_factory=dict)
    removed_text: tuple[RemovedText, ...] = ()
    abstract_parts: tuple[tuple[str, str], ...] = ()  # (label, text) of a structured abstract
    # One line per kind of page whose text was not read (a scanned page, unreadable glyph codes),
    # naming the file and the pages: what a user must hear, not only find in `removed_text`.
    warnings: tuple[str, ...] = ()

    @property
    def body(self) -> str:
        return self.text[self.body_start :]


@dataclass(slots=True)
class _Page:
    index: int
    width: float
    height: float
    lines: list[Line]
    gutter: Gutter | None
    rotated: str = ""
    images: float = 0.0  # share of the page under images, on pages with little text (RawPage.images)
    unreadable: bool = False  # most characters are glyph codes of a font without a Unicode map
    annotations: tuple[str, ...] = ()  # text of comments and form fields, listed, not read
    line_numbers: tuple[str, ...] = ()  # a review copy's line numbers in a column of their own
    codes: str = ""  # words of glyph codes that happen to be letters, on a page otherwise read
    watermark: str = ""  # large upright print drawn over the text ("DRAFT"), listed, not read
    outside: str = ""  # text outside the page's visible area (its crop box), listed, not read


def extract(data: bytes | Path, *, source: str, options: PdfOptions = PdfOptions()) -> PdfText:
    """Extract the article in a PDF (a path or its bytes); bad PDFs raise `InputError`."""
    # PDFium is not thread-safe: a server answering requests in threads reads one PDF at a time.
    with PDFIUM_LOCK, PdfFile(data, source=source, options=options) as pdf:
        pages = _read_pages(pdf.pages())
        page_count = pdf.page_count
        metadata_title = pdf.metadata_title()
    letters = sum(_letters(page.lines) for page in pages if not page.unreadable)
    if letters < MIN_LETTERS_PER_PAGE * page_count and any(page.unreadable for page in pages):
        raise InputError(
            "has no readable text: its characters are glyph codes of fonts without a Unicode map (Type3 or "
            "custom-encoded fonts without a ToUnicode map); run OCR on it first, e.g. ocrmypdf --force-ocr in.pdf out.pdf",
            source=source,
        )
    outside = sum(sum(ch.isalpha() for ch in page.outside) for page in pages)
    if letters < MIN_LETTERS_PER_PAGE * page_count <= outside:
        raise InputError(
            "has no text on its pages as shown: its text is drawn outside the pages' visible area (their crop "
            "boxes), which a viewer does not show (it has a text layer: OCR would not help)",
            source=source,
        )
    if letters < MIN_LETTERS_PER_PAGE * page_count:
        raise InputError(
            "has no text layer (scanned page images?); run OCR on it first, e.g. ocrmypdf in.pdf out.pdf",
            source=source,
        )
    script = _right_to_left_script(pages, letters)
    if script:
        raise InputError(
            f"is written right to left ({script} script): synopsis reads the words of a PDF's lines left to right "
            "and would put them in the wrong order (right-to-left PDFs are not supported)",
            source=source,
        )
    return _analyse(pages, page_count, metadata_title, options, source=source)


# The right-to-left scripts' blocks, by script (Hebrew; Arabic with its supplements, extensions and
# presentation forms; Syriac with its supplement, Thaana, N'Ko, Samaritan, Mandaic, Hanifi Rohingya,
# Adlam). Only the letters in them count (`str.isalpha`): not Hebrew points, Arabic vowel marks or
# Arabic-Indic digits, which a review found doubling a pointed quotation's share.
_RIGHT_TO_LEFT = (
    ("Hebrew", re.compile("[\u0590-\u05ff\ufb1d-\ufb4f]")),
    ("Arabic", re.compile("[\u0600-\u06ff\u0750-\u077f\u0870-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")),
    ("Syriac", re.compile("[\u0700-\u074f\u0860-\u086f]")),
    ("Thaana", re.compile("[\u0780-\u07bf]")),
    ("N'Ko", re.compile("[\u07c0-\u07ff]")),
    ("Samaritan", re.compile("[\u0800-\u083f]")),
    ("Mandaic", re.compile("[\u0840-\u085f]")),
    ("Hanifi Rohingya", re.compile("[\U00010d00-\U00010d3f]")),
    ("Adlam", re.compile("[\U0001e900-\U0001e95f]")),
)


def _right_to_left_script(pages: Sequence[_Page], letters: int) -> str:
    """The right-to-left script most of the text's letters are in, or "".

    Lines are read left to right (words sorted by x), so a Hebrew or Arabic paper came out as
    words in reverse order, cut into table cells: a junk summary under a language warning. A
    quotation or a reference in such a script inside a paper in another one is read as it is.
    """
    text = "".join(line.text for page in pages if not page.unreadable for line in page.lines)
    counts = {name: sum(map(str.isalpha, pattern.findall(text))) for name, pattern in _RIGHT_TO_LEFT}
    name, count = max(counts.items(), key=lambda item: item[1])
    return name if count and count >= RIGHT_TO_LEFT_SHARE * letters else ""


def _letters(lines: Sequence[Line]) -> int:
    return sum(sum(ch.isalpha() for ch in line.text) for line in lines)


def _read_pages(raw_pages: Iterator[RawPage]) -> list[_Page]:
    """Lines of every page, split at the document's column gutter."""
    raw_pages = (_without_number_columns(_without_watermark(_within_page(raw))) for raw in _as_shown(raw_pages))
    sample = [(raw, rows_of(raw.words)) for raw in islice(raw_pages, GUTTER_SAMPLE_PAGES)]
    candidates = [columns.find_gutter(rows, raw.width) for raw, rows in sample]
    document_gutter, decided = _consensus(candidates)
    pages: list[_Page] = []
    rest = ((raw, rows_of(raw.words)) for raw in raw_pages)
    for i, (raw, rows) in enumerate(chain(sample, rest)):
        candidate = candidates[i] if i < len(candidates) else columns.find_gutter(rows, raw.width)
        gutter = _choose_gutter(candidate, document_gutter, decided)
        page_lines = _lines(rows, raw.index, gutter)
        if gutter is not None and not gutter.margin and not _has_columns(page_lines, gutter):
            # Too little text on one side for two columns, unless the other is full (a lone line).
            gutter = columns.lone_column_gutter(page_lines, raw.width, gutter)
            if gutter is None:
                page_lines = _lines(rows, raw.index, None)
        if gutter is None:
            gutter = columns.lone_column_gutter(page_lines, raw.width, document_gutter)
            if gutter is not None:
                page_lines = _lines(rows, raw.index, gutter)
        unread = (raw.images, raw.unreadable, raw.annotations, raw.line_numbers, raw.codes, raw.watermark, raw.outside)
        pages.append(_Page(raw.index, raw.width, raw.height, page_lines, gutter, raw.rotated, *unread))
    return pages


def _without_number_columns(raw: RawPage) -> RawPage:
    """`raw` without the line numbers that stand in a column of their own (`furniture.number_columns`):
    between two text columns they hide the gutter, and the rows of both columns read as table rows."""
    numbers = [i for column in furniture.number_columns(raw.words) for i in column]
    if not numbers:
        return raw
    found = set(numbers)
    kept = tuple(word for i, word in enumerate(raw.words) if i not in found)
    return replace(raw, words=kept, line_numbers=tuple(raw.words[i].text for i in numbers))


def _within_page(raw: RawPage) -> RawPage:
    """`raw` without the words that lie wholly outside its visible area, where the page is cropped
    (coordinates are from the crop box's top left corner): a viewer does not show them. A page
    cropped out of a two-page spread or a larger sheet keeps the rest of the sheet's text in the
    file, and a printer's proof its slug line and job notes beyond the trim; read, the spread's
    other page came twice, once on each page, cut into table cells. A word the edge cuts through
    is read, and so is text past the edge of an uncropped page (a line that overflows the paper),
    and a page set aside whole as unreadable stays whole."""
    if not raw.cropped or raw.unreadable:
        return raw
    width, height = raw.width, raw.height
    outside = [w for w in raw.words if w.x1 <= 0 or w.x0 >= width or w.bottom <= 0 or w.top >= height]
    if not outside:
        return raw
    marks = {id(word) for word in outside}
    kept = tuple(word for word in raw.words if id(word) not in marks)
    text = " ".join(word.text for word in sorted(outside, key=lambda w: (w.top, w.x0)))
    return replace(raw, words=kept, outside=" ".join(filter(None, (raw.outside, text))))


# A watermark is printed at least this many times the page's usual size, over words of its text.
WATERMARK_MIN_RATIO = 2.5
WATERMARK_MIN_COVERED = 2


def _without_watermark(raw: RawPage) -> RawPage:
    """`raw` without a watermark set upright across its text ("DRAFT", "Preprint not peer reviewed"
    in large print over the body): words far larger than the page's usual print whose box holds
    the middles of words of the text, and the words on their baseline in their size. Read as text,
    the watermark was glued into the body's lines, and over two columns it merged their rows. A
    title or a drop capital stands beside other text, never over it (a line set close under a
    title may reach into its box, not to its middle: a review found a title so removed)."""
    sizes = sorted(word.size for word in raw.words for _ in word.text)
    if not sizes:
        return raw
    usual = sizes[len(sizes) // 2]
    large = [word for word in raw.words if word.size >= WATERMARK_MIN_RATIO * usual]
    if not large:
        return raw
    small = sorted((word for word in raw.words if word.size < 1.5 * usual), key=_middle)
    middles = [_middle(word) for word in small]

    def over_text(big: Word) -> bool:  # the small words whose middles lie in its band, by bisection
        band = small[bisect_left(middles, big.top) : bisect_right(middles, big.bottom)]
        covered = (w for w in band if w.x0 < big.x1 and big.x0 < w.x1)
        return sum(1 for _ in islice(covered, WATERMARK_MIN_COVERED)) >= WATERMARK_MIN_COVERED

    found = [word for word in large if sum(ch.isalpha() for ch in word.text) >= 2 and over_text(word)]
    if not found:
        return raw

    def beside(word: Word, mark: Word) -> bool:
        return abs(word.bottom - mark.bottom) < 0.2 * mark.size and abs(word.size - mark.size) < 0.1 * mark.size

    marks = {id(word) for word in large if any(beside(word, mark) for mark in found)}
    kept = tuple(word for word in raw.words if id(word) not in marks)
    text = " ".join(word.text for word in sorted((w for w in large if id(w) in marks), key=lambda w: (w.top, w.x0)))
    return replace(raw, words=kept, watermark=" ".join(filter(None, (raw.watermark, text))))


def _middle(word: Word) -> float:
    return (word.top + word.bottom) / 2


def _lines(rows: Sequence[Sequence[Word]], index: int, gutter: Gutter | None) -> list[Line]:
    return build_lines(rows, index, (gutter.x0, gutter.x1), gutter.more) if gutter else build_lines(rows, index)


# A page turned for display (its text upright only as shown) is read as shown where this share
# of its letters lies in lines of PROSE_MIN_WORDS words or more that are no table cells. Set on
# the five such pages of the real PDFs, all tables (at most 0.8), and made landscape pages of
# text (0.99).
PROSE_SHARE = 0.9
PROSE_MIN_WORDS = 5


def _as_shown(raw_pages: Iterator[RawPage]) -> Iterator[RawPage]:
    """Each page as it is to be read: as a viewer shows it where it is turned for display and
    its text is prose, or the document starts with such a page (a landscape document); else as
    stored, its sideways text (a turned table page in an article) set aside as rotated text."""
    landscape: bool | None = None
    for raw in raw_pages:
        if landscape is None:
            landscape = raw.shown is not None
        yield raw.shown if raw.shown is not None and (landscape or _reads_as_prose(raw.shown)) else raw


def _reads_as_prose(raw: RawPage) -> bool:
    lines = build_lines(rows_of(raw.words), raw.index)
    letters = [sum(ch.isalpha() for ch in line.text) for line in lines]
    prose = sum(n for n, line in zip(letters, lines, strict=True) if line.words >= PROSE_MIN_WORDS and not line.cell)
    return prose >= PROSE_SHARE * max(1, sum(letters))


def _consensus(candidates: Sequence[Gutter | None]) -> tuple[Gutter | None, bool]:
    """The gutter most sample pages agree on, and whether the sample decided anything."""
    found = [g for g in candidates if g is not None and not g.margin]
    for gutter in found:
        agreeing = [g for g in found if abs(g.center - gutter.center) < GUTTER_AGREE]
        if len(agreeing) >= 2 or (len(candidates) <= 2 and agreeing):
            narrowest = min(agreeing, key=lambda g: g.x1 - g.x0)
            return narrowest, True
    return None, len(candidates) >= 2 and not found


def _choose_gutter(candidate: Gutter | None, document: Gutter | None, decided: bool) -> Gutter | None:
    if candidate is not None and candidate.notes and document is not None:
        candidate = None  # a line or two beside one column of a two-column document: no side note
    if candidate is not None and candidate.margin:
        return candidate
    if document is None:
        return None if decided else candidate
    if candidate is not None and abs(candidate.center - document.center) < GUTTER_AGREE:
        return candidate
    return document  # checked against the page's lines by the caller


def _has_columns(lines: Sequence[Line], gutter: Gutter) -> bool:
    """Whether a page really has text on both sides of the gutter (not just a figure or a title)."""
    left = sum(1 for line in lines if line.x1 <= gutter.center and line.words >= 3)
    right = sum(1 for line in lines if line.x0 >= gutter.center and line.words >= 3)
    return left >= 3 and right >= 3


def _body_style(lines: Sequence[Line]) -> BodyStyle:
    sizes: Counter[float] = Counter()
    bold: Counter[float] = Counter()
    for line in lines:
        key = round(line.size * 2) / 2
        sizes[key] += len(line.text)
        if line.bold:
            bold[key] += len(line.text)
    if not sizes:
        return BodyStyle(10.0)
    size = sizes.most_common(1)[0][0]
    size = _text_over_notes(lines, sizes, size) or size
    return BodyStyle(size, bold[size] > 0.5 * sizes[size])


# Footnotes can outweigh the text (a humanities or law article whose long notes fill half of every
# page): then the size most characters have is the notes'. The body is a larger size with this
# share of their characters or more, set in lines as long, on this share of the pages (three or
# more), where the smaller print stands under it (below every line of it that it shares a column
# with) for this share of all its characters.
NOTES_TEXT_MIN_SHARE = 0.3
NOTES_TEXT_MIN_PAGES = 3
NOTES_MIXED_PAGES = 0.6
NOTES_UNDER_SHARE = 0.85
NOTES_LINE_LENGTH = 0.6


def _text_over_notes(lines: Sequence[Line], sizes: Counter[float], size: float) -> float | None:
    """The body's size where the most common one, `size`, is that of footnotes under it; else None."""
    larger = [
        s for s, count in sizes.items() if size < furniture.FOOTNOTE_SIZE * s and count >= NOTES_TEXT_MIN_SHARE * sizes[size]
    ]
    if not larger:
        return None
    text_size = max(larger, key=lambda s: sizes[s])
    by_page: dict[int, list[Line]] = defaultdict(list)
    for line in lines:
        by_page[line.page].append(line)
    mixed = under = 0
    text_lengths: list[int] = []
    note_lengths: list[int] = []
    for page_lines in by_page.values():
        text = [line for line in page_lines if round(line.size * 2) / 2 == text_size]
        notes = [line for line in page_lines if round(line.size * 2) / 2 == size]
        if not text or not notes:
            continue
        mixed += 1
        text_lengths.extend(len(line.text) for line in text)
        note_lengths.extend(len(line.text) for line in notes)
        for note in notes:
            if not any(t.top > note.top and t.x0 < note.x1 and note.x0 < t.x1 for t in text):
                under += len(note.text)
    if mixed < max(NOTES_TEXT_MIN_PAGES, NOTES_MIXED_PAGES * len(by_page)) or under < NOTES_UNDER_SHARE * sizes[size]:
        return None
    if statistics.mean(text_lengths) < NOTES_LINE_LENGTH * statistics.mean(note_lengths):
        return None  # slides: short titles over the points
    return text_size


def _analyse(pages: list[_Page], page_count: int, metadata_title: str, options: PdfOptions, *, source: str) -> PdfText:
    removed = Removals()
    for page in pages:
        if page.rotated:
            removed.add_text("rotated_text", page.index, page.rotated)
        for text in page.annotations:
            removed.add_text("annotation", page.index, text)
        if page.watermark:
            removed.add_text("watermark", page.index, page.watermark)
        if page.outside:
            removed.add_text("outside_page", page.index, page.outside)
    _set_aside_unreadable(pages, removed)
    _remove_line_numbers(pages, removed)
    _remove_running_lines(pages, removed)
    contents_pages = _remove_contents(pages, removed)
    _note_scanned(pages, removed)
    style = _body_style([line for page in pages for line in page.lines])
    cover_pages = _cover_pages(pages) if options.skip_cover_pages else 0
    for page in pages[:cover_pages]:
        removed.add("cover_page", page.lines, count=1)
    ordered, notes, printed = _reading_order(pages[cover_pages:], style, removed)
    if not ordered:
        raise _nothing_read(removed, source)

    first_page = ordered[0].page
    page_height = next(page.height for page in pages if page.index == first_page)
    chapter = front.first_chapter(ordered, contents_pages, style)
    found = front.find_front(ordered, style, page_height=page_height, first_page=first_page, printed=printed, front_end=chapter)
    vocabulary = paragraphs.vocabulary_of(ordered)
    abstract = [paragraphs.join_lines(lines, vocabulary) for lines in found.abstract]
    if found.label:
        label_page = found.abstract[0][0].page if found.abstract else first_page
        removed.add_text("abstract_heading", label_page, found.label)
    for i, reason in found.removed:
        removed.add(reason, [ordered[i]])
    body_lines = [ordered[i] for i in found.kept] + list(ordered[found.body_start :])
    blocks = paragraphs.body_blocks(body_lines, style, vocabulary, removed, front_lines=len(found.kept))
    title = found.title or _plausible(metadata_title)
    if not (title or abstract or blocks):
        raise _nothing_read(removed, source)  # every line a table cell, a caption, small print ...
    parts = _parts(abstract, [lines[0].bold_lead for lines in found.abstract])
    warnings = _warnings(removed.items, source) + _other_article_warning(removed.items, first_page, source)
    if abstract and _words(block.text for block in blocks if block.kind == "paragraph") < ABSTRACT_ONLY_MAX_BODY_WORDS:
        # A conference abstract, a one-page structured abstract: the abstract is all the text there
        # is, so it is the body (a summary of it, not an error), and the user is told so.
        blocks = [paragraphs.Block("paragraph", paragraph) for paragraph in abstract] + list(blocks)
        abstract, parts = [], ()
        warnings += (f"{source} has no body text after its abstract: the abstract is read as the body and summarized",)
    text, body_start, heading_spans = render(title, abstract, blocks, heading=abstract_heading(title, abstract, blocks))
    return PdfText(
        text=text,
        body_start=body_start,
        title=title,
        abstract=" ".join(abstract),
        headings=heading_spans,
        footnotes=tuple(notes),
        pages=page_count,
        cover_pages=cover_pages,
        removed=removed.counts,
        removed_text=tuple(removed.items),
        abstract_parts=parts,
        warnings=warnings,
    )


# Fewer words than this in the body's paragraphs after an abstract: the document is only its
# abstract (what is left is a stray line), and the abstract is read as the body.
ABSTRACT_ONLY_MAX_BODY_WORDS = 25


def _words(texts: Iterable[str]) -> int:
    return sum(len(text.split()) for text in texts)


# What each reason of `removed_text` is, in the error of a PDF whose text was all set aside.
_SET_ASIDE_AS = {
    "running_header": "running headers",
    "page_number": "page numbers",
    "line_number": "line numbers",
    "first_page_print": "first-page small print",
    "cover_page": "cover pages",
    "table": "tables",
    "float": "captions",
    "caption": "captions",
    "small_print": "small print",
    "fragment": "fragments of figures or formulas",
    "formula": "formulas",
    "box": "boxes",
    "pull_quote": "pull quotes",
    "code": "code listings",
    "chapter": "a chapter's label",
    "title_repeat": "a repeated title",
    "other_language_abstract": "an abstract in another language",
    "footnote": "footnotes",
    "margin": "margin notes",
    "rotated_text": "rotated text",
    "outside_page": "text outside the page's visible area",
    "annotation": "annotations",
    "contents": "a table of contents",
    "front_matter": "a thesis's front matter",
    "references": "a reference list",
    "other_article": "another article",
}


def _nothing_read(removed: Removals, source: str) -> InputError:
    """The error for a PDF none of whose text is read as article text.

    OCR is the advice only where the text is in pictures (scanned pages, which a download service
    may have stamped a line of text on) or in glyph codes no reader can map: for a PDF of running
    heads, page numbers or tables alone it would change nothing. There the error says what the
    text was set aside as (the reasons `removed_text` lists), the most characters first.
    """
    unread = {item.reason for item in removed.items} & {"no_text_layer", "unreadable_text"}
    if unread:
        what = (
            "scanned pages under a stamped line?" if "no_text_layer" in unread else "its other pages are unreadable glyph codes"
        )
        return InputError(
            f"has no text left after removing page headers, footers and notes ({what}); "
            "run OCR on it first, e.g. ocrmypdf --force-ocr in.pdf out.pdf",
            source=source,
        )
    letters: Counter[str] = Counter()
    for item in removed.items:
        letters[_SET_ASIDE_AS.get(item.reason, item.reason.replace("_", " "))] += sum(ch.isalnum() for ch in item.text)
    kinds = [kind for kind, count in letters.most_common() if count] or ["page furniture"]
    listed = kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} and {kinds[-1]}"
    return InputError(
        f"has no article text: all its text was set aside as {listed} (it has a text layer: OCR would not help)", source=source
    )


def _set_aside_unreadable(pages: list[_Page], removed: Removals) -> None:
    """Set aside the pages whose text is glyph codes (`glyphs.unreadable_counts`): listed as
    `unreadable_text` (once per page, with what is left of their text) and said in a warning; and
    on a page otherwise read, the words of glyph codes that happen to be letters (`RawPage.codes`)."""
    for page in pages:
        if page.codes and not page.unreadable:
            removed.add_text("unreadable_text", page.index, page.codes, count=1)
        if not page.unreadable:
            continue
        if page.lines:
            removed.add("unreadable_text", page.lines, count=1)
        else:  # every character was a control code the reader drops
            removed.add_text("unreadable_text", page.index, "", count=1)
        page.lines = []


def _note_scanned(pages: list[_Page], removed: Removals) -> None:
    """List the scanned pages of a text PDF as `no_text_layer` (their text is a picture, not read):
    next to no letters once running headers and page numbers are gone, under a page image."""
    for page in pages:
        if page.images >= SCAN_MIN_COVER and not page.unreadable and _letters(page.lines) < MIN_LETTERS_PER_PAGE:
            removed.add_text("no_text_layer", page.index, "", count=1)


# What each reason of a page not read tells the user: for one page, for several, and what to do.
_UNREAD = {
    "no_text_layer": (
        "has no text layer (scanned?): its text is not read",
        "have no text layer (scanned?): their text is not read",
        "OCR it first, e.g. ocrmypdf in.pdf out.pdf",
    ),
    "unreadable_text": (
        "holds unreadable text (glyph codes of a font without a Unicode map, e.g. Type3): it is set aside, not read",
        "hold unreadable text (glyph codes of a font without a Unicode map, e.g. Type3): it is set aside, not read",
        "OCR it first, e.g. ocrmypdf --force-ocr in.pdf out.pdf",
    ),
}


# The reasons of pages not read: a summary's `document.removed` counts them too.
UNREAD_REASONS = tuple(_UNREAD)


def _warnings(items: Sequence[RemovedText], source: str) -> tuple[str, ...]:
    """One line per reason in `_UNREAD`, naming the pages and the file."""
    out = []
    for reason, (one, several, advice) in _UNREAD.items():
        numbers = sorted({item.page for item in items if item.reason == reason})
        if numbers:
            pages = f"page {numbers[0]}" if len(numbers) == 1 else f"pages {_page_list(numbers)}"
            out.append(f"{pages} of {source} {one if len(numbers) == 1 else several}; {advice}")
    return tuple(out)


def _other_article_warning(items: Sequence[RemovedText], first_page: int, source: str) -> tuple[str, ...]:
    """One line when a second article was set aside (`paragraphs.next_article`): the user is to
    know that the summary covers only the first, and on which pages it stands."""
    pages = [item.page for item in items if item.reason == "other_article"]
    if not pages:
        return ()
    start, end = min(pages), max(pages)
    first = f"page {first_page + 1}" if start - 1 <= first_page + 1 else f"pages {first_page + 1}-{start - 1}"
    rest = f"page {start}" if start == end else f"pages {start}-{end}"
    return (
        f"{source} holds more than one article: summarized the first, {first}; the rest ({rest}) is set aside as other_article",
    )


def _page_list(numbers: Sequence[int]) -> str:
    """1-based page numbers, runs of three or more as a range: "2, 4-6 and 9"."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts: list[str] = []
    for run in runs:
        parts.extend([f"{run[0]}-{run[-1]}"] if len(run) > 2 else map(str, run))
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"


def _parts(abstract: Sequence[str], bold_leads: Sequence[int]) -> tuple[tuple[str, str], ...]:
    """The labelled parts of a structured abstract; () for a plain one. `bold_leads`: the bold
    words each paragraph opens with (a bold label needs no stop after it)."""
    parts = [front.part_label(paragraph, bold_lead=lead) for paragraph, lead in zip(abstract, bold_leads, strict=True)]
    if sum(part is not None for part in parts) < front.HEADLESS_MIN_PARTS:
        return ()
    return tuple(part if part is not None else ("", paragraph) for part, paragraph in zip(parts, abstract, strict=True))


def _remove_line_numbers(pages: list[_Page], removed: Removals) -> None:
    """Take a manuscript's line numbers out of its lines: alone, the line goes; at the start of a
    text line, the number is cut from its text."""
    for page in pages:
        for alone in page.line_numbers:
            removed.add_text("line_number", page.index, alone, count=1)
        numbers, edge = furniture.line_numbers(page.lines)
        if not numbers:
            continue
        kept: list[Line] = []
        for i, line in enumerate(page.lines):
            number = numbers.get(i)
            if number is None:
                kept.append(line)
                continue
            removed.add_text("line_number", page.index, number, count=1)
            rest = line.text[len(number) :].lstrip()
            if rest:
                kept.append(replace(line, text=rest, x0=edge))
        page.lines = [_no_cell(line, kept) for line in kept]


def _no_cell(line: Line, lines: Sequence[Line]) -> Line:
    """`line`, no longer a table cell when none of `lines` is left beside it: the text line of a
    row that was cut into cells only by its line numbers (numbered on both sides)."""
    if not line.cell or any(other is not line and other.top < line.bottom and line.top < other.bottom for other in lines):
        return line
    return replace(line, cell=False)


def _remove_running_lines(pages: list[_Page], removed: Removals) -> None:
    marks = furniture.find_running([(page.lines, page.height) for page in pages])
    for page, page_marks in zip(pages, marks, strict=True):
        for i, reason in sorted(page_marks.items()):
            removed.add(reason, [page.lines[i]])
        page.lines = [line for i, line in enumerate(page.lines) if i not in page_marks]


def _remove_contents(pages: list[_Page], removed: Removals) -> list[int]:
    """Set aside a table of contents (or list of figures) wherever it stands, as `contents`;
    returns the indices of the pages that held one."""
    found_on: list[int] = []
    for page in pages:
        found = set(furniture.contents_lines(page.lines))
        if found:
            removed.add("contents", [line for i, line in enumerate(page.lines) if i in found])
            page.lines = [line for i, line in enumerate(page.lines) if i not in found]
            found_on.append(page.index)
    return found_on


def _cover_pages(pages: list[_Page]) -> int:
    """Leading repository cover sheets (at most two, never the whole document)."""
    count = 0
    while count < min(2, len(pages) - 1) and front.is_cover_page(pages[count].lines):
        count += 1
    return count


def _reading_order(pages: Sequence[_Page], style: BodyStyle, removed: Removals) -> tuple[list[Line], list[str], list[Line]]:
    """Every page's lines in reading order, footnotes and margins taken out; the footnotes; and the
    first page's small print at the edges (taken out too: an issue line tells a masthead)."""
    ordered: list[Line] = []
    notes: list[str] = []
    printed: list[Line] = []
    region = 0
    no_vocabulary = paragraphs.Vocabulary(frozenset(), frozenset())
    for page in pages:
        layout = columns.order_page(page.lines, page.gutter, region_base=region, style=style, first=page is pages[0])
        if layout.lines:
            region = max(line.region for line in layout.lines) + 1
        numbers = [line for line in layout.margin if _numbers_formula(line, layout.lines)]
        removed.add("formula", numbers)
        margin = [line for line in layout.margin if not any(line is number for number in numbers)]
        for reason, items in (("margin", margin), ("float", layout.floats)):
            removed.add(reason, items)
        body, blocks = furniture.split_footnotes(layout.lines, page.height, style.size)
        if page is pages[0]:
            small_print = furniture.first_page_print(body, page.height, style.size)
            for i in sorted(small_print):
                reason = boilerplate.classify([body[i]], near_title=False) or "first_page_print"
                removed.add(reason, [body[i]])
            printed = [body[i] for i in sorted(small_print)]
            body = [line for i, line in enumerate(body) if i not in small_print]
        for block in blocks:
            opening = boilerplate.classify(block[:1], near_title=False) if page is pages[0] else None
            if opening in NOTE_BOILERPLATE:
                removed.add(opening, block)  # IEEE's "Manuscript received ...", ACM's permission box: no footnote
                continue
            removed.counts["footnote"] = removed.counts.get("footnote", 0) + 1
            notes.append(paragraphs.join_lines(block, no_vocabulary))
        ordered.extend(body)
    return ordered, notes, printed


# What a first-page note at the foot of a column opens with that makes it publisher boilerplate, not
# a footnote: listed under that reason (the removal list named them footnotes).
NOTE_BOILERPLATE = frozenset(["dates", "licence"])


def _numbers_formula(line: Line, lines: Sequence[Line]) -> bool:
    """Whether a margin line is a displayed equation's number ("(1)") level with its formula."""
    return paragraphs.EQUATION_NUMBER.fullmatch(line.text.strip()) is not None and any(
        other.top < line.bottom and line.top < other.bottom and paragraphs.is_formula(other.text) for other in lines
    )


def abstract_heading(title: str, abstract: Sequence[str], blocks: Sequence[paragraphs.Block]) -> str:
    """The line set above the abstract: the word of the article's language (detected as the pipeline
    detects it, from title, abstract and body) where its data has one, else "Abstract". Cleaning
    reads either back as the abstract's heading when the text is summarized as plain text."""
    if not abstract:
        return ""
    pieces = chain((title, *abstract), (block.text for block in blocks))
    text = " ".join(_up_to(pieces, DETECT_CHARS))
    words = get_language(detect_language(text)).headings.get("abstract", ())
    return words[0] if words else "Abstract"


def _up_to(pieces: Iterator[str], chars: int) -> Iterator[str]:
    """`pieces` until they hold `chars` characters: detection reads no more (a long body is not joined)."""
    seen = 0
    for piece in pieces:
        if seen >= chars:
            return
        seen += len(piece) + 1
        yield piece


def render(
    title: str, abstract: Sequence[str], blocks: Sequence[paragraphs.Block], *, heading: str = "Abstract"
) -> tuple[str, int, tuple[tuple[int, int], ...]]:
    """The extracted article as one text; returns it, where the body starts, and heading spans."""
    parts: list[str] = []
    length = 0

    def add(piece: str) -> tuple[int, int]:
        nonlocal length
        start = length
        parts.append(piece)
        parts.append("\n\n")
        length += len(piece) + 2
        return start, start + len(piece)

    if title:
        add(title)
    if abstract:
        add(heading)
        for paragraph in abstract:
            add(paragraph)
    body_start = length
    spans = []
    for block in blocks:
        span = add(block.text)
        if block.kind == "heading":
            spans.append(span)
    text = "".join(parts).rstrip("\n") + "\n"
    return text, min(body_start, len(text)), tuple(spans)


def _plausible(title: str) -> str:
    """A document-information title worth showing (not "Microsoft Word - draft3.docx")."""
    lowered = title.lower()
    if len(title.split()) < 3 or lowered.startswith(("microsoft", "untitled")):
        return ""
    return "" if lowered.endswith((".doc", ".docx", ".pdf", ".tex", ".dvi")) else title
