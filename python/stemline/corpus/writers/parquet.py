"""Parquet: each input record's columns and the normalized text as a string column.

A Parquet input keeps its schema and values exactly (the new column is
appended); CSV input gives string columns; JSON Lines input gets one column
for every field that any of the first 4,096 records has (``writers.FIRST_RECORDS``,
whatever the batch size; a record without it gets a null there), with the
types pyarrow infers from all of them; a later record with a field
not among them, or a value of another type, stops the run with an error naming
the record and the field (never a silently dropped field); a plain
text document has ``source`` and, with ``--lines``, ``line``. All inputs
written to one Parquet file must share one schema. Rows are buffered into row
groups of about 64k rows or 64 MB; the file is complete only when closed
(its footer), so a single Parquet output cannot be resumed: ``--resume``
needs ``--output-dir``, where each file is written whole.
"""

from __future__ import annotations

import contextlib
from typing import Any, BinaryIO, NoReturn

from stemline.corpus.documents import Chunk
from stemline.corpus.problems import InputError, Place
from stemline.corpus.readers.delimited import CsvRecords
from stemline.corpus.readers.parquet import ArrowRecords, pyarrow_modules
from stemline.corpus.writers import FirstRecords, without_surrogates

ROW_GROUP_ROWS = 65536
ROW_GROUP_BYTES = 64 << 20


class ParquetWriter:
    """Parquet's :class:`~stemline.corpus.writers.Writer`: its own binary file,
    complete only when closed (see the module doc)."""

    def __init__(
        self, sink: BinaryIO, field: str, *, compression: str | None = None, offsets: bool = False
    ):
        # The format table keeps both away (Parquet compresses inside; offsets
        # are JSON Lines only); the output layer checks them with its words.
        assert compression is None and not offsets
        self.pa, self.pq = pyarrow_modules()
        #: The output file, opened and closed by the output layer.
        self.sink = sink
        self.field = field
        self.schema: Any = None  # pyarrow.Schema, from the first batch
        self._writer: Any = None  # pyarrow.parquet.ParquetWriter, opened with the schema
        self._pending: list[Any] = []
        self._rows = self._bytes = 0
        self._first = FirstRecords()

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
            if schema is None and not any(rows):  # only bad records so far
                return pa.RecordBatch.from_arrays([text], [self.field])
            rb = self._batch_of(chunk, rows, schema)
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
            source = without_surrogates(chunk.source.relative)
            columns = {"source": pa.array([source] * len(lines), pa.string())}
            if chunk.source.format == "lines":
                columns["line"] = pa.array(list(chunk.numbers), pa.int64())
            rb = pa.RecordBatch.from_pydict(columns)
        if self.field in rb.schema.names:
            return self._clash(chunk, 0)
        return rb.append_column(self.field, text)

    def _batch_of(self, chunk: Chunk, rows: list[dict[str, Any]], schema: Any) -> Any:
        """``rows`` as a record batch of ``schema`` (None: inferred)."""
        pa = self.pa
        try:
            try:
                return _record_batch(pa, rows, schema)
            except UnicodeEncodeError:  # a lone surrogate: see writers/__init__.py
                return _record_batch(pa, without_surrogates(rows), schema)
        except (pa.ArrowException, TypeError, ValueError, OverflowError) as e:
            raise InputError(
                Place(chunk.source.name, line=chunk.numbers[0]),
                f"records do not fit the Parquet schema of the first records: {e}",
                "use JSON Lines output for varying fields",
            ) from None

    def _start(self) -> None:
        """Decides the schema from every record held back, then writes them
        (with no document among them yet, they stay held)."""
        held = self._first.release()
        rows = [(c, i, c.fields(i)) for c, lines in held for i in range(len(lines))]
        if not rows:
            self._first.held = held
            return
        clash = next(((c, i) for c, i, row in rows if self.field in row), None)
        if clash is not None:
            self._clash(*clash)
        if any(row for _, _, row in rows):  # else only bad records: see _table
            fields = self._batch_of(held[0][0], [row for _, _, row in rows], None).schema
            self._open(fields.append(self.pa.field(self.field, self.pa.string())))
        for chunk, lines in held:
            self._write(chunk, lines)

    def _open(self, schema: Any) -> None:
        self.schema = schema
        self._writer = self.pq.ParquetWriter(self.sink, self.schema)

    def _clash(self, chunk: Chunk, i: int) -> NoReturn:
        from stemline.corpus.writers.jsonl import field_clash

        raise field_clash(chunk, i, self.field)

    def write(self, chunk: Chunk, lines: list[str]) -> None:
        varying = not isinstance(chunk.records, (ArrowRecords, CsvRecords, type(None)))
        if self.schema is None and (self._first.held or varying):
            if self._first.hold(chunk, lines):
                self._start()
            return
        self._write(chunk, lines)

    def _write(self, chunk: Chunk, lines: list[str]) -> None:
        if not lines:
            return
        rb = self._table(chunk, lines)
        if self.schema is None:
            self._open(rb.schema)
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

    def end_source(self) -> None:
        pass  # a single Parquet file is never resumed (formats.py: whole_file)

    def state(self) -> dict[str, Any]:
        return {}

    def restore(self, state: dict[str, Any]) -> None:
        raise ValueError("a Parquet file cannot be continued")

    def abort(self) -> None:
        """After a failure: lets go of the file (which the output layer removes)
        without pyarrow finishing it later, when it may be closed."""
        if self._writer is not None:
            with contextlib.suppress(Exception):
                self._writer.close()
            self._writer.is_open = False
            self._writer = None

    def close(self) -> None:
        if self._first.held:
            self._start()
        if self._writer is None:  # no rows: an empty file with just the text column
            self.schema = self.pa.schema([(self.field, self.pa.string())])
            self._writer = self.pq.ParquetWriter(self.sink, self.schema)
        self._flush()
        self._writer.close()


def _record_batch(pa: Any, rows: list[dict[str, Any]], schema: Any) -> Any:
    """The rows as a record batch of ``schema``; without one, with a column for
    every field any row has, in order of first appearance (``from_pylist``
    alone would keep only the first row's fields)."""
    if schema is not None:
        return pa.RecordBatch.from_pylist(rows, schema=schema)
    names = list(dict.fromkeys(name for row in rows for name in row))
    return pa.RecordBatch.from_pydict({name: [row.get(name) for row in rows] for name in names})
