"""What every command promises about the user's files, exit codes and manners.

One test (or a few) per case once found on the command line: each failed
before the shared output layer and exit path, and checks the behaviour the
Guarantees section of the documentation states. Commands run in process
through ``stemline.cli.main`` (the real exit path: ``main`` maps every error
to its exit code) unless a real process is needed (signals, closed pipes,
terminals, other users).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import corpus_cases as cases
from conftest import STEMLINE_BIN
from corpus_cases import cli, one_error_line
from stemline import reference
from stemline.cli import main

COMMANDS = ["normalize", "vocab", "report"]
ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0, reason="needs root (mknod, other users)")


def corpus(tmp_path: Path, name: str = "c.txt") -> Path:
    path = tmp_path / name
    path.write_text("The cats sat on the mat.\nRunning dogs ran.\n", encoding="utf-8")
    return path


# --- 1. an output that is one of the inputs -------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("how", ["same", "dotdot", "symlink", "hardlink"])
def test_an_input_is_never_overwritten(tmp_path, command, how):
    src = corpus(tmp_path)
    before = src.read_bytes()
    (tmp_path / "sub").mkdir()
    output = {
        "same": str(src),
        "dotdot": str(tmp_path / "sub" / ".." / src.name),
        "symlink": str(tmp_path / "link.txt"),
        "hardlink": str(tmp_path / "hard.txt"),
    }[how]
    if how == "symlink":
        os.symlink(src, output)
    if how == "hardlink":
        os.link(src, output)
    code, _, err = cli(command, "--lines", str(src), "-o", output)
    assert code == 2
    assert "is also an input" in one_error_line(err)
    assert src.read_bytes() == before


# --- 2. devices, FIFOs and symbolic links are not replaced ----------------------------


@ROOT_ONLY
@pytest.mark.parametrize("command", COMMANDS)
def test_a_device_is_written_not_replaced(tmp_path, command):
    src = corpus(tmp_path)
    device = tmp_path / "null"
    os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # like /dev/null
    code, _, err = cli(command, "--lines", str(src), "-o", str(device))
    assert code == 0, err
    assert stat.S_ISCHR(device.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.txt", "null"]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_symlink_is_written_through_and_stays_a_link(tmp_path, command):
    src = corpus(tmp_path)
    target = tmp_path / "target.out"
    target.write_text("old\n")
    link = tmp_path / "link.out"
    link.symlink_to(target.name)
    code, _, err = cli(command, "--lines", str(src), "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_text() != "old\n"
    code, expected, _ = cli(command, "--lines", str(src))
    assert target.read_bytes() == expected


def test_a_fifo_is_written_directly(tmp_path):
    src = corpus(tmp_path)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []
    # A daemon: if the FIFO were replaced, its reader would wait for ever.
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = subprocess.run(
        [STEMLINE_BIN, "normalize", "--lines", str(src), "-o", str(fifo)], capture_output=True
    )
    reader.join(timeout=30)
    assert result.returncode == 0, result.stderr
    assert got == [b"the cat sat on the mat .\nrun dog ran .\n"]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="no /dev/stdout here")
@pytest.mark.parametrize("command", COMMANDS)
def test_dev_stdout_is_written_whatever_it_stands_for(tmp_path, command):
    src = corpus(tmp_path)
    _, expected, _ = cli(command, "--lines", str(src))
    piped = subprocess.run(
        [STEMLINE_BIN, command, "--lines", str(src), "-o", "/dev/stdout"], capture_output=True
    )
    assert (piped.returncode, piped.stdout) == (0, expected), piped.stderr
    redirected = tmp_path / "redirected"
    with open(redirected, "wb") as stdout:
        args = [STEMLINE_BIN, command, "--lines", str(src), "-o", "/dev/stdout"]
        assert subprocess.run(args, stdout=stdout).returncode == 0
    assert redirected.read_bytes() == expected
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.txt", "redirected"]


# --- 3. JSON Lines to Parquet or CSV keeps every field --------------------------------


def test_json_lines_to_parquet_keeps_a_field_the_first_record_lacks(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "v.jsonl"
    src.write_text('{"text":"one"}\n{"text":"two","id":1}\n')
    code, _, err = cli("normalize", str(src), "-o", str(tmp_path / "v.parquet"))
    assert code == 0, err
    rows = pq.read_table(tmp_path / "v.parquet").to_pylist()
    assert rows == [
        {"text": "one", "id": None, "normalized": reference.reference("one")},
        {"text": "two", "id": 1, "normalized": reference.reference("two")},
    ]


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_a_field_that_comes_too_late_is_an_error_naming_record_and_field(tmp_path, suffix):
    from stemline.corpus.writers import FIRST_RECORDS

    pytest.importorskip("pyarrow")
    src = tmp_path / "v.jsonl"
    late = FIRST_RECORDS + 1
    src.write_text('{"text":"one"}\n' * FIRST_RECORDS + '{"text":"three","late":1}\n')
    out = tmp_path / f"v.{suffix}"
    code, _, err = cli("normalize", "--batch-size", "2", str(src), "-o", str(out))
    assert code == 1
    assert f"line {late}" in one_error_line(err) and "'late'" in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v.jsonl"]


# --- 4. no traceback a user can cause -------------------------------------------------


@pytest.mark.parametrize(
    "line, message",
    [
        ('{"text": "a", "x": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested more than 512"),
        ('{"text": "a", "x": ' + "9" * 5000 + "}", "integer too long"),
    ],
)
def test_json_the_parser_refuses_is_a_bad_record(tmp_path, line, message):
    src = tmp_path / "d.jsonl"
    src.write_text('{"text": "The cats."}\n' + line + '\n{"text": "Dogs ran."}\n')
    code, _, err = cli("normalize", str(src))
    assert code == 1
    assert "line 2" in one_error_line(err) and message in err
    code, out, err = cli("normalize", "--on-bad-record", "empty", str(src))
    assert code == 0, err
    assert out == b"the cat .\n\ndog ran .\n"


def test_a_lone_surrogate_outside_the_text_field_follows_the_documented_rule(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "s.jsonl"
    src.write_text('{"text": "Cats.", "id": "a\\ud800b"}\n')
    code, _, err = cli("normalize", str(src), "-o", str(tmp_path / "s.jsonl.out.jsonl"))
    assert code == 0, err
    record = json.loads((tmp_path / "s.jsonl.out.jsonl").read_bytes())
    assert record == {"text": "Cats.", "id": "a\ud800b", "normalized": "cat ."}  # escaped
    for fmt in ("csv", "tsv"):
        code, out, err = cli("normalize", str(src), "--output-format", fmt)
        assert code == 0, err
        assert "a\ufffdb" in out.decode("utf-8")
    code, _, err = cli("normalize", str(src), "-o", str(tmp_path / "s.parquet"))
    assert code == 0, err
    assert pq.read_table(tmp_path / "s.parquet").to_pylist()[0]["id"] == "a\ufffdb"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_is_mirrored_and_written(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")  # Latin-1, not UTF-8
    (folder / name).write_text("The cats sat.")
    for fmt, field in (("jsonl", '"source": "caf\\udce9.txt"'), ("csv", "caf\ufffd.txt")):
        out = tmp_path / f"out-{fmt}"
        code, _, err = cli(
            "normalize", str(folder), "--output-dir", str(out), "--output-format", fmt
        )
        assert code == 0, err
        (written,) = list(out.iterdir())
        assert os.fsencode(written.name) == b"caf\xe9." + fmt.encode()
        assert field in written.read_bytes().decode("utf-8")


@pytest.mark.parametrize("command", COMMANDS)
def test_a_missing_output_folder_is_refused_before_reading(tmp_path, command):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"not UTF-8: \xff\n")  # reading it first would fail with exit code 1
    code, _, err = cli(command, str(bad), "-o", str(tmp_path / "nowhere" / "out"))
    assert code == 3
    assert "does not exist" in one_error_line(err)


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_a_bad_first_record_is_an_empty_document_in_any_output(tmp_path, suffix):
    pytest.importorskip("pyarrow")
    src = tmp_path / "b.jsonl"
    src.write_text('not json\n{"text": "Two cats.", "id": 1}\n')
    out = tmp_path / f"b.{suffix}"
    code, _, err = cli("normalize", "--on-bad-record", "empty", str(src), "-o", str(out))
    assert code == 0, err
    if suffix == "csv":
        assert out.read_bytes() == b"text,id,normalized\r\n,,\r\nTwo cats.,1,two cat .\r\n"
    else:
        import pyarrow.parquet as pq

        assert pq.read_table(out).to_pylist() == [
            {"text": None, "id": None, "normalized": ""},
            {"text": "Two cats.", "id": 1, "normalized": "two cat ."},
        ]


@pytest.mark.parametrize("command", COMMANDS)
def test_closed_standard_output_is_one_line_and_exit_3(tmp_path, command):
    src = corpus(tmp_path)
    result = subprocess.run(
        ["sh", "-c", '"$0" "$1" --lines "$2" >&-', STEMLINE_BIN, command, str(src)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 3
    assert "standard output is closed" in one_error_line(result.stderr)


@pytest.mark.parametrize("command", COMMANDS)
def test_closed_standard_input_is_bad_input(command):
    result = subprocess.run(
        ["sh", "-c", '"$0" "$1" - <&-', STEMLINE_BIN, command], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert "<stdin>: cannot read: standard input is closed" in one_error_line(result.stderr)


# --- 5. no panic from the native core -------------------------------------------------


def test_more_workers_than_threads_is_not_a_panic():
    import stemline

    texts = ["The cats sat."] * 100_000
    assert stemline.normalize_many(texts, workers=50_000) == ["the cat sat ."] * 100_000


# --- 6. signals and closed pipes ------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    "signum, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143), (signal.SIGHUP, 129)]
)
def test_a_stop_signal_cleans_up_and_exits_with_its_code(tmp_path, command, signum, code):
    out = tmp_path / "out"
    out.mkdir()
    args = [STEMLINE_BIN, command, "--lines", "-j", "1", "-", "-o", str(out / "result")]
    data = b"The cats sat on the mat.\nRunning dogs ran.\n" * 1000
    returncode, err = cases.stop_while_reading_a_pipe(args, out, signum, data)
    assert returncode == code
    assert b"Traceback" not in err
    assert list(out.iterdir()) == [], err


@pytest.mark.parametrize("command", COMMANDS)
def test_a_closed_pipe_exits_141_quietly(tmp_path, command):
    src = cases.big_input(tmp_path)
    process = subprocess.Popen(
        [STEMLINE_BIN, command, "--lines", str(src)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    process.stdout.close()  # like `| head -c 0`: the reader goes before any output
    assert process.wait() == 141
    assert process.stderr.read() == b""


# --- 7. memory that does not grow with the corpus -------------------------------------


def test_document_lengths_are_counted_in_bounded_memory():
    from stemline.report import DocumentLengths

    lengths = DocumentLengths()
    for start in range(0, 2_000_000, 100_000):
        lengths.add(list(range(start, start + 100_000)))  # two million distinct lengths
    assert lengths.documents == 2_000_000
    assert lengths.tokens == sum(range(2_000_000))
    assert len(lengths.counts) <= DocumentLengths.EXACT + 64
    assert lengths.quantile(0.01) == 19_999  # exact below EXACT
    assert lengths.longest == 1_999_999


# --- 8. one set of manners ------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_is_quiet_when_piped_and_summarises_on_request(tmp_path, command):
    src = tmp_path / "one.txt"
    src.write_text("The cats sat.")
    code, _, err = cli(command, str(src))
    assert (code, err) == (0, "")
    code, _, err = cli(command, "--stats", str(src))
    assert code == 0
    assert err.startswith("stemline: 1 document, 4 tokens, "), err
    assert err.endswith(", 0 errors\n")
    code, _, err = cli(command, "-q", str(src))
    assert (code, err) == (0, "")


@pytest.mark.parametrize("command", COMMANDS)
def test_an_option_that_fits_no_input_is_a_usage_error(tmp_path, command):
    text = corpus(tmp_path)
    records = tmp_path / "r.jsonl"
    records.write_text('{"text": "Cats."}\n')
    code, _, err = cli(command, "--field", "body", str(text))
    assert code == 2 and "--field applies to JSON Lines" in one_error_line(err)
    code, _, err = cli(command, "--column", "body", str(records))
    assert code == 2 and "--column applies to CSV" in one_error_line(err)
    code, _, err = cli(command, "--lines", str(records))
    assert code == 2 and "--lines applies to plain text" in one_error_line(err)


@pytest.mark.parametrize("command", COMMANDS)
def test_no_path_and_a_terminal_on_stdin_is_a_hint_not_a_wait(command):
    import pty

    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [STEMLINE_BIN, command], stdin=follower, capture_output=True, text=True, timeout=60
        )
    finally:
        os.close(follower)
        os.close(leader)
    assert result.returncode == 2
    assert "no input" in one_error_line(result.stderr)


def as_nobody(folder: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    """``stemline args`` run as the user nobody (root reads and writes anything)."""
    home = folder / "home"  # nobody's, for matplotlib's cache
    home.mkdir(mode=0o777)
    home.chmod(0o777)
    return subprocess.run(
        ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", STEMLINE_BIN, *args],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(home), "MPLCONFIGDIR": str(home)},
    )


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder other users can enter (pytest's own are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="stemline-guarantees-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder)


AS_NOBODY = pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root and setpriv"
)


@pytest.mark.parametrize("command", COMMANDS)
@AS_NOBODY
def test_an_unreadable_file_is_bad_input_exit_1(shared_folder, command):
    secret = shared_folder / "secret.txt"
    secret.write_text("The cats.")
    secret.chmod(0o600)  # root's; the command runs as nobody
    result = as_nobody(shared_folder, [command, str(secret), "-o", os.devnull])
    assert result.returncode == 1, result.stderr
    assert "secret.txt: cannot read" in one_error_line(result.stderr)


@pytest.mark.parametrize("command", COMMANDS)
@AS_NOBODY
def test_a_read_only_output_folder_is_refused_before_reading(shared_folder, command):
    bad = shared_folder / "bad.txt"
    bad.write_bytes(b"not UTF-8: \xff\n")  # reading it first would fail with exit code 1
    bad.chmod(0o644)
    locked = shared_folder / "locked"
    locked.mkdir(mode=0o755)  # root's: nobody cannot write in it
    result = as_nobody(shared_folder, [command, str(bad), "-o", str(locked / "out")])
    assert result.returncode == 3, result.stderr
    assert "is not writable" in one_error_line(result.stderr)
    assert list(locked.iterdir()) == []


def test_exit_codes_are_listed_from_one_definition():
    from stemline.corpus.problems import EXIT_CODES

    code, out, _ = cli("--help")
    text = " ".join(out.decode().split())
    for number, meaning in EXIT_CODES:
        assert f"{number} {' '.join(meaning.split())}" in text
    docs = (Path(__file__).parent.parent / "docs" / "guarantees.md").read_text()
    for number, meaning in EXIT_CODES:
        assert f"| {number} | {meaning} |" in docs


@pytest.mark.parametrize(
    ("hidden", "args", "extra"),
    [
        ("matplotlib", ["report", "-"], "report"),
        ("sklearn", ["normalize", "--stopwords", "sklearn", "-"], "stopwords"),
    ],
)
def test_a_missing_extra_is_one_line_naming_it_and_its_own_exit_code(hidden, args, extra):
    # The package is hidden from the command as if it were not installed.
    program = (
        f"import sys; sys.modules[{hidden!r}] = None; sys.argv = ['stemline', *{args!r}]; "
        "from stemline.__main__ import command_line; command_line()"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], input=b"Cats.", capture_output=True, check=False
    )
    from stemline.corpus.problems import EXIT_MISSING_EXTRA

    assert result.returncode == EXIT_MISSING_EXTRA, result.stderr
    line = one_error_line(result.stderr.decode())
    assert f'pip install "stemline[{extra}]"' in line


@AS_NOBODY
def test_an_unreadable_file_in_a_folder_is_refused_before_anything_is_written(shared_folder):
    folder = shared_folder / "d"
    folder.mkdir(mode=0o755)
    (folder / "a.txt").write_text("The cats.")
    (folder / "a.txt").chmod(0o644)
    (folder / "b.txt").write_text("Dogs.")
    (folder / "b.txt").chmod(0o600)  # root's: nobody cannot read it
    result = as_nobody(shared_folder, ["normalize", str(folder)])
    assert result.returncode == 1
    assert "b.txt: cannot read: Permission denied" in one_error_line(result.stderr)
    assert result.stdout == ""  # a.txt's line was written first


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["bogus"],
        ["normalize", "--output"],
        ["vocab", "--stemmer"],
        ["normalize", "--nope"],
        ["report", "--top", "0"],
        ["normalize", "-j", "x"],
    ],
)
def test_every_usage_error_is_one_line_naming_the_help_to_see(args):
    result = CliRunner().invoke(main, args, prog_name="stemline")
    assert result.exit_code == 2
    command = args[0] if args and args[0] in COMMANDS else None
    where = f"stemline {command} --help" if command else "stemline --help"
    assert one_error_line(result.stderr).endswith(f"(see '{where}')\n"), result.stderr
