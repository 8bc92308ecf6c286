"""Every compressed stream is read to its end or fails, on every path; an
error names the exact place of the first bad line or record.

Each case was once found on the command line: a corrupt second xz or bzip2
stream silently dropped by the Python readers (CSV input, ``vocab``,
``report``, ``--output-dir``), gzip with NUL padding refused by the native
path only, a Zstandard file of a gigabyte of one letter decompressed whole,
error places rounded to the start of the mebibyte being read, and an error
further on in a block reported before the first one. The property test tries
the rule on generated streams through the native path, the Python path and
``vocab``, which must agree.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import tempfile
from pathlib import Path

import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import STEMLINE_BIN, peak_rss
from corpus_cases import cli
from stemline import reference
from stemline.corpus.compression import STEP_BYTES

COMPRESS = {
    ".gz": gzip.compress,
    ".bz2": bz2.compress,
    ".xz": lzma.compress,
    ".zst": zstandard.compress,
}


def paths(path: Path, tmp: Path) -> dict[str, tuple[int, bytes, str]]:
    """The same lines through the native path (lines to a file), the Python
    path (CSV output) and ``vocab`` (its own pass): (exit code, the output's
    normalized lines, stderr)."""
    out = {}
    code, _, err = cli("normalize", "--lines", str(path), "-o", str(tmp / "n.txt"))
    out["native"] = (code, (tmp / "n.txt").read_bytes() if code == 0 else b"", err)
    code, _, err = cli("normalize", "--lines", str(path), "-o", str(tmp / "p.csv"))
    lines = b""
    if code == 0:
        rows = (tmp / "p.csv").read_bytes().split(b"\r\n")[1:-1]
        lines = b"".join(row.rsplit(b",", 1)[1] + b"\n" for row in rows)
    out["python"] = (code, lines, err)
    code, _, err = cli("vocab", "--lines", str(path), "-o", str(tmp / "v.tsv"))
    out["vocab"] = (code, b"", err)
    return out


@pytest.mark.parametrize("suffix", [".bz2", ".xz"])
def test_a_corrupt_second_stream_is_an_error_on_every_path(tmp_path, suffix):
    first, second = COMPRESS[suffix](b"Running dogs.\n"), COMPRESS[suffix](b"Sitting cats.\n")
    bad = bytearray(second)
    bad[len(bad) // 2] ^= 0xFF  # inside the stream, after its header (a checksum catches it)
    path = tmp_path / f"two.txt{suffix}"
    path.write_bytes(first + bytes(bad))
    for name, (code, _, err) in paths(path, tmp_path).items():
        assert code == 1, (name, err)
        assert err.startswith(f"stemline: error: {path}: "), err


@pytest.mark.parametrize("suffix", sorted(COMPRESS))
def test_garbage_after_the_last_stream_is_an_error_on_every_path(tmp_path, suffix):
    path = tmp_path / f"tail.txt{suffix}"
    path.write_bytes(COMPRESS[suffix](b"Running dogs.\n") + b"garbage after the stream")
    for name, (code, _, err) in paths(path, tmp_path).items():
        assert code == 1, (name, err)


@pytest.mark.parametrize("suffix, padding", [(".gz", b"\0" * 3), (".xz", b"\0" * 8)])
def test_padding_the_format_allows_is_read_alike_on_every_path(tmp_path, suffix, padding):
    path = tmp_path / f"padded.txt{suffix}"
    path.write_bytes(COMPRESS[suffix](b"Running dogs.\n") + padding)
    for name, (code, lines, err) in paths(path, tmp_path).items():
        assert code == 0, (name, err)
        assert lines in (b"", b"run dog .\n"), name


def test_a_huge_run_of_one_letter_in_a_small_zstd_file_is_refused_in_bounded_memory(tmp_path):
    """36 KB of Zstandard holding a gigabyte of ``a``: the Python reader
    decompressed it whole (2.1 GB, 36 s) before its line check."""
    path = tmp_path / "a.txt.zst"
    cctx = zstandard.ZstdCompressor(level=3)
    with open(path, "wb") as f, cctx.stream_writer(f) as w:
        for _ in range(256):
            w.write(b"a" * (1 << 20))  # 256 MiB, one line
    assert path.stat().st_size < 100_000
    args = ["--lines", "--max-doc-size", "1M", str(path), "-o", str(tmp_path / "o.csv")]
    code, rss, err = peak_rss([STEMLINE_BIN, "normalize", *args])
    assert code == 1 and "line longer than 1 MiB" in err
    assert rss < 150_000_000, rss


def test_an_error_names_the_place_the_data_went_bad_not_the_block(tmp_path):
    data = b"".join(b"line %d\n" % i for i in range(200_000))  # 1.3 MB, over a block
    blob = bytearray(gzip.compress(data))
    blob[len(blob) // 2] ^= 0xFF
    path = tmp_path / "c.txt.gz"
    path.write_bytes(bytes(blob))
    offsets = []
    for name, (code, _, err) in paths(path, tmp_path).items():
        assert code == 1, (name, err)
        offsets.append(int(err.split(": corrupt")[0].rsplit("byte ", 1)[1]))
    # Where each decoder found the corruption, give or take the step it was
    # asked for (zlib and the native decoder drop what they made in the call
    # that fails), not the start of the mebibyte being read.
    assert max(offsets) - min(offsets) <= STEP_BYTES, offsets
    assert all(offset % (1 << 20) for offset in offsets), offsets
    assert all(len(data) // 4 < offset < len(data) for offset in offsets), offsets


@pytest.mark.parametrize("output", ["lines", "csv"])
def test_the_first_bad_record_is_the_one_reported_and_warnings_come_in_order(tmp_path, output):
    records = [b'{"text": "ok %d"}' % i for i in range(1, 500)]
    records[113] = b"{bad json"  # line 114
    records[422] = b'{"text": "caf\xe9"}'  # line 423: not UTF-8
    path = tmp_path / "m.jsonl"
    path.write_bytes(b"\n".join(records) + b"\n")
    out = ["-o", str(tmp_path / f"out.{output}")]
    code, _, err = cli("normalize", str(path), *out)
    assert code == 1 and "line 114, byte 2040: not valid JSON" in err
    code, _, err = cli(
        "normalize", str(path), *out, "--on-bad-record", "empty", "--on-decode-error", "replace"
    )
    assert code == 0, err
    warnings = err.splitlines()
    assert ["line 114" in warnings[0], "line 423" in warnings[1]] == [True, True], err


# Streams of documents, each compressed, then what may follow the last one.
TAILS = st.sampled_from(["", "nul", "nul4", "garbage", "corrupt", "truncated"])


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    streams=st.lists(
        st.lists(st.sampled_from(["Running dogs.", "The cats sat.", "", "Café."]), max_size=3),
        min_size=1,
        max_size=3,
    ),
    suffix=st.sampled_from(sorted(COMPRESS)),
    tail=TAILS,
)
def test_every_stream_is_read_to_its_end_or_fails_alike_on_every_path(streams, suffix, tail):
    compress = COMPRESS[suffix]
    data = b"".join(compress("".join(d + "\n" for d in docs).encode()) for docs in streams)
    allowed = False
    if tail == "nul":
        data += b"\0" * 3
        allowed = suffix == ".gz"  # gzip -d skips NUL padding; xz pads in fours
    elif tail == "nul4":
        data += b"\0" * 4
        allowed = suffix in (".gz", ".xz")
    elif tail == "garbage":
        data += b"not a stream at all"
    elif tail == "corrupt":  # a further stream whose header is broken
        more = bytearray(compress(b"More text.\n"))
        more[2] ^= 0x55
        data += bytes(more)
    elif tail == "truncated":
        data += compress(b"More text.\n")[:-4]
    else:
        allowed = True
    docs = [d for s in streams for d in s]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"in.txt{suffix}"
        path.write_bytes(data)
        results = paths(path, Path(tmp))
    codes = {name: code for name, (code, _, _) in results.items()}
    if allowed:
        assert set(codes.values()) == {0}, results
        expected = "".join(reference.normalize(d) + "\n" for d in docs).encode()
        assert results["native"][1] == expected
        assert results["python"][1].replace(b'"', b"") == expected.replace(b'"', b"")
    else:
        assert set(codes.values()) == {1}, results
