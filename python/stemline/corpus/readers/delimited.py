"""CSV and TSV: a header row, then one record per row; the document is the ``--column`` cell.

Quoting follows RFC 4180 (Python's ``csv`` in strict mode, the ``excel``
dialect): fields may be quoted with ``"``, a quote inside is doubled, quoted
fields may hold the delimiter and line breaks. TSV is the same with a tab
between fields. Rows end with ``\\n`` or ``\\r\\n``.

Every row after the header is a record and gives exactly one document, or an
error. Bad records (see ``--on-bad-record``): a row with more or fewer fields
than the header (a blank line counts as one empty field, so it is a bad
record unless the file has a single column), broken quoting, a cell holding a
NUL byte. The header must name the column (``--column``, default ``text``)
exactly once; a UTF-8 byte order mark before the header is ignored. Other
names given more than once keep every column: the first keeps the name, the
next are ``NAME.1``, ``NAME.2`` (see ``documents.unique_names``). An empty
file has no header and no records. Places are the record number (the first
row after the header is record 1), the line the record starts on, and its
byte offset.
"""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from stemline.corpus.compression import CheckedReader
from stemline.corpus.documents import Chunk, Source, unique_names
from stemline.corpus.problems import InputError, Place
from stemline.corpus.readers.context import Reading
from stemline.corpus.readers.lines import decoded_lines


@dataclass
class CsvRecords:
    """The header and each record's row (None for a bad record)."""

    header: list[str]
    rows: list[list[str] | None]

    def fields(self, i: int) -> dict[str, Any]:
        row = self.rows[i]
        return {} if row is None else dict(zip(self.header, row, strict=True))


class _Lines:
    """Decoded lines with their terminators, for ``csv.reader``; remembers where
    each line not yet claimed by a record starts."""

    def __init__(self, source: Source, stream: CheckedReader, reading: Reading):
        self.places: deque[tuple[int, int]] = deque()  # (line number, offset)
        self._it = self._lines(source, stream, reading)
        self._end = (1, 0)  # the place just after the last line read

    def _lines(self, source: Source, stream: CheckedReader, reading: Reading) -> Iterator[str]:
        for block in decoded_lines(stream, reading.decoder, reading.max_doc_bytes):
            lines, offsets = block.lines, block.offsets
            last = len(lines) - 1
            for i, line in enumerate(lines):
                self.places.append((block.first_line + i, offsets[i]))
                yield line + "\n" if (i < last or block.newline_end) else line
            self._end = (block.first_line + len(lines), block.end)

    def __iter__(self) -> Iterator[str]:
        return self._it

    def claim(self, upto_line: int) -> tuple[int, int]:
        """The (line, offset) where a record ending on ``upto_line`` started."""
        if not self.places:  # a record that consumed no new line (the end of the data)
            return self._end
        first = self.places[0]
        while self.places and self.places[0][0] <= upto_line:
            self.places.popleft()
        return first


def read_delimited(
    source: Source, stream: CheckedReader, reading: Reading, delimiter: str
) -> Iterator[Chunk]:
    if csv.field_size_limit() < reading.max_doc_bytes:
        csv.field_size_limit(reading.max_doc_bytes)
    lines = _Lines(source, stream, reading)
    rows = csv.reader(lines, delimiter=delimiter, strict=True)
    try:
        header = next(rows, None)
    except csv.Error as e:
        place = Place(source.name, line=1, offset=0)
        raise InputError(place, f"cannot read the header: {e}") from None
    if header is None:
        yield Chunk(source, [], [], [], CsvRecords([], []), nbytes=stream.position, last=True)
        return
    lines.claim(rows.line_num)
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0][1:]
    if header.count(reading.column) != 1:
        columns = ", ".join(map(repr, header))
        problem: str | None = "names" if reading.column in header else "has no"
        raise InputError(
            Place(source.name, line=1, offset=0),
            f"the header {problem} column {reading.column!r}"
            + (" more than once" if problem == "names" else f" (columns: {columns})"),
            "choose the text column with --column",
        )
    col = header.index(reading.column)
    width = len(header)
    header = unique_names(header)
    bad = reading.bad_records

    texts: list[str] = []
    numbers: list[int] = []
    offsets: list[int] = []
    records = CsvRecords(header, [])
    record = 0
    chunk_start = 0
    while True:
        try:
            row = next(rows, None)
            problem = None
        except csv.Error as e:
            row, problem = None, f"broken CSV quoting: {e}"
        if row is None and problem is None:
            break
        record += 1
        line, offset = lines.claim(rows.line_num)
        place = Place(source.name, record=record, line=line, offset=offset)
        if row is not None:
            if not row:
                row = [""]
            if len(row) != width:
                problem = f"ragged row: {len(row)} fields, the header has {width}"
            elif "\x00" in row[col]:
                problem = f"column {reading.column!r} holds a NUL byte (binary data)"
        if problem is not None:
            bad.handle(place, problem)
            row = None
        texts.append(row[col] if row is not None else "")
        numbers.append(record)
        offsets.append(offset)
        records.rows.append(row)
        if len(texts) >= reading.chunk_docs:
            here = lines.places[0][1] if lines.places else stream.position
            yield Chunk(source, texts, numbers, offsets, records, nbytes=here - chunk_start)
            chunk_start = here
            texts, numbers, offsets, records = [], [], [], CsvRecords(header, [])
    yield Chunk(
        source,
        texts,
        numbers,
        offsets,
        records,
        nbytes=stream.position - chunk_start,
        last=True,
    )


def read_csv(source: Source, stream: CheckedReader, reading: Reading) -> Iterator[Chunk]:
    """CSV: comma-separated, RFC 4180 quoting."""
    return read_delimited(source, stream, reading, ",")


def read_tsv(source: Source, stream: CheckedReader, reading: Reading) -> Iterator[Chunk]:
    """TSV: tab-separated, with CSV's quoting."""
    return read_delimited(source, stream, reading, "\t")
