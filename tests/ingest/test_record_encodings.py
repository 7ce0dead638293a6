"""A record is a record whatever its encoding (UTF-16 with its BOM) or line endings (lone CR)."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from synopsis.ingest import detect_format, read_articles
from synopsis.ingest.record import looks_like_record, parse_layout, render_record
from synopsis.types import Article


def lone_cr(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r")


ENCODINGS = {
    "utf-16-le": lambda text: codecs.BOM_UTF16_LE + text.encode("utf-16-le"),
    "utf-16-be": lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be"),
    "utf-32-le": lambda text: codecs.BOM_UTF32_LE + text.encode("utf-32-le"),
    "lone-cr": lambda text: lone_cr(text).encode("utf-8"),
}


@pytest.mark.parametrize("variant", sorted(ENCODINGS))
def test_detected_and_read_like_the_utf8_lf_record(tmp_path: Path, example_text: str, variant: str) -> None:
    path = tmp_path / "record.txt"
    path.write_bytes(ENCODINGS[variant](example_text))
    assert detect_format(str(path), path.read_bytes()[:65536]) == "record"
    (article,) = read_articles(str(path))
    assert isinstance(article, Article) and article.meta["format"] == "record"
    (reference,) = read_articles(str(Path(__file__).parents[2] / "examples" / "000_9c8af2bd0370aa32.txt"))
    assert isinstance(reference, Article)
    assert article.body == reference.body and article.abstract == reference.abstract
    assert lone_cr(article.text) == lone_cr(reference.text)


def test_lone_cr_record_keeps_its_line_endings_when_rendered() -> None:
    text = "ABSTRACT: \rAbs. \r \rFULL TEXT: \rBody text here.\r"
    assert looks_like_record(text) and looks_like_record("Title line\rFULL TEXT:\rBody")
    layout = parse_layout(text)
    assert text[slice(*layout.contents["FULL TEXT"])] == "Body text here.\r"
    rendered = render_record(text, layout, "New summary.")
    assert rendered == "ABSTRACT: \rAbs. \r \rPREDICTION: \rNew summary. \r \rFULL TEXT: \rBody text here.\r"


def test_crlf_and_lf_records_are_parsed_as_before() -> None:
    for newline in ("\n", "\r\n"):
        text = newline.join(["ABSTRACT: ", "Abs.", "FULL TEXT:", "Body x.", ""])
        layout = parse_layout(text)
        assert text[slice(*layout.contents["FULL TEXT"])] == f"Body x.{newline}"
        assert text[slice(*layout.contents["ABSTRACT"])] == f"Abs.{newline}"
    assert not looks_like_record("Some text\r\nwith the words FULL TEXT: inside a line\r\n")
