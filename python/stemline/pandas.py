"""pandas text Series to their normalized counterparts (``pip install "stemline[pandas]"``).

>>> import pandas as pd
>>> from stemline import pandas as sp
>>> sp.normalize(pd.Series(["The cats sat.", None, ""], dtype=object)).tolist()
['the cat sat .', None, '']

Works on ``object`` and string dtypes alike, so ``df["text"].pipe(sp.normalize)``
fits a method chain. Needs nothing but pandas (no pyarrow).
"""

from __future__ import annotations

from typing import Any

from stemline.extras import missing_extra

try:
    import numpy as np
    import pandas as pd
except ImportError as e:
    raise missing_extra("stemline.pandas", "pandas", e, "pandas") from e

from stemline.columns import normalize_values, settings_of

__all__ = ["normalize"]


def normalize(
    series: pd.Series,
    *,
    stemmer: str = "nltk",
    workers: int = 1,
    **settings: Any,
) -> pd.Series:
    """The normalized line of every string of ``series``, with its index and name.

    ``stemmer``, ``workers`` and any other keyword argument (``cache_bytes``,
    ``drop_punct``, ``stopwords``, ``min_length``, ...) are those of
    :class:`stemline.Normalizer`.

    Missing values (``None``, ``NaN``, ``pd.NA``) stay as they were, in place. A
    string dtype (``"string"``, pandas 3's ``"str"``) is kept; anything else comes
    back as ``object``. A value that is neither text nor missing is a
    ``TypeError`` naming the series and the row's index label.

    >>> s = pd.Series(["Dogs barked", None], index=["a", "b"], dtype="string")
    >>> normalize(s)
    a    dog bark
    b        <NA>
    dtype: string
    """
    if not isinstance(series, pd.Series):
        raise TypeError(f"expected a pandas Series, not {type(series).__name__}")
    present = series.notna().to_numpy(dtype=bool)
    rows = np.flatnonzero(present)
    name = "series" if series.name is None else f"series {series.name!r}"
    lines = normalize_values(
        series.iloc[rows].tolist(),
        settings=settings_of(stemmer, **settings),
        workers=workers,
        name=name,
        labels=series.index[rows],
    )
    if isinstance(series.dtype, pd.StringDtype):
        result = series.copy()
    else:
        result = series.astype(object)  # a copy
    result.iloc[rows] = lines
    return result
