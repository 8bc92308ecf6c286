"""Where the bundled data is, and how the BBC corpus is read: one rule shared by
the tests (through conftest) and the benchmarks, with no test dependencies.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
EXAMPLES = ROOT / "examples"


def read_bbc(root: Path = DATA / "bbc") -> list[tuple[str, str]]:
    """(relative path, text) of every BBC article (every ``*.txt`` under ``root``),
    sorted by path.

    Each file is one document, decoded as UTF-8, or as Latin-1 for the one file
    that is not UTF-8 (``sport/199.txt``). The benchmarks read the corpus this
    way too.
    """
    docs = []
    for path in sorted(root.rglob("*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        docs.append((path.relative_to(root).as_posix(), text))
    return docs


def read_speeches(root: Path = DATA / "speeches") -> list[tuple[str, str]]:
    """(relative path, text) of every US presidential speech (NLTK's ``inaugural``
    and ``state_union``), sorted by path, decoded as :func:`read_bbc` decodes:
    a few speeches are Latin-1."""
    return read_bbc(root)
