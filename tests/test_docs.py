"""The documentation: every example of the README and of the docs site runs, its
computed parts (the unstem table, the BBC report) are what the code computes now
(the built site: test_site.py), and what a user reads stands on its own (no
relative links in the README, nothing about how the project is organised)."""

from __future__ import annotations

import doctest
import re
import sys
from pathlib import Path

import pytest

import stemline
from conftest import ROOT

sys.path.insert(0, str(ROOT / "docs"))
from bbc_examples import unstem_table  # noqa: E402
from stemmers_tables import WORDS, stemmer_table, stopword_table  # noqa: E402


@pytest.fixture(scope="module")
def bbc_vocabulary(bbc_texts):
    return stemline.Vocabulary.from_texts(bbc_texts)


def test_unstem_table_is_computed(bbc_vocabulary):
    # `make docs` prints the table; the Python API guide must hold it as computed now.
    page = (ROOT / "docs" / "python-api.md").read_text(encoding="utf-8")
    assert unstem_table(bbc_vocabulary) in page
    assert bbc_vocabulary.unstem("isra") == "israeli"  # the guide's examples, as a reader sees them
    assert "(bbc-report.png)" in (ROOT / "docs" / "report.md").read_text(encoding="utf-8")


def test_committed_report_matches_the_corpus(bbc_vocabulary, bbc_texts):
    page = (ROOT / "docs" / "bbc-report.html").read_text(encoding="utf-8")
    summary = re.search(r'<section class="summary" id="summary">(.*?)</section>', page).group(1)
    figures = dict(
        (label, value) for value, label in re.findall(r"<div><b>([^<]+)</b>([^<]+)</div>", summary)
    )
    assert figures["documents"] == f"{len(bbc_texts):,}"
    assert figures["tokens"] == f"{bbc_vocabulary.tokens:,}"
    assert figures["distinct stems (after stemming)"] == f"{len(bbc_vocabulary):,}"
    assert (ROOT / "docs" / "bbc-report.png").read_bytes().startswith(b"\x89PNG")


def test_stemmers_page_examples():
    failures, tried = doctest.testfile(str(ROOT / "docs" / "stemmers.md"), module_relative=False)
    assert tried > 0 and failures == 0


def test_stemmers_page_tables_are_computed():
    # The site's hook puts them in when it is built (test_site checks the built page).
    page = (ROOT / "docs" / "stemmers.md").read_text(encoding="utf-8")
    assert "\n{{ stemmer_table }}\n" in page and "\n{{ stopword_table }}\n" in page
    assert stopword_table().count("\n") == 3  # a header, its rule and one row per list


def test_stemmers_page_stems_are_nltks():
    from stemline import reference

    table = stemmer_table().splitlines()[2:]
    for word, row in zip(WORDS, table, strict=True):
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[0] == word
        assert cells[1:] == [reference.normalize(word, name) for name in stemline.STEMMERS]


DOC_PAGES = sorted((ROOT / "docs").glob("*.md"))
#: What a user reads: the README, the changelog and the documentation pages.
USER_DOCS = [ROOT / "README.md", ROOT / "CHANGELOG.md", *DOC_PAGES]


@pytest.mark.parametrize("page", DOC_PAGES, ids=lambda p: p.name)
def test_doc_page_examples(page: Path) -> None:
    failures, _ = doctest.testfile(str(page), module_relative=False, encoding="utf-8")
    assert failures == 0


def test_guides_have_examples() -> None:
    for name in ("python-api.md", "integrations.md", "exactness.md"):
        _, tried = doctest.testfile(str(ROOT / "docs" / name), module_relative=False)
        assert tried >= 5, name


def test_readme_is_short_and_links_absolute() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 250
    # Rendered as a package page, a relative link or image has nothing to point at.
    targets = re.findall(r"\]\(([^)]+)\)", readme) + re.findall(r"<img[^>]+src=\"([^\"]+)", readme)
    assert targets
    for target in targets:
        assert target.startswith(("https://", "#")), target
    assert readme.index("make demo") < readme.index("make test")
    assert "```sh\nmake demo\nmake test\n```" in readme


@pytest.mark.parametrize("page", USER_DOCS, ids=lambda p: p.name)
def test_user_docs_stand_on_their_own(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for word in ("SPEC.md", "../shared", "the issue", "issue #", "/work/"):
        assert word not in text, f"{page.name} mentions {word!r}"


def test_exit_codes_are_the_ones_the_command_uses() -> None:
    # The command line guide's table is EXIT_CODES word for word; the README's
    # shorter table names every code (a new code cannot be left out of either).
    from stemline.corpus.problems import EXIT_CODES

    guide = (ROOT / "docs" / "command-line.md").read_text(encoding="utf-8")
    for number, meaning in EXIT_CODES:
        assert f"| {number} | {meaning} |" in guide, number
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = re.search(r"\| exit code \| meaning \|\n\|---\|---\|\n((?:\|.*\n)+)", readme)
    assert table is not None
    codes = [int(row.split("|")[1]) for row in table.group(1).splitlines()]
    assert codes == [number for number, _ in EXIT_CODES]


def test_every_test_the_guarantees_name_exists():
    """Each promise of docs/guarantees.md names the test that checks it:
    ``test_file.py::test_name``, or ``::test_name`` for the file named last."""
    page = (ROOT / "docs" / "guarantees.md").read_text(encoding="utf-8")
    named = 0
    current = None
    for file, test in re.findall(r"`(test_\w+\.py)?(?:::(test_\w+))?`", page):
        if file:
            current = file
            assert (ROOT / "tests" / file).exists(), file
        if test:
            assert current is not None, test
            source = (ROOT / "tests" / current).read_text(encoding="utf-8")
            assert f"def {test}(" in source, f"{current}::{test}"
            named += 1
    assert named > 30
