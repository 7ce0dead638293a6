"""What a judge gives `synopsis evaluate` and `synopsis train`: folders of prediction files,
references under a heading of any kind, and corpora too small to learn or test from."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest

from synopsis.errors import InputError
from synopsis.evaluate.reference import reference_text
from synopsis.evaluate.runner import load_predictions

pytest.importorskip("rouge_score_rs")


def _jsonl(path: Path, rows: Sequence[Mapping[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_a_folder_of_prediction_jsonl_shards_is_one_system(tmp_path: Path) -> None:
    """Was: refused, "has no record with a PREDICTION section to score" (only record folders were read)."""
    folder = tmp_path / "mine"
    folder.mkdir()
    _jsonl(folder / "plos.jsonl", [{"id": "a", "summary": "First."}, {"id": "b", "sentences": ["Second."]}])
    _jsonl(folder / "pubmed.jsonl", [{"id": "c", "summary": "Third."}, {"id": "a", "summary": "Again."}])
    (folder / "README.md").write_text("Outputs of my system.\n", encoding="utf-8")
    table, problems = load_predictions(str(folder))
    assert table == {"a": "First.", "b": ["Second."], "c": "Third."}
    assert any(
        p.startswith(f"{folder}/pubmed.jsonl: 1 id(s) already predicted by an earlier file") and f"from {folder}/plos.jsonl" in p
        for p in problems
    ), problems
    assert any(p.startswith(f"{folder}/README.md: is not a predictions file") and p.endswith("skipped") for p in problems)


def test_a_folder_of_two_systems_files_says_to_give_each_file(tmp_path: Path) -> None:
    folder = tmp_path / "systems"
    folder.mkdir()
    for name in ("sysA", "sysB"):
        _jsonl(folder / f"{name}.jsonl", [{"id": "a", "summary": name}])
    table, problems = load_predictions(str(folder))
    assert table == {"a": "sysA"}
    assert problems[-1].endswith("a folder is one system: give each system's file as its own --predictions")


def test_a_folder_without_predictions_is_one_error(tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.txt").write_text("nothing here\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"empty: holds no predictions \(JSONL of"):
        load_predictions(str(folder))


@pytest.mark.parametrize(
    ("heading", "lang"),
    [("Summary", "en"), ("SUMMARY:", "en"), ("Author summary", "en"), ("Résumé", "de"), ("Zusammenfassung", "fr")],
)
def test_a_summary_heading_above_the_reference_is_not_part_of_it(heading: str, lang: str) -> None:
    """Was: only abstract headings of the text's language were taken off ("Summary" and a
    "Résumé" above a German text's abstract stayed reference words no summary holds)."""
    from synopsis.evaluate.runner import reference_text

    body = "Nous mesurons la croissance des plantes."
    assert reference_text(f"{heading}\n{body}", lang) == (body, None)
    assert reference_text(heading, lang)[1] == f"its reference abstract is only a heading ({heading!r}), no text to score against"


def test_ids_repeated_by_a_second_file_are_counted_with_that_file(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """Was: "2 duplicate ids left out" without saying which input lost them (a second file of the
    same corpus, or another corpus that reuses ids)."""
    from typer.testing import CliRunner

    from synopsis.cli import app

    first = _jsonl(tmp_path / "first.jsonl", [dict(r) for r in dev_sample[:2]])
    second = _jsonl(tmp_path / "second.jsonl", [dict(r) for r in dev_sample[:3]])
    report = tmp_path / "r.json"
    result = CliRunner().invoke(app, ["evaluate", str(first), str(second), "-m", "lead", "--json", str(report)])
    assert result.exit_code == 1
    notes = json.loads(report.read_text(encoding="utf-8"))["notes"]
    assert any(n.startswith(f"2 duplicate ids left out (2 from {second}), only the first occurrence evaluated") for n in notes)


def test_a_chinese_document_is_not_evaluated_for_its_language_not_for_an_english_tokenizer(tmp_path: Path) -> None:
    """Was: "the en tokenizer counts no word of its reference abstract (...), which reads as zh":
    the text's language is what synopsis does not support, and the reference was read as English
    only for want of one."""
    from synopsis.evaluate.runner import Settings, iter_results, resolve_methods

    sentence = "本研究分析了城市交通拥堵的成因，并提出了一种新的预测模型。实验结果表明，该模型的准确率明显高于传统方法。"
    corpus = _jsonl(tmp_path / "zh.jsonl", [{"id": "zh", "full_text": sentence * 20, "abstract": sentence}])
    (doc,) = iter_results([str(corpus)], Settings(methods=resolve_methods(["lead"])))
    assert not doc.evaluated
    assert (doc.error or "").startswith("is Chinese (zh), written without spaces between words")


def test_a_one_document_corpus_reads_as_one_document(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """Was: "synopsis evaluate: 1 documents; ..." and "note: 1 documents in 0.1 s"."""
    from typer.testing import CliRunner

    from synopsis.cli import app

    corpus = _jsonl(tmp_path / "one.jsonl", [dict(dev_sample[0])])
    result = CliRunner().invoke(app, ["evaluate", str(corpus), "-m", "lead"])
    assert result.exit_code == 0, result.output
    text = " ".join(result.output.split())
    assert "synopsis evaluate: 1 document; " in text and "note: 1 document in " in text
    assert "fewer than 5 documents: no confidence intervals or p-values" in text


def test_a_prediction_over_the_budget_is_said_to_be_cut(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """Was: the table showed the mean words after the cut (200) and nothing said the file's
    300-word summaries lost their last 100 words (only --json's "truncated")."""
    from typer.testing import CliRunner

    from synopsis.cli import app

    rows = [dict(r) for r in dev_sample[:2]]
    corpus = _jsonl(tmp_path / "data.jsonl", rows)
    long = " ".join(rows[0]["full_text"].split()[:300])
    preds = _jsonl(tmp_path / "long.jsonl", [{"id": rows[0]["id"], "summary": long}, {"id": rows[1]["id"], "summary": "Short."}])
    result = CliRunner().invoke(app, ["evaluate", str(corpus), "-p", str(preds), "-m", "lead", "--words", "200"])
    assert "note: long: 1 of 2 summaries longer than 200 words, cut to their first 200 before scoring" in " ".join(
        result.output.split()
    )


def test_a_reference_with_html_or_latex_markup_is_said(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """Was: silent: "<i>in vivo</i>" and "\\textbf{...}" scored as the words "i" and "textbf",
    which no plain-text summary holds. SumPubMed's "<dig>" placeholder is not markup."""
    from synopsis.evaluate.report import build_evaluation
    from synopsis.evaluate.runner import Settings, iter_results, resolve_methods

    marked = "We show <i>in vivo</i> that \\textbf{aggregates} form. " + dev_sample[1]["abstract"]
    rows = [
        dict(dev_sample[0], abstract="We count <dig> cases. " + dev_sample[0]["abstract"]),
        dict(dev_sample[1], id="marked", abstract=marked),
    ]
    settings = Settings(methods=resolve_methods(["lead"]))
    docs = list(iter_results([str(_jsonl(tmp_path / "c.jsonl", rows))], settings))
    assert [d.reference_markup for d in docs] == ["", "<i>"]
    notes = build_evaluation(docs, settings.methods, words=200, resamples=10).notes
    assert any(n.startswith("1 reference abstract(s) hold HTML or LaTeX markup") and n.endswith("marked ('<i>')") for n in notes)


def test_a_reference_that_opens_with_in_summary_keeps_that_line() -> None:
    # "In summary" alone on a reference's first line opens its sentence: it is no heading to strip.
    assert reference_text("In summary\nwe show that mentoring works.")[0].startswith("In summary")
    assert reference_text("Summary\nWe show that mentoring works.")[0] == "We show that mentoring works."
