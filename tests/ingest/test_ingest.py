"""Reading inputs: formats, encodings, and the clear errors for everything that is not an article."""

from __future__ import annotations

import codecs
import gzip
import json
import re
from pathlib import Path

import pytest

from synopsis.errors import InputError
from synopsis.ingest import JsonlFields, article_from_text, detect_format, read_articles
from synopsis.ingest.decode import decode
from synopsis.ingest.record import parse_layout, read_record, render_record
from synopsis.types import Article


def read_one(path: Path, **kwargs) -> Article | InputError:  # type: ignore[no-untyped-def]
    items = list(read_articles(str(path), **kwargs))
    assert len(items) == 1
    return items[0]


def test_record_sections(example_text: str) -> None:
    article = read_record(example_text, source="ex.txt", doc_id="ex")
    assert article.abstract.startswith("Mentoring has recently taken centre stage")
    assert article.meta["prediction"].startswith("Keywords Mentoring")
    start, end = article.body
    assert example_text[start:end].lstrip().startswith("Keywords Mentoring")
    assert end == len(example_text)


@pytest.mark.parametrize(
    "record, abstract",
    [
        ("FULL TEXT: \nBody text here.\n", ""),
        ("ABSTRACT: \n \nPREDICTION: \n \nFULL TEXT: \nBody text here.\n", ""),
        ("ABSTRACT:\nShort abstract.\nFULL TEXT:\nBody text here.", "Short abstract."),
        ("TITLE: A title\nABSTRACT: \nAbs.\r\n \r\nFULL TEXT: \r\nBody text here.\r\n", "Abs."),
    ],
)
def test_records_with_missing_or_empty_sections(record: str, abstract: str) -> None:
    article = read_record(record, source="r.txt", doc_id="r")
    assert article.abstract == abstract
    assert record[article.body[0] : article.body[1]].strip() == "Body text here."


def test_record_without_full_text_is_an_error() -> None:
    with pytest.raises(InputError, match="no FULL TEXT"):
        read_record("ABSTRACT: \nOnly an abstract.\n", source="r.txt", doc_id="r")
    with pytest.raises(InputError, match="FULL TEXT section is empty"):
        read_record("ABSTRACT: \nAbs.\nFULL TEXT: \n   \n", source="r.txt", doc_id="r")


def test_render_record_changes_only_the_prediction(example_text: str) -> None:
    layout = parse_layout(example_text)
    out = render_record(example_text, layout, "New summary.")
    start, end = layout.contents["PREDICTION"]
    assert out.startswith(example_text[:start] + "New summary.")
    assert out.endswith(example_text[end:])
    # Inserting a missing PREDICTION keeps the rest intact too.
    bare = "ABSTRACT: \nAbs. \n \nFULL TEXT: \nBody.\n"
    inserted = render_record(bare, parse_layout(bare), "Sum.")
    assert inserted == "ABSTRACT: \nAbs. \n \nPREDICTION: \nSum. \n \nFULL TEXT: \nBody.\n"


def test_detect_format() -> None:
    assert detect_format("a.jsonl", b"") == "jsonl"
    assert detect_format("a.txt", b'{"full_text": "x"}\n') == "jsonl"
    assert detect_format("a.txt", b"ABSTRACT: \nx\n") == "record"
    assert detect_format("a.txt", b"%PDF-1.7") == "pdf"
    assert detect_format("a.txt", b"Just an article.") == "text"


def test_decode_bom_crlf_and_utf16() -> None:
    text, bom = decode(codecs.BOM_UTF8 + "Caf\u00e9\r\nline".encode(), source="x")
    assert text == "Caf\u00e9\r\nline" and bom == codecs.BOM_UTF8
    text, _ = decode("Caf\u00e9 text".encode("utf-16"), source="x")
    assert text == "Caf\u00e9 text"


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "is empty"),
        (b"   \n\t  ", "only whitespace"),
        (b"\x00\x01\x02binary\x00", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8 \\(byte 0xe9 at offset 3\\)"),
        (b"%PDF-1.4 ...", "PDF"),
        (b"\x1f\x8b\x08\x00", "gzip"),
    ],
)
def test_decode_refuses_what_is_not_utf8_text(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode(data, source="bad.txt")


def test_decode_with_stated_encoding() -> None:
    text, _ = decode(b"caf\xe9 au lait", source="x", encoding="cp1252")
    assert text == "caf\u00e9 au lait"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    err = read_one(tmp_path / "nope.txt")
    assert isinstance(err, InputError) and "no such file" in str(err) and "nope.txt" in str(err)
    err = read_one(tmp_path)
    assert isinstance(err, InputError) and "is a directory" in str(err)


def test_jsonl_bad_lines_do_not_stop_the_others(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "a", "full_text": "First article text.", "source": "s1"}),
        "{not json",
        json.dumps({"id": "b", "text": "wrong field"}),
        json.dumps(["a", "list"]),
        "",
        json.dumps({"id": "c", "full_text": "   "}),
        json.dumps({"full_text": "No id here.", "title": "T", "abstract": "A"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_articles(str(path)))
    assert [i.id if isinstance(i, Article) else i.line for i in items] == ["a", 2, 3, 4, 6, "corpus:7"]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert errors[0].startswith(f"{path}:2: is not valid JSON")
    assert "has no 'full_text' field" in errors[1]
    assert "not an object" in errors[2]
    assert "is empty" in errors[3]
    assert items[0].meta["source"] == "s1"  # type: ignore[union-attr]
    last = items[-1]
    assert isinstance(last, Article) and last.title == "T" and last.abstract == "A"


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz", ".txt"])
def test_read_articles_takes_a_path_object(tmp_path: Path, suffix: str) -> None:
    """A pathlib.Path is the common call; it failed with "'PosixPath' object has no attribute 'endswith'"."""
    path = tmp_path / f"c{suffix}"
    data = (json.dumps({"id": "x1", "full_text": "Text of it."}) + "\n").encode("utf-8")
    if suffix == ".txt":
        data = b"Text of it.\n"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    by_path, by_name = list(read_articles(path)), list(read_articles(str(path)))
    assert by_path == by_name and isinstance(by_path[0], Article) and by_path[0].text.startswith("Text of it.")
    missing = list(read_articles(tmp_path / "nope.jsonl"))
    assert isinstance(missing[0], InputError) and str(missing[0]) == f"{tmp_path / 'nope.jsonl'}: no such file"


@pytest.mark.parametrize(("path", "got"), [(b"c.jsonl", "bytes"), (None, "None"), (3, "int")])
def test_read_articles_of_a_non_path_is_a_type_error_at_the_call(path: object, got: str) -> None:
    expected = f"read_articles: path must be a str or a pathlib.Path (os.PathLike of str), not {got}"
    with pytest.raises(TypeError, match=f"^{re.escape(expected)}$"):
        read_articles(path)  # type: ignore[arg-type]  # raised here, before the first article is asked for


def test_jsonl_field_names(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"doc": "x1", "body": "Text of it.", "summary": "Abs."}) + "\n", encoding="utf-8")
    article = read_one(path, fields=JsonlFields(text="body", id="doc", abstract="summary"))
    assert isinstance(article, Article)
    assert (article.id, article.text, article.abstract) == ("x1", "Text of it.", "Abs.")


def test_article_from_text_detects_records(example_text: str) -> None:
    assert article_from_text(example_text).meta["format"] == "record"
    plain = article_from_text("Just some text. With two sentences.")
    assert plain.meta["format"] == "text" and plain.body == (0, 35)
    with pytest.raises(InputError):
        article_from_text("  \n ")


_BODY = "Tides rise and fall twice a day.\nThe moon pulls the water.\n"


@pytest.mark.parametrize("line", ["Title: A study of tides\n", "Prediction: tides rise\n", "Full text: see the journal\n"])
def test_a_label_line_inside_a_records_abstract_is_the_abstracts(line: str) -> None:
    """Was: in a record written in the format's own form (ABSTRACT:, FULL TEXT: alone on their
    lines), a line "Title: ..." in the abstract started a TITLE section: the article got that line's
    rest as its title and lost the abstract's text after it."""
    abstract = "We measure tides.\n" + line + "They rise twice a day."
    article = read_record("ABSTRACT:\n" + abstract + "\n\nFULL TEXT:\n" + _BODY, source="r.txt", doc_id="r")
    assert (article.title, article.abstract, article.text[article.body[0] : article.body[1]]) == ("", abstract, _BODY)


def test_a_title_in_capitals_still_follows_a_records_own_headers() -> None:
    record = "ABSTRACT:\nAbs.\nTITLE: A title\nFULL TEXT:\n" + _BODY
    article = read_record(record, source="r.txt", doc_id="r")
    assert (article.title, article.abstract, article.text[article.body[0] : article.body[1]]) == ("A title", "Abs.", _BODY)


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ("ABSTRACT:\nAbs.\nFull Text:\n", ("", "Abs.", "")),  # strict header, then one in another case
        ("TITLE:\nTides\nAbstract:\nAbs.\nFull text:\n", ("Tides", "Abs.", "")),
        ("ABSTRACT:\nAbs.\nFULL TEXT\n", ("", "Abs.", "")),  # capitals without the colon
        ("ABSTRACT:\nAbs.\nPrediction:\nOld summary.\nFULL TEXT:\n", ("", "Abs.", "Old summary.")),
    ],
)
def test_a_header_alone_on_its_line_starts_its_section_after_the_records_own_headers(
    record: str, expected: tuple[str, str, str]
) -> None:
    """Was: once a header in the format's own form was seen, every header not in
    capitals with its colon was content — "Full Text:" made the record "have no FULL TEXT section",
    and a "Prediction:" line went into the abstract that evaluate scores against."""
    article = read_record(record + _BODY, source="r.txt", doc_id="r")
    got = (article.title, article.abstract, article.meta["prediction"])
    assert got == expected and article.text[article.body[0] : article.body[1]].strip() == _BODY.strip()
