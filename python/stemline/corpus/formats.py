"""Every corpus format, once: what it is called, which names announce it, how it
is read and written.

A format is one row of :data:`FORMATS`. Everything else asks the table: the
command line's ``--format`` and ``--output-format`` choices, which format a
file name announces (:func:`from_name`, for inputs and outputs alike), which
option names the text (``--field`` applies to JSON Lines only, because its row
says so), what an output folder names each output, whether a format can go to
standard output, be compressed or be resumed within one file, and whether the
native job reads it. Readers and writers are found through their row, by the
module and name written there, imported only when a file of that format is
met (a short command's start-up pays for none of them).

Adding a format is one row here plus its reader and writer modules (see
``docs/development.md``).

>>> FORMATS["jsonl"].title, from_name("dump.ndjson.gz").name
('JSON Lines', 'jsonl')
>>> from_name("notes.txt") is None
True
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, NamedTuple

from stemline import _native
from stemline.corpus import compression

if TYPE_CHECKING:
    from stemline.corpus.writers import Writer


class Format(NamedTuple):
    """One corpus format (see the module doc)."""

    #: The name ``--format`` / ``--output-format`` take.
    name: str
    #: How messages name it.
    title: str
    #: Name endings (after any compression ending) that announce it, lower-case.
    endings: tuple[str, ...]
    #: The ending an output file of this format gets in an output folder.
    extension: str
    #: What a document's number counts in this format: ``file``, ``line`` or ``record``.
    unit: str
    #: ``module:function`` reading a source: ``function(source, stream, reading)``,
    #: or ``function(source, reading)`` for a format that opens its file itself.
    reader: str | None
    #: ``module:class`` of its writer, ``class(raw, field, compression=..., offsets=...)``,
    #: behind the :class:`stemline.corpus.writers.Writer` interface.
    writer: str | None
    #: The input option that names the text (``field``, ``column``), or
    #: ``lines`` for the format ``--lines`` selects; None for plain text.
    text_option: str | None = None
    #: The reader opens the file itself (random access): no streaming, no
    #: decompression outside the format.
    opens_file: bool = False
    #: The writer writes its own binary file: it cannot go to standard output,
    #: be compressed outside, or be continued by ``--resume`` within one file.
    whole_file: bool = False
    #: Output can carry ``--offsets`` (each token's source range).
    offsets: bool = False

    @property
    def native(self) -> bool:
        """Whether the native job reads this format: its reader in stemline-io
        registers the format's name (``stemline_io::Format::ALL``)."""
        return self.name in _native.NATIVE_FORMATS

    def read(self, *args: Any) -> Any:
        """Runs this format's reader (see :attr:`reader`)."""
        return _load(self.reader)(*args)

    def open_writer(
        self, raw: Any, field: str, *, compression: str | None = None, offsets: bool = False
    ) -> Writer:
        """This format's writer over ``raw`` (see :attr:`writer`)."""
        writer: Writer = _load(self.writer)(raw, field, compression=compression, offsets=offsets)
        return writer


def _load(spec: str | None) -> Any:
    if spec is None:
        raise ValueError("this format has no such part")
    module, name = spec.split(":")
    return getattr(importlib.import_module(module), name)


_READERS = "stemline.corpus.readers"
_WRITERS = "stemline.corpus.writers"

#: Every format, by name. ``text`` is one document per file and has no writer:
#: its documents are written as ``lines``.
FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format(
            "text", "plain text", (), ".txt", "file", f"{_READERS}.text:read_text", None
        ),
        Format(
            "lines", "plain text", (), ".txt", "line", f"{_READERS}.text:read_lines",
            f"{_WRITERS}.lines:LinesWriter", text_option="lines",
        ),
        Format(
            "jsonl", "JSON Lines", (".jsonl", ".ndjson"), ".jsonl", "line",
            f"{_READERS}.jsonl:read_jsonl", f"{_WRITERS}.jsonl:JsonlWriter",
            text_option="field", offsets=True,
        ),
        Format(
            "csv", "CSV", (".csv",), ".csv", "record", f"{_READERS}.delimited:read_csv",
            f"{_WRITERS}.delimited:CsvWriter", text_option="column",
        ),
        Format(
            "tsv", "TSV", (".tsv", ".tab"), ".tsv", "record", f"{_READERS}.delimited:read_tsv",
            f"{_WRITERS}.delimited:TsvWriter", text_option="column",
        ),
        Format(
            "parquet", "Parquet", (".parquet", ".pq"), ".parquet", "record",
            f"{_READERS}.parquet:read_parquet", f"{_WRITERS}.parquet:ParquetWriter",
            text_option="column", opens_file=True, whole_file=True,
        ),
    )
}  # fmt: skip

#: What ``--format`` accepts (``auto``: by name; ``lines`` is ``text`` with ``--lines``).
INPUT_FORMATS: tuple[str, ...] = ("auto", *(n for n in FORMATS if n != "lines"))
#: What ``--output-format`` accepts (``auto``: by the output's name, or the input's format).
OUTPUT_FORMATS: tuple[str, ...] = ("auto", *(f.name for f in FORMATS.values() if f.writer))


def from_name(name: str) -> Format | None:
    """The format a file name announces once any compression ending is removed,
    or None (plain text, or lines, as the caller decides).

    >>> from_name("a/B.CSV.xz").name, from_name("x.pq").name
    ('csv', 'parquet')
    """
    base = strip_compression(name).lower()
    for fmt in FORMATS.values():
        if base.endswith(fmt.endings):
            return fmt
    return None


def strip_compression(name: str) -> str:
    """``name`` without its compression ending.

    >>> strip_compression("dump.jsonl.gz")
    'dump.jsonl'
    """
    comp = compression.from_name(name)
    return name[: -len(compression.SUFFIXES[comp])] if comp else name


def output_of(input_format: str) -> str:
    """The format an input's documents are written in when nothing else is
    asked (an output folder with ``--output-format auto``)."""
    return input_format if FORMATS[input_format].writer else "lines"


def titles(names: Iterable[str], last: str = "or") -> str:
    """The formats named, in the table's order, as messages list them.

    >>> titles(["parquet", "csv", "tsv"]), titles(["lines", "jsonl", "text"], "and")
    ('CSV, TSV or Parquet', 'plain text and JSON Lines')
    """
    wanted = set(names)
    found = list(dict.fromkeys(f.title for f in FORMATS.values() if f.name in wanted))
    return found[0] if len(found) == 1 else f"{', '.join(found[:-1])} {last} {found[-1]}"
