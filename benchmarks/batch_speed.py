"""Speed and memory of `synopsis batch` on the dev data (a benchmark, not a timed test).

    python benchmarks/batch_speed.py stages                 # where one core's time goes, per stage
    python benchmarks/batch_speed.py throughput --jobs 1 2  # docs/s end to end, 1 and 2 workers
    python benchmarks/batch_speed.py memory --docs 20000    # RSS over a 20,000-document run

Every number comes with CPU seconds as well as wall seconds: on a shared machine wall time says as
much about the neighbours as about us, while docs per CPU-second is what "docs/s per core" means.
Results go to benchmarks/results/batch_speed.json (merged by section) and batch_speed.md.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEV = Path(os.environ.get("SYNOPSIS_DEV_DATA", "/work/shared/data/dev"))
RESULTS = ROOT / "benchmarks" / "results"
CLI = [sys.executable, "-c", "from synopsis.cli import main; main()"]


def dev_lines(data: Path, limit: int | None) -> Iterator[bytes]:
    """The dev JSONL lines, file by file (the first `limit` of each when given)."""
    for path in sorted(data.glob("*.jsonl")):
        with path.open("rb") as handle:
            yield from itertools.islice((line for line in handle if line.strip()), limit)


def write_sample(path: Path, data: Path, limit: int | None) -> int:
    count = 0
    with path.open("wb") as out:
        for line in dev_lines(data, limit):
            out.write(line if line.endswith(b"\n") else line + b"\n")
            count += 1
    return count


def write_repeated(path: Path, data: Path, docs: int) -> None:
    """`docs` documents cycling over the dev data with fresh ids, gzip-streamed to disk: the
    corpus never exists in memory, here or in the run under test."""
    with gzip.open(path, "wb", compresslevel=1) as out:
        lines = itertools.cycle(list(_paths_and_offsets(data)))
        for k in range(docs):
            file, offset = next(lines)
            with file.open("rb") as handle:
                handle.seek(offset)
                record = json.loads(handle.readline())
            record["id"] = f"{record['id']}#{k}"
            out.write(json.dumps(record).encode("utf-8") + b"\n")


def _paths_and_offsets(data: Path) -> Iterator[tuple[Path, int]]:
    for path in sorted(data.glob("*.jsonl")):
        offset = 0
        with path.open("rb") as handle:
            for line in handle:
                if line.strip():
                    yield path, offset
                offset += len(line)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_batch(inputs: list[str], out: Path, jobs: int, extra: list[str] = ()) -> dict[str, Any]:  # type: ignore[assignment]
    """One `synopsis batch` run in a subprocess: wall and CPU seconds of the whole process tree."""
    cpu_before, started = children_cpu(), time.monotonic()
    load = os.getloadavg()[0]
    done = subprocess.run(
        [*CLI, "batch", *inputs, "-o", str(out), "-j", str(jobs), "--no-progress", *extra],
        capture_output=True,
        text=True,
        check=False,
    )
    wall, cpu = time.monotonic() - started, children_cpu() - cpu_before
    if done.returncode not in (0, 1):
        raise SystemExit(f"batch failed ({done.returncode}): {done.stderr[-2000:]}")
    rows = sum(1 for _ in out.open("rb"))
    reported = re.search(r"([\d.]+) docs/s", done.stderr)
    return {
        "jobs": jobs,
        "docs": rows,
        "wall_s": round(wall, 2),
        "cpu_s": round(cpu, 2),
        "docs_per_s": round(rows / wall, 2),
        "docs_per_cpu_s": round(rows / cpu, 2),
        "in_run_docs_per_s": float(reported.group(1)) if reported else None,
        "load_before": round(load, 2),
        "final_line": done.stderr.strip().splitlines()[-1],
    }


def throughput(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="synopsis-batch-speed-") as tmp:
        sample = Path(tmp) / "dev.jsonl"
        docs = write_sample(sample, args.data, args.limit)
        runs = []
        for repeat in range(args.repeat):
            for jobs in args.jobs:
                out = Path(tmp) / f"out-{jobs}-{repeat}.jsonl"
                run = run_batch([str(sample)], out, jobs)
                print(json.dumps(run), flush=True)
                runs.append(run)
    best = {jobs: max((r for r in runs if r["jobs"] == jobs), key=lambda r: r["docs_per_s"]) for jobs in args.jobs}
    summary: dict[str, Any] = {"input_docs": docs, "limit_per_file": args.limit, "runs": runs, "cpus": os.cpu_count()}
    if 1 in best and 2 in best:
        summary["speedup_2_over_1_wall"] = round(best[2]["docs_per_s"] / best[1]["docs_per_s"], 2)
        summary["cpu_efficiency_2_over_1"] = round(best[2]["docs_per_cpu_s"] / best[1]["docs_per_cpu_s"], 2)
    return summary


def rss_tree(pid: int) -> dict[str, int]:
    """Resident memory (bytes) of `pid` and of all its descendants, from /proc."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {pid}, [pid]
    while frontier:
        current = frontier.pop()
        for child, parent in parents.items():
            if parent == current and child not in tree:
                tree.add(child)
                frontier.append(child)
    sizes = {}
    for member in tree:
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
        if found:
            sizes["main" if member == pid else str(member)] = int(found.group(1)) * 1024
    return sizes


def memory(args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="synopsis-batch-memory-") as tmp:
        corpus = Path(tmp) / "repeated.jsonl.gz"
        write_repeated(corpus, args.data, args.docs)
        out = Path(tmp) / "out.jsonl"
        command = [*CLI, "batch", str(corpus), "-o", str(out), "-j", str(args.jobs), "--no-progress"]
        cpu_before, started = children_cpu(), time.monotonic()
        process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
        samples = []
        while process.poll() is None:
            sizes = rss_tree(process.pid)
            rows = out.read_bytes().count(b"\n") if out.exists() else 0
            samples.append(
                {
                    "t": round(time.monotonic() - started, 1),
                    "rows": rows,
                    "main": sizes.get("main", 0),
                    "total": sum(sizes.values()),
                }
            )
            time.sleep(args.every)
        stderr = process.stderr.read() if process.stderr else ""
        wall, cpu = time.monotonic() - started, children_cpu() - cpu_before
        rows = sum(1 for _ in out.open("rb"))
    working = [s for s in samples if s["rows"] > 0]

    def at(share: float) -> dict[str, Any]:
        target = share * rows
        return min(working, key=lambda s: abs(s["rows"] - target))

    mib = 1024 * 1024
    points = {name: at(share) for name, share in (("start", 0.02), ("mid", 0.5), ("end", 1.0))}
    return {
        "docs": args.docs,
        "rows": rows,
        "jobs": args.jobs,
        "wall_s": round(wall, 1),
        "cpu_s": round(cpu, 1),
        "docs_per_cpu_s": round(rows / cpu, 2),
        "rss_mib": {
            name: {"rows": p["rows"], "main": round(p["main"] / mib, 1), "total": round(p["total"] / mib, 1)}
            for name, p in points.items()
        },
        "peak_total_mib": round(max(s["total"] for s in samples) / mib, 1),
        "peak_main_mib": round(max(s["main"] for s in samples) / mib, 1),
        "final_line": stderr.strip().splitlines()[-1] if stderr.strip() else "",
        "samples": samples,
    }


def stages(args: argparse.Namespace) -> dict[str, Any]:
    """One core, in this process: CPU time per stage (read+parse, clean+segment, features, score+
    select, encode), so a slow total can be traced to its stage."""
    from synopsis.batch.work import encode_row
    from synopsis.features import compute_features
    from synopsis.ingest.jsonl import JsonlFields, parse_line
    from synopsis.output import summary_to_dict
    from synopsis.pipeline import build_document, summarize_document

    totals = {"parse": 0.0, "clean_segment": 0.0, "features": 0.0, "score_select": 0.0, "encode": 0.0}
    docs = 0
    lines = list(dev_lines(args.data, args.limit))
    clock = time.process_time
    for number, line in enumerate(lines, start=1):
        t0 = clock()
        article = parse_line(line, source="dev", line=number, fields=JsonlFields(), stem="dev")
        t1 = clock()
        doc = build_document(article)
        t2 = clock()
        features = compute_features(doc)
        t3 = clock()
        summary = summarize_document(doc, features=features)
        t4 = clock()
        encode_row(summary_to_dict(summary, doc))
        t5 = clock()
        for key, spent in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
            totals[key] += spent
        docs += 1
    total = sum(totals.values())
    return {
        "docs": docs,
        "method": "default",
        "ms_per_doc": {key: round(1000 * value / docs, 2) for key, value in totals.items()},
        "ms_per_doc_total": round(1000 * total / docs, 2),
        "docs_per_cpu_s": round(docs / total, 2),
        "mean_chars": round(sum(len(line) for line in lines) / max(1, docs)),
    }


def save(section: str, result: dict[str, Any]) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    store = RESULTS / "batch_speed.json"
    everything = json.loads(store.read_text()) if store.exists() else {}
    everything[section] = {**result, "when": time.strftime("%Y-%m-%d %H:%M"), "machine": f"{os.cpu_count()} CPUs"}
    store.write_text(json.dumps(everything, indent=1) + "\n")
    (RESULTS / "batch_speed.md").write_text(render(everything))


def render(everything: dict[str, Any]) -> str:
    out = ["# synopsis batch: speed and memory", ""]
    out += ["Made by `python benchmarks/batch_speed.py SECTION`; raw numbers in batch_speed.json.", ""]
    if "stages" in everything:
        s = everything["stages"]
        out += [f"## Where one core's time goes ({s['docs']} dev docs, {s['when']})", "", "| stage | ms/doc |", "|---|---|"]
        out += [f"| {k} | {v} |" for k, v in s["ms_per_doc"].items()]
        out += [f"| **total** | **{s['ms_per_doc_total']}** ({s['docs_per_cpu_s']} docs per CPU-second) |", ""]
    if "throughput" in everything:
        t = everything["throughput"]
        header = "| jobs | docs | wall s | docs/s (wall) | CPU s | docs per CPU-s | load before |"
        out += [f"## Throughput end to end ({t['input_docs']} dev docs, {t['when']})", "", header, "|---" * 7 + "|"]
        for r in t["runs"]:
            out.append(
                f"| {r['jobs']} | {r['docs']} | {r['wall_s']} | {r['docs_per_s']} | {r['cpu_s']} | {r['docs_per_cpu_s']} "
                f"| {r['load_before']} |"
            )
        if "speedup_2_over_1_wall" in t:
            out += ["", f"2 workers over 1: {t['speedup_2_over_1_wall']}x wall; CPU efficiency {t['cpu_efficiency_2_over_1']}."]
        busiest = max(r["load_before"] for r in t["runs"])
        if busiest >= (t.get("cpus") or 1):
            out += [
                "",
                f"The machine was busy (load average up to {busiest} on {t.get('cpus')} CPUs): wall-clock docs/s and the",
                "speedup measure the neighbours as much as synopsis; docs per CPU-second does not.",
            ]
        out.append("")
    if "memory" in everything:
        m = everything["memory"]
        out += [
            f"## Memory over {m['rows']} documents (-j {m['jobs']}, {m['when']})",
            "",
            "| point | rows written | main MiB | all processes MiB |",
            "|---|---|---|---|",
        ]
        out += [f"| {name} | {p['rows']} | {p['main']} | {p['total']} |" for name, p in m["rss_mib"].items()]
        out += [
            "",
            f"Peak: main {m['peak_main_mib']} MiB, all {m['peak_total_mib']} MiB; {m['wall_s']} s wall, "
            f"{m['docs_per_cpu_s']} docs per CPU-second.",
            "",
        ]
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEV, help="folder of dev *.jsonl")
    commands = parser.add_subparsers(dest="command", required=True)
    stage = commands.add_parser("stages", help="CPU time per pipeline stage, one core")
    stage.add_argument("--limit", type=int, default=50, help="documents per dev file")
    speed = commands.add_parser("throughput", help="docs/s end to end with N workers")
    speed.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    speed.add_argument("--limit", type=int, default=None, help="documents per dev file (default: all)")
    speed.add_argument("--repeat", type=int, default=1)
    mem = commands.add_parser("memory", help="RSS over a long streamed run")
    mem.add_argument("--docs", type=int, default=20000)
    mem.add_argument("--jobs", type=int, default=2)
    mem.add_argument("--every", type=float, default=2.0, help="seconds between RSS samples")
    args = parser.parse_args()
    result = {"stages": stages, "throughput": throughput, "memory": memory}[args.command](args)
    shown = {k: v for k, v in result.items() if k != "samples"}
    print(json.dumps(shown, indent=1))
    save(args.command, result)


if __name__ == "__main__":
    main()
