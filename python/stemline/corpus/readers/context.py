"""The settings every reader gets: decoding and bad-record policies, field
names, and the bounds that keep memory flat."""

from __future__ import annotations

from dataclasses import dataclass

from stemline.corpus.decoding import Decoder
from stemline.corpus.problems import BadRecords


@dataclass
class Reading:
    decoder: Decoder
    bad_records: BadRecords
    #: JSON Lines: dotted path of the text field.
    field: str = "text"
    #: CSV, TSV, Parquet: the text column.
    column: str = "text"
    #: Longest document (and, for line formats, line) accepted, in bytes.
    max_doc_bytes: int = 64 << 20
    #: Most documents in one chunk.
    chunk_docs: int = 4096
