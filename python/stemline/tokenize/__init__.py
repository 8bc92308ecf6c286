"""NLTK's tokenizers, natively: the same classes and functions as ``nltk.tokenize``,
with the same results.

- :func:`word_tokenize`: ``nltk.word_tokenize``, Punkt's sentences, then
  ``NLTKWordTokenizer`` in each (:func:`word_tokenize_many` for many texts);
- :mod:`stemline.tokenize.punkt`: sentences, as NLTK's Punkt splits them
  (:func:`sent_tokenize`, :class:`PunktTokenizer`), in NLTK's 19 Punkt languages;
- :mod:`stemline.tokenize.destructive`: :class:`NLTKWordTokenizer`, the word
  tokenizer of ``nltk.word_tokenize``.

>>> from stemline.tokenize import sent_tokenize, word_tokenize
>>> sent_tokenize("It rained. We stayed in.")
['It rained.', 'We stayed in.']
>>> word_tokenize("It rained. We stayed in.")
['It', 'rained', '.', 'We', 'stayed', 'in', '.']
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterable

from stemline import _native
from stemline._unicode import char_tables
from stemline.normalizer import _raise_for_non_string, _text_list
from stemline.tokenize.destructive import NLTKWordTokenizer
from stemline.tokenize.punkt import LANGUAGES as PUNKT_LANGUAGES
from stemline.tokenize.punkt import PunktTokenizer, _tokenizer, sent_tokenize, sent_tokenize_many

__all__ = [
    "NLTKWordTokenizer",
    "PUNKT_LANGUAGES",
    "PunktTokenizer",
    "sent_tokenize",
    "sent_tokenize_many",
    "word_tokenize",
    "word_tokenize_many",
]

#: The native ``word_tokenize`` of each language used so far.
_WORD_TOKENIZE: dict[str, _native.WordTokenize] = {}
_LOADING = threading.Lock()


def _word_tokenize(language: str) -> _native.WordTokenize:
    """The shared native ``word_tokenize`` of ``language``, or the error of
    :func:`~stemline.tokenize.punkt.sent_tokenize` for a language it has no
    model for (a ``ValueError`` naming the supported ones)."""
    try:
        return _WORD_TOKENIZE[language]
    except (KeyError, TypeError):
        pass
    sentences = _tokenizer(language)
    with _LOADING:
        if language not in _WORD_TOKENIZE:
            _WORD_TOKENIZE[language] = _native.WordTokenize(
                char_tables(), sentences, _native.DEFAULT_CACHE_BYTES
            )
    return _WORD_TOKENIZE[language]


@functools.cache
def _line_tokenizer() -> NLTKWordTokenizer:
    """The tokenizer of ``preserve_line=True`` (NLTK's ``_treebank_word_tokenizer``)."""
    return NLTKWordTokenizer()


def word_tokenize(text: str, language: str = "english", preserve_line: bool = False) -> list[str]:
    """The tokens of ``text``: ``nltk.word_tokenize(text, language, preserve_line)``.

    NLTK's definition, natively: the sentences of ``text`` as Punkt splits them in
    ``language`` (:func:`sent_tokenize`), then each sentence's tokens as
    ``NLTKWordTokenizer`` makes them, in order. ``language`` is one of
    :data:`PUNKT_LANGUAGES` (a ``ValueError`` names them otherwise).

    >>> word_tokenize("Good muffins cost $3.88 in New York. Please buy me two of them.")
    ['Good', 'muffins', 'cost', '$', '3.88', 'in', 'New', 'York', '.', 'Please', 'buy', \
'me', 'two', 'of', 'them', '.']
    >>> word_tokenize('"I can\\'t," she said. It\\'s 5 p.m. now!')
    ['``', 'I', 'ca', "n't", ',', "''", 'she', 'said', '.', 'It', "'s", '5', 'p.m.', \
'now', '!']
    >>> word_tokenize("Der Preis: 3,50 €. Dr. Müller kam nicht.", "german")
    ['Der', 'Preis', ':', '3,50', '€', '.', 'Dr.', 'Müller', 'kam', 'nicht', '.']

    With ``preserve_line=True`` the text is not split into sentences (and, as in
    NLTK, ``language`` is not read): a period is then a token of its own only at
    the end of the text.

    >>> word_tokenize("Please buy me two of them. Thanks.", preserve_line=True)
    ['Please', 'buy', 'me', 'two', 'of', 'them.', 'Thanks', '.']
    """
    if preserve_line:
        return _line_tokenizer().tokenize(text)
    return _word_tokenize(language).tokenize(text)


def word_tokenize_many(
    texts: Iterable[str],
    language: str = "english",
    *,
    workers: int = 1,
    preserve_line: bool = False,
) -> list[list[str]]:
    """:func:`word_tokenize` of each text, in order, on ``workers`` threads with the
    GIL released (``0``: one per core). The result never depends on ``workers`` or
    on how the texts are batched.

    >>> word_tokenize_many(["One. Two!", "", "Drei. Vier."], "german", workers=2)
    [['One', '.', 'Two', '!'], [], ['Drei', '.', 'Vier', '.']]
    """
    texts = _text_list(texts, workers, "word_tokenize_many")
    if preserve_line:
        return _line_tokenizer().tokenize_sents(texts, workers=workers)
    native = _word_tokenize(language)
    try:
        return native.tokenize_many(texts, workers)
    except TypeError:
        _raise_for_non_string(texts, "word_tokenize_many")
        raise
