"""NLTK's tokenizers, natively: the same classes and functions as ``nltk.tokenize``,
with the same results.

- :mod:`stemline.tokenize.punkt`: sentences, as NLTK's Punkt splits them
  (:func:`sent_tokenize`, :class:`PunktTokenizer`), in NLTK's 19 Punkt languages;
- :mod:`stemline.tokenize.destructive`: :class:`NLTKWordTokenizer`, the word
  tokenizer of ``nltk.word_tokenize``.

>>> from stemline.tokenize import sent_tokenize
>>> sent_tokenize("It rained. We stayed in.")
['It rained.', 'We stayed in.']
"""

from __future__ import annotations

from stemline.tokenize.destructive import NLTKWordTokenizer
from stemline.tokenize.punkt import LANGUAGES as PUNKT_LANGUAGES
from stemline.tokenize.punkt import PunktTokenizer, sent_tokenize, sent_tokenize_many

__all__ = [
    "NLTKWordTokenizer",
    "PUNKT_LANGUAGES",
    "PunktTokenizer",
    "sent_tokenize",
    "sent_tokenize_many",
]
