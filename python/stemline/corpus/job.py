"""The normalize job: read in batches, normalize in parallel, write in order.

A pipeline of three stages over bounded batches (see ``--batch-size`` and
``--batch-bytes``): the main thread reads and decodes batch *k+1* and writes
batch *k-1* while one helper thread runs ``Normalizer.normalize_many`` on
batch *k* (the native core releases the GIL and spreads the batch over
``workers`` threads, all cores by default). At most three batches are alive
at once, so memory depends on the batch size, not on the input; output order
is input order because batches are written in the order they were read.

After each batch the output's checkpoint runs (the ``--resume`` journal). If
reading fails, the batch already normalized is written first, so a resumed
run loses no finished input.
"""

from __future__ import annotations

from itertools import repeat
from typing import TYPE_CHECKING, Any

from stemline.corpus import native
from stemline.corpus.documents import Batch
from stemline.corpus.options import InputSpec, read_batches
from stemline.corpus.outputs import OutputSpec, SingleOutput, open_output
from stemline.corpus.problems import InputError, Problems
from stemline.corpus.run import CorpusRun
from stemline.normalizer import Normalizer

if TYPE_CHECKING:
    from concurrent.futures import Future

    from stemline.corpus.documents import Source
    from stemline.corpus.outputs import MirroredOutput


def count_tokens(lines: list[str]) -> int:
    """Tokens in normalized lines (joined by one space; an empty line counts as
    none, even the rare one holding a single empty token, as ``original`` mode
    stems ``s``)."""
    return sum(map(str.count, lines, repeat(" "))) + len(lines) - lines.count("")


def run(
    inputs: InputSpec,
    output: OutputSpec,
    normalizer: Normalizer,
    *,
    workers: int = 0,
    quiet: bool = False,
    stats: bool = False,
    problems: Problems | None = None,
) -> CorpusRun:
    """Runs the job through a :class:`CorpusRun` and returns it (its
    ``stats``; its ``summary()`` prints the closing line when wanted). Raises
    InputError, OutputError, JobUsageError (each carrying its exit code)."""
    with CorpusRun(inputs, quiet=quiet, stats=stats, problems=problems) as corpus:
        # Only a resumable job reads its fingerprint (to check the journal).
        digest = _fingerprint(inputs, output, normalizer, corpus.sources) if output.resume else ""
        out = corpus.open(lambda sources: open_output(output, sources, digest))
        todo = [s for s in corpus.sources if s.index not in out.done]
        if isinstance(out, SingleOutput) and native.can_run(output, out, todo, inputs):
            # The common jobs, without Python per document.
            native.run(corpus, inputs, output, out, normalizer, todo, workers=workers)
        else:
            _run_python(corpus, output, out, normalizer, todo, workers=workers)
    return corpus


def _run_python(
    corpus: CorpusRun,
    output: OutputSpec,
    out: SingleOutput | MirroredOutput,
    normalizer: Normalizer,
    todo: list[Source],
    *,
    workers: int,
) -> None:
    stats = corpus.stats
    progress = corpus.start_progress(todo)
    with_tokens = corpus.counts_tokens

    if output.offsets:
        from stemline.corpus.writers.jsonl import offsets_tokens, with_offsets

    def work(texts: list[str]) -> list[Any]:
        if not output.offsets:
            return normalizer.normalize_many(texts, workers=workers)
        return with_offsets(normalizer, texts)

    def finish(batch: Batch, future: Future[list[Any]]) -> None:
        lines = future.result()
        for chunk, start, stop in batch.spans():
            out.write(chunk, lines[start:stop] if len(batch.chunks) > 1 else lines)
        out.checkpoint()
        stats.documents += len(lines)
        if with_tokens:  # a fifth of the main thread's work; only the summary needs it
            stats.tokens += offsets_tokens(lines) if output.offsets else count_tokens(lines)
        stats.nbytes += batch.nbytes
        progress.update(batch.disk_bytes, stats.documents)

    # Imported here: the native path (and a short job's start-up) does without it.
    from concurrent.futures import ThreadPoolExecutor

    pending: tuple[Batch, Future[list[Any]]] | None = None
    with ThreadPoolExecutor(1, thread_name_prefix="stemline-normalize") as pool:
        try:
            for batch in read_batches(corpus.inputs, sources=todo, problems=corpus.problems):
                future = pool.submit(work, batch.texts)
                if pending is not None:
                    finish(*pending)
                pending = (batch, future)
        except InputError:
            if pending is not None and output.resume:
                finish(*pending)  # keep what is done for the next --resume
            pending = None
            raise
        if pending is not None:
            finish(*pending)


def _fingerprint(
    inputs: InputSpec, output: OutputSpec, normalizer: Normalizer, sources: list[Source]
) -> str:
    """The digest of everything that makes a job's output what it is (see journal.py)."""
    from stemline import __version__
    from stemline.corpus.journal import fingerprint

    job = {
        "version": __version__,
        # A resumed run must normalize and filter as the first one did: every
        # pipeline setting but the cache's size, which never changes output.
        "settings": {
            k: sorted(v) if isinstance(v, (set, frozenset)) else v
            for k, v in normalizer.settings._asdict().items()
            if k != "cache_bytes"
        },
        "inputs": {
            k: v
            for k, v in inputs._asdict().items()
            if k not in ("batch_size", "batch_bytes", "given")
        },
        "output": {k: v for k, v in output._asdict().items() if k != "resume"},
    }
    return fingerprint(job, sources)
