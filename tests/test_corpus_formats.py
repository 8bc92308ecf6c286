"""Every input format and compression gives the reference's lines; outputs keep every field."""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

import corpus_cases as cases
from conftest import STEMLINE_BIN
from stemline import reference
from stemline.cli import main

STEMLINE = [STEMLINE_BIN]


def normalize(*args: str, stdin: bytes | None = None) -> bytes:
    """Runs ``stemline normalize`` in process; returns stdout, asserting success."""
    result = CliRunner().invoke(main, ["normalize", "-q", *args], input=stdin)
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout_bytes


FORMATS = {
    "lines": (".txt", lambda: cases.as_lines(cases.line_documents()), ["--lines"]),
    "crlf": (".txt", lambda: cases.as_lines(cases.line_documents(), "\r\n"), ["--lines"]),
    "jsonl": (".jsonl", lambda: cases.as_jsonl(cases.documents()), ["--field", "body.text"]),
    "csv": (".csv", lambda: cases.as_delimited(cases.documents()), []),
    "tsv": (".tsv", lambda: cases.as_delimited(cases.documents(), "\t"), []),
}


@pytest.mark.parametrize("compression", list(cases.COMPRESSIONS))
@pytest.mark.parametrize("fmt", list(FORMATS))
def test_each_format_and_compression_gives_the_reference_lines(tmp_path, fmt, compression):
    ext, data, options = FORMATS[fmt]
    path = cases.write(tmp_path / f"in{ext}{compression}", data(), compression)
    docs = cases.line_documents() if fmt in ("lines", "crlf") else cases.documents()
    assert normalize(*options, str(path)) == cases.expected(docs)


def test_text_folder_one_document_per_file_sorted(tmp_path):
    docs = cases.documents()
    names = []
    for i, doc in enumerate(docs):
        # Nested folders and names whose order differs from creation order.
        name = f"{'b' if i % 2 else 'a'}/{len(docs) - i:03d}.txt"
        cases.write(tmp_path / name, doc.encode("utf-8"), "")
        names.append(name)
    order = sorted(range(len(docs)), key=lambda i: tuple(names[i].split("/")))
    assert normalize(str(tmp_path)) == cases.expected([docs[i] for i in order])


def test_parquet_streamed_by_row_group(tmp_path):
    docs = cases.documents()
    path = tmp_path / "in.parquet"
    cases.write_parquet(path, docs, row_group_size=5)
    assert pq.ParquetFile(path).num_row_groups > 2
    assert normalize("--batch-size", "3", str(path)) == cases.expected(docs)


@pytest.mark.parametrize("compression", [".gz", ".zst", ".bz2", ".xz"])
def test_compression_found_by_magic_bytes_on_stdin_and_unnamed_files(tmp_path, compression):
    docs = cases.line_documents()
    data = cases.COMPRESSIONS[compression](cases.as_lines(docs))
    assert normalize("--lines", "-", stdin=data) == cases.expected(docs)
    unnamed = tmp_path / "corpus.txt"
    unnamed.write_bytes(data)
    assert normalize("--lines", str(unnamed)) == cases.expected(docs)


def test_concatenated_gzip_members_are_one_stream(tmp_path):
    docs = cases.line_documents()
    half = len(docs) // 2
    data = gzip.compress(cases.as_lines(docs[:half])) + gzip.compress(cases.as_lines(docs[half:]))
    path = cases.write(tmp_path / "two.txt.gz", data)
    assert normalize("--lines", str(path)) == cases.expected(docs)


def test_glob_and_hidden_files(tmp_path):
    cases.write(tmp_path / "keep" / "a.txt", b"Alpha docs.")
    cases.write(tmp_path / "keep" / "b.md", b"Beta docs.")
    cases.write(tmp_path / ".hidden" / "c.txt", b"Hidden docs.")
    cases.write(tmp_path / "keep" / ".d.txt", b"Dotted docs.")
    assert normalize("--glob", "*.txt", str(tmp_path)) == cases.expected(["Alpha docs."])
    assert normalize("--glob", "keep/*", str(tmp_path)) == cases.expected(
        ["Alpha docs.", "Beta docs."]
    )
    everything = ["Hidden docs.", "Dotted docs.", "Alpha docs."]
    assert normalize("--hidden", "--glob", "*.txt", str(tmp_path)) == cases.expected(everything)


def test_stemmer_and_batch_size_do_not_change_order(tmp_path):
    docs = cases.line_documents()
    path = cases.write(tmp_path / "in.txt", cases.as_lines(docs))
    for batch in ("1", "7", "100000"):
        got = normalize("--lines", "--batch-size", batch, "-j", "2", str(path))
        assert got == cases.expected(docs)
    assert normalize("--lines", "--stemmer", "martin", str(path)) == cases.expected(docs, "martin")


# --- outputs -----------------------------------------------------------------


def _expected_texts(docs):
    return [reference.reference(d) for d in docs]


def test_jsonl_output_keeps_each_record_byte_for_byte(tmp_path):
    docs = cases.documents()
    raw = cases.as_jsonl(docs).decode().splitlines()
    src = cases.write(tmp_path / "in.jsonl", cases.as_jsonl(docs))
    out = tmp_path / "out.jsonl.gz"
    normalize("--field", "body.text", str(src), "-o", str(out))
    lines = gzip.decompress(out.read_bytes()).decode().splitlines()
    assert len(lines) == len(docs)
    for line, original, want in zip(lines, raw, _expected_texts(docs), strict=True):
        assert line.startswith(original[:-1] + ", ")  # the record as written, then the new field
        record = json.loads(line)
        assert record["normalized"] == want
        assert record["id"] and record["n"] == 1.0


def test_csv_output_keeps_every_cell(tmp_path):
    docs = cases.documents()
    src = cases.write(tmp_path / "in.csv", cases.as_delimited(docs))
    out = tmp_path / "out.csv"
    normalize(str(src), "-o", str(out), "--output-field", "norm")
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8"))))
    assert rows[0] == ["id", "text", "note", "norm"]
    assert [r[:3] for r in rows[1:]] == [[f"doc-{i}", d, "x,y"] for i, d in enumerate(docs)]
    assert [r[3] for r in rows[1:]] == _expected_texts(docs)


def test_parquet_output_keeps_types_and_adds_a_column(tmp_path):
    docs = cases.documents()
    src = tmp_path / "in.parquet"
    cases.write_parquet(src, docs)
    out = tmp_path / "out.parquet"
    normalize(str(src), "-o", str(out))
    table = pq.read_table(out)
    assert table.schema.field("id").type == pa.int64()
    assert table.column("id").to_pylist() == list(range(len(docs)))
    assert table.column("text").to_pylist() == docs
    assert table.column("normalized").to_pylist() == _expected_texts(docs)


def test_cross_format_outputs(tmp_path):
    docs = cases.line_documents()
    src = cases.write(tmp_path / "in.txt", cases.as_lines(docs))
    want = _expected_texts(docs)
    out = tmp_path / "out.jsonl"
    normalize("--lines", str(src), "-o", str(out))
    records = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert records == [
        {"source": "in.txt", "line": i + 1, "normalized": w} for i, w in enumerate(want)
    ]
    out = tmp_path / "out.parquet"
    normalize("--lines", str(src), "-o", str(out))
    assert pq.read_table(out).column("normalized").to_pylist() == want
    jsonl = cases.write(tmp_path / "in.jsonl", cases.as_jsonl(cases.documents()))
    out = tmp_path / "from-json.csv"
    normalize("--field", "body.text", str(jsonl), "-o", str(out))
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8"))))
    assert [r["normalized"] for r in rows] == _expected_texts(cases.documents())
    assert json.loads(rows[0]["body"])["text"] == cases.documents()[0]


@pytest.mark.parametrize("compression", list(cases.COMPRESSIONS))
def test_output_compressed_by_extension(tmp_path, compression):
    docs = cases.line_documents()
    src = cases.write(tmp_path / "in.txt", cases.as_lines(docs))
    out = tmp_path / f"out.txt{compression}"
    normalize("--lines", str(src), "-o", str(out))
    data = out.read_bytes()
    if compression:
        from stemline.corpus.compression import sniff

        assert (
            sniff(data[:10])
            == {".gz": "gzip", ".bz2": "bzip2", ".xz": "xz", ".zst": "zstd"}[compression]
        )
    # stemline reads its own output back (magic bytes), and so do the standard tools.
    assert normalize("--lines", "--stemmer", "none", str(out)) == normalize(
        "--lines", "--stemmer", "none", "-", stdin=cases.expected(docs)
    )
    if compression == ".gz":
        assert gzip.decompress(data) == cases.expected(docs)


def test_output_dir_mirrors_the_input_tree(tmp_path):
    src = tmp_path / "src"
    docs = cases.documents()
    cases.write(src / "news" / "a.txt", docs[0].encode())
    cases.write(src / "news" / "deep" / "b.txt.gz", docs[1].encode(), ".gz")
    cases.write(src / "dump.jsonl.zst", cases.as_jsonl(docs[:3]), ".zst")
    cases.write(src / "table.csv", cases.as_delimited(docs[:2]))
    out = tmp_path / "out"
    normalize("--field", "body.text", str(src), "--output-dir", str(out))
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == ["dump.jsonl.zst", "news/a.txt", "news/deep/b.txt.gz", "table.csv"]
    assert (out / "news" / "a.txt").read_bytes() == cases.expected(docs[:1])
    assert gzip.decompress((out / "news/deep/b.txt.gz").read_bytes()) == cases.expected(docs[1:2])
    import zstandard

    dump = zstandard.ZstdDecompressor().stream_reader((out / "dump.jsonl.zst").read_bytes()).read()
    assert [json.loads(x)["normalized"] for x in dump.decode().splitlines()] == _expected_texts(
        docs[:3]
    )
    # An explicit output format renames: table.csv -> table.jsonl.
    out2 = tmp_path / "out2"
    normalize(str(src / "table.csv"), "--output-dir", str(out2), "--output-format", "jsonl")
    assert [p.name for p in out2.iterdir()] == ["table.jsonl"]


def test_output_dir_collisions_and_nesting_are_usage_errors(tmp_path):
    a = cases.write(tmp_path / "a" / "x.txt", b"One.")
    b = cases.write(tmp_path / "b" / "x.txt", b"Two.")
    result = CliRunner().invoke(
        main, ["normalize", str(a), str(b), "--output-dir", str(tmp_path / "o")]
    )
    assert result.exit_code == 2 and "both be written" in result.output
    result = CliRunner().invoke(
        main, ["normalize", str(tmp_path / "a"), "--output-dir", str(tmp_path / "a" / "o")]
    )
    assert result.exit_code == 2 and "inside the input folder" in result.output


def test_python_module_and_stdin_subprocess(tmp_path):
    docs = cases.line_documents()
    data = gzip.compress(cases.as_lines(docs))
    for cmd in (STEMLINE, [sys.executable, "-m", "stemline"]):
        result = subprocess.run(
            [*cmd, "normalize", "--lines", "-q"], input=data, capture_output=True, check=True
        )
        assert result.stdout == cases.expected(docs)
        assert result.stderr == b""


def test_corpus_layer_is_not_imported_by_import_stemline():
    code = (
        "import sys, stemline; stemline.normalize('x');"
        "print(sorted(m for m in ('pyarrow', 'zstandard', 'tqdm', 'stemline.corpus') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_reading_api_gives_places_and_fields(tmp_path):
    from stemline.corpus import InputSpec, read_batches

    docs = cases.line_documents()[:5]
    src = cases.write(tmp_path / "in.txt", cases.as_lines(docs, "\r\n"))
    spec = InputSpec(paths=(str(src),), lines=True, batch_size=2)
    got = [d for batch in read_batches(spec) for d in batch.documents()]
    assert [d.text for d in got] == docs
    assert [d.number for d in got] == [1, 2, 3, 4, 5]
    offsets = [0]
    for d in docs[:-1]:
        offsets.append(offsets[-1] + len(d.encode()) + 2)
    assert [d.offset for d in got] == offsets
    assert got[2].fields == {"source": "in.txt", "line": 3}
    assert os.path.samefile(got[0].source.path, src)


def test_input_options_serve_another_command(tmp_path):
    """The interface other commands (vocab, report) reuse: @input_options + read_batches."""
    import click

    from stemline.commands.options import input_options
    from stemline.corpus import InputSpec, read_batches

    @click.command()
    @input_options
    @click.option("--top", default=3)
    def count(inputs: InputSpec, top: int) -> None:
        sizes = [len(text) for batch in read_batches(inputs) for text in batch.texts]
        click.echo(f"{len(sizes)} {sum(sizes)} {top}")

    docs = cases.documents()
    src = cases.write(tmp_path / "in.jsonl.gz", cases.as_jsonl(docs), ".gz")
    result = CliRunner().invoke(count, ["--field", "body.text", "--batch-size", "4", str(src)])
    assert result.exit_code == 0, result.output
    assert result.output == f"{len(docs)} {sum(map(len, docs))} 3\n"
    bad = cases.write(tmp_path / "bad.txt", b"\xff")
    # A bare click command has no exit path of its own: the error reaches it
    # as raised, naming the place, with its exit code.
    result = CliRunner().invoke(count, [str(bad)])
    assert result.exception.exit_code == 1
    assert "bad.txt: line 1, byte 0: not valid UTF-8" in str(result.exception)


def test_the_whole_bbc_folder_through_the_command_line(bbc, bbc_reference):
    """All 2,225 articles, one per file, in path order; the one Latin-1 file by policy."""
    from conftest import DATA

    result = CliRunner().invoke(
        main,
        ["normalize", "--stats", str(DATA / "bbc"), "--glob", "*.txt"]
        + ["--on-decode-error", "latin-1"],
    )
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == "".join(line + "\n" for line in bbc_reference).encode("utf-8")
    assert "sport/199.txt: line 5, byte 257: not valid UTF-8" in result.stderr
    assert "2,225 documents" in result.stderr and "1 error" in result.stderr
