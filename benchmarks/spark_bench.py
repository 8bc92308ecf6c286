"""Spark local mode against the single-process command line, on the same documents.

    .venv/bin/python benchmarks/spark_bench.py [--repeat 10] [--master local[2]]

The corpus is the bundled BBC articles (tests/data/bbc, 2,225 documents, 5.0 MB)
repeated ``--repeat`` times: 22,250 documents, 50 MB by default. It is written
twice into ``--workdir``, with the same document texts:

* ``docs.jsonl`` for Spark, one JSON object ``{"id": i, "text": ...}`` a line,
  the texts unchanged;
* ``docs.txt`` for ``stemline normalize --lines``, one document a line, each
  newline inside a document replaced by a space (a normalized line is the same
  either way: both are whitespace between tokens; the script checks it).

Timed, wall clock, each in a fresh run:

* the command line: ``stemline normalize --lines docs.txt -o cli.txt`` with
  ``-j 1`` (one thread) and ``-j 0`` (one per core), process start included;
* Spark: ``read.json -> stemline.spark.normalize -> write.parquet`` once cold
  (it also starts the Python workers and warms the JVM up), then twice more,
  each after the same job without the normalize step (what Spark's own
  reading and writing cost). Session start-up is reported apart. JSON files are split into
  ``--split-mb`` MB partitions so that every core has work.

MB/s is the documents' UTF-8 bytes divided by the wall time. The script checks
that Spark's Parquet and the command line's lines are identical. The machine's
load average is printed before and after, since other work shares the cores.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from bbc_corpus import read_bbc  # noqa: E402  (the tests' reading rule for the BBC files)


def load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def write_corpus(workdir: Path, repeat: int) -> tuple[list[str], int]:
    texts = [text for _, text in read_bbc()] * repeat
    with open(workdir / "docs.jsonl", "w", encoding="utf-8") as jsonl:
        for i, text in enumerate(texts):
            jsonl.write(json.dumps({"id": i, "text": text}, ensure_ascii=False) + "\n")
    with open(workdir / "docs.txt", "w", encoding="utf-8", newline="\n") as txt:
        for text in texts:
            txt.write(text.replace("\n", " ") + "\n")
    return texts, sum(len(t.encode("utf-8")) for t in texts)


def timed(f) -> float:
    start = time.perf_counter()
    f()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=10, help="copies of the BBC corpus")
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--split-mb", type=int, default=8, help="JSON partition size")
    parser.add_argument("--workdir", type=Path, help="default: a temporary directory")
    args = parser.parse_args()

    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="stemline-spark-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"before: {load()}")
    texts, size = write_corpus(workdir, args.repeat)
    mb = size / 1e6
    print(f"corpus: BBC x{args.repeat} = {len(texts):,} documents, {mb:.1f} MB, in {workdir}")

    def report(what: str, seconds: float) -> None:
        print(f"  {what:<48} {seconds:7.2f} s  {mb / seconds:7.1f} MB/s")

    stemline_cli = Path(sys.executable).with_name("stemline")
    print("command line (one process):")
    for workers in (1, 0):
        command = [str(stemline_cli), "normalize", "--lines", str(workdir / "docs.txt")]
        command += ["-o", str(workdir / "cli.txt"), "-j", str(workers)]
        seconds = timed(lambda command=command: subprocess.run(command, check=True))
        report(f"stemline normalize --lines -j {workers}", seconds)

    os.environ["PYSPARK_PYTHON"] = sys.executable
    # PySpark 4 warns about pandas 3 even on Arrow-only paths such as mapInArrow.
    warnings.filterwarnings("ignore", "PySpark does not yet fully support pandas")
    from pyspark.sql import SparkSession

    import stemline.spark

    print(f"Spark ({args.master}):")
    start = time.perf_counter()
    spark = (
        SparkSession.builder.master(args.master)
        .appName("stemline-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.files.maxPartitionBytes", f"{args.split_mb}m")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    print(f"  session start-up: {time.perf_counter() - start:.1f} s (not counted below)")

    source = str(workdir / "docs.jsonl")
    parts = spark.read.schema("id long, text string").json(source).rdd.getNumPartitions()
    print(f"  {parts} partitions of docs.jsonl")

    def job(normalize: bool, destination: str) -> None:
        df = spark.read.schema("id long, text string").option("mode", "FAILFAST").json(source)
        if normalize:
            df = stemline.spark.normalize(df, "text", output="norm")
        df.write.mode("overwrite").parquet(str(workdir / destination))

    # The first job also starts the Python workers and warms the JVM up; then
    # the best of two runs of each.
    report("read.json -> normalize -> write.parquet, first", timed(lambda: job(True, "norm")))
    for _ in range(2):
        report("read.json -> write.parquet (no normalize)", timed(lambda: job(False, "plain")))
        report("read.json -> normalize -> write.parquet", timed(lambda: job(True, "norm")))
    spark.stop()

    import pyarrow.parquet as pq

    table = pq.read_table(workdir / "norm", columns=["id", "norm"]).sort_by("id")
    cli_lines = (workdir / "cli.txt").read_text(encoding="utf-8").split("\n")[:-1]
    same = table["id"].to_pylist() == list(range(len(texts)))
    same = same and table["norm"].to_pylist() == cli_lines
    print(f"Spark's Parquet == the command line's lines: {same}")
    print(f"after: {load()}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
