"""``stemline vocab``, ``stemline report`` and the filter flags, run as real subprocesses."""

from __future__ import annotations

import io
import subprocess

import pytest

import stemline
from conftest import EXAMPLES, STEMLINE_BIN

STEMLINE = [STEMLINE_BIN]
DOCS = ['He said "cannot."', "", "Running runs; THE runner's run!", "Généralement, général."]


def run(args, *, stdin: bytes = b""):
    return subprocess.run(STEMLINE + args, input=stdin, capture_output=True)


@pytest.fixture
def corpus(tmp_path):
    """DOCS as a folder: one file each (sorted as named), plus a hidden file and a README."""
    folder = tmp_path / "corpus"
    (folder / "b").mkdir(parents=True)
    for i, doc in enumerate(DOCS):
        (folder / ("b" if i % 2 else "") / f"{i}.txt").write_text(doc, encoding="utf-8")
    (folder / ".hidden.txt").write_text("hidden words", encoding="utf-8")
    (folder / "README.md").write_text("not a document", encoding="utf-8")
    return folder


def vocabulary_tsv(docs, **options) -> str:
    vocab = stemline.Vocabulary.from_texts(docs, normalizer=stemline.Normalizer(**options))
    out = io.StringIO()
    vocab.write(out)
    return out.getvalue()


def test_vocab_of_a_folder_equals_the_api(corpus, tmp_path):
    out = tmp_path / "vocab.tsv"
    result = run(["vocab", str(corpus), "--glob", "*.txt", "-o", str(out)])
    assert result.returncode == 0, result.stderr
    # Folder order: sorted relative paths (0.txt, 2.txt, b/1.txt, b/3.txt); hidden skipped.
    docs = [DOCS[0], DOCS[2], DOCS[1], DOCS[3]]
    assert out.read_text(encoding="utf-8") == vocabulary_tsv(docs)
    assert stemline.Vocabulary.load(out).unstem("run") == "run"
    with_hidden = run(["vocab", str(corpus), "--glob", "*.txt", "--hidden"])
    assert "hidden" in with_hidden.stdout.decode()


def test_vocab_lines_stdin_and_filters():
    text = "\n".join(DOCS) + "\n"
    result = run(["vocab", "--lines", "--drop-punct", "--stopwords", "nltk"], stdin=text.encode())
    assert result.returncode == 0, result.stderr
    expected = vocabulary_tsv(DOCS, drop_punct=True, stopwords="nltk")
    assert result.stdout.decode() == expected
    assert "\nthe\t" not in expected and "\n.\t" not in expected


def test_report_command_writes_one_page(corpus, tmp_path):
    out = tmp_path / "report.html"
    result = run(["report", str(corpus), "--glob", "*.txt", "--top", "5", "-o", str(out)])
    assert result.returncode == 0, result.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<svg") == 2
    assert "<b>4</b>documents" in page
    assert [p.name for p in tmp_path.iterdir()] == ["corpus", "report.html"]


def test_bad_input_names_the_file_and_place(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"fine line\nprice \xa3100\n")
    out = tmp_path / "out.tsv"
    for command in ("vocab", "report"):
        result = run([command, str(bad), "-o", str(out)])
        assert result.returncode == 1
        message = result.stderr.decode()
        assert str(bad) in message and "byte 16" in message and "line 2" in message
        assert not out.exists()
    lines = run(["vocab", "--lines", str(bad)])
    assert lines.returncode == 1 and "line 2, byte 16" in lines.stderr.decode()
    replaced = run(["vocab", "--on-decode-error", "replace", str(bad)])
    assert replaced.returncode == 0 and "replaced by U+FFFD" in replaced.stderr.decode()
    assert "\ufffd" in replaced.stdout.decode()
    missing = run(["vocab", str(tmp_path / "nope.txt")])
    assert missing.returncode == 1 and "nope.txt" in missing.stderr.decode()
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(["vocab", str(empty)])
    assert result.returncode == 1 and "no input files" in result.stderr.decode()


@pytest.mark.parametrize(
    "flags",
    [
        ["--drop-punct"],
        ["--stopwords", "nltk"],
        ["--stopwords", "sklearn", "--stemmer", "snowball"],
        ["--min-length", "3"],
        ["--drop-punct", "--stopwords", "nltk", "--min-length", "4", "--stemmer", "none"],
        ["--drop-punct", "--min-length", "3", "--stemmer", "lancaster"],
    ],
)
def test_normalize_filter_flags(flags):
    article = (EXAMPLES / "article.txt").read_text(encoding="utf-8")
    result = run(["normalize", *flags, str(EXAMPLES / "article.txt")])
    assert result.returncode == 0, result.stderr
    options = {"stemmer": "nltk"}
    args = iter(flags)
    for flag in args:
        if flag == "--drop-punct":
            options["drop_punct"] = True
        else:
            options[flag[2:].replace("-", "_")] = next(args)
    if "min_length" in options:
        options["min_length"] = int(options["min_length"])
    expected = stemline.Normalizer(options.pop("stemmer"), **options).normalize(article)
    assert result.stdout.decode() == expected + "\n"
    assert result.stdout != (EXAMPLES / "expected.txt").read_bytes() + b"\n"


def test_filter_flag_usage_errors():
    assert run(["normalize", "--min-length", "-1"]).returncode == 2
    assert run(["normalize", "--stopwords", "klingon"]).returncode == 2
    english = run(["normalize", "--stopwords", "english"])
    assert english.returncode == 2
    assert "nltk" in english.stderr.decode() and "sklearn" in english.stderr.decode()
    assert run(["vocab", "--top", "3"]).returncode == 2
