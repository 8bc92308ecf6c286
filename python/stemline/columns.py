"""Columns of optional strings: the null-aware step every integration goes through.

Data frames, Arrow arrays and datasets hold text in columns that may have missing
values. Each of stemline's integrations (``stemline.arrow``, ``.pandas``,
``.polars``, ``.spark``, ``.datasets``) turns its column into a Python list and
calls :func:`normalize_values`: every string becomes its normalized line, every
null stays null in its place, nothing else moves. One native call does the whole
list, so there is no Python call per row.

The normalizer behind them is one per process and configuration
(:func:`shared_normalizer`): its token cache stays warm from batch to batch, and a
Spark or multiprocessing worker builds it once, on first use. Every integration
takes ``stemmer`` and, as keyword arguments, any other setting of
:class:`stemline.Normalizer` (``cache_bytes``, the filters, ...), gathered into
one :class:`~stemline.settings.Settings` by :func:`settings_of`: a new setting
reaches every integration without an edit to any.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any, cast

from stemline.normalizer import Normalizer
from stemline.settings import Settings


def settings_of(stemmer: str = "nltk", **settings: Any) -> Settings:
    """The pipeline settings an integration was given: its ``stemmer`` and any
    other keyword argument of :class:`stemline.Normalizer`, checked (an unknown
    name is a ``TypeError``, a bad value a ``ValueError``).

    >>> settings_of("martin", min_length=2).min_length
    2
    """
    stopwords = settings.get("stopwords")
    if stopwords is not None and not isinstance(stopwords, str):
        # Settings key the per-process normalizers, so they must be hashable.
        settings["stopwords"] = tuple(stopwords)
    return Settings(stemmer=stemmer, **settings).check()


#: The settings of ``Normalizer()``.
DEFAULTS = Settings()


@functools.cache
def shared_normalizer(settings: Settings = DEFAULTS) -> Normalizer:
    """This process's normalizer for ``settings``, built on first use.

    >>> shared_normalizer(settings_of("nltk")) is shared_normalizer(settings_of("nltk"))
    True
    """
    return Normalizer.from_settings(settings)


def normalize_values(
    values: Sequence[str | None],
    *,
    settings: Settings = DEFAULTS,
    workers: int = 1,
    name: str = "values",
    labels: Sequence[Any] | None = None,
) -> list[str | None]:
    """The normalized line of each string of ``values``, ``None`` where it is ``None``.

    Same length and order as ``values``. Anything else than a string or ``None``
    is a ``TypeError`` naming the column (``name``) and the row: its position, or
    ``labels[position]`` when the caller has row labels (a pandas index).

    >>> normalize_values(["Cats.", None, ""])
    ['cat .', None, '']
    """
    normalizer = shared_normalizer(settings)
    values = values if isinstance(values, list) else list(values)
    texts: list[str]
    if None not in values:
        texts = cast("list[str]", values)  # items that are not str: the native call refuses
    else:
        texts = [v for v in values if v is not None]
    try:
        lines = normalizer.normalize_many(texts, workers=workers)
    except TypeError:
        for i, value in enumerate(values):
            if value is not None and not isinstance(value, str):
                row = f"row {i}" if labels is None else f"row {labels[i]!r}"
                raise TypeError(
                    f"{name}: {row} is {type(value).__name__}, not a string or null; "
                    "stemline normalizes text columns only"
                ) from None
        raise
    if texts is values:
        return cast("list[str | None]", lines)
    out = iter(lines)
    return [None if v is None else next(out) for v in values]


def output_column(names: Sequence[str], column: str, output: str | None) -> str:
    """The name of the normalized column to add next to ``column`` among ``names``.

    ``output`` defaults to ``f"{column}_normalized"``. ``column`` must exist once;
    ``output`` must be a new name, or ``column`` itself to replace it: an existing
    column is never overwritten silently.

    >>> output_column(["id", "text"], "text", None)
    'text_normalized'
    """
    names = list(names)
    if names.count(column) != 1:
        found = "does not exist" if column not in names else "is not unique"
        raise ValueError(f"column {column!r} {found}; columns: {', '.join(map(repr, names))}")
    output = f"{column}_normalized" if output is None else output
    if output != column and output in names:
        raise ValueError(
            f"output column {output!r} already exists; name a new column, or the input "
            f"column {column!r} itself to replace it"
        )
    return output
