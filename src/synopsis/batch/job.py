"""What every engine does around the work: open OUT for resuming, check the options match the
rows already there, and describe the outcome."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, MethodError, SynopsisError, counted
from ..language import AUTO, ENGLISH, check_lang_option
from ..scorers import get_method, usable_method
from .progress import Reporter
from .sink import JsonlSink, OutputTarget, Recovered, SinkError
from .work import BatchOptions, Counts


@dataclass(slots=True)
class RunResult:
    """The outcome of a run; `complete` is False when it was interrupted or some partition failed."""

    out: str
    counts: Counts = field(default_factory=Counts)
    seconds: float = 0.0
    complete: bool = True
    problems: list[str] = field(default_factory=list)
    earlier_errors: int = 0  # error rows an earlier run left in OUT (their ids are skipped, not retried)

    @property
    def rate(self) -> float:
        return self.counts.written / self.seconds if self.seconds > 0 else 0.0

    def summary_line(self) -> str:
        c = self.counts
        state = "" if self.complete else "INCOMPLETE (run the same command again to resume): "
        duplicates = f", {counted(c.duplicates, 'duplicate id')} left out" if c.duplicates else ""
        over = f", {c.over_budget} over their word budget (no whole sentence fits)" if c.over_budget else ""
        why = "an unsupported language, PDF pages not read, punctuation missing"
        warned = f", {c.warned} with a warning in their row ({why})" if c.warned else ""
        earlier = (
            f"; {self.out} still holds {counted(self.earlier_errors, 'error row')} from an earlier run"
            " (--retry-failed tries them again)"
            if self.earlier_errors
            else ""
        )
        # A rate of rows that were only errors (or of none) reads as speed where nothing was done.
        rate = f", {self.rate:.1f} docs/s" if c.summarized else ""
        return (
            f"batch: {state}{c.summarized} done, {c.skipped} skipped (already in the output), {c.failed} failed"
            f"{over}{warned}{duplicates}; {self.seconds:.1f} s{rate} -> {self.out}{earlier}"
        )


class BatchError(SynopsisError):
    """The run cannot go on (workers cannot start, a partition keeps failing); what is written stays."""


class Interrupted(Exception):
    """Ctrl-C or SIGTERM: what was written is safe, and a re-run resumes."""

    def __init__(self, result: RunResult) -> None:
        super().__init__("interrupted")
        self.result = result


def open_output(
    out: str,
    options: BatchOptions,
    *,
    retry_failed: bool,
    reporter: Reporter,
    base_rows: int = 0,
    before_recovery: Callable[[], None] | None = None,
    engine_check: Callable[[Recovered], None] | None = None,
) -> tuple[OutputTarget, JsonlSink]:
    """OUT ready to append to: locked, damaged tail cut, earlier rows known, options checked (also
    by `engine_check`, the engine's own state, before anything is said about resuming)."""
    target = OutputTarget(out)
    target.prepare()
    sink = JsonlSink(target.journal, base_rows=base_rows, drop_errors=retry_failed, before_recovery=before_recovery)
    recovered = sink.recovered
    try:
        unchecked = check_compatible(recovered, options, target.journal)
        if engine_check is not None:
            engine_check(recovered)
    except SinkError:
        sink.close()
        raise
    if unchecked:
        reporter.warn(unchecked)
    if sink.dropped:
        again = "that document is" if sink.dropped == 1 else "those documents are"
        reporter.warn(f"{target.journal}: {counted(sink.dropped, 'error row')} removed; {again} tried again")
    if recovered.cut_bytes:
        cut = counted(recovered.cut_bytes, "byte")
        reporter.warn(f"{target.journal}: cut {cut} of a half-written last row (a crash's doing)")
    if recovered.rows:
        kept = "is kept and its id" if recovered.rows == 1 else "are kept and their ids"
        reporter.warn(f"{target.journal}: resuming; its {counted(recovered.rows, 'row')} {kept} skipped")
    return target, sink


def check_compatible(recovered: Recovered, options: BatchOptions, path: Path) -> str | None:
    """Refuse to mix summaries made with other options into one OUT: each row already there must be
    what this run would write for its article, as far as a row tells (docs/batch.md says how far).
    Returns the warning for rows whose model file's contents cannot be compared (written before
    rows recorded its SHA-256), None when all was checked."""
    try:
        usable_method(options.method)  # an unknown method or a missing extra: said before anything else
        lang = check_lang_option(options.lang)
    except (MethodError, InputError) as err:
        raise SinkError(str(err)) from None
    if recovered.first_summary is None:
        return None
    check_languages(list(recovered.by_language), lang, path)
    budget = options.budget.as_dict()
    several = len(recovered.by_language) > 1
    model = dict(options.params).get("model", "")
    unchecked = None
    for language, row in recovered.by_language.items():
        method = get_method(options.method, language=language).name  # `auto` depends on the language
        where = f" for articles read as {language}" if several or language != ENGLISH else ""
        if row.get("method") != method or row.get("budget") != budget:
            raise SinkError(
                f"{path} holds summaries made with method {row.get('method')} and budget {row.get('budget')}{where}, "
                f"not {method} and {budget}; resume with the same options or write to another -o"
            )
        made_with = _row_model(row)
        if made_with is not None and made_with != model:
            raise SinkError(
                f"{path} holds summaries made with {_model_words(made_with)}{where}, not {_model_words(model)}; "
                "resume with the same --model or write to another -o"
            )
        recorded = _row_digest(row) if made_with else ""
        if recorded is None and options.model_sha256:
            unchecked = (
                f"warning: {path}'s rows do not record their model file's SHA-256 (written by an earlier version):"
                f" resuming without checking that {made_with} is still the model they were made with"
            )
        elif recorded and options.model_sha256 and recorded != options.model_sha256:
            raise SinkError(
                f"{path} holds summaries made with other contents of the model {made_with}{where} (SHA-256"
                f" {recorded[:12]}..., now {options.model_sha256[:12]}...: retrained or replaced); resume with the model"
                f" they were made with, or start afresh: delete {path} or write to another -o"
            )
    return unchecked


def _row_model(row: Mapping[str, Any]) -> str | None:
    """The model file a summary row was made with ("" the shipped one), None for a method without one."""
    params = row.get("params")
    model = params.get("model") if isinstance(params, Mapping) else None
    return model if isinstance(model, str) else None


def _row_digest(row: Mapping[str, Any]) -> str | None:
    """The SHA-256 of the model file a summary row was made with; None for a row without one."""
    params = row.get("params")
    digest = params.get("model_sha256") if isinstance(params, Mapping) else None
    return digest if isinstance(digest, str) else None


def _model_words(model: str) -> str:
    return f"the model {model}" if model else "the shipped model"


def check_languages(languages: Sequence[str], lang: str, path: Path) -> None:
    """With --lang naming a language every row must have been read in it; with --lang auto any mix
    can be right (a row does not say whether its language was detected or forced)."""
    others = [language for language in languages if language != lang]
    if lang == AUTO or not others:
        return
    raise SinkError(
        f"{path} holds summaries of articles read as {', '.join(others)}, not {lang}; "
        "resume with the same --lang or write to another -o"
    )
