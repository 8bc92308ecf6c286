"""Every ``>>>`` example of every module of the package runs and says what it shows.

The modules are found by walking the package, not listed: a new module's
examples run without an edit here. (The documentation pages' examples are
run by test_docs.py and test_api.py.)
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import stemline

#: Modules that are programs, not libraries: importing them is all there is.
PROGRAMS = {"stemline.__main__"}

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(stemline.__path__, "stemline.")
    if info.name not in PROGRAMS and not info.name.startswith("stemline._native")
)


@pytest.mark.parametrize("name", MODULES)
def test_module_examples(name: str) -> None:
    module = importlib.import_module(name)
    failures, _ = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert failures == 0


def test_the_examples_are_found() -> None:
    # The walk finds the package's modules, and most of them have examples.
    tried = 0
    for name in MODULES:
        finder = doctest.DocTestFinder()
        tried += sum(len(t.examples) for t in finder.find(importlib.import_module(name)))
    assert {"stemline.normalizer", "stemline.corpus.formats", "stemline.cli"} <= set(MODULES)
    assert tried > 100
