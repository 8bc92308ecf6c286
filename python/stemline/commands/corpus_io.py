"""Where the ``vocab`` and ``report`` commands get their documents and write their file.

Inputs come from the shared corpus layer (:mod:`stemline.corpus`): the same
``PATHS`` and input options as ``stemline normalize`` (formats, compression,
folders, ``--glob``, decode and bad-record policies), streamed in batches,
with the same progress bar and summary line.

The output goes through the same layer as ``normalize``'s
(:mod:`stemline.corpus.target`): checked before any input is read (not one of
the inputs, its folder there and writable, standard output open), written to a
temporary file renamed into place only when complete (through a symbolic link
to its target; a device or FIFO directly), and removed on any failure.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import BinaryIO, TextIO

import click

from stemline.corpus import InputSpec, input_options, read_batches
from stemline.corpus.documents import Batch, Source
from stemline.corpus.problems import Problems
from stemline.corpus.progress import Progress, Stats, progress_wanted, summary_wanted
from stemline.corpus.target import OutputFile, check_target, write_error

__all__ = ["CorpusRun", "InputSpec", "input_options", "show_summary"]


def show_summary(stats: Stats, *, quiet: bool, asked: bool) -> None:
    """Prints the summary line when it is wanted: asked for (``--stats``), or
    on a terminal unless ``quiet``."""
    if summary_wanted(quiet, asked):
        click.echo(stats.summary(), err=True)


class CorpusRun:
    """One pass of a command over its inputs into one output file.

    ``sources`` are found and the output checked and opened when it is made,
    before any input is read; :meth:`batches` streams the documents with the
    progress bar; :meth:`text_output` is the output as text, made final only
    when the ``with`` block completes (removed on any failure or signal).
    """

    def __init__(self, inputs: InputSpec, output: str, *, quiet: bool):
        self.inputs = inputs
        self.quiet = quiet
        self.sources: list[Source] = inputs.sources()
        check_target(output, [s.path for s in self.sources])
        self.stats = Stats()
        self.problems = Problems()
        self._started = time.perf_counter()
        self.file = OutputFile(output)

    def __enter__(self) -> CorpusRun:
        return self

    def __exit__(self, kind: object, error: object, tb: object) -> None:
        if error is None:
            self.file.commit()
        else:
            self.file.abort()
        self.stats.seconds = time.perf_counter() - self._started
        self.stats.errors = self.problems.count

    def batches(self) -> Iterator[Batch]:
        """The documents, batch by batch, in input order."""
        sizes = [s.size for s in self.sources]
        total = None if None in sizes else sum(s for s in sizes if s is not None)
        progress = Progress(total, progress_wanted(self.quiet))
        if progress_wanted(self.quiet):
            self.problems.echo = progress.echo
        try:
            for batch in read_batches(self.inputs, sources=self.sources, problems=self.problems):
                yield batch
                self.stats.documents += len(batch.texts)
                self.stats.nbytes += batch.nbytes
                progress.update(batch.disk_bytes, self.stats.documents)
        finally:
            progress.close()

    def text_output(self) -> TextIO:
        """The output file as UTF-8 text (``\\n`` line ends, as written)."""
        return _Utf8(self.file.raw, self.file.path)  # type: ignore[return-value]


class _Utf8:
    """Text written to a binary file as UTF-8: the file stays the output
    layer's to close, which a TextIOWrapper around it would not allow."""

    def __init__(self, raw: BinaryIO, path: str):
        self.raw = raw
        self.path = path

    def write(self, text: str) -> int:
        try:
            self.raw.write(text.encode("utf-8", "surrogatepass"))  # as Vocabulary.save
        except BrokenPipeError:
            raise
        except OSError as e:
            raise write_error(self.path, e) from None
        return len(text)
