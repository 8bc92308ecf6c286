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
  (``a/b.csv`` with ``jsonl`` gives ``DIR/a/b.jsonl``). Two inputs that map
  to one output, or an output folder inside an input folder, are errors.

``--resume`` (a file or a folder, not standard output): a journal (see
``journal.py``) records each finished input; a rerun with ``--resume`` after
the process was killed (even with SIGKILL) skips them and finishes with
output identical to an uninterrupted ``--resume`` run. For one output file
the partial file keeps a fixed name (``.FILE.stemline-partial``) and is cut
back to the end of the last finished input; a compressed one is written as
one compressed member (gzip) / stream (bzip2, xz) / frame (zstd) per input,
which every decompressor reads as one stream, so its bytes too are identical.
Without ``--resume`` any journal left for the same output is discarded.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from stemline.corpus import compression
from stemline.corpus.discovery import FORMAT_EXTENSIONS
from stemline.corpus.documents import Chunk, Source
from stemline.corpus.journal import Journal, entry
from stemline.corpus.problems import JobUsageError
from stemline.corpus.target import OutputFile, check_target, same_file, write_error
from stemline.corpus.writers import EXTENSIONS, encoded, text_writer

if TYPE_CHECKING:
    from stemline.corpus.writers.parquet import ParquetWriter

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
    if spec.offsets and fmt != "jsonl":
        raise JobUsageError(
            f"--offsets needs JSON Lines output (-o NAME.jsonl or --output-format jsonl), not {fmt}"
        )


def format_from_name(name: str) -> str:
    """The output format an output file's name asks for.

    >>> format_from_name("out.jsonl.gz"), format_from_name("out.txt")
    ('jsonl', 'lines')
    """
    comp = compression.from_name(name)
    base = name[: -len(compression.SUFFIXES[comp])] if comp else name
    for ext, fmt in FORMAT_EXTENSIONS.items():
        if base.lower().endswith(ext):
            return fmt
    return "lines"


def _parquet_writer(raw: BinaryIO, field: str) -> ParquetWriter:
    # Imported only for Parquet output: its module imports the CSV and Parquet readers.
    from stemline.corpus.writers.parquet import ParquetWriter

    return ParquetWriter(raw, field)


def _natural(source_format: str) -> str:
    return "lines" if source_format in ("text", "lines") else source_format


class _ByteSink:
    """Bytes to a file, through a compressor when asked. ``end_member`` ends
    the current compressed member/stream/frame; the next write starts another."""

    def __init__(self, raw: BinaryIO, comp: str | None):
        self.raw = raw
        self.compression = comp
        self._member: BinaryIO | None = None
        self._members = 0

    def write(self, data: bytes) -> None:
        if not data:
            return
        if self.compression is None:
            self.raw.write(data)
            return
        if self._member is None:
            self._member = compression.open_writer(self.raw, self.compression)
        self._member.write(data)

    def end_member(self) -> None:
        if self._member is not None:
            self._member.close()
            self._member = None
            self._members += 1

    def finish(self) -> None:
        """Ends the last member; an empty compressed output gets one empty member."""
        if self.compression is not None and self._members == 0 and self._member is None:
            self._member = compression.open_writer(self.raw, self.compression)
        self.end_member()
        self.raw.flush()


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
        if self.format == "parquet":
            if stdout:
                raise JobUsageError("Parquet output needs a file (-o NAME.parquet) or --output-dir")
            if self.compression:
                raise JobUsageError(
                    "Parquet output cannot be compressed outside (it compresses inside)"
                )
            if spec.resume:
                raise JobUsageError(
                    "--resume cannot continue a single Parquet file; use --output-dir"
                )
        check_target(spec.path, [source.path for source in sources])
        _check_offsets(spec, self.format)
        self.writer = (
            text_writer(self.format, spec.field, offsets=spec.offsets)
            if self.format != "parquet"
            else None
        )
        try:
            self._open(spec, sources, fingerprint)
        except OSError as e:
            raise write_error(spec.path, e) from None

    def _open(self, spec: OutputSpec, sources: Sequence[Source], fingerprint: str) -> None:
        if self.path != "-" and self.resume:
            # Beside the file itself (a symbolic link's target), where the output goes.
            folder, base = os.path.split(os.path.realpath(self.path))
            self.journal = Journal(os.path.join(folder, f".{base}.stemline-resume"))
            partial = os.path.join(folder, f".{base}{PARTIAL}")
            entries = []
            if self.journal.exists() and os.path.exists(partial):
                entries = self.journal.load(fingerprint, sources)
            self.file = OutputFile(
                self.path, temp=f".{base}{PARTIAL}", keep=True, append=bool(entries)
            )
            self.raw = self.file.raw
            if entries:
                end = entries[-1]["offset"]
                if os.fstat(self.raw.fileno()).st_size < end:
                    raise JobUsageError(
                        f"{partial} is shorter than its journal says; run without --resume"
                    )
                self.raw.truncate(end)
                self.raw.seek(end)
                assert self.writer is not None  # Parquet output is never resumed
                self.writer.restore(entries[-1].get("state", {}))
                self.done = {e["index"] for e in entries}
            self.journal.start(fingerprint, entries)
        else:
            if self.path != "-":
                folder, base = os.path.split(os.path.realpath(self.path))
                self._discard_journal(folder, base)
            self.file = OutputFile(self.path)
            self.raw = self.file.raw
        self.tmp = self.file.tmp
        if self.format == "parquet":
            self.parquet = _parquet_writer(self.raw, spec.field)
        self.sink = _ByteSink(self.raw, self.compression)

    @staticmethod
    def _discard_journal(folder: str, base: str) -> None:
        for name in (f".{base}.stemline-resume", f".{base}{PARTIAL}"):
            try:
                os.unlink(os.path.join(folder, name))
            except FileNotFoundError:
                pass

    def write(self, chunk: Chunk, lines: list[str]) -> None:
        try:
            if self.format == "parquet":
                self.parquet.write(chunk, lines)
                return
            for data in encoded(self.writer, chunk, lines, self.format):
                self.sink.write(data)
            if chunk.last and self.resume:
                self.sink.end_member()
                self.raw.flush()
                offset = self.raw.tell()
                assert self.writer is not None  # every format but Parquet has one
                self._pending.append(entry(chunk.source, offset=offset, state=self.writer.state()))
        except BrokenPipeError:
            raise  # the reader of standard output went away (| head): see cli.py
        except OSError as e:
            raise write_error(self.path, e) from None

    def checkpoint(self) -> None:
        """Makes the finished inputs' output durable, then records them."""
        if not self._pending:
            return
        self.file.sync()
        assert self.journal is not None  # only a resumable job has pending entries
        self.journal.record(self._pending)
        self._pending = []

    def commit(self) -> None:
        try:
            if self.format == "parquet":
                self.parquet.close()
            else:
                self.sink.finish()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise write_error(self.path, e) from None
        self.file.commit()
        if self.journal is not None:
            self.journal.remove()

    def abort(self) -> None:
        """After a failure: removes the temporary file, unless ``--resume`` keeps
        it (and the journal) for the next run."""
        if self.format == "parquet" and hasattr(self, "parquet"):
            self.parquet.abort()
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
        seen: dict[str, Source] = {}
        out_real = os.path.realpath(self.root)
        for source in sources:
            if source.path is None:
                raise JobUsageError("--output-dir cannot mirror standard input; use -o")
            fmt = spec.format if spec.format != "auto" else _natural(source.format)
            relative = self._name(source, fmt)
            target = os.path.normpath(os.path.join(self.root, relative))
            other = seen.get(target)
            if other is not None:
                raise JobUsageError(
                    f"{other.name} and {source.name} would both be written to {target}"
                )
            seen[target] = source
            if source.folder is not None:
                walked = os.path.realpath(source.folder)
                if out_real == walked or out_real.startswith(walked.rstrip(os.sep) + os.sep):
                    raise JobUsageError(
                        f"the output folder {self.root} is inside the input folder {source.folder}"
                    )
            elif same_file(source.path, target):
                raise JobUsageError(f"the output {target} would replace its input")
            self.targets[source.index] = (target, fmt)
        self.journal = Journal(os.path.join(self.root, ".stemline-resume"))
        try:
            os.makedirs(self.root, exist_ok=True)
            if not os.access(self.root, os.W_OK | os.X_OK):
                raise PermissionError(13, "the folder is not writable")
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
        except OSError as e:
            raise write_error(self.root, e) from None

    @staticmethod
    def _name(source: Source, fmt: str) -> str:
        if fmt == _natural(source.format):
            return source.relative
        name = source.relative
        comp = compression.from_name(name)
        if comp:
            name = name[: -len(compression.SUFFIXES[comp])]
        for ext in (*FORMAT_EXTENSIONS, ".txt"):
            if name.lower().endswith(ext):
                name = name[: -len(ext)]
                break
        name += EXTENSIONS[fmt]
        if comp and fmt != "parquet":
            name += compression.SUFFIXES[comp]
        return name

    def _open(self, source: Source) -> _Mirrored:
        target, fmt = self.targets[source.index]
        folder, base = os.path.split(target)
        os.makedirs(folder or ".", exist_ok=True)
        file = OutputFile(target, temp=f".{base}{PARTIAL}")
        if fmt == "parquet":
            return _Mirrored(source, _parquet_writer(file.raw, self.spec.field), None, file)
        _check_offsets(self.spec, fmt)
        writer = text_writer(fmt, self.spec.field, offsets=self.spec.offsets)
        return _Mirrored(source, writer, _ByteSink(file.raw, compression.from_name(target)), file)

    def write(self, chunk: Chunk, lines: list[str]) -> None:
        try:
            if self._current is None or self._current.source.index != chunk.source.index:
                self._current = self._open(chunk.source)
            current = self._current
            if current.sink is None:
                current.writer.write(chunk, lines)
            else:
                fmt = self.targets[current.source.index][1]
                for data in encoded(current.writer, chunk, lines, fmt):
                    current.sink.write(data)
            if chunk.last:
                if current.sink is None:
                    current.writer.close()
                else:
                    current.sink.finish()
                current.file.commit()  # on disk before the journal says it is done
                self._current = None
                if self.spec.resume:
                    self._pending.append(entry(current.source))
        except OSError as e:
            where = self._current.file.path if self._current else self.root
            raise write_error(where, e) from None

    def checkpoint(self) -> None:
        if self._pending:
            self.journal.record(self._pending)
            self._pending = []

    def commit(self) -> None:
        self.journal.remove()

    def abort(self) -> None:
        if self._current is not None:
            if self._current.sink is None:
                self._current.writer.abort()
            self._current.file.abort()
            self._current = None
        self.journal.close()


class _Mirrored:
    """The output file being written for one input (a plain class: this module
    is imported at every command's start-up, where a dataclass costs more)."""

    def __init__(self, source: Source, writer: Any, sink: _ByteSink | None, file: OutputFile):
        self.source = source
        self.writer = writer
        #: None for Parquet, which writes its own bytes.
        self.sink = sink
        self.file = file


def open_output(
    spec: OutputSpec, sources: Sequence[Source], fingerprint: str
) -> SingleOutput | MirroredOutput:
    """The output for a job (``SingleOutput`` or ``MirroredOutput``)."""
    if spec.directory is not None:
        return MirroredOutput(spec, sources, fingerprint)
    return SingleOutput(spec, sources, fingerprint)
