"""Lines: each document's normalized text on its own line, in input order."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from stemline.corpus.documents import Chunk
from stemline.corpus.writers import TextWriter

#: Rendered text above this many code points is handed on line by line.
BIG = 1 << 24


class LinesWriter(TextWriter):
    def __init__(
        self, raw: BinaryIO, field: str, *, compression: str | None = None, offsets: bool = False
    ):
        super().__init__(raw, compression)

    def render(self, chunk: Chunk, lines: list[str]) -> str:
        return "\n".join(lines) + "\n" if lines else ""

    def pieces(self, chunk: Chunk, lines: list[str]) -> Iterator[str]:
        """:meth:`render` in pieces: one string for ordinary chunks, but a
        huge document is not copied into a second string of its size."""
        if sum(map(len, lines)) < BIG:
            yield self.render(chunk, lines)
            return
        for line in lines:
            yield line
            yield "\n"
