"""Shared fixtures: the bundled corpora and the reference's answers for them.

Everything read here lives in the repository (tests/data/, examples/); see
tests/data/README.md for where it came from.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parent.parent
#: The installed `stemline` command of the Python running the tests.
STEMLINE_BIN = str(Path(sys.executable).with_name("stemline"))
DATA = ROOT / "tests" / "data"
EXAMPLES = ROOT / "examples"

# CI runs more examples than a developer's quick loop; both print the failing
# example's reproduction blob.
settings.register_profile(
    "dev",
    max_examples=300,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=3000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def read_bbc() -> list[tuple[str, str]]:
    """(relative path, text) of every BBC article, sorted by path.

    Each file is one document, decoded as UTF-8, or as Latin-1 for the one file
    that is not UTF-8 (``sport/199.txt``).
    """
    docs = []
    root = DATA / "bbc"
    for path in sorted(root.rglob("*.txt")):
        raw = path.read_bytes()
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = raw.decode("latin-1")
        docs.append((path.relative_to(root).as_posix(), text))
    return docs


@pytest.fixture(scope="session")
def bbc() -> list[tuple[str, str]]:
    docs = read_bbc()
    assert len(docs) == 2225, "the bundled BBC corpus is incomplete"
    return docs


@pytest.fixture(scope="session")
def bbc_texts(bbc) -> list[str]:
    return [text for _, text in bbc]


@pytest.fixture(scope="session")
def bbc_reference(bbc_texts) -> list[str]:
    """The reference line of every BBC document (default mode); ~10 s, computed once."""
    from stemline import reference

    return [reference.reference(text) for text in bbc_texts]


@pytest.fixture(scope="session")
def porter_vocabulary() -> list[str]:
    words = (DATA / "porter" / "voc.txt").read_text(encoding="utf-8").split("\n")
    if words[-1] == "":
        words.pop()
    return words
