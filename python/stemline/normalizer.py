"""The user-facing normalizer: text in, one normalized line out."""

from __future__ import annotations

import functools
from collections.abc import Iterable

from stemline import _native
from stemline._unicode import char_tables

#: Stemmer names accepted by :class:`Normalizer`, with the NLTK mode each stands for.
STEMMERS = {
    "nltk": "NLTK_EXTENSIONS",
    "martin": "MARTIN_EXTENSIONS",
    "original": "ORIGINAL_ALGORITHM",
    "none": None,
}

#: Default memory bound of each worker's token cache, in bytes (64 MiB).
DEFAULT_CACHE_BYTES: int = _native.DEFAULT_CACHE_BYTES


class Normalizer:
    """Normalizes text exactly as ``stemline.reference.normalize(text, stemmer)``.

    Lower-cased, punctuation split Penn-Treebank style, every token stemmed, tokens
    joined by one space. ``stemmer`` is ``"nltk"`` (NLTK's default Porter mode, the
    default here), ``"martin"``, ``"original"``, or ``"none"`` (lower-case only).

    Each worker thread keeps a cache of the finished output of every distinct run of
    letters or punctuation it has seen, bounded by ``cache_bytes``; when full it is
    emptied and refilled. The cache never changes output.

    >>> Normalizer().normalize('He said "cannot."')
    "he said `` can not . ''"
    >>> Normalizer("none").tokens("Don't STOP")
    ['don', "'", 't', 'stop']
    """

    def __init__(self, stemmer: str = "nltk", *, cache_bytes: int = DEFAULT_CACHE_BYTES):
        if stemmer not in STEMMERS:
            raise ValueError(
                f"stemmer must be one of {', '.join(map(repr, STEMMERS))}, not {stemmer!r}"
            )
        if cache_bytes < 0:
            raise ValueError(f"cache_bytes must be >= 0, not {cache_bytes}")
        self._stemmer = stemmer
        self._native = _native.Normalizer(char_tables(), stemmer, cache_bytes)

    @property
    def stemmer(self) -> str:
        return self._stemmer

    @property
    def cache_bytes(self) -> int:
        return self._native.cache_bytes

    def __repr__(self) -> str:
        return f"Normalizer({self._stemmer!r}, cache_bytes={self.cache_bytes})"

    def normalize(self, text: str) -> str:
        """One document to its normalized line (no trailing newline).

        >>> Normalizer().normalize("The runners were running.")
        'the runner were run .'
        """
        return self._native.normalize(text)

    def tokens(self, text: str) -> list[str]:
        """One document to its list of normalized tokens.

        >>> Normalizer().tokens("Gonna win!")
        ['gon', 'na', 'win', '!']
        """
        return self._native.tokens(text)

    def normalize_many(self, texts: Iterable[str], *, workers: int = 1) -> list[str]:
        """Many documents to their lines: same order, same length as ``texts``.

        ``workers`` threads share the work with the GIL released (``0``: one per core).
        The result never depends on ``workers`` or on how the documents are batched.

        >>> Normalizer().normalize_many(["Cats.", "", "Dogs!"], workers=2)
        ['cat .', '', 'dog !']
        """
        if workers < 0:
            raise ValueError(f"workers must be >= 0 (0 means one per core), not {workers}")
        if isinstance(texts, str):
            raise TypeError("normalize_many() takes an iterable of strings, not one string")
        if not isinstance(texts, list):
            texts = list(texts)
        try:
            return self._native.normalize_many(texts, workers)
        except TypeError:
            for i, text in enumerate(texts):
                if not isinstance(text, str):
                    raise TypeError(
                        f"normalize_many() takes strings; texts[{i}] is {type(text).__name__}"
                    ) from None
            raise

    def cache_info(self) -> list[tuple[int, int]]:
        """``(entries, estimated bytes)`` of each idle worker cache."""
        return self._native.cache_stats()

    def clear_cache(self) -> None:
        """Drops every cached run (output is unaffected)."""
        self._native.clear_cache()


@functools.cache
def default_normalizer() -> Normalizer:
    """The shared ``Normalizer("nltk")`` behind the module-level functions."""
    return Normalizer()


def normalize(text: str) -> str:
    """One document to its normalized line, with the default ``"nltk"`` stemmer.

    >>> normalize("The Israeli military's intelligence chief has resigned.")
    "the isra militari ' s intellig chief ha resign ."
    """
    return default_normalizer().normalize(text)


def tokens(text: str) -> list[str]:
    """One document to its normalized tokens, with the default ``"nltk"`` stemmer.

    >>> tokens("Cannot stop.")
    ['can', 'not', 'stop', '.']
    """
    return default_normalizer().tokens(text)


def normalize_many(texts: Iterable[str], *, workers: int = 1) -> list[str]:
    """Many documents to their lines, in order, with the default ``"nltk"`` stemmer.

    >>> normalize_many(["One.", "Two!"])
    ['one .', 'two !']
    """
    return default_normalizer().normalize_many(texts, workers=workers)
