"""Regenerates the BBC corpus documents from tests/data/bbc.

* ``docs/bbc-report.html``: ``stemline report`` over the corpus;
* ``docs/bbc-report.png``: its first screen, shot by headless Chromium;
* the unstem table of ``docs/python-api.md``, printed (``tests/test_docs.py``
  checks that the page holds exactly what :func:`unstem_table` computes).

Run from the repository root: ``make docs``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from stemline import Vocabulary

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT / "tests" / "data" / "bbc"
#: The stems the guide unstems: three from one news story, then three that merge many words.
STEMS = ("isra", "militari", "respons", "gener", "oper", "univers")
#: The corpus's input options: its articles, and the one Latin-1 file as Latin-1.
INPUT_OPTIONS = ["--glob", "*.txt", "--on-decode-error", "latin-1"]


def unstem_table(vocab: Vocabulary) -> str:
    """The guide's table: each stem of STEMS, what it unstems to, and its words."""
    rows = [
        "| stem | `vocab.unstem(stem)` | tokens | documents | surface forms (tokens) |",
        "|---|---|---:|---:|---|",
    ]
    for stem in STEMS:
        e = vocab[stem]
        words = ", ".join(f"{word} {n:,}" for word, n in e.surfaces)
        rows.append(
            f"| `{stem}` | `{vocab.unstem(stem)}` | {e.count:,} | {e.documents:,} | {words} |"
        )
    return "\n".join(rows)


def main() -> None:
    import stemline

    stemline_cli = str(Path(sys.executable).with_name("stemline"))
    html = ROOT / "docs" / "bbc-report.html"
    subprocess.run(
        [stemline_cli, "report", str(BBC), *INPUT_OPTIONS, "--title", "BBC News corpus"]
        + ["-o", str(html)],
        check=True,
    )
    subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]
        + ["--window-size=1200,1250", f"--screenshot={ROOT / 'docs' / 'bbc-report.png'}"]
        + [html.as_uri()],
        check=True,
        capture_output=True,
    )
    vocab_tsv = ROOT / "docs" / ".bbc-vocab.tsv"
    subprocess.run(
        [stemline_cli, "vocab", str(BBC), *INPUT_OPTIONS, "-o", str(vocab_tsv)], check=True
    )
    vocab = stemline.Vocabulary.load(vocab_tsv)
    vocab_tsv.unlink()
    print(unstem_table(vocab))


if __name__ == "__main__":
    main()
