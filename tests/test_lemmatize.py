"""stemline.WordNetLemmatizer against NLTK 3.10.4's WordNetLemmatizer, run here on
WordNet 3.0 (tests/data/nltk_data/corpora/wordnet.zip, which NLTK reads as its
own ``wordnet.zip``): every lemma of the four index files, regular inflections
of them, every exception-list entry and every BBC token, each with every part
of speech; upper and mixed case; arbitrary strings; non-strings and bad ``pos``.

NLTK loads WordNet once per session, and is asked once per distinct
(word, pos): its result depends on nothing else. The sweeps that would ask
it millions of times are cut to a deterministic share here and run in full
under ``-m slow``.
"""

from __future__ import annotations

import copy
import importlib.util
import pickle
import subprocess
import sys
import threading
from collections import UserString
from collections.abc import Callable, Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import stemline
from conftest import DATA, ROOT, read_bbc
from strategies import anything, surrogate

POS = ("n", "v", "a", "r", "s")

Reference = Callable[[str, str], str]


@pytest.fixture(scope="session")
def nltk_wordnet():
    """NLTK's WordNet reader, loaded (a few seconds) from the tests' copy."""
    from nltk.corpus import wordnet

    wordnet.ensure_loaded()
    assert str(DATA / "nltk_data" / "corpora" / "wordnet.zip") in str(wordnet.root)
    return wordnet


@pytest.fixture(scope="session")
def reference(nltk_wordnet) -> Reference:
    """NLTK's ``WordNetLemmatizer().lemmatize(word, pos)``, asked once per
    distinct (word, pos), with ``"s"`` answered by ``"a"``.

    That is sound because NLTK treats the two alike: ``_morphy`` reads only
    ``_exception_map[pos]``, ``MORPHOLOGICAL_SUBSTITUTIONS[pos]`` and whether
    ``pos in _lemma_pos_offset_map[form]``, and all three are the same for
    ``"s"`` as for ``"a"`` (checked here, on the loaded data). Every sweep
    still lemmatizes with ``"s"`` on stemline's side.
    """
    from nltk.stem import WordNetLemmatizer

    wn = nltk_wordnet
    assert wn._exception_map["s"] is wn._exception_map["a"]
    assert wn.MORPHOLOGICAL_SUBSTITUTIONS["s"] is wn.MORPHOLOGICAL_SUBSTITUTIONS["a"]
    assert all(("a" in p) == ("s" in p) for p in wn._lemma_pos_offset_map.values())
    lemmatize = WordNetLemmatizer().lemmatize
    memo: dict[tuple[str, str], str] = {}

    def nltk(word: str, pos: str) -> str:
        key = (word, "a" if pos == "s" else pos)
        if key not in memo:
            memo[key] = lemmatize(*key)
        return memo[key]

    return nltk


@pytest.fixture(scope="session")
def lemmatizer():
    return stemline.WordNetLemmatizer()


def assert_as_nltk(words: Iterable[str], poses: Iterable[str], reference: Reference) -> None:
    """Both ``lemmatize`` and ``lemmatize_many`` equal NLTK on every word and pos.

    ``lemmatize_many`` goes first: it fills the process's cache of recent
    lemmas, so ``lemmatize`` answers each word from it (and ``"s"`` from the
    results of ``"a"``, which share it): computed and cached results are both
    compared with NLTK's.
    """
    lemmatizer = stemline.WordNetLemmatizer()
    words = list(dict.fromkeys(words))
    differ = []
    for pos in poses:
        many = lemmatizer.lemmatize_many(words, pos)
        for word, batch in zip(words, many, strict=True):
            expected = reference(word, pos)
            one = lemmatizer.lemmatize(word, pos)
            if one != expected or batch != expected:
                differ.append((word, pos, one, batch, expected))
    assert not differ, (
        f"{len(differ)} differ from NLTK, e.g. (word, pos, ours, many, NLTK) {differ[:10]}"
    )


def index_lemmas(wn, pos: str) -> list[str]:
    """The lemmas NLTK read from index.{noun,verb,adj,adv} for ``pos``, sorted."""
    return sorted(lemma for lemma, p in wn._lemma_pos_offset_map.items() if pos in p)


def all_lemmas(wn) -> list[str]:
    return sorted(lemma for lemma, p in wn._lemma_pos_offset_map.items() if p)


VOWELS = "aeiou"

#: The inflections the rules of each part of speech undo (NLTK's
#: MORPHOLOGICAL_SUBSTITUTIONS: nouns' plurals, verbs' -s, -ed and -ing,
#: adjectives' -er and -est), with doubled final consonants.
INFLECTIONS = {
    "n": ("s", "es", "ies", "ves", "men"),
    "v": ("s", "es", "ies", "ed", "ing", "doubled-ed", "doubled-ing"),
    "a": ("er", "est", "ier", "iest", "doubled-er", "doubled-est"),
    "r": ("er", "est"),
}


def inflect(lemma: str, suffix: str) -> list[str]:
    """``lemma`` with the regular inflection ``suffix``: as spelled after a
    final ``e``, ``y``, ``f``/``fe`` or ``man``, or with its final consonant
    doubled (``doubled-ed``: stop, stopped)."""
    if suffix.startswith("doubled-"):
        last3 = lemma[-3:]
        cvc = len(last3) == 3 and last3[0] not in VOWELS and last3[1] in VOWELS
        if not cvc or last3[2] in VOWELS + "wxy":
            return []
        return [lemma + lemma[-1] + suffix[len("doubled-") :]]
    if suffix in ("ies", "ier", "iest"):
        return [lemma[:-1] + suffix] if lemma.endswith("y") else []
    if suffix == "ves":
        if lemma.endswith("fe"):
            return [lemma[:-2] + "ves"]
        return [lemma[:-1] + "ves"] if lemma.endswith("f") else []
    if suffix == "men":
        return [lemma[:-3] + "men"] if lemma.endswith("man") else []
    if lemma.endswith("e") and suffix[0] == "e":
        return [lemma + suffix[1:], lemma + suffix]  # "baked", and "bakeed" for the rules
    if lemma.endswith("e") and suffix == "ing":
        return [lemma[:-1] + "ing", lemma + "ing"]
    return [lemma + suffix]


def inflections(lemmas: Iterable[str], suffixes: Iterable[str]) -> list[str]:
    suffixes = list(suffixes)
    return [form for lemma in lemmas for s in suffixes for form in inflect(lemma, s)]


EVERY_SUFFIX = sorted({s for suffixes in INFLECTIONS.values() for s in suffixes})


# -- WordNet's own words -------------------------------------------------------


def test_every_index_lemma_with_every_pos(nltk_wordnet, reference):
    assert_as_nltk(all_lemmas(nltk_wordnet), POS, reference)


def test_every_exception_entry_with_every_pos(nltk_wordnet, reference):
    words = []
    for pos in "nvar":
        for form, lemmas in nltk_wordnet._exception_map[pos].items():
            words += [form, *lemmas]
    assert len(words) > 11000
    assert_as_nltk(words, POS, reference)


def test_inflections_with_the_pos_they_inflect(nltk_wordnet, reference):
    # Each part of speech's own inflections of its own lemmas, with it (and
    # "s", with "a"); the other parts of speech on a share of every lemma below.
    for pos, suffixes in INFLECTIONS.items():
        forms = inflections(index_lemmas(nltk_wordnet, pos), suffixes)
        assert_as_nltk(forms, ("a", "s") if pos == "a" else (pos,), reference)


def test_inflections_of_a_share_of_lemmas_with_every_pos(nltk_wordnet, reference):
    # Every 16th lemma (in sorted order: spread over the alphabet and over
    # single and multi-word lemmas), every inflection, every pos.
    lemmas = all_lemmas(nltk_wordnet)[::16]
    assert_as_nltk(inflections(lemmas, EVERY_SUFFIX), POS, reference)


@pytest.mark.slow
def test_every_inflection_of_every_lemma_with_every_pos(nltk_wordnet, reference):
    # About 1.2 million forms, 5 million NLTK calls: a minute or more.
    assert_as_nltk(inflections(all_lemmas(nltk_wordnet), EVERY_SUFFIX), POS, reference)


def test_quirks_of_nltks_maps(nltk_wordnet, reference, lemmatizer):
    wn = nltk_wordnet
    # adj.exc lists "offer" twice ("offer off", then "offer offer"): the later
    # line wins in NLTK's dict, so "offer" is its own lemma.
    assert wn._exception_map["a"]["offer"] == ["offer"]
    # An adjective with no satellite synset is still an "s" lemma (NLTK keeps
    # the key with an empty list): "abaxial" is one.
    assert wn._lemma_pos_offset_map["abaxial"]["s"] == []
    # An exception stops the rules: "axes" as a noun is "ax" or "axis", never
    # "axe" (which the rule ("s", "") would give).
    for word, pos in [("offer", "a"), ("offers", "a"), ("abaxialer", "s"), ("axes", "n")]:
        assert lemmatizer.lemmatize(word, pos) == reference(word, pos)
    from nltk.stem import WordNetLemmatizer

    nltk = WordNetLemmatizer()
    for word in ["abaxial", "better", "best", "abaxialer", "bigger", "offer"]:
        assert lemmatizer.lemmatize(word, "s") == nltk.lemmatize(word, "s")


# -- Real text -----------------------------------------------------------------


@pytest.fixture(scope="module")
def bbc_surfaces() -> list[str]:
    """Every distinct BBC token as the text spells it (case kept)."""
    normalizer = stemline.Normalizer("none")
    surfaces: dict[str, None] = {}
    for _, text in read_bbc():
        for _, start, end in normalizer.spans(text):
            surfaces[text[start:end]] = None
    return list(surfaces)


def test_every_bbc_token_with_every_pos(bbc_texts, reference):
    normalizer = stemline.Normalizer("none")
    tokens = {t for text in bbc_texts for t in normalizer.tokens(text)}
    assert len(tokens) > 25000
    assert_as_nltk(sorted(tokens), POS, reference)


def test_bbc_tokens_as_written_with_every_pos(bbc_surfaces, reference):
    # NLTK's lemmatize does not lower-case: "Dogs" stays "Dogs".
    cased = [s for s in bbc_surfaces if s != s.lower()]
    assert len(cased) > 5000
    assert_as_nltk(cased, POS, reference)


def test_upper_and_mixed_case(nltk_wordnet, reference):
    words = [*nltk_wordnet._exception_map["n"], *nltk_wordnet._exception_map["v"]]
    words += inflections(all_lemmas(nltk_wordnet)[::64], EVERY_SUFFIX)
    cased = [
        variant
        for w in words
        for variant in (w.upper(), w.capitalize(), w.title(), w[:-1] + w[-1:].upper())
    ]
    assert_as_nltk(cased, POS, reference)


# -- Any string ----------------------------------------------------------------

SEPARATORS = " _-\t\u00a0'."
RULE_SUFFIXES = ["s", "ses", "ves", "xes", "zes", "ches", "shes", "men", "ies", "es", "ed", "ing"]
RULE_SUFFIXES += ["er", "est", "S", "ING", "\u0301s", "ſ"]


@st.composite
def lemma_like(draw, lemmas: list[str]) -> str:
    """A WordNet lemma, bent: its ``_`` as a space or hyphen, a letter's case
    flipped, a rule's suffix added, cut short, arbitrary characters around."""
    word = lemmas[draw(st.integers(0, len(lemmas) - 1))]
    if "_" in word and draw(st.booleans()):
        word = word.replace("_", draw(st.sampled_from(SEPARATORS)))
    if word and draw(st.integers(0, 3)) == 0:
        i = draw(st.integers(0, len(word) - 1))
        word = word[:i] + word[i].swapcase() + word[i + 1 :]
    if draw(st.booleans()):
        word += draw(st.sampled_from(RULE_SUFFIXES))
    if draw(st.integers(0, 4)) == 0:
        word = word[: draw(st.integers(0, len(word)))]
    if draw(st.integers(0, 4)) == 0:
        word = draw(st.one_of(anything, surrogate)) + word
    if draw(st.integers(0, 4)) == 0:
        word += draw(st.one_of(anything, surrogate, st.sampled_from(SEPARATORS)))
    return word


@settings(max_examples=1500)
@given(data=st.data(), pos=st.sampled_from(POS))
def test_any_string(nltk_wordnet, lemmatizer, data, pos):
    from nltk.stem import WordNetLemmatizer

    word = data.draw(any_word(nltk_wordnet))
    expected = WordNetLemmatizer().lemmatize(word, pos)
    got = lemmatizer.lemmatize(word, pos)
    assert got == expected
    # NLTK returns the very object it was given when it is its own lemma.
    assert (got is word) == (expected is word)
    assert lemmatizer.lemmatize_many([word], pos) == [expected]


_ANY_WORD: list[st.SearchStrategy[str]] = []


def any_word(wn) -> st.SearchStrategy[str]:
    """A bent lemma or an arbitrary string (built once: it holds every lemma)."""
    if not _ANY_WORD:
        _ANY_WORD.append(st.one_of(lemma_like(all_lemmas(wn)), anything, st.text(max_size=30)))
    return _ANY_WORD[0]


def test_a_word_unchanged_is_the_object_given(lemmatizer):
    for word in ["walking", "dog", "zzz", "", "Geese", "us\ud800"]:
        for pos in POS:
            if lemmatizer.lemmatize(word, pos) == word:
                assert lemmatizer.lemmatize(word, pos) is word


def test_a_str_subclass_is_lemmatized_as_its_value(nltk_wordnet, lemmatizer):
    from nltk.stem import WordNetLemmatizer

    class Word(str):
        pass

    nltk = WordNetLemmatizer()
    for text in ["dogs", "geese", "dog", "zzz", "ran"]:
        for pos in POS:
            word = Word(text)
            got, expected = lemmatizer.lemmatize(word, pos), nltk.lemmatize(word, pos)
            assert (got, type(got)) == (expected, type(expected))
            assert (got is word) == (expected is word)
            assert lemmatizer.lemmatize(text, Word(pos)) == nltk.lemmatize(text, Word(pos))


# -- Not strings, bad pos ------------------------------------------------------


def outcome(call: Callable[[], object]) -> tuple[str, object]:
    try:
        return ("returned", call())
    except Exception as e:
        return (type(e).__name__, str(e))


NOT_STRINGS = [None, 5, 1.5, float("nan"), b"dogs", bytearray(b"x"), ["dogs"], ("dogs",), {}]
NOT_STRINGS += [UserString("dogs"), UserString("geese"), UserString("zzz"), UserString("walking")]


@pytest.mark.parametrize("word", NOT_STRINGS, ids=repr)
def test_words_that_are_not_strings_as_nltk(nltk_wordnet, lemmatizer, word):
    from nltk.stem import WordNetLemmatizer

    nltk = WordNetLemmatizer()
    for pos in POS:
        got = outcome(lambda p=pos: lemmatizer.lemmatize(word, p))
        expected = outcome(lambda p=pos: nltk.lemmatize(word, p))
        assert got == expected
        if got[0] == "returned":
            assert type(got[1]) is type(expected[1])


@pytest.mark.parametrize("pos", ["x", "N", "noun", "", " n", "n ", None, 1, ("n",), ["n"], {}])
def test_bad_pos_fails_as_nltk(nltk_wordnet, lemmatizer, pos):
    from nltk.stem import WordNetLemmatizer

    for word in ["dogs", None, ["x"]]:
        with pytest.raises(Exception) as nltk_error:
            WordNetLemmatizer().lemmatize(word, pos)
        with pytest.raises(nltk_error.type) as ours:
            lemmatizer.lemmatize(word, pos)
        if ours.type is KeyError:
            assert "pos must be one of 'n'" in str(ours.value)
    with pytest.raises(nltk_error.type):
        lemmatizer.lemmatize_many(["dogs"], pos)


def test_lemmatize_many_takes_strings_only(lemmatizer):
    assert lemmatizer.lemmatize_many([]) == []
    assert lemmatizer.lemmatize_many(("geese", "ran"), pos="v") == ["geese", "run"]
    with pytest.raises(TypeError):
        lemmatizer.lemmatize_many("geese")
    with pytest.raises(TypeError):
        lemmatizer.lemmatize_many(["geese", None])


def test_lemmatize_many_is_lemmatize_on_each_and_leaves_the_words(nltk_wordnet, lemmatizer):
    from nltk.stem import WordNetLemmatizer

    class Word(str):
        pass

    class Words(list):
        pass

    nltk = WordNetLemmatizer()
    texts = ["geese", "dogs", "dog", "zzz", "ran", "us\ud800", "", "Geese", "hot_dogs"]
    for pos in POS:
        words = [*texts, *map(Word, texts)] * 2
        given = list(words)
        expected = [nltk.lemmatize(w, pos) for w in words]
        for sequence in (words, tuple(words), Words(words)):
            got = lemmatizer.lemmatize_many(sequence, pos)
            assert type(got) is list and got is not sequence
            assert [(g, type(g)) for g in got] == [(e, type(e)) for e in expected]
            # A word that is its own lemma comes back as the very object.
            same = [g is w for g, w in zip(got, words, strict=True)]
            assert same == [e is w for e, w in zip(expected, words, strict=True)]
        # The caller's list is left as it was.
        assert all(a is b for a, b in zip(words, given, strict=True))


def test_keywords_as_nltk(lemmatizer):
    assert lemmatizer.lemmatize(word="geese") == "goose"
    assert lemmatizer.lemmatize("ran", pos="v") == "run"
    assert lemmatizer.lemmatize_many(words=["ran"], pos="v") == ["run"]


# -- The object ----------------------------------------------------------------


@pytest.mark.parametrize(
    "clone",
    [
        copy.copy,
        copy.deepcopy,
        *(lambda x, p=p: pickle.loads(pickle.dumps(x, p)) for p in range(6)),
    ],
)
def test_pickle_and_copy(lemmatizer, clone):
    other = clone(lemmatizer)
    assert type(other) is stemline.WordNetLemmatizer
    assert other.lemmatize("geese") == "goose"
    assert repr(other) == "<WordNetLemmatizer>"


def test_every_lemmatizer_shares_one_wordnet(lemmatizer):
    assert stemline.WordNetLemmatizer().wordnet is lemmatizer.wordnet


def test_threads_share_one_load_and_agree():
    # A fresh process: many threads make the first call at once.
    code = """
import threading, stemline
barrier = threading.Barrier(16)
results = []
def work():
    barrier.wait()
    lemmatizer = stemline.WordNetLemmatizer()
    results.append((lemmatizer.wordnet, lemmatizer.lemmatize_many(["geese", "mice"] * 1000)))
threads = [threading.Thread(target=work) for _ in range(16)]
for t in threads: t.start()
for t in threads: t.join()
assert len(results) == 16
assert len({id(w) for w, _ in results}) == 1, "loaded more than once"
assert all(r == ["goose", "mouse"] * 1000 for _, r in results)
print("ok")
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout == "ok\n", out.stderr


def test_threads_lemmatize_alike(lemmatizer, bbc_surfaces):
    # Threads share the cache of recent lemmas: while lemmatize_many holds a
    # part of speech's (with Python's lock released), the others look words up
    # without it.
    words = bbc_surfaces[:20000]
    expected = [lemmatizer.lemmatize(w, "v") for w in words]
    results: list[list[str]] = []

    def work() -> None:
        results.append(lemmatizer.lemmatize_many(words, "v"))

    def word_by_word() -> None:
        results.append([lemmatizer.lemmatize(w, "v") for w in words])

    threads = [threading.Thread(target=work) for _ in range(3)]
    threads.append(threading.Thread(target=word_by_word))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_import_stemline_does_not_read_wordnet():
    code = "import sys, stemline; print('stemline.lemmatize' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout == "False\n", out.stderr


def test_docstring_examples():
    import doctest

    import stemline.lemmatize

    failures, tried = doctest.testmod(stemline.lemmatize)
    assert tried > 0 and failures == 0


def test_stemmers_page_lemma_table_is_computed_and_nltks(reference):
    # `python docs/stemmers_tables.py` prints it; the page holds it as computed now.
    from stemline import reference as stemline_reference

    sys.path.insert(0, str(ROOT / "docs"))
    from stemmers_tables import lemma_table

    table = lemma_table()
    assert table in (ROOT / "docs" / "stemmers.md").read_text(encoding="utf-8")
    for row in table.splitlines()[2:]:
        word, *stems, n, v, a = (c.strip() for c in row.strip("|").split("|"))
        assert stems == [
            stemline_reference.normalize(word, s) for s in ("nltk", "snowball", "lancaster")
        ]
        assert [n, v, a] == [reference(word, pos) for pos in "nva"]


# -- The data ------------------------------------------------------------------


def test_package_data_is_what_wordnet_gives():
    # ci/wordnet_data.py rebuilds the package's lists from the tests' WordNet.
    spec = importlib.util.spec_from_file_location("wordnet_data", ROOT / "ci" / "wordnet_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = module.build(module.read_zip(module.SOURCE))
    assert module.TARGET.read_bytes() == text.encode("utf-8")


def test_damaged_data_is_a_clear_error():
    from stemline import _native

    with pytest.raises(ValueError, match="bad WordNet data"):
        _native.WordNet(b"stemline-wordnet 0\n")
    with pytest.raises(ValueError, match="bad WordNet data"):
        _native.WordNet(b"\xff")
