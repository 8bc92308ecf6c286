"""Optional token filters, all off by default so the output stays the reference's.

Each filter drops whole tokens; the tokens it keeps are unchanged and in order.
They are applied natively, once per distinct run of text (the result is cached
with the run), so a filtered normalizer is as fast as an unfiltered one. Pass
them to :class:`stemline.Normalizer`:

``drop_punct=True``
    drops a token whose Treebank token (the word as it stands in the text, before
    lower-casing and stemming) has no letter or digit, that is no character ``c``
    with ``c.isalnum()``: ``.``, ``--``, ``''`` and ``_`` go; ``a.``, ``7`` stay.
``stopwords="nltk"``, ``stopwords="sklearn"`` (or any iterable of words)
    drops a token whose *surface form*, the Treebank token lower-cased with
    ``str.lower()``, is in the list: matched **before** stemming, so ``"The"``
    and ``"does"`` go, but ``"doe"`` (which ``"does"`` stems to) does not stand
    for a stop word. ``"nltk"`` is NLTK's ``stopwords.words("english")`` (179
    words, bundled with NLTK's lists of 28 other languages, see
    :func:`nltk_stopwords`); ``"sklearn"`` is scikit-learn's
    ``ENGLISH_STOP_WORDS`` (318 words). The words of a custom list are
    lower-cased with ``str.lower()`` too.
``min_length=N``
    drops an output token (the stem) shorter than ``N`` characters (code points):
    no token of the output is shorter than ``N``.

>>> import stemline
>>> stemline.Normalizer(stopwords=["the", "cannot"]).normalize("The cat cannot.")
'cat can not .'
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

#: Names accepted for ``stopwords`` (and ``--stopwords``), besides
#: ``"nltk:LANGUAGE"`` (see :func:`stopword_list`).
STOPWORD_LISTS = ("nltk", "sklearn")

#: The languages of NLTK's stop word lists (``stopwords.fileids()``), all bundled.
NLTK_STOPWORD_LANGUAGES = (
    "arabic",
    "azerbaijani",
    "basque",
    "bengali",
    "catalan",
    "chinese",
    "danish",
    "dutch",
    "english",
    "finnish",
    "french",
    "german",
    "greek",
    "hebrew",
    "hinglish",
    "hungarian",
    "indonesian",
    "italian",
    "kazakh",
    "nepali",
    "norwegian",
    "portuguese",
    "romanian",
    "russian",
    "slovene",
    "spanish",
    "swedish",
    "tajik",
    "turkish",
)


def stopword_list(name: str, language: str = "english") -> frozenset[str]:
    """The named stop word list, in ``language`` for NLTK's.

    ``"nltk"`` is NLTK's list, ``nltk.corpus.stopwords.words(language)``, bundled
    with stemline for each of :data:`NLTK_STOPWORD_LANGUAGES` (see
    :func:`nltk_stopwords`). ``"sklearn"`` is scikit-learn's ``ENGLISH_STOP_WORDS``
    (English only) and needs scikit-learn (``pip install "stemline[stopwords]"``),
    imported on first use.

    ``"nltk:LANGUAGE"`` names NLTK's list of another language than the
    pipeline's (German stop words dropped from text Porter-stems, say).

    >>> len(stopword_list("nltk"))
    179
    >>> len(stopword_list("nltk", language="german"))
    232
    >>> stopword_list("nltk:german") == stopword_list("nltk", language="german")
    True
    """
    if name == "nltk":
        return nltk_stopwords(language)
    if name.startswith("nltk:"):
        return nltk_stopwords(name.removeprefix("nltk:"))
    if language != "english":
        raise ValueError(
            f"the stop word list {name!r} is English only; for {language!r} use 'nltk'"
            if name == "sklearn"
            else f"unknown stop word list {name!r}; known: {', '.join(STOPWORD_LISTS)}"
        )
    if name == "sklearn":
        try:
            from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS
        except ImportError as e:
            from stemline.extras import missing_extra  # not on import stemline's path

            raise missing_extra("the 'sklearn' stop word list", "stopwords", e, "sklearn") from e
        return frozenset(ENGLISH_STOP_WORDS)
    if name == "english":
        raise ValueError(
            "the stop word list 'english' is ambiguous: say 'nltk' for NLTK's "
            "stopwords.words('english') (179 words) or 'sklearn' for scikit-learn's "
            "ENGLISH_STOP_WORDS (318 words)"
        )
    raise ValueError(f"unknown stop word list {name!r}; known: {', '.join(STOPWORD_LISTS)}")


@functools.cache
def nltk_stopwords(language: str = "english") -> frozenset[str]:
    """NLTK's stop word list of ``language``, ``nltk.corpus.stopwords.words(language)``.

    Bundled with stemline (no NLTK, no download): each of
    :data:`NLTK_STOPWORD_LANGUAGES`, the words NLTK's ``SnowballStemmer(language,
    ignore_stopwords=True)`` leaves unstemmed.

    >>> "und" in nltk_stopwords("german")
    True
    >>> len(nltk_stopwords("arabic"))
    701
    """
    if language not in NLTK_STOPWORD_LANGUAGES:
        raise ValueError(
            f"NLTK has no stop word list for {language!r}; it has: "
            + ", ".join(NLTK_STOPWORD_LANGUAGES)
        )
    # One word a line, as NLTK's word list reader returns them (it splits with
    # str.splitlines() and drops blank lines). importlib.resources is imported
    # here: it costs a tenth of the command's start-up.
    from importlib import resources

    path = resources.files("stemline").joinpath(f"data/nltk-stopwords/{language}")
    return frozenset(line for line in path.read_text("utf-8").splitlines() if line.strip())


def stopword_set(stopwords: str | Iterable[str], language: str = "english") -> frozenset[str]:
    """The lower-cased words a ``stopwords`` argument stands for (a list's name
    in ``language``, or the words themselves)."""
    if isinstance(stopwords, str):
        return stopword_list(stopwords, language)
    words = list(stopwords)
    for i, word in enumerate(words):
        if not isinstance(word, str):
            raise TypeError(f"stopwords must be strings; item {i} is {type(word).__name__}")
    return frozenset(word.lower() for word in words)
