"""The normalizer with ``tokenizer="word_tokenize"``, and ``stemline.word_tokenize``,
against NLTK 3.10.4 run here: 0 differences.

The reference is ``stemline.reference`` with ``tokenizer="word_tokenize"``: each
token of ``nltk.word_tokenize(text, language)`` through the stemmer's NLTK step
(``reference.stemmer_of``), joined by spaces. Run as it is written on the 2,349
documents with each of the seven stemmers it would take minutes, so the corpus
test computes the same thing in two steps, each sound:

* NLTK's tokens of each document are computed once and shared by every stemmer,
  as NLTK's own ``word_tokenize`` composes them (nltk/tokenize/__init__.py):
  ``sent_tokenize(text, language)`` is ``PunktTokenizer(language).tokenize(text)``,
  the slices ``text[s:e]`` of its ``span_tokenize``, and each slice goes through
  ``NLTKWordTokenizer().tokenize``. Keeping the slices' offsets also gives the
  reference offsets (``reference.word_tokenize_spans``). A sample of documents
  checks the composition against ``nltk.word_tokenize`` itself.
* Each stemmer's NLTK step is run once per distinct token: each is a pure function
  of its token (Porter, Snowball and Lancaster keep no state between calls beyond
  their fixed rule tables; the WordNet recipe lemmatizes ``token.lower()`` with a
  fixed part of speech), so a token seen twice has the same stem twice.

The hypothesis tests run ``stemline.reference`` itself, on text weighted toward what
Punkt and the word tokenizer treat apart.
"""

from __future__ import annotations

import functools
import random
import threading
from collections import Counter, defaultdict
from collections.abc import Callable

import language_texts
import pytest
from bbc_corpus import read_speeches
from hypothesis import example, given, settings
from hypothesis import strategies as st

import stemline
import strategies
from conftest import memoized
from stemline import _native, filters, reference
from stemline._unicode import char_tables
from stemline.normalizer import _native_parts
from stemline.settings import Settings
from stemline.tokenize import PUNKT_LANGUAGES

#: (tokens, spans) of one document: each token of NLTK's ``word_tokenize`` and
#: its offsets as ``reference.word_tokenize_spans`` defines them.
Reference = tuple[list[str], list[tuple[int, int]]]


class KnownTokens:
    """NLTK's ``NLTKWordTokenizer.span_tokenize`` over tokens its ``tokenize``
    already gave. Sound because ``span_tokenize(text)`` calls ``self.tokenize(text)``
    once, with its defaults, and uses nothing else of ``self``."""

    def __init__(self) -> None:
        from nltk.tokenize import NLTKWordTokenizer

        class Known(NLTKWordTokenizer):
            tokens: list[str] = []

            def tokenize(self, text, convert_parentheses=False, return_str=False):  # type: ignore[no-untyped-def]
                return self.tokens

        self.nltk = NLTKWordTokenizer()
        self.known = Known()

    def tokens_and_spans(self, sentence: str) -> tuple[list[str], list[tuple[int, int]]]:
        tokens = self.nltk.tokenize(sentence)
        self.known.tokens = tokens
        return tokens, list(self.known.span_tokenize(sentence))


def nltk_reference(text: str, language: str, words: KnownTokens) -> Reference:
    """NLTK's ``word_tokenize(text, language)``, as NLTK composes it, with offsets."""
    tokens: list[str] = []
    spans: list[tuple[int, int]] = []
    for start, end in language_texts.nltk_punkt(language).span_tokenize(text):
        sentence_tokens, sentence_spans = words.tokens_and_spans(text[start:end])
        tokens += sentence_tokens
        spans += [(start + a, start + b) for a, b in sentence_spans]
    return tokens, spans


@pytest.fixture(scope="module")
def corpus(bbc_texts: list[str]) -> list[str]:
    """Every BBC document and every speech."""
    speeches = [text for _, text in read_speeches()]
    assert len(speeches) == 124, "the bundled speeches are incomplete"
    return bbc_texts + speeches


@pytest.fixture(scope="module")
def corpus_reference(corpus: list[str]) -> list[Reference]:
    """NLTK's tokens and offsets of every document (~20 s: NLTK's word tokenizer
    costs about 0.4 ms a sentence)."""
    words = KnownTokens()
    # Once per distinct document (BBC repeats some): NLTK's are functions of the text.
    done: dict[str, Reference] = {}
    for text in corpus:
        if text not in done:
            done[text] = nltk_reference(text, "english", words)
    return [done[text] for text in corpus]


@functools.cache
def reference_stem(stemmer: str) -> Callable[[str], str]:
    """The stemmer's NLTK step, :func:`memoized`, shared by the tests here."""
    return memoized(reference.stemmer_of(stemmer))


def test_the_composition_is_nltks_word_tokenize(corpus, corpus_reference):
    from nltk.tokenize import word_tokenize

    for i in range(0, len(corpus), 97):
        assert corpus_reference[i][0] == word_tokenize(corpus[i]), i


def test_word_tokenize_of_every_document(corpus, corpus_reference):
    expected = [tokens for tokens, _ in corpus_reference]
    assert stemline.word_tokenize_many(corpus, workers=2) == expected
    assert stemline.word_tokenize_many(corpus, "english") == expected
    differ = [i for i, text in enumerate(corpus) if stemline.word_tokenize(text) != expected[i]]
    assert differ == []


def test_word_tokenize_whatever_it_keeps_between_calls(corpus, corpus_reference):
    # A call reuses the strings of the tokens earlier calls made; a tokenizer
    # that keeps at most 300 forgets them all at nearly every call, and one
    # shared by threads hands a call that finds them in use its own.
    from stemline.tokenize.punkt import _tokenizer

    expected = [tokens for tokens, _ in corpus_reference]
    forgetful = _native.WordTokenize(
        char_tables(), _tokenizer("english"), _native.DEFAULT_CACHE_BYTES, max_ids=300
    )
    differ = [i for i, text in enumerate(corpus) if forgetful.tokenize(text) != expected[i]]
    assert differ == []
    # Batches on two threads, each keeping its own strings from one batch to
    # the next.
    for _ in range(2):
        assert forgetful.tokenize_many(corpus, 2) == expected
    shared = _native.WordTokenize(
        char_tables(), _tokenizer("english"), _native.DEFAULT_CACHE_BYTES, max_ids=20_000
    )
    results: dict[int, list[list[str]]] = {}

    def work(k: int) -> None:
        results[k] = [shared.tokenize(text) for text in corpus[k::4]]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[k] == expected[k::4] for k in range(4))
    for _ in range(2):
        assert shared.tokenize_many(corpus, 2) == expected


@pytest.mark.parametrize("stemmer", stemline.STEMMERS)
def test_every_document_with_every_stemmer(stemmer, corpus, corpus_reference):
    stem = reference_stem(stemmer)
    expected_tokens = [[stem(t) for t in tokens] for tokens, _ in corpus_reference]
    expected = [" ".join(tokens) for tokens in expected_tokens]
    normalizer = stemline.Normalizer(stemmer, tokenizer="word_tokenize")
    assert normalizer.normalize_many(corpus, workers=2) == expected
    assert normalizer.normalize_many(corpus, workers=1) == expected
    differ = [i for i, text in enumerate(corpus) if normalizer.normalize(text) != expected[i]]
    assert differ == []
    differ = [i for i, text in enumerate(corpus) if normalizer.tokens(text) != expected_tokens[i]]
    assert differ == []


def test_spans_of_every_document(corpus, corpus_reference):
    stem = reference_stem("nltk")
    expected = [
        [(stem(t), start, end) for t, (start, end) in zip(tokens, spans, strict=True)]
        for tokens, spans in corpus_reference
    ]
    normalizer = stemline.Normalizer(tokenizer="word_tokenize")
    assert normalizer.spans_many(corpus, workers=2) == expected
    assert [normalizer.spans(text) for text in corpus[::50]] == expected[::50]
    # The definition as stemline.reference spells it.
    for i in range(0, len(corpus), 400):
        assert reference.word_tokenize_spans(corpus[i]) == expected[i]


def test_vocabulary_of_every_document(corpus, corpus_reference):
    # Stems, documents, and surface forms: the tokens lower-cased.
    stem = reference_stem("nltk")
    count, documents, surfaces = Counter(), Counter(), defaultdict(Counter)
    for tokens, _ in corpus_reference:
        stems = [stem(t) for t in tokens]
        for token, s in zip(tokens, stems, strict=True):
            count[s] += 1
            surfaces[s][token.lower()] += 1
        documents.update(set(stems))
    expected = {s: (count[s], documents[s], dict(surfaces[s])) for s in count}
    normalizer = stemline.Normalizer(tokenizer="word_tokenize")
    vocab = stemline.Vocabulary.from_texts(corpus, normalizer=normalizer, workers=2)
    assert {e.stem: (e.count, e.documents, dict(e.surfaces)) for e in vocab} == expected
    assert (vocab.documents, vocab.tokens) == (len(corpus), sum(count.values()))


# Every language


@pytest.mark.parametrize("language", PUNKT_LANGUAGES)
def test_every_language(language):
    # Text of the language's own words, abbreviations and sentence starters
    # (tests/language_texts.py), where Punkt's model decides the sentences.
    rng = random.Random(f"word-tokenize-{language}")
    words = language_texts.words(language)
    texts = [language_texts.text(language, rng, words) for _ in range(8)]
    from nltk.tokenize import word_tokenize

    expected = [word_tokenize(text, language) for text in texts]
    assert stemline.word_tokenize_many(texts, language, workers=2) == expected
    assert [stemline.word_tokenize(text, language) for text in texts] == expected
    normalizer = stemline.Normalizer("none", tokenizer="word_tokenize", language=language)
    assert normalizer.tokens(texts[0]) == [t.lower() for t in expected[0]]
    assert normalizer.normalize_many(texts, workers=2) == [
        reference.normalize(text, "none", tokenizer="word_tokenize", language=language)
        for text in texts
    ]


# Any text


def outcome(run: Callable[[], object]) -> tuple[object, ...]:
    """What ``run()`` returns, or that it raises a ValueError or RuntimeError
    (NLTK's ``span_tokenize`` raises either; the normalizer a ValueError)."""
    try:
        return ("returned", run())
    except (ValueError, RuntimeError):
        return ("raised",)


#: The normalizer with every long stretch and token cut into pieces of a few
#: bytes (the line is the same for any size).
def in_pieces(stemmer: str) -> _native.Normalizer:
    settings = Settings(stemmer=stemmer, tokenizer="word_tokenize").check()
    return _native.Normalizer(char_tables(), stemmer, 0, piece_bytes=3, **_native_parts(settings))


any_text = st.one_of(strategies.word_texts, strategies.punkt_texts, strategies.texts)
FEW_STEMMERS = ["nltk", "original", "snowball", "lancaster", "none"]


@settings(max_examples=200)
@given(text=any_text, stemmer=st.sampled_from(FEW_STEMMERS))
@example(text="He said \"cannot.\" Mr. Smith left. (It's 5 p.m.) ``Go!''", stemmer="nltk")
@example(text="a\ud800b. \udfff! \x00\x1c\x1f.\x1c, «É» — İ. Σ.", stemmer="lancaster")
@example(text="s S ss. It's. 'Tis gonna!", stemmer="original")
# \x1c..\x1f are not regex whitespace but str.split()'s: alone between
# whitespace, such a character is a chunk without a token.
@example(text="\x1f\x85cannot \x1c a. \x1e, b \x1d", stemmer="nltk")
def test_any_text_equals_the_reference(text, stemmer):
    # reference.word_tokenize_spans's tokens are reference.tokens's (the same
    # slices of Punkt's span_tokenize through the same tokenize): NLTK runs
    # once, twice only where span_tokenize raises.
    spans = outcome(lambda: reference.word_tokenize_spans(text, stemmer))
    if spans[0] == "returned":
        expected = [token for token, _, _ in spans[1]]  # type: ignore[attr-defined]
    else:
        expected = reference.tokens(text, stemmer, tokenizer="word_tokenize")
    normalizer = stemline.Normalizer(stemmer, tokenizer="word_tokenize")
    assert normalizer.tokens(text) == expected
    line = " ".join(expected)
    assert normalizer.normalize(text) == line
    assert normalizer.normalize_many([text, text], workers=2) == [line, line]
    assert in_pieces(stemmer).normalize(text) == line
    assert outcome(lambda: normalizer.spans(text)) == spans
    vocab = stemline.Vocabulary.from_texts([text], normalizer=normalizer)
    assert vocab.tokens == len(expected)


@settings(max_examples=300)
@given(text=any_text)
@example(text='It\'s 5 p.m. "Now." (Later.)')
def test_word_tokenize_of_any_text(text):
    from nltk.tokenize import word_tokenize

    assert stemline.word_tokenize(text) == word_tokenize(text)
    assert stemline.word_tokenize(text, preserve_line=True) == word_tokenize(
        text, preserve_line=True
    )


# The filters


def expected_filtered(text, stemmer, drop_punct, stopwords, min_length):
    """The filters' definition over the reference's ``word_tokenize`` tokens: drop a
    token with no alphanumeric character (drop_punct), whose lower-casing is a stop
    word, or whose output is shorter than min_length."""
    words = () if stopwords is None else filters.stopword_set(stopwords)
    tokens = reference.tokenizer_of("word_tokenize")(text)
    stem = reference.stemmer_of(stemmer)
    kept = []
    for token in tokens:
        output = stem(token)
        if drop_punct and not any(c.isalnum() for c in token):
            continue
        if token.lower() in words or len(output) < min_length:
            continue
        kept.append(output)
    return kept


@settings(max_examples=200)
@given(
    text=any_text,
    stemmer=st.sampled_from(["nltk", "snowball", "none"]),
    drop_punct=st.booleans(),
    stopwords=st.sampled_from([None, "nltk", ["the", "can", "n't", "'s", "İ", "``"]]),
    min_length=st.integers(min_value=0, max_value=4),
)
@example(
    text='The news: he cannot do it. "They\'re" ___ -- İ ß.',
    stemmer="nltk",
    drop_punct=True,
    stopwords=["the", "can", "n't", "'s", "İ", "``"],
    min_length=2,
)
def test_filters(text, stemmer, drop_punct, stopwords, min_length):
    normalizer = stemline.Normalizer(
        stemmer,
        tokenizer="word_tokenize",
        drop_punct=drop_punct,
        stopwords=stopwords,
        min_length=min_length,
    )
    expected = expected_filtered(text, stemmer, drop_punct, stopwords, min_length)
    assert normalizer.tokens(text) == expected
    assert normalizer.normalize(text) == " ".join(expected)
    assert normalizer.normalize_many([text], workers=2) == [" ".join(expected)]
    vocab = stemline.Vocabulary.from_texts([text], normalizer=normalizer)
    assert vocab.tokens == len(expected)


# The API


def test_preserve_line_is_the_word_tokenizer_and_reads_no_language():
    from nltk.tokenize import word_tokenize

    text = "Please buy me two of them. Thanks."
    expected = word_tokenize(text, preserve_line=True)
    assert stemline.word_tokenize(text, preserve_line=True) == expected
    assert stemline.word_tokenize(text, "klingon", preserve_line=True) == expected
    assert stemline.word_tokenize_many([text], "klingon", preserve_line=True) == [expected]


def test_bad_arguments_say_what_to_do():
    with pytest.raises(ValueError, match="the supported languages are czech, danish"):
        stemline.word_tokenize("x", "klingon")
    with pytest.raises(ValueError, match="the supported languages are"):
        stemline.word_tokenize_many(["x"], "klingon")
    with pytest.raises(TypeError):
        stemline.word_tokenize(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"texts\[1\] is int"):
        stemline.word_tokenize_many(["ok", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not one string"):
        stemline.word_tokenize_many("one string")
    with pytest.raises(ValueError, match="workers"):
        stemline.word_tokenize_many(["x"], workers=-1)
    with pytest.raises(ValueError, match="language 'klingon'"):
        stemline.Normalizer(tokenizer="word_tokenize", language="klingon")


def test_exported_lazily_from_stemline():
    from stemline import tokenize

    assert stemline.word_tokenize is tokenize.word_tokenize
    assert stemline.word_tokenize_many is tokenize.word_tokenize_many
    assert {"word_tokenize", "word_tokenize_many"} <= set(stemline.__all__)


def test_a_long_document_in_parts_is_the_whole(corpus):
    # Over 16 MB: normalize builds the line in parts; normalize_many does not.
    text = "\n".join(corpus * 3)
    assert len(text.encode()) > 16 << 20
    normalizer = stemline.Normalizer(tokenizer="word_tokenize")
    line = normalizer.normalize(text)
    assert line == normalizer.normalize_many([text])[0]
    assert line.startswith(normalizer.normalize(corpus[0]))


# The commands and the integrations, which take the settings as every pipeline
# does (stemline.settings): the same lines as the API.


def test_the_commands_with_word_tokenize(tmp_path, corpus, corpus_reference):
    import json
    import subprocess

    from conftest import STEMLINE_BIN

    picked = list(range(0, len(corpus), 150))
    stem = reference_stem("nltk")
    folder = tmp_path / "docs"
    folder.mkdir()
    records = []
    for i in picked:
        (folder / f"{i:05}.txt").write_text(corpus[i], encoding="utf-8")
        records.append(json.dumps({"text": corpus[i]}))
    expected = [" ".join(map(stem, corpus_reference[i][0])) for i in picked]

    def run(*args: str, stdin: str | None = None) -> str:
        result = subprocess.run([STEMLINE_BIN, *args], input=stdin, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result.stdout

    assert run("normalize", "--tokenizer", "word_tokenize", str(folder)) == "".join(
        line + "\n" for line in expected
    )
    jsonl = tmp_path / "docs.jsonl"
    jsonl.write_text("\n".join(records) + "\n", encoding="utf-8")
    out = run(
        "normalize",
        "--tokenizer",
        "word_tokenize",
        "--offsets",
        "--output-format",
        "jsonl",
        str(jsonl),
    )
    got = [json.loads(line) for line in out.splitlines()]
    assert [g["normalized"] for g in got] == expected
    assert [g["normalized_offsets"] for g in got] == [
        [list(span) for span in corpus_reference[i][1]] for i in picked
    ]
    german = "Der Preis: 3,50 €. Dr. Müller kam nicht. Die Häuser standen leer."
    assert (
        run(
            "normalize",
            "-",
            "--tokenizer",
            "word_tokenize",
            "--stemmer",
            "snowball",
            "--language",
            "german",
            stdin=german,
        )
        == reference.normalize(german, "snowball", language="german", tokenizer="word_tokenize")
        + "\n"
    )

    vocab = run("vocab", "--tokenizer", "word_tokenize", str(folder))
    words = stemline.Normalizer(tokenizer="word_tokenize")
    built = stemline.Vocabulary.from_texts([corpus[i] for i in picked], normalizer=words)
    rows = vocab.splitlines()[1:]
    assert {row.split("\t")[0]: int(row.split("\t")[1]) for row in rows} == {
        e.stem: e.count for e in built
    }
    assert sum(e.count for e in built) == sum(len(corpus_reference[i][0]) for i in picked)
    report = tmp_path / "report.html"
    run("report", "--tokenizer", "word_tokenize", str(folder), "-o", str(report))
    assert "<html" in report.read_text(encoding="utf-8")


def test_the_integrations_with_word_tokenize():
    import pandas as pd
    import polars as pl

    from stemline import pandas as sl_pandas
    from stemline import polars as sl_polars

    texts = ['He said "cannot." Mr. Smith left.', "Dr. Who? It's 5 p.m. «Oui.»", None]
    expected = [reference.normalize(t, tokenizer="word_tokenize") for t in texts[:2]]
    out = sl_pandas.normalize(pd.Series(texts), tokenizer="word_tokenize").tolist()
    assert out[:2] == expected and pd.isna(out[2])
    series = sl_polars.normalize(pl.Series(texts), tokenizer="word_tokenize")
    assert series.to_list() == [*expected, None]
    analyze = stemline.analyzer("wordnet", tokenizer="word_tokenize", pos="v")
    assert analyze(texts[0]) == reference.tokens(
        texts[0], "wordnet", tokenizer="word_tokenize", pos="v"
    )
    assert repr(analyze) == "stemline.analyzer('wordnet', tokenizer='word_tokenize', pos='v')"
