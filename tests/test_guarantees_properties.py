"""The command line under generated input, each promise of the guarantees
tried across commands, formats, paths and options.

* Malformed input (JSON Lines, CSV, TSV, plain text; named, in a folder, or
  on standard input; names given twice) through ``normalize``, ``vocab`` and
  ``report``, to standard output, a file or an output folder, under each
  policy: never a traceback, a panic or an internal error, always a
  documented exit code, and under the lenient policies exactly one output
  line per input record.
* Compressed input of several streams, cut short or followed by garbage:
  read to its end or bad input, and a failed run leaves nothing behind.
* An output is never an input, whatever names it (the same name, ``..``, a
  symbolic or hard link, a descriptor, an output folder's entry or a link in
  it), with or without ``--resume``: refused, and not a byte changes.
* Every field of every record survives, whatever its names, in every
  output format.
* The native and the Python path give the same output, or the same error,
  for the same records (deep nesting, names given twice, field paths).

Commands run in process through ``stemline.cli.main``, the real exit path
(one process per example would make this test slow); a few run as real
processes at the end.
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import lzma
import os
import subprocess
import tempfile
from collections import Counter
from pathlib import Path
from unittest import mock

import zstandard
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from conftest import STEMLINE_BIN
from stemline.cli import main
from stemline.corpus import native
from stemline.corpus.problems import EXIT_CODES, EXIT_INTERNAL, EXIT_USAGE

#: Codes a malformed input may end with: success, bad input, usage, output.
ALLOWED = {code for code, _ in EXIT_CODES} - {EXIT_INTERNAL}

# Pieces that bad records are made of: broken JSON, quotes, separators, NUL,
# bytes that are not UTF-8, escapes of lone surrogates, deep nesting, names
# given twice.
PIECES = [
    b'{"text": "The cats sat."}',
    b'{"text": "a", "id": 1}',
    b'{"text": 5}',
    b'{"other": "x"}',
    b'{"text": "x\\ud800"}',
    b'{"text": "ok", "id": "\\udc80"}',
    b'{"id": 1, "id": 2, "text": "dup", "text": "Dogs ran."}',
    b"[" * 50 + b"]" * 50,
    b'{"text": "a", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    b'{"text": "a", "x": ' + b"[" * 512 + b"]" * 512 + b"}",
    b'{"text": "a", "n": ' + b"7" * 5000 + b"}",
    b"{",
    b"null",
    b'"a string"',
    b"text,id",
    b"id,text,id",
    b'"quoted, field",2',
    b'"unterminated',
    b"a\tb\tc",
    b"\x00",
    b"\xff\xfe",
    b"\xc3",
    b"Caf\xc3\xa9 d\xe9j\xe0",
    b"\r",
    b"",
    b" ",
]

records = st.lists(
    st.lists(st.sampled_from(PIECES) | st.binary(max_size=12), max_size=4).map(b"".join),
    max_size=8,
)

FORMATS = {"jsonl": ".jsonl", "csv": ".csv", "tsv": ".tsv", "text": ".txt"}
COMPRESSORS = {
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
    ".zst": zstandard.compress,
}
#: The output file each command writes in a test.
OUTPUT_NAMES = {"normalize": "out.txt", "vocab": "out.tsv", "report": "out.html"}
COMMANDS = sorted(OUTPUT_NAMES)
#: Commands as the fuzz draws them: a report that succeeds draws its plots
#: (half a second), so it comes up less often than the others.
FUZZED_COMMANDS = ["normalize", "normalize", "normalize", "vocab", "vocab", "report"]


def invoke(args: list[str], stdin: bytes | None = None) -> tuple[int, bytes, str]:
    if stdin is not None:
        # In process, standard input is the runner's, not descriptor 0, which
        # the native reader would read: the Python path reads it.
        with mock.patch.object(native, "can_run", lambda *a: False):
            result = CliRunner().invoke(main, args, input=stdin)
    else:
        result = CliRunner().invoke(main, args)
    assert isinstance(result.exception, (SystemExit, type(None))), repr(result.exception)
    return result.exit_code, result.stdout_bytes, result.stderr


def assert_clean(code: int, err: str) -> None:
    assert code in ALLOWED, err
    assert "Traceback" not in err and "PanicException" not in err, err
    assert "internal error" not in err, err


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every name under ``folder``: a file's bytes, a link's target."""
    found = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            found[key] = b"-> " + os.fsencode(os.readlink(path))
        elif path.is_file():
            found[key] = path.read_bytes()
        else:
            found[key] = b"<folder>"
    return found


# --- malformed input, every way in and out --------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    lines=records,
    fmt=st.sampled_from(sorted(FORMATS)),
    command=st.sampled_from(FUZZED_COMMANDS),
    bad_record=st.sampled_from(["fail", "empty"]),
    decode=st.sampled_from(["fail", "replace", "latin-1"]),
    trailing_newline=st.booleans(),
    via=st.sampled_from(["path", "folder", "stdin"]),
    output=st.sampled_from(["stdout", "file", "folder"]),
)
def test_malformed_input_never_breaks_the_command_line(
    lines, fmt, command, bad_record, decode, trailing_newline, via, output
):
    data = b"\n".join(lines) + (b"\n" if trailing_newline and lines else b"")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        path = folder / f"in{FORMATS[fmt]}"
        path.write_bytes(data)
        args = [command, "--on-bad-record", bad_record, "--on-decode-error", decode]
        args += ["--lines"] if fmt == "text" else []
        stdin = None
        if via == "stdin":
            args += ["--format", fmt, "-"]
            stdin = data
        else:
            args.append(str(path if via == "path" else folder))
        written = None
        if output == "folder" and command == "normalize" and via != "stdin":
            args += ["--output-dir", str(Path(tmp) / "out")]
            written = Path(tmp) / "out" / (path.name if fmt != "text" else "in.txt")
        elif output != "stdout":
            written = Path(tmp) / OUTPUT_NAMES[command]
            args += ["-o", str(written)]
        code, out, err = invoke(args, stdin)
        assert_clean(code, err)
        if code != 0:  # a failed run leaves no output file and no temporary file
            left = {p.name for p in Path(tmp).rglob("*") if p.is_file()} - {path.name}
            assert not left, left
        if written is not None and code == 0:
            out = written.read_bytes()
        lenient = bad_record == "empty" and decode != "fail"
        if command == "normalize" and lenient and code == 0 and fmt in ("text", "jsonl"):
            if fmt == "text":
                expected = data.count(b"\n") + (0 if data.endswith(b"\n") or not data else 1)
            else:  # lines holding only whitespace are not records
                expected = sum(1 for line in data.split(b"\n") if line.strip())
            assert out.count(b"\n") == expected, (data, out)


# --- compressed streams, read to their end ---------------------------------------------


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    streams=st.lists(records, min_size=1, max_size=3),
    fmt=st.sampled_from(["jsonl", "csv", "text"]),
    suffix=st.sampled_from(sorted(COMPRESSORS)),
    end=st.sampled_from(["whole", "cut", "garbage"]),
    cut=st.floats(0.0, 1.0),
    command=st.sampled_from(COMMANDS),
    output=st.sampled_from(["lines", "jsonl", "csv", "parquet"]),
)
def test_compressed_input_is_read_to_its_end_or_is_bad_input(
    streams, fmt, suffix, end, cut, command, output
):
    compress = COMPRESSORS[suffix]
    data = b"".join(compress(b"\n".join(lines) + b"\n") for lines in streams)
    if end == "cut":
        data = data[: int(len(data) * cut)]
    elif end == "garbage":
        data += b"not compressed data"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"in{FORMATS[fmt]}{suffix}"
        path.write_bytes(data)
        args = [command, str(path), "--on-bad-record", "empty", "--on-decode-error", "replace"]
        args += ["--lines"] if fmt == "text" else []
        if command == "normalize":
            args += ["-o", str(Path(tmp) / f"out.{output}")]
        code, _, err = invoke(args)
        assert_clean(code, err)
        if end == "garbage":
            assert code == 1, err
        left = sorted(p.name for p in Path(tmp).iterdir())
        if code != 0:  # a failed run leaves no output and no temporary file
            assert left == [path.name], left


# --- an output is never an input --------------------------------------------------------


ROUTES = ["same", "dotdot", "symlink", "hardlink", "descriptor", "entry", "entry-link", "inside"]


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    command=st.sampled_from(COMMANDS),
    route=st.sampled_from(ROUTES),
    resume=st.booleans(),
    fmt=st.sampled_from([".txt", ".jsonl"]),
)
def test_an_output_is_never_an_input_whatever_names_it(command, route, resume, fmt):
    folder_route = route in ("entry", "entry-link", "inside")
    assume(command == "normalize" or not (folder_route or resume))
    record = b'{"text": "The cats sat."}\n' if fmt == ".jsonl" else b"The cats sat.\n"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "in" / "sub").mkdir(parents=True)
        a, b = root / "in" / f"a{fmt}", root / "in" / "sub" / f"a{fmt}"
        a.write_bytes(record)
        b.write_bytes(record.replace(b"cats", b"dogs"))
        (root / "out").mkdir()
        inputs, output = [str(a)], []
        descriptor = None
        if route == "same":
            output = ["-o", str(a)]
        elif route == "dotdot":
            output = ["-o", str(root / "in" / "sub" / ".." / a.name)]
        elif route == "symlink":
            (root / "out" / "link").symlink_to(a)
            output = ["-o", str(root / "out" / "link")]
        elif route == "hardlink":
            os.link(a, root / "out" / "hard")
            output = ["-o", str(root / "out" / "hard")]
        elif route == "descriptor":
            descriptor = os.open(a, os.O_RDONLY)
            output = ["-o", f"/proc/self/fd/{descriptor}"]
            assume(os.path.exists(output[1]))
        elif route == "entry":  # in/sub/a goes to in/a, another input
            inputs = [str(root / "in" / "sub"), str(a)]
            output = ["--output-dir", str(root / "in")]
        elif route == "entry-link":  # out/a is a link to the input
            (root / "out" / a.name).symlink_to(a)
            output = ["--output-dir", str(root / "out")]
        else:  # an output folder inside the input folder
            inputs = [str(root / "in")]
            output = ["--output-dir", str(root / "in" / "sub" / "out")]
        before = snapshot(root)
        try:
            args = [command, *(["--lines"] if fmt == ".txt" else []), *inputs, *output]
            code, _, err = invoke(args + (["--resume"] if resume else []))
        finally:
            if descriptor is not None:
                os.close(descriptor)
        assert code == EXIT_USAGE, err
        assert err.count("\n") == 1, err
        assert snapshot(root) == before


# --- every field survives -----------------------------------------------------------------


@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    names=st.lists(st.sampled_from(["id", "id.1", "x", "n"]), min_size=0, max_size=5),
    text_at=st.integers(0, 5),
    source=st.sampled_from(["csv", "tsv", "jsonl", "parquet"]),
    target=st.sampled_from(["jsonl", "csv", "tsv", "parquet"]),
)
@example(names=["id", "id"], text_at=1, source="jsonl", target="jsonl")
@example(names=["id", "id.1", "id"], text_at=3, source="jsonl", target="csv")
def test_every_field_survives_whatever_its_names(names, text_at, source, target):
    import pyarrow as pa
    import pyarrow.parquet as pq

    names = [*names[:text_at], "text", *names[text_at:]]
    values = [f"v{i}" if name != "text" else "Running dogs" for i, name in enumerate(names)]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"in.{source}"
        if source in ("csv", "tsv"):
            delimiter = "," if source == "csv" else "\t"
            path.write_text(delimiter.join(names) + "\n" + delimiter.join(values) + "\n")
        elif source == "jsonl":
            pairs = ", ".join(
                f"{json.dumps(n)}: {json.dumps(v)}" for n, v in zip(names, values, strict=True)
            )
            path.write_text("{" + pairs + "}\n")
        else:
            arrays = [pa.array([v]) for v in values]
            pq.write_table(pa.Table.from_arrays(arrays, names=names), path)
        out = Path(tmp) / f"out.{target}"
        code, _, err = invoke(["normalize", str(path), "-o", str(out)])
        assert code == 0, err
        if target == "jsonl":
            # A JSON Lines record is written back as it was read, a name given
            # twice as it was: every pair is read, none replacing another.
            (pairs,) = [
                json.loads(line, object_pairs_hook=list) for line in out.read_text().splitlines()
            ]
            record = {f"{i}:{n}": v for i, (n, v) in enumerate(pairs) if n != "normalized"}
            record["normalized"] = dict(pairs)["normalized"]
        elif target == "parquet":
            (record,) = pq.read_table(out).to_pylist()
        else:
            rows = list(
                csv.reader(io.StringIO(out.read_text()), delimiter="," if target == "csv" else "\t")
            )
            header, row = rows
            assert len(set(header)) == len(header), header
            record = dict(zip(header, row, strict=True))
        assert record.pop("normalized") == "run dog"
        assert Counter(record.values()) == Counter(values), (names, record)


# --- the native and the Python path: one rule -------------------------------------------

JSON_RECORDS = [
    b'{"text": "Running dogs."}',
    b'{"text": "a", "text": "The cats."}',
    b'{"id": 1, "id": 2, "text": "Dup ids."}',
    b'{"a": ["x", "Cats sat."], "text": "t"}',
    b'{"a": {"\\u00b2": "Sup two.", "01": "Zero one.", "1": "One."}, "text": "t"}',
    b'{"text": "deep", "x": ' + b"[" * 511 + b"]" * 511 + b"}",
    b'{"text": "deeper", "x": ' + b"[" * 512 + b"]" * 512 + b"}",
    b'{"text": "deepest", "x": ' + b"{}" * 3 + b"[" * 5000 + b"]" * 5000 + b"}",
    b'{"text": "q", "s": "' + b"[" * 600 + b'"}',
    b'{"text": 1}',
    b"{",
    b"",
]


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    lines=st.lists(st.sampled_from(JSON_RECORDS), min_size=1, max_size=6),
    field=st.sampled_from(["text", "a.1", "a.²", "a.01", "a.1.0"]),
    bad_record=st.sampled_from(["fail", "empty"]),
    jsonl_out=st.booleans(),
    name=st.sampled_from([b"in.jsonl", b"caf\xe9.jsonl"]),
)
def test_the_native_and_python_paths_apply_one_rule(lines, field, bad_record, jsonl_out, name):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / os.fsdecode(name)
        path.write_bytes(b"\n".join(lines) + b"\n")
        args = ["normalize", str(path), "--field", field, "--on-bad-record", bad_record]
        suffix = ".jsonl" if jsonl_out else ".txt"
        results = []
        took = []
        real = native.can_run
        for use_native in (True, False):
            out = Path(tmp) / f"out-{use_native}{suffix}"

            def can_run(*a, use_native=use_native):
                took.append(use_native and real(*a))
                return took[-1]

            with mock.patch.object(native, "can_run", can_run):
                code, _, err = invoke([*args, "-o", str(out)])
            results.append((code, out.read_bytes() if code == 0 else None, err))
        assert took[0], "the job did not take the native path"
        assert results[0] == results[1]


# --- real processes -----------------------------------------------------------------------


def test_real_processes_end_cleanly_on_malformed_input(tmp_path):
    """A few of the same cases as real processes (the installed entry point),
    standard input among them (on the native path there)."""
    cases = {
        "a.jsonl": b'{"text": "ok"}\n{\n{"x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}\n",
        "b.csv": b'text,id\n"open quote,1\n',
        "c.txt": b"fine\n\xff\x00\n",
        "d.jsonl.gz": gzip.compress(b'{"text": "cats"}\n' * 100)[:-9],
        "e.txt.xz": lzma.compress(b"one\n") + b"\xfd7zXZ\x00 garbage",
    }
    for name, data in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        for command in COMMANDS:
            result = subprocess.run(
                [STEMLINE_BIN, command, str(path), "-o", str(tmp_path / "out")]
                + ["--on-bad-record", "empty", "--on-decode-error", "replace"],
                capture_output=True,
                text=True,
            )
            assert_clean(result.returncode, result.stderr)
            compressed = name.endswith((".gz", ".xz"))
            assert result.returncode == (1 if compressed else 0), result.stderr
    fmt = {"a.jsonl": "jsonl", "c.txt": "text"}
    for name, format_ in fmt.items():
        result = subprocess.run(
            [STEMLINE_BIN, "normalize", "--format", format_, "-", "-o", str(tmp_path / "o")]
            + ["--on-bad-record", "empty", "--on-decode-error", "replace"],
            input=cases[name],
            capture_output=True,
        )
        assert_clean(result.returncode, result.stderr.decode())
