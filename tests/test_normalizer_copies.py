"""A Normalizer travels: pickled, copied and deep-copied it comes back with the same
settings and the same output (for multiprocessing, joblib and copied pipelines)."""

from __future__ import annotations

import copy
import multiprocessing
import pickle
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

import pytest

import stemline
from stemline import reference

ROUND_TRIPS: dict[str, Callable[[Any], Any]] = {
    "pickle": lambda n: pickle.loads(pickle.dumps(n)),
    "pickle protocol 0": lambda n: pickle.loads(pickle.dumps(n, protocol=0)),
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
}

SETTINGS: list[dict[str, Any]] = [
    {},
    {"stemmer": "martin"},
    {"stemmer": "original", "cache_bytes": 0},
    {"stemmer": "none", "cache_bytes": 1 << 20},
    {"drop_punct": True, "min_length": 3},
    {"stopwords": ["the", "Cannot"]},
    {"stopwords": "nltk", "drop_punct": True},
]


def settings_of(n: stemline.Normalizer) -> tuple[str, int, dict[str, Any], str]:
    return n.stemmer, n.cache_bytes, n.filters, repr(n)


@pytest.fixture(scope="module")
def texts(bbc_texts: list[str]) -> list[str]:
    return bbc_texts[:40] + ['He said "cannot." The end.', "", "İstanbul's naïve café."]


@pytest.mark.parametrize("trip", ROUND_TRIPS)
@pytest.mark.parametrize("options", SETTINGS, ids=lambda o: repr(o) if o else "default")
def test_round_trip_keeps_settings_and_output(
    trip: str, options: dict[str, Any], texts: list[str]
) -> None:
    original = stemline.Normalizer(**options)
    expected = original.normalize_many(texts)  # the original's cache is warm now
    twin = ROUND_TRIPS[trip](original)
    assert type(twin) is stemline.Normalizer and twin is not original
    assert settings_of(twin) == settings_of(original)
    assert twin.normalize_many(texts, workers=2) == expected
    assert [twin.tokens(t) for t in texts[:5]] == [original.tokens(t) for t in texts[:5]]
    assert twin.spans(texts[-3]) == original.spans(texts[-3])
    # Each has its own cache: clearing the twin's leaves the original's.
    if original.cache_bytes:
        twin.clear_cache()
        assert sum(entries for entries, _ in original.cache_info()) > 0


def test_copies_equal_the_reference(texts: list[str]) -> None:
    for stemmer in stemline.STEMMERS:
        twin = copy.deepcopy(pickle.loads(pickle.dumps(stemline.Normalizer(stemmer))))
        assert twin.normalize_many(texts) == [reference.normalize(t, stemmer) for t in texts]


def test_stopwords_from_an_iterator_survive_pickling() -> None:
    # An iterator is read once; the normalizer keeps the words it gave.
    n = stemline.Normalizer(stopwords=iter(["the", "cat"]))
    assert n.normalize("The cat sat.") == "sat ."
    twin = pickle.loads(pickle.dumps(n))
    assert (
        twin.filters
        == n.filters
        == {
            "drop_punct": False,
            "stopwords": ["the", "cat"],
            "min_length": 0,
        }
    )
    assert twin.normalize("The cat sat.") == "sat ."


def test_module_functions_use_a_normalizer_that_pickles() -> None:
    from stemline.normalizer import default_normalizer

    twin = pickle.loads(pickle.dumps(default_normalizer()))
    assert twin.normalize("Running dogs.") == stemline.normalize("Running dogs.")


def test_bound_method_in_a_process_pool(texts: list[str]) -> None:
    # What ProcessPoolExecutor.map(normalizer.normalize, ...) and joblib do: pickle the
    # bound method, so the normalizer, into a fresh interpreter ("spawn").
    n = stemline.Normalizer("martin", min_length=2)
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        lines = list(pool.map(n.normalize, texts[:10]))
    assert lines == [n.normalize(t) for t in texts[:10]]
