"""The ``--resume`` journal: which inputs are finished, and where their output ends.

A JSON Lines file beside the output (``.NAME.stemline-resume`` for ``-o
NAME``, ``DIR/.stemline-resume`` for ``--output-dir DIR``). The first line
is a fingerprint of the job: stemline's version, every option that changes
the output, and the list of inputs. Each further line records one finished
input, in order: its name, size and modification time, the output size after
it (single output file) and the writer's state (the CSV columns). Lines are
appended and flushed to disk (``fsync``) only after the output they describe
has been flushed to disk, so after any crash the journal never claims more
than the output holds; a torn last line is ignored.

On ``--resume`` the fingerprint must match and every finished input must be
unchanged (same size and time); otherwise the run stops with an error rather
than mixing two different jobs' output. An input that cannot be checked so
(standard input, a pipe) is never taken as finished: it is read again, with
every input after it.

A run that uses the journal holds a lock on it (``flock``, where the system
has it) until it ends: a second run with ``--resume`` into the same output,
or one without it that would discard the journal, stops with an error
instead of writing into the first run's partial output.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from typing import Any, TextIO

from stemline.corpus.documents import Source
from stemline.corpus.problems import InputError, JobUsageError, OutputError

VERSION = 1


def fingerprint(job: dict[str, Any], sources: Sequence[Source]) -> str:
    """A digest of the job's options and its list of inputs."""
    import hashlib  # only a resumable job needs one (it costs a short command ~3 ms)

    listing = [[s.name, s.format] for s in sources]
    text = json.dumps({"job": job, "inputs": listing}, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def entry(source: Source, **extra: Any) -> dict[str, Any]:
    """The journal line of a finished input."""
    return {
        "index": source.index,
        "name": source.name,
        "size": source.size,
        "mtime_ns": source.mtime_ns,
        **extra,
    }


class Journal:
    def __init__(self, path: str):
        self.path = path
        self._file: TextIO | None = None
        self._lock: int | None = None

    def exists(self) -> bool:
        """Whether an earlier run left a journal (:meth:`lock` may have made an
        empty one)."""
        try:
            return os.path.getsize(self.path) > 0
        except OSError:
            return False

    def lock(self) -> None:
        """Holds the journal for this run; an OutputError (exit code 3) when
        another run holds it."""
        if self._lock is not None:
            return
        try:
            import fcntl
        except ImportError:  # Windows: no advisory locks to take
            return
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise OutputError(
                f"{self.path}: another stemline run is writing this output with --resume; "
                "wait for it to end"
            ) from None
        self._lock = fd

    def load(self, fingerprint: str, sources: Sequence[Source]) -> list[dict[str, Any]]:
        """The finished inputs recorded by an interrupted run of the same job."""
        with open(self.path, encoding="utf-8", errors="surrogateescape") as f:
            lines = f.read().split("\n")
        try:
            header = json.loads(lines[0])
        except ValueError:
            header = {}
        if header.get("stemline_resume") != VERSION or header.get("fingerprint") != fingerprint:
            raise JobUsageError(
                f"{self.path} was written by a different job (other options or inputs); "
                "run without --resume to start over"
            )
        entries = []
        for line in lines[1:]:
            try:
                record = json.loads(line)
            except ValueError:
                break  # the torn end of an interrupted append
            entries.append(record)
        for k, record in enumerate(entries):
            source = sources[k] if k < len(sources) else None
            if source is None or record.get("index") != k or record.get("name") != source.name:
                raise JobUsageError(f"{self.path} does not match the inputs; run without --resume")
            if source.size is None or source.mtime_ns is None:
                # Standard input or a pipe: what comes now cannot be known to
                # be what came then, so it is read again, and all after it.
                return entries[:k]
            if (record.get("size"), record.get("mtime_ns")) != (source.size, source.mtime_ns):
                raise InputError(
                    source.name,
                    "changed since the interrupted run",
                    "run without --resume to start over",
                )
        return entries

    def start(self, fingerprint: str, entries: Sequence[dict[str, Any]] = ()) -> None:
        """(Re)writes the journal: the header, then ``entries``."""
        if self._file is not None:
            self._file.close()
        self._file = open(self.path, "w", encoding="utf-8")  # noqa: SIM115
        self._file.write(json.dumps({"stemline_resume": VERSION, "fingerprint": fingerprint}))
        self._file.write("\n")
        self.record(entries)

    def record(self, entries: Sequence[dict[str, Any]]) -> None:
        assert self._file is not None, "start() opens the journal"
        for record in entries:
            self._file.write(json.dumps(record, ensure_ascii=True) + "\n")
        self._file.flush()
        os.fsync(self._file.fileno())

    def close(self) -> None:
        """Closes the journal (kept for the next run) and lets go of its lock;
        one :meth:`lock` made and nothing wrote is removed."""
        if self._file is not None:
            self._file.close()
            self._file = None
        elif self._lock is not None and os.fstat(self._lock).st_size == 0:
            with contextlib.suppress(OSError):
                os.unlink(self.path)
        if self._lock is not None:
            os.close(self._lock)
            self._lock = None

    def remove(self) -> None:
        try:
            os.unlink(self.path)  # while still locked: no run can take it meanwhile
        except FileNotFoundError:
            pass
        self.close()
