"""Invariants of the cache and the batch API: they never change output."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import stemline
from stemline import reference
from strategies import texts


@given(docs=st.lists(texts, max_size=8))
def test_cold_cache_equals_warm_cache(docs):
    warm = stemline.Normalizer()
    first = [warm.normalize(d) for d in docs]
    second = [warm.normalize(d) for d in docs]  # every run now cached
    uncached = stemline.Normalizer(cache_bytes=0)
    assert first == second == [uncached.normalize(d) for d in docs]
    warm.clear_cache()
    assert [warm.normalize(d) for d in docs] == first


@given(
    docs=st.lists(texts, max_size=12),
    cuts=st.lists(st.integers(min_value=0, max_value=12), max_size=4),
    workers=st.integers(min_value=0, max_value=3),
)
def test_normalize_many_equals_map_for_any_batch_split(docs, cuts, workers):
    normalizer = stemline.Normalizer()
    expected = [normalizer.normalize(d) for d in docs]
    bounds = sorted({0, len(docs), *(min(c, len(docs)) for c in cuts)})
    got = []
    for lo, hi in zip(bounds[:-1], bounds[1:], strict=True):
        got.extend(normalizer.normalize_many(docs[lo:hi], workers=workers))
    assert got == expected
    assert normalizer.normalize_many(iter(docs), workers=workers) == expected


def test_empty_and_whitespace_documents_keep_their_place():
    docs = ["One.", "", " \t\n\u3000", "Two!", ""]
    got = stemline.normalize_many(docs, workers=2)
    assert got == [reference.reference(d) for d in docs] == ["one .", "", "", "two !", ""]


def test_cache_bound_holds_under_unique_tokens():
    bound = 256 * 1024
    normalizer = stemline.Normalizer(cache_bytes=bound)
    # 200,000 distinct tokens, far more than fit in the bound.
    batch = [" ".join(f"tok{i:07d}x" for i in range(j, j + 1000)) for j in range(0, 200_000, 1000)]
    for lo in range(0, len(batch), 20):
        docs = batch[lo : lo + 20]
        got = normalizer.normalize_many(docs, workers=2)
        for _entries, used in normalizer.cache_info():
            assert used <= bound
        assert got[0] == reference.reference(docs[0])
    assert sum(entries for entries, _ in normalizer.cache_info()) > 0


def test_cache_disabled_stores_nothing():
    normalizer = stemline.Normalizer(cache_bytes=0)
    normalizer.normalize_many(["some words here", "and more words"], workers=2)
    assert all(entries == 0 for entries, _ in normalizer.cache_info())
