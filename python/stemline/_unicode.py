"""Character classes of the running Python, for the native core.

The reference mixes three engines, and each decides its own character classes
from its own Unicode tables:

- ``wordpunct_tokenize`` (``\\w+|[^\\w\\s]+``) and the Treebank punctuation rules
  are compiled with the ``regex`` module (NLTK 3.10 routes every pattern through
  ``nltk.redos``, which uses ``regex``). Its ``\\w`` counts combining marks as
  word characters and does not count ``²``;
- the contraction rules (``(?i)\\bcan(?#X)not\\b`` ...) are compiled with the
  standard ``re`` module: ``\\w`` is ``str.isalnum()`` or ``_`` and ``(?i)``
  matches, for example, ``İ`` and ``ı`` to ``i``;
- the final ``str.split()`` splits on ``str.isspace()``, which includes
  U+001C..U+001F that ``regex`` counts as punctuation;
- the Lancaster stemmer finds a word's "last letter" with ``str.isalpha()``;
- ``NLTKWordTokenizer`` also reads ``regex``'s ``\\d`` (``([:,])([^\\d])``) and
  its ``(?i)`` letters (``(?!(?:re|ve|ll|m|t|s|d|n)\\b)``), which are not ``re``'s:
  ``regex`` matches ``İ`` to ``i`` but not ``ı``.

Rust's Unicode tables agree with none of these exactly, and all of them move
with library and Python versions. So the tables are not written down anywhere:
they are read here by running each engine over every code point (about 0.2 s),
and handed to the core as ranges.

Reading them is most of a short command's start-up, so the ranges are kept on
disk (``$XDG_CACHE_HOME/stemline``, else ``~/.cache/stemline``) under a key made
of everything they depend on: the Python version, its Unicode database version,
the installed ``regex`` module's files and stemline's version and this file. A
cache that cannot be read, fails its checksum or has another key is rebuilt; one
that cannot be written is simply not kept. ``STEMLINE_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import array
import functools
import marshal
import os
import sys
import unicodedata
import zlib
from collections.abc import Iterable
from importlib.machinery import PathFinder
from typing import TYPE_CHECKING, TypeGuard

from stemline import _native

if TYPE_CHECKING:
    import re

    import regex

#: The range lists the core takes, in CharTables' argument order: word, space,
#: re_word, split_space, alpha (str.isalpha), the case-insensitive pairs of
#: ``re``, then regex_digit (``regex``'s \d) and the case-insensitive pairs of
#: ``regex``.
Tables = tuple[
    list[tuple[int, int]],
    list[tuple[int, int]],
    list[tuple[int, int]],
    list[tuple[int, int]],
    list[tuple[int, int]],
    list[tuple[str, int]],
    list[tuple[int, int]],
    list[tuple[str, int]],
]

# The letters of the contraction rules the core applies, all compiled with
# ``re`` (MacIntyre's: can|not, d|'ye, gim|me, gon|na, got|ta, lem|me, more|'n,
# wan|na, 't|is, 't|was).
CONTRACTION_LETTERS = "acdegilmnorstwy"

# The letters NLTKWordTokenizer's clitic lookahead (?i)(?!(?:re|ve|ll|m|t|s|d|n)\b)
# matches case-insensitively, compiled with ``regex``.
REGEX_CLITIC_LETTERS = "delmnrstv"


def _every_code_point() -> str:
    return array.array("I", range(0x110000)).tobytes().decode("utf-32-le", "surrogatepass")


def _ranges(
    matches: Iterable[regex.Match[str] | re.Match[str] | re.Match[bytes]],
) -> list[tuple[int, int]]:
    # The string (or one byte per code point) holds every code point in order,
    # so offsets are code points.
    return [m.span() for m in matches]


def _split_space_ranges(every: str) -> list[tuple[int, int]]:
    """Code points str.split() splits on: the gaps between the pieces it returns."""
    gaps: list[tuple[int, int]] = []
    end = 0
    for piece in every.split():
        start = ord(piece[0])
        if start > end:
            gaps.append((end, start))
        end = ord(piece[-1]) + 1
    if end < len(every):
        gaps.append((end, len(every)))
    return gaps


@functools.cache
def char_tables() -> _native.CharTables:
    """The class tables for this process: from the disk cache, else built (and cached)."""
    key = _cache_key()
    path = _cache_path(key)
    tables = _load(path, key) if path is not None else None
    if tables is None:
        tables = build_tables()
        if path is not None:
            _store(path, key, tables)
    return _native.CharTables(*tables)


def build_tables() -> Tables:
    """The ranges, read from the running Python's engines (about 0.2 s)."""
    import re

    import regex

    every = _every_code_point()
    # The flags NLTK's RegexpTokenizer compiles wordpunct_tokenize's pattern with.
    flags = regex.UNICODE | regex.MULTILINE | regex.DOTALL
    word = _ranges(regex.finditer(r"\w+", every, flags))
    space = _ranges(regex.finditer(r"\s+", every, flags))
    re_word = _ranges(re.finditer(r"\w+", every))
    split_space = _split_space_ranges(every)
    alpha = _ranges(re.finditer(b"\x01+", bytes(map(str.isalpha, every))))
    # The contraction rule (?=\s) uses re's \s; the core treats it as str.split()'s.
    if _ranges(re.finditer(r"\s+", every)) != split_space:
        raise RuntimeError("re's \\s differs from str.split() whitespace in this Python")
    # [:,]([^\d]) relies on digits being word characters, never punctuation.
    digit = _ranges(regex.finditer(r"\d+", every))
    if not all(any(a <= s and e <= b for a, b in word) for s, e in digit):
        raise RuntimeError("a regex digit is not a regex word character in this Python")
    ignore_case = [
        (letter, ord(m.group()))
        for letter in CONTRACTION_LETTERS
        for m in re.finditer("(?i)" + letter, every)
        if m.group() != letter
    ]
    regex_ignore_case = [
        (letter, ord(m.group()))
        for letter in REGEX_CLITIC_LETTERS
        for m in regex.finditer("(?i)" + letter, every)
        if m.group() != letter
    ]
    return word, space, re_word, split_space, alpha, ignore_case, digit, regex_ignore_case


def _file_stamp(path: str) -> tuple[str, int, int]:
    st = os.stat(path)
    return (path, st.st_size, st.st_mtime_ns)


def _cache_key() -> str:
    """Everything the tables depend on, as text. The ``regex`` module is found,
    not imported (importing it costs more than reading the cache): its files'
    sizes and times change whenever another version is installed (found on
    ``sys.path`` as an import would find it; ``importlib.util`` costs more)."""
    spec = PathFinder.find_spec("regex")
    engine: list[tuple[str, int, int]] = []
    if spec is not None and spec.origin is not None:
        folder = os.path.dirname(spec.origin)
        engine = sorted(
            _file_stamp(os.path.join(folder, name))
            for name in os.listdir(folder)
            if name.endswith((".py", ".so", ".pyd"))
        )
    return repr(
        (
            sys.version,
            sys.implementation.cache_tag,
            unicodedata.unidata_version,
            engine,
            _native.__version__,
            _file_stamp(_native.__file__),
            _file_stamp(__file__),
        )
    )


def _cache_path(key: str) -> str | None:
    if os.environ.get("STEMLINE_NO_CACHE"):
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(root):  # as the XDG spec says: a relative path is ignored
        return None
    # One file per key, so that two Pythons sharing a home do not evict each other.
    name = f"char-tables-{zlib.crc32(key.encode()):08x}.marshal"
    return os.path.join(root, "stemline", name)


def _load(path: str, key: str) -> Tables | None:
    """The cached tables, or None if absent, unreadable, corrupt or for another key."""
    try:
        with open(path, "rb") as f:
            data = f.read()
        checksum, payload = marshal.loads(data)
        if checksum != zlib.crc32(payload):
            return None
        stored_key, flat, ignore_case, regex_ignore_case = marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if stored_key != key:
        return None
    return _from_flat(flat, ignore_case, regex_ignore_case)


# On disk each range list is one string of bytes, the ranges' bounds as
# unsigned 32-bit integers (start, end, start, end, ...): read back in one
# step, whole, each a well-formed (int, int) pair by construction.


def _flat(ranges: list[tuple[int, int]]) -> bytes:
    return array.array("I", [bound for pair in ranges for bound in pair]).tobytes()


def _is_pairs(pairs: object) -> TypeGuard[list[tuple[str, int]]]:
    return isinstance(pairs, list) and all(
        type(p) is tuple and len(p) == 2 and type(p[0]) is str and type(p[1]) is int for p in pairs
    )


def _from_flat(flat: object, ignore_case: object, regex_ignore_case: object) -> Tables | None:
    """The tables from their stored form, or None if it is not well formed."""
    if not (
        isinstance(flat, tuple)
        and len(flat) == 6
        and all(type(b) is bytes and len(b) % 8 == 0 for b in flat)
        and _is_pairs(ignore_case)
        and _is_pairs(regex_ignore_case)
    ):
        return None
    word, space, re_word, split_space, alpha, digit = (
        list(zip(bounds[0::2], bounds[1::2], strict=True)) for bounds in map(_bounds, flat)
    )
    return word, space, re_word, split_space, alpha, ignore_case, digit, regex_ignore_case


def _bounds(data: bytes) -> array.array[int]:
    return array.array("I", data)


def _store(path: str, key: str, tables: Tables) -> None:
    """Writes the cache atomically (a reader never sees half a file); any failure
    only means the next process builds the tables again."""
    import tempfile

    word, space, re_word, split_space, alpha, ignore_case, digit, regex_ignore_case = tables
    ranges = (word, space, re_word, split_space, alpha, digit)
    payload = marshal.dumps((key, tuple(map(_flat, ranges)), ignore_case, regex_ignore_case))
    data = marshal.dumps((zlib.crc32(payload), payload))
    try:
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".char-tables.", suffix=".partial")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
