"""HipoRank's section level in time linear in the text (stop 36): a thesis of tens of thousands of
one-paragraph sections was summed as sentences x sections tables (62,500 sections of a million
words: 36 s). Beyond ACROSS_SORTED_CELLS it is summed by `across_by_distance` from prefix sums of the
centroids ranked by boundary distance; these tests hold it to the tables' values (not their bits:
the sums run in another order, which is why dev-sized texts keep the tables)."""

from __future__ import annotations

import numpy as np
import pytest

from synopsis.features import GRAPH_WINDOW, normalize_rows
from synopsis.scipy_sparse import sparse
from synopsis.scorers import structure
from test_scaling import cpu_seconds  # best of two CPU times, as the other scaling tests take it
from test_scaling_long_inputs import many_sections

SETTINGS = [
    structure.HIPORANK_PARAMS,
    {**structure.HIPORANK_PARAMS, "near": 0.7, "far": 0.3, "alpha": 1.4},
    {**structure.HIPORANK_PARAMS, "near": 1.0, "far": 1.0},
    {**structure.HIPORANK_PARAMS, "near": -0.5, "far": 2.0, "alpha": 0.6},
]


def tables(tfidf: sparse.csr_matrix, members: np.ndarray, distance: np.ndarray, near: float, far: float) -> np.ndarray:
    """The section level as the tables sum it: every sentence against every other section's
    centroid, `near` from a section at least as far from a boundary as its own, else `far`."""
    sections = distance.size
    indicator = sparse.csr_matrix((np.ones(members.size), (members, np.arange(members.size))), shape=(sections, members.size))
    centroids = normalize_rows(sparse.csr_matrix(indicator @ tfidf)).toarray()
    cosines = tfidf.toarray() @ centroids.T
    cosines[np.arange(members.size), members] = 0.0
    toward = np.where(distance[members][:, None] <= distance[None, :], near, far)
    return (cosines * toward).sum(axis=1) / (sections - 1)


@pytest.mark.parametrize("seed", range(6))
def test_section_level_by_distance_is_the_tables_on_random_texts(seed: int) -> None:
    # Sections of 1 to 6 sentences, empty sentences, terms shared by few or many sections, and
    # distances with many ties (a few distinct values), as boundary distances of a symmetric order have.
    rng = np.random.default_rng(seed)
    sizes = rng.integers(1, 7, size=int(rng.integers(2, 40)))
    members = np.repeat(np.arange(sizes.size), sizes)
    n, width = members.size, int(rng.integers(3, 60))
    counts = sparse.random(n, width, density=float(rng.uniform(0.05, 0.5)), random_state=seed, format="csr")
    counts.data[:] = rng.integers(1, 4, size=counts.data.size)
    tfidf = normalize_rows(sparse.csr_matrix(counts))
    distance = rng.integers(0, 4, size=sizes.size) / 4 if seed % 2 else rng.random(sizes.size)
    for near, far in [(1.0, 0.0), (0.7, 0.3), (1.0, 1.0), (-0.5, 2.0)]:
        expected = tables(tfidf, members, distance, near, far)
        found = structure.across_by_distance(tfidf, members, distance, near, far)
        np.testing.assert_allclose(found, expected, rtol=1e-9, atol=1e-12)


def test_a_sentence_whose_terms_only_its_own_section_holds_gets_exactly_zero() -> None:
    # A review: the own section's value was subtracted from a running sum of thousands of entries,
    # so a true 0 came out as +-1e-17 (negative values the tables never give, and tied sentences
    # reordered). Each section here has terms of its own, after many shared ones in the sum.
    rng = np.random.default_rng(7)
    sections, per = 400, 3
    members = np.repeat(np.arange(sections), per)
    lonely = np.arange(0, members.size, per)  # each section's first sentence: only its own terms
    keep = np.ones(members.size)
    keep[lonely] = 0.0
    shared = sparse.diags(keep) @ sparse.random(members.size, 50, density=0.5, random_state=7, format="csr")
    own = sparse.csr_matrix(
        (rng.random(members.size) + 0.5, (np.arange(members.size), 50 + members)), shape=(members.size, 50 + sections)
    )
    tfidf = normalize_rows(sparse.csr_matrix(sparse.hstack([shared, sparse.csr_matrix((members.size, sections))]) + own))
    distance = rng.random(sections)
    found = structure.across_by_distance(tfidf, members, distance, 1.0, 0.0)
    assert lonely.size and (found[lonely] == 0.0).all()
    assert (found >= 0.0).all()


def test_hiporank_by_distance_is_that_of_the_tables_on_real_texts(documents, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    cases = [(doc, features) for doc, features, _ in documents] + [many_sections(300)]
    assert any(len(np.unique(features.section)) > 200 for _, features in cases)
    for params in SETTINGS:
        expected = [structure.hiporank(doc, features, **params) for doc, features in cases]
        monkeypatch.setattr(structure, "ACROSS_SORTED_CELLS", 0)
        for (doc, features), table in zip(cases, expected, strict=True):
            found = structure.hiporank(doc, features, **params)
            np.testing.assert_allclose(found, table, rtol=1e-9, atol=1e-12)
        monkeypatch.undo()


def test_dev_sized_texts_keep_the_tables(documents, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    # The summaries of the dev texts stay byte-identical: their section level is the tables' sums.
    def refused(*args: object) -> None:
        raise AssertionError("a dev-sized text took the sorted sums")

    monkeypatch.setattr(structure, "across_by_distance", refused)
    for doc, features, _ in documents:
        structure.hiporank(doc, features, **structure.HIPORANK_PARAMS)


def test_hiporank_of_eight_times_the_sections_costs_about_eight_times(monkeypatch: pytest.MonkeyPatch) -> None:
    # One-sentence sections: the tables grow as sentences x sections (8x the sections ~64x the
    # time); the sorted sums as the text (~8x). The threshold made small so that test-sized texts
    # pass it; both texts fit one graph window, so the sentence level is the cached similarities.
    monkeypatch.setattr(structure, "ACROSS_SORTED_CELLS", 1 << 12, raising=False)
    small, large = many_sections(250), many_sections(2000)
    params = structure.HIPORANK_PARAMS
    structure.hiporank(*small, **params)  # warm caches (similarities, positions)
    structure.hiporank(*large, **params)
    ratio = cpu_seconds(lambda: structure.hiporank(*large, **params)) / cpu_seconds(lambda: structure.hiporank(*small, **params))
    assert ratio <= 14, ratio


def test_short_sections_share_one_similarity_product(monkeypatch: pytest.MonkeyPatch) -> None:
    # A text longer than a graph window has no cached similarities: each of its sections took its
    # own sparse product (~0.2 ms of scipy's overhead: 12 s for 62,500 one-paragraph sections).
    # Consecutive short sections now share one, with the same floats as their own products.
    doc, features = many_sections(2100)
    assert features.n > GRAPH_WINDOW
    sections = len(np.unique(features.section))
    kind = type(features)
    original = kind.similarity_block
    products: list[int] = []

    def counted(self, rows):  # type: ignore[no-untyped-def]
        products.append(1)
        return original(self, rows)

    monkeypatch.setattr(kind, "similarity_block", counted)
    shared = structure.hiporank(doc, features, **structure.HIPORANK_PARAMS)
    assert len(products) <= sections / 16, (len(products), sections)
    monkeypatch.setattr(structure, "INTRA_GROUP_ROWS", 0)  # every section its own product
    assert structure.hiporank(doc, features, **structure.HIPORANK_PARAMS).tobytes() == shared.tobytes()
    assert len(products) > sections
