"""A new format is one row of the format table plus its reader and writer.

This test follows the recipe of docs/development.md ("Where things go") for a
format stemline does not have, pipe-separated values (``.psv``): the reader
and the writer are defined here, the row is added to ``FORMATS`` for the test,
and nothing else is told about the format. The whole job then reads it by its
name, writes it, mirrors it into an output folder, and refuses its options
where they do not apply, as for the built-in formats.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from stemline import Normalizer, reference
from stemline.corpus import formats, job
from stemline.corpus.compression import CheckedReader
from stemline.corpus.documents import Chunk, Source
from stemline.corpus.formats import FORMATS, Format
from stemline.corpus.options import InputSpec
from stemline.corpus.outputs import OutputSpec
from stemline.corpus.problems import JobUsageError
from stemline.corpus.readers.context import Reading
from stemline.corpus.readers.delimited import read_delimited
from stemline.corpus.writers.delimited import DelimitedWriter


def read_psv(source: Source, stream: CheckedReader, reading: Reading) -> Iterator[Chunk]:
    """The recipe's reader: CSV's, with ``|`` between cells."""
    return read_delimited(source, stream, reading, "|")


class PsvWriter(DelimitedWriter):
    """The recipe's writer: CSV's, with ``|`` between cells."""

    format = "psv"
    delimiter = "|"


PSV = Format(
    "psv",
    "PSV",
    (".psv",),
    ".psv",
    "record",
    f"{__name__}:read_psv",
    f"{__name__}:PsvWriter",
    text_option="column",
)


@pytest.fixture
def psv(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(FORMATS, "psv", PSV)


def test_a_new_format_is_one_table_row(psv: None, tmp_path: Path) -> None:
    src = tmp_path / "in" / "notes.psv"
    src.parent.mkdir()
    texts = ["Cats were running.", "He cannot."]
    rows = "".join(f"{i}|{t}\r\n" for i, t in enumerate(texts, 1))
    src.write_bytes(("id|text\r\n" + rows).encode())
    assert formats.from_name("notes.psv.gz") is PSV
    normalizer = Normalizer()

    out = tmp_path / "out.psv"
    job.run(InputSpec(paths=(str(src),)), OutputSpec(path=str(out)), normalizer, quiet=True)
    expected = "".join(f"{i}|{t}|{reference.normalize(t)}\r\n" for i, t in enumerate(texts, 1))
    assert out.read_bytes().decode() == "id|text|normalized\r\n" + expected

    # Into a folder, the output keeps its input's name and format.
    folder = tmp_path / "mirror"
    job.run(
        InputSpec(paths=(str(src.parent),)),
        OutputSpec(directory=str(folder)),
        normalizer,
        quiet=True,
    )
    assert os.listdir(folder) == ["notes.psv"]
    assert (folder / "notes.psv").read_bytes() == out.read_bytes()

    # Its text option is --column, as the row says: --field does not apply.
    with pytest.raises(JobUsageError, match="--field applies to JSON Lines input only"):
        InputSpec(paths=(str(src),), field="body", given=("field",)).sources()
