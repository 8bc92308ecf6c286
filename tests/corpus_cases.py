"""Small corpora for the corpus-job tests, written in every container.

The documents are real BBC articles (tests/data/bbc) plus a few that stress
the containers: quotes, commas and tabs (CSV/TSV quoting), non-ASCII text,
U+2028 and U+0085 (line breaks that are not ``\\n``), an empty document.
Expected output always comes from ``stemline.reference``.
"""

from __future__ import annotations

import bz2
import csv
import functools
import gzip
import io
import json
import lzma
import subprocess
import time
from pathlib import Path

import zstandard
from click.testing import CliRunner

from conftest import DATA
from stemline.cli import main

TRICKY = [
    "He said, \"Stop.\" Then: 'no'\ttabbed",
    "Café déjà vu – naïve coöperation, 10 000 €",
    "Two\u2028separators\x85inside one document",
    "",
    "Cannot stop, gonna win!",
]


@functools.cache
def bbc_documents(count: int = 24) -> tuple[str, ...]:
    """The first ``count`` UTF-8 BBC articles, in path order (multi-line documents)."""
    docs = []
    for path in sorted((DATA / "bbc").rglob("*.txt")):
        try:
            docs.append(path.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            continue
        if len(docs) == count:
            break
    return tuple(docs)


def documents() -> list[str]:
    """Documents with line breaks inside (for text, JSON Lines, CSV, Parquet)."""
    return [*bbc_documents(), *TRICKY]


def line_documents() -> list[str]:
    """Documents without ``\\n`` (for --lines)."""
    return [d.replace("\n", " ") for d in documents()]


@functools.cache
def _reference(text: str, stemmer: str = "nltk") -> str:
    from stemline import reference

    return reference.normalize(text, stemmer)


def expected(docs: list[str], stemmer: str = "nltk") -> bytes:
    """The output lines the reference gives for ``docs``."""
    return "".join(_reference(d, stemmer) + "\n" for d in docs).encode("utf-8")


COMPRESSIONS = {
    "": lambda b: b,
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
    ".zst": lambda b: zstandard.ZstdCompressor().compress(b),
}


def as_lines(docs: list[str], newline: str = "\n") -> bytes:
    return "".join(d + newline for d in docs).encode("utf-8")


def as_jsonl(docs: list[str]) -> bytes:
    rows = [json.dumps({"id": 1000 + i, "body": {"text": d}, "n": 1.0}) for i, d in enumerate(docs)]
    return ("\n".join(rows) + "\n").encode("utf-8")


def as_delimited(docs: list[str], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["id", "text", "note"])
    for i, d in enumerate(docs):
        writer.writerow([f"doc-{i}", d, "x,y"])
    return buffer.getvalue().encode("utf-8")


def write_parquet(path: Path, docs: list[str], row_group_size: int = 7) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {"id": pa.array(range(len(docs)), pa.int64()), "text": pa.array(docs, pa.string())}
    )
    pq.write_table(table, path, row_group_size=row_group_size)


def write(path: Path, data: bytes, compression: str = "") -> Path:
    """Writes ``data`` compressed as ``compression`` (an extension) to ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(COMPRESSIONS[compression](data))
    return path


def big_input(folder: Path) -> Path:
    """``folder/big.txt``: the line documents 400 times over (18.5 MB), for a
    command that must still be writing output when the test acts on it."""
    return write(folder / "big.txt", as_lines(line_documents()) * 400)


def stop_while_reading_a_pipe(
    args: list[str], folder: Path, signum: int, data: bytes, settle: float = 0.0
) -> tuple[int, bytes]:
    """Runs ``args`` (a command reading standard input) on a pipe kept open,
    sends ``signum`` once its temporary output (``*.partial``) is in ``folder``
    and ``settle`` seconds more have passed, and returns its exit code and
    standard error. The input never ends, so the command is still running when
    the signal comes however fast it is (a file could be done before)."""
    process = subprocess.Popen(args, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        process.stdin.write(data)
        process.stdin.flush()
        deadline = time.monotonic() + 30
        while not any(p.name.endswith(".partial") for p in folder.iterdir()):
            assert process.poll() is None, "stopped before the signal"
            assert time.monotonic() < deadline, "the command never opened its output"
            time.sleep(0.01)
        time.sleep(settle)
        process.send_signal(signum)
        _, err = process.communicate(timeout=30)
    finally:
        process.kill()
    return process.returncode, err


def cli(*args: str, stdin: bytes | None = None) -> tuple[int, bytes, str]:
    """``stemline args`` in process, through its real exit path: (exit code,
    stdout bytes, stderr text)."""
    result = CliRunner().invoke(main, list(args), input=stdin)
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.stdout_bytes, result.stderr


def one_error_line(err: str) -> str:
    """``err``, checked to be one ``stemline: error:`` line."""
    assert err.count("\n") == 1 and err.startswith("stemline: error: "), err
    assert "Traceback" not in err
    return err
