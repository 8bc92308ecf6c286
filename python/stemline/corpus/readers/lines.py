"""Splitting a byte stream into lines, a block at a time, with places.

Lines end at ``\\n`` only: ``\\r``, U+2028 and the other Unicode line breaks
are characters inside a line (the readers that want ``\\r\\n`` accepted strip
one ``\\r`` themselves). A last line without ``\\n`` is still a line; a final
``\\n`` does not start another one.

Blocks are about a mebibyte of whole lines, so memory does not grow with the
file; a line longer than ``max_line`` bytes is an :class:`InputError` as soon
as that many bytes have been read without a newline (a 1 GB line is refused
after ``max_line`` bytes, not loaded). Decoding a block is one call when it
is valid UTF-8; otherwise each line is decoded on its own, so the policy of
``--on-decode-error`` applies per line and an error names the exact line and
byte.

A line with a problem (bytes that are not UTF-8, a NUL byte, too long) is
met in line order: the lines before it are handed on first, as a block of
their own, and the problem is raised or reported only when the reader asks
for what comes next. So the first error reported is the first bad line or
record of the file, whatever it is that is wrong with it (bad JSON on line
114 before bytes that are not UTF-8 on line 423 of the same block), and
warnings come in line order; the native reader goes the same way.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, islice
from typing import Any

from stemline.corpus.compression import CheckedReader
from stemline.corpus.decoding import Decoder
from stemline.corpus.problems import BadRecords, InputError, Place

BLOCK_BYTES = 1 << 20
#: Blocks of at most this many lines get their offsets at once (cheap), not
#: lazily from the block's bytes, which would stay alive meanwhile.
EAGER_OFFSETS = 64


def format_size(n: int) -> str:
    """A byte count for messages.

    >>> format_size(64 << 20), format_size(1500)
    ('64 MiB', '1500 bytes')
    """
    for unit, shift in (("GiB", 30), ("MiB", 20), ("KiB", 10)):
        if n >= 1 << shift and n % (1 << shift) == 0:
            return f"{n >> shift} {unit}"
    return f"{n} bytes"


@dataclass
class LineBlock:
    """Whole lines of a stream, decoded: ``lines`` (without ``\\n``), the number of
    the first, the byte offset of each, and the block's size in bytes."""

    lines: list[str]
    first_line: int
    offsets: Sequence[int]
    first_offset: int
    nbytes: int
    #: The block's bytes ended with ``\\n`` (false only for a last line without one).
    newline_end: bool

    @property
    def end(self) -> int:
        """The byte offset just after the block."""
        return self.first_offset + self.nbytes


class LineOffsets(Sequence[int]):
    """Byte offsets of a block's lines, computed only if someone asks (an error
    message, the documents API): most runs never need them."""

    def __init__(self, data: bytes, first_offset: int, count: int):
        self._data = data
        self._first = first_offset
        self._count = count
        self._offsets: list[int] | None = None

    def _all(self) -> list[int]:
        if self._offsets is None:
            lengths = map(len, self._data.split(b"\n", self._count - 1))
            ends = accumulate((n + 1 for n in lengths), initial=self._first)
            self._offsets = list(islice(ends, self._count))
            self._data = b""
        return self._offsets

    def __len__(self) -> int:
        return self._count

    def __getitem__(self, i: Any) -> Any:
        return self._all()[i]


def decoded_lines(
    stream: CheckedReader,
    decoder: Decoder,
    max_line: int,
    *,
    bad_records: BadRecords | None = None,
    strip_cr: bool = False,
) -> Iterator[LineBlock]:
    """The stream's lines, decoded, a block at a time.

    With ``strip_cr`` one ``\\r`` before each ``\\n`` is removed. With
    ``bad_records``, a line holding a NUL byte (binary data) is a bad record:
    an error, or an empty line under ``--on-bad-record empty``.
    """
    line = 1  # number of the next block's first line
    offset = 0
    pending: list[bytes] = []  # the start of a line not finished yet
    pending_len = 0

    # A block's bytes are handed to _split as a list it empties, so that no
    # reference to them is left here and _split can free them early.
    context = (stream.name, decoder, max_line, bad_records, strip_cr)

    while True:
        chunk = stream.read(BLOCK_BYTES)
        if not chunk:
            break
        cut = chunk.rfind(b"\n") + 1
        if cut == 0:
            pending.append(chunk)
            pending_len += len(chunk)
            if pending_len > max_line:
                _too_long(stream.name, line, offset, max_line)
            continue
        if pending:
            if pending_len + chunk.find(b"\n") > max_line:
                _too_long(stream.name, line, offset, max_line)
            pending.append(chunk[:cut])
            rest = chunk[cut:]
            # A line of any size: no reference to its bytes stays here (see _split).
            blocks = _split(pending, True, line, offset, *context)
        else:
            rest = chunk[cut:]
            blocks = _split([chunk[:cut]], True, line, offset, *context)
        pending, pending_len = ([rest], len(rest)) if rest else ([], 0)
        for block in blocks:
            yield block
            line += len(block.lines)
            offset += block.nbytes
    if pending:
        yield from _split(pending, False, line, offset, *context)


def _joined(pieces: list[bytes]) -> bytes:
    """The pieces as one bytes object; the list is emptied, so that the pieces
    are freed as soon as they are joined."""
    data = b"".join(pieces)
    pieces.clear()
    return data


def _too_long(name: str, line: int, offset: int, max_line: int) -> None:
    raise InputError(
        Place(name, line=line, offset=offset),
        f"line longer than {format_size(max_line)}",
        "raise --max-doc-size to read it",
    )


def _split(
    pieces: list[bytes],
    newline_end: bool,
    first_line: int,
    first_offset: int,
    name: str,
    decoder: Decoder,
    max_line: int,
    bad_records: BadRecords | None,
    strip_cr: bool,
) -> Iterator[LineBlock]:
    """The lines of ``pieces`` (whole lines), as one block when they are all
    good, else as the blocks :func:`_split_slowly` cuts at each problem."""
    data = _joined(pieces)
    try:
        if bad_records is not None and b"\x00" in data:
            raise ValueError("NUL")
        text = data.decode("utf-8")
        if max_line < BLOCK_BYTES and any(n > max_line for n in map(len, data.split(b"\n"))):
            raise ValueError("a line too long")  # met in its place, below
    except (UnicodeDecodeError, ValueError):
        yield from _split_slowly(
            data,
            first_line,
            first_offset,
            newline_end,
            name,
            decoder,
            max_line,
            bad_records,
            strip_cr,
        )
        return
    nbytes = len(data)
    count = data.count(b"\n") + (0 if newline_end else 1)
    offsets: Sequence[int] = LineOffsets(data, first_offset, count)
    if count <= EAGER_OFFSETS:
        # Long lines: computed now, so that the bytes (the only reference to
        # them is this frame's) are freed before the text is split.
        offsets = list(offsets)
    del data
    lines = text.split("\n")
    if newline_end:
        lines.pop()
    if strip_cr and "\r" in text:
        lines = [s[:-1] if s.endswith("\r") else s for s in lines]
    del text  # this generator waits at the yield: the lines are all it keeps
    yield LineBlock(lines, first_line, offsets, first_offset, nbytes, newline_end)


def _split_slowly(
    data: bytes,
    first_line: int,
    first_offset: int,
    newline_end: bool,
    name: str,
    decoder: Decoder,
    max_line: int,
    bad_records: BadRecords | None,
    strip_cr: bool,
) -> Iterator[LineBlock]:
    """Lines one by one: the good lines before each problem line as a block,
    then the problem, met only when the reader asks for what follows them
    (see the module doc), then the line it leaves (an empty document, or the
    text a decode policy made) as a block of its own."""
    parts = data.split(b"\n")
    if newline_end:
        parts.pop()
    lines: list[str] = []
    offsets: list[int] = []
    start = first_offset  # of the block being gathered
    start_line = first_line
    offset = first_offset
    for i, raw in enumerate(parts):
        number = first_line + i
        ends_line = newline_end or i < len(parts) - 1
        part = raw[:-1] if strip_cr and raw.endswith(b"\r") else raw
        nul = part.find(b"\x00") if bad_records is not None else -1
        text: str | None = None
        if len(raw) <= max_line and nul < 0:
            try:
                text = part.decode("utf-8")
            except UnicodeDecodeError:
                pass
        if text is not None:
            lines.append(text)
            offsets.append(offset)
            offset += len(raw) + 1
            continue
        if lines:  # the good lines before this one go first
            yield LineBlock(lines, start_line, offsets, start, offset - start, True)
            lines, offsets = [], []
        if len(raw) > max_line:
            _too_long(name, number, offset, max_line)
        if nul >= 0 and bad_records is not None:
            bad_records.handle(
                Place(name, line=number, offset=offset + nul), "binary data (a NUL byte)"
            )
            text = ""
        else:
            here = offset
            text = decoder.decode(
                part, lambda j, n=number, s=here: Place(name, line=n, offset=s + j)
            )
        size = len(raw) + ends_line
        yield LineBlock([text], number, [offset], offset, size, ends_line)
        offset += len(raw) + 1
        start, start_line = offset, number + 1
    if lines:
        end = first_offset + len(data)
        yield LineBlock(lines, start_line, offsets, start, end - start, newline_end)
