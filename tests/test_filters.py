"""The optional filters: each one's README definition, written out here in plain
Python over the reference's tokens, against the native implementation."""

from __future__ import annotations

import re
import sys

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

import stemline
from stemline import filters, reference
from strategies import texts

CUSTOM_STOPWORDS = ["the", "can", "not", "n't", "'s", "do", "news", "ha", "İ", "ß"]


def expected_tokens(text, mode="nltk", drop_punct=False, stopwords=(), min_length=0):
    """The definition: keep a token unless its Treebank token has no alphanumeric
    character (drop_punct), its lower-cased Treebank token is a stop word, or its
    output token is shorter than min_length."""
    words = {w.lower() for w in stopwords}
    kept = []
    treebank = reference.treebank_tokens(text)
    for surface, token in zip(treebank, reference.tokens(text, mode), strict=True):
        if drop_punct and not any(c.isalnum() for c in surface):
            continue
        if surface.lower() in words:
            continue
        if len(token) < min_length:
            continue
        kept.append(token)
    return kept


@given(
    text=texts,
    mode=st.sampled_from(list(stemline.STEMMERS)),
    drop_punct=st.booleans(),
    stopwords=st.sampled_from([None, "nltk", "sklearn", CUSTOM_STOPWORDS]),
    min_length=st.integers(min_value=0, max_value=4),
)
@example(
    text='The news: he cannot do it, "they\'re" ___ -- İ ß',
    mode="nltk",
    drop_punct=True,
    stopwords=CUSTOM_STOPWORDS,
    min_length=2,
)
def test_filters_follow_their_definition(text, mode, drop_punct, stopwords, min_length):
    normalizer = stemline.Normalizer(
        mode, drop_punct=drop_punct, stopwords=stopwords, min_length=min_length
    )
    words = () if stopwords is None else filters.stopword_set(stopwords)
    expected = expected_tokens(text, mode, drop_punct, words, min_length)
    assert normalizer.tokens(text) == expected
    assert normalizer.normalize(text) == " ".join(expected)
    # Offsets and the vocabulary see the same filtered tokens.
    assert [t for t, _, _ in normalizer.spans(text)] == expected
    vocab = stemline.Vocabulary.from_texts([text], normalizer=normalizer)
    assert vocab.tokens == len(expected)


def test_filters_cached_runs_stay_filtered():
    normalizer = stemline.Normalizer(drop_punct=True, stopwords="sklearn", min_length=3)
    text = "The cat, the dog; and... IT was the best of times!"
    first = normalizer.normalize(text)
    assert (
        normalizer.normalize(text)
        == first
        == " ".join(expected_tokens(text, "nltk", True, ENGLISH_STOP_WORDS, 3))
    )


def test_letter_or_digit_is_str_isalnum():
    # drop_punct reads letters and digits from the contraction rules' table (re's
    # \w), which is exactly str.isalnum() plus "_": checked on every code point.
    word = re.compile(r"\w")
    mismatches = [
        c
        for c in map(chr, range(sys.maxunicode + 1))
        if (word.match(c) is not None and c != "_") != c.isalnum()
    ]
    assert mismatches == []


def test_drop_punct_on_every_kind_of_character():
    # End to end on a sample of every plane: each character alone in its document.
    normalizer = stemline.Normalizer("none", drop_punct=True)
    chars = [chr(c) for c in range(0, sys.maxunicode + 1, 61)] + list("_.½²٣\u0301")
    for c, tokens in zip(chars, normalizer.normalize_many(chars), strict=True):
        assert tokens == " ".join(expected_tokens(c, "none", drop_punct=True)), repr(c)


def test_sklearn_is_scikit_learns_list():
    assert filters.stopword_list("sklearn") == ENGLISH_STOP_WORDS
    assert len(ENGLISH_STOP_WORDS) > 300


def test_custom_stopwords_are_lower_cased():
    normalizer = stemline.Normalizer(stopwords=["THE", "Cat"])
    assert normalizer.tokens("The CAT sat") == ["sat"]


def test_filter_argument_errors():
    with pytest.raises(ValueError, match="unknown stop word list 'klingon'"):
        stemline.Normalizer(stopwords="klingon")
    with pytest.raises(TypeError, match="item 1"):
        stemline.Normalizer(stopwords=["a", 3])
    with pytest.raises(ValueError, match="min_length"):
        stemline.Normalizer(min_length=-1)


def test_repr_shows_the_filters():
    assert "drop_punct=True" in repr(stemline.Normalizer(drop_punct=True))
    assert "stopwords='nltk'" in repr(stemline.Normalizer(stopwords="nltk"))
    assert "min_length=3" in repr(stemline.Normalizer(min_length=3))
