"""scikit-learn's vectorizers and Hugging Face datasets, with stemline inside."""

from __future__ import annotations

import copy
import pickle
from collections import Counter

import pytest
from datasets import Dataset
from datasets.fingerprint import Hasher
from sklearn.base import clone
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer

import stemline
from stemline import reference
from stemline.datasets import normalizer


@pytest.fixture(scope="module")
def docs(bbc_texts) -> list[str]:
    return bbc_texts[::5]  # 445 documents, all five topics


@pytest.fixture(scope="module")
def docs_tokens(docs) -> list[list[str]]:
    return [reference.tokens(doc) for doc in docs]


# --- scikit-learn ------------------------------------------------------------


def test_tfidf_vocabulary_is_the_reference_tokens(docs, docs_tokens):
    vectorizer = TfidfVectorizer(analyzer=stemline.analyzer()).fit(docs)
    assert set(vectorizer.vocabulary_) == {t for tokens in docs_tokens for t in tokens}


def test_counts_are_the_reference_token_counts(docs, docs_tokens):
    vectorizer = CountVectorizer(analyzer=stemline.analyzer())
    counts = vectorizer.fit_transform(docs)
    vocabulary = vectorizer.get_feature_names_out()
    for row, tokens in zip(counts.toarray(), docs_tokens, strict=True):
        got = {vocabulary[j]: int(n) for j, n in enumerate(row) if n}
        assert got == Counter(tokens)


@pytest.mark.parametrize("stemmer", ["original", "snowball", "lancaster", "none"])
def test_analyzer_stemmer_choice(docs, stemmer):
    analyze = stemline.analyzer(stemmer)
    assert [analyze(d) for d in docs[:50]] == [reference.tokens(d, stemmer) for d in docs[:50]]


def test_analyzer_pickles_copies_and_clones(docs):
    analyze = stemline.analyzer("martin")
    for other in (pickle.loads(pickle.dumps(analyze)), copy.deepcopy(analyze)):
        assert other == analyze and other(docs[0]) == analyze(docs[0])
    vectorizer = clone(TfidfVectorizer(analyzer=analyze))
    assert vectorizer.analyzer == analyze
    assert repr(analyze) == "stemline.analyzer('martin')"
    with pytest.raises(ValueError, match="stemmer must be one of"):
        stemline.analyzer("porter2")


# --- Hugging Face datasets ---------------------------------------------------


def test_dataset_map_batched(docs):
    texts = [*docs, None, ""]
    ds = Dataset.from_dict({"id": list(range(len(texts))), "text": texts})
    out = ds.map(normalizer("text"), batched=True, batch_size=100)
    assert out.column_names == ["id", "text", "text_normalized"]
    assert out["id"][:] == list(range(len(texts)))
    assert out["text_normalized"][:] == [*(reference.normalize(d) for d in docs), None, ""]


def test_dataset_map_in_place_and_stemmer(docs):
    ds = Dataset.from_dict({"text": docs[:50]})
    out = ds.map(normalizer("text", output="text", stemmer="none"), batched=True)
    assert out.column_names == ["text"]
    assert out["text"][:] == [reference.normalize(d, "none") for d in docs[:50]]


@pytest.mark.parametrize("stemmer", ["snowball", "lancaster"])
def test_dataset_map_other_stemmers(docs, stemmer):
    ds = Dataset.from_dict({"text": docs[:50]})
    out = ds.map(normalizer("text", stemmer=stemmer), batched=True)
    assert out["text_normalized"][:] == [reference.normalize(d, stemmer) for d in docs[:50]]


def test_dataset_map_in_two_processes(docs):
    texts = [*docs[:100], None]
    ds = Dataset.from_dict({"text": texts})
    out = ds.map(normalizer("text"), batched=True, batch_size=20, num_proc=2)
    assert out["text_normalized"][:] == [*(reference.normalize(d) for d in docs[:100]), None]


def test_dataset_function_hashes_and_pickles_by_settings():
    # datasets fingerprints the function to cache results; equal settings, equal hash.
    assert Hasher.hash(normalizer("text")) == Hasher.hash(normalizer("text"))
    assert Hasher.hash(normalizer("text")) != Hasher.hash(normalizer("text", stemmer="none"))
    f = pickle.loads(pickle.dumps(normalizer("body", output="out")))
    assert f({"body": ["Cats!", None]}) == {"out": ["cat !", None]}


def test_dataset_errors():
    ds = Dataset.from_dict({"text": ["a"], "n": [1]})
    with pytest.raises(TypeError, match="batched=True"):
        ds.map(normalizer("text"))
    with pytest.raises(ValueError, match="column 'body' does not exist"):
        ds.map(normalizer("body"), batched=True)
    with pytest.raises(ValueError, match="output column 'n' already exists"):
        ds.map(normalizer("text", output="n"), batched=True)
    with pytest.raises(TypeError, match="column 'n': row 0 is int"):
        ds.map(normalizer("n"), batched=True)
