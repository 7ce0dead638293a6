"""The sentences cut into word pieces once (`scorers.pieces`): the phrase model's and ROUGE's tokens
read off the pieces are exactly those their own tokenizers found in the joined text before, and the
cut is shared within a document, never carried to another one."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synopsis.features import compute_features
from synopsis.scorers.bigrams import _rouge_tokens, _stemmed, _tokens, document_bigrams
from synopsis.scorers.phrases import _TOKEN, phrase_tokens
from synopsis.scorers.pieces import Pieces, Tokens, cut, document_pieces
from synopsis.scorers.words import lexicon_by_column
from synopsis.tokens import joined, lower
from synopsis.types import Document, Section, Sentence

# ASCII separators, digits, underscores, accented and combining letters, dashes, curly quotes,
# Unicode spaces (no-break, ideographic, NEL, line separator), a zero-width space (no space, no
# word character), a dotted capital that lower-cases to two code points, a Kelvin sign that
# lower-cases to ASCII "k", a capital sigma (final form by context), CJK, a fullwidth letter and
# digit, a superscript digit, a ligature, an emoji, a lone surrogate and a surrogate pair's halves,
# NUL inside a text.
_CHARACTERS = list(
    "ab_Z09 .,-'\x00\x1c\t\n\xa0\u00e9\u2013\u2019\u00df\u0301\u0130\u212a\u2028x\ud800"
    "\u3000\x85\u200b\u03a3\u4e2d\u6587\uff21\uff11\u00b2\ufb01\U0001f600\ud83d\ude00"
)
_TEXTS = st.lists(st.text(alphabet=st.sampled_from(_CHARACTERS), max_size=30), max_size=5)


def _by_text(tokens: Tokens, texts: int) -> list[list[str]]:
    out: list[list[str]] = [[] for _ in range(texts)]
    for number, text in zip(tokens.ids.tolist(), tokens.text.tolist(), strict=True):
        out[text].append(tokens.names[number])
    return out


def _phrase_tokens(pieces: Pieces) -> Tokens:
    lengths = np.fromiter(map(len, pieces.distinct), dtype=np.int64, count=len(pieces.distinct))
    return pieces.tokens(pieces.ascii & (lengths >= 2), _TOKEN.findall)


def _rouge(pieces: Pieces) -> Tokens:
    return pieces.tokens(pieces.ascii & ~pieces.with_underscore(), _rouge_tokens)


def _split_at_nul(stream: list[str], texts: int) -> list[list[str]]:
    """A token stream with a NUL token between two texts, as one list per text."""
    per_text: list[list[str]] = [[]]
    for token in stream:
        per_text.append([]) if token == "\x00" else per_text[-1].append(token)
    return per_text if texts else []


@pytest.mark.parametrize("language", ["en", "tr", "fr", "ca"])
@settings(max_examples=300, deadline=None)
@given(texts=_TEXTS)
def test_phrase_tokens_of_the_pieces_are_those_of_the_joined_text(language: str, texts: list[str]) -> None:
    # The phrase model's tokenizer before the pieces: `phrase_tokens` of the joined, lower-cased text.
    stream = phrase_tokens(lower(joined(texts), language))
    found = _phrase_tokens(cut(texts, language))
    assert _by_text(found, len(texts)) == _split_at_nul(stream, len(texts))
    # And what the pattern finds in each text on its own (a NUL in a text is a space).
    assert _by_text(found, len(texts)) == [_TOKEN.findall(lower(t.replace("\x00", " "), language)) for t in texts]
    # One number per distinct token: the n-gram counts of a text are keyed by number.
    seen = {}
    for number in found.ids.tolist():
        assert seen.setdefault(found.names[number], number) == number


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_rouge_tokens_of_the_pieces_are_those_of_the_joined_text(texts: list[str]) -> None:
    stream = _tokens(joined(texts), "en")  # the bigram model's tokenizer over all texts, NUL between two
    found = _rouge(cut(texts, "en"))
    assert _by_text(found, len(texts)) == _split_at_nul(stream, len(texts))
    # First appearance, which numbers the stems (the NUL mark among them).
    assert list(dict.fromkeys(found.names[k] for k in found.seen.tolist())) == list(dict.fromkeys(stream))


def _document(texts: list[str]) -> Document:
    sentences = tuple(Sentence(i, text, 0, len(text), 0, 0) for i, text in enumerate(texts))
    return Document("d", " ".join(texts), "", "", sentences, (Section(0, "", "introduction", 0, max(0, len(texts) - 1)),))


@settings(max_examples=200, deadline=None)
@given(_TEXTS.filter(bool))
def test_document_bigrams_from_pieces_are_those_of_the_token_stream(texts: list[str]) -> None:
    doc = _document(texts)
    found = document_bigrams(doc)
    stream = _tokens(joined(texts), "en")
    # The bigram model before the pieces: stems numbered by first appearance, pairs within a text.
    unique = list(dict.fromkeys(stream))
    stems = dict(zip(unique, _stemmed(unique, "en"), strict=True))
    number = {stem: i for i, stem in enumerate(dict.fromkeys(stems[t] for t in unique))}
    pairs, sentences, text = set(), [], 0
    previous = None
    for token in stream:
        if token == "\x00":
            text, previous = text + 1, None
            continue
        if previous is not None:
            pairs.add((number[stems[previous]], number[stems[token]]))
            sentences.append(text)
        previous = token
    assert found.words == tuple(number)
    assert {tuple(p) for p in found.pairs.tolist()} == pairs
    assert found.sentence.tolist() == sentences


def test_the_cut_is_kept_for_the_document_and_made_anew_for_another(dev_sample) -> None:  # type: ignore[no-untyped-def]
    texts = [r["full_text"][:3000] for r in dev_sample[:2]]
    first, second = _document(texts[0].split(". ")), _document(texts[1].split(". "))
    features = compute_features(first)
    pieces = document_pieces(first, features)
    assert document_pieces(first, features) is pieces
    other = document_pieces(second, features)  # the same Features read with another document's sentences
    assert other is not pieces and other.distinct == cut([s.text for s in second.sentences], "en").distinct
    assert document_pieces(first, features) is not other and document_pieces(first, features).distinct == pieces.distinct


def test_a_cut_kept_in_features_pickles_and_is_right_after() -> None:
    doc = _document(["Parsers parse clinical notes.", "Clinical parsers need treebanks."])
    features = compute_features(doc)
    pieces = document_pieces(doc, features)
    # Pickled together (as a worker would return them): the cut comes along, for the very sentences.
    doc_again, features_again = pickle.loads(pickle.dumps((doc, features)))
    assert document_pieces(doc_again, features_again).distinct == pieces.distinct
    # Pickled apart: the sentences are another tuple, so the document is cut again, to the same pieces.
    features_alone = pickle.loads(pickle.dumps(features))
    again = document_pieces(doc, features_alone)
    assert again.distinct == pieces.distinct and again.ids.tolist() == pieces.ids.tolist()
    assert document_pieces(doc, features_alone) is again


def test_sentences_in_a_list_are_cut_each_time() -> None:
    doc = _document(["Parsers parse clinical notes.", "Clinical parsers need treebanks."])
    features = compute_features(doc)
    sentences = list(doc.sentences)  # a list could change in place: never kept
    listed = Document(doc.id, doc.text, doc.title, doc.abstract, sentences, doc.sections)  # type: ignore[arg-type]
    first = document_pieces(listed, features)
    sentences[0] = Sentence(0, "Taggers tag.", 0, 12, 0, 0)
    assert document_pieces(listed, features) is not first
    assert document_pieces(listed, features).distinct[:2] == ["taggers", "tag"]


def test_lexicon_weights_by_column_follow_the_lexicon_as_it_is_now() -> None:
    features = compute_features(_document(["Parsers parse clinical notes.", "Clinical parsers need treebanks."]))
    stems = sorted(features.vocabulary, key=features.vocabulary.__getitem__)
    lexicon = {"parser": 2.0, "clinic": -1.0}
    assert lexicon_by_column(features, lexicon).tolist() == [lexicon.get(stem, 0.0) for stem in stems]
    lexicon["treebank"] = 0.5  # the same dict, changed: read anew (nothing kept by the dict's identity)
    assert lexicon_by_column(features, lexicon).tolist() == [lexicon.get(stem, 0.0) for stem in stems]
    assert lexicon_by_column(features, {}).tolist() == [0.0] * len(stems)
