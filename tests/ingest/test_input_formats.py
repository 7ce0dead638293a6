"""Input-format QA: records written in other hands, JSONL fields of the wrong type, JSON that is
not JSONL, and encodings JSONL had ignored. Each case names what a user saw before."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.errors import InputError
from synopsis.ingest import detect_format, read_articles, reads_line_by_line
from synopsis.ingest.jsonl import JsonlFields, article_from_record
from synopsis.ingest.record import looks_like_record, parse_layout, read_record, render_record
from synopsis.output import id_heading
from synopsis.types import Article

BODY = (
    "Mentoring programs in prisons were examined across four sites. "
    "Results showed that mentoring reduced reoffending by ten percent.\n"
)
MORE = "More of the article follows the quoted header. It has sentences too.\n"
TEXT = "The mentoring study works. Mentors met their mentees every week for a year."


def body_of(article: Article) -> str:
    return article.text[article.body[0] : article.body[1]]


def read_all(path: Path, **kwargs: object) -> list[Article | InputError]:
    return list(read_articles(path, **kwargs))  # type: ignore[arg-type]


# --- records ----------------------------------------------------------------------------------


def test_a_header_repeated_in_the_body_is_body_text() -> None:
    """Was: FULL TEXT ended at the quoted "FULL TEXT:" and the rest of the article was dropped;
    a second ABSTRACT: cut the abstract short the same way."""
    record = "ABSTRACT:\nFirst part.\nABSTRACT:\nSecond part.\nFULL TEXT:\n" + BODY + "FULL TEXT:\n" + MORE
    article = read_record(record, source="r.txt", doc_id="r")
    assert body_of(article) == BODY + "FULL TEXT:\n" + MORE
    assert article.abstract == "First part.\nABSTRACT:\nSecond part."


@pytest.mark.parametrize(
    "header",
    [
        "{name}:\n",  # the format's own form, as before
        "{lower}:\n",  # abstract:
        "{title}:\n",  # Full Text:
        "{name} :\n",  # a space before the colon
        "  {name}  :  \n",  # spaces all round
        "{name}\n",  # no colon
        "{name}\n:\n",  # the colon on a line of its own
        "{name}: ",  # the content on the header's line
    ],
)
def test_headers_written_in_other_forms_make_the_same_record(header: str) -> None:
    """Was: read as plain text, so "full text:" and the abstract and prediction became summary
    sentences, or (content on the header line) the record lost its sections."""

    def line(name: str) -> str:
        return header.format(name=name, lower=name.lower(), title=name.title())

    record = line("ABSTRACT") + "The abstract.\n\n" + line("PREDICTION") + "An old summary.\n\n" + line("FULL TEXT") + BODY
    assert looks_like_record(record)
    article = read_record(record, source="r.txt", doc_id="r")
    assert article.abstract == "The abstract."
    assert article.meta["prediction"] == "An old summary."
    assert body_of(article) == BODY


def test_a_title_on_its_header_line_is_the_title() -> None:
    """Was: "TITLE: A title" was not a header, and the title was lost."""
    article = read_record("TITLE: A title\nABSTRACT:\nAbs.\nFULL TEXT:\n" + BODY, source="r.txt", doc_id="r")
    assert (article.title, article.abstract, body_of(article)) == ("A title", "Abs.", BODY)


@pytest.mark.parametrize(
    "body_line", ["Abstract\n", "Abstract:\n", "Title: Heading inside the body\n", "full text:\n", "Prediction\n"]
)
def test_after_full_text_only_the_formats_own_headers_start_a_section(body_line: str) -> None:
    """Headers are read in any form before FULL TEXT, but a body line that looks like one stays in
    the body; a header in the format's own form still starts a section (sections in any order)."""
    record = "FULL TEXT:\n" + BODY + body_line + MORE + "ABSTRACT:\nThe abstract.\n"
    article = read_record(record, source="r.txt", doc_id="r")
    assert body_of(article) == BODY + body_line + MORE
    assert article.abstract == "The abstract."


@pytest.mark.parametrize(
    "text", ["Abstract: We study tides.\n\nIntroduction\nTides rise.", "ABSTRACT\nWe study tides.", "Title: Tides\nBody."]
)
def test_a_plain_text_that_starts_with_a_label_stays_plain_text(text: str) -> None:
    assert not looks_like_record(text)
    assert detect_format("paper.txt", text.encode()) == "text"


def test_a_record_without_full_text_says_how_to_read_it_as_plain_text() -> None:
    with pytest.raises(InputError) as info:
        read_record("ABSTRACT:\nOnly an abstract.\n", source="r.txt", doc_id="r")
    assert info.value.worded({"format": "--format"}) == (
        "r.txt: record has no FULL TEXT section (the article's text goes after a line 'FULL TEXT:'); "
        "to read the file as plain text, use --format text"
    )


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_prediction_header_at_the_very_end_gets_its_summary_on_the_next_line(newline: str) -> None:
    """Was: "PREDICTION:Summary." glued to the header (no line break in the file after it)."""
    record = newline.join(["ABSTRACT:", "Abs.", "FULL TEXT:", "Body x.", "PREDICTION:"])
    rendered = render_record(record, parse_layout(record), "Summary.")
    assert rendered == record + newline + "Summary." + newline
    again = parse_layout(rendered)
    assert rendered[slice(*again.contents["PREDICTION"])].strip() == "Summary."
    assert render_record(rendered, again, "Summary.") == rendered  # a second run changes nothing


def test_a_prediction_on_its_header_line_is_replaced_not_doubled() -> None:
    """Was: "PREDICTION: old" was taken into the abstract and a second PREDICTION was added."""
    record = "ABSTRACT:\nAbs.\nPREDICTION: old summary\nFULL TEXT:\n" + BODY
    article = read_record(record, source="r.txt", doc_id="r")
    assert article.abstract == "Abs." and article.meta["prediction"] == "old summary"
    rendered = render_record(record, article.meta["layout"], "New one.")
    assert rendered == "ABSTRACT:\nAbs.\nPREDICTION: New one.\nFULL TEXT:\n" + BODY


# --- JSONL: what a line holds ------------------------------------------------------------------


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_an_integer_over_pythons_digit_limit_is_read_not_a_traceback(tmp_path: Path) -> None:
    """Was: ValueError "Exceeds the limit (4300 digits)" out of read_articles (a traceback in
    summarize and batch)."""
    digits = "9" * 5000
    path = write_lines(
        tmp_path / "c.jsonl",
        f'{{"id": {digits}, "full_text": "{TEXT}"}}',
        f'{{"id": "b", "count": {digits}, "full_text": "{TEXT}"}}',
    )
    first, second = read_all(path)
    assert isinstance(first, Article) and first.id == digits
    assert isinstance(second, Article) and second.id == "b"


@pytest.mark.parametrize(
    ("literal", "doc_id"), [("17", "17"), ("12.50", "12.50"), ("1e400", "1e400"), ('"  "', "c:1"), ('""', "c:1")]
)
def test_a_number_id_is_kept_as_written_and_a_blank_one_is_none(tmp_path: Path, literal: str, doc_id: str) -> None:
    """Was: 1e400 became "inf", 12.50 "12.5", and a blank id "  " was kept as the id."""
    path = write_lines(tmp_path / "c.jsonl", f'{{"id": {literal}, "full_text": "{TEXT}"}}')
    (article,) = read_all(path)
    assert isinstance(article, Article) and article.id == doc_id


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": true, "full_text": "T"}', "field 'id' is true, not a string or a number"),
        ('{"id": ["a", "b"], "full_text": "T"}', "field 'id' is a list, not a string or a number"),
        ('{"id": {"x": 1}, "full_text": "T"}', "field 'id' is an object, not a string or a number"),
        ('{"id": NaN, "full_text": "T"}', "field 'id' is NaN, not a string or a number"),
        ('{"id": "a", "full_text": null}', "field 'full_text' is null, not the article's text"),
        ('{"id": "a", "full_text": 12}', "field 'full_text' is a number, not a string"),
        ('{"id": "a", "full_text": ["T", "U"]}', "field 'full_text' is a list, not a string (join its parts into one string)"),
        ('{"id": "a", "title": ["A", "B"], "full_text": "T"}', "field 'title' is a list, not a string"),
        ('{"id": "a", "abstract": 5, "full_text": "T"}', "field 'abstract' is a number, not a string"),
        (
            '{"id": "a", "full_text": "First text.", "full_text": "T"}',
            "has the field 'full_text' more than once, with different values (JSON keeps only the last; keep one)",
        ),
        ("[1, 2]", "is JSON but not an object (got a list)"),
    ],
)
def test_a_field_of_the_wrong_type_is_one_line_saying_what_it_holds(tmp_path: Path, line: str, message: str) -> None:
    """Was: ids "True", "['a', 'b']", "{'x': 1}" and "nan"; a null text "has no 'full_text' field
    (set the text field with ...)"; a title that is a list, or the first of two texts, dropped
    without a word."""
    path = write_lines(tmp_path / "c.jsonl", line.replace('"T"', json.dumps(TEXT)), json.dumps({"id": "z", "full_text": TEXT}))
    error, article = read_all(path)
    assert str(error) == f"{path}:1: {message}"
    assert isinstance(article, Article) and article.id == "z"


def test_a_repeated_field_with_the_same_value_and_repeated_other_fields_are_fine(tmp_path: Path) -> None:
    line = json.dumps({"id": "a", "full_text": TEXT})[:-1] + f', "full_text": {json.dumps(TEXT)}, "x": 1, "x": 2}}'
    (article,) = read_all(write_lines(tmp_path / "c.jsonl", line))
    assert isinstance(article, Article) and article.text == TEXT


def test_a_parquet_binary_text_is_utf8_and_a_whole_float_id_has_no_point() -> None:
    """Parquet rows share the JSONL checks: was "field 'full_text' is not a string" for a binary
    column, and id "123.0" for an integer id column that pandas made float by its gaps."""
    fields = JsonlFields()
    article = article_from_record({"id": 123.0, "full_text": TEXT.encode()}, source="t.parquet", line=1, fields=fields, stem="t")
    assert (article.id, article.text) == ("123", TEXT)
    with pytest.raises(InputError, match=r"t.parquet:2: field 'full_text' is binary data, not UTF-8 text \(byte 0xff"):
        article_from_record({"full_text": b"\xff\xfe"}, source="t.parquet", line=2, fields=fields, stem="t")


# --- JSONL: how the file is written ------------------------------------------------------------


def test_jsonl_with_a_first_line_longer_than_the_sniffed_head_is_jsonl(tmp_path: Path) -> None:
    """Was: a .txt (or stdin) JSONL whose first article is over 64 KB was summarized as plain text:
    the summary was raw JSON."""
    long = {"id": "long", "full_text": TEXT + " " + "Tides rise every day. " * 4000}
    path = write_lines(tmp_path / "corpus.txt", json.dumps(long), json.dumps({"id": "b", "full_text": TEXT}))
    assert detect_format(str(path), path.read_bytes()[:65536]) == "jsonl"
    assert [a.id for a in read_all(path) if isinstance(a, Article)] == ["long", "b"]


def test_a_bom_at_the_start_of_a_later_line_is_dropped(tmp_path: Path) -> None:
    """Was: `cat a.jsonl b.jsonl` put b's BOM mid-file: "Unexpected UTF-8 BOM", article lost."""
    path = tmp_path / "c.jsonl"
    one, two = (json.dumps({"id": name, "full_text": TEXT}).encode() + b"\n" for name in "ab")
    path.write_bytes(codecs.BOM_UTF8 + one + codecs.BOM_UTF8 + two)
    assert [a.id for a in read_all(path) if isinstance(a, Article)] == ["a", "b"]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (("\n".join(json.dumps({"id": n, "full_text": "Café " + TEXT}) for n in "ab") + "\n").encode("utf-16"), None),
        (
            ("\n".join(json.dumps({"id": n, "full_text": "Café " + TEXT}, ensure_ascii=False) for n in "ab")).encode("cp1252"),
            "cp1252",
        ),
    ],
)
def test_jsonl_in_utf16_or_a_named_encoding_is_read(tmp_path: Path, data: bytes, encoding: str | None) -> None:
    """Was: UTF-16 JSONL gave an error per line ("not valid UTF-8 (byte 0xff)", "Expecting
    value"), and --encoding was ignored for JSONL."""
    path = tmp_path / "c.jsonl"
    path.write_bytes(data)
    articles = read_all(path, encoding=encoding)
    assert [(a.id, a.text[:5]) for a in articles if isinstance(a, Article)] == [("a", "Café "), ("b", "Café ")]
    assert not reads_line_by_line(data[:65536], encoding)  # a batch must read it whole, as here


def test_a_byte_that_is_not_the_named_encoding_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes(json.dumps({"id": "a", "full_text": TEXT}).encode() + b"\n\x81\n")
    article, error = read_all(path, encoding="cp1252")
    assert isinstance(article, Article)
    assert str(error).startswith(
        f"{path}: is not valid CP1252 (byte 0x81: character maps to <undefined>); the lines before it were read"
    )


def test_lone_cr_jsonl_says_why_it_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_bytes("\r".join(json.dumps({"id": n, "full_text": TEXT}) for n in "ab").encode())
    (error,) = read_all(path)
    assert str(error).endswith("; its lines end in a lone CR (old Mac line endings): convert them to LF")


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("corpus.json", json.dumps([{"id": "a", "full_text": TEXT}, {"id": "b", "full_text": TEXT}])),
        ("corpus.json", json.dumps([{"id": "a", "full_text": TEXT}, {"id": "b", "full_text": TEXT}], indent=2)),
        (
            "corpus.jsonl",
            "[\n" + json.dumps({"id": "a", "full_text": TEXT}) + ",\n" + json.dumps({"id": "b", "full_text": TEXT}) + "\n]\n",
        ),
    ],
)
def test_a_json_array_is_read_as_its_articles(tmp_path: Path, name: str, content: str) -> None:
    """Was: a .json array was summarized as prose (the summary was raw JSON), and a .jsonl holding
    one gave an error per line."""
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    assert [a.id for a in read_all(path) if isinstance(a, Article)] == ["a", "b"]


def test_a_pretty_printed_object_is_one_article_and_bad_items_are_located(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "p", "full_text": TEXT}, indent=2), encoding="utf-8")
    assert detect_format(str(path), path.read_bytes()) == "json"
    assert [a.id for a in read_all(path) if isinstance(a, Article)] == ["p"]
    items = [{"id": "a", "full_text": TEXT}, {"id": "b"}, 7, {"id": "c", "full_text": TEXT}]
    path.write_text(json.dumps(items, indent=1), encoding="utf-8")
    got = read_all(path)
    assert [a.id for a in got if isinstance(a, Article)] == ["a", "c"]
    assert [str(e) for e in got if isinstance(e, InputError)] == [
        f"{path}:6: has no 'full_text' field (set the text field with text_field)",
        f"{path}:9: is JSON but not an object (got a number)",
    ]
    path.write_text('[\n{"id": "a", "full_text": "x"},\n{"id": oops}\n]', encoding="utf-8")
    assert [str(e) for e in read_all(path) if isinstance(e, InputError)] == [
        f"{path}:3: is not valid JSON (Expecting value at column 8)"
    ]


def test_a_jsonl_with_a_broken_first_line_is_still_jsonl(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "c.jsonl", '{"id": "a", "full_text": "unterminated', json.dumps({"id": "b", "full_text": TEXT}))
    error, article = read_all(path)
    assert isinstance(error, InputError) and error.line == 1
    assert isinstance(article, Article) and article.id == "b"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"PAR1\x15\x04\x15\x00\x00", "is a Parquet file (a corpus: batch runs read Parquet), not JSONL text"),
        (b"\x1f\x8b\x08\x00\x00\x00", "is gzip-compressed data, not JSONL text"),
    ],
)
def test_binary_data_named_jsonl_is_one_line(tmp_path: Path, data: bytes, what: str) -> None:
    """Was: one error per "line" of the binary data (NUL bytes, bytes not UTF-8)."""
    path = tmp_path / "c.jsonl"
    path.write_bytes(data + b"\n" * 5 + data)
    assert [str(item) for item in read_all(path)] == [f"{path}: {what}"]


def test_a_parquet_file_given_as_text_says_what_it_is(tmp_path: Path) -> None:
    """Was: "looks like binary data (it contains NUL bytes), not text"."""
    path = tmp_path / "corpus.txt"
    path.write_bytes(b"PAR1\x15\x04\x00\x00binary")
    assert [str(item) for item in read_all(path)] == [f"{path}: is a Parquet file (a corpus: batch runs read Parquet), not text"]


# --- ids in text output --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("doc_id", "heading"),
    [
        ("plain-id", "# plain-id"),
        ("two\nlines", "# two\\nlines"),
        ("red\x1b[31m\x07", "# red\\u001b[31m\\u0007"),
        ("bidi\u202egnp.exe", "# bidi\\u202egnp.exe"),
        ("a\\b\tc", "# a\\\\b\\tc"),
    ],
)
def test_an_id_heading_is_one_printable_line(doc_id: str, heading: str) -> None:
    assert id_heading(doc_id) == heading


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("c.jsonl", b"", "is empty"),
        ("c.jsonl", b"\n  \r\n\t\n", "has only blank lines, no articles"),
        ("c.json", b" [ ]\n", "is an empty JSON array, no articles"),
    ],
)
def test_a_corpus_without_articles_says_so(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    """Was: no output and exit status 0, as if it had been summarized (an empty .txt says "is empty")."""
    path = tmp_path / name
    path.write_bytes(data)
    assert [str(item) for item in read_all(path)] == [f"{path}: {message}"]


def test_jsonl_lines_ending_in_a_comma_stay_jsonl_and_say_why_they_fail(tmp_path: Path) -> None:
    lines = [json.dumps({"id": name, "full_text": TEXT}) for name in "ab"]
    path = tmp_path / "c.jsonl"
    path.write_text(lines[0] + ",\n" + lines[1] + "\n", encoding="utf-8")
    error, article = read_all(path)
    assert str(error).endswith("(Extra data at column 104); a JSONL line is one object, without a comma after it")
    assert isinstance(article, Article) and article.id == "b"


ARTICLE = (
    "We studied the effect of sleep on memory in older adults over several years. "
    "Recall was measured every year in three hospitals.\n"
) * 20


@pytest.mark.parametrize(
    ("first", "later"),
    [
        ("Abstract:\nWe study sleep.\n", "References\n1. Smith J. Sleep. 2010.\nFull text: https://doi.org/10.1/x\n"),
        ("ABSTRACT\nWe study sleep.\n", "Data availability\nFULL TEXT\nThe full texts of all trials are available on request.\n"),
        ("Title: Sleep and memory\n", "Full-text: available on PubMed Central\n"),
    ],
)
def test_an_article_with_a_full_text_line_near_its_end_is_plain_text(tmp_path: Path, first: str, later: str) -> None:
    """Was: read as a record whose FULL TEXT was the one line after "Full text", so the summary
    was drawn from that line and the article itself was dropped."""
    path = tmp_path / "paper.txt"
    path.write_text(first + ARTICLE + later, encoding="utf-8")
    (article,) = read_all(path)
    assert isinstance(article, Article) and article.meta["format"] == "text"
    assert body_of(article) == first + ARTICLE + later


def test_a_record_in_another_hand_with_a_long_abstract_is_still_a_record() -> None:
    record = "Abstract:\n" + "We study sleep and memory in older adults. " * 8 + "\nFull text:\n" + ARTICLE
    assert looks_like_record(record)


@pytest.mark.parametrize(
    "first_line",
    [
        "[ ] The first item of the checklist was not done.",
        "[] denotes the empty list in our notation, which we use throughout,",
        "{x : x > 0} is the set of positive reals,",
        "[{1, 2}, {3}] is a partition of the set,",
        "{\\bf Abstract} We study sleep,",
    ],
)
def test_prose_that_opens_with_a_bracket_is_plain_text(tmp_path: Path, first_line: str) -> None:
    """Was: read as a JSON document, so the article was one "is not valid JSON" error."""
    path = tmp_path / "paper.txt"
    path.write_text(first_line + "\n" + ARTICLE, encoding="utf-8")
    assert detect_format(str(path), path.read_bytes()) == "text"
    (article,) = read_all(path)
    assert isinstance(article, Article) and body_of(article) == first_line + "\n" + ARTICLE


@pytest.mark.parametrize(
    "broken",
    [
        '{"id": "x", "full_text": "Sleep, memory,\nand recall were measured."}',  # a newline left unescaped
        '{"id": "x", "full_text": "Sleep was measured.",',  # a line cut short after a comma
    ],
)
def test_a_jsonl_whose_first_article_is_broken_over_lines_still_reads_the_others(tmp_path: Path, broken: str) -> None:
    """Was: taken for a JSON document printed over lines, so its syntax error ended the reading
    and none of the good articles after it was summarized."""
    path = tmp_path / "corpus.jsonl"
    path.write_text(broken + "\n" + "".join(json.dumps({"id": i, "full_text": TEXT}) + "\n" for i in "ab"), encoding="utf-8")
    got = read_all(path)
    assert [a.id for a in got if isinstance(a, Article)] == ["a", "b"]
    assert all(isinstance(e, InputError) for e in got[:-2])


# --- encodings named by the user, and UTF-16 without a BOM ------------------------------------

RECORD = f"ABSTRACT:\nA short abstract of the study.\nPREDICTION:\nFULL TEXT:\n{BODY}{MORE}"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16"])
def test_a_record_in_a_named_utf16_without_a_bom_is_a_record(tmp_path: Path, encoding: str) -> None:
    """Was: the format was sniffed from the bytes as UTF-8, so a UTF-16 record without a BOM was plain
    text and its summary the lines "PREDICTION:" and "FULL TEXT:"."""
    path = tmp_path / "paper.txt"
    path.write_bytes(RECORD.encode("utf-16-le" if encoding == "utf-16" else encoding))
    (article,) = read_all(path, encoding=encoding)
    assert isinstance(article, Article), article
    assert article.meta["format"] == "record" and article.abstract == "A short abstract of the study."
    assert body_of(article) == BODY + MORE


def test_jsonl_in_a_named_utf16_without_a_bom_is_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "corpus.txt"
    lines = "".join(json.dumps({"id": n, "full_text": TEXT}) + "\n" for n in "ab")
    path.write_bytes(lines.encode("utf-16-le"))
    assert detect_format(str(path), path.read_bytes()) == "text"
    assert detect_format(str(path), path.read_bytes(), "utf-16-le") == "jsonl"
    assert [a.id for a in read_all(path, encoding="utf-16-le") if isinstance(a, Article)] == ["a", "b"]


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_named_with_the_encoding_that_reads_it(tmp_path: Path, codec: str) -> None:
    """Was: "looks like binary data (it contains NUL bytes), not text", which leaves no way on."""
    path = tmp_path / "paper.txt"
    path.write_bytes(RECORD.encode(codec))
    (error,) = read_all(path)
    assert isinstance(error, InputError)
    order = "little" if codec.endswith("le") else "big"
    assert error.worded({"encoding": "--encoding"}) == (
        f"{path}: looks like UTF-16 text without a byte-order mark ({order}-endian); name its encoding, {codec}, with --encoding"
    )


def test_nul_bytes_that_are_not_utf16_are_still_binary_data(tmp_path: Path) -> None:
    path = tmp_path / "blob.txt"
    path.write_bytes(b"abc\x00def\x00\x00\x01" * 20)
    (error,) = read_all(path)
    assert isinstance(error, InputError) and error.message == "looks like binary data (it contains NUL bytes), not text"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("5", "is JSON but not an array or an object (got a number)"),
        ('"An article as one JSON string."', "is JSON but not an array or an object (got a string)"),
        ('["The first article.", "The second."]', "item 1 of the array is JSON but not an object (got a string)"),
        ("[" * 5000 + "]" * 5000, "is not valid JSON for an article (nested too deeply)"),
        ("We study sleep. It matters.", "is not valid JSON (a JSON file holds an array of articles or one article)"),
    ],
)
def test_a_json_file_that_holds_no_article_records_is_one_line_not_a_summary_of_its_json(
    tmp_path: Path, content: str, message: str
) -> None:
    """Was: a .json file of `5`, `"..."`, `["a", "b"]` or `[[[...]]]` was summarized as prose,
    its JSON syntax printed back as the summary with exit status 0; and `--format json` on `5`
    said "Expecting value at column 2", having skipped its first character."""
    path = tmp_path / "corpus.json"
    path.write_text(content, encoding="utf-8")
    for format in ("auto", "json"):
        items = read_all(path, format=format)
        assert items and all(isinstance(item, InputError) for item in items)
        assert str(items[0]) == f"{path}:1: {message}"


@pytest.mark.parametrize("encoding", [None, "latin-1"])
def test_a_nul_past_the_first_8_kb_is_refused_as_one_near_the_start_is(tmp_path: Path, encoding: str | None) -> None:
    """Was: only the first 8,192 bytes were looked at for NUL bytes, so a NUL further on went into
    the sentence that held it, and into the printed summary (a file with one 3,000 bytes in was
    refused as binary data)."""
    text = ARTICLE * 60
    path = tmp_path / "paper.txt"
    path.write_bytes(text[:20000].encode() + b"\x00\x00" + text[20000:].encode())
    (error,) = read_all(path, encoding=encoding)
    assert isinstance(error, InputError)
    assert str(error) == (
        f"{path}: contains NUL characters (the first at character 20,000), which no text has: is part of it binary"
        " data or in another encoding?"
    )


def test_a_jsonl_string_that_is_binary_data_is_refused_as_file_bytes_are(tmp_path: Path) -> None:
    """Was: many control characters in a JSONL string were summarized, where the same characters
    as a text file's bytes are refused; the next record is read all the same."""
    record = {"id": "a", "full_text": "\u0001\u0002\u0003 " * 50 + ARTICLE}
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(record) + "\n" + json.dumps({"id": "b", "full_text": ARTICLE}) + "\n", encoding="utf-8")
    error, article = read_all(path)
    assert isinstance(error, InputError) and str(error).startswith(f"{path}:1: field 'full_text' looks like binary data")
    assert isinstance(article, Article) and article.id == "b"


@pytest.mark.parametrize(
    "record",
    [
        {"id": "a", "full_text": ARTICLE[:300] + "\u0000" + ARTICLE[300:]},
        {"id": "a", "full_text": ARTICLE, "title": "Co\u0002operative games"},
        {"id": "a", "full_text": ARTICLE, "abstract": "We study \u0003x."},
    ],
    ids=["nul-in-text", "control-in-title", "control-in-abstract"],
)
def test_a_stray_control_character_in_a_jsonl_string_does_not_cost_the_record(tmp_path: Path, record: dict[str, str]) -> None:
    """A corpus made from PDFs carries a stray "\\u0000" or PDFium's "\\u0002": one is over 5% of a
    title, and the share test refused the whole record for it (a JSON string holds it on purpose,
    unlike a file's bytes, where a NUL means another encoding)."""
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (article,) = read_all(path)
    assert isinstance(article, Article) and article.id == "a"


@pytest.mark.parametrize(
    ("keyword", "value"),
    [("text", "\x1b[31m \x07\x08 " * 200 + ARTICLE), ("abstract", "\x1b[31m \x07\x08 " * 40 + "Men")],
    ids=["control-text", "control-abstract"],
)
def test_pasted_text_that_is_binary_data_is_refused(keyword: str, value: str) -> None:
    """Was: synopsis.summarize (and the server's pasted text) summarized it, control characters and all."""
    import synopsis

    arguments = {"text": ARTICLE, keyword: value}
    with pytest.raises(InputError) as raised:
        synopsis.summarize(arguments.pop("text"), **arguments)
    prefix = "<text>: " + ("the abstract " if keyword == "abstract" else "")
    assert str(raised.value).startswith(prefix + "looks like binary data (many control characters), not text")


def test_pasted_text_with_a_stray_nul_is_summarized() -> None:
    """One NUL in a pasted text is no sign of binary data: the text is summarized, not refused."""
    import synopsis

    summary = synopsis.summarize(ARTICLE[:300] + "\x00" + ARTICLE[300:])
    assert summary.sentences


@pytest.mark.parametrize(
    "data",
    [
        b"\x00" * 100_000,
        b"abc\xe9def " * 20_000,
        b"\xef\xbb\xbfabc \xe9" + b"x" * 100_000,
        ("The study works. " * 1000).encode() + b"\x00" + b"x" * 100_000,
        b"\x01\x02 " * 40_000,
        b"%PDF-1.7" + b"x" * 100_000,
        ("caf\u00e9 \x00 " + "x" * 100_000).encode("utf-16"),
        "caf\u00e9 ".encode("utf-16") + b"\x00\xd8a\x00" + "x".encode("utf-16-le") * 100_000,
    ],
    ids=["nul", "latin-1", "bom-latin-1", "late-nul", "control", "pdf", "utf16-nul", "utf16-lone-surrogate"],
)
def test_the_head_check_says_what_decoding_the_whole_says(data: bytes) -> None:
    """`check_head` refuses from the first 64 KB alone, with the line `decode` gives for all of it."""
    from synopsis.ingest.decode import check_head, decode

    with pytest.raises(InputError) as whole:
        decode(data, source="x", max_bytes=0)
    with pytest.raises(InputError) as head:
        check_head(data[:65536], source="x")
    assert str(head.value) == str(whole.value)


@pytest.mark.parametrize(
    "opening",
    ["<article> is a tag of HTML5, and this paper asks how authors use it. ", "<html> considered harmful\n\n"],
    ids=["article-tag", "html-title"],
)
def test_a_paper_that_opens_by_naming_a_tag_is_read_not_refused_as_markup(opening: str) -> None:
    """A markup document has tags after its first; a paper about markup that opens with one was
    refused as "an HTML page" or "an XML document"."""
    import synopsis

    summary = synopsis.summarize(opening + ARTICLE)
    assert summary.sentences


def test_a_short_jsonl_string_of_control_characters_is_refused(tmp_path: Path) -> None:
    """Under 200 characters only the share test's 5% was waived: 198 control characters were summarized
    as a one-"word" summary of control characters."""
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "full_text": "\u0001\u0002\u0003" * 66}) + "\n", encoding="utf-8")
    (error,) = read_all(path)
    assert isinstance(error, InputError) and "field 'full_text' looks like binary data" in str(error)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=()), max_size=300))
def test_the_control_share_counts_what_a_control_character_class_finds(text: str) -> None:
    """`_control_share` counts control characters in UTF-8 bytes (fast); it must count exactly what
    the character class [\\x00-\\x08\\x0e-\\x1f] finds, in any script, with lone surrogates too."""
    import re

    from synopsis.ingest.decode import _control_share

    expected = len(re.findall(r"[\x00-\x08\x0e-\x1f]", text)) / max(1, len(text))
    assert _control_share(text) == expected


# --- a byte-order mark wins over an encoding the user named -------------------------------------

ACCENTED = "The café served a résumé of the naïve study. " + BODY


@pytest.mark.parametrize(
    ("bom", "codec", "named"),
    [
        (codecs.BOM_UTF8, "utf-8", "cp1252"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "cp1252"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-le"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-8"),
    ],
)
def test_a_bom_wins_over_a_named_encoding(tmp_path: Path, bom: bytes, codec: str, named: str) -> None:
    """Was: `--encoding cp1252` (for the Windows-1252 files among many) read a UTF-8 file saved
    with its BOM as mojibake ("ï»¿The cafÃ©"), a UTF-16 one as "contains NUL characters", and a
    UTF-16-BE one named UTF-16-LE as Chinese. The BOM is the file's own word for its encoding."""
    path = tmp_path / "paper.txt"
    path.write_bytes(bom + ACCENTED.encode(codec))
    (article,) = read_all(path, encoding=named)
    assert isinstance(article, Article), article
    assert article.text == ACCENTED and article.meta["bom"] == bom


def test_a_bom_wins_over_a_named_encoding_in_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = "".join(json.dumps({"id": n, "full_text": ACCENTED}, ensure_ascii=False) + "\n" for n in "ab")
    path.write_bytes(codecs.BOM_UTF16_LE + lines.encode("utf-16-le"))
    assert not reads_line_by_line(path.read_bytes(), "utf-8")  # batch reads it whole, not as UTF-8 lines
    articles = read_all(path, encoding="utf-8")
    assert [(a.id, a.text) for a in articles if isinstance(a, Article)] == [("a", ACCENTED), ("b", ACCENTED)]


def test_an_unknown_encoding_is_said_even_where_a_bom_decides(tmp_path: Path) -> None:
    path = tmp_path / "paper.txt"
    path.write_bytes(codecs.BOM_UTF8 + ACCENTED.encode())
    (error,) = read_all(path, encoding="no-such-codec")
    assert isinstance(error, InputError) and "unknown encoding 'no-such-codec'" in str(error)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_jsonl_in_utf16_without_a_bom_is_one_error_for_the_file(tmp_path: Path, codec: str) -> None:
    """Was: "contains NUL bytes" once per line, and once more for the NUL after the last line
    break (three errors, and in batch three error rows, for two articles); now the line a text
    file gets, with the encoding that reads it, once."""
    path = tmp_path / "corpus.jsonl"
    lines = "".join(json.dumps({"id": n, "full_text": TEXT}) + "\n" for n in "ab")
    path.write_bytes(lines.encode(codec))
    assert not reads_line_by_line(path.read_bytes())  # batch reads it whole, and says so once
    (error,) = read_all(path)
    assert isinstance(error, InputError)
    order = "little" if codec.endswith("le") else "big"
    assert error.worded({"encoding": "--encoding"}) == (
        f"{path}: looks like UTF-16 text without a byte-order mark ({order}-endian); name its encoding, {codec}, with --encoding"
    )
    assert [a.id for a in read_all(path, encoding=codec) if isinstance(a, Article)] == ["a", "b"]


def test_a_bom_that_does_not_decode_gives_way_to_the_named_encoding(tmp_path: Path) -> None:
    """Was: cp1252 text that begins "ï»¿" (the bytes of a UTF-8 BOM), or a BOM before cp1252 bytes,
    named `--encoding cp1252`, was refused as not UTF-8 "name its encoding with --encoding" (which
    the user had done). Where the BOM's codec fails, the named encoding reads it, as before."""
    path = tmp_path / "paper.txt"
    path.write_bytes(codecs.BOM_UTF8 + ACCENTED.encode("cp1252"))
    (article,) = read_all(path, encoding="cp1252")
    assert isinstance(article, Article), article
    assert article.text == "ï»¿" + ACCENTED
    from typer.testing import CliRunner

    from synopsis.cli import app

    result = CliRunner().invoke(app, ["summarize", "--words", "20", "--encoding", "cp1252", str(path)])
    assert result.exit_code == 0, result.stderr
    assert "not valid" not in result.stderr


def test_not_valid_utf8_after_a_bom_names_the_byte_and_offset_in_the_file(tmp_path: Path) -> None:
    """Was: the offset counted from after the BOM (utf-8-sig's count), so it named the byte three
    before the bad one ("byte 0x72 at offset 6" for the 0xff at offset 9)."""
    path = tmp_path / "paper.txt"
    path.write_bytes(codecs.BOM_UTF8 + b"Intro \xff more " + BODY.encode())
    (error,) = read_all(path)
    assert isinstance(error, InputError)
    assert "is not valid UTF-8 (byte 0xff at offset 9)" in str(error)


def test_utf16_named_reads_ff_fe_00_00_as_the_utf16_bom(tmp_path: Path) -> None:
    """Was: with `--encoding utf-16-le`, FF FE then a NUL character was taken for UTF-32's BOM and
    refused as "not valid UTF-32-LE"; the named UTF-16 says which BOM it is (the NUL is then said)."""
    path = tmp_path / "paper.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + ("\x00" + ACCENTED).encode("utf-16-le"))
    (error,) = read_all(path, encoding="utf-16-le")
    assert isinstance(error, InputError) and "UTF-32" not in str(error), error


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-8"])
def test_utf16_named_without_byte_order_on_jsonl_without_a_bom_is_one_error(tmp_path: Path, codec: str) -> None:
    """Was: `--encoding utf-16` on JSONL without a BOM ended summarize and batch in a traceback
    ("UTF-16 stream does not start with BOM"); now the file's one error, naming the byte orders."""
    path = tmp_path / "corpus.jsonl"
    path.write_bytes("".join(json.dumps({"id": n, "full_text": TEXT}) + "\n" for n in "ab").encode(codec))
    (error,) = read_all(path, encoding="utf-16")
    assert isinstance(error, InputError)
    assert error.worded({"encoding": "--encoding"}) == (
        f"{path}: has no byte-order mark, which UTF-16 needs for its byte order; name utf-16-le or utf-16-be with --encoding"
    )
