"""Do two versions of synopsis choose the same summaries? Every method, every dev article.

Run it once with the old code on the path and once with the new, then compare:

    git archive 84a1ca3 src | tar -x -C /tmp/old     # the code before the change
    PYTHONPATH=/tmp/old/src python benchmarks/same_summaries.py ../shared/data/dev/*.jsonl --out /tmp/old.json
    PYTHONPATH=src python benchmarks/same_summaries.py ../shared/data/dev/*.jsonl --out /tmp/new.json --compare /tmp/old.json

`--flatten` replaces every newline of the body by a space first (benchmarks/flatten.py: text as
many PDF pipelines deliver it). A summary is its chosen sentences' character spans in the input.
Where two runs differ, both summaries are scored with ROUGE-1 F1 against the article's abstract
(200 words, the evaluation protocol) and the mean difference over all articles is reported per
method; the issue allows at most 0.1 R1. Uses only APIs both versions have.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

from synopsis.errors import MethodError
from synopsis.evaluate.rouge import score_summary
from synopsis.features import compute_features
from synopsis.ingest import read_articles
from synopsis.pipeline import build_document, summarize_document
from synopsis.scorers import METHODS, usable_method
from synopsis.types import Article, Budget


def flattened(article: Article) -> Article:
    """The article with its text on one line (newlines become spaces, so offsets stay the same)."""
    text = article.text.replace("\r", " ").replace("\n", " ")
    return Article(article.id, text, article.body, article.title, article.abstract, dict(article.meta))


def usable(names: list[str]) -> list[str]:
    out = []
    for name in names:
        try:
            usable_method(name)
        except MethodError as err:
            print(f"skipping {name}: {err}", file=sys.stderr)
            continue
        out.append(name)
    return out


def run(paths: list[str], methods: list[str], *, flatten: bool, every: int, min_sentences: int = 0) -> dict[str, Any]:
    """{method: {doc id: [[start, end], ...]}} plus the abstracts, for scoring differences later."""
    summaries: dict[str, dict[str, list[list[int]]]] = {m: {} for m in methods}
    texts: dict[str, dict[str, str]] = {m: {} for m in methods}
    abstracts: dict[str, str] = {}
    count = 0
    for path in paths:
        for item in read_articles(path):
            if isinstance(item, Exception):
                raise SystemExit(f"{path}: {item}")
            count += 1
            if (count - 1) % every:
                continue
            article = flattened(item) if flatten else item
            key = f"{Path(path).stem}/{article.id}"
            doc = build_document(article)
            if len(doc.sentences) < min_sentences:
                continue
            features = compute_features(doc)
            abstracts[key] = doc.abstract
            for method in methods:
                summary = summarize_document(doc, method=method, budget=Budget(200, None), features=features)
                summaries[method][key] = [[s.start, s.end] for s in summary.sentences]
                texts[method][key] = " ".join(s.text for s in summary.sentences)
    return {"flatten": flatten, "summaries": summaries, "texts": texts, "abstracts": abstracts}


def compare(new: dict[str, Any], old: dict[str, Any]) -> list[str]:
    """One line per method: articles compared, how many differ, mean R1 F1 difference (new - old)."""
    lines = []
    for method, docs in new["summaries"].items():
        before = old["summaries"].get(method)
        if before is None:
            lines.append(f"{method:18} not in the old run")
            continue
        keys = [k for k in docs if k in before]
        differ = [k for k in keys if docs[k] != before[k]]
        delta = 0.0
        for key in differ:
            reference = new["abstracts"][key]
            r_new = score_summary(reference, new["texts"][method][key]).rouge1.fmeasure
            r_old = score_summary(reference, old["texts"][method][key]).rouge1.fmeasure
            delta += r_new - r_old
        mean = 100 * delta / max(1, len(keys))
        lines.append(f"{method:18} {len(keys):5} articles, {len(differ):4} differ, mean R1 F1 change {mean:+.3f} points")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--out", type=Path, required=True, help="write this run's summaries here (JSON)")
    parser.add_argument("--compare", type=Path, help="a JSON written by another run, to compare with")
    parser.add_argument("--flatten", action="store_true", help="body text on one line, as from many PDF pipelines")
    parser.add_argument("-m", "--method", action="append", help="methods to run (default: all installed)")
    parser.add_argument("--every", type=int, default=1, help="take every k-th article only (quicker checks)")
    parser.add_argument(
        "--min-sentences", type=int, default=0, help="only articles of at least this many sentences (where graph windows apply)"
    )
    args = parser.parse_args()
    methods = usable(args.method or sorted(METHODS))
    started = time.perf_counter()
    result = run(args.inputs, methods, flatten=args.flatten, every=args.every, min_sentences=args.min_sentences)
    args.out.write_text(json.dumps(result, sort_keys=True), encoding="utf-8")
    print(f"{len(result['abstracts'])} articles x {len(methods)} methods in {time.perf_counter() - started:.0f} s -> {args.out}")
    if args.compare:
        print("\n".join(compare(result, json.loads(args.compare.read_text(encoding="utf-8")))))


if __name__ == "__main__":
    main()
