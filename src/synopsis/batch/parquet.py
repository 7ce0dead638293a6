"""Output rows as Parquet (needs pyarrow: `synopsis[parquet]`).

The schema is fixed rather than inferred, so every file (and every batch inside one) has the same
columns whatever the rows hold; `params` varies with the method and is kept as a JSON string.
Conversion streams in batches, so a Parquet OUT costs no more memory than a JSONL one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .sink import SinkError, iter_lines

_BATCH_ROWS = 2000
_JSON_COLUMNS = ("params",)


def _pyarrow():  # type: ignore[no-untyped-def]
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise SinkError("Parquet output needs pyarrow: pip install 'synopsis[parquet]'") from None
    return pyarrow


def schema():  # type: ignore[no-untyped-def]
    pa = _pyarrow()
    sentence = pa.struct(
        [
            ("index", pa.int32()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("score", pa.float64()),
            ("section", pa.int32()),
            ("text", pa.string()),
        ]
    )
    return pa.schema(
        [
            ("id", pa.string()),
            ("error", pa.string()),
            ("input", pa.string()),
            ("line", pa.int64()),
            ("method", pa.string()),
            ("version", pa.string()),
            ("budget", pa.struct([("words", pa.int32()), ("sentences", pa.int32())])),
            ("words", pa.int32()),
            ("over_budget", pa.bool_()),
            ("params", pa.string()),
            ("sentences", pa.list_(sentence)),
            ("document", pa.struct([("sentences", pa.int32()), ("candidates", pa.int32()), ("sections", pa.list_(pa.string()))])),
            ("note", pa.string()),
            ("language", pa.string()),
            ("warning", pa.string()),
        ]
    )


def _to_columns(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for name in _JSON_COLUMNS:
        if name in out:
            out[name] = json.dumps(out[name], ensure_ascii=False, sort_keys=True)
    return out


def _from_columns(row: dict[str, Any]) -> dict[str, Any]:
    out = {key: value for key, value in row.items() if value is not None}
    for name in _JSON_COLUMNS:
        if name in out:
            out[name] = json.loads(out[name])
    return out


def journal_to_parquet(journal: Path, out: Path) -> None:
    """Write every row of the JSONL `journal` to `out` (via a temporary file, then renamed)."""
    pa = _pyarrow()
    table_schema = schema()
    temporary = out.with_name(out.name + ".tmp")
    with pa.parquet.ParquetWriter(temporary, table_schema, compression="zstd") as writer:
        batch: list[dict[str, Any]] = []
        for _, line in iter_lines(journal):
            batch.append(_to_columns(json.loads(line)))
            if len(batch) >= _BATCH_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=table_schema))
                batch.clear()
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=table_schema))
    with temporary.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(temporary, out)


def read_rows(path: Path) -> Iterator[dict[str, Any]]:
    """The rows of a Parquet OUT, as the JSONL rows they were written from."""
    pa = _pyarrow()
    for batch in pa.parquet.ParquetFile(path).iter_batches(batch_size=_BATCH_ROWS):
        for row in batch.to_pylist():
            yield _from_columns(row)


def parquet_to_journal(out: Path, journal: Path) -> None:
    """Turn an earlier run's Parquet OUT back into a journal that a re-run can append to."""
    from .work import encode_row

    temporary = journal.with_name(journal.name + ".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        for row in read_rows(out):
            handle.write(encode_row(row) + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, journal)
