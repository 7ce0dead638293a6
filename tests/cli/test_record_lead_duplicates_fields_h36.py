"""Three dataset-input probes (stop 36): a record's text before its first header was dropped without
a word; `summarize` printed "# a1" twice for a repeated id without a word; a --text-field that no
record has (a dotted path into nested objects) named neither the file nor what was wrong."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from synopsis.cli import app
from synopsis.ingest import read_articles
from synopsis.types import Article

runner = CliRunner()
ABSTRACT = "We study the effect of sleep on memory in adults. Results show strong effects in every age group."
BODY = (
    "Sleep matters for memory. We recruited forty adults for the study. Each slept eight hours in the lab. "
    "Memory was tested in the morning with a word list. Scores improved after a full night of sleep. "
    "The effect was large and robust across ages.\n"
)
LEAD_WARNING = (
    f"{len('A B S T R A C T:') + 1 + len(ABSTRACT)} characters before the first section header (PREDICTION:) are not read"
    " as any section (the format's headers: TITLE:, ABSTRACT:, PREDICTION:, FULL TEXT:)"
)
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "000_9c8af2bd0370aa32.txt"


def _lead_record(tmp_path: Path) -> Path:
    path = tmp_path / "spaced.txt"
    path.write_text(f"A B S T R A C T:\n{ABSTRACT}\nPREDICTION:\n\nFULL TEXT:\n{BODY}", encoding="utf-8")
    return path


def test_text_before_a_records_first_header_is_named_on_stderr_and_in_json(tmp_path: Path) -> None:
    """Was: exit 0, stderr empty, the abstract empty and its text dropped without a word."""
    path = _lead_record(tmp_path)
    result = runner.invoke(app, ["summarize", str(path)])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"synopsis: {path}: warning: {LEAD_WARNING}\n"
    assert "We recruited forty adults" in result.stdout
    as_json = runner.invoke(app, ["summarize", "-o", "json", str(path)])
    assert json.loads(as_json.stdout)["warning"] == LEAD_WARNING


def test_batch_puts_the_lead_warning_in_the_row(tmp_path: Path) -> None:
    path = _lead_record(tmp_path)
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(path), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["warning"] == LEAD_WARNING and row["sentences"]


def test_records_that_open_with_a_header_have_no_lead_warning(tmp_path: Path) -> None:
    """The example record, and whitespace or a BOM before the first header, are read as before."""
    bom_and_blank = tmp_path / "bom.txt"
    bom_and_blank.write_text(f"\ufeff\n\n  ABSTRACT:\n{ABSTRACT}\nPREDICTION:\n\nFULL TEXT:\n{BODY}", encoding="utf-8")
    title_on_line = tmp_path / "title.txt"
    title_on_line.write_text(f"TITLE: Sleep and memory\nABSTRACT:\n{ABSTRACT}\nFULL TEXT:\n{BODY}", encoding="utf-8")
    for path in (EXAMPLE, bom_and_blank, title_on_line):
        (article,) = read_articles(str(path))
        assert isinstance(article, Article) and article.meta["format"] == "record", path
        assert "record_warning" not in article.meta, path
        result = runner.invoke(app, ["summarize", str(path)])
        assert result.exit_code == 0 and result.stderr == "", (path, result.stderr)


def test_summarize_says_a_repeated_id_and_summarizes_both(tmp_path: Path) -> None:
    """Was: "# a1" twice and nothing said; `batch` keeps only the first, `summarize` prints what it
    is given, so it summarizes both and says where the id was first."""
    corpus = tmp_path / "corpus.jsonl"
    records = [{"id": "a1", "full_text": BODY}, {"id": "b", "full_text": BODY}, {"id": "a1", "full_text": BODY + "More."}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(corpus)])
    assert result.exit_code == 0, result.output
    assert result.stdout.count("# a1\n") == 2 and result.stdout.count("# b\n") == 1
    assert result.stderr == (
        f"synopsis: {corpus}:3: warning: duplicate id 'a1' (also line 1); summarized again, as given"
        " (batch keeps only the first)\n"
    )


def test_a_dotted_text_field_no_record_has_names_the_file_and_the_fields(tmp_path: Path) -> None:
    """Was: "synopsis: none of the 1 record read has a 'content.body' field: ..." with no file, and
    nothing saying that a nested field is not read."""
    corpus = tmp_path / "nested.jsonl"
    corpus.write_text(json.dumps({"id": "n1", "title": "T", "content": {"body": BODY}}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(corpus), "--text-field", "content.body"])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"synopsis: {corpus}: none of the 1 record read has a 'content.body' field (nested fields are not read:"
        " the text must be a top-level field; the first record's fields are 'id', 'title', 'content'):"
        " set the text field with --text-field (now content.body)\n"
    )
