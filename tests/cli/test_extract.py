"""`synopsis extract` and `synopsis summarize` on PDFs, as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from pdfgen import BOLD, Page, build, wrap
from synopsis.cli import app

runner = CliRunner()
TITLE = "Extraction From The Command Line"
ABSTRACT = "This abstract says what the paper does. It is found from its label and kept out of the body."
BODY = (
    "The body of the paper explains how a user extracts text from a PDF file. It has several sentences so "
    "that a summary can be chosen from them. The command prints the extracted text exactly, so that the "
    "offsets of a summary point into it. A record can be written for a dataset of papers. The last sentence "
    "of the body ends the paragraph here."
)


def paper(path: Path, title: str = TITLE) -> Path:
    page = Page()
    page.text(72, 60, title, font=BOLD, size=18)
    page.text(72, 100, "Abstract", font=BOLD, size=11)
    y = page.block(72, 116, wrap(ABSTRACT, 450))
    page.text(72, y + 20, "1 Introduction", font=BOLD, size=12)
    page.block(72, y + 40, wrap(BODY, 450))
    path.write_bytes(build([page]))
    return path


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args))


def test_extract_text_is_what_summary_spans_point_into(tmp_path: Path) -> None:
    pdf = paper(tmp_path / "paper.pdf")
    extracted = run("extract", str(pdf))
    assert extracted.exit_code == 0, extracted.output
    text = extracted.stdout
    assert text.startswith(f"{TITLE}\n\nAbstract\n\n{ABSTRACT}\n\n1 Introduction\n\n")
    summary = run("summarize", str(pdf), "--output", "json", "--sentences", "2")
    assert summary.exit_code == 0, summary.output
    sentences = json.loads(summary.stdout)["sentences"]
    assert len(sentences) == 2
    for sentence in sentences:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
        assert sentence["text"] in BODY


def test_extract_json(tmp_path: Path) -> None:
    result = run("extract", str(paper(tmp_path / "paper.pdf")), "--output", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["title"] == TITLE and data["abstract"] == ABSTRACT and data["pages"] == 1
    assert data["format"] == "pdf" and data["id"] == "paper"
    assert [h["text"] for h in data["headings"]] == ["1 Introduction"]
    start, end = data["body"]["start"], data["body"]["end"]
    assert data["text"][start:end].strip() == f"1 Introduction\n\n{BODY}"
    assert data["removed"] == {} or isinstance(data["removed"], dict)


def test_extract_record_is_the_dataset_format(tmp_path: Path) -> None:
    result = run("extract", str(paper(tmp_path / "paper.pdf")), "--output", "record")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"ABSTRACT: \n{ABSTRACT} \n \nPREDICTION: \n \n \nFULL TEXT: \n1 Introduction\n\n{BODY}\n"


def test_summarize_record_output_for_a_pdf(tmp_path: Path) -> None:
    result = run("summarize", str(paper(tmp_path / "paper.pdf")), "--output", "record", "--sentences", "1")
    assert result.exit_code == 0, result.output
    abstract, rest = result.stdout.split("\nPREDICTION: \n")
    assert abstract == f"ABSTRACT: \n{ABSTRACT} \n "
    prediction, full_text = rest.split("\nFULL TEXT: \n")
    assert prediction.strip() and prediction.strip() in BODY
    assert full_text.strip() == f"1 Introduction\n\n{BODY}"


def test_a_folder_of_pdfs_to_records(tmp_path: Path) -> None:
    first = paper(tmp_path / "first.pdf")
    second = paper(tmp_path / "second.pdf", title="Another Paper On Extraction Methods")
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"<html>not a pdf</html>")
    out = tmp_path / "records"
    result = run("extract", str(first), str(broken), str(second), "--output", "record", "--out-dir", str(out))
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["first.txt", "second.txt"]
    assert (out / "second.txt").read_text(encoding="utf-8").startswith(f"ABSTRACT: \n{ABSTRACT} \n")
    errors = result.stderr.strip().splitlines()
    assert errors == [
        f"synopsis: {broken}: is not a PDF: it is an HTML page (a download that returned a web page instead of the PDF?)"
    ]


def test_record_output_of_several_inputs_needs_a_folder(tmp_path: Path) -> None:
    pdf = paper(tmp_path / "paper.pdf")
    result = run("extract", str(pdf), str(pdf), "--output", "record")
    assert result.exit_code == 2 and "--out-dir" in result.stderr


def test_pdf_limits_from_the_command_line(tmp_path: Path) -> None:
    pdf = paper(tmp_path / "paper.pdf")
    result = run("summarize", str(pdf), "--max-pdf-mb", "0.000001")
    assert result.exit_code == 1 and "is 2,052 bytes, over the 1-byte limit for one PDF" in result.stderr
    result = run("extract", str(pdf), "--max-pages", "0")
    assert result.exit_code == 2 and "--max-pages must be a whole number of at least 1, got 0" in result.stderr


@pytest.mark.slow
def test_console_script_reports_a_bad_pdf_without_traceback(tmp_path: Path) -> None:
    truncated = tmp_path / "cut.pdf"
    truncated.write_bytes(paper(tmp_path / "whole.pdf").read_bytes()[:900])
    done = subprocess.run(
        [sys.executable, "-m", "synopsis", "summarize", str(truncated)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 1
    expected = f"synopsis: {truncated}: is damaged or truncated (no %%EOF at the end; was the download cut off?)"
    assert done.stderr.strip() == expected
    assert "Traceback" not in done.stderr


def test_pdf_on_stdin(tmp_path: Path) -> None:
    data = paper(tmp_path / "paper.pdf").read_bytes()
    result = runner.invoke(app, ["extract", "-", "--output", "json"], input=data)
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert found["title"] == TITLE and found["id"] == "stdin" and found["input"] == "<stdin>"


def test_extract_json_says_the_language_warning_a_summary_would(tmp_path: Path) -> None:
    path = tmp_path / "uk.txt"
    path.write_text(
        "Це дослідження показує, що метод працює добре. Ми провели експерименти на трьох наборах даних "
        "і отримали добрі результати. У цій статті ми описуємо новий підхід до аналізу текстів, який був "
        "розроблений у нашій лабораторії. Результати показують, що він кращий за наявні методи.\n",
        encoding="utf-8",
    )
    shown = json.loads(CliRunner().invoke(app, ["extract", str(path), "-o", "json"]).stdout)
    assert shown["language"] == "uk"
    assert shown["warning"].startswith("the language is uk (Ukrainian), which is not supported")
    english = tmp_path / "en.txt"
    english.write_text("The study works well. We ran it on three data sets and it held up in each of them.\n", encoding="utf-8")
    assert "warning" not in json.loads(CliRunner().invoke(app, ["extract", str(english), "-o", "json"]).stdout)


def test_extract_takes_the_options_its_refusals_name(tmp_path: Path, example_path: Path) -> None:
    """Was: extract said "(raise it with --max-bytes)" and "name its encoding with --encoding", and then
    had neither option (nor the JSONL field names)."""
    latin = tmp_path / "cp.txt"
    latin.write_bytes("Café study works well. We ran it on three data sets and it held up in each.\n".encode("cp1252"))
    refused = CliRunner().invoke(app, ["extract", str(latin)])
    assert refused.exit_code == 1 and "--encoding" in refused.stderr
    assert CliRunner().invoke(app, ["extract", str(latin), "--encoding", "cp1252"]).stdout.startswith("Café study")
    small = CliRunner().invoke(app, ["extract", str(example_path), "--max-bytes", "1000"])
    assert small.exit_code == 1 and "(raise it with --max-bytes)" in small.stderr
    assert CliRunner().invoke(app, ["extract", str(example_path), "--max-bytes", "100000"]).exit_code == 0
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps({"doi": "10.1/x", "body": "The body text is here. It has two sentences."}) + "\n", encoding="utf-8"
    )
    named = CliRunner().invoke(app, ["extract", str(corpus), "--text-field", "body", "--id-field", "doi", "-o", "json"])
    assert json.loads(named.stdout)["id"] == "10.1/x"
