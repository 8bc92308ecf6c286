"""NLTK's Snowball stemmers (``nltk.stem.snowball``), natively, in all 16 languages.

A drop-in for NLTK 3.10.4's module: :class:`SnowballStemmer` and one class per
language (:class:`GermanStemmer`, :class:`DutchStemmer`, ..., :class:`EnglishStemmer`,
:class:`PorterStemmer`, :class:`ArabicStemmer`), with NLTK's constructors,
attributes and results. Each ``stem(word)`` returns exactly what NLTK's returns, for
every Python string, with and without ``ignore_stopwords``, including where NLTK's
port departs from the Snowball project's current algorithms.

>>> from stemline.snowball import SnowballStemmer, GermanStemmer
>>> SnowballStemmer("german").stem("Autobahnen")
'autobahn'
>>> GermanStemmer().stem("Autobahnen")
'autobahn'
>>> " ".join(SnowballStemmer.languages[:4])
'arabic danish dutch english'

NLTK's stop word lists ship with stemline, so ``ignore_stopwords=True`` needs no
download. ``stopwords`` is NLTK's attribute: one mutable ``set`` that the stemmer
consults on every call.

>>> stemmer = SnowballStemmer("english", ignore_stopwords=True)
>>> stemmer.stem("having")
'having'
>>> stemmer.stopwords.add("running")
>>> stemmer.stem("running")
'running'
"""

from __future__ import annotations

from typing import Any, ClassVar

from stemline import _native, _stemmer_interface, filters
from stemline.stemmers import PorterStemmer as _PorterStemmer

__all__ = [
    "SnowballStemmer",
    "ArabicStemmer",
    "DanishStemmer",
    "DutchStemmer",
    "EnglishStemmer",
    "FinnishStemmer",
    "FrenchStemmer",
    "GermanStemmer",
    "HungarianStemmer",
    "ItalianStemmer",
    "NorwegianStemmer",
    "PorterStemmer",
    "PortugueseStemmer",
    "RomanianStemmer",
    "RussianStemmer",
    "SpanishStemmer",
    "SwedishStemmer",
]


def _stopwords(stemmer: object, language: str, ignore_stopwords: object) -> set[str]:
    """NLTK's ``self.stopwords``: the language's list if ``ignore_stopwords`` (taken
    for its truth value, as NLTK's ``if``), else empty; a new set for each stemmer."""
    if not ignore_stopwords:
        return set()
    if language not in filters.NLTK_STOPWORD_LANGUAGES:
        raise ValueError(
            f"{stemmer!r} has no list of stopwords. Please set 'ignore_stopwords' to 'False'."
        )
    return set(filters.nltk_stopwords(language))


class _LanguageSpecificStemmer(_native.SnowballStemmer):
    """A stemmer of one language, as NLTK's ``_LanguageSpecificStemmer``.

    The native part stems; ``stopwords`` (a ``set``) and, for Arabic, NLTK's
    ``suffixes_verb_step1_success`` travel with a pickle or a copy.
    """

    __slots__ = ()
    _language: ClassVar[str]

    def __new__(cls, ignore_stopwords: object = False) -> Any:
        self = super().__new__(cls, cls._language, set())
        self.stopwords = _stopwords(self, cls._language, ignore_stopwords)
        return self

    def __init__(self, ignore_stopwords: object = False) -> None:
        # Everything is set in __new__.
        pass

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"  # as NLTK's

    def __reduce__(self) -> tuple[Any, ...]:
        state = {
            "stopwords": self.stopwords,
            "suffixes_verb_step1_success": self.suffixes_verb_step1_success,
        }
        return (type(self), (), state)

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.stopwords = state["stopwords"]
        self.suffixes_verb_step1_success = state["suffixes_verb_step1_success"]


class ArabicStemmer(_LanguageSpecificStemmer):
    """NLTK's ``ArabicStemmer``: the Snowball Arabic light stemmer.

    Unlike the others, it neither lower-cases the word nor tests the stop words
    before removing diacritics, tatweel and punctuation marks. As in NLTK, the
    first word that takes a verb suffix in step 1 sets
    ``suffixes_verb_step1_success`` for good, which changes how later words are
    stemmed by the same stemmer.

    >>> ArabicStemmer().stem("\\u0627\\u0644\\u0643\\u062a\\u0627\\u0628")
    '\u0643\u062a\u0627\u0628'
    """

    __slots__ = ()
    _language = "arabic"


class DanishStemmer(_LanguageSpecificStemmer):
    """NLTK's ``DanishStemmer``.

    >>> DanishStemmer().stem("undervisningen")
    'undervisning'
    """

    __slots__ = ()
    _language = "danish"


class DutchStemmer(_LanguageSpecificStemmer):
    """NLTK's ``DutchStemmer`` (the older Dutch algorithm, as NLTK has it).

    >>> DutchStemmer().stem("lichamelijkheden")
    'licham'
    """

    __slots__ = ()
    _language = "dutch"


class EnglishStemmer(_LanguageSpecificStemmer):
    """NLTK's ``EnglishStemmer`` ("Porter2"), with NLTK's departures from Snowball's.

    >>> EnglishStemmer().stem("Generously")
    'generous'
    >>> EnglishStemmer(True).stem("having")
    'having'
    """

    __slots__ = ()
    _language = "english"


class FinnishStemmer(_LanguageSpecificStemmer):
    """NLTK's ``FinnishStemmer``.

    >>> FinnishStemmer().stem("kirjoissa")
    'kirj'
    """

    __slots__ = ()
    _language = "finnish"


class FrenchStemmer(_LanguageSpecificStemmer):
    """NLTK's ``FrenchStemmer``.

    >>> FrenchStemmer().stem("continuellement")
    'continuel'
    """

    __slots__ = ()
    _language = "french"


class GermanStemmer(_LanguageSpecificStemmer):
    """NLTK's ``GermanStemmer``.

    >>> GermanStemmer().stem("Autobahnen")
    'autobahn'
    """

    __slots__ = ()
    _language = "german"


class HungarianStemmer(_LanguageSpecificStemmer):
    """NLTK's ``HungarianStemmer``.

    >>> HungarianStemmer().stem("házakban")
    'ház'
    """

    __slots__ = ()
    _language = "hungarian"


class ItalianStemmer(_LanguageSpecificStemmer):
    """NLTK's ``ItalianStemmer``.

    >>> ItalianStemmer().stem("abbandonata")
    'abbandon'
    """

    __slots__ = ()
    _language = "italian"


class NorwegianStemmer(_LanguageSpecificStemmer):
    """NLTK's ``NorwegianStemmer``.

    >>> NorwegianStemmer().stem("bøkene")
    'bøk'
    """

    __slots__ = ()
    _language = "norwegian"


class PortugueseStemmer(_LanguageSpecificStemmer):
    """NLTK's ``PortugueseStemmer``.

    >>> PortugueseStemmer().stem("informações")
    'inform'
    """

    __slots__ = ()
    _language = "portuguese"


class RomanianStemmer(_LanguageSpecificStemmer):
    """NLTK's ``RomanianStemmer`` (``ţ`` and ``ş`` with a cedilla, as NLTK writes them).

    >>> RomanianStemmer().stem("frumoasele")
    'frumoas'
    """

    __slots__ = ()
    _language = "romanian"


class RussianStemmer(_LanguageSpecificStemmer):
    """NLTK's ``RussianStemmer``.

    As NLTK's, it does not lower-case the word and returns a word with no character
    past U+00FF as it is; it stems a transliteration and writes the stem back in
    Cyrillic.

    >>> RussianStemmer().stem("книгами")
    'книг'
    >>> RussianStemmer().stem("Hello")
    'Hello'
    """

    __slots__ = ()
    _language = "russian"


class SpanishStemmer(_LanguageSpecificStemmer):
    """NLTK's ``SpanishStemmer``.

    >>> SpanishStemmer().stem("chicharrones")
    'chicharron'
    """

    __slots__ = ()
    _language = "spanish"


class SwedishStemmer(_LanguageSpecificStemmer):
    """NLTK's ``SwedishStemmer``.

    >>> SwedishStemmer().stem("klokheten")
    'klok'
    """

    __slots__ = ()
    _language = "swedish"


class PorterStemmer(_PorterStemmer):
    """NLTK's ``nltk.stem.snowball.PorterStemmer``: its Porter stemmer (NLTK's
    extensions) as a Snowball language.

    It has no stop word list: ``PorterStemmer(ignore_stopwords=True)`` raises
    ``ValueError``, as NLTK's does, and ``stopwords`` is an empty set that ``stem``
    does not consult.

    >>> PorterStemmer().stem("Generously")
    'gener'
    """

    __slots__ = ("stopwords",)
    stopwords: set[str]

    def __new__(cls, ignore_stopwords: object = False) -> PorterStemmer:
        self: PorterStemmer = super().__new__(cls, _PorterStemmer.NLTK_EXTENSIONS)
        self.stopwords = _stopwords(self, "porter", ignore_stopwords)
        return self

    def __init__(self, ignore_stopwords: object = False) -> None:
        # Everything is set in __new__.
        pass

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (), {"stopwords": self.stopwords, **self._porter_state()})

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.stopwords = state.pop("stopwords")
        self._set_porter_state(state)


#: Each language's class, by NLTK's name: the class's name without "Stemmer",
#: as NLTK finds it (``globals()[language.capitalize() + "Stemmer"]``).
_CLASSES: dict[str, type[Any]] = {
    cls.__name__.removesuffix("Stemmer").lower(): cls
    for cls in (
        ArabicStemmer,
        DanishStemmer,
        DutchStemmer,
        EnglishStemmer,
        FinnishStemmer,
        FrenchStemmer,
        GermanStemmer,
        HungarianStemmer,
        ItalianStemmer,
        NorwegianStemmer,
        PorterStemmer,
        PortugueseStemmer,
        RomanianStemmer,
        RussianStemmer,
        SpanishStemmer,
        SwedishStemmer,
    )
}


class SnowballStemmer:
    """NLTK's ``SnowballStemmer(language, ignore_stopwords=False)``, natively.

    ``language`` is one of :attr:`languages`; ``stem`` is the stemmer of that
    language (``self.stemmer``, an instance of this module's class for it), and
    ``stopwords`` its set, as in NLTK. With ``ignore_stopwords=True`` the words of
    NLTK's stop word list of the language come back unstemmed (lower-cased, except
    in Arabic and Russian, which NLTK does not lower-case).

    >>> SnowballStemmer("german").stem("Autobahnen")
    'autobahn'
    >>> SnowballStemmer("english", True).stem("having")
    'having'
    >>> SnowballStemmer("porter").stem("Generously")
    'gener'
    """

    #: NLTK's ``SnowballStemmer.languages``.
    languages: ClassVar[tuple[str, ...]] = _native.SNOWBALL_LANGUAGES

    stemmer: Any
    stopwords: set[str]

    def __init__(self, language: str = "english", ignore_stopwords: object = False) -> None:
        if language not in self.languages:
            raise ValueError(f"The language '{language}' is not supported.")
        self.stemmer = _CLASSES[language](ignore_stopwords)
        self.stem = self.stemmer.stem  # type: ignore[method-assign]
        self.stopwords = self.stemmer.stopwords

    def stem(self, token: str) -> str:  # replaced by the stemmer's own in __init__
        """Stems ``token`` exactly as NLTK's ``SnowballStemmer(language).stem`` does."""
        result: str = self.stemmer.stem(token)
        return result


# isinstance(stemmer, nltk.stem.api.StemmerI), as NLTK's stemmers are (its
# SnowballStemmer and each language's class).
_stemmer_interface.register(SnowballStemmer, *_CLASSES.values())
