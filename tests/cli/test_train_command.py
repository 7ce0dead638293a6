"""`synopsis train` from the command line: -o is checked before the training, articles left out are
said, and the model records the command that rebuilds it byte for byte."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import shlex
import signal
import stat
import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from synopsis.cli import app


def _train(*args: str) -> Result:
    return CliRunner().invoke(app, ["train", *args])


def _corpus(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path


@pytest.fixture
def corpus(tmp_path: Path, dev_sample: list[dict[str, Any]]) -> Path:
    """Four articles with abstracts, and four whose abstract is empty or missing."""
    records = [{**r, "full_text": r["full_text"][:20000]} for r in dev_sample]
    records[1]["abstract"] = ""
    records[3]["abstract"] = "  \n"
    del records[5]["abstract"]
    records[7]["abstract"] = ""
    return _corpus(tmp_path / "corpus.jsonl", records)


def _one_line_before_training(result: Result) -> str:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "training on" not in result.output and result.output.count("\n") == 1, result.output
    return result.output


def test_an_output_that_is_an_input_is_refused_before_any_work(corpus: Path) -> None:
    before = corpus.read_bytes()
    result = _train(str(corpus), "--rounds", "2", "-o", str(corpus))
    assert result.exit_code == 2
    assert f"-o {corpus} is also an input" in _one_line_before_training(result)
    assert corpus.read_bytes() == before


@pytest.mark.parametrize(
    ("output", "says"),
    [("models", "is a folder; name the model file"), ("corpus.jsonl/m.json", "corpus.jsonl is not a folder")],
)
def test_an_output_that_cannot_be_a_file_is_refused_before_training(corpus: Path, output: str, says: str) -> None:
    (corpus.parent / "models").mkdir()
    result = _train(str(corpus), "--rounds", "2", "-o", str(corpus.parent / output))
    assert result.exit_code == 2 and says in _one_line_before_training(result)


def test_an_output_folder_without_write_permission_is_refused_before_training(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Checked with os.access (a read-only folder does not stop root, who runs some test machines)."""
    folder = corpus.parent / "ro"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(os, "access", lambda path, mode, **kw: Path(path) != folder and real_access(path, mode, **kw))
    result = _train(str(corpus), "--rounds", "2", "-o", str(folder / "m.json"))
    assert result.exit_code == 2 and "permission denied" in _one_line_before_training(result)


@pytest.mark.slow
def test_a_model_that_cannot_be_written_costs_one_line_and_leaves_the_old_file(
    corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("lightgbm")
    from synopsis.scorers.learned import TreeModel

    def full_disk(self: TreeModel, path: Path) -> None:
        path.write_text("{half a mod", encoding="utf-8")
        raise OSError(28, "No space left on device", str(path))

    monkeypatch.setattr(TreeModel, "save", full_disk)
    output = corpus.parent / "model.json"
    output.write_text("the earlier model", encoding="utf-8")
    result = _train(str(corpus), "--rounds", "2", "-o", str(output))
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    assert result.output.splitlines()[-1] == f"synopsis: -o {output}: cannot write the model (No space left on device)"
    assert output.read_text(encoding="utf-8") == "the earlier model"
    assert sorted(p.name for p in corpus.parent.iterdir()) == ["corpus.jsonl", "model.json"], "no temporary file is left"


@pytest.mark.slow
def test_articles_without_an_abstract_are_counted_and_the_model_rebuilds_from_its_command(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("lightgbm")
    monkeypatch.chdir(tmp_path)
    result = _train("corpus.jsonl", "--rounds", "2", "--exclude-source", "nowhere", "-o", "model.json")
    assert result.exit_code == 0, result.output
    assert "training on 4 articles" in result.output
    assert "synopsis: warning: --exclude-source nowhere matched no article's source field" in result.output
    assert (
        "synopsis: skipped 4 article(s) with an empty or missing abstract (JSONL: --abstract-field abstract;"
        " records: an ABSTRACT section; text: an 'Abstract' heading), nothing to learn from:"
        " scisummnet-P06-1067, sumpubmed-20094, plos-journal.pone.0120049, dhq-000104"
    ) in result.output
    first = (tmp_path / "model.json").read_bytes()
    command = json.loads(first)["info"]["command"]
    assert command == (
        "synopsis train corpus.jsonl -o model.json --rounds 2 --exclude-source nowhere"
        " --text-field full_text --abstract-field abstract"
    )
    (tmp_path / "model.json").rename(tmp_path / "first.json")
    words = shlex.split(command)
    assert words[:2] == ["synopsis", "train"]
    again = CliRunner().invoke(app, words[1:])
    assert again.exit_code == 0, again.output
    assert (tmp_path / "model.json").read_bytes() == first, "the recorded command rebuilds the same file"


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (["corpus.jsonl", "missing.jsonl"], "missing.jsonl: no such file or folder"),
        (["corpus.jsonl", "models"], "models is a folder; name the files in it (e.g. models/*.jsonl)"),
        (["corpus.jsonl", "./corpus.jsonl"], "corpus.jsonl and ./corpus.jsonl are the same file in DATA"),
    ],
)
def test_data_that_cannot_all_be_read_is_a_usage_error_before_training(
    corpus: Path, monkeypatch: pytest.MonkeyPatch, data: list[str], says: str
) -> None:
    """A typo among many DATA files used to cost minutes of training without that file and then
    exit 1; the same file twice trained on every article twice."""
    monkeypatch.chdir(corpus.parent)
    (corpus.parent / "models").mkdir()
    result = _train(*data, "--rounds", "2", "-o", "model.json")
    assert result.exit_code == 2 and says in _one_line_before_training(result)
    assert not (corpus.parent / "model.json").exists()


def test_output_dash_is_refused_not_a_file_named_dash(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(corpus.parent)
    result = _train("corpus.jsonl", "--rounds", "2", "-o", "-")
    assert result.exit_code == 2 and "-o - would make a file named '-'" in _one_line_before_training(result)
    assert not (corpus.parent / "-").exists()


@pytest.mark.parametrize(
    ("excluded", "says"),
    [("", "--exclude-source needs part of a source name"), ("(", "--exclude-source left out all 8 articles read")],
)
def test_an_exclude_source_that_leaves_out_everything_is_a_usage_error(corpus: Path, excluded: str, says: str) -> None:
    """Every dev source name holds "(", and every name holds ""."""
    result = _train(str(corpus), "--rounds", "2", "--exclude-source", excluded, "-o", str(corpus.parent / "m.json"))
    assert result.exit_code == 2 and says in _one_line_before_training(result)


def _records(dev_sample: list[dict[str, Any]], **changes: Any) -> list[dict[str, Any]]:
    return [{**r, "full_text": r["full_text"][:20000], **changes} for r in dev_sample]


def test_abstracts_that_copy_the_text_end_in_one_line_not_a_traceback(tmp_path: Path, dev_sample: list[dict[str, Any]]) -> None:
    """A builder who put the body text in the abstract field: every sentence copies the abstract,
    so no sentence can be a summary's (this ended in a ValueError traceback)."""
    records = [{**r, "abstract": r["full_text"]} for r in _records(dev_sample[:3])]
    result = _train(str(_corpus(tmp_path / "c.jsonl", records)), "--rounds", "2", "-o", str(tmp_path / "m.json"))
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    lines = result.output.splitlines()
    assert lines[0].startswith("synopsis: 3 articles without a candidate sentence (each copies the abstract")
    assert lines[1:] == [
        "synopsis: no article has a sentence a summary could take that does not copy its abstract"
        " (is the abstract field the article's text?)"
    ]
    assert not (tmp_path / "m.json").exists()


def test_one_article_is_too_few_to_train_on(tmp_path: Path, dev_sample: list[dict[str, Any]]) -> None:
    """With one article there is no other half to fit the reranker's trees on: the model it wrote
    had no split and a reranker fitted on scores of 0."""
    result = _train(str(_corpus(tmp_path / "c.jsonl", _records(dev_sample[:1]))), "-o", str(tmp_path / "m.json"))
    assert result.exit_code == 1
    assert "training needs at least 2 articles with an abstract and candidate sentences, got 1" in result.output
    assert result.output.count("\n") == 1 and not (tmp_path / "m.json").exists()


def test_a_model_that_learned_nothing_says_so(tmp_path: Path) -> None:
    """Articles of one sentence each: the trees find no split and the reranker has no two summaries
    to compare; the model is written, but the user hears which parts are empty."""
    texts = [
        "We show that longer training improves the accuracy of extractive summaries of long articles.",
        "This study measures how citation counts relate to the length of scholarly abstracts in biology.",
        "Our survey of archives finds that most digital editions do not link their names to authority files.",
    ]
    abstract = "Training data shape what a summary model learns from long scholarly articles."
    records = [{"id": f"a{i}", "full_text": t, "abstract": abstract} for i, t in enumerate(texts)]
    result = _train(str(_corpus(tmp_path / "c.jsonl", records)), "--rounds", "2", "-o", str(tmp_path / "m.json"))
    assert result.exit_code == 0, result.output
    assert "synopsis: warning: the trees found no split in 3 candidate sentences (a leaf needs 50)" in result.output
    assert "synopsis: warning: the reranker learned nothing (no article has two candidate summaries)" in result.output
    assert "synopsis: warning: no lexicon" in result.output and "synopsis: warning: no phrase model" in result.output
    assert "RuntimeWarning" not in result.output
    assert "(0.0 MB, 1 tree, a reranker over 0 candidate summaries)" in result.output


def _german(count: int) -> list[dict[str, Any]]:
    text = (Path(__file__).parent.parent / "data" / "lang" / "de.txt").read_text(encoding="utf-8")
    sentences = (Path(__file__).parent.parent / "data" / "lang" / "de.sentences.txt").read_text(encoding="utf-8").splitlines()
    return [{"id": f"de{i}", "full_text": text, "abstract": " ".join(sentences[i : i + 3])} for i in range(count)]


def test_articles_not_in_english_are_said_and_train_no_english_only_parts(tmp_path: Path) -> None:
    """The lexicon and phrase model are used on English text only: a German corpus trains without
    them (they were learned from German words and then never used), and the user is told."""
    pytest.importorskip("lightgbm")
    result = _train(str(_corpus(tmp_path / "c.jsonl", _german(3))), "--rounds", "2", "-o", str(tmp_path / "m.json"))
    assert result.exit_code == 0, result.output
    assert (
        "synopsis: warning: 3 of 3 articles are not in English (de 3): the lexicon and phrase model, used on English"
        " text only, are left out of the model, and --method auto summarises other languages with supervised (no reranker)"
    ) in result.output
    assert "no lexicon" not in result.output and "no phrase model" not in result.output
    model = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
    assert model["lexicon"] == {} and model["phrases"]["weights"] == {}


def test_a_mixed_corpus_learns_the_english_only_parts_from_its_english_articles(
    tmp_path: Path, dev_sample: list[dict[str, Any]]
) -> None:
    train = pytest.importorskip("synopsis.train")
    from synopsis.types import Article

    def articles(records: list[dict[str, Any]]) -> list[Any]:
        return [Article(r["id"], r["full_text"], (0, len(r["full_text"])), "", r["abstract"], {}) for r in records]

    english = train.prepare(articles(_records(dev_sample)))
    mixed = train.fit_trees(english + train.prepare(articles(_german(3))), rounds=2)
    alone = train.fit_trees(english, rounds=2)
    assert mixed.lexicon == alone.lexicon and mixed.phrases == alone.phrases
    result = _train(
        str(_corpus(tmp_path / "c.jsonl", _records(dev_sample) + _german(3))), "--rounds", "2", "-o", str(tmp_path / "m.json")
    )
    assert result.exit_code == 0, result.output
    assert (
        "synopsis: warning: 3 of 11 articles are not in English (de 3): the lexicon and phrase model, used on English"
        " text only, are learned from the 8 English articles only,"
    ) in result.output


@pytest.mark.slow
def test_repeated_articles_are_left_out_and_the_stages_are_shown(tmp_path: Path, dev_sample: list[dict[str, Any]]) -> None:
    """A repeat would sit on both sides of the halves the reranker learns from (and count twice in
    the lexicon): it is left out and said; a long fit says each stage as it starts."""
    records = _records(dev_sample[:4])
    corpus = _corpus(tmp_path / "c.jsonl", [*records, records[1], {**records[2], "id": "copy"}])
    result = _train(str(corpus), "--rounds", "2", "-o", str(tmp_path / "m.json"))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == (
        "synopsis: skipped 2 repeated article(s) (the same text and abstract as one read before): scisummnet-P06-1067, copy"
    )
    assert lines[1].startswith("training on 4 articles (")
    assert json.loads((tmp_path / "m.json").read_text())["info"]["documents"] == 4
    stages = [line.split(" ", 3)[3] for line in lines[2:5]]
    assert stages == [
        "lexicon, phrase model and 2 rounds of trees on all 4 articles ...",
        "trees on each half of the articles, for the reranker to learn how far their scores hold ...",
        "bigram and word models and the summary reranker ...",
    ]
    assert lines[-1].startswith("wrote ")


def test_an_interrupt_is_one_line_and_writes_no_model(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    train = pytest.importorskip("synopsis.train")

    def interrupted(*args: Any, **kwargs: Any) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(train, "fit", interrupted)
    output = corpus.parent / "model.json"
    result = _train(str(corpus), "--rounds", "2", "-o", str(output))
    assert result.exit_code == 130 and isinstance(result.exception, SystemExit), result.exception
    assert result.output.splitlines()[-1] == f"synopsis: interrupted: no model written to {output}"
    assert not output.exists()


def test_sigterm_stops_training_as_ctrl_c_does(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A scheduler's stop (SIGTERM, `timeout`) during the fit: one line and exit 130, no model, and
    the handler as it was afterwards. Was: the process died with 143 and not a word."""
    train = pytest.importorskip("synopsis.train")
    before = signal.getsignal(signal.SIGTERM)

    def terminated(*args: Any, **kwargs: Any) -> None:
        handler = signal.getsignal(signal.SIGTERM)
        assert callable(handler), "SIGTERM would end the run at once, with no line (exit 143)"
        handler(signal.SIGTERM, None)

    monkeypatch.setattr(train, "fit", terminated)
    output = corpus.parent / "model.json"
    result = _train(str(corpus), "--rounds", "2", "-o", str(output))
    assert result.exit_code == 130 and isinstance(result.exception, SystemExit), result.exception
    assert result.output.splitlines()[-1] == f"synopsis: interrupted: no model written to {output}"
    assert not output.exists() and signal.getsignal(signal.SIGTERM) == before


def test_sigterm_before_the_training_modules_are_loaded_is_one_line_too(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The checks and the imports of LightGBM and scikit-learn take seconds before any article is
    read: a SIGTERM then ended the run with 143 and not a word (the handler was set after them)."""
    from synopsis.cli import train as train_cli

    before = signal.getsignal(signal.SIGTERM)
    checked = train_cli.check_data

    def terminated(data: Any) -> None:
        handler = signal.getsignal(signal.SIGTERM)
        assert callable(handler), "SIGTERM would end the run at once, with no line (exit 143)"
        checked(data)
        handler(signal.SIGTERM, None)

    monkeypatch.setattr(train_cli, "check_data", terminated)
    output = corpus.parent / "model.json"
    result = _train(str(corpus), "--rounds", "2", "-o", str(output))
    assert result.exit_code == 130 and isinstance(result.exception, SystemExit), result.exception
    assert result.output == f"synopsis: interrupted: no model written to {output}\n"
    assert not output.exists() and signal.getsignal(signal.SIGTERM) == before


@pytest.mark.slow
def test_a_symlink_is_written_through_and_a_fifo_into(corpus: Path) -> None:
    """-o through a link replaces the file it names, not the link; a FIFO or device (-o /dev/null)
    is written into: replacing it by a file (as root, in /dev) broke the system's device."""
    pytest.importorskip("lightgbm")
    link, target = corpus.parent / "model.json", corpus.parent / "models" / "v1.json"
    target.parent.mkdir()
    target.write_text("the earlier model", encoding="utf-8")
    link.symlink_to(target)
    assert _train(str(corpus), "--rounds", "2", "-o", str(link)).exit_code == 0
    assert link.is_symlink() and json.loads(target.read_text(encoding="utf-8"))["format"] == "synopsis-trees/1"

    fifo = corpus.parent / "fifo.json"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # open before the writer, so its open does not wait
    try:
        fcntl.fcntl(reader, fcntl.F_SETPIPE_SZ, 1 << 20)  # the whole model fits in the pipe
        result = _train(str(corpus), "--rounds", "2", "-o", str(fifo))
        assert result.exit_code == 0, result.output
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO is still a FIFO"
        written = os.read(reader, 1 << 20)
    finally:
        os.close(reader)
    assert json.loads(written)["format"] == "synopsis-trees/1"


def test_a_wrong_text_field_is_one_line_for_the_run_not_one_per_record(tmp_path: Path, dev_sample: list[dict[str, Any]]) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", _records(dev_sample))
    result = _train(str(corpus), "--text-field", "body", "-o", str(tmp_path / "m.json"))
    assert result.exit_code == 1 and isinstance(result.exception, SystemExit), result.exception
    assert result.output == (
        f"synopsis: {corpus}: none of the 8 records read has a 'body' field"
        " (the first record's fields are 'id', 'title', 'abstract', 'full_text', 'source', 'domain', 'license'):"
        " set the text field with --text-field (now body)\n"
    )
    assert not (tmp_path / "m.json").exists()


def test_records_without_the_text_field_are_counted_in_one_line(tmp_path: Path, dev_sample: list[dict[str, Any]]) -> None:
    pytest.importorskip("lightgbm")
    records = _records(dev_sample)
    for record in records[5:]:
        record["body"] = record.pop("full_text")
    result = _train(str(_corpus(tmp_path / "c.jsonl", records)), "--rounds", "2", "-o", str(tmp_path / "m.json"))
    assert result.exit_code == 1, result.output
    assert result.output.count("'full_text' field") == 1
    assert (
        f"synopsis: skipped 3 records without a 'full_text' field (set the text field with --text-field (now full_text)):"
        f" {tmp_path / 'c.jsonl'}:6, {tmp_path / 'c.jsonl'}:7, {tmp_path / 'c.jsonl'}:8\n"
    ) in result.output
    assert "training on 5 articles" in result.output and (tmp_path / "m.json").exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--rounds", "1.5"], "synopsis: --rounds must be a whole number, got 1.5\n"),
        (["--rounds", "many"], "synopsis: --rounds must be a whole number, got many\n"),
        (["--rounds"], "synopsis: Option '--rounds' requires an argument (see synopsis train --help)\n"),
        (["--bogus"], "synopsis: No such option: --bogus (Possible options: --rounds) (see synopsis train --help)\n"),
    ],
)
def test_an_unreadable_option_is_one_plain_usage_line(corpus: Path, args: list[str], says: str) -> None:
    """Was typer's boxed usage error over five lines, unlike every other refusal of the CLI."""
    result = _train(str(corpus), "-o", str(corpus.parent / "m.json"), *args)
    assert (result.exit_code, result.output) == (2, says)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        ([], "synopsis: DATA... is required (see synopsis train --help)\n"),
        (["c.jsonl"], "synopsis: --output is required (see synopsis train --help)\n"),
    ],
)
def test_a_missing_argument_is_one_plain_usage_line(args: list[str], says: str) -> None:
    result = _train(*args)
    assert (result.exit_code, result.output) == (2, says)


def test_a_model_trained_from_stdin_names_the_bytes_its_command_needs(tmp_path: Path, dev_sample: list[dict[str, Any]]) -> None:
    """`synopsis train -` records a command that reads stdin: the model says which bytes stdin held
    (their SHA-256), so that a rebuild can be checked, and the run says it too."""
    pytest.importorskip("lightgbm")
    data = _corpus(tmp_path / "c.jsonl", _records(dev_sample)).read_bytes()
    result = CliRunner().invoke(app, ["train", "-", "--rounds", "2", "-o", str(tmp_path / "m.json")], input=data)
    assert result.exit_code == 0, result.output
    said = (
        f"DATA - was stdin ({len(data):,} bytes, SHA-256 {hashlib.sha256(data).hexdigest()}): the recorded command"
        " rebuilds this model only from the same bytes on stdin"
    )
    info = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))["info"]
    assert info["command"].startswith("synopsis train - -o ") and info["stdin"] == said
    assert f"synopsis: note: {said}\n" in result.output


def test_training_from_a_thread_leaves_signals_alone(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A review: the SIGTERM handler (only the main thread may set one) made `train` fail from a
    thread with "ValueError: signal only works in main thread"; there it trains without it."""
    train = pytest.importorskip("synopsis.train")
    monkeypatch.setattr(train, "fit", lambda *args, **kwargs: (_ for _ in ()).throw(KeyboardInterrupt))
    output = corpus.parent / "model.json"
    results: list[Result] = []
    thread = threading.Thread(target=lambda: results.append(_train(str(corpus), "--rounds", "2", "-o", str(output))))
    thread.start()
    thread.join(120)
    [result] = results
    assert not isinstance(result.exception, ValueError), result.exception
    assert result.output.splitlines()[-1] == f"synopsis: interrupted: no model written to {output}"


def test_a_corpus_in_a_named_encoding_trains_and_its_command_names_the_encoding(
    tmp_path: Path, dev_sample: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`train` had no --encoding, though its refusal of a cp1252 corpus said "name its encoding"
    (every line an error, then "no article ... to train on"); now it reads it as summarize does,
    and the recorded command names the encoding so that it rebuilds the same file."""
    pytest.importorskip("lightgbm")
    monkeypatch.chdir(tmp_path)
    records = [{**r, "full_text": r["full_text"][:20000] + " Café."} for r in dev_sample[:4]]
    data = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    (tmp_path / "cp.jsonl").write_bytes(data.encode("cp1252", errors="replace"))
    result = _train("cp.jsonl", "--rounds", "2", "--encoding", "cp1252", "-o", "model.json")
    assert result.exit_code == 0, result.output
    assert "training on 4 articles" in result.output
    command = json.loads((tmp_path / "model.json").read_text(encoding="utf-8"))["info"]["command"]
    assert command.endswith("--text-field full_text --abstract-field abstract --encoding cp1252")
