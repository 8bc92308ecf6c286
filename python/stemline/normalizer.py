"""The user-facing normalizer: text in, one normalized line out."""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable
from typing import Any

from stemline import _native, filters
from stemline._unicode import char_tables

STEMMERS: tuple[str, ...] = _native.STEMMER_NAMES
"""Stemmer names accepted by :class:`Normalizer` (and ``--stemmer``), the default
first: the Porter modes ``nltk`` (NLTK_EXTENSIONS), ``martin``
(MARTIN_EXTENSIONS) and ``original`` (ORIGINAL_ALGORITHM); ``snowball``
(``SnowballStemmer("english")``); ``lancaster`` (``LancasterStemmer()``); and
``none`` (``str.lower()`` only)."""

DEFAULT_CACHE_BYTES: int = _native.DEFAULT_CACHE_BYTES
"""Default memory bound of each worker's token cache, in bytes (2 MiB)."""


class Normalizer:
    """Normalizes text exactly as ``stemline.reference.normalize(text, stemmer)``.

    Lower-cased, punctuation split Penn-Treebank style, every token stemmed, tokens
    joined by one space. ``stemmer`` is ``"nltk"`` (NLTK's default Porter mode, the
    default here), ``"martin"``, ``"original"``, ``"snowball"`` (NLTK's
    ``SnowballStemmer("english")``), ``"lancaster"`` (NLTK's ``LancasterStemmer()``),
    or ``"none"`` (lower-case only); see :data:`STEMMERS`.

    Optional filters, all off by default, drop tokens (see :mod:`stemline.filters`):
    ``drop_punct`` drops tokens without a letter or digit, ``stopwords`` (``"nltk"``,
    ``"sklearn"`` or an iterable of words) drops tokens whose lower-cased word is one of them,
    ``min_length`` drops output tokens shorter than that many characters.

    Each worker thread keeps a cache of the finished output of every distinct run of
    letters or punctuation it has seen, bounded by ``cache_bytes``; when full it is
    emptied and refilled, and from then on takes in a run only when it meets it the
    second time, so that runs seen once (ids, numbers, URLs) do not push the frequent
    ones out. The cache never changes output.

    >>> Normalizer().normalize('He said "cannot."')
    "he said `` can not . ''"
    >>> Normalizer("none").tokens("Don't STOP")
    ['don', "'", 't', 'stop']
    >>> Normalizer(drop_punct=True, min_length=3).normalize('He said "cannot."')
    'said can not'
    >>> Normalizer("snowball", stopwords="nltk").normalize("They were generously paid.")
    'generous paid .'

    A normalizer pickles and copies (for ``multiprocessing``, joblib, ``copy.deepcopy``):
    the copy has the same settings and an empty cache of its own.

    >>> import pickle
    >>> pickle.loads(pickle.dumps(Normalizer("martin", min_length=2)))
    Normalizer('martin', cache_bytes=2097152, min_length=2)
    """

    def __init__(
        self,
        stemmer: str = "nltk",
        *,
        cache_bytes: int = DEFAULT_CACHE_BYTES,
        drop_punct: bool = False,
        stopwords: str | Iterable[str] | None = None,
        min_length: int = 0,
    ) -> None:
        if stemmer not in STEMMERS:
            raise ValueError(
                f"stemmer must be one of {', '.join(map(repr, STEMMERS))}, not {stemmer!r}"
            )
        if cache_bytes < 0:
            raise ValueError(f"cache_bytes must be >= 0, not {cache_bytes}")
        if min_length < 0:
            raise ValueError(f"min_length must be >= 0, not {min_length}")
        if stopwords is not None and not isinstance(stopwords, (str, Collection)):
            # An iterator can be read once: keep the words it gave, so that the
            # settings can be shown, compared and pickled.
            stopwords = list(stopwords)
        self._stemmer = stemmer
        self._filters: dict[str, Any] = {
            "drop_punct": bool(drop_punct),
            "stopwords": stopwords,
            "min_length": min_length,
        }
        words = sorted(filters.stopword_set(stopwords)) if stopwords is not None else []
        self._native = _native.Normalizer(
            char_tables(),
            stemmer,
            cache_bytes,
            drop_punct=bool(drop_punct),
            stopwords=words,
            min_length=min_length,
        )

    def __getstate__(self) -> dict[str, Any]:
        # The native half (its caches, its threads' state) is not pickled: the
        # settings are, and __setstate__ builds a new native normalizer from them.
        return {"stemmer": self._stemmer, "cache_bytes": self.cache_bytes, **self._filters}

    def __setstate__(self, state: dict[str, Any]) -> None:
        settings = dict(state)
        self.__init__(settings.pop("stemmer"), **settings)  # type: ignore[misc]

    @property
    def stemmer(self) -> str:
        """The stemmer's name, one of :data:`STEMMERS`."""
        return self._stemmer

    @property
    def cache_bytes(self) -> int:
        """The memory bound of each worker's token cache, in bytes."""
        return self._native.cache_bytes

    @property
    def filters(self) -> dict[str, Any]:
        """The filter options given: ``drop_punct``, ``stopwords``, ``min_length``."""
        return dict(self._filters)

    def __repr__(self) -> str:
        options = [repr(self._stemmer), f"cache_bytes={self.cache_bytes}"]
        if self._filters["drop_punct"]:
            options.append("drop_punct=True")
        if self._filters["stopwords"] is not None:
            words = self._filters["stopwords"]
            options.append(f"stopwords={words!r}" if isinstance(words, str) else "stopwords=[...]")
        if self._filters["min_length"]:
            options.append(f"min_length={self._filters['min_length']}")
        return f"Normalizer({', '.join(options)})"

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
        texts = _text_list(texts, workers, "normalize_many")
        try:
            return self._native.normalize_many(texts, workers)
        except TypeError:
            _raise_for_non_string(texts, "normalize_many")
            raise

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """Each output token with where it came from: ``(token, start, end)``.

        ``text[start:end]`` is the word the token was made from (its characters
        in the text, before lower-casing and stemming); a quote the Treebank
        rules rewrote points at the quote it replaced. Offsets are indices into
        ``text`` (code points, as Python counts). The tokens are exactly
        :meth:`tokens`'s.

        >>> Normalizer().spans('"Cannot."')
        [('``', 0, 1), ('can', 1, 4), ('not', 4, 7), ('.', 7, 8), ("''", 8, 9)]
        """
        return self._native.spans(text)

    def spans_many(
        self, texts: Iterable[str], *, workers: int = 1
    ) -> list[list[tuple[str, int, int]]]:
        """:meth:`spans` of many documents, in order, on ``workers`` threads."""
        texts = _text_list(texts, workers, "spans_many")
        try:
            return self._native.spans_many(texts, workers)
        except TypeError:
            _raise_for_non_string(texts, "spans_many")
            raise

    def cache_info(self) -> list[tuple[int, int]]:
        """``(entries, estimated bytes)`` of each idle worker cache."""
        return self._native.cache_stats()

    def clear_cache(self) -> None:
        """Drops every cached run (output is unaffected)."""
        self._native.clear_cache()


def _text_list(texts: Iterable[str], workers: int, method: str) -> list[str]:
    """``texts`` as a list, or a clear error for bad arguments (the items are
    checked by the native call, see :func:`_raise_for_non_string`)."""
    if workers < 0:
        raise ValueError(f"workers must be >= 0 (0 means one per core), not {workers}")
    if isinstance(texts, str):
        raise TypeError(f"{method}() takes an iterable of strings, not one string")
    return texts if isinstance(texts, list) else list(texts)


def _raise_for_non_string(texts: list[Any], method: str) -> None:
    """After the native call refused ``texts``: name the first item that is not a str."""
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(
                f"{method}() takes strings; texts[{i}] is {type(text).__name__}"
            ) from None


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


def spans(text: str) -> list[tuple[str, int, int]]:
    """Each output token of ``text`` with its source range, with the default stemmer.

    >>> spans("He cannot.")
    [('he', 0, 2), ('can', 3, 6), ('not', 6, 9), ('.', 9, 10)]
    """
    return default_normalizer().spans(text)


def normalize_many(texts: Iterable[str], *, workers: int = 1) -> list[str]:
    """Many documents to their lines, in order, with the default ``"nltk"`` stemmer.

    >>> normalize_many(["One.", "Two!"])
    ['one .', 'two !']
    """
    return default_normalizer().normalize_many(texts, workers=workers)
