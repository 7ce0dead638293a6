"""The heading, keyword, caption and affiliation patterns of one language.

English is `rules` as it stands (the very same pattern objects, so English cleaning cannot change).
Another language's patterns are the English ones extended by the words of its data file
(`synopsis/data/lang/<code>.json`): articles in German or Portuguese carry English headings too
("Abstract", "Keywords"). A language without a data file gets the English patterns alone, which
only find structure, never decide what a word means.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType

from ..language import ENGLISH, get_language, supported_codes
from ..types import SectionKind
from . import rules


@dataclass(frozen=True)
class Lexicon:
    """Compiled patterns of one language; field names follow the constants of `rules`."""

    code: str
    kind_patterns: tuple[tuple[SectionKind, re.Pattern[str]], ...]
    end_matter: re.Pattern[str]
    dropped_section: re.Pattern[str]
    abstract_heading: re.Pattern[str]
    keywords_line: re.Pattern[str]
    caption_line: re.Pattern[str]
    caption_label_line: re.Pattern[str]
    affiliation_words: re.Pattern[str]
    inline_paragraph_drop: re.Pattern[str]
    # Lower-case words that may join role words in a heading ("Résultats et discussion").
    small_words: frozenset[str]
    # Inline heading words of this language beyond the English ones (title case as written).
    inline_words: tuple[str, ...]
    keyword_labels: tuple[str, ...]
    # English only: the abstract headings of other languages ("Zusammenfassung", "Résumé", "Resumen"),
    # whose section in an English paper is a second abstract, not body text; case-folded, one space
    # between words (a set: looked up for every short line).
    other_abstract: frozenset[str] = frozenset()


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal phrases, longest first, any run of spaces between words."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(part) for part in word.split()) for word in unique)


# The abstract and reference-list headings of languages we have no data file for: a text in one of
# them gets the English patterns plus these and every supported language's, so that its abstract
# and its reference list are still told apart from its body ("Samenvatting", "Литература").
OTHER_ABSTRACT_WORDS = (
    "Samenvatting", "Riassunto", "Sommario", "Аннотация", "Резюме", "Abstrakt", "Streszczenie", "Özet", "Öz",
    "Περίληψη", "Sammendrag", "Sammanfattning", "Resum", "Tiivistelmä", "Összefoglaló", "Rezumat", "Souhrn",
    "Sažetak", "Povzetek", "Santrauka", "Kopsavilkums", "Kokkuvõte", "Anotace",
    "الملخص", "ملخص", "المستخلص", "مستخلص", "תקציר", "सारांश", "초록", "요약", "Tóm tắt", "Анотація", "Abstrak",
    "چکیده",
    # Languages the detector names (profiles.json) whose abstract heading was missing: an abstract so
    # headed was summarized as body text and its title and authors kept (Latin, Icelandic, Basque,
    # Welsh, Irish, Afrikaans, Swahili, Tagalog, Serbian, Slovak, Slovenian, Bulgarian, Albanian,
    # Maltese, Latvian, Lithuanian, Esperanto, Urdu, Bengali). Not English words ("Compendium"), nor
    # words of a supported language ("Lagom").
    "Summarium", "Ágrip", "Útdráttur", "Laburpena", "Crynodeb", "Achoimre", "Coimriú", "Opsomming",
    "Ikisiri", "Muhtasari", "Buod", "Сажетак", "Апстракт", "Резиме", "Абстракт", "Анотация", "Apstrakt",
    "Rezime", "Súhrn", "Izvleček", "Përmbledhje", "Sommarju", "Anotācija", "Anotacija", "Abstrakto",
    "خلاصہ", "সারসংক্ষেপ", "সারাংশ",
)  # fmt: skip
OTHER_REFERENCE_WORDS = (
    "Bibliografia", "Riferimenti bibliografici", "Riferimenti", "Literatuur", "Literatuurlijst", "Literatuurverwijzingen",
    "Литература", "Список литературы", "Библиография", "Bibliografie", "Literatura", "Kaynakça", "Kaynaklar",
    "Βιβλιογραφία", "Αναφορές", "Referenser", "Litteratur", "Litteraturliste", "Lähteet", "Kirjallisuus", "Irodalom",
    "Referințe", "Literatūra", "Viited",
    "المراجع", "المصادر", "المراجع والمصادر", "قائمة المراجع", "ביבליוגרפיה", "מקורות", "רשימת מקורות", "संदर्भ",
    "संदर्भ सूची", "참고문헌", "참고 문헌", "Tài liệu tham khảo", "Список використаних джерел", "Список літератури",
    "Використана література", "Daftar Pustaka", "Daftar Referensi", "منابع", "فهرست منابع",
    # Languages the detector names whose reference heading was missing: the entries were read as body
    # sentences and one was summarized ("Vol. I. Oxford: Oxford University Press."). A heading
    # still heads a list only where entries with years follow it.
    "Bibliographia", "Index librorum", "Opera citata", "Heimildir", "Heimildaskrá", "Erreferentziak",
    "Kirjandus", "Kasutatud kirjandus", "Allikad", "Izmantotā literatūra", "Avoti", "Šaltiniai",
    "Literatūros sąrašas", "Cyfeiriadau", "Llyfryddiaeth", "Tagairtí", "Foinsí", "Leabharliosta",
    "Bronnelys", "Verwysings", "Marejeleo", "Marejeo", "Rujukan", "Bibliografi", "Sanggunian",
    "Mga Sanggunian", "Talasanggunian", "Bibliograpiya", "Literaturo", "Referencoj", "Bibliografio",
    "Референце", "Извори", "Библиографија", "Reference", "Izvori", "Bibliografija", "Viri",
    "Viri in literatura", "Literatúra", "Zoznam literatúry", "Použitá literatúra", "Използвана литература",
    "Цитирана литература", "Користена литература", "Referencat", "Referenzi", "Bibljografija",
    "حوالہ جات", "کتابیات", "तथ्यसूत्र", "সন্দর্ভ", "তথ্যসূত্র", "গ্রন্থপঞ্জি", "सन्दर्भ", "संदर्भ ग्रंथ सूची",
)  # fmt: skip
# Caption words of languages we have no data file for, as their captions write them before the
# number ("Рис. 1.", "Σχήμα 2:", "Şekil 3.", "그림 1."): a text in one of them gets these and every
# supported language's (`lexicon`), so that a caption line is removed, not summarized.
OTHER_CAPTION_WORDS = (
    "Рис", "Рисунок", "Таблица", "Табл", "Схема", "Диаграмма", "Таблиця", "Малюнок", "Фиг", "Фигура",
    "Σχήμα", "Σχ", "Εικόνα", "Εικ", "Πίνακας", "Πίν", "Şekil", "Tablo", "Rys", "Rysunek", "Tabela", "Wykres",
    "Obr", "Obrázek", "Obrázok", "Tabulka", "Tabuľka", "Figura", "Tabella", "Figuur", "Tabel", "Afbeelding",
    "Figur", "Tabell", "Kuva", "Taulukko", "Slika", "Tablica", "Tabelul", "Taula", "Hình", "Bảng", "Biểu đồ",
    "Gambar", "그림", "표", "شكل", "الشكل", "جدول", "الجدول", "شکل", "نمودار", "איור", "טבלה", "תרשים", "चित्र",
    "तालिका", "सारणी",
)  # fmt: skip


@cache
def lexicon(code: str = ENGLISH) -> Lexicon:
    """The patterns for language `code` (cached: built once per language and process)."""
    language = get_language(code)
    if code == ENGLISH:
        return Lexicon(
            code,
            rules.KIND_PATTERNS,
            rules.END_MATTER,
            rules.DROPPED_SECTION,
            rules.ABSTRACT_HEADING,
            rules.KEYWORDS_LINE,
            rules.CAPTION_LINE,
            rules.CAPTION_LABEL_LINE,
            rules.AFFILIATION_WORDS,
            rules.INLINE_PARAGRAPH_DROP,
            frozenset(),
            (),
            (),
            frozenset(folded(w) for w in _other_words("abstract") if not rules.ABSTRACT_HEADING.fullmatch(w)),
        )
    if not language.supported:
        return Lexicon(
            code,
            rules.KIND_PATTERNS,
            _extended(rules.END_MATTER, _other_words("references")),
            rules.DROPPED_SECTION,
            _extended(rules.ABSTRACT_HEADING, _other_words("abstract")),
            rules.KEYWORDS_LINE,
            *_caption_patterns(_other_words("captions")),
            rules.AFFILIATION_WORDS,
            rules.INLINE_PARAGRAPH_DROP,
            frozenset(),
            (),
            (),
        )
    words = language.headings
    kinds = tuple(
        (kind, re.compile(rf"\b(?:{pattern.pattern[5:-3]}|{alternation(words.get(kind, ()))})\b", re.IGNORECASE))
        if words.get(kind)
        else (kind, pattern)
        for kind, pattern in rules.KIND_PATTERNS
    )

    extend = _extended
    keyword_labels = words.get("keywords", ())
    return Lexicon(
        code,
        kinds,
        extend(rules.END_MATTER, words.get("references", ())),
        extend(rules.DROPPED_SECTION, (*words.get("dropped", ()), *keyword_labels)),
        extend(rules.ABSTRACT_HEADING, words.get("abstract", ())),
        re.compile(rf"{rules.KEYWORDS_LINE.pattern}|^\s*(?:{alternation(keyword_labels)})\s*[:.—–-]?", re.IGNORECASE),
        *_caption_patterns(language.captions),
        re.compile(rf"{rules.AFFILIATION_WORDS.pattern}|\b(?:{alternation(language.affiliations)})\b", re.IGNORECASE),
        re.compile(
            rf"{rules.INLINE_PARAGRAPH_DROP.pattern}|^\s*(?:{alternation(words.get('dropped', ()))})\s*[:.]", re.IGNORECASE
        ),
        language.stop_words,
        tuple(
            w
            for kind in ("introduction", "methods", "results", "discussion", "conclusion", "references", "dropped")
            for w in words.get(kind, ())
        )
        + tuple(words.get("abstract", ())),
        tuple(keyword_labels),
    )


def folded(phrase: str) -> str:
    """`phrase` case-folded, its words parted by one space: how `Lexicon.other_abstract` holds it."""
    return " ".join(phrase.casefold().split())


def _extended(pattern: re.Pattern[str], extra: Iterable[str]) -> re.Pattern[str]:
    """`pattern` or one of the phrases `extra`, case ignored."""
    return re.compile(f"(?:{pattern.pattern}|(?:{alternation(extra)}))", re.IGNORECASE)


def _caption_patterns(captions: Iterable[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The caption line and caption label line patterns: the English ones or a caption word of
    `captions` before a number ("Abb. 3:", "Рис. 1.", "Şekil 2") or after an ordinal, as Hungarian
    numbers its figures ("1. ábra.", "2. táblázat:"; `_ORDINAL_LABEL`)."""
    words = alternation(captions)
    ordinal = _ORDINAL_LABEL.format(words=words)
    return (
        re.compile(
            rf"{rules.CAPTION_LINE.pattern}|^\s*(?:{words})\.?\s*(?:[A-Z]?\d+[A-Za-z]?|[IVX]+)(?:\s*[.:|—–-]|\s*$)"
            rf"|{ordinal}(?:\s*[.:|—–-]|\s*$)",
            re.IGNORECASE,
        ),
        re.compile(
            rf"{rules.CAPTION_LABEL_LINE.pattern}|^\s*(?:{words})\.?\s*(?:[A-Z]?\d+[A-Za-z]?|[IVX]+)\s*\.?\s*$"
            rf"|{ordinal}\s*\.?\s*$",
            re.IGNORECASE,
        ),
    )


# A caption word after its number and the number's stop, as Hungarian writes an ordinal ("1. ábra",
# "3. táblázat"): followed by a stop, a colon or a dash, or alone on its line, so that a numbered
# heading such as "3. Kuva ja teksti" stays a heading.
_ORDINAL_LABEL = r"^\s*(?:\d+[a-z]?|[IVX]+)\.\s*(?:{words})"


# The words `_other_words` gathers for each kind, beyond the supported languages'.
_OTHER_WORDS = MappingProxyType(
    {"abstract": OTHER_ABSTRACT_WORDS, "references": OTHER_REFERENCE_WORDS, "captions": OTHER_CAPTION_WORDS}
)


def _other_words(kind: str) -> tuple[str, ...]:
    """Words of `kind` ("abstract", "references" headings, "captions") for a language without a
    data file: those of every supported language and of the others named above."""
    supported = (
        w
        for code in supported_codes()
        if code != ENGLISH
        for w in (get_language(code).captions if kind == "captions" else get_language(code).headings.get(kind, ()))
    )
    return (*supported, *_OTHER_WORDS[kind])
