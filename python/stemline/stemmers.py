"""A drop-in replacement for ``nltk.stem.porter.PorterStemmer``."""

from __future__ import annotations

from stemline import _native


class PorterStemmer(_native.PorterStemmer):
    """NLTK's Porter stemmer, natively: same constructor, modes and results.

    Switch existing code by changing one import::

        from stemline import PorterStemmer   # was: from nltk.stem.porter import ...

    ``mode`` is one of ``PorterStemmer.NLTK_EXTENSIONS`` (the default),
    ``PorterStemmer.MARTIN_EXTENSIONS`` or ``PorterStemmer.ORIGINAL_ALGORITHM``
    (or their string values). ``stem(word, to_lowercase=True)`` returns what NLTK
    3.10.4's ``stem`` returns for every string.

    >>> PorterStemmer().stem("Running")
    'run'
    >>> PorterStemmer(PorterStemmer.ORIGINAL_ALGORITHM).stem("as")
    'a'
    """

    __slots__ = ()
