"""stemline: NLTK's normalization, byte for byte, at native speed.

Raw text in, one line per document out: lower-cased, punctuation split Penn-Treebank
style, every token stemmed (Porter by default; Snowball English and Lancaster too),
exactly as ``stemline.reference`` (NLTK 3.10.4) defines it.

>>> import stemline
>>> stemline.normalize('He said, "Stop."')
"he said , `` stop . ''"

``stemline.reference`` (the spec as code) needs NLTK and is imported on first use;
``import stemline`` never imports NLTK.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from types import ModuleType

from stemline.normalizer import (
    DEFAULT_CACHE_BYTES,
    STEMMERS,
    Normalizer,
    normalize,
    normalize_many,
    spans,
    tokens,
)
from stemline.sklearn import analyzer
from stemline.stemmers import LancasterStemmer, PorterStemmer, SnowballStemmer
from stemline.vocabulary import StemEntry, Vocabulary, VocabularyBuilder

try:
    __version__ = version("stemline")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0+unknown"

__all__ = [
    "DEFAULT_CACHE_BYTES",
    "STEMMERS",
    "Normalizer",
    "PorterStemmer",
    "SnowballStemmer",
    "LancasterStemmer",
    "analyzer",
    "StemEntry",
    "Vocabulary",
    "VocabularyBuilder",
    "normalize",
    "normalize_many",
    "spans",
    "tokens",
    "reference",
]


def __getattr__(name: str) -> ModuleType:
    # Lazy, so that `import stemline` does not import NLTK.
    if name == "reference":
        return importlib.import_module("stemline.reference")
    raise AttributeError(f"module 'stemline' has no attribute {name!r}")
