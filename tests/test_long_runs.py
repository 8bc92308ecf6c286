"""Long runs in pieces: the reference's line, and the whole-run path's, in every stemmer mode.

A punctuation run longer than the normalizer's piece size is cut where the Treebank rules
leave the tokens unchanged; a long run that is one token whose stem is its lower-casing (a
line of ``é``, ``日`` or emoji) is lower-cased a piece at a time; a long text's line is built
as a Python string part by part. Here the piece size is a few bytes, so that short runs cross
many cuts; a normalizer with the default piece size (64 KiB) never cuts these runs.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import stemline
from stemline import _native, reference
from stemline._unicode import char_tables
from stemline.normalizer import Settings, _native_parts

MODES = list(stemline.STEMMERS)
PIECE_BYTES = [1, 2, 7]


def native(mode: str, **options: int) -> _native.Normalizer:
    """The native normalizer of a stemmer name, with its data (WordNet's lists)."""
    parts = _native_parts(Settings(stemmer=mode))
    return _native.Normalizer(char_tables(), mode, 1 << 20, **parts, **options)


WHOLE = {mode: native(mode) for mode in MODES}
CUT = {(mode, n): native(mode, piece_bytes=n) for mode in MODES for n in PIECE_BYTES}

#: What the Treebank rules look at (and what they do not), as stretches.
PUNCT_UNITS = [
    *".-?!,:;'\"`()[]{}<>&@#$%*/\\|~",
    "..",
    "...",
    "--",
    "''",
    "``",
    '("',
    "('",
    "\u2019",  # ’
    "\u00ab",  # «
    "\u2014",  # —
    "\u2026",  # …
    "\U0001f600",  # an emoji
    "\x1c",  # whitespace to str.split(), punctuation to the regex
]
#: Characters of long tokens: letters that lower-case in one way or another (İ to two
#: characters, the Kelvin sign to ASCII k, Σ by its neighbours), a combining mark,
#: CJK, punctuation no rule names, the apostrophes Snowball maps.
TOKEN_UNITS = [
    "\u00e9",
    "\u00c9",
    "\u65e5",
    "\u0130",
    "\u212a",
    "\u03a3",
    "\u00df",
    "a\u0301",
    "\U0001f600",
    "\u2014",
    "*",
    "\u2019",
]
TOKEN_ENDINGS = ["", "ing", "s", "y", "e", "ed", "'", "\u2019", "\u212a", "\u03a3", ".", "7"]
EDGES = ["", "x ", "Yes, ", " (", "cannot ", '"', "\ud800"]

surrogate = st.characters(categories=["Cs"])
punct_stretch = st.lists(
    st.tuples(st.one_of(st.sampled_from(PUNCT_UNITS), surrogate), st.integers(1, 7)).map(
        lambda unit_count: unit_count[0] * unit_count[1]
    ),
    min_size=1,
    max_size=10,
).map("".join)
# Longer than Lancaster's longest word (1,000 characters), as the long-token path needs.
long_token = st.tuples(
    st.lists(st.sampled_from(TOKEN_UNITS), min_size=1, max_size=3),
    st.integers(1030, 1100),
    st.sampled_from(TOKEN_ENDINGS),
).map(lambda t: "".join(t[0][i % len(t[0])] for i in range(t[1])) + t[2])
long_text = st.tuples(
    st.sampled_from(EDGES), st.one_of(punct_stretch, long_token), st.sampled_from(EDGES)
).map(lambda parts: parts[0] + parts[1] + parts[2][::-1])


def _check(text: str, mode: str) -> None:
    whole = WHOLE[mode].normalize(text)
    assert whole == reference.normalize(text, mode), (mode, text)
    for n in PIECE_BYTES:
        cut = CUT[mode, n]
        assert cut.normalize(text) == whole, (mode, n, text)
        assert cut.tokens(text) == WHOLE[mode].tokens(text), (mode, n, text)


@pytest.mark.parametrize("mode", MODES)
@given(text=long_text)
@example(text="." * 40 + '"')
@example(text="Yes, " + "?!-" * 20 + ".)")
@example(text='x "' * 3 + "''" * 9 + '"')
@example(text="x " + "'" * 41 + " y")
@example(text="(" + "'" * 20 + ".")
@example(text="\u00e9" * 1050 + "ing")
@example(text="\u00c9" * 1050 + "\u03a3 x")
@example(text="x \u212a" * 1 + "\u00e9" * 1040 + "\u212a")
def test_long_runs_in_pieces_equal_the_reference(mode: str, text: str) -> None:
    _check(text, mode)


def test_the_piece_size_must_be_positive_and_defaults_to_whole_runs_in_practice() -> None:
    tiny = _native.Normalizer(char_tables(), "nltk", 0, piece_bytes=0)
    assert tiny.normalize("x " + "." * 10 + " ?!") == stemline.normalize("x " + "." * 10 + " ?!")


LONG = 17_000_000  # above the binding's threshold (16 MiB) for building a line part by part

#: Long texts whose line is built as a Python string part by part: ASCII, then wider
#: characters (each widening copies what is built so far), lone surrogates, and one
#: run longer than a part.
LONG_TEXTS = {
    "sentences": 'The runners\' dogs, gonna run -- "fast"... ' * (LONG // 42),
    "widening": "dogs ran. " * (LONG // 30)
    + "caf\u00e9s \u00e9t\u00e9. " * (LONG // 60)
    + "\u65e5\u672c " * (LONG // 40)
    + "\U0001f600! " * (LONG // 40),
    "surrogates": "x \ud800 y. " * (LONG // 10),
    "one run": "?!-" * (LONG // 3),
}


@pytest.mark.parametrize("name", LONG_TEXTS)
def test_a_long_texts_line_built_in_parts_equals_the_batch_line(name: str) -> None:
    text = LONG_TEXTS[name]
    normalizer = stemline.Normalizer()
    # normalize_many builds each line from one buffer: an independent path.
    assert normalizer.normalize(text) == normalizer.normalize_many([text])[0]
