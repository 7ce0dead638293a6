"""Which language an article is in, and what we know about that language.

Everything language-specific beyond English lives in data files, `synopsis/data/lang/<code>.json`:
stop words (copied from the `stop-words` package with source and licence, so the run time needs
nothing extra), the Snowball stemmer's name, heading lexicons, caption words, affiliation words,
cue phrases and the function words detection counts. Adding a language is adding such a file.

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
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

import numpy as np

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
# Texts shorter than this many words (a title, a sentence) carry too few function words for shares:
# they are taken for English, as before languages were detected, unless another language's
# function words are at least SHORT_MIN_HITS and SHORT_OVER_ENGLISH times English's. Measured on
# texts under 30 words: 2,042 of 2,046 English ones (dev titles and abstracts' first 20 words)
# stay English (four go to Portuguese: "em", "a", "dos"); 90-95% of the German, Spanish, French and
# Portuguese ones of tests/data/segmentation_*.jsonl are found (none were before).
MIN_WORDS = 30
SHORT_MIN_HITS = 2
SHORT_OVER_ENGLISH = 2.0
# Detection reads this many characters (about 3,000 words): enough for any profile, and the cost
# stays fixed however long the article is.
DETECT_CHARS = 20_000
_LETTERS = re.compile(r"[^\W\d_]+")
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
# The ISO 639-2 codes of the languages we support, for users who write those.
_THREE_LETTER_CODES = MappingProxyType(
    {"eng": "en", "deu": "de", "ger": "de", "fra": "fr", "fre": "fr", "spa": "es", "por": "pt"}
)


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
        stop_words=frozenset(data.get("stop_words", {}).get("words", ())),
        headings=MappingProxyType({kind: tuple(headings.get(kind, ())) for kind in HEADING_KINDS}),
        captions=tuple(data.get("captions", ())),
        affiliations=tuple(data.get("affiliations", ())),
        cues=tuple(data.get("cues", ())),
    )


@cache
def _profiles() -> tuple[tuple[str, frozenset[str]], ...]:
    """(code, function words) of every language detection knows: supported first, then the rest."""
    out = [(code, frozenset(_file(code)["detect"])) for code in supported_codes()]
    extra = json.loads((_data_dir() / "profiles.json").read_text(encoding="utf-8"))
    out += [(code, frozenset(words)) for code, words in sorted(extra.items()) if code != "note"]
    return tuple(out)


@cache
def function_words() -> frozenset[str]:
    """Every function word detection knows, of all its languages (lower-case)."""
    return frozenset().union(*(words for _, words in _profiles()))


def detect_language(text: str) -> str:
    """The code of the language whose function words make up the largest share of `text`.

    A text mostly in a script that names its language (kana: Japanese, Hangul: Korean, Han alone:
    Chinese, Greek, Hebrew, Thai, Georgian, Armenian) is that language when no profile fits;
    `UNDETERMINED` when neither tells (a script several languages share, such as Arabic or
    Devanagari, or a Latin-script language we have no profile of); English for a Latin-script
    text too short to tell (`_short_text_language`). Only the first `DETECT_CHARS` characters are read.
    """
    text = text[:DETECT_CHARS]
    latin = _latin_letters(text)
    other = len(text) - len(_OTHER_LETTER.sub("", text))
    words = runs(text.lower(), _ASCII_LETTERS, _LETTERS, 1)  # _LETTERS.findall, faster
    if other > latin:
        # Another script: a profile may name it (Cyrillic: ru); else the script itself may
        # (Chinese and Japanese, written without spaces, never reach the word counts below).
        if len(words) < MIN_WORDS:
            return _script_language(text)
        found = _by_function_words(words)
        return found if found != UNDETERMINED else _script_language(text)
    if len(words) < MIN_WORDS:
        return _short_text_language(words)
    return _by_function_words(words)


def _function_word_hits(words: list[str]) -> dict[str, int]:
    """How many of `words` are each profile's function words, profiles in `_profiles` order."""
    counts = Counter(words)
    return {code: sum(counts[w] for w in function_words) for code, function_words in _profiles()}


def _by_function_words(words: list[str], hits: dict[str, int] | None = None) -> str:
    """The profile whose function words are the largest share of `words`, if it is large enough
    (`hits`: `_function_word_hits(words)`, when the caller has them already)."""
    hits = _function_word_hits(words) if hits is None else hits
    best = max(hits, key=hits.__getitem__)  # ties: the first profile
    return best if hits[best] and hits[best] / len(words) >= MIN_FUNCTION_SHARE else UNDETERMINED


def _short_text_language(words: list[str]) -> str:
    """English for a Latin-script text too short for shares, unless another language's function
    words clearly outnumber English's (`SHORT_MIN_HITS`, `SHORT_OVER_ENGLISH`)."""
    if not words:
        return ENGLISH
    hits = _function_word_hits(words)
    found = _by_function_words(words, hits)
    if found in (ENGLISH, UNDETERMINED):
        return ENGLISH
    return found if hits[found] >= max(SHORT_MIN_HITS, SHORT_OVER_ENGLISH * hits[ENGLISH]) else ENGLISH


# Unicode blocks (first, last code point) of scripts; a script that one language writes names it.
_SCRIPTS: tuple[tuple[str, str | None, tuple[tuple[int, int], ...]], ...] = (
    ("kana", "ja", ((0x3040, 0x30FF), (0x31F0, 0x31FF), (0xFF66, 0xFF9D))),
    ("Hangul", "ko", ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))),
    ("Han", "zh", ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))),
    ("Greek", "el", ((0x0370, 0x03FF), (0x1F00, 0x1FFF))),
    ("Hebrew", "he", ((0x0590, 0x05FF),)),
    ("Thai", "th", ((0x0E00, 0x0E7F),)),
    ("Georgian", "ka", ((0x10A0, 0x10FF),)),
    ("Armenian", "hy", ((0x0530, 0x058F),)),
    ("Cyrillic", None, ((0x0400, 0x052F),)),
    ("Arabic", None, ((0x0600, 0x06FF), (0x0750, 0x077F), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))),
    ("Devanagari", None, ((0x0900, 0x097F),)),
    ("Bengali", None, ((0x0980, 0x09FF),)),
)
# Japanese writes kanji (Han) between its kana: a tenth of kana among the two makes it Japanese.
JAPANESE_KANA_SHARE = 0.1
# Names for the warning of a language we detect but do not support.
LANGUAGE_NAMES = MappingProxyType(
    {
        "ca": "Catalan",
        "el": "Greek",
        "he": "Hebrew",
        "hy": "Armenian",
        "it": "Italian",
        "ja": "Japanese",
        "ka": "Georgian",
        "ko": "Korean",
        "nl": "Dutch",
        "pl": "Polish",
        "ru": "Russian",
        "th": "Thai",
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
    if counts["kana"] and counts["kana"] >= JAPANESE_KANA_SHARE * (counts["kana"] + counts["Han"]):
        return "ja"
    name = max(counts, key=lambda script: counts[script])  # ties: the first in `_SCRIPTS`
    if not counts[name]:
        return UNDETERMINED
    return next(code for script, code, _ in _SCRIPTS if script == name) or UNDETERMINED


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
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    folded = points | 0x20  # A-Z onto a-z; nothing else lands in a-z
    return int(np.count_nonzero(((folded >= 0x61) & (folded <= 0x7A)) | ((points >= 0xC0) & (points <= 0x24F))))


def check_lang_option(value: str | None) -> str:
    """Validate a `--lang` / `lang` value and return its language code: `auto`, or an ISO 639-1
    code in any case, with or without a region ("de", "DE", "pt-BR", "en_US" -> "pt", "en")."""
    if value is None:
        return AUTO
    code = value.strip().lower().replace("_", "-").split("-", 1)[0]
    code = _THREE_LETTER_CODES.get(code, code)
    if code == AUTO or code in ISO_639_1:
        return code
    raise InputError(
        f"unknown language {value!r}; use auto or an ISO 639-1 code such as de or pt-BR"
        f" ({', '.join(supported_codes())} are supported)"
    )


# Scripts written without spaces between words. Word budgets, the candidate rules and ROUGE count
# words by spaces: in such text a whole paragraph is a few "words", and a 200-word summary would be
# the whole article. We ship no word segmenter for them, so such a text is refused, not summarized.
UNSPACED_SCRIPTS = frozenset({"kana", "Han", "Thai"})


def check_spaced(text: str) -> None:
    """Raise `InputError` when most of `text` is in a script written without spaces (Chinese,
    Japanese, Thai): one line naming the language, instead of a "summary" that is the whole text."""
    text = text[:DETECT_CHARS]
    if main_script(text) not in UNSPACED_SCRIPTS:
        return
    code = _script_language(text)
    raise InputError(
        f"is {LANGUAGE_NAMES.get(code, code)} ({code}), written without spaces between words: synopsis counts words"
        " by spaces and has no word segmenter for it (not supported)"
    )


def resolve_language(option: str | None, text: str) -> tuple[Language, str | None]:
    """The language to process `text` in (`option` wins over detection) and a warning, if any."""
    code = check_lang_option(option)
    if code == AUTO:
        code = detect_language(text)
    language = get_language(code)
    if language.supported:
        return language, None
    if code == UNDETERMINED:
        script = main_script(text)
        what = f"could not be determined from its {script} script" if script else "could not be determined"
    else:
        name = f" ({LANGUAGE_NAMES[code]})" if code in LANGUAGE_NAMES else ""
        what = f"is {code}{name}, which is not supported"
    return language, (
        f"the language {what} (supported: {', '.join(supported_codes())}); summarized with language-neutral settings"
    )
