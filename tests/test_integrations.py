"""What all integrations share: a light ``import stemline``, the null-aware core,
and the examples in their docstrings."""

from __future__ import annotations

import subprocess
import sys

import pytest

from stemline import columns

HEAVY = ["pyspark", "pandas", "polars", "pyarrow", "sklearn", "datasets", "numpy", "nltk"]


def heavy_modules_after(code: str) -> str:
    """The data libraries of HEAVY that a fresh interpreter has loaded after ``code``."""
    probe = f"import sys; {code}; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_import_stemline_imports_no_data_library():
    assert heavy_modules_after("import stemline; stemline.analyzer()('Cats.')") == "[]"


def test_integration_modules_import_only_their_library():
    assert heavy_modules_after("import stemline.datasets, stemline.sklearn, stemline.spark") == "[]"


def test_normalize_values_keeps_nulls_in_place():
    values = [None, "Cats.", None, None, "", "Dogs!", None]
    assert columns.normalize_values(values) == [None, "cat .", None, None, "", "dog !", None]
    assert columns.normalize_values([None, None]) == [None, None]
    assert columns.normalize_values([]) == []
    assert columns.normalize_values(("a", None)) == ["a", None]


def test_normalize_values_names_the_bad_row():
    with pytest.raises(TypeError, match=r"^col: row 2 is bytes, not a string or null"):
        columns.normalize_values(["a", None, b"b"], name="col")
    with pytest.raises(TypeError, match=r"^col: row 'z' is float"):
        columns.normalize_values(["a", 1.5], name="col", labels=["y", "z"])


def test_one_normalizer_per_process_and_settings():
    a = columns.shared_normalizer(columns.settings_of("nltk", cache_bytes=1 << 20))
    assert columns.shared_normalizer(columns.settings_of("nltk", cache_bytes=1 << 20)) is a
    assert columns.shared_normalizer(columns.settings_of("none", cache_bytes=1 << 20)) is not a
    assert a.cache_bytes == 1 << 20
