"""Progress of a batch run: a rich bar on a terminal, a periodic line in a log, or nothing.

Progress is measured in input bytes, which are known before anything is read (file sizes), so the
ETA needs no counting pass over the corpus; documents skipped on resume take their bytes off the
total instead of adding to the done part, so the ETA reflects the work that is left.
"""

from __future__ import annotations

import sys
import threading
import time
from datetime import timedelta

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn, TimeRemainingColumn

from ..errors import counted, one_line

# Per-document warnings (duplicate ids) beyond this many are counted in the final line only.
MAX_WARNINGS = 20


class Reporter:
    """Counts and warnings; subclasses show them. The base shows nothing (for tests and the API)."""

    def __init__(self) -> None:
        self.docs = 0
        self.failed = 0
        self.done_bytes = 0
        self.total_bytes: int | None = None
        self.passed_bytes = 0
        self.warnings: list[str] = []
        self.warned = 0
        self.started = time.monotonic()
        self._lock = threading.Lock()

    def start(self) -> None:
        self.started = time.monotonic()

    def set_total(self, total_bytes: int) -> None:
        with self._lock:
            self.total_bytes = total_bytes
        self._refresh()

    def advance(self, *, docs: int, failed: int, size: int) -> None:
        with self._lock:
            self.docs += docs
            self.failed += failed
            self.done_bytes += size
        self._refresh()

    def passed(self, size: int) -> None:
        """Input that needs no work (already in OUT, or a duplicate)."""
        with self._lock:
            self.passed_bytes += size
        self._refresh()

    def warn(self, message: str) -> None:
        """Show the first warnings; keep no more than those (a corpus may have millions of duplicates)."""
        self.warned += 1
        if self.warned <= MAX_WARNINGS:
            self.warnings.append(message)
            self._show(message)
        elif self.warned == MAX_WARNINGS + 1:
            self._show(f"(more than {MAX_WARNINGS} warnings: the rest are counted in the final line, not listed)")

    def stop(self) -> None:
        pass

    @property
    def rate(self) -> float:
        elapsed = time.monotonic() - self.started
        return self.docs / elapsed if elapsed > 0 else 0.0

    @property
    def remaining_total(self) -> int | None:
        return None if self.total_bytes is None else max(self.done_bytes, self.total_bytes - self.passed_bytes)

    def _refresh(self) -> None:
        pass

    def _show(self, message: str) -> None:
        pass


class StderrReporter(Reporter):
    """Warnings on stderr, and a progress line every `every` seconds (for logs and pipes)."""

    def __init__(self, every: float = 30.0) -> None:
        super().__init__()
        self.every = every
        self._last = time.monotonic()

    def _show(self, message: str) -> None:
        print(f"synopsis: {one_line(message)}", file=sys.stderr, flush=True)

    def _refresh(self) -> None:
        now = time.monotonic()
        if now - self._last < self.every:
            return
        self._last = now
        total = self.remaining_total
        share = f"{100 * self.done_bytes / total:.0f}%, " if total else ""
        eta = ""
        if total and self.done_bytes:
            seconds = (now - self.started) * (total - self.done_bytes) / self.done_bytes
            eta = f", ETA {timedelta(seconds=round(seconds))}"
        self._show(f"batch: {share}{counted(self.docs, 'doc')}, {self.rate:.1f} docs/s, {counted(self.failed, 'error')}{eta}")


class RichReporter(Reporter):
    """A live bar on the terminal: share done, docs, docs/s, errors so far, ETA."""

    def __init__(self, console: Console | None = None) -> None:
        super().__init__()
        self.console = console or Console(stderr=True)
        self._progress = Progress(
            TextColumn("[bold]batch"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.fields[docs]}"),
            TextColumn("{task.fields[rate]:.1f} docs/s"),
            TextColumn("{task.fields[failed]}"),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=self.console,
            transient=False,
            speed_estimate_period=60.0,
        )
        self._task = self._progress.add_task("batch", total=None, docs="0 docs", rate=0.0, failed="0 errors", start=False)

    def start(self) -> None:
        super().start()
        self._progress.start()
        self._progress.start_task(self._task)

    def stop(self) -> None:
        self._refresh()
        self._progress.stop()

    def _refresh(self) -> None:
        self._progress.update(
            self._task,
            completed=self.done_bytes,
            total=self.remaining_total,
            docs=counted(self.docs, "doc"),
            rate=self.rate,
            failed=counted(self.failed, "error"),
        )

    def _show(self, message: str) -> None:
        self._progress.console.print(f"synopsis: {one_line(message)}", markup=False, highlight=False)


def reporter_for(show_progress: bool | None) -> Reporter:
    """None: a bar on a terminal, a line every 30 s in a log; False: warnings only."""
    if show_progress is False:
        return StderrReporter(every=float("inf"))
    if sys.stderr.isatty():
        return RichReporter()
    return StderrReporter(every=30.0)
