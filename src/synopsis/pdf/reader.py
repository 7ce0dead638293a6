"""Open a PDF with PDFium (pypdfium2) and read each page's words with their boxes and fonts.

This is the only module that talks to the PDF library. It turns every way a PDF can be unusable
(not a PDF, encrypted, damaged, empty, too large, no text layer) into one `InputError`, and hands
out pages one at a time, closing each page's PDFium objects before the next, so that memory stays
flat however long the document is.

Why word-level calls: PDFium's text page already knows characters, generated spaces and line
breaks; asking it for the box of each word's first and last character (instead of every
character) keeps the Python-side cost at about two calls per word, which is what makes 20+
pages/s per core possible (see benchmarks/pdf_speed.py).
"""

from __future__ import annotations

import ctypes
import dataclasses
import math
import re
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from ..errors import InputError
from ..sizes import over_limit
from .glyphs import is_unreadable, reads_as_language, unreadable_counts
from .inflate import MAX_STREAMS, TOTAL_FACTOR, inflation
from .options import PdfOptions

# PDFium keeps global state and must not be called from two threads at once.
PDFIUM_LOCK = threading.Lock()
# A run of superscript characters glued to a word end: footnote and affiliation markers.
_MARKER_CHARS = frozenset("0123456789,*†‡§¶#∗⁎")
# Characters that make a word worth checking for such a marker (a trailing comma alone is not).
_MARKER_START = frozenset("0123456789*†‡§¶#∗⁎")
# A footnote marker of letters ("ᵃ", "ᵃ,ᵇ") has at most this many characters, and follows a word
# of three letters or more, or of two and a stop ("Chen", "worldwide.", "al.,"): `_footnoted`.
LETTER_MARKER_MAX = 3
_FOOTNOTED_BASE = re.compile(r"(?:[^\W\d_]{3}|[^\W\d_]{2}[.,;:)\]]|\d{3,}[.,;:])$")
_ROMAN_NUMERAL = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# The raised endings of ordinals after a Roman numeral ("XIXᵉ", "Iᵉʳ", "IIIᵉ", "XIXᵗʰ").
_ROMAN_ORDINAL_ENDINGS = frozenset({"e", "er", "re", "me", "ème", "th", "st", "nd", "rd"})
_BOLD_NAME = re.compile(r"bold|black|heavy|semibold|demibold|extrabold|,B\b|-B\b|\.B\b|medi", re.IGNORECASE)
_ITALIC_NAME = re.compile(r"italic|oblique|,I\b|-I\b|\.I\b", re.IGNORECASE)
_FORCE_BOLD_FLAG = 1 << 18
_FIXED_PITCH_FLAG = 1 << 0
# Typewriter fonts that code listings are set in (TeX's cmtt and its successors, Courier and the
# programmers' fonts), where a font's descriptor does not say it is fixed-pitch; not the type
# foundry's proportional faces ("MonotypeCorsiva", "Monotype Garamond").
_MONO_NAME = re.compile(
    r"courier|mono(?!type)|consol|menlo|inconsolata|cmtt|sftt|typewriter|\bcode\b|lucida\s*console", re.IGNORECASE
)
_ITALIC_FLAG = 1 << 6
# Text drawn invisible (render modes 3 and 7, the latter also a clip): an OCR layer over a page image.
_INVISIBLE = frozenset({pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE, pdfium_c.FPDF_TEXTRENDERMODE_CLIP})
# An OCR layer's line sizes within this factor of the page's usual one are that one (`_ocr_layer`):
# measured sizes of one printed size scatter by a point or two around 10.
OCR_SIZE_SPREAD = 1.25
# An invisible layer most of whose words (this share) lie on visible words of the same text is a
# copy of the page's own text (`_ocr_layer`).
OCR_COPY_SHARE = 0.5
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
_EMPTY_PAGE_TREE = re.compile(rb"/Type\s*/Pages\b[^>]*/Count\s+0\b|/Count\s+0\b[^>]*/Type\s*/Pages\b")
_PAGE_OBJECT = re.compile(rb"/Type\s*/Page\b(?!s)")
# Where a PDF may start: the spec allows junk before the header, readers accept about 1 KB of it.
_HEADER_WINDOW = 1024


class Word(NamedTuple):
    """A word on a page; coordinates in points with the origin at the top left (y grows down).

    A named tuple rather than a dataclass: a page has hundreds of words and building them is on
    the hot path.
    """

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    size: float
    bold: bool = False
    italic: bool = False
    # The superscript marker cut from the word ("Webb1" -> text "Webb", marker "1").
    marker: str = ""
    mono: bool = False  # a fixed-pitch font (Courier, a code listing's typewriter type)


@dataclass(frozen=True, slots=True)
class RawPage:
    """One page's words in PDFium's order, with the page size."""

    index: int
    width: float
    height: float
    words: tuple[Word, ...]
    rotated: str = ""  # text set at an angle (turned tables, margin stamps): not read, but reported
    # The page as a viewer shows it, where it is turned for display (/Rotate) and most of its text
    # stands upright only so (a landscape page in a portrait document); else None.
    shown: RawPage | None = None
    # Share of the page covered by images, measured on pages with little text only (SPARSE_CHARS):
    # a page image with no text over it is a scanned page.
    images: float = 0.0
    # Most of the page's characters are glyph codes no reader can read (`glyphs.is_unreadable`):
    # a font without a Unicode map.
    unreadable: bool = False
    # Text held by annotations (comments, free-text boxes, filled-in form fields): no page text,
    # so it is not read, but it is listed, not dropped unseen.
    annotations: tuple[str, ...] = ()
    # Words of glyph codes that happen to be letters (a font without a Unicode map), taken out of
    # `words` on a page that is mostly readable; listed as unreadable text, not read.
    codes: str = ""
    # A review copy's line numbers standing in a column of their own (`furniture.number_columns`),
    # taken out of `words` before rows are cut into columns; listed, not read.
    line_numbers: tuple[str, ...] = ()
    # A watermark set upright over the text ("DRAFT" in large print across the page), taken out of
    # `words` before rows are built (`document._without_watermark`); listed, not read.
    watermark: str = ""
    # The page has a crop box inside its media box: a viewer shows only part of what is drawn.
    cropped: bool = False
    # Words outside the page's visible area (its crop box), which a viewer does not show, taken out
    # of `words` (`document._within_page`); listed, not read.
    outside: str = ""


class PdfFile:
    """An opened PDF; use as a context manager so PDFium's handle is always released."""

    def __init__(self, data: bytes | Path, *, source: str, options: PdfOptions) -> None:
        self.source = source
        self.options = options
        raw = _load_bytes(data, source=source, options=options)
        self._doc = _open(raw, source=source, password=options.password)
        self.page_count = len(self._doc)
        self._rotated: list[str] = []
        self._angles: list[float] = []
        self._coded: list[Word] = []
        self._hidden: list[tuple[int, bool]] = []
        self._codes = ""
        self._unreadable = False
        if self.page_count == 0:
            self.close()
            raise InputError("is a PDF with no pages", source=source)
        if self.page_count > options.max_pages:
            self.close()
            raise InputError(
                f"has {self.page_count} pages, over the limit of {options.max_pages} for one article",
                source=source,
                setting="max_pages",
                hint=" (raise it with {name})",
                value=self.page_count,
                limit=options.max_pages,
            )
        self._fonts: dict[tuple[bytes, int], tuple[bool, bool, bool]] = {}
        # Printed size by (font, loose box height): the same font at the same height has one size.
        self._sizes: dict[tuple[tuple[bytes, int], int], float] = {}
        self._name = ctypes.create_string_buffer(128)
        self._flags = ctypes.c_int(0)
        self._flags_ref = ctypes.byref(self._flags)

    def __enter__(self) -> PdfFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        doc = getattr(self, "_doc", None)
        if doc is not None:
            doc.close()
            self._doc = None

    def metadata_title(self) -> str:
        """The document-information title, which is often empty or a file name."""
        try:
            title = self._doc.get_metadata_value("Title") if self._doc is not None else ""
        except Exception:  # a broken info dictionary is not worth failing for
            return ""
        return str(title or "").strip()

    def pages(self) -> Iterator[RawPage]:
        """Every page's words, one page at a time, within the time limit."""
        started = time.monotonic()
        for index in range(self.page_count):
            if time.monotonic() - started > self.options.max_seconds:
                raise InputError(
                    f"took more than {self.options.max_seconds:g} s to read (stopped at page {index + 1} of "
                    f"{self.page_count}); it may be built to stall readers",
                    source=self.source,
                )
            try:
                page = self._page(index)
            except pdfium.PdfiumError as err:
                message = f"page {index + 1} cannot be read ({_reason(err)}); the PDF is damaged"
                raise InputError(message, source=self.source) from None
            yield page

    def _page(self, index: int) -> RawPage:
        assert self._doc is not None
        self._rotated = []
        page = pdfium_c.FPDF_LoadPage(self._doc.raw, index)
        if not page:
            raise InputError(f"page {index + 1} cannot be read (the PDF is damaged)", source=self.source)
        try:
            box = pdfium_c.FS_RECTF()
            if pdfium_c.FPDF_GetPageBoundingBox(page, ctypes.byref(box)):
                left, top_edge = box.left, box.top
                width, height = box.right - box.left, box.top - box.bottom
            else:  # pragma: no cover - PDFium always has a box for a loaded page
                left, top_edge = 0.0, pdfium_c.FPDF_GetPageHeightF(page)
                width, height = pdfium_c.FPDF_GetPageWidthF(page), top_edge
                box.left, box.bottom, box.right, box.top = left, 0.0, width, top_edge
            cropped = _cropped(page, box)
            text_page = pdfium_c.FPDFText_LoadPage(page)
            if not text_page:
                return RawPage(index, width, height, (), images=_image_cover(page, width * height))
            try:
                turn = _turn(text_page, pdfium_c.FPDFPage_GetRotation(page))
                words = self._words(text_page, left, top_edge, index)
                sparse = pdfium_c.FPDFText_CountChars(text_page) < SPARSE_CHARS
            finally:
                pdfium_c.FPDFText_ClosePage(text_page)
            rotated, unreadable, codes = " ".join(self._rotated), self._unreadable, self._codes
            images = _image_cover(page, width * height) if sparse else 0.0
            annotations = _annotation_texts(page)
            shown = self._shown(page, index, box, turn) if turn else None
        finally:
            pdfium_c.FPDF_ClosePage(page)
        if shown is not None:
            shown = dataclasses.replace(shown, annotations=annotations, cropped=cropped)
        unread = (images, unreadable, annotations, codes)
        return RawPage(index, width, height, tuple(words), rotated, shown, *unread, cropped=cropped)

    def _shown(self, page: Any, index: int, box: Any, turn: int) -> RawPage | None:
        """The page read as a viewer shows it: its content turned by `turn` quarter turns."""
        width, height, left, top_edge = _turn_upright(page, box, turn)
        text_page = pdfium_c.FPDFText_LoadPage(page)
        if not text_page:  # pragma: no cover - it loaded a moment ago
            return None
        try:
            words = self._words(text_page, left, top_edge, index)
        finally:
            pdfium_c.FPDFText_ClosePage(text_page)
        rotated = " ".join(self._rotated)
        return RawPage(index, width, height, tuple(words), rotated, unreadable=self._unreadable, codes=self._codes)

    def _words(self, text_page: Any, left: float, top_edge: float, index: int) -> list[Word]:
        self._unreadable = False
        self._codes = ""
        count = pdfium_c.FPDFText_CountChars(text_page)
        if count <= 0:
            return []
        if count > self.options.max_chars_per_page:
            raise InputError(
                f"page {index + 1} has {count} characters, over the limit of {self.options.max_chars_per_page} "
                "(not article text)",
                source=self.source,
            )
        buffer = ctypes.create_string_buffer((count + 1) * 2)
        pdfium_c.FPDFText_GetText(text_page, 0, count, ctypes.cast(buffer, ctypes.POINTER(ctypes.c_ushort)))
        text = buffer.raw[: count * 2].decode("utf-16-le", errors="replace")
        unreadable, printed = unreadable_counts(text)
        words = self._page_words(text_page, text, left, top_edge)
        if words is None:
            # PDFium's text string and its character list went out of step (it drops a hyphen it
            # did not keep, or expands a character); read the characters one by one instead.
            unicode = pdfium_c.FPDFText_GetUnicode
            text = "".join([chr(unicode(text_page, i) or 32) for i in range(count)]).replace("\x02", "\ufffe")
            words = self._page_words(text_page, text, left, top_edge, check=False)
        words = _ocr_layer(words, self._hidden) if words else []
        coded = self._coded
        codes = bool(coded) and not reads_as_language([word.text for word in coded])
        if codes:
            unreadable += sum(len(word.text) for word in coded)
        self._unreadable = is_unreadable(unreadable, printed)
        if codes and not self._unreadable:  # a few lines of codes on a page of text
            self._codes = " ".join(word.text for word in sorted(coded, key=lambda w: (w.top, w.x0)))
        elif coded:  # words after all (an unmapped font whose codes are the letters: old TeX), or a
            words.extend(coded)  # page set aside whole, with its other words
        return _deskewed(words, self._angles) if words else []

    def _page_words(self, text_page: Any, text: str, left: float, top_edge: float, *, check: bool = True) -> list[Word] | None:
        """The words of `text`, or None when `check` finds `text` out of step with the characters.

        The hot loop of extraction. Per word it asks PDFium for two character boxes; the font is
        asked for the first and last word of each of PDFium's text lines, and for every word of a
        line only when those two differ (a bold run-in heading). Size, bold and italic then come
        from caches keyed by font and box height.
        """
        rect = pdfium_c.FS_RECTF()
        rect_ref = ctypes.byref(rect)
        char_box = pdfium_c.FPDFText_GetLooseCharBox
        markers = _MARKER_START
        self._rotated = rotated = []  # per page: the last call for a page is the one that counts
        self._angles = angles = []  # the angle of each text line read (`_deskewed`)
        self._coded = coded = []  # words whose first character has no Unicode map (`_words`)
        # Where each PDFium line's words begin in `words`, and whether the line is drawn invisible
        # (an OCR layer's text over its page image: `_ocr_layer`).
        self._hidden = hidden = []
        render_mode = pdfium_c.FPDFTextObj_GetTextRenderMode
        text_object = pdfium_c.FPDFText_GetTextObject
        no_map = pdfium_c.FPDFText_HasUnicodeMapError
        control = _CONTROL.search(text) is not None
        words: list[Word] = []
        matches = list(_WORD.finditer(text))
        if check and not self._aligned(text_page, text, matches):
            return None
        line: list[tuple[int, int, float, float, float, float]] = []  # start, end, x0, top, bottom, x1
        previous_end = 0
        angle = pdfium_c.FPDFText_GetCharAngle
        sideways = False  # PDFium's text line starts with a character set at an angle
        for match in matches:
            start, end = match.span()
            if not previous_end or "\n" in text[previous_end:start]:
                if line:
                    self._finish_line(text_page, text, line, left, top_edge, words)
                    line = []
                hidden.append((len(words), render_mode(text_object(text_page, start)) in _INVISIBLE))
                # One call per line: a word of one character ("5" of arXiv's "5 Jan 2021" set up
                # the margin) cannot show that it leaves its baseline.
                line_angle = angle(text_page, start)
                sideways = _at_an_angle(line_angle)
                if line_angle >= 0 and not sideways:
                    angles.append(line_angle)
            previous_end = end
            if sideways and _at_an_angle(angle(text_page, start)):
                rotated.append(text[start:end])
                continue
            if no_map(text_page, start) == 1 and text[start].isalnum():
                # A glyph code PDFium hands out as a letter: kept apart until the page's such
                # words are judged (`_words`).
                word = self._word(text_page, text, start, end, left, top_edge)
                if word is not None:
                    coded.append(word)
                continue
            char_box(text_page, start, rect_ref)
            x0, top, bottom = rect.left, rect.top, rect.bottom
            lettered = False  # ends in a raised, smaller letter: a footnote marker ("worldwide.ᵃ")
            if end - start > 1:
                char_box(text_page, end - 1, rect_ref)
                lettered = text[end - 1].islower() and _raised(rect, top, bottom)
                first_height, last_height = top - bottom, rect.top - rect.bottom
                # Measured by the last character's height, or the first's where the last is much
                # taller: a diagonal watermark's "DRAFT" that PDFium glued to the body word under it.
                height = first_height if last_height > 2 * first_height > 0 else last_height
                if abs(rect.bottom - bottom) > max(height, 1.0) * 0.6:
                    # The "word" leaves its baseline: rotated text, or two words PDFium glued
                    # across a jump (a line end without a generated break), or a long word of a
                    # slightly slanted line (an OCR layer on a skewed scan), which is read: the
                    # same `_at_an_angle` rule as for a line.
                    if _at_an_angle(angle(text_page, start)):
                        rotated.append(text[start:end])
                        continue  # rotated text (margin stamps, turned table headers)
                    for a, b in self._pieces(text_page, start, end):
                        if _at_an_angle(angle(text_page, a)):
                            # A watermark's "DRAFT" glued to the body line its letters cross.
                            rotated.append(text[a:b])
                            continue
                        word = self._word(text_page, text, a, b, left, top_edge)
                        if word is not None:
                            words.append(word)
                    continue
            if text[start] in markers or text[end - 1] in markers or lettered or (control and _CONTROL.search(text, start, end)):
                word = self._word(text_page, text, start, end, left, top_edge)
                if word is not None:
                    words.append(word)
                continue
            line.append((start, end, x0, top, bottom, rect.right))
        if line:
            self._finish_line(text_page, text, line, left, top_edge, words)
        return words

    def _finish_line(
        self,
        text_page: Any,
        text: str,
        line: list[tuple[int, int, float, float, float, float]],
        left: float,
        top_edge: float,
        words: list[Word],
    ) -> None:
        """Words of one PDFium text line, with fonts looked up as sparingly as the line allows."""
        first = self._font_key(text_page, line[0][0])
        last = self._font_key(text_page, line[-1][0]) if len(line) > 1 else first
        fonts = self._fonts
        sizes = self._sizes
        for i, (start, end, x0, top, bottom, x1) in enumerate(line):
            if first == last:
                key = first
            else:
                key = first if i == 0 else last if i == len(line) - 1 else self._font_key(text_page, start)
            style = fonts.get(key) or self._style(text_page, start, key)
            height = int((top - bottom) * 10)
            size = sizes.get((key, height))
            if size is None:
                size = sizes[(key, height)] = self._size(text_page, start)
            if top - bottom < 0.5 * size:  # glyphs without metrics: a box from the origin
                top, bottom = self._box_from_origin(text_page, start, size)
            bold, italic, mono = style
            box = (x0 - left, top_edge - top, x1 - left, top_edge - bottom)
            words.append(Word(text[start:end], *box, size, bold, italic, mono=mono))

    def _font_key(self, text_page: Any, index: int) -> tuple[bytes, int]:
        pdfium_c.FPDFText_GetFontInfo(text_page, index, self._name, 128, self._flags_ref)
        return (self._name.value, self._flags.value)

    @staticmethod
    def _aligned(text_page: Any, text: str, matches: list[re.Match[str]]) -> bool:
        """Spot-check that PDFium's text string lines up with its character list.

        Once they go out of step every later character is off, so a sample of word starts (and
        the last word) finds it at a fraction of the cost of checking every character.
        """
        unicode = pdfium_c.FPDFText_GetUnicode
        sample = matches[::16] + matches[-1:]
        for match in sample:
            start = match.start()
            if unicode(text_page, start) != ord(text[start]) and text[start] != "\ufffe":
                return False
        return True

    def _word(self, text_page: Any, text: str, start: int, end: int, left: float, top_edge: float) -> Word | None:
        """One word the slow way: superscript markers cut, control characters removed."""
        rect = pdfium_c.FS_RECTF()
        rect_ref = ctypes.byref(rect)
        char_box = pdfium_c.FPDFText_GetLooseCharBox
        marker = ""
        if end - start > 1 and text[start] in _MARKER_START:
            # "1Centre": an affiliation or footnote marker raised before the word.
            cut = self._superscript_end(text_page, text, start, end)
            if cut > start:
                marker, start = text[start:cut], cut
        # The box keeps a cut marker's width, so no gap opens where the marker was.
        char_box(text_page, start - len(marker), rect_ref)
        x0 = rect.left
        char_box(text_page, start, rect_ref)
        first_top, first_bottom = rect.top, rect.bottom
        char_box(text_page, end - 1, rect_ref)
        x1 = rect.right
        size = self._size(text_page, start)
        if first_top - first_bottom < 0.5 * size:  # glyphs without metrics: a box from the origin
            first_top, first_bottom = self._box_from_origin(text_page, start, size)
        word = text[start:end]
        cut = end  # where a marker raised after the word begins: numbers and symbols, or letters
        if end - start > 1 and word[-1] in _MARKER_START and not word.isdigit():
            cut = self._superscript_start(text_page, text, start, end, first_top, first_bottom)
        elif end - start > 2 and word[-1].islower():
            cut = self._letter_marker_start(text_page, text, start, end, first_top, first_bottom)
        if cut < end:
            marker = text[cut:end] if not marker else f"{marker} {text[cut:end]}"
            word = text[start:cut]
        word = _CONTROL.sub("", word)
        if not word:
            return None
        key = self._font_key(text_page, start)
        bold, italic, mono = self._fonts.get(key) or self._style(text_page, start, key)
        return Word(word, x0 - left, top_edge - first_top, x1 - left, top_edge - first_bottom, size, bold, italic, marker, mono)

    @staticmethod
    def _pieces(text_page: Any, start: int, end: int) -> list[tuple[int, int]]:
        """Split a glued character run wherever the next character leaves the baseline or jumps."""
        rect = pdfium_c.FS_RECTF()
        pieces = []
        piece_start = start
        previous: tuple[float, float, float] | None = None  # (bottom, right, height)
        for i in range(start, end):
            pdfium_c.FPDFText_GetLooseCharBox(text_page, i, ctypes.byref(rect))
            if previous is not None:
                bottom, right, height = previous
                if abs(rect.bottom - bottom) > 0.6 * max(height, 1.0) or not -height <= rect.left - right <= height:
                    pieces.append((piece_start, i))
                    piece_start = i
            previous = (rect.bottom, rect.right, rect.top - rect.bottom)
        pieces.append((piece_start, end))
        return pieces

    @staticmethod
    def _size(text_page: Any, index: int) -> float:
        """The font size as printed: the nominal size times the vertical scale of the text matrix.

        Many producers set size 1 and scale with the matrix, so the nominal size alone says nothing.
        """
        size = float(pdfium_c.FPDFText_GetFontSize(text_page, index))
        matrix = pdfium_c.FS_MATRIX()
        if pdfium_c.FPDFText_GetMatrix(text_page, index, ctypes.byref(matrix)):
            scale = (matrix.c * matrix.c + matrix.d * matrix.d) ** 0.5
            if scale > 0:
                size *= scale
        return round(size, 2)

    @staticmethod
    def _box_from_origin(text_page: Any, index: int, size: float) -> tuple[float, float]:
        x = ctypes.c_double()
        y = ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(text_page, index, ctypes.byref(x), ctypes.byref(y))
        return y.value + 0.8 * size, y.value - 0.2 * size

    @staticmethod
    def _superscript_end(text_page: Any, text: str, start: int, end: int) -> int:
        """Index of the first character after a raised, smaller run of markers at the word's start."""
        letter = start
        while letter < end and text[letter] in _MARKER_CHARS:
            letter += 1
        if letter == end or not text[letter].isalpha():
            return start  # "2015", "1,2": numbers, not a marker before a word
        rect = pdfium_c.FS_RECTF()
        pdfium_c.FPDFText_GetLooseCharBox(text_page, letter, ctypes.byref(rect))
        top, bottom = rect.top, rect.bottom
        pdfium_c.FPDFText_GetLooseCharBox(text_page, start, ctypes.byref(rect))
        raised = rect.bottom > bottom + 0.15 * (top - bottom)
        smaller = rect.top - rect.bottom < 0.9 * (top - bottom)
        return letter if raised and smaller else start

    @staticmethod
    def _superscript_start(text_page: Any, text: str, start: int, end: int, top: float, bottom: float) -> int:
        """Index where a raised, smaller run of marker characters at the word's end begins.

        `top`/`bottom` are the loose box of the word's first character (PDF coordinates, y up).
        """
        rect = pdfium_c.FS_RECTF()
        height = top - bottom
        cut = end
        while cut - 1 > start and text[cut - 1] in _MARKER_CHARS:
            pdfium_c.FPDFText_GetLooseCharBox(text_page, cut - 1, ctypes.byref(rect))
            raised = rect.bottom > bottom + 0.15 * height
            smaller = rect.top - rect.bottom < 0.9 * height
            if not (raised and smaller):
                break
            cut -= 1
        # "1,2" is a marker; a lone trailing comma is punctuation.
        while cut < end and text[cut] == ",":
            cut += 1
        if not any(ch.isalpha() for ch in text[start:cut]):
            # "(28", "4.3": numbers and formulas, not a word with a marker; but a raised number
            # after the full stop that ends a sentence on a number ("2000.¹") is its footnote's.
            return cut if start < cut - 1 < end - 1 and text[cut - 1] == "." and text[cut - 2].isdigit() else end
        if text[cut:end].isdigit() and text[cut - 1].isalpha() and (cut - 1 == start or not text[cut - 2].isalpha()):
            return end  # a power of one letter ("R²", "x²", "kg/m²"): mathematics, not a marker
        return cut

    @staticmethod
    def _letter_marker_start(text_page: Any, text: str, start: int, end: int, top: float, bottom: float) -> int:
        """Index where a footnote marker of raised, smaller letters at the word's end begins
        ("worldwide.ᵃ", "Trinkwasserᵃ,ᵇ"), else `end`.

        Only after a word (`_footnoted`): a raised letter after a letter or digit alone is
        mathematics ("eˣ", "10ᵃ", "(1+r)ᵗ"), after a Roman numeral or a number and a stop an
        ordinal ("XIXᵉ siècle", "1.ª edição", "art. 2.º", "D.ª Maria"), and a letter on the line
        ("Fig. 2a", "p < 0.05a", "vitamin A") is no marker at all: not raised.
        """
        rect = pdfium_c.FS_RECTF()
        cut = end
        # The baseline is the word's first letter's or digit's: an opening quote or "*" stands high.
        first = next((i for i in range(start, end) if text[i].isalnum()), None)
        while cut - 1 > start and end - cut < LETTER_MARKER_MAX and (text[cut - 1].islower() or text[cut - 1] == ","):
            pdfium_c.FPDFText_GetLooseCharBox(text_page, cut - 1, ctypes.byref(rect))
            on_baseline = first is not None and first < cut - 1 and _on_first_baseline(text_page, first, cut - 1)
            if not _raised(rect, top, bottom) or on_baseline:
                break
            cut -= 1
        while cut < end and text[cut] == ",":
            cut += 1
        return cut if cut < end and _footnoted(text[start:cut], text[cut:end]) else end

    def _style(self, text_page: Any, index: int, key: tuple[bytes, int]) -> tuple[bool, bool, bool]:
        """Bold, italic and fixed pitch of a font, from its name, flags and weight (cached per font)."""
        name, flags = key
        font = name.decode("latin-1")
        weight = pdfium_c.FPDFText_GetFontWeight(text_page, index)
        bold = bool(_BOLD_NAME.search(font)) or bool(flags & _FORCE_BOLD_FLAG) or weight >= 600
        italic = bool(_ITALIC_NAME.search(font)) or bool(flags & _ITALIC_FLAG)
        mono = bool(_MONO_NAME.search(font)) or bool(flags & _FIXED_PITCH_FLAG)
        style = self._fonts[key] = (bold, italic, mono)
        return style


# Annotations that hold no text of their own: links, and pop-ups (which show their parent's text).
_NO_TEXT_ANNOTATIONS = frozenset({pdfium_c.FPDF_ANNOT_LINK, pdfium_c.FPDF_ANNOT_POPUP})


def _annotation_texts(page: Any) -> tuple[str, ...]:
    """The text of the page's annotations: a comment's or a box's /Contents, a form field's value
    (/V); links and pop-ups hold none."""
    texts = []
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page)):
        annotation = pdfium_c.FPDFPage_GetAnnot(page, i)
        if not annotation:
            continue
        try:
            if pdfium_c.FPDFAnnot_GetSubtype(annotation) in _NO_TEXT_ANNOTATIONS:
                continue
            for key in (b"Contents", b"V"):
                text = _annotation_string(annotation, key)
                if text:
                    texts.append(text)
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annotation)
    return tuple(texts)


def _annotation_string(annotation: Any, key: bytes) -> str:
    """A string entry of an annotation's dictionary ("" where it has none), whitespace folded."""
    size = pdfium_c.FPDFAnnot_GetStringValue(annotation, key, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFAnnot_GetStringValue(annotation, key, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
    return " ".join(buffer.raw[: size - 2].decode("utf-16-le", errors="replace").split())


# Pages with fewer characters than this are measured for images (`_image_cover`): a scanned page
# has none but perhaps a stamped line or a page number.
SPARSE_CHARS = 400


def _cropped(page: Any, box: Any) -> bool:
    """Whether the page's visible box (`box`: its crop box within its media box) leaves out part of
    its media box by more than a point on some side: the page was cropped, and what is drawn
    outside the crop box is not shown. Text past the media box of an uncropped page (a line that
    overflows the paper) is read as before."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPage_GetMediaBox(page, *(ctypes.byref(v) for v in (left, bottom, right, top))):
        return False
    media = sorted((left.value, right.value)), sorted((bottom.value, top.value))
    shown = (box.left, box.right), (box.bottom, box.top)
    return any(lo > m_lo + 1 or hi < m_hi - 1 for (lo, hi), (m_lo, m_hi) in zip(shown, media, strict=True))


def _image_cover(page: Any, area: float) -> float:
    """The share of the page's `area` that its images cover (overlapping images counted twice, the
    total capped at 1): a scan is one image over the page, or a few strips of it. An image drawn
    inside a form object counts with the form's box."""
    if area <= 0:
        return 0.0
    covered = 0.0
    left, bottom, right, top = ctypes.c_float(), ctypes.c_float(), ctypes.c_float(), ctypes.c_float()
    for i in range(pdfium_c.FPDFPage_CountObjects(page)):
        item = pdfium_c.FPDFPage_GetObject(page, i)
        if not _holds_image(item):
            continue
        if pdfium_c.FPDFPageObj_GetBounds(item, *(ctypes.byref(v) for v in (left, bottom, right, top))):
            covered += max(0.0, right.value - left.value) * max(0.0, top.value - bottom.value)
    return min(1.0, covered / area)


def _holds_image(item: Any, depth: int = 0) -> bool:
    """Whether a page object is an image, or a form object with one inside (a few levels deep)."""
    kind = pdfium_c.FPDFPageObj_GetType(item)
    if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
        return True
    if kind != pdfium_c.FPDF_PAGEOBJ_FORM or depth >= 3:
        return False
    count = pdfium_c.FPDFFormObj_CountObjects(item)
    return any(_holds_image(pdfium_c.FPDFFormObj_GetObject(item, i), depth + 1) for i in range(max(count, 0)))


# Text set further than this from the horizontal (radians, either way) is sideways: a stamp up
# the margin, a turned table. A slight slant (an OCR layer on a skewed scan) is read. The one
# rule (`_at_an_angle`) for a line and for a word that leaves its baseline.
SIDEWAYS_MIN_ANGLE = 0.2


def _ocr_layer(words: list[Word], lines: list[tuple[int, bool]]) -> list[Word]:
    """`words` with an OCR layer's words made readable: a copy of the page's own text dropped, the
    sizes of the rest evened out.

    An OCR engine writes its text invisible over the page image (render mode 3). Run on a page
    that had text already, it lays a second copy over it: read, every word came twice, the two
    copies' words interleaved ("Harbour Harbour Tables Tables"). Where most invisible words lie on
    a visible word of the same text (OCR_COPY_SHARE), the invisible layer is such a copy, and its
    words that lie on visible words are dropped, misread ones too ("tbe" over "the"): the text is
    read once, from the visible copy; what it found elsewhere (words in a pictured figure) stays.
    Each line of an OCR layer has a size the engine measured from the line's height in pixels:
    lines of one paragraph come out a point or more apart (a line with capitals and descenders is
    taller than one without). Read as printed sizes, every such step ended a paragraph
    mid-sentence (the abstract at its second line) and a line measured 12% small was set aside as
    small print. On a page's invisible text, sizes within OCR_SIZE_SPREAD of its usual one (by
    characters) are that one; a title or a footnote measured much larger or smaller keeps its
    own. Visible text (a stamped header on a scan) is left as it is.
    """
    ends = [start for start, _ in lines[1:]] + [len(words)]
    hidden = {i for (start, flag), end in zip(lines, ends, strict=True) if flag for i in range(start, end)}
    if not hidden:
        return words
    dropped: set[int] = set()
    if len(hidden) < len(words):
        shown = _cells(word for i, word in enumerate(words) if i not in hidden)
        under = {i: _under(words[i], shown) for i in hidden}
        copies = sum(1 for i, found in under.items() if any(other.text == words[i].text for other in found))
        if copies >= OCR_COPY_SHARE * len(hidden):
            dropped = {i for i, found in under.items() if found}
            hidden -= dropped
    sizes = sorted(words[i].size for i in hidden for _ in words[i].text)
    usual = sizes[len(sizes) // 2] if sizes else 0.0
    low, high = usual / OCR_SIZE_SPREAD, usual * OCR_SIZE_SPREAD
    return [
        word._replace(size=usual) if i in hidden and low < word.size < high else word
        for i, word in enumerate(words)
        if i not in dropped
    ]


# Visible words are found by the cells of this many points their boxes cover; a word of more than
# _MAX_CELLS cells (a fifth of a page) is no word an OCR copy lies on, and is not indexed, and a cell
# holds at most _MAX_PER_CELL words (printed text sets a few in 8 points; a crafted page stacked
# thousands at one spot, and each invisible word over them read every one: 16,000 words took 42 s).
_CELL = 8.0
_MAX_CELLS = 2000
_MAX_PER_CELL = 16


def _cells(words: Iterable[Word]) -> dict[tuple[int, int], list[Word]]:
    cells: dict[tuple[int, int], list[Word]] = {}
    for word in words:
        if (word.x1 - word.x0 + _CELL) * (word.bottom - word.top + _CELL) > _MAX_CELLS * _CELL * _CELL:
            continue
        for cx in range(int(word.x0 // _CELL), int(word.x1 // _CELL) + 1):
            for cy in range(int(word.top // _CELL), int(word.bottom // _CELL) + 1):
                cell = cells.setdefault((cx, cy), [])
                if len(cell) < _MAX_PER_CELL:
                    cell.append(word)
    return cells


def _under(word: Word, cells: dict[tuple[int, int], list[Word]]) -> list[Word]:
    """The visible words whose boxes hold `word`'s middle."""
    x, y = (word.x0 + word.x1) / 2, (word.top + word.bottom) / 2
    near = cells.get((int(x // _CELL), int(y // _CELL)), ())
    return [other for other in near if other.x0 <= x <= other.x1 and other.top <= y <= other.bottom]


def _footnoted(base: str, marker: str) -> bool:
    """Whether the raised `marker` after `base` may be a footnote marker: `base` ends in a word of
    three letters or more, in one of two and a stop or bracket ("(WHO)ᵉ"), or in a number of three
    digits or more and a stop ("2020.ᶜ"; "1.ª", "2.º" are ordinals), and is no Roman numeral with
    an ordinal's ending ("XIXᵉ", "Iᵉʳ"; "MCIᵈ" is an acronym's marker)."""
    if _FOOTNOTED_BASE.search(base) is None:
        return False
    word = base.rstrip(".,;:)]").rsplit(None, 1)[-1]
    return not (_ROMAN_NUMERAL.fullmatch(word) and marker.replace(",", "") in _ROMAN_ORDINAL_ENDINGS)


def _on_first_baseline(text_page: Any, first: int, index: int) -> bool:
    """Whether the character at `index` stands on the baseline of the word's first character, by
    their glyph boxes: a small capital ("Iɴᴛʀᴏᴅᴜᴄᴛɪᴏɴ" as Chromium sets `font-variant: small-caps`,
    the lower-case letters in a smaller size of capitals), which PDFium may give a loose box as
    tight as its glyph, so it looks raised and smaller beside the capital's loose box: no footnote
    marker ("Introduct" lost its "ion"). A superscript's glyph stands above the baseline; a glyph
    without a box (a font without metrics) says nothing."""
    boxes: list[tuple[float, float]] = []
    for i in (first, index):
        edges = [ctypes.c_double() for _ in range(4)]  # left, right, bottom, top
        if not pdfium_c.FPDFText_GetCharBox(text_page, i, *(ctypes.byref(edge) for edge in edges)):
            return False
        boxes.append((edges[2].value, edges[3].value))
    (first_bottom, first_top), (bottom, top) = boxes
    height = first_top - first_bottom
    return height > 0 and top > bottom and bottom - first_bottom < 0.15 * height


def _raised(rect: Any, top: float, bottom: float) -> bool:
    """Whether the character box `rect` is raised above and smaller than a character whose box
    runs from `bottom` to `top` (PDF coordinates, y up): a superscript."""
    height = top - bottom
    return bool(rect.bottom > bottom + 0.15 * height and rect.top - rect.bottom < 0.9 * height)


def _at_an_angle(angle: float) -> bool:
    """Whether a character's angle (PDFium's, 0 to 2 pi anticlockwise; -1 when it has none) is sideways."""
    return angle > 0 and min(angle, 2 * math.pi - angle) > SIDEWAYS_MIN_ANGLE


# A page whose text lines (SKEW_SHARE of them, within SKEW_AGREE radians of their median) slant
# by SKEW_MIN radians or more, either way, is a skewed scan's text layer: its words are turned
# back about their centre (`_deskewed`), so that a line is one row and the lines keep their order.
# At 1 degree a line across the page climbs more than a line pitch, into the row above or below.
SKEW_MIN = 0.002
SKEW_AGREE = 0.01
SKEW_SHARE = 2 / 3


def _skew(angles: list[float]) -> float:
    """The slant of a page's text lines (radians anticlockwise, from PDFium's clockwise angles of
    each line's first character), or 0.0 where they do not agree on one or slant by less than SKEW_MIN."""
    if not angles:
        return 0.0
    signed = sorted(2 * math.pi - a if a > math.pi else -a for a in angles)
    median = signed[len(signed) // 2]
    if abs(median) < SKEW_MIN:
        return 0.0
    agreeing = sum(abs(a - median) <= SKEW_AGREE for a in signed)
    return median if agreeing >= SKEW_SHARE * len(signed) else 0.0


def _deskewed(words: list[Word], angles: list[float]) -> list[Word]:
    """`words` turned back by the page's skew (`_skew`) about their centre: each word's start (its
    first character's middle) moves, its width and height stay. Unchanged where there is no skew."""
    theta = _skew(angles)
    if not theta:
        return words
    cos, sin = math.cos(theta), math.sin(theta)
    cx = sum(w.x0 + w.x1 for w in words) / (2 * len(words))
    cy = sum(w.top + w.bottom for w in words) / (2 * len(words))
    out = []
    for word in words:
        dx, dy = word.x0 - cx, (word.top + word.bottom) / 2 - cy
        x0, y = cx + dx * cos - dy * sin, cy + dx * sin + dy * cos
        half = (word.bottom - word.top) / 2
        out.append(word._replace(x0=x0, x1=x0 + word.x1 - word.x0, top=y - half, bottom=y + half))
    return out


# Characters sampled on a page turned for display to tell whether its text stands upright once
# turned (`_turn`), and the share of them that must.
TURN_SAMPLE = 64
TURN_SHARE = 0.8


def _turn(text_page: Any, rotation: int) -> int:
    """Quarter turns (1-3, clockwise as PDFium measures angles) that most of the page's text is
    set at, where the page's display `rotation` (its /Rotate in quarter turns) sets it upright;
    else 0. Most is TURN_SHARE of a sample of its printed characters.

    Sideways text on a page shown unturned (a turned table) stays sideways: a reader turns the
    page for it, and it is set aside as rotated text.
    """
    if rotation not in (1, 2, 3):
        return 0
    count = pdfium_c.FPDFText_CountChars(text_page)
    unicode = pdfium_c.FPDFText_GetUnicode
    angle = pdfium_c.FPDFText_GetCharAngle
    turns = [0, 0, 0, 0]
    for i in range(0, max(count, 0), max(1, count // TURN_SAMPLE)):
        if chr(unicode(text_page, i) or 32).isspace():
            continue  # generated spaces and line breaks have no angle of their own
        turns[round(angle(text_page, i) / (math.pi / 2)) % 4] += 1
    sampled = sum(turns)
    turn = (4 - rotation) % 4
    return turn if sampled and turns[turn] >= TURN_SHARE * sampled else 0


def _turn_upright(page: Any, box: Any, turn: int) -> tuple[float, float, float, float]:
    """Turn every object of `page` so that text set at `turn` quarter turns stands upright, the
    page box moved to the origin; returns the turned page's width, height, left and top edges."""
    left, bottom, right, top = box.left, box.bottom, box.right, box.top
    # (a, b, c, d, e, f): x' = a x + c y + e, y' = b x + d y + f.
    matrix = {
        1: (0.0, 1.0, -1.0, 0.0, top, -left),
        2: (-1.0, 0.0, 0.0, -1.0, right, top),
        3: (0.0, -1.0, 1.0, 0.0, -bottom, right),
    }[turn]
    for i in range(pdfium_c.FPDFPage_CountObjects(page)):
        pdfium_c.FPDFPageObj_Transform(pdfium_c.FPDFPage_GetObject(page, i), *matrix)
    width, height = right - left, top - bottom
    if turn != 2:
        width, height = height, width
    return width, height, 0.0, height


# A soft hyphen ends a word: PDFium puts the next line's first word right after it.
_WORD = re.compile(r"[^\s\ufffe\x02]+[\ufffe\x02]?|[\ufffe\x02]")


def _load_bytes(data: bytes | Path, *, source: str, options: PdfOptions) -> bytes:
    """The file's bytes, after the checks that need no parsing (size, emptiness, the %PDF header)."""
    if isinstance(data, Path):
        try:
            size = data.stat().st_size
        except OSError as err:
            raise InputError(f"cannot be read ({err.strerror or err})", source=source) from None
        _check_size(size, source=source, options=options)
        try:
            data = data.read_bytes()
        except OSError as err:
            raise InputError(f"cannot be read ({err.strerror or err})", source=source) from None
    _check_size(len(data), source=source, options=options)
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise InputError(f"is not a PDF: {_what_it_is(data)}", source=source)
    limit = options.max_inflated_bytes
    found = inflation(data, limit)  # before PDFium sees it: PDFium holds an inflated stream whole
    if found.streams > MAX_STREAMS:
        raise InputError(
            f"has over {MAX_STREAMS:,} streams, more than a PDF of {options.max_pages:,} pages holds (not an article)",
            source=source,
            limit=MAX_STREAMS,
        )
    if found.largest > limit:
        raise InputError(
            f"has a compressed stream that inflates to at least {over_limit(found.largest, limit)} "
            "for one stream (a compression bomb?)",
            source=source,
            value=found.largest,
            limit=limit,
        )
    if found.total > TOTAL_FACTOR * limit:
        raise InputError(
            f"has compressed streams that inflate to at least {over_limit(found.total, TOTAL_FACTOR * limit)} "
            "in all (a compression bomb?)",
            source=source,
            value=found.total,
            limit=TOTAL_FACTOR * limit,
        )
    return data


def _check_size(size: int, *, source: str, options: PdfOptions) -> None:
    if size == 0:
        raise InputError("is empty (0 bytes), not a PDF", source=source)
    if size > options.max_bytes:
        raise InputError(
            f"is {over_limit(size, options.max_bytes)} for one PDF",
            source=source,
            setting="max_pdf_bytes",
            hint=" (raise it with {name})",
            value=size,
            limit=options.max_bytes,
        )


def _what_it_is(data: bytes) -> str:
    """A guess at what a non-PDF file is, so the message helps ("an HTML page": a failed download)."""
    head = data[:512].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        return "it is an HTML page (a download that returned a web page instead of the PDF?)"
    if head.startswith(b"<?xml"):
        return "it is an XML file"
    if data.startswith(b"PK\x03\x04"):
        return "it is a ZIP archive (a .docx/.epub?)"
    if data.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"II*\x00", b"MM\x00*")):
        return "it is an image; convert it to a PDF with a text layer (OCR) first"
    if data.startswith(b"\x1f\x8b"):
        return "it is gzip-compressed; decompress it first"
    return "it does not start with the %PDF- header"


def _open(data: bytes, *, source: str, password: str | None) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as err:
        # PDFium's error code may be left over from an earlier document (it is not reset for every
        # failure): an encryption code counts only where the file has an /Encrypt dictionary, and
        # an empty page tree is told from the bytes, so the same file always gets the same message.
        code = getattr(err, "err_code", None)
        if code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY) and b"/Encrypt" not in data:
            code = None
        if _EMPTY_PAGE_TREE.search(data) and not _PAGE_OBJECT.search(data):
            raise InputError("is a PDF with no pages (its page tree is empty)", source=source) from None
        if code == pdfium_c.FPDF_ERR_PASSWORD:
            raise InputError(
                "is encrypted (password-protected); decrypt it first, e.g. qpdf --decrypt --password=PASSWORD in.pdf out.pdf",
                source=source,
            ) from None
        if code == pdfium_c.FPDF_ERR_SECURITY:
            raise InputError("uses an unsupported security handler (encryption); decrypt it first", source=source) from None
        if b"%%EOF" not in data[-2048:]:
            raise InputError("is damaged or truncated (no %%EOF at the end; was the download cut off?)", source=source) from None
        raise InputError(f"is damaged and cannot be read ({_reason(err)})", source=source) from None


def _reason(err: Exception) -> str:
    text = str(err)
    match = re.search(r"PDFium: ([^)]*)", text)
    return (match.group(1) if match else text).strip().rstrip(".").lower() or "unknown error"
