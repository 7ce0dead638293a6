"""Input streaming: every document once, in order, with an id and a location, however it is cut."""

from __future__ import annotations

import dataclasses
import gzip
import json
from pathlib import Path

from batch_helpers import OPTIONS, write_jsonl

from synopsis.batch.sources import FilesShard, JsonlShard, iter_shards
from synopsis.batch.work import SourceItem
from synopsis.errors import InputError
from synopsis.types import Article


def _items(inputs: list[str], *, split_bytes: int | None = None, warnings: list[str] | None = None) -> list[SourceItem]:
    warn = warnings.append if warnings is not None else (lambda message: None)
    return [item for shard in iter_shards(inputs, OPTIONS, split_bytes=split_bytes, warn=warn) for item in shard.items(OPTIONS)]


def _where(items: list[SourceItem]) -> list[tuple[str, int | None, bool]]:
    out = []
    for item in items:
        payload = item.payload
        line = payload.line if isinstance(payload, InputError) else payload.meta.get("line")
        out.append((item.id, line, isinstance(payload, Article)))
    return out


def test_cut_jsonl_pieces_hold_every_line_once_with_its_line_number(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    path = write_jsonl(tmp_path / "c.jsonl", short_articles, extra=[(3, ""), (5, "{broken")])
    whole = _items([str(path)])
    shards = list(iter_shards([str(path)], OPTIONS, split_bytes=9000))
    assert len(shards) > 3 and all(isinstance(s, JsonlShard) for s in shards)
    cut = [item for shard in shards for item in shard.items(OPTIONS)]
    assert _where(cut) == _where(whole)
    assert ("c:6", 6, False) in _where(whole)  # the broken line, after a blank one, keeps its line number
    assert sum(item.size for item in cut) == path.stat().st_size - 1  # every byte but the blank line's
    data = path.read_bytes()
    assert all(s.start == 0 or data[s.start - 1 : s.start] == b"\n" for s in shards if isinstance(s, JsonlShard))


def test_gzip_jsonl_streams_like_plain(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    plain = write_jsonl(tmp_path / "c.jsonl", short_articles)
    packed = tmp_path / "c.jsonl.gz"
    packed.write_bytes(gzip.compress(plain.read_bytes()))
    assert _where(_items([str(packed)])) == _where(_items([str(plain)]))


def test_a_truncated_gzip_gives_the_lines_before_and_one_error(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    plain = write_jsonl(tmp_path / "c.jsonl", short_articles)
    packed = gzip.compress(plain.read_bytes())
    damaged = tmp_path / "d.jsonl.gz"
    damaged.write_bytes(packed[: len(packed) * 2 // 3])
    items = _items([str(damaged)])
    assert all(isinstance(item.payload, Article) for item in items[:-1]) and len(items) > 2
    error = items[-1].payload
    assert isinstance(error, InputError) and "compressed data is damaged" in str(error) and "d.jsonl.gz" in str(error)


def test_a_bad_line_keeps_its_id_when_it_has_one(tmp_path: Path) -> None:
    records = [{"id": "no-text", "title": "t"}, {"id": "empty", "full_text": "  "}]
    path = write_jsonl(tmp_path / "c.jsonl", records, extra=[(2, "[1, 2]")])
    items = _items([str(path)])
    assert [item.id for item in items] == ["no-text", "empty", "c:3"]
    assert all(isinstance(item.payload, InputError) for item in items)
    assert "c.jsonl:1: has no 'full_text' field" in str(items[0].payload)


def test_missing_ids_are_file_stem_and_line(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    records = [{k: v for k, v in record.items() if k != "id"} for record in short_articles[:2]]
    path = write_jsonl(tmp_path / "noids.jsonl", records)
    assert [item.id for item in _items([str(path)])] == ["noids:1", "noids:2"]


def test_folder_files_are_named_by_their_path_in_the_folder(tmp_path: Path, example_text: str) -> None:
    folder = tmp_path / "papers"
    (folder / "2001").mkdir(parents=True)
    (folder / "2002").mkdir()
    (folder / "2001" / "paper.txt").write_text(example_text, encoding="utf-8")
    (folder / "2002" / "paper.txt").write_text(example_text, encoding="utf-8")
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (folder / ".hidden.txt").write_text(example_text, encoding="utf-8")
    warnings: list[str] = []
    items = _items([str(folder)], warnings=warnings)
    assert [item.id for item in items] == ["2001/paper", "2002/paper"]
    assert all(isinstance(item.payload, Article) and item.payload.meta["format"] == "record" for item in items)
    assert items[0].payload.meta["input"] == str(folder / "2001" / "paper.txt")  # type: ignore[union-attr]
    assert len(warnings) == 1 and "notes.csv" in warnings[0]


def test_folder_jsonl_files_are_streamed_between_text_files(
    tmp_path: Path, example_text: str, short_articles: list[dict[str, str]]
) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a.txt").write_text(example_text, encoding="utf-8")
    write_jsonl(folder / "b.jsonl", short_articles[:2])
    (folder / "c.txt").write_text(example_text, encoding="utf-8")
    shards = list(iter_shards([str(folder)], OPTIONS))
    assert [type(s).__name__ for s in shards] == ["FilesShard", "JsonlShard", "FilesShard"]
    ids = [item.id for shard in shards for item in shard.items(OPTIONS)]
    assert ids == ["a", short_articles[0]["id"], short_articles[1]["id"], "c"]


def test_a_pdf_goes_through_the_pdf_reader_and_a_bad_one_is_an_error_row(tmp_path: Path) -> None:
    folder = tmp_path / "pdfs"
    folder.mkdir()
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\nthis is not really a PDF\n")
    items = _items([str(folder)])
    assert [item.id for item in items] == ["broken"]
    error = items[0].payload
    assert isinstance(error, InputError) and str(error).startswith(str(folder / "broken.pdf"))


def test_an_unreadable_file_is_an_error_item(tmp_path: Path) -> None:
    shard = FilesShard(((str(tmp_path / "gone.txt"), str(tmp_path / "gone.txt"), "gone"),), 0)
    items = list(shard.items(OPTIONS))
    assert [item.id for item in items] == ["gone"]
    assert isinstance(items[0].payload, InputError) and "no such file" in str(items[0].payload)


def test_the_id_field_can_be_renamed(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    from dataclasses import replace

    from synopsis.ingest import JsonlFields

    records = [{"doi": f"10.1/{i}", "body": r["full_text"]} for i, r in enumerate(short_articles[:2])]
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    options = replace(OPTIONS, fields=JsonlFields(text="body", id="doi"))
    items = [item for shard in iter_shards([str(path)], options) for item in shard.items(options)]
    assert [item.id for item in items] == ["10.1/0", "10.1/1"]
    assert all(isinstance(item.payload, Article) for item in items)


def test_ids_of_lines_without_one_in_a_folder_are_its_path_and_line(tmp_path: Path, short_articles: list[dict[str, str]]) -> None:
    folder = tmp_path / "dump"
    (folder / "2019").mkdir(parents=True)
    (folder / "2020").mkdir()
    records = [{k: v for k, v in record.items() if k != "id"} for record in short_articles[:2]]
    write_jsonl(folder / "2019" / "part.jsonl", records)
    write_jsonl(folder / "2020" / "part.jsonl", records)
    assert [item.id for item in _items([str(folder)])] == ["2019/part:1", "2019/part:2", "2020/part:1", "2020/part:2"]


def test_gzip_jsonl_in_a_named_encoding_is_read_in_it(tmp_path: Path) -> None:
    """Was: a .jsonl.gz was read as UTF-8 lines whatever --encoding said: every line of a cp1252
    file an error row, "is not valid UTF-8 (byte 0xe9) (name the file's encoding with --encoding)",
    where `synopsis summarize --encoding cp1252` read it."""
    text = " ".join(f"The café served résumé number {i} of the naïve study of the coast." for i in range(30))
    packed = tmp_path / "c.jsonl.gz"
    packed.write_bytes(
        gzip.compress("".join(json.dumps({"id": n, "full_text": text}, ensure_ascii=False) + "\n" for n in "ab").encode("cp1252"))
    )
    options = dataclasses.replace(OPTIONS, encoding="cp1252")
    items = [item for shard in iter_shards([str(packed)], options) for item in shard.items(options)]
    assert [(item.id, isinstance(item.payload, Article) and item.payload.text == text) for item in items] == [
        ("a", True),
        ("b", True),
    ]
