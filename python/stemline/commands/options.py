"""Options the corpus commands share: the stemmer, the workers, the filters and the output."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from stemline.filters import STOPWORD_LISTS
from stemline.normalizer import STEMMERS, Normalizer


def filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Click decorator: ``--drop-punct``, ``--stopwords``, ``--min-length``, passed on
    as ``filters={...}``, the keyword arguments of :class:`stemline.Normalizer`."""
    params = [
        click.option(
            "--drop-punct",
            is_flag=True,
            help="Drop tokens with no letter or digit (no character c with c.isalnum()).",
        ),
        click.option(
            "--stopwords",
            type=click.Choice(STOPWORD_LISTS),
            help="Drop tokens whose lower-cased word (before stemming) is a stop word "
            "(nltk: NLTK's English list; sklearn: scikit-learn's).",
        ),
        click.option(
            "--min-length",
            type=click.IntRange(min=0),
            default=0,
            metavar="N",
            help="Drop output tokens (stems) shorter than N characters.",
        ),
    ]

    @functools.wraps(command)
    def wrapper(drop_punct: bool, stopwords: str | None, min_length: int, **kwargs: Any) -> Any:
        filters = {"drop_punct": drop_punct, "stopwords": stopwords, "min_length": min_length}
        return command(filters=filters, **kwargs)

    for param in reversed(params):
        wrapper = param(wrapper)
    return wrapper


def normalizer_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Click decorator: ``--stemmer``, ``-j/--workers`` and the filters, passed on as
    ``normalizer=Normalizer(...)`` and ``workers``."""

    @click.option(
        "--stemmer",
        type=click.Choice(STEMMERS),
        default=STEMMERS[0],
        show_default=True,
        help="Porter mode (nltk = NLTK_EXTENSIONS, martin, original), snowball "
        "(NLTK's English Snowball), lancaster, or none for lower-casing only.",
    )
    @click.option(
        "-j",
        "--workers",
        type=click.IntRange(min=0),
        default=0,
        show_default=True,
        help="Threads; 0 means one per core.",
    )
    @filter_options
    @functools.wraps(command)
    def wrapper(stemmer: str, filters: dict[str, Any], **kwargs: Any) -> Any:
        try:
            normalizer = Normalizer(stemmer, **filters)
        except ImportError as e:  # a stop word list's package is missing
            raise click.UsageError(str(e)) from None
        return command(normalizer=normalizer, **kwargs)

    return wrapper


def output_option(help: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Click decorator: ``-o/--output``, a file or ``-`` (the default) for standard output."""
    return click.option(
        "-o",
        "--output",
        default="-",
        show_default=True,
        type=click.Path(dir_okay=False, allow_dash=True),
        help=help,
    )


def run_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Click decorator: ``-q/--quiet`` and ``--stats``, the same on every command."""
    command = click.option(
        "--stats",
        is_flag=True,
        help="Print the summary line on stderr even when it is not a terminal.",
    )(command)
    return click.option(
        "-q",
        "--quiet",
        is_flag=True,
        help="No progress bar and no summary line.",
    )(command)
