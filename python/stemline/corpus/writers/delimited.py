"""CSV and TSV: a header row, then each input record's fields and the normalized text.

RFC 4180 quoting (fields quoted when needed, quotes doubled) and ``\\r\\n``
after each row. The columns are fixed by the first batch of records: a CSV
input's header (its rows are written cell for cell), or every field name any
record of the first batch has, in order of first appearance (so a first
record that is bad, or that lacks a field, loses nothing);
``--output-field`` is the last column. A later record with a field none of
them had is an error naming the record and the field (one header cannot hold
it, and no field is dropped silently); a missing field is an empty cell.
Lists and objects (from JSON) are written as JSON, nulls as empty cells. A
bad record tolerated by ``--on-bad-record empty`` is written with empty cells
and an empty normalized text.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any, BinaryIO

from stemline.corpus.documents import Chunk
from stemline.corpus.problems import InputError
from stemline.corpus.readers.delimited import CsvRecords
from stemline.corpus.writers import FirstRecords, TextWriter, encode
from stemline.corpus.writers.jsonl import _json_default, field_clash


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return str(_json_default(value)) if isinstance(value, bytes) else str(value)


def _has_header(chunk: Chunk) -> bool:
    """A chunk of CSV or TSV input, whose header gives the columns."""
    return isinstance(chunk.records, CsvRecords) and bool(chunk.records.header)


class DelimitedWriter(TextWriter):
    #: The cell separator, set by each format's subclass.
    delimiter = ","

    def __init__(
        self, raw: BinaryIO, field: str, *, compression: str | None = None, offsets: bool = False
    ):
        super().__init__(raw, compression)
        self.field = field
        self.columns: list[str] | None = None
        self._first = FirstRecords()

    def write(self, chunk: Chunk, lines: list[Any]) -> None:
        if self.columns is None and (self._first.held or not _has_header(chunk)):
            if self._first.hold(chunk, lines):
                self._start()
            return
        super().write(chunk, lines)

    def _start(self) -> None:
        """Decides the columns from the records held back, then writes them
        (with no document among them yet, there is nothing to decide from,
        nor to write: they stay held)."""
        held = self._first.release()
        fields = [(c, i) for c, lines in held for i in range(len(lines))]
        if not fields:
            self._first.held = held
            return
        clash = next(((c, i) for c, i in fields if self.field in c.fields(i)), None)
        if clash is not None:
            raise field_clash(clash[0], clash[1], self.field)
        self.columns = list(dict.fromkeys(k for c, i in fields for k in c.fields(i)))
        self.write_bytes(encode(self._row([*self.columns, self.field]), self.format))
        for chunk, lines in held:
            super().write(chunk, lines)

    def _row(self, cells: list[str]) -> str:
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=self.delimiter, lineterminator="\r\n").writerow(cells)
        return buffer.getvalue()

    def render(self, chunk: Chunk, lines: list[str]) -> str:
        records = chunk.records
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=self.delimiter, lineterminator="\r\n")
        if self.columns is None:  # a CSV input's header (see write)
            assert isinstance(records, CsvRecords)
            columns = list(records.header)
            if self.field in columns:
                raise field_clash(chunk, 0, self.field)
            self.columns = columns
            writer.writerow([*columns, self.field])
        columns = self.columns
        if isinstance(records, CsvRecords) and records.header == columns:
            blank = [""] * len(columns)
            writer.writerows(
                [*(row if row is not None else blank), line]
                for row, line in zip(records.rows, lines, strict=True)
            )
            return buffer.getvalue()
        known = set(columns)
        for i, line in enumerate(lines):
            fields = chunk.fields(i)
            extra = [k for k in fields if k not in known]
            if extra:
                if self.field in extra:
                    raise field_clash(chunk, i, self.field)
                raise InputError(
                    field_clash(chunk, i, self.field).place,
                    f"field {extra[0]!r} is not among the columns of the first records "
                    f"({', '.join(columns)})",
                    "CSV output has one header; use JSON Lines output for varying fields",
                )
            writer.writerow([*(_cell(fields.get(c)) for c in columns), line])
        return buffer.getvalue()

    def end_source(self) -> None:
        if self._first.held:  # --resume: this input's output must be on disk now
            self._start()
        super().end_source()

    def close(self) -> None:
        if self._first.held:
            self._start()
        super().close()

    def state(self) -> dict[str, Any]:
        return {"columns": self.columns}

    def restore(self, state: dict[str, Any]) -> None:
        self.columns = state.get("columns")


class CsvWriter(DelimitedWriter):
    format = "csv"
    delimiter = ","


class TsvWriter(DelimitedWriter):
    format = "tsv"
    delimiter = "\t"
