"""Input streaming: turn INPUT paths (files and folders) into shards, and shards into documents.

A shard is a small picklable description of a slice of the input (a byte range of a JSONL file, a
group of text/PDF files, some row groups of a Parquet file) that any process that can see the
files can read on its own. The local engine reads shards one after another in this process; the
Dask engine sends each to a worker. Nothing here holds more than one batch of documents.

Document ids: the id field when the record has one; otherwise `stem:line` (JSONL, like
`synopsis summarize`) or `stem:row` (Parquet). A file found inside a folder is named by its path
relative to that folder without the extension (`2001/paper1`, or `2001/part-3:17` for line 17 of
`2001/part-3.jsonl` without ids), so files with the same name in different subfolders stay apart;
files of one folder that differ only in their extension (`paper1.txt`, `paper1.pdf`) both keep it
(`2001/paper1.txt`, `2001/paper1.pdf`), so that neither is left out as a duplicate id. Files
given as INPUTs are named by their stem, unless another file INPUT has the same stem: then each of
those is named by its path relative to the folder that holds them all (`x1/paper`, `x2/paper`;
`distinct_file_ids`); likewise an id that files of two folder INPUTs share gets its folder's path
in front (`batch 2001 2002`: `2001/paper`, `2002/paper`; `FolderIds`).
"""

from __future__ import annotations

import contextlib
import dataclasses
import gzip
import hashlib
import json
import os
import stat
import threading
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ..errors import InputError, MissingExtra
from ..ingest import absent, detect_format, read_articles, reads_line_by_line, require_pdf
from ..ingest.decode import named_reading
from ..ingest.jsonl import MAX_LINE_BYTES, JsonlFields, article_from_record, parse_line, record_id
from ..types import Article
from .work import BatchOptions, SourceItem

# What a folder contributes: the formats synopsis reads. Anything else in it is skipped (and said).
TEXT_SUFFIXES = (".txt", ".text", ".txt.gz")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
PARQUET_SUFFIXES = (".parquet", ".pq")
PDF_SUFFIXES = (".pdf",)
FOLDER_SUFFIXES = TEXT_SUFFIXES + JSONL_SUFFIXES + PARQUET_SUFFIXES + PDF_SUFFIXES
# Files of a folder are grouped into shards of at most this many (and about `split_bytes`).
FILES_PER_SHARD = 500
_SCAN_CHUNK = 1 << 24


class Shard(Protocol):
    """A slice of the input that can be read anywhere the files are visible."""

    @property
    def size(self) -> int: ...

    @property
    def key(self) -> str: ...

    def items(self, options: BatchOptions) -> Iterator[SourceItem]: ...


def _key(*parts: object) -> str:
    """A short stable name for a shard, so a re-run finds the part file an earlier run wrote."""
    # surrogatepass: a file name's undecodable byte (a lone surrogate) is part of the name, not an error
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8", "surrogatepass")).hexdigest()[:10]


@dataclass(frozen=True, slots=True)
class JsonlShard:
    """Lines of a JSONL file (optionally gzip) that start in [start, end); `path` is what the user
    typed (it goes into messages and rows), `location` the absolute path that workers open."""

    path: str
    location: str
    size: int
    start: int = 0
    end: int | None = None
    first_line: int = 1
    name: str = ""  # what ids without an id field start with; default the file's stem

    @property
    def key(self) -> str:
        return _key("jsonl", self.location, self.start, self.end)

    def items(self, options: BatchOptions) -> Iterator[SourceItem]:
        stem = self.name or Path(self.path).stem
        line = self.first_line - 1
        try:
            with open(self.location, "rb") as raw:
                if self.location.endswith(".gz"):
                    yield from self._lines(gzip.GzipFile(fileobj=raw, mode="rb"), raw, stem, options.fields)
                    return
                raw.seek(self.start)
                yield from self._lines(raw, raw, stem, options.fields)
        except OSError as err:
            yield SourceItem(f"{stem}:{line + 1}", InputError(f"cannot be read ({err.strerror or err})", source=self.path), 0)

    def _lines(self, handle: object, raw: object, stem: str, fields: JsonlFields) -> Iterator[SourceItem]:
        assert hasattr(handle, "readline") and hasattr(raw, "tell")
        line = self.first_line - 1
        offset = self.start
        last_position = raw.tell()
        limit = self.end
        while limit is None or offset < limit:
            try:
                data, length = _bounded_line(handle)
            except (OSError, EOFError, zlib.error) as err:
                message = f"compressed data is damaged after line {line} ({err}); the lines before it were read"
                yield SourceItem(f"{stem}:{line + 1}", InputError(message, source=self.path, line=line + 1), 0)
                return
            if not data:
                return
            line += 1
            offset += length
            position = raw.tell()
            size, last_position = position - last_position, position
            if not data.strip():
                continue
            try:
                article = parse_line(data, source=self.path, line=line, fields=fields, stem=stem, size=length)
            except InputError as err:
                yield SourceItem(_id_of_bad_line(data, fields.id) or f"{stem}:{line}", err, size)
                continue
            yield SourceItem(article.id, article, size)


def _bounded_line(handle: Any) -> tuple[bytes, int]:
    """The next line (its first `MAX_LINE_BYTES` + 1 bytes at most) and its whole length: a line of
    gigabytes (a file without line ends) is skipped in pieces and refused by its length, as
    `summarize` refuses it, instead of being read whole into a worker's memory."""
    data = handle.readline(MAX_LINE_BYTES + 1)
    length = len(data)
    if length > MAX_LINE_BYTES and not data.endswith(b"\n"):
        while piece := handle.readline(1 << 20):
            length += len(piece)
            if piece.endswith(b"\n"):
                break
    return data, length


def _id_of_bad_line(data: bytes, id_field: str) -> str | None:
    """The id of a line that parsed as JSON but failed later (no text, empty text), so its error
    row carries the id a user will look for."""
    try:
        record = json.loads(data)
    except (ValueError, RecursionError):  # not JSON, or nested too deep to parse: no id to tell
        return None
    try:
        return record_id(record.get(id_field)) if isinstance(record, dict) else None
    except InputError:  # an id that is no id (true, a list): the row is named by its line
        return None


@dataclass(frozen=True, slots=True)
class FilesShard:
    """Whole files (text, record, PDF), one article each; (shown path, absolute path, id or "")."""

    files: tuple[tuple[str, str, str], ...]
    size: int

    @property
    def key(self) -> str:
        return _key("files", *(location for _, location, _ in self.files))

    def items(self, options: BatchOptions) -> Iterator[SourceItem]:
        for path, location, doc_id in self.files:
            try:
                size = os.path.getsize(location)
            except OSError:
                size = 0
            stem = doc_id or Path(path).stem
            if (why := not_a_file(location)) is not None:
                yield SourceItem(stem, InputError(why, source=path), size)
                continue
            found = read_articles(
                location, format=options.format, fields=options.fields, encoding=options.encoding, max_bytes=options.max_bytes
            )
            for got in found:
                if isinstance(got, InputError):
                    error = got.at(path if got.source in (location, None) else got.source)
                    where = f":item{got.item}" if got.item is not None else f":{got.line}" if got.line is not None else ""
                    yield SourceItem(stem + where, error, size)
                else:
                    got.meta["input"] = path
                    if doc_id and got.meta.get("format") != "jsonl":
                        got = dataclasses.replace(got, id=doc_id)
                    yield SourceItem(got.id, got, size)
                size = 0


@dataclass(frozen=True, slots=True)
class ParquetShard:
    """Some row groups of a Parquet file; rows are numbered from 1 across the file."""

    path: str
    location: str
    size: int
    row_groups: tuple[int, ...]
    first_row: int = 1
    rows: int = 0
    name: str = ""
    # Columns read besides the article's own (the fields' columns), kept in its meta where present.
    extra: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return _key("parquet", self.location, *self.row_groups)

    def items(self, options: BatchOptions) -> Iterator[SourceItem]:
        stem = self.name or Path(self.path).stem
        row = self.first_row - 1
        per_row = self.size // max(1, self.rows)
        try:
            parquet = _pyarrow_parquet()
            file = parquet.ParquetFile(self.location)
            names = set(file.schema_arrow.names)
            fields = options.fields
            own = (fields.id, fields.text, fields.title, fields.abstract, *self.extra)
            columns = list(dict.fromkeys(c for c in own if c in names))
            for batch in file.iter_batches(batch_size=64, row_groups=list(self.row_groups), columns=columns):
                for record in batch.to_pylist():
                    row += 1
                    try:
                        article = article_from_record(record, source=self.path, line=row, fields=fields, stem=stem)
                    except InputError as err:
                        try:
                            known = record_id(record.get(fields.id))
                        except InputError:
                            known = None
                        yield SourceItem(known or f"{stem}:{row}", err, per_row)
                        continue
                    article.meta["format"] = "parquet"
                    yield SourceItem(article.id, article, per_row)
        except InputError as err:
            yield SourceItem(f"{stem}:{row + 1}", err.at(self.path), self.size)
        except Exception as err:  # pyarrow raises its own types (ArrowInvalid, OSError) for damaged files
            message = f"cannot be read as Parquet after row {row} ({type(err).__name__}: {err})"
            yield SourceItem(f"{stem}:{row + 1}", InputError(message, source=self.path, line=row + 1), 0)


def read_parquet(path: str, fields: JsonlFields, extra: tuple[str, ...] = ()) -> Iterator[Article | InputError]:
    """The articles of one Parquet file as `synopsis batch` reads them (ids, row numbers, errors),
    for a command that reads a corpus file whole (`synopsis evaluate`); `extra` columns go to the
    meta. Raises MissingExtra when pyarrow is not installed."""
    options = BatchOptions(fields=fields)
    for shard in _parquet_shards(path, path, os.path.getsize(path), None, name=""):
        read = dataclasses.replace(shard, extra=extra) if isinstance(shard, ParquetShard) else shard
        for item in read.items(options):
            yield item.payload


def _pyarrow_parquet():  # type: ignore[no-untyped-def]
    try:
        import pyarrow.parquet as parquet
    except ImportError:
        raise MissingExtra("Parquet input", "parquet") from None
    return parquet


def missing_inputs(inputs: Sequence[str]) -> list[tuple[str, str]]:
    """Inputs that do not exist, each with why (no such file, a symbolic link loop ...): a usage
    error, said before any work starts."""
    found = ((path, absent(path, "no such file or folder")) for path in inputs)
    return [(path, why) for path, why in found if why is not None]


def iter_shards(
    inputs: Sequence[str],
    options: BatchOptions,
    *,
    split_bytes: int | None = None,
    warn: Callable[[str], None] = lambda message: None,
    output: str | None = None,
    sized: Callable[[int], None] | None = None,
) -> Iterator[Shard]:
    """Shards of every input, in input order (folders walked in sorted order), lazily: a folder of
    millions of files is never listed in memory at once. `split_bytes` cuts big JSONL and Parquet
    files into pieces of about that size (the Dask engine's partitions); None keeps files whole.
    Files of the run's own `output` (OUT, its journal, its parts) are never read as input, even
    when OUT sits inside an input folder. `sized` hears the input's total size (the progress bar's):
    from the walk `FolderIds` takes anyway when two or more folders are given, else from a walk in
    a background thread (a folder of millions of files takes a while to stat), so that the first
    summaries do not wait for it and no folder is walked twice before the run."""
    own = os.path.abspath(output) if output else None
    names = distinct_file_ids(inputs)
    folder_bytes: dict[str, int] = {}
    shared = FolderIds.of(inputs, own, folder_bytes)
    if sized is not None and folder_bytes:
        sized(input_bytes(inputs, folder_bytes))
    elif sized is not None:
        threading.Thread(target=lambda: sized(input_bytes(inputs)), name="synopsis-input-size", daemon=True).start()
    for path in inputs:
        if os.path.isdir(path):
            yield from _folder_shards(path, options, split_bytes=split_bytes, warn=warn, own=own, shared=shared)
        else:
            yield from _file_shards(path, os.path.abspath(path), options, split_bytes=split_bytes, doc_id=names.get(path, ""))


def distinct_file_ids(inputs: Sequence[str]) -> dict[str, str]:
    """Ids for the file INPUTs whose own id (the file's stem) another file INPUT has too, so that
    `x1/paper.txt x2/paper.txt` are two documents, not one and a duplicate: each is named by its
    path relative to the folder that holds them all, without the extension (`x1/paper`,
    `x2/paper`), or with it where that alone is still shared (`paper.txt`, `paper.pdf`). Files that
    get no entry keep the stem; one file named twice (or through a link) stays a real duplicate.
    For JSONL and Parquet INPUTs the name is what ids of records without an id field start with;
    ids in the data are never changed."""
    by_stem: dict[str, list[str]] = {}
    for path in dict.fromkeys(inputs):
        if not os.path.isdir(path):
            by_stem.setdefault(Path(path).stem, []).append(path)
    names: dict[str, str] = {}
    for paths in by_stem.values():
        if len(paths) > 1:
            names.update(_relative_names(paths))
    return names


def _relative_names(paths: list[str]) -> dict[str, str]:
    """Each path relative to the folder that holds them all, without its extension unless two
    need it; paths to one file (a link, `./a` and `a`) get the name of the first, and when all
    are one file they keep their stem."""
    first: dict[str, str] = {}
    for path in paths:
        first.setdefault(os.path.realpath(path), path)
    if len(first) == 1:
        return {}
    located = {path: os.path.abspath(path) for path in first.values()}
    common = os.path.commonpath([os.path.dirname(location) for location in located.values()])
    relative = {path: os.path.relpath(location, common).replace(os.sep, "/") for path, location in located.items()}
    short = {path: _without_extension(name) for path, name in relative.items()}
    shared = Counter(short.values())
    names = {path: short[path] if shared[short[path]] == 1 else relative[path] for path in located}
    return {path: names[first[os.path.realpath(path)]] for path in paths}


@dataclass(frozen=True, slots=True)
class FolderIds:
    """Ids that files of two or more folder INPUTs share (`2001/paper.txt` and `2002/paper.txt`
    given as `batch 2001 2002` are both `paper`): such an id is prefixed with its folder's path
    relative to the folder that holds all the folder INPUTs (`2001/paper`, `2002/paper`), so that
    neither is left out as a duplicate. Other ids stay as they are. Knowing which ids are shared
    takes a walk of the folders before the run (only when two or more are given) and 8 bytes per
    file (a hash), so a folder of millions of files is never listed in memory."""

    prefixes: dict[str, str]  # folder INPUT -> its prefix
    hashes: frozenset[int] = frozenset()

    @classmethod
    def of(cls, inputs: Sequence[str], own: str | None = None, sizes: dict[str, int] | None = None) -> FolderIds:
        """The shared ids of the folder INPUTs; the walk that finds them puts each folder's bytes
        (by its real path) in `sizes`, so that sizing the input needs no second walk."""
        folders: dict[str, str] = {}
        for path in dict.fromkeys(inputs):
            if os.path.isdir(path):
                folders.setdefault(os.path.realpath(path), path)  # one folder named twice stays one
        if len(folders) < 2:
            return cls({})
        per_folder = []
        for real, path in folders.items():
            ids, size = _folder_ids(path, own)
            per_folder.append(ids)
            if sizes is not None:
                sizes[real] = size
        values, counts = np.unique(np.concatenate(per_folder), return_counts=True)
        hashes = frozenset(int(value) for value in values[counts > 1])
        if not hashes:
            return cls({})
        located = {real: os.path.abspath(path) for real, path in folders.items()}
        common = os.path.commonpath(list(located.values()))
        prefixes = {real: os.path.relpath(location, common).replace(os.sep, "/") for real, location in located.items()}
        return cls({path: prefixes[os.path.realpath(path)] for path in inputs if os.path.isdir(path)}, hashes)

    def id_in(self, folder: str, doc_id: str) -> str:
        """The id of `doc_id` found in folder INPUT `folder`: prefixed where another folder has it too."""
        prefix = self.prefixes.get(folder)
        if prefix and prefix != "." and _id_hash(doc_id) in self.hashes:
            return f"{prefix}/{doc_id}"
        return doc_id


def _folder_ids(folder: str, own: str | None) -> tuple[np.ndarray, int]:
    """The distinct hashes of the ids of `folder`'s files, and their bytes, in one walk."""
    size = 0

    def hashes() -> Iterator[int]:
        nonlocal size
        for _, _, file_size, doc_id in _walk(folder, own=own):
            size += file_size
            yield _id_hash(doc_id)

    return np.unique(np.fromiter(hashes(), dtype=np.uint64)), size


def _id_hash(doc_id: str) -> int:
    return int.from_bytes(hashlib.blake2b(doc_id.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")


def _without_extension(relative: str) -> str:
    """`x1/paper.txt` -> `x1/paper`: the relative path cut as a file's own id is (its stem)."""
    folder, _, name = relative.rpartition("/")
    stem = Path(name).stem
    return f"{folder}/{stem}" if folder else stem


def input_bytes(inputs: Sequence[str], folder_bytes: Mapping[str, int] | None = None) -> int:
    """Total size of what `iter_shards` will read (for the progress bar's ETA); `folder_bytes`
    holds the folders already walked (by real path)."""
    total = 0
    known = folder_bytes or {}
    for path in inputs:
        if os.path.isdir(path):
            walked = known.get(os.path.realpath(path))
            total += walked if walked is not None else sum(size for _, _, size, _ in _walk(path))
        else:
            with contextlib.suppress(OSError):
                total += os.path.getsize(path)
    return total


def _walk(
    folder: str,
    ignored: Callable[[str], None] = lambda path: None,
    own: str | None = None,
    linked: Callable[[str], None] = lambda path: None,
) -> Iterator[tuple[str, str, int, str]]:
    """(path, path relative to `folder`, size, document id) of readable-format files, sorted,
    hidden ones and those whose absolute path starts with `own` left out; `ignored` hears of the
    other files, `linked` of the symbolic links to folders, which are not followed (one may lead
    back to a folder above it). The id is the relative path without the extension, or with it
    where another file of the same folder has the same name without it."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in dirs:
            if os.path.islink(os.path.join(root, name)):
                linked(os.path.join(root, name))  # os.walk does not enter it
        kept: list[tuple[str, str, int, str]] = []
        for name in sorted(files):
            full = os.path.join(root, name)
            if name.startswith(".") or (own and os.path.abspath(full).startswith(own)):
                continue
            if not name.lower().endswith(FOLDER_SUFFIXES):
                ignored(full)
                continue
            try:
                size = os.path.getsize(full)
            except OSError:
                size = 0
            relative = os.path.relpath(full, folder)
            kept.append((full, relative, size, _strip_suffix(relative.replace(os.sep, "/"))))
        stems = Counter(doc_id for *_, doc_id in kept)
        for full, relative, size, doc_id in kept:
            yield full, relative, size, doc_id if stems[doc_id] == 1 else relative.replace(os.sep, "/")


def _folder_shards(
    folder: str,
    options: BatchOptions,
    *,
    split_bytes: int | None,
    warn: Callable[[str], None],
    own: str | None,
    shared: FolderIds,
) -> Iterator[Shard]:
    said: list[str] = []

    def ignored(path: str) -> None:
        if not said:
            said.append(path)
            warn(f"{folder}: leaving out files that are not {', '.join(FOLDER_SUFFIXES)} (e.g. {path})")

    links: list[str] = []

    def linked(path: str) -> None:
        if not links:
            links.append(path)
            warn(
                f"{folder}: not following symbolic links to folders (e.g. {path});"
                " give such a folder as an INPUT of its own to read it"
            )

    group: list[tuple[str, str, str]] = []
    group_size = 0
    for full, relative, size, found_id in _walk(folder, ignored, own, linked):
        doc_id = shared.id_in(folder, found_id)
        name = relative.lower()
        if name.endswith(JSONL_SUFFIXES + PARQUET_SUFFIXES):
            if group:
                yield FilesShard(tuple(group), group_size)
                group, group_size = [], 0
            yield from _file_shards(full, os.path.abspath(full), options, split_bytes=split_bytes, doc_id=doc_id)
            continue
        if options.format == "pdf" or name.endswith(PDF_SUFFIXES):
            require_pdf()
        group.append((full, os.path.abspath(full), doc_id))
        group_size += size
        if len(group) >= FILES_PER_SHARD or (split_bytes is not None and group_size >= split_bytes):
            yield FilesShard(tuple(group), group_size)
            group, group_size = [], 0
    if group:
        yield FilesShard(tuple(group), group_size)


def _strip_suffix(relative: str) -> str:
    lower = relative.lower()
    for suffix in sorted(FOLDER_SUFFIXES, key=len, reverse=True):
        if lower.endswith(suffix):
            return relative[: -len(suffix)]
    return relative


def not_a_file(location: str) -> str | None:
    """Why batch does not read `location` although it exists (a named pipe, a socket), or None:
    opening a FIFO in a folder waited for a writer forever, and what was read from one could not
    be read again when the run resumes. A device is read, to its limit (/dev/zero: binary data)."""
    try:
        mode = os.stat(location).st_mode
    except (OSError, ValueError):  # reading it says why
        return None
    kind = "a named pipe (FIFO)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else None
    if kind is None:
        return None
    return f"is {kind}, not a file: batch reads files, which a resumed run reads again; save it to a file"


def _file_shards(path: str, location: str, options: BatchOptions, *, split_bytes: int | None, doc_id: str) -> Iterator[Shard]:
    if not_a_file(location):  # FilesShard turns this into an error row with the reason, without opening it
        yield FilesShard(((path, location, doc_id),), 0)
        return
    try:
        size = os.path.getsize(location)
        with open(location, "rb") as handle:
            head = handle.read(65536)
    except OSError:  # FilesShard turns this into an error row with the reason
        yield FilesShard(((path, location, doc_id),), 0)
        return
    if location.lower().endswith(PARQUET_SUFFIXES) or head.startswith(b"PAR1"):
        yield from _parquet_shards(path, location, size, split_bytes, name=doc_id)
        return
    fmt = options.format if options.format != "auto" else detect_format(path, head, options.encoding)
    if fmt == "pdf":
        require_pdf()
    gzipped = location.endswith(".gz")  # its head is compressed: read line by line (as UTF-8) as before
    if fmt == "jsonl" and not gzipped and not reads_line_by_line(head, options.encoding):
        yield FilesShard(((path, location, doc_id),), size)  # UTF-16, a JSON array, binary: read whole
        return
    if fmt == "jsonl" and gzipped and named_reading(options.encoding, b"") is not None:
        # In an encoding named (cp1252): read as summarize reads it, not as UTF-8 lines (was: "is
        # not valid UTF-8 ... name the file's encoding with --encoding" for each line).
        yield FilesShard(((path, location, doc_id),), size)
        return
    if fmt == "jsonl":
        if split_bytes is None or gzipped or size <= split_bytes:
            yield JsonlShard(path, location, size, name=doc_id)
        else:
            yield from _jsonl_pieces(path, location, size, split_bytes, name=doc_id)
        return
    yield FilesShard(((path, location, doc_id),), size)


def _jsonl_pieces(path: str, location: str, size: int, split_bytes: int, *, name: str) -> Iterator[JsonlShard]:
    """Cut a plain JSONL file at line starts about every `split_bytes`, counting lines on the way
    so that every piece knows its first line number (error rows and `stem:line` ids need it).
    One sequential read of the file, far cheaper than summarizing it."""
    cuts = [(0, 1)]
    search_from = split_bytes - 1
    newlines = 0
    position = 0
    with open(location, "rb") as handle:
        while chunk := handle.read(_SCAN_CHUNK):
            while search_from - position < len(chunk):
                index = chunk.find(b"\n", max(0, search_from - position))
                if index < 0:
                    break
                cut = position + index + 1
                if cut < size:
                    cuts.append((cut, 1 + newlines + chunk.count(b"\n", 0, index + 1)))
                search_from = cut + split_bytes - 1
            newlines += chunk.count(b"\n")
            position += len(chunk)
    for i, (start, first_line) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < len(cuts) else None
        yield JsonlShard(path, location, (end if end is not None else size) - start, start, end, first_line, name)


def _parquet_shards(path: str, location: str, size: int, split_bytes: int | None, *, name: str) -> Iterator[Shard]:
    parquet = _pyarrow_parquet()  # a missing extra stops the run (exit 2), not one row per file
    try:
        metadata = parquet.ParquetFile(location).metadata
    except Exception as err:
        reason = f"cannot be read as Parquet ({type(err).__name__}: {err})"
        yield _ErrorShard(path, InputError(reason, source=path), size)
        return
    groups: list[int] = []
    group_bytes = rows = 0
    first_row = 1
    for index in range(metadata.num_row_groups):
        group = metadata.row_group(index)
        groups.append(index)
        group_bytes += group.total_byte_size
        rows += group.num_rows
        if split_bytes is not None and group_bytes >= split_bytes:
            yield ParquetShard(path, location, group_bytes, tuple(groups), first_row, rows, name)
            first_row += rows
            groups, group_bytes, rows = [], 0, 0
    if groups:
        yield ParquetShard(path, location, group_bytes, tuple(groups), first_row, rows, name)


@dataclass(frozen=True, slots=True)
class _ErrorShard:
    """An input that fails as a whole (a damaged Parquet footer): one error row for it."""

    path: str
    error: InputError
    size: int

    @property
    def key(self) -> str:
        return _key("error", self.path)

    def items(self, options: BatchOptions) -> Iterator[SourceItem]:
        yield SourceItem(Path(self.path).stem, self.error, self.size)
