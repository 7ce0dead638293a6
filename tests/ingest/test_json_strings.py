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
