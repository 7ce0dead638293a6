"""The `synopsis` command. Each subcommand lives in its own module and only parses options,
calls library functions and prints; no summarization logic lives here."""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys
from typing import Any

from ..errors import MissingExtra
from .app import (
    EXIT_INPUT,
    EXIT_USAGE,
    app,
    end_on_closed_pipe,
    escape_unencodable,
    is_closed_pipe,
    report,
    stdout_is_unicode,
)

# Importing a command module registers its subcommand on `app`.
from . import batch, evaluate, extract, methods, serve, summarize, train  # noqa: F401  isort: skip


# Errors of writing out (stdout to a full disk or /dev/full, a read-only or vanished mount): the
# output cannot be written, which no input or option caused. A closed pipe (EPIPE: `| head`) ends
# quietly with exit status 141 (`app.end_on_closed_pipe`).
_WRITE_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO, errno.EROFS, errno.EBADF})


def main() -> None:
    """Run the command; a missing optional extra ends any command the same way: one line, exit 2;
    output that cannot be written (a full disk) in one line too, exit 1, not a traceback."""
    _tolerant_stdout()
    _tolerant_stderr()
    try:
        try:
            app()
        finally:
            _last_flush()
    except MissingExtra as err:
        report(str(err))
        raise SystemExit(EXIT_USAGE) from None
    except OSError as err:
        if err.errno not in _WRITE_ERRORS:
            raise
        if err.filename:  # a named file: EIO and EBADF may come from reading it as well
            report(f"{err.filename}: cannot be read or written: {err.strerror or err}")
        else:
            report(f"cannot write the output: {err.strerror or err}")
        raise SystemExit(EXIT_INPUT) from None


def _last_flush() -> None:
    """Write out what stdout still holds now, so that a reader gone by then ends the command as one
    gone earlier does (exit status 141, quietly), not in Python's "Exception ignored ...
    BrokenPipeError" at exit (status 120)."""
    if sys.stdout is None:  # started with stdout closed (`>&-`): nothing to flush
        return
    try:
        sys.stdout.flush()
    except OSError as err:
        if is_closed_pipe(err):
            end_on_closed_pipe()
        # Any other error (a full disk) is left as it was: said where the command met it, not in
        # place of what it raised.
    except ValueError:  # stdout closed by the command
        pass


class _ClosedStdout(io.TextIOBase):
    """The standard output a command was started without (`>&-`): writing to it fails as writing to
    a closed descriptor does (EBADF), which `main` says in one line, exit 1, as any output that
    cannot be written; a command that writes nothing there (`batch -o`, `extract -d`) runs as it
    would. Was: an AttributeError traceback ('NoneType' object has no attribute 'write')."""

    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


def _tolerant_stdout() -> None:
    """A stdout that cannot take every character (a C locale with PYTHONUTF8=0, a Latin-1 locale)
    escapes what it cannot take (`escape_unencodable`) instead of ending the run with a
    UnicodeEncodeError traceback at the first summary sentence with an accent in it; a strict
    UTF-8 one writes a file name's undecodable bytes back (a review: it crashed on them)."""
    if sys.stdout is None and sys.__stdout__ is None:  # started without descriptor 1
        _hold_with_devnull(1)
        sys.stdout = _ClosedStdout()
        return
    errors = getattr(sys.stdout, "errors", None)
    if not hasattr(sys.stdout, "reconfigure") or errors not in ("strict", "surrogateescape"):
        return  # the user's own choice (PYTHONIOENCODING=ascii:replace) stands
    if stdout_is_unicode() and errors == "surrogateescape":
        return  # UTF-8 writes every character and a file name's bytes back as they were
    codecs.register_error("synopsis-stdout", escape_unencodable)
    sys.stdout.reconfigure(errors="synopsis-stdout")


# A stderr that cannot take a line: no reader (EPIPE), no descriptor open for writing (EBADF), or
# full or failing (a review: `2>/dev/full` left the rest of a run undone); stderr is diagnostics only.
_UNHEARD = frozenset((errno.EPIPE, errno.EBADF, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO))


class _UnheardStderr(io.FileIO):
    """Standard error's file descriptor, whose writes no one can read are dropped: a pipe whose
    reader is gone (EPIPE), or a descriptor not open for writing (EBADF: `2>&-` under a wrapper
    script, such as pyenv's, which leaves its own script open there)."""

    def write(self, data: Any) -> int:
        try:
            return super().write(data)
        except OSError as err:
            if err.errno not in _UNHEARD:
                raise
            return memoryview(data).nbytes


def _tolerant_stderr() -> None:
    """A stderr no one reads (closed: `2>&-`; a pipe whose reader is gone) loses its lines and
    nothing else: the command does its work and ends with its own exit status (0, or 1 where an
    input failed), where a closed stdout ends it with 141, its results having nowhere to go. Was: the
    first warning ended the run with 141 (the rest left undone); under `2>&-` (no stderr at all)
    the error lines went to stdout, among the results, and a file opened later could be given
    descriptor 2. A test's captured stderr (not the process's) is left as it is."""
    if sys.stderr is not sys.__stderr__:
        return
    encoding, errors = "utf-8", "backslashreplace"
    if sys.stderr is None:  # started without descriptor 2
        _hold_with_devnull(2)
    else:
        sys.stderr.flush()
        encoding, errors = sys.stderr.encoding, sys.stderr.errors or errors
    raw = _UnheardStderr(2, "w", closefd=False)
    sys.stderr = io.TextIOWrapper(raw, encoding=encoding, errors=errors, line_buffering=True, write_through=True)


def _hold_with_devnull(descriptor: int) -> None:
    """/dev/null on a standard descriptor the process was started without, inheritable as the
    standard ones are: no file opened later (here or in a worker it starts) is given that number,
    so no output meant for stdout or stderr lands in it (a review: os.open's descriptor is not
    inherited, and the workers started without one)."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    if devnull != descriptor:
        os.dup2(devnull, descriptor)  # dup2 makes an inheritable one
        os.close(devnull)
    else:
        os.set_inheritable(descriptor, True)


__all__ = ["app", "main"]
