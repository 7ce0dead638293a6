"""Headings that a flattening glued to the sentence after them, found by their number or capitals.

Text whose line breaks were lost (PDF text stored in one line, and the run-in subsection headings of
ACL papers even where lines survived) runs a heading into its section's first sentence:

    "... the French sentence. 2.3 The Complete Translation Model In this section, we extend ..."
    "... in public discourse. II The Abraham Lincoln Historical Digitization Project builds ..."
    "... other approaches. FUTURE DIRECTIONS This paper presented one method of ..."
    "... as said. Futures of Digital Studies The materials of the DHQ special clusters ..."

Only a heading at the start of a sentence counts (after ". " or at the start of a paragraph), and only
where its end shows: a capitalised word that opens sentences ("In", "The", "We") followed by a
lower-case word, right after a run of title words; a heading's stop ("4.1 Topics. Like the ...");
or, for a run of capitals, any capitalised word followed by a lower-case one. When unsure, less is
cut: a heading left in its sentence is what happened before, a sentence cut short is worse. So a
roman number with no title ("II The ...") and a run of capitals that may all be acronyms ("IBM
SPSS Statistics was used ...", "IV Ketamine was given ...") head a section only before an opener,
and no opener ends a title where a name ends in it ("Nike's Just Do It campaign was ...", "Housing
First programs ..."); a run of short capitals opening a paragraph is a dateline ("NEW YORK The
mayor said ..."). A heading in sentence case ("... schools. Data collection Participants were
recruited ...") shows its end only by the capital after it, so it counts only where its words
cannot be a sentence cut short before a name (`_sentence_case`); one in title case, only before a
sentence that repeats its first word ("Statistical Analysis Statistical analysis was ...").

Measured on the dev articles with their line breaks removed, the headings of the line-structured
originals as the truth: of the headings these rules add, 1669 end where the true heading ends, 14
end early or late, and 58 are no heading of the original (of those, nearly all are speaker labels,
roman part numbers and run-in labels that the line rules did not take for headings either). The
sentence-case and SumPubMed rules (this module and inline.LOWER_HEADING) took the whole count from
5260 to 5525 of the 7334 true headings (missed 1981 -> 1716), the ones no true heading matches from
33 to 51 (nearly all run-in subheadings the line rules missed, "Task properties", and table cells,
"Word pair"), and the ones that stand as a line of their own in the original (sentence-case
headings the line rules missed: "Simulation study") from 132 to 206.
"""

from __future__ import annotations

import re
from functools import cache

from ..language import ENGLISH
from . import headings

# Capitalised words that open a sentence after a heading (the first words of sections in the dev
# articles, flattened). A capital in mid-sentence is a name; these capitalised, followed by a
# lower-case word, are a sentence start. Not "Using" and "Based": titles hold them ("Lexicon
# Induction Based on Latent Classes"); not "A", "One", "Two": labels end in them ("Appendix A
# gives ...", "Period One saw ..."); not "What" and "Where": titles ask questions.
OPENERS = (
    "The|In|We|An|This|These|As|For|To|It|There|While|Our|All|Many|Although|At|If|When|According"
    "|Since|From|Both|So|Following|Another|That|Because|After|With|Most|Unlike|But"
    "|Yet|Here|Much|Once|Despite|Every|My|By|Before|Given|Some|Each|Several|Recent|Previous|However|Such"
    "|Other|Like|Similar|During|Among|Over|Let|First|Consider|Suppose"
)
# A lone capitalised word before an opener is a heading ("Archives The fact that ..."), unless it is
# a sentence adverb whose comma was lost ("However The ...") or an opener itself.
_NOT_TITLES = frozenset(
    (
        *OPENERS.split("|"),
        "Thus",
        "Hence",
        "Therefore",
        "Moreover",
        "Furthermore",
        "Finally",
        "Also",
        "Then",
        "Now",
        "Indeed",
        "Instead",
        "Still",
        "Again",
        "Next",
        "Last",
        "Second",
        "Third",
        "Overall",
        "Together",
        "Further",
        "Within",
        "Without",
        "Under",
        "Above",
        "Below",
        "Between",
        "Across",
        "Through",
        "Throughout",
        "Around",
        "Upon",
        "Even",
        "Rather",
        "Due",
        "Notice",
        "Note",
        "Only",
        "Any",
        "No",
        "Or",
        "And",
        "Nor",
        "Define",
    )
)
_OPENER_SET = frozenset(OPENERS.split("|"))
# Openers that do not start a title either: "Because Cluster | A genome ...", "Let B C | A be ...".
_NOT_FIRST = _OPENER_SET - {"The", "An", "In", "For", "From", "With", "After", "Before", "Over", "Among", "During", "Other"}
# Words that a heading of a few words does not hold but a sentence does: finding one, the words so
# far are a sentence, not a title ("2 We use a simple representation ...").
_SENTENCE_WORDS = frozenset(
    "we our us i you is are was were be been being has have had can could will would should may might must "
    "does did do it its they them their he she his her shows show showed".split()
)
# Lower-case words of title case ("Dependency Trees as Minimum Spanning Trees").
_SMALL = frozenset("a an and as at but by for from in into of on or the to via with vs vs. versus its their our nor per".split())
# A title has at most this many words; one in sentence case (with lower-case words not small:
# "Test data", "Techniques for evaluating correlation with WordNet") at most SENTENCE_CASE_MAX_WORDS.
TITLE_MAX_WORDS = 12
SENTENCE_CASE_MAX_WORDS = 6
# A news dateline: a place in capitals ("NEW YORK", "LOS ANGELES", "ST. LOUIS, MO."), then what
# marks it as one: the wire's name in brackets ("... said. NEW YORK (Reuters) The mayor ...",
# "LONDON (Reuters) - Shares fell ..."), or a date and a dash ("WASHINGTON, March 3 — The Senate
# ..."), before a sentence. A dateline tells a summary's reader nothing; it is removed, and listed
# (`dateline_edits`). Nothing less marks one: a place alone or with a dash before a sentence is as
# often a run-in heading in capitals ("RELATED WORK The results ...", "... mixed. DISCUSSION —
# These findings ..."), a glossary entry ("SVM — Support vector machines ..."), a list label ("A.
# The", "II. The") or an acronym that opens its sentence ("USA The", "NLP In"), and no list of
# places ships. A dateline missed costs a summary a few words; a heading lost costs it a section
# (the unmarked forms took 25 of 49 common headings in capitals; dev holds no dateline).
_PLACE_WORD = r"[A-Z][A-Z.’'-]*[A-Z.]"
_PLACE = rf"{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD}){{0,3}}(?:,[ \t]+{_PLACE_WORD}(?:[ \t]+{_PLACE_WORD})?)?"
# The news agencies a dateline names (a name in brackets alone may be an acronym's expansion: "SVM
# (Support Vector) ...").
# Wires by name; those whose name is also a common acronym ("AVERAGE PRECISION (AP) The metric",
# "(CNN) The network" of a run-in heading) mark a dateline only with the dash that follows a wire.
_NAMED_WIRES = "Reuters|AFP|UPI|Bloomberg|Xinhua|IANS|Kyodo|Yonhap|TASS|EFE|ANSA|CNW|PRNewswire"
_ACRONYM_WIRES = "AP|dpa|DPA|PTI|ANI|CNN|BBC"
_WIRES = f"{_NAMED_WIRES}|{_ACRONYM_WIRES}"
_WIRE_CLUE = re.compile(rf"\((?:{_WIRES})\)")
_MONTHS = (
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|April|May|June|July|August|September"
    "|October|November|December"
)
_DATE = rf",[ \t]+(?:{_MONTHS})\.?[ \t]+\d{{1,2}}"
_MARKED_DATELINE = (
    rf"(?P<place>{_PLACE})"
    # the wire, perhaps a date before it (a dash after it, required after an acronym's)
    rf"(?:(?:{_DATE})?[ \t]+(?:\((?:{_NAMED_WIRES})\)(?:[ \t]*[—–-]{{1,2}})?|\((?:{_ACRONYM_WIRES})\)[ \t]*[—–-]{{1,2}})"
    rf"|{_DATE}[ \t]*(?:[—–]|--))"  # a date and a dash
    rf"[ \t]+(?=(?:{OPENERS})[ \t]|[A-Z][a-z]*[ \t]+[a-z])"  # a sentence: not "WAIS-III – Wechsler Adult"
)
DATELINE_AFTER_STOP = re.compile(rf"[.!?][ \t]+(?P<dateline>{_MARKED_DATELINE})")
DATELINE_AT_START = re.compile(_MARKED_DATELINE)
# Every dateline holds one of these: a wire's name in brackets, or a date's digit before a dash.
_DATE_CLUE = re.compile(rf"(?:{_MONTHS})\.?[ \t]+\d{{1,2}}[ \t]*(?:[—–]|--)")


def dateline_edits(text: str) -> list[tuple[int, int]]:
    """The spans of the news datelines of `text` (`DATELINE_AFTER_STOP`, `DATELINE_AT_START`), each
    with the spaces after it; none whose place is a known heading ("RESULTS (AP) ..." is none)."""
    # (a scan of every stop costs a tenth of a millisecond a page: only where a wire or a date shows)
    if not (("(" in text and _WIRE_CLUE.search(text)) or ((" — " in text or "--" in text) and _DATE_CLUE.search(text))):
        return []
    found = []
    start = DATELINE_AT_START.match(text) if text[:2].isupper() else None
    if start is not None and not headings.is_known(start.group("place")):
        found.append((0, start.end()))
    for m in DATELINE_AFTER_STOP.finditer(text):
        if m.start() >= (found[-1][1] if found else 0) and not headings.is_known(m.group("place")):
            found.append(m.span("dateline"))
    return found


# A section number: "2.3", "2.1.3.", "II", "IV." (one-level arabic numbers between sentences are
# taken for footnote and page numbers before this runs: rules.STANDALONE_NUMBER; a one-letter roman
# number with a stop for an initial: "I. Wallace and B. Patel ..."), not after an abbreviation that a
# number follows ("in Sect. 2.3 The ...").
_ABBREVIATIONS = ("Fig", "Figs", "Sect", "Sec", "Eq", "Eqs", "No", "Nos", "p", "pp", "Vol", "Ch", "Tab")
_NUMBER = (
    "".join(rf"(?<!\b{w}\.\s)" for w in _ABBREVIATIONS)
    + r"(?P<number>\d{1,2}(?:\.\d{1,2}){1,3}\.?|(?P<roman>[IVX]{2,5})[.:]?)[ \t]+(?=[A-Z“\"])"
)
# A run of at least two words in capitals, then a capitalised word and a lower-case one:
# "ALIGNING ANCHOR POINTS After examining ...".
_CAPS_WORD = r"[A-Z][A-Z’'&/-]*:?"
_CAPS = (
    rf"(?P<caps>{_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{1,9}})"
    r"(?=[ \t]+(?:[A-Z][a-z]+[ \t]+[a-z(]|[A-Z][ \t]+(?!(?:and|or)\b)[a-z]))"  # "Bennett and", not "A and B"
)
# A title-case heading, then an opener and a lower-case word: "Futures of Digital Studies The
# materials of ...". Its words are capitalised or small; no digit (a caption: "Figure 3 A and B
# show ..."); after the opener not "and" ("Within A and B: Red lines ...").
_SMALL_ALTERNATION = "|".join(sorted((re.escape(w) for w in _SMALL), key=len, reverse=True))
_TITLE_WORD = rf"(?:[A-Z][\w’'/&-]*:?|\([A-Za-z][\w’'/&.-]*\)|(?:{_SMALL_ALTERNATION})(?=\s))"
_OPENER_THEN_LOWER = rf"[ \t]+(?:{OPENERS})[ \t]+(?!(?:and|or)\b)[a-z]"
_TITLE = rf"(?P<title>[A-Z](?:[a-z’'/&-]|[A-Z])[\w’'/&-]*:?(?:[ \t]+{_TITLE_WORD}){{0,11}}?)(?={_OPENER_THEN_LOWER})"
# A heading in sentence case before a sentence that opens with another capitalised word ("Data
# collection Participants were recruited ..."), or one in title case before a sentence that repeats
# its first word ("Statistical Analysis Statistical analysis was performed ..."): two words at least,
# letters only, at most SENTENCE_CASE_MAX_WORDS (`_sentence_case` judges them).
_SENTENCE = (
    rf"(?P<sentence>(?!(?:{OPENERS})[ \t])(?P<first>[A-Z][a-z’'-]+)"  # (most sentences open with an opener)
    rf"(?:(?:[ \t]+[a-z][a-z’'/-]*){{1,{SENTENCE_CASE_MAX_WORDS - 1}}}"
    r"(?=[ \t]+[A-Z][a-z’'-]+[ \t]+(?!(?:and|or)\b)[a-z])"
    rf"|(?:[ \t]+(?:[A-Z][a-z’'-]+|{_SMALL_ALTERNATION})){{1,{SENTENCE_CASE_MAX_WORDS - 1}}}?"
    r"(?=[ \t]+(?P=first)[ \t]+[a-z])))"
)
_HEAD = rf"(?:(?=[\dIVX]){_NUMBER}|{_CAPS}|{_TITLE}|{_SENTENCE})"  # (the lookahead spares the lookbehinds)
# Each is looked for where a sentence starts: at the start of the text, or after a sentence's end
# (not an initial's: "George B. Dyson's Darwin Among the Machines"). The end first: the engine skips
# fast to one of ".!?" (a scan from each capital took twice as long).
GLUED_AFTER_STOP = re.compile(rf"[.!?](?<!\b[A-Z]\.)\s{_HEAD}")
# The same after a full stop only: where a text holds no "!" or "?", the very same matches, found in a
# scan that skips in C to a literal (a scan for one of a set of characters tests each one: about
# 0.1 ms of a 5k-word article).
GLUED_AFTER_FULL_STOP = re.compile(rf"\.(?<!\b[A-Z]\.)\s{_HEAD}")
GLUED_AT_START = re.compile(_HEAD)
_WORD = re.compile(r"\S+")
_LETTERS = re.compile(r"[A-Za-z]")
_LOWER_START = re.compile(r"(?!(?:and|or)\b)[a-z]")
_LABEL = re.compile(r"[^\s:]+:\s")  # "Hybrid: "
# How far after a section number its title is looked for (12 words fit).
TITLE_WINDOW_CHARS = 200


def glued_headings(text: str) -> list[tuple[int, int, str]]:
    """(start, end, title) of each heading glued to the sentence after it, in order, not overlapping:
    numbered ones, runs of capitals, title-case and sentence-case ones. `end` is the end of the title
    (with its stop, if it has one); the sentence starts after the spaces that follow."""
    found: list[tuple[int, int, str]] = []
    first = GLUED_AT_START.match(text) if text[:1].isupper() or text[:1].isdigit() else None
    after_stop = GLUED_AFTER_STOP if "!" in text or "?" in text else GLUED_AFTER_FULL_STOP
    for match in (first, *after_stop.finditer(text)) if first else after_stop.finditer(text):
        heading = _heading(text, match)
        if heading is not None:
            found.append(heading)
    return found


def _written_lower(text: str, word: str) -> bool:
    """Whether `text` writes `word` (in lower case) as a word of its own somewhere."""
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _in_word(text[at - 1])) and (end == len(text) or not _in_word(text[end])):
            return True
        at = text.find(word, end)
    return False


def _in_word(char: str) -> bool:
    """Whether `char` would join the letters beside it into one word."""
    return char.isalnum() or char in "’'-_"


def _heading(text: str, match: re.Match[str]) -> tuple[int, int, str] | None:
    """The heading a match of `_HEAD` found, or None where its words do not make a title."""
    if match.group("sentence") is not None:
        title = match.group("sentence")
        if not _sentence_case(title, _NEXT_WORDS.match(text, match.end("sentence")), text):
            return None
        return match.start("sentence"), match.end("sentence"), title
    if match.group("number") is not None:
        start, after = match.start("number"), match.end()
        roman = match.group("roman")
        if roman is not None and (_in_list(text, start, roman) or _LABEL.match(text, after)):
            return None  # "II. Hybrid: defines a small number of ...": an item of a list
        end = _title_end(text, after, bare=roman is not None)
        if end == after:
            if match.end("number") == match.end("roman") and not _opens_sentence(text, after):
                return None  # "IV Ketamine was given ...", "III Corps headquarters moved ...": a name
            end = match.end("number")  # a number alone
        return None if end is None else (start, end, text[start:end])
    name = "caps" if match.group("caps") is not None else "title"
    title = match.group(name)
    # A label with its colon is part of its sentence ("Recall: the share of ..."), and one word that
    # opens sentences does not open a title.
    if title.endswith(":") or title.split()[0] in _NOT_FIRST or not _is_title(title):
        return None
    if name == "title" and not _opens_sentence(text, match.end(name)):
        return None  # "Nike's Just Do | It campaign was ...": the opener ends a name
    if name == "caps" and not (_caps_title(title.split()) and (_worded(title) or _opens_sentence(text, match.end(name)))):
        return None
    if name == "caps" and match.start(name) == 0 and not _worded(title):
        return None  # "NEW YORK The mayor said ...": a dateline opens a paragraph, a heading has its line
    return match.start(name), match.end(name), title


_NEXT_WORDS = re.compile(r"[ \t]*(\S+)(?:[ \t]+(\S+))?")


def _opens_sentence(text: str, at: int) -> bool:
    """Whether the word after the spaces at `at` is one that opens sentences ("II | The Abraham ..."),
    and the word after it fits it (`_fits`)."""
    words = _NEXT_WORDS.match(text, at)
    return words is not None and words.group(1) in _OPENER_SET and _fits(words.group(1), words.group(2) or "")


# Openers that also end names ("Just Do It", "Housing First", "America First"), each with what may
# follow it where it opens a sentence: "It" a verb ("It is", "It consists", "It also"), not a noun
# ("Just Do It campaign"); "First" a pronoun, article or preposition ("First we", "First, the"),
# not a noun ("Housing First programs").
_IT_FOLLOWERS = frozenset(
    "is was has had can could will would should may might must does did also then thus therefore remains "
    "seems appears becomes follows turns makes takes gives uses provides shows".split()
)
_VERB_ENDING = re.compile(r"[a-z]+(?:s|ed|ly)\b")
_FIRST_FOLLOWERS = frozenset("we i it they one the a an of all in to let consider note our this these".split())


def _fits(opener: str, follower: str) -> bool:
    """Whether `follower` may follow `opener` where `opener` opens a sentence (any word, but after
    "It" and "First": `_IT_FOLLOWERS`, `_FIRST_FOLLOWERS`)."""
    if opener == "It":
        return follower in _IT_FOLLOWERS or _VERB_ENDING.match(follower) is not None
    if opener == "First":
        return follower.rstrip(",") in _FIRST_FOLLOWERS
    return True


def _sentence_case(title: str, after: re.Match[str] | None, text: str) -> bool:
    """Whether `title` (`_SENTENCE`) heads the sentence whose first two words `after` holds.

    In title case, only before its own first word ("Statistical Analysis | Statistical analysis was
    ..."; `_SENTENCE` sees to that): a name of capitalised words runs on ("The University of
    Michigan Health | System provides ..."). In sentence case ("Data collection | Participants were
    ..."; every word after the first in lower case), a sentence that cut short a name is what to rule
    out ("Visitors to the online | Compendium were ...", "Murray mentions | Adventure only ..."):
    the first and the following word ones the text writes in lower case elsewhere (or the following
    one an opener), no word that only sentences hold, no article or conjunction (a name follows
    them), a last word that is neither a verb's past ("Patients received | Aspirin daily") nor a
    preposition, nor a participle before a word that opens no sentence (`_participle`).
    """
    words = title.split()
    if after is None or words[0] in _NOT_TITLES:
        return False
    if any(w[:1].isupper() for w in words[1:]):  # title case
        return all(len(w) > 1 for w in words if w[:1].isupper()) and _is_title(title)
    if words[-1].endswith("ed") or words[-1] in _REPORTING:
        return False
    if any(w in _NOT_IN_SENTENCE_CASE or w in _SENTENCE_WORDS for w in words[1:]) or words[0].lower() in _SENTENCE_WORDS:
        return False
    following = after.group(1)
    if not _fits(following, after.group(2) or "") or not _is_title(title):
        return False
    if len(words) > 1 and _participle(words[-1]) and following not in _OPENER_SET:
        return False  # "Teenagers browsing | Internet forums reported ...": a participle takes an object
    # (a search of the text for each word: few titles get this far)
    return _written_lower(text, words[0].lower()) and (following in _OPENER_SET or _written_lower(text, following.lower()))


# A participle that ends a sentence-case heading only before a word that opens sentences ("Data
# processing | The raw reads ...", "Network building | The final step ..."): before another, it
# takes that word as its object ("Teenagers browsing | Internet forums reported ...", "Households
# lacking | Internet access", "Patients given | Aspirin daily"). On the dev articles flattened, the
# 16 headings found that end in "-ing" (12 found exactly, 3 true headings on a line of their own,
# 1 ending late) are all followed by an opener (dropping every such heading lost 1 of them).
_PARTICIPLE = re.compile(r"[a-z]{2,}ing")
_IRREGULAR_PARTICIPLES = frozenset(
    "given taken shown known seen written chosen born held made found kept left led built brought taught sent "
    "spent told grown drawn driven".split()
)


def _participle(word: str) -> bool:
    """Whether `word` is a present participle ("browsing") or an irregular past one ("given")."""
    return word in _IRREGULAR_PARTICIPLES or _PARTICIPLE.fullmatch(word) is not None


# Words of a sentence that a sentence-case heading does not hold: articles, determiners and
# conjunctions (a name often follows them: "Projects such as the Rosetti | Archive are ..."), and
# prepositions it does not end in.
_NOT_IN_SENTENCE_CASE = frozenset(
    "the a an that this these those such than if though although even not no any only also very so because since "
    "when while where which who whose how what then there through between about within without under over after "
    "before during against among like toward towards across upon using".split()
)
# Verbs that follow a name and a capitalised word after them ("Boyd writes | Social network sites
# ..."), not the last word of a heading.
_REPORTING = frozenset(
    "writes says argues claims explains suggests observes describes mentions makes puts shows gives takes".split()
)


# Capitals of at most this many letters a word may be an acronym: a run of such words ("IBM SPSS",
# "PCR ELISA", "WHO GOLD") heads a section only when a word that opens sentences follows it; one
# word longer shows words ("FUTURE DIRECTIONS", "THE CORPUS").
ACRONYM_MAX_LETTERS = 5


def _worded(title: str) -> bool:
    """Whether a title in capitals holds a word longer than an acronym."""
    return any(len(_LETTERS.findall(word)) > ACRONYM_MAX_LETTERS for word in title.split())


# An item of a list numbered in roman ("I. Statistical: ... II. Hybrid: defines ...") is no
# heading: the number before it stands within this many characters (sections are longer).
ROMAN_LIST_MAX_CHARS = 600
# The roman numbers 0-39, each at its value.
_ROMANS = [
    tens + ones for tens in ("", "X", "XX", "XXX") for ones in ("", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX")
]


def _in_list(text: str, start: int, roman: str) -> bool:
    """Whether the roman number at `start` continues a list: the number before it, with its stop or
    bracket, stands less than ROMAN_LIST_MAX_CHARS before it."""
    value = _ROMANS.index(roman) if roman in _ROMANS else 0
    return value > 1 and _item(value - 1).search(text, max(0, start - ROMAN_LIST_MAX_CHARS), start) is not None


@cache
def _item(value: int) -> re.Pattern[str]:
    """The roman number `value` as a list item numbers it: "II. ", "II) "."""
    return re.compile(rf"(?<![\w.]){_ROMANS[value]}[.)][ \t]")


def _is_title(title: str) -> bool:
    """At least three letters, not a lone word that opens sentences ("However The ..."), not ending
    in a small word ("The Question of | Where to Deposit"), and not a heading whose section the
    known-word rules judge ("Appendix", "References", "Abstract": they drop or end sections)."""
    words = title.split()
    if len(_LETTERS.findall(title)) < 3 or words[-1].lower() in _SMALL:
        return False
    if len(words) == 1 and title.rstrip(":") in _NOT_TITLES:
        return False
    bare = title.rstrip(" :.")
    return not (
        headings.is_end_matter(bare, ENGLISH) or headings.is_dropped(bare, ENGLISH) or headings.is_abstract(bare, ENGLISH)
    )


def _title_end(text: str, start: int, *, bare: bool) -> int | None:
    """Where the title that starts at `start` (after a section number) ends, or None when its end
    does not show. `bare`: a roman number may head a section with no title ("II The Abraham ...")."""
    window = text[start : start + TITLE_WINDOW_CHARS]
    words = [(m.start() + start, m.end() + start, m.group(0)) for m in _WORD.finditer(window)]
    if len(words) < 2:
        return None
    end = _caps_end(words) if words[0][2].rstrip(":").isupper() else None
    if end is None:
        end = _mixed_case_end(words)
    if end is not None and _is_title(text[start:end]):
        return end
    return start if bare else None  # the number alone: "II | The Abraham Lincoln ..."


def _mixed_case_end(words: list[tuple[int, int, str]]) -> int | None:
    """End of a title in title or sentence case: before the first opener that a lower-case word
    follows, or at the title's own stop; None when a word only sentences hold comes first."""
    sentence_case = False
    for i, (_, word_end, word) in enumerate(words[:TITLE_MAX_WORDS]):
        bare_word = word.strip("“”\"'’:(),").lower()
        following = words[i + 1][2] if i + 1 < len(words) else ""
        opener = word in _OPENER_SET and _LOWER_START.match(following) is not None and _fits(word, following)
        if i and opener and words[i - 1][2].lower() not in _SMALL:
            return words[i - 1][1]  # "... Translation Model | In this section"
        if bare_word in _SENTENCE_WORDS or not _LETTERS.search(word) or word.endswith((",", ";")):
            return None
        sentence_case = sentence_case or (word[:1].islower() and bare_word not in _SMALL)
        if sentence_case and i >= SENTENCE_CASE_MAX_WORDS:
            return None
        if word.endswith((".", "!", "?")) and bare_word != "vs.":
            opens = following[:1].isupper() or following[:1] in ("“", '"')
            return word_end if opens else None  # "4.1 Topics. Like the topics ..."
    return None


def _caps_end(words: list[tuple[int, int, str]]) -> int | None:
    """End of a title in capitals ("THE DYNAMIC DISCOURSE MODEL"), when a sentence follows it; one
    word in capitals may be an acronym that starts a title ("4.7 CCG Supertags on Source.")."""
    k = 0
    while k < min(len(words), TITLE_MAX_WORDS) and words[k][2].rstrip(":.").isupper():
        k += 1
    if k + 1 < len(words) and _caps_title([w for _, _, w in words[:k]]) and words[k][2][:1].isupper():
        return words[k - 1][1] if words[k + 1][2][:1].islower() else None
    return None


def _caps_title(words: list[str]) -> bool:
    """Two words of three letters or more: a title, not tags or table heads ("NP VP", "SM T OM V")."""
    return sum(len(_LETTERS.findall(word)) >= 3 for word in words) >= 2
