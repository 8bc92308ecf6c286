"""Read JSON Lines, normalize one text column with stemline, write Parquet.

Locally (stemline and pyspark installed in the current Python)::

    spark-submit examples/spark_normalize.py docs.jsonl docs.parquet

On a cluster, every executor's Python needs stemline installed; see
docs/integrations.md ("Using stemline with Apache Spark") for ``spark-submit``
with the wheel.

Each input line is one JSON object; the text is in ``--column`` (default
``text``), and a record without it, or with ``null``, gives a null line. Every
other field is kept. A line that is not valid JSON stops the job with Spark's
error (FAILFAST) instead of becoming an empty record. The output directory must
not exist yet, unless ``--overwrite`` is given.
"""

from __future__ import annotations

import argparse

from pyspark.errors import AnalysisException
from pyspark.sql import DataFrame, SparkSession

import stemline
import stemline.spark


def run(
    spark: SparkSession,
    source: str,
    destination: str,
    *,
    column: str = "text",
    output: str | None = None,
    stemmer: str = "nltk",
    overwrite: bool = False,
) -> DataFrame:
    """Reads ``source``, writes the normalized ``destination``; returns the written frame."""
    df = spark.read.option("mode", "FAILFAST").json(source)
    try:
        out = stemline.spark.normalize(df, column, output=output, stemmer=stemmer)
    except (TypeError, ValueError) as e:  # no such column, not a string column, ...
        raise type(e)(f"{source}: {e}") from None
    out.write.mode("overwrite" if overwrite else "errorifexists").parquet(destination)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source", help="JSON Lines file or directory")
    parser.add_argument("destination", help="Parquet directory to write")
    parser.add_argument("--column", default="text", help="text field (default: text)")
    parser.add_argument("--output", help="new column (default: COLUMN_normalized)")
    parser.add_argument("--stemmer", default="nltk", choices=list(stemline.STEMMERS))
    parser.add_argument("--overwrite", action="store_true", help="replace DESTINATION")
    args = parser.parse_args(argv)

    spark = SparkSession.builder.appName("stemline-normalize").getOrCreate()
    try:
        run(
            spark,
            args.source,
            args.destination,
            column=args.column,
            output=args.output,
            stemmer=args.stemmer,
            overwrite=args.overwrite,
        )
    except (TypeError, ValueError, AnalysisException) as e:  # e.g. DESTINATION exists
        parser.exit(1, f"spark_normalize: error: {e}\n")
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
