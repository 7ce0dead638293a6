"""`synopsis train`: fit the supervised sentence scorer and the summary reranker, and write their JSON model file."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import os
import shlex
import signal
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import typer

from ..errors import InputError, MissingExtra
from ..ingest import STDIN, JsonlFields, absent, read_articles
from ..types import Article
from .app import (
    EXIT_INPUT,
    NoTextField,
    app,
    check_not_an_input,
    check_stdin_once,
    check_whole,
    check_writable,
    checked_encoding,
    counted,
    fail,
    interrupt,
    names_for,
    report,
)

if TYPE_CHECKING:
    from ..scorers.learned import TreeModel
    from ..train import Example

# How many ids a line about articles left out names (all are counted).
LISTED_IDS = 10
EXIT_INTERRUPTED = 130
# The most --rounds: 33 times the tuned 300 (docs/model-card.md), hours on the dev corpora; a larger
# value (a typo, 99999999999999999999) ran until killed.
MOST_ROUNDS = 10_000


@app.command("train")
def train_command(
    data: list[str] = typer.Argument(..., metavar="DATA...", help="Articles with author abstracts (JSONL, records)."),
    output: Path = typer.Option(..., "--output", "-o", help="Where to write the model (JSON)."),
    exclude_source: list[str] = typer.Option(
        [], metavar="TEXT", help="Leave out articles whose `source` field contains this, in any case (repeatable)."
    ),
    rounds: int | None = typer.Option(None, help=f"Boosting rounds, 1 to {MOST_ROUNDS:,} [default: the tuned value]."),
    text_field: str = typer.Option("full_text", help="JSONL field with the article text."),
    abstract_field: str = typer.Option("abstract", help="JSONL field with the author abstract (the training target)."),
    encoding: str | None = typer.Option(
        None, help="Encoding of text inputs when not UTF-8 (e.g. cp1252); never guessed. A byte-order mark wins where it decodes."
    ),
) -> None:
    """Train a model for --model (the trained methods' trees and reranker) on articles with abstracts.

    The same DATA, in the same order, and options always give the same model. Articles without an
    abstract, and repeats of an article already read (same text and abstract), are left out (one
    line says how many; articles of different texts that share one abstract, a placeholder, are
    named in a warning); the model records the command that rebuilds it (from stdin, DATA -, only
    the same bytes rebuild it: the model records their SHA-256). It takes
    at least 2 articles; a few hundred make a useful model. Exit status: 0 trained; 1 some input
    could not be read (the model is still written) or nothing to train on; 2 usage error; 130
    interrupted by Ctrl-C or SIGTERM (no model written). The shipped model was made with `synopsis train
    ../shared/data/dev/*.jsonl -o src/synopsis/data/supervised.json`.
    """
    from ..workers import signal_handled  # here: other commands start without it

    # The handler is set first: the checks and the imports of LightGBM and scikit-learn below take
    # seconds, and a SIGTERM then ended the run with status 143 and not a word.
    try:
        with signal_handled(signal.SIGTERM, interrupt):  # a scheduler's stop, as Ctrl-C: one line, exit 130, no model
            check_whole(1, MOST_ROUNDS, rounds=rounds)
            encoding = checked_encoding(encoding)
            check_data(data)
            check_output(output, data)
            if any(not excluded.strip() for excluded in exclude_source):
                fail("--exclude-source needs part of a source name (an empty one would leave out every article)")
            try:
                from ..train import ROUNDS, english, fit, prepare
            except ImportError as err:
                fail(str(MissingExtra("Training", "train,eval", str(err))))
            # Checked before the minutes of preparing the articles, not when the fitting needs them.
            missing = [name for name in ("lightgbm", "sklearn") if importlib.util.find_spec(name) is None]
            if missing:
                fail(str(MissingExtra("Training", "train,eval", f"{' and '.join(missing)} not found")))
            started = time.time()
            stdin = StdinTally()
            with stdin.counting(STDIN in data):
                fields = JsonlFields(text=text_field, abstract=abstract_field)
                articles, failures = read_training(data, fields, exclude_source, encoding)

            def skipped(doc_id: str, err: Exception) -> None:
                nonlocal failures
                failures += 1
                # An InputError from the pipeline names no input ("<input>: ..."): the id is its name here.
                report(f"{doc_id}: skipped ({err.message if isinstance(err, InputError) and not err.source else err})")

            no_abstract: list[str] = []
            examples = prepare(
                articles,
                on_error=skipped,
                on_no_abstract=no_abstract.append,
                on_unusable_abstract=lambda doc_id, why: report(f"{doc_id}: skipped ({why})"),
            )
            if no_abstract:
                report(no_abstract_line(no_abstract, abstract_field))
            check_examples(examples)
            sentences = sum(int(e.features.candidate.sum()) for e in examples)
            print(f"training on {counted(len(examples), 'article')} ({counted(sentences, 'candidate sentence')}) ...", flush=True)
            rounds = rounds or ROUNDS
            command = recorded_command(
                data,
                output,
                rounds=rounds,
                exclude_source=exclude_source,
                text_field=text_field,
                abstract_field=abstract_field,
                encoding=encoding,
            )
            info: dict[str, object] = {"command": command, **({"stdin": stdin.recorded()} if STDIN in data else {})}
            model = fit(examples, rounds=rounds, info=info, progress=stage_printer(started))
            write_model(model, output)
    except KeyboardInterrupt:
        fail(f"interrupted: no model written to {output}", EXIT_INTERRUPTED)
    for line in learned_nothing(model, english=any(map(english, examples))):
        report(f"warning: {line}")
    if STDIN in data:
        report(f"note: {stdin.recorded()}")
    size = output.stat().st_size / 1e6 if output.is_file() else 0.0
    summaries = counted(model.reranker.info.get("candidates", 0), "candidate summary") if model.reranker else ""
    reranker = f", a reranker over {summaries}" if model.reranker else ""
    print(f"wrote {output} ({size:.1f} MB, {counted(len(model.roots), 'tree')}{reranker}) in {time.time() - started:.0f}s")
    if failures:
        raise typer.Exit(EXIT_INPUT)


class StdinTally:
    """The bytes training read from stdin (DATA -), hashed as they are read: the recorded command
    `synopsis train - ...` rebuilds the model only from the same bytes, so the model names them.
    Refusing stdin would break a pipeline (`zcat corpus.jsonl.gz | synopsis train -`) that a
    temporary file only makes slower."""

    def __init__(self) -> None:
        self.digest = hashlib.sha256()
        self.size = 0

    @contextmanager
    def counting(self, wanted: bool) -> Iterator[None]:
        """While reading DATA: stdin read through this tally (when `wanted`), then stdin as it was."""
        if not wanted:
            yield
            return
        real = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BufferedReader(_Tapped(real.buffer, self)))
        try:
            yield
        finally:
            sys.stdin.detach()
            sys.stdin = real

    def recorded(self) -> str:
        """What the model says about DATA -, in one line."""
        return (
            f"DATA - was stdin ({counted(self.size, 'byte')}, SHA-256 {self.digest.hexdigest()}): the recorded command"
            " rebuilds this model only from the same bytes on stdin"
        )


class _Tapped(io.RawIOBase):
    """A byte stream that tells `tally` every byte read from `inner`."""

    def __init__(self, inner: BinaryIO, tally: StdinTally) -> None:
        self.inner = inner
        self.tally = tally

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview | bytearray) -> int:  # type: ignore[override]
        data = self.inner.read(len(buffer))
        buffer[: len(data)] = data
        self.tally.digest.update(data)
        self.tally.size += len(data)
        return len(data)


def check_data(data: Sequence[str]) -> None:
    """Refuse DATA that cannot all be read, before the minutes of training rather than after them
    (a typo in one of many files would otherwise give a model without that file and exit 1): a
    missing path, a folder, or a file named twice (twice the same articles, by any path)."""
    check_stdin_once(data, "DATA")
    for path in data:
        if path == STDIN:
            continue
        if (missing := absent(path, "no such file or folder")) is not None:
            fail(f"{path}: {missing}")
        if os.path.isdir(path):
            fail(f"{path} is a folder; name the files in it (e.g. {os.path.join(path, '*.jsonl')})")
    files = [path for path in data if path != STDIN]
    for i, path in enumerate(files):
        again = next((other for other in files[i + 1 :] if os.path.samefile(path, other)), None)
        if again is not None:
            named = f"{path} is named twice" if again == path else f"{path} and {again} are the same file"
            fail(f"{named} in DATA: its articles would be trained on twice")


def read_training(
    data: Sequence[str], fields: JsonlFields, exclude_source: Sequence[str], encoding: str | None = None
) -> tuple[list[Article], int]:
    """The articles of DATA to train on, and how many inputs or records could not be read (each
    said in one line, but records without the text field in one line for the run: a mistyped
    --text-field misses it in every record). Articles of an excluded source and repeats are left
    out, each said in one line."""
    articles: list[Article] = []
    failures = read = 0
    excluded: Counter[str] = Counter()
    seen: set[tuple[str, str]] = set()
    repeated: list[str] = []
    no_text = NoTextField(fields.text)
    for path in data:
        for item in read_articles(path, fields=fields, encoding=encoding):
            if isinstance(item, InputError):
                if not no_text.take(item):
                    report(item.worded(names_for("train")))
                failures += 1
                continue
            read += 1
            source = str(item.meta.get("source", "")).lower()
            hit = next((pattern for pattern in exclude_source if pattern.lower() in source), None)
            if hit is not None:
                excluded[hit] += 1
                continue
            # A repeat would sit on both sides of the halves the reranker learns from (one without an
            # abstract field too: the abstract under its heading in the text is trained on).
            key = (item.text, item.abstract)
            if key in seen:
                repeated.append(item.id)
                continue
            seen.add(key)
            articles.append(item)
    no_text.report(read)
    report_exclusions(exclude_source, excluded, read)
    if repeated:
        report(f"skipped {len(repeated)} repeated article(s) (the same text and abstract as one read before): {listed(repeated)}")
    return articles, failures


def report_exclusions(exclude_source: Sequence[str], excluded: Counter[str], read: int) -> None:
    """Say what --exclude-source left out, and which value matched nothing (a misspelt source would
    silently stay in a model meant to be tested on it); leaving out everything is a usage error."""
    if not read:
        return
    if excluded and sum(excluded.values()) == read:
        fail(f"--exclude-source left out all {counted(read, 'article')} read; nothing is left to train on")
    if excluded:
        parts = ", ".join(f"{pattern} {n:,}" for pattern, n in excluded.items())
        report(f"left out {counted(sum(excluded.values()), 'article')} by --exclude-source ({parts})")
    for pattern in exclude_source:
        if not excluded[pattern]:
            report(f"warning: --exclude-source {pattern} matched no article's source field")


def check_examples(examples: Sequence[Example]) -> None:
    """Exit with one line when the prepared articles cannot make a model, and say which add nothing."""
    if not examples:
        fail("no article with an abstract and body text to train on", EXIT_INPUT)
    empty = [e.doc.id for e in examples if not e.features.candidate.any()]
    if empty:
        report(
            f"{counted(len(empty), 'article')} without a candidate sentence (each copies the abstract, or is a heading,"
            f" fragment or reference), nothing to learn from: {listed(empty)}"
        )
    usable = len(examples) - len(empty)
    if usable == 0:
        fail(
            "no article has a sentence a summary could take that does not copy its abstract"
            " (is the abstract field the article's text?)",
            EXIT_INPUT,
        )
    if usable < 2:
        fail(
            "training needs at least 2 articles with an abstract and candidate sentences, got 1: the reranker learns"
            " from trees fitted on each half of them",
            EXIT_INPUT,
        )
    report_languages(examples)
    report_shared_abstracts(examples)


def report_shared_abstracts(examples: Sequence[Example]) -> None:
    """Say when articles of different texts have one abstract (a placeholder such as "No abstract
    available", or a field that holds a journal's blurb): the trees learn to pick sentences that
    match it in every one of them. Said, not refused (repeats of text and abstract were left out
    before). Was: a corpus whose every abstract was the same trained without a word."""
    owners: dict[str, list[str]] = {}
    for example in examples:
        owners.setdefault(" ".join(example.abstract.split()).casefold(), []).append(example.doc.id)
    shared = [ids for ids in owners.values() if len(ids) > 1]
    if not shared:
        return
    sharing = sum(len(ids) for ids in shared)
    largest = max(shared, key=len)  # a placeholder's group, named even after many pairs of versions
    report(
        f"warning: {sharing:,} of {counted(len(examples), 'article')} share their abstract with another article"
        f" ({counted(len(shared), 'abstract')}; the most shared, by {len(largest):,}: {listed(largest)}):"
        " is the abstract field each article's own? The model learns to pick the sentences that match it"
    )


def report_languages(examples: Sequence[Example]) -> None:
    """Say what happens to articles not in English: the parts learned from words (lexicon, phrase
    model) are used on English text only, so they are learned from the English articles alone
    (`train.fit_trees`), and --method auto summarises other languages without the reranker."""
    languages = Counter(e.features.language for e in examples)
    other = {language: n for language, n in sorted(languages.items()) if language != "en"}
    if not other:
        return
    parts = ", ".join(f"{language or 'unknown'} {n:,}" for language, n in other.items())
    english = languages.get("en", 0)
    learned = f"are learned from the {counted(english, 'English article')} only" if english else "are left out of the model"
    report(
        f"warning: {sum(other.values()):,} of {counted(len(examples), 'article')} are not in English ({parts}): the"
        f" lexicon and phrase model, used on English text only, {learned}, and --method auto summarises other"
        " languages with supervised (no reranker): docs/model-card.md, Languages other than English"
    )


def learned_nothing(model: TreeModel, english: bool = True) -> list[str]:
    """One line for each part of the model that the data were too few or too alike to fit; the
    English-only parts are not named when no article was in English (`report_languages` said so)."""
    from ..train import LEXICON_MIN_COUNT, LIGHTGBM_PARAMS, PHRASE_MIN_COUNT

    lines = []
    if not (model.feature >= 0).any():
        leaf = model.info.get("params", LIGHTGBM_PARAMS).get("min_data_in_leaf")
        sentences = model.info.get("sentences", 0)
        lines.append(
            f"the trees found no split in {counted(sentences, 'candidate sentence')} (a leaf needs {leaf}):"
            " they add nothing to the structured score"
        )
    if english and not model.lexicon:
        lines.append(f"no lexicon: no word is in the abstracts and bodies of {LEXICON_MIN_COUNT} articles together")
    if english and (model.phrases is None or not model.phrases.weights):
        lines.append(f"no phrase model: no word or word pair is in {PHRASE_MIN_COUNT} articles of most sources")
    if model.reranker is not None and not model.reranker.info.get("candidates"):
        lines.append("the reranker learned nothing (no article has two candidate summaries): use --method supervised")
    return lines


def stage_printer(started: float) -> Callable[[str], None]:
    """Progress of a long fit: each stage as it starts, with the time so far (minutes on the dev corpora)."""

    def say(stage: str) -> None:
        elapsed = int(time.time() - started)
        print(f"  {elapsed // 60}:{elapsed % 60:02d} {stage} ...", flush=True)

    return say


def check_output(output: Path, data: Sequence[str]) -> None:
    """Refuse an -o the model cannot be written to, or one that names the training data, before the
    minutes of training rather than in a traceback after them."""
    if str(output) == STDIN:
        fail("-o - would make a file named '-': the model is written to a file, name it (e.g. -o model.json)")
    if output.is_dir():
        fail(f"-o {output} is a folder; name the model file (e.g. -o {output / 'model.json'})")
    check_not_an_input(output, data, shown=str(output), what="the model")
    check_writable(output, str(output))  # write_model creates the missing folders


def listed(ids: Sequence[str]) -> str:
    """The first LISTED_IDS ids, and how many more."""
    return ", ".join(ids[:LISTED_IDS]) + (f", ... ({len(ids) - LISTED_IDS} more)" if len(ids) > LISTED_IDS else "")


def no_abstract_line(ids: Sequence[str], abstract_field: str) -> str:
    """One line for the articles left out for want of an abstract: how many, why, and which."""
    return (
        f"skipped {len(ids)} article(s) with an empty or missing abstract (JSONL: --abstract-field {abstract_field};"
        f" records: an ABSTRACT section; text: an 'Abstract' heading), nothing to learn from: {listed(ids)}"
    )


def recorded_command(
    data: Sequence[str],
    output: Path,
    *,
    rounds: int,
    exclude_source: Sequence[str],
    text_field: str,
    abstract_field: str,
    encoding: str | None = None,
) -> str:
    """The command that rebuilds the model: every option that shapes it, defaults included (a later
    version may change them), in one fixed order and quoted for a shell; `--encoding` where one
    was named (no encoding is UTF-8, as it always was)."""
    words = ["synopsis", "train", *data, "-o", str(output), "--rounds", str(rounds)]
    for excluded in exclude_source:
        words += ["--exclude-source", excluded]
    words += ["--text-field", text_field, "--abstract-field", abstract_field]
    if encoding is not None:
        words += ["--encoding", encoding]
    return shlex.join(words)


def write_model(model: TreeModel, output: Path) -> None:
    """Write the model whole or not at all (a full disk or an interrupt must not leave half a model
    where a good one was), or exit with one line when it cannot be written. A symlink is written
    through (the file it names is replaced, the link stays); a device or FIFO (-o /dev/null) is
    written into, never replaced by a file."""
    target = Path(os.path.realpath(output)) if output.is_symlink() else output
    if target.exists() and not target.is_file():
        try:
            model.save(target)
        except OSError as err:
            fail(f"-o {output}: cannot write the model ({err.strerror or err})", EXIT_INPUT)
        return
    temporary: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        os.close(handle)
        temporary = Path(name)
        model.save(temporary)
        mask = os.umask(0)
        os.umask(mask)
        os.chmod(temporary, 0o666 & ~mask)  # the mode a plain write gives, not mkstemp's 0600
        os.replace(temporary, target)
    except BaseException as err:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        if not isinstance(err, OSError):
            raise
        fail(f"-o {output}: cannot write the model ({err.strerror or err})", EXIT_INPUT)
