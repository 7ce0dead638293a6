"""JSON that parses badly in Python's own ways: nesting deep enough to exhaust the recursion
limit, and escapes that make a string which is not text (a lone surrogate)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from synopsis.errors import InputError
from synopsis.ingest import article_from_text, read_articles
from synopsis.types import Article

TEXT = "The mentoring study works. Mentors met their mentees every week for a year."
DEEP = "[" * 100_000 + "]" * 100_000


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def test_a_deeply_nested_line_is_an_error_and_the_next_line_is_read(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "c.jsonl", DEEP, json.dumps({"id": "next", "full_text": TEXT}))
    error, article = read_articles(str(path))
    assert str(error) == f"{path}:1: is not valid JSON for an article (its arrays or objects are nested too deeply)"
    assert isinstance(article, Article) and article.id == "next"


def test_a_deeply_nested_field_is_an_error_too(tmp_path: Path) -> None:
    line = '{"id": "a", "full_text": "x", "extra": ' + DEEP + "}"
    path = write_lines(tmp_path / "c.jsonl", line)
    (error,) = read_articles(str(path))
    assert isinstance(error, InputError) and "nested too deeply" in str(error) and error.line == 1


@pytest.mark.parametrize(
    ("field", "escaped", "position"),
    [
        ("full_text", "The study \\ud800 works.", 10),
        ("full_text", "\\udfff at the start", 0),
        ("title", "A title \\ud83d", 8),  # the first half of an emoji, its second half missing
        ("abstract", "Abs \\udc00.", 4),
        ("id", "doc-\\ud800", 4),
    ],
)
def test_an_unpaired_surrogate_is_named_with_its_field_and_position(
    tmp_path: Path, field: str, escaped: str, position: int
) -> None:
    fields = {"id": "s", "full_text": TEXT, field: "@"}
    line = json.dumps(fields).replace('"@"', f'"{escaped}"')
    path = write_lines(tmp_path / "c.jsonl", line, json.dumps({"id": "next", "full_text": TEXT}))
    error, article = read_articles(str(path))
    assert isinstance(error, InputError) and error.line == 1
    codepoint = escaped.split("\\u")[1][:4]
    assert str(error) == (
        f"{path}:1: field {field!r} contains an unpaired surrogate (\\u{codepoint}) at character {position} "
        "(half of a UTF-16 pair, not a character)"
    )
    str(error).encode("utf-8")  # the message itself can be printed
    assert isinstance(article, Article) and article.id == "next"


def test_a_paired_surrogate_escape_is_text(tmp_path: Path) -> None:
    path = write_lines(tmp_path / "c.jsonl", '{"id": "e", "full_text": "Smile \\ud83d\\ude00. ' + TEXT + '"}')
    (article,) = read_articles(str(path))
    assert isinstance(article, Article) and article.text.startswith("Smile \U0001f600.")


@pytest.mark.parametrize("field", ["text", "title", "abstract"])
def test_article_from_text_refuses_a_lone_surrogate(field: str) -> None:
    parts = {"text": TEXT, "title": "T", "abstract": "A", field: "caf\u00e9 \ud800"}
    with pytest.raises(InputError, match=r"contains an unpaired surrogate \(\\ud800\) at character 5"):
        article_from_text(parts["text"], title=parts["title"], abstract=parts["abstract"], source="<pasted text>")


def test_a_line_of_millions_of_values_is_refused_unread_and_the_next_line_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """json builds every value before a field is read: a 48 MB line of `{},` took 1.3 GB. A line with
    more values than the limit (lowered here, so the line can be small) is one error line."""
    monkeypatch.setattr("synopsis.ingest.jsonl.MAX_LINE_VALUES", 50)
    flood = json.dumps({"id": "flood", "full_text": TEXT, "extra": [{}] * 60})
    path = write_lines(tmp_path / "c.jsonl", flood, json.dumps({"id": "next", "full_text": TEXT}))
    error, article = read_articles(str(path))
    assert str(error) == f"{path}:1: holds over 50 JSON values (commas outside its strings), not one article's fields"
    assert isinstance(article, Article) and article.id == "next"


def test_commas_in_an_articles_text_and_nested_metadata_under_the_limit_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("synopsis.ingest.jsonl.MAX_LINE_VALUES", 50)
    authors = [{"name": f"Author {i}", "affiliation": "A, B and C"} for i in range(5)]
    record = {"id": "a", "full_text": "Firstly, secondly, thirdly, " * 100 + TEXT, "authors": authors, "refs": [[1, 2]] * 10}
    (article,) = read_articles(str(write_lines(tmp_path / "c.jsonl", json.dumps(record))))
    assert isinstance(article, Article) and article.id == "a"
