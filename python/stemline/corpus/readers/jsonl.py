"""JSON Lines: one JSON object per line; the document is the string at ``--field``.

``--field`` is a dotted path (``text``, ``article.body``, ``paragraphs.0``:
a number indexes a list). Lines holding only whitespace are not records
(JSON Lines tools commonly write a trailing one) and give no document; every
other line is a record and gives exactly one document, or an error. Bad
records (see ``--on-bad-record``): a line that is not valid JSON, a value that
is not an object, a missing or null field, a field that is not a string, a
string holding U+0000 or a lone surrogate (``"\\ud800"``, not Unicode text),
a line nested too deeply for the parser or holding an integer of more than
4,300 digits.
Places are the line number and the byte offset of the line. A UTF-8 byte
order mark before the first record is ignored.

The parsed record and its raw line are kept, so that JSON Lines output can add
the normalized text to the record exactly as it was written.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from stemline.corpus.compression import CheckedReader
from stemline.corpus.documents import Chunk, Source
from stemline.corpus.problems import Place
from stemline.corpus.readers.context import Reading
from stemline.corpus.readers.lines import decoded_lines

_MISSING = object()


@dataclass
class JsonRecords:
    """Raw lines (None for a bad record) and parsed objects ({} if unreadable)."""

    raw: list[str | None]
    values: list[dict[str, Any]]

    def fields(self, i: int) -> dict[str, Any]:
        return self.values[i]


def lookup(value: Any, path: list[str]) -> Any:
    """The value at a dotted path, or ``_MISSING``.

    >>> lookup({"a": {"b": ["x", "y"]}}, ["a", "b", "1"])
    'y'
    """
    for key in path:
        if isinstance(value, dict):
            value = value.get(key, _MISSING)
        elif isinstance(value, list) and key.isdigit() and int(key) < len(value):
            value = value[int(key)]
        else:
            return _MISSING
        if value is _MISSING:
            return _MISSING
    return value


_TYPE_NAMES = {
    dict: "an object",
    list: "a list",
    int: "a number",
    float: "a number",
    bool: "a boolean",
}


def read_jsonl(source: Source, stream: CheckedReader, reading: Reading) -> Iterator[Chunk]:
    path = reading.field.split(".")
    bad = reading.bad_records
    decode = json.JSONDecoder().decode
    texts: list[str] = []
    numbers: list[int] = []
    offsets: list[int] = []
    records = JsonRecords([], [])
    chunk_start = 0
    for block in decoded_lines(stream, reading.decoder, reading.max_doc_bytes):
        lines, line_offsets = block.lines, block.offsets
        if block.first_line == 1 and lines and lines[0].startswith("\ufeff"):
            lines[0] = lines[0][1:]
        for i, line in enumerate(lines):
            if not line or line.isspace():
                continue
            number = block.first_line + i
            offset = line_offsets[i]
            text, value, problem = _document(line, path, reading.field, decode)
            if problem is not None:
                message, column = problem
                bad.handle(Place(source.name, line=number, offset=offset + column), message)
                text = ""
            texts.append(text)
            numbers.append(number)
            offsets.append(offset)
            records.raw.append(None if problem else line)
            records.values.append(value if isinstance(value, dict) else {})
            if len(texts) >= reading.chunk_docs:
                end = offset + len(line.encode("utf-8")) + 1
                yield Chunk(source, texts, numbers, offsets, records, nbytes=end - chunk_start)
                chunk_start = end
                texts, numbers, offsets, records = [], [], [], JsonRecords([], [])
    end = stream.position
    yield Chunk(source, texts, numbers, offsets, records, nbytes=end - chunk_start, last=True)


def _document(
    line: str, path: list[str], field: str, decode: Callable[[str], Any]
) -> tuple[str, Any, Any]:
    """(text, parsed value, None) or ("", value or None, (message, byte column))."""
    try:
        value = decode(line)
    except json.JSONDecodeError as e:
        column = len(line[: e.pos].encode("utf-8", "surrogatepass"))
        return "", None, (f"not valid JSON: {e.msg} (column {e.colno})", column)
    except RecursionError:
        return "", None, ("JSON nested too deeply to read", 0)
    except ValueError:  # Python converts integers of at most 4,300 digits
        return "", None, ("an integer too long to read (over 4,300 digits)", 0)
    if not isinstance(value, dict):
        kind = _TYPE_NAMES.get(type(value), "a string" if isinstance(value, str) else "null")
        return "", value, (f"the line holds {kind}, not a JSON object", 0)
    text = lookup(value, path)
    if text is _MISSING:
        return "", value, (f"no field {field!r}", 0)
    if not isinstance(text, str):
        kind = "null" if text is None else _TYPE_NAMES.get(type(text), type(text).__name__)
        return "", value, (f"field {field!r} is {kind}, not a string", 0)
    if "\x00" in text:
        return "", value, (f"field {field!r} holds U+0000 (binary data)", 0)
    if "\\u" in line or "\\U" in line:
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as e:
            return (
                "",
                value,
                (f"field {field!r} holds a lone surrogate U+{ord(text[e.start]):04X}", 0),
            )
    return text, value, None
