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
