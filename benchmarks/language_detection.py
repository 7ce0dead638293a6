"""How well language detection does on scholarly text: our function-word profiles, and any of
py3langid, langdetect and lingua that is installed (none is a dependency; nothing is downloaded).

Cases: every dev article (all English: title + abstract + body, as `build_document` sees it), the
test articles of tests/data/lang (whole, flattened, abstract alone, first body paragraph alone,
title alone), and mixed texts (an English article with a German title; with German references;
a German article with an English title). Usage:

    python benchmarks/language_detection.py ../shared/data/dev/*.jsonl --out benchmarks/results/language_detection.md
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from synopsis.ingest import read_articles
from synopsis.language import ENGLISH, detect_language, supported_codes
from synopsis.types import Article

LANG = Path(__file__).resolve().parent.parent / "tests" / "data" / "lang"


def _other_supported() -> tuple[str, ...]:
    """The supported languages but English: each has a test article tests/data/lang/<code>.txt."""
    return tuple(code for code in supported_codes() if code != ENGLISH)


def detectors() -> dict[str, Callable[[str], str] | str]:
    """Name -> detector, or the reason it is missing."""
    out: dict[str, Callable[[str], str] | str] = {"synopsis profiles": detect_language}
    try:
        import py3langid  # type: ignore[import-not-found]

        out["py3langid"] = lambda text: str(py3langid.classify(text)[0])
    except ImportError:
        out["py3langid"] = "not installed"
    try:
        from langdetect import DetectorFactory, detect  # type: ignore[import-not-found]

        DetectorFactory.seed = 0
        out["langdetect"] = lambda text: str(detect(text))
    except ImportError:
        out["langdetect"] = "not installed"
    try:
        from lingua import LanguageDetectorBuilder  # type: ignore[import-not-found]

        lingua = LanguageDetectorBuilder.from_all_languages().build()
        out["lingua"] = lambda text: str(getattr(lingua.detect_language_of(text), "iso_code_639_1", "und")).lower()[-2:]
    except ImportError:
        out["lingua"] = "not installed"
    return out


def cases(paths: list[str]) -> list[tuple[str, str, str]]:
    """(group, expected code, text)."""
    out: list[tuple[str, str, str]] = []
    english: list[Article] = []
    for path in paths:
        for item in read_articles(path, format="jsonl"):
            if isinstance(item, Article):
                body = item.text[item.body[0] : item.body[1]]
                out.append(("dev articles (English)", "en", f"{item.title} {item.abstract} {body}"))
                english.append(item)
    for code in _other_supported():
        text = (LANG / f"{code}.txt").read_text(encoding="utf-8")
        blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
        abstract = next(b for b in blocks if len(b.split("\n")) == 2 and len(b) > 200).split("\n", 1)[1]
        paragraph = next(b for b in blocks if b[:2] in ("1 ", "1.")).split("\n", 1)[1]
        out += [
            ("test article, whole", code, text),
            ("test article, flattened", code, text.replace("\n", " ")),
            ("test article, abstract alone", code, abstract),
            ("test article, first paragraph alone", code, paragraph),
            ("test article, title alone", code, text.split("\n", 1)[0]),
            ("article with an English title", code, "Digital letters: encoding and context\n" + text),
        ]
    german_refs = "\nLiteratur\n" + "\n".join(
        (LANG / "de.txt").read_text(encoding="utf-8").split("Literatur\n", 1)[1].splitlines() * 3
    )
    for item in english[:200]:
        body = item.text[item.body[0] : item.body[1]]
        out.append(("English article, German title", "en", f"Briefeditionen des 19. Jahrhunderts\n{item.abstract} {body}"))
        out.append(("English article, German references", "en", f"{item.title} {item.abstract} {body}{german_refs}"))
    for code in _other_supported():
        text = (LANG / f"{code}.txt").read_text(encoding="utf-8")
        for item in english[:50]:  # an English abstract before the article's own, as many journals print it
            out.append(("article with an English abstract first", code, f"Abstract\n{item.abstract}\n{text}"))
    out.append(("Ukrainian article (unsupported)", "uk", (LANG / "uk.txt").read_text(encoding="utf-8")))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    rows = cases(args.inputs)
    groups = list(dict.fromkeys(group for group, _, _ in rows))
    found = detectors()
    lines = [
        "# Language detection on scholarly text",
        "",
        f"`python benchmarks/language_detection.py {' '.join(args.inputs)}`",
        "",
        "Correct / cases per group; a title alone may fail (under 30 words, a Latin-script text is read as English"
        " unless its function words name another language).",
        "",
        "| cases | " + " | ".join(found) + " |",
        "|---|" + "---:|" * len(found),
    ]
    timings = {}
    results: dict[str, dict[str, list[bool]]] = {name: {g: [] for g in groups} for name in found}
    wrong: dict[str, Counter[tuple[str, str, str]]] = {name: Counter() for name in found}
    for name, detector in found.items():
        if isinstance(detector, str):
            continue
        started = time.perf_counter()
        for group, expected, text in rows:
            try:
                got = detector(text)
            except Exception:  # a detector that cannot decide counts as wrong
                got = "error"
            results[name][group].append(got == expected)
            if got != expected:
                wrong[name][(group, expected, got)] += 1
        timings[name] = (time.perf_counter() - started) / len(rows) * 1000
    for group in groups:
        cells = []
        for name, detector in found.items():
            hits = results[name][group]
            cells.append(detector if isinstance(detector, str) else f"{sum(hits)}/{len(hits)}")
        lines.append(f"| {group} | " + " | ".join(cells) + " |")
    lines.append("")
    lines += [f"{name}: {ms:.2f} ms per text on average" for name, ms in timings.items()]
    for name, counts in wrong.items():
        if counts:
            lines += ["", f"Wrong answers of {name} (case: expected -> answer, how many):", ""]
            lines += [f"- {group}: {expected} -> {got}, {n}" for (group, expected, got), n in sorted(counts.items())]
    report = "\n".join(lines) + "\n"
    print(report)
    if args.out:
        args.out.write_text(report, encoding="utf-8")


if __name__ == "__main__":
    main()
