"""An MkDocs hook: the site's lists of stemmers, stop word lists, formats and
compressions, and the stemmer tables, generated from the code when the site is
built, so that the next stemmer or format appears on every page by itself.

A page writes ``{{ name }}`` (or ``{{ name:argument }}``) where a generated fragment
goes; an unknown name fails the build. The names are the keys of :data:`FRAGMENTS`.
Written as code (in backticks) a placeholder stays as written.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import stemline
from stemline import _native, filters
from stemline.corpus.formats import FORMATS, INPUT_FORMATS, OUTPUT_FORMATS, Format
from stemline.settings import TOKENIZERS
from stemline.tokenize.punkt import LANGUAGES as PUNKT_LANGUAGES

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # docs/, for stemmers_tables
from stemmers_tables import stemmer_table, stopword_table  # noqa: E402


def formats() -> list[Format]:
    """The corpus formats, from the corpus layer's one table."""
    return list(FORMATS.values())


def compressions() -> dict[str, str]:
    """Name ending -> compression."""
    from stemline.corpus.compression import EXTENSIONS

    return dict(EXTENSIONS)


def code_list(items: Iterable[str]) -> str:
    """Each item as code, separated by commas."""
    return ", ".join(f"`{item}`" for item in items)


def format_extensions(name: str) -> str:
    for format in formats():
        if format.name == name:
            return code_list(format.endings)
    raise ValueError(f"no format {name!r}; known: {', '.join(f.name for f in formats())}")


#: Placeholder name -> the Markdown it stands for (given the argument after ``:``).
FRAGMENTS: dict[str, Callable[[str], str]] = {
    "stemmers": lambda _: code_list(stemline.STEMMERS),
    "snowball_language_count": lambda _: str(len(_native.SNOWBALL_LANGUAGES)),
    "stopword_language_count": lambda _: str(len(filters.NLTK_STOPWORD_LANGUAGES)),
    "snowball_languages": lambda _: code_list(_native.SNOWBALL_LANGUAGES),
    "punkt_languages": lambda _: code_list(PUNKT_LANGUAGES),
    "stopword_languages": lambda _: code_list(filters.NLTK_STOPWORD_LANGUAGES),
    "tokenizers": lambda _: code_list(TOKENIZERS),
    "stopword_lists": lambda _: code_list(filters.STOPWORD_LISTS),
    "input_formats": lambda _: code_list(INPUT_FORMATS),
    "output_formats": lambda _: code_list(OUTPUT_FORMATS),
    "format_extensions": format_extensions,
    "output_extensions": lambda _: code_list(
        ext for f in formats() if f.writer for ext in f.endings
    ),
    "compression_extensions": lambda _: code_list(compressions()),
    "stemmer_table": lambda _: stemmer_table(),
    "stopword_table": lambda _: stopword_table(),
}

# A placeholder written as code (`{{ stemmers }}`, as the development guide names
# them) is left as it is: every fragment is Markdown of its own, never code.
_PLACEHOLDER = re.compile(r"(?<!`)\{\{ *([a-z_]+)(?::([\w.-]+))? *\}\}(?!`)")


def expand(markdown: str, where: str = "the page") -> str:
    """``markdown`` with each placeholder replaced by its fragment.

    >>> expand("One of {{ stopword_lists }}; a page writes `{{ stopword_lists }}`.")
    'One of `nltk`, `sklearn`; a page writes `{{ stopword_lists }}`.'
    """

    def fragment(match: re.Match[str]) -> str:
        name, argument = match.group(1), match.group(2) or ""
        if name not in FRAGMENTS:
            raise ValueError(
                f"{where}: unknown placeholder {match.group()}; known: {list(FRAGMENTS)}"
            )
        return FRAGMENTS[name](argument)

    return _PLACEHOLDER.sub(fragment, markdown)


def on_page_markdown(markdown: str, *, page: Any, **kwargs: Any) -> str:
    return expand(markdown, page.file.src_uri)
