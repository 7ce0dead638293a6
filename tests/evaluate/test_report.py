"""Aggregation: gap closed, per-source groups, failures listed, the JSON and HTML forms."""

from __future__ import annotations

import io
import json
from dataclasses import replace

import pytest
from rich.console import Console

from synopsis.evaluate.html import render_html
from synopsis.evaluate.report import build_evaluation, render_terminal, short_labels, to_dict
from synopsis.evaluate.rouge import FAILED, Rouge, RougeScores, tokenizer_description
from synopsis.evaluate.runner import DocResult, MethodResult


def _scores(f: float) -> RougeScores:
    return RougeScores(Rouge(f, f, f), Rouge(f / 2, f / 2, f / 2), Rouge(f, f, f))


def _docs() -> list[DocResult]:
    docs = []
    for i, (lead, mine, oracle) in enumerate([(0.2, 0.3, 0.6), (0.3, 0.4, 0.5), (0.1, 0.2, 0.5), (0.4, 0.5, 0.6)]):
        results = {
            "lead": MethodResult(_scores(lead), 200, 8, positions=(0.0, 0.1)),
            "mine": MethodResult(_scores(mine), 190, 7, positions=(0.5,)),
            "oracle": MethodResult(_scores(oracle), 150, 5, positions=(0.2, 0.9)),
        }
        docs.append(DocResult(f"d{i}", "A (from x)" if i < 2 else "B (from y)", "in.jsonl", 3000 + 1000 * i, results))
    crashed = dict(docs[0].results, mine=MethodResult(FAILED, error="the method crashed"))
    docs.append(DocResult("broke", "B (from y)", "in.jsonl", 5000, crashed))
    docs.append(
        DocResult(
            "bad",
            "B (from y)",
            "in.jsonl",
            0,
            {m: MethodResult(FAILED, error="has no reference abstract to score against") for m in ("lead", "mine", "oracle")},
            error="has no reference abstract to score against",
            evaluated=False,
        )
    )
    return docs


def test_aggregates_gap_and_failures() -> None:
    evaluation = build_evaluation(_docs(), ("lead", "mine", "oracle"), words=200, resamples=200)
    mine = evaluation.overall["mine"]
    # the method that failed on "broke" scores 0 there; "bad" (no reference) is in no average
    assert mine.documents == 5 and mine.failed == 1
    assert mine.f1["rouge1"].mean == pytest.approx((0.3 + 0.4 + 0.2 + 0.5) / 5)
    # lead 1.2/5, mine 1.4/5, oracle 2.8/5 on R1 -> mine closes an eighth of the gap
    assert mine.gap_closed["rouge1"] == pytest.approx(0.2 / 1.6)
    assert evaluation.overall["lead"].gap_closed["mean"] == 0.0
    assert set(evaluation.by_source) == {"A (from x)", "B (from y)"}
    assert evaluation.by_source["B (from y)"]["mine"].documents == 3
    assert [(f.doc_id, f.method) for f in evaluation.failures] == [("broke", "mine")]
    assert [(d.doc_id, d.reason) for d in evaluation.not_evaluated] == [("bad", "has no reference abstract to score against")]
    assert {(t.a, t.b, t.metric) for t in evaluation.tests} == {("lead", "mine", m) for m in ("R1", "R2", "RLsum")}


def test_renderings() -> None:
    evaluation = build_evaluation(_docs(), ("lead", "mine", "oracle"), words=200, resamples=200)
    out = io.StringIO()
    render_terminal(evaluation, Console(file=out, width=160))
    text = out.getvalue()
    assert "│ mine vs lead │ +4.00, p = " in text
    assert "1 document(s) failed" in text and "broke (mine): the method crashed" in text
    assert "1 document(s) not evaluated" in text and "  bad: has no reference abstract to score against" in text
    data = json.loads(json.dumps(to_dict(evaluation), allow_nan=False))
    assert data["per_document"][4]["scores"]["mine"]["error"] == "the method crashed"
    assert data["not_evaluated"] == [{"id": "bad", "reason": "has no reference abstract to score against", "input": "in.jsonl"}]
    assert [d["id"] for d in data["per_document"]] == ["d0", "d1", "d2", "d3", "broke"]
    page = render_html(evaluation)
    assert "<svg" in page and "Failed documents: 1" in page and "A (n=2)" in page and "Not evaluated: 1" in page


def test_short_labels_only_when_unambiguous() -> None:
    assert short_labels(["SumPubMed (vgupta123)", "PLOS (x)"]) == {"SumPubMed (vgupta123)": "SumPubMed", "PLOS (x)": "PLOS"}
    assert short_labels(["X (one)", "X (two)"]) == {"X (one)": "X (one)", "X (two)": "X (two)"}


def test_terminal_report_prints_data_text_as_it_is_not_as_rich_markup() -> None:
    """The tokenizer's "[a-z0-9]+", a predictions file named "[v2]" and a source named "[draft]"
    are text: rich must not read them as styles (and eat them)."""
    docs = [
        replace(
            d,
            source="[bold]B[/bold]" if i == 0 else "[draft] (from x)",
            results={("[v2]" if name == "mine" else name): result for name, result in d.results.items()},
        )
        for i, d in enumerate(_docs())
    ]
    evaluation = build_evaluation(docs, ("lead", "[v2]", "oracle"), words=200, resamples=200)
    out = io.StringIO()
    render_terminal(evaluation, Console(file=out, width=200))
    text = out.getvalue()
    assert f"tokenizer: en: {tokenizer_description()}" in text and "[a-z0-9]+ lower-cased" in text
    assert "│ [v2] vs lead │" in text and text.count("[v2]") >= 3, text
    assert "[draft]" in text and "[bold]B[/bold]" in text
