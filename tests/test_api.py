"""The Python API's contract: imports, errors, the drop-in stemmer, the docs' examples."""

from __future__ import annotations

import doctest
import subprocess
import sys

import pytest
from nltk.stem.porter import PorterStemmer as NltkPorterStemmer

import stemline
from conftest import ROOT


def test_import_does_not_import_nltk():
    code = "import sys, stemline; stemline.normalize('x'); print('nltk' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_reference_is_lazy_and_available():
    from stemline import reference

    assert stemline.reference is reference
    assert reference.NLTK_VERSION == "3.10.4"


def test_stemmer_names():
    with pytest.raises(ValueError, match="stemmer must be one of"):
        stemline.Normalizer("porter2")
    assert stemline.Normalizer("none").stemmer == "none"
    assert stemline.Normalizer("lancaster").stemmer == "lancaster"


@pytest.mark.parametrize("bad", [None, 3, b"bytes"])
def test_non_strings_are_type_errors(bad):
    with pytest.raises(TypeError):
        stemline.normalize(bad)
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        stemline.normalize_many(["fine", bad])


def test_normalize_many_argument_errors():
    with pytest.raises(TypeError, match="not one string"):
        stemline.normalize_many("a string")
    with pytest.raises(ValueError, match="workers"):
        stemline.normalize_many(["x"], workers=-1)
    assert stemline.normalize_many([]) == []


def test_porter_drop_in_interface():
    for name in ("NLTK_EXTENSIONS", "MARTIN_EXTENSIONS", "ORIGINAL_ALGORITHM"):
        value = getattr(NltkPorterStemmer, name)
        assert getattr(stemline.PorterStemmer, name) == value
        assert stemline.PorterStemmer(mode=value).mode == NltkPorterStemmer(mode=value).mode
    assert stemline.PorterStemmer().mode == NltkPorterStemmer().mode
    with pytest.raises(ValueError):
        NltkPorterStemmer(mode="bogus")
    with pytest.raises(ValueError):
        stemline.PorterStemmer(mode="bogus")
    assert isinstance(stemline.PorterStemmer(), stemline.PorterStemmer)


def test_readme_examples():
    failures, tried = doctest.testfile(str(ROOT / "README.md"), module_relative=False)
    assert tried > 0 and failures == 0
