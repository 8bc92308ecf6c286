"""End-to-end corpus job: `stemline normalize` on a large file built from the BBC corpus.

Usage: python benchmarks/corpus_job.py [--gb 1.0] [--workers 1 2] [--keep PATH]

Builds a plain text file of at least ``--gb`` GB: the 2,225 BBC
articles of tests/data/bbc, each flattened to one line (newlines -> spaces;
the one Latin-1 file decoded as Latin-1), repeated. Then runs the real CLI
(``stemline normalize --lines FILE -o OUT -j N``) once per worker count and
prints the summary line, the wall time, the end-to-end MB/s (input bytes /
wall time, process start to exit) and the peak RSS of the process (from
``getrusage`` of the child). The load average is printed too: the machines are
shared, and absolute MB/s move with it.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
from bbc_corpus import read_bbc  # noqa: E402  (the tests' reading rule for the BBC files)


def bbc_lines() -> bytes:
    lines = [text.replace("\n", " ") for _, text in read_bbc()]
    return ("\n".join(lines) + "\n").encode("utf-8")


def build(path: Path, gb: float) -> int:
    block = bbc_lines()
    copies = max(1, int(gb * 1e9 / len(block) + 0.999))
    with open(path, "wb") as f:
        for _ in range(copies):
            f.write(block)
    return copies * len(block)


def measure(args: list[str]) -> tuple[float, int, str]:
    """(wall seconds, peak RSS in bytes, stderr) of one run, in a fresh child."""
    probe = (
        "import resource, subprocess, sys, time\n"
        "t = time.perf_counter()\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "t = time.perf_counter() - t\n"
        "rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024\n"
        "sys.stderr.buffer.write(r.stderr)\n"
        "print(t, rss, r.returncode)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, check=True
    )
    seconds, rss, code = result.stdout.split()
    if code != "0":
        raise SystemExit(f"stemline failed ({code}): {result.stderr}")
    return float(seconds), int(rss), result.stderr.strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gb", type=float, default=1.0)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--keep", type=Path, help="build the input here and keep it")
    parser.add_argument(
        "--quiet", action="store_true", help="pass -q (no summary, so no token counting)"
    )
    options = parser.parse_args()
    stemline = str(Path(sys.executable).with_name("stemline"))
    with tempfile.TemporaryDirectory(dir="/tmp") as tmp:
        source = options.keep or Path(tmp) / "bbc-lines.txt"
        if not source.exists():
            size = build(source, options.gb)
        else:
            size = source.stat().st_size
        print(f"input: {source} {size / 1e6:,.0f} MB (BBC articles, one per line, repeated)")
        print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()}")
        for workers in options.workers:
            out = Path(tmp) / "out.txt"
            args = [stemline, "normalize", "--lines", str(source), "-o", str(out)]
            if options.quiet:
                args.append("-q")
            seconds, rss, summary = measure([*args, "-j", str(workers)])
            print(
                f"workers={workers}: {seconds:.1f} s, {size / 1e6 / seconds:.1f} MB/s end to end, "
                f"peak RSS {rss / 2**20:.0f} MiB; load {os.getloadavg()[0]:.2f}\n  {summary}"
            )
            out.unlink()


if __name__ == "__main__":
    main()
