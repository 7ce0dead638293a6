"""A PDF page whose text was not read (a scanned page) is said where the summary goes: in the JSON
of `summarize`, in a batch row and in an API response, under `warning`, not only on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("pypdfium2")
pytest.importorskip("reportlab")

from batch_helpers import read_rows
from typer.testing import CliRunner

from pdfgen import HEIGHT, WIDTH, Page, build, sentences, wrap
from synopsis.cli import app


def _with_a_scanned_page(path: Path) -> Path:
    pages = []
    for tag in "ABC":
        page = Page()
        page.block(72, 100, wrap(" ".join(sentences(tag, 22)), 450))
        pages.append(page)
    scan = Page()
    scan.images.append((20, 20, WIDTH - 40, HEIGHT - 40))
    path.write_bytes(build([*pages[:2], scan, pages[2]]))
    return path


def test_the_summary_json_and_the_batch_row_carry_the_unread_page(tmp_path: Path) -> None:
    pdf = _with_a_scanned_page(tmp_path / "X.pdf")
    said = f"page 3 of {pdf} has no text layer (scanned?)"
    summary = CliRunner().invoke(app, ["summarize", str(pdf), "-o", "json"])
    assert summary.exit_code == 0, summary.output
    assert said in json.loads(summary.stdout)["warning"]
    out = tmp_path / "out.jsonl"
    batch = CliRunner().invoke(app, ["batch", str(pdf), "-o", str(out), "--no-progress"])
    assert batch.exit_code == 0, batch.output
    [row] = read_rows(out)
    assert said in row["warning"]
