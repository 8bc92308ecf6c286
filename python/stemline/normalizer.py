"""The user-facing normalizer: text in, one normalized line out."""

from __future__ import annotations

import functools
from collections.abc import Collection, Iterable
from typing import Any

from stemline import _native, filters
from stemline._unicode import char_tables
from stemline.settings import DEFAULT_CACHE_BYTES, STEMMERS, Settings

__all__ = ["DEFAULT_CACHE_BYTES", "STEMMERS", "Normalizer", "Settings"]


class Normalizer:
    """Normalizes text exactly as ``stemline.reference.normalize(text, stemmer)``.

    Lower-cased, punctuation split Penn-Treebank style, every token stemmed, tokens
    joined by one space. ``stemmer`` is ``"nltk"`` (NLTK's default Porter mode, the
    default here), ``"martin"``, ``"original"``, ``"snowball"`` (NLTK's
    ``SnowballStemmer(language)``), ``"lancaster"`` (NLTK's ``LancasterStemmer()``),
    ``"wordnet"`` (NLTK's ``WordNetLemmatizer().lemmatize(token, pos)``: lemmas
    instead of stems), or ``"none"`` (lower-case only); see :data:`STEMMERS`.

    ``tokenizer`` is ``"treebank"`` (the default: Treebank's rules over
    ``wordpunct_tokenize``'s tokens) or ``"word_tokenize"`` (NLTK's
    ``word_tokenize(text, language)``: Punkt's sentences, then
    ``NLTKWordTokenizer`` in each). ``language`` is that of the Snowball
    stemmer, of ``word_tokenize``'s sentences and of ``stopwords="nltk"``; ``pos``
    the part of speech of the ``"wordnet"`` lemmatizer. See
    :class:`~stemline.settings.Settings` and ``stemline.reference.normalize``.

    >>> Normalizer(tokenizer="word_tokenize").normalize('He said "cannot." Mr. Smith left.')
    "he said `` can not . '' mr. smith left ."

    Optional filters, all off by default, drop tokens (see :mod:`stemline.filters`):
    ``drop_punct`` drops tokens without a letter or digit, ``stopwords`` (``"nltk"``,
    ``"sklearn"`` or an iterable of words) drops tokens whose lower-cased word is one of them,
    ``min_length`` drops output tokens shorter than that many characters.

    Each worker thread keeps a cache of the finished output of every distinct run of
    letters or punctuation it has seen, bounded by ``cache_bytes``; when full it is
    emptied and refilled, and from then on takes in a run only when it meets it the
    second time, so that runs seen once (ids, numbers, URLs) do not push the frequent
    ones out. With ``tokenizer="word_tokenize"`` it keeps two, each bounded by
    ``cache_bytes``: one of words, one of the other stretches between spaces and of
    sentence ends. The cache never changes output.

    >>> Normalizer().normalize('He said "cannot."')
    "he said `` can not . ''"
    >>> Normalizer("none").tokens("Don't STOP")
    ['don', "'", 't', 'stop']
    >>> Normalizer(drop_punct=True, min_length=3).normalize('He said "cannot."')
    'said can not'
    >>> Normalizer("snowball", stopwords="nltk").normalize("They were generously paid.")
    'generous paid .'

    A normalizer pickles and copies (for ``multiprocessing``, joblib, ``copy.deepcopy``):
    the copy has the same settings and an empty cache of its own.

    >>> import pickle
    >>> pickle.loads(pickle.dumps(Normalizer("martin", min_length=2)))
    Normalizer('martin', cache_bytes=2097152, min_length=2)
    """

    def __init__(
        self,
        stemmer: str = "nltk",
        *,
        language: str = "english",
        tokenizer: str = "treebank",
        pos: str = "n",
        cache_bytes: int = DEFAULT_CACHE_BYTES,
        drop_punct: bool = False,
        stopwords: str | Iterable[str] | None = None,
        min_length: int = 0,
    ) -> None:
        if stopwords is not None and not isinstance(stopwords, (str, Collection)):
            # An iterator can be read once: keep the words it gave, so that the
            # settings can be shown, compared and pickled.
            stopwords = list(stopwords)
        settings = Settings(
            stemmer=stemmer,
            language=language,
            tokenizer=tokenizer,
            pos=pos,
            drop_punct=bool(drop_punct),
            stopwords=stopwords,
            min_length=min_length,
            cache_bytes=cache_bytes,
        ).check()
        self._settings = settings
        self._native = _native.Normalizer(
            char_tables(), settings.stemmer, settings.cache_bytes, **_native_parts(settings)
        )

    @classmethod
    def from_settings(cls, settings: Settings) -> Normalizer:
        """The normalizer of a :class:`~stemline.settings.Settings` object (what
        the command line and the integrations build).

        >>> Normalizer.from_settings(Settings(stemmer="martin")).stemmer
        'martin'
        """
        return cls(**settings._asdict())

    @property
    def settings(self) -> Settings:
        """Every setting of this normalizer, as one object."""
        return self._settings

    def __getstate__(self) -> dict[str, Any]:
        # The native half (its caches, its threads' state) is not pickled: the
        # settings are, and __setstate__ builds a new native normalizer from them.
        return self._settings._asdict()

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    @property
    def stemmer(self) -> str:
        """The stemmer's name, one of :data:`STEMMERS`."""
        return self._settings.stemmer

    @property
    def cache_bytes(self) -> int:
        """The memory bound of each worker's token cache, in bytes."""
        return self._native.cache_bytes

    @property
    def filters(self) -> dict[str, Any]:
        """The filter options given: ``drop_punct``, ``stopwords``, ``min_length``."""
        s = self._settings
        return {"drop_punct": s.drop_punct, "stopwords": s.stopwords, "min_length": s.min_length}

    def __repr__(self) -> str:
        s = self._settings
        options = [repr(s.stemmer), f"cache_bytes={self.cache_bytes}"]
        defaults = Settings._field_defaults
        for name, value in s._asdict().items():
            if name in ("stemmer", "cache_bytes") or value == defaults[name]:
                continue
            shown = "[...]" if name == "stopwords" and not isinstance(value, str) else repr(value)
            options.append(f"{name}={shown}")
        return f"Normalizer({', '.join(options)})"

    def normalize(self, text: str) -> str:
        """One document to its normalized line (no trailing newline).

        >>> Normalizer().normalize("The runners were running.")
        'the runner were run .'
        """
        return self._native.normalize(text)

    def tokens(self, text: str) -> list[str]:
        """One document to its list of normalized tokens.

        >>> Normalizer().tokens("Gonna win!")
        ['gon', 'na', 'win', '!']
        """
        return self._native.tokens(text)

    def normalize_many(self, texts: Iterable[str], *, workers: int = 1) -> list[str]:
        """Many documents to their lines: same order, same length as ``texts``.

        ``workers`` threads share the work with the GIL released (``0``: one per core).
        The result never depends on ``workers`` or on how the documents are batched.

        >>> Normalizer().normalize_many(["Cats.", "", "Dogs!"], workers=2)
        ['cat .', '', 'dog !']
        """
        texts = _text_list(texts, workers, "normalize_many")
        try:
            return self._native.normalize_many(texts, workers)
        except TypeError:
            _raise_for_non_string(texts, "normalize_many")
            raise

    def spans(self, text: str) -> list[tuple[str, int, int]]:
        """Each output token with where it came from: ``(token, start, end)``.

        ``text[start:end]`` is the word the token was made from (its characters
        in the text, before lower-casing and stemming); a quote the Treebank
        rules rewrote points at the quote it replaced. Offsets are indices into
        ``text`` (code points, as Python counts). The tokens are exactly
        :meth:`tokens`'s.

        >>> Normalizer().spans('"Cannot."')
        [('``', 0, 1), ('can', 1, 4), ('not', 4, 7), ('.', 7, 8), ("''", 8, 9)]

        With ``tokenizer="word_tokenize"``, a token's offsets are those NLTK's
        ``NLTKWordTokenizer().span_tokenize(sentence)`` gives it in its
        sentence, moved by the sentence's start (as
        ``stemline.reference.word_tokenize_spans`` defines them). Where NLTK's
        ``span_tokenize`` raises on a sentence, this raises a ``ValueError``
        naming the sentence's offsets.

        >>> Normalizer(tokenizer="word_tokenize").spans('Hi. "Cannot."')
        [('hi', 0, 2), ('.', 2, 3), ('``', 4, 5), ('can', 5, 8), ('not', 8, 11), ('.', 11, 12), \
("''", 12, 13)]
        """
        return self._native.spans(text)

    def spans_many(
        self, texts: Iterable[str], *, workers: int = 1
    ) -> list[list[tuple[str, int, int]]]:
        """:meth:`spans` of many documents, in order, on ``workers`` threads."""
        texts = _text_list(texts, workers, "spans_many")
        try:
            return self._native.spans_many(texts, workers)
        except TypeError:
            _raise_for_non_string(texts, "spans_many")
            raise

    def cache_info(self) -> list[tuple[int, int]]:
        """``(entries, estimated bytes)`` of each idle worker cache."""
        return self._native.cache_stats()

    def clear_cache(self) -> None:
        """Drops every cached run (output is unaffected)."""
        self._native.clear_cache()


def _native_parts(settings: Settings) -> dict[str, Any]:
    """What the native normalizer is given for ``settings`` beside the stemmer's
    name: the filters' words, and the data of the parts that have some
    (WordNet's lists, a language's Punkt model), each read once per process."""
    parts: dict[str, Any] = {
        "drop_punct": settings.drop_punct,
        "min_length": settings.min_length,
    }
    if settings.stopwords is not None:
        parts["stopwords"] = sorted(filters.stopword_set(settings.stopwords, settings.language))
    if settings.stemmer == "snowball":
        parts["language"] = settings.language
    if settings.stemmer == "wordnet":
        from stemline.lemmatize import wordnet

        parts.update(lemmatizer=wordnet(), pos=settings.pos)
    if settings.tokenizer == "word_tokenize":
        from stemline.tokenize.punkt import _tokenizer

        parts["sentences"] = _tokenizer(settings.language)
    return parts


def _text_list(texts: Iterable[str], workers: int, method: str) -> list[str]:
    """``texts`` as a list, or a clear error for bad arguments (the items are
    checked by the native call, see :func:`_raise_for_non_string`)."""
    if workers < 0:
        raise ValueError(f"workers must be >= 0 (0 means one per core), not {workers}")
    if isinstance(texts, str):
        raise TypeError(f"{method}() takes an iterable of strings, not one string")
    return texts if isinstance(texts, list) else list(texts)


def _raise_for_non_string(texts: list[Any], method: str) -> None:
    """After the native call refused ``texts``: name the first item that is not a str."""
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            raise TypeError(
                f"{method}() takes strings; texts[{i}] is {type(text).__name__}"
            ) from None


@functools.cache
def default_normalizer() -> Normalizer:
    """The shared ``Normalizer("nltk")`` behind the module-level functions."""
    return Normalizer()


def normalize(text: str) -> str:
    """One document to its normalized line, with the default ``"nltk"`` stemmer.

    >>> normalize("The Israeli military's intelligence chief has resigned.")
    "the isra militari ' s intellig chief ha resign ."
    """
    return default_normalizer().normalize(text)


def tokens(text: str) -> list[str]:
    """One document to its normalized tokens, with the default ``"nltk"`` stemmer.

    >>> tokens("Cannot stop.")
    ['can', 'not', 'stop', '.']
    """
    return default_normalizer().tokens(text)


def spans(text: str) -> list[tuple[str, int, int]]:
    """Each output token of ``text`` with its source range, with the default stemmer.

    >>> spans("He cannot.")
    [('he', 0, 2), ('can', 3, 6), ('not', 6, 9), ('.', 9, 10)]
    """
    return default_normalizer().spans(text)


def normalize_many(texts: Iterable[str], *, workers: int = 1) -> list[str]:
    """Many documents to their lines, in order, with the default ``"nltk"`` stemmer.

    >>> normalize_many(["One.", "Two!"])
    ['one .', 'two !']
    """
    return default_normalizer().normalize_many(texts, workers=workers)
