"""The example record's summary, end to end through the CLI, sentence by sentence.

Other work legitimately changes summaries (a retrained model, a cleaning fix); when it does, this
test says so, and the golden file is rewritten on purpose, never silently."""

from __future__ import annotations

import json

import pytest

from golden_summary import GOLDEN, REGENERATE, ROOT, current

HOW = f"if the change is intended, run `{REGENERATE}`, diff {GOLDEN.relative_to(ROOT)} and commit it"


def test_the_example_summary_is_the_golden_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    now = current()
    assert now["command"] == golden["command"], HOW
    assert (now["method"], now["budget"]) == (golden["method"], golden["budget"]), f"method or budget changed; {HOW}"
    for position, (got, want) in enumerate(zip(now["sentences"], golden["sentences"], strict=False)):
        assert got == want, f"summary sentence {position + 1} changed:\n  golden: {want}\n  now:    {got}\n{HOW}"
    assert len(now["sentences"]) == len(golden["sentences"]), (
        f"the summary has {len(now['sentences'])} sentences, the golden one {len(golden['sentences'])}; {HOW}"
    )
    assert now["words"] == golden["words"], HOW
