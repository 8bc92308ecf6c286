"""Punkt sentences (stemline.tokenize.punkt) against NLTK 3.10.4, run here.

The reference is ``nltk.tokenize.PunktTokenizer(language)`` with NLTK's
``punkt_tab`` models, which the tests give NLTK from ``tests/data/nltk_data``.
NLTK's ``tokenize(text)`` is ``[text[s:e] for s, e in span_tokenize(text)]``
(``sentences_from_text``), so each text is run through NLTK once, for its
spans, and stemline's sentences are checked against those slices.
"""

from __future__ import annotations

import copy
import gzip
import json
import pickle
import random
import subprocess
import sys
import threading
from collections.abc import Iterator

import language_texts
import punkt_data
import pytest
from bbc_corpus import read_speeches
from hypothesis import example, given, settings
from hypothesis import strategies as st
from language_texts import nltk_punkt

import stemline
import strategies
from stemline import _native, _unicode
from stemline.tokenize import PUNKT_LANGUAGES, PunktTokenizer, sent_tokenize, sent_tokenize_many

Spans = list[tuple[int, int]]


def nltk_spans(text: str, language: str = "english", realign: bool = True) -> Spans:
    return list(nltk_punkt(language).span_tokenize(text, realign))


def assert_as_nltk(texts: list[str], language: str, names: list[str] | None = None) -> None:
    """stemline's spans (one call a text) and sentences (the batch form, two
    workers) of ``texts`` are NLTK's."""
    tokenizer = PunktTokenizer(language)
    sentences = sent_tokenize_many(texts, language, workers=2)
    differ = []
    for i, text in enumerate(texts):
        expected = nltk_spans(text, language)
        if list(tokenizer.span_tokenize(text)) != expected:
            differ.append(i)
        elif sentences[i] != [text[s:e] for s, e in expected]:
            differ.append(i)
    where = [names[i] if names else texts[i][:200] for i in differ[:5]]
    assert not differ, f"{len(differ)} of {len(texts)} {language} texts differ from NLTK: {where}"


# The parameters


@pytest.mark.parametrize("language", PUNKT_LANGUAGES)
def test_shipped_parameters_are_nltks(language):
    shipped = (punkt_data.BUNDLES / f"{language}.gz").read_bytes()
    bundle = gzip.decompress(shipped)
    # The package's file holds NLTK's four files, unchanged...
    assert bundle == punkt_data.bundle(punkt_data.punkt_tab_files(language))
    # ...and parses to exactly the parameters NLTK loads from them.
    abbrevs, collocations, starters, ortho = _native.PunktParameters(bundle).contents()
    # A tokenizer of its own: the shared one's ortho_context is a defaultdict,
    # which gains a 0 for every type that tokenizing elsewhere looked up.
    params = nltk_punkt.__wrapped__(language)._params
    assert set(abbrevs) == params.abbrev_types and len(abbrevs) == len(params.abbrev_types)
    assert set(collocations) == params.collocations
    assert set(starters) == params.sent_starters
    assert ortho == dict(params.ortho_context)


def test_every_shipped_language_and_no_other():
    shipped = sorted(p.stem for p in punkt_data.BUNDLES.glob("*.gz"))
    assert shipped == list(PUNKT_LANGUAGES) == punkt_data.languages()


def test_the_punkt_tab_format_is_read_as_python_reads_text_files():
    # Universal newlines, no empty last line, empty lines kept, a later
    # ortho_context line winning, collocations of three fields never matching.
    files = [b"\nmr\r\ndr\rprof\n", b"a\tb\nx\ty\tz\n", b"", b"a\t2\nb\t-4\na\t6"]
    abbrevs, collocations, starters, ortho = _native.PunktParameters.from_punkt_tab(
        *files
    ).contents()
    assert sorted(abbrevs) == ["", "dr", "mr", "prof"]
    assert collocations == [("a", "b")]
    assert starters == []
    assert ortho == {"a": 6, "b": -4}
    with pytest.raises(ValueError, match="not UTF-8"):
        _native.PunktParameters.from_punkt_tab(b"\xff", b"", b"", b"")
    with pytest.raises(ValueError, match="stemline punkt_tab bundle"):
        _native.PunktParameters(b"not a bundle")


def test_collocations_of_any_words_as_nltk():
    # No shipped model has a collocation whose first word is not a number or an
    # initial; a model that had one would still be read as NLTK reads it.
    from nltk.tokenize.punkt import PunktParameters as NltkParameters
    from nltk.tokenize.punkt import PunktSentenceTokenizer as NltkTokenizer

    pairs = [("said", "he"), ("new", "york"), ("etc", "and")]
    ours = _native.PunktParameters.from_punkt_tab(
        b"etc", "".join(f"{a}\t{b}\n" for a, b in pairs).encode(), b"", b"he\t16"
    )
    params = NltkParameters()
    params.abbrev_types = {"etc"}
    params.collocations = set(pairs)
    params.ortho_context.update({"he": 16})
    nltk = NltkTokenizer(params)
    native = _native.PunktSentenceTokenizer(ours, _unicode.punkt_char_tables())
    words = ["said.", "Said.", "he", "He", "new.", "New.", "York", "york", "etc.", "and", "And"]
    rng = random.Random(7)
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(2, 9)))
        assert native.span_tokenize(text, True) == list(nltk.span_tokenize(text)), text


# The corpora: every document, 0 differences


def test_bbc_sentences_and_offsets_are_nltks(bbc):
    names, texts = zip(*bbc, strict=True)
    assert_as_nltk(list(texts), "english", list(names))


def test_speeches_sentences_and_offsets_are_nltks():
    speeches = read_speeches()
    assert len(speeches) == 124, "the bundled speeches are incomplete"
    names, texts = zip(*speeches, strict=True)
    assert_as_nltk(list(texts), "english", list(names))


# Every language, on text made of its words


@pytest.mark.parametrize("language", PUNKT_LANGUAGES)
def test_every_language_on_its_own_words(language):
    rng = random.Random(f"punkt-{language}")
    words = language_texts.words(language)
    assert_as_nltk([language_texts.text(language, rng, words) for _ in range(40)], language)


# Arbitrary text


@settings(max_examples=1500)
@given(
    text=strategies.punkt_texts,
    language=st.sampled_from(PUNKT_LANGUAGES),
    realign=st.booleans(),
)
def test_any_text_in_any_language(text, language, realign):
    expected = nltk_spans(text, language, realign)
    tokenizer = PunktTokenizer(language)
    assert list(tokenizer.span_tokenize(text, realign)) == expected
    assert tokenizer.tokenize(text, realign) == [text[s:e] for s, e in expected]


@settings(max_examples=300)
@given(text=strategies.punkt_texts)
# English's abbreviations hold ". . ", the body of a spaced ellipsis.
@example(text="fine. . . x")
@example(text='fine. "x')
def test_text_contains_sentbreak_is_nltks(text):
    # The decision Punkt takes about each candidate, on any text at all.
    native = PunktTokenizer()._native
    assert native.text_contains_sentbreak(text) == nltk_punkt("english").text_contains_sentbreak(
        text
    )


@settings(max_examples=300)
@given(
    st.text(
        alphabet=st.one_of(
            st.sampled_from("ΣσςΑαİIi.'’:\u0345\u02b0\u00ad\u0300 -"),
            st.characters(codec=None),
        ),
        max_size=12,
    )
)
def test_lower_is_pythons(text):
    # Punkt looks types up lower-cased; Σ becomes ς or σ by its neighbours.
    assert _unicode.punkt_char_tables().lower(text) == text.lower()


# Sentences that matter and the shapes of the answers


@pytest.mark.parametrize(
    "text",
    [
        "",
        " \n\t ",
        "Hi. \x1c",
        "Mr. Smith went. Dr. Jones too.",
        'He said "Stop." (And he did.) Then',
        "Very bad acting!!! I promise.",
        "The U.S. is big... Yes. . . no.",
        "J. S. Bach was born in 1685. He died.",
        "Is it?! Yes.",
        "Wait.\u201d\u2014 no.",
        "a.\u00a0B. c.\u3000D.",
        "ΟΔΟΣ. Άλλη.",
        "a\ud800. B\udfff. ok",
        "end.\n\nNew paragraph.\r\nAnd line.",
    ],
)
def test_sentences_that_matter(text):
    for realign in (True, False):
        expected = nltk_spans(text, "english", realign)
        assert list(PunktTokenizer().span_tokenize(text, realign)) == expected
        assert PunktTokenizer().tokenize(text, realign) == [text[s:e] for s, e in expected]
    assert sent_tokenize(text) == stemline.sent_tokenize(text, "english")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # Russian's abbreviations hold "" (an empty line of its file): a
        # period after a hyphen is then an abbreviation's.
        ("russian", "Тест-. Да. Нет-. нет. -. Он"),
        ("russian", "т.е. Да. г. Москва"),
        ("german", "Am 3. Oktober kam er. Dr. Müller z.B. nicht."),
        ("greek", "ΟΔΟΣ. Άλλη. κ. Παπαδόπουλος ήρθε."),
        ("turkish", "İstanbul'a gitti. Sonra Ankara'ya."),
    ],
)
def test_sentences_that_matter_in_other_languages(language, text):
    expected = nltk_spans(text, language)
    assert list(PunktTokenizer(language).span_tokenize(text)) == expected
    assert sent_tokenize(text, language) == [text[s:e] for s, e in expected]


def test_results_have_nltks_types():
    tokenizer = PunktTokenizer()
    spans = tokenizer.span_tokenize("One. Two.")
    assert isinstance(spans, Iterator)
    assert list(spans) == [(0, 4), (5, 9)]
    sentences = tokenizer.tokenize("One. Two.")
    assert type(sentences) is list and all(type(s) is str for s in sentences)
    assert isinstance(tokenizer.span_tokenize_sents(["A."]), Iterator)

    class Text(str):
        pass

    # A str subclass in, plain str out, as slicing gives.
    assert [type(s) for s in sent_tokenize(Text("One. Two."))] == [str, str]


def test_batch_forms_keep_order_whatever_the_workers():
    texts = [f"Doc {i}. It has {i % 3} parts. Mr. X agrees." * (i % 4) for i in range(200)]
    tokenizer = PunktTokenizer()
    single = [tokenizer.tokenize(t) for t in texts]
    spans = [list(tokenizer.span_tokenize(t)) for t in texts]
    for workers in (0, 1, 2, 7):
        assert tokenizer.tokenize_sents(texts, workers=workers) == single
        assert list(tokenizer.span_tokenize_sents(iter(texts), workers=workers)) == spans
        assert sent_tokenize_many(tuple(texts), workers=workers) == single


def test_bad_arguments_are_clear_errors():
    with pytest.raises(ValueError, match="klingon.*czech, danish, .*english.*turkish"):
        PunktTokenizer("klingon")
    with pytest.raises(ValueError, match="supported languages"):
        sent_tokenize("Hi.", "English")
    with pytest.raises(TypeError, match="language must be a str"):
        sent_tokenize("Hi.", ["english"])  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        sent_tokenize(b"Hi.")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"texts\[1\] is int"):
        sent_tokenize_many(["a", 1])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not one string"):
        sent_tokenize_many("One. Two.")
    with pytest.raises(ValueError, match="workers"):
        sent_tokenize_many(["a"], workers=-1)


def test_tokenizers_pickle_copy_and_share_across_threads():
    tokenizer = PunktTokenizer("german")
    for clone in (pickle.loads(pickle.dumps(tokenizer)), copy.deepcopy(tokenizer)):
        assert clone.language == "german" and repr(clone) == "PunktTokenizer('german')"
        assert clone.tokenize("Dr. Müller kam. Er blieb.") == ["Dr. Müller kam.", "Er blieb."]
    texts = [f"Satz {i}. Noch einer! Und z.B. ein dritter?" for i in range(300)]
    expected = [tokenizer.tokenize(t) for t in texts]
    results: list[list[list[str]]] = [[] for _ in range(4)]

    def run(k: int) -> None:
        results[k] = [tokenizer.tokenize(t) for t in texts]

    threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


def test_models_load_on_first_use_not_at_import():
    code = (
        "import sys, stemline\n"
        "assert 'stemline.tokenize' not in sys.modules\n"
        "from stemline.tokenize import punkt\n"
        "assert punkt._LOADED == {}\n"
        "stemline.sent_tokenize('One. Two.', 'greek')\n"
        "print(sorted(punkt._LOADED))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "['greek']", out.stderr


def test_punkt_tables_come_back_from_the_disk_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    key = _unicode._cache_key()
    path = _unicode._cache_path(key, "punkt-tables")
    assert path is not None and _unicode._load_punkt(path, key) is None
    built = _unicode.build_punkt_tables()
    _unicode._store_punkt(path, key, built)
    assert _unicode._load_punkt(path, key) == built
    assert _unicode._load_punkt(path, key + "x") is None


@pytest.mark.parametrize("module", ["stemline.tokenize", "stemline.tokenize.punkt"])
def test_docstring_examples(module):
    import doctest
    import importlib

    failures, tried = doctest.testmod(importlib.import_module(module))
    assert tried > 0 and failures == 0


# One huge document (slow: `make test-slow`)

#: Python source for the peak RSS of the running process, in bytes.
VM_HWM = "int(open('/proc/self/status').read().split('VmHWM:')[1].split()[0]) * 1024"


@pytest.mark.slow
@pytest.mark.parametrize("function", ["sent_tokenize", "span_tokenize"])
@pytest.mark.parametrize(
    "kind",
    [
        "ascii",  # one byte a character, the text's UTF-8 borrowed
        "latin-1",  # one byte a character, UTF-8 encoded to a temporary copy
        "ucs-2",  # two bytes a character
    ],
)
def test_a_huge_document_costs_at_most_3x_its_size(bbc_texts, tmp_path, function, kind):
    # 200 MB of the BBC articles, the string and every sentence of it (or every
    # span) held at once; "its size" is the string's own memory.
    unit = "\n\n".join(bbc_texts).encode("ascii", "ignore").decode()
    unit = {"ascii": unit, "latin-1": unit.replace("e", "é"), "ucs-2": unit.replace("'", "’")}[kind]
    head = nltk_punkt("english").tokenize(unit[:20_000])[:5]
    (tmp_path / "unit.txt").write_text(unit, encoding="utf-8")
    script = (
        "import json, sys, stemline\n"
        "stemline.sent_tokenize('Warm up. Now.')\n"
        f"unit = open({str(tmp_path / 'unit.txt')!r}, encoding='utf-8').read()\n"
        f"text = unit * {200_000_000 // len(unit)}\n"
        "del unit\n"
        f"interpreter = {VM_HWM} - sys.getsizeof(text)\n"
        + (
            "sentences = stemline.sent_tokenize(text)\n"
            if function == "sent_tokenize"
            else "spans = list(stemline.PunktTokenizer().span_tokenize(text))\n"
        )
        + f"peak = {VM_HWM}\n"
        + (
            "head = sentences[:5]\n"
            if function == "sent_tokenize"
            else "head = [text[s:e] for s, e in spans[:5]]\n"
        )
        + "print(json.dumps([interpreter, peak, sys.getsizeof(text), head]))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    interpreter, peak, size, sentences = json.loads(result.stdout)
    print(f"\n{function}, a {size / 1e6:.0f} MB {kind} string: {(peak - interpreter) / size:.2f}x")
    assert sentences == head
    assert peak - interpreter <= 3 * size
