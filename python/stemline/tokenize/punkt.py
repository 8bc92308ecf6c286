"""Sentences as NLTK's Punkt splits them, natively, in NLTK's 19 Punkt languages.

:func:`sent_tokenize` equals ``nltk.tokenize.sent_tokenize(text, language)`` and
:class:`PunktTokenizer` equals ``nltk.tokenize.PunktTokenizer(language)`` (its
``tokenize`` and ``span_tokenize``) of NLTK 3.10.4 with its ``punkt_tab`` models,
on every Python string. The models (Kiss & Strunk's unsupervised Punkt models, as
NLTK publishes them) ship inside stemline; a language's model is read the first
time it is used. NLTK is not needed.

>>> from stemline.tokenize import sent_tokenize
>>> sent_tokenize("Mr. Smith went to Washington. He arrived at 5 p.m. on Monday.")
['Mr. Smith went to Washington.', 'He arrived at 5 p.m. on Monday.']
>>> sent_tokenize("Dr. Müller kam. Er blieb.", "german")
['Dr. Müller kam.', 'Er blieb.']

Closing quotes and brackets after a sentence's end stay with that sentence, and
offsets are indices into the string:

>>> from stemline.tokenize import PunktTokenizer
>>> text = '"Stop." (He did.) Then'
>>> list(PunktTokenizer().span_tokenize(text))
[(0, 7), (8, 17), (18, 22)]
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import Any

from stemline import _native
from stemline.normalizer import _raise_for_non_string, _text_list

#: The languages of NLTK's ``punkt_tab`` models, which stemline ships.
LANGUAGES: tuple[str, ...] = (
    "czech",
    "danish",
    "dutch",
    "english",
    "estonian",
    "finnish",
    "french",
    "german",
    "greek",
    "italian",
    "malayalam",
    "norwegian",
    "polish",
    "portuguese",
    "russian",
    "slovene",
    "spanish",
    "swedish",
    "turkish",
)

#: The native tokenizer of each language loaded so far (read once per process).
_LOADED: dict[str, _native.PunktSentenceTokenizer] = {}
_LOADING = threading.Lock()


def _tokenizer(language: object) -> _native.PunktSentenceTokenizer:
    """The shared native tokenizer of ``language``, or a clear error."""
    try:
        return _LOADED[language]  # type: ignore[index]
    except (KeyError, TypeError):
        pass
    if not isinstance(language, str):
        raise TypeError(f"language must be a str, not {type(language).__name__}")
    if language not in LANGUAGES:
        raise ValueError(
            f"no Punkt model for language {language!r}; "
            f"the supported languages are {', '.join(LANGUAGES)}"
        )
    with _LOADING:
        if language not in _LOADED:
            _LOADED[language] = _load(language)
    return _LOADED[language]


def _load(language: str) -> _native.PunktSentenceTokenizer:
    """Reads ``language``'s model from the package."""
    # Imported here: none of this is needed by `import stemline`.
    import zlib
    from importlib import resources

    from stemline._unicode import punkt_char_tables

    path = resources.files("stemline").joinpath(f"data/punkt/{language}.gz")
    bundle = zlib.decompress(path.read_bytes(), wbits=31)  # gzip
    return _native.PunktSentenceTokenizer(_native.PunktParameters(bundle), punkt_char_tables())


class PunktTokenizer:
    """NLTK's ``PunktTokenizer(language)``, natively: same sentences, same offsets.

    Switch existing code by changing one import::

        from stemline import PunktTokenizer   # was: from nltk.tokenize import ...

    ``language`` is one of :data:`LANGUAGES` (``ValueError`` otherwise, naming
    them). Tokenizers of the same language share one model, so making one is
    cheap; a tokenizer is safe to use from many threads at once, pickles and
    copies (by its language).

    >>> tokenizer = PunktTokenizer("english")
    >>> tokenizer.tokenize("It costs $2.50. That is cheap! Is it?")
    ['It costs $2.50.', 'That is cheap!', 'Is it?']
    >>> list(tokenizer.span_tokenize("One. Two."))
    [(0, 4), (5, 9)]
    >>> tokenizer.tokenize_sents(["One. Two.", "Three."])
    [['One.', 'Two.'], ['Three.']]
    """

    __slots__ = ("_language", "_native")

    def __init__(self, language: str = "english") -> None:
        self._native = _tokenizer(language)
        self._language = language

    @property
    def language(self) -> str:
        """The language of the model, as given."""
        return self._language

    def __repr__(self) -> str:
        return f"PunktTokenizer({self._language!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (PunktTokenizer, (self._language,))

    def tokenize(self, text: str, realign_boundaries: bool = True) -> list[str]:
        """The sentences of ``text``, as NLTK's ``tokenize`` returns them.

        Each sentence is ``text[start:end]`` for its :meth:`span_tokenize` span:
        whitespace between sentences belongs to none. With
        ``realign_boundaries=False``, closing quotes and brackets after a
        sentence's final period start the next sentence, as in NLTK.

        >>> PunktTokenizer().tokenize('He left. "Why?" she asked.')
        ['He left.', '"Why?"', 'she asked.']
        """
        return self._native.tokenize(text, realign_boundaries)

    def sentences_from_text(self, text: str, realign_boundaries: bool = True) -> list[str]:
        """The same as :meth:`tokenize` (NLTK has both names)."""
        return self._native.tokenize(text, realign_boundaries)

    def span_tokenize(
        self, text: str, realign_boundaries: bool = True
    ) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of each sentence: indices into ``text``, in order.

        An iterator, as NLTK's (a generator); ``list()`` it to keep the spans.

        >>> list(PunktTokenizer().span_tokenize("Hi there.  Bye."))
        [(0, 9), (11, 15)]
        """
        return iter(self._native.span_tokenize(text, realign_boundaries))

    def tokenize_sents(self, strings: Iterable[str], *, workers: int = 1) -> list[list[str]]:
        """:meth:`tokenize` of each string, in order, on ``workers`` threads with
        the GIL released (``0``: one per core). The result never depends on
        ``workers``.

        >>> PunktTokenizer().tokenize_sents(["A. B.", "", "C!"], workers=2)
        [['A.', 'B.'], [], ['C!']]
        """
        texts = _text_list(strings, workers, "tokenize_sents")
        try:
            return self._native.tokenize_many(texts, workers)
        except TypeError:
            _raise_for_non_string(texts, "tokenize_sents")
            raise

    def span_tokenize_sents(
        self, strings: Iterable[str], *, workers: int = 1
    ) -> Iterator[list[tuple[int, int]]]:
        """:meth:`span_tokenize` of each string, as a list, in order (an
        iterator over the strings, as NLTK's); on ``workers`` threads.

        >>> list(PunktTokenizer().span_tokenize_sents(["A. B.", "C!"]))
        [[(0, 2), (3, 5)], [(0, 2)]]
        """
        texts = _text_list(strings, workers, "span_tokenize_sents")
        try:
            return iter(self._native.span_tokenize_many(texts, workers))
        except TypeError:
            _raise_for_non_string(texts, "span_tokenize_sents")
            raise


def sent_tokenize(text: str, language: str = "english") -> list[str]:
    """The sentences of ``text``: ``nltk.tokenize.sent_tokenize(text, language)``.

    >>> sent_tokenize("The U.S. economy grew 3.5% in Q3. Analysts were surprised.")
    ['The U.S. economy grew 3.5% in Q3.', 'Analysts were surprised.']
    """
    return _tokenizer(language).tokenize(text)


def sent_tokenize_many(
    texts: Iterable[str], language: str = "english", *, workers: int = 1
) -> list[list[str]]:
    """:func:`sent_tokenize` of each text, in order, on ``workers`` threads with
    the GIL released (``0``: one per core). The result never depends on
    ``workers`` or on how the texts are batched.

    >>> sent_tokenize_many(["One. Two.", "Drei. Vier."], "german", workers=2)
    [['One.', 'Two.'], ['Drei.', 'Vier.']]
    """
    return PunktTokenizer(language).tokenize_sents(texts, workers=workers)
