"""The spec as code: stemline's output is *defined* as what this module returns.

This is the composition of NLTK parts that defines stemline, kept readable and slow
(about 0.3 MB/s). Tests and benchmarks compare the native normalizer against it;
nothing in stemline calls it at run time. It needs ``nltk==3.10.4``
(``pip install "stemline[reference]"``): the NLTK version is part of the spec,
and so is the ``regex`` module it runs its patterns on.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

from stemline.extras import missing_extra

try:
    import nltk
    from nltk.stem.lancaster import LancasterStemmer
    from nltk.stem.porter import PorterStemmer
    from nltk.stem.snowball import SnowballStemmer
    from nltk.tokenize import TreebankWordTokenizer, wordpunct_tokenize
except ImportError as e:
    raise missing_extra("stemline.reference", "reference", e, "nltk") from e

#: The NLTK release the spec is pinned to.
NLTK_VERSION = "3.10.4"

if nltk.__version__ != NLTK_VERSION:
    warnings.warn(
        f"stemline.reference is defined by nltk=={NLTK_VERSION}; nltk {nltk.__version__} "
        "is installed, so comparisons may differ",
        RuntimeWarning,
        stacklevel=2,
    )

#: stemline's stemmer names and the NLTK stemmer each stands for: a function
#: returning its ``stem`` ("none": ``str.lower()`` only). The same names, in the
#: same order, as ``stemline.STEMMERS`` (a test checks).
STEMMERS: dict[str, Callable[[], Callable[[str], str]]] = {
    "nltk": lambda: PorterStemmer(mode=PorterStemmer.NLTK_EXTENSIONS).stem,
    "martin": lambda: PorterStemmer(mode=PorterStemmer.MARTIN_EXTENSIONS).stem,
    "original": lambda: PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM).stem,
    "snowball": lambda: SnowballStemmer("english").stem,
    "lancaster": lambda: LancasterStemmer().stem,
    "none": lambda: str.lower,
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
    stem = STEMMERS[stemmer]()
    return [stem(t) for t in treebank_tokens(text)]


def composed(text: str, stem: Callable[[str], str]) -> str:
    """The same composition with any NLTK stemmer's ``stem``: for example
    ``composed(text, SnowballStemmer("english", ignore_stopwords=True).stem)``."""
    return " ".join(stem(t) for t in treebank_tokens(text))


def normalize(text: str, stemmer: str = "nltk") -> str:
    """The reference line for a stemline stemmer name; equals ``reference(text, mode)``
    for the Porter modes.

    >>> normalize("They're gonna win.", "none")
    "they ' re gon na win ."
    >>> normalize("They're gonna win.", "lancaster")
    "they ' re gon na win ."
    """
    return " ".join(tokens(text, stemmer))
