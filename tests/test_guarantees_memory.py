"""Memory that does not grow with the corpus (slow: `make test-slow`).

* ``stemline report`` on 20 million one-word documents peaks under 200 MB.
* A small Zstandard file holding a gigabyte of one letter (one line) is
  refused after ``--max-doc-size`` bytes on every path, not decompressed whole.
* One huge document costs at most 3x its size: a 300 MB single line through
  the command line (also with ``--offsets``, whose output is several times the
  line), a 500 MB string through ``stemline.normalize``, and 200 MB
  documents that are one run (of dots, dashes, ``://``, apostrophes, ``é``,
  ``日``, emoji), both ways. Their first and last characters are checked
  against the reference's line of a short document of the same shape.

Peak RSS is read with getrusage in a fresh child process; "its size" is
measured above the same child's peak on a tiny input (the interpreter and the
libraries). A Python child reads its own peak from ``VmHWM``, which starts
afresh with the child's program, where getrusage's maximum also counts the
parent's memory at the time it was started. Each test prints its figures (run
with ``-s``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import STEMLINE_BIN, peak_rss
from stemline import reference

pytestmark = pytest.mark.slow

MB = 1_000_000
#: Python source for the peak RSS of the running process, in bytes.
VM_HWM = "int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0]) * 1024"
SENTENCE = "The quick brown foxes jumped over the lazy dogs; running, they ran! "


def test_report_on_twenty_million_one_word_documents(tmp_path):
    path = tmp_path / "words.txt"
    words = [f"w{i}".encode() for i in range(1000)]
    block = b"\n".join(words) + b"\n"
    with open(path, "wb") as f:
        for _ in range(20_000):
            f.write(block)
    code, rss, err = peak_rss(
        [STEMLINE_BIN, "report", "--lines", str(path), "-o", str(tmp_path / "r.html")]
    )
    assert code == 0, err
    print(f"\nreport, 20,000,000 one-word documents: peak RSS {rss / MB:.0f} MB")
    assert rss < 200 * MB
    assert "20,000,000" in (tmp_path / "r.html").read_text()


def huge_line(folder: Path, size: int) -> tuple[Path, Path]:
    """``folder/huge.txt``, one line of ``size`` bytes of text, and
    ``folder/tiny.txt``, one sentence of it (the baseline)."""
    path = folder / "huge.txt"
    with open(path, "w", encoding="ascii") as f:
        f.write((SENTENCE * (size // len(SENTENCE) + 1))[:size])
    tiny = folder / "tiny.txt"
    tiny.write_text(SENTENCE)
    return path, tiny


@pytest.mark.parametrize("lines", [False, True])
def test_one_300_mb_line_through_the_command_line(tmp_path, lines):
    size = 300 * MB
    path, tiny = huge_line(tmp_path, size)
    options = ["--lines"] if lines else []
    out = str(tmp_path / "out.txt")
    _, base, _ = peak_rss([STEMLINE_BIN, "normalize", *options, str(tiny), "-o", out])
    args = [STEMLINE_BIN, "normalize", *options, "--max-doc-size", "1G", str(path), "-o", out]
    code, rss, err = peak_rss(args)
    assert code == 0, err
    print(
        f"\nnormalize {'--lines ' if lines else ''}one 300 MB line: peak RSS {rss / MB:.0f} MB, "
        f"{(rss - base) / size:.2f}x its size above the {base / MB:.0f} MB of a tiny input"
    )
    assert rss - base <= 3 * size


def test_one_300_mb_line_with_offsets(tmp_path):
    size = 300 * MB
    path, tiny = huge_line(tmp_path, size)
    out = str(tmp_path / "out.jsonl")
    _, base, _ = peak_rss([STEMLINE_BIN, "normalize", "--lines", "--offsets", str(tiny), "-o", out])
    args = [STEMLINE_BIN, "normalize", "--lines", "--offsets", "--max-doc-size", "1G", str(path)]
    started = time.monotonic()
    code, rss, err = peak_rss([*args, "-o", out])
    seconds = time.monotonic() - started
    assert code == 0, err
    written = os.path.getsize(out)
    print(
        f"\nnormalize --lines --offsets one 300 MB line ({written / MB:.0f} MB written): "
        f"peak RSS {rss / MB:.0f} MB, {(rss - base) / size:.2f}x its size above the "
        f"{base / MB:.0f} MB of a tiny input, {seconds:.1f} s"
    )
    with open(out, "rb") as f:
        head = f.read(200)
        f.seek(written - 60)
        tail = f.read()
    assert head.startswith(b'{"source": "huge.txt", "line": 1, "normalized": "the quick brown fox')
    assert tail.endswith(b"]]}\n")
    assert rss - base <= 3 * size


def test_a_gigabyte_of_one_letter_in_a_small_zstd_file(tmp_path):
    zstandard = pytest.importorskip("zstandard")
    path = tmp_path / "a.txt.zst"
    with open(path, "wb") as f, zstandard.ZstdCompressor().stream_writer(f) as w:
        for _ in range(1000):
            w.write(b"a" * MB)
    commands = {  # the native path, and two of the Python readers'
        "normalize --lines (native)": [
            "normalize",
            "--lines",
            str(path),
            "-o",
            str(tmp_path / "o"),
        ],
        "normalize to CSV (Python)": [
            "normalize",
            "--lines",
            str(path),
            "-o",
            str(tmp_path / "o.csv"),
        ],
        "vocab --lines (Python)": ["vocab", "--lines", str(path), "-o", str(tmp_path / "v")],
    }
    for name, args in commands.items():
        started = time.monotonic()
        code, rss, err = peak_rss([STEMLINE_BIN, *args])
        seconds = time.monotonic() - started
        print(
            f"\n{name}, {path.stat().st_size / 1000:.0f} KB .zst of 1 GB of 'a': "
            f"peak RSS {rss / MB:.0f} MB, {seconds:.1f} s"
        )
        assert code == 1 and "line longer than 64 MiB" in err, err
        assert rss < 400 * MB


def test_one_500_mb_string_through_the_api():
    size = 500 * MB
    script = (
        "import stemline\n"
        f"unit = {SENTENCE!r}\n"
        f"text = unit * ({size} // len(unit))\n"
        f"base = {VM_HWM}\n"
        "line = stemline.normalize(text)\n"
        f"peak = {VM_HWM}\n"
        "print(base - len(text), peak)\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    interpreter, peak = map(int, result.stdout.split())
    print(
        f"\nstemline.normalize of a 500 MB string: peak RSS {peak / MB:.0f} MB, "
        f"{(peak - interpreter) / size:.2f}x its size above the interpreter"
    )
    assert peak - interpreter <= 3 * size


#: One-run documents: (unit, whether the API bound holds). A line of emoji is
#: punctuation whose line is as long as it: through the API that is the string
#: (4 bytes a character, as UTF-8), its UTF-8 encoding, and the line, 3x with
#: nothing else, so only the command line is held to 3x there.
ONE_RUN = {
    "dots": (".", True),
    "dashes": ("-", True),
    "url-like": ("://", True),
    "apostrophes": ("'", True),
    "accented": ("\u00e9", True),
    "CJK": ("\u65e5", True),
    "emoji": ("\U0001f600", False),
}
ONE_RUN_SIZE = 200 * MB


def _one_run(name: str) -> tuple[str, int, str]:
    """(unit, repetitions, the reference's line of a short document of the same
    shape: the same repetitions modulo 1,200)."""
    unit = ONE_RUN[name][0]
    count = ONE_RUN_SIZE // len(unit.encode())
    return unit, count, reference.normalize(unit * (1200 + count % 1200))


def _ends_match(line_head: str, line_tail: str, expected: str) -> None:
    assert line_head == expected[:60]
    assert line_tail == expected[-60:]


@pytest.mark.parametrize("name", ONE_RUN)
def test_a_200_mb_one_run_line_through_the_command_line(tmp_path, name):
    unit, count, expected = _one_run(name)
    path = tmp_path / "huge.txt"
    with open(path, "w", encoding="utf-8") as f:
        for _ in range(count // 1_000_000):
            f.write(unit * 1_000_000)
        f.write(unit * (count % 1_000_000) + "\n")
    size = path.stat().st_size - 1
    tiny = tmp_path / "tiny.txt"
    tiny.write_text(unit + "\n", encoding="utf-8")
    out = tmp_path / "out.txt"
    _, base, _ = peak_rss([STEMLINE_BIN, "normalize", "--lines", str(tiny), "-o", str(out)])
    args = [STEMLINE_BIN, "normalize", "--lines", "--max-doc-size", "1G", str(path), "-o", str(out)]
    code, rss, err = peak_rss(args)
    assert code == 0, err
    print(f"\nnormalize --lines, one 200 MB run of {name}: {(rss - base) / size:.2f}x its size")
    with open(out, "rb") as f:
        head = f.read(400).decode("utf-8", "ignore")[:60]
        f.seek(max(0, out.stat().st_size - 400))
        # The first bytes read may be the end of a character.
        tail = f.read().decode("utf-8", "ignore").rstrip("\n")[-60:]
    _ends_match(head, tail, expected)
    assert rss - base <= 3 * size


@pytest.mark.parametrize("name", [name for name, (_, api) in ONE_RUN.items() if api])
def test_a_200_mb_one_run_string_through_the_api(name):
    unit, count, expected = _one_run(name)
    size = count * len(unit.encode())
    script = (
        "import json, stemline\n"
        "stemline.normalize('warm up')\n"
        f"interpreter = {VM_HWM}\n"
        f"line = stemline.normalize({unit!r} * {count})\n"
        f"peak = {VM_HWM}\n"
        "print(json.dumps([interpreter, peak, line[:60], line[-60:]]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    interpreter, peak, head, tail = json.loads(result.stdout)
    print(f"\nstemline.normalize, one 200 MB run of {name}: {(peak - interpreter) / size:.2f}x")
    _ends_match(head, tail, expected)
    assert peak - interpreter <= 3 * size
