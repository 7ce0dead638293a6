"""Where the real PDFs of shared/data/pdf are, and their manifest, for the tests that read them.

The folder is found through SYNOPSIS_PDF_DIR, else as ../shared/data/pdf (or ../../shared/...)
next to the repository; where it is missing (CI), those tests skip.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _pdf_dir() -> Path | None:
    for candidate in (
        os.environ.get("SYNOPSIS_PDF_DIR", ""),
        ROOT.parent / "shared/data/pdf",
        ROOT.parent.parent / "shared/data/pdf",
    ):
        if candidate and (Path(candidate) / "manifest.jsonl").is_file():
            return Path(candidate)
    return None


PDF_DIR = _pdf_dir()
MANIFEST: list[dict[str, str]] = (
    [json.loads(line) for line in (PDF_DIR / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    if PDF_DIR
    else []
)
MISSING = "the real PDFs (shared/data/pdf) are not here"
