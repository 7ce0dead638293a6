"""What `summarize` prints for a human (the default text output) never drives the terminal: a C1
control (U+009B is CSI, as ESC [ is), DEL or a bidirectional override left in a sentence by
cleaning is written as its escape, as an id is; the JSON output keeps the text as it is."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from synopsis.cli import app

runner = CliRunner()
SENTENCES = (
    "The study measured the effect of sleep on memory in forty adults over two weeks.",
    "Participants who slept eight hours recalled \x9b2Jmore words\x7f than those who slept five hours.",
    "A file named \u202egnp.exe and a path C:\\data were found in the sleep group logs.",
    "These results suggest that sleep supports the consolidation of verbal memory in adults.",
)


def test_controls_in_a_sentence_are_escaped_in_text_output_and_kept_in_json(tmp_path: Path) -> None:
    path = tmp_path / "controls.txt"
    text = " ".join(SENTENCES) + "\n"
    path.write_text(text, encoding="utf-8")
    printed = runner.invoke(app, ["summarize", str(path), "--method", "lead", "-s", "4"])
    assert printed.exit_code == 0, printed.output
    assert printed.stdout.splitlines() == [
        SENTENCES[0],
        "Participants who slept eight hours recalled \\u009b2Jmore words\\u007f than those who slept five hours.",
        "A file named \\u202egnp.exe and a path C:\\\\data were found in the sleep group logs.",  # "\\" doubled: unambiguous
        SENTENCES[3],
    ]
    as_json = runner.invoke(app, ["summarize", str(path), "--method", "lead", "-s", "4", "-o", "json"])
    sentences = json.loads(as_json.stdout)["sentences"]
    assert [s["text"] for s in sentences] == list(SENTENCES)
    assert [text[s["start"] : s["end"]] for s in sentences] == list(SENTENCES)


def test_a_plain_sentence_with_a_backslash_prints_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("We wrote the path as C:\\data in every log. The logs were kept for a year.\n", encoding="utf-8")
    printed = runner.invoke(app, ["summarize", str(path), "--method", "lead", "-s", "2"])
    assert printed.stdout == "We wrote the path as C:\\data in every log.\nThe logs were kept for a year.\n"


def test_marks_of_a_right_to_left_run_print_as_they_are(tmp_path: Path) -> None:
    """A review: the embeddings and isolates a word processor puts around an Arabic or Hebrew name
    (U+202B ... U+202C, U+2067 ... U+2069) were escaped, with every backslash of the sentence; a
    line's end closes them, so they are text. An override (U+202E) is still escaped."""
    sentences = (
        "The revenue of \u202bشركة النفط\u202c grew in every year of the study period.",
        "Users named \u2067שלום\u2069 and a path C:\\data were found in the logs.",
    )
    path = tmp_path / "rtl.txt"
    path.write_text(" ".join(sentences) + "\n", encoding="utf-8")
    printed = runner.invoke(app, ["summarize", str(path), "--method", "lead", "-s", "2"])
    assert printed.exit_code == 0, printed.output
    assert printed.stdout.splitlines() == list(sentences)


def test_evaluate_lists_a_document_whose_id_holds_escapes_without_driving_the_terminal(tmp_path: Path) -> None:
    """Was: `synopsis evaluate` printed a not-evaluated (or failed) document's id raw, so an id
    holding ESC [2J cleared the user's terminal."""
    body = " ".join(SENTENCES[:1] + SENTENCES[3:])
    path = tmp_path / "refs.jsonl"
    rows = [
        {"id": "red\x1b[31m\x1b[2J", "abstract": "", "full_text": body},
        {"id": "ok", "abstract": "Sleep helps memory.", "full_text": body},
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(path), "-m", "lead", "--resamples", "100"])
    assert "  red\\u001b[31m\\u001b[2J: has no reference abstract to score against" in result.stdout.splitlines()
    assert "\x1b" not in result.stdout
