"""NLTK's WordNet lemmatizer, natively, with WordNet 3.0 inside the package.

:class:`WordNetLemmatizer` replaces ``nltk.stem.WordNetLemmatizer``: its
``lemmatize(word, pos="n")`` returns exactly what NLTK 3.10.4's returns with
NLTK's WordNet 3.0 data, for every Python string and each part of speech NLTK
accepts. Nothing is downloaded: the lemma and exception lists WordNet's
lemmatizer consults ship in the package (``data/wordnet/``, with WordNet's
license), and are read on first use, once per process, from any thread.
"""

from __future__ import annotations

import os
import threading
from typing import Any

from stemline import _native

__all__ = ["WordNetLemmatizer", "wordnet"]

_lock = threading.Lock()
_wordnet: _native.WordNet | None = None


def wordnet() -> _native.WordNet:
    """WordNet's lemma and exception lists, read from the package on first use.

    Once per process: every lemmatizer shares them, and threads that ask at the
    same time wait for the one that reads them.
    """
    global _wordnet
    data = _wordnet
    if data is None:
        with _lock:
            if _wordnet is None:
                # Beside this module: stemline, an extension module, is never
                # imported from a zip (importlib.resources would cost more
                # than the rest of the first call).
                path = os.path.join(os.path.dirname(__file__), "data", "wordnet", "lemmas.txt")
                with open(path, "rb") as f:
                    _wordnet = _native.WordNet(f.read())
            data = _wordnet
    return data


class WordNetLemmatizer(_native.WordNetLemmatizer):
    """NLTK's WordNet lemmatizer, natively: the same lemmas, with no download.

    Switch existing code by changing one import::

        from stemline import WordNetLemmatizer   # was: from nltk.stem import ...

    ``lemmatize(word, pos="n")`` returns the shortest lemma WordNet 3.0 has for
    ``word`` as a noun (``"n"``), verb (``"v"``), adjective (``"a"``), adverb
    (``"r"``) or satellite adjective (``"s"``, the same as ``"a"`` in NLTK), or
    ``word`` itself when it has none, exactly as NLTK 3.10.4's does. Like NLTK's,
    it does not lower-case: ``"Dogs"`` stays ``"Dogs"``. Any other ``pos`` raises
    ``KeyError``, as NLTK's does. ``lemmatize_many(words, pos="n")`` does a
    whole list at once.

    The first lemmatizer of a process reads WordNet's lists (about 20 ms); the
    others share them, and the lemmas of recently seen words (at most 1 MiB for
    each part of speech). Lemmatizers are immutable and thread-safe, and pickle.

    >>> lemmatizer = WordNetLemmatizer()
    >>> lemmatizer.lemmatize("geese")
    'goose'
    >>> lemmatizer.lemmatize("running", pos="v")
    'run'
    >>> lemmatizer.lemmatize("better", "a")
    'good'
    >>> lemmatizer.lemmatize("Dogs")
    'Dogs'
    >>> lemmatizer.lemmatize_many(["cats", "sang", "wolves"], pos="v")
    ['cat', 'sing', 'wolves']
    """

    __slots__ = ()

    def __new__(cls) -> WordNetLemmatizer:
        self: WordNetLemmatizer = super().__new__(cls, wordnet())
        return self

    def __init__(self) -> None:
        # Everything is set in __new__ (the native part is immutable).
        pass

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), ())


#: NLTK's maps as Python dicts, for words that are not strings (see below).
_tables: dict[str, tuple[dict[str, list[str]], frozenset[str]]] = {}


def _lemmatize_object(word: Any, pos: str) -> Any:
    """NLTK's ``lemmatize(word, pos)`` for a ``word`` that is not a ``str``.

    NLTK's ``_morphy`` hashes it (``form in exceptions``: ``TypeError`` for a
    list), calls its ``endswith`` (``AttributeError`` for ``None`` or a number,
    ``TypeError`` for bytes, nothing for ``"r"``, which has no rules), and looks
    up what it makes in dicts of strings, where only a string-like object such as
    ``UserString`` can be found. So this is ``_morphy`` line by line, over
    NLTK's maps as Python dicts, built on first use.
    """
    if pos not in _tables:
        data = wordnet()
        with _lock:
            _tables[pos] = (data.exceptions(pos), frozenset(data.lemmas(pos)))
    exceptions, lemmas = _tables[pos]
    if word in exceptions:
        forms = exceptions[word]
    else:
        forms = [
            word[: -len(old)] + new
            for old, new in _native.WordNet.substitutions(pos)
            if word.endswith(old)
        ]
    found: list[Any] = []
    seen: set[Any] = set()
    for form in [word, *forms]:
        if form in lemmas and form not in seen:
            found.append(form)
            seen.add(form)
    return min(found, key=len) if found else word
