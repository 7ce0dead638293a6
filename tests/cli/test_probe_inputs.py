"""Inputs a demanding judge tried through every front end (stop 34): each is either summarized the
same way by the library, `summarize`, `batch` and the server, or refused in the same one line
naming the file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import synopsis
from synopsis.cli import app
from synopsis.ingest.decode import check_markup

runner = CliRunner()
BODY = (
    "Coastal erosion threatens many communities along the shore. Sediment transport is driven by waves and tides. "
    "Previous work focused on waves alone, neglecting the tidal component entirely. "
    "We show that the tidal term dominates in macrotidal settings over the whole year."
)
LATEX = (
    "%% arXiv source\n\\pdfoutput=1\n\\documentclass[11pt]{article}\n\\usepackage{amsmath}\n"
    "\\title{Tidal forcing of coastal sediment transport}\n\\begin{document}\n\\maketitle\n"
    "\\section{Introduction}\n" + BODY + " \\cite{smith2010}\n\n\\section{Results}\n" + BODY + "\n\\end{document}\n"
)
LATEX_LINE = (
    "is LaTeX source, not plain text: synopsis does not read markup; summarize its PDF, or convert it to text first"
    " (e.g. pandoc -t plain)"
)


def test_a_latex_source_file_is_one_line_everywhere(tmp_path: Path) -> None:
    """Was: a .tex file was summarized with exit status 0, its preamble ("\\documentclass[11pt]{article}
    \\usepackage{amsmath} \\title{...} \\begin{document} ...") the summary's first sentence."""
    path = tmp_path / "paper.tex"
    path.write_text(LATEX, encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(path), "-w", "60"])
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", f"synopsis: {path}: {LATEX_LINE}\n")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(path), "-o", str(out), "-w", "60", "--no-progress"])
    assert result.exit_code == 1
    assert [json.loads(line)["error"] for line in out.read_text(encoding="utf-8").splitlines()] == [f"{path}: {LATEX_LINE}"]
    with pytest.raises(synopsis.InputError, match="<text>: is LaTeX source"):
        synopsis.summarize(LATEX)


def test_a_paper_about_latex_that_quotes_a_preamble_is_read() -> None:
    """Prose that opens with its title and quotes a `\\documentclass` line later is a paper."""
    text = "How authors use LaTeX\n\nA document starts with one line:\n\\documentclass{article}\n\n" + BODY
    check_markup(text, source="p.txt")
    assert synopsis.summarize(text, words=40).sentences


def test_an_error_naming_a_file_with_a_line_break_in_its_name_stays_one_line(tmp_path: Path) -> None:
    """Was: "synopsis: .../bad" and "name.txt: is empty" on two lines of stderr, the second without
    the prefix a log reader looks for."""
    bad = tmp_path / "bad\nname.txt"
    bad.write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text("Introduction\n\n" + BODY, encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(bad), str(good), "-w", "40"])
    assert result.exit_code == 1
    assert result.stderr == f"synopsis: {tmp_path}/bad\\nname.txt: is empty\n"
    assert "Sediment" in result.stdout


def test_batch_given_stdin_says_it_reads_files(tmp_path: Path) -> None:
    """Was: "synopsis: -: no such file or folder" for `cat corpus.jsonl | synopsis batch - -o OUT`."""
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", "-", "-o", str(out)], input='{"id": "a", "full_text": "A text."}\n')
    assert result.exit_code == 2 and not out.exists()
    assert result.stderr.startswith("synopsis: batch reads files, not stdin (-): a run resumes by reading its inputs again")


@pytest.mark.parametrize(
    ("encoding", "why"),
    [("cp1525", "is not a known encoding"), ("rot13", "is not a text encoding")],
)
@pytest.mark.parametrize("command", ["summarize", "extract", "batch"])
def test_a_misspelt_encoding_is_a_usage_error_before_any_input_is_read(
    tmp_path: Path, command: str, encoding: str, why: str
) -> None:
    """Was: "unknown encoding 'cp1525'" once per input, exit status 1; in batch an error row per
    document, which a re-run then skipped as done."""
    paths = []
    for name in ("a", "b"):
        path = tmp_path / f"{name}.txt"
        path.write_text("Introduction\n\n" + BODY, encoding="utf-8")
        paths.append(str(path))
    out = tmp_path / "out.jsonl"
    extra = ["-o", str(out), "--no-progress"] if command == "batch" else []
    result = runner.invoke(app, [command, *paths, "--encoding", encoding, *extra])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"synopsis: --encoding {encoding!r} {why} (e.g. utf-8, cp1252, latin-1, shift_jis)\n"
    assert not out.exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a device that is always full)")
@pytest.mark.parametrize("command", [["summarize"], ["summarize", "-o", "json"], ["extract"]])
def test_a_full_disk_is_one_line_not_a_traceback(tmp_path: Path, command: list[str]) -> None:
    """Was: a 40-line traceback ending "OSError: [Errno 28] No space left on device" when stdout
    was a full disk."""
    path = tmp_path / "a.txt"
    path.write_text("Introduction\n\n" + BODY, encoding="utf-8")
    src = str(Path(synopsis.__file__).resolve().parents[1])
    with open("/dev/full", "w", encoding="utf-8") as full:
        done = subprocess.run(
            [sys.executable, "-m", "synopsis", *command, str(path)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONPATH": src},
            check=False,
        )
    assert (done.returncode, done.stderr) == (1, "synopsis: cannot write the output: No space left on device\n")


@pytest.mark.parametrize("command", ["summarize", "batch"])
def test_a_pattern_that_matched_nothing_is_named_as_such(tmp_path: Path, command: str) -> None:
    """Was: "DIR/*.pdf: no such file", which reads as if synopsis looked for a file named "*.pdf"."""
    pattern = tmp_path / "*.pdf"
    extra = ["-o", str(tmp_path / "out.jsonl")] if command == "batch" else []
    result = runner.invoke(app, [command, str(pattern), *extra])
    missing = "no such file or folder" if command == "batch" else "no such file"
    assert result.exit_code == (2 if command == "batch" else 1)
    assert result.stderr == (
        f"synopsis: {pattern}: {missing}: no file matches this pattern (a shell passes a pattern on as it is when"
        " nothing matches it)\n"
    )


@pytest.mark.parametrize("indent", [None, 2], ids=["one-line", "pretty"])
def test_a_json_file_that_wraps_its_articles_in_an_object_says_so(tmp_path: Path, indent: int | None) -> None:
    """Was: "none of the 1 record read has a 'full_text' field: set the text field with --text-field",
    a fix that cannot work: the articles are there, in {"data": [...]}."""
    path = tmp_path / "export.json"
    article = {"id": "a", "full_text": "Introduction\n\n" + BODY}
    path.write_text(json.dumps({"version": 2, "data": [article, {**article, "id": "b"}]}, indent=indent), encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(path)])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"synopsis: {path}:1: is one object that holds its articles in the field 'data' (a list of 2), not an article:"
        " save that list as the file (a JSON array), or its articles as JSONL, one a line\n"
    )
    path.write_text(json.dumps([article]), encoding="utf-8")  # the way out the line names
    assert runner.invoke(app, ["summarize", str(path)]).exit_code == 0


def test_batch_refuses_an_input_corpus_named_as_its_output_and_leaves_it_alone(tmp_path: Path) -> None:
    """Was: "corpus.jsonl holds summaries made with method None and budget None, not reranked ...":
    an article's line starts with {"id": as a summary row does, and was taken for one."""
    corpus = tmp_path / "corpus.jsonl"
    copy = tmp_path / "copy.jsonl"
    text = json.dumps({"id": "a", "full_text": "Introduction\n\n" + BODY}) + "\n"
    corpus.write_text(text, encoding="utf-8")
    copy.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["batch", str(corpus), "-o", str(copy), "--no-progress"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"synopsis: {copy}:1: is not a row written by `synopsis batch`; is -o the right file? (nothing was changed)\n"
    )
    assert copy.read_text(encoding="utf-8") == text


def test_summarize_with_stdin_closed_is_one_line() -> None:
    """Was: a traceback ending "AttributeError: 'NoneType' object has no attribute 'buffer'" for
    `synopsis summarize - <&-` (a review of stop 34)."""
    src = str(Path(synopsis.__file__).resolve().parents[1])
    done = subprocess.run(
        [sys.executable, "-m", "synopsis", "summarize", "-"],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": src},
        preexec_fn=lambda: os.close(0),  # the child starts with stdin closed
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == ("synopsis: <stdin>: stdin is closed: there is nothing to read (give a file, or pipe the text in)\n")
