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


def _commands(block_title: str, text: str) -> list[str]:
    """The `synopsis ...` command lines of the first bash block after `block_title`, comments cut."""
    block = re.search(r"```bash\n(.*?)```", text.split(block_title, 1)[1], re.DOTALL)
    assert block is not None, f"no bash block after {block_title!r}"
    return [line.split("  #", 1)[0].strip() for line in block.group(1).splitlines() if "synopsis " in line]


def test_every_summarize_command_of_the_readme_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, example_text: str, dev_sample: list[dict[str, str]]
) -> None:
    """Each line of "Inputs and outputs" run in a folder holding the files it names, as a new user
    would copy it: `paper.txt --format record` (a plain text forced to be a record) used to end in
    exit status 1 instead of showing how to force a format."""
    import shlex

    from typer.testing import CliRunner

    from synopsis.cli import app

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = _commands("## Inputs and outputs", readme)
    assert len(commands) >= 15, commands
    paper = dev_sample[4]["full_text"]
    (tmp_path / "paper.txt").write_text(paper, encoding="utf-8")
    (tmp_path / "record.txt").write_text(example_text, encoding="utf-8")
    records = [{**r, "body": r["full_text"], "doi": "doi:" + r["id"]} for r in dev_sample[:2]]  # both field names
    (tmp_path / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    (tmp_path / "corpus.json").write_text(json.dumps(records), encoding="utf-8")
    (tmp_path / "model.json").write_bytes((ROOT / "src" / "synopsis" / "data" / "supervised.json").read_bytes())
    monkeypatch.chdir(tmp_path)
    outputs: dict[str, str] = {}
    for command in commands:
        stdin, run = None, command
        if command.startswith("cat "):
            piped, run = (part.strip() for part in command.split("|", 1))
            stdin = (tmp_path / piped.split()[1]).read_bytes()
        args = shlex.split(run)
        assert args[:2] == ["synopsis", "summarize"], command
        if any(arg.endswith(".pdf") for arg in args):
            continue  # the pdf extra's own test: docs/pdf.md
        result = CliRunner().invoke(app, args[1:], input=stdin)
        assert result.exit_code == 0, (command, result.output)
        outputs[command] = result.stdout
    assert outputs["cat paper.txt | synopsis summarize -"] == outputs["synopsis summarize paper.txt"]
    assert outputs["synopsis summarize corpus.jsonl"].startswith(f"# {dev_sample[0]['id']}\n")  # the '# ID' line
    by_other_fields = outputs["synopsis summarize corpus.jsonl --text-field body --id-field doi"]
    assert by_other_fields.startswith(f"# doi:{dev_sample[0]['id']}\n")
    data = json.loads(outputs["synopsis summarize paper.txt --output json"])
    assert {"method", "budget", "language", "sentences"} <= set(data)
    assert set(data["sentences"][0]) == {"index", "start", "end", "score", "section", "text"}
    assert set(json.loads(outputs["synopsis summarize paper.txt --output scores"])) >= {"summary", "document"}
    filled = outputs["synopsis summarize record.txt --output record"]
    assert filled.split("PREDICTION:")[0] == example_text.split("PREDICTION:")[0]
    assert filled.split("FULL TEXT:")[1] == example_text.split("FULL TEXT:")[1]


def test_the_server_doc_answer_is_what_the_server_answers() -> None:
    """docs/server.md's answer to its first curl command, value for value (it showed sentences 2 and
    4, 14 words, after the model was retrained: the server chose 1 and 2)."""
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from synopsis.server import Limits, create_app

    doc = (ROOT / "docs" / "server.md").read_text(encoding="utf-8")
    body = re.search(r"-d '(\{.*?\})'", doc)
    shown = re.search(r"```jsonc\n(.*?)```", doc, re.DOTALL)
    assert body is not None and shown is not None
    documented = json.loads(re.sub(r"//[^\n]*", "", shown.group(1)))
    with TestClient(create_app(Limits(workers=0))) as client:
        response = client.post("/api/summarize", json=json.loads(body.group(1)))
    assert response.status_code == 200, response.text
    answer = response.json()
    assert answer["summary"] == documented["summary"]
    sentences = documented["document"].pop("sentences")
    assert {k: v for k, v in answer["document"].items() if k != "sentences"} == documented["document"]
    for sentence in (s for s in sentences if isinstance(s, dict)):
        assert answer["document"]["sentences"][sentence["index"]] == sentence
    assert set(answer) == set(documented)


def test_the_server_doc_names_exactly_the_supported_languages() -> None:
    """docs/server.md's `lang` row listed fifteen codes after cs, hu, pl and ro were supported."""
    from synopsis.language import supported_codes

    doc = (ROOT / "docs" / "server.md").read_text(encoding="utf-8")
    listed = re.search(r"((?:`[a-z]{2}`, )+`[a-z]{2}`) are supported", doc)
    assert listed is not None, "the lang row lost its list of supported codes"
    assert re.findall(r"`([a-z]{2})`", listed.group(1)) == list(supported_codes())


@pytest.mark.parametrize(
    ("command", "usage_error"),
    [
        ("summarize", ["summarize", "x.txt", "--output", "xml"]),
        ("extract", ["extract", "x.txt", "--output", "xml"]),
        ("evaluate", ["evaluate", "x.jsonl", "--by", "nothing"]),
        ("serve", ["serve", "--port", "99999"]),
    ],
)
def test_help_names_the_exit_status_of_a_usage_error(command: str, usage_error: list[str]) -> None:
    """`--help` listed exit status 1 (and 130) only, while a usage error or a missing extra exits 2."""
    from typer.testing import CliRunner

    from synopsis.cli import app

    assert CliRunner().invoke(app, usage_error).exit_code == 2
    shown = " ".join(CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "200"}).output.split())
    assert "2 for a usage error" in shown
