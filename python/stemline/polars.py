"""polars text Series and expressions, normalized (``pip install "stemline[polars]"``).

>>> import polars as pl
>>> from stemline import polars as sp
>>> sp.normalize(pl.Series("text", ["The cats sat.", None, ""])).to_list()
['the cat sat .', None, '']
>>> df = pl.DataFrame({"text": ["Running!", None]})
>>> df.with_columns(sp.normalize(pl.col("text")).alias("norm"))["norm"].to_list()
['run !', None]

An expression runs on whole Series (``map_batches``), one native call per batch.
"""

from __future__ import annotations

import functools
from typing import Any

from stemline.extras import missing_extra

try:
    import polars as pl
except ImportError as e:
    raise missing_extra("stemline.polars", "polars", e, "polars") from e

from stemline.columns import normalize_values, settings_of
from stemline.settings import Settings

__all__ = ["normalize"]


def _normalize_series(series: pl.Series, *, settings: Settings, workers: int) -> pl.Series:
    name = f"series {series.name!r}"
    if series.dtype != pl.String:
        raise TypeError(
            f"{name} has dtype {series.dtype}; stemline normalizes String columns "
            "(cast first, e.g. .cast(pl.String))"
        )
    lines = normalize_values(series.to_list(), settings=settings, workers=workers, name=name)
    return pl.Series(series.name, lines, dtype=pl.String)


def normalize(
    data: pl.Series | pl.Expr,
    *,
    stemmer: str = "nltk",
    workers: int = 1,
    **settings: Any,
) -> pl.Series | pl.Expr:
    """A String ``Series`` to its normalized ``Series`` (same name, nulls kept), or
    an expression to the expression that normalizes it.

    ``stemmer``, ``workers`` and any other keyword argument (``cache_bytes``,
    ``drop_punct``, ``stopwords``, ``min_length``, ...) are those of
    :class:`stemline.Normalizer`.

    >>> out = normalize(pl.Series("t", ["He's", None]))
    >>> out.name, out.dtype, out.to_list()
    ('t', String, ["he ' s", None])
    """
    options: dict[str, Any] = {"settings": settings_of(stemmer, **settings), "workers": workers}
    if isinstance(data, pl.Series):
        return _normalize_series(data, **options)
    if isinstance(data, pl.Expr):
        return data.map_batches(
            functools.partial(_normalize_series, **options),
            return_dtype=pl.String,
            is_elementwise=True,
        )
    raise TypeError(f"expected a polars Series or Expr, not {type(data).__name__}")
