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
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import accumulate

from stemline.corpus.compression import CheckedReader
from stemline.corpus.decoding import Decoder
from stemline.corpus.problems import BadRecords, InputError, Place

BLOCK_BYTES = 1 << 20


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
    """Whole lines of a stream: ``data`` ends with ``\\n`` unless ``final`` and the
    file did not."""

    data: bytes
    first_line: int  # number of the block's first line, from 1
    first_offset: int  # byte offset of the block in the stream
    newline_end: bool  # data ends with \n


def line_blocks(stream: CheckedReader, max_line: int) -> Iterator[LineBlock]:
    """The stream as blocks of whole lines, in order."""
    line = 1
    offset = 0
    pending: list[bytes] = []  # the start of a line not finished yet
    pending_len = 0
    while True:
        block = stream.read(BLOCK_BYTES)
        if not block:
            break
        cut = block.rfind(b"\n") + 1
        if cut == 0:
            pending.append(block)
            pending_len += len(block)
            if pending_len > max_line:
                _too_long(stream.name, line, offset, max_line)
            continue
        if pending:
            first_end = pending_len + block.find(b"\n")
            if first_end > max_line:
                _too_long(stream.name, line, offset, max_line)
            pending.append(block[:cut])
            data = b"".join(pending)
        else:
            data = block[:cut]
        rest = block[cut:]
        pending, pending_len = ([rest], len(rest)) if rest else ([], 0)
        yield LineBlock(data, line, offset, True)
        line += data.count(b"\n")
        offset += len(data)
    if pending:
        yield LineBlock(b"".join(pending), line, offset, False)


def _too_long(name: str, line: int, offset: int, max_line: int) -> None:
    raise InputError(
        Place(name, line=line, offset=offset),
        f"line longer than {format_size(max_line)}",
        "raise --max-doc-size to read it",
    )


def split_block(
    block: LineBlock,
    name: str,
    decoder: Decoder,
    max_line: int,
    *,
    bad_records: BadRecords | None = None,
    strip_cr: bool = False,
) -> tuple[list[str], list[int]]:
    """The block's lines, decoded, without their ``\\n`` (and one trailing
    ``\\r`` with ``strip_cr``), and the byte offset of each line.

    With ``bad_records``, a line holding a NUL byte (binary data) is a bad
    record: an error, or an empty line under ``--on-bad-record empty``.
    """
    data = block.data
    try:
        if bad_records is not None and b"\x00" in data:
            raise ValueError("NUL")
        text = data.decode("utf-8")
    except (UnicodeDecodeError, ValueError):
        return _split_slowly(block, name, decoder, max_line, bad_records, strip_cr)
    lines = text.split("\n")
    if block.newline_end:
        lines.pop()
    if text.isascii():
        lengths = list(map(len, lines))
    else:
        parts = data.split(b"\n")
        if block.newline_end:
            parts.pop()
        lengths = list(map(len, parts))
    if max_line < BLOCK_BYTES and lengths and max(lengths) > max_line:
        i = next(i for i, n in enumerate(lengths) if n > max_line)
        offset = block.first_offset + sum(lengths[:i]) + i
        _too_long(name, block.first_line + i, offset, max_line)
    offsets = list(accumulate((n + 1 for n in lengths[:-1]), initial=block.first_offset))
    if strip_cr and "\r" in text:
        lines = [s[:-1] if s.endswith("\r") else s for s in lines]
    return lines, offsets


def _split_slowly(
    block: LineBlock,
    name: str,
    decoder: Decoder,
    max_line: int,
    bad_records: BadRecords | None,
    strip_cr: bool,
) -> tuple[list[str], list[int]]:
    parts = block.data.split(b"\n")
    if block.newline_end:
        parts.pop()
    lines: list[str] = []
    offsets: list[int] = []
    offset = block.first_offset
    for i, part in enumerate(parts):
        number = block.first_line + i
        if len(part) > max_line:
            _too_long(name, number, offset, max_line)
        if strip_cr and part.endswith(b"\r"):
            part = part[:-1]
        nul = part.find(b"\x00") if bad_records is not None else -1
        if nul >= 0:
            bad_records.handle(
                Place(name, line=number, offset=offset + nul), "binary data (a NUL byte)"
            )
            lines.append("")
        else:
            start = offset
            lines.append(
                decoder.decode(part, lambda j, n=number, s=start: Place(name, line=n, offset=s + j))
            )
        offsets.append(offset)
        offset += len(parts[i]) + 1
    return lines, offsets
