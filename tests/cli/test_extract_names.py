"""`synopsis extract --out-dir`: file names made from article ids stay inside the folder, and two
articles never share a file (QA: ids "../escaped" and "/abs/path" wrote outside it, "a/b" ended in
a traceback, and x1/paper.txt x2/paper.txt overwrote one another)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from synopsis.cli import app
from synopsis.cli.extract import file_name

runner = CliRunner()


def _jsonl(path: Path, ids: list[str], text: str) -> Path:
    path.write_text("".join(json.dumps({"id": i, "full_text": f"{text} ({i})"}) + "\n" for i in ids), encoding="utf-8")
    return path


def test_ids_that_are_paths_are_written_inside_the_folder(tmp_path: Path, example_text: str) -> None:
    work = tmp_path / "work"
    work.mkdir()
    absolute = tmp_path / "outside" / "abs_escape"
    corpus = _jsonl(work / "trav.jsonl", ["../escaped", str(absolute), "a/b"], example_text[:3000])
    out = work / "od"
    result = runner.invoke(app, ["extract", str(corpus), "-d", str(out)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    expected = {"escaped.txt", file_name(str(absolute)) + ".txt", "a_b.txt"}
    assert {p.name for p in out.iterdir()} == expected
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == sorted(
        ["work/trav.jsonl", *(f"work/od/{name}" for name in expected)]
    )
    assert (out / "a_b.txt").read_text(encoding="utf-8").rstrip().endswith("(a/b)")


def test_two_inputs_with_one_name_get_two_files_and_a_line_saying_so(tmp_path: Path) -> None:
    for folder in ("x1", "x2"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "paper.txt").write_text(f"The paper kept in {folder}. It has two sentences.\n", encoding="utf-8")
    out = tmp_path / "exo"
    first, second = tmp_path / "x1" / "paper.txt", tmp_path / "x2" / "paper.txt"
    result = runner.invoke(app, ["extract", str(first), str(second), "-d", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "paper.txt").read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    assert (out / "paper-2.txt").read_text(encoding="utf-8") == second.read_text(encoding="utf-8")
    taken, used = out / "paper.txt", out / "paper-2.txt"
    assert result.stderr == f"synopsis: {second}: {taken} is taken by an earlier article; written to {used}\n"
    again = runner.invoke(app, ["extract", str(first), str(second), "-d", str(out)])  # the same files again
    assert again.exit_code == 0 and sorted(p.name for p in out.iterdir()) == ["paper-2.txt", "paper.txt"]


def test_ids_made_alike_by_the_naming_stay_apart(tmp_path: Path) -> None:
    corpus = _jsonl(tmp_path / "c.jsonl", ["a/b", "a_b", "A_B"], "Some text of an article that is long enough.")
    result = runner.invoke(app, ["extract", str(corpus), "-d", str(tmp_path / "out"), "-o", "json"])
    assert result.exit_code == 0, result.output
    written = {p.name: json.loads(p.read_text(encoding="utf-8"))["id"] for p in (tmp_path / "out").iterdir()}
    assert written == {"a_b.json": "a/b", "a_b-2.json": "a_b", "A_B-3.json": "A_B"}


def test_a_link_in_the_folder_is_not_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep me", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "paper.txt").symlink_to(outside)
    paper = tmp_path / "paper.txt"
    paper.write_text("A paper with a sentence. And another one.\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(paper), "-d", str(out)])
    assert result.exit_code == 1
    assert outside.read_text(encoding="utf-8") == "keep me"
    link = out / "paper.txt"
    assert result.stderr == f"synopsis: {paper}: {link} is a link, not followed; remove it or choose another --out-dir\n"


@pytest.mark.parametrize(
    ("doc_id", "name"),
    [
        ("paper", "paper"),
        ("corpus:3", "corpus:3"),
        ("10.1000/xyz.123", "10.1000_xyz.123"),
        ("../escaped", "escaped"),
        ("/tmp/qa/j/abs_escape", "tmp_qa_j_abs_escape"),
        ("a\\..\\b", "a_b"),
        ("..", "article"),
        ("", "article"),
        ("/", "article"),
        (".hidden", "hidden"),
        ("tab\there\x00", "tab_here_"),
    ],
)
def test_file_names_from_ids(doc_id: str, name: str) -> None:
    assert file_name(doc_id) == name


def test_long_ids_are_cut_to_a_valid_name_and_stay_distinct() -> None:
    first, second = file_name("é" * 300 + "1"), file_name("é" * 300 + "2")
    assert first != second and first == file_name("é" * 300 + "1")
    assert all(len(name.encode("utf-8")) <= 200 for name in (first, second))


def test_help_says_how_files_are_named() -> None:
    result = runner.invoke(app, ["extract", "--help"], env={"COLUMNS": "200"})
    words = " ".join(re.sub("[│╭╮╰╯─]", " ", result.stdout).split())
    assert "named by its id" in words and "a/b gives a_b" in words and "never land outside this folder" in words
