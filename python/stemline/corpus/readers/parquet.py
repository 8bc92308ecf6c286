"""Parquet: one document per row, the ``--column`` string; read with pyarrow a
row group at a time, in batches, never the whole file.

The column must be a string column (or binary, decoded under
``--on-decode-error``); a null is a bad record (see ``--on-bad-record``), and
so is a value holding U+0000. Places are record numbers (rows, from 1).
Parquet needs a seekable, uncompressed file (it compresses inside): standard
input and ``.gz`` & co. are errors. pyarrow is imported only here (install
``stemline[corpus]``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, cast

from stemline.corpus.documents import Chunk, Source, unique_names
from stemline.corpus.problems import InputError, JobUsageError, Place
from stemline.corpus.readers.context import Reading


def pyarrow_modules() -> tuple[Any, Any]:
    """(pyarrow, pyarrow.parquet), or an error naming the extra to install."""
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as e:
        from stemline.extras import missing_extra

        raise missing_extra("Parquet files", "corpus", e, "pyarrow") from e
    return pyarrow, pyarrow.parquet


@dataclass
class ArrowRecords:
    """The rows of a chunk as one Arrow record batch, its columns named
    distinctly (``documents.unique_names``: Parquet allows a name twice)."""

    batch: Any  # pyarrow.RecordBatch
    _rows: list[dict[str, Any]] | None = None

    def __post_init__(self) -> None:
        names = self.batch.schema.names
        unique = unique_names(names)
        if unique != names:
            self.batch = self.batch.rename_columns(unique)

    def fields(self, i: int) -> dict[str, Any]:
        if self._rows is None:
            self._rows = self.batch.to_pylist()
        return self._rows[i]


def read_parquet(source: Source, reading: Reading) -> Iterator[Chunk]:
    pa, pq = pyarrow_modules()
    import pyarrow.compute as pc

    if source.path is None:
        raise JobUsageError("Parquet cannot be read from standard input (it needs a seekable file)")
    if source.compression is not None:
        raise InputError(
            source.name, "Parquet files cannot be read compressed (Parquet compresses inside)"
        )
    try:
        pf = pq.ParquetFile(source.path)
    except (OSError, pa.ArrowException) as e:
        raise InputError(source.name, f"not a readable Parquet file: {e}") from None
    schema = pf.schema_arrow
    found = [i for i, name in enumerate(schema.names) if name == reading.column]
    if len(found) != 1:
        names = ", ".join(map(repr, schema.names))
        raise InputError(
            source.name,
            f"names column {reading.column!r} more than once"
            if found
            else f"no column {reading.column!r} (columns: {names})",
            "choose the text column with --column",
        )
    (index,) = found
    kind = schema.field(index).type
    textual = pa.types.is_string(kind) or pa.types.is_large_string(kind)
    if not (textual or pa.types.is_binary(kind) or pa.types.is_large_binary(kind)):
        raise InputError(source.name, f"column {reading.column!r} is {kind}, not a string column")
    total_rows = pf.metadata.num_rows or 1
    size = source.size or 0
    record = 0
    done_disk = 0
    try:
        for rb in pf.iter_batches(batch_size=reading.chunk_docs):
            column = rb.column(index)
            texts = _texts(column, textual, source.name, record, reading, pa)
            numbers = range(record + 1, record + 1 + len(texts))
            record += len(texts)
            nbytes = pc.sum(pc.binary_length(column)).as_py() or 0
            disk = size * record // total_rows - done_disk
            done_disk += disk
            yield Chunk(source, texts, numbers, None, ArrowRecords(rb), nbytes, disk)
    except (OSError, pa.ArrowException) as e:
        raise InputError(
            Place(source.name, record=record + 1), f"cannot read Parquet: {e}"
        ) from None
    yield Chunk(source, [], range(0), None, None, 0, size - done_disk, last=True)


def _texts(
    column: Any, textual: bool, name: str, before: int, reading: Reading, pa: Any
) -> list[str]:
    values: list[str | None] | None = None
    if textual:
        try:
            values = column.to_pylist()
        except UnicodeDecodeError:
            values = None
    if values is None:  # binary, or strings that are not valid UTF-8
        raw = column.cast(pa.large_binary()).to_pylist()
        values = [
            None
            if v is None
            else reading.decoder.decode(v, lambda j, r=before + i + 1: Place(name, record=r))
            for i, v in enumerate(raw)
        ]
    if column.null_count or any("\x00" in v for v in values if v is not None):
        for i, v in enumerate(values):
            if v is None:
                problem = f"column {reading.column!r} is null"
            elif "\x00" in v:
                problem = f"column {reading.column!r} holds U+0000 (binary data)"
            else:
                continue
            reading.bad_records.handle(Place(name, record=before + i + 1), problem)
            values[i] = ""
    return cast("list[str]", values)  # each None was replaced above
