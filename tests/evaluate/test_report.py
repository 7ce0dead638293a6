"""Aggregation: gap closed, per-source groups, failures listed, the JSON and HTML forms."""

from __future__ import annotations

import io
import json

import pytest
from rich.console import Console

from synopsis.evaluate.html import render_html
from synopsis.evaluate.report import build_evaluation, render_terminal, short_labels, to_dict
from synopsis.evaluate.rouge import FAILED, Rouge, RougeScores
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
    docs.append(
        DocResult(
            "bad",
            "B (from y)",
            "in.jsonl",
            0,
            {m: MethodResult(FAILED, error="has no reference abstract to score against") for m in ("lead", "mine", "oracle")},
            error="has no reference abstract to score against",
        )
    )
    return docs


def test_aggregates_gap_and_failures() -> None:
    evaluation = build_evaluation(_docs(), ("lead", "mine", "oracle"), words=200, resamples=200)
    mine = evaluation.overall["mine"]
    assert mine.documents == 5 and mine.failed == 1
    assert mine.f1["rouge1"].mean == pytest.approx((0.3 + 0.4 + 0.2 + 0.5) / 5)
    # lead 1.0/5, mine 1.4/5, oracle 2.2/5 on R1 -> mine closes a third of the gap
    assert mine.gap_closed["rouge1"] == pytest.approx(0.4 / 1.2)
    assert evaluation.overall["lead"].gap_closed["mean"] == 0.0
    assert set(evaluation.by_source) == {"A (from x)", "B (from y)"}
    assert evaluation.by_source["B (from y)"]["mine"].documents == 3
    assert [f.doc_id for f in evaluation.failures] == ["bad"] * 3
    assert {(t.a, t.b, t.metric) for t in evaluation.tests} == {("lead", "mine", m) for m in ("R1", "R2", "RLsum")}


def test_renderings() -> None:
    evaluation = build_evaluation(_docs(), ("lead", "mine", "oracle"), words=200, resamples=200)
    out = io.StringIO()
    render_terminal(evaluation, Console(file=out, width=160))
    text = out.getvalue()
    assert "mine beats lead by 8.00 points (R1)" in text
    assert "1 document(s) failed" in text and "bad (mine): has no reference abstract" in text
    data = json.loads(json.dumps(to_dict(evaluation)))
    assert data["per_document"][4]["scores"]["mine"]["error"].startswith("has no reference")
    page = render_html(evaluation)
    assert "<svg" in page and "Failed documents: 1" in page and "A (n=2)" in page


def test_short_labels_only_when_unambiguous() -> None:
    assert short_labels(["SumPubMed (vgupta123)", "PLOS (x)"]) == {"SumPubMed (vgupta123)": "SumPubMed", "PLOS (x)": "PLOS"}
    assert short_labels(["X (one)", "X (two)"]) == {"X (one)": "X (one)", "X (two)": "X (two)"}
