"""Byte-identical check for speed work: the JSON summary of every dev article, for every method.

Speed changes must not change what synopsis outputs. Run it once with the code at the branch point
(store the baseline outside git, e.g. under /tmp) and after each change:

    git archive <branch point> src | tar -x -C /tmp/base            # the code before the change
    PYTHONPATH=/tmp/base/src python benchmarks/same_output.py /work/shared/data/dev/*.jsonl --out /tmp/base.jsonl
    PYTHONPATH=src python benchmarks/same_output.py /work/shared/data/dev/*.jsonl --compare /tmp/base.jsonl

One line per (article, method): the exact string `synopsis summarize --output json` prints for it
(output.render_json with the document), the version field blanked so that a version bump is not a
difference. The default method runs end to end through `pipeline.run` (language detection included);
the others reuse its document and features, as evaluation does. Exit status 1 when any line differs,
with the first differences named.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from same_summaries import usable

from synopsis.ingest import read_articles
from synopsis.output import render_json
from synopsis.pipeline import RunOptions, run, run_document
from synopsis.scorers import DEFAULT_METHOD, METHODS


def methods() -> list[str]:
    """Every registered method that can run here (optional extras missing are skipped, with a note)."""
    return usable(sorted(METHODS))


def lines(paths: list[str], names: list[str]) -> Iterator[str]:
    """`key<TAB>method<TAB>json` for every article and method, in input order."""
    others = [m for m in names if m != DEFAULT_METHOD]
    for path in paths:
        for item in read_articles(path):
            if isinstance(item, Exception):
                raise SystemExit(f"{path}: {item}")
            key = f"{Path(path).stem}/{item.id}"
            result = run(item, RunOptions(method=DEFAULT_METHOD))
            outputs = [(DEFAULT_METHOD, result.summary)]
            for method in others:
                options = RunOptions(method=method)
                outputs.append((method, run_document(result.document, options, features=result.features).summary))
            for method, summary in outputs:
                data = json.loads(render_json(summary, result.document))
                data["version"] = ""
                yield f"{key}\t{method}\t{json.dumps(data, ensure_ascii=False)}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--out", help="write the lines here (the baseline)")
    parser.add_argument("--compare", help="a baseline written by --out: exit 1 unless every line is the same")
    parser.add_argument("--methods", help="comma-separated subset (default: all registered)")
    args = parser.parse_args()
    names = args.methods.split(",") if args.methods else methods()
    new = list(lines(args.paths, names))
    if args.out:
        Path(args.out).write_text("\n".join(new) + "\n", encoding="utf-8")
    print(f"{len(new)} summaries ({len(names)} methods: {', '.join(names)})")
    if not args.compare:
        return 0
    old = Path(args.compare).read_text(encoding="utf-8").splitlines()
    old_by = {tuple(line.split("\t", 2)[:2]): line for line in old}
    new_by = {tuple(line.split("\t", 2)[:2]): line for line in new}
    missing = sorted(set(old_by) - set(new_by))
    differ = [k for k in new_by if k in old_by and new_by[k] != old_by[k]]
    for key in differ[:5]:
        print(f"differs: {key[0]} {key[1]}")
    per_method: dict[str, int] = {}
    for _, method in differ:
        per_method[method] = per_method.get(method, 0) + 1
    print(f"compared {len(set(old_by) & set(new_by))}: {len(differ)} differ {per_method or ''}, {len(missing)} missing")
    return 1 if differ or missing else 0


if __name__ == "__main__":
    sys.exit(main())
