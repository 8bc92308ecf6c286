"""Writers: one module per output format, each behind :class:`Writer`.

A writer owns an output's bytes from the first to the last: the output layer
(``outputs.py``) opens the file (``target.py``), makes the writer through the
format table (:meth:`stemline.corpus.formats.Format.open_writer`), hands it
each chunk's records and normalized lines, and commits or aborts the file.
``lines`` (one normalized line per document, nothing else), ``jsonl``,
``csv``/``tsv`` (every input field plus the normalized text under
``--output-field``) are :class:`TextWriter` subclasses: each renders a chunk
as text, which the base class encodes and compresses (``.gz .bz2 .xz .zst``).
``parquet`` writes its own binary file.

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
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO, Protocol

from stemline.corpus import compression


class Writer(Protocol):
    """What every writer does, in the order the output layer calls it."""

    def write(self, chunk: Any, lines: list[Any]) -> None:
        """The records of ``chunk`` with their normalized ``lines`` (with
        ``--offsets``, ``(line, offsets)`` pairs)."""

    def end_source(self) -> None:
        """After a source's last chunk, for ``--resume``: what is written so
        far becomes a whole that a later run can continue after."""

    def state(self) -> dict[str, Any]:
        """What a resumed run needs to continue this output (see :meth:`restore`)."""

    def restore(self, state: dict[str, Any]) -> None:
        """Continues an output whose writer had this :meth:`state`."""

    def close(self) -> None:
        """Finishes the output (a footer, the last compressed member) and flushes it."""

    def abort(self) -> None:
        """After a failure: lets go of the file, which the output layer removes."""


#: A piece of output written in parts as they are made: called with the
#: function that writes text.
Streamed = Callable[[Callable[[str], None]], None]


class TextWriter:
    """A text format's writer: a subclass renders each chunk as text
    (:meth:`render`, or :meth:`pieces` for one that may be huge); this class
    encodes it and writes it, compressed when asked, one compressed member
    (gzip) / stream (bzip2, xz) / frame (zstd) per :meth:`end_source`."""

    #: JSON escapes lone surrogates; the other formats write U+FFFD.
    format = "lines"

    def __init__(self, raw: BinaryIO, compression: str | None = None):
        self.raw = raw
        self.compression = compression
        self._member: BinaryIO | None = None
        self._members = 0

    def render(self, chunk: Any, lines: list[Any]) -> str:
        raise NotImplementedError

    def pieces(self, chunk: Any, lines: list[Any]) -> Iterator[str | Streamed]:
        """The rendered chunk, in pieces (one, unless a subclass knows better);
        a piece too long to be made whole is a :data:`Streamed` function,
        which writes it in parts as they are made."""
        yield self.render(chunk, lines)

    def write(self, chunk: Any, lines: list[Any]) -> None:
        for piece in self.pieces(chunk, lines):
            if callable(piece):
                piece(self.write_text)
            else:
                self.write_text(piece)

    def write_text(self, text: str) -> None:
        """Text, encoded by the format's rule (see :func:`encode`)."""
        # At most PIECE code points at a time: a huge document never has a
        # second, encoded copy of its whole size.
        for start in range(0, len(text), PIECE):
            self.write_bytes(encode(text[start : start + PIECE], self.format))

    def write_bytes(self, data: bytes) -> None:
        """Bytes already rendered and encoded (the native job's), compressed when asked."""
        if not data:
            return
        if self.compression is None:
            self.raw.write(data)
            return
        if self._member is None:
            self._member = compression.open_writer(self.raw, self.compression)
        self._member.write(data)

    def end_source(self) -> None:
        if self._member is not None:
            self._member.close()
            self._member = None
            self._members += 1
        self.raw.flush()

    def state(self) -> dict[str, Any]:
        return {}

    def restore(self, state: dict[str, Any]) -> None:
        pass

    def close(self) -> None:
        """Ends the last member; an empty compressed output gets one empty member."""
        if self.compression is not None and self._members == 0 and self._member is None:
            self._member = compression.open_writer(self.raw, self.compression)
        self.end_source()

    def abort(self) -> None:
        self._member = None


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

#: CSV, TSV and Parquet output of records whose fields vary (JSON Lines) take
#: their columns from this many first records (or those in the first
#: FIRST_BYTES of input), whatever ``--batch-size``: a run's success must not
#: depend on how its input was cut into batches.
FIRST_RECORDS = 4096
FIRST_BYTES = 16 << 20


class FirstRecords:
    """The first chunks of an output whose columns come from its records,
    held back until :data:`FIRST_RECORDS` records (or :data:`FIRST_BYTES`)
    are in, the output ends, or ``--resume`` ends an input (whose output must
    then be whole on disk)."""

    def __init__(self) -> None:
        self.held: list[tuple[Any, list[Any]]] = []
        self._records = 0
        self._bytes = 0

    def hold(self, chunk: Any, lines: list[Any]) -> bool:
        """Holds ``(chunk, lines)``; True when enough are held to decide."""
        self.held.append((chunk, lines))
        self._records += len(lines)
        self._bytes += chunk.nbytes
        return self._records >= FIRST_RECORDS or self._bytes >= FIRST_BYTES

    def release(self) -> list[tuple[Any, list[Any]]]:
        held, self.held = self.held, []
        return held
