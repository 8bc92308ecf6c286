"""Plain text: one document per file (``text``) or per line (``lines``).

``text``: the whole file, decoded, is the document; an empty file is an empty
document (an empty output line). ``lines``: each line is a document, split on
``\\n`` only, one ``\\r`` before it removed (so ``\\r\\n`` files read like
``\\n`` files); other Unicode line breaks stay inside the document. An empty
file has no lines and gives no documents; an empty line is an empty document.

A NUL byte means binary data: a bad record (see ``--on-bad-record``), at the
file (``text``) or the line (``lines``). A document longer than
``--max-doc-size`` is an error, found before it is loaded whole.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from stemline.corpus.compression import CheckedReader
from stemline.corpus.documents import Chunk, Source
from stemline.corpus.problems import InputError, Place
from stemline.corpus.readers.context import Reading
from stemline.corpus.readers.lines import BLOCK_BYTES, decoded_lines, format_size


def read_text(source: Source, stream: CheckedReader, reading: Reading) -> Iterator[Chunk]:
    """The whole file as one document."""
    pieces = []
    size = 0
    step = min((source.size or BLOCK_BYTES) + 1, reading.max_doc_bytes + 1)
    while True:
        block = stream.read(step)
        step = BLOCK_BYTES
        if not block:
            break
        pieces.append(block)
        size += len(block)
        if size > reading.max_doc_bytes:
            raise InputError(
                source.name,
                f"document larger than {format_size(reading.max_doc_bytes)}",
                "raise --max-doc-size, or read it with --lines",
            )
    data = b"".join(pieces)
    del pieces

    def place(i: int) -> Place:
        return Place(source.name, line=data.count(b"\n", 0, i) + 1, offset=i)

    nul = data.find(b"\x00")
    if nul >= 0:
        reading.bad_records.handle(place(nul), "binary data (a NUL byte)")
        text = ""
    else:
        text = reading.decoder.decode(data, place)
    yield Chunk(source, [text], [1], [0], nbytes=size, last=True)


def read_lines(source: Source, stream: CheckedReader, reading: Reading) -> Iterator[Chunk]:
    """Each line as a document."""
    blocks = decoded_lines(
        stream,
        reading.decoder,
        reading.max_doc_bytes,
        bad_records=reading.bad_records,
        strip_cr=True,
    )
    for block in blocks:
        lines = block.lines
        step = reading.chunk_docs
        if len(lines) <= step:
            yield Chunk(
                source,
                lines,
                range(block.first_line, block.first_line + len(lines)),
                block.offsets,
                nbytes=block.nbytes,
            )
            continue
        done = 0
        for start in range(0, len(lines), step):
            stop = min(start + step, len(lines))
            # Bytes shared out by documents; the last chunk takes the rest, so sums are exact.
            share = (
                block.nbytes - done
                if stop == len(lines)
                else block.nbytes * (stop - start) // len(lines)
            )
            done += share
            yield Chunk(
                source,
                lines[start:stop],
                range(block.first_line + start, block.first_line + stop),
                _Window(block.offsets, start, stop),
                nbytes=share,
            )
    yield Chunk(source, [], range(0), [], last=True)


class _Window(Sequence[int]):
    """A part of a lazily computed sequence (see LineOffsets)."""

    def __init__(self, base: Sequence[int], start: int, stop: int):
        self._base, self._start, self._stop = base, start, stop

    def __len__(self) -> int:
        return self._stop - self._start

    def __getitem__(self, i: Any) -> Any:
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        if not -len(self) <= i < len(self):
            raise IndexError(i)
        return self._base[self._start + (i % len(self))]
