"""Writers: one module per output format.

``lines`` (one normalized line per document, nothing else), ``jsonl``,
``csv``/``tsv`` (every input field plus the normalized text under
``--output-field``) are text formats: a writer renders each chunk's records
as a string that the output layer encodes, compresses and writes.
``parquet`` writes its own binary file. :func:`text_writer` picks one.

Which fields a record has: JSON Lines records keep every field as written;
CSV rows keep every cell under the header's names; Parquet rows keep every
column with its type; a plain text document has ``source`` (its path
relative to its input folder) and, with ``--lines``, ``line`` (its line
number).
"""

from __future__ import annotations

from stemline.corpus.writers.delimited import DelimitedWriter
from stemline.corpus.writers.jsonl import JsonlWriter
from stemline.corpus.writers.lines import LinesWriter

#: What ``--output-format`` accepts (``auto``: by the output's name, see outputs.py).
OUTPUT_FORMATS = ("auto", "lines", "jsonl", "csv", "tsv", "parquet")
#: Output format -> file extension.
EXTENSIONS = {
    "lines": ".txt",
    "jsonl": ".jsonl",
    "csv": ".csv",
    "tsv": ".tsv",
    "parquet": ".parquet",
}


def text_writer(
    format: str, field: str, *, offsets: bool = False
) -> LinesWriter | JsonlWriter | DelimitedWriter:
    """A writer for a text output format (``offsets``: JSON Lines only, whose
    items are then ``(line, offsets)`` pairs)."""
    if format == "lines":
        return LinesWriter()
    if format == "jsonl":
        return JsonlWriter(field, offsets=offsets)
    if format in ("csv", "tsv"):
        return DelimitedWriter(field, "," if format == "csv" else "\t")
    raise ValueError(f"not a text output format: {format!r}")
