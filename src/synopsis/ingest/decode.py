"""Bytes to text, refusing what is not text rather than guessing.

UTF-8 with or without BOM is read as is; UTF-16/32 only with a BOM (which makes them
unambiguous). Anything else is an error that names the offending byte, unless the user states the
encoding (`--encoding cp1252`): we never fall back silently, because a wrong guess produces
mojibake that then flows into summaries unnoticed.
"""

from __future__ import annotations

import codecs

from ..errors import InputError
from ..sizes import over_limit

# A text article is a few hundred kilobytes; anything far larger is almost certainly not one.
MAX_TEXT_BYTES = 50_000_000
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_BINARY_SIGNATURES = {
    b"%PDF-": "a PDF file (use --format pdf, with the 'synopsis[pdf]' extra installed)",
    b"PK\x03\x04": "a ZIP archive (a .docx/.epub/.zip?), not text",
    b"\x1f\x8b": "gzip-compressed data, not text (decompress it first)",
    b"\x89PNG": "a PNG image, not text",
    b"\xff\xd8\xff": "a JPEG image, not text",
}


def decode(data: bytes, *, source: str, encoding: str | None = None, max_bytes: int = MAX_TEXT_BYTES) -> tuple[str, bytes]:
    """Decode `data`; return the text (BOM removed) and the BOM found, so output can restore it."""
    if not data:
        raise InputError("is empty", source=source)
    if max_bytes and len(data) > max_bytes:
        raise InputError(
            f"is {over_limit(len(data), max_bytes)} for one article (raise it with --max-bytes)",
            source=source,
        )
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(f"is {what}", source=source)
    bom = b""
    codec = encoding
    if codec is None:
        for mark, name in _BOMS:
            if data.startswith(mark):
                bom, codec = mark, name
                break
    if codec is None:
        if b"\x00" in data[:8192]:
            raise InputError("looks like binary data (it contains NUL bytes), not text", source=source)
        codec = "utf-8"
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        raise InputError(
            f"is not valid {err.encoding.upper()} (byte 0x{data[err.start]:02x} at offset {err.start}); "
            "save it as UTF-8 or name its encoding with --encoding (e.g. --encoding cp1252)",
            source=source,
        ) from None
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", source=source) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError("contains no text (only whitespace)", source=source)
    if _control_share(text) > 0.05:
        raise InputError("looks like binary data (many control characters), not text", source=source)
    return text, bom


def _control_share(text: str) -> float:
    sample = text[:20000]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v")
    return control / max(1, len(sample))
