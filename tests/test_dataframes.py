"""One machine's columns: pyarrow arrays, pandas Series, polars Series and expressions.

Each must give, for every string, the reference line, keep nulls null and in
place, and keep its container's shape (type, chunks, index, name).
"""

from __future__ import annotations

import functools
import math

import pandas as pd
import polars as pl
import pyarrow as pa
import pytest

from conftest import reference_lines
from stemline import arrow, reference
from stemline import pandas as sl_pandas
from stemline import polars as sl_polars

# A few BBC documents and the edge cases, with nulls among them.
EDGE = ["", " ", "\n", "The cats sat.", "He's gone!", "\x00", "naïve café", "İstanbul ǅ"]


@pytest.fixture(scope="module")
def texts(bbc_texts) -> list[str | None]:
    values: list[str | None] = []
    for i, text in enumerate([*bbc_texts[:400], *EDGE]):
        values.append(text)
        if i % 7 == 0:
            values.append(None)
    return values


@pytest.fixture(scope="module")
def expected(texts) -> list[str | None]:
    return [None if t is None else reference.normalize(t) for t in texts]


@functools.cache
def _reference_lines(texts: tuple[str | None, ...], stemmer: str) -> list[str | None]:
    lines = iter(reference_lines([t for t in texts if t is not None], stemmer))
    return [None if t is None else next(lines) for t in texts]


def expected_with(texts: list[str | None], stemmer: str) -> list[str | None]:
    """The reference lines of ``texts`` with ``stemmer``, its token step
    memoized, computed once for the module's tests that compare with it."""
    return _reference_lines(tuple(texts), stemmer)


# --- pyarrow -----------------------------------------------------------------


@pytest.mark.parametrize("type_", [pa.string(), pa.large_string()])
def test_arrow_array(texts, expected, type_):
    out = arrow.normalize(pa.array(texts, type=type_))
    assert out.type == type_
    assert out.to_pylist() == expected
    assert out.null_count == texts.count(None)


@pytest.mark.parametrize("type_", [pa.string(), pa.large_string()])
def test_arrow_chunked_array_keeps_its_chunks(texts, expected, type_):
    bounds = [0, 1, 1, 50, 333, len(texts)]  # includes an empty chunk
    chunks = [pa.array(texts[a:b], type=type_) for a, b in zip(bounds, bounds[1:], strict=False)]
    out = arrow.normalize(pa.chunked_array(chunks), workers=2)
    assert out.type == type_
    assert [len(c) for c in out.chunks] == [len(c) for c in chunks]
    assert out.to_pylist() == expected
    assert arrow.normalize(pa.chunked_array([], type=type_)).to_pylist() == []


def test_arrow_sliced_array(texts, expected):
    # A slice shares its parent's buffers at an offset.
    out = arrow.normalize(pa.array(texts)[5:60])
    assert out.to_pylist() == expected[5:60]


@pytest.mark.parametrize("stemmer", ["original", "snowball", "lancaster", "none"])
def test_arrow_stemmer_choice(texts, stemmer):
    out = arrow.normalize(pa.array(texts), stemmer=stemmer)
    assert out.to_pylist() == expected_with(texts, stemmer)


def test_arrow_normalize_column():
    table = pa.table({"id": [1, 2, 3], "text": ["Cats ran.", None, ""]})
    out = arrow.normalize_column(table, "text")
    assert out.column_names == ["id", "text", "text_normalized"]
    assert out["text_normalized"].to_pylist() == ["cat ran .", None, ""]
    batch = table.to_batches()[0]
    out = arrow.normalize_column(batch, "text", output="text")
    assert isinstance(out, pa.RecordBatch)
    assert out.schema.names == ["id", "text"]
    assert out.column(1).to_pylist() == ["cat ran .", None, ""]


def test_arrow_errors():
    with pytest.raises(TypeError, match="array: Arrow type int64 cannot be normalized"):
        arrow.normalize(pa.array([1, 2]))
    with pytest.raises(TypeError, match="expected a pyarrow Array or ChunkedArray, not list"):
        arrow.normalize(["a"])
    table = pa.table({"id": [1], "text": ["a"]})
    with pytest.raises(ValueError, match="column 'body' does not exist"):
        arrow.normalize_column(table, "body")
    with pytest.raises(ValueError, match="output column 'id' already exists"):
        arrow.normalize_column(table, "text", output="id")
    with pytest.raises(TypeError, match="column 'id': Arrow type int64"):
        arrow.normalize_column(table, "id")


# --- pandas ------------------------------------------------------------------


@pytest.mark.parametrize("stemmer", ["snowball", "lancaster"])
def test_pandas_and_polars_stemmer_choice(texts, stemmer):
    expected = expected_with(texts, stemmer)
    series = pd.Series(texts, dtype=object)
    assert sl_pandas.normalize(series, stemmer=stemmer).tolist() == expected
    out = sl_polars.normalize(pl.Series("text", texts, dtype=pl.String), stemmer=stemmer)
    assert out.to_list() == expected


def test_pandas_object_series(texts, expected):
    index = pd.Index([f"doc{i}" for i in range(len(texts))], name="doc")
    series = pd.Series(texts, index=index, name="text", dtype=object)
    out = sl_pandas.normalize(series)
    assert out.dtype == object
    assert out.name == "text"
    assert out.index.equals(index)
    assert out.tolist() == expected
    assert series.tolist() == texts  # the input is left alone


@pytest.mark.parametrize("dtype", ["string", "str"])
def test_pandas_string_dtypes(texts, expected, dtype):
    series = pd.Series(texts, dtype=dtype)
    out = sl_pandas.normalize(series)
    assert out.dtype == series.dtype
    assert out.isna().tolist() == [t is None for t in texts]
    assert [None if pd.isna(v) else v for v in out] == expected


def test_pandas_keeps_each_missing_marker():
    series = pd.Series(["Dogs.", None, math.nan, pd.NA, "Cats!"], dtype=object)
    out = sl_pandas.normalize(series)
    assert out[0] == "dog ." and out[4] == "cat !"
    assert out[1] is None and math.isnan(out[2]) and out[3] is pd.NA


def test_pandas_object_series_takes_any_python_string():
    texts = ["\ud800 Lone surrogates", "Running\udfff!"]  # not valid UTF-8, so not Arrow
    out = sl_pandas.normalize(pd.Series(texts, dtype=object))
    assert out.tolist() == [reference.normalize(t) for t in texts]


def test_pandas_pipe_and_empty():
    df = pd.DataFrame({"text": ["Running!", "Jumped"]})
    assert df["text"].pipe(sl_pandas.normalize).tolist() == ["run !", "jump"]
    assert sl_pandas.normalize(pd.Series([], dtype=object)).tolist() == []


def test_pandas_errors():
    series = pd.Series(["fine", 3], index=["a", "b"], name="text", dtype=object)
    with pytest.raises(TypeError, match="series 'text': row 'b' is int, not a string or null"):
        sl_pandas.normalize(series)
    with pytest.raises(TypeError, match="expected a pandas Series, not DataFrame"):
        sl_pandas.normalize(pd.DataFrame({"text": ["a"]}))


# --- polars ------------------------------------------------------------------


def test_polars_series(texts, expected):
    series = pl.Series("text", texts, dtype=pl.String)
    out = sl_polars.normalize(series, workers=2)
    assert out.name == "text" and out.dtype == pl.String
    assert out.to_list() == expected


def test_polars_expressions(texts, expected):
    df = pl.DataFrame({"id": range(len(texts)), "text": texts})
    out = df.with_columns(sl_polars.normalize(pl.col("text")).alias("norm"))
    assert out.columns == ["id", "text", "norm"]
    assert out["norm"].to_list() == expected
    lazy = df.lazy().select(sl_polars.normalize(pl.col("text"), stemmer="none")).collect()
    assert lazy["text"].to_list() == [
        None if t is None else reference.normalize(t, "none") for t in texts
    ]
    chunked = pl.concat([df[:100], df[100:]], rechunk=False)
    assert chunked["text"].n_chunks() == 2
    assert sl_polars.normalize(chunked["text"]).to_list() == expected


def test_polars_errors():
    with pytest.raises(TypeError, match="series 'n' has dtype Int64"):
        sl_polars.normalize(pl.Series("n", [1, 2]))
    with pytest.raises(TypeError, match="expected a polars Series or Expr, not list"):
        sl_polars.normalize(["a"])
