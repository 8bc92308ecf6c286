"""Tokenizers that split text exactly as NLTK's do, natively.

- :mod:`stemline.tokenize.punkt`: sentences, as NLTK's Punkt splits them
  (:func:`sent_tokenize`, :class:`PunktTokenizer`), in NLTK's 19 Punkt languages.

>>> from stemline.tokenize import sent_tokenize
>>> sent_tokenize("It rained. We stayed in.")
['It rained.', 'We stayed in.']
"""

from __future__ import annotations

from stemline.tokenize.punkt import (
    LANGUAGES as PUNKT_LANGUAGES,
)
from stemline.tokenize.punkt import (
    PunktTokenizer,
    sent_tokenize,
    sent_tokenize_many,
)

__all__ = ["PUNKT_LANGUAGES", "PunktTokenizer", "sent_tokenize", "sent_tokenize_many"]
