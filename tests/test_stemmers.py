"""The Snowball and Lancaster stemmers, and NLTK's stop word list, against NLTK 3.10.4.

Every expected value here is computed by NLTK in the test: the vocabularies,
the BBC tokens and hypothesis's words go through both and must match exactly.
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Callable

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from nltk.corpus import stopwords as nltk_stopwords
from nltk.stem.lancaster import LancasterStemmer as NltkLancaster
from nltk.stem.porter import PorterStemmer as NltkPorter
from nltk.stem.snowball import EnglishStemmer as NltkEnglish
from nltk.stem.snowball import SnowballStemmer as NltkSnowball

import stemline
from conftest import DATA, memoized
from stemline import filters, reference
from strategies import words as porter_words

#: Each stemmer setting: (stemline's, NLTK's).
SETTINGS: dict[str, tuple[Callable[[], object], Callable[[], object]]] = {
    "snowball": (
        lambda: stemline.SnowballStemmer("english"),
        lambda: NltkSnowball("english"),
    ),
    "snowball-ignore-stopwords": (
        lambda: stemline.SnowballStemmer("english", ignore_stopwords=True),
        lambda: NltkSnowball("english", ignore_stopwords=True),
    ),
    "lancaster": (lambda: stemline.LancasterStemmer(), lambda: NltkLancaster()),
    "lancaster-strip-prefix": (
        lambda: stemline.LancasterStemmer(strip_prefix_flag=True),
        lambda: NltkLancaster(strip_prefix_flag=True),
    ),
}
STEMMERS = {name: (ours(), theirs()) for name, (ours, theirs) in SETTINGS.items()}


def differences(name: str, words: list[str]) -> list[tuple[str, str, str]]:
    ours, theirs = STEMMERS[name]
    return [
        (w, a, b)
        for w in words
        if (a := ours.stem(w)) != (b := theirs.stem(w))  # type: ignore[attr-defined]
    ]


def vocabulary(folder: str) -> list[str]:
    return (DATA / folder / "voc.txt").read_text("utf-8").split()


@pytest.mark.parametrize("name", SETTINGS)
@pytest.mark.parametrize("folder", ["porter", "porter2"])
def test_vocabularies(name, folder):
    words = vocabulary(folder)
    assert len(words) > 42_000
    assert differences(name, words) == []


@pytest.fixture(scope="module")
def bbc_treebank(bbc_texts) -> list[list[str]]:
    """The reference's tokens of each BBC document before stemming (computed once)."""
    return [reference.treebank_tokens(text) for text in bbc_texts]


@pytest.fixture(scope="module")
def bbc_tokens(bbc_treebank) -> list[str]:
    """Every distinct Treebank token of BBC, as it stands (not lower-cased)."""
    return sorted({t for tokens in bbc_treebank for t in tokens})


@pytest.mark.parametrize("name", SETTINGS)
def test_bbc_tokens(name, bbc_tokens):
    assert len(bbc_tokens) > 30_000
    assert differences(name, bbc_tokens) == []


# Words built from what these stemmers look at: suffixes, Snowball's exceptional
# prefixes, apostrophes (typographic ones included), y, Lancaster's prefixes and
# rule endings, upper case, and letters whose lower-casing or isalpha() is unusual.
FRAGMENTS = [
    *"aeiouybcdfgklmnprstvwxzhjq",
    *"'’‘‛",
    *["gener", "commun", "arsen", "kilo", "micro", "milli", "pseudo", "ultra"],
    *["sses", "ied", "ies", "us", "ss", "eed", "eedly", "ingly", "edly", "ing", "ed"],
    *["ization", "ational", "fulness", "ousness", "iveness", "tional", "biliti", "lessli"],
    *["entli", "ation", "alism", "aliti", "ousli", "iviti", "fulli", "enci", "anci"],
    *["abli", "izer", "ator", "alli", "bli", "logi", "ogi", "li", "alize", "icate"],
    *["iciti", "ative", "ical", "ness", "ful", "ement", "ance", "ence", "able", "ible"],
    *["ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "sion", "tion"],
    *["ion", "al", "er", "ic", "at", "bl", "iz", "ll", "tt", "e", "l", "'s", "'s'"],
    *["ij", "uj", "ul", "um", "hood", "ship", "ply", "ceed", "ify", "acy", "een", "ear"],
    *["Y", "İ", "ß", "é", "Σ", "ς", "ſ", "ǅ", "\u0301", "ª", "²", "1", "-", "_", "\ud800"],
]
fragment = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.sampled_from(FRAGMENTS).map(str.upper),
    st.characters(codec=None),
)
stemmer_words = st.one_of(
    st.lists(fragment, max_size=7).map("".join),
    porter_words,
    st.sampled_from(sorted(filters.stopword_list("nltk"))).map(str.title),
    st.text(),
)


@pytest.mark.parametrize("name", SETTINGS)
@given(word=stemmer_words)
@example(word="")
@example(word="'ab")
@example(word="’Yay’s")
@example(word="Skies")
@example(word="a-a")
@example(word="İİİİİng")
@example(word="x" * 1001 + "ing")
@example(word="kilo" + "x" * 1000 + "ing")
def test_any_word(name, word):
    assert differences(name, [word]) == []


def test_nltk_stopword_list_is_nltks():
    # The reference reads tests/data/nltk_data (see conftest); the package its copy.
    assert filters.stopword_list("nltk") == frozenset(nltk_stopwords.words("english"))
    assert len(nltk_stopwords.words("english")) == 179
    assert STEMMERS["snowball-ignore-stopwords"][0].stopwords == NltkEnglish(True).stopwords


def test_english_is_refused_naming_both():
    for call in (
        lambda: stemline.Normalizer(stopwords="english"),
        lambda: filters.stopword_list("english"),
    ):
        with pytest.raises(ValueError, match="'nltk'.*'sklearn'"):
            call()


def test_every_language_of_nltks_is_accepted():
    assert stemline.SnowballStemmer.languages == NltkSnowball.languages
    assert stemline.SnowballStemmer("german").stem("Autobahnen") == "autobahn"


@pytest.mark.parametrize(
    "rules",
    [
        ("ssen4>", "s1t."),
        ("gni3>", "de2", "s1>", "e1."),
        ("ssen4>\n", "s\u0661t."),  # NLTK's `$` and `\d` accept these
        ("a*1.",),
    ],
)
def test_custom_lancaster_rules(rules):
    ours, theirs = stemline.LancasterStemmer(rule_tuple=rules), NltkLancaster(rule_tuple=rules)
    for word in ["ness", "nesses", "tasted", "singing", "sees", "a", "aa", "ba", "Pseudo"]:
        assert ours.stem(word) == theirs.stem(word), word


def test_invalid_lancaster_rule():
    with pytest.raises(ValueError, match="The rule ss4X is invalid"):
        stemline.LancasterStemmer(rule_tuple=("ss4X",))
    with pytest.raises(ValueError, match="The rule ss4X is invalid"):
        NltkLancaster(rule_tuple=("ss4X",)).stem("ss")


STEMLINE_STEMMERS = [
    stemline.PorterStemmer(),
    stemline.PorterStemmer(stemline.PorterStemmer.MARTIN_EXTENSIONS),
    stemline.SnowballStemmer("english"),
    stemline.SnowballStemmer("english", ignore_stopwords=True),
    stemline.LancasterStemmer(),
    stemline.LancasterStemmer(strip_prefix_flag=True),
    stemline.LancasterStemmer(rule_tuple=("ssen4>", "s1t.")),
]
PROBES = ["running", "Generously", "having", "kilometer", "ness", "maximum", "was"]


@pytest.mark.parametrize(
    "stemmer",
    STEMLINE_STEMMERS,
    ids=[f"{type(s).__name__}{i}" for i, s in enumerate(STEMLINE_STEMMERS)],
)
@pytest.mark.parametrize(
    "clone",
    [
        copy.copy,
        copy.deepcopy,
        *(lambda s, p=p: pickle.loads(pickle.dumps(s, protocol=p)) for p in range(6)),
    ],
)
def test_pickle_and_copy_keep_settings(stemmer, clone):
    twin = clone(stemmer)
    assert type(twin) is type(stemmer)
    assert [twin.stem(w) for w in PROBES] == [stemmer.stem(w) for w in PROBES]
    for attribute in ("mode", "ignore_stopwords", "strip_prefix_flag", "rule_tuple"):
        assert getattr(twin, attribute, None) == getattr(stemmer, attribute, None)


@pytest.mark.parametrize("flag", [0, 1, "", "yes", None, [], [0], 0.0])
def test_porter_to_lowercase_is_a_truth_value(flag):
    for word in ["Running", "DYING", "İed"]:
        ours = stemline.PorterStemmer().stem(word, to_lowercase=flag)
        assert ours == NltkPorter().stem(word, to_lowercase=flag)


def test_stemmer_names_are_one_list():
    assert list(reference.STEMMERS) == list(stemline.STEMMERS)
    assert stemline.STEMMERS[0] == "nltk"
    assert {"snowball", "lancaster"} <= set(stemline.STEMMERS)


@pytest.mark.parametrize("name", ["snowball", "lancaster"])
def test_normalizer_on_bbc(name, bbc_texts, bbc_treebank):
    # The definition: NLTK's stemmer over the reference's Treebank tokens.
    stem = memoized(SETTINGS[name][1]().stem)  # type: ignore[attr-defined]
    expected = [" ".join(stem(t) for t in tokens) for tokens in bbc_treebank]
    normalizer = stemline.Normalizer(name)
    assert normalizer.normalize_many(bbc_texts, workers=2) == expected
    # The same definition as stemline.reference spells it.
    assert expected[:50] == [reference.normalize(text, name) for text in bbc_texts[:50]]
    assert expected[:50] == [reference.composed(text, stem) for text in bbc_texts[:50]]


def test_nltk_stopwords_on_bbc(bbc_texts, bbc_treebank):
    """stopwords="nltk" drops exactly the tokens whose lower-cased word is in NLTK's list."""
    listed = set(nltk_stopwords.words("english"))
    stem = memoized(NltkSnowball("english").stem)
    expected = [
        " ".join(stem(t) for t in tokens if t.lower() not in listed) for tokens in bbc_treebank
    ]
    normalizer = stemline.Normalizer("snowball", stopwords="nltk")
    assert normalizer.normalize_many(bbc_texts) == expected
