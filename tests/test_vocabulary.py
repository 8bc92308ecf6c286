"""The vocabulary: counts checked against counts computed from the reference tokenizer."""

from __future__ import annotations

from collections import Counter, defaultdict

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stemline
from stemline import reference
from strategies import texts


def reference_counts(docs, mode="nltk"):
    """{stem: (count, documents, {surface: count})} from the reference: each token's
    stem, and its surface form = the Treebank token lower-cased."""
    count, documents, surfaces = Counter(), Counter(), defaultdict(Counter)
    for doc in docs:
        treebank = reference.treebank_tokens(doc)
        stems = reference.tokens(doc, mode)
        for surface, stem in zip(treebank, stems, strict=True):
            count[stem] += 1
            surfaces[stem][surface.lower()] += 1
        documents.update(set(stems))
    return {s: (count[s], documents[s], dict(surfaces[s])) for s in count}


def as_counts(vocab):
    return {e.stem: (e.count, e.documents, dict(e.surfaces)) for e in vocab}


@pytest.fixture(scope="module")
def bbc_vocabulary(bbc_texts):
    return stemline.Vocabulary.from_texts(bbc_texts, workers=2, batch_size=400)


def test_bbc_counts_equal_the_reference(bbc_texts, bbc_reference, bbc_vocabulary):
    # Stems from the shared reference lines, surfaces from the reference tokenizer.
    count, documents, surfaces = Counter(), Counter(), defaultdict(Counter)
    for doc, line in zip(bbc_texts, bbc_reference, strict=True):
        stems = line.split(" ") if line else []
        for surface, stem in zip(reference.treebank_tokens(doc), stems, strict=True):
            count[stem] += 1
            surfaces[stem][surface.lower()] += 1
        documents.update(set(stems))
    expected = {s: (count[s], documents[s], dict(surfaces[s])) for s in count}
    assert as_counts(bbc_vocabulary) == expected
    assert bbc_vocabulary.documents == len(bbc_texts)
    assert bbc_vocabulary.tokens == sum(count.values())


@settings(max_examples=200)
@given(
    docs=st.lists(texts, max_size=8),
    mode=st.sampled_from(list(stemline.STEMMERS)),
    workers=st.integers(min_value=0, max_value=3),
    batch_size=st.integers(min_value=1, max_value=5),
)
def test_counts_equal_the_reference_for_any_workers_and_batches(docs, mode, workers, batch_size):
    vocab = stemline.Vocabulary.from_texts(
        iter(docs), normalizer=stemline.Normalizer(mode), workers=workers, batch_size=batch_size
    )
    assert as_counts(vocab) == reference_counts(docs, mode)
    assert vocab.documents == len(docs)


def test_order_and_unstem_ties():
    # "gener" has four surface forms, once each: the tie goes to the smallest.
    vocab = stemline.Vocabulary.from_texts(["Generously general, generally generous. Generally."])
    entry = vocab["gener"]
    assert entry.surfaces == (("generally", 2), ("general", 1), ("generous", 1), ("generously", 1))
    assert vocab.unstem("gener") == entry.word == "generally"
    tie = stemline.Vocabulary.from_texts(["generous general"])
    assert tie.unstem("gener") == "general"
    counts = [e.count for e in vocab]
    assert counts == sorted(counts, reverse=True)
    assert vocab.most_common(1) == [vocab["gener"]]


def test_unstem_of_an_unknown_stem():
    vocab = stemline.Vocabulary.from_texts(["cats"])
    with pytest.raises(KeyError, match="'dog'"):
        vocab.unstem("dog")
    assert vocab.unstem("dog", default="?") == "?"
    assert "cat" in vocab and "dog" not in vocab and len(vocab) == 1


def test_builder_returns_document_lengths():
    builder = stemline.VocabularyBuilder(workers=2)
    docs = ["One, two.", "", "Three"]
    assert builder.add(docs) == [len(stemline.tokens(d)) for d in docs]
    assert builder.add([]) == []
    assert builder.documents == 3
    with pytest.raises(TypeError, match=r"texts\[0\]"):
        builder.add([b"bytes"])
    with pytest.raises(TypeError, match="not one string"):
        builder.add("one string")


def test_tsv_round_trip(tmp_path, bbc_vocabulary):
    path = tmp_path / "vocab.tsv"
    bbc_vocabulary.save(path)
    loaded = stemline.Vocabulary.load(path)
    assert loaded == bbc_vocabulary
    assert loaded.documents is None
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0] == "stem\tcount\tdocuments\tsurfaces"
    assert lines[-1] == "" and len(lines) == len(bbc_vocabulary) + 2
    first = bbc_vocabulary.most_common(1)[0]
    surfaces = " ".join(f"{w}={n}" for w, n in first.surfaces)
    assert lines[1] == f"{first.stem}\t{first.count}\t{first.documents}\t{surfaces}"


def test_tsv_round_trip_of_odd_tokens(tmp_path):
    # Empty stems (original mode), '=' in words, lone surrogates.
    docs = ["s is as", "a=b == =", "x\ud800y \udfff", "#tag \"q\" ''"]
    vocab = stemline.Vocabulary.from_texts(docs, normalizer=stemline.Normalizer("original"))
    assert "" in vocab
    path = tmp_path / "odd.tsv"
    vocab.save(path)
    assert stemline.Vocabulary.load(path) == vocab


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("stem\tcount\n", "line 1: expected the header"),
        ("stem\tcount\tdocuments\tsurfaces\nrun\t3\t2\n", "line 2: expected 4 tab-separated"),
        ("stem\tcount\tdocuments\tsurfaces\nrun\tmany\t2\trun=3\n", "line 2: invalid literal"),
        ("stem\tcount\tdocuments\tsurfaces\nrun\t3\t2\trun=x\n", "line 2: invalid literal"),
        ("stem\tcount\tdocuments\tsurfaces\nrun\t3\t2\t\n", "line 2: stem 'run' has no surface"),
    ],
)
def test_load_errors_name_the_file_and_line(tmp_path, content, message):
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as error:
        stemline.Vocabulary.load(path)
    assert str(path) in str(error.value)
