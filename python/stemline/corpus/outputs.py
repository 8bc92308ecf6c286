"""Where the output goes: standard output, one file, or a folder mirroring the inputs.

* Standard output (the default): written as it is produced.
* ``-o FILE``: written to a temporary file beside it (``.FILE.*.partial``)
  and renamed to FILE only when the run succeeds, so a failed or killed run
  never leaves a FILE that looks finished (a symbolic link is written
  through, a device or FIFO directly: see ``target.py``, which every file
  output goes through). FILE's extension chooses the
  compression (``.gz .bz2 .xz .zst``) and, with ``--output-format auto``,
  the format (``.jsonl``/``.ndjson``, ``.csv``, ``.tsv``, ``.parquet``/``.pq``;
  anything else: lines).
* ``--output-dir DIR``: one output file per input, at the input's path
  relative to the folder it was found in (a file named directly: its name),
  each written to a temporary name and renamed when that input is done. With
  ``--output-format auto`` each output keeps its input's format and name
  (``a/b.jsonl.gz`` gives ``DIR/a/b.jsonl.gz``, gzip'd JSON Lines; a text
  file gives lines); with a format given, the format extension changes
  (``a/b.csv`` with ``jsonl`` gives ``DIR/a/b.jsonl``). Every entry is
  checked before anything is written (``target.check_entry``): two inputs
  that map to one output (also through a link in the folder), an entry that
  is an input (by name, or a link to one), an entry inside an input folder,
  or one whose folder cannot be made, is an error.

``--resume`` (a file or a folder, not standard output): a journal (see
``journal.py``) records each finished input; a rerun with ``--resume`` after
the process was killed (even with SIGKILL) skips them and finishes with
output identical to an uninterrupted ``--resume`` run; the journal is locked
while a run uses it, so two runs never share it. For one output file
the partial file keeps a fixed name (``.FILE.stemline-partial``) and is cut
back to the end of the last finished input; a compressed one is written as
one compressed member (gzip) / stream (bzip2, xz) / frame (zstd) per input,
which every decompressor reads as one stream, so its bytes too are identical.
Without ``--resume`` any journal left for the same output is discarded.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any, NamedTuple

from stemline.corpus import compression, formats
from stemline.corpus.documents import Chunk, Source
from stemline.corpus.formats import FORMATS
from stemline.corpus.journal import Journal, entry
from stemline.corpus.problems import JobUsageError, OutputError
from stemline.corpus.target import Inputs, OutputFile, check_entry, check_target, writing
from stemline.corpus.writers import TextWriter, Writer, encode

PARTIAL = ".stemline-partial"


# A NamedTuple rather than a frozen dataclass: as immutable, and defined in
# a fraction of the time (it is defined at every command's start-up).
class OutputSpec(NamedTuple):
    path: str = "-"
    directory: str | None = None
    format: str = "auto"
    field: str = "normalized"
    resume: bool = False
    #: Also write each token's source offsets (JSON Lines only).
    offsets: bool = False


def _check_offsets(spec: OutputSpec, fmt: str) -> None:
    if spec.offsets and not FORMATS[fmt].offsets:
        can = formats.titles(f.name for f in FORMATS.values() if f.offsets)
        example = next(f.extension for f in FORMATS.values() if f.offsets)
        raise JobUsageError(
            f"--offsets needs {can} output (-o NAME{example} or --output-format "
            f"{next(f.name for f in FORMATS.values() if f.offsets)}), not {fmt}"
        )


def format_from_name(name: str) -> str:
    """The output format an output file's name asks for (``lines`` by default).

    >>> format_from_name("out.jsonl.gz"), format_from_name("out.txt")
    ('jsonl', 'lines')
    """
    fmt = formats.from_name(name)
    return fmt.name if fmt is not None else "lines"


class SingleOutput:
    """Standard output or one file."""

    def __init__(self, spec: OutputSpec, sources: Sequence[Source], fingerprint: str):
        self.path = spec.path
        stdout = spec.path == "-"
        self.format = spec.format if spec.format != "auto" else format_from_name(spec.path)
        self.compression = None if stdout else compression.from_name(spec.path)
        self.resume = spec.resume
        self.done: set[int] = set()
        self._pending: list[dict[str, Any]] = []
        self.journal: Journal | None = None
        if stdout and spec.resume:
            raise JobUsageError("--resume needs an output file (-o) or folder (--output-dir)")
        fmt = FORMATS[self.format]
        if fmt.whole_file:
            if stdout:
                raise JobUsageError(
                    f"{fmt.title} output needs a file (-o NAME{fmt.extension}) or --output-dir"
                )
            if self.compression:
                raise JobUsageError(
                    f"{fmt.title} output cannot be compressed outside (it compresses inside)"
                )
            if spec.resume:
                raise JobUsageError(
                    f"--resume cannot continue a single {fmt.title} file; use --output-dir"
                )
        inputs = Inputs(sources)
        check_target(spec.path, inputs)
        _check_offsets(spec, self.format)
        with writing(spec.path):
            self._open(spec, sources, fingerprint, inputs)

    def _open(
        self, spec: OutputSpec, sources: Sequence[Source], fingerprint: str, inputs: Inputs
    ) -> None:
        entries = []
        if self.path != "-" and self.resume:
            # Beside the file itself (a symbolic link's target), where the output goes.
            folder, base = os.path.split(os.path.realpath(self.path))
            self.journal = Journal(os.path.join(folder, f".{base}.stemline-resume"))
            partial = os.path.join(folder, f".{base}{PARTIAL}")
            for kept in (self.journal.path, partial):  # outputs too, kept between runs
                check_target(kept, inputs)
            # The partial file's name is fixed, to be found again: the
            # journal's lock keeps it to one run at a time.
            self.journal.lock()
            if self.journal.exists() and os.path.exists(partial):
                entries = self.journal.load(fingerprint, sources)
            self.file = OutputFile(
                self.path, temp=f".{base}{PARTIAL}", keep=True, append=bool(entries)
            )
            if entries:
                end = entries[-1]["offset"]
                if os.fstat(self.file.raw.fileno()).st_size < end:
                    raise JobUsageError(
                        f"{partial} is shorter than its journal says; run without --resume"
                    )
                self.file.raw.truncate(end)
                self.file.raw.seek(end)
                self.done = {e["index"] for e in entries}
        else:
            if self.path != "-":
                folder, base = os.path.split(os.path.realpath(self.path))
                self._discard_journal(folder, base)
            self.file = OutputFile(self.path)
        self.raw = self.file.raw
        self.tmp = self.file.tmp
        self.writer: Writer = FORMATS[self.format].open_writer(
            self.raw, spec.field, compression=self.compression, offsets=spec.offsets
        )
        if entries:
            self.writer.restore(entries[-1].get("state", {}))
        if self.journal is not None:
            self.journal.start(fingerprint, entries)

    @staticmethod
    def _discard_journal(folder: str, base: str) -> None:
        """Without ``--resume``: what an interrupted ``--resume`` run kept is
        discarded, unless that run is still going (its journal is locked)."""
        journal = Journal(os.path.join(folder, f".{base}.stemline-resume"))
        if not os.path.lexists(journal.path):
            return
        journal.lock()
        journal.remove()
        try:
            os.unlink(os.path.join(folder, f".{base}{PARTIAL}"))
        except FileNotFoundError:
            pass

    def write(self, chunk: Chunk, lines: list[Any]) -> None:
        with writing(self.path):
            self.writer.write(chunk, lines)
            if chunk.last and self.resume:
                self.writer.end_source()
                offset = self.raw.tell()
                self._pending.append(entry(chunk.source, offset=offset, state=self.writer.state()))

    def checkpoint(self) -> None:
        """Makes the finished inputs' output durable, then records them."""
        if not self._pending:
            return
        self.file.sync()
        assert self.journal is not None  # only a resumable job has pending entries
        self.journal.record(self._pending)
        self._pending = []

    def commit(self) -> None:
        with writing(self.path):
            self.writer.close()
        self.file.commit()
        if self.journal is not None:
            self.journal.remove()

    def abort(self) -> None:
        """After a failure: removes the temporary file, unless ``--resume`` keeps
        it (and the journal) for the next run."""
        writer = getattr(self, "writer", None)
        if writer is not None:
            writer.abort()
        if hasattr(self, "file"):
            self.file.abort()
        if self.journal is not None:
            self.journal.close()


class MirroredOutput:
    """One output file per input, under a folder."""

    def __init__(self, spec: OutputSpec, sources: Sequence[Source], fingerprint: str):
        assert spec.directory is not None  # see open_output
        self.spec = spec
        self.root: str = spec.directory
        self.done: set[int] = set()
        self._pending: list[dict[str, Any]] = []
        self._current: _Mirrored | None = None
        self.targets: dict[int, tuple[str, str]] = {}
        inputs = Inputs(sources)
        self._check_root(inputs)
        seen: dict[str, Source] = {}
        for source in sources:
            if source.path is None:
                raise JobUsageError("--output-dir cannot mirror standard input; use -o")
            fmt = spec.format if spec.format != "auto" else formats.output_of(source.format)
            relative = self._name(source, fmt)
            target = os.path.normpath(os.path.join(self.root, relative))
            # Two names of one file (a link in the output folder) are one output.
            real = os.path.realpath(target)
            other = seen.get(real)
            if other is not None:
                raise JobUsageError(
                    f"{other.name} and {source.name} would both be written to {target}"
                )
            seen[real] = source
            # Entry by entry, before anything is written: no input (whatever
            # links lead there), nothing inside an input folder, a folder
            # that can be made and written.
            check_entry(target, inputs)
            _check_offsets(spec, fmt)
            self.targets[source.index] = (target, fmt)
        self.journal = Journal(os.path.join(self.root, ".stemline-resume"))
        with writing(self.root):
            os.makedirs(self.root, exist_ok=True)
            if not os.access(self.root, os.W_OK | os.X_OK):
                raise PermissionError(13, "the folder is not writable")
            if spec.resume or os.path.lexists(self.journal.path):
                self.journal.lock()  # one resumable run at a time in a folder
            if spec.resume:
                entries = []
                if self.journal.exists():
                    entries = self.journal.load(fingerprint, sources)
                for k, record in enumerate(entries):  # an output deleted since: redo from there
                    if not os.path.exists(self.targets[record["index"]][0]):
                        entries = entries[:k]
                        break
                self.done = {e["index"] for e in entries}
                self.journal.start(fingerprint, entries)
            else:
                self.journal.remove()

    def _check_root(self, inputs: Inputs) -> None:
        """The output folder: not inside an input folder, and a folder (or a
        name one can be made at)."""
        walked = inputs.folder_holding(self.root)
        if walked is not None:
            raise JobUsageError(
                f"the output folder {self.root} is inside the input folder {walked}"
            )
        if os.path.lexists(self.root) and not os.path.isdir(self.root):
            raise OutputError(f"{self.root}: cannot write: not a folder")

    @staticmethod
    def _name(source: Source, fmt: str) -> str:
        """The output's path in the folder: the input's, with the format's
        extension when the format changes (and the input's compression, for a
        format that can be compressed)."""
        if fmt == formats.output_of(source.format):
            return source.relative
        comp = compression.from_name(source.relative)
        name = formats.strip_compression(source.relative)
        endings = [e for f in FORMATS.values() for e in (*f.endings, f.extension)]
        ending = next((e for e in endings if name.lower().endswith(e)), "")
        name = name[: len(name) - len(ending)] + FORMATS[fmt].extension
        if comp and not FORMATS[fmt].whole_file:
            name += compression.SUFFIXES[comp]
        return name

    def _open(self, source: Source) -> _Mirrored:
        target, fmt = self.targets[source.index]
        os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
        file = OutputFile(target)  # a temporary name of its own: see target.py
        try:
            writer = FORMATS[fmt].open_writer(
                file.raw,
                self.spec.field,
                compression=None if FORMATS[fmt].whole_file else compression.from_name(target),
                offsets=self.spec.offsets,
            )
        except BaseException:
            file.abort()
            raise
        return _Mirrored(source, writer, file)

    def write(self, chunk: Chunk, lines: list[Any]) -> None:
        if self._current is None or self._current.source.index != chunk.source.index:
            with writing(self.root):
                self._current = self._open(chunk.source)
        current = self._current
        with writing(current.file.path):
            current.writer.write(chunk, lines)
            if chunk.last:
                current.writer.close()
                current.file.commit()  # on disk before the journal says it is done
                self._current = None
                if self.spec.resume:
                    self._pending.append(entry(current.source))

    def checkpoint(self) -> None:
        if self._pending:
            self.journal.record(self._pending)
            self._pending = []

    def commit(self) -> None:
        self.journal.remove()

    def abort(self) -> None:
        if self._current is not None:
            self._current.writer.abort()
            self._current.file.abort()
            self._current = None
        self.journal.close()


class _Mirrored:
    """The output file being written for one input (a plain class: this module
    is imported at every command's start-up, where a dataclass costs more)."""

    def __init__(self, source: Source, writer: Writer, file: OutputFile):
        self.source = source
        self.writer = writer
        self.file = file


class TextOutput:
    """Text written as it is made (a vocabulary, a report, sentences) to standard
    output or one file: checked before any input is read, compressed as the
    file's name says (``.gz .bz2 .xz .zst``), made final by :meth:`commit`.

    Lone surrogates are written as ``format`` says: kept (``surrogatepass``, as
    :meth:`stemline.Vocabulary.save` writes and reads them), or by a record
    format's rule (``lines``, ``jsonl``: see :func:`stemline.corpus.writers.encode`).
    """

    def __init__(self, path: str, sources: Sequence[Source], format: str | None = None):
        self.path = path
        self.format = format
        check_target(path, Inputs(sources))
        self.file = OutputFile(path)
        comp = None if path == "-" else compression.from_name(path)
        self.writer = TextWriter(self.file.raw, comp)

    def write(self, text: str) -> int:
        data = (
            text.encode("utf-8", "surrogatepass")
            if self.format is None
            else encode(text, self.format)
        )
        with writing(self.path):
            self.writer.write_bytes(data)
        return len(text)

    def checkpoint(self) -> None:
        pass

    def commit(self) -> None:
        with writing(self.path):
            self.writer.close()
        self.file.commit()

    def abort(self) -> None:
        self.writer.abort()
        self.file.abort()


def open_output(
    spec: OutputSpec, sources: Sequence[Source], fingerprint: str
) -> SingleOutput | MirroredOutput:
    """The output for a job (``SingleOutput`` or ``MirroredOutput``)."""
    if spec.directory is not None:
        return MirroredOutput(spec, sources, fingerprint)
    return SingleOutput(spec, sources, fingerprint)
