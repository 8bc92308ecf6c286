"""`stemline normalize --offsets`: token source ranges in JSON Lines output."""

from __future__ import annotations

import json
import subprocess

import stemline
from conftest import STEMLINE_BIN
from stemline import reference

STEMLINE = [STEMLINE_BIN]

TEXTS = [
    'He said "cannot." \'Tis (“x”) ...',
    "İSTANBUL ΟΔΟΣ Straße — 1,000.5 wanna",
    "",
    "  leading and trailing  ",
]


def run(args):
    return subprocess.run(STEMLINE + args, capture_output=True, text=True)


def test_offsets_in_jsonl_output(tmp_path, bbc_texts):
    texts = TEXTS + bbc_texts[::150]
    source = tmp_path / "in.jsonl"
    with source.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"id": i, "body": {"text": text}}) + "\n")
    out = tmp_path / "out.jsonl"
    result = run(["normalize", str(source), "--field", "body.text", "--offsets", "-o", str(out)])
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in records] == list(range(len(texts)))
    for text, record in zip(texts, records, strict=True):
        line = record["normalized"]
        assert line == reference.reference(text)
        offsets = record["normalized_offsets"]
        tokens = line.split(" ") if line else []
        assert len(offsets) == len(tokens)
        assert offsets == [[a, b] for _, a, b in stemline.spans(text)]
        surfaces = reference.treebank_tokens(text)
        for surface, (a, b) in zip(surfaces, offsets, strict=True):
            assert 0 <= a < b <= len(text)
            # Each token's slice is its Treebank token before stemming, except
            # a straight quote, which the rules rewrite to `` or ''.
            if surface in ("``", "''"):
                assert text[a:b] in ('"', "''", "``")
            else:
                assert text[a:b] == surface


def test_offsets_need_jsonl_output(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("Some text.", encoding="utf-8")
    result = run(["normalize", str(source), "--offsets"])
    assert result.returncode == 2
    assert "--offsets needs JSON Lines output" in result.stderr


def test_a_long_document_is_written_in_parts_as_made_alike(tmp_path, monkeypatch):
    """A document over LONG_DOCUMENT code points has its line and offsets
    written in parts of OFFSETS_STEP as they are made (its offsets' text is
    several times its size): here both made tiny, the bytes written are those
    of the whole-record path, for JSON Lines, CSV and text records."""
    from click.testing import CliRunner

    from stemline.cli import main
    from stemline.corpus.writers import jsonl

    texts = [*TEXTS, 'Quotes "in" \\ back\tslash, café \u65e5 \U0001f600', "x" * 50]
    (tmp_path / "in.jsonl").write_text(
        "".join(json.dumps({"id": i, "text": t, "k": "\udc80"}) + "\n" for i, t in enumerate(texts))
    )
    (tmp_path / "in.csv").write_text(
        "id,text\n"
        + "".join(f'{i},"{t.replace(chr(34), 2 * chr(34))}"\n' for i, t in enumerate(texts))
    )
    (tmp_path / "in.txt").write_text("\n".join(t.replace("\n", " ") for t in texts) + "\n")
    for name in ("in.jsonl", "in.csv", "in.txt"):
        args = ["normalize", str(tmp_path / name), "--offsets", "--output-format", "jsonl"]
        args += ["--lines"] if name.endswith(".txt") else []
        whole = CliRunner().invoke(main, args)
        with monkeypatch.context() as m:
            m.setattr(jsonl, "LONG_DOCUMENT", 8)
            m.setattr(jsonl, "OFFSETS_STEP", 5)
            parts = CliRunner().invoke(main, [*args, "--stats"])
        assert whole.exit_code == parts.exit_code == 0, (whole.output, parts.output)
        assert parts.stdout_bytes == whole.stdout_bytes, name
        tokens = sum(len(json.loads(r)["normalized_offsets"]) for r in whole.stdout.splitlines())
        assert f" {tokens:,} tokens" in parts.stderr
