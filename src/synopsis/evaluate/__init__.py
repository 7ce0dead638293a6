"""Evaluation: score summaries against reference abstracts by one stated ROUGE protocol.

    rouge.py      ROUGE-1/2/Lsum, identical to rouge-score (use_stemmer=True); truncation, sentence split
    oracle.py     greedy extractive oracle and per-sentence ROUGE (training labels)
    bootstrap.py  bootstrap CIs and the paired bootstrap test (seeded Generator)
    reference.py  the reference abstract as evaluate scores against it and train learns from it
    runner.py     run methods over a corpus (workers, input order kept) -> DocResult per article
    report.py     aggregate (CIs, per source, tests, gap closed, failures); terminal table and JSON
    html.py       the self-contained HTML report with inline SVG plots

The protocol is written down in docs/evaluation.md. Needs the `eval` extra (rouge-score-rs).
"""

from __future__ import annotations

from .bootstrap import Interval, PairedTest, bootstrap_ci, paired_bootstrap
from .oracle import SentenceRouge, greedy_oracle, sentence_rouge
from .rouge import METRICS, Rouge, RougeScores, score_sentences, score_summary, split_sentences, truncate

__all__ = [
    "METRICS",
    "Interval",
    "PairedTest",
    "Rouge",
    "RougeScores",
    "SentenceRouge",
    "bootstrap_ci",
    "greedy_oracle",
    "paired_bootstrap",
    "score_sentences",
    "score_summary",
    "sentence_rouge",
    "split_sentences",
    "truncate",
]
