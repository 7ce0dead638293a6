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

import pytest

from synopsis.language import get_language
from synopsis.pipeline import segment

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
