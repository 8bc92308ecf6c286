"""The input options every corpus command shares, and the batches they describe.

How a command reads a corpus (this is the interface other commands reuse)::

    import click
    from stemline.corpus import InputSpec, input_options, read_batches

    @main.command()
    @input_options
    def vocab(inputs: InputSpec) -> None:
        for batch in read_batches(inputs):
            batch.texts              # list[str]: the batch's documents, in input order
            for doc in batch.documents():
                doc.text, doc.source.name, doc.number, doc.offset, doc.fields

``@input_options`` adds the ``PATHS`` argument and every input option
(``--format``, ``--lines``, ``--glob``, ``--hidden``, ``--field``,
``--column``, ``--on-decode-error``, ``--on-bad-record``, ``--max-doc-size``,
``--batch-size``, ``--batch-bytes``) and hands the command one
:class:`InputSpec` as the keyword argument ``inputs``. :func:`read_batches`
streams it: documents in input order, batches bounded by ``batch_size``
documents and about ``batch_bytes`` input bytes, so memory does not grow with
the corpus. Errors are :class:`~stemline.corpus.problems.InputError` (a
``click.ClickException`` with exit code 1 naming the file and place);
problems tolerated under a policy are counted in the ``problems`` object
passed in (or a default one printing warnings to stderr).
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, NamedTuple

import click

from stemline.corpus.decoding import DECODE_POLICIES, Decoder
from stemline.corpus.discovery import INPUT_FORMATS, discover
from stemline.corpus.documents import Batch, Chunk, Source, batches
from stemline.corpus.problems import BAD_RECORD_POLICIES, BadRecords, JobUsageError, Problems


# A NamedTuple rather than a frozen dataclass: as immutable, and defined in
# a fraction of the time (it is defined at every command's start-up).
class InputSpec(NamedTuple):
    """What to read and how; see ``stemline normalize --help`` for each option."""

    paths: tuple[str, ...] = ()
    format: str = "auto"
    lines: bool = False
    globs: tuple[str, ...] = ()
    hidden: bool = False
    field: str = "text"
    column: str = "text"
    on_decode_error: str = "fail"
    on_bad_record: str = "fail"
    max_doc_bytes: int = 64 << 20
    batch_size: int = 4096
    batch_bytes: int = 16 << 20
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
            formats, applies = _APPLIES_TO[name]
            if found and not any(source.format in formats for source in found):
                kinds = sorted({_FORMAT_NAMES[source.format] for source in found})
                raise JobUsageError(
                    f"--{name} applies to {applies} input only; "
                    f"the inputs are {' and '.join(kinds)}"
                )
        return found


#: Which input formats each format-specific option applies to.
_APPLIES_TO = {
    "field": (("jsonl",), "JSON Lines"),
    "column": (("csv", "tsv", "parquet"), "CSV, TSV or Parquet"),
    "lines": (("lines",), "plain text"),
}
_FORMAT_NAMES = {
    "text": "plain text",
    "lines": "plain text",
    "jsonl": "JSON Lines",
    "csv": "CSV",
    "tsv": "TSV",
    "parquet": "Parquet",
}


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


class SizeType(click.ParamType):  # type: ignore[type-arg]  # generic in newer click only
    name = "SIZE"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            size = parse_size(value)
        except ValueError as e:
            self.fail(str(e), param, ctx)
        if size < 1:
            self.fail("must be at least 1 byte", param, ctx)
        return size


SIZE = SizeType()


def input_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Click decorator: PATHS and the input options, passed on as ``inputs=InputSpec(...)``."""
    params = [
        # readable=False: a file that cannot be read is bad input (exit code
        # 1, from the reader), not a usage error.
        click.argument("paths", nargs=-1, type=click.Path(allow_dash=True, readable=False)),
        click.option(
            "--format",
            "input_format",
            type=click.Choice(INPUT_FORMATS),
            default="auto",
            show_default=True,
            help="Input format; auto: by name (.jsonl .ndjson .csv .tsv .parquet, "
            "else text), after any .gz .bz2 .xz .zst.",
        ),
        click.option(
            "--lines",
            is_flag=True,
            help="Text: each line is a document (split on \\n; \\r\\n accepted), not each file.",
        ),
        click.option(
            "--glob",
            "globs",
            multiple=True,
            metavar="PATTERN",
            help="In folders, read only files whose relative path or name matches (repeatable).",
        ),
        click.option(
            "--hidden", is_flag=True, help="In folders, also read names starting with '.'."
        ),
        click.option(
            "--field",
            default="text",
            show_default=True,
            help="JSON Lines: the text field, a dotted path (article.body).",
        ),
        click.option(
            "--column",
            default="text",
            show_default=True,
            help="CSV, TSV, Parquet: the text column.",
        ),
        click.option(
            "--on-decode-error",
            type=click.Choice(DECODE_POLICIES),
            default="fail",
            show_default=True,
            help="Bytes that are not UTF-8: stop with an error naming the place, "
            "replace them with U+FFFD, or decode that document as Latin-1.",
        ),
        click.option(
            "--on-bad-record",
            type=click.Choice(BAD_RECORD_POLICIES),
            default="fail",
            show_default=True,
            help="Malformed JSON, missing field, ragged CSV row, NUL byte: stop with "
            "an error naming the place, or use an empty document (an empty line).",
        ),
        click.option(
            "--max-doc-size",
            "max_doc_bytes",
            type=SIZE,
            default="64M",
            show_default=True,
            help="Longest document or line accepted; longer is an error.",
        ),
        click.option(
            "--batch-size",
            type=click.IntRange(min=1),
            default=4096,
            show_default=True,
            help="Documents normalized together (memory grows with it, not with the input).",
        ),
        click.option(
            "--batch-bytes",
            type=SIZE,
            default="16M",
            show_default=True,
            help="Input bytes normalized together, at most about.",
        ),
    ]

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        given = tuple(
            name
            for name in ("field", "column", "lines")
            if ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT
        )
        if not kwargs["paths"] and _is_terminal(sys.stdin):
            raise JobUsageError(
                "no input: give files or folders, or pipe text in (- reads the terminal)"
            )
        spec = InputSpec(
            given=given,
            paths=tuple(kwargs.pop("paths")),
            format=kwargs.pop("input_format"),
            lines=kwargs.pop("lines"),
            globs=tuple(kwargs.pop("globs")),
            hidden=kwargs.pop("hidden"),
            field=kwargs.pop("field"),
            column=kwargs.pop("column"),
            on_decode_error=kwargs.pop("on_decode_error"),
            on_bad_record=kwargs.pop("on_bad_record"),
            max_doc_bytes=kwargs.pop("max_doc_bytes"),
            batch_size=kwargs.pop("batch_size"),
            batch_bytes=kwargs.pop("batch_bytes"),
        )
        return command(*args, inputs=spec, **kwargs)

    for param in reversed(params):
        wrapper = param(wrapper)
    return wrapper


def _is_terminal(stream: object) -> bool:
    try:
        return bool(stream.isatty())  # type: ignore[attr-defined]
    except (AttributeError, ValueError, OSError):
        return False
