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
        {"id": code, "full_text": (LANG / f"{code}.txt").read_text(encoding="utf-8")} for code in ("de", "fr", "es", "pt", "uk")
    ]
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", str(corpus), "-o", str(out), "--no-progress"])
    assert result.exit_code == 0, result.output
    written = {row["id"]: row for row in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert {k: v["language"] for k, v in written.items()} == {"de": "de", "fr": "fr", "es": "es", "pt": "pt", "uk": "uk"}
    assert "not supported" in written["uk"]["warning"] and "warning" not in written["de"]
    forced = tmp_path / "forced.jsonl"
    result = CliRunner().invoke(app, ["batch", str(corpus), "-o", str(forced), "--no-progress", "--lang", "de"])
    assert result.exit_code == 0, result.output
    assert {json.loads(line)["language"] for line in forced.read_text(encoding="utf-8").splitlines()} == {"de"}


def _mixed_corpus(tmp_path: Path, english: list[dict[str, str]], *, german_first: bool = True) -> Path:
    """A German article and English ones: `auto` stands for one method in English, another outside."""
    german = {"id": "de1", "full_text": (LANG / "de.txt").read_text(encoding="utf-8")}
    rows = [german, *english] if german_first else [*english, german]
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return corpus


def _batch(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["batch", *args, "--no-progress", "-w", "60"])
    return result.exit_code, result.output


def test_the_same_command_resumes_when_the_first_row_is_not_english(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    corpus = _mixed_corpus(tmp_path, short_articles[:3])
    out = tmp_path / "out.jsonl"
    assert _batch(str(corpus), "-o", str(out))[0] == 0
    written = out.read_bytes()
    code, output = _batch(str(corpus), "-o", str(out))
    assert code == 0, output
    assert "0 done, 4 skipped" in output and out.read_bytes() == written


def test_a_method_that_differs_for_some_language_is_refused(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    """-m supervised matches the German row `auto` made, not the English ones: refused, whatever
    language the first row has."""
    for german_first in (True, False):
        corpus = _mixed_corpus(tmp_path, short_articles[:2], german_first=german_first)
        out = tmp_path / f"out-{german_first}.jsonl"
        assert _batch(str(corpus), "-o", str(out))[0] == 0
        written = out.read_bytes()
        for method in ("supervised", "reranked"):
            code, output = _batch(str(corpus), "-o", str(out), "-m", method)
            assert code == 1 and output.count("\n") == 1, output
            assert "resume with the same options" in output and out.read_bytes() == written


def test_a_resume_with_another_lang_is_refused(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in short_articles[:2]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert _batch(str(corpus), "-o", str(out))[0] == 0
    written = out.read_bytes()
    more = tmp_path / "more.jsonl"
    more.write_text("".join(json.dumps(r) + "\n" for r in short_articles[2:4]), encoding="utf-8")
    code, output = _batch(str(corpus), str(more), "-o", str(out), "--lang", "de")
    assert code == 1 and output.count("\n") == 1, output
    assert "holds summaries of articles read as en, not de; resume with the same --lang" in output
    assert out.read_bytes() == written, "nothing is appended"
    # --lang naming the language the rows were read in resumes: those rows are what it gives.
    code, output = _batch(str(corpus), str(more), "-o", str(out), "--lang", "EN")
    assert code == 0 and "2 done, 2 skipped" in output, output


def test_lang_auto_resumes_a_file_of_several_languages_and_a_forced_one_does_not(
    tmp_path: Path, short_articles: list[dict[str, str]]
) -> None:
    corpus = _mixed_corpus(tmp_path, short_articles[:2])
    out = tmp_path / "out.jsonl"
    assert _batch(str(corpus), "-o", str(out))[0] == 0
    assert _batch(str(corpus), "-o", str(out), "--lang", "auto")[0] == 0
    code, output = _batch(str(corpus), "-o", str(out), "--lang", "de")
    assert code == 1 and "read as en, not de" in output, output
