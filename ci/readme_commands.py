"""The shell commands of the README, as a reader runs them.

    python ci/readme_commands.py SECTION        # the commands of a section, one a line
    python ci/readme_commands.py --files DIR    # the files the first-use commands read

``SECTION`` is ``quick-start``, ``install``, ``install-in-clone`` (the install
commands left once a clone has built its distributions with ``make dist``: what
``ci/dist_check.sh`` runs) or ``first-use`` (the commands on your own files).
``tests/test_readme.py`` runs the first-use commands in the test suite and checks
the rest; building a wheel takes minutes, so the install commands run in
``ci/dist_check.sh`` (``make dist-check``). Standard library only.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Section name -> the README heading whose ``sh`` blocks hold its commands.
SECTIONS = {
    "quick-start": "Quick start",
    "install": "Install",
    "first-use": "Normalizing your own files",
}


def section_commands(readme: str, heading: str) -> list[str]:
    """The commands of the ``sh`` blocks under ``## heading``, comments dropped.

    >>> section_commands("## A\\n\\n```sh\\nls -l   # list\\n\\n```\\n## B\\n", "A")
    ['ls -l']
    """
    found = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", readme, re.M | re.S)
    if found is None:
        raise ValueError(f"the README has no section {heading!r}")
    commands = []
    for block in re.findall(r"^```sh\n(.*?)^```", found.group(1), re.M | re.S):
        for line in block.splitlines():
            # A comment starts at a `#` after two spaces (none of these quote one).
            command = re.sub(r"\s{2,}#.*$", "", line).strip()
            if command and not command.startswith("#"):
                commands.append(command)
    return commands


def commands(section: str, readme: str | None = None) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8") if readme is None else readme
    if section == "install-in-clone":
        install = section_commands(text, SECTIONS["install"])
        return install[install.index("make dist") + 1 :]
    return section_commands(text, SECTIONS[section])


#: Documents for the sample files (a few sentences each).
TEXTS = [
    "The Israeli military's intelligence chief has resigned.",
    'He said "cannot." ...',
    "Runners were running; the runner runs!",
]

#: A German article for the example that stems in German.
GERMAN = "Die Kinder liefen nach Hause. Sie waren müde und hungrig, aber glücklich."


def write_files(folder: Path) -> None:
    """The files the first-use commands name, with a few documents in each: an
    article, a German one, a file of lines, a folder of articles beside a file
    that is not one, and gzip'd JSON Lines with the text at ``article.body``."""
    article = (ROOT / "examples" / "article.txt").read_text(encoding="utf-8")
    (folder / "article.txt").write_text(article, encoding="utf-8")
    (folder / "artikel.txt").write_text(GERMAN, encoding="utf-8")
    (folder / "corpus.txt").write_text("".join(t + "\n" for t in TEXTS), encoding="utf-8")
    corpus = folder / "corpus"
    (corpus / "2024").mkdir(parents=True)
    for i, text in enumerate(TEXTS):
        (corpus / "2024" / f"{i}.txt").write_text(text, encoding="utf-8")
    (corpus / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")  # not an article
    records = [{"id": i, "article": {"body": t}} for i, t in enumerate(TEXTS)]
    with gzip.open(folder / "news.jsonl.gz", "wt", encoding="utf-8") as f:
        f.writelines(json.dumps(r) + "\n" for r in records)


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "--files":
        write_files(Path(argv[1]))
        return 0
    if len(argv) == 1 and argv[0] in (*SECTIONS, "install-in-clone"):
        print("\n".join(commands(argv[0])))
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
