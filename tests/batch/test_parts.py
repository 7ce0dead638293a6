"""Partitioned runs: a part resumes from its last whole row, and a merge cut short is redone."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from batch_helpers import OPTIONS

from synopsis.batch import run_local
from synopsis.batch.parts import PartsDir, run_shard
from synopsis.batch.sink import JsonlSink, SinkError
from synopsis.batch.sources import iter_shards
from synopsis.batch.work import Counts


def test_a_half_written_part_resumes_from_its_last_whole_row(tmp_path: Path, corpus: Path) -> None:
    shard = next(iter(iter_shards([str(corpus)], OPTIONS)))
    part = tmp_path / "part-000000-x.jsonl"
    first = run_shard(shard, OPTIONS, str(part))
    complete = part.read_bytes()
    lines = complete.splitlines(keepends=True)
    part.write_bytes(b"".join(lines[:5]) + lines[5][:100])
    part.with_suffix(".done").unlink()
    again = run_shard(shard, OPTIONS, str(part))
    assert part.read_bytes() == complete
    # The 5 rows already in the part count as done: the run that merges the part puts them into OUT.
    assert (first["summarized"], again["summarized"], again["skipped"], again["rows"]) == (8, 8, 0, 8)


def test_a_merge_cut_short_is_undone_then_redone(tmp_path: Path, corpus: Path) -> None:
    out = tmp_path / "out.jsonl"
    parts = PartsDir(out)
    parts.path.mkdir()
    shards = list(iter_shards([str(corpus)], OPTIONS, split_bytes=20000))
    assert len(shards) >= 2
    for index, shard in enumerate(shards):
        run_shard(shard, OPTIONS, str(parts.part(index, shard)))
    counts = Counts()
    with JsonlSink(out) as sink:
        parts.merge(parts.part(0, shards[0]), sink, base_ids=set(), counts=counts, warn=print)
        size = sink.tell()
    second = parts.part(1, shards[1])
    (parts.path / "merging.json").write_text(json.dumps({"part": second.name, "out_size": size}))
    with out.open("ab") as handle:  # the crash: some of part 1's rows were appended, not all
        handle.write(second.read_bytes().splitlines(keepends=True)[0])
    parts.undo_interrupted_merge(out)
    assert out.stat().st_size == size
    with JsonlSink(out) as sink:
        for index in range(1, len(shards)):
            parts.merge(parts.part(index, shards[index]), sink, base_ids=set(), counts=counts, warn=print)
    reference = tmp_path / "reference.jsonl"
    run_local([str(corpus)], str(reference), OPTIONS)
    assert out.read_bytes() == reference.read_bytes()
    assert counts.summarized == 8


def test_a_partitioned_rerun_with_another_lang_or_method_option_is_refused(tmp_path: Path) -> None:
    """`auto` and `-m reranked` record the same English method, yet differ outside English."""
    parts = PartsDir(tmp_path / "out.jsonl")
    settings = {"split_bytes": 100, "method": "reranked", "budget": {"words": 60, "sentences": None}, "journal_rows": 0}
    parts.check_state(**settings, method_option="auto", lang="auto")
    parts.check_state(**settings, method_option="auto", lang="auto")
    for other in ({"method_option": "reranked", "lang": "auto"}, {"method_option": "auto", "lang": "de"}):
        with pytest.raises(SinkError, match="run with the same options"):
            parts.check_state(**settings, **other)


def test_a_parts_folder_from_before_lang_was_recorded_still_resumes(tmp_path: Path) -> None:
    parts = PartsDir(tmp_path / "out.jsonl")
    parts.path.mkdir()
    budget = {"words": 60, "sentences": None}
    (parts.path / "state.json").write_text(
        json.dumps({"split_bytes": 100, "method": "reranked", "budget": budget, "base_rows": 0}), encoding="utf-8"
    )
    parts.check_state(split_bytes=100, method="reranked", budget=budget, journal_rows=0, method_option="auto", lang="de")


def test_a_parts_folder_of_other_options_is_refused_naming_the_option(tmp_path: Path) -> None:
    """Was: "was made with split_bytes=16777216, not 16000000" (the library's default was 16 MiB, the
    CLI's 16MB): a run started from Python could not be resumed from the CLI, and the line named no option."""
    from synopsis.batch.dask_engine import DEFAULT_PARTITION_BYTES

    assert DEFAULT_PARTITION_BYTES == 16_000_000  # what `--partition-size 16MB` gives
    parts = PartsDir(tmp_path / "out.jsonl")
    settings = {"method": "reranked", "budget": {"words": 200, "sentences": None}, "journal_rows": 0}
    parts.check_state(split_bytes=9000, **settings)  # type: ignore[arg-type]
    with pytest.raises(SinkError, match=r"was made with --partition-size \(bytes\) 9000, not 16000000"):
        parts.check_state(split_bytes=16_000_000, **settings)  # type: ignore[arg-type]
    with pytest.raises(SinkError, match=r"was made with --model \(the shipped model\), not /m.json"):
        parts.check_state(split_bytes=9000, model="/m.json", **settings)  # type: ignore[arg-type]


def test_a_parts_folder_of_a_model_retrained_in_place_is_refused(tmp_path: Path) -> None:
    """The same --model path with other bytes (retrained into the same file): its finished parts hold
    the old model's summaries. A folder from before the digest was recorded resumes, and records it:
    was skipped for ever, so no later retraining was caught there."""
    parts = PartsDir(tmp_path / "out.jsonl")
    settings = {"split_bytes": 100, "method": "reranked", "budget": {"words": 60, "sentences": None}, "journal_rows": 0}
    parts.check_state(**settings, model="/m.json", model_sha256="a" * 64)  # type: ignore[arg-type]
    parts.check_state(**settings, model="/m.json", model_sha256="a" * 64)  # type: ignore[arg-type]
    with pytest.raises(SinkError, match=r"was made with --model contents \(SHA-256\) a{64}, not b{64}"):
        parts.check_state(**settings, model="/m.json", model_sha256="b" * 64)  # type: ignore[arg-type]
    state = json.loads((parts.path / "state.json").read_text(encoding="utf-8"))
    del state["model_sha256"]
    (parts.path / "state.json").write_text(json.dumps(state), encoding="utf-8")
    parts.check_state(**settings, model="/m.json", model_sha256="b" * 64)  # type: ignore[arg-type]
    assert json.loads((parts.path / "state.json").read_text(encoding="utf-8"))["model_sha256"] == "b" * 64
    with pytest.raises(SinkError, match=r"was made with --model contents \(SHA-256\) b{64}, not c{64}"):
        parts.check_state(**settings, model="/m.json", model_sha256="c" * 64)  # type: ignore[arg-type]


def test_a_merged_part_names_its_last_row_so_a_replaced_out_is_told(tmp_path: Path, corpus: Path) -> None:
    """Markers counted rows only: an OUT replaced by another run's output with as many rows or
    more passed, and its parts were 'skipped (already in the output)' with none of their rows there."""
    out = tmp_path / "out.jsonl"
    parts = PartsDir(out)
    parts.path.mkdir()
    shard = next(iter(iter_shards([str(corpus)], OPTIONS, split_bytes=20000)))
    part = parts.part(0, shard)
    run_shard(shard, OPTIONS, str(part))
    with JsonlSink(out) as sink:
        parts.merge(part, sink, base_ids=set(), counts=Counts(), warn=print)
    ids = [json.loads(line)["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    markers = parts.markers()
    assert markers[part.name]["last_id"] == ids[-1]
    assert parts.not_in(set(ids)) == [] and parts.merged_rows(markers) == len(ids)
    assert parts.not_in({f"other-{doc_id}" for doc_id in ids}) == [part.name]
    marker = part.with_suffix(".merged")
    older = {key: value for key, value in json.loads(marker.read_text(encoding="utf-8")).items() if key != "last_id"}
    marker.write_text(json.dumps(older), encoding="utf-8")  # a marker from before last_id: not asked
    assert parts.not_in(set()) == []


def test_rows_without_the_text_field_that_a_killed_attempt_left_are_counted_as_such(
    tmp_path: Path, short_articles: list[dict[str, str]]
) -> None:
    """Was: a part resumed after its worker was killed counted the error rows it found as failed,
    but not those of records without the text field among them, so the run's "N records without a
    'full_text' field" line left them out (it said 1 of 2, or nothing at all)."""
    from batch_helpers import write_jsonl

    untexted = [{key: value for key, value in record.items() if key != "full_text"} for record in short_articles[:3]]
    corpus = write_jsonl(tmp_path / "corpus.jsonl", [untexted[0], short_articles[3], untexted[1], untexted[2]])
    shard = next(iter(iter_shards([str(corpus)], OPTIONS)))
    part = tmp_path / "part-000000-x.jsonl"
    whole = run_shard(shard, OPTIONS, str(part))
    part.with_suffix(".done").unlink()  # killed after its first three rows
    part.write_bytes(b"".join(part.read_bytes().splitlines(keepends=True)[:3]))
    again = run_shard(shard, OPTIONS, str(part))
    assert (whole["no_text"], whole["failed"], whole["summarized"]) == (3, 3, 1)
    assert (again["no_text"], again["failed"], again["summarized"]) == (3, 3, 1)


def test_a_part_computed_again_after_its_merge_is_not_recomputed(tmp_path: Path, corpus: Path) -> None:
    """Was: when the worker holding a finished part's result died, Dask computed the task again
    (the client still held it); the part had been merged meanwhile, its `.done` and rows gone, so
    the task computed every row again and left a part file and a `.done` beside its `.merged`."""
    out = tmp_path / "out.jsonl"
    parts = PartsDir(out)
    parts.path.mkdir()
    shard = next(iter(iter_shards([str(corpus)], OPTIONS)))
    part = parts.part(0, shard)
    run_shard(shard, OPTIONS, str(part))
    with JsonlSink(out) as sink:
        parts.merge(part, sink, base_ids=set(), counts=Counts(), warn=lambda message: None)
    again = run_shard(shard, OPTIONS, str(part))  # Dask's recomputation
    assert sorted(path.name for path in parts.path.iterdir()) == [part.with_suffix(".merged").name]
    assert again["rows"] == 8


_READ_KILLER = """
import dataclasses, os, sys
from batch_helpers import OPTIONS
from synopsis.batch.parts import run_shard
from synopsis.batch.sources import iter_shards


@dataclasses.dataclass(frozen=True)
class ReadKiller:
    inner: object

    @property
    def size(self):
        return self.inner.size

    @property
    def key(self):
        return self.inner.key

    def items(self, options):
        for item in self.inner.items(options):
            if item.id == "killer":
                os._exit(9)  # reading it crashes the process, as a PDF can crash the native parser
            yield item


corpus, part = sys.argv[1:3]
run_shard(ReadKiller(next(iter(iter_shards([corpus], OPTIONS, split_bytes=10**6)))), OPTIONS, part, "RUN1")
"""


def test_a_death_while_reading_the_next_document_is_not_blamed_on_the_last_one(tmp_path: Path) -> None:
    """Before: the document summarized last before a death in reading the next (a PDF crashing the
    parser) was the suspect; it survived its retry, the next read killed the worker again, and it
    got the "worker process died" error row (a review of the Dask engine's worker deaths)."""
    import os
    import subprocess
    import sys

    sentence = "The committee approved the new budget for the coming year after a long debate. "
    records = [{"id": f"doc{i}", "full_text": (sentence + f"Item {i} was discussed by members. ") * 6} for i in range(3)]
    records.append({"id": "killer", "full_text": sentence * 6})
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    script = tmp_path / "attempt.py"
    script.write_text(_READ_KILLER, encoding="utf-8")
    (tmp_path / "parts").mkdir()
    part = tmp_path / "parts" / "part-000000-x.jsonl"
    here = Path(__file__).resolve().parent
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(here.parents[1] / "src"), str(here)])}
    for _ in range(4):
        attempt = subprocess.run([sys.executable, str(script), str(corpus), str(part)], env=env, capture_output=True)
        assert attempt.returncode == 9, attempt.stderr.decode()[-2000:]
    rows = [json.loads(line) for line in part.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == ["doc0", "doc1", "doc2"]
    assert not [row for row in rows if "error" in row]
