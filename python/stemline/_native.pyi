# Types of the native extension module (crates/stemline-py). Checked against the
# built module by `python -m mypy.stubtest stemline._native` (make lint).

from collections.abc import Callable, Sequence
from typing import Any, ClassVar, Final, Protocol, final

from typing_extensions import Self, disjoint_base

__all__ = [
    "CharTables",
    "Normalizer",
    "PorterStemmer",
    "SnowballStemmer",
    "LancasterStemmer",
    "NLTKWordTokenizer",
    "WordTokenize",
    "VocabCounter",
    "PunktCharTables",
    "PunktParameters",
    "PunktSentenceTokenizer",
    "WordNet",
    "WordNetLemmatizer",
    "DEFAULT_CACHE_BYTES",
    "STEMMER_NAMES",
    "NATIVE_FORMATS",
    "NativeInputError",
    "SNOWBALL_LANGUAGES",
    "normalize_files",
    "offsets_many",
    "offsets_in_parts",
    "__version__",
]

DEFAULT_CACHE_BYTES: Final[int]
__version__: Final[str]
#: The stemmer names of the core, the default first.
STEMMER_NAMES: Final[tuple[str, ...]]
#: The input formats the native corpus job reads.
NATIVE_FORMATS: Final[tuple[str, ...]]
#: NLTK's SnowballStemmer.languages, in its order.
SNOWBALL_LANGUAGES: Final[tuple[str, ...]]

_Ranges = list[tuple[int, int]]
_Span = tuple[str, int, int]
#: (stem, count, documents, [(surface, count), ...])
_StemRow = tuple[str, int, int, list[tuple[str, int]]]

@final
class CharTables:
    def __new__(
        cls,
        word: _Ranges,
        space: _Ranges,
        re_word: _Ranges,
        split_space: _Ranges,
        alpha: _Ranges,
        ignore_case: list[tuple[str, int]],
        regex_digit: _Ranges,
        regex_ignore_case: list[tuple[str, int]],
    ) -> CharTables: ...

@final
class Normalizer:
    def __new__(
        cls,
        tables: CharTables,
        stemmer: str,
        cache_bytes: int,
        *,
        drop_punct: bool = False,
        stopwords: list[str] = ...,
        min_length: int = 0,
        piece_bytes: int = ...,
        language: str = "english",
        lemmatizer: WordNet | None = None,
        pos: str = ...,
        sentences: PunktSentenceTokenizer | None = None,
    ) -> Normalizer: ...
    @property
    def cache_bytes(self) -> int: ...
    def normalize(self, text: str) -> str: ...
    def tokens(self, text: str) -> list[str]: ...
    def normalize_many(self, texts: list[str], workers: int) -> list[str]: ...
    def spans(self, text: str) -> list[_Span]: ...
    def spans_many(self, texts: list[str], workers: int) -> list[list[_Span]]: ...
    def count_many(self, counter: VocabCounter, texts: list[str], workers: int) -> list[int]: ...
    def cache_stats(self) -> list[tuple[int, int]]: ...
    def clear_cache(self) -> None: ...

@final
class PunktCharTables:
    def __new__(
        cls,
        space: _Ranges,
        str_space: _Ranges,
        word_not_digit: _Ranges,
        digit: _Ranges,
        upper: _Ranges,
        lower: _Ranges,
        cased: _Ranges,
        case_ignorable: _Ranges,
        lowercase: list[tuple[int, str]],
    ) -> PunktCharTables: ...
    def lower(self, text: str) -> str: ...

@final
class PunktParameters:
    def __new__(cls, bundle: bytes) -> PunktParameters: ...
    @staticmethod
    def from_punkt_tab(
        abbrev_types: bytes, collocations: bytes, sent_starters: bytes, ortho_context: bytes
    ) -> PunktParameters: ...
    def contents(
        self,
    ) -> tuple[list[str], list[tuple[str, str]], list[str], dict[str, int]]: ...

_SentenceSpan = tuple[int, int]

@final
class PunktSentenceTokenizer:
    def __new__(
        cls, params: PunktParameters, tables: PunktCharTables
    ) -> PunktSentenceTokenizer: ...
    def span_tokenize(self, text: str, realign_boundaries: bool = True) -> list[_SentenceSpan]: ...
    def tokenize(self, text: str, realign_boundaries: bool = True) -> list[str]: ...
    def tokenize_many(
        self, texts: list[str], workers: int, realign_boundaries: bool = True
    ) -> list[list[str]]: ...
    def span_tokenize_many(
        self, texts: list[str], workers: int, realign_boundaries: bool = True
    ) -> list[list[_SentenceSpan]]: ...
    def text_contains_sentbreak(self, text: str) -> bool: ...

@final
class VocabCounter:
    def __new__(cls) -> VocabCounter: ...
    def totals(self) -> tuple[int, int]: ...
    def rows(self) -> list[_StemRow]: ...

# Subclassed by stemline.stemmers.PorterStemmer; its instances have a native layout.
@disjoint_base
class PorterStemmer:
    NLTK_EXTENSIONS: ClassVar[str]
    MARTIN_EXTENSIONS: ClassVar[str]
    ORIGINAL_ALGORITHM: ClassVar[str]
    def __new__(cls, mode: str | None = None) -> Self: ...
    @property
    def mode(self) -> str: ...
    @mode.setter
    def mode(self, value: str) -> None: ...
    @property
    def pool(self) -> dict[str, str]: ...
    @pool.setter
    def pool(self, value: Any) -> None: ...
    @pool.deleter
    def pool(self) -> None: ...
    @property
    def vowels(self) -> frozenset[str]: ...
    def stem(self, word: str, to_lowercase: object = ...) -> str: ...

# Subclassed by the classes of stemline.snowball, one per language.
@disjoint_base
class SnowballStemmer:
    def __new__(cls, language: str, stopwords: Any) -> Self: ...
    stopwords: Any
    @property
    def language(self) -> str: ...
    @property
    def suffixes_verb_step1_success(self) -> bool: ...
    @suffixes_verb_step1_success.setter
    def suffixes_verb_step1_success(self, value: bool) -> None: ...
    def stem(self, word: str) -> str: ...

# Subclassed by stemline.stemmers.LancasterStemmer.
@disjoint_base
class LancasterStemmer:
    def __new__(
        cls, tables: CharTables, rules: list[str] | None, strip_prefix_flag: bool
    ) -> Self: ...
    @property
    def strip_prefix_flag(self) -> bool: ...
    def stem(self, word: str) -> str: ...

#: WordNet's lemma and exception lists (stemline.lemmatize.wordnet() holds the one).
@final
class WordNet:
    def __new__(cls, data: bytes) -> WordNet: ...
    def lemmas(self, pos: str) -> list[str]: ...
    def exceptions(self, pos: str) -> dict[str, list[str]]: ...
    @staticmethod
    def substitutions(pos: str) -> list[tuple[str, str]]: ...

# Subclassed by stemline.lemmatize.WordNetLemmatizer.
@disjoint_base
class WordNetLemmatizer:
    def __new__(cls, wordnet: WordNet) -> Self: ...
    @property
    def wordnet(self) -> WordNet: ...
    def lemmatize(self, word: str, pos: str = "n") -> str: ...
    def lemmatize_many(self, words: Sequence[str], pos: str = "n") -> list[str]: ...

# Subclassed by stemline.tokenize.destructive.NLTKWordTokenizer.
@disjoint_base
class NLTKWordTokenizer:
    def __new__(
        cls, tables: CharTables, cache_bytes: int, *, piece_bytes: int = ..., max_ids: int = ...
    ) -> Self: ...
    @property
    def cache_bytes(self) -> int: ...
    def tokenize(self, text: str, convert_parentheses: bool) -> list[str]: ...
    def spans(self, text: str) -> list[tuple[int, int]]: ...
    def tokenize_many(
        self, texts: list[str], convert_parentheses: bool, workers: int
    ) -> list[list[str]]: ...
    def spans_many(self, texts: list[str], workers: int) -> list[list[tuple[int, int]]]: ...
    def cache_stats(self) -> list[tuple[int, int]]: ...
    def clear_cache(self) -> None: ...

@final
class WordTokenize:
    def __new__(
        cls,
        tables: CharTables,
        sentences: PunktSentenceTokenizer,
        cache_bytes: int,
        *,
        max_ids: int = ...,
    ) -> WordTokenize: ...
    def tokenize(self, text: str) -> list[str]: ...
    def tokenize_many(self, texts: list[str], workers: int) -> list[list[str]]: ...
    def cache_stats(self) -> list[tuple[int, int]]: ...

def offsets_many(normalizer: Normalizer, texts: list[str]) -> list[tuple[str, str]]:
    """(line, offsets as JSON text) of each text, for --offsets output."""

def offsets_in_parts(
    normalizer: Normalizer,
    text: str,
    part_bytes: int,
    line_sink: Callable[[str], Any],
    offsets_sink: Callable[[str], Any],
) -> int:
    """One long text's line, then its offsets as JSON text, each handed to its
    sink in parts; returns the number of tokens."""

#: One source: (name, path or None, format, announced compression or None, size or None).
_Source = tuple[str, str | None, str, str | None, int | None]

class _InputSettings(Protocol):
    @property
    def on_decode_error(self) -> str: ...
    @property
    def on_bad_record(self) -> str: ...
    @property
    def max_doc_bytes(self) -> int: ...
    @property
    def batch_bytes(self) -> int: ...
    @property
    def field(self) -> str: ...

class _OutputSettings(Protocol):
    @property
    def field(self) -> str: ...

class _Settings(Protocol):
    @property
    def inputs(self) -> _InputSettings: ...
    @property
    def output(self) -> _OutputSettings: ...
    @property
    def output_format(self) -> str: ...
    @property
    def workers(self) -> int: ...
    @property
    def block_bytes(self) -> int: ...

class _Hooks(Protocol):
    @property
    def tolerate(self) -> Callable[[str, int | None, int | None, str], object]: ...
    @property
    def json_record(self) -> Callable[[str], tuple[Any, ...]]: ...
    @property
    def progress(self) -> Callable[[int, int], object] | None: ...

class NativeInputError(Exception):
    """Bad input found by the native corpus job; args: (name, line or None, byte
    offset or None, message, hint or None)."""

def normalize_files(
    normalizer: Normalizer,
    sources: list[_Source],
    settings: _Settings,
    hooks: _Hooks,
    target: int | Callable[[bytes], object],
) -> tuple[int, int, int, int]:
    """Normalizes sources natively to target (an open file descriptor, or a
    callable taking each block's bytes).

    Returns (documents, tokens, input bytes, disk bytes)."""
