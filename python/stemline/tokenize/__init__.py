"""NLTK's tokenizers, natively: the same classes and functions as ``nltk.tokenize``,
with the same results.

- :class:`NLTKWordTokenizer` (``nltk.tokenize.destructive``): the word tokenizer
  of ``nltk.word_tokenize``.
"""

from __future__ import annotations

from stemline.tokenize.destructive import NLTKWordTokenizer

__all__ = ["NLTKWordTokenizer"]
