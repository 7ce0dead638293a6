"""One rule for a missing optional extra, in every command: exit 2 (the environment, like a usage
error) and one line that names the extra and how to install it, from an index or a checkout.

Each command runs in a fresh interpreter in which the extra's package cannot be imported
(`sys.modules[name] = None` makes `import name` fail exactly as when it is not installed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
RUN = (
    "import sys; [sys.modules.__setitem__(m, None) for m in sys.argv[1].split(',')]; "
    "sys.argv = ['synopsis', *sys.argv[2:]]; from synopsis.cli import main; main()"
)


def _run(blocked: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-c", RUN, blocked, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120
    )


@pytest.fixture
def inputs(tmp_path: Path, example_path: Path) -> Path:
    (tmp_path / "paper.pdf").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_bytes(example_path.read_bytes())
    (folder / "b.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "example.txt").write_bytes(example_path.read_bytes())
    return tmp_path


CASES = [
    ("pypdfium2", "pdf", ["summarize", "paper.pdf"]),
    ("pypdfium2", "pdf", ["summarize", "example.txt", "paper.pdf"]),
    ("pypdfium2", "pdf", ["extract", "paper.pdf"]),
    ("pypdfium2", "pdf", ["batch", "folder", "-o", "out.jsonl"]),  # was an error row per PDF, exit 1
    ("pypdfium2", "pdf", ["batch", "paper.pdf", "-o", "out.jsonl", "-j", "2"]),
    ("pyarrow", "parquet", ["batch", "example.txt", "-o", "out.parquet"]),  # was exit 1, after the work
    ("distributed", "dask", ["batch", "example.txt", "-o", "out.jsonl", "--engine", "dask"]),  # was exit 1
    ("uvicorn", "server", ["serve", "--port", "0"]),
    ("lightgbm", "train,eval", ["train", "example.txt", "-o", "model.json"]),
    ("rouge_score_rs,rouge_score", "eval", ["evaluate", "example.txt"]),
    ("pypdfium2", "pdf", ["evaluate", "paper.pdf"]),
    ("wordllama", "embed", ["summarize", "example.txt", "-m", "structured-dense"]),
]


@pytest.mark.parametrize(("blocked", "extra", "args"), CASES, ids=[" ".join(a) for _, _, a in CASES])
def test_a_missing_extra_exits_2_with_the_install_line(inputs: Path, blocked: str, extra: str, args: list[str]) -> None:
    done = _run(blocked, *args, cwd=inputs)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == 2, done.stderr
    assert len(lines) >= 1 and "Traceback" not in done.stderr, done.stderr
    last = lines[-1]
    assert last.startswith("synopsis: ") and f"the {extra} extra" in last, last
    assert f"pip install 'synopsis[{extra}]'" in last and f"pip install '.[{extra}]'" in last, last


def test_text_before_the_pdf_is_still_summarized(inputs: Path) -> None:
    """summarize stops at the PDF it cannot read; what came before it is printed."""
    done = _run("pypdfium2", "summarize", "example.txt", "paper.pdf", cwd=inputs)
    assert done.returncode == 2
    assert done.stdout.startswith("# 000_9c8af2bd0370aa32") or done.stdout.startswith("# example"), done.stdout[:200]
