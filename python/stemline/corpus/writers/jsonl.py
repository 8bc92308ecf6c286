"""JSON Lines: each input record with the normalized text added under ``--output-field``.

A JSON Lines input record is written back exactly as it was read, with
``, "<field>": "<normalized>"`` inserted before its closing brace, so ids,
number formats and key order survive byte for byte. Other records (CSV
rows, Parquet rows, text documents' ``source``/``line``) are written as
JSON objects; Parquet values JSON has no type for become strings (dates and
times in ISO 8601, decimals as written, binary as base64). A record that
already has a field of that name is an error: choose another
``--output-field``.

With ``--offsets`` a second field, ``<field>_offsets``, follows: one
``[start, end]`` pair per token of the line (tokens are the line split on
single spaces), the token's source range in the input text as Python string
indices (code points), as :func:`stemline.spans` gives them. The line and
the pairs are made natively as the text written (:func:`with_offsets`), and
for a document of more than 16 million code points written in parts as they
are made, never whole (their text is several times the document's size).
"""

from __future__ import annotations

import base64
import datetime
import json
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from stemline.corpus.documents import Chunk
from stemline.corpus.problems import InputError, Place
from stemline.corpus.readers.jsonl import JsonRecords

if TYPE_CHECKING:
    from stemline.normalizer import Normalizer
from stemline import _native
from stemline.corpus.writers import Streamed, TextWriter


def _json_default(value: Any) -> Any:
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def field_clash(chunk: Chunk, i: int, field: str) -> InputError:
    return InputError(
        Place(chunk.source.name, line=chunk.numbers[i])
        if chunk.source.unit == "line"
        else Place(chunk.source.name, record=chunk.numbers[i]),
        f"the record already has a field {field!r}",
        "choose another name with --output-field",
    )


class JsonlWriter(TextWriter):
    format = "jsonl"

    def __init__(
        self, raw: BinaryIO, field: str, *, compression: str | None = None, offsets: bool = False
    ):
        super().__init__(raw, compression)
        self.field = field
        self.offsets_field = f"{field}_offsets" if offsets else None
        self._key = json.dumps(field, ensure_ascii=False)
        self._offsets_key = json.dumps(self.offsets_field, ensure_ascii=False)

    def _check(self, chunk: Chunk, i: int, value: dict[str, Any]) -> None:
        for name in (self.field, self.offsets_field):
            if name is not None and name in value:
                raise field_clash(chunk, i, name)

    def pieces(self, chunk: Chunk, lines: list[Any]) -> Iterator[str | Streamed]:
        out: list[str] = []
        records = chunk.records if isinstance(chunk.records, JsonRecords) else None
        for i, item in enumerate(lines):
            raw, value = (records.raw[i], records.values[i]) if records else (None, chunk.fields(i))
            self._check(chunk, i, value)
            if isinstance(item, LongOffsets):
                if out:
                    yield "\n".join(out) + "\n"
                    out = []
                yield self._head(raw, value, records is not None) + '"'
                yield self._streamed(item)
                yield "}\n"
                continue
            line, offsets = (item, None) if self.offsets_field is None else item
            head = self._head(raw, value, records is not None, line)
            added = "" if offsets is None else f", {self._offsets_key}: {offsets}"
            out.append(f"{head}{added}}}")
        if out:
            yield "\n".join(out) + "\n"

    def render(self, chunk: Chunk, lines: list[Any]) -> str:
        return "".join(p for p in self.pieces(chunk, lines) if isinstance(p, str))

    def _head(
        self, raw: str | None, value: dict[str, Any], json_input: bool, line: str | None = None
    ) -> str:
        """The record with the normalized line added, without its closing
        brace (with ``line`` None, up to the line's value)."""
        text = "" if line is None else json.dumps(line, ensure_ascii=False)
        if raw is not None and value:
            head = raw.rstrip()[:-1]  # the object without its closing brace
            return f"{head}, {self._key}: {text}"
        if json_input:  # an empty object, or a bad record; may hold lone surrogates
            whole = json.dumps({**value, self.field: ""})
        else:
            whole = json.dumps({**value, self.field: ""}, ensure_ascii=False, default=_json_default)
        return whole[: -len('""}')] + text

    def _streamed(self, item: LongOffsets) -> Streamed:
        """A long document's line, then its offsets, written as they are made."""

        def stream(write: Callable[[str], None]) -> None:
            started = False

            def line_part(part: str) -> None:
                write(json.dumps(part, ensure_ascii=False)[1:-1])

            def offsets_part(part: str) -> None:
                nonlocal started
                if not started:
                    write(f'", {self._offsets_key}: ')
                    started = True
                write(part)

            item.stream(line_part, offsets_part)

        return stream


#: A document longer than this many code points gets its line and offsets
#: written in parts as they are made (see :class:`LongOffsets`).
LONG_DOCUMENT = 1 << 24
#: Documents made in one native call (code points), so that the GIL, and
#: with it stop signals, is never kept waiting long; and the size of the
#: parts a long document's output is written in.
OFFSETS_STEP = 1 << 20


class LongOffsets:
    """A document whose line and offsets (their JSON text is several times
    the document's size) are never whole in memory: made twice, in parts,
    as the writer writes them."""

    def __init__(self, normalizer: Normalizer, text: str):
        self._normalizer = normalizer
        self.text = text
        #: Output tokens, known once written.
        self.tokens = 0

    def stream(self, line_part: Callable[[str], None], offsets_part: Callable[[str], None]) -> None:
        native = self._normalizer._native
        self.tokens = _native.offsets_in_parts(
            native, self.text, OFFSETS_STEP, line_part, offsets_part
        )


def with_offsets(normalizer: Normalizer, texts: list[str]) -> list[tuple[str, str] | LongOffsets]:
    """``--offsets`` output of each text: ``(line, offsets as JSON text)``,
    made natively a step at a time, or a :class:`LongOffsets` for a long one."""
    out: list[tuple[str, str] | LongOffsets] = []
    step: list[str] = []
    size = 0
    for text in texts:
        if len(text) > LONG_DOCUMENT:
            out.extend(_native.offsets_many(normalizer._native, step))
            step, size = [], 0
            out.append(LongOffsets(normalizer, text))
            continue
        step.append(text)
        size += len(text)
        if size >= OFFSETS_STEP:
            out.extend(_native.offsets_many(normalizer._native, step))
            step, size = [], 0
    out.extend(_native.offsets_many(normalizer._native, step))
    return out


def offsets_tokens(items: list[tuple[str, str] | LongOffsets]) -> int:
    """Output tokens of written ``--offsets`` output."""
    return sum(
        item.tokens if isinstance(item, LongOffsets) else item[1].count("[") - 1 for item in items
    )
