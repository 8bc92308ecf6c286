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
    from nltk.stem.wordnet import WordNetLemmatizer
    from nltk.tokenize import (
        NLTKWordTokenizer,
        PunktTokenizer,
        TreebankWordTokenizer,
        word_tokenize,
        wordpunct_tokenize,
    )
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
#: returning its ``stem`` ("none": ``str.lower()`` only), with NLTK's defaults
#: (see :func:`stemmer_of` for a language or a part of speech). The same
#: names, in the same order, as ``stemline.STEMMERS`` (a test checks).
STEMMERS: dict[str, Callable[[], Callable[[str], str]]] = {
    "nltk": lambda: PorterStemmer(mode=PorterStemmer.NLTK_EXTENSIONS).stem,
    "martin": lambda: PorterStemmer(mode=PorterStemmer.MARTIN_EXTENSIONS).stem,
    "original": lambda: PorterStemmer(mode=PorterStemmer.ORIGINAL_ALGORITHM).stem,
    "snowball": lambda: SnowballStemmer("english").stem,
    "lancaster": lambda: LancasterStemmer().stem,
    "wordnet": lambda: lemmatizer("n"),
    "none": lambda: str.lower,
}


def lemmatizer(pos: str) -> Callable[[str], str]:
    """The ``wordnet`` token step: the common NLTK recipe, each token
    lower-cased and lemmatized as ``pos``."""
    lemmatize = WordNetLemmatizer().lemmatize
    return lambda token: lemmatize(token.lower(), pos)


def stemmer_of(
    stemmer: str = "nltk", language: str = "english", pos: str = "n"
) -> Callable[[str], str]:
    """NLTK's token step for stemline's settings ``stemmer``, ``language`` and ``pos``."""
    if stemmer == "snowball":
        stem: Callable[[str], str] = SnowballStemmer(language).stem
        return stem
    if stemmer == "wordnet":
        return lemmatizer(pos)
    return STEMMERS[stemmer]()


def reference(text: str, mode: str = PorterStemmer.NLTK_EXTENSIONS) -> str:
    """The definition, verbatim: the normalized line of ``text``."""
    stem = PorterStemmer(mode=mode).stem
    tokens = TreebankWordTokenizer().tokenize(" ".join(wordpunct_tokenize(text)))
    return " ".join(stem(t) for t in tokens)


def treebank_tokens(text: str) -> list[str]:
    """The tokens before stemming: Treebank's tokenizer over wordpunct's tokens."""
    tokens: list[str] = TreebankWordTokenizer().tokenize(" ".join(wordpunct_tokenize(text)))
    return tokens


def tokenizer_of(
    tokenizer: str = "treebank", language: str = "english"
) -> Callable[[str], list[str]]:
    """NLTK's tokenization for stemline's settings ``tokenizer`` and ``language``:
    ``treebank`` (:func:`treebank_tokens`, the default) or ``word_tokenize``
    (``nltk.word_tokenize(text, language)``: Punkt's sentences, then
    ``NLTKWordTokenizer`` in each)."""
    if tokenizer == "treebank":
        return treebank_tokens
    if tokenizer == "word_tokenize":
        return lambda text: list(word_tokenize(text, language))
    raise ValueError(f"no tokenizer {tokenizer!r}")


def tokens(
    text: str,
    stemmer: str = "nltk",
    *,
    language: str = "english",
    tokenizer: str = "treebank",
    pos: str = "n",
) -> list[str]:
    """The reference tokens for stemline's settings (``"none"``: ``str.lower()`` only)."""
    stem = stemmer_of(stemmer, language, pos)
    return [stem(t) for t in tokenizer_of(tokenizer, language)(text)]


def word_tokenize_spans(
    text: str,
    stemmer: str = "nltk",
    *,
    language: str = "english",
    pos: str = "n",
) -> list[tuple[str, int, int]]:
    """The offsets of ``tokenizer="word_tokenize"``'s tokens (NLTK has none for
    ``word_tokenize``): for each sentence ``text[start:end]`` of Punkt's
    ``span_tokenize``, each token of ``NLTKWordTokenizer().tokenize(sentence)``
    stemmed, with its offsets from ``span_tokenize(sentence)`` moved by ``start``.
    Raises where NLTK's ``span_tokenize`` raises.

    >>> word_tokenize_spans('Stop. "Go."', "none")
    [('stop', 0, 4), ('.', 4, 5), ('``', 6, 7), ('go', 7, 9), ('.', 9, 10), ("''", 10, 11)]
    """
    stem = stemmer_of(stemmer, language, pos)
    words = NLTKWordTokenizer()
    spans: list[tuple[str, int, int]] = []
    for start, end in PunktTokenizer(language).span_tokenize(text):
        sentence = text[start:end]
        offsets = list(words.span_tokenize(sentence))
        tokens = words.tokenize(sentence)
        spans.extend(
            (stem(token), start + a, start + b)
            for token, (a, b) in zip(tokens, offsets, strict=True)
        )
    return spans


def composed(text: str, stem: Callable[[str], str]) -> str:
    """The same composition with any NLTK stemmer's ``stem``: for example
    ``composed(text, SnowballStemmer("english", ignore_stopwords=True).stem)``."""
    return " ".join(stem(t) for t in treebank_tokens(text))


def normalize(
    text: str,
    stemmer: str = "nltk",
    *,
    language: str = "english",
    tokenizer: str = "treebank",
    pos: str = "n",
) -> str:
    """The reference line for stemline's settings: the tokens of ``tokenizer``
    (in ``language``), each through ``stemmer`` (in ``language``, or as ``pos``),
    joined by single spaces. For the Porter modes with the default tokenizer it
    equals ``reference(text, mode)``.

    >>> normalize("They're gonna win.", "none")
    "they ' re gon na win ."
    >>> normalize("They're gonna win.", "lancaster")
    "they ' re gon na win ."
    >>> normalize("The geese were flying.", "wordnet", pos="v")
    'the geese be fly .'
    >>> normalize('She said "hi."', "none", tokenizer="word_tokenize")
    "she said `` hi . ''"
    """
    return " ".join(tokens(text, stemmer, language=language, tokenizer=tokenizer, pos=pos))
