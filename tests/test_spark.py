"""stemline.spark on a real local Spark (local[2], the machine's Java 17).

One SparkSession for the module: starting the JVM takes ~10 s, each job ~1 s.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys

import pyarrow.parquet as pq
import pytest
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

import stemline.spark
from conftest import EXAMPLES
from stemline.columns import settings_of

# PySpark checks the pandas version even for Arrow-only paths and warns about
# pandas 3, which stemline's Spark paths (Arrow batches) do not depend on.
pytestmark = [
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas"),
    pytest.mark.needs("java"),
]


@pytest.fixture(scope="module")
def spark():
    # The Python workers must import the stemline under test: this interpreter.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("stemline-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def frame(spark, texts, partitions):
    """(id, text) rows in ``partitions`` partitions, in order."""
    rows = spark.sparkContext.parallelize(list(enumerate(texts)), partitions)
    df = spark.createDataFrame(rows, "id long, text string")
    assert df.rdd.getNumPartitions() == partitions
    return df


def lines_by_id(df, column="text_normalized"):
    return [row[column] for row in df.orderBy("id").select(column).collect()]


@pytest.mark.parametrize(("partitions", "batch_rows"), [(1, 10_000), (2, 10_000), (7, 100)])
def test_bbc_gives_the_reference_lines(spark, bbc_texts, bbc_reference, partitions, batch_rows):
    spark.conf.set("spark.sql.execution.arrow.maxRecordsPerBatch", str(batch_rows))
    try:
        out = stemline.spark.normalize(frame(spark, bbc_texts, partitions), "text")
        rows = out.collect()  # mapInArrow keeps partitions and order: no sort needed
    finally:
        spark.conf.unset("spark.sql.execution.arrow.maxRecordsPerBatch")
    assert out.columns == ["id", "text", "text_normalized"]
    assert [r.id for r in rows] == list(range(len(bbc_texts)))
    assert [r.text for r in rows] == bbc_texts
    assert [r.text_normalized for r in rows] == bbc_reference


def test_nulls_and_empty_strings(spark):
    from stemline import reference

    texts = [None, "", " ", "\n\t", "The cats sat.", None, "", "He's gone!", None]
    out = stemline.spark.normalize(frame(spark, texts, 3), "text", output="norm")
    expected = [None if t is None else reference.normalize(t) for t in texts]
    assert lines_by_id(out, "norm") == expected
    assert out.schema["norm"].nullable


def test_replacing_the_column_in_place(spark, bbc_texts, bbc_reference):
    df = frame(spark, bbc_texts[:200], 2).select("text", "id")
    out = stemline.spark.normalize(df, "text", output="text")
    assert out.columns == ["text", "id"]
    assert lines_by_id(out, "text") == bbc_reference[:200]


@pytest.mark.parametrize("stemmer", ["original", "martin", "snowball", "lancaster", "none"])
def test_stemmer_choice(spark, bbc_texts, stemmer):
    from stemline import reference

    texts = bbc_texts[::25]
    out = stemline.spark.normalize(frame(spark, texts, 2), "text", stemmer=stemmer)
    assert lines_by_id(out) == [reference.normalize(t, stemmer) for t in texts]


def test_large_var_types(spark, bbc_texts, bbc_reference):
    # With this setting Spark hands the workers large_string arrays.
    spark.conf.set("spark.sql.execution.arrow.useLargeVarTypes", "true")
    try:
        out = stemline.spark.normalize(frame(spark, bbc_texts[:300], 2), "text")
        assert lines_by_id(out) == bbc_reference[:300]
    finally:
        spark.conf.unset("spark.sql.execution.arrow.useLargeVarTypes")


def test_udf_column_expression(spark, bbc_texts, bbc_reference):
    texts = [*bbc_texts[:300], None, ""]
    df = frame(spark, texts, 2)
    norm = stemline.spark.udf()
    out = df.select("id", norm("text").alias("norm"))
    assert lines_by_id(out, "norm") == [*bbc_reference[:300], None, ""]
    spark.udf.register("stemline_normalize", norm)
    df.createOrReplaceTempView("docs")
    sql = spark.sql("SELECT id, stemline_normalize(text) AS norm FROM docs")
    assert lines_by_id(sql, "norm") == [*bbc_reference[:300], None, ""]


def test_pandas_udf_fallback(spark, bbc_texts, bbc_reference):
    # What udf() returns on PySpark < 4.1, which has no arrow_udf.
    texts = [*bbc_texts[:300], None, ""]
    norm = stemline.spark._pandas_udf(settings_of("nltk"))
    out = frame(spark, texts, 2).select("id", norm("text").alias("norm"))
    assert lines_by_id(out, "norm") == [*bbc_reference[:300], None, ""]


def test_errors_are_raised_on_the_driver(spark):
    df = frame(spark, ["a"], 1).withColumn("n", F.lit(1))
    with pytest.raises(ValueError, match="column 'body' does not exist; columns: 'id', 'text'"):
        stemline.spark.normalize(df, "body")
    with pytest.raises(TypeError, match="column 'n' is int, not string"):
        stemline.spark.normalize(df, "n")
    with pytest.raises(ValueError, match="output column 'id' already exists"):
        stemline.spark.normalize(df, "text", output="id")
    with pytest.raises(ValueError, match="stemmer must be one of"):
        stemline.spark.normalize(df, "text", stemmer="porter2")
    with pytest.raises(ValueError, match="stemmer must be one of"):
        stemline.spark.udf("porter2")


def load_example():
    spec = importlib.util.spec_from_file_location(
        "spark_normalize", EXAMPLES / "spark_normalize.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_example_json_to_parquet(spark, tmp_path, bbc_texts, bbc_reference):
    example = load_example()
    source = tmp_path / "docs.jsonl"
    with source.open("w", encoding="utf-8") as f:
        for i, text in enumerate(bbc_texts):
            f.write(json.dumps({"id": i, "text": text}) + "\n")
        f.write(json.dumps({"id": len(bbc_texts), "text": None}) + "\n")
        f.write(json.dumps({"id": len(bbc_texts) + 1}) + "\n")  # no text field
    destination = tmp_path / "docs.parquet"
    example.run(spark, str(source), str(destination))

    table = pq.read_table(destination).sort_by("id")
    assert table.column_names == ["id", "text", "text_normalized"]
    assert table["id"].to_pylist() == list(range(len(bbc_texts) + 2))
    assert table["text_normalized"].to_pylist() == [*bbc_reference, None, None]

    with pytest.raises(Exception, match="already exists"):  # never overwritten silently
        example.run(spark, str(source), str(destination))
    with pytest.raises(ValueError, match=r"docs\.jsonl: column 'body' does not exist"):
        example.run(spark, str(source), str(tmp_path / "other"), column="body")


def test_example_fails_on_malformed_json(spark, tmp_path):
    example = load_example()
    source = tmp_path / "bad.jsonl"
    source.write_text('{"id": 0, "text": "fine"}\n{"id": 1, "text": "cut\n', encoding="utf-8")
    with pytest.raises(Exception, match="(?i)malformed"):
        example.run(spark, str(source), str(tmp_path / "out"))
