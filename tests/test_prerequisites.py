"""The prerequisites plugin (tests/prerequisites.py) on a machine without Java and
without a browser: a pytest run on a few marked tests, with PATH holding only this
Python's folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

TESTS = """
import pytest

@pytest.mark.needs("java")
def test_spark_a(): pass

@pytest.mark.needs("java")
def test_spark_b(): pass

@pytest.mark.needs("browser")
def test_page(): pass

def test_plain(): pass
"""


def run_without_java_and_browser(
    tmp_path: Path, ci: bool, workers: int = 0
) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_marked.py").write_text(TESTS, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("JAVA_HOME", "CI", "PYTHONPATH")}
    env.update(PATH=str(Path(sys.executable).parent), PYTHONPATH=str(ROOT / "tests"))
    env["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"  # hypothesis's and others': not needed here
    if ci:
        env["CI"] = "true"
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "prerequisites", "-p", "no:cacheprovider"]
        + (["-p", "xdist", "-n", str(workers)] if workers else [])
        + ["-q", "-ra", "test_marked.py"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )


def test_missing_prerequisites_skip_with_one_line_each(tmp_path):
    result = run_without_java_and_browser(tmp_path, ci=False)
    assert result.returncode == 0, result.stdout + result.stderr
    skipped = [line for line in result.stdout.splitlines() if line.startswith("SKIPPED")]
    assert len(skipped) == 2, result.stdout
    assert skipped[0].startswith("SKIPPED [2] ")
    assert skipped[0].endswith(
        ": no Java 17 (needed by the Spark tests): apt-get install openjdk-17-jre-headless"
    )
    assert skipped[1].startswith("SKIPPED [1] ")
    assert ": no chromium and no chromedriver on PATH (needed by the browser tests)" in skipped[1]
    assert "1 passed, 3 skipped" in result.stdout


def test_missing_prerequisites_fail_under_ci(tmp_path):
    result = run_without_java_and_browser(tmp_path, ci=True)
    assert result.returncode == pytest.ExitCode.USAGE_ERROR, result.stdout + result.stderr
    assert "passed" not in result.stdout  # stopped before running anything
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert errors == [
        "ERROR: CI=true runs every test (without it these are skipped); cannot run "
        "2 tests: no Java 17 (needed by the Spark tests): apt-get install "
        "openjdk-17-jre-headless; 1 test: no chromium and no chromedriver on PATH (needed "
        "by the browser tests): apt-get install chromium chromium-driver (make test does, "
        "as root)"
    ]


def test_missing_prerequisites_fail_under_ci_on_every_core(tmp_path):
    # As make test runs it: the workers collect, so the check is made before
    # they start, in one line too, and for every prerequisite.
    result = run_without_java_and_browser(tmp_path, ci=True, workers=2)
    assert result.returncode == pytest.ExitCode.USAGE_ERROR, result.stdout + result.stderr
    assert "INTERNALERROR" not in result.stdout + result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1, result.stderr
    assert errors[0].startswith("ERROR: CI=true runs every test")
    assert "no Java 17 (needed by the Spark tests)" in errors[0]
    assert "no chromium and no chromedriver on PATH (needed by the browser tests)" in errors[0]
