"""Readers: one module per input format, and :func:`read_source` to pick one.

Each reader turns one :class:`~stemline.corpus.documents.Source` into
:class:`~stemline.corpus.documents.Chunk` objects, in order, the last one
marked ``last``; the format table (``formats.py``) says which reader a
source's format has. Opening handles compression (by magic bytes, checked
against the name) and unreadable files; each reader handles its format's
syntax and its bad records.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

from stemline.corpus import compression
from stemline.corpus.compression import CheckedReader
from stemline.corpus.documents import Chunk, Source
from stemline.corpus.formats import FORMATS
from stemline.corpus.problems import InputError
from stemline.corpus.readers.context import Reading

__all__ = ["Reading", "read_source"]


class _Prefixed(io.RawIOBase):
    """Bytes already read (to sniff them), then the rest of a stream."""

    def __init__(self, head: bytes, rest: BinaryIO):
        self._head = head
        self._rest = rest
        self.consumed = 0  # bytes taken from the underlying stream, for progress

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.consumed += n
        return n


def _open(source: Source) -> tuple[BinaryIO, CheckedReader, Callable[[], int]]:
    """(file to close, decompressed stream, bytes consumed from the file so far)."""
    if source.path is None:
        if sys.stdin is None:  # how Python starts when file descriptor 0 is closed
            raise InputError(source.name, "cannot read: standard input is closed")
        raw = sys.stdin.buffer
    else:
        try:
            raw = open(source.path, "rb", buffering=0)  # noqa: SIM115 (closed by read_source)
        except OSError as e:
            raise InputError(source.name, f"cannot read: {e.strerror}") from None
    try:
        head = raw.read(compression.SNIFF_BYTES)
        seekable = source.path is not None and raw.seekable()
        if seekable:
            raw.seek(0)
    except OSError as e:
        raise InputError(source.name, f"cannot read: {e.strerror}") from None
    found = compression.sniff(head)
    if source.compression and found != source.compression:
        raise InputError(
            source.name,
            f"the name says {source.compression} but the data is "
            + (f"{found}" if found else f"not compressed (first bytes: {head[:4].hex(' ')})"),
        )
    if not found and seekable:
        stream = CheckedReader(raw, source.name, None)
        return raw, stream, lambda: stream.position
    prefixed = _Prefixed(b"" if seekable else head, raw)
    prefixed.consumed = 0 if seekable else len(head)
    buffered: BinaryIO = io.BufferedReader(prefixed, buffer_size=1 << 16)
    if found:
        buffered = compression.open_reader(buffered, found)
    return raw, CheckedReader(buffered, source.name, found), lambda: prefixed.consumed


def read_source(source: Source, reading: Reading) -> Iterator[Chunk]:
    """Every chunk of one source, with ``disk_bytes`` set for progress."""
    fmt = FORMATS[source.format]
    if fmt.opens_file:
        yield from fmt.read(source, reading)
        return
    raw, stream, consumed = _open(source)
    try:
        seen = 0
        for chunk in fmt.read(source, stream, reading):
            now = consumed()
            chunk.disk_bytes = now - seen
            seen = now
            yield chunk
    finally:
        if source.path is not None:
            raw.close()
