"""Which language an article is in, and what we know about that language.

Everything language-specific beyond English lives in data files, `synopsis/data/lang/<code>.json`:
stop words (copied from the `stop-words` package with source and licence, so the run time needs
nothing extra), the Snowball stemmer's name, heading lexicons, caption words, affiliation words,
cue phrases and the function words detection counts. Adding a language is adding such a file.

English keeps its own rules in code (clean/rules.py, stopwords.py, scorers/cues.py) exactly as
before; every other language extends them, because articles in any language carry English
headings ("Abstract") and quotations. A language we have no file for is named when detection
knows it (data/lang/profiles.json) and summarized with language-neutral settings: no stop words,
no stemming, Unicode lower-casing only, never silently as English.

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
# Texts shorter than this many words are taken for English, as before languages were detected (a
# title alone or a one-line test input carries too few function words to tell).
MIN_WORDS = 30
# Detection reads this many characters (about 3,000 words): enough for any profile, and the cost
# stays fixed however long the article is.
DETECT_CHARS = 20_000
_LETTERS = re.compile(r"[^\W\d_]+")
_ASCII_LETTERS = ascii_table("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")
_CODE = re.compile(r"[a-z]{2,3}")


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


def detect_language(text: str) -> str:
    """The code of the language whose function words make up the largest share of `text`.

    `UNDETERMINED` when no profile covers enough of the words (a script or language we do not
    know); English for a Latin-script text too short to tell. Only the first `DETECT_CHARS`
    characters are read.
    """
    text = text[:DETECT_CHARS]
    latin = _latin_letters(text)
    other = len(text) - len(_OTHER_LETTER.sub("", text))
    words = runs(text.lower(), _ASCII_LETTERS, _LETTERS, 1)  # _LETTERS.findall, faster
    if other > latin:
        # Another script: a profile may name it (Cyrillic: ru); Chinese or Japanese, written
        # without spaces, never reach the word counts below.
        if len(words) < MIN_WORDS:
            return UNDETERMINED
    elif len(words) < MIN_WORDS:
        return ENGLISH
    counts = Counter(words)
    best, best_share = UNDETERMINED, 0.0
    for code, function_words in _profiles():
        share = sum(counts[w] for w in function_words) / len(words)
        if share > best_share:
            best, best_share = code, share
    return best if best_share >= MIN_FUNCTION_SHARE else UNDETERMINED


def _latin_letters(text: str) -> int:
    """How many characters of `text` `_LATIN_LETTER` matches, counted over the code points as one
    numpy array (a regex substitution per letter cost half of detection's 2.5 ms)."""
    points = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    folded = points | 0x20  # A-Z onto a-z; nothing else lands in a-z
    return int(np.count_nonzero(((folded >= 0x61) & (folded <= 0x7A)) | ((points >= 0xC0) & (points <= 0x24F))))


def check_lang_option(value: str | None) -> str:
    """Validate a `--lang` / `lang` value: `auto` or a lower-case ISO 639 code ("de", "ru")."""
    value = (value or AUTO).strip()
    if value == AUTO or _CODE.fullmatch(value):
        return value
    raise InputError(f"unknown language {value!r}; use auto or a language code ({', '.join(supported_codes())} are supported)")


def resolve_language(option: str | None, text: str) -> tuple[Language, str | None]:
    """The language to process `text` in (`option` wins over detection) and a warning, if any."""
    code = check_lang_option(option)
    if code == AUTO:
        code = detect_language(text)
    language = get_language(code)
    if language.supported:
        return language, None
    what = "could not be determined" if code == UNDETERMINED else f"is {code}, which is not supported"
    return language, (
        f"the language {what} (supported: {', '.join(supported_codes())}); summarized with language-neutral settings"
    )
