"""The native path of the normalize job: bytes on disk to bytes on disk.

For the common jobs (plain text, one document per file or per line, and JSON
Lines, plain or compressed, to lines or to JSON Lines in one output file or
on standard output) the whole job runs in the native extension with the GIL
released: reading, decompressing, splitting lines, decoding, normalizing on
``workers`` threads and writing in input order, with no Python object per
document. It follows the Python readers exactly (same documents, same
policies, same messages and places) and writes through the same output
object as the Python path (:mod:`stemline.corpus.target`: a temporary file
renamed into place, a symbolic link written through, a device or FIFO
written directly), which opened the destination and commits or aborts it;
the native writer only gets its file descriptor. A stop signal (SIGINT,
SIGTERM, SIGHUP) stops the job within a tenth of a second, also while it
waits for input or is blocked writing to a pipe, and leaves through the same
clean-up and exit codes as the Python path.

Python is still called for what only it can decide, each rare: a problem a
policy tolerates (counted and shown by :class:`Problems`), a JSON Lines line
that the native parser does not take as a plain record (anything that is not
a JSON object with a string at the field: the Python reader judges it with
its own rules and words its message), progress, and stop signals.

Compressed output (``-o FILE.gz`` and friends) is compressed by the output
layer's own writer, handed each block's bytes (one call per block, not per
document), so it is the same file, byte for byte, as the Python path's.

Everything else takes the Python path (:mod:`stemline.corpus.job`): CSV, TSV
and Parquet inputs or outputs, ``--output-dir``, ``--resume``, ``--offsets``,
and plain text to JSON Lines.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, NamedTuple, cast

from stemline import _native
from stemline.corpus.documents import Source
from stemline.corpus.formats import FORMATS
from stemline.corpus.options import InputSpec
from stemline.corpus.outputs import OutputSpec, SingleOutput
from stemline.corpus.problems import InputError, Place, Problems
from stemline.corpus.progress import Progress
from stemline.corpus.target import writing
from stemline.normalizer import Normalizer

if TYPE_CHECKING:
    from stemline.corpus.run import CorpusRun
    from stemline.corpus.writers import TextWriter

#: Bytes read at a time; whole lines are cut from them.
BLOCK_BYTES = 1 << 20


class _Settings(NamedTuple):
    """What the native job reads of the command line's settings (by attribute
    name: ``Settings`` in the binding's ``io.rs``)."""

    inputs: InputSpec
    output: OutputSpec
    output_format: str
    workers: int
    block_bytes: int


class _Hooks(NamedTuple):
    """What the native job calls back (by attribute name: ``PyHooks`` in the
    binding's ``io.rs``)."""

    tolerate: Callable[[str, int | None, int | None, str], None]
    json_record: Callable[[str], tuple[Any, ...]]
    progress: Callable[[int, int], None] | None


def can_run(spec: OutputSpec, out: object, sources: Sequence[Source], inputs: InputSpec) -> bool:
    """Whether this job can take the native path (see the module doc): every
    input's format has a native reader (the format table says so), and the
    output is lines, or JSON Lines records spliced into JSON Lines input."""
    if not isinstance(out, SingleOutput) or spec.resume or spec.offsets:
        return False
    if out.format not in ("lines", "jsonl"):
        return False
    if sys.stdin is None and any(s.path is None for s in sources):
        # Descriptor 0 was closed at start-up (and may since name another
        # file): the Python reader says so.
        return False
    formats = {s.format for s in sources}
    if not all(FORMATS[f].native for f in formats):
        return False
    if out.format == "jsonl" and formats != {"jsonl"}:
        return False  # plain text to JSON Lines builds records in Python
    if native_names(sources) is None:
        return False
    if out.compression is not None:
        return True  # written through the output's compressing writer
    try:  # the native writer needs a real file (not, say, a test's captured stdout)
        out.raw.fileno()
    except (OSError, ValueError, AttributeError):
        return False
    return True


def run(
    corpus: CorpusRun,
    inputs: InputSpec,
    spec: OutputSpec,
    out: SingleOutput,
    normalizer: Normalizer,
    sources: Sequence[Source],
    *,
    workers: int,
) -> None:
    """Runs the job natively into ``out`` and counts it in ``corpus.stats``;
    the runner commits or aborts the output."""
    progress = corpus.start_progress(sources)
    if out.compression is None:
        out.raw.flush()  # nothing of ours may be left in Python's buffer
    writer = cast("TextWriter", out.writer)  # lines or JSON Lines (see can_run)
    names = native_names(sources)
    assert names is not None  # see can_run
    renamed = {given: s.name for given, s in zip(names, sources, strict=True) if given != s.name}
    hooks = _Hooks(
        tolerate=_tolerate(corpus.problems, renamed),
        json_record=json_judge(inputs.field, spec.field if out.format == "jsonl" else None),
        progress=_progress(progress) if corpus.show_progress else None,
    )
    with writing(out.path), _named_back(renamed):  # the output layer's words for a failed write
        try:
            documents, tokens, nbytes, _ = _native.normalize_files(
                normalizer._native,
                [
                    (name, s.path, s.format, s.compression, s.size)
                    for name, s in zip(names, sources, strict=True)
                ],
                _Settings(inputs, spec, out.format, workers, BLOCK_BYTES),
                hooks,
                # Compressed output: each block's bytes go through the writer the
                # Python path writes to, so the file is the same, byte for byte.
                out.raw.fileno() if out.compression is None else writer.write_bytes,
            )
        except _native.NativeInputError as e:
            name, line, offset, message, hint = e.args
            raise InputError(Place(name, line=line, offset=offset), message, hint) from None
    stats = corpus.stats
    stats.documents, stats.tokens, stats.nbytes = documents, tokens, nbytes


def native_names(sources: Sequence[Source]) -> list[str] | None:
    """Each source's name as the native job takes it (UTF-8 text): a name
    that is not (a file name that is not UTF-8, held with surrogate escapes)
    goes with its bytes escaped, ``caf\\xe9.txt``, and its messages are given
    back its own name (:func:`_named_back`). None when an escaped name would
    be another source's own, which the job could not tell apart."""
    names = []
    for source in sources:
        try:
            source.name.encode("utf-8")
            names.append(source.name)
        except UnicodeEncodeError:
            raw = source.name.encode("utf-8", "surrogateescape")
            names.append(raw.decode("utf-8", "backslashreplace"))
    own = {s.name for s in sources}
    if any(n != s.name and n in own for n, s in zip(names, sources, strict=True)):
        return None
    return names


@contextlib.contextmanager
def _named_back(renamed: dict[str, str]) -> Iterator[None]:
    """An error from the native job names its file by its own name."""
    try:
        yield
    except InputError as e:
        place = e.place
        name = place.name if isinstance(place, Place) else place
        if name not in renamed:
            raise
        own = place._replace(name=renamed[name]) if isinstance(place, Place) else renamed[name]
        raise InputError(own, e.detail, e.hint) from None


def _tolerate(
    problems: Problems, renamed: dict[str, str]
) -> Callable[[str, int | None, int | None, str], None]:
    def tolerate(name: str, line: int | None, offset: int | None, message: str) -> None:
        problems.tolerate(Place(renamed.get(name, name), line=line, offset=offset), message)

    return tolerate


def _progress(progress: Progress) -> Callable[[int, int], None]:
    seen = 0

    def update(documents: int, disk_bytes: int) -> None:
        nonlocal seen
        progress.update(disk_bytes - seen, documents)
        seen = disk_bytes

    return update


def json_judge(field: str, out_field: str | None) -> Callable[[str], tuple[Any, ...]]:
    """The Python reader's decision on one JSON Lines line (decoded), for the
    lines the native parser does not take itself: ``("skip",)`` for a blank
    line, ``("text", text, clash)`` for a record, ``("bad", message, column,
    record, clash)`` for a bad record, where ``record`` is what JSON Lines
    output writes for it under ``--on-bad-record empty`` and ``clash`` says
    the record already has the output's field."""
    path = field.split(".")
    decode: Callable[[str], Any] | None = None

    def judge(line: str) -> tuple[Any, ...]:
        # Imported at the first such line (most jobs meet none): the readers
        # are a good part of a short command's start-up.
        from stemline.corpus.readers.jsonl import _document, json_decoder

        nonlocal decode
        decode = decode or json_decoder()

        if not line or line.isspace():
            return ("skip",)
        text, value, problem = _document(line, path, field, decode)
        fields = value if isinstance(value, dict) else {}
        clash = out_field is not None and out_field in fields
        if problem is None:
            return ("text", text, clash)
        message, column = problem
        record = json.dumps({**fields, out_field: ""}) if out_field is not None else None
        return ("bad", message, column, record, clash)

    return judge
