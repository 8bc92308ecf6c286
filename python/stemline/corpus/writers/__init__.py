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

Text that UTF-8 cannot hold (a lone surrogate such as ``"\\ud800"`` in a
JSON field other than the text field, or a file name that is not UTF-8) is
never an error: JSON Lines writes each such code point as its JSON escape
(``\\ud800``, which reads back as the same string); CSV, TSV and Parquet
write U+FFFD in its place (see :func:`encode`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
    items are then ``(line, offsets)`` pairs). Each writer's module is
    imported here, when its format is asked for: the CSV and JSON modules
    cost a short command a good part of its start-up."""
    if format == "lines":
        from stemline.corpus.writers.lines import LinesWriter

        return LinesWriter()
    if format == "jsonl":
        from stemline.corpus.writers.jsonl import JsonlWriter

        return JsonlWriter(field, offsets=offsets)
    if format in ("csv", "tsv"):
        from stemline.corpus.writers.delimited import DelimitedWriter

        return DelimitedWriter(field, "," if format == "csv" else "\t")
    raise ValueError(f"not a text output format: {format!r}")


_SURROGATE = re.compile("[\ud800-\udfff]")


def encode(text: str, format: str) -> bytes:
    """``text`` as UTF-8, lone surrogates written by the rule above.

    >>> encode('{"id": "a\\udc80"}', "jsonl"), encode("a\\udc80", "csv")
    (b'{"id": "a\\\\udc80"}', b'a\\xef\\xbf\\xbd')
    """
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:  # rare: the fast path above costs nothing
        if format == "jsonl":  # surrogates only ever stand inside JSON strings
            text = _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
        else:
            text = _SURROGATE.sub("\ufffd", text)
        return text.encode("utf-8")


def without_surrogates(value: Any) -> Any:
    """``value`` (a string, or lists and dicts of them) with U+FFFD for each
    lone surrogate: for Parquet, whose strings must be UTF-8."""
    if isinstance(value, str):
        return _SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        return [without_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {without_surrogates(k): without_surrogates(v) for k, v in value.items()}
    return value


#: Text is encoded and written at most this many code points at a time, so a
#: huge document never has a second, encoded copy of its whole size.
PIECE = 1 << 24


def encoded(writer: Any, chunk: Any, lines: list[Any], format: str) -> Iterator[bytes]:
    """A chunk rendered by a text ``writer`` and encoded (see :func:`encode`),
    in pieces of at most :data:`PIECE` code points."""
    pieces = (
        writer.pieces(chunk, lines) if hasattr(writer, "pieces") else [writer.render(chunk, lines)]
    )
    for text in pieces:
        if len(text) <= PIECE:
            yield encode(text, format)
        else:
            for start in range(0, len(text), PIECE):
                yield encode(text[start : start + PIECE], format)
