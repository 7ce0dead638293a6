"""Turkish as a supported language: what its data needed beyond the other languages'.

The `stop-words` package's Turkish list is mojibake (Windows-1254 bytes read as Windows-1252: "altý"
for "altı", "þey" for "şey"); data/lang/tr.json holds it repaired, with how. Sentence starters
are compared with the dotted capital İ read as i ("İlk", "İkinci"): `str.lower` makes it i and a
combining dot. The test article and its cases are in test_languages_more_supported.py, test_language.py
and tests/data/segmentation_golden_tr.jsonl.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from synopsis.evaluate.rouge import rouge_tokens, score_summary
from synopsis.features import Features, compute_features
from synopsis.language import get_language
from synopsis.pipeline import segment
from synopsis.scorers.bigrams import document_bigrams
from synopsis.scorers.cues import contribution_cues
from synopsis.scorers.luhn import sentence_tokens
from synopsis.tokens import lower
from synopsis.types import Document, Section, Sentence

DATA = Path(__file__).parent.parent / "src" / "synopsis" / "data" / "lang" / "tr.json"
MOJIBAKE = frozenset("ýþðÝÞÐ")


def test_turkish_stop_words_are_spelt_in_turkish_letters() -> None:
    stop_words = get_language("tr").stop_words
    assert not [w for w in stop_words if MOJIBAKE & set(w)]
    assert {"şey", "altı", "nasıl", "kırk", "şu", "mi", "ve", "için", "olarak"} <= stop_words
    assert "INSERmi" not in stop_words


def test_the_repair_is_the_package_list_reencoded() -> None:
    """Reproducible: the shipped words are the package's file, each word.encode("cp1252").decode("cp1254")."""
    stop_words_package = pytest.importorskip("stop_words")
    source = Path(stop_words_package.__file__).parent / "stop-words" / "turkish.txt"
    words = [w.encode("cp1252").decode("cp1254") for w in source.read_text(encoding="utf-8").split() if w != "INSERmi"]
    entry = json.loads(DATA.read_text(encoding="utf-8"))["stop_words"]
    assert entry["words"] == words
    assert "cp1254" in entry["source"] and entry["licence"] == "BSD-3-Clause"


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Kooperatifler iki gruba ayrıldı: A ve B. İkinci gruptaki kooperatifler daha yenidir.",
            ["Kooperatifler iki gruba ayrıldı: A ve B.", "İkinci gruptaki kooperatifler daha yenidir."],
        ),
        (
            "Başlıca giderler kira, ulaşım, ambalaj vs. Kira giderleri en yüksek kalemdir.",
            ["Başlıca giderler kira, ulaşım, ambalaj vs.", "Kira giderleri en yüksek kalemdir."],
        ),
    ],
)
def test_dotted_capitals_and_turkish_abbreviations_end_sentences(text: str, sentences: list[str]) -> None:
    """Before: "İkinci" (second) was no sentence starter after an initial (its lower() is i and a
    combining dot), and "vs." (etc.) was common.json's "versus", which never ends a sentence."""
    assert [text[a:b] for a, b in segment(text, lang="tr")] == sentences


# Turkish casing: İ/i and I/ı are two letters in both cases. `str.lower` made "İNSAN" "i̇nsan" (i and a
# combining dot) and "IŞIK" "işik": neither matched "insan" or "ışık" in features, Luhn, bigrams or ROUGE.
CAPITALS = (
    "IŞIK KİRLİLİĞİ İNSAN SAĞLIĞINI ETKİLER.",
    "Işık kirliliği insan sağlığını uykusuzluk yoluyla etkiler.",
    "İnsan gözü gece boyunca ışık düzeyine duyarlıdır.",
    "Türkiye’nin kentlerinde ışık kirliliği her yıl artmaktadır.",
    "Türkiye'nin kırsal kesiminde gece göğü hâlâ karanlıktır.",
)


def _turkish_doc(texts: tuple[str, ...]) -> Document:
    sentences, offset = [], 0
    for i, text in enumerate(texts):
        sentences.append(Sentence(i, text, offset, offset + len(text), 0, 0))
        offset += len(text) + 1
    section = Section(0, "Giriş", "introduction", 0, len(texts) - 1)
    return Document("tr", " ".join(texts), "", "", tuple(sentences), (section,), {"language": "tr"})


def _terms(features: Features, row: int) -> set[str]:
    names = {column: term for term, column in features.vocabulary.items()}
    return {names[column] for column in features.counts[row].indices}


def test_capital_and_lower_case_forms_are_one_term() -> None:
    """The all-capitals sentence has exactly the terms of its lower-case twin (before: "i̇nsan",
    "işik", "kirli̇li̇ği̇" were terms of their own), and "Türkiye’nin" with a typographic apostrophe
    is the same term as "Türkiye'nin"."""
    features = compute_features(_turkish_doc(CAPITALS))
    assert _terms(features, 0) <= _terms(features, 1)
    assert not [term for term in features.vocabulary if "\u0307" in term or "işik" in term]
    assert _terms(features, 3) & _terms(features, 4) == {"türki"}  # the stem of Türkiye, Türkiye'nin
    owner, ids = sentence_tokens(_turkish_doc(CAPITALS), features, np.arange(2))
    assert set(ids[owner == 0]) - {-1} <= set(ids[owner == 1])  # Luhn reads the same terms


def test_capitals_share_their_bigrams() -> None:
    """The bigram model's pairs of the all-capitals sentence are those of its lower-case twin (whose
    "uykusuzluk yoluyla" parts "sağlığını etkiler")."""
    bigrams = document_bigrams(_turkish_doc(CAPITALS), "tr")
    words = bigrams.words
    pairs = [{(words[a], words[b]) for a, b in bigrams.pairs[bigrams.kind[bigrams.sentence == row]]} for row in (0, 1)]
    assert len(pairs[0] & pairs[1]) == 3  # ışık kirliliği, kirliliği insan, insan sağlığını
    assert pairs[0] - pairs[1] == {("sağlık", "etki")}


def test_rouge_counts_capitals_as_matches() -> None:
    """A summary in lower case against an abstract with a heading-case line: every word matches."""
    abstract = "IŞIK KİRLİLİĞİ İNSAN SAĞLIĞINI ETKİLER. Türkiye’nin kentleri aydınlanıyor."
    summary = "Işık kirliliği insan sağlığını etkiler. Türkiye'nin kentleri aydınlanıyor."
    scores = score_summary(abstract, summary, lang="tr")
    assert scores.rouge1.fmeasure == pytest.approx(1.0) and scores.rouge2.fmeasure == pytest.approx(1.0)
    assert rouge_tokens("İNSAN IŞIK", lang="tr") == rouge_tokens("insan ışık", lang="tr")


def test_turkish_cues_in_capitals_and_english_cues_in_english_casing() -> None:
    doc = _turkish_doc(
        (
            "BU ÇALIŞMADA kadın kooperatifleri incelenmektedir.",
            "In this paper we study cooperatives.",
            "Veriler 2022 yılında toplandı.",
        )
    )
    assert contribution_cues(doc).tolist() == [1.0, 1.0, 0.0]


def test_other_languages_lower_case_as_before() -> None:
    text = "İNSAN IŞIK Türkiye’nin"
    assert [lower(text, lang) for lang in ("en", "de", "id", "xx")] == [text.lower()] * 4
    assert lower(text, "tr") == "insan ışık türkiye'nin"


def test_a_body_sentence_copying_the_abstract_in_capitals_is_no_candidate() -> None:
    """`build_document` judges copies of the abstract with Turkish casing: a body line repeating the
    abstract in capitals ("IŞIK KİRLİLİĞİ ...") would otherwise be chosen as the summary's best sentence."""
    from synopsis.pipeline import build_document
    from synopsis.types import Article

    abstract = "Işık kirliliği insan sağlığını uykusuzluk yoluyla etkiler ve bu çalışmada kent merkezlerinde ölçülmüştür."
    body = (
        "Giriş\n\nIŞIK KİRLİLİĞİ İNSAN SAĞLIĞINI UYKUSUZLUK YOLUYLA ETKİLER VE BU ÇALIŞMADA KENT MERKEZLERİNDE ÖLÇÜLMÜŞTÜR.\n\n"
        + " ".join(
            f"Bu bölümde {n}. mahallede yapılan ölçümler ve katılımcıların gece boyunca bildirdiği uyku sorunları anlatılır."
            for n in range(1, 9)
        )
    )
    doc = build_document(Article(id="tr", text=body, body=(0, len(body)), abstract=abstract), lang="tr")
    copied = [s for s in doc.sentences if s.text.startswith("IŞIK KİRLİLİĞİ")]
    assert copied and not copied[0].candidate
    assert any(s.candidate for s in doc.sentences)
