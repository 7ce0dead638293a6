"""What extraction took out of the page text, with the reason and the page: nothing goes silently.

Every line the layout analysis does not put in the title, the abstract, the body or the
footnotes is recorded here, so `extract --output json` can list it (`removed_text`) and a test
can check that each word of a page ends up somewhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from .lines import Line


@dataclass(frozen=True, slots=True)
class RemovedText:
    """Text left out of the article: why, on which page (1-based), and the text itself."""

    reason: str
    page: int
    text: str


class Removals:
    """Collects removed lines; `counts` keeps the per-reason tallies the JSON has always had."""

    def __init__(self) -> None:
        self.counts: dict[str, int] = {}
        self.items: list[RemovedText] = []

    def add(self, reason: str, lines: Iterable[Line], *, count: int | None = None) -> None:
        """Record `lines` (consecutive lines of one page are joined into one item).

        `count` is what the tally grows by: the number of lines unless given (a cover sheet counts
        as one page, a reference list as one section).
        """
        lines = list(lines)
        if not lines:
            return
        self.counts[reason] = self.counts.get(reason, 0) + (len(lines) if count is None else count)
        for page, group in groupby(lines, key=lambda line: line.page):
            text = _joined(list(group))
            if text:
                self.items.append(RemovedText(reason, page + 1, text))

    def add_text(self, reason: str, page: int, text: str, *, count: int = 0) -> None:
        """Record a piece of text that is not a whole line (an abstract's heading run into its
        text, a line number cut from its line); `count` is what the tally grows by."""
        if count:
            self.counts[reason] = self.counts.get(reason, 0) + count
        self.items.append(RemovedText(reason, page + 1, text))


def _joined(lines: list[Line]) -> str:
    """Lines as one text; a word broken at a line end stays one word ("Attri-" "bution")."""
    out = ""
    for line in lines:
        text = line.text.strip()
        glued = not out or out.endswith(("-", "\u2010"))
        out = f"{out}{text}" if glued else f"{out} {text}"
        if line.hyphenated:
            out += "-"  # the soft hyphen PDFium marked: shown, so the word is not split in two
    return out.strip()
