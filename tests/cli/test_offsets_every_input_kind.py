"""Provenance through the CLI: for every input kind, each summary sentence's `start`/`end` (JSON
output) slices the input as decoded (README, "Inputs and outputs": character offsets, BOM
excluded; into the file for text and records, into `full_text` for JSONL and JSON) to that
sentence, up to the documented cleaning (composed to NFC, whitespace and line-break hyphens,
<cit>). benchmarks/check_offsets.py runs the same check over dev articles and PDFs.

Also: the record output's refusal of a corpus names what it accepts (PDFs too)."""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synopsis.cli import app

runner = CliRunner()
_SPACE = re.compile(r"\s+")


def _norm(text: str) -> str:
    text = re.sub(r"\s*<cit>", "", unicodedata.normalize("NFC", text))
    return _SPACE.sub(" ", text.translate(dict.fromkeys(map(ord, "\u00ad\u200b"), None))).strip()


def _variants(body: str, abstract: str) -> dict[str, tuple[bytes, str]]:
    """file name -> (its bytes, the decoded text the offsets point into)."""
    record = f"ABSTRACT: \n{abstract} \n \nPREDICTION: \n \n \nFULL TEXT: \n{body}\n"
    row = {"id": "x", "full_text": body}
    texts = {
        "lf.txt": body,
        "crlf.txt": body.replace("\n", "\r\n"),
        "cr.txt": body.replace("\n", "\r"),
        "record.txt": record,
        "record_crlf.txt": record.replace("\n", "\r\n"),
        "nfd.txt": unicodedata.normalize("NFD", body.replace("e", "é")),
        "astral.txt": body.replace(". ", ". \U0001f600 ", 10).replace("\n", "\r\n"),
        "tabs_ff.txt": body.replace("\n", "\n\f", 5).replace(" ", "\t", 50),
        "soft_hyphen.txt": re.sub(r"(\w{4})(\w{4,})", "\\1\u00ad\\2", body, count=80),
        "zwsp.txt": body.replace(", ", ",\u200b ", 30),
    }
    made = {name: (text.encode("utf-8"), text) for name, text in texts.items()}
    made["bom.txt"] = (b"\xef\xbb\xbf" + body.encode("utf-8"), body)
    made["utf16.txt"] = (body.encode("utf-16"), body)
    made["gz.txt.gz"] = (gzip.compress(body.encode("utf-8")), body)
    made["rows.jsonl"] = ((json.dumps(row) + "\n").encode("utf-8"), body)
    made["array.json"] = (json.dumps([row], ensure_ascii=False).encode("utf-8"), body)
    return made


def test_every_sentences_offsets_slice_the_input_it_came_from(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    record = dev_sample[2]  # a sumpubmed article: <cit> placeholders
    body = record["full_text"][:6000]
    made = _variants(body, record["abstract"])
    originals = {}
    for name, (data, text) in made.items():
        (tmp_path / name).write_bytes(data)
        originals[str(tmp_path / name)] = text
    result = runner.invoke(app, ["summarize", *originals, "-o", "json", "-s", "6"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    piped = runner.invoke(app, ["summarize", "-", "-o", "json", "-s", "6"], input=made["crlf.txt"][0])
    rows.append({**json.loads(piped.stdout), "input": "<stdin>"})
    originals["<stdin>"] = made["crlf.txt"][1]
    assert len(rows) == len(originals)
    for row in rows:
        text = originals[row["input"]]
        assert len(row["sentences"]) == 6
        for sentence in row["sentences"]:
            piece = text[sentence["start"] : sentence["end"]]
            assert _norm(piece) == _norm(sentence["text"]), (row["input"], piece, sentence["text"])


@pytest.mark.parametrize("name", ["corpus.json", "corpus.jsonl"])
def test_record_output_of_a_corpus_names_every_input_it_takes(tmp_path: Path, name: str) -> None:
    """Was: a .json input was said to be "not jsonl", and a PDF, which the record output takes,
    was left out of "needs a record or a plain-text input"."""
    corpus = tmp_path / name
    rows = [{"id": "a", "full_text": "Mentors met their mentees every week. The study found fewer arrests."}]
    corpus.write_text(json.dumps(rows) if name.endswith(".json") else json.dumps(rows[0]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["summarize", str(corpus), "-o", "record"])
    assert result.exit_code == 1
    assert result.stderr == (
        f"synopsis: {corpus}: the record output needs a record, a plain-text or a PDF input, not a corpus (JSONL or JSON);"
        " nothing of it was summarized (-o json or -o text can)\n"
    )
