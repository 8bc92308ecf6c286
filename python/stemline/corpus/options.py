"""The input settings every corpus command shares, and the batches they describe.

How a program reads a corpus (this is the interface the commands use)::

    from stemline.corpus import InputSpec, read_batches

    for batch in read_batches(InputSpec(paths=("corpus/",), lines=True)):
        batch.texts              # list[str]: the batch's documents, in input order
        for doc in batch.documents():
            doc.text, doc.source.name, doc.number, doc.offset, doc.fields

:class:`InputSpec` holds ``paths`` and every input setting, each declared
once as a field (its command-line option, ``--format``, ``--lines``,
``--glob``, ``--hidden``, ``--field``, ``--column``, ``--on-decode-error``,
``--on-bad-record``, ``--max-doc-size``, ``--batch-size``, ``--batch-bytes``,
is made from that declaration by ``stemline.commands.options.input_options``).
:func:`read_batches` streams it: documents in input order, batches bounded by
``batch_size`` documents and about ``batch_bytes`` input bytes, so memory does
not grow with the corpus. Errors are
:class:`~stemline.corpus.problems.InputError` (exit code 1, naming the file
and place); problems tolerated under a policy are counted in the ``problems``
object passed in (or a default one printing warnings to stderr).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Annotated, NamedTuple

from stemline.corpus.decoding import DECODE_POLICIES, Decoder
from stemline.corpus.discovery import discover
from stemline.corpus.documents import Batch, Chunk, Source, batches
from stemline.corpus.formats import FORMATS, INPUT_FORMATS, titles
from stemline.corpus.problems import BAD_RECORD_POLICIES, BadRecords, JobUsageError, Problems
from stemline.settings import Option


# A NamedTuple rather than a frozen dataclass: as immutable, and defined in
# a fraction of the time (it is defined at every command's start-up). Each
# field is an input option's one declaration (see stemline.settings).
class InputSpec(NamedTuple):
    """What to read and how; see ``stemline normalize --help`` for each option."""

    paths: tuple[str, ...] = ()
    format: Annotated[
        str,
        Option(
            "Input format; auto: by name (.jsonl .ndjson .csv .tsv .parquet, "
            "else text), after any .gz .bz2 .xz .zst.",
            kind="choice",
            choices=lambda: INPUT_FORMATS,
        ),
    ] = "auto"
    lines: Annotated[
        bool,
        Option(
            "Text: each line is a document (split on \\n; \\r\\n accepted), not each file.",
            kind="flag",
        ),
    ] = False
    globs: Annotated[
        tuple[str, ...],
        Option(
            "In folders, read only files whose relative path or name matches (repeatable).",
            kind="many",
            flags=("--glob",),
            metavar="PATTERN",
        ),
    ] = ()
    hidden: Annotated[
        bool, Option("In folders, also read names starting with '.'.", kind="flag")
    ] = False
    field: Annotated[str, Option("JSON Lines: the text field, a dotted path (article.body).")] = (
        "text"
    )
    column: Annotated[str, Option("CSV, TSV, Parquet: the text column.")] = "text"
    on_decode_error: Annotated[
        str,
        Option(
            "Bytes that are not UTF-8: stop with an error naming the place, "
            "replace them with U+FFFD, or decode that document as Latin-1.",
            kind="choice",
            choices=lambda: DECODE_POLICIES,
        ),
    ] = "fail"
    on_bad_record: Annotated[
        str,
        Option(
            "Malformed JSON, missing field, ragged CSV row, NUL byte: stop with "
            "an error naming the place, or use an empty document (an empty line).",
            kind="choice",
            choices=lambda: BAD_RECORD_POLICIES,
        ),
    ] = "fail"
    max_doc_bytes: Annotated[
        int,
        Option(
            "Longest document or line accepted; longer is an error.",
            kind="size",
            flags=("--max-doc-size",),
        ),
    ] = 64 << 20
    batch_size: Annotated[
        int,
        Option(
            "Documents normalized together (memory grows with it, not with the input).",
            kind="count",
            minimum=1,
        ),
    ] = 4096
    batch_bytes: Annotated[
        int, Option("Input bytes normalized together, at most about.", kind="size")
    ] = 16 << 20
    #: The options among ``field``, ``column`` and ``lines`` the user gave
    #: explicitly: each must apply to at least one input (see :meth:`sources`).
    given: tuple[str, ...] = ()

    def sources(self) -> list[Source]:
        """Every input, in order (raises InputError for a path that cannot be
        read, JobUsageError for a given option that applies to none of them)."""
        found = discover(
            self.paths, format=self.format, lines=self.lines, globs=self.globs, hidden=self.hidden
        )
        for name in self.given:
            applies = [f.name for f in FORMATS.values() if f.text_option == name]
            if found and not any(source.format in applies for source in found):
                raise JobUsageError(
                    f"--{name} applies to {titles(applies)} input only; "
                    f"the inputs are {titles((s.format for s in found), 'and')}"
                )
        return found


def read_chunks(
    spec: InputSpec, *, sources: Sequence[Source] | None = None, problems: Problems | None = None
) -> Iterator[Chunk]:
    """Every chunk of every source, in order."""
    # The readers are imported when documents are read in Python: a job on
    # the native path (see native.py) never needs them.
    from stemline.corpus.readers import Reading, read_source

    problems = problems if problems is not None else Problems()
    reading = Reading(
        decoder=Decoder(spec.on_decode_error, problems),
        bad_records=BadRecords(spec.on_bad_record, problems),
        field=spec.field,
        column=spec.column,
        max_doc_bytes=spec.max_doc_bytes,
        chunk_docs=spec.batch_size,
    )
    for source in spec.sources() if sources is None else sources:
        yield from read_source(source, reading)


def read_batches(
    spec: InputSpec, *, sources: Sequence[Source] | None = None, problems: Problems | None = None
) -> Iterator[Batch]:
    """The documents of ``spec`` (or of ``sources``, a part of ``spec.sources()``)
    as batches, in input order."""
    chunks = read_chunks(spec, sources=sources, problems=problems)
    return batches(chunks, spec.batch_size, spec.batch_bytes)


_SIZE = re.compile(r"(\d+)\s*([kmgt]?)i?b?", re.IGNORECASE)


def parse_size(text: str) -> int:
    """A byte count: a number with an optional K, M, G or T (powers of 1024).

    >>> parse_size("64M"), parse_size("1g"), parse_size("1500")
    (67108864, 1073741824, 1500)
    """
    m = _SIZE.fullmatch(text.strip())
    if not m:
        raise ValueError(f"not a size: {text!r} (examples: 1500, 64M, 1G)")
    return int(m.group(1)) << (10 * " kmgt".index(m.group(2).lower() or " "))
