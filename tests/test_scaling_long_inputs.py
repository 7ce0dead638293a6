"""Long and pathological inputs cost time linear in their length (stop 34's probe of long inputs).

Each test compares the same kind of text at n and 8n: work that searches the whole text once per
item found in it (a hyphen, a word pair, a chosen sentence) grows as the square, 8n then costing
~64x; linear work costs ~8x. The bound (16x) leaves room for a loaded machine. Time is CPU time of
this process, best of two (as tests/test_scaling.py).
"""

from __future__ import annotations

import itertools
import random
from collections import Counter
from collections.abc import Callable

import numpy as np
import pytest

from synopsis.clean import clean_text
from synopsis.clean.lines import WORDS_USED_FINDS, WordsUsed, uses_word
from synopsis.clean.tracked import Edit
from synopsis.clean.words import (
    DocumentWords,
    _pairs_apart,
    document_words,
    function_words,
    glued_lower_edits,
    split_word_edits,
)
from synopsis.features import compute_features
from synopsis.pipeline import build_document
from synopsis.select import select
from synopsis.types import Article, Budget
from test_scaling import cpu_seconds  # best of two CPU times, as the other scaling tests take it

SYLLABLES = [a + b for a in "bdfgklmnprst" for b in "aeiou"]


def made_up_words(n: int) -> list[str]:
    """`n` distinct words no language has ("babab", "babad" ...): none is joined or used elsewhere."""
    return ["".join(p) for p in itertools.islice(itertools.product(SYLLABLES, repeat=3), n)]


def ratio(make: Callable[[int], str], job: Callable[[str], object], n: int) -> float:
    small, large = make(n), make(8 * n)
    return cpu_seconds(lambda: job(large)) / cpu_seconds(lambda: job(small))


def flattened_hyphens(n: int) -> str:
    """`n` line-end hyphens a flattening left ("babab- babad"), no joined word used elsewhere: each
    is judged against the whole text."""
    w = made_up_words(3 * n)
    return " ".join(f"The {w[3 * i]}- {w[3 * i + 1]} was seen near {w[3 * i + 2]}." for i in range(n))


def test_many_flattened_hyphens_cost_linear_time() -> None:
    # 20,000 such hyphens (160,000 words) took 17 s, 40,000 took 67 s: a search of the text for each.
    assert ratio(flattened_hyphens, lambda text: clean_text(text, 0, len(text)), 600) <= 16


def test_the_word_index_answers_as_a_search_does() -> None:
    # After WORDS_USED_FINDS searches the answers come from an index: the same answers, letters
    # being str.isalpha's ("²" and "½" are no letters, an accent joined after a letter is none).
    pieces = ["ab", "cd", "é", "x", "-", "-", " ", " ", "²", "½", "1", "_", "\u0301", "ő", ".", "ab-cd", "Ab"]
    questions = ["ab", "cd", "abcd", "ab-cd", "cd-ab", "x", "abx", "cdab", "ab-ab", "x-ab", "é", "cd-x", "ab-cd-ab"]
    rng = random.Random(7)
    for _ in range(1500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 24)))
        used = WordsUsed(lambda text=text: text)
        for _ in range(WORDS_USED_FINDS):
            used("zz")
        assert [used(q) for q in questions] == [uses_word(text, q) for q in questions], text


def split_pairs(n: int) -> str:
    """A damaged text's evidence: `n` pairs written apart and joined ("babab babad", "bababbabad")."""
    w = made_up_words(2 * n)
    return " ".join(f"the {w[2 * i]} {w[2 * i + 1]} and the {w[2 * i]}{w[2 * i + 1]} were seen." for i in range(n))


def test_split_word_evidence_costs_linear_time() -> None:
    # 1.6 million words of dev text spent 20 s of 40 searching the text once for each such pair.
    assert ratio(split_pairs, lambda text: document_words(text, function_words("en")), 1000) <= 16


def _count_apart(document: str, left: str, right: str) -> int:
    """The per-pair search `_pairs_apart` replaces (as it read): bounded by no letter, digit or hyphen."""
    pair, n = f"{left} {right}", 0
    at = document.find(pair)
    while at >= 0:
        before = document[at - 1] if at else " "
        end = at + len(pair)
        after = document[end] if end < len(document) else " "
        n += not (before.isalnum() or before == "-" or after.isalnum() or after == "-")
        at = document.find(pair, at + 1)
    return n


def test_pairs_counted_in_one_pass_as_one_search_each() -> None:
    pieces = ["ab", "cd", "ab", "é", "ß", "x", "-", " ", " ", " ", ",", "A", "1", "ő", "\u0301", "_", "ÿ", "×"]
    wanted = [(a, b) for a in ("ab", "cd", "x", "abé", "ß", "ÿ", "cdab") for b in ("ab", "cd", "x", "é", "ÿ")]
    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        counted = _pairs_apart(text, wanted)
        assert [counted[pair] for pair in wanted] == [_count_apart(text, *pair) for pair in wanted], text


def _split_edits_by_search(text: str, words: DocumentWords) -> list[Edit]:
    """`split_word_edits` as it read: a search of `text` for each split."""
    edits = []
    for left, right in words.splits:
        pair = f"{left} {right}"
        at = text.find(pair)
        while at >= 0:
            before = text[at - 1] if at else " "
            end = at + len(pair)
            after = text[end] if end < len(text) else " "
            if not (before.isalnum() or before == "-" or after.isalnum() or after == "-"):
                edits.append(Edit(at + len(left), at + len(left) + 1))
            at = text.find(pair, at + 1)
    return sorted(edits, key=lambda e: (e.start, e.end))


def _glued_edits_by_search(text: str, words: DocumentWords) -> list[Edit]:
    """`glued_lower_edits` as it read: a search of `text` for each glued word."""
    edits = []
    for token, cut in words.glued.items():
        start = text.find(token)
        while start >= 0:
            before = text[start - 1] if start else " "
            end = start + len(token)
            after = text[end] if end < len(text) else " "
            if not (before.isalnum() or before == "-" or after.isalnum() or after == "-"):
                edits.append(Edit(start + cut, start + cut, " "))
            start = text.find(token, start + 1)
    return sorted(edits, key=lambda e: (e.start, e.end))


def test_split_and_glued_edits_in_one_pass_as_one_search_each() -> None:
    pieces = ["ab", "cd", "ab", "é", "ß", "x", "-", " ", " ", " ", ",", "A", "1", "ő", "\u0301", "_", "ÿ", "×", "abcd", "cdx"]
    splits = frozenset((a, b) for a in ("ab", "cd", "x", "abé", "ß", "ÿ", "cdab") for b in ("ab", "cd", "x", "é", "ÿ"))
    glued = {"abcd": 2, "cdx": 1, "é": 0, "abab": 3, "ßÿ": 1}
    words = DocumentWords(Counter(), splits, frozenset(), glued)
    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert split_word_edits(text, words) == _split_edits_by_search(text, words), text
        assert glued_lower_edits(text, words) == _glued_edits_by_search(text, words), text


def damaged_paragraphs(n: int) -> tuple[list[str], DocumentWords]:
    """`n` paragraphs of a damaged text and its evidence: `n` splits and `n` glued words, each
    written in one paragraph (each paragraph was searched for every one of them)."""
    w = made_up_words(4 * n)
    paragraphs = [f"The {w[4 * i]} {w[4 * i + 1]} was seen with the {w[4 * i + 2]}{w[4 * i + 3]} again." for i in range(n)]
    splits = frozenset((w[4 * i], w[4 * i + 1]) for i in range(n))
    glued = {w[4 * i + 2] + w[4 * i + 3]: len(w[4 * i + 2]) for i in range(n)}
    return paragraphs, DocumentWords(Counter(), splits, frozenset(), glued)


def test_mending_many_paragraphs_of_a_damaged_text_costs_linear_time() -> None:
    # 1.6 million damaged words spent 3.4 s of 19 searching each paragraph for each split and glued word.
    def mend(made: tuple[list[str], DocumentWords]) -> None:
        paragraphs, words = made
        for text in paragraphs:
            split_word_edits(text, words)
            glued_lower_edits(text, words)

    small, large = damaged_paragraphs(250), damaged_paragraphs(2000)
    assert sum(len(split_word_edits(text, large[1])) for text in large[0]) == 2000
    assert sum(len(glued_lower_edits(text, large[1])) for text in large[0]) == 2000
    assert cpu_seconds(lambda: mend(large)) / cpu_seconds(lambda: mend(small)) <= 16


@pytest.fixture(scope="module")
def distinct_sentences():  # type: ignore[no-untyped-def]
    """3,000 sentences sharing few words (past the dense similarity window of 2,000)."""
    w = made_up_words(4 * 3000)
    text = " ".join(f"The {w[4 * i]} met {w[4 * i + 1]} and {w[4 * i + 2]} near {w[4 * i + 3]}." for i in range(3000))
    features = compute_features(build_document(Article("distinct", text, (0, len(text)), "", ""), lang="en"))
    return features


def test_a_budget_of_the_whole_text_copies_the_chosen_rows_seldom(  # type: ignore[no-untyped-def]
    distinct_sentences, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every sentence is chosen: each block of 8 candidates used to be compared with every chosen
    # sentence anew (~n^2/2 chosen rows copied, now ~n^2/200; 13,000 chosen of a 400,000-word text
    # took 16 s), and the rest of a block with each sentence chosen in it, one sparse product (and
    # ~0.6 ms of scipy's overhead) per chosen sentence (25,000 chosen of a million words: 9.7 s of 13).
    features = distinct_sentences
    n = features.n
    copied: list[int] = []
    kind = type(features)
    originals = {name: getattr(kind, name) for name in ("similarity_rows_to_rows", "highest_similarity")}

    def counting(name: str):  # type: ignore[no-untyped-def]
        def counted(self, rows, others):  # type: ignore[no-untyped-def]
            copied.append(len(others))
            return originals[name](self, rows, others)

        return counted

    for name in originals:
        monkeypatch.setattr(kind, name, counting(name))
    scores = np.random.default_rng(5).random(n)
    selection = select(scores, features, Budget(10**9))
    monkeypatch.undo()
    assert len(selection.indices) > 0.9 * n
    assert sum(copied) <= n * n / 64, sum(copied)
    assert len(copied) <= n / 32, len(copied)  # products per block, not per chosen sentence
    # The same choice as one product per candidate against every chosen sentence.
    chosen: list[int] = []
    for i in np.argsort(-scores, kind="stable"):
        if not chosen or features.similarity_to_rows(int(i), chosen).max() <= 0.5:
            chosen.append(int(i))
    assert selection.indices == tuple(sorted(chosen))


def many_sections(n: int) -> tuple[object, object]:
    """A document of `n` one-sentence sections under numbered headings (a thesis's thousands of
    subsections), and its features: words of a small vocabulary, so that the section centroids stay
    small and the sentences x sections tables are what grows."""
    rng = random.Random(n)
    w = made_up_words(200)
    text = "\n\n".join(
        f"{i // 40 + 1}.{i % 40 + 1} {rng.choice(w).title()} {rng.choice(w).title()}\n\n"
        f"The {rng.choice(w)} met the {rng.choice(w)} near {rng.choice(w)} {rng.choice(w)}."
        for i in range(n)
    )
    doc = build_document(Article("sections", text, (0, len(text)), "", ""), lang="en")
    return doc, compute_features(doc)


def test_hiporank_of_thousands_of_sections_takes_memory_linear_in_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    # Sentences x sections, GRAPH_WINDOW rows at a time: 25,000 one-paragraph sections took 1 GB
    # (62,000 would take 3 GB). The cap made small here, so that test-sized texts reach it.
    from synopsis.scorers import structure
    from test_scaling import peak_bytes

    monkeypatch.setattr(structure, "ACROSS_CELLS", 1 << 15, raising=False)
    small, large = many_sections(300), many_sections(1200)
    assert len(np.unique(large[1].section)) > 1000  # type: ignore[attr-defined]
    job = structure.hiporank
    params = structure.HIPORANK_PARAMS
    job(*small, **params)  # warm caches (similarity range, position in section) before measuring
    job(*large, **params)
    assert peak_bytes(lambda: job(*large, **params)) / peak_bytes(lambda: job(*small, **params)) <= 6
