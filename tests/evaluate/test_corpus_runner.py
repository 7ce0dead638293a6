"""Running methods over a corpus: method names, predictions files, failures kept, order kept."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from synopsis.errors import InputError, MethodError
from synopsis.evaluate.report import build_evaluation
from synopsis.evaluate.runner import (
    Refused,
    Settings,
    expand_inputs,
    iter_results,
    load_predictions,
    resolve_methods,
    source_of,
)
from synopsis.scorers import DEFAULT_METHOD, METHODS


def test_methods_always_have_lead_first_and_oracle_last() -> None:
    assert resolve_methods(["textrank"]) == ("lead", "textrank", "oracle")
    # auto is a row of its own (per document what summarize runs), not the English default's row
    assert resolve_methods(["auto", "lead", "centroid"]) == ("lead", "auto", "centroid", "oracle")
    assert resolve_methods(["auto", DEFAULT_METHOD]) == ("lead", "auto", DEFAULT_METHOD, "oracle")
    assert resolve_methods(["all"]) == ("lead", *sorted(m for m in METHODS if m != "lead"), "oracle")
    with pytest.raises(MethodError):
        resolve_methods(["nope"])


def test_predictions_formats(tmp_path: Path) -> None:
    path = tmp_path / "preds.jsonl"
    lines = [
        {"id": "a", "summary": "One. Two."},
        {"id": "b", "sentences": ["One.", "Two."]},
        {"id": "c", "sentences": [{"index": 3, "text": "From summarize -o json."}]},
        {"id": "d"},
        {"summary": "no id"},
        {"id": "a", "summary": "again"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\nnot json\n", encoding="utf-8")
    predictions, problems = load_predictions(str(path))
    refused = predictions.pop("d")
    assert predictions == {"a": "One. Two.", "b": ["One.", "Two."], "c": ["From summarize -o json."]}
    assert [p.split(":")[1] for p in problems] == ["4", "5", "6", "7"]
    # a refused line whose id is readable: that document is listed with the line, not as one without a prediction
    assert isinstance(refused, Refused) and refused.reason.startswith(f"its prediction ({path}:4) was refused: needs")


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("preds.jsonl.gz", lambda text: gzip.compress(text.encode("utf-8"))),
        ("preds.jsonl", lambda text: text.encode("utf-16")),
        ("preds.json", lambda text: json.dumps([json.loads(line) for line in text.splitlines()]).encode("utf-8")),
    ],
)
def test_predictions_are_read_as_the_article_inputs_are(tmp_path: Path, name: str, encode: Callable[[str], bytes]) -> None:
    """Was: a .jsonl.gz (whose label drops the .gz), a UTF-16 file with its BOM, or a JSON array
    of predictions was one "is not valid UTF-8 (byte 0x8b)" / "is not a JSON object" line, and
    every document was scored 0 for it, "no prediction with this id"."""
    path = tmp_path / name
    path.write_bytes(encode('{"id": "a", "summary": "One. Two."}\n{"id": "b", "sentences": ["Three."]}\n'))
    predictions, problems = load_predictions(str(path))
    assert (predictions, problems) == ({"a": "One. Two.", "b": ["Three."]}, [])


def test_an_empty_predictions_file_is_one_line_not_every_document_without_a_prediction(tmp_path: Path) -> None:
    path = tmp_path / "preds.jsonl"
    path.write_text("\n \n", encoding="utf-8")
    with pytest.raises(InputError, match=r"preds\.jsonl: is empty: no predictions to score"):
        load_predictions(str(path))


def test_source_falls_back_to_the_file_name() -> None:
    assert source_of({"source": "ScisummNet"}, "x/dev.jsonl") == "ScisummNet"
    assert source_of({"domain": "biomed"}, "x/dev.jsonl") == "biomed"
    assert source_of({}, "x/plos.jsonl") == "plos"
    assert source_of({"source": "S", "domain": "D"}, "x/a.jsonl", group_by="domain") == "D"
    assert source_of({"source": "S"}, "x/a.jsonl", group_by="file") == "a"


def test_folders_expand_to_their_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("x")
    (tmp_path / "a.jsonl").write_text("x")
    (tmp_path / ".hidden").write_text("x")
    assert expand_inputs([str(tmp_path)]) == [str(tmp_path / "a.jsonl"), str(tmp_path / "sub" / "b.txt")]


@pytest.mark.slow
def test_documents_no_system_can_be_scored_on_are_listed_not_averaged_as_zero(
    tmp_path: Path, dev_sample: list[dict[str, str]]
) -> None:
    """An unreadable record and one without a reference abstract say nothing about any system: a 0
    for each pulled every mean down alike (here to a third); they are listed instead."""
    no_abstract = {**dev_sample[0], "id": "no-abstract", "abstract": ""}
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([json.dumps(dev_sample[1]), "{broken", json.dumps(no_abstract)]) + "\n", encoding="utf-8")
    settings = Settings(methods=resolve_methods(["textrank"]))
    docs = list(iter_results([str(path)], settings))
    assert [d.id for d in docs] == [dev_sample[1]["id"], f"{path}:2", "no-abstract"]
    evaluation = build_evaluation(docs, settings.methods, words=200, resamples=200)
    assert evaluation.overall["textrank"].documents == 1
    assert evaluation.overall["textrank"].failed == 0 and evaluation.failures == []
    assert [d.doc_id for d in evaluation.not_evaluated] == [f"{path}:2", "no-abstract"]
    good = docs[0].results["textrank"].scores.rouge1.fmeasure
    assert evaluation.overall["textrank"].f1["rouge1"].mean == pytest.approx(good)


@pytest.mark.slow
def test_workers_keep_the_input_order_and_the_numbers(dev_sample_path: Path) -> None:
    settings = Settings(methods=resolve_methods(["centroid"]))
    alone = list(iter_results([str(dev_sample_path)], settings))
    parallel = list(iter_results([str(dev_sample_path)], settings, jobs=2))
    assert [d.id for d in parallel] == [d.id for d in alone]
    assert [d.results for d in parallel] == [d.results for d in alone]
