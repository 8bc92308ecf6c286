"""Every short punctuation run in every position, against the reference.

Treebank's rules see the joined string, so a run's split depends on what stands
around it. Enumerating all runs of up to three characters over the characters
the rules mention, at the start, middle and end of a text and alone, covers the
rule interactions that random testing reaches only by luck.
"""

from __future__ import annotations

import itertools

import pytest

import stemline
from stemline import reference

# Characters Treebank's regexes name, plus one that none do.
ALPHABET = "\"'`.,:;!?()[]{}<>-&%$#@/~«"
RUNS = ["".join(p) for n in (1, 2, 3) for p in itertools.product(ALPHABET, repeat=n)]
CONTEXTS = {
    "alone": "{}",
    "after word": "word{}",
    "before word": "{}word",
    "between words": "a{}b",
    "spaced": "a {} b",
}


@pytest.mark.parametrize("context", list(CONTEXTS))
def test_every_short_punctuation_run(context):
    docs = [CONTEXTS[context].format(run) for run in RUNS]
    got = stemline.normalize_many(docs)
    expected = [reference.reference(d) for d in docs]
    diffs = [(d, g, e) for d, g, e in zip(docs, got, expected, strict=True) if g != e]
    assert diffs == [], f"{len(diffs)} of {len(docs)} differ, first: {diffs[:3]}"
