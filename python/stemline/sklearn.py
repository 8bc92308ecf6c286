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

from stemline.columns import settings_of, shared_normalizer
from stemline.settings import Settings

__all__ = ["Analyzer", "analyzer"]


class Analyzer:
    """A callable from one document to its normalized tokens.

    It holds only its settings, so it pickles (for joblib, pipelines and
    ``GridSearchCV``), copies and compares by value; the normalizer behind it is
    built once per process, on first call. ``stemmer`` and any other keyword
    argument (``cache_bytes``, the filters, ...) are those of
    :class:`stemline.Normalizer`.

    >>> Analyzer("original")("He was running")
    ['he', 'wa', 'run']
    """

    __slots__ = ("settings",)

    def __init__(self, stemmer: str = "nltk", **settings: Any):
        self.settings = settings_of(stemmer, **settings)

    @property
    def stemmer(self) -> str:
        return self.settings.stemmer

    @property
    def cache_bytes(self) -> int:
        return self.settings.cache_bytes

    def __call__(self, doc: str) -> list[str]:
        return shared_normalizer(self.settings).tokens(doc)

    def __getstate__(self) -> dict[str, Any]:
        return self.settings._asdict()

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.settings = Settings(**state)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Analyzer):
            return NotImplemented
        return self.settings == other.settings

    def __hash__(self) -> int:
        return hash((Analyzer, self.settings))

    def __repr__(self) -> str:
        defaults = Settings._field_defaults
        extra = "".join(
            f", {name}={value!r}"
            for name, value in self.settings._asdict().items()
            if name != "stemmer" and value != defaults[name]
        )
        return f"stemline.analyzer({self.stemmer!r}{extra})"


def analyzer(stemmer: str = "nltk", **settings: Any) -> Analyzer:
    """An analyzer for scikit-learn's text vectorizers: ``TfidfVectorizer(analyzer=...)``.

    >>> analyzer()("Cannot stop.")
    ['can', 'not', 'stop', '.']
    """
    return Analyzer(stemmer, **settings)
