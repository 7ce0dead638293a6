"""The command line as a user runs it: outputs, stdin, and one clear line per bad input."""

from __future__ import annotations

import codecs
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synopsis.cli import app

runner = CliRunner()


def run(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


def test_text_output(example_path: Path) -> None:
    result = run("summarize", str(example_path))
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert 4 <= len(lines) <= 14
    assert sum(len(line.split()) for line in lines) <= 200


def test_json_spans_slice_the_original(example_path: Path, example_text: str) -> None:
    result = run("summarize", str(example_path), "--output", "json", "--method", "textrank", "--words", "120")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["method"] == "textrank" and data["budget"] == {"words": 120, "sentences": None}
    assert data["sentences"] and data["words"] <= 120
    for sentence in data["sentences"]:
        assert example_text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert isinstance(sentence["score"], float) and isinstance(sentence["index"], int)


def test_scores_output_ranks_every_sentence_and_holds_the_json_summary(example_path: Path, example_text: str) -> None:
    """-o scores: the full ranking users of sentence rankers ask for (every sentence's span, candidacy
    and score), with the summary `-o json` gives, in the shape the server returns."""
    from synopsis.ingest import article_from_text
    from synopsis.pipeline import run

    shown = json.loads(runner.invoke(app, ["summarize", str(example_path), "-o", "scores"]).stdout)
    assert shown["summary"] == json.loads(runner.invoke(app, ["summarize", str(example_path), "-o", "json"]).stdout)
    result = run(article_from_text(example_text))
    sentences = shown["document"]["sentences"]
    assert [(s["index"], s["start"], s["end"], s["candidate"]) for s in sentences] == [
        (s.index, s.start, s.end, s.candidate) for s in result.document.sentences
    ]
    assert all(example_text[s["start"] : s["end"]].split()[0] in s["text"] for s in sentences)
    scores = {s["index"]: s["score"] for s in sentences}
    assert [scores[s["index"]] for s in shown["summary"]["sentences"]] == [s["score"] for s in shown["summary"]["sentences"]]


def test_scores_output_says_why_a_sentence_is_no_candidate(tmp_path: Path) -> None:
    """-o scores showed `"candidate": false` and never why: a caption, a fragment, a copy of the
    abstract and a lower-case tail looked alike. Now each carries its rule's name (docs/methods.md)."""
    record = tmp_path / "paper.txt"
    record.write_text(
        "ABSTRACT: \nWe show that a simple length model aligns the sentences of parallel corpora in linear time. \n \n"
        "PREDICTION: \n \n \nFULL TEXT: \nIntroduction\n"
        "We align the sentences of a parallel corpus with a simple length model. Each of the corpora holds a million words. "
        "It works well. Figure 2: Accuracy of the aligner on both corpora by sentence length. "
        "pairs sentences that are translations of one another in both of the languages. "
        "We show that a simple length model aligns the sentences of parallel corpora in linear time. "
        "Our model reads both sides of the corpus at once.\n",
        encoding="utf-8",
    )
    result = run("summarize", str(record), "-o", "scores")
    assert result.exit_code == 0, result.output
    sentences = json.loads(result.stdout)["document"]["sentences"]
    assert [(s["text"].split()[0], s["candidate"], s["not_candidate"]) for s in sentences] == [
        ("We", True, None),
        ("Each", True, None),
        ("It", False, "too_short"),
        ("Figure", False, "caption"),
        ("pairs", False, "lower_case_fragment"),
        ("We", False, "copies_abstract"),
        ("Our", True, None),
    ]


def test_record_output_changes_only_prediction(example_path: Path) -> None:
    raw = example_path.read_bytes()
    result = run("summarize", str(example_path), "--output", "record")
    assert result.exit_code == 0
    out = result.stdout_bytes
    head, tail = raw.split(b"PREDICTION: \n", 1)
    old_prediction, rest = tail.split(b" \n \nFULL TEXT:", 1)
    assert out.startswith(head + b"PREDICTION: \n")
    assert out.endswith(b" \n \nFULL TEXT:" + rest)
    new_prediction = out[len(head) + len(b"PREDICTION: \n") : -len(b" \n \nFULL TEXT:" + rest)]
    assert new_prediction != old_prediction and b"@" not in new_prediction and b"Keywords" not in new_prediction


def test_record_with_bom_and_crlf_round_trips(tmp_path: Path) -> None:
    body = "Introduction\r\n" + "Mentoring schemes are common in criminal justice systems today. " * 3 + "\r\n"
    record = f"ABSTRACT: \r\nAbs. \r\n \r\nFULL TEXT: \r\n{body}"
    path = tmp_path / "r.txt"
    path.write_bytes(codecs.BOM_UTF8 + record.encode())
    result = run("summarize", str(path), "--output", "record")
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes.startswith(codecs.BOM_UTF8 + b"ABSTRACT: \r\nAbs. \r\n \r\nPREDICTION: \r\n")
    assert result.stdout_bytes.endswith(f"FULL TEXT: \r\n{body}".encode())


def test_stdin(example_text: str) -> None:
    result = run("summarize", "-", "--sentences", "2", input=example_text)
    assert result.exit_code == 0, result.output
    assert len(result.stdout.strip().splitlines()) == 2


def test_jsonl_continues_after_a_bad_line(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    path = tmp_path / "c.jsonl"
    lines = [json.dumps(dev_sample[0]), "{broken", json.dumps({"id": "no-text"}), json.dumps(dev_sample[1])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("summarize", str(path), "--output", "json")
    assert result.exit_code == 1
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == [dev_sample[0]["id"], dev_sample[1]["id"]]
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"synopsis: {path}:2: is not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        f"synopsis: skipped 1 record without a 'full_text' field (set the text field with --text-field (now full_text)):"
        f" {path}:3",
    ]


@pytest.mark.parametrize(
    "content, message",
    [
        (b"", "is empty"),
        (b"  \n \n", "contains no text (only whitespace)"),
        (b"\x00\x01\x02\x03binary", "looks like binary data"),
        (b"caf\xe9", "is not valid UTF-8"),
        (b"ABSTRACT: \nOnly this.\n", "record has no FULL TEXT section"),
    ],
)
def test_bad_inputs_give_one_clear_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("summarize", str(path))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"synopsis: {path}: ") and message in lines[0]


def test_missing_file_and_directory(tmp_path: Path) -> None:
    result = run("summarize", str(tmp_path / "missing.txt"), str(tmp_path))
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"synopsis: {tmp_path / 'missing.txt'}: no such file",
        f"synopsis: {tmp_path}: is a directory, not a file (give the files inside it, e.g. DIR/*.txt)",
    ]


def test_usage_errors(example_path: Path) -> None:
    assert "unknown method 'nope'" in run("summarize", str(example_path), "--method", "nope").stderr
    assert run("summarize", str(example_path), "--words", "0").exit_code == 2
    assert "unknown output" in run("summarize", str(example_path), "--output", "xml").stderr


def test_methods_lists_the_registry() -> None:
    result = run("methods")
    assert result.exit_code == 0
    for name in ("lead", "centroid", "textrank"):
        assert name in result.stdout
    assert "(default)" in result.stdout


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    """The installed entry point, in a real process: errors never show a traceback."""
    missing = tmp_path / "missing.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "synopsis", "summarize", str(missing)], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 1
    assert proc.stderr == f"synopsis: {missing}: no such file\n"
