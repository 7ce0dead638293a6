"""Build small PDFs with known layout for the PDF tests (reportlab, part of the `test` extra).

Text is placed line by line at exact positions, so a test knows the true reading order, which
lines are page furniture and which word was hyphenated where. Coordinates here are top-down
(y from the top edge), like the extractor's.
"""

from __future__ import annotations

import base64
import io
import zlib
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

WIDTH, HEIGHT = A4
REGULAR, BOLD = "Times-Roman", "Times-Bold"


@dataclass
class Page:
    """Lines to draw: (x, y from the top, text, font, size); `draw` gets the canvas for extras."""

    lines: list[tuple[float, float, str, str, float]] = field(default_factory=list)
    images: list[tuple[float, float, float, float]] = field(default_factory=list)
    boxes: list[tuple[float, float, float, float]] = field(default_factory=list)  # x, y, w, h: framed, shaded
    size: tuple[float, float] = (WIDTH, HEIGHT)  # (width, height) in points: landscape is (HEIGHT, WIDTH)
    # The page's /Rotate (0, 90, 180, 270): how far a viewer turns it clockwise for display. The
    # text is drawn in the page's own coordinates (`size`), so it shows turned by that much,
    # unless `upright`: then `size` and the coordinates are those of the page as shown, and the
    # text is drawn turned the other way, so that it shows upright (a landscape page in a portrait
    # document, as LaTeX's pdflscape makes it).
    rotate: int = 0
    upright: bool = False
    # Text set at an angle on the page: (x, y from the top, text, degrees anticlockwise, size),
    # the text starting at (x, y) and running up the page for 90 (arXiv's identifier at the left
    # margin) or down for -90.
    turned: list[tuple[float, float, str, float, float]] = field(default_factory=list)
    # Draw every character as a text object of its own at its place, spaces left undrawn (as some
    # typesetters and converters write a page): the reader sees glyphs, not words.
    glyphs: bool = False
    # Annotations: form text fields filled in, (x, y, w, h, value), and comments (sticky notes),
    # (x, y, text): their text is no page text.
    fields: list[tuple[float, float, float, float, str]] = field(default_factory=list)
    comments: list[tuple[float, float, str]] = field(default_factory=list)

    def text(self, x: float, y: float, text: str, *, font: str = REGULAR, size: float = 10) -> None:
        self.lines.append((x, y, text, font, size))

    def block(
        self, x: float, y: float, lines: Sequence[str], *, font: str = REGULAR, size: float = 10, leading: float = 12
    ) -> float:
        """Draw lines one under the other; returns the y below the last line."""
        for i, line in enumerate(lines):
            self.text(x, y + i * leading, line, font=font, size=size)
        return y + len(lines) * leading


def wrap(text: str, width: float, *, font: str = REGULAR, size: float = 10) -> list[str]:
    """Greedy line breaking at `width` points (no hyphenation: tests add their own)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and stringWidth(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


_NOUNS = "harbour valley bridge market garden river forest letter window paper station village school museum".split()
_VERBS = "crossed reached described measured visited painted repaired mapped".split()
_OLD = "old new small grey famous quiet".split()
_WHEN = ["before the winter came", "after the storm ended", "in the early spring", "during the long summer", "at dawn"]


def sentences(tag: str, count: int) -> list[str]:
    """`count` distinct sentences of plain English, numbered with `tag` ("In part A3 the team ...")
    so a test can find each one whole and in order; the same arguments give the same sentences."""
    out = []
    for i in range(count):
        a, b = _NOUNS[(7 * i + len(tag)) % len(_NOUNS)], _NOUNS[(3 * i + 5) % len(_NOUNS)]
        verb, old = _VERBS[(5 * i + 1) % len(_VERBS)], _OLD[(11 * i) % len(_OLD)]
        out.append(f"In part {tag}{i} the team {verb} the {old} {a} near the {b} {_WHEN[(13 * i) % len(_WHEN)]}.")
    return out


def build(pages: Sequence[Page], *, encrypt: object = None, title: str | None = None) -> bytes:
    """The PDF's bytes; `encrypt` is a user password or a reportlab `StandardEncryption`."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, encrypt=encrypt)
    if title:
        canvas.setTitle(title)
    for page in pages:
        width, height = page.size
        quarter = page.rotate % 180 == 90
        # reportlab swaps the page box's sides for a quarter turn: give it the shown size.
        canvas.setPageSize((height, width) if quarter and not page.upright else page.size)
        canvas.setPageRotation(page.rotate)
        turned = page.upright and page.rotate % 360 != 0
        if turned:
            canvas.saveState()
            canvas.transform(*_UPRIGHT[page.rotate % 360](width, height))
        for x, y, w, h in page.boxes:
            canvas.setFillGray(0.93)
            canvas.rect(x, height - y - h, w, h, stroke=1, fill=1)
            canvas.setFillGray(0)
        for x, y, text, font, size in page.lines:
            canvas.setFont(font, size)
            if not page.glyphs:
                canvas.drawString(x, height - y - size, text)
                continue
            for i, char in enumerate(text):
                if not char.isspace():
                    canvas.drawString(x + stringWidth(text[:i], font, size), height - y - size, char)
        for x, y, w, h in page.images:
            canvas.drawImage(_image(), x, height - y - h, w, h)
        for x, y, text, angle, size in page.turned:
            canvas.saveState()
            canvas.translate(x, height - y)
            canvas.rotate(angle)
            canvas.setFont(REGULAR, size)
            canvas.drawString(0, 0, text)
            canvas.restoreState()
        if turned:
            canvas.restoreState()
        for number, (x, y, w, h, value) in enumerate(page.fields):
            canvas.acroForm.textfield(name=f"field{id(page)}_{number}", value=value, x=x, y=height - y - h, width=w, height=h)
        for x, y, text in page.comments:
            canvas.textAnnotation(text, Rect=(x, height - y - 20, x + 20, height - y))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


# From the coordinates of a page as shown (width, height) to those of the page turned back by its
# /Rotate: the matrix (a, b, c, d, e, f) that makes drawn text show upright.
_UPRIGHT = {
    90: lambda width, height: (0, 1, -1, 0, height, 0),
    180: lambda width, height: (-1, 0, 0, -1, width, height),
    270: lambda width, height: (0, -1, 1, 0, 0, width),
}


def _image():  # type: ignore[no-untyped-def]
    """A small grey picture with 'text' drawn as pixels: what a scanned page looks like to a reader."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    picture = Image.new("L", (200, 260), 255)
    draw = ImageDraw.Draw(picture)
    for row in range(10, 250, 12):
        draw.line((10, row, 190, row), fill=40, width=3)
    return ImageReader(picture)


def superscript(page: Page, x: float, y: float, word: str, marker: str, *, size: float = 10) -> float:
    """Draw `word` with a raised, smaller `marker` after it; returns the x after both."""
    page.text(x, y, word, size=size)
    x += stringWidth(word, REGULAR, size)
    page.text(x, y - 0.35 * size, marker, size=0.6 * size)
    return x + stringWidth(marker, REGULAR, 0.6 * size)


def tracked_pdf(tracking: float = 0.3) -> bytes:
    """A title, an "ABSTRACT" label and two headings in letter-spaced capitals, each letter drawn
    on its own `tracking` em after the one before (a word space's width more between words, as a
    typesetter's tracked capitals are), over a plain abstract and body text."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4)

    def spaced(y: float, text: str, size: float) -> None:
        x = 72.0
        canvas.setFont(BOLD, size)
        for char in text:
            if char != " ":
                canvas.drawString(x, HEIGHT - y - size, char)
            x += stringWidth(char, BOLD, size) + tracking * size

    def block(y: float, text: str) -> float:
        canvas.setFont(REGULAR, 10)
        for line in wrap(text, 450):
            canvas.drawString(72, HEIGHT - y - 10, line)
            y += 12
        return y

    spaced(60, "HARBOUR TABLES OF THE NORTH COAST", 16)
    spaced(100, "ABSTRACT", 10)
    y = block(116, " ".join(sentences("A", 5)))
    spaced(y + 14, "INTRODUCTION", 10)
    y = block(y + 30, " ".join(sentences("B", 12)))
    spaced(y + 14, "MATERIALS AND METHODS", 10)
    block(y + 30, " ".join(sentences("C", 12)))
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def zero_page_pdf() -> bytes:
    """A well-formed PDF whose page tree is empty (reportlab always writes a page)."""
    return _raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def blank_pages_pdf(count: int) -> bytes:
    """A well-formed PDF of `count` empty pages: over a page limit at almost no cost to build or open."""
    kids = b" ".join(b"%d 0 R" % number for number in range(3, 3 + count))
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
    tree = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, count)
    return _raw_pdf([b"<< /Type /Catalog /Pages 2 0 R >>", tree, *[page] * count])


def glyph_code_pdf(pages: Sequence[tuple[Sequence[str], bool | Collection[int]]], *, codes: str = "controls") -> bytes:
    """A PDF of text `pages` (lines, garbled): garbled text is set in a Type3 font with its own
    encoding and no ToUnicode map, so a reader gets glyph codes, not text; the other text is in
    Helvetica. `garbled` is True for the whole page or the indices of its garbled lines. The codes
    are, by `codes`: "controls", 1 up (control codes, as some TeX and converter output has them);
    "letters", A-Z then a-z in the order the characters are first met (a subset re-encoded, so
    "In part" reads "AB CDEF"); "ascii", each character's own code (old TeX bitmap fonts, whose
    codes are the letters). Written by hand: reportlab makes no such font."""
    in_code = [line for lines, garbled in pages for i, line in enumerate(lines) if garbled is True or (garbled and i in garbled)]
    chars = list(dict.fromkeys(ch for line in in_code for ch in line if ch != " "))
    if codes == "ascii":
        code_of = {ch: ord(ch) for ch in chars}
    else:
        pool = [*range(1, 32), *range(128, 160)] if codes == "controls" else [*range(65, 91), *range(97, 123)]
        if len(chars) > len(pool):
            raise ValueError("too many distinct characters for the glyph-code font")
        order = sorted(chars) if codes == "controls" else chars
        code_of = {ch: pool[i] for i, ch in enumerate(order)}
    code_of[" "] = 32
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    fonts = b"<< /F1 3 0 R /F2 4 0 R >>"
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    names = b" ".join(b"%d /g%d" % (code, code) for code in code_of.values() if code != 32)
    procs = b" ".join(b"/g%d 5 0 R" % code for code in code_of.values() if code != 32)
    objects.append(
        b"<< /Type /Font /Subtype /Type3 /FontBBox [0 0 500 700] /FontMatrix [0.001 0 0 0.001 0 0] "
        b"/CharProcs << %s /space 6 0 R >> /Encoding << /Type /Encoding /Differences [%s 32 /space] >> "
        b"/FirstChar 0 /LastChar 255 /Widths [%s] >>" % (procs, names, b" ".join([b"500"] * 256))
    )
    objects.append(_stream(b"500 0 0 0 400 600 d1 0 0 400 600 re f"))
    objects.append(_stream(b"250 0 d0"))
    kids = []
    for lines, garbled in pages:
        shown = []
        for i, line in enumerate(lines):
            if garbled is True or (garbled and i in garbled):
                string = b"<%s>" % bytes(code_of[ch] for ch in line).hex().encode()
                shown.append(b"BT /F2 10 Tf 56 %d Td %s Tj ET" % (780 - 14 * i, string))
            else:
                escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("cp1252")
                shown.append(b"BT /F1 10 Tf 56 %d Td (%s) Tj ET" % (780 - 14 * i, escaped))
        objects.append(_stream(b"\n".join(shown)))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font %s >> /Contents %d 0 R >>"
            % (fonts, len(objects))
        )
        kids.append(b"%d 0 R" % len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(kids), len(kids))
    return _raw_pdf(objects)


def _stream(content: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"


def _raw_pdf(objects: Sequence[bytes]) -> bytes:
    """A PDF of `objects` (numbered from 1, the first the catalog) with its cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def bomb_pdf(inflated: int, *, filters: Sequence[str] = ("FlateDecode",), image: bool = False) -> bytes:
    """A one-page PDF whose content stream is a line of text and then `inflated` spaces, encoded
    by `filters` (applied in reverse, as a reader decodes them in order): a "flate bomb" when
    `inflated` is large. `image` labels the stream an image XObject instead (which reading text
    never decodes)."""
    body = b"BT /F1 10 Tf 56 780 Td (Hello) Tj ET\n" + b" " * inflated
    for name in reversed(filters):
        body = _ENCODERS[name](body)
    names = b"[" + b" ".join(b"/" + name.encode() for name in filters) + b"]"
    kind = b"/Type /XObject /Subtype /Image /Width 1 /Height 1 " if image else b""
    stream = b"<< %s/Length %d /Filter %s >>\nstream\n" % (kind, len(body), names) + body + b"\nendstream"
    content = 4 if not image else 6
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents %d 0 R >>"
        % content,
        stream,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        _stream(b"BT /F1 10 Tf 56 780 Td (Hello) Tj ET"),
    ]
    return _raw_pdf(objects)


def _lzw(data: bytes) -> bytes:
    """LZW as PDF writes it (codes of 9 to 12 bits, EarlyChange 1), a clear code first."""
    table = {bytes([i]): i for i in range(256)}
    codes, word = [256], b""
    for byte in data:
        grown = word + bytes([byte])
        if grown in table:
            word = grown
            continue
        codes.append(table[word])
        if len(table) + 2 < 4095:
            table[grown] = len(table) + 2
        else:
            codes.append(256)
            table = {bytes([i]): i for i in range(256)}
        word = bytes([byte])
    codes += [table[word], 257]
    # The reader's table has one entry fewer than the writer's (it adds one from its second code
    # on), and the code width follows the reader's table.
    bits, size, first, out = 0, 258, True, bytearray()
    value = 0
    for code in codes:
        width = min(12, (size + 1).bit_length())
        value, bits = (value << width) | code, bits + width
        while bits >= 8:
            bits -= 8
            out.append((value >> bits) & 0xFF)
        value &= (1 << bits) - 1
        if code == 256:
            size, first = 258, True
        elif first:
            first = False
        else:
            size += 1
    if bits:
        out.append((value << (8 - bits)) & 0xFF)
    return bytes(out)


def _run_length(data: bytes) -> bytes:
    """RunLengthDecode's encoding: runs of one byte as (257 - n, byte), up to 128 at a time."""
    out, i = bytearray(), 0
    while i < len(data):
        n = 1
        while i + n < len(data) and n < 128 and data[i + n] == data[i]:
            n += 1
        out += bytes([257 - n, data[i]]) if n > 1 else bytes([0, data[i]])
        i += n
    return bytes(out + b"\x80")


_ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    "FlateDecode": zlib.compress,
    "ASCII85Decode": lambda data: base64.a85encode(data) + b"~>",
    "ASCIIHexDecode": lambda data: data.hex().encode() + b">",
    "LZWDecode": _lzw,
    "RunLengthDecode": _run_length,
}
