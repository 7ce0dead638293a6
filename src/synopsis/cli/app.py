"""The Typer application and the helpers every subcommand shares (error lines, exit codes)."""

from __future__ import annotations

import codecs
import errno
import json
import math
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn, get_args, get_origin

import typer
from typer.core import TyperArgument, TyperGroup, TyperOption

from ..checks import encoding_problem, whole_number_problem
from ..errors import InputError, MethodError, counted, one_line
from ..language import supported_codes
from ..scorers import usable_method
from ..types import Budget
from ..version import __version__

if TYPE_CHECKING:
    from rich.console import Console

try:  # recent typer carries its own copy of click (typer._click); earlier versions use click itself
    from typer._click.exceptions import BadParameter, MissingParameter, UsageError
except ImportError:  # pragma: no cover - older typer
    from click.exceptions import BadParameter, MissingParameter, UsageError  # type: ignore[no-redef,assignment,unused-ignore]
try:  # click >= 8.2: bare `synopsis` shows the help through this error, which must stay as it is
    from typer._click.exceptions import NoArgsIsHelpError
except ImportError:  # pragma: no cover - older typer or click
    NoArgsIsHelpError = ()  # type: ignore[assignment,misc]

# How the CLI names the settings that core errors point to (`InputError.setting`).
CLI_NAMES = {
    "max_bytes": "--max-bytes",
    "max_chars": "--max-chars",
    "memory": "this machine has too little memory for it; --max-chars refuses such inputs up front",
    "encoding": "--encoding",
    "text_field": "--text-field",
    "format": "--format",
    "max_pages": "--max-pages",
    "max_pdf_bytes": "--max-pdf-mb",
}
# The settings of CLI_NAMES a command has no option for. Its errors name no option there: a hint the
# user cannot follow goes ("use --format text" in `synopsis evaluate`, "raise it with --max-pages" in
# a `synopsis batch` row, each answered "No such option" when tried).
_NOT_OPTIONS = {
    "batch": ("max_pages", "max_pdf_bytes"),  # a PDF in a batch gets the default limits (docs/batch.md)
    "extract": ("max_chars",),  # it summarizes nothing, so no article is too long for it
    "evaluate": ("format", "max_bytes", "max_chars", "max_pages", "max_pdf_bytes"),  # --encoding it has
    "train": ("format", "max_bytes", "max_chars", "max_pages", "max_pdf_bytes"),  # --encoding it has
}


def names_for(command: str) -> dict[str, str]:
    """How `command` names the settings core errors point to: CLI_NAMES less the options it lacks."""
    absent = _NOT_OPTIONS.get(command, ())
    names = {**CLI_NAMES, **dict.fromkeys(absent, "")}
    if "max_chars" in absent:
        names["memory"] = "this machine has too little memory for it"
    return names


# How help names an option's value: the usual words of a CLI, not typer's type tags.
_VALUE_NAMES = {"int": "INTEGER", "float": "NUMBER", "str": "TEXT", "Path": "PATH"}


def _plain(param: Any) -> None:
    """Help that reads like a usual CLI: `--words INTEGER`, `--progress` and `INPUT...`, instead of
    typer's `--words <int>`, `--help <bool>` and `{INPUT...}...`."""
    if isinstance(param, TyperArgument):
        name = param.metavar or param.name.upper()
        shown = name if name.endswith("...") or param.nargs == 1 else f"{name}..."
        param._usage_display_name = lambda: shown  # type: ignore[method-assign]
        param.display_type_rich = lambda ctx: None  # type: ignore[method-assign]
    elif isinstance(param, TyperOption):
        flag = param.is_flag or param.count
        value = None if flag else (param.metavar or _value_name(param.type_descriptor.annotation))
        param.display_type_rich = lambda ctx: value  # type: ignore[method-assign]


def _value_name(annotation: Any) -> str:
    """How help names one value of an option: a repeatable option (`list[str]`) takes one value
    each time it is given, so it is named by its item (`--method TEXT`, as click shows it, not
    typer's `LIST[STR]`)."""
    if get_origin(annotation) is list:
        annotation = get_args(annotation)[0]
    name = getattr(annotation, "__name__", str(annotation))
    return _VALUE_NAMES.get(name, name.upper())


# Option values typer would hand to pydantic, read here instead: the forms whose int()/float() is exactly
# what pydantic returns (checked), so that a summary does not pay for importing pydantic and building
# an adapter per option (~110 ms of a 0.6 s start-up with typer 0.29).
_WHOLE = re.compile(r"-?[0-9]{1,18}")
_DECIMAL = re.compile(r"-?[0-9]{1,15}(?:\.[0-9]{1,15})?")
_UNREAD = object()


def _read_value(annotation: Any, value: Any, many: bool) -> Any:
    """The coerced value of a str, int, float or list[str] parameter, or `_UNREAD` for anything typer
    should check."""
    if many:
        strings = isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value)
        return list(value) if strings and annotation == list[str] else _UNREAD
    if value is None or type(value) is annotation:
        return value
    if isinstance(value, str) and annotation in (int, float):
        pattern = _WHOLE if annotation is int else _DECIMAL
        return annotation(value) if pattern.fullmatch(value) else _UNREAD
    return _UNREAD


class _QuickCoercion:
    """Typer's runtime coercion (typer ≥ 0.29) with the usual values read directly; typer's own
    (pydantic) coercion, built on first need, takes the rest and words their errors."""

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        annotation = param.type_descriptor.annotation
        read = _read_value(annotation, value, param.multiple or param.nargs == -1)
        if read is not _UNREAD:
            return read
        try:
            return type(param).get_runtime_param(param).coerce(value, param=param, ctx=ctx)
        except BadParameter:
            if annotation not in (int, float) or not isinstance(value, str):
                raise
            # pydantic's "Input should be a valid integer, unable to parse string as an integer" names no value
            kind = "a whole number" if annotation is int else "a number"
            raise BadParameter(f"must be {kind}, got {value}", ctx=ctx, param=param) from None


_QUICK = _QuickCoercion()


def _adjust(param: Any) -> None:
    """Plain help (`_plain`) and, where this typer version coerces through pydantic, the quick coercion."""
    _plain(param)
    if getattr(param, "_runtime_param", True) is None:
        param.get_runtime_param = lambda: _QUICK


def _plain_params(command: Any) -> Any:
    original = command.get_params

    def get_params(ctx: Any) -> list[Any]:
        params = original(ctx)
        for param in params:
            _adjust(param)
        return params

    command.get_params = get_params
    original_help = command.format_help
    command.format_help = lambda ctx, formatter: _help_into_closed_pipe(original_help, ctx, formatter)
    return command


def _help_into_closed_pipe(format_help: Any, ctx: Any, formatter: Any) -> None:
    """Help written by typer's rich console, whose reader closed the pipe (`synopsis --help | head -0`),
    ends as any output's closed pipe does (`end_on_closed_pipe`: quietly, 141), not by that console's
    own exit status 1, which README gives input errors. Its `on_broken_pipe` is the only exit there is
    in writing help."""
    try:
        format_help(ctx, formatter)
    except SystemExit as end:
        if end.code == 1 and isinstance(end.__context__, BrokenPipeError):  # rich's on_broken_pipe
            end_on_closed_pipe()
        raise


def _param_name(param: Any) -> str:
    """An option as the help lists it (its long flag), an argument as its metavar (`DATA...`)."""
    if param.param_type_name == "option":
        return str(max(param.opts, key=len))
    return str(param.metavar or param.name.upper())


def _usage_line(err: Any, command: str) -> str:
    """A usage error as one plain line, like every other refusal of the CLI, instead of typer's boxed
    three: the option as typed and what is wrong with it, or what is missing and where the help is.
    `command` is the command path to point to when the error carries none."""
    command = err.ctx.command_path if err.ctx is not None else command
    param = getattr(err, "param", None)
    if isinstance(err, MissingParameter) and param is not None:
        return f"{_param_name(param)} is required (see {command} --help)"
    if isinstance(err, BadParameter) and param is not None:
        message = str(err.message)
        return f"{_param_name(param)} {message}" if message.startswith("must ") else f"{_param_name(param)}: {message}"
    return f"{err.format_message().rstrip('.')} (see {command} --help)"


class _PlainGroup(TyperGroup):
    """The root command: its subcommands' help and its own without typer's type tags, and usage
    errors said in one line (`_usage_line`), exit status 2."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any) -> Any:
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except NoArgsIsHelpError:
            raise
        except UsageError as err:
            fail(_usage_line(err, info_name or self.name or "synopsis"))
        except OSError as err:  # --version (or help without rich) into a closed pipe: as any output
            if is_closed_pipe(err):
                end_on_closed_pipe()
            raise

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _help_into_closed_pipe(super().format_help, ctx, formatter)

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except NoArgsIsHelpError:
            raise
        except UsageError as err:
            fail(_usage_line(err, " ".join(filter(None, [ctx.command_path, ctx.invoked_subcommand]))))
        except OSError as err:
            # Here, before click's own handler makes a closed pipe exit status 1 (`end_on_closed_pipe`).
            if is_closed_pipe(err):
                end_on_closed_pipe()
            raise

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        return _plain_params(command) if command is not None else None

    def get_params(self, ctx: Any) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            _adjust(param)
        return params


app = typer.Typer(
    name="synopsis",
    cls=_PlainGroup,
    help="Abstract-length extractive summaries of long scholarly articles, with spans back into the input.",
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},  # -h as most CLIs take it; no option uses it
    rich_markup_mode="markdown",
    pretty_exceptions_enable=False,
)

# Exit codes: 0 all fine; 1 some input could not be processed (each said on stderr); 2 usage error.
EXIT_INPUT = 1
EXIT_USAGE = 2
# The output's reader went away (`synopsis summarize many.jsonl | head -1`): 128 + SIGPIPE, what a
# shell reports for a command SIGPIPE ended (`cat` gives it), which `set -o pipefail` scripts know.
EXIT_CLOSED_PIPE = 141


def end_on_closed_pipe() -> NoReturn:
    """End quietly with `EXIT_CLOSED_PIPE`: no traceback, no line (the reader asked for no more).
    What stdout still holds goes to /dev/null, or Python's last flush would say "Exception ignored
    ... BrokenPipeError" on stderr. Was: click's exit status 1, which README gives input errors."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no file descriptor (a test's captured stdout)
        pass
    raise SystemExit(EXIT_CLOSED_PIPE)


def output_console(**options: Any) -> Console:
    """A rich Console on stdout whose closed pipe ends as the other outputs' do (`end_on_closed_pipe`)
    rather than by rich's own `on_broken_pipe`, which exits with status 1 (rich is imported here, not
    at the top: commands that print no table start faster)."""
    from rich.console import Console as RichConsole

    class OutputConsole(RichConsole):
        def on_broken_pipe(self) -> None:
            self.quiet = True
            end_on_closed_pipe()

    return OutputConsole(**options)


def is_closed_pipe(err: BaseException) -> bool:
    """Whether `err` is a write to a pipe whose reader closed it (EPIPE)."""
    return isinstance(err, OSError) and err.errno == errno.EPIPE


def stdout_is_unicode() -> bool:
    """Whether stdout takes every character: a UTF encoding, not the ASCII of a C locale (with
    PYTHONUTF8=0) or a Latin-1 one."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        return codecs.lookup(encoding).name.startswith("utf")
    except LookupError:
        return False


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _json_escape(match: re.Match[str]) -> str:
    return json.dumps(match.group())[1:-1]  # "\u00e9"; a character beyond U+FFFF as its surrogate pair


def write_stdout(text: str, *, json_lines: bool = False) -> None:
    """Write a result to stdout. JSON to a stdout that cannot take every character (a C or Latin-1
    locale) has its non-ASCII characters as JSON's backslash-u escapes, so that it stays valid JSON
    that means the same; other text gets the escapes `main` set up (`escape_unencodable`)."""
    if json_lines and not stdout_is_unicode():
        text = _NON_ASCII.sub(_json_escape, text)
    elif json_lines:
        # a file name's undecodable byte (a lone surrogate in an id) as JSON's escape, as batch
        # writes it: written back as the raw byte, the line was no valid UTF-8 for a JSON reader
        text = _LONE_SURROGATE.sub(_json_escape, text)
    sys.stdout.write(text)
    sys.stdout.flush()


def escape_unencodable(err: UnicodeError) -> tuple[str | bytes, int]:
    """Error handler of a stdout that cannot take every character: a file name's undecodable bytes
    (lone surrogates U+DC80..U+DCFF) are written back as they were, as Python's surrogateescape does;
    other characters as backslash escapes (as on stderr) instead of a UnicodeEncodeError traceback
    after part of the output."""
    if not isinstance(err, UnicodeEncodeError):
        raise err
    char = err.object[err.start]  # one character at a time: a file name's byte beside a "€"
    if 0xDC80 <= ord(char) <= 0xDCFF:
        return bytes([ord(char) - 0xDC00]), err.start + 1
    return char.encode("ascii", "backslashreplace").decode("ascii"), err.start + 1


def report(message: str) -> None:
    """One line on stderr, prefixed so it stands out in a pipeline's log (a line break in a file
    name or an id is written as its escape, `one_line`)."""
    print(f"synopsis: {one_line(message)}", file=sys.stderr, flush=True)


LANG_HELP = (
    "Language of the articles: auto (detect per article) or an ISO 639-1 or 639-2 code (de, deu, ger), any case,"
    " region ignored"
    f" ({', '.join(supported_codes())}; others: neutral settings)."
)


def checked_lang(lang: str) -> str:
    """A valid --lang value, or exit with one line saying what is accepted."""
    from ..language import check_lang_option

    try:
        return check_lang_option(lang)
    except InputError as err:
        fail(f"--lang: {err.message}")


MODEL_HELP = (
    "A model file made by `synopsis train`, instead of the one shipped in the package"
    " (for the trained methods: auto, reranked, supervised)."
)


def checked_model(model: str | None, method: str, *, named: str = "--model") -> tuple[tuple[str, str], ...]:
    """The scorer parameters that make `method` use --model (none when not given), or exit with one
    line saying why the file cannot serve: unreadable, not a model of this version, or a method
    that uses no model. Checked once here, so a run does not fail on every document. `named` is
    what set the file (an environment variable, for `serve`)."""
    from ..scorers.learned import model_params

    if model is None:
        return ()
    if not model.strip():
        fail(f"{named} needs a model file (made by `synopsis train`)")
    try:
        return model_params(model, method)
    except MethodError as err:
        fail(f"{named}: {err}")


def unknown_output(output: str, outputs: Sequence[str]) -> NoReturn:
    """Refuse an --output that is no output kind; one that looks like a file name (`-o out.json`,
    what -o means in `batch`) is told how to write a file, as these commands write to stdout."""
    line = f"unknown output {output!r}; choose one of {', '.join(outputs)}"
    if "." in output or "/" in output:
        path = Path(output)
        suffix, stem = path.suffix.lstrip(".").lower(), path.stem.lower()
        if suffix in ("parquet", "pq"):
            line += f" (-o names what to write, not a file; a Parquet file is what `synopsis batch ... -o {output}` writes)"
            fail(line)
        # "-o scores.jsonl" meant the scores; "-o out.json" JSON; anything else the default text.
        kind = stem if stem in outputs else "json" if suffix in ("json", "jsonl") and "json" in outputs else outputs[0]
        line += f" (-o names what to write, not a file: -o {kind} > {output})"
    fail(line)


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    report(message)
    raise typer.Exit(code)


# Places named in a line that stands for many records; the rest are counted.
LISTED_PLACES = 10


class NoTextField:
    """Records without the --text-field field, said in one line for the run rather than one per
    record: a mistyped field misses it in every record, and thousands of identical lines hide the
    fix. Holds the count and the first `LISTED_PLACES` places, so a corpus of millions costs nothing."""

    def __init__(self, field: str) -> None:
        self.field = field
        self.count = 0
        self.places: list[str] = []
        self.source: str | None = None  # the first input with such a record, named by `none_line`
        self.fields: tuple[str, ...] = ()  # the fields of the first such record: what --text-field could be
        self.more_sources = False  # such records in other inputs too

    def take(self, error: InputError) -> bool:
        """Whether `error` is such a record (then counted here, for `report`)."""
        if error.setting != "text_field":
            return False
        if not self.count:
            self.source, self.fields = error.source, error.fields
        self.more_sources = self.more_sources or error.source != self.source
        self.count += 1
        if len(self.places) < LISTED_PLACES:  # "a.json:1 item 2": items of a one-line array told apart
            self.places.append(error.where + (f" item {error.item}" if error.item is not None else ""))
        return True

    @property
    def fix(self) -> str:
        return f"set the text field with --text-field (now {self.field})"

    def none_line(self) -> str:
        """The line for a run in which no record had the field, starting with the first input's name
        (as an error line does); a dotted name ("content.body") is not read as a path into nested
        objects, which a user may have meant, so the line says so; the first record's fields show
        what the field could be."""
        where = f"{self.source}{' (and other inputs)' if self.more_sources else ''}: " if self.source else ""
        notes = []
        if "." in self.field:
            notes.append("nested fields are not read: the text must be a top-level field")
        if self.fields:
            shown = ", ".join(repr(name) for name in self.fields[:LISTED_PLACES])
            more = f", ... ({len(self.fields) - LISTED_PLACES:,} more)" if len(self.fields) > LISTED_PLACES else ""
            notes.append(f"the first record's fields are {shown}{more}")
        note = f" ({'; '.join(notes)})" if notes else ""
        return f"{where}none of the {counted(self.count, 'record')} read has a {self.field!r} field{note}: {self.fix}"

    def report(self, read: int, skipped: str = "skipped") -> None:
        """Say the records without the field (`read`: the articles read well): when there were none
        but those, the run ends there with exit status 1, as nothing was done."""
        if not self.count:
            return
        if not read:
            fail(self.none_line(), EXIT_INPUT)
        report(self.line(skipped))

    def line(self, skipped: str = "skipped") -> str:
        """The line for a run in which some records had the field: how many lacked it, and where."""
        more = f", ... ({self.count - len(self.places):,} more)" if self.count > len(self.places) else ""
        return (
            f"{skipped} {counted(self.count, 'record')} without a {self.field!r} field ({self.fix}):"
            f" {', '.join(self.places)}{more}"
        )


def check_stdin_once(inputs: Sequence[str], what: str = "INPUT") -> None:
    """Refuse stdin (-) named twice, before any work: the first read empties it, so the second
    said "<stdin>: is empty" and exit 1 after a good summary."""
    if sum(path == "-" for path in inputs) > 1:
        fail(f"{what} names stdin (-) more than once; it can be read only once")


def check_not_an_input(out: Path, inputs: Sequence[str], *, shown: str, what: str, option: str = "-o") -> None:
    """Refuse an -o (or another `option` naming an output) that is one of the inputs (the same
    file, by any path): writing `what` there would destroy what the run reads. `shown` is the path
    as the user wrote it."""
    if out.exists() and any(Path(path).exists() and os.path.samefile(path, out) for path in inputs):
        fail(f"{option} {shown} is also an input; write {what} elsewhere")


def check_writable(output: Path, shown: str, option: str = "-o") -> None:
    """Refuse an -o (or another `option` naming an output file) that cannot be written, before any
    work rather than in an OSError line after it (after minutes of training): a file where a folder
    of its path must be (the missing folders are created), a folder or file without write
    permission, or a folder where no file can be made whatever the permissions say (/proc, a
    read-only mount: root passes every `os.access` check). All are usage errors (exit status 2),
    as the option is what is wrong. `shown` is the path as the user wrote it."""
    folder = output.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir():
        fail(f"{option} {shown}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK) or (output.exists() and not os.access(output, os.W_OK)):
        fail(f"{option} {shown}: permission denied (cannot write {output if output.exists() else folder})")
    if not output.exists() and (problem := _cannot_create_in(folder)):
        fail(f"{option} {shown}: cannot create a file in {folder} ({problem})")


def _cannot_create_in(folder: Path) -> str | None:
    """Why no file can be created in `folder` (the OS's reason), or None when one can: tried with
    an unnamed temporary file, which leaves nothing behind."""
    import tempfile

    try:
        with tempfile.TemporaryFile(dir=folder):
            return None
    except OSError as err:
        return err.strerror or str(err)


def checked_budget(method: str, words: int | None, sentences: int | None) -> Budget:
    """The budget the options ask for (`Budget.of`: 200 words unless told otherwise), the method checked too."""
    check_whole(words=words, sentences=sentences)
    try:
        usable_method(method)
        return Budget.of(words, sentences)
    except (ValueError, MethodError) as err:
        fail(str(err))


def option_name(name: str) -> str:
    """How the CLI spells a parameter (`max_pdf_mb` -> `--max-pdf-mb`), so every refusal names the flag typed."""
    return f"--{name.replace('_', '-')}"


def check_whole(least: int = 1, most: int | None = None, /, **values: int | None) -> None:
    """Refuse an option that must be a whole number of at least `least`, and of at most `most` where
    one is given (a count of work: a huge value ran until killed), named as the CLI names it; None
    is an option not given, where the default applies."""
    for name, value in values.items():
        problem = None if value is None else whole_number_problem(value, least)
        if problem:
            fail(f"{option_name(name)} {problem}")
        if most is not None and value is not None and value > most:
            fail(f"{option_name(name)} must be at most {most:,}, got {value:,}")


def checked_encoding(encoding: str | None) -> str | None:
    """A usable --encoding (None: not given), or exit 2 with one line before any input is read."""
    problem = None if encoding is None else encoding_problem(encoding)
    if problem:
        fail(f"--encoding {problem}")
    return encoding


def check_positive(**values: float | None) -> None:
    """Refuse a number option that must be finite and above 0 (a limit, a time): 0 or less is no
    limit at all, and nan or inf would pass as one or end in a traceback further on."""
    for name, value in values.items():
        if value is not None and not (math.isfinite(value) and value > 0):
            fail(f"{option_name(name)} must be a finite number above 0, got {value:g}")


def check_finite(**values: float | None) -> None:
    """Refuse nan and inf, which a check such as `> 0` lets through (inf) or words oddly (nan)."""
    for name, value in values.items():
        if value is not None and not math.isfinite(value):
            fail(f"{option_name(name)} must be a finite number, got {value:g}")


def megabytes(name: str, value: float | None) -> int | None:
    """Bytes for a size option given in megabytes (None: not given), refused unless it is at least
    one byte and finite, so that `inf`, `nan`, 0 and negatives are usage errors, not a 1-byte limit."""
    if value is None:
        return None
    check_positive(**{name: value})
    size = value * 1_000_000
    if not math.isfinite(size):
        fail(f"{option_name(name)} is too large, got {value:g}")
    if round(size) < 1:
        fail(f"{option_name(name)} must be at least 0.000001 (one byte), got {value:g}")
    return round(size)  # 4.35 MB is 4,350,000 bytes, not int()'s 4,349,999


def _version(value: bool) -> None:
    if value:
        print(f"synopsis {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version and exit."),
) -> None:
    """Abstract-length extractive summaries of long scholarly articles."""


def interrupt(signum: int, frame: FrameType | None) -> None:
    """A signal handler for SIGTERM (a cluster scheduler's stop, `timeout`): stop as Ctrl-C stops,
    so the command says what it kept and exits 130, instead of dying silently with 143."""
    raise KeyboardInterrupt
