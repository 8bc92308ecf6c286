"""Lines: each document's normalized text on its own line, in input order."""

from __future__ import annotations

from typing import Any

from stemline.corpus.documents import Chunk


class LinesWriter:
    def render(self, chunk: Chunk, lines: list[str]) -> str:
        return "\n".join(lines) + "\n" if lines else ""

    def state(self) -> dict[str, Any]:
        return {}

    def restore(self, state: dict[str, Any]) -> None:
        pass
