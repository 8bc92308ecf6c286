"""Where the ``vocab`` and ``report`` commands get their documents and write their file.

Inputs come from the shared corpus layer (:mod:`stemline.corpus`): the same
``PATHS`` and input options as ``stemline normalize`` (formats, compression,
folders, ``--glob``, decode and bad-record policies), streamed in batches.

Output is one text file (or standard output for ``-``), written under a
temporary name in the same folder and renamed into place only when complete, so
a failed run never leaves a file that looks finished.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from typing import TextIO

from stemline.corpus import InputSpec, input_options, read_batches
from stemline.corpus.outputs import default_file_mode

__all__ = ["InputSpec", "input_options", "open_output", "read_batches"]


@contextlib.contextmanager
def open_output(path: str) -> Iterator[TextIO]:
    """A text stream for ``path`` (``-``: standard output), renamed into place only
    when the block completes; on an error the temporary file is removed."""
    if path == "-":
        yield sys.stdout
        sys.stdout.flush()
        return
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(
        dir=directory, prefix=f".{os.path.basename(path)}.", suffix=".partial"
    )
    try:
        os.fchmod(fd, default_file_mode())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            yield out
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
