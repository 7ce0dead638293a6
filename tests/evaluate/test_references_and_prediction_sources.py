"""References that hold nothing to score against, and predictions given as records or as a wrong file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synopsis.cli import app
from synopsis.errors import InputError
from synopsis.evaluate.runner import Settings, expand_inputs, iter_results, load_predictions, reference_text, resolve_methods

pytest.importorskip("rouge_score_rs")
runner = CliRunner()
LEAD_ONLY = Settings(methods=resolve_methods(["lead"]))


def _corpus(tmp_path: Path, rows: list[dict[str, str]]) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_an_abstract_that_is_only_a_heading_or_punctuation_is_not_evaluated(
    tmp_path: Path, dev_sample: list[dict[str, str]]
) -> None:
    """Was: scored, every system 0 ("Abstract" or "..." has no word a summary could share), which
    pulled every mean down alike instead of being listed as a document without a reference."""
    article = dev_sample[0]
    rows = [
        article,
        {**article, "id": "heading", "abstract": "ABSTRACT\n"},
        {**article, "id": "german-heading", "abstract": "Zusammenfassung:"},
        {**article, "id": "dots", "abstract": " ... "},
        {**article, "id": "russian", "abstract": "Мы предлагаем новый подход к обучению машинного перевода."},
    ]
    docs = list(iter_results([str(_corpus(tmp_path, rows))], LEAD_ONLY))
    assert [d.evaluated for d in docs] == [True, False, False, False, False]
    assert docs[1].error == "its reference abstract is only a heading ('ABSTRACT'), no text to score against"
    assert docs[2].error == "its reference abstract is only a heading ('Zusammenfassung:'), no text to score against"
    assert docs[3].error == "its reference abstract has no word to score against ('...')"
    assert (
        docs[4].error == "the en tokenizer counts no word of its reference abstract ('Мы предлагаем новый подход к обучению м…'),"
        " which reads as ru"  # named since h36-lang (f6a3fc5) reads such Cyrillic as ru
    )


def test_a_heading_line_above_the_abstract_is_not_part_of_the_reference(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """Was: "Abstract" counted as a reference word no summary sentence holds (recall lost)."""
    article = dev_sample[0]
    rows = [article, {**article, "id": "headed", "abstract": "Abstract\n\n" + article["abstract"]}]
    plain, headed = iter_results([str(_corpus(tmp_path, rows))], LEAD_ONLY)
    assert headed.results["lead"].scores == plain.results["lead"].scores
    assert headed.results["oracle"].scores == plain.results["oracle"].scores
    assert reference_text("Abstract: Results.") == ("Abstract: Results.", None), "a run-in heading is left to the text"


def test_a_file_of_which_no_line_is_a_prediction_is_one_error(tmp_path: Path) -> None:
    """Was: one note per line of the file ("Expecting value ...") and every document scored 0 as
    one "without a prediction"."""
    path = tmp_path / "notes.jsonl"
    path.write_text("# my system\nsome words\n\nmore words\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"notes\.jsonl: is not a predictions file \(JSONL of .*; the first: .*notes\.jsonl:1: "):
        load_predictions(str(path))


def _records(tmp_path: Path, dev_sample: list[dict[str, str]], method: str) -> Path:
    """Records as `extract -o record` and then `summarize -o record` write them (PREDICTION filled)."""
    plain = tmp_path / "plain"
    jsonl = _corpus(tmp_path, dev_sample[:2])
    assert runner.invoke(app, ["extract", str(jsonl), "-o", "record", "-d", str(plain)]).exit_code == 0
    filled = tmp_path / "records"
    filled.mkdir()
    for record in sorted(plain.iterdir()):
        result = runner.invoke(app, ["summarize", str(record), "-o", "record", "-m", method])
        assert result.exit_code == 0, result.output
        (filled / record.name).write_text(result.stdout, encoding="utf-8")
    return filled


@pytest.mark.slow
def test_records_prediction_sections_are_scored_as_predictions(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """Was: a folder of records given as --predictions was "cannot be read (Is a directory)", and
    a record file a note per line with every document scored 0; records evaluated without it said
    nothing of their filled PREDICTION sections."""
    records = _records(tmp_path, dev_sample, "lead")
    silent = runner.invoke(app, ["evaluate", str(records), "-m", "lead"])
    assert "2 records with a filled-in PREDICTION section, not scored" in " ".join(silent.output.split())
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["evaluate", str(records), "-m", "lead", "-p", str(records), "--json", str(report)])
    assert result.exit_code == 0, result.output
    assert "PREDICTION section, not scored" not in result.output
    scores = json.loads(report.read_text(encoding="utf-8"))["per_document"]
    assert [{k: v for k, v in d["scores"]["records"].items() if k.startswith("rouge")} for d in scores] == [
        {k: v for k, v in d["scores"]["lead"].items() if k.startswith("rouge")} for d in scores
    ], "the PREDICTION written by summarize -m lead scores as lead"


def test_a_folder_of_one_article_files_is_one_group_not_one_per_paper(tmp_path: Path) -> None:
    """Was: a text, record or PDF without a source field was grouped by its file name, so a folder
    of papers made a per-source table with one column of n=1 per paper."""
    lang = Path(__file__).parent.parent / "data" / "lang"
    folder = tmp_path / "papers"
    folder.mkdir()
    for name in ("de.txt", "fr.txt"):
        (folder / name).write_text((lang / name).read_text(encoding="utf-8"), encoding="utf-8")
    docs = list(iter_results(expand_inputs([str(folder)]), LEAD_ONLY))
    assert [d.source for d in docs] == [f"{folder}/", f"{folder}/"]  # the folder as given
    by_file = list(iter_results(expand_inputs([str(folder)]), Settings(methods=LEAD_ONLY.methods, group_by="file")))
    assert [d.source for d in by_file] == ["de", "fr"]
    # Two folders of one name under different sources stay apart (a review: both were "txt").
    for source in ("arxiv", "pubmed"):
        (tmp_path / source / "txt").mkdir(parents=True)
        (tmp_path / source / "txt" / f"{source}.txt").write_text((lang / "de.txt").read_text(encoding="utf-8"), encoding="utf-8")
    docs = list(iter_results(expand_inputs([str(tmp_path / "arxiv"), str(tmp_path / "pubmed")]), LEAD_ONLY))
    assert [d.source for d in docs] == [f"{tmp_path}/arxiv/txt/", f"{tmp_path}/pubmed/txt/"]


def test_a_number_id_reads_as_the_data_reader_reads_it(tmp_path: Path) -> None:
    """Was: a prediction with "id": 12.50 was "12.5" while the record with the same id is "12.50"
    (so it was "no prediction with this id"), and "id": true an id "True"."""
    from synopsis.ingest import read_articles

    data = tmp_path / "data.jsonl"
    data.write_text('{"id": 12.50, "full_text": "Some text.", "abstract": "Text."}\n', encoding="utf-8")
    predictions = tmp_path / "preds.jsonl"
    predictions.write_text('{"id": 12.50, "summary": "Text."}\n{"id": true, "summary": "Other."}\n', encoding="utf-8")
    (article,) = read_articles(data)
    table, problems = load_predictions(str(predictions))
    assert list(table) == [getattr(article, "id", None)] == ["12.50"]
    assert problems == [f"{predictions}:2: field 'id' is true, not a string or a number"]


def test_an_abstract_in_another_language_than_the_text_is_said(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    """Was: scored without a word (German words through the English tokenizer, "Übersetzung" as
    "bersetzung"), the near-zero scores looking like the system's."""
    german = (
        "Wir stellen einen halbüberwachten Ansatz für das Training der statistischen maschinellen Übersetzung vor."
        " Größere Korpora führen zu besseren Ergebnissen, und die Zuordnung der Wörter wird genauer."
    )
    rows = [dev_sample[0], {**dev_sample[1], "id": "german-abstract", "abstract": german}]
    corpus = _corpus(tmp_path, rows)
    docs = list(iter_results([str(corpus)], LEAD_ONLY))
    assert [d.reference_language for d in docs] == ["", "de"]
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["evaluate", str(corpus), "-m", "lead", "--json", str(report)])
    per_document = json.loads(report.read_text(encoding="utf-8"))["per_document"]
    assert [d.get("reference_language") for d in per_document] == [None, "de"]
    assert (
        "note: 1 document whose reference abstract reads as another language than the text (scored with the text's"
        " tokenizer; no summary of the text can match it): german-abstract (de; the text read as en)"
    ) in " ".join(result.output.split())


def test_the_oracle_is_no_ceiling_of_zero_when_no_sentence_fits_a_small_budget(dev_sample_path: Path) -> None:
    """Was: with --words 5 no candidate fits, so the oracle chose nothing and scored 0, below lead
    (which, as every method, takes one sentence over the budget and is cut), and gap closed was '–'."""
    settings = Settings(methods=resolve_methods(["lead"]), words=5)
    doc = next(iter_results([str(dev_sample_path)], settings))
    oracle, lead = doc.results["oracle"], doc.results["lead"]
    assert oracle.words == lead.words == 5 and oracle.truncated
    assert oracle.scores.rouge1.fmeasure > 0


@pytest.mark.slow
def test_a_predictions_file_given_twice_is_scored_once_and_namesakes_get_their_folder(
    tmp_path: Path, dev_sample: list[dict[str, str]]
) -> None:
    """Was: the same file twice made two rows of the same numbers ("preds", "file:preds") and a
    paired test between them; two runs' preds.jsonl were "preds" and "file:preds"."""
    corpus = _corpus(tmp_path, dev_sample[:2])
    lines = "".join(json.dumps({"id": row["id"], "summary": row["abstract"]}) + "\n" for row in dev_sample[:2])
    for run in ("a", "b"):
        (tmp_path / run).mkdir()
        (tmp_path / run / "preds.jsonl").write_text(lines, encoding="utf-8")
    first, second = str(tmp_path / "a" / "preds.jsonl"), str(tmp_path / "b" / "preds.jsonl")
    report = tmp_path / "report.json"
    result = runner.invoke(
        app, ["evaluate", str(corpus), "-m", "lead", "-p", first, "-p", first, "-p", second, "--json", str(report)]
    )
    assert result.exit_code == 0, result.output
    assert f"synopsis: {first}: given twice as --predictions; scored once" in result.output
    assert json.loads(report.read_text(encoding="utf-8"))["methods"] == ["lead", "preds", "b/preds", "oracle"]


def test_a_record_without_a_prediction_section_gives_no_prediction_not_an_empty_one(tmp_path: Path) -> None:
    """Was: with -p FOLDER, a record with no PREDICTION section counted as an empty summary,
    scored 0 (a review of stop 34); it has no prediction, as a JSONL without its line."""
    folder = tmp_path / "records"
    folder.mkdir()
    body = "FULL TEXT:\nThe study measured rainfall. It found more floods.\n"
    predicted = "ABSTRACT:\nFloods rose.\nPREDICTION:\nThe study measured rainfall.\n"
    (folder / "with.txt").write_text(predicted + body, encoding="utf-8")
    (folder / "without.txt").write_text("ABSTRACT:\nFloods rose.\n" + body, encoding="utf-8")
    table, problems = load_predictions(str(folder))
    assert table == {"with": "The study measured rainfall."}
    assert any("'without' has no PREDICTION section" in problem for problem in problems)
