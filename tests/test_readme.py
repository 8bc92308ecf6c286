"""The README's shell commands, as a newcomer runs them (ci/readme_commands.py
extracts them).

Which run where: the commands on your own files run here, as written, in a
temporary folder holding files of the names they use, with the environment
stemline is installed in first on PATH (as ``. .venv/bin/activate`` puts it). The
install commands build a wheel, which takes minutes: ``ci/dist_check.sh``
(``make dist-check``, in CI after ``make test``) runs the one left after
``make dist`` as written, in a fresh environment, and then the commands on your
own files again with the stemline that wheel installed. Here they are checked
against what they name: the repository's address, the Makefile's targets, the
wheel's name. The Quick start's ``make demo`` and ``make test`` are this suite's
own set-up.
"""

from __future__ import annotations

import doctest
import fnmatch
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import tomllib

import stemline
from conftest import EXAMPLES, ROOT

sys.path.insert(0, str(ROOT / "ci"))
import readme_commands  # noqa: E402

README = (ROOT / "README.md").read_text(encoding="utf-8")
HOMEPAGE = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["urls"]["Homepage"]
TARGETS = set(re.findall(r"^([\w-]+):", (ROOT / "Makefile").read_text(), re.M))


def test_quick_start_says_where_to_clone_from() -> None:
    assert readme_commands.commands("quick-start") == ["make demo", "make test"]
    assert {"demo", "test"} <= TARGETS
    quick_start = README[README.index("## Quick start") : README.index("```sh\nmake demo")]
    assert f"In a clone of <{HOMEPAGE}>" in quick_start
    assert f"`git clone {HOMEPAGE}.git`, then `cd stemline`" in quick_start


def test_install_commands_name_what_exists() -> None:
    install = readme_commands.commands("install")
    assert install == [
        f"git clone {HOMEPAGE}.git",
        f"cd {HOMEPAGE.rsplit('/', 1)[1]}",
        "make dist",
        "pip install dist/stemline-*.whl",
    ]
    assert "dist" in TARGETS
    # The one wheel `make dist` builds (manylinux2014, abi3), which the glob must name.
    wheel = (
        f"stemline-{stemline.__version__}-cp310-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64.whl"
    )
    assert fnmatch.fnmatch(f"dist/{wheel}", install[3].split()[-1])
    assert readme_commands.commands("install-in-clone") == install[3:]
    # ci/dist_check.sh runs them, and the commands on your own files with that wheel.
    dist_check = (ROOT / "ci" / "dist_check.sh").read_text(encoding="utf-8")
    for section in ("install-in-clone", "first-use"):
        assert re.search(rf'readme_commands\.py"? {section} *>', dist_check), section
    # Nothing pretends stemline is on PyPI already.
    for page in (README, (ROOT / "docs" / "install.md").read_text(encoding="utf-8")):
        assert "not on PyPI yet" in page
        assert "are published" not in page


def test_commands_on_your_own_files_run_as_written(tmp_path: Path) -> None:
    commands = readme_commands.commands("first-use")
    assert commands[0] == "stemline normalize article.txt"
    readme_commands.write_files(tmp_path)
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"}
    script = "set -euo pipefail\n" + "\n".join(commands)
    result = subprocess.run(
        ["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    expected = (EXAMPLES / "expected.txt").read_text(encoding="utf-8")
    # The article, then the article again through standard input.
    assert result.stdout.splitlines() == [expected, expected]
    lines = [stemline.normalize(text) for text in readme_commands.TEXTS]
    assert (tmp_path / "corpus.norm.txt").read_text(encoding="utf-8").splitlines() == lines
    for i, line in enumerate(lines):
        assert (tmp_path / "normalized" / "2024" / f"{i}.txt").read_text() == line + "\n"
    records = (tmp_path / "news.norm.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(r)["normalized"] for r in records] == lines
    german = stemline.Normalizer("snowball", language="german").normalize(readme_commands.GERMAN)
    assert (tmp_path / "artikel.norm.txt").read_text(encoding="utf-8") == german + "\n"
    sentences = [
        " ".join(s.split()) for t in readme_commands.TEXTS for s in stemline.sent_tokenize(t)
    ]
    assert (tmp_path / "sentences.txt").read_text(encoding="utf-8").splitlines() == sentences
    assert (tmp_path / "vocab.tsv").read_text(encoding="utf-8").startswith("stem\t")
    assert "<html" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_the_extraction() -> None:
    failures, tried = doctest.testmod(readme_commands)
    assert tried > 0 and failures == 0
