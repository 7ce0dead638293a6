"""Check that every summary sentence's `start`/`end` slices the input to that sentence.

README ("Inputs and outputs"): offsets are character offsets (Python str indices) into the input
as decoded, BOM excluded: into the file for text and record inputs, into `full_text` for JSONL and
JSON, into the extracted text (`synopsis extract`) for PDFs. A sentence's `text` is its slice with
extraction artefacts undone (line-break hyphens rejoined, line breaks collapsed, footnote markers
and <cit> placeholders removed).

For a sample of dev articles this writes each one in every input kind (LF, CRLF, lone CR, BOM,
UTF-16, a record, JSONL, a JSON array, .gz, stdin) and synthetic variants (NFD accents, emoji,
tabs, form feeds, soft hyphens, zero-width spaces, bidirectional marks, full-width ASCII),
summarizes them with the CLI of this tree, and compares each sentence's `text` with the slice,
after the documented cleaning: exact, equal after whitespace/hyphen undoing ("cleaned"), or a
MISMATCH, printed with both sides.

    PYTHONPATH=src python benchmarks/check_offsets.py --per-file 3 [--pdf /work/shared/data/pdf/*.pdf]
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

DEV = sorted(Path("/work/shared/data/dev").glob("*.jsonl"))
_SPACE = re.compile(r"\s+")
_HYPHEN_BREAK = re.compile(r"(?<=\w)[-\u00ad]\s*(?:\r\n|\r|\n)\s*(?=\w)")
_REMOVABLE = re.compile(r"(?:\s|<cit>|<dig>|\[[\d,–\- ]+\]|\d+|[\u00b9\u00b2\u00b3\u2070-\u2079*†‡])+")
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\ufeff"), None)
# Full-width ASCII (U+FF01-FF5E) is read as the ASCII it shows (README, "Inputs and outputs").
_FULL_WIDTH = {code + 0xFEE0: code for code in range(0x21, 0x7F)}


def _norm(text: str, *, rejoin: bool) -> str:
    text = unicodedata.normalize("NFC", text)
    if rejoin:
        text = _HYPHEN_BREAK.sub("", text)
    text = text.translate(_INVISIBLE).translate(_FULL_WIDTH)
    return _SPACE.sub(" ", text).strip()


def compare(original: str, sentence: dict) -> str:
    """'exact', 'cleaned' or 'MISMATCH' for one sentence against its slice of `original`."""
    start, end = sentence["start"], sentence["end"]
    if not 0 <= start < end <= len(original):
        return "MISMATCH"
    piece, text = original[start:end], sentence["text"]
    if piece == text:
        return "exact"
    if _norm(text, rejoin=False) in (_norm(piece, rejoin=True), _norm(piece, rejoin=False)):
        return "cleaned"
    # Footnote markers and <cit> placeholders are removed: the slice may only lose such pieces.
    matcher = difflib.SequenceMatcher(None, _norm(piece, rejoin=True), _norm(text, rejoin=False), autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        gone, added = matcher.a[a1:a2], matcher.b[b1:b2]
        if added.strip() or not _REMOVABLE.fullmatch(gone):
            return "MISMATCH"
    return "cleaned"


def variants(article: dict) -> dict[str, tuple[str, bytes, str]]:
    """name -> (file suffix, bytes, the decoded original its offsets must point into)."""
    body = article["full_text"]
    out: dict[str, tuple[str, bytes, str]] = {}

    def text(name: str, original: str, data: bytes | None = None, suffix: str = ".txt") -> None:
        out[name] = (suffix, original.encode("utf-8") if data is None else data, original)

    text("lf", body)
    crlf = body.replace("\n", "\r\n")
    text("crlf", crlf)
    cr = body.replace("\n", "\r")
    text("cr", cr)
    out["bom"] = (".txt", b"\xef\xbb\xbf" + body.encode("utf-8"), body)
    out["utf16"] = (".txt", body.encode("utf-16"), body)
    out["gz"] = (".txt.gz", gzip.compress(body.encode("utf-8")), body)
    record = f"ABSTRACT: \n{article.get('abstract', '')} \n \nPREDICTION: \n \n \nFULL TEXT: \n{body}\n"
    text("record", record)
    text("record_crlf", record.replace("\n", "\r\n"))
    row = {"id": "x", "full_text": body, "abstract": article.get("abstract", "")}
    out["jsonl"] = (".jsonl", (json.dumps(row) + "\n").encode(), body)
    out["json"] = (".json", json.dumps([row], ensure_ascii=False, indent=1).encode(), body)
    # synthetic edge cases, built from the article's own text
    text("nfd", unicodedata.normalize("NFD", body.replace("e", "é")))
    text("emoji", body.replace(". ", ". \U0001f600 ", 40).replace(" the ", " the \U0001d400 ", 40))
    text("tabs_ff", body.replace("\n", "\n\f", 20).replace(" ", "\t", 200))
    text("soft_hyphen", re.sub(r"(\w{4})(\w{4,})", "\\1\u00ad\\2", body, count=300))
    text("zwsp", body.replace(", ", ",\u200b ", 100).replace(" a ", " a\u200b ", 100))
    text("astral_crlf", body.replace(". ", ". \U0001f600 ", 40).replace("\n", "\r\n"))
    text("bidi_marks", body.replace(". ", ".\u200e ", 100).replace(", ", ",\u2069 ", 100))
    text("full_width", "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in body[:20_000]))
    return out


def run_cli(paths: list[str], stdin: bytes | None = None) -> list[dict]:
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent / "src"))
    result = subprocess.run(
        [sys.executable, "-m", "synopsis", "summarize", *paths, "-o", "json", "-w", "200"],
        input=stdin,
        capture_output=True,
        env=env,
        check=False,
    )
    rows = [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]
    if result.returncode not in (0, 1) or not rows:
        print(f"  cli failed ({result.returncode}): {result.stderr.decode()[-400:]}")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-file", type=int, default=3, help="articles per dev file")
    parser.add_argument("--pdf", nargs="*", default=[], help="PDFs: offsets into `synopsis extract`'s text")
    args = parser.parse_args()
    counts: Counter[tuple[str, str]] = Counter()
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        for dev in DEV:
            with dev.open(encoding="utf-8") as handle:
                articles = [json.loads(line) for _, line in zip(range(args.per_file), handle, strict=False)]
            for n, article in enumerate(articles):
                made = variants(article)
                paths, originals = [], {}
                for name, (suffix, data, original) in made.items():
                    path = str(Path(tmp) / f"{dev.stem}{n}_{name}{suffix}")
                    Path(path).write_bytes(data)
                    paths.append(path)
                    originals[path] = (name, original)
                rows = run_cli(paths)
                stdin_rows = run_cli(["-"], stdin=made["crlf"][1])
                for row in stdin_rows:
                    row["input"] = "<stdin>"
                originals["<stdin>"] = ("stdin_crlf", made["crlf"][2])
                for row in rows + stdin_rows:
                    if "error" in row or row.get("input") not in originals:
                        print(f"  no summary: {row}"[:300])
                        continue
                    name, original = originals[row["input"]]
                    for sentence in row["sentences"]:
                        verdict = compare(original, sentence)
                        counts[(name, verdict)] += 1
                        if verdict == "MISMATCH":
                            bad += 1
                            piece = original[sentence["start"] : sentence["end"]]
                            print(f"MISMATCH {dev.stem}#{n} {name} {sentence['start']}:{sentence['end']}")
                            print(f"   slice: {piece[:160]!r}")
                            print(f"   text:  {sentence['text'][:160]!r}")
        for pdf in args.pdf:
            env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent / "src"))
            extracted = subprocess.run(
                [sys.executable, "-m", "synopsis", "extract", pdf, "-o", "json"], capture_output=True, env=env, check=False
            )
            original = json.loads(extracted.stdout)["text"]
            for row in run_cli([pdf]):
                for sentence in row.get("sentences", []):
                    verdict = compare(original, sentence)
                    counts[("pdf", verdict)] += 1
                    if verdict == "MISMATCH":
                        bad += 1
                        print(f"MISMATCH {pdf} {sentence['start']}:{sentence['end']}")
                        print(f"   slice: {original[sentence['start'] : sentence['end']][:160]!r}")
                        print(f"   text:  {sentence['text'][:160]!r}")
    for (name, verdict), n in sorted(counts.items()):
        print(f"{name:12} {verdict:9} {n}")
    print(f"{bad} mismatches")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
