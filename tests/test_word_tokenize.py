"""stemline's NLTKWordTokenizer against NLTK 3.10.4's, run in the test.

Tokens and spans (``span_tokenize``) of every BBC document and every speech,
whole and line by line; text made of each Snowball language's words with quotes
and punctuation mixed in; hypothesis over arbitrary Unicode weighted toward the
characters the rules treat apart. ``nltk.word_tokenize(text, preserve_line=True)``
is the same tokenizer on the whole text (NLTK's source:
``sentences = [text] if preserve_line else sent_tokenize(text, language)``), which
is checked too.
"""

from __future__ import annotations

import copy
import gc
import pickle
import random
import subprocess
import sys
import threading
import warnings
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize import NLTKWordTokenizer as NltkTokenizer
from nltk.tokenize import word_tokenize as nltk_word_tokenize

import strategies
from conftest import DATA, read_bbc
from stemline import NLTKWordTokenizer, _native
from stemline._unicode import char_tables

OURS = NLTKWordTokenizer()
NLTK = NltkTokenizer()
# Keeps at most 300 token strings from call to call (see check_all).
FORGETFUL = _native.NLTKWordTokenizer(char_tables(), 1 << 20, max_ids=300)


class KnownTokens(NltkTokenizer):
    """NLTK's own ``span_tokenize`` over tokens NLTK's ``tokenize`` already gave.

    Sound because ``span_tokenize(text)`` calls ``self.tokenize(text)`` once,
    with its defaults, and uses nothing else of ``self``: each text costs one
    run of NLTK's rules instead of two.
    """

    def __init__(self, known: dict[str, list[str]]) -> None:
        self.known = known

    def tokenize(
        self, text: str, convert_parentheses: bool = False, return_str: bool = False
    ) -> list[str]:
        return self.known[text]


def outcome(run: Any) -> tuple[Any, ...]:
    """What ``run()`` returns, or the type and message of what it raises."""
    try:
        return ("returned", run())
    except Exception as e:  # noqa: BLE001 (any exception NLTK raises must be ours too)
        return ("raised", type(e), str(e))


@pytest.fixture(scope="session")
def documents(bbc_texts) -> list[str]:
    """Every BBC document and every speech."""
    speeches = [text for _, text in read_bbc(DATA / "speeches")]
    assert len(speeches) == 124, "the bundled speeches are incomplete"
    return bbc_texts + speeches


@pytest.fixture(scope="session")
def lines(documents) -> list[str]:
    """Every distinct line of every document (a line's tokens depend on nothing
    else, so NLTK runs once per distinct line)."""
    return sorted({line for doc in documents for line in doc.splitlines()})


def check_all(texts: list[str]) -> None:
    expected = {text: NLTK.tokenize(text) for text in texts}
    assert OURS.tokenize_sents(texts, workers=2) == [expected[t] for t in texts]
    assert [t for t in texts if OURS.tokenize(t) != expected[t]] == []
    assert [t for t in texts if FORGETFUL.tokenize(t, False) != expected[t]] == []
    assert FORGETFUL.tokenize_many(texts, False, 2) == [expected[t] for t in texts]
    known = KnownTokens(expected)
    expected_spans = [list(known.span_tokenize(t)) for t in texts]
    assert list(OURS.span_tokenize_sents(texts, workers=2)) == expected_spans


def test_every_document_whole(documents):
    check_all(documents)


def test_every_document_line_by_line(lines):
    check_all(lines)


def test_a_long_text_in_parts(bbc_texts):
    # Over 1 MB: its tokens and spans are made into Python objects a part at a time.
    text = "\n".join(bbc_texts[:600])
    assert len(text.encode()) > 1 << 20
    expected = NLTK.tokenize(text)
    assert OURS.tokenize(text) == expected
    assert list(OURS.span_tokenize(text)) == list(KnownTokens({text: expected}).span_tokenize(text))


def snowball_texts(language: str, count: int) -> list[str]:
    """``count`` texts of a language's words with quotes, punctuation, brackets,
    dashes, numbers, contractions and whitespace of every kind mixed in."""
    words = (DATA / "snowball" / language / "voc.txt").read_text(encoding="utf-8").split()
    rng = random.Random(language)
    marks = list("\"'`“”‘’«»„.:,;@#$%&?!*()[]{}<>\u2012\u2013\u2014\u2015") + [
        "--",
        "...",
        "''",
        "``",
        "3.5",
        "1,000",
        "'s",
        "n't",
    ]
    spaces = [" "] * 12 + ["\n", "\t", "\u00a0", "\u3000", "\x1c", "  "]
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(3, 14)):
            word = rng.choice(words)
            if rng.random() < 0.3:
                word = rng.choice(marks) + word
            if rng.random() < 0.4:
                word += rng.choice(marks)
            if rng.random() < 0.05:
                word += rng.choice(strategies.CONTRACTIONS)
            parts.append(word + rng.choice(spaces))
        texts.append("".join(parts).rstrip(" ") + rng.choice([".", '."', ".)", "", "?", "…"]))
    return texts


LANGUAGES = sorted(p.name for p in (DATA / "snowball").iterdir() if p.is_dir())


def test_every_snowball_language():
    assert len(LANGUAGES) == 14
    texts = [t for language in LANGUAGES for t in snowball_texts(language, 150)]
    # Each language's texts as one document too, so that chunks meet every context.
    check_all(texts + ["\n".join(texts[i : i + 150]) for i in range(0, len(texts), 150)])


def test_word_tokenize_with_preserve_line_is_this_tokenizer(documents):
    # With preserve_line=True NLTK never splits sentences and never reads the
    # language, even one it does not know.
    for text in documents[::100] + ['"Hi," she said.  (Yes.)', ""]:
        tokens = OURS.tokenize(text)
        assert nltk_word_tokenize(text, preserve_line=True) == tokens
        assert nltk_word_tokenize(text, "klingon", preserve_line=True) == tokens


@settings(max_examples=1000)
@given(strategies.word_texts)
def test_tokens_and_spans_equal_nltk(text):
    assert OURS.tokenize(text) == NLTK.tokenize(text)
    assert outcome(lambda: list(OURS.span_tokenize(text))) == outcome(
        lambda: list(NLTK.span_tokenize(text))
    )


@settings(max_examples=400)
@given(st.text(alphabet=st.characters(codec=None), max_size=30))
def test_arbitrary_unicode_equals_nltk(text):
    assert OURS.tokenize(text) == NLTK.tokenize(text)
    assert outcome(lambda: list(OURS.span_tokenize(text))) == outcome(
        lambda: list(NLTK.span_tokenize(text))
    )


IN_PIECES = _native.NLTKWordTokenizer(char_tables(), 0, piece_bytes=1)


@settings(max_examples=300)
@given(strategies.word_texts)
def test_texts_cut_wherever_they_can_be_give_the_same_tokens(text):
    # A stretch without whitespace longer than piece_bytes (64 KB by default)
    # is computed in pieces: here every stretch is cut wherever it can be.
    expected = NLTK.tokenize(text)
    assert IN_PIECES.tokenize(text, False) == expected
    assert IN_PIECES.tokenize_many([text, text], False, 2) == [expected, expected]


@settings(max_examples=300)
@given(strategies.word_texts)
def test_convert_parentheses_equals_nltk(text):
    assert OURS.tokenize(text, convert_parentheses=True) == NLTK.tokenize(
        text, convert_parentheses=True
    )


def test_return_str_warns_and_returns_the_list_as_nltk_does():
    with pytest.warns(DeprecationWarning, match="return_str"):
        ours = OURS.tokenize("It's (here).", return_str=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        assert ours == NLTK.tokenize("It's (here).", return_str=True)


def test_span_tokenize_is_a_generator_that_runs_when_iterated():
    spans = OURS.span_tokenize("a b")
    assert iter(spans) is spans
    assert list(spans) == [(0, 1), (2, 3)]


def test_batches_keep_order_for_any_number_of_workers(bbc_texts):
    texts = bbc_texts[:300]
    one_by_one = [OURS.tokenize(t) for t in texts]
    for workers in (0, 1, 2, 5):
        assert OURS.tokenize_sents(texts, workers=workers) == one_by_one
    assert OURS.tokenize_sents(iter(texts[:3])) == one_by_one[:3]
    assert OURS.tokenize_sents([]) == []


def test_bad_arguments_say_what_to_do():
    with pytest.raises(TypeError):
        OURS.tokenize(b"bytes")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"texts\[1\] is int"):
        OURS.tokenize_sents(["ok", 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="not one string"):
        OURS.tokenize_sents("one string")
    with pytest.raises(ValueError, match="workers"):
        OURS.tokenize_sents(["x"], workers=-1)
    with pytest.raises(ValueError, match="cache_bytes"):
        NLTKWordTokenizer(cache_bytes=-1)


def test_pickles_copies_and_is_shared_by_threads(bbc_texts):
    for clone in (pickle.loads(pickle.dumps(OURS)), copy.copy(OURS), copy.deepcopy(OURS)):
        assert isinstance(clone, NLTKWordTokenizer)
        assert clone.tokenize("Don't.") == ["Do", "n't", "."]
    small = NLTKWordTokenizer(cache_bytes=0)
    expected = [OURS.tokenize(t) for t in bbc_texts[:100]]
    results: list[list[list[str]]] = []

    def work() -> None:
        results.append([small.tokenize(t) for t in bbc_texts[:100]])

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4


@pytest.mark.parametrize("workers", [None, 1, 2])
def test_each_item_of_a_list_is_one_reference_to_a_kept_string(workers):
    """A token seen before is the same string: each list item adds one
    reference to it (in place where the interpreter is known), and the
    tokenizer's own goes with the tokenizer, so none leaks and none is freed
    under a list."""
    tokenizer = NLTKWordTokenizer()
    text = "zebrafinch " * 5 + "okapi."
    if workers is None:
        lists = [tokenizer.tokenize(text) for _ in range(3)]
    else:
        lists = tokenizer.tokenize_sents([text] * 3, workers=workers)
    token = lists[0][0]
    assert token == "zebrafinch"
    assert all(item is token for tokens in lists for item in tokens[:5])
    held = sys.getrefcount(token)
    del lists
    assert sys.getrefcount(token) == held - 15
    del tokenizer
    gc.collect()
    assert sys.getrefcount(token) == 2  # `token`, and getrefcount's argument


def test_exported_lazily_from_stemline():
    import stemline
    from stemline.tokenize import NLTKWordTokenizer as FromPackage

    assert stemline.NLTKWordTokenizer is FromPackage is NLTKWordTokenizer
    assert "NLTKWordTokenizer" in stemline.__all__


#: Peak and current RSS of the running process, in bytes.
VM_PEAK_AND_NOW = (
    "[int(open('/proc/self/status').read().split(k)[1].split()[0]) * 1024 "
    "for k in ('VmHWM:', 'VmRSS:')]"
)


@pytest.mark.slow
@pytest.mark.parametrize(
    "unit",
    [
        # Sentences: chunks of every kind, turned into Python strings in parts.
        'The quick brown foxes (it\'s said) jumped over the lazy dogs; "running", they ran! ',
        # One stretch without whitespace: computed in pieces cut before the quotes.
        "日本語の文章は空白がない。“引用”もある——長い段落。",
    ],
)
def test_a_huge_text_needs_little_memory_beside_its_tokens(unit):
    """tokenize of a ~100 MB text: the memory held beside the text and the list it
    returns (which is NLTK's own result's size) stays small: a quarter of the
    text's size, plus, for a text that is not ASCII, the UTF-8 copy the call
    reads (without pieces, one run without whitespace cost about 12 bytes a byte)."""
    size = 100_000_000
    script = (
        "import stemline\n"
        f"unit = {unit!r}\n"
        f"text = unit * ({size} // len(unit.encode()))\n"
        "tokens = stemline.NLTKWordTokenizer().tokenize(text)\n"
        f"peak, now = {VM_PEAK_AND_NOW}\n"
        "print(peak, now, len(tokens), tokens[-1])\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    peak, now, count, last = result.stdout.split()
    print(
        f"\ntokenize of 100 MB ({int(count):,} tokens): peak RSS {int(peak) / 1e6:.0f} MB, "
        f"{(int(peak) - int(now)) / 1e6:.0f} MB above what it keeps"
    )
    assert last == NLTK.tokenize(unit * 3)[-1]
    assert int(peak) - int(now) <= size // 4 + (0 if unit.isascii() else size)
