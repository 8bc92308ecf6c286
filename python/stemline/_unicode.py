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
from typing import TYPE_CHECKING, Any, TypeGuard

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
    alpha = _true_ranges(map(str.isalpha, every))
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


def _cache_path(key: str, kind: str = "char-tables") -> str | None:
    if os.environ.get("STEMLINE_NO_CACHE"):
        return None
    root = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    if not os.path.isabs(root):  # as the XDG spec says: a relative path is ignored
        return None
    # One file per key, so that two Pythons sharing a home do not evict each other.
    name = f"{kind}-{zlib.crc32(key.encode()):08x}.marshal"
    return os.path.join(root, "stemline", name)


def _load(path: str, key: str) -> Tables | None:
    """The cached tables, or None if absent, unreadable, corrupt or for another key."""
    body = _read_cache(path, key)
    if body is None or len(body) != 3:
        return None
    return _from_flat(*body)


def _read_cache(path: str, key: str) -> tuple[object, ...] | None:
    """What :func:`_write_cache` stored under ``key``, or None if the file is
    absent, unreadable, corrupt or for another key."""
    try:
        with open(path, "rb") as f:
            data = f.read()
        checksum, payload = marshal.loads(data)
        if checksum != zlib.crc32(payload):
            return None
        stored = marshal.loads(payload)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    if not isinstance(stored, tuple) or not stored or stored[0] != key:
        return None
    return stored[1:]


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
    """Writes the tables to the cache."""
    word, space, re_word, split_space, alpha, ignore_case, digit, regex_ignore_case = tables
    ranges = (word, space, re_word, split_space, alpha, digit)
    _write_cache(path, key, (tuple(map(_flat, ranges)), ignore_case, regex_ignore_case))


def _write_cache(path: str, key: str, body: tuple[Any, ...]) -> None:
    """Writes ``body`` (marshallable) under ``key`` atomically (a reader never
    sees half a file); any failure only means the next process builds the
    tables again."""
    import tempfile

    payload = marshal.dumps((key, *body))
    data = marshal.dumps((zlib.crc32(payload), payload))
    try:
        folder = os.path.dirname(path)
        os.makedirs(folder, exist_ok=True)
        prefix = "." + os.path.basename(path).rsplit("-", 1)[0] + "."
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".partial")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass


# Punkt's classes (stemline.tokenize.punkt): a table of their own, kept apart
# from the normalizer's, read from the engines NLTK's Punkt runs on: the
# ``regex`` module (every Punkt pattern goes through ``nltk.redos``) and ``str``.

#: The range lists and the lower-case mapping PunktCharTables takes, in its
#: argument order: regex \s, str.isspace, regex [^\W\d], regex \d,
#: str.isupper, str.islower, cased and case-ignorable (as str.lower() decides
#: the final sigma), and (code point, chr(code point).lower()) where that differs.
PunktTables = tuple[
    list[tuple[int, int]],
    list[tuple[int, int]],
    list[tuple[int, int]],
    list[tuple[int, int]],
    list[tuple[int, int]],
    list[tuple[int, int]],
    list[tuple[int, int]],
    list[tuple[int, int]],
    list[tuple[int, str]],
]

_PUNKT_RANGE_LISTS = 8


@functools.cache
def punkt_char_tables() -> _native.PunktCharTables:
    """Punkt's tables for this process: from the disk cache, else built (and cached)."""
    key = _cache_key()
    path = _cache_path(key, "punkt-tables")
    tables = _load_punkt(path, key) if path is not None else None
    if tables is None:
        tables = build_punkt_tables()
        if path is not None:
            _store_punkt(path, key, tables)
    return _native.PunktCharTables(*tables)


def _store_punkt(path: str, key: str, tables: PunktTables) -> None:
    *ranges, lowercase = tables
    _write_cache(path, key, (tuple(map(_flat, ranges)), lowercase))


def _load_punkt(path: str, key: str) -> PunktTables | None:
    body = _read_cache(path, key)
    if body is None or len(body) != 2:
        return None
    flat, lowercase = body
    if not (
        isinstance(flat, tuple)
        and len(flat) == _PUNKT_RANGE_LISTS
        and all(type(b) is bytes and len(b) % 8 == 0 for b in flat)
        and isinstance(lowercase, list)
        and all(
            type(p) is tuple and len(p) == 2 and type(p[0]) is int and type(p[1]) is str
            for p in lowercase
        )
    ):
        return None
    ranges = [list(zip(b[0::2], b[1::2], strict=True)) for b in map(_bounds, flat)]
    return (*ranges, lowercase)  # type: ignore[return-value]


def build_punkt_tables() -> PunktTables:
    """Punkt's ranges and ``str.lower()``, read from the running Python (about 0.3 s)."""
    import regex

    every = _every_code_point()
    # Punkt's patterns are compiled with UNICODE (and VERBOSE or MULTILINE,
    # which change none of these classes).
    space = _ranges(regex.finditer(r"\s+", every))
    word_not_digit = _ranges(regex.finditer(r"[^\W\d]+", every))
    digit = _ranges(regex.finditer(r"\d+", every))
    str_space = _split_space_ranges(every)
    upper = _true_ranges(map(str.isupper, every))
    lower = _true_ranges(map(str.islower, every))
    lowercase = _lowercase_mapping(every)
    cased, case_ignorable = _final_sigma_classes(lowercase)
    return (space, str_space, word_not_digit, digit, upper, lower, cased, case_ignorable, lowercase)


def _true_ranges(flags: Iterable[bool] | bytes) -> list[tuple[int, int]]:
    """The code point ranges where ``flags`` (one per code point) is true."""
    import re

    return _ranges(re.finditer(b"\x01+", bytes(flags)))


def _lowercase_mapping(every: str) -> list[tuple[int, str]]:
    """``(code point, chr(code point).lower())`` wherever that differs. Only
    U+03A3 depends on its neighbours in str.lower(), and alone it is U+03C3; so
    lowering a block at once shows which code points change, and only those are
    lowered one by one."""
    mapping: list[tuple[int, str]] = []
    step = 4096
    for start in range(0, len(every), step):
        block = every[start : start + step]
        if block.lower() == block:
            continue
        for i, char in enumerate(block, start):
            lowered = char.lower()
            if lowered != char:
                mapping.append((i, lowered))
    return mapping


def _final_sigma_classes(
    lowercase: list[tuple[int, str]],
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Cased (and not case-ignorable) and case-ignorable code points, as
    ``str.lower()`` decides whether U+03A3 is final: read from ``str.lower()``.

    In ``"A" + c + "Σ "`` the sigma is final if ``c`` is case-ignorable or cased;
    in ``"AΣ" + c + " "`` if ``c`` is case-ignorable or not cased. Both: ignorable;
    the first only: cased. Every code point is tested at once, in one string of
    four characters per code point whose lower case keeps the positions (the few
    code points whose lower case is longer are tested alone)."""
    n = 0x110000
    longer = [cp for cp, lowered in lowercase if len(lowered) != 1]

    def finals(pattern: list[int], at: int) -> bytearray:
        codes = array.array("I", pattern) * n
        codes[pattern.index(0) :: 4] = array.array("I", range(n))
        for cp in longer:
            codes[4 * cp + pattern.index(0)] = 0x30  # "0": neither; fixed below
        lowered = codes.tobytes().decode("utf-32-le", "surrogatepass").lower()
        data = lowered.encode("utf-32-le", "surrogatepass")
        # The sigma's low byte: 0xC2 for final ς, 0xC3 for σ.
        return bytearray(data[4 * at :: 16].translate(bytes.maketrans(b"\xc2\xc3", b"\x01\x00")))

    ignorable_or_cased = finals([0x41, 0, 0x3A3, 0x20], 2)
    ignorable_or_uncased = finals([0x41, 0x3A3, 0, 0x20], 1)
    for cp in longer:
        char = chr(cp)
        ignorable_or_cased[cp] = ("A" + char + "\u03a3 ").lower()[-2] == "\u03c2"
        ignorable_or_uncased[cp] = ("A\u03a3" + char + " ").lower()[1] == "\u03c2"
    first = int.from_bytes(ignorable_or_cased, "little")
    second = int.from_bytes(ignorable_or_uncased, "little")
    ignorable = (first & second).to_bytes(n, "little")
    cased = (first & ~second).to_bytes(n, "little")
    return _true_ranges(cased), _true_ranges(ignorable)
