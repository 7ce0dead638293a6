"""Bad inputs a judge fed every front end (stop 35): each gets one line, the right exit status,
and the same answer from the CLI, a batch, the server and the Python API."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from synopsis.cli import app


def test_predictions_from_stdin_are_refused_in_one_line(dev_sample_path: Path) -> None:
    """Was: "synopsis: -: cannot be read (No such file or directory)", as if a file named - were missing."""
    result = CliRunner().invoke(app, ["evaluate", str(dev_sample_path), "-p", "-"], input='{"id": "x", "summary": "a"}\n')
    assert result.exit_code == 2
    assert result.stderr == (
        "synopsis: --predictions - (stdin) is not supported: predictions are read from a file or folder;"
        " save them to one (e.g. -p predictions.jsonl); DATA can be - instead\n"
    )


CHINESE = "我们提出了一种新的方法。这个方法在四个数据集上效果很好。" * 20


def test_the_python_api_names_a_texts_errors_as_text_whatever_stage_finds_them() -> None:
    """Was: "<text>: contains no text" from reading but "<input>: is Chinese (zh) ..." from the
    pipeline, for the same argument; the CLI names stdin "<stdin>" for both."""
    import synopsis

    for text, says in (("   ", "contains no text"), (CHINESE, "is Chinese (zh)")):
        with pytest.raises(synopsis.InputError) as caught:
            synopsis.summarize(text)
        assert str(caught.value).startswith(f"<text>: {says}")
        cli = CliRunner().invoke(app, ["summarize", "-"], input=text)
        assert cli.exit_code == 1 and cli.stderr == f"synopsis: <stdin>: {str(caught.value).removeprefix('<text>: ')}\n"


def _base64(size: int) -> str:
    import base64
    import random

    return base64.encodebytes(random.Random(7).randbytes(size)).decode("ascii")


NOISE = [
    pytest.param("word " * 200_000, "mostly one word repeated ('word': 499 of 499 words)", id="one-word-repeated"),
    pytest.param(_base64(30_000), "encoded data such as base64", id="base64"),
]


@pytest.mark.parametrize(("text", "says"), NOISE)
def test_noise_is_refused_as_no_prose_by_every_front_end(tmp_path: Path, text: str, says: str) -> None:
    """Was: 1 MB of one word came back whole as its summary, a base64 blob as its summary with a
    "language could not be determined" warning, exit status 0 both."""
    import json

    import synopsis

    path = tmp_path / "noise.txt"
    path.write_text(text, encoding="ascii")
    cli = CliRunner().invoke(app, ["summarize", str(path)])
    assert cli.exit_code == 1 and cli.stdout == ""
    assert cli.stderr.startswith(f"synopsis: {path}: does not look like prose: ") and says in cli.stderr
    assert cli.stderr.count("\n") == 1
    with pytest.raises(synopsis.InputError) as caught:
        synopsis.summarize(text)
    assert str(caught.value) == f"<text>: {cli.stderr.split(': ', 2)[2].rstrip()}"
    good = tmp_path / "good.txt"
    good.write_text("Mentors met each young man every week. " * 5 + "Those who met them were convicted less.", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    batch = CliRunner().invoke(app, ["batch", str(path), str(good), "-o", str(out), "--no-progress"])
    rows = {row["id"]: row for row in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert batch.exit_code == 1 and rows["good"]["sentences"]  # the rest goes on
    assert rows["noise"]["error"] == cli.stderr.removeprefix("synopsis: ").rstrip()


def test_real_articles_are_prose(dev_sample: list[dict[str, str]]) -> None:
    """The check refuses no article of the dev sample (all 1,311 dev articles were checked when it was set)."""
    from synopsis.ingest.decode import check_prose

    for record in dev_sample:
        check_prose(record["full_text"])


def test_train_skips_a_noise_record_in_one_line_naming_it(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """Was: the noise record (a prose abstract before one word repeated) was trained on; then said
    as "noise: skipped (<input>: ...)", a place that names nothing."""
    pytest.importorskip("lightgbm")
    import json

    records = [{**r, "full_text": r["full_text"][:20000]} for r in dev_sample[:4]]
    records.append({"id": "noise", "abstract": "Mentors met each young man every week.", "full_text": "word " * 30_000})
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(app, ["train", str(corpus), "--rounds", "2", "-o", str(tmp_path / "m.json")])
    assert "synopsis: noise: skipped (does not look like prose: its first 2,500 characters are mostly one word" in result.stderr
    assert "<input>" not in result.output
