"""Bootstrap intervals and the paired test behave as a user relies on them to."""

from __future__ import annotations

import numpy as np
import pytest

from synopsis.evaluate.bootstrap import bootstrap_ci, paired_bootstrap


def test_interval_contains_the_mean_and_is_seeded() -> None:
    values = np.random.default_rng(1).beta(2, 5, size=300)
    first = bootstrap_ci(values, rng=np.random.default_rng(7))
    again = bootstrap_ci(values, rng=np.random.default_rng(7))
    assert first == again
    assert first.low < first.mean < first.high
    assert first.mean == pytest.approx(values.mean())
    # ~ 2 x 1.96 standard errors wide
    width = 2 * 1.96 * values.std(ddof=1) / np.sqrt(values.size)
    assert first.high - first.low == pytest.approx(width, rel=0.15)


def test_constant_and_empty_inputs() -> None:
    same = bootstrap_ci([0.3] * 20)
    assert same.low == same.mean == same.high == pytest.approx(0.3)
    assert np.isnan(bootstrap_ci([]).mean)


def test_identical_systems_are_not_different() -> None:
    scores = np.random.default_rng(2).uniform(size=100)
    test = paired_bootstrap(scores, scores.copy(), names=("a", "b"), metric="R1")
    assert test.difference == 0.0 and test.p_value == pytest.approx(1.0)
    assert "ties" in test.sentence()


def test_clearly_better_system_has_small_p() -> None:
    rng = np.random.default_rng(3)
    a = rng.uniform(0.2, 0.4, size=80)
    b = a + rng.normal(0.03, 0.02, size=80)
    test = paired_bootstrap(a, b, names=("lead", "mine"), metric="R2", rng=np.random.default_rng(0))
    assert test.difference == pytest.approx(float((b - a).mean()))
    assert test.p_value < 0.01 and test.low > 0
    assert test.sentence().startswith(f"mine beats lead by {test.difference * 100:.2f} points (R2), p < ")


def test_noise_is_not_significant() -> None:
    rng = np.random.default_rng(4)
    a = rng.uniform(size=60)
    b = a + rng.normal(0, 0.05, size=60) - 0.0
    b = b - (b - a).mean()  # no true difference at all
    assert paired_bootstrap(a, b).p_value > 0.5


def test_paired_needs_the_same_documents() -> None:
    with pytest.raises(ValueError, match="same documents"):
        paired_bootstrap([0.1, 0.2], [0.1])


def test_too_few_documents_give_no_p_value() -> None:
    test = paired_bootstrap([0.1, 0.2, 0.3], [0.3, 0.4, 0.5], names=("a", "b"), metric="R1")
    assert test.difference == pytest.approx(0.2) and np.isnan(test.p_value)
    assert test.sentence() == "b beats a by 20.00 points (R1); too few documents for a p-value"


def test_memory_of_a_large_corpus_stays_within_the_block_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before (stop 39): every block drew 250 resamples of every document, 16 bytes a draw: 1.6 GB for
    400,000 documents, 4 GB for the million tiny records of a large JSONL. The budget is made small
    here so that a test-sized corpus spans it: peak memory must follow the budget, not the corpus."""
    import tracemalloc

    from synopsis.evaluate import bootstrap

    monkeypatch.setattr(bootstrap, "_BLOCK_DRAWS", 100_000, raising=False)
    values = np.random.default_rng(3).uniform(size=20_000)
    tracemalloc.start()
    try:
        bootstrap_ci(values, resamples=300)
        paired_bootstrap(values, values[::-1], resamples=300)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 100_000 * 16, f"peak {peak / 1e6:.1f} MB for a budget of {100_000 * 16 / 1e6:.1f} MB"


@pytest.mark.parametrize("draws", [1, 7_001, 2_000_000])
def test_blocks_of_any_size_give_the_same_interval_and_test(monkeypatch: pytest.MonkeyPatch, draws: int) -> None:
    from synopsis.evaluate import bootstrap

    values = np.random.default_rng(4).uniform(size=1_001)
    other = np.random.default_rng(5).uniform(size=1_001)
    before = bootstrap_ci(values), paired_bootstrap(values, other)
    monkeypatch.setattr(bootstrap, "_BLOCK_DRAWS", draws, raising=False)
    assert (bootstrap_ci(values), paired_bootstrap(values, other)) == before
