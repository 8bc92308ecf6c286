"""The spec as code: stemline's output is *defined* as what this module returns.

This is the composition of NLTK parts that defines stemline, kept readable and slow
(about 0.3 MB/s). Tests and benchmarks compare the native normalizer against it;
nothing in stemline calls it at run time. It needs ``nltk==3.10.4``
(``pip install "stemline[reference]"``): the NLTK version is part of the spec,
and so is the ``regex`` module it runs its patterns on.
"""

from __future__ import annotations

import warnings

import nltk
from nltk.stem.porter import PorterStemmer
from nltk.tokenize import TreebankWordTokenizer, wordpunct_tokenize

#: The NLTK release the spec is pinned to.
NLTK_VERSION = "3.10.4"

if nltk.__version__ != NLTK_VERSION:
    warnings.warn(
        f"stemline.reference is defined by nltk=={NLTK_VERSION}; nltk {nltk.__version__} "
        "is installed, so comparisons may differ",
        RuntimeWarning,
        stacklevel=2,
    )

#: stemline's stemmer names and the NLTK mode each stands for ("none": lower-case only).
MODES = {
    "nltk": PorterStemmer.NLTK_EXTENSIONS,
    "martin": PorterStemmer.MARTIN_EXTENSIONS,
    "original": PorterStemmer.ORIGINAL_ALGORITHM,
    "none": None,
}


def reference(text: str, mode: str = PorterStemmer.NLTK_EXTENSIONS) -> str:
    """The definition, verbatim: the normalized line of ``text``."""
    stem = PorterStemmer(mode=mode).stem
    tokens = TreebankWordTokenizer().tokenize(" ".join(wordpunct_tokenize(text)))
    return " ".join(stem(t) for t in tokens)


def treebank_tokens(text: str) -> list[str]:
    """The tokens before stemming: Treebank's tokenizer over wordpunct's tokens."""
    tokens: list[str] = TreebankWordTokenizer().tokenize(" ".join(wordpunct_tokenize(text)))
    return tokens


def tokens(text: str, stemmer: str = "nltk") -> list[str]:
    """The reference tokens for a stemline stemmer name (``"none"``: ``str.lower()`` only)."""
    mode = MODES[stemmer]
    if mode is None:
        return [t.lower() for t in treebank_tokens(text)]
    stem = PorterStemmer(mode=mode).stem
    return [stem(t) for t in treebank_tokens(text)]


def normalize(text: str, stemmer: str = "nltk") -> str:
    """The reference line for a stemline stemmer name; equals ``reference(text, mode)``.

    >>> normalize("They're gonna win.", "none")
    "they ' re gon na win ."
    """
    return " ".join(tokens(text, stemmer))
