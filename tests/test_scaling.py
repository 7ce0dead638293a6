"""Memory and time grow linearly with the text (issue 15): 4x the words may cost at most 5x.

The graph window is made small here (100 sentences instead of 2,000) so that test-sized texts
already span many windows: then a dense all-pairs matrix anywhere (over the document, a section,
the candidates) makes the 4x text cost ~16x in memory, which these ratios catch. Memory is
tracemalloc's peak (numpy reports its buffers to it): exact, whatever else the machine does. Time is
CPU time of this process, best of two, so other processes on a loaded machine barely move it.
"""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable

import pytest

from synopsis import features as features_module
from synopsis.ingest import article_from_text
from synopsis.pipeline import build_document, summarize_document
from synopsis.types import Budget

WORDS = 6_000
WINDOW = 100


def flattened_text(dev_sample: list[dict[str, str]], words: int) -> str:
    """The first `words` words of the sample articles, on one line (as from many PDF pipelines)."""
    tokens: list[str] = []
    for row in dev_sample:
        tokens.extend(row["full_text"].split())
    return " ".join(tokens[:words])


def run(text: str, method: str) -> Callable[[], object]:
    return lambda: summarize_document(build_document(article_from_text(text)), method=method, budget=Budget(200))


def peak_bytes(job: Callable[[], object]) -> int:
    tracemalloc.start()
    try:
        job()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def cpu_seconds(job: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        job()
        best = min(best, time.process_time() - started)
    return best


# reranked (the default) computes TextRank, PacSum, HipoRank and the trees as `supervised` does, then
# every bigram of the document and the candidate combinations; LexRank ranks the candidates only.
@pytest.mark.parametrize("method", ["reranked", "lexrank"])
def test_four_times_the_words_costs_at_most_five_times(
    dev_sample: list[dict[str, str]], monkeypatch: pytest.MonkeyPatch, method: str
) -> None:
    monkeypatch.setattr(features_module, "GRAPH_WINDOW", WINDOW, raising=False)
    text = flattened_text(dev_sample, WORDS)
    longer = " ".join([text] * 4)  # the same text four times: 4x the words, nothing else changes
    small, large = run(text, method), run(longer, method)
    small()  # load the shipped model and warm caches before measuring
    n_large = len(build_document(article_from_text(longer)).sentences)
    assert n_large > 8 * WINDOW, "the large text must span many graph windows"
    memory = peak_bytes(large) / peak_bytes(small)
    seconds = cpu_seconds(large) / cpu_seconds(small)
    assert memory <= 5.0, f"{method}: 4x the words took {memory:.1f}x the memory"
    assert seconds <= 5.0, f"{method}: 4x the words took {seconds:.1f}x the CPU time"
