"""What a demanding user scripting the CLI met: a stdout in a C (ASCII) locale, an --out-dir that
is a file. Run as a subprocess where the locale matters, since CliRunner replaces stdout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import synopsis
from synopsis.cli import app

runner = CliRunner()
SRC = str(Path(synopsis.__file__).resolve().parents[1])
ACCENTED = "Über die Straße nach Zürich gehen wir, um einen Kaffee mit Crème zu trinken, sagte sie."
# The accented line stands before the example record's first header, so no section reads it, and
# summarize says so (stop 36); extract keeps it in the text.
UNREAD_LINE = (
    f": warning: {len(ACCENTED)} characters before the first section header (ABSTRACT:) are not read as any section"
    " (the format's headers: TITLE:, ABSTRACT:, PREDICTION:, FULL TEXT:)\n"
).encode("ascii")


def _c_locale_run(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """`python -m synopsis ARGS` with an ASCII stdout: the C locale, Python's UTF-8 mode and locale
    coercion off (as a minimal container or a cron job may run it), PYTHONIOENCODING unset."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANG", "PYTHONIOENCODING"))}
    env.update(LC_ALL="C", PYTHONUTF8="0", PYTHONCOERCECLOCALE="0", PYTHONPATH=SRC)
    return subprocess.run(
        [sys.executable, "-m", "synopsis", *args], capture_output=True, env=env, cwd=cwd, timeout=120, check=False
    )


@pytest.fixture()
def accented_article(tmp_path: Path, example_text: str) -> Path:
    path = tmp_path / "paper.txt"
    path.write_text(f"{ACCENTED}\n\n{example_text}", encoding="utf-8")
    return path


@pytest.mark.parametrize("output", ["json", "scores"])
def test_summarize_json_on_an_ascii_stdout_is_valid_json_with_escapes(
    accented_article: Path, output: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: UnicodeEncodeError traceback, exit 1, nothing on stdout. Now the same JSON as on a
    UTF-8 stdout, its non-ASCII characters as JSON escapes (the summary has curly quotes)."""
    args = ["summarize", accented_article.name, "-m", "lead", "-o", output]
    done = _c_locale_run(*args, cwd=accented_article.parent)
    assert (done.returncode, done.stderr) == (0, b"synopsis: paper.txt" + UNREAD_LINE)
    assert done.stdout.isascii() and b"\\u2019" in done.stdout
    monkeypatch.chdir(accented_article.parent)
    assert json.loads(done.stdout) == json.loads(runner.invoke(app, args).stdout)


def test_summarize_text_on_an_ascii_stdout_escapes_what_it_cannot_write(
    accented_article: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: UnicodeEncodeError traceback, exit 1. Now escaped as stderr escapes, and a file name's
    undecodable bytes are written back as they were."""
    odd = accented_article.with_name("caf\udce9.txt")  # the Latin-1 bytes of "caf\u00e9.txt"
    os.rename(accented_article, odd)
    (odd.parent / "other.txt").write_bytes(odd.read_bytes())
    done = _c_locale_run("summarize", odd.name, "other.txt", "-m", "lead", cwd=odd.parent)
    assert (done.returncode, done.stderr) == (0, b"synopsis: caf\\udce9.txt" + UNREAD_LINE + b"synopsis: other.txt" + UNREAD_LINE)
    monkeypatch.chdir(odd.parent)
    summary = runner.invoke(app, ["summarize", "other.txt", "-m", "lead"]).stdout
    assert "\u2019" in summary
    escaped = summary.encode("ascii", "backslashreplace")
    assert done.stdout == b"# caf\xe9\n" + escaped + b"\n# other\n" + escaped + b"\n"


def test_extract_on_an_ascii_stdout(accented_article: Path) -> None:
    """Was: UnicodeEncodeError traceback for both outputs."""
    as_json = _c_locale_run("extract", accented_article.name, "-o", "json", cwd=accented_article.parent)
    assert (as_json.returncode, as_json.stderr) == (0, b"")
    assert json.loads(as_json.stdout)["text"].startswith(ACCENTED)
    as_text = _c_locale_run("extract", accented_article.name, cwd=accented_article.parent)
    assert (as_text.returncode, as_text.stderr) == (0, b"")
    assert as_text.stdout.startswith(b"\\xdcber die Stra\\xdfe")


def test_methods_on_an_ascii_stdout(tmp_path: Path) -> None:
    """Was: UnicodeEncodeError traceback (the z with caron of "Jezek" in LSA's description)."""
    done = _c_locale_run("methods", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (0, b"")
    assert b"Je\\u017eek" in done.stdout


def test_extract_out_dir_that_is_a_file_is_one_usage_line(tmp_path: Path, example_path: Path) -> None:
    """Was: "synopsis: out: cannot create the output folder (File exists)"."""
    taken = tmp_path / "out"
    taken.write_text("keep\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(example_path), "-d", str(taken)])
    assert (result.exit_code, result.stderr) == (2, f"synopsis: --out-dir {taken}: is a file, not a folder\n")
    assert taken.read_text(encoding="utf-8") == "keep\n"


def test_extract_out_dir_without_write_permission_is_refused_before_any_work(
    tmp_path: Path, example_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: one "cannot write" line per article, exit 1. Checked with os.access (root passes a
    read-only folder's check, so the test stands it in)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    real_access = os.access
    read_only = lambda path, mode, **kw: not (Path(path) == folder and mode & os.W_OK) and real_access(path, mode, **kw)  # noqa: E731
    monkeypatch.setattr(os, "access", read_only)
    result = runner.invoke(app, ["extract", str(example_path), "-d", str(folder)])
    assert (result.exit_code, result.stderr) == (2, f"synopsis: --out-dir {folder}: permission denied (cannot write {folder})\n")
    assert not list(folder.iterdir())


@pytest.mark.parametrize("command", ["summarize", "extract", "batch"])
def test_help_ends_with_examples_that_use_real_options(command: str) -> None:
    """Help had no example; each example's options are ones the command has (a renamed option
    would leave the example wrong)."""
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0 and "Examples:" in result.output
    examples = [line for line in result.output.splitlines() if "•" in line and f"synopsis {command} " in line]
    assert len(examples) >= 2, result.output
    command_object = typer_command(command)
    known = {opt for param in command_object.params for opt in param.opts}
    flags = set()
    for line in examples:
        words = line.split(f"synopsis {command} ", 1)[1].split(":")[0].split()
        flags |= {word for word in words if word.startswith("-") and word != "-"}
    assert flags and flags <= known, flags - known


def typer_command(name: str):  # type: ignore[no-untyped-def]
    import typer.main

    group = typer.main.get_command(app)
    return group.commands[name]  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", [[], ["summarize"], ["extract"], ["batch"], ["evaluate"], ["train"], ["serve"], ["methods"]])
def test_dash_h_shows_the_help_as_dash_dash_help_does(command: list[str]) -> None:
    """Was: "No such option: -h", exit 2."""
    short = runner.invoke(app, [*command, "-h"], env={"COLUMNS": "200"})
    assert (short.exit_code, short.stderr) == (0, "")
    assert short.stdout == runner.invoke(app, [*command, "--help"], env={"COLUMNS": "200"}).stdout
    assert "Usage:" in short.stdout


@pytest.mark.parametrize(
    ("command", "value", "hint"),
    [
        ("summarize", "out.json", " (-o names what to write, not a file: -o json > out.json)"),
        ("summarize", "res/sum.txt", " (-o names what to write, not a file: -o text > res/sum.txt)"),
        ("extract", "x.jsonl", " (-o names what to write, not a file: -o json > x.jsonl)"),
        ("summarize", "xml", ""),
        # A review: the file's stem names the kind it meant; a Parquet file is batch's.
        ("summarize", "scores.jsonl", " (-o names what to write, not a file: -o scores > scores.jsonl)"),
        ("extract", "record.txt", " (-o names what to write, not a file: -o record > record.txt)"),
        ("extract", "./json", " (-o names what to write, not a file: -o json > ./json)"),
        (
            "summarize",
            "out.parquet",
            " (-o names what to write, not a file; a Parquet file is what `synopsis batch ... -o out.parquet` writes)",
        ),
    ],
)
def test_output_kind_given_a_file_name_says_how_to_write_a_file(example_path: Path, command: str, value: str, hint: str) -> None:
    """`batch -o` takes a file; `summarize -o out.json` said only "unknown output 'out.json'"."""
    from synopsis.cli.extract import EXTRACT_OUTPUTS
    from synopsis.output import OUTPUTS

    kinds = ", ".join(OUTPUTS if command == "summarize" else EXTRACT_OUTPUTS)
    result = runner.invoke(app, [command, str(example_path), "-o", value])
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == f"synopsis: unknown output {value!r}; choose one of {kinds}{hint}\n"


def test_extract_out_dir_that_is_a_link_to_nothing_says_so(tmp_path: Path, example_path: Path) -> None:
    """A review: a dangling link said "cannot create the output folder (File exists)"."""
    link = tmp_path / "dang"
    link.symlink_to(tmp_path / "nowhere")
    result = runner.invoke(app, ["extract", str(example_path), "-d", str(link)])
    assert (result.exit_code, result.stderr) == (
        2,
        f"synopsis: --out-dir {link}: is a symbolic link to nothing ({tmp_path / 'nowhere'})\n",
    )


def _run_with(env_update: dict[str, str], *args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "LANG", "PYTHONIOENCODING"))}
    env.update(LC_ALL="C.UTF-8", PYTHONPATH=SRC, **env_update)
    return subprocess.run(
        [sys.executable, "-m", "synopsis", *args], capture_output=True, env=env, cwd=cwd, timeout=120, check=False
    )


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes in a name")
def test_file_names_of_undecodable_bytes_print_back_on_any_stdout(tmp_path: Path) -> None:
    """A review: a strict UTF-8 stdout (PYTHONIOENCODING=utf-8) crashed on a file name's byte, and a
    Latin-1 one escaped the byte beside a "€" as "\\udcff"; the name's bytes are written back."""
    text = "The study measured sleep in forty adults. Participants who slept longer recalled more words.\n"
    for name in (b"bad\xffname.txt", "\u20ac".encode() + b"\xff.txt"):
        with open(os.path.join(os.fsencode(tmp_path), name), "wb") as handle:
            handle.write(text.encode())
    (tmp_path / "plain.txt").write_text(text, encoding="utf-8")
    strict = _run_with(
        {"PYTHONIOENCODING": "utf-8"}, "summarize", "-s", "1", os.fsdecode(b"bad\xffname.txt"), "plain.txt", cwd=tmp_path
    )
    assert strict.returncode == 0, strict.stderr
    assert b"# bad\xffname\n" in strict.stdout
    latin = _run_with(
        {"PYTHONIOENCODING": "latin-1"},
        "summarize",
        "-s",
        "1",
        os.fsdecode("\u20ac".encode() + b"\xff.txt"),
        "plain.txt",
        cwd=tmp_path,
    )
    assert latin.returncode == 0, latin.stderr
    assert b"# \\u20ac\xff\n" in latin.stdout


def test_the_users_own_error_handler_for_stdout_stands(tmp_path: Path) -> None:
    """A review: PYTHONIOENCODING=ascii:replace gave backslash escapes, not the "?" asked for."""
    (tmp_path / "p.txt").write_text("\u00c9tude of sleep in forty adults. Participants recalled more words.\n", encoding="utf-8")
    done = _run_with({"PYTHONIOENCODING": "ascii:replace"}, "summarize", "-s", "1", "p.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"?tude of sleep")


def test_a_command_started_with_stdout_closed_says_it_cannot_write(tmp_path: Path) -> None:
    """A review: `synopsis methods >&-` ended in an AttributeError traceback from the last flush
    (sys.stdout is None). Since stop 37 a command whose output has nowhere to go says so in one
    line, exit 1, as `cat` does and README says of output that cannot be written (it had printed
    nothing and exited 0)."""
    env = {**os.environ, "PYTHONPATH": SRC}
    command = [sys.executable, "-m", "synopsis", "methods"]
    done = subprocess.run(command, stderr=subprocess.PIPE, env=env, cwd=tmp_path, preexec_fn=lambda: os.close(1), check=False)
    assert done.returncode == 1 and done.stderr == b"synopsis: cannot write the output: standard output is closed\n"


@pytest.mark.skipif(sys.platform != "linux", reason="needs a file system that takes any bytes in a name")
def test_json_of_a_file_named_with_an_undecodable_byte_is_valid_utf8(tmp_path: Path) -> None:
    """A review: `summarize -o json` wrote the name's raw byte into "id" (no valid UTF-8, so no JSON
    for a reader of bytes); it is JSON's escape, as batch writes it."""
    text = "The study measured sleep in forty adults. Participants who slept longer recalled more words.\n"
    with open(os.path.join(os.fsencode(tmp_path), b"p\xffq.txt"), "wb") as handle:
        handle.write(text.encode())
    done = _run_with({}, "summarize", "-o", "json", os.fsdecode(b"p\xffq.txt"), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.decode("utf-8"))["id"] == "p\udcffq"


def test_a_repeated_file_stem_is_not_said_to_clash_in_batch(tmp_path: Path) -> None:
    """A review: two files named p.txt in two folders were told "batch keeps only the first", but
    batch names them by their paths and keeps both."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "p.txt").write_text(
            "Sleep helps memory in adults. Participants recalled more words.\n", encoding="utf-8"
        )
    done = _run_with({}, "summarize", "-s", "1", "a/p.txt", "b/p.txt", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert b"duplicate id 'p'" in done.stderr and b"batch keeps only the first" not in done.stderr
