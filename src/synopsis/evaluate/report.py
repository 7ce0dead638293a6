"""Aggregate per-document results into a report: means with bootstrap CIs, per-source breakdown,
paired tests, the lead->oracle gap, failures; and render it for the terminal and as JSON.

Scores are shown as F1 x 100 ("points"); JSON keeps the raw 0-1 values.
"""

from __future__ import annotations

import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import numpy as np
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..errors import listed
from ..output import printable_line
from ..version import __version__
from .bootstrap import (
    CONFIDENCE,
    MIN_DOCUMENTS_FOR_TEST,
    RESAMPLES,
    SEED,
    Interval,
    PairedTest,
    bootstrap_ci,
    paired_bootstrap,
)
from .rouge import METRIC_LABELS, METRICS, get_backend, tokenizer_description
from .runner import AUTO, LEAD, ORACLE, DocResult


@dataclass(frozen=True)
class MethodStats:
    """One method over a set of documents (failed ones included as 0)."""

    name: str
    documents: int
    failed: int
    f1: dict[str, Interval]
    precision: dict[str, float]
    recall: dict[str, float]
    words: float
    sentences: float
    truncated: int
    gap_closed: dict[str, float | None] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Failure:
    doc_id: str
    method: str
    reason: str
    input: str


@dataclass(frozen=True, slots=True)
class NotEvaluated:
    """A document no system could be scored on (unreadable, no reference abstract): listed, and
    left out of every average and test."""

    doc_id: str
    reason: str
    input: str

    def line(self) -> str:
        """'id: reason', without the id twice when the reason starts with the place ('file:3: ...')."""
        return self.reason if self.reason.startswith(self.doc_id) else f"{self.doc_id}: {self.reason}"


@dataclass(frozen=True)
class Evaluation:
    protocol: dict[str, Any]
    methods: tuple[str, ...]
    overall: dict[str, MethodStats]
    by_source: dict[str, dict[str, MethodStats]]
    tests: list[PairedTest]
    failures: list[Failure]
    docs: list[DocResult]
    partial: bool = False
    expected: int | None = None
    notes: list[str] = field(default_factory=list)
    not_evaluated: list[NotEvaluated] = field(default_factory=list)

    @property
    def intervals(self) -> bool:
        """Whether there are documents enough for bootstrap intervals and p-values."""
        return len(self.docs) >= MIN_DOCUMENTS_FOR_TEST


def _rng(seed: int, *parts: str) -> np.random.Generator:
    """A generator per (method, metric, source): a method's CI does not change when others are added."""
    return np.random.default_rng([seed, *(zlib.crc32(p.encode()) for p in parts)])


def f1_matrix(docs: Sequence[DocResult], method: str) -> np.ndarray:
    """documents x metrics F1 of `method` (0 where it failed)."""
    return np.array([docs_result.results[method].scores.f1() for docs_result in docs], dtype=np.float64).reshape(
        len(docs), len(METRICS)
    )


def _stats(docs: Sequence[DocResult], method: str, *, seed: int, resamples: int, scope: str) -> MethodStats:
    results = [d.results[method] for d in docs]
    f1 = f1_matrix(docs, method)
    return MethodStats(
        name=method,
        documents=len(docs),
        failed=sum(r.error is not None for r in results),
        f1={m: bootstrap_ci(f1[:, k], resamples=resamples, rng=_rng(seed, method, m, scope)) for k, m in enumerate(METRICS)},
        precision={m: float(np.mean([r.scores.get(m).precision for r in results])) if results else float("nan") for m in METRICS},
        recall={m: float(np.mean([r.scores.get(m).recall for r in results])) if results else float("nan") for m in METRICS},
        words=float(np.mean([r.words for r in results])) if results else float("nan"),
        sentences=float(np.mean([r.sentences for r in results])) if results else float("nan"),
        truncated=sum(r.truncated for r in results),
    )


def _with_gap(stats: dict[str, MethodStats]) -> dict[str, MethodStats]:
    """Share of the lead->oracle gap each method closes, per metric and on the mean of the three."""
    if LEAD not in stats or ORACLE not in stats:
        return stats
    lead, oracle = stats[LEAD], stats[ORACLE]

    def share(value: float, low: float, high: float) -> float | None:
        return (value - low) / (high - low) if high - low > 1e-12 else None

    for s in stats.values():
        s.gap_closed.update({m: share(s.f1[m].mean, lead.f1[m].mean, oracle.f1[m].mean) for m in METRICS})
        mean = lambda x: float(np.mean([x.f1[m].mean for m in METRICS]))  # noqa: E731
        s.gap_closed["mean"] = share(mean(s), mean(lead), mean(oracle))
    return stats


# What the report's protocol says for the model when --model was not given.
SHIPPED = "the one shipped with synopsis"


# Documents named in the notes on references with markup and on predictions in another language.
LISTED_MARKUP = 5


def build_evaluation(
    docs: Sequence[DocResult],
    methods: Sequence[str],
    *,
    words: int,
    seed: int = SEED,
    resamples: int = RESAMPLES,
    partial: bool = False,
    expected: int | None = None,
    notes: Sequence[str] = (),
    model: str = "",
) -> Evaluation:
    not_evaluated = [NotEvaluated(d.id, d.error or "", d.input) for d in docs if not d.evaluated]
    docs = [d for d in docs if d.evaluated]
    overall = _with_gap({m: _stats(docs, m, seed=seed, resamples=resamples, scope="") for m in methods})
    sources: dict[str, list[DocResult]] = {}
    for d in docs:
        sources.setdefault(d.source, []).append(d)
    by_source = {
        source: _with_gap({m: _stats(group, m, seed=seed, resamples=resamples, scope=source) for m in methods})
        for source, group in sorted(sources.items())
    }
    systems = [m for m in methods if m not in (LEAD, ORACLE)]
    pairs = [(LEAD, m) for m in systems] + list(combinations(systems, 2))
    tests = []
    for a, b in pairs:
        fa, fb = f1_matrix(docs, a), f1_matrix(docs, b)
        for k, metric in enumerate(METRICS):
            tests.append(
                paired_bootstrap(
                    fa[:, k],
                    fb[:, k],
                    names=(a, b),
                    metric=METRIC_LABELS[metric],
                    resamples=resamples,
                    rng=_rng(seed, a, b, metric),
                )
            )
    failures = [Failure(d.id, m, r.error, d.input) for d in docs for m in methods if (r := d.results[m]).error is not None]
    backend = get_backend()
    protocol = {
        "scorer": f"{backend.name} {backend.version}",
        # Chosen per document by its language; every language of the corpus is listed.
        "tokenizer": {lang: tokenizer_description(lang) for lang in sorted({d.language for d in docs} or {"en"})},
        "metrics": list(METRICS),
        "use_stemmer": True,
        "words": words,
        "truncation": f"every summary cut to its first {words} whitespace-separated words before scoring",
        "sentence_split": "synopsis.segment.sentence_spans; sentences joined with newlines (ROUGE-Lsum)",
        "average": "macro over documents; a document a system failed on counts as 0 for it; documents no system"
        " can be scored on (unreadable, no reference abstract) are left out and listed",
        "bootstrap": {"resamples": resamples, "confidence": CONFIDENCE, "seed": seed, "unit": "document"},
        "synopsis": __version__,
        "model": model or SHIPPED,
    }
    return Evaluation(
        protocol,
        tuple(methods),
        overall,
        by_source,
        tests,
        failures,
        docs,
        partial,
        expected,
        [*_cut(overall, words), *_markup(docs), *_prediction_languages(docs, methods), *notes],
        not_evaluated,
    )


def _markup(docs: Sequence[DocResult]) -> list[str]:
    """One line for the references that hold HTML or LaTeX markup: ROUGE counts "<i>" as the word
    "i", which no plain-text summary holds, so every system's recall there is lower than the text's.
    Was: silent."""
    marked = [d for d in docs if d.reference_markup]
    if not marked:
        return []
    shown = listed(marked, LISTED_MARKUP, lambda d: f"{d.id} ({d.reference_markup!r})")
    return [
        f"{len(marked):,} reference abstract(s) hold HTML or LaTeX markup, which ROUGE scores as words ('<i>' as 'i')"
        f" no plain-text summary holds: strip it from the references first: {shown}"
    ]


def _prediction_languages(docs: Sequence[DocResult], methods: Sequence[str]) -> list[str]:
    """One line per system with predictions in another language than their references (German
    summaries scored against English abstracts): scored as they are, but ROUGE shares no words
    across languages, so their near-0 is explained, not hidden. Was: silent."""
    lines = []
    for name in methods:
        other = [
            f"{d.id} ({language}; the reference reads as {d.reference_language or d.language})"
            for d in docs
            if (language := d.results[name].language)
        ]
        if other:
            scored = sum(d.results[name].error is None for d in docs)
            lines.append(
                f"{name}: {len(other):,} of {scored:,} predictions read as another language than their reference abstract"
                f" (scored as they are: ROUGE finds no words shared across languages): {listed(other, LISTED_MARKUP)}"
            )
    return lines


def _cut(overall: dict[str, MethodStats], words: int) -> list[str]:
    """One line per system whose summaries were cut to the budget: the table's `words` column shows
    only the mean after the cut, and a predictions file written for another length loses its tail
    unseen. Was: said only in --json ("truncated")."""
    return [
        f"{name}: {s.truncated:,} of {s.documents:,} summaries longer than {words} words, cut to their first"
        f" {words} before scoring (the protocol's fixed budget; --words sets it)"
        for name, s in overall.items()
        if s.truncated
    ]


def short_labels(sources: Sequence[str]) -> dict[str, str]:
    """Display names: a source described as "Name (where it came from)" is shown as "Name",
    unless that would make two sources look the same."""
    short = {s: (s.split(" (", 1)[0].strip() or s) for s in sources}
    if len(set(short.values())) < len(short):
        return {s: s for s in sources}
    return short


# What a row stands for, said beside its name in the terminal and HTML tables.
ROLES = {LEAD: "floor", ORACLE: "ceiling", AUTO: "summarize's default"}


def _points(value: float) -> str:
    return "–" if value != value else f"{value * 100:.2f}"


def _ci(interval: Interval) -> str:
    if interval.low != interval.low:  # too few documents for an interval
        return _points(interval.mean)
    return f"{_points(interval.mean)} [dim]{_points(interval.low)}–{_points(interval.high)}[/dim]"


def paired_cell(test: PairedTest) -> str:
    """B − A in points with its p-value ('+5.84, p = 0.0225'), or the difference alone where there
    are too few documents for a p-value (the interval is in --json and --html)."""
    if test.p_value != test.p_value:
        return f"{test.difference * 100:+.2f}"
    return f"{test.difference * 100:+.2f}, {test.p_text()}"


def paired_rows(evaluation: Evaluation) -> list[tuple[str, str, list[PairedTest]]]:
    """The paired tests as (b, a, [one test per metric]) rows: a pair per line, not per metric, so
    that `-m all` reads as a table (91 rows), not 273 sentences."""
    rows: dict[tuple[str, str], list[PairedTest]] = {}
    for test in evaluation.tests:
        rows.setdefault((test.b, test.a), []).append(test)
    return [(b, a, tests) for (b, a), tests in rows.items()]


TOO_FEW = f"fewer than {MIN_DOCUMENTS_FOR_TEST} documents: no confidence intervals or p-values"


def _gap(value: float | None) -> str:
    return "–" if value is None else f"{value * 100:.0f}%"


def _print_listed(console: Console, header: str, lines: list[str], shown: int = 10) -> None:
    """`header` (rich markup) and the first `shown` of `lines` as they are (no markup: ids and
    reasons are the user's text, a control character in them written as its escape: an id holding
    ESC [2J would clear the terminal), then how many more the JSON report lists."""
    console.print(header)
    for line in lines[:shown]:
        console.print(f"  {printable_line(line)}", markup=False, highlight=False)
    if len(lines) > shown:
        console.print(f"  … and {len(lines) - shown} more (all listed in --json)")


def render_terminal(evaluation: Evaluation, console: Console) -> None:
    """The summary table, the per-source table, the paired tests and the failures."""
    n = len(evaluation.docs)
    head = f"{n} document{'' if n == 1 else 's'}" + (
        f" of {evaluation.expected}" if evaluation.partial and evaluation.expected else ""
    )
    if evaluation.not_evaluated:
        head += f" ({len(evaluation.not_evaluated)} more not evaluated)"
    if evaluation.partial:
        head += " [bold yellow](interrupted: partial report)[/bold yellow]"
    protocol = evaluation.protocol
    # The intervals' protocol only where there are intervals: under 5 documents the line below the
    # table says there are none (was: this header named a 95% CI the table did not have).
    bootstrap = protocol["bootstrap"]
    intervals = (
        f", 95% bootstrap CI ({bootstrap['resamples']} resamples, seed {bootstrap['seed']})" if evaluation.intervals else ""
    )
    console.print(
        f"[bold]synopsis evaluate[/bold]: {head}; {escape(str(protocol['scorer']))}, stemmed, first {protocol['words']} words"
        + intervals
    )
    tokenizers = "; ".join(f"{lang}: {text}" for lang, text in protocol.get("tokenizer", {}).items())
    console.print(f"tokenizer: {escape(tokenizers)}")  # "[a-z0-9]+" is text, not a rich style
    if protocol.get("model", SHIPPED) != SHIPPED:
        console.print(f"model: {escape(str(protocol['model']))} (for the methods that take a trained model)")
    title = "ROUGE F1 x 100, mean [95% CI]" if evaluation.intervals else "ROUGE F1 x 100, mean"
    table = Table(title=title, title_justify="left", header_style="bold")
    table.add_column("method")
    for metric in METRICS:
        table.add_column(METRIC_LABELS[metric], justify="right")
    table.add_column("words", justify="right")
    table.add_column("gap closed", justify="right")
    table.add_column("failed", justify="right")
    for name in evaluation.methods:
        s = evaluation.overall[name]
        shown = escape(name)  # a predictions file's name may hold brackets
        label = shown if name in (LEAD, ORACLE) else f"[bold]{shown}[/bold]"
        if name in ROLES:
            label += f" [dim]({ROLES[name]})[/dim]"
        table.add_row(label, *(_ci(s.f1[m]) for m in METRICS), f"{s.words:.0f}", _gap(s.gap_closed.get("mean")), str(s.failed))
    console.print(table)
    if not evaluation.intervals:
        console.print(f"[yellow]{TOO_FEW}[/yellow]")
    if len(evaluation.by_source) > 1:
        per = Table(title="per source: R1 / R2 / RLsum F1 x 100", title_justify="left", header_style="bold")
        per.add_column("method")
        labels = short_labels(list(evaluation.by_source))
        for source, stats in evaluation.by_source.items():
            per.add_column(f"{escape(labels[source])} (n={next(iter(stats.values())).documents})", justify="right")
        for name in evaluation.methods:
            cells = (" / ".join(_points(stats[name].f1[m].mean) for m in METRICS) for stats in evaluation.by_source.values())
            per.add_row(escape(name), *cells)
        console.print(per)
    if evaluation.tests:
        shown = (
            "B − A in points (F1 x 100), two-sided p, bold below 0.05 (95% CIs in --json and --html)"
            if evaluation.intervals
            else "B − A in points (F1 x 100)"
        )
        console.print(f"[bold]paired bootstrap tests[/bold]: {shown}")
        tests = Table(header_style="bold")
        tests.add_column("B vs A")
        for metric in METRICS:
            tests.add_column(METRIC_LABELS[metric], justify="right", no_wrap=True)
        for b, a, row in paired_rows(evaluation):
            shown_cells = [f"[bold]{paired_cell(t)}[/bold]" if t.p_value < 0.05 else paired_cell(t) for t in row]
            tests.add_row(f"{escape(b)} vs {escape(a)}", *shown_cells)
        console.print(tests)
    failed_docs = {f.doc_id for f in evaluation.failures}
    if evaluation.failures:
        header = f"[bold red]{len(failed_docs)} document(s) failed[/bold red] for at least one method"
        _print_listed(
            console,
            f"{header} (scored 0, kept in the averages):",
            [f"{f.doc_id} ({f.method}): {f.reason}" for f in evaluation.failures],
        )
    else:
        console.print("failed documents: 0")
    if evaluation.not_evaluated:
        header = f"[bold red]{len(evaluation.not_evaluated)} document(s) not evaluated[/bold red]"
        _print_listed(
            console,
            f"{header} (no system can be scored on them; left out of every average):",
            [d.line() for d in evaluation.not_evaluated],
        )
    for note in evaluation.notes:
        console.print(f"note: {note}", markup=False, highlight=False)


def _number(value: float) -> float | None:
    """JSON has no NaN: an interval or p-value there is not (too few documents) is null."""
    return None if value != value else value


def _interval(i: Interval) -> dict[str, float | None]:
    return {"mean": _number(i.mean), "low": _number(i.low), "high": _number(i.high)}


def _stats_dict(s: MethodStats) -> dict[str, Any]:
    return {
        "documents": s.documents,
        "failed": s.failed,
        "words": s.words,
        "sentences": s.sentences,
        "truncated": s.truncated,
        **{m: {"f1": _interval(s.f1[m]), "precision": s.precision[m], "recall": s.recall[m]} for m in METRICS},
        "gap_closed": s.gap_closed,
    }


def to_dict(evaluation: Evaluation) -> dict[str, Any]:
    """Everything in the report, per-document scores included, as plain JSON-ready values."""
    return {
        "protocol": evaluation.protocol,
        "documents": len(evaluation.docs),
        "partial": evaluation.partial,
        "expected": evaluation.expected,
        "methods": list(evaluation.methods),
        "overall": {m: _stats_dict(s) for m, s in evaluation.overall.items()},
        "by_source": {src: {m: _stats_dict(s) for m, s in stats.items()} for src, stats in evaluation.by_source.items()},
        "tests": [
            {
                "a": t.a,
                "b": t.b,
                "metric": t.metric,
                "difference": t.difference,
                "low": _number(t.low),
                "high": _number(t.high),
                "p": _number(t.p_value),
                "text": t.sentence(),
            }
            for t in evaluation.tests
        ],
        "failures": [{"id": f.doc_id, "method": f.method, "reason": f.reason, "input": f.input} for f in evaluation.failures],
        "not_evaluated": [{"id": d.doc_id, "reason": d.reason, "input": d.input} for d in evaluation.not_evaluated],
        "notes": evaluation.notes,
        "per_document": [
            {
                "id": d.id,
                "source": d.source,  # the group it is reported in (--by); `input` is its file
                "input": d.input,
                "language": d.language,
                "reference": d.reference,  # "given", or "text": the abstract found under its heading in the text
                # The language the reference reads as where it is not the text's (else absent).
                **({"reference_language": d.reference_language} if d.reference_language else {}),
                "words": d.words,
                "scores": {
                    m: {
                        **{
                            metric: {
                                "p": r.scores.get(metric).precision,
                                "r": r.scores.get(metric).recall,
                                "f": r.scores.get(metric).fmeasure,
                            }
                            for metric in METRICS
                        },
                        "words": r.words,
                        "positions": [round(p, 4) for p in r.positions],
                        # as `synopsis summarize -o json` / `-o scores` number the sentences
                        **({"indices": list(r.indices)} if r.indices else {}),
                        # the method that made it, where the row is none (auto: by the document's language)
                        **({"method": r.method} if r.method else {}),
                        # a prediction's language where it is not its reference's (else absent)
                        **({"language": r.language} if r.language else {}),
                        **({"error": r.error} if r.error else {}),
                    }
                    for m, r in d.results.items()
                },
            }
            for d in evaluation.docs
        ],
    }
