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
indices (code points), as :func:`stemline.spans` gives them.
"""

from __future__ import annotations

import base64
import datetime
import json
from typing import Any, BinaryIO

from stemline.corpus.documents import Chunk
from stemline.corpus.problems import InputError, Place
from stemline.corpus.readers.jsonl import JsonRecords
from stemline.corpus.writers import TextWriter


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

    def _added(self, item: Any) -> dict[str, Any]:
        if self.offsets_field is None:
            return {self.field: item}
        line, offsets = item
        return {self.field: line, self.offsets_field: offsets}

    def _check(self, chunk: Chunk, i: int, value: dict[str, Any]) -> None:
        for name in (self.field, self.offsets_field):
            if name is not None and name in value:
                raise field_clash(chunk, i, name)

    def render(self, chunk: Chunk, lines: list[Any]) -> str:
        out = []
        records = chunk.records
        if isinstance(records, JsonRecords):
            rows = zip(records.raw, records.values, lines, strict=True)
            for i, (raw, value, item) in enumerate(rows):
                self._check(chunk, i, value)
                if raw is not None and value:
                    head = raw.rstrip()[:-1]  # the object without its closing brace
                    added = ", ".join(
                        f"{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                        for k, v in self._added(item).items()
                    )
                    out.append(f"{head}, {added}}}")
                else:  # an empty object, or a bad record; may hold lone surrogates
                    out.append(json.dumps({**value, **self._added(item)}))
        else:
            for i, item in enumerate(lines):
                fields = chunk.fields(i)
                self._check(chunk, i, fields)
                fields.update(self._added(item))
                out.append(json.dumps(fields, ensure_ascii=False, default=_json_default))
        return "\n".join(out) + "\n" if out else ""
