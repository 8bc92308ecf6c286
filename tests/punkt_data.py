"""NLTK's Punkt parameters as the tests and the package hold them.

The tests give NLTK its ``punkt_tab`` models as ``tests/data/nltk_data/tokenizers/
punkt_tab.zip`` (NLTK 3.10.4 reads a model from that zip as from a folder, with the
same parameters). The package ships each language as one gzip-compressed *bundle*
in ``python/stemline/data/punkt/``: the language's four files, unchanged, after a
header (the format ``stemline_core::punkt::PunktParameters::from_bundle`` reads).
``python tests/punkt_data.py`` writes the bundles from the zip; a test checks that
the shipped ones are exactly what it writes.
"""

from __future__ import annotations

import gzip
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PUNKT_ZIP = ROOT / "tests" / "data" / "nltk_data" / "tokenizers" / "punkt_tab.zip"
BUNDLES = ROOT / "python" / "stemline" / "data" / "punkt"

#: The files of a language, in bundle order.
FILES = ("abbrev_types.txt", "collocations.tab", "sent_starters.txt", "ortho_context.tab")
MAGIC = b"stemline punkt_tab 1\n"


def punkt_tab_files(language: str) -> list[bytes]:
    """The four files of ``language`` in the tests' ``punkt_tab.zip``."""
    with zipfile.ZipFile(PUNKT_ZIP) as z:
        return [z.read(f"punkt_tab/{language}/{name}") for name in FILES]


def languages() -> list[str]:
    with zipfile.ZipFile(PUNKT_ZIP) as z:
        return sorted({n.split("/")[1] for n in z.namelist() if n.count("/") == 2})


def bundle(files: list[bytes]) -> bytes:
    out = [MAGIC]
    for name, data in zip(FILES, files, strict=True):
        out += [f"{name}\t{len(data)}\n".encode(), data]
    return b"".join(out)


def compressed_bundle(language: str) -> bytes:
    return gzip.compress(bundle(punkt_tab_files(language)), compresslevel=9, mtime=0)


def main() -> None:
    for language in languages():
        (BUNDLES / f"{language}.gz").write_bytes(compressed_bundle(language))


if __name__ == "__main__":
    sys.exit(main())
