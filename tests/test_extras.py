"""A missing optional dependency is one ImportError naming the extra that installs it.

Each case hides the library as if it were not installed (``sys.modules[name] =
None`` makes Python's import system refuse it, and ``importlib.util.find_spec``
report it missing) and imports the stemline module again. One case runs in a
fresh interpreter whose import system refuses the library, to show what a user
sees there.
"""

from __future__ import annotations

import doctest
import importlib
import subprocess
import sys
import textwrap

import pytest

import stemline
from stemline import extras
from stemline.extras import MissingExtraError


def hide(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Make ``names`` (with their submodules) unimportable until the test ends."""
    for name in names:
        for loaded in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            monkeypatch.setitem(sys.modules, loaded, None)
        monkeypatch.setitem(sys.modules, name, None)


def import_again(monkeypatch: pytest.MonkeyPatch, module: str):
    """Import ``module`` afresh; the one imported before is put back afterwards, in
    ``sys.modules`` and as its package's attribute (pickle finds classes there)."""
    package, _, name = module.rpartition(".")
    if hasattr(sys.modules[package], name):
        monkeypatch.setattr(sys.modules[package], name, getattr(sys.modules[package], name))
    monkeypatch.delitem(sys.modules, module, raising=False)
    return importlib.import_module(module)


@pytest.mark.parametrize(
    ("module", "hidden", "extra", "missing"),
    [
        ("stemline.reference", ["nltk"], "reference", "nltk"),
        ("stemline.pandas", ["pandas"], "pandas", "pandas"),
        ("stemline.pandas", ["numpy"], "pandas", "numpy"),
        ("stemline.arrow", ["pyarrow"], "arrow", "pyarrow"),
        ("stemline.polars", ["polars"], "polars", "polars"),
        ("stemline.spark", ["pyspark"], "spark", "pyspark"),
        ("stemline.spark", ["pyarrow"], "spark", "pyarrow"),
    ],
)
def test_importing_an_integration_names_its_extra(monkeypatch, module, hidden, extra, missing):
    hide(monkeypatch, *hidden)
    with pytest.raises(MissingExtraError) as raised:
        import_again(monkeypatch, module)
    error = raised.value
    assert str(error) == (
        f'{module} needs {missing}, which is not installed: pip install "stemline[{extra}]"'
    )
    assert isinstance(error, ImportError) and (error.extra, error.name) == (extra, missing)
    # The original error is kept as the cause, for whoever needs the details.
    assert isinstance(error.__cause__, ImportError) and error.__cause__.name == missing


def test_drawing_a_report_names_its_extra(monkeypatch):
    # The figures need nothing; drawing them needs matplotlib.
    from stemline import report

    stats = report.CorpusStats.from_texts([["Running runs."]])
    assert stats.tokens == 3
    hide(monkeypatch, "matplotlib")
    with pytest.raises(MissingExtraError, match=r'needs matplotlib.*"stemline\[report\]"$'):
        report.render_html(stats)
    with pytest.raises(MissingExtraError, match=r'"stemline\[report\]"$'):
        report.zipf_plot(stats)


def test_the_sklearn_stop_words_name_their_extra(monkeypatch):
    hide(monkeypatch, "sklearn")
    with pytest.raises(MissingExtraError) as raised:
        stemline.Normalizer(stopwords="sklearn")
    assert str(raised.value) == (
        "the 'sklearn' stop word list needs sklearn, which is not installed: "
        'pip install "stemline[stopwords]"'
    )


def test_what_needs_no_library_works_without_it(monkeypatch):
    # stemline.datasets and stemline.analyzer() (stemline.sklearn) never import
    # their library: their extras are a convenience, so nothing is missing.
    hide(monkeypatch, "datasets", "sklearn")
    datasets = import_again(monkeypatch, "stemline.datasets")
    sklearn = import_again(monkeypatch, "stemline.sklearn")
    assert datasets.normalizer("text")({"text": ["Cats ran.", None]}) == {
        "text_normalized": ["cat ran .", None]
    }
    assert sklearn.analyzer()("Cats ran.") == ["cat", "ran", "."]


def test_a_user_sees_one_line_naming_the_extra(tmp_path):
    # A fresh interpreter whose import system refuses pandas, as where it is not
    # installed: the traceback ends with the one line, the cause above it.
    blocker = textwrap.dedent(
        """
        import sys

        class NotInstalled:
            def find_spec(self, name, path=None, target=None):
                if name.partition(".")[0] == "pandas":
                    raise ModuleNotFoundError(f"No module named {name!r}", name=name)

        sys.meta_path.insert(0, NotInstalled())
        from stemline import pandas
        """
    )
    result = subprocess.run([sys.executable, "-c", blocker], capture_output=True, text=True)
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert lines[-1] == (
        "stemline.extras.MissingExtraError: stemline.pandas needs pandas, which is not "
        'installed: pip install "stemline[pandas]"'
    )
    assert "ModuleNotFoundError: No module named 'pandas'" in result.stderr
    assert "direct cause of the following exception" in result.stderr


def test_module_examples():
    failures, tried = doctest.testmod(extras)
    assert tried > 0 and failures == 0
