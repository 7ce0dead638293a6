"""What every engine does around the work: open OUT for resuming, check the options match the
rows already there, and describe the outcome."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputError, MethodError, SynopsisError, counted
from ..language import AUTO, ENGLISH, check_lang_option
from ..scorers import get_method, usable_method
from .files import write_atomically
from .parts import PartsDir
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
        check_compatible(recovered, options, target.journal)
        record_model, unchecked = check_model_record(recovered, options, target)
        if engine_check is not None:
            engine_check(recovered)
    except SinkError:
        sink.close()
        raise
    if unchecked:
        reporter.warn(unchecked)
    if record_model:
        write_model_record(target.out, options)
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


def check_compatible(recovered: Recovered, options: BatchOptions, path: Path) -> None:
    """Refuse to mix summaries made with other options into one OUT: each row already there must be
    what this run would write for its article, as far as a row tells (docs/batch.md says how far;
    the model file's contents are in `OUT.model.json`, see `check_model_record`)."""
    try:
        usable_method(options.method)  # an unknown method or a missing extra: said before anything else
        lang = check_lang_option(options.lang)
    except (MethodError, InputError) as err:
        raise SinkError(str(err)) from None
    if recovered.first_summary is None:
        return
    check_languages(list(recovered.by_language), lang, path)
    budget = options.budget.as_dict()
    several = len(recovered.by_language) > 1
    model = dict(options.params).get("model", "")
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


def _row_model(row: Mapping[str, Any]) -> str | None:
    """The model file a summary row was made with ("" the shipped one), None for a method without one."""
    params = row.get("params")
    model = params.get("model") if isinstance(params, Mapping) else None
    return model if isinstance(model, str) else None


def model_record_path(out: Path) -> Path:
    """`OUT.model.json`: the SHA-256 of the --model file OUT's rows were made with. Beside OUT, not
    in the rows: a row stays what `synopsis summarize --output json` prints."""
    return out.with_name(out.name + ".model.json")


def check_model_record(recovered: Recovered, options: BatchOptions, target: OutputTarget) -> tuple[bool, str | None]:
    """Refuse rows made with other contents of the --model file (retrained in place keeps its path,
    which `check_compatible` compares). Returns whether to (re)write `OUT.model.json` and a warning
    for rows written by an earlier version, which recorded no digest: they resume unchecked once,
    and the record written now catches the next retraining. Without --model nothing is recorded."""
    if not options.model_sha256:
        return False, None
    if not any(_row_model(row) for row in recovered.by_language.values()):
        return True, None  # no rows made with a model (OUT new or deleted): the record starts over
    path = model_record_path(target.out)
    recorded = _read_model_record(path)
    model = dict(options.params).get("model", "")
    if recorded is None:
        return True, (
            f"warning: {path} is missing (rows of an earlier version, which did not record it): resuming without"
            f" checking that {model} is still the model {target.out}'s rows were made with; recorded now, so the next"
            " run checks it"
        )
    if recorded != options.model_sha256:
        afresh = [target.out, target.journal, PartsDir(target.out).path]
        existing = " and ".join(f"{p}/" if p.is_dir() else str(p) for p in dict.fromkeys(afresh) if p.exists())
        raise SinkError(
            f"{target.out} holds summaries made with other contents of the model {model} (SHA-256 {recorded[:12]}...,"
            f" now {options.model_sha256[:12]}...: retrained or replaced); resume with the model they were made with,"
            f" or start afresh: delete {existing} or write to another -o"
        )
    return False, None


def _read_model_record(path: Path) -> str | None:
    """The digest `path` records; None when there is no record."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as err:
        raise SinkError(f"{path}: cannot be read ({err.strerror or err}); it records the --model file's SHA-256") from None
    try:
        digest = json.loads(text).get("sha256")
    except (ValueError, AttributeError):
        digest = None
    if not isinstance(digest, str):
        raise SinkError(f"{path}: not the record of a --model file's SHA-256 that synopsis batch writes; delete it to resume")
    return digest


def write_model_record(out: Path, options: BatchOptions) -> None:
    """Record the --model file's path and SHA-256 beside OUT, whole or not at all."""
    record = {"model": dict(options.params).get("model", ""), "sha256": options.model_sha256}
    write_atomically(model_record_path(out), json.dumps(record) + "\n")


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
