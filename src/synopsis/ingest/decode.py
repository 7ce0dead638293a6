"""Bytes to text, refusing what is not text rather than guessing.

UTF-8 with or without BOM is read as is; UTF-16/32 only with a BOM (which makes them
unambiguous). Anything else is an error that names the offending byte, unless the user states the
encoding (`encoding="cp1252"`, the CLI's `--encoding cp1252`): we never fall back silently, because a wrong guess produces
mojibake that then flows into summaries unnoticed.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter

from ..errors import InputError
from ..sizes import over_limit

# A text article is a few hundred kilobytes; anything far larger is almost certainly not one.
MAX_TEXT_BYTES = 50_000_000
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# What people pass by mistake, named so that the message says what it is. The one table: decoding
# here and the server's upload check both read it.
BINARY_SIGNATURES = {
    b"PK\x03\x04": "a ZIP archive (a .docx, .odt, .epub or .zip?)",
    b"\x1f\x8b": "gzip-compressed data",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office file (.doc?)",
    b"{\\rtf": "an RTF document",
    b"PAR1": "a Parquet file (a corpus: batch runs read Parquet)",
}
PDF_SIGNATURE = b"%PDF-"
# The article meta key that holds the encoding a user named, where it read the article's text.
NAMED_ENCODING = "named_encoding"


def binary_kind(data: bytes) -> str | None:
    """What a known binary format `data` starts with is ("a PNG image"), or None."""
    for signature, what in BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return what
    return None


class NotText(InputError):
    """An input that is no text at all (binary data: NUL bytes, control characters): the server
    answers it as a file type it does not read (415), wherever in the file the NUL is."""


class NotPlainText(InputError):
    """Text in a markup language (HTML, XML, LaTeX source): read as prose, its tags and commands
    would become the summary's words. The server answers an upload of it as a file type it does
    not read (415), as it answers binary data."""


def decode(
    data: bytes, *, source: str, encoding: str | None = None, max_bytes: int = MAX_TEXT_BYTES, bom_is_text: bool = True
) -> tuple[str, bytes]:
    """Decode `data`; return the text (BOM removed) and the BOM found, so output can restore it.
    Where a BOM does not decode and the named encoding reads the file, the BOM's bytes are read
    as text (cp1252 text may begin "ï»¿"), unless `bom_is_text` is False: a JSON document cannot
    begin with them."""
    if not data:
        raise InputError("is empty", source=source)
    if max_bytes and len(data) > max_bytes:
        raise too_large(len(data), max_bytes, source=source)
    _check_signature(data, source=source)
    try:
        bom, codec = _codec(data, encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", source=source) from None
    if codec is None:
        _check_nul_head(data, source=source)
        codec = "utf-8"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        if not bom or encoding is None:
            named = None if bom else encoding
            raise _not_valid(err, data, source=source, skipped=_skipped(bom, codec), named=named) from None
        # What looked like a BOM was none (cp1252 text that begins "ï»¿", a BOM before cp1252
        # bytes): the encoding the user named reads it, as it did before a BOM won over it.
        skipped = 0 if bom_is_text else len(bom)
        bom, codec = b"", encoding
        try:
            text = data[skipped:].decode(codec)
        except UnicodeDecodeError as again:
            raise _not_valid(again, data, source=source, skipped=skipped, named=encoding) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", source=source) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    _check_nul(text, source=source)  # past the head checked above, it went into the summary's text
    if not text.strip():
        raise InputError("contains no text (only whitespace)", source=source)
    _check_control(text, source=source)
    check_surrogates(text, source=source)  # only a stated codec such as unicode_escape can make one
    check_markup(text, source=source)
    return text, bom


def check_head(head: bytes, *, source: str, encoding: str | None = None) -> None:
    """Refuse, from its first bytes alone, what `decode` would refuse for them, with the same line:
    a PDF, an image, binary data (a NUL), a byte that is not UTF-8. The rest of an input need not be
    read to know that: /dev/urandom or a 50 MB binary file is refused after its head, not after the
    size limit. (Many control characters with a NUL after the head: this says the former.) In an
    encoding the user named only the signatures are checked here: a codec's incremental decoder
    may refuse a character the head's end cuts, which the whole text holds whole."""
    if not head:
        return
    _check_signature(head, source=source)
    if encoding is not None:
        return
    _bom, codec = _codec(head, None)
    if codec is None:
        _check_nul_head(head, source=source)
        codec = "utf-8"
    try:
        text = codecs.getincrementaldecoder(codec)().decode(head)  # a character cut at the end waits
    except UnicodeDecodeError as err:
        raise _not_valid(err, head, source=source, skipped=_skipped(_bom, codec)) from None
    text = text.removeprefix("\ufeff")
    _check_nul(text, source=source)
    if len(text) >= _CONTROL_SAMPLE and text.strip():  # the same sample as the whole text's
        _check_control(text, source=source)


def _check_signature(data: bytes, *, source: str) -> None:
    """Refuse a PDF or a known binary format given as text, naming what it is."""
    if data.startswith(PDF_SIGNATURE):
        raise InputError(
            "is a PDF file", source=source, setting="format", hint=" (use {name} pdf, with the 'synopsis[pdf]' extra installed)"
        )
    what = binary_kind(data)
    if what is not None:
        advice = " (decompress it first)" if data.startswith(b"\x1f\x8b") else ""
        raise InputError(f"is {what}, not text{advice}", source=source)


def _codec(data: bytes, encoding: str | None) -> tuple[bytes, str | None]:
    """The BOM `data` starts with (b"" if none is read) and the codec to read it in: the BOM's,
    else the one named; None when neither says (UTF-8, after the NUL check). (Where the BOM's codec
    then fails, `decode` reads the file in the one named.)"""
    bom, codec = bom_codec(data)
    if codec is None and encoding is not None:
        return b"", encoding
    if encoding is not None:
        named = codecs.lookup(encoding).name  # an unknown name is still said (LookupError), BOM or not
        if codec == "utf-32" and named.startswith("utf-16") and data.startswith(codecs.BOM_UTF16_LE):
            # FF FE 00 00 in a file named UTF-16: its BOM and a NUL character, not UTF-32's BOM.
            return codecs.BOM_UTF16_LE, "utf-16"
    return bom, codec


def bom_codec(data: bytes) -> tuple[bytes, str | None]:
    """The BOM `data` starts with and its codec, or (b"", None). A BOM wins over an encoding the
    user named: it is the file's own word for its encoding, and a run named for the Windows-1252
    files among many (`--encoding cp1252`) read a UTF-8 file saved with its BOM (as Notepad saves
    it) as mojibake ("ï»¿Introduction", "CafÃ©") and UTF-16 as "NUL characters"."""
    return next(((mark, name) for mark, name in BOMS if data.startswith(mark)), (b"", None))


def _check_nul_head(data: bytes, *, source: str) -> None:
    """Text without a BOM or a named encoding has no NUL byte in its first 8 KB: binary data, or
    UTF-16 saved without a BOM (`nul_bytes_error` tells which)."""
    if b"\x00" in data[:8192]:
        raise nul_bytes_error(data, source=source)


def _skipped(bom: bytes, codec: str) -> int:
    """How many bytes the codec's error offsets leave out: utf-8-sig counts after its BOM."""
    return len(bom) if codec == "utf-8-sig" else 0


def named_reading(encoding: str | None, bom: bytes) -> str | None:
    """The encoding a user named, where it is what read the text (no BOM won over it) and it is
    not UTF-8 (which reads a file as no encoding named does); else None."""
    if encoding is None or bom or is_utf8(encoding):
        return None
    return encoding


def is_utf8(encoding: str) -> bool:
    """Whether `encoding` names UTF-8 (with or without its BOM); an unknown name is not."""
    try:
        return codecs.lookup(encoding).name in ("utf-8", "utf-8-sig")
    except LookupError:
        return False


def doubtful_reading(text: str, encoding: str) -> bool:
    """Whether `text`, read in the `encoding` a user named, may be a misreading, to be said when
    the text is refused: UTF-16 or UTF-32 that read no ASCII character (8-bit text read so, two
    bytes a character, is all Chinese-looking characters, without one space, digit or line break,
    which a real text has), or an encoding whose bytes for `text` are UTF-8 all the same (a UTF-8
    file given another's name). A Chinese text read right (GB18030, Big5, UTF-16) is refused as
    Chinese, no more; so is a text all ASCII, which reads the same in any encoding that has it.
    Only a refused text pays for this (one pass over it)."""
    if text.isascii():
        return False
    try:
        if codecs.lookup(encoding).name.startswith(("utf-16", "utf-32")):
            return _ASCII.search(text) is None
        text.encode(encoding).decode("utf-8")
    except (UnicodeError, LookupError):
        return False
    return True


_ASCII = re.compile("[\x00-\x7f]")


def read_in_named(err: InputError, encoding: str) -> InputError:
    """`err`, for a text read in `encoding` that the user named, saying so: a wrong encoding makes
    of a file what it is not (UTF-8 read as UTF-16 is "Chinese", or not valid UTF-16), and a line
    that named only what the text looked like left its owner no way to see why. (The same class:
    the server still answers binary data 415.)"""
    doubt = f"; it was read as {encoding}, the encoding named for it: is that the file's encoding?"
    return err.changed(message=err.message + doubt, setting="encoding", hint="")


def _not_valid(err: UnicodeDecodeError, data: bytes, *, source: str, skipped: int = 0, named: str | None = None) -> InputError:
    at = err.start + skipped  # an offset in the file, as a hex viewer shows it
    if named is not None and not is_utf8(named):  # not "name its encoding": the user did
        return read_in_named(
            InputError(f"is not valid {err.encoding.upper()} (byte 0x{data[at]:02x} at offset {at})", source=source), named
        )
    return InputError(
        f"is not valid {err.encoding.upper()} (byte 0x{data[at]:02x} at offset {at}); save it as UTF-8 or name its encoding",
        source=source,
        setting="encoding",
        hint=" with {name} (e.g. cp1252)",
    )


# A string shorter than this (a title, a short abstract) is judged binary only when it is mostly
# control characters: one stray character is over 5% of a 20-character title.
STRING_BINARY_MIN_CHARS = 200


def check_characters(text: str, *, source: str, what: str = "", line: int | None = None) -> None:
    """Refuse a string (a JSONL field, a pasted text) that is binary data: many control characters
    in a text long enough to tell, or mostly control characters in a shorter one. A few are no sign
    of it and do not cost the record: corpora built from PDFs carry a stray "\\u0000" or PDFium's
    "\\u0002" (a broken word's hyphen), which a JSON string holds on purpose, unlike a file's bytes
    (`decode`), where a NUL means another encoding or binary data. `what` names the field."""
    share = 0.05 if len(text) >= STRING_BINARY_MIN_CHARS else 0.5  # a short one: mostly control characters
    if _control_share(text) > share:
        raise NotText(f"{what}looks like binary data (many control characters), not text", source=source, line=line)


def _check_nul(text: str, *, source: str, what: str = "", line: int | None = None) -> None:
    if (nul := text.find("\x00")) >= 0:
        raise NotText(
            f"{what}contains NUL characters (the first at character {nul:,}), which no text has: is part of it binary data"
            " or in another encoding?",
            source=source,
            line=line,
        )


def _check_control(text: str, *, source: str, what: str = "", line: int | None = None) -> None:
    if _control_share(text) > 0.05:
        raise NotText(f"{what}looks like binary data (many control characters), not text", source=source, line=line)


# The start of a markup document: its tags would be read as the article's words and sentences
# ("<html><head><title>", a page's scripts and menus, JATS's <contrib-group>), with no sign of it.
_MARKUP = re.compile(r"\A\s*<(?:(?P<html>!doctype\s+html|html[\s>])|\?xml[\s?]|!doctype\s|(?:article|tei)[\s>])", re.IGNORECASE)


# Another tag after the opening one: a markup document has many, a paper that opens by naming one none.
_TAG = re.compile(r"</?[A-Za-z][\w:.-]*(?:\s[^<>]*)?/?>")


# A LaTeX source file: its first line that is no comment is a command (`\documentclass`, or
# arXiv's `\pdfoutput=1` before it), and a `\documentclass` line follows within its head. Its
# preamble (`\usepackage{...} \title{...} \begin{document}`) opened the summary as one
# "sentence", its `\cite{...}` and `$...$` stood in the others, exit status 0. A paper whose text
# quotes a `\documentclass` line (one about LaTeX) starts with prose and is read.
_LATEX_FIRST = re.compile(r"\A(?:[ \t]*(?:%[^\n]*)?\r?\n)*[ \t]*\\[A-Za-z@]")
_LATEX_CLASS = re.compile(r"^[ \t]*\\document(?:class|style)\b", re.MULTILINE)
_LATEX_HEAD = 65536


def check_markup(text: str, *, source: str) -> None:
    """Refuse an HTML page, an XML document (JATS, TEI) or a LaTeX source file given as text, in
    one line saying what it is: cleaning knows no tags or commands, so they would become the
    summary's words."""
    if _LATEX_FIRST.match(text) and _LATEX_CLASS.search(text, 0, _LATEX_HEAD):
        raise NotPlainText(
            "is LaTeX source, not plain text: synopsis does not read markup; summarize its PDF, or convert it to text"
            " first (e.g. pandoc -t plain)",
            source=source,
        )
    head = text[:4096]
    found = _MARKUP.match(head)
    if found is None or _TAG.search(head, found.end()) is None:
        return  # "<article> is a tag of HTML5. ..." opening a paper about markup is prose
    what = "an HTML page" if found.group("html") else "an XML document (JATS or TEI?)"
    raise NotPlainText(f"is {what}, not plain text: synopsis does not read markup; save or extract its text first", source=source)


# What `check_prose` reads: the head of the text (every article pays for it: 2,500 characters cost
# ~0.15 ms, 20,000 cost ~1.2; a head that is no prose has three more samples read before a refusal),
# and how much of it there must be to judge: a short text of few words is a short text, not noise.
PROSE_SAMPLE_CHARS = 2_500
PROSE_MIN_CHARS = 1_000
# A word: a run without spaces of at most this many characters, with a letter in it. German
# compounds and chemical names stay under it; base64 lines (76 characters), hex and spaceless text do not.
WORD_MAX_CHARS = 30
# Under this share of the sample's characters in words, it is no prose. Measured on the 1,311 dev
# articles: the least is 72% in their first 2,500 characters (title, abstract and the head of the
# body; 36% in the body's own head: sumpubmed-30799, whose formulas are MathType blobs); base64 is
# 0%, a spaceless text near 0%.
PROSE_MIN_WORD_SHARE = 0.2
# One word repeated: over PROSE_MIN_WORDS words, one word form has at least this share of them. The
# most in a dev article's head is 12.5% ("the", sumpubmed-5517); "word word ..." is 100% (also with a
# title and abstract of prose before it), "lorem ipsum ..." 50%. A repeated sentence of three words
# or more is left alone: it has a summary.
PROSE_MIN_WORDS = 100
PROSE_MAX_ONE_WORD_SHARE = 0.5
_LETTER = re.compile(r"[^\W\d_]")
_WORD_EDGES = "\"'.,;:!?()[]{}<>«»“”‘’-–—"


def check_prose(text: str, *, source: str | None = None) -> None:
    """Refuse a text that is no prose in one line, rather than "summarize" it: encoded data (base64,
    hex), a table of numbers, text whose spaces were lost, one word repeated. Noise in was noise
    out: 5 MB of one word came back whole as its one "sentence", a base64 blob as its summary
    with a warning about its language, exit status 0. Judged on the text's head (the first
    PROSE_SAMPLE_CHARS characters), which a real article fills with words; where the head is no
    prose, on PROSE_LATER_SAMPLES more samples spread over the rest, and refused only if none is
    prose: a review found a paper that opens with a table of figures (and a short abstract, or
    none) refused."""
    problem = _no_prose(text, 0)
    if problem is None:
        return
    later = (len(text) * k // (PROSE_LATER_SAMPLES + 1) for k in range(1, PROSE_LATER_SAMPLES + 1))
    if any(start >= PROSE_SAMPLE_CHARS and _no_prose(text, start) is None for start in later):
        return
    raise InputError(problem, source=source)


# Where the head is no prose, how many more samples are read, spread evenly over the text.
PROSE_LATER_SAMPLES = 3


def _no_prose(text: str, start: int) -> str | None:
    """Why the PROSE_SAMPLE_CHARS characters of `text` from `start` are no prose, or None."""
    sample = text[start : start + PROSE_SAMPLE_CHARS]
    tokens = sample.split()
    end = start + len(sample)
    if len(tokens) > 1 and len(text) > end and not text[end].isspace():
        tokens = tokens[:-1]  # cut by the sample's end: not a word of the text (unless all there is)
    if len(tokens) > 1 and start and not text[start - 1].isspace() and not sample[:1].isspace():
        tokens = tokens[1:]  # cut by the sample's start
    size = sum(map(len, tokens))
    if size < PROSE_MIN_CHARS:
        return None
    words = [token for token in tokens if len(token) <= WORD_MAX_CHARS and _LETTER.search(token)]
    share = sum(map(len, words)) / size
    head = f"its first {len(sample):,} characters" if len(text) > len(sample) else "it"
    if share < PROSE_MIN_WORD_SHARE:
        return (
            f"does not look like prose: only {share:.0%} of {head} stand in words (runs of at most {WORD_MAX_CHARS}"
            " characters with a letter between spaces); encoded data such as base64, a table of numbers, or text"
            " whose spaces were lost? nothing to summarize"
        )
    if len(words) < PROSE_MIN_WORDS:
        return None
    counts = Counter(word.strip(_WORD_EDGES).lower() for word in words)
    counts.pop("", None)
    form, count = counts.most_common(1)[0] if counts else ("", 0)
    if count >= PROSE_MAX_ONE_WORD_SHARE * len(words):
        return (
            f"does not look like prose: {head} {'is' if head == 'it' else 'are'} mostly one word repeated"
            f" ({form!r}: {count:,} of {len(words):,} words); nothing to summarize"
        )
    return None


def nul_bytes_error(data: bytes, *, source: str) -> InputError:
    """The error for text with NUL bytes and no BOM: UTF-16 saved without a BOM (Latin text has a
    NUL in every other byte) named as such, with the encoding that reads it, since "binary data"
    leaves its owner no way on; anything else as binary data."""
    codec = _utf16_order(data[:8192])
    if codec is None:
        return NotText("looks like binary data (it contains NUL bytes), not text", source=source)
    return InputError(
        f"looks like UTF-16 text without a byte-order mark ({'little' if codec.endswith('le') else 'big'}-endian)",
        source=source,
        setting="encoding",
        hint=f"; name its encoding, {codec}, with {{name}}",
    )


def utf16_without_bom_error(head: bytes, *, source: str) -> InputError | None:
    """`nul_bytes_error`'s UTF-16 line for a head that reads as UTF-16 without a BOM, else None: a
    JSONL file saved so is said once, not as "contains NUL bytes" for each of its lines (and one
    more for the NUL after the last line break)."""
    if b"\x00" not in head or _utf16_order(head[:8192]) is None:
        return None
    return nul_bytes_error(head, source=source)


def _utf16_order(sample: bytes) -> str | None:
    """utf-16-le or utf-16-be when `sample` reads as UTF-16 of mostly Latin characters: nearly
    every high byte NUL and nearly no low byte; None otherwise."""
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    even, odd = sample[0 : 2 * pairs : 2].count(0), sample[1 : 2 * pairs : 2].count(0)
    if odd >= 0.9 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.9 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def too_large(size: int, limit: int, *, source: str, read_all: bool = True, what: str = "one article") -> InputError:
    """The error for a text input over `max_bytes`. `read_all=False` when only `limit + 1` bytes
    were read (a pipe, stdin, a .gz): its real size is unknown, and reading on to learn it is what
    the limit is there to prevent. `what` is what the limit is for (a JSON document is read whole)."""
    at_least = "" if read_all else "at least "
    return InputError(
        f"is {at_least}{over_limit(size, limit)} for {what}",
        source=source,
        setting="max_bytes",
        hint=" (raise it with {name})",
        value=size,
        limit=limit,
    )


def check_surrogates(text: str, *, source: str, what: str = "", line: int | None = None) -> None:
    """Refuse text with an unpaired surrogate (a JSON escape such as "\\ud800" without its pair):
    it is not a character, so it can be neither encoded nor written, and would fail deep inside the
    pipeline. `what` names the field ("field 'full_text' ")."""
    if text.isascii():
        return
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as err:
        raise InputError(
            f"{what}contains an unpaired surrogate (\\u{ord(text[err.start]):04x}) at character {err.start} "
            "(half of a UTF-16 pair, not a character)",
            source=source,
            line=line,
        ) from None


# How much of a text the control-character share is taken from.
_CONTROL_SAMPLE = 20000


# Control characters that no text has (tab, line feed, vertical tab, form feed and carriage return it has).
_CONTROL_BYTES = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x20))


def _control_share(text: str) -> float:
    """The share of control characters among the first _CONTROL_SAMPLE characters, counted as the
    bytes `bytes.translate` deletes from their UTF-8 (a control character is one byte there, and no
    byte of another character's is below 0x80): a quarter of a regex scan's time, on every article."""
    sample = text[:_CONTROL_SAMPLE]
    raw = sample.encode("utf-8", "surrogatepass")
    return (len(raw) - len(raw.translate(None, _CONTROL_BYTES))) / max(1, len(sample))
