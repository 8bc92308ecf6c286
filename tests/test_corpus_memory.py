"""Bounded memory on multi-GB inputs (slow: run with `make test-slow`, not in `make test`).

Peak RSS is read with getrusage in a fresh child process that runs the real
CLI. Memory must depend on the batch size, not on the input size: a 3 GB input
peaks within a few MB of a 300 MB one, and far below the input's size. A 1 GB
line is refused after --max-doc-size bytes without being loaded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import corpus_cases as cases
from conftest import STEMLINE_BIN, peak_rss

pytestmark = pytest.mark.slow

MB = 1_000_000


def stemline_rss(args: list[str]) -> tuple[int, int, str]:
    """(exit code, peak RSS in bytes, stderr) of ``stemline args`` in a fresh child."""
    return peak_rss([STEMLINE_BIN, *args])


def build(path: Path, size: int) -> int:
    block = cases.as_lines(cases.line_documents()) * 50
    with open(path, "wb") as f:
        written = 0
        while written < size:
            f.write(block)
            written += len(block)
    return written


@pytest.fixture(scope="module")
def big_inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("big")
    small, large = folder / "small.txt", folder / "large.txt"
    return (small, build(small, 300 * MB)), (large, build(large, 3000 * MB))


def test_peak_memory_depends_on_batch_size_not_input_size(big_inputs, tmp_path):
    (small, small_size), (large, large_size) = big_inputs
    figures = {}
    for path, size in ((small, small_size), (large, large_size)):
        for workers in ("1", "2"):
            out = tmp_path / "out.txt"
            code, rss, err = stemline_rss(
                ["normalize", "--lines", "-j", workers, str(path), "-o", str(out)]
            )
            assert code == 0, err
            figures[path.name, workers] = rss
            print(
                f"\n{path.name} ({size / MB:,.0f} MB) workers={workers}: peak RSS "
                f"{rss / 2**20:,.0f} MiB; {err.strip()}"
            )
            out.unlink()
    for workers in ("1", "2"):
        assert figures["large.txt", workers] < 400 * 2**20
        assert figures["large.txt", workers] < figures["small.txt", workers] + 64 * 2**20
    # A smaller batch needs less memory.
    code, rss, err = stemline_rss(
        [
            "normalize",
            "--lines",
            "--batch-size",
            "256",
            "--batch-bytes",
            "1M",
            str(large),
            "-o",
            str(tmp_path / "out.txt"),
        ]
    )
    print(f"\nlarge.txt with --batch-size 256 --batch-bytes 1M: peak RSS {rss / 2**20:,.0f} MiB")
    assert code == 0 and rss < figures["large.txt", "2"]


def test_a_1gb_line_is_refused_without_loading_it(tmp_path):
    path = tmp_path / "one-line.txt"
    piece = b"word " * 200_000
    with open(path, "wb") as f:
        for _ in range(1000):  # 1 GB, no newline
            f.write(piece)
    for args, message in (
        (["--lines"], "line 1, byte 0: line longer than 64 MiB"),
        ([], "document larger than 64 MiB"),
        (["--format", "jsonl"], "line 1, byte 0: line longer than 64 MiB"),
    ):
        code, rss, err = stemline_rss(["normalize", *args, str(path)])
        print(f"\n1 GB line {args}: exit {code}, peak RSS {rss / 2**20:,.0f} MiB: {err.strip()}")
        assert code == 1 and message in err and str(path) in err
        assert rss < 400 * 2**20
