"""``stemline sentences``: one line or record per sentence, as NLTK splits and
normalizes them (the reference: ``nltk.tokenize.sent_tokenize`` and
``PunktTokenizer.span_tokenize``, then ``stemline.reference.normalize`` of each
sentence)."""

from __future__ import annotations

import gzip
import json
import subprocess
from pathlib import Path

import pytest
from nltk.tokenize import PunktTokenizer as NltkPunkt

from conftest import STEMLINE_BIN
from stemline import reference


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([STEMLINE_BIN, "sentences", *args], input=stdin, capture_output=True)


@pytest.fixture(scope="module")
def speeches_folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """Twelve speeches as UTF-8 files (the folder is read in path order)."""
    from bbc_corpus import read_speeches

    folder = tmp_path_factory.mktemp("speeches")
    texts = []
    for i, (_, text) in enumerate(read_speeches()[::10]):
        (folder / f"{i:02}.txt").write_text(text, encoding="utf-8")
        texts.append(text)
    return folder, texts


def test_normalized_sentences_are_the_references(speeches_folder):
    folder, texts = speeches_folder
    result = run(str(folder), "-o", "-", "--stemmer", "snowball")
    assert result.returncode == 0, result.stderr
    nltk = NltkPunkt("english")
    expected = [
        reference.normalize(sentence, "snowball")
        for text in texts
        for sentence in nltk.tokenize(text)
    ]
    assert result.stdout.decode().split("\n") == [*expected, ""]


def test_records_say_where_each_raw_sentence_came_from(speeches_folder, tmp_path):
    folder, texts = speeches_folder
    out = tmp_path / "sentences.jsonl.gz"
    result = run(str(folder), "--raw", "-o", str(out))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in gzip.decompress(out.read_bytes()).splitlines()]
    nltk = NltkPunkt("english")
    expected = [
        (f"{i:02}.txt", 1, k, a, b, text[a:b])
        for i, text in enumerate(texts)
        for k, (a, b) in enumerate(nltk.span_tokenize(text), 1)
    ]
    got = [
        (r["source"], r["document"], r["sentence"], r["start"], r["end"], r["text"])
        for r in records
    ]
    assert got == expected


def test_lines_of_documents_in_another_language(tmp_path):
    doc = "Dr. Müller kam um 8 Uhr.  Er blieb bis zum 3. Mai!\nDas ist\talles. Ja."
    src = tmp_path / "de.txt"
    src.write_text(doc, encoding="utf-8")
    lines = run("--lines", "--language", "german", "--raw", str(src))
    assert lines.returncode == 0, lines.stderr
    nltk = NltkPunkt("german")
    expected = [" ".join(s.split()) for line in doc.split("\n") for s in nltk.tokenize(line)]
    assert lines.stdout.decode().splitlines() == expected
    # The language reaches the stemmer too, where the stemmer reads one.
    stemmed = run("--lines", "--language", "german", "--stemmer", "lancaster", str(src))
    assert stemmed.returncode == 0, stemmed.stderr
    expected = [
        reference.normalize(s, "lancaster") for line in doc.split("\n") for s in nltk.tokenize(line)
    ]
    assert stemmed.stdout.decode().splitlines() == expected


def test_standard_input_and_bad_options():
    ok = run("-", stdin=b"One. Two!")
    expected = "".join(f"{reference.normalize(s)}\n" for s in NltkPunkt().tokenize("One. Two!"))
    assert ok.returncode == 0 and ok.stdout.decode() == expected
    bad = run("--language", "klingon", "-", stdin=b"x")
    assert bad.returncode == 2
    assert bad.stderr.startswith(b"stemline: error: ") and bad.stderr.count(b"\n") == 1
    no_model = run("--language", "romanian", "-", stdin=b"x")
    # Romanian has a Snowball stemmer (and stop words) but no sentence model.
    assert no_model.returncode == 2
    assert b"not one of the sentence splitter's (Punkt's) languages" in no_model.stderr
