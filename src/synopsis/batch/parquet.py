"""Output rows as Parquet (needs pyarrow: `synopsis[parquet]`).

The schema is fixed rather than inferred, so every file (and every batch inside one) has the same
columns whatever the rows hold; `params` varies with the method and is kept as a JSON string.
Conversion streams in batches, so a Parquet OUT costs no more memory than a JSONL one.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from .. import rows
from ..errors import MissingExtra, SynopsisError
from ..rows import Field
from .files import iter_lines, replace_durably, temporary_for

_BATCH_ROWS = 2000


def _json_paths(fields: tuple[Field, ...], prefix: tuple[str, ...] = ()) -> tuple[tuple[str, ...], ...]:
    """Where the "json" fields are (a column, or a field of a struct column): Parquet holds them as
    JSON strings."""
    found: list[tuple[str, ...]] = []
    for field in fields:
        if field.kind == "json":
            found.append((*prefix, field.name))
        elif isinstance(field.kind, tuple) and not field.many:
            found.extend(_json_paths(field.kind, (*prefix, field.name)))
    return tuple(found)


_JSON_PATHS = _json_paths(rows.SUMMARY)


def _pyarrow():  # type: ignore[no-untyped-def]
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise MissingExtra("Parquet output", "parquet") from None
    return pyarrow


def schema():  # type: ignore[no-untyped-def]
    """The Parquet schema of output rows, derived from their one definition (`synopsis.rows`):
    a summary's fields and an error row's, every column nullable."""
    pa = _pyarrow()
    scalars = {
        "int32": pa.int32(),
        "int64": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "str": pa.string(),
        "json": pa.string(),
        "list[str]": pa.list_(pa.string()),
    }

    def arrow(field: Field):  # type: ignore[no-untyped-def]
        kind = pa.struct([(f.name, arrow(f)) for f in field.kind]) if isinstance(field.kind, tuple) else scalars[field.kind]
        return pa.list_(kind) if field.many else kind

    columns = {field.name: arrow(field) for field in (*rows.ERROR, *rows.SUMMARY)}
    order = ("id", "error", "input", "line", *(name for name in rows.names(rows.SUMMARY) if name not in ("id", "input")))
    return pa.schema([(name, columns[name]) for name in order])


def _to_columns(row: dict[str, Any]) -> dict[str, Any]:
    return _converted(dict(row), lambda value: json.dumps(value, ensure_ascii=False, sort_keys=True))


def _from_columns(row: dict[str, Any]) -> dict[str, Any]:
    return _converted({key: value for key, value in row.items() if value is not None}, json.loads)


def _converted(row: dict[str, Any], convert: Callable[[Any], Any]) -> dict[str, Any]:
    """`row` with `convert` applied to each "json" field it has (the structs on the way copied, so
    the caller's row is left as it was)."""
    for path in _JSON_PATHS:
        parent = row
        for key in path[:-1]:
            child = parent.get(key)
            if not isinstance(child, dict):
                break
            copy = dict(child)
            parent[key] = copy
            parent = copy
        else:
            if parent.get(path[-1]) is not None:
                parent[path[-1]] = convert(parent[path[-1]])
    return row


class UnstorableRow(SynopsisError):
    """A row Parquet cannot store: said in one line (the CLI's exit 1), the journal kept."""


def journal_to_parquet(journal: Path, out: Path) -> None:
    """Write every row of the JSONL `journal` to `out` (via a temporary file, then renamed)."""
    pa = _pyarrow()
    table_schema = schema()
    temporary = temporary_for(out)
    try:
        with pa.parquet.ParquetWriter(temporary, table_schema, compression="zstd") as writer:
            batch: list[dict[str, Any]] = []
            for _, line in iter_lines(journal):
                batch.append(_to_columns(json.loads(line)))
                if len(batch) >= _BATCH_ROWS:
                    writer.write_table(pa.Table.from_pylist(batch, schema=table_schema))
                    batch.clear()
            if batch:
                writer.write_table(pa.Table.from_pylist(batch, schema=table_schema))
    except BaseException as err:
        # A full disk stops the writer half way: the journal keeps every row, and the partial file
        # would only hold on to the space the re-run needs.
        temporary.unlink(missing_ok=True)
        if isinstance(err, UnicodeEncodeError):  # Arrow's strings are UTF-8; a lone surrogate is none
            raise UnstorableRow(
                f"{out}: a row's id or text holds a byte that is no UTF-8 (a file name's, read as"
                f" {err.object[err.start : err.end]!r}), which Parquet cannot store; every row is kept in"
                f" {journal}: write a JSONL OUT (-o OUT.jsonl), which keeps it, or rename the file"
            ) from None
        raise
    replace_durably(temporary, out)


def read_rows(path: Path) -> Iterator[dict[str, Any]]:
    """The rows of a Parquet OUT, as the JSONL rows they were written from."""
    pa = _pyarrow()
    for batch in pa.parquet.ParquetFile(path).iter_batches(batch_size=_BATCH_ROWS):
        for row in batch.to_pylist():
            yield _from_columns(row)


def parquet_to_journal(out: Path, journal: Path) -> None:
    """Turn an earlier run's Parquet OUT back into a journal that a re-run can append to."""
    from .work import encode_row

    temporary = temporary_for(journal)
    with temporary.open("w", encoding="utf-8") as handle:
        for row in read_rows(out):
            handle.write(encode_row(row) + "\n")
    replace_durably(temporary, journal)
