"""The native corpus path against the Python readers and the reference.

Every job here runs twice in this process, once on the native path and once
with it switched off, on the same files, to real output files: the outputs,
the error (message and place) and the warnings must be the same. The block
size of both readers is made tiny in the property tests, so that a
multi-byte character, a ``\\r\\n``, an invalid byte or a JSON escape falls
across two reads.
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import io
import json
import lzma
import os
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import zstandard
from hypothesis import given
from hypothesis import strategies as st

import corpus_cases as cases
from conftest import STEMLINE_BIN
from stemline.corpus import job, native
from stemline.corpus.options import InputSpec
from stemline.corpus.outputs import OutputSpec
from stemline.corpus.problems import InputError, Problems
from stemline.corpus.readers import lines as python_lines
from stemline.corpus.readers import text as python_text
from stemline.normalizer import Normalizer

NORMALIZER = Normalizer()


def run_job(
    inputs: InputSpec, out: Path, *, use_native: bool, workers: int = 1, problems_shown: int = 10
) -> tuple[bytes | None, str | None, str, bool]:
    """(output bytes or None, error message or None, warnings, took the native path)."""
    took = []
    real_can_run = native.can_run

    def can_run(*args: object) -> bool:
        took.append(use_native and real_can_run(*args))
        return took[-1]

    warnings = io.StringIO()
    problems = Problems(stream=warnings, show=problems_shown)
    out.unlink(missing_ok=True)
    try:
        native.can_run = can_run  # type: ignore[assignment]
        job.run(
            inputs,
            OutputSpec(path=str(out)),
            NORMALIZER,
            workers=workers,
            quiet=True,
            problems=problems,
        )
        result, error = out.read_bytes(), None
    except InputError as e:
        result, error = None, e.message
        assert not out.exists(), "a failed job left its output"
    finally:
        native.can_run = real_can_run  # type: ignore[assignment]
    return result, error, warnings.getvalue(), bool(took and took[0])


def both_paths(inputs: InputSpec, tmp: Path, workers: int = 1) -> tuple[bytes | None, str | None]:
    py = run_job(inputs, tmp / "python.out", use_native=False)
    nat = run_job(inputs, tmp / "native.out", use_native=True, workers=workers)
    assert nat[3], "the job did not take the native path"
    assert nat[:3] == py[:3]
    return nat[0], nat[1]


@contextlib.contextmanager
def block_size(n: int) -> Iterator[None]:
    """Both paths read ``n`` bytes at a time."""
    modules = (native, python_lines, python_text)
    saved = [m.BLOCK_BYTES for m in modules]
    for m in modules:
        m.BLOCK_BYTES = n
    try:
        yield
    finally:
        for m, value in zip(modules, saved, strict=True):
            m.BLOCK_BYTES = value


FORMATS = {
    "lines": (".txt", lambda: cases.as_lines(cases.line_documents()), {"lines": True}),
    "crlf": (".txt", lambda: cases.as_lines(cases.line_documents(), "\r\n"), {"lines": True}),
    "jsonl": (".jsonl", lambda: cases.as_jsonl(cases.documents()), {"field": "body.text"}),
}


@pytest.mark.parametrize("workers", [1, 2])
@pytest.mark.parametrize("compression", list(cases.COMPRESSIONS))
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_and_compression_matches_python_and_the_reference(
    tmp_path, fmt, compression, workers
):
    ext, data, options = FORMATS[fmt]
    path = cases.write(tmp_path / f"in{ext}{compression}", data(), compression)
    out, error = both_paths(InputSpec(paths=(str(path),), **options), tmp_path, workers)
    docs = cases.line_documents() if fmt in ("lines", "crlf") else cases.documents()
    assert error is None and out == cases.expected(docs)


DECOMPRESS = {
    ".gz": gzip.decompress,
    ".bz2": bz2.decompress,
    ".xz": lzma.decompress,
    ".zst": lambda b: zstandard.ZstdDecompressor().decompressobj().decompress(b),
}


@pytest.mark.parametrize("compression", list(DECOMPRESS))
@pytest.mark.parametrize("fmt", ["lines", "jsonl"])
def test_compressed_output_is_the_python_paths_byte_for_byte(tmp_path, fmt, compression):
    ext, data, options = FORMATS[fmt]
    path = cases.write(tmp_path / f"in{ext}", data())
    inputs = InputSpec(paths=(str(path),), batch_size=7, **options)
    py = run_job(inputs, tmp_path / f"python{ext}{compression}", use_native=False)
    nat = run_job(inputs, tmp_path / f"native{ext}{compression}", use_native=True, workers=2)
    assert nat[3], "the job did not take the native path"
    assert nat[:3] == py[:3]
    out = DECOMPRESS[compression](nat[0])
    if fmt == "lines":
        assert out == cases.expected(cases.line_documents())
    else:
        texts = [json.loads(line)["normalized"] for line in out.decode().splitlines()]
        assert texts == cases.expected(cases.documents()).decode().splitlines()


@pytest.mark.parametrize("compression", list(cases.COMPRESSIONS))
def test_a_folder_of_text_files_one_document_each(tmp_path, compression):
    docs = cases.documents()
    for i, doc in enumerate(docs):
        cases.write(
            tmp_path / "in" / f"d{i // 10}" / f"{i:03}.txt{compression}", doc.encode(), compression
        )
    out, error = both_paths(InputSpec(paths=(str(tmp_path / "in"),)), tmp_path, workers=2)
    assert error is None and out == cases.expected(docs)


def test_jsonl_to_jsonl_splices_the_field_into_each_record(tmp_path):
    docs = cases.documents()
    path = cases.write(tmp_path / "in.jsonl", cases.as_jsonl(docs))
    inputs = InputSpec(paths=(str(path),), field="body.text")
    py = run_job(inputs, tmp_path / "python.jsonl", use_native=False)
    nat = run_job(inputs, tmp_path / "native.jsonl", use_native=True, workers=2)
    assert nat[3] and nat[:3] == py[:3]
    records = [json.loads(line) for line in nat[0].decode().splitlines()]
    assert [r["normalized"] for r in records] == cases.expected(docs).decode().splitlines()
    raw_in = path.read_bytes().decode().splitlines()
    assert [line[: line.rindex("}")] for line in raw_in] == [
        line[: line.index(', "normalized": ')] for line in nat[0].decode().splitlines()
    ]


def test_the_bbc_folder_matches_the_reference(tmp_path, bbc, bbc_reference):
    from conftest import DATA

    inputs = InputSpec(paths=(str(DATA / "bbc"),), globs=("*.txt",), on_decode_error="latin-1")
    out, error = both_paths(inputs, tmp_path, workers=2)
    assert error is None
    assert out.decode().splitlines() == bbc_reference


def test_every_worker_count_writes_the_same_bytes_on_bbc(tmp_path, bbc, bbc_reference):
    # The BBC articles one per line, as bytes: sport/199.txt keeps its Latin-1
    # pound sign, a bad byte at a known line. In 4 KiB chunks, the workers
    # finish them in any order; the output, the warning and the error must
    # be the serial job's, whatever -j says.
    from conftest import DATA

    raws = [(DATA / "bbc" / name).read_bytes().replace(b"\n", b" ") for name, _ in bbc]
    path = cases.write(tmp_path / "bbc.txt", b"\n".join(raws) + b"\n")
    bad_line = [name for name, _ in bbc].index("sport/199.txt") + 1
    bad_byte = sum(len(r) + 1 for r in raws[: bad_line - 1]) + raws[bad_line - 1].index(b"\xa3")
    expected = ("\n".join(bbc_reference) + "\n").encode("utf-8")
    with block_size(4096):
        tolerant = InputSpec(paths=(str(path),), lines=True, on_decode_error="latin-1")
        strict = InputSpec(paths=(str(path),), lines=True)
        assert both_paths(tolerant, tmp_path, workers=2) == (expected, None)
        _, error = both_paths(strict, tmp_path, workers=2)
        assert error is not None and f"line {bad_line}, byte {bad_byte}:" in error
        for workers in (1, 4):
            out, err, warnings, took = run_job(
                tolerant, tmp_path / "o.txt", use_native=True, workers=workers
            )
            assert took and (out, err) == (expected, None)
            assert warnings.count("\n") == 1 and f"line {bad_line}, byte {bad_byte}:" in warnings
            assert run_job(strict, tmp_path / "o.txt", use_native=True, workers=workers)[1] == error


# Pieces that stress block boundaries: multi-byte characters, \r\n, invalid
# bytes, NUL, JSON escapes (\uXXXX, surrogate pairs, a lone surrogate).
PIECES = [
    b"a",
    b"Cat",
    b" ",
    b"\n",
    b"\r\n",
    b"\r",
    b"\xc3\xa9",
    b"\xe2\x82\xac",
    b"\xf0\x9f\x98\x80",
    b"\xff",
    b"\xc3",
    b"\xe2\x82",
    b"\x00",
    b'"',
    b".",
    b"'s",
    b"\xef\xbb\xbf",
    b"\t",
    b"\xa0",
    b"\xc2\xa0",
]
JSON_PIECES = [
    b'{"text": "',
    b'"}',
    b"\\u00e9",
    b"\\ud83d\\ude00",
    b"\\ud800",
    b"\\n",
    b'\\"',
    b"\\\\",
    b'", "x": [1, {"text": 2}], "text": "',
    b"{}",
    b"[1]",
    b"null",
    b'{"text": null}',
    b'{"text": "a\\u0000"}',
    b" ",
    b"\n",
    b"NaN",
    b'{"normalized": 1, "text": "x"}',
    b"\xff",
    b"\xc3\xa9",
    b"\r\n",
]

blobs = st.lists(st.sampled_from(PIECES), max_size=40).map(b"".join)
json_blobs = st.lists(st.sampled_from(JSON_PIECES + PIECES[:6]), max_size=30).map(b"".join)
policies = st.sampled_from(["fail", "replace", "latin-1"])
bad_records = st.sampled_from(["fail", "empty"])


@given(
    data=blobs,
    block=st.integers(1, 24),
    decode=policies,
    bad=bad_records,
    lines=st.booleans(),
    compression=st.sampled_from(["", ".gz", ".zst"]),
    max_doc=st.sampled_from([8, 64 << 20]),
)
def test_plain_text_at_block_boundaries(
    tmp_path_factory, data, block, decode, bad, lines, compression, max_doc
):
    tmp = tmp_path_factory.mktemp("plain")
    path = cases.write(tmp / f"in.txt{compression}", data, compression)
    inputs = InputSpec(
        paths=(str(path),),
        lines=lines,
        on_decode_error=decode,
        on_bad_record=bad,
        max_doc_bytes=max_doc,
    )
    with block_size(block):
        both_paths(inputs, tmp, workers=2)


@given(
    data=json_blobs,
    block=st.integers(1, 24),
    decode=policies,
    bad=bad_records,
    jsonl_out=st.booleans(),
)
def test_json_lines_at_block_boundaries(tmp_path_factory, data, block, decode, bad, jsonl_out):
    tmp = tmp_path_factory.mktemp("jsonl")
    path = cases.write(tmp / "in.jsonl", data)
    inputs = InputSpec(paths=(str(path),), on_decode_error=decode, on_bad_record=bad)
    suffix = ".jsonl" if jsonl_out else ".txt"
    with block_size(block):
        py = run_job(inputs, tmp / f"python{suffix}", use_native=False)
        nat = run_job(inputs, tmp / f"native{suffix}", use_native=True, workers=2)
    assert nat[3]
    clash = "the record already has a field"
    if nat[1] is not None and py[1] is not None and (clash in nat[1] or clash in py[1]):
        # The one documented difference: the Python writer finds a record that
        # already has the output field when it writes the batch, after reading
        # the next one; the native path when it reads the record. With another
        # bad record further on, each path reports the one it meets first.
        assert nat[0] is None and py[0] is None
        return
    assert nat[:3] == py[:3]


def test_error_places_are_the_python_readers(tmp_path):
    cases_ = {
        "bad-utf8.txt": (b"ok\nfine \xe2\x82 here\n", {"lines": True}, "line 2, byte 8"),
        "nul.txt": (b"one\ntwo\x00\n", {"lines": True}, "line 2, byte 7"),
        "whole.txt": (b"a\nb\nc\xff", {}, "line 3, byte 5"),
        "long.txt": (
            b"short\n" + b"x" * 100 + b"\n",
            {"lines": True, "max_doc_bytes": 50},
            "line 2, byte 6",
        ),
        "bad.jsonl": (b'{"text": "a"}\n{"text": 1}\n', {}, "line 2, byte 14"),
        "badjson.jsonl": (b'{"text": "a"}\n{"text": "b\n', {}, "line 2"),
        # Python's json refuses an integer of over 4,300 digits; serde would skip it.
        "longint.jsonl": (
            b'{"text": "a"}\n{"n": ' + b"7" * 4301 + b', "text": "b"}\n',
            {},
            "line 2, byte 14: an integer too long",
        ),
        "deep.jsonl": (b'{"text": "a"}\n' + b"[" * 200_000 + b"\n", {}, "line 2, byte 14"),
    }
    for name, (data, options, place) in cases_.items():
        path = cases.write(tmp_path / name, data)
        _, error = both_paths(InputSpec(paths=(str(path),), **options), tmp_path)
        assert error is not None and place in error, (name, error)


def test_integers_python_converts_are_records(tmp_path):
    # 4,300 digits (Python's limit) and longer floats are fine to both paths.
    path = cases.write(
        tmp_path / "ok.jsonl",
        b'{"n": ' + b"7" * 4300 + b', "text": "Cats."}\n'
        b'{"x": ' + b"7" * 5000 + b'.5, "text": "Dogs."}\n'
        b'{"text": "' + b"7" * 5000 + b'"}\n',
    )
    out, error = both_paths(InputSpec(paths=(str(path),)), tmp_path)
    assert error is None and out == b"cat .\ndog .\n" + b"7" * 5000 + b"\n"


def test_compression_errors_name_the_file(tmp_path):
    good = cases.COMPRESSIONS[".gz"](b"line\n" * 1000)
    truncated = cases.write(tmp_path / "cut.txt.gz", good[: len(good) // 2])
    misnamed = cases.write(tmp_path / "plain.txt.gz", b"just text\n")
    for path, words in (
        (truncated, "gzip data ends early"),
        (misnamed, "the name says gzip but the data is not compressed"),
    ):
        _, error = both_paths(InputSpec(paths=(str(path),), lines=True), tmp_path)
        assert error is not None and words in error


def test_warnings_of_tolerated_problems_are_the_same(tmp_path):
    data = b"".join(b"bad \xff line %d\n" % i for i in range(15))
    path = cases.write(tmp_path / "in.txt", data)
    out, error = both_paths(
        InputSpec(paths=(str(path),), lines=True, on_decode_error="replace"), tmp_path
    )
    assert error is None and out.count(b"\n") == 15


def test_the_command_takes_the_native_path_and_stops_on_bad_input(tmp_path):
    path = cases.write(tmp_path / "in.txt", b"fine\nbad \xff\n")
    out = tmp_path / "out.txt"
    run = subprocess.run(
        [STEMLINE_BIN, "normalize", "--lines", str(path), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 1
    assert run.stderr.strip() == (
        f"stemline: error: {path}: line 2, byte 9: not valid UTF-8: byte(s) ff "
        "(--on-decode-error replace or latin-1 continues)"
    )
    assert not out.exists()
    # Standard output is a real file descriptor: the native path writes to it.
    run = subprocess.run(
        [STEMLINE_BIN, "normalize", "--lines", "-j", "2", "-"],
        input=b"Cats ran.\r\nDogs!\n",
        capture_output=True,
    )
    assert run.returncode == 0 and run.stdout == b"cat ran .\ndog !\n"


def test_broken_pipe_is_quiet(tmp_path):
    path = cases.write(tmp_path / "in.txt", b"some words here\n" * 200_000)
    run = subprocess.run(
        f"{STEMLINE_BIN} normalize --lines {path} | head -1", shell=True, capture_output=True
    )
    assert run.stdout == b"some word here\n" and run.stderr == b""


STOPS = [
    (signal.SIGINT, 130, b"stemline: interrupted\n"),
    (signal.SIGTERM, 143, b"stemline: terminated (SIGTERM)\n"),
    (signal.SIGHUP, 129, b"stemline: stopped by SIGHUP\n"),
]


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("name", ["out.txt", "out.txt.gz"])
@pytest.mark.parametrize("signum, code, said", STOPS)
def test_a_stop_signal_stops_a_native_job_waiting_on_standard_input(
    tmp_path, signum, code, said, name, workers
):
    # The reading thread is blocked on a pipe that never ends: the signal must
    # still stop the job at once, with its exit code and no output file left.
    # With -j 1 the writing thread is also the only worker.
    args = [STEMLINE_BIN, "normalize", "--lines", "-", "-o", str(tmp_path / name), "-j", workers]
    returncode, err = cases.stop_while_reading_a_pipe(
        args, tmp_path, signum, b"Some words.\n" * 1000, settle=0.3
    )
    assert returncode == code
    assert err == said
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("signum, code, said", STOPS)
def test_a_stop_signal_stops_a_native_job_blocked_writing(tmp_path, signum, code, said):
    # The output is a FIFO whose reader never reads: the native writer is
    # blocked in write(2) when the signal comes, and must not retry for ever.
    src = cases.write(tmp_path / "in.txt", b"Some words here and there.\n" * 200_000)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # there, never reading
    try:
        job_ = subprocess.Popen(
            [STEMLINE_BIN, "normalize", "--lines", str(src), "-o", str(fifo)],
            stderr=subprocess.PIPE,
        )
        time.sleep(1.5)  # imports done, the FIFO's buffer full
        assert job_.poll() is None
        job_.send_signal(signum)
        try:
            _, err = job_.communicate(timeout=20)
        finally:
            job_.kill()
    finally:
        os.close(reader)
    assert job_.returncode == code
    assert err == said


def test_the_native_path_keeps_the_commands_manners(tmp_path):
    # Quiet when standard error is not a terminal; the summary with --stats,
    # counted as the Python path counts; -q keeps --stats's summary only.
    src = cases.write(tmp_path / "one.txt", b"The cats sat.\nDogs ran.\n")

    def stemline(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [STEMLINE_BIN, "normalize", "--lines", str(src), *args],
            capture_output=True,
            text=True,
        )

    assert stemline("-o", str(tmp_path / "a")).stderr == ""
    for args in (["--stats"], ["--stats", "-q"]):
        run = stemline("-o", str(tmp_path / "b"), *args)
        assert run.returncode == 0
        assert run.stderr.startswith("stemline: 2 documents, 7 tokens, "), run.stderr
        assert run.stderr.endswith(", 0 errors\n") and run.stderr.count("\n") == 1
    assert stemline("-q", "-o", str(tmp_path / "c")).stderr == ""
    run = stemline("--stats")  # standard output, native too
    assert run.stdout == "the cat sat .\ndog ran .\n"
    assert run.stderr.startswith("stemline: 2 documents, 7 tokens, ")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_a_write_error_is_worded_as_on_the_python_path(tmp_path):
    text = cases.write(tmp_path / "in.txt", b"The cats sat.\n")
    table = cases.write(tmp_path / "in.csv", b"text\nThe cats sat.\n")  # the Python path
    full_gz = tmp_path / "full.gz"  # compressed output through the output layer's sink
    full_gz.symlink_to("/dev/full")
    for out in ("/dev/full", str(full_gz)):
        said = []
        for args in (["--lines", str(text)], [str(table)]):
            run = subprocess.run(
                [STEMLINE_BIN, "normalize", *args, "-o", out], capture_output=True, text=True
            )
            assert run.returncode == 3
            said.append(run.stderr)
        assert (
            said[0] == said[1] == f"stemline: error: {out}: cannot write: No space left on device\n"
        )
