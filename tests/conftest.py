"""Shared fixtures: the bundled corpora and the reference's answers for them.

Everything read here lives in the repository (tests/data/, examples/); see
tests/data/README.md for where it came from.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from bbc_corpus import DATA, EXAMPLES, ROOT, read_bbc
from hypothesis import HealthCheck, settings

# NLTK's stop word list for the reference (stopwords.words("english") and
# SnowballStemmer("english", ignore_stopwords=True)), laid out as NLTK's data
# package is, so the reference runs offline; set before anything imports NLTK.
os.environ["NLTK_DATA"] = str(DATA / "nltk_data")

# NLTK's own tests, copied as data: tests/test_nltk_suite.py runs them.
collect_ignore_glob = ["data/*"]

#: The installed `stemline` command of the Python running the tests.
STEMLINE_BIN = str(Path(sys.executable).with_name("stemline"))

# Java for the Spark tests, a browser for the browser tests: one line when missing.
pytest_plugins = ["prerequisites"]

__all__ = [
    "DATA",
    "EXAMPLES",
    "ROOT",
    "STEMLINE_BIN",
    "memoized",
    "peak_rss",
    "read_bbc",
    "reference_lines",
]

# CI runs more examples than a developer's quick loop; both print the failing
# example's reproduction blob. Tests whose examples are cheap and find bugs
# (stemmers and tokenizers over arbitrary Unicode) ask for more with their own
# @settings; the profile's figure is for the rest, whose examples run whole
# pipelines, files or processes.
settings.register_profile(
    "dev",
    max_examples=300,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "ci",
    max_examples=1000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


def peak_rss(args: list[str]) -> tuple[int, int, str]:
    """(exit code, peak RSS in bytes, stderr) of the command ``args``, run in a fresh
    child so that getrusage sees only its memory (the slow memory tests)."""
    probe = (
        "import resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "sys.stderr.buffer.write(r.stderr)\n"
        "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, *args], capture_output=True, text=True)
    code, rss = map(int, result.stdout.split())
    return code, rss, result.stderr


@pytest.fixture(scope="session")
def bbc() -> list[tuple[str, str]]:
    docs = read_bbc()
    assert len(docs) == 2225, "the bundled BBC corpus is incomplete"
    return docs


@pytest.fixture(scope="session")
def bbc_texts(bbc) -> list[str]:
    return [text for _, text in bbc]


@pytest.fixture(scope="session")
def bbc_reference(bbc_texts) -> list[str]:
    """The reference line of every BBC document (default mode), NLTK's stemmer
    :func:`memoized` (test_corpora compares stemline with the reference function
    itself, token by token, on every document)."""
    return reference_lines(bbc_texts)


def memoized(stem: Callable[[str], str]) -> Callable[[str], str]:
    """``stem``, remembering each token's answer.

    Sound for the NLTK stemmers the tests compare with: each one's ``stem`` is a
    function of its argument alone (Porter, Lancaster, WordNet's lemmatizer and
    every Snowball language but Arabic, whose stemmer keeps state and which no
    normalizer takes; see test_reference_memo.py). A corpus has far fewer
    distinct tokens than tokens, so the reference of a whole corpus takes seconds
    instead of minutes.
    """
    return functools.lru_cache(maxsize=None)(stem)


def reference_lines(texts: list[str], stemmer: str = "nltk", **settings: str) -> list[str]:
    """``stemline.reference.normalize(text, stemmer, **settings)`` of each text,
    with the token step :func:`memoized`."""
    from stemline import reference

    language = settings.get("language", "english")
    stem = memoized(reference.stemmer_of(stemmer, language, settings.get("pos", "n")))
    tokenize = reference.tokenizer_of(settings.get("tokenizer", "treebank"), language)
    return [" ".join(map(stem, tokenize(text))) for text in texts]


@pytest.fixture(scope="session")
def porter_vocabulary() -> list[str]:
    words = (DATA / "porter" / "voc.txt").read_text(encoding="utf-8").split("\n")
    if words[-1] == "":
        words.pop()
    return words


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium through Debian's chromedriver, network off (for
    tests marked ``needs("browser")``, which are skipped when either is missing)."""
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never download anything
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1200,1000"):
        options.add_argument(arg)
    # Nothing but 127.0.0.1 resolves: a test that switches the network on to reach a
    # local server still reaches nothing else.
    options.add_argument("--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1")
    driver = webdriver.Chrome(
        service=Service(executable_path=shutil.which("chromedriver")), options=options
    )
    driver.set_network_conditions(offline=True, latency=0, throughput=0)
    yield driver
    driver.quit()
