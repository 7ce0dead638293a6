"""The Python snippets of the README (and of docs/pdf.md) run as a new user would run them: in a
folder with the files they name, including a JSONL corpus with a bad line (the README's
"pipeline" snippet used to crash on it: 'InputError' object has no attribute 'body')."""

from __future__ import annotations

import contextlib
import io
import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def python_blocks(path: Path) -> list[str]:
    return _BLOCK.findall(path.read_text(encoding="utf-8"))


def _run(code: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(folder)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<snippet>", "exec"), {"__name__": "__snippet__"})
    return out.getvalue()


def test_the_readme_snippets_run_on_real_files_and_a_bad_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_text: str, dev_sample: list[dict[str, str]]
) -> None:
    blocks = python_blocks(ROOT / "README.md")
    assert blocks, "the README has no Python snippet any more; update this test"
    (tmp_path / "paper.txt").write_text(example_text, encoding="utf-8")
    lines = [json.dumps(dev_sample[0]), "{not json", json.dumps(dev_sample[2])]
    (tmp_path / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    printed = "".join(_run(block, tmp_path, monkeypatch) for block in blocks)
    assert "corpus.jsonl:2: is not valid JSON" in printed
    assert "This article use the three pilot projects as case studies" in printed  # paper.txt's summary


def test_the_pdf_doc_snippet_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pypdfium2")
    pytest.importorskip("reportlab")
    from pdfgen import BOLD, Page, build, wrap

    page = Page()
    page.text(72, 60, "A Paper For The Documentation", font=BOLD, size=16)
    page.text(72, 100, "1 Introduction", font=BOLD, size=12)
    page.block(72, 120, wrap("The documentation shows how a PDF is read and summarized. " * 12, 450))
    (tmp_path / "paper.pdf").write_bytes(build([page]))
    [block] = python_blocks(ROOT / "docs" / "pdf.md")
    code = block + "\nprint(summary.text)\nprint(found.title)\n"
    printed = _run(code, tmp_path, monkeypatch)
    assert "The documentation shows how a PDF is read and summarized." in printed
    assert "A Paper For The Documentation" in printed


def test_the_readme_names_exactly_the_supported_languages() -> None:
    """The README's code list, the "anything but ..." list and the sample warning line all name what
    `synopsis.language.supported_codes()` supports: a fifteenth language added to the code but not
    to the README would leave a user thinking it unsupported (or the other way round)."""
    from synopsis.language import supported_codes

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    codes = list(supported_codes())
    languages = readme.split("## Languages", 1)[1].split("\n## ", 1)[0]
    listed = re.search(r"\(`([a-z ]+)`\)", languages)
    assert listed is not None, "the Languages section lost its (`ca da ...`) code list"
    assert listed.group(1).split() == codes
    comma_lists = re.findall(r"(?:anything but|supported:) ([a-z]{2}(?:, [a-z]{2})+)", " ".join(readme.split()))
    assert len(comma_lists) >= 2
    for found in comma_lists:
        assert found.split(", ") == codes


def test_the_readme_test_command_is_what_ci_runs() -> None:
    """The README's second command is the one `.ci/run` runs for the tests, so a user who follows it
    runs what CI runs."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first_block = re.search(r"```bash\n(.*?)```", readme, re.DOTALL)
    assert first_block is not None
    commands = [line for line in first_block.group(1).splitlines() if line and not line.startswith("#")]
    assert len(commands) == 2
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert commands[1] in ci
