"""scikit-learn: stemline as a vectorizer's analyzer.

>>> from sklearn.feature_extraction.text import TfidfVectorizer
>>> import stemline
>>> vectorizer = TfidfVectorizer(analyzer=stemline.analyzer()).fit(["Cats ran.", "A cat runs!"])
>>> sorted(vectorizer.vocabulary_)
['!', '.', 'a', 'cat', 'ran', 'run']

The analyzer replaces scikit-learn's whole preprocess-tokenize-n-gram chain, so
the vocabulary is exactly the reference's tokens (punctuation included, no
token dropped for being short); ``lowercase``, ``token_pattern`` and the other
text options of the vectorizer do not apply. This module does not import
scikit-learn: ``stemline.analyzer()`` needs nothing but stemline.
"""

from __future__ import annotations

from typing import Any

from stemline.columns import shared_normalizer
from stemline.normalizer import DEFAULT_CACHE_BYTES, STEMMERS

__all__ = ["Analyzer", "analyzer"]


class Analyzer:
    """A callable from one document to its normalized tokens.

    It holds only its settings, so it pickles (for joblib, pipelines and
    ``GridSearchCV``), copies and compares by value; the normalizer behind it is
    built once per process, on first call.

    >>> Analyzer("original")("He was running")
    ['he', 'wa', 'run']
    """

    __slots__ = ("stemmer", "cache_bytes")

    def __init__(self, stemmer: str = "nltk", *, cache_bytes: int = DEFAULT_CACHE_BYTES):
        if stemmer not in STEMMERS:
            raise ValueError(
                f"stemmer must be one of {', '.join(map(repr, STEMMERS))}, not {stemmer!r}"
            )
        self.stemmer = stemmer
        self.cache_bytes = cache_bytes

    def __call__(self, doc: str) -> list[str]:
        return shared_normalizer(self.stemmer, self.cache_bytes).tokens(doc)

    def __getstate__(self) -> dict[str, Any]:
        return {"stemmer": self.stemmer, "cache_bytes": self.cache_bytes}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.stemmer = state["stemmer"]
        self.cache_bytes = state["cache_bytes"]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Analyzer):
            return NotImplemented
        return (self.stemmer, self.cache_bytes) == (other.stemmer, other.cache_bytes)

    def __hash__(self) -> int:
        return hash((Analyzer, self.stemmer, self.cache_bytes))

    def __repr__(self) -> str:
        return f"stemline.analyzer({self.stemmer!r})"


def analyzer(stemmer: str = "nltk", *, cache_bytes: int = DEFAULT_CACHE_BYTES) -> Analyzer:
    """An analyzer for scikit-learn's text vectorizers: ``TfidfVectorizer(analyzer=...)``.

    >>> analyzer()("Cannot stop.")
    ['can', 'not', 'stop', '.']
    """
    return Analyzer(stemmer, cache_bytes=cache_bytes)
