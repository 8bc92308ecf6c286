"""The package's types are real: the typed example passes ``mypy --strict``, wrong
uses are rejected with the error a user would see, and the native module's stub
matches the built module (``mypy.stubtest``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def mypy(*args: str) -> subprocess.CompletedProcess[str]:
    # Run from the repository root so that pyproject.toml's [tool.mypy] applies.
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_typed_example_passes_mypy_strict() -> None:
    result = mypy("examples/typed_usage.py")
    assert result.returncode == 0, result.stdout + result.stderr


def test_typed_example_runs() -> None:
    out = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "typed_usage.py")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "('run', 3)" in out.stdout


#: Wrong uses and the error code mypy must report on each line.
WRONG_USES = {
    'stemline.normalize(b"bytes")': "arg-type",
    "stemline.normalize_many(['a'], workers='2')": "arg-type",
    'stemline.Normalizer(cache_bytes="64M")': "arg-type",
    'stemline.Normalizer("nltk", True)': "call-arg",  # options are keyword-only
    "n: int = stemline.tokens('a')": "assignment",
    "stemline.PorterStemmer().stem(1)": "arg-type",
    "s: bytes = stemline.PorterStemmer().stem('a')": "assignment",
    "stemline.Normalizer().normalise('a')": "attr-defined",
    "stemline.Vocabulary.from_texts(['a']).unstem(1)": "arg-type",
    "x: list[int] = stemline.spans('a')": "assignment",
}


def test_mypy_rejects_wrong_uses(tmp_path: Path) -> None:
    lines = ["import stemline", "", *WRONG_USES]
    (tmp_path / "wrong.py").write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = mypy(str(tmp_path / "wrong.py"))
    assert result.returncode == 1
    reported = {}
    for line in result.stdout.splitlines():
        if ": error: " in line:
            number = int(line.split(":")[1])
            reported.setdefault(number, []).append(line.rsplit("[", 1)[-1].rstrip("]"))
    for number, (use, code) in enumerate(WRONG_USES.items(), start=3):
        assert code in reported.get(number, []), f"{use}: {reported.get(number)}\n{result.stdout}"


def test_revealed_types_are_not_any(tmp_path: Path) -> None:
    source = """import stemline
reveal_type(stemline.normalize("a"))
reveal_type(stemline.Normalizer().spans_many(["a"]))
reveal_type(stemline.PorterStemmer().stem("a"))
reveal_type(stemline.Vocabulary.from_texts(["a"])["a"])
"""
    (tmp_path / "reveal.py").write_text(source, encoding="utf-8")
    out = mypy(str(tmp_path / "reveal.py")).stdout
    revealed = [
        line.split("Revealed type is ", 1)[1] for line in out.splitlines() if "Revealed" in line
    ]
    assert revealed == [
        '"str"',
        '"list[list[tuple[str, int, int]]]"',
        '"str"',
        '"tuple[str, int, int, tuple[tuple[str, int], ...], '
        'fallback=stemline.vocabulary.StemEntry]"',
    ], out


def test_native_stub_matches_the_built_module() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "stemline._native"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_package_is_marked_typed() -> None:
    import stemline

    package = Path(stemline.__file__).parent
    assert (package / "py.typed").exists()
    assert (package / "_native.pyi").exists()
