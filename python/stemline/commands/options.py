"""Options the corpus commands share: the stemmer, the workers, the filters and the output."""

from __future__ import annotations

import functools
from collections.abc import Callable

import click

from stemline.filters import STOPWORD_LISTS
from stemline.normalizer import STEMMERS, Normalizer


def filter_options(command: Callable) -> Callable:
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
    def wrapper(drop_punct, stopwords, min_length, **kwargs):
        filters = {"drop_punct": drop_punct, "stopwords": stopwords, "min_length": min_length}
        return command(filters=filters, **kwargs)

    for param in reversed(params):
        wrapper = param(wrapper)
    return wrapper


def normalizer_options(command: Callable) -> Callable:
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
    def wrapper(stemmer, filters, **kwargs):
        try:
            normalizer = Normalizer(stemmer, **filters)
        except ImportError as e:  # a stop word list's package is missing
            raise click.UsageError(str(e)) from None
        return command(normalizer=normalizer, **kwargs)

    return wrapper


def output_option(help: str) -> Callable:
    """Click decorator: ``-o/--output``, a file or ``-`` (the default) for standard output."""
    return click.option(
        "-o",
        "--output",
        default="-",
        show_default=True,
        type=click.Path(dir_okay=False, allow_dash=True),
        help=help,
    )
