"""What some tests need from the machine besides Python packages (a pytest plugin,
loaded by conftest.py).

A test marked ``@pytest.mark.needs("java")`` runs Spark, which needs Java 17 or
later; one marked ``@pytest.mark.needs("browser")`` drives Debian's Chromium through
Debian's chromedriver; one marked ``needs("shells")`` runs zsh and fish (``make test``
installs them all with apt-get when missing and it
runs as root). When a prerequisite is missing, the run says so in one line, the
short summary's ``SKIPPED [12] ...: no Java 17 (needed by the Spark tests): ...``,
and skips those tests; with ``CI=true`` it stops before running anything instead,
with that line as the error, since a CI machine that skips them proves nothing.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass

import pytest


def java_missing() -> str | None:
    """Why Java 17 or later cannot be run, or None when it can."""
    home = os.environ.get("JAVA_HOME")
    java = os.path.join(home, "bin", "java") if home else shutil.which("java")
    if not java or not os.access(java, os.X_OK):
        return "no Java 17"
    result = subprocess.run([java, "-version"], capture_output=True, text=True)
    # `openjdk version "17.0.15" 2025-04-15`; Java 8 said "1.8.0_392".
    found = re.search(r'version "(?:1\.)?(\d+)', result.stderr)
    if result.returncode != 0 or not found:
        return f"no Java 17 ({java} -version failed)"
    if int(found.group(1)) < 17:
        return f"no Java 17 (found Java {found.group(1)})"
    return None


def browser_missing() -> str | None:
    """Why Chromium and chromedriver cannot be run, or None when they can."""
    missing = [name for name in ("chromium", "chromedriver") if not shutil.which(name)]
    return f"no {' and no '.join(missing)} on PATH" if missing else None


def shells_missing() -> str | None:
    """Why zsh and fish cannot be run, or None when they can."""
    missing = [name for name in ("zsh", "fish") if not shutil.which(name)]
    return f"no {' and no '.join(missing)} on PATH" if missing else None


@dataclass(frozen=True)
class Prerequisite:
    missing: Callable[[], str | None]
    needed_by: str
    install: str


PREREQUISITES = {
    "java": Prerequisite(
        java_missing, "the Spark tests", "apt-get install openjdk-17-jre-headless"
    ),
    "browser": Prerequisite(
        browser_missing,
        "the browser tests",
        "apt-get install chromium chromium-driver (make test does, as root)",
    ),
    "shells": Prerequisite(
        shells_missing,
        "the zsh and fish completion tests",
        "apt-get install zsh fish (make test does, as root)",
    ),
}

#: Test node id -> why it is skipped.
_skipped: dict[str, str] = {}


def _ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _refuse(missing: list[str]) -> None:
    raise pytest.UsageError(
        "CI=true runs every test (without it these are skipped); cannot run " + "; ".join(missing)
    )


def pytest_configure(config: pytest.Config) -> None:
    for name, prerequisite in PREREQUISITES.items():
        config.addinivalue_line(
            "markers", f"needs({name!r}): {prerequisite.needed_by} ({prerequisite.install})"
        )
    # With pytest-xdist the workers collect, not this process, and an error
    # raised there ends in a crash report: CI=true checks every prerequisite
    # here, before any worker starts (CI runs the whole suite anyway).
    distributed = not hasattr(config, "workerinput") and config.getoption("numprocesses", None)
    if _ci() and distributed:
        missing = [
            f"{what} (needed by {p.needed_by}): {p.install}"
            for p in PREREQUISITES.values()
            if (what := p.missing()) is not None
        ]
        if missing:
            _refuse(missing)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    needing: dict[str, list[pytest.Item]] = {}
    for item in items:
        for mark in item.iter_markers("needs"):
            if mark.args[0] not in PREREQUISITES:
                raise pytest.UsageError(f"{item.nodeid}: unknown prerequisite {mark.args[0]!r}")
            needing.setdefault(mark.args[0], []).append(item)
    missing: list[str] = []
    for name, needers in needing.items():
        prerequisite = PREREQUISITES[name]
        what = prerequisite.missing()  # looked for only when a collected test needs it
        if what is None:
            continue
        reason = f"{what} (needed by {prerequisite.needed_by}): {prerequisite.install}"
        missing.append(f"{len(needers)} test{'s' * (len(needers) > 1)}: {reason}")
        for item in needers:
            _skipped[item.nodeid] = reason
    if missing and _ci():
        _refuse(missing)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    # Skipped here, from this one line, so that the short summary folds them into
    # one line with their count (a skip mark would list every test).
    if item.nodeid in _skipped:
        pytest.skip(_skipped[item.nodeid])
