"""A full disk: every command stops with exit code 3 and one line, leaving no
partial file behind and an existing output as it was.

The disk is a 1 MB tmpfs, mounted for the test (needs root, or a system that
lets the test mount; skipped with a message otherwise).
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

import corpus_cases as cases
from conftest import STEMLINE_BIN


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A folder on a 1 MB file system."""
    mount = tmp_path / "small"
    mount.mkdir()
    result = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(mount)], capture_output=True
    )
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {result.stderr.decode().strip()}")
    try:
        # Fill it, then free 16 kB: less than any output of the corpus below needs.
        fd = os.open(mount / "filler", os.O_WRONLY | os.O_CREAT)
        try:
            while os.write(fd, b"\1" * 4096):
                pass
        except OSError:
            pass
        os.ftruncate(fd, max(0, os.lseek(fd, 0, os.SEEK_CUR) - 16384))
        os.close(fd)
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=True)


@pytest.fixture
def big_corpus(tmp_path: Path) -> Path:
    """A corpus whose normalized text, vocabulary and report each need more than 16 kB."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    docs = cases.line_documents()
    for k in range(4):
        # Distinct words make the vocabulary and the report big too.
        lines = [f"{doc} word{k}x{i}" for i, doc in enumerate(docs * 60)]
        (folder / f"part{k}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [STEMLINE_BIN, *args, "--lines", "-j", "1"], capture_output=True, text=True, timeout=300
    )


def assert_disk_full(result: subprocess.CompletedProcess[str], where: Path) -> None:
    assert result.returncode == 3, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("stemline: error: ")
    assert "No space left on device" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["normalize", "vocab", "report"])
def test_a_full_disk_leaves_the_old_output_and_no_partial_file(full_disk, big_corpus, command):
    out = full_disk / "out"
    out.write_text("the old output\n")
    assert_disk_full(run(command, str(big_corpus), "-o", str(out)), full_disk)
    assert sorted(p.name for p in full_disk.iterdir()) == ["filler", "out"]
    assert out.read_text() == "the old output\n"


@pytest.fixture
def many_files(tmp_path: Path) -> Path:
    """Many small inputs: the disk fills up as one of their outputs is closed."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i, doc in enumerate(cases.line_documents() * 20):
        (folder / f"doc{i:04}.txt").write_text(doc, encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", ["lines", "jsonl", "parquet"])
def test_a_full_disk_under_output_dir(full_disk, many_files, fmt):
    if fmt == "parquet":
        pytest.importorskip("pyarrow")
    out = full_disk / "mirror"
    result = subprocess.run(
        [STEMLINE_BIN, "normalize", str(many_files), "--output-dir", str(out)]
        + ["--output-format", fmt],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert_disk_full(result, full_disk)
    # Inputs finished before the disk filled up are complete; no partial file is left.
    left = sorted(p.name for p in out.iterdir())
    assert left and all(not name.startswith(".") for name in left), left
    for name in left:
        assert (out / name).stat().st_size > 0
