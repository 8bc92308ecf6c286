"""What the readers produce: sources, chunks of documents, and batches.

A :class:`Source` is one input (a file or standard input). Readers turn a
source into :class:`Chunk` objects: consecutive documents of that source with
their places, stored column-wise (a list of texts, a list of line or record
numbers, a list of byte offsets) so that millions of documents cost no Python
object each. :func:`batches` groups chunks, in order, into :class:`Batch`
objects of bounded size; ``batch.texts`` is what goes to
``Normalizer.normalize_many``. :meth:`Batch.documents` gives one
:class:`Document` per document for code that wants them one by one.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol


@dataclass(frozen=True)
class Source:
    """One input: a file, or standard input (``path`` None)."""

    #: Position in the job's list of inputs.
    index: int
    #: The name errors use: the path as the user gave it (joined with the
    #: path found inside a folder), or ``<stdin>``.
    name: str
    path: str | None
    #: POSIX path relative to the folder it was found in (a file named
    #: directly: its file name); an output folder mirrors it.
    relative: str
    #: ``text`` (one document per file), ``lines``, ``jsonl``, ``csv``, ``tsv``, ``parquet``.
    format: str
    #: Compression announced by the name (the magic bytes are checked on opening).
    compression: str | None
    size: int | None = None
    mtime_ns: int | None = None
    #: The folder named on the command line that this file was found in, if any.
    folder: str | None = None
    #: ``(device, inode)`` of the file read (standard input's too) when it is a
    #: regular file or a pipe: no output may be it, whatever name reaches it.
    identity: tuple[int, int] | None = None

    @property
    def unit(self) -> str:
        """What a document's number counts: ``line``, ``record`` or ``file``."""
        from stemline.corpus.formats import FORMATS

        return FORMATS[self.format].unit


def file_identity(st: os.stat_result | None) -> tuple[int, int] | None:
    """``(device, inode)`` of a regular file or a pipe, which an output must
    never be; None for anything else (a terminal, ``/dev/null``: reading and
    writing the same one is what they are for).

    >>> file_identity(os.stat(".")) is None
    True
    """
    if st is None or not (stat.S_ISREG(st.st_mode) or stat.S_ISFIFO(st.st_mode)):
        return None
    return (st.st_dev, st.st_ino)


def unique_names(names: Sequence[str], *, keep_last: bool = False) -> list[str]:
    """``names`` with every repeated one made distinct, so that no field of a
    record is lost whatever its names: one occurrence keeps the name (the
    first, as pandas reads a CSV header; with ``keep_last`` the last, whose
    value every JSON reader takes and ``--field`` finds), the others get
    ``.1``, ``.2``, ... in order, skipping names the record already has.

    >>> unique_names(["id", "id", "text", "id.1"])
    ['id', 'id.2', 'text', 'id.1']
    >>> unique_names(["id", "x", "id", "id"], keep_last=True)
    ['id.1', 'x', 'id.2', 'id']
    """
    if len(set(names)) == len(names):
        return list(names)
    taken = set(names)
    keeper = {}  # each name's occurrence that keeps it
    for i, name in enumerate(names):
        if keep_last or name not in keeper:
            keeper[name] = i
    out = []
    for i, name in enumerate(names):
        if keeper[name] == i:
            out.append(name)
            continue
        k = 1
        while f"{name}.{k}" in taken:
            k += 1
        taken.add(f"{name}.{k}")
        out.append(f"{name}.{k}")
    return out


class Records(Protocol):
    """The input fields of a chunk's documents, kept for the structured writers."""

    def fields(self, i: int) -> dict[str, Any]:
        """Every input field of document ``i``, in input order, under names
        made distinct by :func:`unique_names`."""
        ...


@dataclass(eq=False)
class Chunk:
    """Consecutive documents of one source."""

    source: Source
    texts: list[str]
    #: Line number (``text``, ``lines``, ``jsonl``) or record number (``csv``,
    #: ``tsv``, ``parquet``) of each document, from 1.
    numbers: Sequence[int]
    #: Byte offset of each document in the decompressed stream, where it means something.
    offsets: Sequence[int] | None = None
    #: Input fields (JSON Lines, CSV, Parquet), or None for plain text.
    records: Records | None = None
    #: Bytes of (decompressed) input this chunk covers, and bytes of the file on disk.
    nbytes: int = 0
    disk_bytes: int = 0
    #: The last chunk of its source (possibly with no documents).
    last: bool = False

    def __len__(self) -> int:
        return len(self.texts)

    def fields(self, i: int) -> dict[str, Any]:
        """Input fields of document ``i``; for plain text, its source and line."""
        if self.records is not None:
            return self.records.fields(i)
        if self.source.format == "lines":
            return {"source": self.source.relative, "line": self.numbers[i]}
        return {"source": self.source.relative}


# A NamedTuple rather than a frozen dataclass: as immutable, and defined in
# a fraction of the time (it is defined at every command's start-up).
class Document(NamedTuple):
    """One document and where it came from."""

    text: str
    source: Source
    #: Line or record number (see ``source.unit``), from 1.
    number: int
    #: Byte offset in the decompressed input, or None.
    offset: int | None
    fields: dict[str, Any]


@dataclass(eq=False)
class Batch:
    """Chunks normalized together; ``texts`` is all their documents in order."""

    chunks: list[Chunk]
    texts: list[str]

    @property
    def nbytes(self) -> int:
        return sum(c.nbytes for c in self.chunks)

    @property
    def disk_bytes(self) -> int:
        return sum(c.disk_bytes for c in self.chunks)

    def spans(self) -> Iterator[tuple[Chunk, int, int]]:
        """(chunk, start, stop): where each chunk's documents are in ``texts``."""
        start = 0
        for chunk in self.chunks:
            stop = start + len(chunk)
            yield chunk, start, stop
            start = stop

    def documents(self) -> Iterator[Document]:
        for chunk in self.chunks:
            for i, text in enumerate(chunk.texts):
                offset = chunk.offsets[i] if chunk.offsets is not None else None
                yield Document(text, chunk.source, chunk.numbers[i], offset, chunk.fields(i))


def batches(chunks: Iterable[Chunk], max_docs: int, max_bytes: int) -> Iterator[Batch]:
    """Groups chunks, in order, into batches of at most about ``max_docs``
    documents and ``max_bytes`` input bytes (a batch always takes at least one
    chunk; readers keep chunks within both bounds).

    If reading fails, the chunks read completely before the error still come
    out as a last batch, then the error is raised: a ``--resume`` run keeps
    every input finished before a bad one.
    """
    pending: list[Chunk] = []
    docs = size = 0
    try:
        for chunk in chunks:
            if pending and (docs + len(chunk) > max_docs or size + chunk.nbytes > max_bytes):
                yield _batch(pending)
                pending, docs, size = [], 0, 0
            pending.append(chunk)
            docs += len(chunk)
            size += chunk.nbytes
            if docs >= max_docs or size >= max_bytes:
                yield _batch(pending)
                pending, docs, size = [], 0, 0
    except Exception:
        if pending:
            yield _batch(pending)
        raise
    if pending:
        yield _batch(pending)


def _batch(chunks: list[Chunk]) -> Batch:
    if len(chunks) == 1:
        return Batch(chunks, chunks[0].texts)
    texts: list[str] = []
    for chunk in chunks:
        texts.extend(chunk.texts)
    return Batch(chunks, texts)
