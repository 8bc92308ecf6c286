# Types of the native extension module (crates/stemline-py). Checked against the
# built module by `python -m mypy.stubtest stemline._native` (make lint).

from collections.abc import Callable
from typing import Any, ClassVar, Final, final

from typing_extensions import Self, disjoint_base

__all__ = [
    "CharTables",
    "Normalizer",
    "PorterStemmer",
    "SnowballStemmer",
    "LancasterStemmer",
    "VocabCounter",
    "DEFAULT_CACHE_BYTES",
    "STEMMER_NAMES",
    "SNOWBALL_LANGUAGES",
    "normalize_files",
    "__version__",
]

DEFAULT_CACHE_BYTES: Final[int]
__version__: Final[str]
#: The stemmer names of the core, the default first.
STEMMER_NAMES: Final[tuple[str, ...]]
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

#: One source: (name, path or None, format, announced compression or None, size or None).
_Source = tuple[str, str | None, str, str | None, int | None]

def normalize_files(
    normalizer: Normalizer,
    sources: list[_Source],
    out_fd: int | None,
    *,
    workers: int,
    decode: str,
    empty_bad_records: bool,
    max_doc_bytes: int,
    block_bytes: int,
    max_blocks: int,
    field_path: list[str],
    out_field: str | None,
    out_key_json: bytes,
    out_field_repr: str,
    tolerate: Callable[..., Any],
    json_record: Callable[..., Any],
    progress: Callable[..., Any] | None,
    sink: Callable[[bytes], Any] | None = None,
) -> tuple[int, int, int, int]:
    """Normalizes sources natively to out_fd, or through sink.

    Returns (documents, tokens, input bytes, disk bytes)."""
