"""Drop-in replacements for NLTK's English stemmers, natively.

- :class:`PorterStemmer` for ``nltk.stem.porter.PorterStemmer``;
- :class:`SnowballStemmer` for ``nltk.stem.SnowballStemmer("english")`` (and
  ``nltk.stem.snowball.EnglishStemmer``);
- :class:`LancasterStemmer` for ``nltk.stem.lancaster.LancasterStemmer``.

Each ``stem(word)`` returns exactly what NLTK 3.10.4's returns, for every Python
string. The stemmers pickle, copy and deepcopy with their settings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from stemline import _native, filters
from stemline._unicode import char_tables

#: The languages of :class:`SnowballStemmer`.
SNOWBALL_LANGUAGES: tuple[str, ...] = ("english",)


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

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.mode,))


class SnowballStemmer(_native.SnowballStemmer):
    """NLTK's Snowball stemmer for English ("Porter2"), natively.

    ``SnowballStemmer("english")`` stems as ``nltk.stem.SnowballStemmer("english")``
    does, including where NLTK's output differs from the Snowball project's own.
    With ``ignore_stopwords=True`` the words of NLTK's English stop word list
    (``stopwords.words("english")``, bundled) come back lower-cased and unstemmed.
    English is the only language: any other raises ``ValueError``.

    >>> SnowballStemmer("english").stem("Generously")
    'generous'
    >>> SnowballStemmer("english").stem("having")
    'have'
    >>> SnowballStemmer("english", ignore_stopwords=True).stem("having")
    'having'
    """

    __slots__ = ()

    def __new__(cls, language: str = "english", ignore_stopwords: bool = False) -> SnowballStemmer:
        if language != "english":
            raise ValueError(
                f"stemline's SnowballStemmer stems English only ('english'), not {language!r}; "
                "for other languages use nltk.stem.SnowballStemmer"
            )
        ignore = bool(ignore_stopwords)
        words = sorted(filters.stopword_list("nltk")) if ignore else []
        self: SnowballStemmer = super().__new__(cls, ignore, words)
        return self

    def __init__(self, language: str = "english", ignore_stopwords: bool = False) -> None:
        # Everything is set in __new__ (the native part is immutable).
        pass

    @property
    def stopwords(self) -> set[str]:
        """The words left unstemmed (empty unless ``ignore_stopwords``), as NLTK's attribute."""
        return set(filters.stopword_list("nltk")) if self.ignore_stopwords else set()

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), ("english", self.ignore_stopwords))


#: NLTK's check of a Lancaster rule, and its parts (the same two patterns).
_VALID_RULE = re.compile(r"^[a-z]+\*?\d[a-z]*[>\.]?$")
_RULE_PARTS = re.compile(r"^([a-z]+)(\*?)(\d)([a-z]*)([>\.]?)$")


def _canonical_rules(rule_tuple: Iterable[str]) -> list[str]:
    """The rules as NLTK reads them, rewritten in plain ASCII for the native parser.

    NLTK's patterns accept what the native parser would not: a trailing newline
    (``$``) and any Unicode decimal digit (``\\d``, read with ``int``).
    """
    rules = []
    for rule in rule_tuple:
        if not isinstance(rule, str):
            raise TypeError(f"a Lancaster rule is a string, not {type(rule).__name__}")
        parts = _RULE_PARTS.match(rule) if _VALID_RULE.match(rule) else None
        if parts is None:
            raise ValueError(f"The rule {rule} is invalid")
        ending, intact, remove, append, flag = parts.groups()
        rules.append(f"{ending}{intact}{int(remove)}{append}{flag}")
    return rules


class LancasterStemmer(_native.LancasterStemmer):
    """NLTK's Lancaster (Paice/Husk) stemmer, natively.

    ``LancasterStemmer()`` stems as ``nltk.stem.LancasterStemmer()`` does, with its
    default rules; ``strip_prefix_flag=True`` first removes one of NLTK's prefixes
    (``kilo``, ``micro``, ...). A custom ``rule_tuple`` in NLTK's notation is
    supported too; an invalid rule raises ``ValueError`` here, where NLTK raises it
    at the first ``stem`` call.

    >>> LancasterStemmer().stem("Maximum")
    'maxim'
    >>> LancasterStemmer(strip_prefix_flag=True).stem("kilometer")
    'met'
    >>> LancasterStemmer(rule_tuple=("ssen4>", "s1t.")).stem("ness")
    'nest'
    """

    __slots__ = ("_rule_tuple",)
    _rule_tuple: tuple[str, ...] | None

    def __new__(
        cls, rule_tuple: Iterable[str] | None = None, strip_prefix_flag: bool = False
    ) -> LancasterStemmer:
        # NLTK: `rule_tuple if rule_tuple else default_rule_tuple`.
        rules = tuple(rule_tuple) if rule_tuple else None
        native = None if rules is None else _canonical_rules(rules)
        self: LancasterStemmer = super().__new__(
            cls, char_tables(), native, bool(strip_prefix_flag)
        )
        self._rule_tuple = rules
        return self

    def __init__(
        self, rule_tuple: Iterable[str] | None = None, strip_prefix_flag: bool = False
    ) -> None:
        # Everything is set in __new__ (the native part is immutable).
        pass

    @property
    def rule_tuple(self) -> tuple[str, ...] | None:
        """The custom rules given, or ``None`` for NLTK's default rules."""
        return self._rule_tuple

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self._rule_tuple, self.strip_prefix_flag))
