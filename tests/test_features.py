"""Features: tokens, the sentence-by-term matrix and the tf-idf geometry every scorer reads."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.features import (
    _UNICODE_WORD_OR_BREAK,
    _WORD_OR_BREAK,
    UNICODE_CHAR,
    column_sums,
    compute_features,
    normalize_rows,
    token_stream,
    tokenize,
    word_counts,
)
from synopsis.pipeline import build_document
from synopsis.scipy_sparse import sparse
from synopsis.stopwords import STOP_WORDS
from synopsis.tokens import joined, lower
from synopsis.types import Article, Document, Section, Sentence


def _doc(texts: list[str], sections: list[int] | None = None) -> Document:
    sections = sections or [0] * len(texts)
    sentences, offset = [], 0
    for i, (text, section) in enumerate(zip(texts, sections, strict=True)):
        sentences.append(Sentence(i, text, offset, offset + len(text), section, 0))
        offset += len(text) + 1
    kinds = ("introduction", "methods", "conclusion")
    heads = tuple(
        Section(s, f"h{s}", kinds[s % 3], sections.index(s), len(sections) - 1 - sections[::-1].index(s))
        for s in sorted(set(sections))
    )
    return Document("d", " ".join(texts), "", "", tuple(sentences), heads)


def test_tokenize_drops_stop_words_numbers_and_single_letters() -> None:
    assert tokenize("The 3 models of Smith's e-mail were a success.") == ["models", "smith's", "e-mail", "success"]


def test_tokens_are_those_of_any_length_with_single_letters_dropped() -> None:
    # The patterns take only 2+ character tokens; the same as taking all tokens and dropping the short ones.
    text = "A x-ray, a' b2 I o'neil e-mail's q- z-9 Über-models x—y ß-b"
    everything = re.findall(r"[a-z][a-z0-9]*(?:['’-][a-z0-9]+)*", text.lower())
    assert tokenize(text) == [t for t in everything if len(t) > 1 and t not in STOP_WORDS]
    everything = re.findall(r"[^\W\d_]\w*(?:['’-]\w+)*", text.lower())
    assert tokenize(text, "xx") == [t for t in everything if len(t) > 1]  # a language with no stop words


def test_token_stream_equals_tokenize_one_by_one() -> None:
    texts = ["We propose a parser.", "", "Its accuracy is 91.2% (Table 3).", "Über-models fail; Über models don't."]
    assert token_stream(texts) == [*tokenize(texts[0]), "\x00", "\x00", *tokenize(texts[2]), "\x00", *tokenize(texts[3])]
    assert token_stream([]) == []


def test_a_text_carrying_nul_itself_is_still_tokenized_per_sentence() -> None:
    texts = ["parsing\x00trees grow", "lexicon"]
    assert token_stream(texts) == ["parsing", "trees", "grow", "\x00", "lexicon"]


def test_counts_are_stemmed_term_counts_per_sentence() -> None:
    features = compute_features(_doc(["Parses parse parsing.", "Trees and more trees.", "Nothing here."]))
    column = features.vocabulary["pars"]  # parses/parse/parsing share the Porter stem
    assert features.counts[0, column] == 3
    assert features.counts[1, features.vocabulary["tree"]] == 2
    assert features.counts[2].sum() == 0  # "nothing", "here" are stop words
    assert features.words.tolist() == [3, 4, 2]


def test_a_block_of_any_rows_is_the_same_cut_from_the_whole_matrix_or_computed_alone() -> None:
    # The reranker asks for its top sentences' block; cut from the cached whole-document matrix it
    # must hold the very floats of the rows' own product (the outputs stay byte-identical).
    pairs = [(w, v) for w in ("deep", "shallow", "fast") for v in ("big", "small")]
    texts = [f"Parsing {w} trees with {v} graphs and more {w} words." for w, v in pairs]
    rows = np.array([5, 0, 3, 2])
    alone = compute_features(_doc(texts)).similarity_block(rows)
    features = compute_features(_doc(texts))
    features.similarity_block(slice(None))  # the whole matrix, as the graph signals leave it
    cut = features.similarity_block(rows)
    assert cut.tobytes() == alone.tobytes() and cut.shape == (4, 4)
    assert np.all(np.diag(cut) == 0) and cut[1, 0] == alone[1, 0] > 0
    cut[0, 1] = 9.0  # a copy: the caller may change it
    assert features.similarity_block(rows)[0, 1] != 9.0


def test_tfidf_rows_are_unit_length_and_similarity_is_cosine() -> None:
    features = compute_features(_doc(["Graph parsing works.", "Graph parsing works well.", "Proteins fold slowly."]))
    norms = np.sqrt(features.tfidf.multiply(features.tfidf).sum(axis=1)).A.ravel()
    assert norms == pytest.approx([1.0, 1.0, 1.0])
    similarity = features.similarity_block(slice(None))
    assert np.allclose(similarity, similarity.T) and np.all(np.diag(similarity) == 0)
    assert similarity[0, 1] > 0.8 and similarity[0, 2] == 0.0
    assert features.similarity_to("graph parsing")[:2].min() > features.similarity_to("graph parsing")[2]
    assert features.similarity_to("").tolist() == [0.0, 0.0, 0.0]


def _scipy_normalised(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows divided by their norms the way scipy does it (what `normalize_rows` computed before numpy)."""
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)


def _same_arrays(a: sparse.csr_matrix, b: sparse.csr_matrix) -> bool:
    """The same matrix down to the order of each row's entries and the last bit of every value."""
    return a.shape == b.shape and all(getattr(a, k).tolist() == getattr(b, k).tolist() for k in ("data", "indices", "indptr"))


def test_tfidf_is_scipys_normalised_tf_idf_to_the_last_bit(dev_sample: list[dict[str, str]]) -> None:
    # The summaries stay byte-identical only if every later sum reads the same floats in the same
    # order: the numpy tf-idf must be exactly what scipy's multiply and diagonal product made.
    for row in dev_sample[:4]:
        doc = build_document(Article(row["id"], row["full_text"], (0, len(row["full_text"])), row["title"]))
        features = compute_features(doc)
        expected = _scipy_normalised(features.counts.multiply(features.idf).tocsr())
        assert _same_arrays(features.tfidf, expected)
        assert features.tfidf.indices.tolist() != sorted(features.tfidf.indices.tolist())  # rows reversed, as scipy left them


def test_normalize_rows_matches_scipy_for_any_matrix() -> None:
    rng = np.random.default_rng(3)
    dense = rng.random((9, 14)) * (rng.random((9, 14)) < 0.4)
    dense[4] = 0.0  # an empty row stays empty
    canonical = sparse.csr_matrix(dense)
    assert canonical.has_canonical_format
    assert _same_arrays(normalize_rows(canonical), _scipy_normalised(canonical))
    shuffled = sparse.csr_matrix(dense) @ sparse.eye(14, format="csr")[rng.permutation(14)]  # rows out of column order
    assert not shuffled.has_canonical_format
    assert _same_arrays(normalize_rows(shuffled), _scipy_normalised(shuffled))


def test_word_counts_are_whitespace_words() -> None:
    assert word_counts(["a b  c", "", " one\ttwo\nthree ", "x"]).tolist() == [3, 0, 3, 1]


def test_position_in_section_runs_from_zero_to_one_in_each_section() -> None:
    features = compute_features(_doc([f"Sentence number {w} here." for w in "abcdef"], sections=[0, 0, 0, 1, 2, 2]))
    assert features.position_in_section.tolist() == [0.0, 0.5, 1.0, 0.0, 0.0, 1.0]
    assert features.section_kind.tolist() == [0, 0, 0, 1, 4, 4]  # SECTION_KINDS order


def test_features_of_a_real_article_match_its_sentences(dev_sample: list[dict[str, str]]) -> None:
    row = dev_sample[0]
    doc = build_document(Article(row["id"], row["full_text"], (0, len(row["full_text"])), row["title"], row["abstract"]))
    features = compute_features(doc)
    assert features.n == len(doc.sentences)
    assert features.candidate.tolist() == [s.candidate for s in doc.sentences]
    assert features.position[0] == 0.0 and features.position[-1] == 1.0
    assert np.all(features.counts.sum(axis=1).A.ravel() <= features.words * 2)


def test_graph_windows_cover_every_sentence_once_and_are_at_most_the_window() -> None:
    from itertools import pairwise

    from synopsis.features import GRAPH_WINDOW, windows

    assert windows(0) == []
    assert windows(GRAPH_WINDOW) == [(0, GRAPH_WINDOW)]  # every dev article as given: one graph
    for count in (GRAPH_WINDOW + 1, 3 * GRAPH_WINDOW - 7, 10 * GRAPH_WINDOW):
        bounds = windows(count)
        assert bounds[0][0] == 0 and bounds[-1][1] == count
        assert all(a[1] == b[0] for a, b in pairwise(bounds))
        sizes = [end - start for start, end in bounds]
        assert max(sizes) <= GRAPH_WINDOW and max(sizes) - min(sizes) <= 1  # no short remainder


# Words whose vowel signs, viramas or nukta are combining marks (no `\w`): each must stay one term.
MARKED_WORDS = {
    "hi": "अध्ययन हिंदी भाषा",
    "bn": "গবেষণা বাংলা ভাষা",
    "ur": "مطالعہ اردو زبان",
    "ta": "ஆய்வு தமிழ் மொழி",
}


@pytest.mark.parametrize("lang", sorted(MARKED_WORDS))
def test_a_word_with_vowel_signs_is_one_term_not_fragments(lang: str) -> None:
    # "अध्ययन" (study) was the terms "अध" and "ययन": scores, redundancy and ROUGE saw fragments.
    text = MARKED_WORDS[lang]
    assert token_stream([text, text], lang) == [*text.split(), "\x00", *text.split()]


# The token patterns as written before their repeats were made possessive (issue 19): greedy repeats
# that may give characters back. Possessive ones must find the very same tokens.
_GREEDY_WORD_OR_BREAK = re.compile(r"[a-z](?:[a-z0-9]+(?:['’-][a-z0-9]+)*|(?:['’-][a-z0-9]+)+)|\x00")
_GREEDY_UNICODE_WORD_OR_BREAK = re.compile(
    rf"[^\W\d_](?:{UNICODE_CHAR}+(?:['’-]{UNICODE_CHAR}+)*|(?:['’-]{UNICODE_CHAR}+)+)|\x00"
)
# Texts of every kind the patterns meet, in the languages that lower-case them differently.
_TRICKY_TEXTS = {
    "en": ["Über-models don't fail; x-ray e-mail's q- z-9 a' b2 o'neil", "", "3d 2x4 α-β naïve ß-trees\x00next", "x"],
    "tr": ["İSTANBUL'da IŞIK Türkiye’nin İnsan hakları", "ıi İi Iı", "ÇALIŞMADA 2024'te"],
    "fr": ["L'analyse d'un résultat qu'il aujourd'hui prud'homme", "l’état—l’été"],
    "ca": ["La col·laboració i l'escola, ŀlegal", "paral·lel"],
    "de": ["Größere Straße -- ab- -ab a--b a-'b", "x’y’z’"],
    "hi": ["अध्ययन हिंदी भाषा-विज्ञान", "क़िला"],
    "zh": ["中文分词没有空格。日本語の文章", "한국어 문장 test-case"],
    "ru": ["Данные — это «результаты» по-русски", "ёлка"],
    "xx": ["Mixed ελληνικά 123abc abc123 _under_score_ a_b", "\u0130\u0307x \u212a-ray"],
}
_MIXED_TOKEN_TEXT = st.text(
    alphabet=st.sampled_from(list("ab Z09'’-_.\x00\u00e9\u0301\u0130\u0131\u4e2d\u0939\u093f\u00df\u212a")), max_size=40
)


@pytest.mark.parametrize("lang", sorted(_TRICKY_TEXTS))
def test_possessive_token_patterns_find_what_the_greedy_ones_found(lang: str) -> None:
    text = lower(joined(_TRICKY_TEXTS[lang]), lang)
    assert _WORD_OR_BREAK.findall(text) == _GREEDY_WORD_OR_BREAK.findall(text)
    assert _UNICODE_WORD_OR_BREAK.findall(text) == _GREEDY_UNICODE_WORD_OR_BREAK.findall(text)


@settings(max_examples=400, deadline=None)
@given(_MIXED_TOKEN_TEXT)
def test_possessive_token_patterns_find_what_the_greedy_ones_found_on_any_text(text: str) -> None:
    lowered = text.lower()
    assert _WORD_OR_BREAK.findall(lowered) == _GREEDY_WORD_OR_BREAK.findall(lowered)
    assert _UNICODE_WORD_OR_BREAK.findall(lowered) == _GREEDY_UNICODE_WORD_OR_BREAK.findall(lowered)


def test_column_sums_are_scipys_to_the_last_bit(dev_sample: list[dict[str, str]]) -> None:
    # The tf-idf centroid's sums: numpy's bincount must add in scipy's order (`ones @ matrix`).
    matrices = []
    for row in dev_sample[:4]:
        doc = build_document(Article(row["id"], row["full_text"], (0, len(row["full_text"])), row["title"]))
        matrices.append(compute_features(doc).tfidf)
    rng = np.random.default_rng(4)
    dense = rng.random((7, 9)) * (rng.random((7, 9)) < 0.5)
    dense[2] = 0.0
    matrices += [sparse.csr_matrix(dense), sparse.csr_matrix((3, 5)), compute_features(_doc(["One sentence only."])).tfidf]
    for matrix in matrices:
        assert column_sums(matrix).tobytes() == np.asarray(matrix.sum(axis=0)).ravel().tobytes()
