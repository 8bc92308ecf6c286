"""NLTK 3.10.4's own stemmer tests, run against stemline's classes.

``tests/data/nltk_tests/test_stem.py`` and ``test_snowball.py`` (copied from NLTK's
source distribution) and the installed ``nltk/test/stem.doctest`` run twice: as
NLTK wrote them, and with stemline's ``PorterStemmer`` and ``SnowballStemmer`` in
place of NLTK's. Every test must end the same way in both runs: pass where it
passes against NLTK with the same data, fail where it fails against NLTK.

Three tests fail in both runs, for the data they need, not for the stemmers:
``PorterTest.test_vocabulary_{martin,nltk,original}_mode`` read NLTK's data
package ``stemmers/porter_test``, which is not in tests/data (the Porter
vocabulary's stems in each mode are checked against NLTK itself in
test_stemmers.py instead), and raise ``LookupError``.
"""

from __future__ import annotations

import doctest
import unittest
from pathlib import Path
from types import ModuleType

import nltk
import pytest

from conftest import DATA

SUITE = DATA / "nltk_tests"

#: NLTK's imports of the stemmers, and stemline's in their place.
SWAPS = {
    "from nltk.stem.porter import PorterStemmer": "from stemline import PorterStemmer",
    "from nltk.stem.snowball import SnowballStemmer": (
        "from stemline.snowball import SnowballStemmer"
    ),
    "from nltk.stem.porter import *": "from stemline import PorterStemmer",
}

#: The tests that fail against NLTK too: its data package porter_test is missing.
FAIL_FOR_BOTH = {
    "PorterTest.test_vocabulary_martin_mode",
    "PorterTest.test_vocabulary_nltk_mode",
    "PorterTest.test_vocabulary_original_mode",
}


def swapped(source: str) -> str:
    for nltk_import, ours in SWAPS.items():
        source = source.replace(nltk_import, ours)
    return source


def load(path: Path, *, stemline: bool) -> ModuleType:
    source = path.read_text("utf-8")
    if stemline:
        new = swapped(source)
        assert new != source, "the swap found NLTK's imports"
        source = new
    module = ModuleType(f"nltk_suite_{path.stem}_{'stemline' if stemline else 'nltk'}")
    exec(compile(source, str(path), "exec"), module.__dict__)
    return module


def outcomes(module: ModuleType) -> dict[str, str]:
    """Each test of the module's TestCases: "pass", or the exception it ended with."""
    results: dict[str, str] = {}
    for case in unittest.defaultTestLoader.loadTestsFromModule(module):
        for test in case:  # type: ignore[union-attr]
            result = unittest.TestResult()
            test.run(result)
            name = f"{type(test).__name__}.{test._testMethodName}"  # type: ignore[attr-defined]
            problems = result.errors + result.failures
            last_line = problems[0][1].strip().splitlines()[-1] if problems else "pass"
            results[name] = last_line.split(":")[0]
    return results


@pytest.mark.parametrize("name", ["test_stem.py", "test_snowball.py"])
def test_nltk_unit_tests(name):
    theirs = outcomes(load(SUITE / name, stemline=False))
    ours = outcomes(load(SUITE / name, stemline=True))
    assert ours == theirs
    failing = {test for test, outcome in theirs.items() if outcome != "pass"}
    assert failing == (FAIL_FOR_BOTH if name == "test_stem.py" else set())
    assert len(theirs) >= (12 if name == "test_stem.py" else 1)


class _Recorder(doctest.DocTestRunner):
    """A runner that records whether each example passed."""

    def __init__(self) -> None:
        # NLTK runs its doctests with these two options (its expected output
        # of a long line is wrapped).
        super().__init__(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        self.passed: list[tuple[str, bool]] = []

    def report_success(self, out, test, example, got):  # type: ignore[no-untyped-def]
        self.passed.append((example.source, True))

    def report_failure(self, out, test, example, got):  # type: ignore[no-untyped-def]
        self.passed.append((example.source, False))

    def report_unexpected_exception(self, out, test, example, exc_info):  # type: ignore[no-untyped-def]
        self.passed.append((example.source, False))


def run_doctest(text: str) -> list[tuple[str, bool]]:
    """Each example of the doctest and whether it passed."""
    test = doctest.DocTestParser().get_doctest(text, {}, "stem.doctest", None, 0)
    runner = _Recorder()
    runner.run(test, out=lambda _: None)
    return runner.passed


def test_nltk_stem_doctest():
    path = Path(nltk.__file__).parent / "test" / "stem.doctest"
    text = path.read_text("utf-8")
    theirs = run_doctest(text)
    ours = run_doctest(swapped(text))
    assert [ok for _, ok in ours] == [ok for _, ok in theirs]
    assert all(ok for _, ok in theirs)
    assert sum("SnowballStemmer" in source for source, _ in ours) >= 4
