"""Batch rows say which language each document was read in; --lang sets it for all."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from synopsis.cli import app

LANG = Path(__file__).parent.parent / "data" / "lang"


def test_rows_carry_the_language(tmp_path: Path) -> None:
    corpus = tmp_path / "mixed.jsonl"
    rows = [
        {"id": code, "full_text": (LANG / f"{code}.txt").read_text(encoding="utf-8")} for code in ("de", "fr", "es", "pt", "ru")
    ]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(corpus), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    written = {row["id"]: row for row in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert {k: v["language"] for k, v in written.items()} == {"de": "de", "fr": "fr", "es": "es", "pt": "pt", "ru": "ru"}
    assert "not supported" in written["ru"]["warning"] and "warning" not in written["de"]
    forced = tmp_path / "forced.jsonl"
    result = CliRunner().invoke(app, ["batch", str(corpus), "-o", str(forced), "--no-progress", "--lang", "de"])
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["language"] for line in forced.read_text(encoding="utf-8").splitlines()} == {"de"}
