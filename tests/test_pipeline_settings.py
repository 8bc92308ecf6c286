"""The pipeline's language and part of speech, everywhere a normalizer is made:
the API, every command, the integrations, the vocabulary. The reference is
``stemline.reference.normalize(text, stemmer, language=..., pos=...)``."""

from __future__ import annotations

import functools
import subprocess

import pytest
from nltk.stem.snowball import SnowballStemmer as NltkSnowball

import stemline
from conftest import DATA, STEMLINE_BIN, memoized, reference_lines
from stemline import reference

#: Snowball's languages a normalizer takes (Arabic's NLTK stemmer keeps state).
LANGUAGES = [lang for lang in NltkSnowball.languages if lang != "arabic"]


@functools.cache
def vocabulary_text(language: str) -> str:
    """Text made of the language's Snowball test vocabulary: every 25th word,
    capitalized now and then, with punctuation between."""
    folder = {"english": "../porter2", "porter": "../porter"}.get(language, language)
    words = (DATA / "snowball" / folder / "voc.txt").read_text(encoding="utf-8").split()[::25]
    marks = [" ", ", ", ". ", "! ", " (", ") ", "; ", " — ", ' "', '" ']
    return "".join(
        (w.title() if i % 7 == 0 else w) + marks[i % len(marks)] for i, w in enumerate(words)
    )


@pytest.mark.parametrize("language", ["german", "french", "russian"])
def test_every_bbc_document_through_a_language(language, bbc_texts):
    normalizer = stemline.Normalizer("snowball", language=language)
    expected = reference_lines(bbc_texts, "snowball", language=language)
    assert normalizer.normalize_many(bbc_texts, workers=2) == expected


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_on_its_own_words(language):
    text = vocabulary_text(language)
    docs = [text[i : i + 3000] for i in range(0, len(text), 3000)]
    expected = reference_lines(docs, "snowball", language=language)
    normalizer = stemline.Normalizer("snowball", language=language)
    assert normalizer.normalize_many(docs) == expected
    assert [normalizer.normalize(d) for d in docs[:3]] == expected[:3]


@pytest.mark.parametrize("language", ["german", "spanish", "english"])
def test_nltk_stop_words_in_the_language(language):
    from nltk.corpus import stopwords

    listed = set(stopwords.words(language))
    text = vocabulary_text(language) + " " + " ".join(sorted(listed)).title()
    stem = memoized(NltkSnowball(language).stem)
    expected = " ".join(stem(t) for t in reference.treebank_tokens(text) if t.lower() not in listed)
    normalizer = stemline.Normalizer("snowball", language=language, stopwords="nltk")
    assert normalizer.normalize(text) == expected


@pytest.mark.parametrize("pos", ["n", "v", "a", "r", "s"])
def test_bbc_lemmatized_as_each_part_of_speech(pos, bbc_texts):
    texts = bbc_texts[::4]
    expected = reference_lines(texts, "wordnet", pos=pos)
    assert stemline.Normalizer("wordnet", pos=pos).normalize_many(texts, workers=2) == expected


def test_a_setting_no_part_reads_is_an_error():
    with pytest.raises(ValueError, match="language='german' applies to"):
        stemline.Normalizer("nltk", language="german")
    with pytest.raises(ValueError, match="pos applies to the wordnet lemmatizer"):
        stemline.Normalizer("lancaster", pos="v")
    with pytest.raises(ValueError, match="not one of the snowball stemmer's languages"):
        stemline.Normalizer("snowball", language="czech")
    with pytest.raises(ValueError, match="arabic"):
        stemline.Normalizer("snowball", language="arabic")
    with pytest.raises(ValueError, match="pos must be one of"):
        stemline.Normalizer("wordnet", pos="x")


def test_settings_travel_with_the_normalizer():
    import copy
    import pickle

    n = stemline.Normalizer("snowball", language="german", stopwords="nltk")
    text = vocabulary_text("german")[:2000]
    for twin in (pickle.loads(pickle.dumps(n)), copy.deepcopy(n)):
        assert twin.settings == n.settings and twin.normalize(text) == n.normalize(text)
    assert "language='german'" in repr(n)


def test_the_vocabulary_counts_in_the_language():
    text = vocabulary_text("dutch")
    stem = memoized(NltkSnowball("dutch").stem)
    tokens = [stem(t) for t in reference.treebank_tokens(text)]
    vocabulary = stemline.Vocabulary.from_texts(
        [text], normalizer=stemline.Normalizer("snowball", language="dutch")
    )
    assert {e.stem: e.count for e in vocabulary.most_common()} == {
        s: tokens.count(s) for s in set(tokens)
    }


@pytest.mark.parametrize("command", ["normalize", "vocab", "sentences"])
def test_every_command_takes_the_settings(command, tmp_path):
    src = tmp_path / "de.txt"
    src.write_text(vocabulary_text("german")[:3000], encoding="utf-8")
    args = [STEMLINE_BIN, command, str(src), "--stemmer", "snowball", "--language", "german"]
    result = subprocess.run(args, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    if command == "normalize":
        assert (
            result.stdout
            == reference_lines([src.read_text()], "snowball", language="german")[0] + "\n"
        )
    wordnet = subprocess.run(
        [STEMLINE_BIN, command, str(src), "--stemmer", "wordnet", "--pos", "v"],
        capture_output=True,
        text=True,
    )
    assert wordnet.returncode == 0, wordnet.stderr
    bad = subprocess.run(
        [STEMLINE_BIN, command, str(src), "--language", "german"], capture_output=True, text=True
    )
    if command == "sentences":  # it splits sentences in the language itself
        assert bad.returncode == 0, bad.stderr
    else:
        assert bad.returncode == 2 and bad.stderr.count("\n") == 1
        assert bad.stderr.startswith("stemline: error: language='german' applies to")


def test_integrations_take_the_settings():
    import pandas as pd

    from stemline import pandas as sl_pandas

    texts = [vocabulary_text("italian")[:1500], None]
    out = sl_pandas.normalize(pd.Series(texts), stemmer="snowball", language="italian").tolist()
    assert out[0] == reference_lines(texts[:1], "snowball", language="italian")[0]
    assert pd.isna(out[1])
    analyze = stemline.analyzer("wordnet", pos="v")
    assert analyze("The geese were flying.") == reference.tokens(
        "The geese were flying.", "wordnet", pos="v"
    )
    assert repr(analyze) == "stemline.analyzer('wordnet', pos='v')"


def test_stop_words_of_another_language():
    # NLTK's German stop words dropped from text the (English) Porter stemmer stems.
    from nltk.corpus import stopwords
    from nltk.stem.porter import PorterStemmer

    listed = set(stopwords.words("german"))
    text = vocabulary_text("german")[:4000] + " Und DER die"
    stem = memoized(PorterStemmer().stem)
    expected = " ".join(stem(t) for t in reference.treebank_tokens(text) if t.lower() not in listed)
    assert stemline.Normalizer(stopwords="nltk:german").normalize(text) == expected
    cli = subprocess.run(
        [STEMLINE_BIN, "normalize", "-", "--stopwords", "nltk:german"],
        input=text,
        capture_output=True,
        text=True,
    )
    assert cli.returncode == 0 and cli.stdout == expected + "\n"
