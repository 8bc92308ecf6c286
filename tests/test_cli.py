"""The command line, run as a real subprocess."""

from __future__ import annotations

import subprocess
import sys

from conftest import EXAMPLES, STEMLINE_BIN
from stemline import reference

STEMLINE = [STEMLINE_BIN]
PYTHON_M = [sys.executable, "-m", "stemline"]


def run(args, *, stdin: bytes = b"", cmd=STEMLINE, cwd=None):
    return subprocess.run(cmd + args, input=stdin, capture_output=True, cwd=cwd)


def test_seed_article_prints_the_seed_line():
    expected = (EXAMPLES / "expected.txt").read_bytes()
    for cmd in (STEMLINE, PYTHON_M):
        result = run(["normalize", str(EXAMPLES / "article.txt")], cmd=cmd)
        assert result.returncode == 0, result.stderr
        assert result.stdout == expected + b"\n"


def test_each_file_is_one_document(tmp_path):
    texts = ["First doc.\nStill first.", "", 'Third: "quoted"!\n']
    paths = []
    for i, text in enumerate(texts):
        path = tmp_path / f"{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    result = run(["normalize", *paths])
    assert result.returncode == 0, result.stderr
    expected = "".join(reference.reference(t) + "\n" for t in texts)
    assert result.stdout.decode("utf-8") == expected


def test_lines_split_on_newline_only(tmp_path):
    text = "One.\nTwo\u2028still two.\n\nFour\x85same.\n"
    path = tmp_path / "in.txt"
    path.write_bytes(text.encode("utf-8"))
    result = run(["normalize", "--lines", str(path)])
    assert result.returncode == 0, result.stderr
    docs = ["One.", "Two\u2028still two.", "", "Four\x85same."]
    expected = "".join(reference.reference(d) + "\n" for d in docs)
    assert result.stdout.decode("utf-8") == expected


def test_standard_input_and_dash():
    text = "Standard input can't be skipped."
    expected = (reference.reference(text) + "\n").encode()
    assert run(["normalize"], stdin=text.encode()).stdout == expected
    assert run(["normalize", "-"], stdin=text.encode()).stdout == expected


def test_output_file(tmp_path):
    out = tmp_path / "out.txt"
    result = run(["normalize", str(EXAMPLES / "article.txt"), "-o", str(out)])
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    assert out.read_bytes() == (EXAMPLES / "expected.txt").read_bytes() + b"\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary left


def test_stemmer_option(tmp_path):
    text = "He was generously running"
    for mode in ("martin", "original", "none"):
        result = run(["normalize", "--stemmer", mode], stdin=text.encode())
        assert result.stdout.decode() == reference.normalize(text, mode) + "\n"


def test_non_utf8_names_file_and_byte_offset(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"fine line\nprice \xa3100\n")
    out = tmp_path / "out.txt"
    result = run(["normalize", str(bad), "-o", str(out)])
    assert result.returncode == 1
    message = result.stderr.decode()
    assert str(bad) in message
    assert "byte 16" in message and "line 2" in message
    assert not out.exists()  # a failed run leaves no output that looks finished
    assert list(tmp_path.iterdir()) == [bad]


def test_missing_file_is_an_input_error(tmp_path):
    missing = tmp_path / "nope.txt"
    result = run(["normalize", str(missing)])
    assert result.returncode == 1
    assert str(missing) in result.stderr.decode()


def test_usage_error_exit_code():
    assert run(["normalize", "--stemmer", "porter2"]).returncode == 2


def test_output_files_get_the_usual_permissions(tmp_path):
    # Written under a private temporary name, but the finished file must have
    # the mode any new file gets (0o666 less the umask), not mkstemp's 0o600.
    import os
    import stat

    umask = os.umask(0)
    os.umask(umask)
    article = str(EXAMPLES / "article.txt")
    for command in (["normalize", "-q"], ["vocab"], ["report"]):
        out = tmp_path / f"{command[0]}.out"
        result = run([*command, article, "-o", str(out)])
        assert result.returncode == 0, result.stderr
        assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask, command
