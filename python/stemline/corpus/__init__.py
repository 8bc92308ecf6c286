"""Corpus jobs: reading what users have, writing what they asked for, safely.

The layer between files and :meth:`stemline.Normalizer.normalize_many`, one
idea per module:

=================  ============================================================
``formats``        every format once: names, extensions, reader, writer, what it allows
``options``        :class:`InputSpec` (the input settings, each declared once), :func:`read_batches`
``discovery``      paths and folders to the ordered list of inputs
``compression``    .gz .bz2 .xz .zst by name and magic bytes, streamed
``decoding``       UTF-8 and the ``--on-decode-error`` policy
``problems``       places, errors, exit codes, the ``--on-bad-record`` policy
``documents``      sources, chunks of documents, batches
``readers/``       one module per input format (text, lines, JSON Lines, CSV/TSV, Parquet)
``writers/``       one module per output format
``outputs``        standard output, one file, a folder mirroring the inputs, or one whole text
``target``         one output file, safely: checked first, atomic, links and devices kept
``signals``        SIGINT, SIGTERM, SIGHUP as an exception; moments a signal must wait for
``journal``        the ``--resume`` journal
``progress``       the progress bar and the closing summary
``run``            one command's pass: inputs, output, progress, problems, commit or abort
``job``            the normalize pipeline: read, normalize in parallel, write, in order
``native``         the same pipeline in the native extension, for the common jobs
=================  ============================================================

Nothing here imports click (the command line's options are declared in
:mod:`stemline.commands.options`), nor is imported by ``import stemline``; pyarrow and zstandard are
imported only when a Parquet or Zstandard file is met. The names below are
imported on first use, so that importing one module of the package (as
``stemline normalize`` does) does not import the others.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stemline.corpus.documents import Batch, Chunk, Document, Source
    from stemline.corpus.options import InputSpec, read_batches
    from stemline.corpus.problems import InputError, Place, Problems

__all__ = [
    "Batch",
    "Chunk",
    "Document",
    "InputError",
    "InputSpec",
    "Place",
    "Problems",
    "Source",
    "read_batches",
]

_MODULES = {
    "Batch": "documents",
    "Chunk": "documents",
    "Document": "documents",
    "Source": "documents",
    "InputSpec": "options",
    "read_batches": "options",
    "InputError": "problems",
    "Place": "problems",
    "Problems": "problems",
}


def __getattr__(name: str) -> Any:
    if name in _MODULES:
        value = getattr(importlib.import_module(f"stemline.corpus.{_MODULES[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'stemline.corpus' has no attribute {name!r}")
