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
    lemmas n 117798        then that many lines, one lemma each (index.noun's order)
    ...                    the same for v, a, r
    exceptions n 2054      then that many lines: the form, then its lemmas (noun.exc)
    ...                    the same for v, a, r
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
    out = [FORMAT]
    for pos, name in FILES.items():
        by_pos = lemmas(read[f"index.{name}"])
        if set(by_pos) != {pos}:
            # The data keeps one list per index file: it relies on every line of
            # index.noun being a noun, and so on, as WordNet 3.0's are.
            raise SystemExit(f"index.{name} has lines of parts of speech {sorted(by_pos)}")
        out.append(f"lemmas {pos} {len(by_pos[pos])}")
        out.extend(by_pos[pos])
    for pos, name in FILES.items():
        # NLTK: `terms = line.split(); exceptions[terms[0]] = terms[1:]`, so a later
        # line of the same form replaces an earlier one: kept in order, both lines.
        rows = [" ".join(line.split()) for line in read[f"{name}.exc"].splitlines()]
        out.append(f"exceptions {pos} {len(rows)}")
        out.extend(rows)
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
