"""`--encoding` in every command that reads text: a wrong one said as the same line by summarize,
batch and evaluate; evaluate has the option its hint names; a UTF-8 BOM that does not read a
JSONL file gives way to it in summarize and batch alike (stop 39)."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synopsis.cli import app

runner = CliRunner()
ENGLISH = " ".join(f"Sentence {i} of the tidal energy study reports one result about the coast." for i in range(40))
ACCENTED = " ".join(f"The café served résumé number {i} of the naïve study of the coast." for i in range(30))
REFUSAL = (
    "is Chinese (zh), written without spaces between words: synopsis counts words by spaces and has no word"
    " segmenter for it (not supported); it was read as utf-16, the encoding named for it: is that the file's encoding?"
)


@pytest.fixture()
def utf8_paper(tmp_path: Path) -> Path:
    path = tmp_path / "paper.txt"
    data = ENGLISH.encode()
    path.write_bytes(data + b" " * (len(data) % 2))  # even: UTF-16 reads it whole, as "Chinese"
    return path


def test_summarize_and_batch_say_a_wrong_encoding_in_one_line(utf8_paper: Path, tmp_path: Path) -> None:
    """Was: "is Chinese (zh) ... (not supported)", without a word of the --encoding utf-16 given."""
    result = runner.invoke(app, ["summarize", str(utf8_paper), "--encoding", "utf-16"])
    assert result.exit_code == 1
    assert result.stderr == f"synopsis: {utf8_paper}: {REFUSAL}\n"
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(utf8_paper), "--encoding", "utf-16", "-o", str(out), "--no-progress"])
    assert result.exit_code == 1
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["error"] == f"{utf8_paper}: {REFUSAL}"


@pytest.mark.parametrize("shape", ["record", "jsonl"])
def test_evaluate_has_the_encoding_option_its_hint_names(tmp_path: Path, shape: str) -> None:
    """Was: "is not valid UTF-8 (byte 0xe9 at offset 10); save it as UTF-8 or name its encoding",
    and evaluate had no way to name one (--encoding was a usage error)."""
    pytest.importorskip("rouge_score_rs")
    abstract = "The café serves coffee about the coast."
    if shape == "record":
        path = tmp_path / "paper.txt"
        path.write_bytes(f"TITLE: Café\n\nABSTRACT:\n{abstract}\n\nFULL TEXT:\n{ACCENTED}\n".encode("cp1252"))
    else:
        path = tmp_path / "corpus.jsonl"
        line = json.dumps({"id": "a", "abstract": abstract, "full_text": ACCENTED}, ensure_ascii=False)
        path.write_bytes((line + "\n").encode("cp1252"))
    result = runner.invoke(app, ["evaluate", str(path), "-m", "lead"])
    assert result.exit_code == 1 and "is not valid UTF-8 (byte 0xe9" in result.stderr
    assert "with --encoding" in result.stderr  # the hint names the option evaluate has
    result = runner.invoke(app, ["evaluate", str(path), "-m", "lead", "--encoding", "cp1252"])
    assert result.exit_code == 0, result.stderr
    assert "failed documents: 0" in result.stdout


def test_evaluate_says_a_wrong_encoding_as_summarize_does(utf8_paper: Path) -> None:
    pytest.importorskip("rouge_score_rs")
    result = runner.invoke(app, ["evaluate", str(utf8_paper), "-m", "lead", "--encoding", "utf-16"])
    assert result.exit_code == 1
    assert result.stderr.endswith(f": {REFUSAL}\n"), result.stderr  # not "has no reference abstract"


def test_evaluate_reads_predictions_in_the_named_encoding(tmp_path: Path) -> None:
    pytest.importorskip("rouge_score_rs")
    data = tmp_path / "corpus.jsonl"
    data.write_bytes((json.dumps({"id": "a", "abstract": "The café serves coffee.", "full_text": ACCENTED}) + "\n").encode())
    predictions = tmp_path / "mine.jsonl"
    predictions.write_bytes(
        (json.dumps({"id": "a", "summary": "The café serves coffee."}, ensure_ascii=False) + "\n").encode("cp1252")
    )
    refused = runner.invoke(app, ["evaluate", str(data), "-p", str(predictions)])
    assert refused.exit_code == 1 and "is not valid UTF-8 (byte 0xe9)" in refused.stderr
    result = runner.invoke(app, ["evaluate", str(data), "-p", str(predictions), "--encoding", "cp1252"])
    assert result.exit_code == 0, result.stderr


def test_a_jsonl_bom_that_does_not_decode_gives_way_to_encoding_in_summarize_and_batch(tmp_path: Path) -> None:
    """Was: an error for each line, "is not valid UTF-8 ... (name the file's encoding with
    --encoding)", where the same bytes as a text file were read in the named encoding."""
    path = tmp_path / "corpus.jsonl"
    lines = "".join(json.dumps({"id": n, "full_text": ACCENTED}, ensure_ascii=False) + "\n" for n in "ab")
    path.write_bytes(codecs.BOM_UTF8 + lines.encode("cp1252"))
    result = runner.invoke(app, ["summarize", str(path), "--encoding", "cp1252", "--sentences", "1"])
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("The café served résumé") == 2
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["batch", str(path), "--encoding", "cp1252", "--sentences", "1", "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["a", "b"] and all("error" not in row for row in rows)


def test_evaluate_reads_utf8_predictions_as_utf8_when_the_data_is_in_a_named_encoding(tmp_path: Path) -> None:
    """`summarize --encoding cp1252` writes its predictions in UTF-8; `evaluate --encoding cp1252`
    read them in cp1252 ("Größe" as "GrÃ¶ÃŸe") and scored them at half their ROUGE without a word."""
    pytest.importorskip("rouge_score_rs")
    text = "Die Größe der Städte wächst schnell. Über die Straßen fahren viele Wagen."
    data = tmp_path / "corpus.jsonl"
    record = {"id": "a", "abstract": "Die Größe der Städte wächst schnell.", "full_text": text}
    data.write_bytes((json.dumps(record, ensure_ascii=False) + "\n").encode("cp1252"))
    predictions = tmp_path / "mine.jsonl"
    predictions.write_text(
        json.dumps({"id": "a", "summary": "Die Größe der Städte wächst schnell."}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["evaluate", str(data), "-p", str(predictions), "--encoding", "cp1252", "--json", str(report)])
    assert result.exit_code == 0, result.stderr
    mine = json.loads(report.read_text(encoding="utf-8"))["overall"]["mine"]
    assert mine["rouge1"]["f1"]["mean"] == 1.0  # the prediction is the abstract, word for word
