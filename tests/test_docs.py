"""The documentation's computed parts: doc examples of the new modules, the README's
unstem table, and the committed BBC report."""

from __future__ import annotations

import doctest
import re
import sys

import pytest

import stemline
from conftest import ROOT

sys.path.insert(0, str(ROOT / "docs"))
from bbc_examples import unstem_table  # noqa: E402
from stemmers_tables import WORDS, stemmer_table, stopword_table  # noqa: E402


@pytest.mark.parametrize("module", ["stemline.vocabulary", "stemline.filters", "stemline.report"])
def test_docstring_examples(module):
    __import__(module)
    failures, tried = doctest.testmod(sys.modules[module])
    assert tried > 0 and failures == 0


@pytest.fixture(scope="module")
def bbc_vocabulary(bbc_texts):
    return stemline.Vocabulary.from_texts(bbc_texts)


def test_readme_unstem_table_is_computed(bbc_vocabulary):
    # `make docs` prints the table; the README must hold it as computed now.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert unstem_table(bbc_vocabulary) in readme
    assert bbc_vocabulary.unstem("isra") == "israeli"  # the examples, as a reader sees them
    assert "docs/bbc-report.png" in readme


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
    # `python docs/stemmers_tables.py` prints them; the page must hold them as computed now.
    page = (ROOT / "docs" / "stemmers.md").read_text(encoding="utf-8")
    assert stemmer_table() in page
    assert stopword_table() in page


def test_stemmers_page_stems_are_nltks():
    from stemline import reference

    table = stemmer_table().splitlines()[2:]
    for word, row in zip(WORDS, table, strict=True):
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert cells[0] == word
        assert cells[1:] == [reference.normalize(word, name) for name in stemline.STEMMERS]
