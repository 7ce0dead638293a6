"""Speaker labels of an interview or dialogue that a flattening glued to the sentences they head.

A transcript sets each turn under its speaker's name ("Julianne Nyhan", "Q:", "INTERVIEWER:") on a
line of its own. Flattened into one line, the name runs into the turn's first sentence, and a
summary quotes "John Unsworth So, the first step in that direction was not really intentional."
What shows a label is the document as a whole: the same name opens sentences again and again,
each time right before a word that opens a sentence ("Unsworth And I had", "Unsworth I think"),
and a dialogue has two speakers or more. A label with a colon is a speaker's only when it is one
of the words transcripts use ("Q:" with "A:", "INTERVIEWER:"): "New York:" and "Input:" open
sentences of reference lists and examples as often.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from .glued import OPENERS
from .tracked import Edit

# Words that open a turn of speech, beyond the words that open a section's first sentence.
_TURN_OPENERS = (
    "I|And|So|Well|Yes|No|Oh|What|How|Why|Where|Who|Could|Can|Do|Did|Does|Is|Are|Was|Were|Would|Will|Have|Has"
    "|You|He|She|They|Okay|OK|Right|Sure|Yeah|Now|Then|Thank|Thanks|Absolutely|Exactly|Just|Really|Actually"
)
_OPENER_WORDS = frozenset((*OPENERS.split("|"), *_TURN_OPENERS.split("|")))
_OPENER = "|".join(sorted(_OPENER_WORDS, key=len, reverse=True))
# One to three capitalised words opening a sentence (at the start or after a sentence's end), then
# a word that opens a sentence: "... tell me? Geoffrey Rockwell I remember in high school ...".
# (The sentence's end first, one pattern for each mark: the engine skips in C to a plain character
# several times as fast as to one of a class; the text's start apart. Every opener has a capital
# first, which is tested before the long alternation of them.)
_RUN = rf"(?P<run>(?:[A-Z][a-z’'-]+[ ]+){{1,3}}?)(?=(?=[A-Z])(?P<next>{_OPENER})(?![\w-]))"
_STOPS = ".!?"


def _after_stops(pattern: str) -> tuple[re.Pattern[str], ...]:
    """`pattern` after each sentence-ending mark of _STOPS (and a closing quote or bracket), one
    compiled pattern for each mark."""
    return tuple(re.compile(rf"{re.escape(stop)}[”\"’)]?[ ]+{pattern}") for stop in _STOPS)


_NAMED_TURN = _after_stops(_RUN)
_NAMED_TURN_AT_START = re.compile(_RUN)
# A label's name has at most this many words ("Julianne Nyhan"), and it opens at least
# SPEAKER_TURNS_MIN turns before at least two different words; a dialogue has at least
# SPEAKERS_MIN speakers ("Proof" before "Let" and "We" in a paper of theorems is no speaker).
SPEAKER_NAME_MAX_WORDS = 2
SPEAKER_TURNS_MIN = 3
SPEAKERS_MIN = 2
# The labels of a transcript's turns with a colon: questions and answers (both must be there), the
# interviewer, the person interviewed.
_LABEL = r"(?P<label>Q|A|(?i:interviewer|interviewee|respondent|question|answer)):[ ]+(?=[A-Z“\"—–-])"
_COLON_LABEL = _after_stops(_LABEL)
_COLON_LABEL_AT_START = re.compile(_LABEL)
# Where a colon label may stand at all: "Q:" and "A:" both, or an interviewer's label (found by a
# scan that skips to a plain character; most texts have neither, and are spared the scan for labels).
_INTERVIEWER_LABEL = re.compile(r":(?<=(?i:interviewer):)")


def _turns(patterns: tuple[re.Pattern[str], ...], at_start: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The matches of a turn's label: at the text's start (`at_start`) and after each sentence's
    end (`patterns`, one for each mark of _STOPS), in the order of the text."""
    first = at_start.match(text)
    found = [match for stop, pattern in zip(_STOPS, patterns, strict=True) if stop in text for match in pattern.finditer(text)]
    found.sort(key=lambda match: match.start())
    return [first, *found] if first else found


def speaker_labels(body: str) -> frozenset[str]:
    """The speaker labels of a flattened dialogue in `body` (the document's body text): names
    ("Julianne Nyhan", "Unsworth") and colon labels ("Q:", "A:", "INTERVIEWER:"), or none."""
    if len(body.split(" ", 2 * SPEAKER_TURNS_MIN)) <= 2 * SPEAKER_TURNS_MIN:  # fewer spaces (not all counted)
        return frozenset()
    return _named_speakers(body) | _colon_speakers(body)


def _named_speakers(body: str) -> frozenset[str]:
    """The names that open turns (`_NAMED_TURN`): SPEAKER_TURNS_MIN times, before two different
    words at least, and SPEAKERS_MIN speakers of them."""
    turns: Counter[str] = Counter()
    followers: defaultdict[str, set[str]] = defaultdict(set)
    for match in _turns(_NAMED_TURN, _NAMED_TURN_AT_START, body):
        words = match.group("run").split()
        for k in range(1, min(len(words), SPEAKER_NAME_MAX_WORDS) + 1):
            name = words[-k:]
            if any(word in _OPENER_WORDS for word in name):
                break
            label = " ".join(name)
            turns[label] += 1
            followers[label].add(match.group("next"))
    names = {label for label, n in turns.items() if n >= SPEAKER_TURNS_MIN and len(followers[label]) >= 2}
    # A surname found alone and with the first name is one speaker, not two.
    speakers = {name for name in names if not any(other != name and other.endswith(" " + name) for other in names)}
    return frozenset(names) if len(speakers) >= SPEAKERS_MIN else frozenset()


# Each colon label of a dialogue opens at least this many turns.
COLON_TURNS_MIN = 2


def _colon_speakers(body: str) -> frozenset[str]:
    """The colon labels of a transcript (`_COLON_LABEL`): "Q:" and "A:" where both open turns,
    "INTERVIEWER:" and the others where the interviewer's does."""
    if not (("Q:" in body and "A:" in body) or _INTERVIEWER_LABEL.search(body)):
        return frozenset()
    labels = Counter(m.group("label") for m in _turns(_COLON_LABEL, _COLON_LABEL_AT_START, body))
    folded: Counter[str] = Counter()
    for label, n in labels.items():
        folded[label.lower()] += n
    if not ((folded["q"] >= COLON_TURNS_MIN and folded["a"] >= COLON_TURNS_MIN) or folded["interviewer"] >= COLON_TURNS_MIN):
        return frozenset()
    return frozenset(f"{label}:" for label in labels)


def speaker_label_edits(text: str, labels: frozenset[str]) -> list[Edit]:
    """The labels of `labels` (`speaker_labels`) to delete in `text`: a speaker's name opening a
    sentence before a word that opens one, with the capitalised words before it ("Interview
    Julianne Nyhan What ..." loses "Interview Julianne Nyhan "), and a colon label with the
    spaces after it."""
    if not labels:
        return []
    edits = []
    for match in _turns(_NAMED_TURN, _NAMED_TURN_AT_START, text):
        words = match.group("run").split()
        if any(" ".join(words[-k:]) in labels for k in range(1, min(len(words), SPEAKER_NAME_MAX_WORDS) + 1)):
            edits.append(Edit(match.start("run"), match.end("run")))
    if ":" in text:
        colons = _turns(_COLON_LABEL, _COLON_LABEL_AT_START, text)
        edits.extend(Edit(m.start("label"), m.end()) for m in colons if m.group("label") + ":" in labels)
    return edits
