"""Parquet: each input record's columns and the normalized text as a string column.

A Parquet input keeps its schema and values exactly (the new column is
appended); CSV input gives string columns; JSON Lines input gets the types
pyarrow infers from the first rows, and later rows must fit them; a plain
text document has ``source`` and, with ``--lines``, ``line``. All inputs
written to one Parquet file must share one schema. Rows are buffered into row
groups of about 64k rows or 64 MB; the file is complete only when closed
(its footer), so a single Parquet output cannot be resumed: ``--resume``
needs ``--output-dir``, where each file is written whole.
"""

from __future__ import annotations

from typing import Any, NoReturn

from stemline.corpus.documents import Chunk
from stemline.corpus.problems import InputError, Place
from stemline.corpus.readers.delimited import CsvRecords
from stemline.corpus.readers.parquet import ArrowRecords, pyarrow_modules

ROW_GROUP_ROWS = 65536
ROW_GROUP_BYTES = 64 << 20


class ParquetWriter:
    def __init__(self, path: str, field: str):
        self.pa, self.pq = pyarrow_modules()
        self.path = path
        self.field = field
        self.schema: Any = None  # pyarrow.Schema, from the first batch
        self._writer: Any = None  # pyarrow.parquet.ParquetWriter, opened with the schema
        self._pending: list[Any] = []
        self._rows = self._bytes = 0

    def _table(self, chunk: Chunk, lines: list[str]) -> Any:
        pa = self.pa
        text = pa.array(lines, pa.string())
        records = chunk.records
        if isinstance(records, ArrowRecords):
            rb = records.batch
        elif isinstance(records, CsvRecords):
            columns = {
                name: pa.array([row[j] if row else None for row in records.rows], pa.string())
                for j, name in enumerate(records.header)
            }
            rb = pa.RecordBatch.from_pydict(columns)
        elif records is not None:
            rows = [chunk.fields(i) for i in range(len(lines))]
            clash = next((i for i, row in enumerate(rows) if self.field in row), None)
            if clash is not None:
                return self._clash(chunk, clash)
            schema = (
                None
                if self.schema is None
                else self.schema.remove(self.schema.get_field_index(self.field))
            )
            try:
                rb = pa.RecordBatch.from_pylist(rows, schema=schema)
            except (pa.ArrowException, TypeError, ValueError, OverflowError) as e:
                raise InputError(
                    Place(chunk.source.name, line=chunk.numbers[0]),
                    f"records do not fit the Parquet schema of the first records: {e}",
                    "use JSON Lines output for varying fields",
                ) from None
            if schema is not None:
                names = set(schema.names)
                for i, row in enumerate(rows):
                    if not names.issuperset(row):
                        extra = sorted(set(row) - names)[0]
                        raise InputError(
                            Place(chunk.source.name, line=chunk.numbers[i]),
                            f"field {extra!r} is not in the Parquet schema of the first records",
                            "use JSON Lines output for varying fields",
                        )
        else:
            columns = {"source": pa.array([chunk.source.relative] * len(lines), pa.string())}
            if chunk.source.format == "lines":
                columns["line"] = pa.array(list(chunk.numbers), pa.int64())
            rb = pa.RecordBatch.from_pydict(columns)
        if self.field in rb.schema.names:
            return self._clash(chunk, 0)
        return rb.append_column(self.field, text)

    def _clash(self, chunk: Chunk, i: int) -> NoReturn:
        from stemline.corpus.writers.jsonl import field_clash

        raise field_clash(chunk, i, self.field)

    def write(self, chunk: Chunk, lines: list[str]) -> None:
        if not lines:
            return
        rb = self._table(chunk, lines)
        if self.schema is None:
            self.schema = rb.schema
            self._writer = self.pq.ParquetWriter(self.path, self.schema)
        elif not rb.schema.equals(self.schema):
            try:
                rb = rb.cast(self.schema)
            except (self.pa.ArrowException, ValueError) as e:
                raise InputError(
                    chunk.source.name,
                    f"its columns differ from the first input's ({e})",
                    "one Parquet output holds one schema",
                ) from None
        self._pending.append(rb)
        self._rows += rb.num_rows
        self._bytes += rb.nbytes
        if self._rows >= ROW_GROUP_ROWS or self._bytes >= ROW_GROUP_BYTES:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            table = self.pa.Table.from_batches(self._pending, self.schema)
            self._writer.write_table(table, row_group_size=max(table.num_rows, 1))
        self._pending = []
        self._rows = self._bytes = 0

    def close(self) -> None:
        if self._writer is None:  # no rows: an empty file with just the text column
            self.schema = self.pa.schema([(self.field, self.pa.string())])
            self._writer = self.pq.ParquetWriter(self.path, self.schema)
        self._flush()
        self._writer.close()
