"""An output is never an input, whatever names it; output folders are checked
entry by entry; every output file has a temporary name of its own.

One test per case once found on the command line (each destroyed a file
and exited 0), as a user types it: standard input or standard output that
is an input, an output folder that maps an input onto another input or
holds a link to one, two runs into one folder, ``--resume`` with standard
input among the inputs. Real processes where the shell's redirections are
the point (``< in.txt``, ``>> in.txt``); in process otherwise.
"""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import STEMLINE_BIN
from corpus_cases import cli

COMMANDS = ["normalize", "vocab", "report"]
TEXT = b"The cats sat on the mat.\nRunning dogs ran.\n"


def stemline(*args: str, stdin: Path | None = None, stdout: Path | None = None, append=False):
    """``stemline args < stdin >> stdout`` (or ``>``) as a real process."""
    with (
        open(stdin or os.devnull, "rb") as i,
        open(stdout or os.devnull, "ab" if append else "wb") as o,
    ):
        return subprocess.run(
            [STEMLINE_BIN, *args], stdin=i, stdout=o, stderr=subprocess.PIPE, text=True
        )


def files(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (links as their targets' names), by relative path."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_symlink():
            found[str(path.relative_to(folder))] = b"-> " + os.readlink(path).encode()
        elif path.is_file():
            found[str(path.relative_to(folder))] = path.read_bytes()
    return found


# --- standard input and standard output ----------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
def test_standard_input_or_output_that_is_an_input_is_refused(tmp_path, command):
    src = tmp_path / "in.txt"
    src.write_bytes(TEXT)
    # `stemline normalize --lines - -o /dev/stdin < in.txt` truncated in.txt.
    run = stemline(command, "--lines", "-", "-o", "/dev/stdin", stdin=src)
    assert run.returncode == 2 and "is also an input (<stdin>)" in run.stderr
    # `stemline normalize --lines in.txt >> in.txt` read its own output until the disk filled.
    run = stemline(command, "--lines", str(src), stdout=src, append=True)
    assert run.returncode == 2 and f"standard output is also an input ({src})" in run.stderr
    assert src.read_bytes() == TEXT


def test_every_name_of_standard_input_or_output_is_refused(tmp_path):
    src = tmp_path / "in.txt"
    src.write_bytes(TEXT)
    for output in ("/proc/self/fd/0", str(src)):
        run = stemline("normalize", "--lines", "-", "-o", output, stdin=src)
        assert run.returncode == 2 and "is also an input (<stdin>)" in run.stderr
    run = stemline("normalize", "--lines", "-", stdin=src, stdout=src, append=True)
    assert run.returncode == 2 and "standard output is also an input (<stdin>)" in run.stderr
    run = stemline("normalize", "--lines", str(src), "-o", "/dev/stdout", stdout=src, append=True)
    assert run.returncode == 2 and "is also an input" in run.stderr
    assert src.read_bytes() == TEXT
    # The same terminal or /dev/null for both is what they are for.
    run = stemline("normalize", "--lines", "-", stdin=Path(os.devnull))
    assert run.returncode == 0, run.stderr


def test_a_regular_file_under_dev_is_replaced_atomically(tmp_path):
    shm = Path("/dev/shm")
    if not shm.is_dir() or not os.access(shm, os.W_OK):
        pytest.skip("no writable /dev/shm")
    src = tmp_path / "in.txt"
    src.write_bytes(TEXT)
    out = shm / f"stemline-test-{os.getpid()}.txt"
    try:
        out.write_bytes(b"old\n")
        os.chmod(out, 0o640)
        code, _, err = cli("normalize", "--lines", str(src), "-o", str(out))
        assert code == 0, err
        assert out.read_bytes() == b"the cat sat on the mat .\nrun dog ran .\n"
        assert out.stat().st_mode & 0o777 == 0o640  # replaced, keeping its mode
    finally:
        out.unlink(missing_ok=True)


# --- output folders, entry by entry ---------------------------------------------------


def test_an_output_folder_mapping_an_input_onto_another_is_refused(tmp_path):
    # `stemline normalize P/d --output-dir P` wrote P/d/d/x.txt's output over P/d/x.txt.
    (tmp_path / "P" / "d" / "d").mkdir(parents=True)
    (tmp_path / "P" / "d" / "x.txt").write_text("Outer x.")
    (tmp_path / "P" / "d" / "d" / "x.txt").write_text("Inner x.")
    before = files(tmp_path)
    code, _, err = cli("normalize", str(tmp_path / "P" / "d"), "--output-dir", str(tmp_path / "P"))
    assert code == 2 and "would replace the input" in err
    assert files(tmp_path) == before
    # `stemline normalize in out/sub/a.txt --output-dir out`: in/sub/a.txt goes to out/sub/a.txt.
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "sub" / "a.txt").write_text("In a.")
    (tmp_path / "out" / "sub").mkdir(parents=True)
    (tmp_path / "out" / "sub" / "a.txt").write_text("Out a.")
    before = files(tmp_path)
    code, _, err = cli(
        "normalize",
        str(tmp_path / "in"),
        str(tmp_path / "out" / "sub" / "a.txt"),
        "--output-dir",
        str(tmp_path / "out"),
    )
    assert code == 2 and "would replace the input" in err
    assert files(tmp_path) == before


@pytest.mark.parametrize("resume", [[], ["--resume"]])
def test_a_link_to_an_input_in_the_output_folder_is_not_written_through(tmp_path, resume):
    (tmp_path / "src").mkdir()
    (tmp_path / "src" / "t.txt").write_text("Source text.")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "t.txt").symlink_to("../src/t.txt")
    before = files(tmp_path)
    args = ["normalize", str(tmp_path / "src" / "t.txt"), "--output-dir", str(tmp_path / "out")]
    code, _, err = cli(*args, *resume)
    assert code == 2 and "would replace the input" in err
    assert files(tmp_path) == before


def test_every_entry_is_checked_before_anything_is_written(tmp_path):
    (tmp_path / "in" / "a").mkdir(parents=True)
    (tmp_path / "in" / "a" / "1.txt").write_text("One.")
    (tmp_path / "in" / "b").mkdir()
    (tmp_path / "in" / "b" / "2.txt").write_text("Two.")
    out = tmp_path / "out"
    out.mkdir()
    (out / "b").write_text("a file where a folder must go")
    code, _, err = cli("normalize", str(tmp_path / "in"), "--output-dir", str(out))
    assert code == 3 and "b is not a folder" in err
    assert sorted(p.name for p in out.iterdir()) == ["b"]  # a/1.txt was not written first
    # Two names of one file in the output folder are one output.
    (out / "b").unlink()
    (out / "a").mkdir()
    (out / "a" / "1.txt").symlink_to("../b/2.txt")
    code, _, err = cli("normalize", str(tmp_path / "in"), "--output-dir", str(out))
    assert code == 2 and "would both be written" in err


@pytest.mark.parametrize("command", COMMANDS)
def test_a_folder_as_the_output_file_is_exit_3(tmp_path, command):
    src = tmp_path / "in.txt"
    src.write_bytes(TEXT)
    code, _, err = cli(command, str(src), "-o", str(tmp_path))
    assert code == 3 and err.count("\n") == 1 and "is a folder" in err
    code, _, err = cli("normalize", str(src), "--output-dir", str(src))
    assert code == 3 and "not a folder" in err


# --- temporary files of their own -----------------------------------------------------


def test_two_runs_into_one_output_folder_keep_their_own_temporary_files(tmp_path):
    """Run A waits on a pipe with its temporary file open while run B writes
    the same output name and finishes: A's file is untouched by B, and the
    last run to finish leaves its own whole output (it was a fixed name
    both wrote)."""
    fifo_folder = tmp_path / "a"
    fifo_folder.mkdir()
    fifo = fifo_folder / "x.txt"
    os.mkfifo(fifo)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "x.txt").write_text("Sitting cats.\n")
    out = tmp_path / "out"
    out.mkdir()
    a = subprocess.Popen(
        [STEMLINE_BIN, "normalize", "--lines", str(fifo), "--output-dir", str(out)],
        stderr=subprocess.PIPE,
    )
    try:
        with open(fifo, "wb") as writer:
            # More than a block: the reader has lines to hand on before the end.
            writer.write(b"Running dogs.\n" * 100_000)
            writer.flush()
            deadline = time.monotonic() + 30
            while not any(p.name.endswith(".partial") for p in out.iterdir()):
                assert time.monotonic() < deadline and a.poll() is None
                time.sleep(0.01)
            (partial_a,) = [p for p in out.iterdir() if p.name.endswith(".partial")]
            code, _, err = cli(
                "normalize", "--lines", str(tmp_path / "b" / "x.txt"), "--output-dir", str(out)
            )
            assert code == 0, err
            assert (out / "x.txt").read_bytes() == b"sit cat .\n"
            assert partial_a.exists()  # B wrote a temporary file of its own
        assert a.wait(timeout=30) == 0, a.stderr.read()
    finally:
        a.kill()
    assert sorted(p.name for p in out.iterdir()) == ["x.txt"]
    assert (out / "x.txt").read_bytes() == b"run dog .\n" * 100_000


def test_a_second_resumable_run_into_one_output_waits_its_turn(tmp_path):
    out = tmp_path / "out.txt"
    first = subprocess.Popen(
        [STEMLINE_BIN, "normalize", "--lines", "--resume", "-", "-o", str(out)],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        first.stdin.write(TEXT)
        first.stdin.flush()
        journal = tmp_path / ".out.txt.stemline-resume"
        deadline = time.monotonic() + 30
        while not journal.exists() or not journal.stat().st_size:
            assert time.monotonic() < deadline and first.poll() is None
            time.sleep(0.01)
        src = tmp_path / "in.txt"
        src.write_bytes(TEXT)
        for resume in (["--resume"], []):
            code, _, err = cli("normalize", "--lines", *resume, str(src), "-o", str(out))
            assert code == 3 and "another stemline run is writing this output" in err
        first.send_signal(signal.SIGTERM)
        assert first.wait(timeout=30) == 143
    finally:
        first.kill()
    code, _, err = cli("normalize", "--lines", str(src), "-o", str(out))
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "out.txt"]


def test_resume_reads_standard_input_again(tmp_path):
    """``--resume`` with ``-`` among the inputs once skipped standard input
    (recorded as done, size and time unknown) and wrote the old run's text."""
    (tmp_path / "a.txt").write_text("First file.\n")
    bad = tmp_path / "c.txt"
    bad.write_bytes(b"not UTF-8 \xff\n")
    out = tmp_path / "out.txt"
    args = ["normalize", "--lines", "--resume", "--batch-size", "1"]
    args += [str(tmp_path / "a.txt"), "-", str(bad), "-o", str(out)]
    old = tmp_path / "old.txt"
    old.write_text("Old standard input.\n")
    assert stemline(*args, stdin=old).returncode == 1  # stopped at c.txt, a.txt and - done
    bad.write_text("Last file.\n")
    new = tmp_path / "new.txt"
    new.write_text("New standard input.\n")
    run = stemline(*args, stdin=new)
    assert run.returncode == 0, run.stderr
    assert out.read_bytes() == b"first file .\nnew standard input .\nlast file .\n"
