"""Offsets: every output token with where it came from in the original text.

What "the source slice produces its token under the rules" means here: for a
span ``(token, start, end)`` of ``text``, the slice ``text[start:end]`` is the
Treebank token the reference made (``reference.treebank_tokens``), character for
character, unless the Treebank rules rewrote a quote; then the slice is the
quote it rewrote (``"`` or ``''``) and the token is the quote it became (````` or
``''``). So the slice, stemmed on its own, is the token, except for rewritten
quotes, whose form depends on their neighbours (the one position-dependent rule).
"""

from __future__ import annotations

import pytest
import regex
from hypothesis import example, given, settings
from hypothesis import strategies as st
from nltk.stem.porter import PorterStemmer as NltkPorterStemmer

import stemline
from stemline import reference
from strategies import texts

REWRITTEN_QUOTES = {"``": {'"', "''"}, "''": {'"'}}
NLTK_STEM = NltkPorterStemmer().stem
REGEX_SPACE = regex.compile(r"\s")


def is_whitespace(c: str) -> bool:
    """Whitespace to wordpunct_tokenize (regex \\s) or to the final str.split()."""
    return c.isspace() or REGEX_SPACE.match(c) is not None


def check_spans(text: str, spans: list[tuple[str, int, int]], surfaces: list[str]) -> None:
    """The span properties, against the reference's Treebank tokens ``surfaces``
    (default stemmer)."""
    assert len(spans) == len(surfaces)
    covered = [False] * len(text)
    previous_end = 0
    for (token, start, end), surface in zip(spans, surfaces, strict=True):
        # In order, inside the text, non-empty, non-overlapping.
        assert previous_end <= start < end <= len(text), (token, start, end)
        previous_end = end
        source = text[start:end]
        if source == surface:
            # The slice, stemmed on its own, is its token.
            assert NLTK_STEM(source) == token, (source, token)
        else:
            # A quote the rules rewrote: the slice is the quote it replaced.
            assert token == surface and source in REWRITTEN_QUOTES[surface], (source, token)
        covered[start:end] = [True] * (end - start)
    # Nothing but whitespace is left out.
    assert all(is_whitespace(c) for c, used in zip(text, covered, strict=True) if not used)


@given(text=texts)
@example(text='He said "cannot."')
@example(text="\"x\" ''y'' ``z`` (\"a\") [''b'']")
@example(text="a\ud800b \udfff! \x00\x1c\x1f.\x1c,")
@example(text="İstanbul's ΣΟΦΙΑ e\u0301t\u0301e gonna, wanna; d'ye 'tis")
@example(text="")
def test_spans_properties(text):
    spans = stemline.spans(text)
    tokens = [t for t, _, _ in spans]
    assert tokens == stemline.tokens(text) == reference.tokens(text)
    check_spans(text, spans, reference.treebank_tokens(text))


def test_the_issue_examples():
    text = 'He said "cannot."'
    spans = stemline.spans(text)
    assert [t for t, _, _ in spans] == reference.tokens(text)  # he said `` can not . ''
    offsets = [(s, e) for _, s, e in spans]
    assert offsets == [(0, 2), (3, 7), (8, 9), (9, 12), (12, 15), (15, 16), (16, 17)]
    assert text[8:9] == text[16:17] == '"'  # both quote tokens point at their quote
    assert stemline.spans("cannot") == [("can", 0, 3), ("not", 3, 6)]


def test_offsets_are_python_string_indices():
    # Astral characters, combining marks and lone surrogates each count as one.
    text = "😀 Ünïcödé\u0301 \ud800x “quoted” 𝔘𝔫𝔦"
    spans = stemline.spans(text)
    check_spans(text, spans, reference.treebank_tokens(text))
    assert [text[s:e] for _, s, e in spans] == reference.treebank_tokens(text)


@pytest.mark.parametrize("mode", list(stemline.STEMMERS))
@settings(max_examples=200)
@given(docs=st.lists(texts, max_size=6), workers=st.integers(min_value=0, max_value=3))
def test_spans_many_and_modes(mode, docs, workers):
    normalizer = stemline.Normalizer(mode)
    many = normalizer.spans_many(docs, workers=workers)
    assert many == [normalizer.spans(d) for d in docs]
    assert [[t for t, _, _ in s] for s in many] == [normalizer.tokens(d) for d in docs]


def test_spans_of_the_bbc_corpus(bbc_texts, bbc_reference):
    # The record cache path over a real corpus, cold and warm, in two workers.
    normalizer = stemline.Normalizer()
    for _ in range(2):
        many = normalizer.spans_many(bbc_texts, workers=2)
        lines = [" ".join(t for t, _, _ in spans) for spans in many]
        assert lines == bbc_reference
    sample = range(0, len(bbc_texts), 25)
    for i in sample:
        text = bbc_texts[i]
        check_spans(text, many[i], reference.treebank_tokens(text))


def test_spans_argument_errors():
    with pytest.raises(TypeError):
        stemline.spans(b"bytes")
    with pytest.raises(TypeError, match=r"texts\[1\]"):
        stemline.Normalizer().spans_many(["ok", 3])
    with pytest.raises(TypeError, match="not one string"):
        stemline.Normalizer().spans_many("text")
