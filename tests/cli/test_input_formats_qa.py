"""Input-format QA through the commands: one input gives the same sentences (or the same one-line
error, with file:line) through `summarize`, `batch -j 1` and the Python API, and no input gives a
traceback. The unit cases are in tests/ingest/test_input_formats.py."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import synopsis
from synopsis.cli import app

runner = CliRunner()
BODY = (
    "Mentoring programs in prisons were examined across four sites.\tResults showed that mentoring "
    "reduced reoffending by ten percent. Participants reported higher satisfaction with the services. "
    "The authors conclude that more research is needed on long-term outcomes."
)
TEXT = "The mentoring study works. Mentors met their mentees every week for a year."


def summarize_texts(path: Path, *extra: str) -> tuple[int, list[str], str]:
    result = runner.invoke(app, ["summarize", str(path), "--method", "lead", "-s", "2", "--output", "json", *extra])
    texts = [[s["text"] for s in json.loads(line)["sentences"]] for line in result.stdout.splitlines()]
    return result.exit_code, [t for doc in texts for t in doc], result.stderr


def batch_rows(tmp_path: Path, *inputs: Path) -> tuple[int, list[dict[str, object]]]:
    out = tmp_path / "out.jsonl"
    out.unlink(missing_ok=True)
    args = ["batch", *map(str, inputs), "-o", str(out), "--method", "lead", "-s", "2", "-j", "1", "--no-progress"]
    result = runner.invoke(app, args)
    return result.exit_code, [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    "record",
    [
        "abstract:\nThe abstract.\n\nprediction:\nOld summary.\n\nfull text:\n" + BODY,
        "ABSTRACT :\nThe abstract.\n\nPREDICTION :\nOld summary.\n\nFULL  TEXT :\n" + BODY,
        "ABSTRACT: The abstract.\nPREDICTION: Old summary.\nFULL TEXT: " + BODY,
        "ABSTRACT\n:\nThe abstract.\nPREDICTION\n:\nOld summary.\nFULL TEXT\n:\n" + BODY,
    ],
)
def test_a_record_in_another_hand_gives_the_body_sentences_everywhere(tmp_path: Path, record: str) -> None:
    """Was: read as plain text, so the summary began with "full text:" / "FULL TEXT :" or the
    abstract, or (headers with their content on the line) 'has no body text left after cleaning'."""
    path = tmp_path / "record.txt"
    path.write_text(record, encoding="utf-8")
    wanted = [BODY.split("\t")[0], BODY.split("\t")[1].split(". ")[0] + "."]
    code, texts, stderr = summarize_texts(path)
    assert (code, texts, stderr) == (0, wanted, "")
    code, rows = batch_rows(tmp_path, path)
    assert code == 0 and [s["text"] for s in rows[0]["sentences"]] == wanted  # type: ignore[attr-defined]
    assert [s.text for s in synopsis.summarize(record, method="lead", sentences=2).sentences] == wanted


def test_a_full_text_header_quoted_in_the_body_keeps_the_rest_of_the_body(tmp_path: Path) -> None:
    """Was: everything after the quoted "FULL TEXT:" was silently dropped."""
    path = tmp_path / "record.txt"
    opening = "The first paragraph of the article describes the four prison sites in some detail."
    path.write_text(f"ABSTRACT:\nAbs.\n\nFULL TEXT:\n{opening}\nFULL TEXT:\n{BODY}\n", encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(path), "--method", "lead", "-s", "3", "--output", "json"])
    texts = [s["text"] for s in json.loads(result.stdout)["sentences"]]
    assert texts[0] == opening and texts[1].startswith("FULL TEXT: Mentoring programs")


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("crlf", lambda text: text.replace("\n", "\r\n").encode()),
        ("bom-crlf", lambda text: codecs.BOM_UTF8 + text.replace("\n", "\r\n").encode()),
        ("lf-no-final-newline", lambda text: text.encode()),
        ("utf-16", lambda text: text.encode("utf-16")),
    ],
)
def test_record_output_changes_only_the_prediction(tmp_path: Path, name: str, encode: object) -> None:
    record = "ABSTRACT: \nThe abstract.\t(tab) \n \nPREDICTION: \nOld summary. \n \nFULL TEXT: \n" + BODY
    path = tmp_path / f"{name}.txt"
    assert callable(encode)
    path.write_bytes(encode(record))
    proc = subprocess.run(
        [sys.executable, "-m", "synopsis", "summarize", str(path), "--output", "record", "--method", "lead", "-s", "1"],
        capture_output=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    expected = record.replace("Old summary.", BODY.split("\t")[0])
    assert proc.stdout == encode(expected)


def test_a_bare_prediction_header_at_the_end_round_trips(tmp_path: Path) -> None:
    """Was: "PREDICTION:Mentoring ..." glued to its header."""
    path = tmp_path / "r.txt"
    path.write_text("ABSTRACT:\nAbs.\n\nFULL TEXT:\n" + BODY + "\nPREDICTION:", encoding="utf-8")
    first = runner.invoke(app, ["summarize", str(path), "--output", "record", "--method", "lead", "-s", "1"])
    assert first.stdout.endswith("\nPREDICTION:\n" + BODY.split("\t")[0] + "\n")
    path.write_text(first.stdout, encoding="utf-8")
    again = runner.invoke(app, ["summarize", str(path), "--output", "record", "--method", "lead", "-s", "1"])
    assert again.stdout == first.stdout


BAD_LINES = [
    ('{"id": ' + "9" * 5000 + ', "full_text": "T"}', None),  # was a traceback
    ('{"id": "n", "full_text": null}', "field 'full_text' is null, not the article's text"),
    ('{"id": "l", "full_text": ["T"]}', "field 'full_text' is a list, not a string (join its parts into one string)"),
    ('{"id": "t", "title": ["A"], "full_text": "T"}', "field 'title' is a list, not a string"),
    ('{"id": "d", "full_text": "x", "full_text": "T"}', "has the field 'full_text' more than once"),
]


def test_bad_jsonl_fields_are_the_same_line_in_summarize_and_batch_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    lines = [line.replace('"T"', json.dumps(TEXT)) for line, _ in BAD_LINES] + [json.dumps({"id": "ok", "full_text": TEXT})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(path), "--method", "lead", "-s", "1", "--output", "json"])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["9" * 5000, "ok"]
    errors = result.stderr.splitlines()
    wanted = [(number, message) for number, (_, message) in enumerate(BAD_LINES, start=1) if message]
    assert [line.startswith(f"synopsis: {path}:{n}: {m}") for line, (n, m) in zip(errors, wanted, strict=True)] == [True] * 4
    code, rows = batch_rows(tmp_path, path)
    assert code == 1
    batch_errors = [str(row["error"]) for row in rows if "error" in row]
    assert [f"synopsis: {error}" for error in batch_errors] == errors
    assert [row["id"] for row in rows if "error" not in row] == ["9" * 5000, "ok"]


def test_jsonl_on_stdin_with_a_long_first_line_is_read_as_jsonl(tmp_path: Path) -> None:
    """Was: summarized as plain text (the head sniffed for the format ended inside line 1), so the
    summary was raw JSON."""
    first = {"id": "long", "full_text": BODY + " " + "Tides rise every day. " * 4000}
    data = json.dumps(first) + "\n" + json.dumps({"id": "b", "full_text": BODY}) + "\n"
    proc = subprocess.run(
        [sys.executable, "-m", "synopsis", "summarize", "-", "--method", "lead", "-s", "1"],
        input=data,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    lead = BODY.split("\t")[0]
    assert proc.stdout == f"# long\n{lead}\n\n# b\n{lead}\n\n"


def test_a_json_array_is_summarized_as_its_articles_by_summarize(tmp_path: Path) -> None:
    """Was: the array summarized as one plain text: the summary was raw JSON."""
    path = tmp_path / "corpus.json"
    path.write_text(json.dumps([{"id": "a", "full_text": BODY}, {"id": "b", "full_text": BODY}], indent=2), encoding="utf-8")
    code, texts, stderr = summarize_texts(path)
    wanted = [s.text for s in synopsis.summarize(BODY, method="lead", sentences=2).sentences]
    assert (code, stderr, texts) == (0, "", wanted * 2)
    code, rows = batch_rows(tmp_path, path)
    assert code == 0 and [row["id"] for row in rows] == ["a", "b"]


def test_batch_reads_the_jsonl_that_summarize_reads_whole(tmp_path: Path) -> None:
    """Was: a UTF-16 JSONL, a `.jsonl` holding a JSON array, or a Latin-1 JSONL with --encoding gave an
    error row per line in batch while summarize read them (batch's JSONL shards read UTF-8 lines)."""
    records = [{"id": "a", "full_text": BODY}, {"id": "b", "full_text": TEXT}]
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    (tmp_path / "u16.jsonl").write_bytes(codecs.BOM_UTF16_LE + lines.encode("utf-16-le"))
    (tmp_path / "array.jsonl").write_text(json.dumps(records, indent=1), encoding="utf-8")
    for name in ("u16.jsonl", "array.jsonl"):
        code, rows = batch_rows(tmp_path, tmp_path / name)
        assert code == 0 and [row["id"] for row in rows] == ["a", "b"], (name, rows)
        assert [s["text"] for s in rows[0]["sentences"]] == summarize_texts(tmp_path / name)[1][:2]  # type: ignore[index]
    latin = tmp_path / "latin.jsonl"
    latin.write_bytes(json.dumps({"id": "é", "full_text": "Café study. " + TEXT}, ensure_ascii=False).encode("latin-1") + b"\n")
    out = tmp_path / "latin_out.jsonl"
    args = ["batch", str(latin), "-o", str(out), "--method", "lead", "-s", "1", "--encoding", "latin-1", "--no-progress"]
    assert runner.invoke(app, args).exit_code == 0
    assert [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()] == ["é"]


def test_an_error_row_is_named_by_its_line_when_its_id_is_no_id(tmp_path: Path) -> None:
    """Was: an error row named "True" or "['a', 'b']" (Python's repr of the id)."""
    path = tmp_path / "c.jsonl"
    path.write_text('{"id": true, "full_text": null}\n{"id": ["a", "b"], "full_text": 3}\n', encoding="utf-8")
    code, rows = batch_rows(tmp_path, path)
    assert code == 1 and [row["id"] for row in rows] == ["c:1", "c:2"]


def test_an_id_with_a_newline_or_an_escape_stays_one_heading_line(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    ids = ["two\nlines", "red\x1b[31m", "plain"]
    path.write_text("".join(json.dumps({"id": i, "full_text": BODY}) + "\n" for i in ids), encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(path), "--method", "lead", "-s", "1"])
    headings = [line for line in result.stdout.splitlines() if line.startswith("# ")]
    assert headings == ["# two\\nlines", "# red\\u001b[31m", "# plain"]
    assert "\x1b" not in result.stdout
    extracted = runner.invoke(app, ["extract", str(path)])
    assert [line for line in extracted.stdout.splitlines() if line.startswith("# ")] == headings


def test_extract_names_each_article_of_a_jsonl_and_refuses_records_without_a_folder(tmp_path: Path) -> None:
    """Was: one JSONL input printed its articles run together, and `-o record` concatenated records
    that read back as one."""
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": i, "full_text": BODY}) + "\n" for i in ("a", "b")), encoding="utf-8")
    text = runner.invoke(app, ["extract", str(path)]).stdout
    assert text.startswith("# a\n") and "\n# b\n" in text
    refused = runner.invoke(app, ["extract", str(path), "-o", "record"])
    assert refused.exit_code == 2 and refused.stdout == ""
    assert "holds several articles; --output record needs --out-dir" in refused.stderr
    single = tmp_path / "one.jsonl"
    single.write_text(json.dumps({"id": "a", "full_text": BODY}) + "\n", encoding="utf-8")
    assert "FULL TEXT:" in runner.invoke(app, ["extract", str(single), "-o", "record"]).stdout


@pytest.mark.parametrize("name", ["corpus.csv", "corpus.TSV"])
def test_a_csv_corpus_is_one_line_not_one_summary_across_its_articles(tmp_path: Path, name: str) -> None:
    """Was: a CSV of articles (id, full_text, abstract) was read as one plain text, every row in
    it, and `summarize` and `batch` gave one summary picked across the articles, exit status 0."""
    path = tmp_path / name
    sep = "\t" if name.endswith("TSV") else ","
    path.write_text(f"id{sep}full_text\na{sep}{BODY.replace(chr(9), ' ')}\nb{sep}{TEXT}\n", encoding="utf-8")
    wanted = (
        f"synopsis: {path}: is a CSV/TSV table, which synopsis does not read: convert it to JSONL (one"
        " article a line) or Parquet; to summarize the whole file as one text, use --format text\n"
    )
    code, texts, stderr = summarize_texts(path)
    assert (code, texts, stderr) == (1, [], wanted)
    code, rows = batch_rows(tmp_path, path)
    assert code == 1 and [(row["id"], row["error"]) for row in rows] == [(path.stem, wanted.removeprefix("synopsis: ").strip())]
    code, texts, _ = summarize_texts(path, "--format", "text")  # the way out the line names
    assert code == 0 and len(texts) == 2


@pytest.mark.parametrize(
    ("start", "what"),
    [
        ("<!DOCTYPE html>\n<html lang='en'><head><title>A study</title></head><body><p>", "an HTML page"),
        ("<html>\n<body>\n<p>", "an HTML page"),
        ('<?xml version="1.0" encoding="UTF-8"?>\n<article><body><sec><p>', "an XML document (JATS or TEI?)"),
    ],
)
def test_a_markup_document_given_as_text_is_one_line_everywhere(tmp_path: Path, start: str, what: str) -> None:
    """Was: an HTML page or a JATS XML file saved as .txt (or .html, .xml) was summarized as prose,
    its tags kept in the sentences ("<html><head><title>A study</title>..."), exit status 0."""
    text = start + BODY + "</p></body></html>\n"
    path = tmp_path / "paper.txt"
    path.write_text(text, encoding="utf-8")
    line = f"{path}: is {what}, not plain text: synopsis does not read markup; save or extract its text first"
    code, texts, stderr = summarize_texts(path)
    assert (code, texts, stderr) == (1, [], f"synopsis: {line}\n")
    code, rows = batch_rows(tmp_path, path)
    assert code == 1 and [row["error"] for row in rows] == [line]
    with pytest.raises(synopsis.InputError, match=f"<text>: is {what.replace('(', '.').replace(')', '.')}"):
        synopsis.summarize(text)
    prose = tmp_path / "prose.txt"  # a paper that only mentions a tag is prose
    prose.write_text("The <html> element opens a page. " + BODY, encoding="utf-8")
    assert summarize_texts(prose)[0] == 0


@pytest.mark.parametrize("command", ["summarize", "extract", "evaluate", "train"])
def test_stdin_named_twice_is_a_usage_error(command: str, tmp_path: Path) -> None:
    """Was (summarize, extract, evaluate): the first - read it all and the second said
    "<stdin>: is empty", exit 1, after the summary had been printed."""
    args = [command, "-", "-"] + (["-o", str(tmp_path / "m.json")] if command == "train" else [])
    result = runner.invoke(app, args, input=f"Introduction\n\n{TEXT} {BODY}\n")
    assert result.exit_code == 2 and result.stdout == ""
    what = "DATA" if command in ("evaluate", "train") else "INPUT"
    assert result.stderr == f"synopsis: {what} names stdin (-) more than once; it can be read only once\n"


@pytest.mark.parametrize("command", ["summarize", "batch", "evaluate", "train"])
def test_a_symlink_loop_and_a_broken_link_are_named_as_such(command: str, tmp_path: Path) -> None:
    """Was: "no such file" (or "no such file or folder") for a name `ls` lists."""
    loop, broken = tmp_path / "selfy", tmp_path / "gone.txt"
    loop.symlink_to("selfy")
    broken.symlink_to(tmp_path / "missing.txt")
    for path, why in (
        (loop, "is a symbolic link loop (following its links leads back to one of them)"),
        (broken, f"is a broken symbolic link (it points to {str(tmp_path / 'missing.txt')!r}, which does not exist)"),
    ):
        extra = {"batch": ["-o", str(tmp_path / "o.jsonl")], "train": ["-o", str(tmp_path / "m.json")]}.get(command, [])
        result = runner.invoke(app, [command, str(path), *extra])
        assert result.exit_code == (1 if command == "summarize" else 2), result.output
        assert result.stderr == f"synopsis: {path}: {why}\n"
