"""Progress on a terminal, silence when piped or --quiet, and the closing summary."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import termios
from pathlib import Path

import corpus_cases as cases
from conftest import STEMLINE_BIN

STEMLINE = [STEMLINE_BIN]
SUMMARY = re.compile(
    r"stemline: ([\d,]+) documents, ([\d,]+) tokens, ([\d.,]+) MB in ([\d.,]+) s "
    r"\(([\d.,]+) MB/s\), ([\d,]+) errors?\n"
)


def corpus(tmp_path: Path) -> tuple[Path, list[str]]:
    docs = cases.line_documents()
    return cases.write(tmp_path / "in.txt", cases.as_lines(docs * 20)), docs * 20


def test_piped_stderr_gets_nothing_unless_stats_asks(tmp_path):
    path, docs = corpus(tmp_path)
    result = subprocess.run(
        [*STEMLINE, "normalize", "--lines", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stderr == ""
    result = subprocess.run(
        [*STEMLINE, "normalize", "--lines", "--stats", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0
    m = SUMMARY.fullmatch(result.stderr)
    assert m, result.stderr  # no progress bar, no escape codes: one line
    documents, tokens, mb, _, _, errors = m.groups()
    assert int(documents.replace(",", "")) == len(docs)
    lines = result.stdout.splitlines()
    assert int(tokens.replace(",", "")) == sum(len(line.split()) for line in lines)
    assert float(mb) == round(path.stat().st_size / 1e6, 2)
    assert errors == "0"


def test_quiet_is_silent(tmp_path):
    path, _ = corpus(tmp_path)
    result = subprocess.run(
        [*STEMLINE, "normalize", "--lines", "-q", str(path)], capture_output=True, text=True
    )
    assert result.returncode == 0 and result.stderr == ""


def _run_with_terminal_stderr(args: list[str]) -> tuple[int, str]:
    leader, follower = pty.openpty()
    # A real terminal has a size; tqdm draws nothing on a zero-row one.
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    process = subprocess.Popen(
        [*STEMLINE, *args], stdout=subprocess.DEVNULL, stderr=follower, stdin=subprocess.DEVNULL
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(leader)
    return process.wait(), b"".join(chunks).decode("utf-8", "replace")


def test_terminal_gets_a_progress_bar(tmp_path):
    path, _ = corpus(tmp_path)
    code, screen = _run_with_terminal_stderr(["normalize", "--lines", str(path)])
    assert code == 0
    assert "B/s" in screen and "%|" in screen  # tqdm's bar: percentage, bytes, rate
    assert SUMMARY.search(screen.replace("\r\n", "\n"))
    code, screen = _run_with_terminal_stderr(["normalize", "--lines", "-q", str(path)])
    assert code == 0 and screen == ""
