"""Sentence boundaries from per-language rules kept as data (`data/segment/<lang>.json`).

Why rules and not Punkt: nupunkt's model is trained on English, and German capitalises every noun,
so "z. B. Briefe", "des 19. Jahrhunderts" and "Abb. 3" all look like sentence ends to it (44 of 83
German golden cases right; benchmarks/results/segmenters.md, "Per language"). What decides a
boundary here is a short list per language of abbreviations and of words that open sentences;
adding a language (it, nl and ru were added so) is one JSON file with the keys below, no code.

A full stop, "?", "!" or "…" (closing quotes or a bracket may follow) followed by white space is a
candidate; it is a boundary when the next word (after ¿ ¡ „ “ « and the like) starts with a capital
letter or a digit, unless:

- the stop closes a *prefix abbreviation* (z. B., vgl., S., Abb., M., Sr., p. ej.), which by its
  nature precedes a name, number or noun: never a boundary;
- the stop closes another *abbreviation* (usw., etc., Jh., u. a., a. C.) or a lower-case acronym
  (e.v.): a boundary before a capitalised word, but where nouns are capitalised (German) only before
  a *sentence starter* (Die, Wir, Dies ...);
- the stop closes a *number abbreviation* (Russian г. "year" and в. "century", Ukrainian р.): after
  a number ("в 2015 г.", "XIX в.", "1990-х гг.") it is an abbreviation as above, unless all that
  stands before it in its would-be sentence is a date, alone or after a *date preposition* ("В 1917
  г. Ленин ...", "С 1 сентября 2015 г. ...", Lithuanian "1990 m. Lietuva ..."), which opens a
  sentence and never is one; anywhere else it
  precedes a name ("г. Москва" city, "р. Дніпро" river, the initial "В. Иванов") and is a prefix;
- the stop is inside an abbreviation ("z." of "z. B."), or follows an initial or capitals with
  stops ("J. Schmidt", "J.-J. Rousseau", "J.H. Jansen", "Л.Н. Толстой", "U.S.A.") or one of two
  letters ("Th. Mann", "Ch. Darwin", "Sz. Nowak"): a boundary only
  before a sentence starter that does not begin a name ("grupo B. La diferencia" splits, "J. Le
  Goff" does not; "in de V.S. De studie" splits, "J.H. De Vries" does not);
  A single capital after one of the language's *label nouns*, as written in lower case ("kelompok B.",
  "tipe A.", "grup C."), is a label: there any capitalised word opens a sentence ("kelompok B.
  Kelompok lain ..." splits, where Indonesian, without articles, has no starter to tell it; a name
  after such a noun, "kelompok A. Wibowo", would be split too, and is why the lists hold only nouns
  that name things, never people: "karya A. Wibowo", "oleh J. Smith" stay whole);
- the stop follows a number of up to three digits (or, where the rules say `roman_ordinals`, a
  Roman numeral II to XXXIX) and the language writes ordinals with a stop ("des 19.
  Jahrhunderts", "am 3. Mai", Turkish "II. Abdülhamid"): a boundary only before a sentence
  starter that is not a month name (after "S. 12" or "Abb. 3" the number is a reference, not a
  rank);
- a digit follows a word of fewer than four letters ("рис. 3", a likely abbreviation), unless the
  language lists the word among its `short_final_words` (Hungarian's verbal prefixes, which end a
  sentence: "... mutatja be. 2015-ben ...") or the stop follows a closing bracket, a citation's
  ("(Nagy et al., 2019). 2020. március 3. óta ..."), whose content ends in no stop (an editor's
  "(Hrsg.). 2. Aufl." goes on) and is no reference entry's year after initials ("Schmidt, K.
  (1998). 15 Jahre Forschung" goes on);
- the stop follows a reference entry's year after the authors that open its line, "et al." or
  not: never a boundary, whatever follows ("Müller, K. et al. (2005). Die Sprache ..."); before a
  word only where the authors are written "Surname, I." ("Müller u. a. (2005). Die ..." and
  "Nagy B. (2019). Az ..." end a sentence: prose from the line above can end in a name);
- the stop is inside a short quotation on one line („Ich reise ab. Niemand weiß davon.“), or an
  ellipsis stands in brackets ("(…)", an omission);
- the stop follows a *caption label* and its number that open the sentence ("Figura 1. Abbonati
  per ...", "Рис. 1. Доля ...", or with a language's own labels the number first, as Hungarian
  writes it: "1. ábra. A termelők ..."): a caption left inside a flattened text stays one sentence,
  which the caption rule of the pipeline then keeps out of summaries.

Where a script has no case (Arabic, Devanagari), its letters count as capitals; "?" "!" "؟" "।"
end a sentence before any such opening; the full-width "。！？" of Chinese and Japanese end one with
no space after them. A line break always ends a sentence, as in English. Keys of a rules file: `language` (its code),
`note`, `prefix_abbreviations`, `abbreviations`, `number_abbreviations` (each ends with a stop;
"z. B." also matches "z.B.", and a lower-case entry also its capitalised form; a number abbreviation
wins over the other two), `sentence_starters` (single words), `months`, `ordinal_stop`,
`roman_ordinals` (with `ordinal_stop`: a Roman numeral II-XXXIX with a stop is a rank too, as a
number is: Turkish and Hungarian "II. Abdülhamid", "II. Rákóczi Ferenc"; not in languages whose
"Phase III." and "tabulka IV." end sentences far more often than a regnal number opens a name),
`nouns_capitalised`, `date_prepositions` (single words: "в", "с", "до" of "в 1917 г."),
`quotation_marks` (pairs such as "«»"), `closers`, `spaced_closers` (closers
that follow a space, French "»"; superscript digits, footnote markers, close a sentence in every
language), `openers`, `terminals` (end marks that need a space after them),
`unspaced_terminals`, `caption_labels` (words, without their stop), `label_nouns` and
`short_final_words` (lower-case words). `common.json` holds the
generic abbreviations (et al., cf., Fig., pp.) and caption labels (Fig, Table) merged into every
language; on its own it is the fallback for a language without a file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

Span = tuple[int, int]

COMMON = "common"
_KEYS = frozenset(
    {
        "language",
        "note",
        "abbreviations",
        "prefix_abbreviations",
        "number_abbreviations",
        "sentence_starters",
        "months",
        "date_prepositions",
        "ordinal_stop",
        "roman_ordinals",
        "closers",
        "spaced_closers",
        "openers",
        "nouns_capitalised",
        "quotation_marks",
        "terminals",
        "unspaced_terminals",
        "caption_labels",
        "label_nouns",
        "short_final_words",
    }
)
# Kinds of full stop found by the abbreviation scan (_NUMBER: a number abbreviation, resolved by
# `_stop_kinds` into _DATE after a number, else a prefix).
_INNER, _PREFIX, _ABBREVIATION, _NUMBER, _DATE = 1, 2, 3, 4, 5
# What stands before a number abbreviation that ends a sentence: digits ("2015 г."), a Roman numeral
# ("XIX в."), digits with a case ending ("1990-х гг.", "1960-е гг.") or an ordinal's stop (Czech
# "ve 13. stol.", Hungarian "a 19. sz.").
_NUMBER_BEFORE = re.compile(r"(?:\d\.?(?:[-–][^\W\d_]{1,3})?|\b[IVXLCDM]+)\s*$")
_AFTER_STOP = re.compile(r"\.\s+")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# One initial, or several written with stops between them ("J", "J.-J", "J.H", "Л.Н", "U.S.A" less
# its final stop): each part one letter that is not lower-case.
_INITIAL_PARTS = re.compile(r"\.-?")
# A token of a date after a date preposition: a number ("1917", "1990-х", "1917–1921"), a Roman
# numeral (XIX), a dash; month names are the language's `months`.
_DATE_PIECE = re.compile(r"\d.*|[IVXLCDM]+|[-–—]")
_ORDINAL_DIGITS = 3  # "19.", "125." are ranks; "1854." is a year that ends a sentence
# A Roman numeral of two or more letters up to XXXIX, written as an ordinal with a stop in languages
# whose rules say `roman_ordinals` (Turkish "II. Abdülhamid", "II. Dünya Savaşı"; Hungarian "II.
# Rákóczi Ferenc"): a rank like "19.", not acronyms such as "CD." or "MD.". Elsewhere a review found
# "Phase III. Patienten ...", "w tabeli II. Pacjenci ..." glued into one sentence.
_ROMAN_ORDINAL = re.compile(r"(?=[IVX]{2})X{0,3}(?:IX|IV|V?I{0,3})")
_WORD_BEFORE_DIGIT = 4  # letters: "... Teilnehmer. 25 davon ..." splits, "рис. 3" does not
_QUOTE_MAX = 400  # characters: a longer quotation is a passage, split as usual
# Superscript digits, a footnote's marker after the stop it follows ("... der Eltern.¹ Künftige
# Studien ..."): closers in every language, as a closing quote is (the sentences were one).
FOOTNOTE_MARKS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


@dataclass(frozen=True)
class Rules:
    """One language's segmentation rules, compiled once."""

    language: str
    abbreviation: re.Pattern[str]  # every abbreviation, longest first
    kinds: dict[str, int]  # abbreviation without spaces -> _PREFIX or _ABBREVIATION
    starters: frozenset[str]  # lower-cased; empty = every capitalised word opens a sentence
    months: frozenset[str]  # lower-cased
    date_prepositions: frozenset[str]  # lower-cased
    ordinal_stop: bool
    terminal: re.Pattern[str]  # a candidate sentence end with its closing marks
    marks: re.Pattern[str]  # the run of end marks at a candidate
    unspaced: str  # end marks that need no space after them (Chinese, Japanese "。")
    openers: str
    nouns_capitalised: bool  # only sentence starters open a sentence after an abbreviation
    quotation: re.Pattern[str]  # a short quotation, opening to closing mark, on one line
    caption: re.Pattern[str]  # a caption label and its number ("Figura 1", "Рис. 1"), fullmatched
    label_nouns: frozenset[str] = frozenset()  # lower-case nouns a capital letter labels ("kelompok B")
    short_final_words: frozenset[str] = frozenset()  # lower-case words under four letters that end sentences
    roman_ordinals: bool = False  # a Roman numeral with a stop is a rank, as "19." is (with ordinal_stop)


def available_languages() -> tuple[str, ...]:
    """Language codes that have a rules file (not counting the neutral fallback)."""
    folder = resources.files("synopsis") / "data" / "segment"
    names = (entry.name for entry in folder.iterdir() if entry.name.endswith(".json"))
    return tuple(sorted(n[:-5] for n in names if n != f"{COMMON}.json"))


@cache
def rules_for(lang: str) -> Rules:
    """The rules for `lang` (merged with the common ones); the neutral set if it has no file."""
    common = _load(COMMON)
    own: dict[str, object] = _load(lang) if lang != COMMON and lang in available_languages() else {"language": COMMON}
    return _compile(lang if own["language"] != COMMON else COMMON, common, own)


def _load(name: str) -> dict[str, object]:
    path = resources.files("synopsis") / "data" / "segment" / f"{name}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise ValueError(f"segmentation rules {path}: cannot read ({error})") from error
    if not isinstance(data, dict):
        raise ValueError(f"segmentation rules {path}: not a JSON object")
    if set(data) - _KEYS:
        raise ValueError(f"segmentation rules {path}: unknown keys {sorted(set(data) - _KEYS)}")
    if data.get("language") != name:
        raise ValueError(f"segmentation rules {path}: language is {data.get('language')!r}, not {name!r}")
    return data


def _strings(data: dict[str, object], key: str) -> list[str]:
    value = data.get(key, [])
    where = f"segmentation rules for {data.get('language')!r}"
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f"{where}: {key} must be a list of words")
    if key.endswith("abbreviations") and not all(v.endswith(".") for v in value):
        raise ValueError(f"{where}: every {key} entry ends with a full stop")
    if not key.endswith("abbreviations") and any(" " in v.strip() for v in value):
        raise ValueError(f"{where}: {key} are single words (the next word is what is compared)")
    return [v.strip() for v in value]


def _variants(word: str) -> list[str]:
    """ "vgl." is also "Vgl." (sentence-initial); spaces inside ("z. B.") are optional."""
    word = _spaced(word)
    return [word, word[0].upper() + word[1:]] if word[0].islower() else [word]


def _spaced(abbreviation: str) -> str:
    """The key of an abbreviation: "z. B." and "z.B." are one ("et al." keeps its space)."""
    return _AFTER_STOP.sub(".", abbreviation)


def _abbreviation_pattern(words: list[str]) -> str:
    """One alternation of every abbreviation, longest first, the stops followed by optional space."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    parts = [r"\.\s?".join(re.escape(p) for p in w[:-1].split(".")) + r"\." for w in unique]
    return "|".join(parts) if parts else r"(?!x)x"


def _compile(language: str, common: dict[str, object], own: dict[str, object]) -> Rules:
    kinds: dict[str, int] = {}
    keys = (("abbreviations", _ABBREVIATION), ("prefix_abbreviations", _PREFIX), ("number_abbreviations", _NUMBER))
    # Within one file a prefix wins over an abbreviation, a number abbreviation over both; a
    # language's own file wins over common.json (Turkish "vs." is "etc.", no prefix "versus").
    for data in (common, own):
        for key, kind in keys:
            kinds.update(dict.fromkeys((v for word in _strings(data, key) for v in _variants(word)), kind))
    abbreviation = re.compile(r"(?<![\w.\-])(?:" + _abbreviation_pattern(list(kinds)) + ")")
    closers = str(own.get("closers", common.get("closers", ""))) + FOOTNOTE_MARKS
    spaced = str(own.get("spaced_closers", ""))
    closer_part = f"[{re.escape(closers)}]" if closers else r"(?!x)x"
    spaced_part = rf"|\s[{re.escape(spaced)}]" if spaced else ""
    spaced_marks = str(own.get("terminals", common.get("terminals", ".!?…")))
    unspaced = str(own.get("unspaced_terminals", common.get("unspaced_terminals", "")))
    unspaced_part = rf"|[{re.escape(unspaced)}]+{closer_part}*" if unspaced else ""
    terminal = re.compile(rf"[{re.escape(spaced_marks)}]+(?:{closer_part}{spaced_part})*(?=\s){unspaced_part}")
    marks = re.compile(f"[{re.escape(spaced_marks + unspaced)}]+")
    ordinal, nouns = own.get("ordinal_stop", False), own.get("nouns_capitalised", False)
    roman = own.get("roman_ordinals", False)
    if not isinstance(ordinal, bool) or not isinstance(nouns, bool) or not isinstance(roman, bool):
        raise ValueError(
            f"segmentation rules for {language!r}: ordinal_stop, roman_ordinals and nouns_capitalised are true or false"
        )
    pairs = _strings(common, "quotation_marks") + _strings(own, "quotation_marks")
    if any(len(pair) != 2 for pair in pairs):
        raise ValueError(f'segmentation rules for {language!r}: quotation_marks are pairs such as "«»"')
    quotation = "|".join(f"{re.escape(p[0])}[^{re.escape(p)}\n]{{1,{_QUOTE_MAX}}}{re.escape(p[1])}" for p in pairs)
    return Rules(
        language=language,
        abbreviation=abbreviation,
        kinds=kinds,
        starters=frozenset(map(_lower, _strings(own, "sentence_starters"))),
        months=frozenset(map(_lower, _strings(own, "months"))),
        date_prepositions=frozenset(map(_lower, _strings(common, "date_prepositions") + _strings(own, "date_prepositions"))),
        ordinal_stop=ordinal,
        terminal=terminal,
        marks=marks,
        unspaced=unspaced,
        openers=str(own.get("openers", common.get("openers", ""))),
        nouns_capitalised=nouns,
        quotation=re.compile(quotation or r"(?!x)x"),
        caption=_caption_pattern(
            _strings(common, "caption_labels") + _strings(own, "caption_labels"), _strings(own, "caption_labels")
        ),
        label_nouns=frozenset(_strings(own, "label_nouns")),
        short_final_words=frozenset(_strings(own, "short_final_words")),
        roman_ordinals=ordinal and roman,
    )


def rule_spans(text: str, rules: Rules) -> list[Span]:
    """Sentences of `text` as `(start, end)` spans, white space trimmed, one line at a time."""
    stops = _stop_kinds(text, rules)
    spans: list[Span] = []
    offset = 0
    for line in text.split("\n"):
        start = offset
        quoted, q = _quoted(line, rules), 0  # both in text order: one pass over each
        for match in rules.terminal.finditer(line):
            end = offset + match.end()
            while q < len(quoted) and quoted[q][1] <= match.start():
                q += 1
            if q < len(quoted) and quoted[q][0] <= match.start() and match.end() < quoted[q][1]:
                continue
            stop = offset + match.start()
            if _is_boundary(text, (start, stop, end), stops, rules) and not (
                text[stop] == "." and rules.caption.fullmatch(text, start, stop)
            ):
                _append(text, spans, start, end)
                start = end
        offset += len(line) + 1
        _append(text, spans, start, offset - 1)
    return spans


def _caption_pattern(labels: list[str], own: list[str]) -> re.Pattern[str]:
    """A caption label (any case), an optional stop and a figure or table number ("Fig. 2a",
    "Tabella IV", "Рис. 1"), white space around: what a sentence that is a caption opens with. A
    label of the language's `own` also after its number and the number's stop ("1. ábra"): only
    those, so that English and the languages without such labels are read as before."""
    if not labels:
        return re.compile(r"(?!x)x")
    words = _alternatives(labels)
    after = rf"|\s*(?:\d+[a-z]?|[IVX]+)\.\s*(?i:{_alternatives(own)})\s*" if own else ""
    return re.compile(rf"\s*(?i:{words})\.?\s*(?:[A-Z]?\d+[A-Za-z]?|[IVX]+)\s*{after}")


def _alternatives(labels: list[str]) -> str:
    """`labels` as a regex alternation, longest first."""
    return "|".join(re.escape(label) for label in sorted(set(labels), key=lambda w: (-len(w), w)))


def _stop_kinds(text: str, rules: Rules) -> dict[int, int]:
    """Offset of each full stop that belongs to an abbreviation -> its kind."""
    kinds: dict[int, int] = {}
    for match in rules.abbreviation.finditer(text):
        final = match.end() - 1
        for i in range(match.start(), final):
            if text[i] == ".":
                kinds[i] = _INNER
        kind = rules.kinds[_spaced(match.group(0))]
        if kind == _NUMBER:
            kind = _DATE if _NUMBER_BEFORE.search(text, max(0, match.start() - 12), match.start()) else _PREFIX
        kinds[final] = kind
    return kinds


def _word_at(text: str, at: int, skip: str) -> tuple[str, int]:
    """The word at or after `at` (white space and the `skip` marks passed over), and where it ends."""
    n = len(text)
    while at < n and (text[at].isspace() or text[at] in skip):
        at += 1
    end = at
    while end < n and (text[end].isalnum() or text[end] in "'’-"):
        end += 1
    return text[at:end], end


def _lower(word: str) -> str:
    """`word` lower-cased with Turkish's dotted capital İ read as i: `str.lower` makes it i and a
    combining dot, and "İlk" (first) or "İkinci" (second) were no sentence starters."""
    return word.replace("İ", "i").lower()


def _is_starter(word: str, rules: Rules) -> bool:
    """Whether `word` opens sentences ("L'analyse" and "D’abord" count by their article)."""
    lowered = _lower(word)
    elided = max(lowered.find("'"), lowered.find("’"))
    return (lowered[: elided + 1] if elided > 0 else lowered) in rules.starters


def _is_boundary(text: str, at: tuple[int, int, int], stops: dict[int, int], rules: Rules) -> bool:
    """Whether the candidate at `at` (where its sentence would start, its first end mark, its end
    with closing marks) ends a sentence."""
    start, stop, end = at
    run = rules.marks.match(text, stop)
    marks = run.group(0) if run else "."
    if any(mark in rules.unspaced for mark in marks):
        return True  # "。" ends a sentence wherever it stands
    word, word_end = _word_at(text, end, rules.openers)
    first = word[:1]
    # A capital counts, and so does a letter of a script without case (Arabic, Hindi).
    capital = first.isupper() or (first.isalpha() and not first.islower())
    if not (capital or first.isdigit()):
        return False
    if marks.strip(".…"):  # "?", "!", "؟", "।"
        return True
    if marks != ".":  # an ellipsis; "(…)" and "[...]" mark an omission inside a quotation
        return stop == 0 or text[stop - 1] not in "(["
    # After an abbreviation, acronym or ordinal a capitalised word may be a noun (German) or a name.
    opens = _is_starter(word, rules) if rules.nouns_capitalised else capital
    kind = stops.get(stop)
    if kind in (_INNER, _PREFIX):
        return False
    if kind in (_ABBREVIATION, _DATE) and _citation_follows(text, end, rules):
        return False  # "... XX в. (Иванов и др., 2019).", "... etc. (Dupont, 2018).": the sentence goes on
    if kind == _ABBREVIATION:
        return opens
    if kind == _DATE:
        return opens and not _date_phrase(text, start, stop, rules)
    token_start = stop
    while token_start > 0 and not text[token_start - 1].isspace():
        token_start -= 1
    token = text[token_start:stop].lstrip(rules.openers)
    if _is_initials(token):
        # An initial ("J. Schmidt", "J.H. Jansen", "Л.Н. Толстой") or an acronym ("U.S.A.") unless a
        # sentence starter follows; where nouns are lower-case a capitalised word after the starter
        # means a name goes on ("J. Le Goff" but "grupo B. La diferencia es ..."). A starter of one
        # letter with a stop is the next initial: the "В" (in) of "А. В. Николаев", the "E" (and)
        # of "A. E. Rossi".
        if len(word) == 1 and text.startswith(".", word_end):
            return False
        if len(token) == 1 and capital and _word_before(text, token_start) in rules.label_nouns:
            return True  # "kelompok B. Kelompok lain": a label, then a sentence with no article
        if rules.nouns_capitalised or not _is_starter(word, rules):
            return _is_starter(word, rules)
        after, _ = _word_at(text, word_end, "")
        return not (after[:1].isupper() or after[:1].isdigit())
    if token.endswith(")") and _reference_head(text, token_start, stop, before_number=word[0].isdigit()):
        return False  # a reference entry's title goes on: "Schmidt, K. (1998). 15 Jahre ...", "... (1998). Die Sprache"
    if word[0].isdigit():  # "Rys. 3", "1. 2." : a sentence rarely opens with a digit, unless after a long word
        # or a citation: "(Nagy et al., 2019). 2020. március 3. óta ..."; not a bracket that ends in a
        # stop, an editor's abbreviation: "Handbuch (Hrsg.). 2. Aufl.", "(под ред.). 2-е изд."
        if token.endswith((")", "]")) and token[-2:-1] != ".":
            return True
        return token.isalpha() and (len(token) >= _WORD_BEFORE_DIGIT or _lower(token) in rules.short_final_words)
    # A Roman numeral after one of the `label_nouns` is a label, not a rank: "Faz II. Hastalar ..."
    # (phase II) ends a sentence where "II. Abdülhamid" does not.
    roman = (
        rules.roman_ordinals
        and _ROMAN_ORDINAL.fullmatch(token) is not None
        and _lower(_word_before(text, token_start)) not in rules.label_nouns
    )
    if token.isdigit() or roman:
        rank = roman or len(token) <= _ORDINAL_DIGITS
        if rules.ordinal_stop and rank and not _after_prefix(text, token_start, stops):
            return _is_starter(word, rules) and _lower(word) not in rules.months
        return True
    if _ACRONYM.fullmatch(token):
        return opens  # a lower-case acronym written with stops: "e.v."
    return True


# A reference entry's year in brackets, "(1998)", "(2004a)", after the authors' initials.
_BRACKETED_YEAR = re.compile(r"\(\d{4}[a-z]?\)")
# A reference entry's head before its year, from the line's start: authors as "Surname, I." (a
# particle or a second surname before it: "van Dijk, J.", "García Márquez, G."), joined by a comma
# or an "and", or one "Surname I." (Hungarian's order), and an editor's bracket ("(Hrsg.)"). Prose
# before a name ("Badania prowadził Kowalski, J. (2010).", "Ezt Kovács P. (2019).") is no head: a
# review found those sentences glued to the next when any initial before the year counted.
_SURNAME = r"[^\W\d_][\w'’-]*"
_PARTICLES = r"(?:van|von|de|der|den|da|di|del|della|des|du|la|le|ten|ter|zu)"
# (What parts two initials is matched one way only: "[ \t]?-?[ \t]?" matched one space two ways, and
# a run of 30 initials that no year followed took minutes, each initial doubling the tries.)
_INITIAL = r"[^\W\d_]{1,2}\.(?:[ \t]?-[ \t]?|[ \t]{1,2})?"
_INITIALS = rf"(?:{_INITIAL})+"
_NAME = rf"(?:{_PARTICLES}[ \t]+)*(?:[A-ZÀ-ÖØ-ÞĀ-ž][\w'’-]*[ \t]+)?{_SURNAME},[ \t]*"
_AUTHOR = rf"{_NAME}{_INITIALS}"
_AND = r"(?:&|and|und|et|y|e|i|és|и|a|og|och|en|ja)"
# "and others" after the authors: "Müller, K. et al. (2005).", "Müller, K. u. a. (2005).".
_ET_AL = r"(?:,?[ \t]*(?:et[ \t]+al\.|i[ \t]+in\.|и[ \t]+др\.|és[ \t]+mtsai\.?|a[ \t]+kol\.|e\.[ \t]?a\.|u\.[ \t]?a\.)[ \t]*)?"
_ENTRY_HEAD = re.compile(
    rf"[ \t]*(?:{_AUTHOR}(?:(?:,[ \t]*(?:{_AND}[ \t]+)?|[ \t]+{_AND}[ \t]+){_AUTHOR})*|{_SURNAME}[ \t]+{_INITIALS})"
    rf"{_ET_AL}[ \t]*(?:\([^()\d]{{1,12}}\)[ \t]*)?\Z"
)
# The head before a title that opens with a word: authors as "Surname, I." only, and "u. a.", "e.a.",
# "z. B." no initials. A review found "Müller u. a. (2005). Die Teilnehmer ...", "Jansen e.a. (2001).
# De ..." at a PDF line's start (prose before it on the line above) glued to the next sentence, as
# "Surname I." read them; a number after the year opens no sentence, whichever head (`_ENTRY_HEAD`).
_STRICT_AUTHOR = rf"{_NAME}(?:(?!(?:u\.[ \t]?a|e\.[ \t]?a|z\.[ \t]?B)\.){_INITIAL})+"
_AUTHORS_HEAD = re.compile(
    rf"[ \t]*{_STRICT_AUTHOR}(?:(?:,[ \t]*(?:{_AND}[ \t]+)?|[ \t]+{_AND}[ \t]+){_STRICT_AUTHOR})*"
    rf"{_ET_AL}[ \t]*(?:\([^()\d]{{1,12}}\)[ \t]*)?\Z"
)
# How far back from the year a reference entry's head may start (several authors).
_ENTRY_HEAD_CHARS = 300


def _reference_head(text: str, token_start: int, stop: int, *, before_number: bool = True) -> bool:
    """Whether the token `text[token_start:stop]` is the year of a reference entry's head, a line
    that opens with its authors ("Schmidt, K. (1998). 15 Jahre Forschung ...", "Jansen, J. (red.)
    (2001). 12 jaar ..."), where the title goes on; a citation that ends a sentence holds more
    ("(Nagy et al., 2019).") or follows prose ("wie Müller zeigt (2019).", "Ezt Kovács P. (2019)."),
    and a number after it opens a sentence (`_is_boundary`). Before a word (`before_number` False)
    only authors as "Surname, I." make a head (`_AUTHORS_HEAD`)."""
    if not _BRACKETED_YEAR.fullmatch(text, token_start, stop):
        return False
    line_start = text.rfind("\n", 0, token_start) + 1
    if token_start - line_start > _ENTRY_HEAD_CHARS:
        return False
    return (_ENTRY_HEAD if before_number else _AUTHORS_HEAD).match(text, line_start, token_start) is not None


def _citation_follows(text: str, end: int, rules: Rules) -> bool:
    """Whether a bracket that closes on its line without an end mark of its own follows `end`: a
    citation or a reference ("(Иванов и др., 2019)", "[12]") that the sentence an abbreviation's
    stop seemed to end goes on with; "(Voir aussi le rapport.)" is a sentence of its own."""
    at = end
    while at < len(text) and text[at] in " \t":
        at += 1
    if at >= len(text) or text[at] not in "([":
        return False
    line_end = text.find("\n", at)
    close = text.find(")" if text[at] == "(" else "]", at + 1, len(text) if line_end < 0 else line_end)
    return close > at + 1 and not rules.marks.match(text, close - 1)


def _word_before(text: str, at: int) -> str:
    """The word that ends before the white space before `at`, as written ("" at a line's start)."""
    end = at
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return text[start:end]


# Initials of two letters: "Th. Mann", "Ch. Darwin", Polish "Sz. Nowak". Initials, not prefix
# abbreviations, since "Th" (thorium) and Czech "Ch" also end sentences: "viel U und Th. Die ...".
_TWO_LETTER_INITIALS = frozenset(("Ch", "Th", "Sz"))


def _is_initials(token: str) -> bool:
    """Whether `token` (the stop that follows left off) is an initial in any script, or initials
    written without spaces: "J", "J.-J", "И", "Ж.-Ж", Arabic "د" (a letter of a script without
    case), "J.H", "Л.Н", "A.B.C" ("И. И. Иванов" was three sentences when only A-Z counted; "Л.Н.
    Толстой" and, outside German, "J.H. Jansen" were two), and `_TWO_LETTER_INITIALS`."""
    if token in _TWO_LETTER_INITIALS:
        return True
    return bool(token) and all(len(part) == 1 and part.isalpha() and not part.islower() for part in _INITIAL_PARTS.split(token))


def _date_phrase(text: str, start: int, stop: int, rules: Rules) -> bool:
    """Whether the would-be sentence `text[start:stop]`, which a number abbreviation ends, is a date
    alone ("1917 г", Lithuanian "1990 m", "1990 m. kovo 11 d") or a date preposition and a date ("В
    1917 г", "В XIX в", "С 1 сентября 2015 г", "С 1917 по 1921 г"): an adverbial that opens a
    sentence, never a sentence ("В 1917 г. Ленин вернулся", "1990 m. Lietuva ..." were two).
    After a clause ("Он родился в 1917 г. Его отец ...") the stop ends a sentence as before."""
    tokens = text[start:stop].split()
    if len(tokens) >= 2 and all(_date_token(token.lstrip(rules.openers), rules) for token in tokens[:-1]):
        return True  # a date alone: Lithuanian "1990 m. Lietuva ...", "1990 m. kovo 11 d. Seimas ..."
    if len(tokens) < 3 or _lower(tokens[0].lstrip(rules.openers)) not in rules.date_prepositions:
        return False
    return all(_date_token(token, rules) or _lower(token) in rules.date_prepositions for token in tokens[1:-1])


def _date_token(token: str, rules: Rules) -> bool:
    """Whether `token` is a piece of a date: a number, a Roman numeral, a dash, a month name or a
    number abbreviation ("m." of Lithuanian "1990 m. kovo 11 d.")."""
    return bool(_DATE_PIECE.fullmatch(token)) or _lower(token) in rules.months or rules.kinds.get(token) == _NUMBER


def _after_prefix(text: str, at: int, stops: dict[int, int]) -> bool:
    """Whether a prefix abbreviation stands right before `at`: "S. 12", "Abb. 3" count, not rank."""
    while at > 0 and text[at - 1].isspace():
        at -= 1
    return at > 0 and stops.get(at - 1) == _PREFIX


def _quoted(line: str, rules: Rules) -> list[Span]:
    """Inner spans of short quotations ("„Ich reise ab. Niemand weiß davon.“"): never split inside."""
    return [(m.start() + 1, m.end() - 1) for m in rules.quotation.finditer(line)]


def _append(text: str, spans: list[Span], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
