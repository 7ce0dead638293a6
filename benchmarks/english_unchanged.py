"""Check that English summaries are exactly what they were before languages were added.

Summarizes every article of the given JSONL files with this checkout and with a base commit
(default 84a1ca3, the commit issue 16 started from; its `src/` is taken with `git archive`) and
compares the chosen sentences (spans and text) per article and method. Also counts the languages
detection assigned. Usage:

    python benchmarks/english_unchanged.py ../shared/data/dev/*.jsonl -m auto -m structured

Exit status 1 when any summary differs. The golden file of tests/test_language.py (the same check on
tests/data/dev_sample.jsonl) is written from a commit's summaries with

    python benchmarks/english_unchanged.py tests/data/dev_sample.jsonl -m auto -m structured -m textrank \
        --base 84a1ca3 --write-golden tests/data/english_before_languages.json
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def emit(paths: list[str], methods: list[str]) -> None:
    """Child mode: one JSON line per article and method with the chosen sentences."""
    from synopsis.errors import InputError
    from synopsis.features import compute_features
    from synopsis.ingest import read_articles
    from synopsis.pipeline import build_document, summarize_document
    from synopsis.types import Budget

    for path in paths:
        for item in read_articles(path, format="jsonl"):
            if isinstance(item, InputError):
                print(json.dumps({"id": f"{path}:error", "error": str(item)}))
                continue
            try:
                doc = build_document(item)
            except InputError as err:
                print(json.dumps({"id": item.id, "error": str(err)}))
                continue
            features = compute_features(doc)
            for method in methods:
                summary = summarize_document(doc, method=method, budget=Budget(), features=features)
                row = {
                    "id": f"{Path(path).name}:{item.id}",
                    "method": method,
                    "language": doc.meta.get("language", "-"),
                    "sentences": [[s.start, s.end, s.text] for s in summary.sentences],
                }
                print(json.dumps(row, ensure_ascii=False))


def run(src: Path, paths: list[str], methods: list[str]) -> list[dict[str, Any]]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    command = [sys.executable, __file__, "--emit", *paths, *(arg for m in methods for arg in ("-m", m))]
    out = subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def write_golden(path: Path, rows: list[dict[str, Any]], base: str, inputs: list[str], methods: list[str]) -> None:
    command = f"python benchmarks/english_unchanged.py {' '.join(inputs)} {' '.join(f'-m {m}' for m in methods)}"
    note = f"Summaries made by commit {base}, before languages were detected: English must stay as it was. Made with: {command}"
    summaries = [
        {"id": str(r["id"]).split(":", 1)[1], "method": r["method"], "spans": [[a, b] for a, b, _ in r["sentences"]]}
        for r in rows
    ]
    body = ",\n".join("  " + json.dumps(s) for s in summaries)
    path.write_text(f'{{"note": {json.dumps(note)},\n "summaries": [\n{body}\n]}}\n', encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("-m", "--method", action="append", dest="methods")
    parser.add_argument("--base", default="84a1ca3")
    parser.add_argument("--emit", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--write-golden", type=Path, help="write the base commit's summaries here and stop")
    args = parser.parse_args()
    methods = args.methods or ["auto"]
    if args.emit:
        emit(args.inputs, methods)
        return
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / "base.tar"
        subprocess.run(["git", "-C", str(ROOT), "archive", "-o", str(archive), args.base, "src"], check=True)
        with tarfile.open(archive) as tar:
            tar.extractall(tmp, filter="data")
        before = run(Path(tmp) / "src", args.inputs, methods)
    if args.write_golden:
        write_golden(args.write_golden, before, args.base, args.inputs, methods)
        return
    after = run(ROOT / "src", args.inputs, methods)
    old = {(r["id"], r.get("method")): r.get("sentences", r.get("error")) for r in before}
    new = {(r["id"], r.get("method")): r.get("sentences", r.get("error")) for r in after}
    differ = sorted(key for key in old.keys() | new.keys() if old.get(key) != new.get(key))
    languages = Counter(str(r.get("language")) for r in after if r.get("method") == methods[0])
    print(f"base {args.base} vs this checkout: {len(new)} summaries ({', '.join(methods)}), {len(differ)} differ")
    print("languages detected:", dict(sorted(languages.items())))
    for key in differ[:20]:
        print("DIFFERS:", *key)
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
