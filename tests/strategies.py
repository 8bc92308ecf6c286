"""Hypothesis strategies for text that breaks tokenizers.

Arbitrary Unicode alone rarely produces a contraction or a quote after an
opening bracket, so text is built from fragments, each biased toward one kind
of trouble, plus fully arbitrary code points (lone surrogates included).
"""

from __future__ import annotations

import sys

from hypothesis import strategies as st

ASCII_PUNCT = "\"'`.,:;@#$%&?!()[]{}<>-*/\\_~^|+="
QUOTES = "\"'`´“”‘’‚„‛‟«»‹›〝〞〟＂＇"
# Every word NLTK's contraction rules know, and words the stemmer treats specially.
CONTRACTIONS = [
    "cannot",
    "d'ye",
    "gimme",
    "gonna",
    "gotta",
    "lemme",
    "more'n",
    "'tis",
    "'twas",
    "wanna",
    "whaddya",
    "whatcha",
    "don't",
    "can't",
    "won't",
    "we'll",
    "I'm",
    "you're",
    "they've",
    "he'd",
    "'s",
    "n't",
    "'ll",
    "'re",
    "'ve",
    "'m",
    "'d",
    "'S",
    "N'T",
]
SPECIAL_WORDS = [
    "news",
    "dying",
    "lying",
    "tying",
    "skies",
    "sky",
    "ties",
    "inning",
    "outing",
    "canning",
    "herring",
    "earring",
    "proceed",
    "exceed",
    "succeed",
    "andes",
    "atlas",
    "bias",
    "cosmos",
    "idly",
    "gently",
    "ugly",
    "early",
    "only",
    "singly",
    "a*ded",
    "generously",
    "ss",
    "s",
    "is",
    "as",
    "ied",
    "ies",
    "y",
    "yy",
    "eed",
    "ing",
]
SPECIAL_CHARS = (
    "İıßẞΣσςſKÅﬁﬀŉǰΐ"  # case mappings that change length or meet i/s/k
    "ⅰⅫ²³¹¼½٣۴߃০"  # letter numbers and other numbers
    "\u0301\u0308\u0345\u20dd\u0903"  # combining marks (Mn, Mn, Mn, Me, Mc)
    "\x00\x01\x07\x1b\x7f\x80\x9f\u200b\u200c\u200d\u2060\ufeff\u00ad"  # NUL, controls, format
    "_"
)
# Every code point any layer may call whitespace: str.isspace(), the regex
# module's \s, and near misses.
WHITESPACE = sorted(
    {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()}
    | set("\x1c\x1d\x1e\x1f\u200b\u180e\ufeff")
)


def _any_case(word: str):
    return st.lists(st.booleans(), min_size=len(word), max_size=len(word)).map(
        lambda flips: "".join(c.upper() if f else c for c, f in zip(word, flips, strict=True))
    )


contraction = st.sampled_from(CONTRACTIONS).flatmap(_any_case)
special_word = st.sampled_from(SPECIAL_WORDS).flatmap(_any_case)
punct_run = st.text(alphabet=ASCII_PUNCT + QUOTES, min_size=1, max_size=6)
quote_run = st.text(alphabet=QUOTES + "([{<", min_size=1, max_size=3)
number = st.from_regex(r"[0-9]{1,4}([.,:/'][0-9]{1,3}){0,3}", fullmatch=True)
whitespace = st.text(alphabet=st.sampled_from(WHITESPACE), min_size=1, max_size=3)
ascii_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", max_size=12)
special = st.text(alphabet=SPECIAL_CHARS, min_size=1, max_size=3)
marks_and_numbers = st.text(
    alphabet=st.characters(categories=["Mn", "Mc", "Me", "Nl", "No", "Nd"]), min_size=1, max_size=3
)
controls = st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs"]), max_size=3)
surrogate = st.characters(categories=["Cs"])
anything = st.text(alphabet=st.characters(codec=None), max_size=4)

fragment = st.one_of(
    contraction,
    special_word,
    punct_run,
    quote_run,
    number,
    whitespace,
    ascii_word,
    special,
    marks_and_numbers,
    controls,
    surrogate,
    anything,
)

#: Text made of up to 16 troublesome fragments.
texts = st.lists(fragment, max_size=16).map("".join)

#: Single words for the stemmer: mostly letters, sometimes anything.
words = st.one_of(
    st.text(alphabet="aeiouybcdgklmnprstvzwxhfjq", min_size=1, max_size=14),
    special_word,
    contraction,
    st.text(alphabet="aeiouyAEIOUYstlnİıßΣςſ\u0301'.-", max_size=8),
    anything,
)


# Punkt (stemline.tokenize.punkt): text weighted toward what its patterns and
# heuristics look at: sentence ends, periods in words, initials, numbers,
# ellipses, hyphens, quotes and brackets, case, digits and every whitespace kind.
PUNKT_CLOSING = "\"')]}‘’“”«»"
PUNKT_NON_WORD = ")\";}]*:@'({[‘’“”«»?!"
PUNKT_WORDS = [
    "Mr",
    "mr",
    "Dr",
    "St",
    "U.S",
    "e.g",
    "i.e",
    "etc",
    "vs",
    "No",
    "Jan",
    "p.m",
    "Inc",
    "z.B",
    "bzw",
    "т.е",
    "г",
    "τ.μ",
    "nr",
    "ΑΣ",
    "ΟΔΟΣ",
    "İstanbul",
    "ǅemal",
    "The",
    "the",
    "He",
    "he",
    "However",
    "And",
    "i",
    "A",
    "J",
    "x",
    "Ω",
    "ß",
    "anti-Mr",
    "ex-U.S",
]
_punkt_word = st.sampled_from(PUNKT_WORDS).flatmap(
    lambda w: st.sampled_from([w, w + ".", w.upper() + ".", w.lower() + "."])
)
_punkt_number = st.from_regex(r"-?[.,]?[0-9٣۴]{1,3}([.,-][0-9]{1,3}){0,2}\.?", fullmatch=True)
_punkt_initial = st.tuples(
    st.characters(categories=["Lu", "Ll", "Lo", "Nd", "Pc"]), st.just(".")
).map("".join)
_punkt_ends = st.text(alphabet=".?!", min_size=1, max_size=4)
_punkt_ellipsis = st.sampled_from(
    ["..", "...", ". . .", ". . . .", ".\t.\u00a0.", "…", "--", "---"]
)
_punkt_quotes = st.text(
    alphabet=PUNKT_CLOSING + PUNKT_NON_WORD + "`&#%,;:-", min_size=1, max_size=3
)
_punkt_space = st.one_of(
    st.sampled_from([" ", "  ", "\n", "\n\n", " \n ", "\r\n", "\t"]),
    st.text(alphabet=st.sampled_from(WHITESPACE), min_size=1, max_size=2),
)
_punkt_fragment = st.one_of(
    _punkt_word,
    _punkt_word,
    _punkt_number,
    _punkt_initial,
    _punkt_ends,
    _punkt_ellipsis,
    _punkt_quotes,
    _punkt_space,
    _punkt_space,
    fragment,
)

#: Text for Punkt: up to 30 fragments.
punkt_texts = st.lists(_punkt_fragment, max_size=30).map("".join)

# NLTK's word tokenizer (stemline.tokenize.destructive, word_tokenize): text
# weighted toward the characters its rules name (quotes of every kind,
# brackets, dashes, the period, comma and colon before digits or not,
# clitics, contractions), with whitespace of every kind and anything else.
WORD_SPECIAL = "\"'`“”‘’«»„.:,;@#$%&?!*()[]{}<>-\u2012\u2013\u2014\u2015"
_word_special_run = st.text(alphabet=WORD_SPECIAL, min_size=1, max_size=5)
_word_digits = st.from_regex(r"[0-9]{1,3}([.,:][0-9]{1,3})?", fullmatch=True)
_word_clitic = st.sampled_from(
    ["'s", "'S", "'m", "'d", "'ll", "'re", "'ve", "n't", "N'T", "'t", "'em"]
)

#: Text for the word tokenizer: up to 14 fragments.
word_texts = st.lists(
    st.one_of(
        _word_special_run,
        _word_special_run,
        st.sampled_from(["--", "...", "''", "``", '"', "'", ". )", '. "', "' "]),
        _word_digits,
        _word_clitic,
        contraction,
        ascii_word,
        whitespace,
        special,
        surrogate,
        anything,
    ),
    max_size=14,
).map("".join)
