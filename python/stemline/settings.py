"""Settings, each declared once: the pipeline's, and how options are declared.

A setting is one field of a settings object (a ``NamedTuple``): its name, type
and default, and, in its ``Annotated`` type, an :class:`Option` saying how the
command line offers it. Everything else is made from that one declaration:
the command line's option (``stemline.commands.options`` builds the click
options from the fields), the object passed down to the native job, what a
``--resume`` run checks, and the keyword arguments of the API and the
integrations. So a new setting is one field plus the code that uses it.

:class:`Settings` is the pipeline's: what :class:`stemline.Normalizer` does to
a document. The corpus layer declares its input settings the same way
(:class:`stemline.corpus.InputSpec`).

>>> Settings(stemmer="snowball", min_length=2).stemmer
'snowball'
>>> [name for name, _ in options(Settings)]
['stemmer', 'language', 'tokenizer', 'pos', 'drop_punct', 'stopwords', 'min_length']
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable, Collection, Iterator, Sequence
from typing import Annotated, Any, NamedTuple, get_type_hints

from stemline import _native

STEMMERS: tuple[str, ...] = _native.STEMMER_NAMES
"""Stemmer names accepted by :class:`Normalizer` (and ``--stemmer``), the default
first: the Porter modes ``nltk`` (NLTK_EXTENSIONS), ``martin``
(MARTIN_EXTENSIONS) and ``original`` (ORIGINAL_ALGORITHM); ``snowball``
(``SnowballStemmer("english")``); ``lancaster`` (``LancasterStemmer()``); and
``none`` (``str.lower()`` only). The native core's list, the only one."""

DEFAULT_CACHE_BYTES: int = _native.DEFAULT_CACHE_BYTES
"""Default memory bound of each worker's token cache, in bytes (2 MiB)."""

TOKENIZERS: tuple[str, ...] = ("treebank", "word_tokenize")
"""How a document is cut into tokens, the default first: ``treebank``,
NLTK's ``TreebankWordTokenizer`` over ``wordpunct_tokenize``'s tokens (the
classic normalization); ``word_tokenize``, ``nltk.word_tokenize(text,
language)`` (Punkt's sentences, then ``NLTKWordTokenizer`` in each)."""

POS: tuple[str, ...] = ("n", "v", "a", "r", "s")
"""The parts of speech of the ``wordnet`` lemmatizer, as NLTK names them: noun
(the default), verb, adjective, adverb, satellite adjective."""


class Option(NamedTuple):
    """How the command line offers a setting (the metadata of its ``Annotated`` type).

    ``kind`` is ``choice`` (one of ``choices()``), ``flag``, ``count`` (an
    integer, at least ``minimum``), ``size`` (bytes: ``64M``), ``text`` or
    ``many`` (a repeatable text). ``flags`` are the option's names (default:
    ``--`` and the setting's name with dashes); ``dest`` is the name click
    passes it under when that differs from the setting's (a name Python
    reserves, like ``format``).
    """

    help: str
    kind: str = "text"
    choices: Callable[[], Sequence[str]] | None = None
    flags: tuple[str, ...] = ()
    metavar: str | None = None
    minimum: int = 0
    #: The setting is for the API only (no command-line option).
    api_only: bool = False


def _stopword_lists() -> Sequence[str]:
    from stemline.filters import NLTK_STOPWORD_LANGUAGES, STOPWORD_LISTS

    return (*STOPWORD_LISTS, *(f"nltk:{language}" for language in NLTK_STOPWORD_LANGUAGES))


def _language_users(settings: Settings) -> list[tuple[str, tuple[str, ...]]]:
    """Each part of a pipeline that reads ``language``, with its languages."""
    from stemline.filters import NLTK_STOPWORD_LANGUAGES
    from stemline.tokenize.punkt import LANGUAGES as PUNKT_LANGUAGES

    users = []
    if settings.stemmer == "snowball":
        users.append(("the snowball stemmer's languages", _native.SNOWBALL_LANGUAGES))
    if settings.tokenizer == "word_tokenize":
        users.append(("word_tokenize's (Punkt's) languages", PUNKT_LANGUAGES))
    if settings.stopwords == "nltk":
        users.append(("the languages of NLTK's stop word lists", NLTK_STOPWORD_LANGUAGES))
    return users


def languages() -> tuple[str, ...]:
    """Every language some part of a pipeline offers (each part says which it
    has: see :meth:`Settings.check`)."""
    from stemline.filters import NLTK_STOPWORD_LANGUAGES
    from stemline.tokenize.punkt import LANGUAGES as PUNKT_LANGUAGES

    every = {*_native.SNOWBALL_LANGUAGES, *PUNKT_LANGUAGES, *NLTK_STOPWORD_LANGUAGES}
    return tuple(sorted(every))


class Settings(NamedTuple):
    """What a normalizer does to each document; see :class:`stemline.Normalizer`."""

    stemmer: Annotated[
        str,
        Option(
            "Porter mode (nltk = NLTK_EXTENSIONS, martin, original), snowball "
            "(NLTK's Snowball, in --language), lancaster, wordnet (NLTK's WordNet "
            "lemmatizer, as --pos), or none for lower-casing only.",
            kind="choice",
            choices=lambda: STEMMERS,
        ),
    ] = "nltk"
    language: Annotated[
        str,
        Option(
            "The language of the snowball stemmer, of word_tokenize's sentences and of "
            "--stopwords nltk.",
            kind="choice",
            choices=languages,
        ),
    ] = "english"
    tokenizer: Annotated[
        str,
        Option(
            "treebank: NLTK's Treebank rules over wordpunct_tokenize's tokens; "
            "word_tokenize: NLTK's word_tokenize (Punkt sentences in --language).",
            kind="choice",
            choices=lambda: TOKENIZERS,
        ),
    ] = "treebank"
    pos: Annotated[
        str,
        Option(
            "With --stemmer wordnet: the part of speech every token is lemmatized as "
            "(n noun, v verb, a adjective, r adverb, s satellite adjective).",
            kind="choice",
            choices=lambda: POS,
        ),
    ] = "n"
    drop_punct: Annotated[
        bool,
        Option(
            "Drop tokens with no letter or digit (no character c with c.isalnum()).",
            kind="flag",
        ),
    ] = False
    stopwords: Annotated[
        str | Collection[str] | None,
        Option(
            "Drop tokens whose lower-cased word (before stemming) is a stop word "
            "(nltk: NLTK's list in --language; nltk:LANGUAGE: in another; sklearn: "
            "scikit-learn's English list).",
            kind="choice",
            choices=_stopword_lists,
        ),
    ] = None
    min_length: Annotated[
        int,
        Option("Drop output tokens (stems) shorter than N characters.", kind="count", metavar="N"),
    ] = 0
    cache_bytes: Annotated[
        int, Option("Memory bound of each worker's token cache.", api_only=True)
    ] = DEFAULT_CACHE_BYTES

    def check(self, *, also_reading_language: Sequence[tuple[str, Sequence[str]]] = ()) -> Settings:
        """These settings, or a ``ValueError`` naming the first that cannot be.

        ``also_reading_language`` names what else reads ``language`` beside the
        pipeline's parts, with its languages (``stemline sentences`` splits
        sentences in it)."""
        if self.stemmer not in STEMMERS:
            raise ValueError(
                f"stemmer must be one of {', '.join(map(repr, STEMMERS))}, not {self.stemmer!r}"
            )
        for name in ("cache_bytes", "min_length"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be >= 0, not {getattr(self, name)}")
        if self.tokenizer not in TOKENIZERS:
            raise ValueError(
                f"tokenizer must be one of {', '.join(map(repr, TOKENIZERS))}, "
                f"not {self.tokenizer!r}"
            )
        if self.pos not in POS:
            raise ValueError(f"pos must be one of {', '.join(map(repr, POS))}, not {self.pos!r}")
        if self.pos != "n" and self.stemmer != "wordnet":
            raise ValueError("pos applies to the wordnet lemmatizer only (stemmer='wordnet')")
        if self.stemmer == "snowball" and self.language == "arabic":
            # NLTK's ArabicStemmer remembers one fact about the words it stemmed
            # before (suffixes_verb_step1_success never goes back to False), so
            # a token's stem depends on the tokens before it: a normalizer,
            # which stems each distinct run once, cannot promise NLTK's output.
            raise ValueError(
                "the arabic Snowball stemmer keeps state from word to word in NLTK, "
                "so it is offered alone (stemline.snowball.ArabicStemmer), not in a "
                "normalizer"
            )
        users = [*_language_users(self), *also_reading_language]
        if self.language != "english" and not users:
            raise ValueError(
                f"language={self.language!r} applies to the snowball stemmer, the "
                "word_tokenize tokenizer and stopwords='nltk'; none of them is chosen"
            )
        for what, languages in users:
            if self.language not in languages:
                raise ValueError(
                    f"language {self.language!r} is not one of {what}: {', '.join(languages)}"
                )
        return self


def options(settings: type[tuple[Any, ...]]) -> Iterator[tuple[str, Option]]:
    """``(name, option)`` of each field of a settings class that the command line offers."""
    for name, option in _declared(settings):
        if not option.api_only:
            yield name, option


@functools.cache
def _declared(settings: type[tuple[Any, ...]]) -> tuple[tuple[str, Option], ...]:
    module = sys.modules[settings.__module__]
    hints = get_type_hints(settings, vars(module), include_extras=True)
    found: list[tuple[str, Option]] = []
    for name in settings._fields:  # type: ignore[attr-defined]
        found.extend(
            (name, m) for m in getattr(hints[name], "__metadata__", ()) if isinstance(m, Option)
        )
    return tuple(found)
