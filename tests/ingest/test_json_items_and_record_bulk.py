"""JSON arrays written on one line (as `json.dump` writes them) and records whose FULL TEXT holds a
line in a header's form: each case names what a user saw before."""

from __future__ import annotations

import json
from pathlib import Path

from synopsis.errors import InputError
from synopsis.ingest import read_articles
from synopsis.ingest.record import parse_layout, read_record, render_record
from synopsis.types import Article

BODY = (
    "Mentoring programs in prisons were examined across four sites over two years. "
    "Results showed that mentoring reduced reoffending by ten percent among young adults. "
    "Mentors met their mentees every week, and most pairs kept meeting after release.\n"
) * 4


def test_the_items_of_a_one_line_json_array_are_told_apart(tmp_path: Path) -> None:
    """Was: `["a", "b"]` gave two identical lines "ab.json:1: is JSON but not an object", and two
    articles on that line both got the id "corpus:1", so batch left the second out as a duplicate."""
    bad = tmp_path / "ab.json"
    bad.write_text('["a", "b"]', encoding="utf-8")
    assert [str(item) for item in read_articles(bad)] == [
        f"{bad}:1: item 1 of the array is JSON but not an object (got a string)",
        f"{bad}:1: item 2 of the array is JSON but not an object (got a string)",
    ]
    corpus = tmp_path / "corpus.json"
    corpus.write_text(json.dumps([{"full_text": BODY}, {"full_text": BODY, "id": "own"}, {"full_text": 5}]), encoding="utf-8")
    first, second, third = read_articles(corpus)
    assert isinstance(first, Article) and isinstance(second, Article) and isinstance(third, InputError)
    assert (first.id, second.id) == ("corpus:item1", "own")
    assert str(third) == f"{corpus}:1: item 3 of the array: field 'full_text' is a number, not a string"
    assert third.item == 3


def test_an_array_printed_one_item_a_line_keeps_its_line_numbers(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.json"
    corpus.write_text(json.dumps({"full_text": BODY}).join(["[", ',\n"b"]']), encoding="utf-8")
    article, error = read_articles(corpus)
    assert isinstance(article, Article) and article.id == "corpus:1"
    assert str(error) == f"{corpus}:2: is JSON but not an object (got a string)"


def test_a_records_full_text_that_holds_its_papers_abstract_heading_keeps_the_paper() -> None:
    """Was: a record of only FULL TEXT, a paper with its title and then a line "ABSTRACT:", was
    cut there: the body was the title alone, the paper became the record's abstract, and the
    summary was the title, with exit status 0."""
    paper = BODY * 6  # a short paper's text, 5,856 characters
    record = "FULL TEXT:\nMentoring in prisons\nABSTRACT:\nA short abstract.\n\nINTRODUCTION\n" + paper
    article = read_record(record, source="r.txt", doc_id="r")
    assert article.text[slice(*article.body)].startswith("Mentoring in prisons\nABSTRACT:\nA short abstract.")
    assert article.text[slice(*article.body)].endswith(paper)
    assert article.abstract == ""


def test_an_abstract_longer_than_a_short_full_text_after_it_is_still_the_abstract() -> None:
    """A review: with a rule of "twice FULL TEXT", a record's 2,000-character ABSTRACT after a
    300-character FULL TEXT was read as body, and evaluate and train lost the reference."""
    abstract = BODY.replace("\n", " ") * 2
    record = "TITLE:\nMentoring\nFULL TEXT:\n" + BODY[:300] + "\nABSTRACT:\n" + abstract
    article = read_record(record, source="r.txt", doc_id="r")
    assert article.abstract.strip() == abstract.strip()
    assert article.text[slice(*article.body)].strip() == BODY[:300].strip()


def test_sections_after_full_text_are_still_sections() -> None:
    """An ABSTRACT at the end, and the PREDICTION that --output record fills in with all of a short
    article's sentences, stay what they are."""
    record = "FULL TEXT:\n" + BODY + "ABSTRACT:\nThe abstract.\nPREDICTION:\n"
    article = read_record(record, source="r.txt", doc_id="r")
    assert (article.text[slice(*article.body)], article.abstract) == (BODY, "The abstract.")
    rendered = render_record(record, parse_layout(record), BODY.replace("\n", " ").strip())
    again = read_record(rendered, source="r.txt", doc_id="r")
    assert again.text[slice(*again.body)] == BODY
    assert again.meta["prediction"] == BODY.replace("\n", " ").strip()


def test_records_without_a_text_field_in_a_one_line_array_are_named_by_item(tmp_path: Path) -> None:
    """A review: the line listing records without a 'full_text' field named "arr.json:1" twice."""
    from typer.testing import CliRunner

    from synopsis.cli import app

    corpus = tmp_path / "arr.json"
    corpus.write_text(json.dumps([{"title": "a"}, {"title": "b"}, {"full_text": BODY}]), encoding="utf-8")
    result = CliRunner().invoke(app, ["summarize", str(corpus)])
    assert f"{corpus}:1 item 1, {corpus}:1 item 2" in result.stderr
