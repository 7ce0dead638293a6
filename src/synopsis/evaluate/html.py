"""The HTML report: one self-contained page (no scripts, no fonts, no network) with the tables
and three plots drawn as inline SVG by this module, so it opens anywhere and can be mailed."""

from __future__ import annotations

import html
from collections.abc import Sequence

import numpy as np

from .report import ROLES, TOO_FEW, Evaluation, MethodStats, f1_matrix, paired_rows, short_labels
from .rouge import METRIC_LABELS, METRICS
from .runner import LEAD, ORACLE

# One colour per system up to 17 (every registered method with `-m all` and some predictions files;
# lead is grey, the oracle black); only beyond that do colours repeat.
_PALETTE = (
    "#1f77b4",
    "#d62728",
    "#2ca02c",
    "#9467bd",
    "#ff7f0e",
    "#17becf",
    "#8c564b",
    "#e377c2",
    "#bcbd22",
    "#393b79",
    "#843c39",
    "#637939",
    "#7b4173",
    "#e7ba52",
    "#6b6ecf",
    "#a55194",
    "#5ab4ac",
)
_CSS = """
body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#222;
  max-width:1180px;margin:24px auto;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.sub{color:#555;margin:0 0 12px}table{border-collapse:collapse;margin:6px 0 10px}
th,td{padding:4px 10px;border-bottom:1px solid #eee;text-align:right;white-space:nowrap}th{background:#f6f6f6}
td:first-child,th:first-child{text-align:left;white-space:normal;overflow-wrap:anywhere;min-width:12ch;max-width:40ch}.ci{color:#888;font-size:12px}.ref{color:#777}
.legend span{display:inline-block;margin-right:14px}
.legend i{display:inline-block;width:18px;height:4px;margin-right:5px;vertical-align:middle}
.note{color:#555;font-size:13px;max-width:900px}.warn{color:#b00}svg text{font:11px system-ui,sans-serif;fill:#333}
ul.fail{font-size:13px;columns:2}ul,.note,.sub{overflow-wrap:anywhere}code{background:#f3f3f3;padding:1px 4px}
"""


def _colors(methods: Sequence[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    palette = iter(_PALETTE * (1 + len(methods) // len(_PALETTE)))
    for m in methods:
        out[m] = "#888888" if m == LEAD else "#111111" if m == ORACLE else next(palette)
    return out


def _e(text: object) -> str:
    return html.escape(str(text))


def _pts(value: float) -> str:
    return "–" if value != value else f"{value * 100:.2f}"


def _ci(low: float, high: float) -> str:
    return "" if low != low else f' <span class="ci">{_pts(low)}–{_pts(high)}</span>'


def _legend(methods: Sequence[str], colors: dict[str, str]) -> str:
    items = "".join(f'<span><i style="background:{colors[m]}"></i>{_e(m)}</span>' for m in methods)
    return f'<div class="legend">{items}</div>'


def _axis_y(x0: float, y0: float, height: float, ticks: Sequence[float], scale: float) -> str:
    out = []
    for t in ticks:
        y = y0 + height - t * scale
        out.append(f'<line x1="{x0}" x2="{x0 - 4}" y1="{y:.1f}" y2="{y:.1f}" stroke="#999"/>')
        out.append(f'<text x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end">{t * 100:.0f}</text>')
    return "".join(out)


def distribution_svg(evaluation: Evaluation, colors: dict[str, str]) -> str:
    """Per metric, one row per method: jittered document scores, box (quartiles), mean diamond."""
    methods = evaluation.methods
    row, left, width, gap = 26, 90, 300, 44
    height = row * len(methods) + 40
    total = left + len(METRICS) * (width + gap)
    rng = np.random.default_rng(0)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{total}" height="{height}" role="img" aria-label="score distributions">'
    ]
    for k, metric in enumerate(METRICS):
        x0 = left + k * (width + gap)
        parts.append(
            f'<text x="{x0 + width / 2}" y="12" text-anchor="middle" font-weight="bold">{METRIC_LABELS[metric]} F1 x 100</text>'
        )
        for t in np.linspace(0, 1, 6):
            x = x0 + t * width
            parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="20" y2="{height - 18}" stroke="#eee"/>')
            parts.append(f'<text x="{x:.1f}" y="{height - 4}" text-anchor="middle">{t * 100:.0f}</text>')
        for i, m in enumerate(methods):
            values = f1_matrix(evaluation.docs, m)[:, k]
            cy = 20 + i * row + row / 2
            if k == 0:
                parts.append(f'<text x="{left - 10}" y="{cy + 4}" text-anchor="end">{_e(m)}</text>')
            if values.size == 0:
                continue
            jitter = rng.uniform(-row * 0.3, row * 0.3, values.size)
            dots = "".join(
                f'<circle cx="{x0 + v * width:.1f}" cy="{cy + j:.1f}" r="1.6"/>' for v, j in zip(values, jitter, strict=True)
            )
            parts.append(f'<g fill="{colors[m]}" fill-opacity="0.22">{dots}</g>')
            q1, med, q3 = np.quantile(values, [0.25, 0.5, 0.75])
            top, box = cy - row * 0.3, row * 0.6
            parts.append(
                f'<rect x="{x0 + q1 * width:.1f}" y="{top:.1f}" width="{max(1.0, (q3 - q1) * width):.1f}" height="{box:.1f}" '
                f'fill="none" stroke="{colors[m]}" stroke-width="1.5"/>'
                f'<line x1="{x0 + med * width:.1f}" x2="{x0 + med * width:.1f}" y1="{top:.1f}" y2="{top + box:.1f}" '
                f'stroke="{colors[m]}" stroke-width="2"/>'
            )
            mx = x0 + float(values.mean()) * width
            parts.append(f'<path d="M{mx:.1f},{cy - 5:.1f} l5,5 l-5,5 l-5,-5 z" fill="{colors[m]}" stroke="#fff"/>')
    parts.append("</svg>")
    return "".join(parts)


def _nice_axis(top: float) -> tuple[float, float]:
    """An axis end at or above `top` on a round step (1, 2, 5, 10, 20, 25 points), at most 6 steps."""
    for step in (0.01, 0.02, 0.05, 0.1, 0.2, 0.25):
        if top <= step * 6:  # never past 100: no score or share is above it
            return min(1.0, max(step, float(np.ceil(top * 1.02 / step) * step))), step
    return 1.0, 0.25


def _line_chart(
    series: dict[str, tuple[np.ndarray, np.ndarray]],
    colors: dict[str, str],
    *,
    title: str,
    x_label: str,
    y_max: float,
    log_x: bool = False,
    width: int = 520,
    height: int = 300,
) -> str:
    left, bottom, top, right = 46, 40, 24, 12
    plot_w, plot_h = width - left - right, height - top - bottom
    xs = np.concatenate([x for x, _ in series.values() if x.size]) if series else np.array([1.0])
    xs = xs if xs.size else np.array([1.0])
    fx = np.log10 if log_x else (lambda v: v)
    lo, hi = float(fx(max(xs.min(), 1e-9))), float(fx(max(xs.max(), 1e-9)))
    if hi - lo < 1e-9:
        lo, hi = lo - 0.5, hi + 0.5
    y_max, step = _nice_axis(y_max)

    def px(v: float) -> float:
        return left + (float(fx(max(v, 1e-9))) - lo) / (hi - lo) * plot_w

    def py(v: float) -> float:
        return top + plot_h - v / y_max * plot_h

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" aria-label="{_e(title)}">']
    parts.append(f'<text x="{left + plot_w / 2}" y="14" text-anchor="middle" font-weight="bold">{_e(title)}</text>')
    for t in np.arange(0, y_max + step / 2, step):
        parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{py(t):.1f}" y2="{py(t):.1f}" stroke="#eee"/>')
        parts.append(f'<text x="{left - 6}" y="{py(t) + 4:.1f}" text-anchor="end">{t * 100:.0f}</text>')
    if log_x:
        ticks = [
            v for v in (100, 200, 500, 1000, 2000, 3000, 5000, 10000, 20000, 30000, 50000, 100000) if lo <= np.log10(v) <= hi
        ]
    else:
        ticks = list(np.linspace(float(xs.min()), float(xs.max()), 6))
    for t in ticks:
        label = f"{t:,.0f}" if log_x else f"{t:.1f}"
        parts.append(f'<line x1="{px(t):.1f}" x2="{px(t):.1f}" y1="{top + plot_h}" y2="{top + plot_h + 4}" stroke="#999"/>')
        parts.append(f'<text x="{px(t):.1f}" y="{top + plot_h + 16}" text-anchor="middle">{label}</text>')
    parts.append(f'<text x="{left + plot_w / 2}" y="{height - 4}" text-anchor="middle">{_e(x_label)}</text>')
    parts.append(f'<rect x="{left}" y="{top}" width="{plot_w}" height="{plot_h}" fill="none" stroke="#ccc"/>')
    for m, (x, y) in series.items():
        if not x.size:
            continue
        points = " ".join(f"{px(a):.1f},{py(b):.1f}" for a, b in zip(x, y, strict=True))
        dash = ' stroke-dasharray="5,3"' if m == ORACLE else ""
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colors[m]}" stroke-width="2"{dash}/>')
        parts.append(
            "".join(f'<circle cx="{px(a):.1f}" cy="{py(b):.1f}" r="2.5" fill="{colors[m]}"/>' for a, b in zip(x, y, strict=True))
        )
    parts.append("</svg>")
    return "".join(parts)


def length_svgs(evaluation: Evaluation, colors: dict[str, str], bins: int = 8) -> str:
    """Mean F1 per document-length bin (equal-count bins), one line per method, for R1 and R2."""
    lengths = np.array([d.words for d in evaluation.docs], dtype=np.float64)
    if lengths.size == 0:
        return ""
    order = np.argsort(lengths, kind="stable")
    groups = [g for g in np.array_split(order, min(bins, lengths.size)) if g.size]
    centers = np.array([np.median(lengths[g]) for g in groups])
    out = []
    for k, metric in enumerate(METRICS[:2]):
        series = {}
        top = 0.0
        for m in evaluation.methods:
            f1 = f1_matrix(evaluation.docs, m)[:, k]
            means = np.array([f1[g].mean() for g in groups])
            series[m] = (centers, means)
            top = max(top, float(means.max()))
        out.append(
            _line_chart(
                series,
                colors,
                title=f"{METRIC_LABELS[metric]} F1 x 100 by document length",
                x_label="document length (words, log scale; bin medians)",
                y_max=top,
                log_x=True,
            )
        )
    return "".join(out)


def position_svg(evaluation: Evaluation, colors: dict[str, str], bins: int = 20) -> str:
    """One small histogram per method: the share of its chosen sentences in each twentieth of the
    document (own y-scale per panel, so lead's spike at the start does not flatten the others)."""
    edges = np.linspace(0, 1, bins + 1)
    panel_w, panel_h, left, top, bottom = 250, 150, 34, 22, 30
    panels = []
    for m in evaluation.methods:
        positions = np.array([p for d in evaluation.docs for p in d.results[m].positions])
        if positions.size == 0:
            continue
        counts, _ = np.histogram(positions, bins=edges)
        share = counts / counts.sum()
        y_max, step = _nice_axis(float(share.max()))
        plot_w, plot_h = panel_w - left - 8, panel_h - top - bottom
        bar = plot_w / bins
        parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{panel_w}" height="{panel_h}" role="img" aria-label="{_e(m)}">']
        parts.append(f'<text x="{left}" y="14" font-weight="bold">{_e(m)}</text>')
        for t in np.arange(0, y_max + step / 2, step):
            y = top + plot_h - t / y_max * plot_h
            parts.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y:.1f}" y2="{y:.1f}" stroke="#eee"/>')
            parts.append(f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{t * 100:.0f}%</text>')
        for k, value in enumerate(share):
            height = value / y_max * plot_h
            parts.append(
                f'<rect x="{left + k * bar + 0.5:.1f}" y="{top + plot_h - height:.1f}" '
                f'width="{bar - 1:.1f}" height="{height:.1f}" '
                f'fill="{colors[m]}"><title>{edges[k]:.2f}–{edges[k + 1]:.2f}: {value * 100:.1f}%</title></rect>'
            )
        for t in (0, 0.5, 1):
            parts.append(f'<text x="{left + t * plot_w:.1f}" y="{top + plot_h + 14}" text-anchor="middle">{t:g}</text>')
        parts.append("</svg>")
        panels.append("".join(parts))
    if not panels:
        return ""
    return (
        '<div style="display:flex;flex-wrap:wrap;gap:8px 18px">' + "".join(panels) + "</div>"
        '<p class="note">x: relative position of a chosen sentence in the document (0 = first sentence, 1 = last); '
        "y: share of all the sentences the method chose.</p>"
    )


def _overall_table(evaluation: Evaluation) -> str:
    head = "".join(f"<th>{METRIC_LABELS[m]} F1</th><th>P</th><th>R</th>" for m in METRICS)
    rows = []
    for name in evaluation.methods:
        s = evaluation.overall[name]
        role = f' <span class="ref">({_e(ROLES[name])})</span>' if name in ROLES else ""
        cells = "".join(
            f"<td><b>{_pts(s.f1[m].mean)}</b>{_ci(s.f1[m].low, s.f1[m].high)}</td>"
            f"<td>{_pts(s.precision[m])}</td><td>{_pts(s.recall[m])}</td>"
            for m in METRICS
        )
        gap = s.gap_closed.get("mean")
        rows.append(
            f"<tr><td>{_e(name)}{role}</td>{cells}<td>{s.words:.0f}</td>"
            f"<td>{'–' if gap is None else f'{gap * 100:.0f}%'}</td><td>{s.failed}</td></tr>"
        )
    return f"<table><tr><th>method</th>{head}<th>words</th><th>gap closed</th><th>failed</th></tr>{''.join(rows)}</table>"


def _source_table(evaluation: Evaluation) -> str:
    sources = evaluation.by_source
    labels = short_labels(list(sources))
    head = "".join(
        f'<th colspan=3 title="{_e(src)}">{_e(labels[src])} (n={next(iter(st.values())).documents})</th>'
        for src, st in sources.items()
    )
    sub = "".join("<th>R1</th><th>R2</th><th>RLsum</th>" for _ in sources)
    rows = []
    for name in evaluation.methods:
        cells = "".join("".join(f"<td>{_pts(st[name].f1[m].mean)}</td>" for m in METRICS) for st in sources.values())
        rows.append(f"<tr><td>{_e(name)}</td>{cells}</tr>")
    return f"<table><tr><th></th>{head}</tr><tr><th>method</th>{sub}</tr>{''.join(rows)}</table>"


def _tests_table(evaluation: Evaluation) -> str:
    """One row per pair (B vs A), one cell per metric: B − A in points, its 95% CI and p (bold
    below 0.05), so that `-m all`'s 91 pairs read as a table rather than 273 sentences."""
    rows = []
    for b, a, tests in paired_rows(evaluation):
        cells = []
        for t in tests:
            ci = "" if t.low != t.low else f' <span class="ci">{t.low * 100:+.2f} to {t.high * 100:+.2f}</span>'
            value = f"{t.difference * 100:+.2f}"
            p = t.p_text()
            shown = f"<b>{value}</b>" if t.p_value < 0.05 else value
            cells.append(
                f'<td title="{_e(t.sentence())}">{shown}{ci}</td><td>{_e(p.removeprefix("p = ").removeprefix("p "))}</td>'
            )
        rows.append(f"<tr><td>{_e(b)} vs {_e(a)}</td>{''.join(cells)}</tr>")
    if not rows:
        return "<p>no pair to compare (run two or more methods)</p>"
    head = "".join(f"<th>{METRIC_LABELS[m]} B − A</th><th>p</th>" for m in METRICS)
    few = "" if evaluation.intervals else f'<p class="note">{_e(TOO_FEW)}.</p>'
    return f"<table><tr><th>B vs A</th>{head}</tr>{''.join(rows)}</table>{few}"


def _not_evaluated(evaluation: Evaluation) -> str:
    if not evaluation.not_evaluated:
        return ""
    items = "".join(f"<li>{_e(d.line())}</li>" for d in evaluation.not_evaluated[:200])
    if len(evaluation.not_evaluated) > 200:
        items += f"<li>… {len(evaluation.not_evaluated) - 200} more in the JSON report</li>"
    return (
        f"<h2>Not evaluated: {len(evaluation.not_evaluated)}</h2>"
        '<p class="note">No system can be scored on these documents; they are left out of every average.</p>'
        f'<ul class="fail">{items}</ul>'
    )


def render_html(evaluation: Evaluation) -> str:
    colors = _colors(evaluation.methods)
    p = evaluation.protocol
    n = len(evaluation.docs)
    status = (
        f'<p class="warn">Interrupted: partial report over the first {n} of {evaluation.expected or "?"} documents.</p>'
        if evaluation.partial
        else ""
    )
    skipped = _not_evaluated(evaluation)
    unscored = f" ({len(evaluation.not_evaluated)} more not evaluated)" if evaluation.not_evaluated else ""
    failed_docs = sorted({f.doc_id for f in evaluation.failures})
    failures = "".join(
        f"<li><code>{_e(f.doc_id)}</code> ({_e(f.method)}): {_e(f.reason)}</li>" for f in evaluation.failures[:200]
    )
    more = (
        f"<p class='note'>… {len(evaluation.failures) - 200} more in the JSON report.</p>"
        if len(evaluation.failures) > 200
        else ""
    )
    notes = "".join(f"<li>{_e(x)}</li>" for x in evaluation.notes)
    best = _best(evaluation.overall)
    boot = p["bootstrap"]
    ci_text = (
        f"95% bootstrap CIs ({boot['resamples']} resamples over documents, seed {boot['seed']})"
        if evaluation.intervals
        else _e(TOO_FEW)
    )
    tokenizers = "; ".join(f"{k}: {v}" for k, v in p.get("tokenizer", {}).items())
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>synopsis evaluation: {n} documents</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>{_CSS}</style></head><body>
<h1>synopsis evaluation</h1>
<p class="sub">{n} documents from {len(evaluation.by_source)} source(s){unscored} · {_e(p["scorer"])} · tokenizer {_e(tokenizers)}
· every summary cut to its first {p["words"]} words · macro average, a document a system failed on scored 0 for it
· {ci_text} · synopsis {_e(p["synopsis"])}</p>{status}
{best}
<h2>Scores (F1, P, R x 100; mean{" and 95% CI" if evaluation.intervals else ""})</h2>
{_overall_table(evaluation)}
<p class="note"><b>lead</b> (the first sentences) is the floor and the greedy extractive <b>oracle</b> (sentences picked
to maximise ROUGE-1 + ROUGE-2 F1 against the reference, same budget) the ceiling; <b>gap closed</b> is the share of the
lead→oracle distance a method covers, on the mean of the three F1 scores.</p>
<h2>Per source</h2>{_source_table(evaluation)}
<h2>Paired bootstrap tests</h2>
<p class="note">B − A in points (F1 x 100) on the same documents, its 95% CI, and the two-sided p-value; bold: p &lt; 0.05.</p>
{_tests_table(evaluation)}
<h2>Score distribution per method</h2>{_legend(evaluation.methods, colors)}
<p class="note">Each dot is one document; boxes show the quartiles, the bar the median and the diamond the mean.</p>
{distribution_svg(evaluation, colors)}
<h2>Score vs. document length</h2>{_legend(evaluation.methods, colors)}
<p class="note">Documents sorted by length into equal-sized bins; each point is the mean score of one bin.</p>
<div>{length_svgs(evaluation, colors)}</div>
<h2>Where in the document the chosen sentences come from</h2>
{position_svg(evaluation, colors)}
<h2>Failed documents: {len(failed_docs)}</h2>
<ul class="fail">{failures or "<li>none</li>"}</ul>{more}
{skipped}
{f"<h2>Notes</h2><ul>{notes}</ul>" if notes else ""}
</body></html>
"""


def _best(overall: dict[str, MethodStats]) -> str:
    systems = [s for name, s in overall.items() if name not in (LEAD, ORACLE)]
    if not systems:
        return ""
    top = max(systems, key=lambda s: s.f1["rouge2"].mean)
    gap = top.gap_closed.get("mean")
    closed = "" if gap is None else f", closing {gap * 100:.0f}% of the lead→oracle gap"
    return f"<p><b>Best method by ROUGE-2: {_e(top.name)}</b> ({_pts(top.f1['rouge2'].mean)} R2 F1{closed}).</p>"
