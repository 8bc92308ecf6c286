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
from typing import TYPE_CHECKING, Any

from stemline import _native
from stemline.normalizer import (
    DEFAULT_CACHE_BYTES,
    STEMMERS,
    Normalizer,
    Settings,
    normalize,
    normalize_many,
    spans,
    tokens,
)

if TYPE_CHECKING:
    from stemline.lemmatize import WordNetLemmatizer
    from stemline.sklearn import analyzer
    from stemline.snowball import SnowballStemmer
    from stemline.stemmers import LancasterStemmer, PorterStemmer
    from stemline.tokenize import NLTKWordTokenizer, word_tokenize, word_tokenize_many
    from stemline.tokenize.punkt import PunktTokenizer, sent_tokenize, sent_tokenize_many
    from stemline.vocabulary import StemEntry, Vocabulary, VocabularyBuilder

#: The package version (the native crate's, which is also the wheel's): read
#: without ``importlib.metadata``, which costs more than the rest of the import.
__version__: str = _native.__version__

__all__ = [
    "DEFAULT_CACHE_BYTES",
    "STEMMERS",
    "Normalizer",
    "Settings",
    "PorterStemmer",
    "SnowballStemmer",
    "LancasterStemmer",
    "PunktTokenizer",
    "sent_tokenize",
    "sent_tokenize_many",
    "word_tokenize",
    "word_tokenize_many",
    "WordNetLemmatizer",
    "NLTKWordTokenizer",
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


#: Names imported on first use (a short command's start-up needs none of them).
_LAZY = {
    "PorterStemmer": "stemline.stemmers",
    "SnowballStemmer": "stemline.snowball",
    "LancasterStemmer": "stemline.stemmers",
    "PunktTokenizer": "stemline.tokenize.punkt",
    "sent_tokenize": "stemline.tokenize.punkt",
    "sent_tokenize_many": "stemline.tokenize.punkt",
    "word_tokenize": "stemline.tokenize",
    "word_tokenize_many": "stemline.tokenize",
    "WordNetLemmatizer": "stemline.lemmatize",
    "NLTKWordTokenizer": "stemline.tokenize",
    "analyzer": "stemline.sklearn",
    "StemEntry": "stemline.vocabulary",
    "Vocabulary": "stemline.vocabulary",
    "VocabularyBuilder": "stemline.vocabulary",
}


def __getattr__(name: str) -> Any:
    # Lazy, so that `import stemline` does not import NLTK.
    if name == "reference":
        return importlib.import_module("stemline.reference")
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'stemline' has no attribute {name!r}")
