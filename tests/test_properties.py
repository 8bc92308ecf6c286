"""Property-based differential tests: stemline equals the reference on any text."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from nltk.stem.porter import PorterStemmer as NltkPorterStemmer

import stemline
from stemline import reference
from strategies import texts, words

MODES = list(stemline.STEMMERS)
NORMALIZERS = {mode: stemline.Normalizer(mode) for mode in MODES}
NLTK_MODES = [
    NltkPorterStemmer.NLTK_EXTENSIONS,
    NltkPorterStemmer.MARTIN_EXTENSIONS,
    NltkPorterStemmer.ORIGINAL_ALGORITHM,
]


@pytest.mark.parametrize("mode", MODES)
@given(text=texts)
@example(text='He said, "I cannot." \'Tis (“x”) ...')
@example(text="İSTANBUL ΟΔΟΣ Straße ſ ﬁ")
@example(text="a\ud800b \udfff! \x00\x1c\x1f")
@example(text="")
def test_normalize_equals_reference(mode, text):
    assert NORMALIZERS[mode].normalize(text) == reference.normalize(text, mode)


@given(text=texts)
def test_tokens_equal_reference(text):
    assert stemline.tokens(text) == reference.tokens(text)


@given(text=st.text())
def test_arbitrary_unicode(text):
    # Unbiased text too, so the biased strategy cannot hide a whole region.
    assert stemline.normalize(text) == reference.reference(text)


@pytest.mark.parametrize("mode", NLTK_MODES)
@given(word=words, to_lowercase=st.booleans())
@example(word="a*ded", to_lowercase=True)
@example(word="İed", to_lowercase=False)
def test_stemmer_equals_nltk(mode, word, to_lowercase):
    ours = stemline.PorterStemmer(mode).stem(word, to_lowercase=to_lowercase)
    assert ours == NltkPorterStemmer(mode).stem(word, to_lowercase=to_lowercase)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize(
    "text", ["s news", "S", "S x S", "x s", "'s s", "s", "s.", " s ", "is as s"]
)
def test_tokens_that_stem_to_nothing_still_take_their_place(mode, text):
    # "s" stems to "" in the original algorithm; the reference still joins the
    # empty token with spaces, at the start of a line too (a bug once).
    assert NORMALIZERS[mode].normalize(text) == reference.normalize(text, mode)
    assert (
        NORMALIZERS[mode].normalize_many([text, text], workers=2)
        == [reference.normalize(text, mode)] * 2
    )


def test_surrogates_pass_through_unchanged():
    # A lone surrogate is neither a word character nor whitespace: it is
    # punctuation, exactly as in the reference, and comes back out intact.
    text = "x\udc80y"
    assert stemline.tokens(text) == reference.tokens(text) == ["x", "\udc80", "y"]
