"""The golden end-to-end summary: the bundled example record through `synopsis summarize` with
the default options, sentence by sentence (index, span, text).

Run `PYTHONPATH=src python tests/golden_summary.py` to rewrite tests/data/golden_summary.json
after a change that is meant to change summaries (a new model, a scorer or cleaning fix); diff it
and say in the commit why the sentences changed. tests/test_golden_summary.py compares against it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from synopsis.cli import app

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = Path("examples") / "000_9c8af2bd0370aa32.txt"
GOLDEN = ROOT / "tests" / "data" / "golden_summary.json"
COMMAND = ["summarize", str(EXAMPLE), "--output", "json"]
REGENERATE = "PYTHONPATH=src python tests/golden_summary.py"


def current() -> dict[str, Any]:
    """What the CLI gives now, run from the repository root as a user would type it; scores are
    left out (their last digits may move with BLAS builds, the chosen sentences must not)."""
    result = CliRunner().invoke(app, COMMAND, catch_exceptions=False)
    if result.exit_code != 0:
        raise RuntimeError(f"synopsis {' '.join(COMMAND)} exited {result.exit_code}: {result.stderr}")
    summary = json.loads(result.stdout)
    return {
        "command": f"synopsis {' '.join(COMMAND)}",
        "method": summary["method"],
        "budget": summary["budget"],
        "words": summary["words"],
        "sentences": [{k: s[k] for k in ("index", "start", "end", "text")} for s in summary["sentences"]],
    }


def main() -> None:
    os.chdir(ROOT)
    GOLDEN.write_text(json.dumps(current(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {GOLDEN.relative_to(ROOT)}; diff it and say in the commit why the summary changed")


if __name__ == "__main__":
    main()
