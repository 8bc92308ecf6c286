"""Memory that does not grow with the corpus (slow: `make test-slow`).

* ``stemline report`` on 20 million one-word documents peaks under 200 MB.
* One huge document costs at most 3x its size: a 300 MB single line through
  the command line, a 500 MB string through ``stemline.normalize``.

Peak RSS is read with getrusage in a fresh child process; "its size" is
measured above the same child's peak on a tiny input (the interpreter and the
libraries). Each test prints its figures (run with ``-s``).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import STEMLINE_BIN, peak_rss

pytestmark = pytest.mark.slow

MB = 1_000_000
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


@pytest.mark.parametrize("lines", [False, True])
def test_one_300_mb_line_through_the_command_line(tmp_path, lines):
    size = 300 * MB
    path = tmp_path / "huge.txt"
    with open(path, "w", encoding="ascii") as f:
        f.write((SENTENCE * (size // len(SENTENCE) + 1))[:size])
    tiny = tmp_path / "tiny.txt"
    tiny.write_text(SENTENCE)
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


def test_one_500_mb_string_through_the_api():
    size = 500 * MB
    script = (
        "import resource, stemline\n"
        f"unit = {SENTENCE!r}\n"
        f"text = unit * ({size} // len(unit))\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024\n"
        "line = stemline.normalize(text)\n"
        "peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024\n"
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
