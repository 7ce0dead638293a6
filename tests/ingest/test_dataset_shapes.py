"""Dataset dumps in shapes other than one article per object: each gets a line that says what the
file is and what to write instead, not advice that would make it worse."""

from __future__ import annotations

import json
from pathlib import Path

from synopsis.errors import InputError
from synopsis.ingest import read_articles
from synopsis.ingest.jsonl import JsonlFields
from synopsis.types import Article

TEXT = "The mentoring study works. Mentors met their mentees every week for a year."


def read_all(path: Path, **kwargs: object) -> list[Article | InputError]:
    return list(read_articles(path, **kwargs))  # type: ignore[arg-type]


def test_a_columnar_dump_is_named_as_columns_not_told_to_join_its_articles(tmp_path: Path) -> None:
    """Was "field 'full_text' is a list, not a string (join its parts into one string)": joining
    would have made every article of the dataset one text. `json.dump(dataset.to_dict())` writes this."""
    for name in ("c.json", "c.jsonl"):
        path = tmp_path / name
        path.write_text(json.dumps({"id": ["a", "b"], "full_text": [TEXT, TEXT], "source": "x"}) + "\n", encoding="utf-8")
        (error,) = read_all(path)
        assert isinstance(error, InputError)
        assert str(error) == (
            f"{path}:1: is one object with a list per field (columns 'id', 'full_text' of 2 values each), as a"
            " dataset's columns are dumped, not an article: write one article a line as JSONL"
            " (a datasets.Dataset: .to_json('x.jsonl'))"
        )


def test_a_text_in_parts_beside_a_plain_id_is_still_told_to_join_them(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"id": "a", "title": ["A", "B"], "full_text": [TEXT, TEXT]}) + "\n", encoding="utf-8")
    (error,) = read_all(path)
    assert str(error) == f"{path}:1: field 'full_text' is a list, not a string (join its parts into one string)"


def test_review_cases_keep_their_own_advice(tmp_path: Path) -> None:
    # A review: an article with no id whose paragraphs are as many as its authors is no columnar
    # dump, and a JSONL of strings with commas is no CSV table.
    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"full_text": [TEXT, TEXT, TEXT], "authors": ["A", "B", "C"]}) + "\n", encoding="utf-8")
    (error,) = read_all(article)
    assert str(error) == f"{article}:1: field 'full_text' is a list, not a string (join its parts into one string)"
    strings = tmp_path / "s.jsonl"
    strings.write_text('"hello, world"\n"foo, bar"\n', encoding="utf-8")
    found = read_all(strings)
    assert found and all("not an object" in str(error) and "CSV" not in str(error) for error in found)


def test_s2orc_body_text_is_named_as_paragraphs_with_how_to_join_them(tmp_path: Path) -> None:
    """S2ORC's `body_text: [{"text", "section"}, ...]` given as the text field."""
    path = tmp_path / "s2orc.jsonl"
    paragraphs = [{"text": TEXT, "section": "Introduction"}, {"text": TEXT, "section": "Methods"}]
    path.write_text(json.dumps({"paper_id": "1", "body_text": paragraphs}) + "\n", encoding="utf-8")
    (error,) = read_all(path, fields=JsonlFields(text="body_text", id="paper_id"))
    assert str(error) == (
        f"{path}:1: field 'body_text' is a list of paragraphs, not a string"
        " (join their 'text' into one string, a blank line between them)"
    )


def test_a_csv_table_named_jsonl_is_one_line_not_an_error_per_row(tmp_path: Path) -> None:
    """Was "is not valid JSON (Expecting value at column 1)" for every row of the table."""
    for name, delimiter in (("table.jsonl", ","), ("table2.jsonl", "\t")):
        path = tmp_path / name
        rows = [delimiter.join(("id", "title", "full_text"))] + [delimiter.join((str(i), "T", f'"{TEXT}"')) for i in range(5)]
        path.write_text("\n".join(rows) + "\n", encoding="utf-8")
        (error,) = read_all(path)
        assert str(error) == (
            f"{path}: is a CSV/TSV table (columns id, title, full_text), not JSONL:"
            " convert it to JSONL (one article a line) or Parquet"
        )


def test_a_jsonl_file_with_a_broken_first_line_is_still_read_line_by_line(tmp_path: Path) -> None:
    """The table check must not cost a JSONL file its good lines: a comment line, then articles."""
    path = tmp_path / "c.jsonl"
    path.write_text("id,comment\n" + json.dumps({"id": "a", "full_text": TEXT}) + "\n", encoding="utf-8")
    error, article = read_all(path)
    assert str(error) == f"{path}:1: is not valid JSON (Expecting value at column 1)"
    assert isinstance(article, Article) and article.id == "a"


def test_batch_gives_a_csv_table_named_jsonl_one_error_row(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from synopsis.cli import app

    path = tmp_path / "table.jsonl"
    path.write_text("id,full_text\n" + "".join(f'{i},"{TEXT}"\n' for i in range(5)), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(path), "-o", str(out)])
    assert result.exit_code == 1
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["error"].startswith(f"{path}: is a CSV/TSV table (columns id, full_text), not JSONL")


def test_a_comment_line_in_jsonl_is_said_to_be_one(tmp_path: Path) -> None:
    """Was only "is not valid JSON (Expecting value at column 1)" for `// ...` and `# ...` lines."""
    path = tmp_path / "c.jsonl"
    article_line = json.dumps({"id": "a", "full_text": TEXT})
    path.write_text(f"// made by export.py\n  # v2\n{article_line}\n", encoding="utf-8")
    first, second, article = read_all(path)
    advice = "is not valid JSON (Expecting value at column {}); JSON has no comments: remove the line"
    assert str(first) == f"{path}:1: " + advice.format(1)
    assert str(second) == f"{path}:2: " + advice.format(3)
    assert isinstance(article, Article) and article.id == "a"
