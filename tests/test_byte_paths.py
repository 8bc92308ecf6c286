"""The byte-level paths against the code-point paths and the reference, in every stemmer mode.

A word run of ASCII characters is lower-cased and stemmed in its bytes; one-byte
runs are answered from a table computed once by the code-point path; every
other run (non-ASCII, lone surrogates, contractions, filters) takes the
code-point path. ``stemline.PorterStemmer`` always stems code points, so a
single ASCII word through ``Normalizer`` (bytes) and through ``PorterStemmer``
(code points) are two independent computations of the same stem.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import stemline
from stemline import reference
from strategies import CONTRACTIONS, SPECIAL_WORDS, punct_run, surrogate, whitespace

MODES = list(stemline.STEMMERS)
NORMALIZERS = {mode: stemline.Normalizer(mode) for mode in MODES}
UNCACHED = {mode: stemline.Normalizer(mode, cache_bytes=0) for mode in MODES}
_LEMMATIZER = stemline.WordNetLemmatizer()
#: stemline's own stem of one word for each stemmer name ("none" has none:
#: lower-casing only; "wordnet" lemmatizes the lower-cased word, as the pipeline does).
STEMMERS = {
    "nltk": stemline.PorterStemmer(stemline.PorterStemmer.NLTK_EXTENSIONS).stem,
    "martin": stemline.PorterStemmer(stemline.PorterStemmer.MARTIN_EXTENSIONS).stem,
    "original": stemline.PorterStemmer(stemline.PorterStemmer.ORIGINAL_ALGORITHM).stem,
    "snowball": stemline.SnowballStemmer("english").stem,
    "lancaster": stemline.LancasterStemmer().stem,
    "wordnet": lambda word: _LEMMATIZER.lemmatize(word.lower()),
}
assert set(STEMMERS) == set(MODES) - {"none"}, "a stemmer name without its stemmer here"
WORD_CONTRACTIONS = {c.lower() for c in CONTRACTIONS if c.isalpha()}

ASCII_WORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"


def _any_case(word: str) -> st.SearchStrategy[str]:
    return st.lists(st.booleans(), min_size=len(word), max_size=len(word)).map(
        lambda flips: "".join(c.upper() if f else c for c, f in zip(word, flips, strict=True))
    )


#: ASCII word runs: random, Porter-shaped (vowels, y, doubled letters, suffixes),
#: the stemmer's special words and the contractions, in any case.
ascii_word = st.one_of(
    st.text(alphabet=ASCII_WORD_CHARS, min_size=1, max_size=20),
    st.tuples(
        st.lists(
            st.sampled_from(
                ["a", "e", "i", "o", "u", "y", "s", "l", "t", "b", "z", "ll", "ss", "ed", "ing"]
            ),
            min_size=1,
            max_size=6,
        ),
        st.sampled_from(
            ["", "ational", "ization", "iveness", "alli", "logi", "bli", "ies", "ied", "eed", "e"]
        ),
    ).map(lambda parts: "".join(parts[0]) + parts[1]),
    st.sampled_from(sorted({w for w in SPECIAL_WORDS if w.isalpha()} | WORD_CONTRACTIONS)).flatmap(
        _any_case
    ),
)
non_ascii_word = st.text(
    alphabet="aeiouyAEIOUYstlnİıßΣςſéñ\u0301²ⅰ_0", min_size=1, max_size=10
).filter(lambda w: not w.isascii())
#: Text of each kind the paths split on: ASCII only, mixed, non-ASCII only, surrogates.
ascii_text = st.lists(
    st.one_of(ascii_word, punct_run, st.sampled_from([" ", "\n", "\t"])), max_size=20
).map("".join)
mixed_text = st.lists(
    st.one_of(ascii_word, non_ascii_word, punct_run, whitespace), max_size=20
).map("".join)
non_ascii_text = st.lists(
    st.one_of(non_ascii_word, whitespace, st.sampled_from(["—", "“", "”", "…"])), max_size=12
).map("".join)
surrogate_text = st.lists(
    st.one_of(ascii_word, surrogate, punct_run, st.just(" ")), max_size=12
).map("".join)


@pytest.mark.parametrize("mode", MODES)
@given(word=ascii_word)
@example(word="a")
@example(word="S")
@example(word="Running")
@example(word="CANNOT")
@example(word="x" * 300)
def test_ascii_word_in_bytes_equals_code_points(mode: str, word: str) -> None:
    got = NORMALIZERS[mode].normalize(word)
    assert got == reference.normalize(word, mode)
    assert UNCACHED[mode].normalize(word) == got
    if word.lower() not in WORD_CONTRACTIONS:
        expected = STEMMERS[mode](word) if mode in STEMMERS else word.lower()
        assert got == expected


@pytest.mark.parametrize("mode", MODES)
@given(text=st.one_of(ascii_text, mixed_text, non_ascii_text, surrogate_text))
@example(text="a.b,c d-e 1 2 _ 'x' \"y\" (z)")
@example(text="Gonna wanna GIMME cannot s S")
@example(text="café naïve s\u0301 ſs İs")
@example(text="abc\ud800def \udfffing x")
def test_every_kind_of_text_equals_the_reference(mode: str, text: str) -> None:
    expected = reference.normalize(text, mode)
    assert NORMALIZERS[mode].normalize(text) == expected
    assert UNCACHED[mode].normalize(text) == expected


@pytest.mark.parametrize("mode", MODES)
@given(text=ascii_text)
def test_filtered_runs_leave_the_byte_path_and_agree(mode: str, text: str) -> None:
    # A filter reads each token's Treebank form (drop_punct) and its stem
    # (min_length), so filtered runs take the code-point path.
    filtered = stemline.Normalizer(mode, drop_punct=True, min_length=2)
    expected = [
        stem
        for token, stem in zip(
            reference.treebank_tokens(text), reference.tokens(text, mode), strict=True
        )
        if len(stem) >= 2 and any(c.isalnum() for c in token)
    ]
    assert filtered.tokens(text) == expected


def test_a_full_cache_admits_runs_on_their_second_miss_without_changing_output() -> None:
    # Far more distinct runs than a 1 MiB cache holds, each seen once or twice,
    # with frequent words between them: the cache fills, empties, and then
    # takes in only the runs it meets a second time.
    docs = [
        f"The running id w{i}x and http://site{i}.com/p?q={i} beside w{i // 2}x "
        "were generously agreed."
        for i in range(60_000)
    ]
    small = stemline.Normalizer(cache_bytes=1 << 20)
    got = small.normalize_many(docs)
    assert got == stemline.Normalizer(cache_bytes=0).normalize_many(docs)
    assert got == small.normalize_many(docs)  # warm, after admissions
    for i in range(0, len(docs), 6_007):
        assert got[i] == reference.normalize(docs[i])
