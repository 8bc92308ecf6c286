"""Apache Spark: normalize a DataFrame's text column (``pip install "stemline[spark]"``).

::

    import stemline.spark

    df = spark.read.json("docs.jsonl")                       # a string column "text"
    out = stemline.spark.normalize(df, "text", output="norm")
    out.write.parquet("docs.parquet")

:func:`normalize` runs through ``DataFrame.mapInArrow``: each Python worker gets
Arrow record batches (``spark.sql.execution.arrow.maxRecordsPerBatch`` rows, 10,000
by default) and normalizes a whole batch in one native call, so there is no Python
call per row. Nulls stay null, and rows keep their partitions and order.
:func:`udf` gives the same as a column expression, for ``select``,
``withColumn`` or SQL.

On a cluster, stemline (the wheel, with its native extension) must be installed
in the Python that the executors run; see the Spark guide of the documentation
("The Python data stack and Spark"). Each Python worker builds its normalizer on first use and keeps
it, with its warm cache, for every later batch and task.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from stemline.columns import output_column, settings_of
from stemline.extras import require

# Found, not imported: a job's Python workers import this module too, and PySpark
# is imported by the functions that use it. pyarrow carries the batches.
require("stemline.spark", "spark", "pyspark", "pyarrow")

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa
    from pyspark.sql import DataFrame

    from stemline.settings import Settings

__all__ = ["normalize", "udf"]


class _NormalizeBatches:
    """The function ``mapInArrow`` ships to the executors: record batches in,
    the same batches with the normalized column out. A module-level class, so it
    pickles by reference plus its few settings."""

    def __init__(self, column: str, output: str, settings: Settings):
        self.column = column
        self.output = output
        self.settings = settings

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        from stemline import arrow

        for batch in batches:
            yield arrow.normalize_column(
                batch, self.column, output=self.output, **self.settings._asdict()
            )


def normalize(
    df: DataFrame,
    column: str,
    *,
    output: str | None = None,
    stemmer: str = "nltk",
    **settings: Any,
) -> DataFrame:
    """``df`` with the normalized string ``column`` added as ``output``.

    ``output`` defaults to ``f"{column}_normalized"`` and is added as the last
    column; naming ``column`` itself replaces it in place; naming another
    existing column is an error. Column names match exactly (case included).
    The new column is a nullable-as-the-input string column: null where
    ``column`` is null. ``stemmer`` and any other keyword argument
    (``cache_bytes``, ``drop_punct``, ``stopwords``, ``min_length``, ...) are
    those of :class:`stemline.Normalizer`.
    """
    from pyspark.sql.types import StringType, StructField, StructType

    # On the driver, before any task starts: a bad setting fails here, not on executors.
    checked = settings_of(stemmer, **settings)
    names = df.columns
    output = output_column(names, column, output)
    field = df.schema[column]
    if not isinstance(field.dataType, StringType):
        raise TypeError(
            f"column {column!r} is {field.dataType.simpleString()}, not string; "
            f"cast it first, e.g. df.withColumn({column!r}, col({column!r}).cast('string'))"
        )
    new_field = StructField(output, StringType(), nullable=field.nullable)
    fields = list(df.schema.fields)
    if output == column:
        fields[names.index(column)] = new_field
    else:
        fields.append(new_field)
    return df.mapInArrow(_NormalizeBatches(column, output, checked), StructType(fields))


def _normalize_arrow(array: pa.Array, *, settings: Settings) -> pa.Array:
    from stemline import arrow

    return arrow.normalize(array, name="column", **settings._asdict())


def _normalize_pandas(series: pd.Series, *, settings: Settings) -> pd.Series:
    from stemline import pandas

    return pandas.normalize(series, **settings._asdict())


def udf(stemmer: str = "nltk", **settings: Any) -> Any:
    """A vectorized UDF from a string column to its normalized lines.

    ::

        norm = stemline.spark.udf()
        df.withColumn("norm", norm("text"))
        spark.udf.register("stemline", norm)     # SELECT stemline(text) FROM docs

    An Arrow UDF (``pyarrow`` arrays in and out) on PySpark 4.1 and later, a
    pandas UDF (``pandas.Series``, over Arrow batches) before. Nulls stay null.
    ``stemmer`` and any other keyword argument are those of :class:`stemline.Normalizer`.
    """
    from pyspark.sql import functions

    checked = settings_of(stemmer, **settings)
    if hasattr(functions, "arrow_udf"):
        return _arrow_udf(checked)
    return _pandas_udf(checked)


# PySpark tells a scalar vectorized UDF by its type hints, which must be the
# classes themselves (this module's annotations are strings), hence the
# assignments to __annotations__.


def _arrow_udf(settings: Settings) -> Any:
    import pyarrow as pa
    from pyspark.sql import functions

    def stemline_normalize(array: pa.Array) -> pa.Array:
        return _normalize_arrow(array, settings=settings)

    stemline_normalize.__annotations__ = {"array": pa.Array, "return": pa.Array}
    # Looked up by name: not every PySpark the types are checked against has it.
    arrow_udf = getattr(functions, "arrow_udf")  # noqa: B009
    return arrow_udf(stemline_normalize, "string")


def _pandas_udf(settings: Settings) -> Any:
    import pandas as pd
    from pyspark.sql import functions

    def stemline_normalize(series: pd.Series) -> pd.Series:
        return _normalize_pandas(series, settings=settings)

    stemline_normalize.__annotations__ = {"series": pd.Series, "return": pd.Series}
    pandas_udf = getattr(functions, "pandas_udf")  # noqa: B009  (re-exported at run time)
    return pandas_udf(stemline_normalize, "string")
