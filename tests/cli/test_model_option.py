"""`--model`: a model made by `synopsis train` serves `summarize`, `batch` and `evaluate` as it serves
the Python API, is checked before the first document, and a batch resume refuses to mix models."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from synopsis import build_document, summarize, summarize_document
from synopsis.cli import app
from synopsis.ingest import read_articles

pytestmark = pytest.mark.slow


def _run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def _one_usage_line(result: Result) -> str:
    assert result.exit_code == 2, result.output
    assert result.output.count("\n") == 1, result.output
    return result.output


def test_summarize_uses_the_model_file_as_the_python_api_does(trained_model: Path, example_path: Path) -> None:
    result = _run("summarize", str(example_path), "--model", str(trained_model), "-o", "json")
    assert result.exit_code == 0, result.output
    shown = json.loads(result.output)
    assert shown["params"] == {"model": str(trained_model.resolve())}, "the summary says which model made it"
    doc = build_document(next(iter(read_articles(str(example_path)))))
    expected = summarize_document(doc, method="reranked", model=str(trained_model))
    assert [s["text"] for s in shown["sentences"]] == [s.text for s in expected.sentences]
    shipped = json.loads(_run("summarize", str(example_path), "-o", "json").output)
    assert shipped["params"] == {"model": ""}


def test_supervised_takes_a_model_without_a_reranker_but_auto_does_not(
    trained_model: Path, example_path: Path, tmp_path: Path
) -> None:
    data = json.loads(trained_model.read_text())
    del data["reranker"]
    bare = tmp_path / "bare.json"
    bare.write_text(json.dumps(data))
    refused = _one_usage_line(_run("summarize", str(example_path), "--model", str(bare)))
    assert "has no summary reranker, which method 'auto' needs" in refused
    result = _run("summarize", str(example_path), "--model", str(bare), "-m", "supervised", "-o", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["method"] == "supervised"


def _damaged(model: Path, how: str) -> str:
    data = json.loads(model.read_text())
    if how == "a list":
        return "[1, 2]"
    if how == "no trees":
        del data["trees"]
    elif how == "a tree pointing outside":
        data["trees"]["left"][data["trees"]["roots"][0]] = 10**6
    elif how == "arrays of other lengths":
        data["trees"]["value"].pop()
    elif how == "another format":
        data["format"] = "other-tool/1"
    elif how == "an older version":
        data["format"] = "synopsis-trees/0"
    elif how == "an older reranker":
        data["reranker"]["format"] = "synopsis-reranker/1"
    elif how == "a reranker weight too few":
        data["reranker"]["weights"].pop()
    elif how == "a reranker top of 0":
        data["reranker"]["top"] = 0
    elif how == "a word model scale of 0":
        data["reranker"]["words"]["scale"][0] = 0
    elif how == "a NaN blend":
        data["blend"] = float("nan")
    elif how == "an infinite lexicon weight":
        data["lexicon"][next(iter(data["lexicon"]))] = float("inf")
    elif how == "a NaN threshold":
        data["trees"]["threshold"][data["trees"]["roots"][0]] = float("nan")
    elif how == "a number past a float's range":
        data["trees"]["value"][0] = 10**400
    elif how == "nested too deep":
        return "[" * 100_000 + "]" * 100_000
    return json.dumps(data)


@pytest.mark.parametrize(
    ("how", "says"),
    [
        ("a list", "is not a synopsis model file (JSON list, not an object)"),
        ("no trees", "is not a whole synopsis model file (KeyError: 'trees')"),
        ("a tree pointing outside", "a tree points outside its arrays"),
        ("arrays of other lengths", "its tree arrays differ in length"),
        ("another format", "not a synopsis model file (format 'other-tool/1', expected 'synopsis-trees/1')"),
        # Was: "not a synopsis model file" for a model of an older synopsis, with no word of what to do.
        (
            "an older version",
            "a model file of another version of synopsis (format 'synopsis-trees/0'; this version reads 'synopsis-trees/1'):"
            " retrain it with this version's `synopsis train`",
        ),
        ("an older reranker", "a reranker of another version of synopsis (format 'synopsis-reranker/1';"),
        # Were loaded, and then each summary failed with an "internal error" line (exit 1), or gave
        # scores of NaN (exit 0), or the run ended in a traceback (a number past a float's range, or
        # JSON nested deeper than Python reads).
        ("a reranker weight too few", "(ValueError: the reranker's weights: 28 numbers, not 29)"),
        ("a reranker top of 0", "(ValueError: the reranker's top: 0, not a whole number from 1 to 16)"),
        ("a word model scale of 0", "(ValueError: the word model's scale: a 0 (features are divided by it))"),
        ("a NaN blend", "(ValueError: the blend: not a finite number)"),
        ("an infinite lexicon weight", "(ValueError: the lexicon: a number that is not finite)"),
        ("a NaN threshold", "(ValueError: a tree has a threshold that is not a finite number)"),
        ("a number past a float's range", "is not a whole synopsis model file (OverflowError: "),
        ("nested too deep", "cannot read model "),
    ],
)
def test_a_damaged_model_file_is_one_line_before_any_summary(
    trained_model: Path, example_path: Path, tmp_path: Path, how: str, says: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(_damaged(trained_model, how))
    for command in ("summarize", "batch"):
        extra = ["-o", str(tmp_path / "out.jsonl"), "--no-progress"] if command == "batch" else []
        output = _one_usage_line(_run(command, str(example_path), "--model", str(bad), *extra))
        assert output.startswith("synopsis: --model: ") and says in output and "bad.json" in output
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--model", "missing.json"], "cannot read model"),
        (["--model", ""], "--model needs a model file"),
        (["--model", "{model}", "-m", "structured"], "method 'structured' uses no trained model"),
    ],
)
def test_a_model_that_cannot_serve_is_a_usage_error(trained_model: Path, example_path: Path, args: list[str], says: str) -> None:
    args = [a.replace("{model}", str(trained_model)) for a in args]
    assert says in _one_usage_line(_run("summarize", str(example_path), *args))


def test_batch_rows_use_the_model_and_a_resume_must_name_the_same_one(
    trained_model: Path, dev_sample_path: Path, example_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A row is what `synopsis summarize --output json` prints: its `params` carried the model's
    SHA-256 too, which `synopsis.summarize(text, **row["params"])` refused as an unknown parameter;
    the digest lives in OUT.model.json instead."""
    out = tmp_path / "out.jsonl"
    first = _run("batch", str(dev_sample_path), "-o", str(out), "--model", str(trained_model), "--no-progress")
    assert first.exit_code == 0, first.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    printed = json.loads(_run("summarize", str(example_path), "--model", str(trained_model), "-o", "json").output)
    assert {json.dumps(row["params"]) for row in rows} == {json.dumps(printed["params"])}
    record = next(iter(read_articles(str(dev_sample_path))))
    expected = summarize_document(build_document(record), method="reranked", model=str(trained_model))
    assert [s["text"] for s in rows[0]["sentences"]] == [s.text for s in expected.sentences]
    again = summarize(record.text, title=record.title, abstract=record.abstract, method=rows[0]["method"], **rows[0]["params"])
    assert again.params == rows[0]["params"]
    digest = hashlib.sha256(trained_model.read_bytes()).hexdigest()
    recorded = json.loads((tmp_path / "out.jsonl.model.json").read_text(encoding="utf-8"))
    assert recorded == {"model": str(trained_model.resolve()), "sha256": digest}

    before = out.read_bytes()
    shipped = _run("batch", str(dev_sample_path), "-o", str(out), "--no-progress")
    assert shipped.exit_code == 1
    assert f"holds summaries made with the model {trained_model.resolve()}, not the shipped model" in shipped.output
    assert out.read_bytes() == before

    monkeypatch.chdir(trained_model.parent)  # the same file by another path resumes
    again = _run("batch", str(dev_sample_path), "-o", str(out), "--model", "model.json", "--no-progress")
    assert again.exit_code == 0, again.output
    assert "0 done, 8 skipped" in again.output and out.read_bytes() == before


def _retrain_in_place(model: Path, rounds: int) -> str:
    """Other bytes at the same path, as a retraining leaves; returns their SHA-256."""
    retrained = json.loads(model.read_text(encoding="utf-8"))
    retrained["info"]["command"] += f" --rounds {rounds}"
    model.write_text(json.dumps(retrained), encoding="utf-8")
    return hashlib.sha256(model.read_bytes()).hexdigest()


def _three_of(dev_sample_path: Path, tmp_path: Path) -> tuple[Path, list[str]]:
    data = tmp_path / "data.jsonl"
    lines = dev_sample_path.read_text(encoding="utf-8").splitlines(keepends=True)
    data.write_text("".join(lines[:2]), encoding="utf-8")
    return data, lines[:3]


def test_a_resume_refuses_a_model_retrained_in_place_and_deleting_out_starts_afresh(
    trained_model: Path, dev_sample_path: Path, tmp_path: Path
) -> None:
    """The path alone let a model retrained into the same file add its summaries to the old one's
    rows. The digest is kept in OUT.model.json; deleting OUT alone is enough to start afresh."""
    model = tmp_path / "model.json"
    model.write_bytes(trained_model.read_bytes())
    old_digest = hashlib.sha256(model.read_bytes()).hexdigest()
    data, lines = _three_of(dev_sample_path, tmp_path)
    out = tmp_path / "out.jsonl"
    record = tmp_path / "out.jsonl.model.json"
    batch = ("batch", str(data), "-o", str(out), "-m", "supervised", "--model", str(model), "--no-progress")
    assert _run(*batch).exit_code == 0
    assert json.loads(record.read_text()) == {"model": str(model.resolve()), "sha256": old_digest}
    new_digest = _retrain_in_place(model, 3)
    data.write_text("".join(lines), encoding="utf-8")
    before = out.read_bytes()
    mixed = _run(*batch)
    assert mixed.exit_code == 1, mixed.output
    assert mixed.output.count("\n") == 1, mixed.output
    assert f"{out} holds summaries made with other contents of the model {model.resolve()}" in mixed.output
    assert f"SHA-256 {old_digest[:12]}..., now {new_digest[:12]}..." in mixed.output
    assert f"start afresh: delete {out} or write to another -o" in mixed.output
    assert out.read_bytes() == before and json.loads(record.read_text())["sha256"] == old_digest

    out.unlink()  # a record beside an OUT without rows is written again
    fresh = _run(*batch)
    assert fresh.exit_code == 0, fresh.output
    assert "3 done, 0 skipped" in fresh.output, fresh.output
    assert json.loads(record.read_text())["sha256"] == new_digest


def test_rows_of_an_earlier_version_resume_once_unchecked_then_a_retrained_model_is_refused(
    trained_model: Path, dev_sample_path: Path, tmp_path: Path
) -> None:
    """Was: only each language's first row was compared, so once OUT held rows of an earlier version
    (no digest) every later retraining in place resumed, with the same warning each time."""
    model = tmp_path / "model.json"
    model.write_bytes(trained_model.read_bytes())
    data, lines = _three_of(dev_sample_path, tmp_path)
    out = tmp_path / "out.jsonl"
    record = tmp_path / "out.jsonl.model.json"
    batch = ("batch", str(data), "-o", str(out), "-m", "supervised", "--model", str(model), "--no-progress")
    assert _run(*batch).exit_code == 0
    old = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for row in old:  # OUT as an earlier version left it: no digest anywhere
        row["params"].pop("model_sha256", None)
    out.write_text("".join(json.dumps(row) + "\n" for row in old), encoding="utf-8")
    record.unlink(missing_ok=True)
    data.write_text("".join(lines), encoding="utf-8")
    resumed = _run(*batch)
    assert resumed.exit_code == 0, resumed.output
    assert "1 done, 2 skipped" in resumed.output

    _retrain_in_place(model, 4)
    after = out.read_bytes()
    refused = _run(*batch)
    assert refused.exit_code == 1, refused.output
    assert "holds summaries made with other contents of the model" in refused.output
    assert out.read_bytes() == after
    assert resumed.output.count(f"warning: {record} is missing") == 1, resumed.output


def test_a_parquet_out_refused_for_a_retrained_model_names_the_file_to_delete(
    trained_model: Path, dev_sample_path: Path, tmp_path: Path
) -> None:
    """Was: "... p.parquet.journal.jsonl holds summaries ...; delete p.parquet.journal.jsonl", a
    journal a re-run rebuilds from p.parquet: the advice led back to the same refusal. The journal
    is named too, as it was rebuilt before the check and holds the same rows."""
    pytest.importorskip("pyarrow")
    model = tmp_path / "model.json"
    model.write_bytes(trained_model.read_bytes())
    data, lines = _three_of(dev_sample_path, tmp_path)
    out = tmp_path / "p.parquet"
    batch = ("batch", str(data), "-o", str(out), "-m", "supervised", "--model", str(model), "--no-progress")
    assert _run(*batch).exit_code == 0
    _retrain_in_place(model, 3)
    data.write_text("".join(lines), encoding="utf-8")
    refused = _run(*batch)
    assert refused.exit_code == 1, refused.output
    assert refused.output.startswith(f"synopsis: {out} holds summaries made with other contents"), refused.output
    assert f"start afresh: delete {out} and {out}.journal.jsonl or write to another -o" in refused.output
    assert (tmp_path / "p.parquet.model.json").exists()


def test_evaluate_scores_the_model_and_says_so(trained_model: Path, dev_sample_path: Path, tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = _run("evaluate", str(dev_sample_path), "-m", "supervised", "--model", str(trained_model), "--json", str(report))
    assert result.exit_code == 0, result.output
    assert f"model: {trained_model.resolve()}" in result.output
    protocol = json.loads(report.read_text())["protocol"]
    assert protocol["model"] == str(trained_model.resolve())
    refused = _one_usage_line(_run("evaluate", str(dev_sample_path), "-m", "lead", "--model", str(trained_model)))
    assert "none of the methods (lead, oracle) uses a trained model" in refused


def test_a_relative_model_path_names_the_file_of_the_current_folder(
    trained_model: Path, example_text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the model was cached by the path as written, so after a chdir `model="model.json"` kept
    using the first folder's file."""
    import synopsis
    from synopsis.errors import MethodError

    good, bad = tmp_path / "good", tmp_path / "bad"
    good.mkdir()
    bad.mkdir()
    (good / "model.json").write_bytes(trained_model.read_bytes())
    (bad / "model.json").write_text("[]", encoding="utf-8")
    monkeypatch.chdir(good)
    assert synopsis.summarize(example_text, model="model.json").sentences
    monkeypatch.chdir(bad)
    with pytest.raises(MethodError, match="is not a synopsis model file"):
        synopsis.summarize(example_text, model="model.json")
