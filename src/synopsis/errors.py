"""Errors a user can act on: each names the input (and line) and says what is wrong in one line.

Core code never names a front end's flag: an error that a setting can fix carries the setting
(`setting`, plus the `value` found and the `limit` in force where it is a limit) and a `hint`
template with a `{name}` slot. Each front end words it with its own names (`worded`): the CLI says
`--max-bytes`, the API says its field, the library says the keyword argument.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

# What must not reach a terminal or a line-based reader raw: control characters (a newline would
# split the line, ESC would start a terminal escape), the Unicode line and paragraph separators,
# and the bidirectional overrides that make a name display as another ("gnp.exe").
UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def escape_unprintable(text: str, *, keep: str = "") -> str:
    """`text` with each `UNPRINTABLE` character not in `keep` written as its escape, as JSON writes
    it ("\\n", "\\u001b"): one printable line. Shared by error lines (`one_line`) and printed ids
    (`output.printable_id`)."""

    def escape(found: re.Match[str]) -> str:
        char = found.group()
        return char if char in keep else _ESCAPES.get(char, f"\\u{ord(char):04x}")

    return UNPRINTABLE.sub(escape, text)


def one_line(message: str) -> str:
    """`message` as one line: a character that would break it is written as its escape (a file
    named "new<LF>line.txt" is named "new\\nline.txt"), a tab kept, the rest as it is."""
    if message.isprintable():
        return message
    return escape_unprintable(message, keep="\t")


def counted(n: int, noun: str) -> str:
    """`n` and its noun, plural unless one: "1 tree", "300 trees", "1,655 candidate summaries"
    (every front end's count lines: "1 rows" reads as a slip)."""
    plural = noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in tuple("aeiou") else noun + "s"
    return f"{n:,} {noun if n == 1 else plural}"


def listed(items: Sequence[Any], limit: int, show: Callable[[Any], str] = str) -> str:
    """The first `limit` of `items` as `show` writes them, then how many more: "a, b, ... (3 more)"
    (every note that names what it counts)."""
    more = f", ... ({len(items) - limit:,} more)" if len(items) > limit else ""
    return ", ".join(map(show, items[:limit])) + more


class SynopsisError(Exception):
    """Base of every error synopsis raises on purpose."""


class InputError(SynopsisError):
    """Bad input: missing, empty, binary, wrongly encoded, malformed or missing its text."""

    def __init__(
        self,
        message: str,
        *,
        source: str | None = None,
        line: int | None = None,
        setting: str | None = None,
        hint: str = "",
        value: float | None = None,
        limit: float | None = None,
        item: int | None = None,
        fields: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line
        self.setting = setting
        self.hint = hint
        self.value = value
        self.limit = limit
        self.item = item  # the item of a JSON array that shares its line with another (its message names it)
        self.fields = fields  # a record without the text field: the fields it has (the CLI's line names them)

    @property
    def where(self) -> str:
        """file:line (or the file, or <input>) for messages."""
        where = self.source or "<input>"
        return where if self.line is None else f"{where}:{self.line}"

    def __str__(self) -> str:
        return self.worded({})

    def worded(self, names: Mapping[str, str]) -> str:
        """The one-line message with the fixing setting named as this front end names it
        (`names[setting]`; the library's keyword argument when the front end has no name for it).
        A front end that has no such setting names it "": the hint, which it could not follow, goes."""
        text = f"{self.where}: {self.message}"
        name = names.get(self.setting, self.setting) if self.setting else ""
        if name and self.hint:
            text += self.hint.format(name=name)
        return text

    def at(self, source: str, line: int | None = None) -> InputError:
        """The same error (of the same class), located in `source` (and `line`)."""
        return self.changed(source=source, line=line if line is not None else self.line)

    def changed(self, *, message: str | None = None, **fields: Any) -> InputError:
        """The same error (of the same class) with `message` and the given fields replaced."""
        kept = {
            "source": self.source,
            "line": self.line,
            "setting": self.setting,
            "hint": self.hint,
            "value": self.value,
            "limit": self.limit,
            "item": self.item,
            "fields": self.fields,
        }
        return type(self)(self.message if message is None else message, **{**kept, **fields})


class MethodError(SynopsisError):
    """An unknown method or a bad parameter for a method."""


class LanguageWarning(UserWarning):
    """The article's language is not supported (or could not be determined): it was summarized with
    language-neutral settings. The library says it through `warnings` (the CLI, JSON and server say
    it in their own output), so a caller can filter it or turn it into an error."""


class TextWarning(UserWarning):
    """The text could not be read as the tool needs it (most of its words stand in sentences too
    long for a summary: its punctuation missing): it was summarized from what could be, and said."""


class BudgetWarning(UserWarning):
    """The summary is longer than its word budget: no whole sentence fits it, so the shortest one
    was returned (sentences are never cut). The CLI prints this line; the library says it here."""


def install_hint(extra: str) -> str:
    """How to add an extra, both from an index and from a source checkout (where the first fails)."""
    return f"pip install 'synopsis[{extra}]' (from a source checkout: pip install '.[{extra}]')"


class MissingExtra(SynopsisError):
    """An optional dependency is not installed. It is the environment, not the input, that is
    wrong, so every command stops with exit status 2 (like a usage error) and the install line."""

    def __init__(self, feature: str, extra: str, detail: str = "") -> None:
        self.feature = feature
        self.extra = extra
        self.detail = detail
        reason = f" ({detail})" if detail else ""
        super().__init__(f"{feature} needs the {extra} extra: {install_hint(extra)}{reason}")

    def __reduce__(self) -> tuple[type[MissingExtra], tuple[str, str, str], dict[str, object]]:
        """Rebuilt from its own arguments, with what was set on it since (notes, a source): raised
        in a worker process (a `ProcessPoolExecutor` of the user's reading PDFs), it unpickled as
        MissingExtra(message) and failed, which broke the pool ("terminated abruptly") or hung a
        `multiprocessing.Pool`."""
        return (type(self), (self.feature, self.extra, self.detail), self.__dict__)
