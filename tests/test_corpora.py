"""Differential tests on real corpora: the BBC articles and Porter's vocabulary."""

from __future__ import annotations

import pytest
from nltk.stem.porter import PorterStemmer as NltkPorterStemmer

import stemline
from conftest import DATA, EXAMPLES
from stemline import reference


def test_seed_reference_is_the_seed():
    # The oracle itself reproduces the seed: the spec and the data agree.
    article = (EXAMPLES / "article.txt").read_text(encoding="utf-8")
    expected = (EXAMPLES / "expected.txt").read_text(encoding="utf-8")
    assert reference.reference(article) == expected
    assert stemline.normalize(article) == expected


def test_bbc_every_document_default_mode(bbc, bbc_texts, bbc_reference):
    # The reference function itself, not memoized, on every document: the
    # other tests' shared reference lines are checked against it here too.
    expected = [reference.reference(text) for text in bbc_texts]
    assert expected == bbc_reference
    got = stemline.normalize_many(bbc_texts)
    diffs = [name for (name, _), g, e in zip(bbc, got, expected, strict=True) if g != e]
    assert diffs == [], f"{len(diffs)} of {len(bbc)} documents differ: {diffs[:10]}"


def test_bbc_latin1_document_is_included(bbc):
    names = [name for name, _ in bbc]
    assert "sport/199.txt" in names
    raw = (DATA / "bbc" / "sport" / "199.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")


@pytest.mark.parametrize("mode", ["martin", "original", "none"])
def test_bbc_sample_other_modes(mode, bbc, bbc_texts):
    sample = list(range(0, len(bbc_texts), 9))
    docs = [bbc_texts[i] for i in sample]
    got = stemline.Normalizer(mode).normalize_many(docs)
    expected = [reference.normalize(d, mode) for d in docs]
    diffs = [bbc[i][0] for i, g, e in zip(sample, got, expected, strict=True) if g != e]
    assert diffs == [], f"{len(diffs)} of {len(docs)} documents differ: {diffs[:10]}"


def test_bbc_workers_give_identical_output(bbc_texts, bbc_reference):
    one = stemline.Normalizer().normalize_many(bbc_texts, workers=1)
    two = stemline.Normalizer().normalize_many(bbc_texts, workers=2)
    every_core = stemline.Normalizer().normalize_many(bbc_texts, workers=0)
    assert one == two == every_core == bbc_reference


@pytest.mark.parametrize(
    "mode",
    [
        NltkPorterStemmer.NLTK_EXTENSIONS,
        NltkPorterStemmer.MARTIN_EXTENSIONS,
        NltkPorterStemmer.ORIGINAL_ALGORITHM,
    ],
)
def test_porter_vocabulary_every_mode(mode, porter_vocabulary):
    assert len(porter_vocabulary) == 42603
    ours = stemline.PorterStemmer(mode)
    nltk = NltkPorterStemmer(mode)
    diffs = [w for w in porter_vocabulary if ours.stem(w) != nltk.stem(w)]
    assert diffs == [], f"{len(diffs)} words differ: {diffs[:10]}"
    capitalized = [w.capitalize() for w in porter_vocabulary[::7]]
    diffs = [
        w
        for w in capitalized
        if ours.stem(w, to_lowercase=False) != nltk.stem(w, to_lowercase=False)
    ]
    assert diffs == [], f"{len(diffs)} capitalized words differ: {diffs[:10]}"


def test_porter_original_mode_is_porters_output(porter_vocabulary):
    expected = (DATA / "porter" / "output.txt").read_text(encoding="utf-8").split("\n")
    if expected[-1] == "":
        expected.pop()
    assert len(expected) == len(porter_vocabulary)
    stem = stemline.PorterStemmer(stemline.PorterStemmer.ORIGINAL_ALGORITHM).stem
    pairs = zip(porter_vocabulary, expected, strict=True)
    diffs = [(w, stem(w), e) for w, e in pairs if stem(w) != e]
    assert diffs == [], f"{len(diffs)} words differ: {diffs[:10]}"


@pytest.mark.parametrize(
    "mode",
    [
        NltkPorterStemmer.NLTK_EXTENSIONS,
        NltkPorterStemmer.MARTIN_EXTENSIONS,
        NltkPorterStemmer.ORIGINAL_ALGORITHM,
    ],
)
def test_porter2_vocabulary_every_mode(mode):
    # Snowball's Porter2 test vocabulary: more words for the Porter stemmer
    # (stemline has no Porter2 mode, so its output.txt does not apply).
    words = (DATA / "porter2" / "voc.txt").read_text(encoding="utf-8").split("\n")
    if words[-1] == "":
        words.pop()
    assert len(words) == 42649
    ours = stemline.PorterStemmer(mode)
    nltk = NltkPorterStemmer(mode)
    diffs = [w for w in words if ours.stem(w) != nltk.stem(w)]
    assert diffs == [], f"{len(diffs)} words differ: {diffs[:10]}"
