"""JSON Lines: one JSON object per line; the document is the string at ``--field``.

``--field`` is a dotted path (``text``, ``article.body``, ``paragraphs.0``:
a number of ASCII digits indexes a list; ``²`` or ``٣`` is a key, on the
native path too). Lines holding only whitespace are not records (JSON Lines
tools commonly write a trailing one) and give no document; every
other line is a record and gives exactly one document, or an error. Bad
records (see ``--on-bad-record``): a line that is not valid JSON, a value that
is not an object, a missing or null field, a field that is not a string, a
string holding U+0000 or a lone surrogate (``"\\ud800"``, not Unicode text),
a line nested more than :data:`MAX_NESTING` levels deep (lists and objects
inside each other) or holding an integer of more than 4,300 digits. The
native reader follows the same rules: it hands every line it cannot judge by
them (a deep one among them) to :func:`_document`.
Places are the line number and the byte offset of the line. A UTF-8 byte
order mark before the first record is ignored.

The parsed record and its raw line are kept, so that JSON Lines output can add
the normalized text to the record exactly as it was written. A name an
object gives more than once keeps every value: the last under the name (the
value JSON readers, and ``--field`` on both paths, take), the earlier ones
under ``NAME.1``, ``NAME.2`` (``documents.unique_names``), which CSV, TSV
and Parquet output write as columns of their own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import accumulate
from typing import Any

from stemline.corpus.compression import CheckedReader
from stemline.corpus.documents import Chunk, Source, unique_names
from stemline.corpus.problems import Place
from stemline.corpus.readers.context import Reading
from stemline.corpus.readers.lines import decoded_lines

_MISSING = object()

#: Deepest nesting of lists and objects a record may have. One number for
#: both paths (``stemline-io``'s ``jsonl::MAX_NESTING`` is the same): the
#: native parser skips values at any depth, Python's ``json`` fails at about
#: a thousand levels less the caller's own stack, a limit no user can know.
#: 512 leaves that stack room on every Python.
MAX_NESTING = 512

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_NOT_BRACKETS = bytes(c for c in range(256) if c not in b"[]{}")
_RUNS = re.compile(rb"\[+|\]+")


@dataclass
class JsonRecords:
    """Raw lines (None for a bad record) and parsed objects ({} if unreadable)."""

    raw: list[str | None]
    values: list[dict[str, Any]]

    def fields(self, i: int) -> dict[str, Any]:
        return self.values[i]


def too_deep(line: str, limit: int = MAX_NESTING) -> bool:
    """Whether lists and objects in the JSON ``line`` (one that parses) nest
    more than ``limit`` deep; brackets inside strings do not count. Counted
    only for a line with that many opening brackets at all, from the runs of
    brackets once strings and everything else are gone (passes in C over
    the line, then one step per run, not per character).

    >>> too_deep('{"a": [1, {"b": "[[["}]}', 2), too_deep('{"a": [1, {"b": "[[["}]}', 3)
    (True, False)
    """
    if line.count("[") + line.count("{") <= limit:
        return False
    data = _STRING.sub(b"", line.encode("utf-8", "surrogatepass"))
    brackets = data.translate(None, _NOT_BRACKETS).replace(b"{", b"[").replace(b"}", b"]")
    # A few passes that each delete every innermost pair (one level) leave
    # little of lines of many shallow lists, the common case.
    for _ in range(min(3, limit)):
        brackets = brackets.replace(b"[]", b"")
        limit -= 1
    if not brackets or not limit:
        return bool(brackets)
    runs = list(map(len, _RUNS.findall(brackets)))
    # The line parsed, so its brackets balance: runs of opening and closing
    # ones alternate, opening first.
    runs[1::2] = [-n for n in runs[1::2]]
    return max(accumulate(runs, initial=0)) > limit


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object whose every value survives (see the module doc)."""
    value = dict(pairs)
    if len(value) == len(pairs):
        return value
    names = unique_names([name for name, _ in pairs], keep_last=True)
    return dict(zip(names, (v for _, v in pairs), strict=True))


def json_decoder() -> Callable[[str], Any]:
    """Decodes one JSON Lines line, as every reader of them here does."""
    return json.JSONDecoder(object_pairs_hook=_object).decode


def lookup(value: Any, path: list[str]) -> Any:
    """The value at a dotted path, or ``_MISSING``.

    >>> lookup({"a": {"b": ["x", "y"]}}, ["a", "b", "1"])
    'y'
    """
    for key in path:
        if isinstance(value, dict):
            value = value.get(key, _MISSING)
        elif isinstance(value, list) and key.isascii() and key.isdigit() and int(key) < len(value):
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
    decode = json_decoder()
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


_TOO_DEEP = f"JSON nested more than {MAX_NESTING} levels deep"


def _document(
    line: str, path: list[str], field: str, decode: Callable[[str], Any]
) -> tuple[str, Any, Any]:
    """(text, parsed value, None) or ("", value or None, (message, byte column))."""
    try:
        value = decode(line)
    except json.JSONDecodeError as e:
        column = len(line[: e.pos].encode("utf-8", "surrogatepass"))
        return "", None, (f"not valid JSON: {e.msg} (column {e.colno})", column)
    except RecursionError:  # deeper than MAX_NESTING, whatever the stack (see there)
        return "", None, (_TOO_DEEP, 0)
    except ValueError:  # Python converts integers of at most 4,300 digits
        return "", None, ("an integer too long to read (over 4,300 digits)", 0)
    if too_deep(line):
        return "", None, (_TOO_DEEP, 0)
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
