"""Which language an article is in, and what we know about that language.

Everything language-specific beyond English lives in data files, `synopsis/data/lang/<code>.json`:
stop words (copied from the `stop-words` package with source and licence, so the run time needs
nothing extra), the Snowball stemmer's name, heading lexicons, caption words, affiliation words,
cue phrases, the words that lead to a URL and the function words detection counts. Adding a
language is adding such a file.

English keeps its own rules in code (clean/rules.py, stopwords.py, scorers/cues.py) exactly as
before; every other language extends them, because articles in any language carry English
headings ("Abstract") and quotations. A language we have no file for is named when detection
knows it (its function words in data/lang/profiles.json, or a script only it writes: kana, Hangul,
Han, Greek ...) and summarized with language-neutral settings: no stop words, no stemming, Unicode
lower-casing only, never silently as English.

Detection counts function words: a scholarly text is a third function words whatever its field,
while the content words that statistical identifiers weigh (character n-grams of names, terms and
formulas) mislead on such text. No identifier package is a dependency (none was installed to
compare against; see the report of issue 16).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .errors import InputError
from .tokens import ascii_table, runs

ENGLISH = "en"
# Neither a supported nor a known language: too little text, or a script without a profile.
UNDETERMINED = "und"
AUTO = "auto"
HEADING_KINDS = (
    "abstract",
    "keywords",
    "introduction",
    "methods",
    "results",
    "discussion",
    "conclusion",
    "references",
    "dropped",
)
# Below this share of function words among a text's words no profile fits: the language is unknown.
MIN_FUNCTION_SHARE = 0.08
# ... and at least this many different function words of the winning profile must occur: a text in
# a language without a profile matches another's few words many times ("la", "de", "en" of
# Esperanto made it French; Icelandic "og", "til", "um" Norwegian), a text in the language itself
# uses many (6 to 29 in a paragraph of the test texts, where a profile has 20 to 35). Not asked of
# English, decided by shares alone as before (a test's "the mentoring study and" x 50 stays English).
MIN_DISTINCT = 5
# Texts shorter than this many words (a title, a sentence) carry too few function words for shares:
# another language's function words must be at least SHORT_MIN_HITS and SHORT_OVER_ENGLISH times
# English's; else a text in Latin script is English, as it always was (`_short_text_language`).
# Of the 2,022 dev titles and abstracts' first 20 words, 2,009 are English, 12 another language
# (Afrikaans "Word ... In", Portuguese "EM ... a") and 1 undetermined (two unsupported languages
# tied); when such texts fell back to English unless another language had more hits, 1,997 were
# English and 25 another (14 Czech). 92-96% of the German, Spanish, French and Portuguese texts of
# tests/data/segmentation_*.jsonl under 30 words are found (none were before languages were
# detected); 1-5 of each are English.
MIN_WORDS = 30
SHORT_MIN_HITS = 2
SHORT_OVER_ENGLISH = 2.0
# Detection reads this many characters (about 3,000 words): enough for any profile, and the cost
# stays fixed however long the article is.
DETECT_CHARS = 20_000
# Full-width ASCII (U+FF01-FF5E, East Asian typesetting's Latin letters, digits and marks) to the
# ASCII a reader sees in it: detection reads it so, as cleaning does (clean.rules.FULL_WIDTH); an
# English text set in it was undetermined. A `str.translate` table.
FULL_WIDTH = {code + 0xFEE0: code for code in range(0x21, 0x7F)}
_HAS_FULL_WIDTH = re.compile("[\uff01-\uff5e]")
_LETTERS = re.compile(r"[^\W\d_]+")
# Where combining marks are looked for: the Basic Multilingual Plane, less its blocks of ideographs,
# Hangul syllables, surrogates and private use, which hold none (two thirds of the scan's cost).
# The supplementary planes' marks (Brahmi, Grantha, Chakma, Adlam ..., scripts mostly historic) are
# left out: a class with code points beyond U+FFFF tests them range by range after its bitmap, and
# counting the marks of a German article (candidates' letter share) took 7.5 ms instead of 0.15.
_MARK_SCAN = ((0x0300, 0x3400), (0xA000, 0xAC00), (0xF900, 0x10000))


def _combining_marks() -> str:
    """A character-class body (no brackets) of the combining marks (Unicode categories Mn, Mc,
    Me) of `_MARK_SCAN` as Python's `unicodedata` knows them: one list of what joins a letter to
    its word, for detection and every tokenizer outside English."""
    category = unicodedata.category
    marks = [c for first, end in _MARK_SCAN for c in range(first, end) if category(chr(c))[0] == "M"]
    ranges: list[list[int]] = []
    for point in marks:
        if ranges and ranges[-1][1] == point - 1:
            ranges[-1][1] = point
        else:
            ranges.append([point, point])
    return "".join(f"\\u{a:04x}-\\u{b:04x}" if a != b else f"\\u{a:04x}" for a, b in ranges)


# Combining marks (accents of decomposed text, Cyrillic titlo, Hebrew points, Arabic harakat, the
# vowel signs and viramas of the Indic scripts, Thaana, Ethiopic, Myanmar, Khmer ...): part of a
# word, though no `\w`. Built at import from `unicodedata` (about 3 ms), so that no script is missed
# (a hand list left out Thaana's vowel signs: a Dhivehi word was single letters) and detection and
# the tokenizers (features.UNICODE_TOKEN through clean.rules.MARKS) agree.
MARKS = _combining_marks()
_ASCII_LETTERS = ascii_table("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")
# ISO 639-1, the two-letter codes a `--lang` value may name: a language we do not support is then
# summarized with neutral settings and a warning; anything else ("xx", "german") is a typo.
ISO_639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en eo"
    " es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka"
    " kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng"
    " nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su"
    " sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu".split()
)
# Serbo-Croatian: detection's name for Bosnian, Croatian, Montenegrin and Serbian in Latin script,
# whose function words do not tell them apart (ISO 639-1 withdrew "sh"; it stays what they share).
SERBO_CROATIAN = "sh"
# The ISO 639-2 codes of the languages we support, for users who write those.
_THREE_LETTER_CODES = MappingProxyType(
    {
        "eng": "en",
        "deu": "de",
        "ger": "de",
        "fra": "fr",
        "fre": "fr",
        "spa": "es",
        "por": "pt",
        "ita": "it",
        "nld": "nl",
        "dut": "nl",
        "rus": "ru",
        "swe": "sv",
        "ind": "id",
        "tur": "tr",
        "dan": "da",
        "nob": "nb",
        "fin": "fi",
        "cat": "ca",
        "pol": "pl",
        "ces": "cs",
        "cze": "cs",
        "ron": "ro",
        "rum": "ro",
        "hun": "hu",
    }
)
# Other names of a supported language's code. Norwegian is written in two standards: "no" (Norwegian)
# and "nor" name Bokmål, which most of it is written in; Nynorsk ("nn", "nno") is read as Bokmål too,
# whose data file holds Nynorsk's function words and headings and whose Snowball stemmer takes its
# endings (data/lang/nb.json, "note"): better than the neutral settings of an unsupported language.
_ALIASES = MappingProxyType({"no": "nb", "nor": "nb", "nn": "nb", "nno": "nb"})


@dataclass(frozen=True)
class Language:
    """A language's data; `supported` is False for the neutral settings of an unknown language."""

    code: str
    name: str
    supported: bool
    stemmer: str | None
    stop_words: frozenset[str] = field(repr=False)
    headings: Mapping[str, tuple[str, ...]] = field(repr=False)
    captions: tuple[str, ...] = field(repr=False)
    affiliations: tuple[str, ...] = field(repr=False)
    cues: tuple[str, ...] = field(repr=False)
    # The lower-case words that point to a URL right after them ("all’indirizzo", "по адресу") and,
    # apart, those that refer the reader to it ("siehe", "см."): cleaning removes them with the URL.
    url_lead_words: tuple[str, ...] = field(repr=False, default=())
    # Lead phrases that name a place ("auf der Website", "na stronie"): they go only where the URL
    # ends its clause, as a word after it may depend on them ("auf der Website URL des Amtes").
    url_place_words: tuple[str, ...] = field(repr=False, default=())
    url_see_words: tuple[str, ...] = field(repr=False, default=())
    # The words for "and", "or" that join two URLs ("URL1 e URL2": the "e" goes with them), and the
    # words around a URL that name its place after it (Turkish "… adresinde", Hungarian "a … címen").
    url_joins: tuple[str, ...] = field(repr=False, default=())
    url_around: tuple[str, ...] = field(repr=False, default=())
    # The words for "available" that a bracket may open with before its lead word: "(disponibles en
    # URL)" goes whole, where "(Tabelle auf URL)" keeps its own word.
    url_available_words: tuple[str, ...] = field(repr=False, default=())

    @property
    def english(self) -> bool:
        return self.code == ENGLISH


def _data_dir() -> Any:
    return resources.files("synopsis") / "data" / "lang"


@cache
def supported_codes() -> tuple[str, ...]:
    """Codes of the languages with a data file, sorted."""
    return tuple(sorted(p.name[:-5] for p in _data_dir().iterdir() if p.name.endswith(".json") and p.name != "profiles.json"))


@cache
def _file(code: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((_data_dir() / f"{code}.json").read_text(encoding="utf-8"))
    return data


@cache
def get_language(code: str) -> Language:
    """The data of `code`; a code without a data file gets the language-neutral settings."""
    if code not in supported_codes():
        return Language(code, code, False, None, frozenset(), MappingProxyType({}), (), (), ())
    data = _file(code)
    headings = data.get("headings", {})
    return Language(
        code=code,
        name=data["name"],
        supported=True,
        stemmer=data["stemmer"],
        stop_words=_stop_words(data.get("stop_words", {})),
        headings=MappingProxyType({kind: tuple(headings.get(kind, ())) for kind in HEADING_KINDS}),
        captions=tuple(data.get("captions", ())),
        affiliations=tuple(data.get("affiliations", ())),
        cues=tuple(data.get("cues", ())),
        url_lead_words=tuple(data.get("url_leads", {}).get("words", ())),
        url_place_words=tuple(data.get("url_leads", {}).get("places", ())),
        url_see_words=tuple(data.get("url_leads", {}).get("see", ())),
        url_joins=tuple(data.get("url_leads", {}).get("joins", ())),
        url_around=tuple(data.get("url_leads", {}).get("around", ())),
        url_available_words=tuple(data.get("url_leads", {}).get("available", ())),
    )


def _stop_words(entry: Mapping[str, Any]) -> frozenset[str]:
    """A data file's stop words: those copied from their source ("words") and the few added where the
    source lacks a common function word ("added", with its reason in "added_note")."""
    return frozenset((*entry.get("words", ()), *entry.get("added", ())))


# Supported languages that lose a tie of function words (profiles are tried in order, the first of
# equals wins): Catalan's commonest words are French's (les, de, l, d) or Spanish's (el, la, de, que,
# en), and a short text holding none of the words only Catalan writes (els, amb, és, aquesta, seva,
# també ...) is French or Spanish far more often ("Les résultats de l'étude." was Catalan by the
# alphabet's order).
_LOSES_TIES = ("ca",)


@cache
def _profiles() -> tuple[tuple[str, frozenset[str]], ...]:
    """(code, function words) of every language detection knows: supported first (`_LOSES_TIES`
    last of them), then the rest."""
    order = sorted(supported_codes(), key=_LOSES_TIES.__contains__)  # stable: alphabetical otherwise
    out = [(code, frozenset(_file(code)["detect"])) for code in order]
    out += [(code, frozenset(words)) for code, words in sorted(_other_profiles().items()) if code not in ("note", "letters")]
    return tuple(out)


@cache
def _other_profiles() -> dict[str, Any]:
    """data/lang/profiles.json: the function words of languages we do not support ("note" says
    why they are there, "letters" holds the letters beyond a-z of some)."""
    data: dict[str, Any] = json.loads((_data_dir() / "profiles.json").read_text(encoding="utf-8"))
    return data


@cache
def function_words() -> frozenset[str]:
    """Every function word detection knows, of all its languages (lower-case)."""
    return frozenset().union(*(words for _, words in _profiles()))


def detect_language(text: str) -> str:
    """The code of the language whose function words make up the largest share of `text`.

    A text mostly in a script that names its language (kana: Japanese, Hangul: Korean, Han alone:
    Chinese, Greek, Hebrew, Thai, Georgian, Armenian, Tamil ...) is that language when no profile
    fits; `UNDETERMINED` when neither tells (a script several languages share, such as Arabic or
    Devanagari, in a language we have no profile of, or a Latin-script language we have none of).
    A text too short for shares is decided by `_short_text_language` (English unless another
    language's function words clearly name it), and English there only where its letters are
    English's too (`_short_text_english`). Only the first `DETECT_CHARS` characters are read (where they
    tell nothing, past runs no language writes, base64 or a DNA sequence: `_detection_window`), without URLs, DOIs,
    e-mail addresses and formulas (`_without_noise`), whose letters are no words, and without what
    the text quotes (`_without_quotations`) where enough is left. A supported language whose
    alphabet lacks many of the text's letters is not it (`_foreign_letters`).
    """
    return _detect(text)[0]


def _detect(text: str) -> tuple[str, bool]:
    """`detect_language`'s answer and whether the text was long enough for function-word shares.
    The text's own words decide, without what it quotes (`_without_quotations`), where MIN_WORDS
    of them are left and they name a language: an English essay quoting Goethe at length is
    English, and interview notes that are mostly quotations are read whole."""
    window = text[:DETECT_CHARS]
    found = _detect_window(window)
    if found[0] == UNDETERMINED:  # a blob before the article? (looked for only here: it costs ~0.5 ms)
        past_blobs = _detection_window(text)
        if past_blobs is not window:
            return _detect_window(past_blobs)
    return found


def _detect_window(window: str) -> tuple[str, bool]:
    """`_detect` of the characters detection reads."""
    if _HAS_FULL_WIDTH.search(window):
        window = window.translate(FULL_WIDTH)
    text = _without_noise(_without_reference_entries(unicodedata.normalize("NFC", window)))
    unquoted = _without_quotations(text)
    if unquoted is not text:
        found = _detect_in(unquoted)
        if found[1] and found[0] != UNDETERMINED:
            return found
    return _detect_in(text)


# Runs no language writes: a token of NON_LANGUAGE_CHARS characters or more without a space (a base64
# attachment's 76-character lines, a hex dump, a sequence line) and a token of 8 or more nucleotide
# letters ("gatcctccat", GenBank's groups of ten). Forty kilobytes of base64 before an Indonesian
# abstract filled the characters detection reads, and the article was undetermined. Where the
# first DETECT_CHARS are undetermined, such runs are skipped and the window reads on, at most
# DETECT_SCAN_CHARS into the text.
NON_LANGUAGE_CHARS = 50
# Anchored at a token's start: unanchored, "\S{50,}" was tried at every character of every word.
_NON_LANGUAGE = re.compile(rf"(?<!\S)(?:\S{{{NON_LANGUAGE_CHARS},}}|[ACGTUNacgtun]{{8,}}(?!\S))")
DETECT_SCAN_CHARS = 20 * DETECT_CHARS


def _detection_window(text: str) -> str:
    """The first `DETECT_CHARS` characters of `text` that are not in `_NON_LANGUAGE` runs (each run
    leaves a space), read from at most `DETECT_SCAN_CHARS`; the first `DETECT_CHARS` characters as
    they are where they hold no such run, or where fewer than MIN_WORDS words are left without them
    (a text that is all base64 stays undetermined, not English by default)."""
    window = text[:DETECT_CHARS]
    if not _NON_LANGUAGE.search(window):
        return window
    parts: list[str] = []
    kept = length = 0
    for run in _NON_LANGUAGE.finditer(text, 0, DETECT_SCAN_CHARS):
        parts += (text[kept : run.start()], " ")
        length += run.start() - kept + 1
        kept = run.end()
        if length >= DETECT_CHARS:
            break
    else:
        parts.append(text[kept:DETECT_SCAN_CHARS])
    left = "".join(parts)[:DETECT_CHARS]
    return left if len(_LETTERS.findall(left)) >= MIN_WORDS else window


def _detect_in(text: str) -> tuple[str, bool]:
    """`_detect` of a text already cut to what detection reads."""
    points = _code_points(text)
    latin, other = _latin_count(points), _other_count(points)
    if other > latin:
        return _other_script_language(text)
    words = runs(text.lower(), _ASCII_LETTERS, _LETTERS, 1)  # _LETTERS.findall, faster
    long_enough = len(words) >= MIN_WORDS
    short = None
    if not long_enough:
        short = _short_text_language(words, text)
        found = UNDETERMINED if short is None else short
    else:
        hits = _function_word_hits(words)
        found = _by_function_words(words, hits, min_distinct=MIN_DISTINCT - 1)
        short_of_words = found not in (ENGLISH, UNDETERMINED) and _distinct(words, found) < MIN_DISTINCT
        if short_of_words and not _own_letters_prevail(text, found):
            found = UNDETERMINED
        if found == ENGLISH:
            return _english_or_paragraphs(text, hits), True
    if found == UNDETERMINED and other and other >= OTHER_SCRIPT_MIN_SHARE * (latin + other):
        # No Latin-script language, and much of another script: a Greek or Hindi paper whose
        # English terms, names and citations outnumber its own letters. Its own words decide.
        return _other_script_language(_LATIN_WORD.sub(" ", text))
    if not long_enough and short in (None, ENGLISH):
        # A title or a sentence in Latin script: English, as it always was, unless its letters say not.
        return _short_text_english(text, words, latin), False
    # A long text English's function words name stays English whatever letters its examples and
    # quotations bring (English has no alphabet here; a short text's letters are read above).
    foreign = found != ENGLISH and _foreign_letters(text, found, latin)
    return (UNDETERMINED if foreign else found), long_enough


# A text where no Latin-script language is found is read in its other script when at least this
# share of its letters are in it: a Greek or Hindi computing paper whose English terms, names and
# citations outnumber its own letters (the tests' Greek one has 49%, the Hindi one 27%: only its
# consonants and vowels count as letters, not its vowel signs). Below it a few words in another
# script (a name, a quoted term) do not outweigh a Latin-script text no profile fits (transliterated
# Hindi or Russian: 0%), which stays undetermined. Set by hand between those; English texts never
# come here (they are English by function words).
OTHER_SCRIPT_MIN_SHARE = 0.2
_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")
# Arabic's vowel marks, shadda and sukun (harakat), the superscript alef and the tatweel: optional in
# writing, they are left out of the function words ("فِي" is "في", "أنّ" is "أن").
_ARABIC_OPTIONAL = re.compile(r"[\u064b-\u065f\u0670\u0640]")


def _other_script_language(text: str) -> tuple[str, bool]:
    """`_detect_in` of a text mostly in a script other than Latin: a profile may name it (Cyrillic:
    ru, Arabic: ar, fa, ur; Devanagari: hi, mr, ne); else the script itself may. Its words keep
    their vowel signs (`_marked_word`), without Arabic's optional ones. In Chinese and Japanese,
    written without spaces, each run of characters is one "word": forty of them and the English
    terms between may name English; such a text is refused all the same (`check_spaced`)."""
    words = runs(_ARABIC_OPTIONAL.sub("", text).lower(), _ASCII_LETTERS, _marked_word(), 1)
    if len(words) < MIN_WORDS:
        found = _short_text_language(words, text)  # English only where another language is not clear:
        found = found if found not in (ENGLISH, UNDETERMINED, None) else _script_language(text)
        return _macedonian_or(found, text), False
    hits = _without_misspelt(_function_word_hits(words), words)
    found = _by_function_words(words, hits, min_distinct=MIN_DISTINCT)
    if found == ENGLISH:
        return _english_or_paragraphs(text, hits), True
    found = _macedonian_or(found, text)
    return (found if found != UNDETERMINED else _script_language(text)), True


# Cyrillic letters each Cyrillic profile's language never writes. Their function words overlap
# ("и", "на", "за", "да", "се"): Serbian (ј, њ) tied with Bulgarian and was named Bulgarian, the
# first profile; a paragraph of Russian (ы) whose "т. е." (that is) gave Bulgarian "е" (is) as many
# hits was Bulgarian, and its summary was language-neutral. The letters only break such a near tie:
# the leading profile loses its hits where at least MISSPELT_MIN_SHARE of the text's words, and
# MISSPELT_MIN_WORDS, hold a letter it never writes and a profile the letters allow has as many
# hits, or fewer by at most one or MISSPELT_TIE_SHARE of the leader's. Elsewhere the function words
# decide as they did: a Bulgarian text quoting Russian (ы) or citing Russian titles stays Bulgarian
# (a Russian block gave Russian 0.86 of Bulgarian's hits), a Russian one with a Kazakh abstract or
# names, Ukrainian words (і, ї) or written before 1918 (і, ѣ) stays Russian, and Belarusian (і, ы,
# ў), which no profile writes, stays Ukrainian as before.
_NEVER_WRITTEN = MappingProxyType(
    {
        "ru": frozenset("іїєґјљњђћџў"),
        "uk": frozenset("ыэёъјљњђћџў"),
        "bg": frozenset("ыэёіїєґјљњђћџў"),
        "sr": frozenset("ыэёъьйщяюєіїґў"),
    }
)
MISSPELT_MIN_WORDS = 3
# Macedonian, which has no profile, shares its function words with Serbian and Bulgarian ("и", "на",
# "се", "да", "за") and was named Serbian: a review's Macedonian abstract was summarized under that
# name. Its letters ѓ ќ ѕ no other Cyrillic language writes ("помеѓу", "ќе", "ѕид"), and it writes
# none of `_NOT_MACEDONIAN`; a text a Cyrillic profile names (or none) is Macedonian where more
# lower-case words hold its letters than hold those, at least MACEDONIAN_MIN_WORDS and one in
# MACEDONIAN_PER_WORDS. Lower-case only: a name ("Ѓорѓе Петров") in a Russian, Serbian or Bulgarian
# text is no evidence (a review: a Russian abstract naming him twice was read as Macedonian, and
# lost Russian's stemmer and sentence rules), nor is a Church Slavonic letter quoted in Russian.
MACEDONIAN = "mk"
_MACEDONIAN_LETTERS = frozenset("ѓќѕ")
_NOT_MACEDONIAN = frozenset("ыэёъьйщяюєіїґўђћ")
MACEDONIAN_MIN_WORDS = 2
MACEDONIAN_PER_WORDS = 100
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff]+")
MISSPELT_MIN_SHARE = 0.05
MISSPELT_TIE_SHARE = 0.1


def _macedonian_or(found: str, text: str) -> str:
    """`found`, or Macedonian where a Cyrillic answer's text is written in its letters
    (`_MACEDONIAN_LETTERS` in more lower-case words than `_NOT_MACEDONIAN`)."""
    if found not in _NEVER_WRITTEN and found != UNDETERMINED:
        return found
    own = foreign = total = 0
    for word in _CYRILLIC_WORD.findall(text):
        total += 1
        if not word[0].islower():
            continue
        if not _MACEDONIAN_LETTERS.isdisjoint(word):
            own += 1
        elif not _NOT_MACEDONIAN.isdisjoint(word):
            foreign += 1
    macedonian = own > foreign and own >= max(MACEDONIAN_MIN_WORDS, total / MACEDONIAN_PER_WORDS)
    return MACEDONIAN if macedonian else found


def _without_misspelt(hits: dict[str, int], words: list[str]) -> dict[str, int]:
    """`hits` (of the lower-cased `words`) without those of the Cyrillic profiles whose language
    cannot have written the words (`_NEVER_WRITTEN`) where one of them leads a profile the letters
    allow by a near tie only; the same `hits` elsewhere (nearly always: a Cyrillic profile leads)."""
    leader = max(hits, key=hits.__getitem__)
    if leader not in _NEVER_WRITTEN or not hits[leader]:
        return hits
    least = max(MISSPELT_MIN_WORDS, MISSPELT_MIN_SHARE * len(words))

    @cache  # each profile's words counted once, though `allowed` and `ruled_out` both ask
    def misspelt(code: str) -> bool:
        letters = _NEVER_WRITTEN[code]
        return sum(1 for word in words if not letters.isdisjoint(word)) >= least

    if not misspelt(leader):
        return hits
    allowed = [hits.get(code, 0) for code in _NEVER_WRITTEN if code != leader and hits.get(code) and not misspelt(code)]
    if not allowed or max(allowed) < hits[leader] - max(1, MISSPELT_TIE_SHARE * hits[leader]):
        return hits
    ruled_out = {code for code in _NEVER_WRITTEN if hits.get(code) and misspelt(code)}
    return {code: 0 if code in ruled_out else count for code, count in hits.items()}


# A long text English's function words name is read paragraph by paragraph when another language's
# function words are at least this share of English's: an Indonesian, Russian or Turkish article
# printed after a long English abstract has fewer function words than the abstract (agglutinative
# Turkish has few), and was English. Among the 1,311 dev articles (all English) the most any other
# language has is 0.38 of English's (p99 0.30: "de", "a", "in" of Dutch, Afrikaans, Spanish); the
# failing articles had 0.44 to 0.99. Below it no paragraph is read again (the cost stays that of one
# pass for nearly every English text); above it English still wins unless another language holds
# more of the text's words (`_by_paragraphs`).
PARAGRAPHS_FROM_SHARE = 0.3


def _english_or_paragraphs(text: str, hits: dict[str, int]) -> str:
    """English, the answer of a long text's function words, unless another language's are close
    (`PARAGRAPHS_FROM_SHARE`) and its paragraphs hold more of the text's words (`_by_paragraphs`)."""
    other = max(count for code, count in hits.items() if code != ENGLISH)
    return ENGLISH if other < PARAGRAPHS_FROM_SHARE * hits[ENGLISH] else _by_paragraphs(text)


def _by_paragraphs(text: str) -> str:
    """The language most of `text` is in, each paragraph of MIN_WORDS or more words read on its own
    (paragraphs: blocks between blank lines, else lines); English where it holds as much, and where
    the text is one paragraph. What a paragraph of a mixed text is counts, not how many function
    words its language writes: an English abstract is a tenth of an article. How much is counted in
    letters, not words: Finnish and Turkish say in 300 long words what English says in 400 short
    ones, and a Finnish article of 340 words in long paragraphs (2,900 letters) after an English
    abstract of 345 (1,900) was English (benchmarks/results/language_detection.md: 3 of 50)."""
    parts = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    if len(parts) < 2:
        return ENGLISH
    letters: Counter[str] = Counter()
    for part in parts:
        if len(part.split()) >= MIN_WORDS:
            code, long_enough = _detect_in(part)
            if long_enough and code != UNDETERMINED:
                letters[code] += sum(map(len, _LETTERS.findall(part)))
    best = max(letters, key=letters.__getitem__, default=ENGLISH)  # ties: the first paragraph's
    return best if letters[best] > letters[ENGLISH] else ENGLISH


# Combining marks are no letters to `[^\W\d_]`: a Devanagari or Bengali word fell apart at each
# vowel sign ("है" was "ह", "हिंदी" three pieces) and no function word of it was found, a Dhivehi
# word at each vowel sign ("ދިވެހި" three letters). Detection's words and every tokenizer outside
# English (features.UNICODE_TOKEN, clean.rules.MARKS) take the marks of `MARKS` in.
@cache
def _marked_word() -> re.Pattern[str]:
    """A run of letters and combining marks (`MARKS`)."""
    return re.compile(rf"(?:[^\W\d_]|[{MARKS}])+")


# Quoted passages: an article quotes its sources in their language, and a long quotation in German
# made an English essay German. Paired marks around at most QUOTATION_MAX_CHARS within one
# paragraph: “…”, „…“ or „…”, «…», German »…« and ‚…‘, ‹…› and ›…‹, and "…". Where the marks
# of a pair point both ways (« » and ‹ ›, straight "), a mark opens only at a word's start (after a
# space, a line start or an opening bracket) and closes only at a word's end (before a space, a
# note number, punctuation or the end), as in « texte », «текст», »Text« and "text"; the German
# direction and " also open before a non-space and close after one. A German quotation in »…« was
# read inside-out, its quotation kept and the German between blanked, and an inch mark (27")
# opened a quotation that took the text after it. A paragraph ends at a blank line, or at a line
# break in a text without blank lines (JSONL fields with one paragraph a line), so that an unclosed
# mark takes no more than its paragraph. Block quotations set off only by indentation are not told
# from paragraphs.
QUOTATION_MAX_CHARS = 2000


def _opening(mark: str, spaced: bool = True) -> str:
    """A pattern of `mark` at a word's start (the mark first: the search skips to the marks); not
    `spaced`, also before a non-space."""
    return rf"{mark}(?<![^\s(\[{{]{mark})" + ("" if spaced else r"(?!\s)")


def _closing(mark: str, spaced: bool = True) -> str:
    """A pattern of `mark` at a word's end; not `spaced`, also after a non-space."""
    return ("" if spaced else r"(?<!\s)") + rf"{mark}(?![^\s\d.,;:!?)\]}}…—–-])"


_QUOTATION_PAIRS = (  # (opening, the marks no quotation holds, closing), as patterns
    ("“", "“”", "”"),
    ("„", "„“”", "[“”]"),
    (_opening("«"), "«»", _closing("»")),
    (_opening("»", spaced=False), "»«", _closing("«", spaced=False)),
    ("‚", "‚‘", "‘"),
    (_opening("‹"), "‹›", _closing("›")),
    (_opening("›", spaced=False), "›‹", _closing("‹", spaced=False)),
    (_opening('"', spaced=False), '"', _closing('"', spaced=False)),
)
_QUOTATION_MARKS = '“„«»‚‹›"'
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _quotation_pattern(within: str) -> re.Pattern[str]:
    """Quoted passages of up to QUOTATION_MAX_CHARS characters, each `within` (a pattern with
    {marks} for the marks it may not be)."""
    return re.compile(
        "|".join(
            f"{opening}(?:{within.format(marks=marks)}){{1,{QUOTATION_MAX_CHARS}}}{closing}"
            for opening, marks, closing in _QUOTATION_PAIRS
        )
    )


# In a text with blank lines a quotation may span single line breaks (a PDF's wrapped lines);
# in one without, a line is a paragraph.
_QUOTATION = _quotation_pattern(r"[^{marks}\n]|\n(?![ \t]*\n)")
_QUOTATION_IN_LINE = _quotation_pattern(r"[^{marks}\n]")


# A block quotation without marks: a paragraph of up to QUOTATION_MAX_CHARS after a line of at least
# LEAD_IN_MIN_WORDS words that ends a paragraph with a colon ("Dies zeigt sich, wenn Eliot
# schreibt:"), between blank lines. A German essay whose English block quotations outweighed its own
# paragraphs was English. A list or an equation introduced so is blanked too: it is in the text's
# language or in none, and the rest still decides. A heading with a colon ("Einleitung:") is too
# short a line: the section under it is the text's own.
_BLOCK_QUOTATION = re.compile(rf":[ \t]*\n[ \t]*\n(?:[^\n]|\n(?![ \t]*\n)){{1,{QUOTATION_MAX_CHARS}}}(?=\n[ \t]*\n|\s*\Z)")
LEAD_IN_MIN_WORDS = 6


def _without_block_quotations(text: str) -> str:
    """`text` with each `_BLOCK_QUOTATION` after a lead-in of LEAD_IN_MIN_WORDS words blanked."""
    parts: list[str] = []
    kept = 0
    for block in _BLOCK_QUOTATION.finditer(text):
        line_start = text.rfind("\n", 0, block.start()) + 1
        if len(text[line_start : block.start()].split()) >= LEAD_IN_MIN_WORDS:
            parts += (text[kept : block.start() + 1], "\n\n")
            kept = block.end()
    return "".join([*parts, text[kept:]]) if parts else text


def _without_quotations(text: str) -> str:
    """`text` with its quoted passages blanked (between quotation marks, or a block after a colon),
    or `text` itself (the same object) if it has none."""
    unquoted = text
    if ":" in text and _BLANK_LINE.search(text):
        unquoted = _without_block_quotations(text)
    if any(mark in unquoted for mark in _QUOTATION_MARKS):
        quotation = _QUOTATION if _BLANK_LINE.search(unquoted) else _QUOTATION_IN_LINE
        unquoted = quotation.sub(" ", unquoted)
    return text if len(unquoted) == len(text) else unquoted


# What detection skips: URLs, DOIs, e-mail addresses, and formulas (a token with TeX or operator
# characters; a lone letter beside an operator). Their letters are no words: "y = 4,2" made a table
# of numbers Spanish, "a_i", "\\in" and "x^i" made a German paper with formulas Catalan.
_NOISY_CHARS = "\\_^{}$|=<>@/"
_LINK = re.compile(r"://|www\.|(?<!\d)10\.\d{4,}/")  # what makes a token with "/" a URL or DOI
_OPERATORS = "=<>≤≥≈±×+−"
_SPACE = re.compile(r"\s")


def _without_lone_letters(text: str) -> str:
    """`text` with each lone letter beside an operator blanked ("y = 4,2", "(x + 1)"): before one, a
    letter that starts a token; after one, a letter that ends one. Looked for from the operators
    only, which are few: a pattern tried at every position cost a millisecond per article."""
    blank: set[int] = set()
    end = len(text)
    for position in _positions(text, _OPERATORS):
        before = position - 1
        while before >= 0 and text[before].isspace():
            before -= 1
        if before >= 0 and _letter(text[before]) and (before == 0 or text[before - 1].isspace() or text[before - 1] in "(["):
            blank.add(before)
        after = position + 1
        while after < end and text[after].isspace():
            after += 1
        if after < end and _letter(text[after]) and (after + 1 == end or text[after + 1].isspace() or text[after + 1] in ",;.)]"):
            blank.add(after)
    if not blank:
        return text
    parts: list[str] = []
    kept = 0
    for position in sorted(blank):
        parts += (text[kept:position], " ")
        kept = position + 1
    parts.append(text[kept:])
    return "".join(parts)


def _positions(text: str, chars: str) -> list[int]:
    """Where any of `chars` occurs in `text`, in order: `str.find` per character skips to the few
    places there are, where a character-class pattern steps through every position."""
    found: list[int] = []
    for char in chars:
        position = text.find(char)
        while position >= 0:
            found.append(position)
            position = text.find(char, position + 1)
    found.sort()
    return found


def _letter(char: str) -> bool:
    r"""A letter as the pattern `[^\W\d_]` has it: alphanumeric, no decimal digit."""
    return char.isalnum() and not char.isdecimal()


def _without_noise(text: str) -> str:
    """`text` with URLs, DOIs, e-mail addresses and formula tokens blanked: each is found by a
    telling character and widened to the white space around it (a regex that tried every token
    start cost 2 ms of detection's 3); lone letters beside an operator go first ("y = 4,2")."""
    if any(c in text for c in _OPERATORS):
        text = _without_lone_letters(text)
    parts: list[str] = []
    kept = 0
    word_end = 0  # the end of the last token found to be no link ("und/oder"): its other "/" too
    for position in _positions(text, _NOISY_CHARS):
        if position < kept or (position < word_end and text[position] == "/"):
            continue  # inside the token blanked last, or a "/" of a token that is no link
        start = position
        while start > kept and not text[start - 1].isspace():  # back to the token's start
            start -= 1
        after = _SPACE.search(text, position + 1)
        end = after.start() if after else len(text)
        if text[position] == "/" and not _LINK.search(text, start, end):
            word_end = end  # (judged once: per "/", "a/a/a/..." of 20,000 characters took 27 s)
            continue  # "und/oder", "2019/20": words
        parts += (text[kept:start], " ")
        kept = end
    parts.append(text[kept:])
    return "".join(parts)


# A reference entry's head: "Lobell, D. B., ... (2011)", "SILVA, M.; ... 2019" (a surname, a comma,
# one to three initials, a year within the next 150 characters on the line).
_ENTRY_HEAD = re.compile(r"(?<![\w'’-])[A-ZÀ-Þ][\w'’-]+,\s(?:[A-ZÀ-Þ]\.[\s-]?){1,3}(?=[^\n]{0,150}?\b(?:1[5-9]|20)\d\d[a-z]?\b)")
# Where a head may be: a comma, a space and an initial (found first: a fast literal scan).
_COMMA_INITIAL = re.compile(r",\s[A-ZÀ-Þ]\.")
# A reference list has at least this many entries; an entry is at most this many characters. The
# entries are skipped only when they are at least ENTRIES_MIN_SHARE of what detection reads: a
# short list barely moves the shares, and where it is in the article's language it is evidence.
ENTRIES_MIN = 3
ENTRY_MAX_CHARS = 500
ENTRIES_MIN_SHARE = 0.2


# What stands before an entry's head: a line break, the stop that ends the entry before (flattened
# lists) or a number's bracket or stop ("[12] Smith, J.", "12. Smith, J."). Not a word: "Selon
# Bourdieu, P. (1979), ... par Lahire, B. (2004)" cites in a sentence, and made a French text English.
_BEFORE_ENTRY = "\n.])"


def _opens_entry(text: str, start: int) -> bool:
    """Whether a head at `start` may open a reference entry: at the text's start, or after one of
    `_BEFORE_ENTRY` and spaces."""
    before = start
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    return before == 0 or text[before - 1] in _BEFORE_ENTRY


def _without_reference_entries(text: str) -> str:
    """`text` without the entries of a long reference list: their titles are in the languages of
    the works cited, and eighty English titles made a German paper English when its list had a
    heading the caller does not cut at ("Quellen- und Literaturverzeichnis") or none (flattened)."""
    heads: list[int] = []
    for comma in _COMMA_INITIAL.finditer(text):
        start = comma.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "'’-"):  # back over the surname
            start -= 1
        if (
            start < comma.start()
            and (not heads or start >= heads[-1])
            and _opens_entry(text, start)
            and _ENTRY_HEAD.match(text, start)
        ):
            heads.append(start)
    if len(heads) < ENTRIES_MIN:
        return text
    parts, kept = [], 0
    for start, following in zip(heads, [*heads[1:], len(text)], strict=True):
        parts.append(text[kept:start])
        end = min(following, start + ENTRY_MAX_CHARS)
        if following == len(text):  # the last entry ends at its line's end
            line_end = text.find("\n", start)
            end = min(end, line_end if line_end >= 0 else len(text))
        kept = end
    parts.append(text[kept:])
    left = sum(map(len, parts))
    return " ".join(parts) if len(text) - left >= ENTRIES_MIN_SHARE * len(text) else text


# A text where the letters outside a supported language's alphabet (its "letters" beyond a-z: ă ș ř
# ő in a text taken for Spanish or Portuguese) are at least this share of its Latin letters, and at
# least FOREIGN_MIN of them, is not in that language: Romanian and Czech, before they had profiles,
# were Spanish and Portuguese by the function words they share ("a", "o", "de", "la"); their
# letters are 7 and 9% foreign there. Only words that open lower-case count (`_letter_counts`):
# names carry the letters of their own language, and a French history of the Việt Minh (Hồ Chí
# Minh, Võ Nguyên Giáp, Đà Nẵng: 5% of its letters) or a German one of Łódź and Wrocław is still
# French or German.
FOREIGN_SHARE = 0.05
FOREIGN_MIN = 20
# A text under MIN_WORDS words is English only where fewer than this many letters of its words that
# open lower-case are outside `ENGLISH_LETTERS` ("řad", "społecznościowych", "özetleme", "ứng"):
# two such letters are no stray loanword. Where no English function word occurs one is enough
# ("Automatyczne streszczanie tekstów naukowych"). Names count for nothing, as above ("A note on
# Gödel", "Müller's model"). None of the 1,311 dev titles has any (one has "κB", not Latin).
SHORT_FOREIGN_MIN = 2
# The letters beyond a-z that English writes in lower-case words: those of its French and Spanish
# loanwords (café, naïve, rôle, façade, crème, señor). Not á í ó ú ö ü ä, which Czech, Hungarian,
# Turkish and Polish titles are full of and English words are not.
ENGLISH_LETTERS = frozenset("àâæçèéêëîïñôœû")
# Latin letters beyond ASCII: Latin-1, Extended-A and -B, Extended Additional (Vietnamese).
_EXTENDED_LATIN = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")


def _foreign_letters(text: str, code: str, latin: int, least: float | None = None) -> bool:
    """Whether `text` has too many letters outside the alphabet of supported language `code`: at
    least `least`, by default FOREIGN_MIN and FOREIGN_SHARE of its `latin` letters (a short text
    has far fewer letters, and its caller says how many are too many)."""
    alphabet = _alphabet(code)
    if alphabet is None:
        return False
    return _letter_counts(text, alphabet)[1] >= (max(FOREIGN_MIN, FOREIGN_SHARE * latin) if least is None else least)


def _short_text_english(text: str, words: list[str], latin: int) -> str:
    """The language of a short Latin-script text that reads as English or as nothing: English,
    unless letters English does not write fill its words (`_foreign_letters`): "Analýza časových
    řad v ekonomii" and "Türkçe metin özetleme yöntemleri üzerine" were English, silently. Then
    English's function words may still clearly hold ("On the Polish word przyjaciół and its
    uses"); else the one language whose function words occur most and whose letters fit is named
    (Polish "oraz", Turkish "ile"; one whose letters are unknown with `SHORT_MIN_HITS` of them), and
    where none or several do, `UNDETERMINED`."""
    hits = _function_word_hits(words) if words else {}
    if not _foreign_letters(text, ENGLISH, latin, least=SHORT_FOREIGN_MIN if hits.get(ENGLISH) else 1):
        return ENGLISH
    others = sorted(
        (
            code
            for code, count in hits.items()
            if count and code != ENGLISH and not _foreign_letters(text, code, latin, SHORT_FOREIGN_MIN)
        ),
        key=hits.__getitem__,
        reverse=True,
    )
    best = hits[others[0]] if others else 0
    if hits.get(ENGLISH, 0) >= max(SHORT_MIN_HITS, SHORT_OVER_ENGLISH * best):
        return ENGLISH
    leaders = _best_fitting(others, hits, text) if others else []
    if len(leaders) != 1:
        return UNDETERMINED
    # A language whose letters are unknown never misfits: one function word alone does not name it
    # (Faroese "at", that, named Tagalog), where a title's letters back its one word ("ő", "ś").
    return leaders[0] if _alphabet(leaders[0]) is not None or hits[leaders[0]] >= SHORT_MIN_HITS else UNDETERMINED


def _best_fitting(codes: list[str], hits: dict[str, int], text: str) -> list[str]:
    """Of `codes` (in profile order), those with the most `hits`, and of these the ones with the
    fewest letters of `text` outside their alphabet (a language whose letters are unknown, the
    most): "Analýza časových řad v ekonomii" ("v": Czech, Slovak, Slovenian) is Czech by its ř,
    "Výsledky ukazují, že nárůst ..." Czech by its ů (Slovak has none), a text with ľ or ô Slovak.
    Where the letters do not tell ("Táto štúdia ... na Slovensku": á, š, ú are both's) the tie stays."""
    top = max(hits[code] for code in codes)
    leaders = [code for code in codes if hits[code] == top]
    if len(leaders) < 2:
        return leaders
    misfit = {code: _misfit_letters(text, code) for code in leaders}
    least = min(misfit.values())
    leaders = [code for code in leaders if misfit[code] == least]
    typical = [code for code in leaders if not _lacks_typical_letters(text, code)]
    leaders = typical if typical and len(typical) < len(leaders) else leaders
    return _best_spelled(leaders, text) if len(leaders) > 1 else leaders


# Word endings (and spellings) that tell languages with the same function words and letters apart
# where their counts tie: Norwegian (Bokmål and Nynorsk) -sjon, -het, -heit, -anse against Danish
# -tion, -hed, -ance, -ence ("definisjon", "usikkerhet", "kompetanse"; "definition", "usikkerhed",
# "kompetence"). "Resultatene viser at de fleste lærere er positive ..., men at mange mangler tid og
# kompetanse" ties at seven (at, de, er, men, og ...) and was Danish, the first of the two. Words
# that open lower-case only: a name is spelt in its own language; three letters before the ending
# at least: Danish "dansen", "sanser" are no Norwegian -anse (a review).
_TYPICAL_ENDINGS = MappingProxyType(
    {
        "nb": re.compile(r"(?<![\w-])[a-zæøå]{3,}(?:sjon|het|heit|anse)(?:en|er|ene|a|r|n)?\b"),
        "da": re.compile(r"(?<![\w-])[a-zæøå]{3,}(?:tion|hed|ance|ence)(?:en|er|erne|n|r)?\b"),
        # Polish typed without its diacritics ties with Czech and Serbo-Croatian ("bylo", "na", "u"):
        # its spellings w, sz, cz, rz are none of theirs, which write v, š, č, ř. "Celem badania bylo
        # okreslenie wplywu aktywnosci fizycznej ... przeprowadzone ..." was Czech. Counted from
        # SPELLED_MIN words, none in a web address: a Czech text's "software" and "webu", or its
        # "www.czso.cz", tell nothing (a review).
        "pl": re.compile(r"(?<![\w.-])[a-z]*(?:w|sz|cz|rz)[a-z]*\b(?!\.\w)"),
    }
)
SPELLED_MIN = MappingProxyType({"pl": 3})


def _best_spelled(leaders: list[str], text: str) -> list[str]:
    """Of tied `leaders`, those whose `_TYPICAL_ENDINGS` occur most in `text`, where some do and
    that tells them apart; else `leaders` as they are."""
    counts = {code: len(_TYPICAL_ENDINGS[code].findall(text)) if code in _TYPICAL_ENDINGS else 0 for code in leaders}
    counts = {code: count if count >= SPELLED_MIN.get(code, 1) else 0 for code, count in counts.items()}
    most = max(counts.values())
    best = [code for code in leaders if counts[code] == most]
    return best if most and len(best) < len(leaders) else leaders


# Letters that a sentence of these languages all but always holds, where their neighbours without a
# data file write the same function words ("je", "na", "se", "v" are Slovenian and Croatian too): a
# tie with such a neighbour is not won by a text of TYPICAL_MIN_WORDS words or more with none of
# them (review of stop 33: "Članek obravnava razvoj volilne udeležbe ... na ravni občin." was Czech).
_TYPICAL_LETTERS = MappingProxyType({"cs": "áéíóúýěřů", "pl": "ąćęłńóśźż"})
TYPICAL_MIN_WORDS = 6


def _lacks_typical_letters(text: str, code: str) -> bool:
    """Whether `text`, written with letters beyond ASCII, holds none of `code`'s typical ones (a
    text typed without any accents, "Cilem clanku je ...", tells nothing: the tie stays as it was)."""
    letters = _TYPICAL_LETTERS.get(code)
    if letters is None or text.isascii():
        return False
    lowered = text.lower()
    return len(lowered.split()) >= TYPICAL_MIN_WORDS and not any(letter in lowered for letter in letters)


def _misfit_letters(text: str, code: str) -> float:
    """How many letters of `text`'s lower-case words are outside `code`'s alphabet (infinite
    where the alphabet is unknown)."""
    alphabet = _alphabet(code)
    return float("inf") if alphabet is None else _letter_counts(text, alphabet)[1]


def _own_letters_prevail(text: str, code: str) -> bool:
    """Whether supported language `code`'s own letters beyond a-z outnumber the foreign ones in
    `text`: with MIN_DISTINCT - 1 different function words, what tells a short structured
    abstract ("Métodos: encuesta a 2.400 trabajadores ... Conclusión: ...", 33 words and "el",
    "es", "los", "por") from another language that shares a few words (Romanian "de", "la", "un",
    "este" and no Spanish letter; Esperanto "la", "de", "en", "sur")."""
    alphabet = _alphabet(code)
    if alphabet is None:
        return False
    own, foreign = _letter_counts(text, alphabet)
    return own > foreign


def _letter_counts(text: str, alphabet: frozenset[str]) -> tuple[int, int]:
    """How many letters beyond a-z of the words of `text` that open lower-case are in `alphabet`,
    and how many are not (a capitalised word is mostly a name, spelt in its own language). Walks
    back from each such letter to its word's start, or to the letter before it in the same word,
    whose start is known: from every letter to the start, a word of 20,000 "é" took 14 s."""
    own = foreign = 0
    previous = previous_start = -1  # the last such letter, and its word's start
    for match in _EXTENDED_LATIN.finditer(text):
        letter = match.group().lower()
        if not letter.isalpha():  # × and ÷
            continue
        start = match.start()
        while start and text[start - 1].isalpha():
            if start - 1 == previous:
                start = previous_start
                break
            start -= 1
        previous, previous_start = match.start(), start
        if text[start].isupper():
            continue
        if letter in alphabet:
            own += 1
        else:
            foreign += 1
    return own, foreign


@cache
def _alphabet(code: str) -> frozenset[str] | None:
    """The lower-case letters beyond a-z of a supported language (its file's "letters"; English's
    `ENGLISH_LETTERS`, read for short texts only) or of another one profiles.json has them for,
    else None."""
    if code == ENGLISH:
        return ENGLISH_LETTERS
    if code not in supported_codes():
        letters = _other_profiles()["letters"].get(code)
        return None if letters is None else frozenset(letters)
    if "letters" not in _file(code):
        return None
    return frozenset(_file(code)["letters"])


def _function_word_hits(words: list[str]) -> dict[str, int]:
    """How many of `words` are each profile's function words, profiles in `_profiles` order:
    each function word of the text adds its count to the profiles that hold it (`_profiles_of`),
    so the cost follows the text's few function words, not the forty-odd profiles' lists."""
    counts = Counter(words)
    profiles = _profiles()
    hits = [0] * len(profiles)
    holders = _profiles_of()
    for word in counts.keys() & holders.keys():
        count = counts[word]
        for index in holders[word]:
            hits[index] += count
    return {code: hits[index] for index, (code, _) in enumerate(profiles)}


@cache
def _profiles_of() -> dict[str, tuple[int, ...]]:
    """For every function word, the positions in `_profiles` of the profiles that hold it."""
    holders: dict[str, list[int]] = {}
    for index, (_, words) in enumerate(_profiles()):
        for word in words:
            holders.setdefault(word, []).append(index)
    return {word: tuple(indices) for word, indices in holders.items()}


def _by_function_words(words: list[str], hits: dict[str, int] | None = None, min_distinct: int = 0) -> str:
    """The profile whose function words are the largest share of `words`, if it is large enough
    and at least `min_distinct` of its words occur (`hits`: `_function_word_hits(words)`, when the
    caller has them already)."""
    hits = _function_word_hits(words) if hits is None else hits
    best = max(hits, key=hits.__getitem__)  # ties: the first profile
    if not hits[best] or hits[best] / len(words) < MIN_FUNCTION_SHARE:
        return UNDETERMINED
    if best == ENGLISH or not min_distinct:  # English is decided as before languages were detected
        return best
    return best if _distinct(words, best) >= min_distinct else UNDETERMINED


def _distinct(words: list[str], code: str) -> int:
    """How many different function words of profile `code` occur in `words`."""
    return len(_profile(code).intersection(words))


@cache
def _profile(code: str) -> frozenset[str]:
    """The function words of profile `code`."""
    return dict(_profiles())[code]


def _short_text_language(words: list[str], text: str) -> str | None:
    """The language of `text` (its `words`), too short for shares: another language's whose letters
    fit (`_foreign_letters`) and whose function words clearly outnumber English's (at least
    `SHORT_MIN_HITS` and `SHORT_OVER_ENGLISH` times as many, and more than any other unsupported
    language's: "и", "в" are Russian and Bulgarian alike), else English
    where English function words occur, else None: nothing tells ("Some text here.", "Neural
    machine translation", no words at all), and the caller reads a Latin-script text as English as
    it always was, silently (its summary is the text itself, and a warning for every short English
    input, an exception under Python's `-W error`, told a user nothing). Where two unsupported
    languages are clearly there but tied, neither is named: `UNDETERMINED` unless English function
    words occur too."""
    if not words:
        return None
    hits = _function_word_hits(words)
    ranked = sorted((code for code in hits if code != ENGLISH and hits[code]), key=hits.__getitem__, reverse=True)
    # A language whose alphabet lacks the text's letters is not it: "Táto štúdia ... na Slovensku" was
    # Portuguese by "na" and "a" (a supported language wins a tie); of the rest, those whose letters
    # fit best (`_best_fitting`): "Výsledky ukazují, že ..." was a tie of Czech and Slovak.
    ranked = [code for code in ranked if not _foreign_letters(text, code, 0, SHORT_FOREIGN_MIN)]
    if not ranked:
        return ENGLISH if hits[ENGLISH] else None
    leaders = _best_fitting(ranked, hits, text)
    best = leaders[0]
    clear = hits[best] >= max(SHORT_MIN_HITS, SHORT_OVER_ENGLISH * hits[ENGLISH]) and (
        hits[best] / len(words) >= MIN_FUNCTION_SHARE
    )
    # On a tie a supported language wins as before (profiles list them first); two others: neither.
    if clear and (len(leaders) == 1 or best in supported_codes()):
        return best
    if hits[ENGLISH]:
        return ENGLISH
    return UNDETERMINED if clear else None


# Unicode blocks (first, last code point) of scripts; a script that one language writes names it.
_SCRIPTS: tuple[tuple[str, str | None, tuple[tuple[int, int], ...]], ...] = (
    ("kana", "ja", ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9D))),
    ("Hangul", "ko", ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))),
    ("Han", "zh", ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))),
    ("Greek", "el", ((0x0370, 0x03FF), (0x1F00, 0x1FFF))),
    ("Hebrew", "he", ((0x0590, 0x05FF),)),
    ("Thai", "th", ((0x0E00, 0x0E7F),)),
    ("Lao", "lo", ((0x0E80, 0x0EFF),)),
    ("Khmer", "km", ((0x1780, 0x17FF), (0x19E0, 0x19FF))),
    ("Myanmar", "my", ((0x1000, 0x109F),)),
    ("Georgian", "ka", ((0x10A0, 0x10FF),)),
    ("Armenian", "hy", ((0x0530, 0x058F),)),
    ("Tamil", "ta", ((0x0B80, 0x0BFF),)),
    ("Telugu", "te", ((0x0C00, 0x0C7F),)),
    ("Kannada", "kn", ((0x0C80, 0x0CFF),)),
    ("Malayalam", "ml", ((0x0D00, 0x0D7F),)),
    ("Sinhala", "si", ((0x0D80, 0x0DFF),)),
    ("Gujarati", "gu", ((0x0A80, 0x0AFF),)),
    ("Gurmukhi", "pa", ((0x0A00, 0x0A7F),)),
    ("Oriya", "or", ((0x0B00, 0x0B7F),)),
    ("Thaana", "dv", ((0x0780, 0x07BF),)),
    ("Cyrillic", None, ((0x0400, 0x052F),)),
    ("Arabic", None, ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),
    ("Devanagari", None, ((0x0900, 0x097F),)),
    ("Bengali", None, ((0x0980, 0x09FF),)),
    ("Ethiopic", None, ((0x1200, 0x139F),)),
    ("Tibetan", None, ((0x0F00, 0x0FFF),)),
)
# Japanese writes kanji (Han) between its kana: a tenth of kana among the two makes it Japanese.
JAPANESE_KANA_SHARE = 0.1
# Names for the warning of a language we detect but do not support.
LANGUAGE_NAMES = MappingProxyType(
    {
        "af": "Afrikaans",
        "ar": "Arabic",
        "bg": "Bulgarian",
        "bn": "Bengali",
        "ca": "Catalan",
        "cs": "Czech",
        "cy": "Welsh",
        "da": "Danish",
        "dv": "Dhivehi",
        "el": "Greek",
        "eo": "Esperanto",
        "et": "Estonian",
        "eu": "Basque",
        "fa": "Persian",
        "fi": "Finnish",
        "ga": "Irish",
        "gl": "Galician",
        "gu": "Gujarati",
        "he": "Hebrew",
        "hi": "Hindi",
        "hu": "Hungarian",
        "hy": "Armenian",
        "id": "Indonesian",
        "is": "Icelandic",
        "it": "Italian",
        "ja": "Japanese",
        "ka": "Georgian",
        "km": "Khmer",
        "kn": "Kannada",
        "ko": "Korean",
        "la": "Latin",
        "lo": "Lao",
        "lt": "Lithuanian",
        "lv": "Latvian",
        "mk": "Macedonian",
        "ml": "Malayalam",
        "mr": "Marathi",
        "ms": "Malay",
        "mt": "Maltese",
        "my": "Burmese",
        "ne": "Nepali",
        "nl": "Dutch",
        "no": "Norwegian",
        "oc": "Occitan",
        "or": "Odia",
        "pa": "Punjabi",
        "pl": "Polish",
        "ro": "Romanian",
        "ru": "Russian",
        "sh": "Serbo-Croatian: Bosnian, Croatian, Montenegrin or Serbian",
        "si": "Sinhala",
        "sk": "Slovak",
        "sl": "Slovenian",
        "sq": "Albanian",
        "sr": "Serbian",
        "sv": "Swedish",
        "sw": "Swahili",
        "ta": "Tamil",
        "te": "Telugu",
        "th": "Thai",
        "tl": "Tagalog",
        "tr": "Turkish",
        "uk": "Ukrainian",
        "ur": "Urdu",
        "vi": "Vietnamese",
        "zh": "Chinese",
    }
)


def script_counts(text: str) -> dict[str, int]:
    """How many characters of `text` each script of `_SCRIPTS` has (numpy over the code points)."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return {
        name: int(sum(np.count_nonzero((points >= first) & (points <= last)) for first, last in blocks))
        for name, _, blocks in _SCRIPTS
    }


def _script_language(text: str) -> str:
    """The language the text's main non-Latin script names, else `UNDETERMINED`."""
    counts = script_counts(text)
    if counts["kana"] and _japanese(counts):
        return "ja"
    name = max(counts, key=lambda script: counts[script])  # ties: the first in `_SCRIPTS`
    if not counts[name]:
        return UNDETERMINED
    return _script_code(name, counts)


def _japanese(counts: dict[str, int]) -> bool:
    """Kana are at least JAPANESE_KANA_SHARE of the kana and Han of these `script_counts`."""
    return counts["kana"] >= JAPANESE_KANA_SHARE * (counts["kana"] + counts["Han"])


def _script_code(script: str, counts: dict[str, int]) -> str:
    """The language `script` names (Han: Japanese or Chinese by `_japanese`), else `UNDETERMINED`."""
    if script in ("Han", "kana"):
        return "ja" if _japanese(counts) else "zh"
    return next(code for name, code, _ in _SCRIPTS if name == script) or UNDETERMINED


def main_script(text: str) -> str | None:
    """The name of the non-Latin script most of `text` is in (for the warning when no language
    could be named), or None."""
    text = text[:DETECT_CHARS]
    counts = script_counts(text)
    name = max(counts, key=lambda script: counts[script])
    return name if counts[name] > _latin_letters(text) else None


def _latin_letters(text: str) -> int:
    """How many characters of `text` `_LATIN_LETTER` matches, counted over the code points as one
    numpy array (a regex substitution per letter cost half of detection's 2.5 ms)."""
    return _latin_count(_code_points(text))


def _code_points(text: str) -> NDArray[np.uint32]:
    """`text`'s code points as one array (lone surrogates kept), for the letter counts by script."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _latin_count(points: NDArray[np.uint32]) -> int:
    """`_latin_letters` of the text whose code points are `points`."""
    folded = points | 0x20  # A-Z onto a-z; nothing else lands in a-z
    return int(np.count_nonzero(((folded >= 0x61) & (folded <= 0x7A)) | ((points >= 0xC0) & (points <= 0x24F))))


def _other_count(points: NDArray[np.uint32]) -> int:
    """How many characters of the text whose code points are `points` `_OTHER_LETTER` matches
    (letters of scripts other than Latin): only characters from U+0080 up, outside Latin-1's and
    Latin Extended's letters, can match, so the pattern reads just those, picked out by numpy (a
    substitution over all 20,000 characters cost 0.17 ms of detection's 0.9 per article)."""
    beyond = points[(points >= 0x80) & ((points < 0xC0) | (points > 0x24F))]
    if not beyond.size:
        return 0
    return len(_OTHER_LETTER.findall(beyond.tobytes().decode("utf-32-le", "surrogatepass")))


def check_lang_option(value: str | None) -> str:
    """Validate a `--lang` / `lang` value and return its language code: `auto`, or an ISO 639-1
    code in any case, with or without a region ("de", "DE", "pt-BR", "en_US" -> "pt", "en"); the
    ISO 639-2 code of a supported language ("deu" -> "de"); Norwegian "no", "nn" -> "nb" (`_ALIASES`)."""
    if value is None:
        return AUTO
    code = value.strip().lower().replace("_", "-").split("-", 1)[0]
    code = _ALIASES.get(code, _THREE_LETTER_CODES.get(code, code))
    # "und" and "sh" are what JSON output may say: a user who passes them back gets neutral settings.
    if code in (AUTO, UNDETERMINED, SERBO_CROATIAN) or code in ISO_639_1:
        return code
    raise InputError(
        f"unknown language {value!r}; use auto, und (language-neutral settings) or an ISO 639-1 code such as de or pt-BR"
        f" ({', '.join(supported_codes())} are supported)"
    )


# Scripts written without spaces between words. Word budgets, the candidate rules and ROUGE count
# words by spaces: in such text a whole paragraph is a few "words", and a 200-word summary would be
# the whole article. We ship no word segmenter for them, so such a text is refused, not summarized.
UNSPACED_SCRIPTS = frozenset({"kana", "Han", "Thai", "Lao", "Khmer", "Myanmar", "Tibetan"})


# A text is refused when its unspaced script (kana and Han counted together: Japanese writes both)
# has at least this share of its letters (with the Latin ones), whatever detection says: forty runs
# of Han characters and the English terms between them named English. Measured: among the 1,311
# dev articles (all English) the most is 0.96% (scisummnet-P03-1035, on Chinese word segmentation:
# 150 Han characters; its densest 2,000 characters 5.1%), the next 0.22% (Japanese examples); a
# Chinese abstract whose English terms have 70% of its letters has 30%, a Japanese one 27% (a
# Chinese character is a word, an English word five letters). Twice the densest dev passage, under
# half the least Chinese or Japanese text: a name or a quoted term in an English paper is no refusal.
UNSPACED_MIN_SHARE = 0.1


def _block_bounds(scripts: frozenset[str]) -> NDArray[np.uint32]:
    """The blocks of `scripts` as sorted bounds (first, end, first, end ...), adjacent blocks merged:
    a code point is in one where `np.searchsorted(bounds, point, "right")` is odd."""
    merged: list[list[int]] = []
    for first, last in sorted(block for name, _, blocks in _SCRIPTS if name in scripts for block in blocks):
        if merged and merged[-1][1] == first:
            merged[-1][1] = last + 1
        else:
            merged.append([first, last + 1])
    return np.array([bound for block in merged for bound in block], dtype=np.uint32)


_UNSPACED_BOUNDS = _block_bounds(UNSPACED_SCRIPTS)


def _has_unspaced(text: str) -> bool:
    """Whether `text` has any character of an unspaced script: the code points at or above the first
    such block (in English, the few quotes and dashes) looked up at once. 0.015 ms for a dev
    article's 20,000 characters, where a character-class search took 0.068 and counting every
    script (`script_counts`) 0.24: every English article pays it."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    high = points[points >= _UNSPACED_BOUNDS[0]]
    return bool(high.size) and bool((np.searchsorted(_UNSPACED_BOUNDS, high, side="right") & 1).any())


def check_spaced(text: str) -> None:
    """Raise `InputError` when much of `text` is in a script written without spaces (Chinese,
    Japanese, Thai, Lao, Khmer, Burmese, Tibetan): one line naming the language (or, where the
    script does not name one, the script), instead of a "summary" that is the whole text. Much is
    UNSPACED_MIN_SHARE of its letters, not most: a Chinese computing paper's English terms had 70%
    of its letters, and it was summarized by spaces."""
    text = text[:DETECT_CHARS]
    if not _has_unspaced(text):
        return
    found = script_counts(text)
    counts = {name: n for name, n in found.items() if name != "kana"}
    counts["Han"] += found["kana"]  # kanji and kana: one text of Japanese
    script = max(counts, key=counts.__getitem__)  # ties: the first (Hangul before Han)
    if script not in UNSPACED_SCRIPTS or counts[script] < UNSPACED_MIN_SHARE * (counts[script] + _latin_letters(text)):
        return
    code = _script_code(script, found)
    what = f"{LANGUAGE_NAMES.get(code, code)} ({code})" if code != UNDETERMINED else f"in the {script} script"
    raise InputError(
        f"is {what}, written without spaces between words: synopsis counts words"
        " by spaces and has no word segmenter for it (not supported)"
    )


def resolve_language(option: str | None, text: str) -> tuple[Language, str | None]:
    """The language to process `text` in (`option` wins over detection) and a warning, if any:
    the language is not supported, or a language chosen by hand is not the one the text reads as."""
    code = check_lang_option(option)
    forced = code != AUTO
    long_enough = True
    if not forced:
        code, long_enough = _detect(text)
    language = get_language(code)
    if language.supported:
        return language, _mismatch(code, text) if forced else None
    if code == UNDETERMINED:
        script = main_script(text)
        if forced:
            what = "was set to und (undetermined)"
        elif script:
            what = f"could not be determined from its {script} script"
        elif not long_enough:
            what = f"could not be determined: the text has under {MIN_WORDS} words, too few to tell"
        else:
            what = "could not be determined"
    else:
        name = f" ({LANGUAGE_NAMES[code]})" if code in LANGUAGE_NAMES else ""
        what = f"is {code}{name}, which is not supported"
    return language, (
        f"the language {what} (supported: {', '.join(supported_codes())}); summarized with language-neutral settings"
    )


def language_name(code: str) -> str:
    """The English name of language `code`, or the code itself when we know none."""
    return get_language(code).name if code in supported_codes() else LANGUAGE_NAMES.get(code, code)


def _mismatch(code: str, text: str) -> str | None:
    """A warning when supported language `code`, chosen by hand, is not what `text` reads as: a
    Spanish article in a batch run with --lang pt lost its headings and reference list silently.
    Where no language can be named, a text mostly in another script (Arabic, Devanagari) is not
    in `code` either; an unknown Latin-script text says nothing against it."""
    found, long_enough = _detect(text)
    if not long_enough or found == code:
        return None
    if found != UNDETERMINED:
        reads = f"the text reads as {found} ({language_name(found)})"
    elif script := main_script(text):
        reads = f"the text is in the {script} script"
    else:
        return None
    return f"{reads}, not {code} ({language_name(code)}); summarized as {code}, as the language option asked"
