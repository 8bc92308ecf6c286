"""Drop-in replacements for NLTK's stemmers, natively.

- :class:`PorterStemmer` for ``nltk.stem.porter.PorterStemmer``;
- :class:`SnowballStemmer` for ``nltk.stem.SnowballStemmer``, in all 16 languages
  (with a class per language in :mod:`stemline.snowball`);
- :class:`LancasterStemmer` for ``nltk.stem.lancaster.LancasterStemmer``.

Each ``stem(word)`` returns exactly what NLTK 3.10.4's returns, for every Python
string. The stemmers pickle, copy and deepcopy with their settings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from stemline import _native, _stemmer_interface
from stemline._unicode import char_tables


class PorterStemmer(_native.PorterStemmer):
    """NLTK's Porter stemmer, natively: same constructor, modes and results.

    Switch existing code by changing one import::

        from stemline import PorterStemmer   # was: from nltk.stem.porter import ...

    ``mode`` is one of ``PorterStemmer.NLTK_EXTENSIONS`` (the default),
    ``PorterStemmer.MARTIN_EXTENSIONS`` or ``PorterStemmer.ORIGINAL_ALGORITHM``
    (or their string values). ``stem(word, to_lowercase=True)`` returns what NLTK
    3.10.4's ``stem`` returns for every string.

    NLTK's attributes are there: ``mode`` (settable), ``pool`` (the dict of
    irregular forms of NLTK's mode, which ``stem`` consults, so a change to it
    counts) and ``vowels``.

    >>> PorterStemmer().stem("Running")
    'run'
    >>> PorterStemmer(PorterStemmer.ORIGINAL_ALGORITHM).stem("as")
    'a'
    >>> stemmer = PorterStemmer()
    >>> stemmer.pool["geese"] = "goose"
    >>> stemmer.stem("Geese")
    'goose'
    """

    __slots__ = ()

    def _porter_state(self) -> dict[str, Any]:
        state: dict[str, Any] = {"mode": self.mode}
        if hasattr(self, "pool"):
            state["pool"] = self.pool
        return state

    def _set_porter_state(self, state: dict[str, Any]) -> None:
        self.mode = state["mode"]
        if "pool" in state:
            self.pool = state["pool"]
        elif hasattr(self, "pool"):
            del self.pool

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.mode,), self._porter_state())

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._set_porter_state(state)


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


# isinstance(stemmer, nltk.stem.api.StemmerI), as NLTK's stemmers are.
_stemmer_interface.register(PorterStemmer, LancasterStemmer)


def __getattr__(name: str) -> Any:
    # The Snowball stemmers live in stemline.snowball, which imports this module
    # (its PorterStemmer is this one's): found there on first use.
    if name == "SnowballStemmer":
        from stemline.snowball import SnowballStemmer

        return SnowballStemmer
    raise AttributeError(f"module 'stemline.stemmers' has no attribute {name!r}")
