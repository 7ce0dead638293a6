"""An -o that cannot be written is a usage error (exit status 2) said in one line before any work,
in every command that writes one, also where the permission bits let root through."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from synopsis.cli import app

# /proc lets root pass os.access(W_OK) but holds no file anyone can create.
pytestmark = pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")


@pytest.fixture
def corpus(tmp_path: Path, dev_sample: list[dict[str, Any]]) -> Path:
    path = tmp_path / "corpus.jsonl"
    records = [{**r, "full_text": r["full_text"][:20000]} for r in dev_sample[:4]]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize(("command", "out"), [("batch", "/proc/synopsis-out.jsonl"), ("train", "/proc/synopsis-model.json")])
def test_an_output_in_a_folder_where_no_file_can_be_made_is_refused_before_any_work(corpus: Path, command: str, out: str) -> None:
    """Was: batch -o /proc/x.jsonl exit 1 ("No such file or directory") while other unwritable -o
    were 2; train -o /proc/x.json trained first and failed only when writing the model."""
    extra = ["--no-progress"] if command == "batch" else ["--rounds", "2"]
    result = CliRunner().invoke(app, [command, str(corpus), "-o", out, *extra])
    assert result.exit_code == 2, result.output
    said = {  # root: the folder's bits let it write, creating fails; anyone else: the bits say no
        f"synopsis: -o {out}: cannot create a file in /proc (No such file or directory)\n",
        f"synopsis: -o {out}: permission denied (cannot write /proc)\n",
    }
    assert result.stderr in said
    assert "training on" not in result.output
