"""One output file, written so that no failure costs the user a file.

Every command writes its output files through :class:`OutputFile`:

* ``-`` is standard output, written as produced (a closed standard output is
  an :class:`OutputError`, exit code 3, before anything is read).
* A regular file (or a name not yet taken), wherever it is, is written to a
  temporary file of its own in the same folder (a fresh name no other run
  can take), flushed to disk (fsync) and renamed over the name only when the
  command succeeds: a failed or interrupted run leaves the old file as it
  was and no temporary file behind.
* A symbolic link is followed: its target is replaced as above and the link
  stays a link.
* Anything else that exists (a device such as ``/dev/null``, a FIFO), and a
  name that reaches an open descriptor (``/dev/stdout``, ``/dev/fd/3``,
  ``/proc/self/fd/1``), is opened and written directly, never replaced.

:func:`check_target` runs before any input is read: it refuses an output that
is one of the inputs (:class:`Inputs`: by name, through a symbolic link,
``..``, a hard link, a descriptor such as ``/dev/stdin``, or standard output
redirected to an input) and an output folder that is missing or not
writable, so a mistake costs no time and no data.
"""

from __future__ import annotations

import contextlib
import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, BinaryIO

from stemline.corpus.documents import file_identity
from stemline.corpus.problems import JobUsageError, OutputError
from stemline.corpus.signals import held

if TYPE_CHECKING:
    from stemline.corpus.documents import Source


def default_file_mode() -> int:
    """The mode a plainly created file gets (0o666 less the umask): mkstemp's
    private 0o600 would otherwise survive the rename into place."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_error(path: str, e: OSError) -> OutputError:
    """The one-line error for an output that cannot be written."""
    return OutputError(f"{path}: cannot write: {e.strerror or e}")


@contextlib.contextmanager
def writing(path: str) -> Iterator[None]:
    """Turns a failed write to ``path`` into its :class:`OutputError` (exit code
    3). A broken pipe is not a failed write: the reader of standard output went
    away (``| head``), which the command line's exit path ends quietly."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as e:
        raise write_error(path, e) from None


def written_in_place(path: str) -> bool:
    """Whether ``path`` is written directly rather than replaced: anything that
    exists and is not a regular file (a device, a FIFO, a socket), and a name
    that reaches an open descriptor (``/dev/stdout``, ``/dev/fd/1``,
    ``/proc/self/fd/1``), which may stand for a file the shell opened (with
    ``>>`` say, whose mode a replacement would not keep). A regular file
    anywhere else, ``/dev/shm`` included, is replaced."""
    if through_descriptor(path):
        return True
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:  # not there yet (or unreachable: the open will say why)
        return False


def through_descriptor(path: str) -> bool:
    """Whether following ``path``'s symbolic links passes through an open
    descriptor's name (``/proc/PID/fd/N``; ``/dev/stdout`` and ``/dev/fd`` are
    links to those on Linux).

    >>> through_descriptor("/no/such/file")
    False
    """
    current = os.path.abspath(path)
    for _ in range(40):  # the system's own limit on links in a row
        folder, name = os.path.split(current)
        current = os.path.join(os.path.realpath(folder), name)
        parts = current.split(os.sep)
        if len(parts) == 5 and parts[1] == "proc" and parts[3] == "fd":
            return True
        if len(parts) == 4 and parts[1:3] == ["dev", "fd"]:
            return True  # systems whose /dev/fd is not a link to /proc
        if not os.path.islink(current):
            return False
        current = os.path.join(folder, os.readlink(current))
    return False


def same_file(a: str, b: str) -> bool:
    """Whether two names are one file: the same path once symbolic links and
    ``..`` are resolved, or two hard links to one inode."""
    if os.path.realpath(a) == os.path.realpath(b):
        return True
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


class Inputs:
    """Every input of a run, as no output may be one: each regular file and
    pipe by its identity (device and inode, whatever name, link or descriptor
    reaches it; standard input's too, ``< in.txt``), each file named directly
    also by its resolved name (a device such as ``/dev/null``), and the folders
    that were walked, inside which no output folder may write."""

    def __init__(self, sources: Iterable[Source] = ()) -> None:
        self.identities: dict[tuple[int, int], str] = {}
        self.named: dict[str, str] = {}
        self.folders: dict[str, str] = {}
        for source in sources:
            if source.identity is not None:
                self.identities.setdefault(source.identity, source.name)
            if source.path is not None and source.folder is None:
                self.named.setdefault(os.path.realpath(source.path), source.name)
            if source.folder is not None:
                self.folders.setdefault(os.path.realpath(source.folder), source.folder)

    def holding(self, path: str) -> str | None:
        """The input that writing to ``path`` would write to, or None."""
        try:
            found = self.identities.get(file_identity(os.stat(path)) or (-1, -1))
        except (OSError, ValueError):
            found = None
        return found or self.named.get(os.path.realpath(path))

    def folder_holding(self, path: str) -> str | None:
        """The walked input folder that ``path`` (resolved) lies in, or None."""
        real = os.path.realpath(path)
        for walked, given in self.folders.items():
            if real == walked or real.startswith(walked.rstrip(os.sep) + os.sep):
                return given
        return None

    def standard_output(self) -> str | None:
        """The input that standard output is (``>> in.txt``), or None."""
        try:
            return self.identities.get(file_identity(os.fstat(1)) or (-1, -1))
        except OSError:
            return None


def check_target(path: str, inputs: Inputs, *, what: str = "output") -> None:
    """Refuses ``path`` as an output before anything is read: when it is one
    of ``inputs`` (JobUsageError, exit code 2), when it is a folder or its
    folder is missing or not writable (OutputError, exit code 3), or for
    ``-`` when standard output is closed (OutputError) or is an input."""
    if path == "-":
        stdout_binary()
        found = inputs.standard_output()
        if found is not None:
            raise JobUsageError(f"standard output is also an input ({found}); give -o FILE")
        return
    found = inputs.holding(path)
    if found is not None:
        named = "" if found == path else f" ({found})"
        raise JobUsageError(f"the {what} {path} is also an input{named}")
    if os.path.isdir(path):
        raise OutputError(f"{path}: cannot write: is a folder")
    if written_in_place(path):
        return  # a device or a FIFO: its folder does not matter
    real = os.path.realpath(path)
    folder = os.path.dirname(real) or "."
    if not os.path.isdir(folder):
        raise OutputError(f"{path}: cannot write: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: cannot write: the folder {folder} is not writable")


def check_entry(path: str, inputs: Inputs) -> None:
    """:func:`check_target` for a file an output folder will hold, whose
    folders may not exist yet: the nearest one that does must be a writable
    folder, and none of them may lie inside an input folder."""
    found = inputs.holding(path)
    if found is not None:
        raise JobUsageError(f"the output {path} would replace the input {found}")
    walked = inputs.folder_holding(os.path.dirname(path) or ".")
    if walked is not None:
        raise JobUsageError(f"the output {path} would be written inside the input folder {walked}")
    if os.path.isdir(path):
        raise OutputError(f"{path}: cannot write: is a folder")
    folder = os.path.dirname(path) or "."
    while not os.path.lexists(folder):
        folder = os.path.dirname(folder) or "."
    if not os.path.isdir(folder):
        raise OutputError(f"{path}: cannot write: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(f"{path}: cannot write: the folder {folder} is not writable")


def stdout_binary() -> BinaryIO:
    """Standard output as bytes; an OutputError when it is closed (``>&-``)."""
    stream = sys.stdout
    closed = OutputError("standard output is closed; give -o FILE")
    if stream is None:  # how Python starts when file descriptor 1 is closed
        raise closed
    try:
        fd = stream.fileno()
    except io.UnsupportedOperation:  # not a file at all (a test's capture)
        return stream.buffer
    except (OSError, ValueError):
        raise closed from None
    try:
        os.fstat(fd)
    except OSError:
        raise closed from None
    return stream.buffer


class OutputFile:
    """A binary file object ``raw`` (with ``fileno()``) for one output, made
    final by :meth:`commit` or discarded by :meth:`abort` (see the module).

    ``temp`` names the temporary file instead of a fresh random name (for
    ``--resume``, whose partial file must be found again); ``keep`` keeps it on
    :meth:`abort`; ``append`` opens an existing ``temp`` to continue it.
    """

    def __init__(
        self, path: str, *, temp: str | None = None, keep: bool = False, append: bool = False
    ):
        self.path = path
        self.keep = keep
        self.tmp: str | None = None
        self.raw: BinaryIO
        self._closed = False
        self.target: str | None = None
        if path == "-":
            self.raw = stdout_binary()
            return
        try:
            # A signal arriving while the temporary file is made waits until it
            # is registered: then it can always be found and removed.
            with held():
                self._create(path, temp, append)
        except OSError as e:
            self.abort()
            raise write_error(path, e) from None
        except BaseException:
            self.abort()
            raise

    def _create(self, path: str, temp: str | None, append: bool) -> None:
        if written_in_place(path):
            self.target = path
            self.raw = open(path, "wb")  # noqa: SIM115 (closed by commit/abort)
            return
        self.target = os.path.realpath(path)
        folder, base = os.path.split(self.target)
        mode = self._mode(self.target)
        if temp is not None:
            self.tmp = os.path.join(folder, temp)
            if not self.keep:
                _TEMPORARY.add(self.tmp)
            self.raw = open(self.tmp, "r+b" if append else "wb")  # noqa: SIM115
        else:
            # Imported here: standard output (a short command's usual output)
            # does without it, and it costs more than the rest of this module.
            import tempfile

            fd, self.tmp = tempfile.mkstemp(dir=folder, prefix=f".{base}.", suffix=".partial")
            _TEMPORARY.add(self.tmp)
            self.raw = os.fdopen(fd, "wb")
        if not append:
            os.chmod(self.tmp, mode)  # by name: os.fchmod is not on every platform

    @staticmethod
    def _mode(target: str) -> int:
        """A replaced file keeps its permissions; a new one gets the default."""
        try:
            return stat.S_IMODE(os.stat(target).st_mode)
        except OSError:
            return default_file_mode()

    @property
    def direct(self) -> bool:
        """Written in place (standard output, a device, a FIFO), not renamed."""
        return self.tmp is None

    def sync(self) -> None:
        """Flushes to disk what is written so far (for a checkpoint)."""
        with writing(self.path):
            self.raw.flush()
            if not self.direct:
                os.fsync(self.raw.fileno())

    def commit(self) -> None:
        """Makes the output final: fsync and rename a temporary file into place."""
        try:
            with writing(self.path):
                self.raw.flush()
                if self.target is None:
                    return  # standard output stays open for whoever comes next
                if not self.direct:
                    os.fsync(self.raw.fileno())
                self._closed = True
                self.raw.close()
                if self.tmp is not None:
                    os.replace(self.tmp, self.target)
                    _TEMPORARY.discard(self.tmp)
                    self.tmp = None
        except OutputError:
            self.abort()  # the temporary file goes now: this output failed for good
            raise

    def abort(self) -> None:
        """After a failure: closes the file, ignoring a second failure (a full
        disk fails the close too), and removes the temporary file unless kept."""
        if self.target is None:
            return
        if not self._closed and hasattr(self, "raw"):
            self._closed = True
            with contextlib.suppress(OSError, ValueError):
                self.raw.close()
        if not self.keep:
            self._discard()

    def _discard(self) -> None:
        if self.tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(self.tmp)
            _TEMPORARY.discard(self.tmp)
            self.tmp = None


#: Temporary files made and not yet renamed into place or removed.
_TEMPORARY: set[str] = set()


def discard_temporary_files() -> None:
    """Removes every temporary output file still there: the last clean-up on
    the way out of a command that failed or was stopped, whatever the place
    it stopped at (see ``stemline.cli.run``). Kept ``--resume`` files are not
    temporary in this sense and stay."""
    for path in sorted(_TEMPORARY):
        with contextlib.suppress(OSError):
            os.unlink(path)
    _TEMPORARY.clear()
