"""`synopsis train` from the command line: -o is checked before the training, articles left out are
said, and the model records the command that rebuilds it byte for byte."""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from synopsis.cli import app


def _train(*args: str) -> Result:
    return CliRunner().invoke(app, ["train", *args])


def _corpus(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path, dev_sample: list[dict[str, Any]]) -> Path:
    """Four articles with abstracts, and four whose abstract is empty or missing."""
    records = [{**r, "full_text": r["full_text"][:20000]} for r in dev_sample]
    records[1]["abstract"] = ""
    records[3]["abstract"] = "  \n"
    del records[5]["abstract"]
    records[7]["abstract"] = ""
    return _corpus(tmp_path / "corpus.jsonl", records)


def _one_line_before_training(result: Result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "training on" not in result.output and result.output.count("\n") == 1, result.output
    return result.output


def test_an_output_that_is_an_input_is_refused_before_any_work(corpus: Path) -> None:
    before = corpus.read_bytes()
    result = _train(str(corpus), "--rounds", "2", "-o", str(corpus))
    assert result.exit_code == 2
    assert f"-o {corpus} is also an input" in _one_line_before_training(result)
    assert corpus.read_bytes() == before


@pytest.mark.parametrize(
    ("output", "says"),
    [("models", "is a folder; name the model file"), ("corpus.jsonl/m.json", "corpus.jsonl is not a folder")],
)
def test_an_output_that_cannot_be_a_file_is_refused_before_training(corpus: Path, output: str, says: str) -> None:
    (corpus.parent / "models").mkdir()
    result = _train(str(corpus), "--rounds", "2", "-o", str(corpus.parent / output))
    assert result.exit_code == 2 and says in _one_line_before_training(result)


def test_an_output_folder_without_write_permission_is_refused_before_training(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked with os.access (a read-only folder does not stop root, who runs some test machines)."""
    folder = corpus.parent / "ro"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: Path(path) != folder and real_access(path, mode, **kw))
    result = _train(str(corpus), "--rounds", "2", "-o", str(folder / "m.json"))
    assert result.exit_code == 1 and "permission denied" in _one_line_before_training(result)


@pytest.mark.slow
def test_a_model_that_cannot_be_written_costs_one_line_and_leaves_the_old_file(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("lightgbm")
    from synopsis.scorers.learned import TreeModel

    def full_disk(self: TreeModel, path: Path) -> None:
        path.write_text("{half a mod", encoding="utf-8")
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(TreeModel, "save", full_disk)
    output = corpus.parent / "model.json"
    output.write_text("the earlier model", encoding="utf-8")
    result = _train(str(corpus), "--rounds", "2", "-o", str(output))
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    assert "cannot write the model (No space left on device)" in result.output.splitlines()[-1]
    assert output.read_text(encoding="utf-8") == "the earlier model"
    assert sorted(p.name for p in corpus.parent.iterdir()) == ["corpus.jsonl", "model.json"], "no temporary file is left"


@pytest.mark.slow
def test_articles_without_an_abstract_are_counted_and_the_model_rebuilds_from_its_command(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("lightgbm")
    monkeypatch.chdir(tmp_path)
    result = _train("corpus.jsonl", "--rounds", "2", "--exclude-source", "nowhere", "-o", "model.json")
    assert result.exit_code == 0, result.output
    assert "training on 4 articles" in result.output
    assert (
        "synopsis: skipped 4 article(s) with an empty or missing abstract (--abstract-field abstract), nothing to learn"
        " from: scisummnet-P06-1067, sumpubmed-20094, plos-journal.pone.0120049, dhq-000104"
    ) in result.output
    first = (tmp_path / "model.json").read_bytes()
    command = json.loads(first)["info"]["command"]
    assert command == (
        "synopsis train corpus.jsonl -o model.json --rounds 2 --exclude-source nowhere"
        " --text-field full_text --abstract-field abstract"
    )
    (tmp_path / "model.json").rename(tmp_path / "first.json")
    words = shlex.split(command)
    assert words[:2] == ["synopsis", "train"]
    again = CliRunner().invoke(app, words[1:])
    assert again.exit_code == 0, again.output
    assert (tmp_path / "model.json").read_bytes() == first, "the recorded command rebuilds the same file"
