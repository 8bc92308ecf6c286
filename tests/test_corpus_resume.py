"""--resume: a run killed with SIGKILL and restarted finishes with output identical
to an uninterrupted run. Real subprocesses, really killed."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

import corpus_cases as cases
from conftest import STEMLINE_BIN

STEMLINE = [STEMLINE_BIN]


def make_inputs(folder: Path, files: int = 10, copies: int = 60) -> None:
    """``files`` inputs of about 3.5 MB each (BBC lines), so a run lasts long
    enough on one worker to be killed in the middle."""
    block = cases.as_lines(cases.line_documents())
    for i in range(files):
        # Each file different, so that a misplaced file would show in the output.
        cases.write(folder / f"part-{i:02d}.txt", f"File {i} starts.\n".encode() + block * copies)


def journal_entries(path: Path) -> int:
    try:
        return max(0, path.read_text(errors="replace").count("\n") - 1)
    except FileNotFoundError:
        return 0


def kill_after(args: list[str], journal: Path, entries: int) -> None:
    """Starts ``stemline args`` and SIGKILLs it once the journal records ``entries`` inputs."""
    process = subprocess.Popen([*STEMLINE, *args], stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while journal_entries(journal) < entries and process.poll() is None:
        assert time.monotonic() < deadline, "the job made no progress"
        time.sleep(0.002)
    process.send_signal(signal.SIGKILL)
    process.wait()
    # It was killed, not finished: the test would prove nothing otherwise.
    assert process.returncode == -signal.SIGKILL, process.stderr.read()


JOB = ["normalize", "--lines", "-j", "1", "--batch-size", "500", "-q"]


def test_single_compressed_output_killed_twice_then_resumed(tmp_path):
    make_inputs(tmp_path / "in")
    src = str(tmp_path / "in")
    uninterrupted = tmp_path / "whole.txt.gz"
    subprocess.run([*STEMLINE, *JOB, "--resume", src, "-o", str(uninterrupted)], check=True)
    plain = tmp_path / "plain.txt"
    subprocess.run([*STEMLINE, *JOB, src, "-o", str(plain)], check=True)

    out = tmp_path / "out.txt.gz"
    journal = tmp_path / ".out.txt.gz.stemline-resume"
    partial = tmp_path / ".out.txt.gz.stemline-partial"
    args = [*JOB, "--resume", src, "-o", str(out)]
    kill_after(args, journal, 2)
    assert not out.exists() and partial.exists()  # nothing that looks finished
    kill_after(args, journal, 5)
    assert not out.exists()
    subprocess.run([*STEMLINE, *args], check=True)

    assert out.read_bytes() == uninterrupted.read_bytes()  # identical bytes
    assert gzip.decompress(out.read_bytes()) == plain.read_bytes()  # and the same lines
    assert not journal.exists() and not partial.exists()


def test_output_dir_killed_then_resumed(tmp_path):
    make_inputs(tmp_path / "in", files=8)
    src = str(tmp_path / "in")
    whole = tmp_path / "whole"
    subprocess.run([*STEMLINE, *JOB, src, "--output-dir", str(whole)], check=True)

    out = tmp_path / "out"
    args = [*JOB, "--resume", src, "--output-dir", str(out)]
    kill_after(args, out / ".stemline-resume", 3)
    finished = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert 3 <= len(finished) < 8
    subprocess.run([*STEMLINE, *args], check=True)

    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(p.name for p in whole.iterdir())  # no journal, no partial left
    for name in names:
        assert (out / name).read_bytes() == (whole / name).read_bytes(), name


def test_resume_after_a_bad_input_and_refusals(tmp_path):
    src = tmp_path / "in"
    docs = cases.line_documents()
    for i, doc in enumerate(docs[:4]):
        cases.write(src / f"{i}.txt", doc.encode())
    cases.write(src / "4.txt", b"bad \xff byte")
    out = tmp_path / "out.csv"
    journal = tmp_path / ".out.csv.stemline-resume"
    args = ["normalize", "-q", "--batch-size", "1", "--resume", str(src), "-o", str(out)]
    failed = subprocess.run([*STEMLINE, *args], capture_output=True, text=True)
    assert failed.returncode == 1 and "4.txt" in failed.stderr
    assert not out.exists()
    header, *done = journal.read_text().splitlines()
    assert [json.loads(x)["name"] for x in done] == [str(src / f"{i}.txt") for i in range(4)]

    # Another job's journal is refused, not mixed in.
    other = subprocess.run(
        [*STEMLINE, *args, "--stemmer", "martin"], capture_output=True, text=True
    )
    assert other.returncode == 2 and "different job" in other.stderr
    # So is a finished input that changed since.
    first = src / "0.txt"
    first.write_bytes(first.read_bytes() + b" More.")
    changed = subprocess.run([*STEMLINE, *args], capture_output=True, text=True)
    assert changed.returncode == 1 and "0.txt: changed since the interrupted run" in changed.stderr
    first.write_bytes(docs[0].encode())
    os.utime(first, ns=(json.loads(done[0])["mtime_ns"],) * 2)

    (src / "4.txt").write_bytes(docs[4].encode())
    subprocess.run([*STEMLINE, *args], check=True)
    expected = tmp_path / "expected.csv"
    subprocess.run([*STEMLINE, "normalize", "-q", str(src), "-o", str(expected)], check=True)
    assert out.read_bytes() == expected.read_bytes()
    assert out.read_bytes().startswith(b"source,normalized\r\n0.txt,")


@pytest.mark.parametrize(
    "args, message",
    [
        (["--resume"], "--resume needs an output file"),
        (["--resume", "-o", "x.parquet"], "cannot continue a single Parquet file"),
    ],
)
def test_resume_usage_errors(tmp_path, args, message):
    src = cases.write(tmp_path / "a.txt", b"x")
    result = subprocess.run(
        [*STEMLINE, "normalize", str(src), *args], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 2 and message in result.stderr
