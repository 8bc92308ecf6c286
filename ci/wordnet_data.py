"""Builds stemline's WordNet lemmatizer data from the WordNet 3.0 files NLTK reads.

    python ci/wordnet_data.py                 # writes python/stemline/data/wordnet/lemmas.txt
    python ci/wordnet_data.py --check         # fails if that file is not what the source gives
    python ci/wordnet_data.py --zip DICT_DIR  # first makes the tests' copy of WordNet from a
                                              # WordNet 3.0 folder (index.noun, noun.exc, ...)

The source is the tests' copy of WordNet, ``tests/data/nltk_data/corpora/wordnet.zip``
(laid out as NLTK's ``wordnet.zip``), so the package data is rebuilt from the
repository alone. The package keeps what NLTK's ``WordNetLemmatizer.lemmatize``
consults and nothing else: the lemmas of ``index.noun``, ``index.verb``,
``index.adj`` and ``index.adv`` (the keys of NLTK's ``_lemma_pos_offset_map``,
read as ``_load_lemma_pos_offset_map`` reads them) and the lines of the four
exception lists ``*.exc`` (``_load_exception_map``), in file order. Glosses,
pointers and synset offsets are left out: ``_morphy`` asks only whether a form
is a lemma of a part of speech. Nor are the satellite synsets of ``data.adj``
needed: NLTK gives every lemma of ``index.adj`` the part of speech ``s``
(with a possibly empty list of satellite offsets), and ``_morphy`` only tests
that the key is there.

The format (UTF-8 text, stored plain, so that the first lemma waits for no
decompression; the wheel and the sdist compress it), read by
``crates/stemline-core/src/lemma/data.rs``::

    stemline-wordnet 1
    strings 157264 17      then that many lines: every distinct string of the
    dog nv                 lists, with the parts of speech it is a lemma of
    geese -                (n, v, a, r: index.noun, .verb, .adj, .adv) or "-"
    ...
    exceptions n 2054      then that many lines: the form, then its lemmas (noun.exc)
    ...                    the same for v, a, r

The strings come in the order of a hash table of ``2**17`` buckets
(:func:`wordnet_hash`, the same function as the Rust's ``hash_bytes``), then
in byte order within a bucket: the package checks the order as it reads, and
places the strings in its lookup table (indexed by the same hash's top bits)
front to back.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests/data/nltk_data/corpora/wordnet.zip"
TARGET = ROOT / "python/stemline/data/wordnet/lemmas.txt"

#: NLTK's ``_FILEMAP``, in the order the data lists them.
FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
#: The files NLTK's ``WordNetCorpusReader`` opens when it loads (``lexnames``,
#: ``data.adj`` for the satellites, the four indexes and exception lists, and
#: ``index.sense`` twice, for its WordNet-version map), with the license.
ZIPPED = [
    "LICENSE",
    "README.md",
    "lexnames",
    "data.adj",
    "index.adj",
    "index.adv",
    "index.noun",
    "index.verb",
    "index.sense",
    "adj.exc",
    "adv.exc",
    "noun.exc",
    "verb.exc",
]
FORMAT = "stemline-wordnet 1"
#: log2 of the hash table's buckets: about one string a bucket.
BUCKET_BITS = 17

_MASK = (1 << 64) - 1
_K0 = 0x243F6A8885A308D3
_K1 = 0x13198A2E03707344


def _fold(a: int, b: int) -> int:
    product = a * b
    return (product & _MASK) ^ (product >> 64)


def wordnet_hash(word: bytes) -> int:
    """The 64-bit hash the package's table is ordered by: a folded multiply of
    the first and last eight bytes and the length; longer strings fold in 16
    bytes at a time (``hash_bytes`` in ``crates/stemline-core/src/lemma/data.rs``)."""
    n = len(word)

    def load(at: int, size: int) -> int:
        return int.from_bytes(word[at : at + size], "little")

    if n == 0:
        lo, hi = 0, 0
    elif n <= 3:
        lo, hi = word[0] | word[n // 2] << 8 | word[n - 1] << 16, 0
    elif n <= 7:
        lo, hi = load(0, 4), load(n - 4, 4)
    elif n <= 16:
        lo, hi = load(0, 8), load(n - 8, 8)
    else:
        acc, at = _K0 ^ n, 0
        while at + 16 < n:
            acc = _fold(acc ^ load(at, 8), load(at + 8, 8) ^ _K1)
            at += 16
        lo, hi = acc ^ load(n - 16, 8), load(n - 8, 8)
    return _fold(lo ^ _K0, hi ^ _K1 ^ n)


def lemmas(index: str) -> dict[str, list[str]]:
    """The lemmas of an index file by the part of speech of their line, as NLTK's
    ``_load_lemma_pos_offset_map`` keys them: the license lines (which start with a
    space) skipped, the first two fields of every other line."""
    by_pos: dict[str, list[str]] = {}
    for line in index.splitlines(keepends=True):
        if line.startswith(" "):
            continue
        lemma, pos = line.split()[:2]
        by_pos.setdefault(pos, []).append(lemma)
    return by_pos


def build(read: dict[str, str]) -> str:
    """The data's text from WordNet's files (name -> text)."""
    lists: dict[str, str] = {}  # every distinct string -> the lists it is a lemma of
    for pos, name in FILES.items():
        by_pos = lemmas(read[f"index.{name}"])
        if set(by_pos) != {pos}:
            # The lists say which index file holds a lemma: that relies on every
            # line of index.noun being a noun, and so on, as WordNet 3.0's are.
            raise SystemExit(f"index.{name} has lines of parts of speech {sorted(by_pos)}")
        for lemma in by_pos[pos]:
            lists[lemma] = lists.get(lemma, "") + pos
    exceptions = []
    for pos, name in FILES.items():
        # NLTK: `terms = line.split(); exceptions[terms[0]] = terms[1:]`, so a later
        # line of the same form replaces an earlier one: kept in order, both lines.
        rows = [line.split() for line in read[f"{name}.exc"].splitlines()]
        exceptions.append(f"exceptions {pos} {len(rows)}")
        exceptions.extend(" ".join(row) for row in rows)
        for word in (w for row in rows for w in row):
            lists.setdefault(word, "")
    order = sorted(
        (wordnet_hash(w.encode("utf-8")) >> (64 - BUCKET_BITS), w.encode("utf-8"), w) for w in lists
    )
    out = [FORMAT, f"strings {len(order)} {BUCKET_BITS}"]
    out.extend(f"{w} {lists[w] or '-'}" for _, _, w in order)
    out.extend(exceptions)
    return "\n".join(out) + "\n"


def read_zip(path: Path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n.split("/", 1)[1]: z.read(n).decode("utf-8") for n in z.namelist() if "/" in n}


def write_zip(folder: Path, path: Path) -> None:
    """The tests' copy of WordNet: NLTK reads ``corpora/wordnet.zip`` as it reads the
    folder. Fixed dates, so that the same files give the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr(zipfile.ZipInfo("wordnet/", (1980, 1, 1, 0, 0, 0)), b"")
        for name in ZIPPED:
            info = zipfile.ZipInfo(f"wordnet/{name}", (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, (folder / name).read_bytes(), compresslevel=9)
    path.write_bytes(buffer.getvalue())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--zip", type=Path, metavar="DICT_DIR", help="first make the tests' zip")
    args = parser.parse_args()
    if args.zip:
        write_zip(args.zip, SOURCE)
    text = build(read_zip(SOURCE))
    if args.check:
        if TARGET.read_bytes() != text.encode("utf-8"):
            print(f"{TARGET} is not what {SOURCE} gives: rerun ci/wordnet_data.py", file=sys.stderr)
            return 1
        return 0
    TARGET.write_bytes(text.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
