"""A predictions file in another language than the references (German summaries scored against
English abstracts) scores near 0; the report's notes say why, naming the documents, as they say it
for a reference in another language than its text. Was: the near-zero scores said nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from synopsis.cli import app

pytest.importorskip("rouge_score_rs")

runner = CliRunner()

GERMAN = (
    "Diese Arbeit untersucht die Frage, wie sich die Ergebnisse der Methode auf andere Daten übertragen lassen."
    " Wir zeigen, dass das vorgeschlagene Verfahren in den meisten Fällen besser ist als die bisherigen Ansätze,"
    " und dass die Unterschiede auch bei einer größeren Zahl von Beispielen bestehen bleiben."
    " Die Auswertung der Daten ergibt, dass die Wirkung vor allem bei den kleinen Gruppen deutlich wird."
)
FRENCH = (
    "Dans cet article, nous étudions la question de savoir comment les résultats de la méthode peuvent être"
    " appliqués à d'autres données. Nous montrons que la méthode proposée est meilleure que les approches"
    " précédentes dans la plupart des cas, et que les différences restent visibles avec un plus grand nombre"
    " d'exemples. L'analyse des données montre que l'effet est surtout net pour les petits groupes."
)


def _evaluate(tmp_path: Path, rows: list[dict[str, str]], summaries: list[str]) -> tuple[str, dict[str, Any]]:
    """`synopsis evaluate` of `rows` with one prediction per row: its terminal report and its JSON."""
    corpus = tmp_path / "data.jsonl"
    corpus.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    preds = tmp_path / "preds.jsonl"
    lines = (json.dumps({"id": row["id"], "summary": summary}) for row, summary in zip(rows, summaries, strict=True))
    preds.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["evaluate", str(corpus), "-m", "lead", "-p", str(preds), "--json", str(report)])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split()), json.loads(report.read_text(encoding="utf-8"))


def test_predictions_in_another_language_than_their_references_are_said(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    rows = dev_sample[:3]
    output, report = _evaluate(tmp_path, rows, [GERMAN, FRENCH, rows[2]["abstract"]])
    ids = [row["id"] for row in rows]
    note = (
        "preds: 2 of 3 predictions read as another language than their reference abstract (scored as they are:"
        f" ROUGE finds no words shared across languages): {ids[0]} (de; the reference reads as en),"
        f" {ids[1]} (fr; the reference reads as en)"
    )
    assert f"note: {note}" in output
    assert note in report["notes"]
    assert [d["scores"]["preds"].get("language") for d in report["per_document"]] == ["de", "fr", None]
    # Scored as they are, not left out: the German one's near-0 is in the mean.
    assert report["overall"]["preds"]["documents"] == 3
    assert report["per_document"][0]["scores"]["preds"]["rouge1"]["f"] < 0.05


def test_english_predictions_and_ones_too_short_to_tell_get_no_note(tmp_path: Path, dev_sample: list[dict[str, str]]) -> None:
    rows = dev_sample[:3]
    english = [" ".join(row["full_text"].split()[:150]) for row in rows[:2]]
    short_german = "Wir zeigen, dass die Methode in den meisten Fällen besser ist als die bisherigen Ansätze."
    output, report = _evaluate(tmp_path, rows, [*english, short_german])
    assert "another language" not in output
    assert not any("another language" in note for note in report["notes"])
    assert all("language" not in d["scores"]["preds"] for d in report["per_document"])


def test_an_english_prediction_with_a_long_quotation_or_a_formula_gets_no_note(
    tmp_path: Path, dev_sample: list[dict[str, str]]
) -> None:
    """A review: joined by line breaks, each sentence was judged as a paragraph and one 37-word
    Spanish quotation made an English summary Spanish; a 30-word lead of a formula read as Czech."""
    rows = dev_sample[:2]
    quoted = (
        "The archive holds letters written by the colonial administrators over two decades. "
        "The letters show how the officials described the local population to their superiors. "
        "One governor wrote: «los habitantes de estas tierras son gente de paz y de trabajo, que no "
        "conocen la guerra y que viven de lo que la tierra les da en cada estación del año, sin pedir "
        "nada más a la corona». The study reads these descriptions against the census records. "
        "It finds that the reports followed the needs of the administration more than the facts."
    )
    formula = (
        "Introduction Machine translation takes a source sequence, S = [s1 s2 . . . sK ] and generates a"
        " target sequence, T = [t1 t2 . . . tM ] that renders"
    )
    output, report = _evaluate(tmp_path, rows, [quoted, formula])
    assert "another language" not in output
    assert all("language" not in d["scores"]["preds"] for d in report["per_document"])
