"""Bad input: each case gets a clear error naming the file and the place, or the
policy the user asked for; never a silent drop or a shifted line."""

from __future__ import annotations

import gzip
import json
import os
import subprocess

import pytest
from click.testing import CliRunner

import corpus_cases as cases
from conftest import STEMLINE_BIN
from stemline import reference
from stemline.cli import main

STEMLINE = [STEMLINE_BIN]


def run(*args: str, stdin: bytes | None = None):
    """``stemline normalize`` in process: (exit code, stdout bytes, stderr text)."""
    result = CliRunner().invoke(main, ["normalize", *args], input=stdin)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout_bytes, result.stderr


def ref_lines(docs: list[str]) -> bytes:
    return "".join(reference.reference(d) + "\n" for d in docs).encode("utf-8")


def assert_error(args, *needles, code=1):
    status, out, err = run(*args)
    assert status == code, err
    assert err.startswith("stemline: error: "), err
    assert err.count("\n") == 1, err  # one line
    for needle in needles:
        assert needle in err, (needle, err)
    return err


# --- undecodable bytes -----------------------------------------------------------


def test_decode_error_names_file_line_and_byte_by_default(tmp_path):
    path = cases.write(tmp_path / "c.txt", b"fine\nalso fine\nprice \xa3100\n")
    assert_error(["--lines", str(path)], str(path), "line 3", "byte 21", "a3", "--on-decode-error")
    assert_error([str(path)], str(path), "line 3", "byte 21")  # whole file: same place


def test_decode_error_offset_is_in_decompressed_data(tmp_path):
    path = cases.write(tmp_path / "c.txt.gz", b"ok\n\xff\n", ".gz")
    assert_error(["--lines", str(path)], str(path), "line 2", "byte 3")


@pytest.mark.parametrize(
    "policy, decode", [("replace", lambda b: b.decode("utf-8", "replace")), ("latin-1", None)]
)
def test_decode_policies_continue_per_document(tmp_path, policy, decode):
    lines = [b"First line.", b"Price \xa3100 caf\xc3\xa9", b"Last \xe2\x80\x94 ok."]
    path = cases.write(tmp_path / "c.txt", b"\n".join(lines) + b"\n")
    status, out, err = run("--lines", "--stats", "--on-decode-error", policy, str(path))
    assert status == 0
    if decode is None:  # latin-1 applies to the bad document only
        texts = [lines[0].decode(), lines[1].decode("latin-1"), lines[2].decode()]
    else:
        texts = [decode(b) for b in lines]
    assert out == ref_lines(texts)
    assert f"{path}: line 2, byte 18" in err  # the warning names the place
    assert "1 error" in err.splitlines()[-1]  # the summary counts it


def test_decode_policy_in_json_csv_and_parquet(tmp_path):
    jsonl = cases.write(tmp_path / "a.jsonl", b'{"text": "ok"}\n{"text": "caf\xe9"}\n')
    assert_error([str(jsonl)], str(jsonl), "line 2", "byte 28")  # the bad byte itself
    status, out, _ = run("--on-decode-error", "latin-1", str(jsonl))
    assert status == 0 and out == ref_lines(["ok", "café"])
    csv_path = cases.write(tmp_path / "a.csv", b'text\nok\n"multi\ncaf\xe9"\n')
    assert_error([str(csv_path)], str(csv_path), "line 4", "byte 18")
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"text": pa.array([b"ok", b"caf\xe9"], pa.binary())})
    pq.write_table(table, tmp_path / "a.parquet")
    assert_error([str(tmp_path / "a.parquet")], "a.parquet: record 2")
    status, out, _ = run("--on-decode-error", "replace", str(tmp_path / "a.parquet"))
    assert status == 0 and out == ref_lines(["ok", "caf\ufffd"])


# --- binary data, NUL bytes ------------------------------------------------------


def test_binary_file_is_an_error_naming_the_first_nul(tmp_path):
    png = cases.write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert_error([str(png)], str(png), "binary data", "byte 8", "--on-bad-record")


def test_nul_byte_in_a_line_keeps_every_other_line_in_place(tmp_path):
    path = cases.write(tmp_path / "n.txt", b"one\ntwo\x00two\nthree\n")
    assert_error(["--lines", str(path)], "line 2", "byte 7", "NUL")
    status, out, err = run("--lines", "--stats", "--on-bad-record", "empty", str(path))
    assert status == 0
    assert out == ref_lines(["one", "", "three"])
    assert "line 2" in err and "1 error" in err


def test_nul_in_json_and_csv_fields(tmp_path):
    jsonl = cases.write(tmp_path / "n.jsonl", b'{"text": "a\\u0000b"}\n')
    assert_error([str(jsonl)], "line 1", "U+0000")
    csv_path = cases.write(tmp_path / "n.csv", b"text\na\x00b\n")
    assert_error([str(csv_path)], "record 1", "NUL")


# --- empty documents -------------------------------------------------------------


def test_empty_documents_give_empty_lines(tmp_path):
    empty = cases.write(tmp_path / "a" / "0.txt", b"")
    cases.write(tmp_path / "a" / "1.txt", b"Words here.")
    status, out, _ = run(str(tmp_path / "a"))
    assert status == 0 and out == ref_lines(["", "Words here."])  # an empty file: an empty line
    status, out, _ = run("--lines", str(empty))
    assert status == 0 and out == b""  # no lines, no documents
    lines = cases.write(tmp_path / "l.txt", b"\n\r\nx\n\n")
    assert run("--lines", str(lines))[1] == ref_lines(["", "", "x", ""])
    jsonl = cases.write(tmp_path / "e.jsonl", b'{"text": ""}\n\n   \n{"text": " "}\n')
    assert run(str(jsonl))[1] == ref_lines(["", " "])  # whitespace-only lines are not records


# --- oversized documents ------------------------------------------------------------


def test_a_line_longer_than_the_limit_is_refused_with_its_place(tmp_path):
    # Stands in for the 1 GB line (see test_corpus_memory.py for the real one).
    path = cases.write(tmp_path / "long.txt", b"short\n" + b"x" * 3_000_000 + b"\nend\n")
    err = assert_error(["--lines", "--max-doc-size", "1M", str(path)], "line 2", "byte 6")
    assert "longer than 1 MiB" in err and "--max-doc-size" in err
    status, out, _ = run("--lines", "--max-doc-size", "4M", str(path))
    assert status == 0 and out.count(b"\n") == 3
    small = cases.write(tmp_path / "small.txt", b"a line\n" * 10)
    assert_error(["--lines", "--max-doc-size", "5", str(small)], "line 1", "byte 0")
    assert_error(["--max-doc-size", "20", str(small)], "larger than 20 bytes")


# --- JSON Lines ------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, message, byte",
    [
        (b'{"text": "unterminated}', "not valid JSON", 31),  # where the parser stopped
        (b'["a", "list"]', "a list, not a JSON object", 22),  # else: where the line starts
        (b'{"body": "no text field"}', "no field 'text'", 22),
        (b'{"text": null}', "is null, not a string", 22),
        (b'{"text": 42}', "is a number, not a string", 22),
        (b'{"text": "\\ud800 lone"}', "lone surrogate", 22),
    ],
)
def test_bad_json_records(tmp_path, line, message, byte):
    data = b'{"text": "Good one."}\n' + line + b'\n{"text": "x"}\n'
    path = cases.write(tmp_path / "b.jsonl", data)
    assert_error([str(path)], str(path), "line 2", f"byte {byte}", message)
    status, out, err = run("--on-bad-record", "empty", str(path))
    assert status == 0 and out == ref_lines(["Good one.", "", "x"])
    assert message in err


def test_dotted_field_paths(tmp_path):
    path = cases.write(tmp_path / "d.jsonl", b'{"a": {"b": ["zero", "One two."]}}\n')
    assert run("--field", "a.b.1", str(path))[1] == ref_lines(["One two."])
    assert_error(["--field", "a.c", str(path)], "no field 'a.c'")


def test_bad_record_in_jsonl_output_keeps_the_line(tmp_path):
    path = cases.write(tmp_path / "b.jsonl", b'{"id": 1, "text": "Hi."}\n{"id": 2}\nnot json\n')
    out = tmp_path / "o.jsonl"
    assert run("--on-bad-record", "empty", str(path), "-o", str(out))[0] == 0
    records = [json.loads(x) for x in out.read_text().splitlines()]
    assert records == [
        {"id": 1, "text": "Hi.", "normalized": "hi ."},
        {"id": 2, "normalized": ""},
        {"normalized": ""},
    ]


def test_output_field_clash_is_an_error(tmp_path):
    path = cases.write(tmp_path / "c.jsonl", b'{"text": "x", "normalized": "old"}\n')
    assert_error([str(path), "-o", str(tmp_path / "o.jsonl")], "line 1", "--output-field")
    assert not (tmp_path / "o.jsonl").exists()


# --- CSV ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "row, message",
    [
        (b"2,too,many", "ragged row: 3 fields, the header has 2"),
        (b"2", "ragged row: 1 fields, the header has 2"),
        (b"", "ragged row: 1 fields"),  # a blank line
        (b'2,"bad"quote', "broken CSV quoting"),
    ],
)
def test_bad_csv_rows(tmp_path, row, message):
    path = cases.write(tmp_path / "r.csv", b"id,text\n1,Fine.\n" + row + b"\n3,Last.\n")
    assert_error([str(path)], str(path), "record 2 (line 3, byte 16)", message)
    status, out, _ = run("--on-bad-record", "empty", str(path))
    assert status == 0 and out == ref_lines(["Fine.", "", "Last."])


def test_csv_header_problems(tmp_path):
    path = cases.write(tmp_path / "h.csv", b"id,body\n1,x\n")
    assert_error([str(path)], "line 1", "no column 'text'", "'id', 'body'", "--column")
    assert run("--column", "body", str(path))[1] == ref_lines(["x"])
    bom = cases.write(tmp_path / "bom.csv", "\ufefftext\nBOM'd header.\n".encode())
    assert run(str(bom))[1] == ref_lines(["BOM'd header."])
    single = cases.write(tmp_path / "one.csv", b"text\r\nA.\r\n\r\nB.\r\n")
    assert run(str(single))[1] == ref_lines(["A.", "", "B."])  # one column: blank = empty doc
    unterminated = cases.write(tmp_path / "u.csv", b'text\n"never closed\n')
    assert_error([str(unterminated)], "record 1", "broken CSV quoting")


# --- compressed files -----------------------------------------------------------


@pytest.mark.parametrize("compression", [".gz", ".bz2", ".xz", ".zst"])
def test_truncated_compressed_file(tmp_path, compression):
    data = cases.COMPRESSIONS[compression](cases.as_lines(cases.line_documents()))
    path = tmp_path / f"t.txt{compression}"
    path.write_bytes(data[: len(data) * 2 // 3])
    out = tmp_path / "out.txt"
    assert_error(["--lines", str(path), "-o", str(out)], str(path), "ends early", "truncated")
    assert not out.exists()


def test_corrupt_and_misnamed_compressed_files(tmp_path):
    data = bytearray(gzip.compress(b"hello world\n" * 1000))
    data[30:40] = b"\x00" * 10
    path = tmp_path / "bad.txt.gz"
    path.write_bytes(bytes(data))
    assert_error(["--lines", str(path)], str(path), "gzip")
    fake = cases.write(tmp_path / "fake.txt.gz", b"plain text\n")
    assert_error([str(fake)], str(fake), "the name says gzip", "not compressed")


def test_bzip2_magic_needs_more_than_three_letters(tmp_path):
    path = cases.write(tmp_path / "bz.txt", b"BZh9 is how this text starts.")
    assert run(str(path))[1] == ref_lines(["BZh9 is how this text starts."])


# --- paths -------------------------------------------------------------------------


def test_unreadable_paths(tmp_path):
    missing = tmp_path / "nope.txt"
    assert_error([str(missing)], str(missing), "No such file")
    link = tmp_path / "folder" / "dangling.txt"
    link.parent.mkdir()
    link.symlink_to(tmp_path / "gone.txt")
    assert_error([str(tmp_path / "folder")], str(link), "broken symbolic link")
    (tmp_path / "f2").mkdir()
    os.mkfifo(tmp_path / "f2" / "pipe.txt")
    assert_error([str(tmp_path / "f2")], "pipe.txt", "not a regular file")
    (tmp_path / "empty").mkdir()
    assert_error([str(tmp_path / "empty")], "no input files")
    cases.write(tmp_path / "some" / "a.md", b"x")
    assert_error(["--glob", "*.txt", str(tmp_path / "some")], "no input files matching *.txt")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_permission_denied(tmp_path):
    path = cases.write(tmp_path / "secret.txt", b"x")
    path.chmod(0)
    assert_error([str(path)], str(path), "Permission denied")


def test_symlink_loop_is_an_error(tmp_path):
    (tmp_path / "d").mkdir()
    cases.write(tmp_path / "d" / "a.txt", b"x")
    (tmp_path / "d" / "loop").symlink_to(tmp_path / "d")
    assert_error([str(tmp_path / "d")], "symbolic link loop")


def test_failed_run_leaves_no_output_and_no_temporary(tmp_path):
    good = cases.write(tmp_path / "in" / "a.txt", b"Good.")
    cases.write(tmp_path / "in" / "b.txt", b"\xff")
    out = tmp_path / "out.txt.gz"
    assert_error([str(tmp_path / "in"), "-o", str(out)], "b.txt")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]
    outdir = tmp_path / "outdir"
    assert_error([str(tmp_path / "in"), "--output-dir", str(outdir)], "b.txt")
    assert list(outdir.iterdir()) == []  # nothing half-written
    assert good.read_bytes() == b"Good."


def test_exit_codes_are_documented_in_help():
    result = subprocess.run([*STEMLINE, "normalize", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for code in ("0 success", "1 bad input", "2 usage error", "3 the output cannot be written"):
        assert code in text


def test_interrupt_exits_130_and_leaves_nothing(tmp_path):
    import signal

    out = tmp_path / "out.txt"
    args = [*STEMLINE, "normalize", "--lines", "-j", "1", "-", "-o", str(out)]
    data = b"The cats sat on the mat.\n" * 1000
    returncode, err = cases.stop_while_reading_a_pipe(args, tmp_path, signal.SIGINT, data)
    assert returncode == 130
    assert err == b"stemline: interrupted\n"
    assert list(tmp_path.iterdir()) == []


def test_closed_standard_output_stops_quietly_with_141(tmp_path):
    src = cases.big_input(tmp_path)
    process = subprocess.Popen(
        [*STEMLINE, "normalize", "--lines", str(src)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout.read(10)
    process.stdout.close()  # like `| head -c 10`
    assert process.wait() == 141
    assert process.stderr.read() == b""


@pytest.mark.parametrize("command", ["normalize", "vocab"])
def test_a_binary_file_in_a_folder_names_glob(tmp_path, command):
    # An image beside the texts: the error says how to read only the texts.
    (tmp_path / "notes.txt").write_bytes(b"Cats ran.\n")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = subprocess.run(
        [STEMLINE_BIN, command, str(tmp_path), "-o", os.devnull], capture_output=True, text=True
    )
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1
    assert "photo.png: line 3, byte 8: binary data" in result.stderr  # after \r\n and \n
    assert f"found in the folder {tmp_path}: --glob '*.txt'" in result.stderr
    ok = subprocess.run(
        [STEMLINE_BIN, command, str(tmp_path), "--glob", "*.txt", "-o", os.devnull],
        capture_output=True,
    )
    assert ok.returncode == 0, ok.stderr
