"""An upload is read or refused as `synopsis summarize` reads or refuses the same file: by its
content and the same checks, not by a list of extensions of the server's own."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from synopsis.cli import app

PROSE = (
    "Mentoring programs for young offenders were studied in four prisons over two years. "
    "Mentors met each young man every week and helped him plan his release. "
    "Those who kept meeting their mentor were less often convicted again within a year. "
    "The effect was largest for the youngest offenders and for those without a family home. "
)


def _cli(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["summarize", str(path)])
    return result.exit_code, result.stderr


def test_a_latex_fragment_named_tex_is_summarized_as_the_cli_summarizes_it(client: TestClient, tmp_path: Path) -> None:
    """Was: 415 "unsupported file type '.tex'" for a file the CLI summarizes (no preamble: plain text)."""
    data = ("\\section{Results}\n" + PROSE * 3).encode()
    path = tmp_path / "results.tex"
    path.write_bytes(data)
    assert _cli(path)[0] == 0
    response = client.post("/api/summarize", files={"file": ("results.tex", data)})
    assert response.status_code == 200, response.text
    assert "Mentors met each young man every week" in response.text


def test_latex_source_is_refused_with_the_line_the_cli_prints(client: TestClient, tmp_path: Path) -> None:
    """Was: "unsupported file type '.tex'"; the CLI says what the file is (LaTeX source) and what to do."""
    data = ("\\documentclass{article}\n\\begin{document}\n" + PROSE + "\\end{document}\n").encode()
    path = tmp_path / "paper.tex"
    path.write_bytes(data)
    code, stderr = _cli(path)
    response = client.post("/api/summarize", files={"file": ("paper.tex", data)})
    assert response.status_code == 415, response.text
    message = response.json()["message"]
    assert message.startswith("paper.tex: is LaTeX source, not plain text")
    assert code == 1 and stderr == f"synopsis: {path}: {message.removeprefix('paper.tex: ')}\n"


def test_a_csv_table_is_refused_as_a_table(client: TestClient) -> None:
    """Was: "unsupported file type '.csv'"; the CLI says it is a table and how to convert it."""
    response = client.post("/api/summarize", files={"file": ("notes.csv", f"id,text\n1,{PROSE}\n".encode())})
    assert response.status_code == 415, response.text
    assert response.json()["message"] == (
        "notes.csv: is a CSV/TSV table, which synopsis does not read: convert it to JSONL (one article a line) or Parquet"
    )


def test_an_upload_of_json_is_named_json_not_jsonl(client: TestClient) -> None:
    """Was: a paper.json holding one article on one line (as `json.dump` writes it) was refused as
    "is JSONL, a corpus of articles ... (use `synopsis summarize FILE.jsonl` for corpora)"."""
    record = b'{"id": "a", "full_text": "' + PROSE.encode() + b'"}'
    for name, data in (("paper.json", record), ("paper.json", record + b"\n"), ("paper.txt", record)):
        response = client.post("/api/summarize", files={"file": (name, data)})
        assert response.status_code == 415, response.text
        assert response.json()["message"].startswith(f"{name}: is JSON, articles as records;"), (name, response.text)
        assert "JSONL" not in response.json()["message"]
    for name, data in (("corpus.jsonl", record), ("corpus.txt", record + b"\n" + record + b"\n")):
        response = client.post("/api/summarize", files={"file": (name, data)})
        assert response.json()["message"].startswith(f"{name}: is JSONL, a corpus of articles;"), (name, response.text)
