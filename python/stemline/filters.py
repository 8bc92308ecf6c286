"""Optional token filters, all off by default so the output stays the reference's.

Each filter drops whole tokens; the tokens it keeps are unchanged and in order.
They are applied natively, once per distinct run of text (the result is cached
with the run), so a filtered normalizer is as fast as an unfiltered one. Pass
them to :class:`stemline.Normalizer`:

``drop_punct=True``
    drops a token whose Treebank token (the word as it stands in the text, before
    lower-casing and stemming) has no letter or digit, that is no character ``c``
    with ``c.isalnum()``: ``.``, ``--``, ``''`` and ``_`` go; ``a.``, ``7`` stay.
``stopwords="english"`` (or any iterable of words)
    drops a token whose *surface form*, the Treebank token lower-cased with
    ``str.lower()``, is in the list: matched **before** stemming, so ``"The"``
    and ``"does"`` go, but ``"doe"`` (which ``"does"`` stems to) does not stand
    for a stop word. ``"english"`` is scikit-learn's ``ENGLISH_STOP_WORDS``; the
    words of a custom list are lower-cased with ``str.lower()`` too.
``min_length=N``
    drops an output token (the stem) shorter than ``N`` characters (code points):
    no token of the output is shorter than ``N``.

>>> import stemline
>>> stemline.Normalizer(stopwords=["the", "cannot"]).normalize("The cat cannot.")
'cat can not .'
"""

from __future__ import annotations

from collections.abc import Iterable

#: Names accepted for ``stopwords`` (and ``--stopwords``).
STOPWORD_LISTS = ("english",)


def stopword_list(name: str) -> frozenset[str]:
    """The named stop word list: ``"english"`` is scikit-learn's ``ENGLISH_STOP_WORDS``.

    Needs scikit-learn (``pip install "stemline[stopwords]"``), imported on first use.
    """
    if name != "english":
        raise ValueError(f"unknown stop word list {name!r}; known: {', '.join(STOPWORD_LISTS)}")
    try:
        from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
    except ImportError:
        raise ImportError(
            "the 'english' stop word list is scikit-learn's; install it with "
            "pip install 'stemline[stopwords]'"
        ) from None
    return frozenset(ENGLISH_STOP_WORDS)


def stopword_set(stopwords: str | Iterable[str]) -> frozenset[str]:
    """The lower-cased words a ``stopwords`` argument stands for."""
    if isinstance(stopwords, str):
        return stopword_list(stopwords)
    words = list(stopwords)
    for i, word in enumerate(words):
        if not isinstance(word, str):
            raise TypeError(f"stopwords must be strings; item {i} is {type(word).__name__}")
    return frozenset(word.lower() for word in words)
