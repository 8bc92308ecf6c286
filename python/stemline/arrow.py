"""Arrow string arrays to their normalized counterparts (``pip install "stemline[arrow]"``).

>>> import pyarrow as pa
>>> from stemline import arrow
>>> arrow.normalize(pa.array(["The cats sat.", None, ""])).to_pylist()
['the cat sat .', None, '']

The result has the input's type (``string`` or ``large_string``), its length, its
nulls in the same places and, for a ``ChunkedArray``, the same chunks. Record
batches and tables get a normalized column with :func:`normalize_column`; this is
what ``stemline.spark`` runs on each batch.
"""

from __future__ import annotations

from typing import Any

from stemline.extras import missing_extra

try:
    import pyarrow as pa
except ImportError as e:
    raise missing_extra("stemline.arrow", "arrow", e, "pyarrow") from e

from stemline.columns import normalize_values, output_column, settings_of

__all__ = ["normalize", "normalize_column"]


def _check_type(type_: pa.DataType, name: str) -> None:
    if not (pa.types.is_string(type_) or pa.types.is_large_string(type_)):
        raise TypeError(
            f"{name}: Arrow type {type_} cannot be normalized; stemline takes string or "
            "large_string arrays (cast first, e.g. array.cast(pa.string()))"
        )


def _rebuild(lines: list[str | None], type_: pa.DataType) -> pa.Array:
    # pa.array() returns a ChunkedArray when the lines overflow one `string`
    # array (2 GiB of text); that is returned as is.
    return pa.array(lines, type=type_)


def normalize(
    array: pa.Array | pa.ChunkedArray,
    *,
    stemmer: str = "nltk",
    workers: int = 1,
    name: str = "array",
    **settings: Any,
) -> pa.Array | pa.ChunkedArray:
    """The normalized line of every string of ``array``; nulls stay null.

    ``stemmer``, ``workers`` and any other keyword argument (``cache_bytes``,
    ``drop_punct``, ``stopwords``, ``min_length``, ...) are those of
    :class:`stemline.Normalizer`; the normalizer is built once per process and
    reused by every later call with the same settings. ``name`` is how errors
    refer to the array.

    >>> import pyarrow as pa
    >>> chunks = pa.chunked_array([["Running!"], [None, "He's"]], type=pa.large_string())
    >>> out = normalize(chunks)
    >>> out.type, [c.to_pylist() for c in out.chunks]
    (DataType(large_string), [['run !'], [None, "he ' s"]])
    """
    if not isinstance(array, (pa.Array, pa.ChunkedArray)):
        raise TypeError(
            f"{name}: expected a pyarrow Array or ChunkedArray, not {type(array).__name__} "
            "(wrap it with pa.array(...))"
        )
    _check_type(array.type, name)
    lines = normalize_values(
        array.to_pylist(),
        settings=settings_of(stemmer, **settings),
        workers=workers,
        name=name,
    )
    if isinstance(array, pa.Array):
        return _rebuild(lines, array.type)
    chunks: list[pa.Array] = []
    start = 0
    for chunk in array.chunks:
        part = _rebuild(lines[start : start + len(chunk)], array.type)
        chunks.extend(part.chunks if isinstance(part, pa.ChunkedArray) else [part])
        start += len(chunk)
    return pa.chunked_array(chunks, type=array.type)


def normalize_column(
    data: pa.RecordBatch | pa.Table,
    column: str,
    *,
    output: str | None = None,
    stemmer: str = "nltk",
    workers: int = 1,
    **settings: Any,
) -> pa.RecordBatch | pa.Table:
    """``data`` with the normalized ``column`` added as ``output``.

    ``output`` defaults to ``f"{column}_normalized"`` and is appended after the
    last column. Naming the input column itself replaces it in place; naming any
    other existing column is an error (nothing is overwritten silently).

    >>> import pyarrow as pa
    >>> table = pa.table({"id": [1, 2], "text": ["Cats ran.", None]})
    >>> normalize_column(table, "text").to_pydict()
    {'id': [1, 2], 'text': ['Cats ran.', None], 'text_normalized': ['cat ran .', None]}
    """
    names = data.schema.names
    output = output_column(names, column, output)
    position = names.index(column)
    field = data.schema.field(position)
    out = normalize(
        data.column(position),
        stemmer=stemmer,
        workers=workers,
        name=f"column {column!r}",
        **settings,
    )
    if isinstance(data, pa.RecordBatch) and isinstance(out, pa.ChunkedArray):
        raise ValueError(
            f"column {column!r}: the normalized batch exceeds one {field.type} array; "
            "use smaller batches or large_string"
        )
    new_field = pa.field(output, field.type, nullable=field.nullable)
    if output == column:
        return data.set_column(position, new_field, out)
    if isinstance(data, pa.RecordBatch):
        return pa.RecordBatch.from_arrays(
            [*data.columns, out], schema=data.schema.append(new_field)
        )
    return data.append_column(new_field, out)
