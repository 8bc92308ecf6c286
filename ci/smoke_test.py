"""Smoke test of an installed stemline (a wheel or an sdist build), run from outside
the source tree: the seed demo through the API and the command, and ``--version``.

    python ci/smoke_test.py examples/

Used by ci/dist_check.sh and the release workflow on every platform, so it only
needs the standard library and the installed package.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def main(examples: Path) -> int:
    import stemline

    article = (examples / "article.txt").read_text(encoding="utf-8")
    expected = (examples / "expected.txt").read_text(encoding="utf-8")
    if stemline.normalize(article) != expected:
        print("smoke test: stemline.normalize(article.txt) != expected.txt", file=sys.stderr)
        return 1

    # The command installed beside this Python (its venv need not be activated).
    here = os.path.dirname(sys.executable)
    command = shutil.which("stemline", path=here) or shutil.which("stemline")
    if command is None:
        print("smoke test: no stemline command on PATH", file=sys.stderr)
        return 1
    demo = subprocess.run(
        [command, "normalize", str(examples / "article.txt")], capture_output=True, check=True
    )
    # One document, one line; a Windows console may end it with CRLF.
    if demo.stdout.decode("utf-8").rstrip("\r\n") != expected:
        print("smoke test: stemline normalize article.txt != expected.txt", file=sys.stderr)
        return 1

    version = subprocess.run(
        [command, "--version"], capture_output=True, check=True, text=True
    ).stdout.strip()
    if stemline.__version__ not in version:
        print(
            f"smoke test: --version says {version!r}, not {stemline.__version__}", file=sys.stderr
        )
        return 1
    print(f"smoke test: {version}, seed demo equal through the API and the command")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]).resolve()))
