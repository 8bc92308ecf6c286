"""One rule for both paths, every field kept, no internal error from any input,
option value or resource limit.

One test per case once found on the command line, as a user types it:
duplicate column and field names lost a value; deep JSON was normalized
natively and refused by the Python path; ``--field 'a.²'``, a file name that
is not UTF-8 on the native path, and option values past 64 bits were
internal errors; a native panic reached the user as a traceback; success
depended on ``--batch-size``. The properties across formats, paths and
options are in ``test_guarantees_properties.py``.
"""

from __future__ import annotations

import json
import os
import sys

import pytest

from corpus_cases import cli, one_error_line
from stemline import cli as cli_module
from stemline.corpus.readers.jsonl import MAX_NESTING

# --- every field of every record survives ----------------------------------------------


def test_duplicate_column_names_keep_every_value(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    pa = pytest.importorskip("pyarrow")
    # printf 'id,id,text\nFIRST,SECOND,Running\n' > dup.csv; stemline normalize dup.csv -o dup.jsonl
    (tmp_path / "dup.csv").write_text("id,id,text\nFIRST,SECOND,Running\n")
    expected = {"id": "FIRST", "id.1": "SECOND", "text": "Running", "normalized": "run"}
    code, _, err = cli("normalize", str(tmp_path / "dup.csv"), "-o", str(tmp_path / "dup.jsonl"))
    assert code == 0, err
    assert json.loads((tmp_path / "dup.jsonl").read_text()) == expected
    code, _, err = cli("normalize", str(tmp_path / "dup.csv"), "-o", str(tmp_path / "d.parquet"))
    assert code == 0, err
    assert pq.read_table(tmp_path / "d.parquet").to_pylist() == [expected]
    # Parquet allows a name twice; JSON Lines and CSV output keep both.
    table = pa.Table.from_arrays(
        [pa.array(["FIRST"]), pa.array(["SECOND"]), pa.array(["Running"])],
        names=["id", "id", "text"],
    )
    pq.write_table(table, tmp_path / "dup.parquet")
    code, out, err = cli("normalize", str(tmp_path / "dup.parquet"), "--output-format", "jsonl")
    assert code == 0, err
    assert json.loads(out) == expected
    code, out, err = cli("normalize", str(tmp_path / "dup.parquet"), "--output-format", "csv")
    assert (code, out) == (0, b"id,id.1,text,normalized\r\nFIRST,SECOND,Running,run\r\n"), err


def test_a_json_name_given_twice_keeps_both_values(tmp_path):
    src = tmp_path / "d.jsonl"
    src.write_text('{"id": "FIRST", "id": "SECOND", "text": "Running"}\n')
    code, out, err = cli("normalize", str(src), "--output-format", "csv")
    # The last value keeps the name, as every JSON reader (and --field) takes it.
    assert (code, out) == (0, b"id.1,id,text,normalized\r\nFIRST,SECOND,Running,run\r\n"), err


@pytest.mark.parametrize("suffix", ["csv", "parquet"])
def test_success_does_not_depend_on_the_batch_size(tmp_path, suffix):
    pytest.importorskip("pyarrow")
    # printf '{bad\n{"id":1,"text":"Running dogs"}\n' > fb.jsonl
    src = tmp_path / "fb.jsonl"
    src.write_text('{bad\n{"id":1,"text":"Running dogs"}\n{"text":"Cats","n":1.5}\n')
    outputs = set()
    for batch in ("1", "2", "4096"):
        out = tmp_path / f"o{batch}.{suffix}"
        args = ["--on-bad-record", "empty", "-o", str(out), "--batch-size", batch]
        code, _, err = cli("normalize", str(src), *args)
        assert code == 0, err
        outputs.add(out.read_bytes())
    assert len(outputs) == 1


# --- the native and Python paths apply one rule ---------------------------------------


@pytest.mark.parametrize("depth", [MAX_NESTING - 1, MAX_NESTING, 5_000, 1_000_000])
def test_deep_json_is_one_rule_on_every_path(tmp_path, depth):
    src = tmp_path / "deep.jsonl"
    src.write_text('{"text": "Running", "x": ' + "[" * depth + "]" * depth + "}\n")
    deep = depth + 1 > MAX_NESTING  # the record itself is one level
    results = {
        "native": cli("normalize", str(src), "-o", str(tmp_path / "n.txt")),
        "python": cli("normalize", str(src), "-o", str(tmp_path / "p.csv")),
        "vocab": cli("vocab", str(src), "-o", str(tmp_path / "v.tsv")),
    }
    for name, (code, _, err) in results.items():
        if deep:
            assert code == 1, (name, err)
            assert f"nested more than {MAX_NESTING} levels deep" in one_error_line(err)
        else:
            assert code == 0, (name, err)
    if not deep:
        assert (tmp_path / "n.txt").read_bytes() == b"run\n"


def test_a_field_path_with_a_unicode_digit_is_a_key(tmp_path):
    src = tmp_path / "f.jsonl"
    src.write_text('{"a": ["x"], "text": "Cats"}\n{"a": {"²": "Dogs"}}\n')
    for output in ("n.txt", "p.csv"):  # the native path, the Python path
        code, _, err = cli("normalize", "--field", "a.²", str(src), "-o", str(tmp_path / output))
        assert code == 1 and "line 1, byte 0: no field 'a.²'" in one_error_line(err)
        code, _, err = cli(
            "normalize", "--field", "a.²", "--on-bad-record", "empty", str(src),
            "-o", str(tmp_path / output),
        )  # fmt: skip
        assert code == 0, err
    assert (tmp_path / "n.txt").read_bytes() == b"\ndog\n"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses names that are not UTF-8")
def test_a_file_name_that_is_not_utf8_on_the_native_path(tmp_path):
    # printf 'Running\n' > $'caf\xe9.txt'; stemline normalize $'caf\xe9.txt'
    name = tmp_path / os.fsdecode(b"caf\xe9.txt")
    name.write_bytes(b"Running\n")
    out = tmp_path / os.fsdecode(b"out\xe9.txt")
    code, _, err = cli("normalize", str(name), "-o", str(out))
    assert code == 0, err
    assert out.read_bytes() == b"run\n"
    bad = tmp_path / os.fsdecode(b"b\xe9d.txt")
    bad.write_bytes(b"Bad \xff\n")
    # Named as Python names it on stderr, the same on both paths.
    shown = str(bad).encode("utf-8", "backslashreplace").decode()
    for output in ("n.txt", "p.csv"):
        code, _, err = cli("normalize", "--lines", str(bad), "-o", str(tmp_path / output))
        assert code == 1
        assert f"{shown}: line 1, byte 4: not valid UTF-8" in one_error_line(err)


# --- no internal error from an option value or a resource limit -----------------------


@pytest.mark.parametrize(
    "args",
    [
        ["-j", "99999999999999999999999"],
        ["--min-length", "99999999999999999999999"],
        ["--max-doc-size", "99999999999999999999999"],
        ["--batch-bytes", "99999999999999999999999"],
        ["--batch-size", "99999999999999999999999"],
    ],
)
def test_option_values_past_64_bits_mean_no_limit(tmp_path, args):
    src = tmp_path / "a.txt"
    src.write_text("Running dogs ran.\n")
    code, _, err = cli("normalize", "--lines", str(src), *args, "-o", str(tmp_path / "o.txt"))
    assert code == 0, err


def test_an_option_value_that_is_not_text_is_a_usage_error(tmp_path):
    src = tmp_path / "a.jsonl"
    src.write_text('{"text": "Cats"}\n')
    for option in ("--field", "--output-field"):
        code, _, err = cli("normalize", str(src), option, os.fsdecode(b"\xe9"))
        assert code == 2 and "not UTF-8 text (byte(s) e9)" in one_error_line(err)


class PanicException(BaseException):
    """What pyo3 raises for a native panic (a BaseException, named so)."""


@pytest.mark.parametrize("limited", [True, False])
def test_a_native_panic_is_one_line(tmp_path, monkeypatch, limited):
    src = tmp_path / "a.txt"
    src.write_text("Running dogs.\n")

    def panic(*args, **kwargs):
        raise PanicException("called `Result::unwrap()` on an `Err` value: ()")

    monkeypatch.setattr("stemline.normalizer.Normalizer.normalize_many", panic)
    monkeypatch.setattr(cli_module, "_memory_limited", lambda: limited)
    code, _, err = cli("normalize", "--lines", str(src), "--output-format", "csv")
    if limited:  # ulimit -v: the native core's allocations fail as panics
        assert code == 1 and "out of memory" in one_error_line(err)
    else:  # a bug, said in one line
        assert code == 70 and err.startswith("stemline: internal error: PanicException")
        assert err.count("\n") == 1
