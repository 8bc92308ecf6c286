"""One command's pass over its inputs: the runner every corpus command shares.

A :class:`CorpusRun` finds the inputs, opens the command's output (so a bad
output is refused before any input is read), streams the documents with the
progress bar (on a terminal) and the tolerated problems shown above it, and
ends the output: committed when the ``with`` block completes, aborted on any
error or stop signal. :meth:`CorpusRun.summary` prints the closing line when
it is wanted. ``stemline normalize``, ``vocab`` and ``report`` all run
through it::

    with CorpusRun(inputs, quiet=quiet, stats=stats) as run:
        out = run.open(lambda sources: TextOutput(path, sources))
        for batch in run.batches():
            ...
        out.write(...)
    run.summary()
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from typing import Protocol, TypeVar

from stemline.corpus.documents import Batch, Source
from stemline.corpus.options import InputSpec, read_batches
from stemline.corpus.problems import InputError, Problems
from stemline.corpus.progress import Progress, Stats, progress_wanted, summary_wanted


class Output(Protocol):
    """What the runner needs of an output (``outputs.py`` has them all)."""

    def checkpoint(self) -> None: ...

    def commit(self) -> None: ...

    def abort(self) -> None: ...


OutputT = TypeVar("OutputT", bound=Output)


class CorpusRun:
    """See the module doc. ``problems`` defaults to warnings on standard error."""

    def __init__(
        self,
        inputs: InputSpec,
        *,
        quiet: bool = False,
        stats: bool = False,
        problems: Problems | None = None,
    ):
        self.started = time.perf_counter()
        self.inputs = inputs
        self.quiet = quiet
        self.asked = stats
        self.problems = problems if problems is not None else Problems()
        self.stats = Stats()
        self.sources: list[Source] = inputs.sources()
        self.output: Output | None = None
        self.progress = Progress(None, False)

    @property
    def show_progress(self) -> bool:
        return progress_wanted(self.quiet)

    @property
    def counts_tokens(self) -> bool:
        """Whether the summary line will be shown, so tokens are worth counting."""
        return summary_wanted(self.quiet, self.asked)

    def open(self, make: Callable[[list[Source]], OutputT]) -> OutputT:
        """Opens the output (``make(sources)``), which the run then ends."""
        output = make(self.sources)
        self.output = output
        return output

    def start_progress(self, todo: Sequence[Source]) -> Progress:
        """The progress bar over ``todo`` (on a terminal, unless quiet), with
        tolerated problems printed above it."""
        sizes = [s.size for s in todo]
        total = None if None in sizes else sum(s for s in sizes if s is not None)
        self.progress = Progress(total, self.show_progress)
        if self.show_progress and self.problems.stream is None:
            self.problems.echo = self.progress.echo
        return self.progress

    def batches(self, todo: Sequence[Source] | None = None) -> Iterator[Batch]:
        """The documents of ``todo`` (default: every input), batch by batch, in
        input order, counted and shown on the progress bar."""
        todo = self.sources if todo is None else todo
        progress = self.start_progress(todo)
        for batch in read_batches(self.inputs, sources=todo, problems=self.problems):
            yield batch
            self.stats.documents += len(batch.texts)
            self.stats.nbytes += batch.nbytes
            progress.update(batch.disk_bytes, self.stats.documents)

    def __enter__(self) -> CorpusRun:
        return self

    def __exit__(self, kind: object, error: object, tb: object) -> None:
        self.progress.close()
        if self.output is not None:
            if error is None:
                self.output.commit()
            else:
                self.output.abort()
        self.stats.seconds = time.perf_counter() - self.started
        self.stats.errors = self.problems.count
        if isinstance(error, InputError):
            hinted = self._binary_in_folder(error)
            if hinted is not None:
                raise hinted from None

    def _binary_in_folder(self, error: InputError) -> InputError | None:
        """A binary file met in a folder the user named is most often a file
        they did not mean to read (an image beside the texts): the error then
        says how to choose the files, with ``--glob``."""
        if not error.detail.startswith(("binary data", "not valid UTF-8")):
            return None
        source = next((s for s in self.sources if s.name == error.name), None)
        if source is None or source.folder is None or self.inputs.globs:
            return None
        hint = f"found in the folder {source.folder}: --glob '*.txt' reads only such files"
        return InputError(
            error.place, error.detail, f"{hint}; {error.hint}" if error.hint else hint
        )

    def summary(self) -> None:
        """Prints the summary line when it is wanted: asked for (``--stats``),
        or on a terminal unless quiet."""
        if self.counts_tokens:
            import sys

            print(self.stats.summary(), file=sys.stderr)
