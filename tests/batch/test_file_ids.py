"""Two file INPUTs with the same name are two documents (QA: `batch x1/paper.txt x2/paper.txt`
left the second out as "duplicate id 'paper'"); ids inside JSONL data are never changed, so a
duplicate there is still one."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from batch_helpers import OPTIONS, read_rows, write_jsonl
from typer.testing import CliRunner

from synopsis.batch.sources import distinct_file_ids, iter_shards
from synopsis.cli import app


def _ids(inputs: list[str]) -> list[str]:
    return [item.id for shard in iter_shards(inputs, OPTIONS) for item in shard.items(OPTIONS)]


def _two_papers(tmp_path: Path, text: str) -> tuple[Path, Path]:
    first, second = tmp_path / "x1" / "paper.txt", tmp_path / "x2" / "paper.txt"
    for path in (first, second):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return first, second


def test_two_files_of_one_name_are_both_summarized(tmp_path: Path, example_text: str) -> None:
    first, second = _two_papers(tmp_path, example_text)
    out = tmp_path / "bo.jsonl"
    result = CliRunner().invoke(app, ["batch", str(first), str(second), "-o", str(out), "-w", "60", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "duplicate" not in result.stderr
    assert [(row["id"], row["input"]) for row in read_rows(out)] == [("x1/paper", str(first)), ("x2/paper", str(second))]


def test_names_come_from_the_common_folder_and_keep_an_extension_only_where_needed(tmp_path: Path) -> None:
    for name in ("a/paper.txt", "a/paper.pdf", "a/b/paper.txt", "a/other.txt", "c/data.jsonl"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    inputs = [str(tmp_path / name) for name in ("a/paper.txt", "a/paper.pdf", "a/b/paper.txt", "a/other.txt", "c/data.jsonl")]
    assert distinct_file_ids(inputs) == {
        inputs[0]: "paper.txt",
        inputs[1]: "paper.pdf",
        inputs[2]: "b/paper",
    }  # other and data are alone with their stems: unchanged


def test_one_file_named_twice_is_still_a_duplicate(tmp_path: Path, example_text: str) -> None:
    first, second = _two_papers(tmp_path, example_text)
    again = f"{tmp_path}/x1/../x1/paper.txt"
    link = tmp_path / "x3" / "paper.txt"
    link.parent.mkdir()
    os.symlink(first, link)
    assert _ids([str(first), again, str(link)]) == ["paper", "paper", "paper"]  # the later ones: reported duplicates
    assert _ids([str(first), str(second), again, str(link)]) == ["x1/paper", "x2/paper", "x1/paper", "x1/paper"]


def test_jsonl_ids_in_the_data_are_kept_and_ids_made_from_the_name_are_told_apart(
    tmp_path: Path, short_articles: list[dict[str, str]]
) -> None:
    (tmp_path / "x1").mkdir()
    (tmp_path / "x2").mkdir()
    with_ids = [write_jsonl(tmp_path / folder / "data.jsonl", short_articles[:1]) for folder in ("x1", "x2")]
    assert _ids([str(path) for path in with_ids]) == [short_articles[0]["id"]] * 2  # a real duplicate: reported
    records = [{"full_text": short_articles[0]["full_text"]}]
    without = [write_jsonl(tmp_path / folder / "plain.jsonl", records) for folder in ("x1", "x2")]
    assert _ids([str(path) for path in without]) == ["x1/plain:1", "x2/plain:1"]


def test_a_duplicate_id_inside_jsonl_data_is_still_reported(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    (tmp_path / "x1").mkdir()
    (tmp_path / "x2").mkdir()
    paths = [write_jsonl(tmp_path / folder / "data.jsonl", short_articles[:1]) for folder in ("x1", "x2")]
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["batch", *map(str, paths), "-o", str(out), "-w", "60", "--no-progress"])
    assert result.exit_code == 1
    assert f"{paths[1]}:1: duplicate id {short_articles[0]['id']!r}" in result.stderr
    assert len(read_rows(out)) == 1


def _two_folders(tmp_path: Path, text: str) -> list[str]:
    """`2001` and `2002` each with a `paper.txt` (the same relative path) and a file of their own."""
    for name in ("2001/paper.txt", "2001/only.txt", "2002/paper.txt", "2002/sub/deep.txt", "2002/plain.jsonl"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    return [str(tmp_path / "2001"), str(tmp_path / "2002")]


def test_two_folders_holding_the_same_relative_path_are_both_summarized(tmp_path: Path, example_text: str) -> None:
    """QA: `batch 2001 2002` named both `paper` and left the second out as a duplicate id."""
    folders = _two_folders(tmp_path, example_text)
    (tmp_path / "2002" / "plain.jsonl").write_text('{"full_text": "x"}\n', encoding="utf-8")
    assert _ids(folders) == ["only", "2001/paper", "2002/paper", "plain:1", "sub/deep"]  # ids no other folder has: as before
    out = tmp_path / "out.jsonl"
    args = ["batch", *folders, "-o", str(out), "-w", "60", "--no-progress"]
    result = CliRunner().invoke(app, args)
    assert "duplicate" not in result.stderr
    assert [row["id"] for row in read_rows(out)] == ["only", "2001/paper", "2002/paper", "plain:1", "sub/deep"]
    again = CliRunner().invoke(app, args)  # a re-run names them alike, so it resumes with nothing to do
    assert "0 done, 5 skipped" in again.stderr


def test_one_folder_named_twice_is_still_a_duplicate(tmp_path: Path, example_text: str) -> None:
    first, _ = _two_folders(tmp_path, example_text)
    again = f"{tmp_path}/2001/../2001"
    assert _ids([first, again]) == ["only", "paper", "only", "paper"]  # the later ones: reported duplicates


def test_two_folders_are_walked_once_before_the_run_and_the_total_comes_from_that_walk(
    tmp_path: Path, example_text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the walk that finds the shared ids and the progress bar's sizing walked each folder
    (stat of every file) once each, before the walk that reads them."""
    from synopsis.batch import sources
    from synopsis.batch.local import run_local
    from synopsis.batch.progress import Reporter

    folders = _two_folders(tmp_path, example_text)
    walked: list[str] = []
    real_walk = sources._walk

    def counted(folder: str, *args: object, **kwargs: object) -> object:
        walked.append(folder)
        return real_walk(folder, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(sources, "_walk", counted)
    totals: list[int] = []
    reporter = Reporter()
    reporter.set_total = totals.append  # type: ignore[method-assign]
    run_local(folders, str(tmp_path / "out.jsonl"), OPTIONS, reporter=reporter)
    assert sorted(walked) == sorted(folders * 2)  # the ids' walk, then the reading
    sizes = [path.stat().st_size for folder in folders for path in Path(folder).rglob("*") if path.is_file()]
    assert totals == [sum(sizes)]
