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
- the Lancaster stemmer finds a word's "last letter" with ``str.isalpha()``.

Rust's Unicode tables agree with none of these exactly, and all of them move
with library and Python versions. So the tables are not written down anywhere:
they are read here, once per process, by running each engine over every code
point, and handed to the core as ranges.
"""

from __future__ import annotations

import array
import functools
import re
from collections.abc import Iterable

import regex

from stemline import _native

# The letters of the contraction rules the core applies (can|not, gim|me,
# gon|na, got|ta, lem|me, wan|na).
CONTRACTION_LETTERS = "acegilmnotw"


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
    gaps, end = [], 0
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
    """The class tables for this process (about 0.2 s to build, then cached)."""
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
    return _native.CharTables(word, space, re_word, split_space, alpha, ignore_case)
