"""NLTK's ``NLTKWordTokenizer`` (``nltk.tokenize.destructive``), natively.

:class:`NLTKWordTokenizer` is the tokenizer ``nltk.word_tokenize`` runs on each
sentence. Its ``tokenize`` and ``span_tokenize`` return exactly what NLTK 3.10.4's
return, for every Python string (lone surrogates included), and raise where they
raise; ``tokenize_sents`` and ``span_tokenize_sents`` do the same for a list of
strings on every core.

With ``preserve_line=True``, ``nltk.word_tokenize(text, language, preserve_line=True)``
is ``NLTKWordTokenizer().tokenize(text)``: NLTK then skips sentence splitting and
never reads ``language``.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from typing import Any

from stemline import _native
from stemline._unicode import char_tables
from stemline.normalizer import _raise_for_non_string, _text_list

__all__ = ["NLTKWordTokenizer"]


class NLTKWordTokenizer(_native.NLTKWordTokenizer):
    """NLTK's improved Treebank word tokenizer, natively: same methods, same results.

    Switch existing code by changing one import::

        from stemline import NLTKWordTokenizer   # was: from nltk.tokenize import ...

    It assumes the text is one sentence, as NLTK's does (``word_tokenize`` splits
    sentences first); given a whole text, it tokenizes it as NLTK's would.

    >>> tokenizer = NLTKWordTokenizer()
    >>> tokenizer.tokenize('They said "I can\\'t" (twice).')
    ['They', 'said', '``', 'I', 'ca', "n't", "''", '(', 'twice', ')', '.']
    >>> tokenizer.tokenize("(a) [b]", convert_parentheses=True)
    ['-LRB-', 'a', '-RRB-', '-LSB-', 'b', '-RSB-']
    >>> s = 'Good muffins cost $3.88\\nin New (York).'
    >>> list(tokenizer.span_tokenize(s))[:6]
    [(0, 4), (5, 12), (13, 17), (18, 19), (19, 23), (24, 26)]
    >>> tokenizer.tokenize_sents(["One «two».", "Three—four"])
    [['One', '«', 'two', '»', '.'], ['Three', '—', 'four']]

    Instances are immutable, thread-safe (each thread works with its own cache of
    recent chunks, at most ``cache_bytes`` each), and pickle with their settings.
    ``tokenize`` also keeps the strings of up to 131,072 distinct tokens from one
    call to the next and hands out the same string object for each occurrence of
    a token (as CPython does for short strings it interns); ``cache_bytes=0``
    keeps nothing.
    """

    __slots__ = ()

    def __new__(cls, *, cache_bytes: int = _native.DEFAULT_CACHE_BYTES) -> NLTKWordTokenizer:
        if not isinstance(cache_bytes, int) or cache_bytes < 0:
            raise ValueError(f"cache_bytes must be a non-negative int, not {cache_bytes!r}")
        self: NLTKWordTokenizer = super().__new__(cls, char_tables(), cache_bytes)
        return self

    def __init__(self, *, cache_bytes: int = _native.DEFAULT_CACHE_BYTES) -> None:
        # Everything is set in __new__ (the native part is immutable).
        pass

    def tokenize(
        self, text: str, convert_parentheses: bool = False, return_str: bool = False
    ) -> list[str]:
        """The tokens of ``text``, as NLTK's ``NLTKWordTokenizer().tokenize``.

        ``convert_parentheses=True`` writes brackets as the Penn Treebank's
        ``-LRB-``, ``-RRB-``, ``-LSB-``, ``-RSB-``, ``-LCB-`` and ``-RCB-``.
        ``return_str`` is deprecated in NLTK, which warns and returns the list
        anyway; so does this.

        >>> NLTKWordTokenizer().tokenize("Hello, world. It's 'gonna' work.")
        ['Hello', ',', 'world.', 'It', "'s", "'", 'gon', 'na', "'", 'work', '.']
        """
        if return_str:
            warnings.warn(
                "Parameter 'return_str' has been deprecated and should no longer be used.",
                category=DeprecationWarning,
                stacklevel=2,
            )
        return super().tokenize(text, bool(convert_parentheses))

    def span_tokenize(self, text: str) -> Iterator[tuple[int, int]]:
        """The ``(start, end)`` offsets of the tokens in ``text``, as NLTK's.

        Tokens are aligned with the text as NLTK aligns them (``align_tokens``,
        after giving back the quotes ``tokenize`` rewrote), and it raises where
        NLTK's raises: a ``ValueError`` when a token is not found, a
        ``RuntimeError`` when there are more quote tokens than quotes. Like
        NLTK's, it is a generator: nothing runs until it is iterated.

        >>> s = 'He said "yes."'
        >>> [s[a:b] for a, b in NLTKWordTokenizer().span_tokenize(s)]
        ['He', 'said', '"', 'yes', '.', '"']
        """
        yield from self.spans(text)

    def tokenize_sents(self, strings: Iterable[str], *, workers: int = 0) -> list[list[str]]:
        """``[self.tokenize(s) for s in strings]``, on ``workers`` threads (0: one
        per core) with the GIL released, in the order of ``strings``.

        >>> NLTKWordTokenizer().tokenize_sents(["It works.", "Twice!"], workers=2)
        [['It', 'works', '.'], ['Twice', '!']]
        """
        texts = _text_list(strings, workers, "tokenize_sents")
        try:
            return self.tokenize_many(texts, False, workers)
        except TypeError:
            _raise_for_non_string(texts, "tokenize_sents")
            raise

    def span_tokenize_sents(
        self, strings: Iterable[str], *, workers: int = 0
    ) -> Iterator[list[tuple[int, int]]]:
        """``list(self.span_tokenize(s))`` for each of ``strings``, on ``workers``
        threads; a generator, as NLTK's, raising for the first string that raises.

        >>> list(NLTKWordTokenizer().span_tokenize_sents(["a b", "c."]))
        [[(0, 1), (2, 3)], [(0, 1), (1, 2)]]
        """
        texts = _text_list(strings, workers, "span_tokenize_sents")
        try:
            spans = self.spans_many(texts, workers)
        except TypeError:
            _raise_for_non_string(texts, "span_tokenize_sents")
            raise
        yield from spans

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.cache_bytes,))

    def __repr__(self) -> str:
        return "<NLTKWordTokenizer>"


def _rebuild(cache_bytes: int) -> NLTKWordTokenizer:
    return NLTKWordTokenizer(cache_bytes=cache_bytes)
